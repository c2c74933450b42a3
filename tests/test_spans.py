import itertools

from eventcoder.spans import Spans

#: Overlapping, nested, repeated, touching and empty spans, given out of order.
SPANS = [(5, 9), (0, 3), (2, 6), (5, 9), (12, 12), (10, 14), (11, 13), (3, 3)]


def test_each_question_agrees_with_asking_every_span():
    spans = Spans(SPANS)
    for start, end in itertools.combinations_with_replacement(range(-1, 16), 2):
        assert spans.cover(start, end) == any(s <= start and end <= e for s, e in SPANS)
        assert spans.strictly_cover(start, end) == any(
            s <= start and end <= e and e - s > end - start for s, e in SPANS)
        assert spans.overlap(start, end) == any(s < end and start < e for s, e in SPANS)


def test_no_spans_hold_nothing():
    assert not Spans([]).cover(0, 0) and not Spans([]).overlap(0, 5) and not Spans([]).strictly_cover(1, 2)
