from datetime import date

import pytest

from eventcoder.article import Article
from eventcoder.errors import PlaceSourceError
from eventcoder.gazetteer import load_gazetteer
from eventcoder.gazetteer.build import index_path
from eventcoder.gazetteer.sources import import_files, list_sources, remove_source
from eventcoder.geoparse import place_record
from eventcoder.pipeline import extract_records

ACLED = ("event_id_cnty,iso,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision\n"
         'SOM1,706,Somalia,,,,"Awdheegle village (Afgooye, Lower Shabelle)",1.985,44.83,1\n'
         "SOM2,706,Somalia,Lower Shabelle,Afgooye,,Awdheegle,1.986,44.831,1\n"
         "SOM3,706,Somalia,Lower Shabelle,Afgooye,,Afgooye,2.15,45.13,1\n"
         "SOM4,706,Somalia,Lower Shabelle,Afgooye,,Sabiid,2.0,45.0,2\n")
UCDP = ("id,country,adm_1,adm_2,where_coordinates,latitude,longitude,where_prec\n"
        "1,Somalia,Lower Shabelle region,Afgooye district,Janaale town,1.82,44.7,1\n")


@pytest.fixture
def coded_files(tmp_path):
    (tmp_path / "acled_so.csv").write_text(ACLED, encoding="utf-8")
    (tmp_path / "ged.csv").write_text(UCDP, encoding="utf-8")
    return tmp_path / "acled_so.csv", tmp_path / "ged.csv"


def test_each_format_adds_a_village_cities500_lacks(import_cache, coded_files):
    assert load_gazetteer().lookup("Awdheegle") == load_gazetteer().lookup("Janaale") == []
    summary = import_files(coded_files)
    gazetteer = load_gazetteer()
    (awdheegle,), (janaale,) = gazetteer.lookup("Awdheegle village"), gazetteer.lookup("Janaale")
    assert [gazetteer.source_of(p.geonameid) for p in (awdheegle, janaale)] == ["acled_so", "ged"]
    assert (awdheegle.name, awdheegle.admin1, janaale.admin1) == ("Awdheegle", "Lower Shabeelle", "Lower Shabeelle")
    # coded only at a nearby town's point: an area there, no village
    assert [(p.feature_class, p.latitude) for p in gazetteer.lookup("Sabiid")] == [("A", 2.0)]
    assert [(s["places"], s["added"], s["joined"]) for s in summary["sources"]] == [(2, 1, 1), (1, 1, 0)]


def test_a_place_near_a_geonames_town_of_its_name_joins_it(import_cache, coded_files):
    import_files(coded_files[:1])
    assert [(p.geonameid, load_gazetteer().source_of(p.geonameid)) for p in load_gazetteer().lookup("Afgooye")
            if p.feature_class == "P"] == [(65785, "geonames")]


def test_extract_and_geoparse_say_where_a_place_came_from(import_cache, coded_files):
    import_files(coded_files[:1], name="my_coding")
    text = "Al-Shabaab fighters attacked Awdheegle near Afgooye on Monday, killing three soldiers."
    (event,) = extract_records(Article("a", text, published=date(2024, 3, 12)))
    places = {p["text"]: p["geo_source"] for p in place_record(Article("a", text))["places"]}
    assert (event["location"], event["geo_source"], event["geonameid"] < 0) == ("Awdheegle", "my_coding", True)
    assert places == {"Awdheegle": "my_coding", "Afgooye": "geonames"}


def test_the_same_file_twice_changes_nothing_and_a_name_again_replaces(import_cache, coded_files):
    acled, ucdp = coded_files
    import_files([acled], name="mine")
    built = index_path().stat().st_mtime_ns
    assert not import_files([acled], name="mine")["sources"][0]["changed"]
    assert index_path().stat().st_mtime_ns == built
    import_files([ucdp], name="mine")
    assert load_gazetteer().lookup("Awdheegle") == [] and load_gazetteer().lookup("Janaale")
    assert [(s["name"], s["format"], s["places"]) for s in list_sources()] == [("mine", "ucdp", 1)]


def test_remove_takes_a_source_out_and_an_unknown_name_changes_nothing(import_cache, coded_files):
    import_files(coded_files)
    with pytest.raises(PlaceSourceError, match=r"^\[E063\] no imported source named 'acled'"):
        remove_source("acled")
    assert load_gazetteer().lookup("Awdheegle")
    remove_source("acled_so")
    assert load_gazetteer().lookup("Awdheegle") == [] and [s["name"] for s in list_sources()] == ["ged"]


def test_a_district_of_the_coding_places_an_unknown_village_in_it(import_cache, tmp_path):
    (tmp_path / "past.csv").write_text(
        "event_id_cnty,iso,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision\n"
        "SOM1,706,Somalia,Lower Shabelle,Kurtunwaarey,,Bulo Jadid,1.60,44.30,1\n"
        "SOM2,706,Somalia,Lower Shabelle,Kurtunwaarey,,Kurtunwaarey,1.62,44.34,2\n", encoding="utf-8")
    assert import_files([tmp_path / "past.csv"])["sources"][0]["districts"] == 1
    text = "Gunmen shot dead two traders in Kurtunwaarey district on Monday."
    (event,) = extract_records(Article("a", text, published=date(2024, 3, 12)))
    assert (event["location"], event["geo_precision"], event["geo_source"]) == ("Kurtunwaarey", 2, "past")


def test_a_name_read_in_the_country_of_the_users_coding(import_cache, coded_files):
    text = "Gunmen attacked a market in Baki on Monday."
    assert {p["text"]: p["country_code"] for p in place_record(Article("a", text))["places"]}["Baki"] != "SO"
    import_files(coded_files[:1])
    assert {p["text"]: p["country_code"] for p in place_record(Article("a", text))["places"]}["Baki"] == "SO"


def test_the_users_own_point_beats_a_small_namesake_of_the_same_country(import_cache, tmp_path):
    # the analyst's Dhummay is a village 80 km from the hamlet GeoNames knows by that name
    (tmp_path / "mine.csv").write_text(
        "event_id_cnty,iso,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision\n"
        "SOM9,706,Somalia,Nugaal,,,Dhummay,8.9,47.4,1\n", encoding="utf-8")
    import_files([tmp_path / "mine.csv"])
    place = {p["text"]: p for p in place_record(Article("a", "Shelling hit Dhummay overnight."))["places"]}["Dhummay"]
    assert (place["latitude"], place["geo_source"]) == (8.9, "mine")


def test_a_town_the_users_coding_joined_beats_its_bigger_namesake(import_cache, tmp_path):
    # GeoNames knows two Bondos in Kenya; the analyst has coded events at the smaller one
    (tmp_path / "mine.csv").write_text(
        "event_id_cnty,iso,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision\n"
        "KEN9,404,Kenya,Siaya,,,Bondo,0.237,34.27,1\n", encoding="utf-8")
    text = "Traders marched through Bondo against new market fees."
    bigger = {p["text"]: p for p in place_record(Article("a", text))["places"]}["Bondo"]
    import_files([tmp_path / "mine.csv"])
    place = {p["text"]: p for p in place_record(Article("a", text))["places"]}["Bondo"]
    assert (round(bigger["latitude"], 1), round(place["latitude"], 1), place["geo_source"]) == (-0.1, 0.2, "geonames")


def test_a_misspelt_name_finds_the_users_own_place_and_no_other(import_cache, coded_files):
    text = "Gunmen stormed Awdhegle and Janale on Monday, killing two farmers."
    assert not {p["text"] for p in place_record(Article("a", text))["places"]}
    import_files(coded_files)
    places = {p["text"]: (p["name"], p["geo_source"]) for p in place_record(Article("a", text))["places"]}
    assert places == {"Awdhegle": ("Awdheegle", "acled_so"), "Janale": ("Janaale", "ged")}


def test_a_coded_village_named_like_a_common_word_is_a_place_where_the_text_puts_something(import_cache, tmp_path):
    (tmp_path / "mine.csv").write_text(
        "event_id_cnty,iso,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision\n"
        "KEN8,404,Kenya,Nakuru,,,Harvest,-0.41,36.02,1\n", encoding="utf-8")
    text = "Traders protested in Harvest over market fees. The harvest was poor."
    assert not place_record(Article("a", text))["places"]
    import_files([tmp_path / "mine.csv"])
    assert [(p["text"], p["geo_source"]) for p in place_record(Article("a", text))["places"]] == [("Harvest", "mine")]
