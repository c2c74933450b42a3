from eventcoder.evaluate.geoxml import evaluate, read_gwn, read_lgl, score

LGL = """<?xml version="1.0" encoding="utf-8"?>
<articles><article docid="1"><text><![CDATA[Rockets hit Kabul and the Senator left.]]></text>
<toponyms><toponym><start>12</start><end>17</end><phrase>Kabul</phrase>
<gaztag geonameid="1138958"><name>Kabul</name><lat>34.5281</lat><lon>69.1723</lon></gaztag>
</toponym><toponym><start>26</start><end>33</end><phrase>Senator</phrase>
<gaztag geonameid="1"><lat>0</lat><lon>0</lon></gaztag></toponym></toponyms></article></articles>
"""

GWN = """<?xml version="1.0" ?>
<articles><article file="0"><title>t</title><text>Troops left Mosul for Erbil residents.</text>
<toponyms><toponym><extractedName>Mosul</extractedName><type>Literal</type>
<nonLocational>No</nonLocational><start>12</start><end>17</end><geonamesID>99072</geonamesID>
<latitude>36.335</latitude><longitude>43.1189</longitude></toponym>
<toponym><extractedName>residents</extractedName><type>Non_Lit_Expression</type>
<nonLocational>Yes</nonLocational><start>28</start><end>37</end></toponym></toponyms>
</article></articles>
"""


def test_lgl_scores_overlap_and_distance(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL, encoding="utf-8")
    figures = score(read_lgl(path))
    assert (figures["gold"], figures["predicted"], figures["matched"]) == (2, 1, 1)
    assert figures["precision"] == 1.0 and figures["recall"] == 0.5
    assert figures["within_161km"] == 1.0 and figures["exact_geonameid"] == 1.0


def test_outlets_named_in_the_gold_give_figures_with_their_inferred_homes_too(tmp_path):
    path = tmp_path / "lgl.xml"
    path.write_text(LGL.replace('<article docid="1">', '<article docid="1"><domain>kabul.example</domain>'),
                    encoding="utf-8")
    figures = score(read_lgl(path))
    assert figures["homes_sources"] == 1 and figures["homes_inferred"] == 0  # one article: too few votes
    assert figures["homes_within_161km"] == figures["within_161km"] == 1.0
    path.write_text(LGL, encoding="utf-8")
    assert "homes_f1" not in score(read_lgl(path))


def test_gwn_keeps_only_locational_toponyms(tmp_path):
    path = tmp_path / "GWN.xml"
    path.write_text(GWN, encoding="utf-8")
    articles = read_gwn(path)
    assert [t.phrase for t in articles[0].toponyms] == ["Mosul"]
    figures = score(articles)
    assert figures["matched"] == 1 and figures["predicted"] == 2
    assert figures["exact_geonameid"] == 1.0


def test_evaluate_reads_either_file_and_reports_each_article(tmp_path):
    path = tmp_path / "gold.xml"
    path.write_text(GWN, encoding="utf-8")
    report = evaluate(path)
    assert report.name == "gwn" and len(report.cases) == 1
    assert report.figures["matched"] == 1 and report.distances_km and report.distances_km[0] < 1
