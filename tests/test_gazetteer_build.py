import time
from pathlib import Path

import pytest

import eventcoder.gazetteer
from eventcoder.gazetteer import load_gazetteer
from eventcoder.gazetteer.geonames_dump import import_geonames
from eventcoder.gazetteer.build import index_path
from eventcoder.gazetteer.names import name_key


def test_cached_load_is_fast():
    load_gazetteer()  # builds the index if this machine has none yet
    load_gazetteer.cache_clear()
    started = time.perf_counter()
    gazetteer = load_gazetteer()
    assert time.perf_counter() - started < 1.5
    assert index_path().exists() and len(gazetteer) > 200_000
    assert load_gazetteer() is gazetteer


@pytest.mark.parametrize("name, geonameid", [
    ("al-Bukamal", 174448), ("Dara’a", 170905), ("Busra al-Sham", 171126),
    ("Kismaayo", 55671), ("Baydhabo", 64536), ("Syria", 163843)])
def test_lookup_by_variant(name, geonameid):
    assert geonameid in {p.geonameid for p in load_gazetteer().lookup(name)}


@pytest.mark.parametrize("name, country", [
    ("Dayr al-Zawr", "SY"), ("Lower Shabelle", "SO"), ("Helmand", "AF"), ("Bari", "SO")])
def test_first_level_divisions_have_names(name, country):
    divisions = [p for p in load_gazetteer().lookup(name) if p.is_admin1]
    assert [p.country_code for p in divisions] == [country]


def test_divisions_with_one_skeleton_stay_apart():
    assert [p.name for p in load_gazetteer().lookup("Iowa") if p.is_admin1] == ["Iowa"]


def test_continents_are_places():
    assert [p.feature_code for p in load_gazetteer().lookup("Europe")] == ["CONT"]


def test_a_look_up_hands_back_the_names_key_and_each_places_own():
    found = load_gazetteer().find("Deir ez-Zor")
    assert (found.key, found.loose) == (name_key("Deir ez-Zor"), False)
    assert found.places and all(p.key == name_key(p.name) for p in found.places)


def test_loose_lookup_finds_spelling_variant():
    assert load_gazetteer().find("Muqdishuu").places == []
    found = load_gazetteer().find_loose(name_key("Muqdishuu"))
    assert found.loose and 53654 in {p.geonameid for p in found.places}


def test_the_gazetteer_calls_no_stage():
    package = Path(eventcoder.gazetteer.__file__).parent
    assert not [path.name for path in package.glob("*.py") if "eventcoder.stages" in path.read_text("utf-8")]


def _row(geonameid, name, alternates, lat, lon, fclass, fcode, cc, admin1, population):
    fields = [str(geonameid), name, name, ",".join(alternates), str(lat), str(lon), fclass,
              fcode, cc, "", admin1, "", "", "", str(population), "", "10", "Africa/Mogadishu",
              "2020-01-01"]
    return "\t".join(fields) + "\n"


def test_import_adds_village_and_division_ids(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path / "cache"))
    dump = tmp_path / "SO.txt"
    dump.write_text(
        _row(9900001, "Xawaadley", ["Hawaadley"], 2.1, 45.2, "P", "PPL", "SO", "13", 0)
        + _row(9900002, "Some Stream", [], 2.0, 45.0, "H", "STM", "SO", "13", 0),
        encoding="utf-8")
    codes = tmp_path / "admin1CodesASCII.txt"
    codes.write_text("SO.13\tShabeellaha Dhexe\tShabeellaha Dhexe\t51966\n", encoding="utf-8")
    load_gazetteer.cache_clear()
    try:
        summary = import_geonames([dump, codes])
        gazetteer = load_gazetteer()
        village = gazetteer.lookup("Hawaadley")
        division = [p for p in gazetteer.lookup("Shabeellaha Dhexe") if p.is_admin1]
    finally:
        load_gazetteer.cache_clear()
    assert summary["places"] == 1 and summary["admin1"] == 1
    assert [p.geonameid for p in village] == [9900001]
    assert village[0].admin1 == "Shabeellaha Dhexe"
    assert [p.geonameid for p in division] == [51966]
