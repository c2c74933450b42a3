"""The run layer's registry of engines and its check of the actors a run began with."""
import pytest

from eventcoder.resources import ActorsFile
from eventcoder.runs import ResumeError, RunError, actors_state, check_same_actors, find_engine

MINE = ActorsFile("mine.yaml", "groups: []\n")


def test_engines_are_found_by_name_and_an_unknown_one_is_refused():
    from eventcoder.parallel import process_inputs

    assert find_engine("local") is process_inputs
    with pytest.raises(RunError, match=r"\[E046\] unknown engine 'spark': expected one of local, ray"):
        find_engine("spark")


def test_a_state_without_actors_is_a_run_with_the_packaged_ones():
    assert actors_state(None) == {}
    check_same_actors("out.jsonl", {"inputs": ["a.jsonl"]}, None)
    check_same_actors("out.jsonl", actors_state(MINE), MINE)
    with pytest.raises(ResumeError, match=r"\[E018\] cannot resume out.jsonl: it was begun with the packaged "
                                          r"actors only, and this run codes with the actors file mine.yaml"):
        check_same_actors("out.jsonl", {"inputs": ["a.jsonl"]}, MINE)
