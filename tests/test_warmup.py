from eventcoder import warmup
from eventcoder.gazetteer import load_gazetteer


def test_importing_loads_the_gazetteer_and_remembers_its_index():
    assert warmup.WARMED_INDEX is not None
    assert load_gazetteer.cache_info().currsize == 1


def test_a_gazetteer_loaded_from_another_index_is_dropped(monkeypatch):
    load_gazetteer()
    monkeypatch.setattr(warmup, "WARMED_INDEX", "/elsewhere/gazetteer-v0.marshal")
    warmup.forget_stale_gazetteer()
    assert load_gazetteer.cache_info().currsize == 0


def test_a_current_gazetteer_is_kept():
    load_gazetteer()
    warmup.forget_stale_gazetteer()
    assert load_gazetteer.cache_info().currsize == 1
