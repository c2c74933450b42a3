from eventcoder.resources import load_yaml


def test_words_yaml_1_1_takes_for_booleans_stay_words():
    assert {"no", "on", "yes"} <= set(load_yaml("places_context.yaml")["stop_words"])
    assert "NO" in {code for codes in load_yaml("acled_regions.yaml").values() for code in codes}
