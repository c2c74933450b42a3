from eventcoder.article import ActorMention, Article
from eventcoder.stages.text import split_sentences

TEXT = "Gunmen struck Kano. Police fled.\n\nTroops came back."  # sentences at 0-19, 20-32, 34-51


def article() -> Article:
    return split_sentences(Article("t", TEXT))


def test_sentence_at_its_boundaries():
    found = article()
    assert [(s.start, s.end) for s in found.sentences] == [(0, 19), (20, 32), (34, 51)]
    assert [found.sentence_at(offset).index for offset in (0, 18, 20, 31, 34, 50)] == [0, 0, 1, 1, 2, 2]
    assert [found.sentence_at(offset) for offset in (19, 32, 33, 51, -1)] == [None] * 5


def test_in_sentence_takes_the_mentions_that_start_in_it():
    found = article()
    # at a sentence's start, its last character, its end, in the gap between two, and one
    # that starts in the first sentence and runs into the second
    starts = [0, 14, 18, 19, 20, 31, 32, 33, 34, 50]
    mentions = [ActorMention(TEXT[s:s + 1], s, s + (5 if s == 18 else 1)) for s in starts]
    assert [[m.start for m in found.in_sentence(mentions, i)] for i in range(3)] == [
        [0, 14, 18], [20, 31], [34, 50]]
    assert found.in_sentence([], 1) == []
