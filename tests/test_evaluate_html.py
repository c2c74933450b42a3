from collections import Counter

from eventcoder.evaluate.html import write_report
from eventcoder.evaluate.report import Case, Report


def test_the_report_draws_tables_and_a_histogram_and_escapes_text(tmp_path):
    report = Report("demo", figures={"accuracy": 0.5, "reports": 2},
                    confusion=Counter({("Attack", "Attack"): 3, ("Attack", "Armed clash"): 1}),
                    distances_km=[0.5, 12.0, 300.0],
                    cases=[Case("r1", "<script>alert(1)</script> shelling", {"a": 1}, {"a": 2}, 0.0)])
    page = write_report([report], tmp_path).read_text()
    assert "<svg" in page and "class=matrix" in page and "0.500" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
