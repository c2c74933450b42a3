import pytest

from eventcoder.evaluate.parts import part_of, select


def test_about_three_in_ten_records_are_held_back_for_checking():
    ids = [f"KEN{number}" for number in range(10_000)]
    assert 0.28 < sum(part_of(record_id) == "check" for record_id in ids) / len(ids) < 0.32


def test_a_record_keeps_its_part_whatever_else_is_in_the_set():
    ids = [f"doc-{number}" for number in range(50)]
    check = select(ids, "check", str)
    assert select(reversed(ids[10:]), "check", str) == [i for i in reversed(check) if i in ids[10:]]
    assert sorted(check + select(ids, "tuning", str)) == sorted(ids)
    assert select(ids, None, str) == ids


def test_an_unknown_part_is_refused():
    with pytest.raises(ValueError, match=r"^\[E056\] unknown part"):
        select(["a"], "test", str)
