from dataclasses import dataclass, fields
from datetime import date

import pytest

from eventcoder.article import Article
from eventcoder.errors import PipelineError
from eventcoder.pipeline import STAGES, Pipeline, process
from eventcoder.stages import stage

TEXT = ("Gunmen attacked a police post in Garissa on Monday, killing two officers, police said. "
        "The militants vowed to strike again.")
FIELDS = {f.name for f in fields(Article)}


@dataclass
class RecordingArticle(Article):
    """Notes which Article fields a stage reads and which it sets."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "touched", (set(), set()))

    def __getattribute__(self, name):
        if name in FIELDS:
            object.__getattribute__(self, "touched")[0].add(name)
        return object.__getattribute__(self, name)

    def __setattr__(self, name, value):
        if name in FIELDS and "touched" in self.__dict__:
            self.touched[1].add(name)
        object.__setattr__(self, name, value)


def test_each_stage_reads_and_sets_only_what_it_declares():
    article = RecordingArticle("t", TEXT, published=date(2024, 5, 8))
    for step in STAGES:
        article.touched[0].clear(), article.touched[1].clear()
        step(article)
        read, written = article.touched
        assert read <= set(step.reads) | set(step.sets), step.stage_name
        assert written <= set(step.sets), step.stage_name
    assert article.events


def test_until_runs_only_the_stages_that_stage_needs():
    article = process(Article("t", TEXT), until="places")
    assert article.places and not article.actors and not article.dates


def test_a_stage_reading_what_no_earlier_stage_sets_is_refused():
    @stage("early", reads=("text", "events"), sets=("warnings",))
    def early(article):
        return article

    with pytest.raises(PipelineError, match=r"E070.*'early' reads 'events'"):
        Pipeline([early, *STAGES])


def test_two_stages_setting_one_field_are_refused():
    with pytest.raises(PipelineError, match="E071"):
        Pipeline([*STAGES, STAGES[-1]])


def test_an_unknown_stage_name_lists_the_names():
    with pytest.raises(PipelineError, match="E072.*places"):
        process(Article("t", TEXT), until="place")


@pytest.mark.parametrize("text", ["", "  \n "])
def test_a_text_with_no_sentence_yields_no_event(text):
    assert process(Article("t", text, published=date(2024, 5, 10))).events == []
