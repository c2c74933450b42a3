"""Runs the stages in order, checked: each stage reads only what the article brings or an earlier
stage sets (their declarations, :func:`eventcoder.stages.stage`), and no two stages set one field.

``process(article)`` runs them all; ``process(article, until="places")`` runs only the stages
that stage needs, then it: the partial runs of geoparsing and evaluation.
"""
from __future__ import annotations

from collections.abc import Sequence

from eventcoder.article import Article
from eventcoder.errors import Errors, PipelineError
from eventcoder.records import event_records
from eventcoder.stages import StageFunction
from eventcoder.stages.actors import find_actors, match_actor_names
from eventcoder.stages.attribution import find_attributions
from eventcoder.stages.casualties import find_casualties
from eventcoder.stages.dates import find_dates
from eventcoder.stages.events import find_events, find_triggers
from eventcoder.stages.places import find_places
from eventcoder.stages.status import find_statuses
from eventcoder.stages.text import split_sentences

__all__ = ["ARTICLE_INPUTS", "STAGES", "Pipeline", "extract_records", "process"]

#: The fields an Article brings from its input, before any stage runs.
ARTICLE_INPUTS = ("id", "text", "published", "url", "source", "title", "home")

#: The stages in the order they run.
STAGES: tuple[StageFunction, ...] = (
    split_sentences, match_actor_names, find_places, find_actors, find_dates, find_casualties,
    find_attributions, find_triggers, find_statuses, find_events,
)


class Pipeline:
    """Stages checked on creation; raises PipelineError naming the stage and the field."""

    def __init__(self, stages: Sequence[StageFunction]) -> None:
        self.stages = tuple(stages)
        self._setter: dict[str, StageFunction] = {}
        for stage in self.stages:
            for field in stage.reads:
                if field not in ARTICLE_INPUTS and field not in self._setter:
                    raise PipelineError(Errors.E070.format(stage=stage.stage_name, field=field))
            for field in stage.sets:
                if field in self._setter or field in ARTICLE_INPUTS:
                    raise PipelineError(Errors.E071.format(stage=stage.stage_name, field=field))
                self._setter[field] = stage
        self.names = [stage.stage_name for stage in self.stages]

    def process(self, article: Article, until: str | None = None) -> Article:
        """Runs every stage, or those the stage named ``until`` needs and then it."""
        for stage in self._needed(until):
            stage(article)
        return article

    def _needed(self, until: str | None) -> list[StageFunction]:
        if until is None:
            return list(self.stages)
        if until not in self.names:
            raise PipelineError(Errors.E072.format(name=until, choices=", ".join(self.names)))
        needed = {until}
        for stage in reversed(self.stages):
            if stage.stage_name in needed:
                needed |= {self._setter[f].stage_name for f in stage.reads if f in self._setter}
        return [stage for stage in self.stages if stage.stage_name in needed]


PIPELINE = Pipeline(STAGES)


def process(article: Article, until: str | None = None) -> Article:
    """Runs the pipeline over one article (see :meth:`Pipeline.process`) and returns it."""
    return PIPELINE.process(article, until)


def extract_records(article: Article) -> list[dict]:
    """The event records of one article (DESIGN.md's record), main event first."""
    return event_records(process(article))
