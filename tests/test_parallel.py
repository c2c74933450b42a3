from datetime import date
from itertools import count

import pytest

from eventcoder.article import Article
from eventcoder.io.ingest import Reject
from eventcoder.parallel import CHUNKS_PER_WORKER, process_records
from eventcoder.pipeline import extract_records
from eventcoder.runs import RunError

TEXTS = [
    "Al-Shabaab militants attacked an army base near Afgooye on Thursday, killing 12 soldiers.",
    "A US-led coalition air strike hit a market in Albu Kamal on Friday, killing at least 30 civilians, "
    "local sources said. The Syrian army entered Daraa on Thursday.",
    "Hundreds of protesters marched in Khartoum on Monday demanding the release of detained activists.",
    "Police fired tear gas at demonstrators in Nairobi on Tuesday; three people were injured.",
    "Gunmen abducted 20 students from a school in Kaduna state overnight, officials said.",
    "A roadside bomb killed two policemen in Kandahar on Wednesday. The Taliban denied responsibility.",
    "The ministry said talks between the two sides would resume next week in Geneva.",
    "Boko Haram fighters raided the village of Konduga, burning homes and killing five farmers.",
    "Israeli forces arrested 15 Palestinians in raids across the West Bank on Sunday.",
    "Nothing of note happened in the capital yesterday.",
    "Armed men shot dead a local chief in Bunia, Ituri province, on Saturday, a rights group said.",
    "Heavy shelling hit Donetsk on March 3, wounding seven people, the city administration said.",
]


def _batch():
    items = []
    for number, text in enumerate(TEXTS):
        items.append(Article(f"a{number}", text, published=date(2024, 3, 15)))
        if number % 5 == 2:
            items.append(Reject(f"r{number}", "batch.jsonl", number, "empty text"))
    return items


def test_two_workers_give_one_workers_output_in_order():
    single = list(process_records(_batch(), extract_records, workers=1))
    parallel = list(process_records(_batch(), extract_records, workers=2, chunk_size=3))
    assert parallel == single
    assert any(isinstance(item, Reject) for item in parallel)
    assert sum(len(item) for item in single if isinstance(item, list)) > 5


def test_one_worker_is_produce_itself():
    article = Article("x", TEXTS[0], published=date(2024, 3, 15))
    assert list(process_records([article], extract_records)) == [extract_records(article)]


def test_reads_only_a_bounded_window_ahead():
    pulled = count()

    def endless():
        for number in pulled:
            yield Article(f"a{number}", "Nothing happened.", published=date(2024, 3, 15))

    results = process_records(endless(), extract_records, workers=2, chunk_size=2)
    assert next(results) == []
    results.close()
    assert next(pulled) <= (2 * CHUNKS_PER_WORKER + 1) * 2 + 1


def test_a_lambda_is_refused_with_several_workers():
    with pytest.raises(RunError, match="E048"):
        list(process_records(_batch(), lambda article: [], workers=2))


def _fails_on_b(article):
    if article.id == "b":
        raise ValueError("no good")
    return [{"article_id": article.id}]


def test_an_article_that_breaks_the_pipeline_becomes_a_reject():
    articles = [Article(name, "Text.", published=date(2024, 3, 15)) for name in "abc"]
    for workers in (1, 2):
        results = list(process_records(articles, _fails_on_b, workers=workers))
        assert results[0] == [{"article_id": "a"}] and results[2] == [{"article_id": "c"}]
        assert isinstance(results[1], Reject) and "ValueError: no good" in results[1].reason


def _loaded_gazetteers(article):
    from eventcoder.gazetteer import load_gazetteer

    return [{"loaded": load_gazetteer.cache_info().currsize}]


def test_workers_start_with_the_gazetteer_loaded():
    articles = [Article(name, "Text.", published=date(2024, 3, 15)) for name in "abcd"]
    results = list(process_records(articles, _loaded_gazetteers, workers=2, chunk_size=1))
    assert results == [[{"loaded": 1}]] * 4
