import pytest

from eventcoder.errors import GeoNamesFormatError
from eventcoder.gazetteer import build, load_gazetteer
from eventcoder.gazetteer.build import dump_index_path, imports_dir
from eventcoder.gazetteer.dump_index import DUMP_POSITIONS, MAX_PLACES_PER_KEY, key_hash
from eventcoder.gazetteer.sources import import_files, list_sources, remove_source

ACLED = ("event_id_cnty,iso,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision\n"
         "SOM1,706,Somalia,Lower Shabelle,Afgooye,,Awdheegle village,1.986,44.831,1\n")


def _row(geonameid, name, alternates, lat, lon, fclass, fcode, admin1="13", population=0):
    return "\t".join([str(geonameid), name, name, ",".join(alternates), str(lat), str(lon), fclass, fcode,
                      "SO", "", admin1, "", "", "", str(population), "", "10", "Africa/Mogadishu",
                      "2020-01-01"]) + "\n"


@pytest.fixture
def dump(tmp_path):
    """A country file of two villages cities500 lacks, a stream, and a town it has (Afgooye)
    with a new alternate name; and the first-level codes naming their division."""
    path = tmp_path / "SO.txt"
    path.write_text(_row(9900001, "Xawaadley", ["Hawaadley", "Хавадлей"], 2.1, 45.2, "P", "PPL")
                    + _row(9900002, "Awdheegle", [], 1.985, 44.83, "P", "PPL", "14")
                    + _row(9900003, "Some Stream", [], 2.0, 45.0, "H", "STM")
                    + _row(65785, "Afgooye", ["Afgoi Xaafadda"], 2.14, 45.12, "P", "PPL", "14"), encoding="utf-8")
    (tmp_path / "admin1CodesASCII.txt").write_text("SO.13\tShabeellaha Dhexe\tShabeellaha Dhexe\t51966\n",
                                                   encoding="utf-8")
    return path, tmp_path / "admin1CodesASCII.txt"


def test_a_village_of_a_dump_is_found_on_disk_by_every_look_up(import_cache, dump):
    size = len(load_gazetteer())
    summary = import_files(dump)["dumps"]
    gazetteer = load_gazetteer()
    (village,) = gazetteer.lookup("Hawaadley")
    assert (summary["places"], summary["admin1"]) == (3, 1)
    assert (village.geonameid, village.name, village.admin1) == (9900001, "Xawaadley", "Shabeellaha Dhexe")
    assert village.index >= DUMP_POSITIONS and len(gazetteer) == size + 2  # kept on disk: two villages
    assert gazetteer.find("Xawaadley").places == [village] == gazetteer.find_loose("xawadli").places
    assert gazetteer.by_geonameid(9900001) == village == gazetteer.place(village.index)
    assert [p.geonameid for p in gazetteer.lookup("Shabeellaha Dhexe") if p.is_admin1] == [51966]


def test_a_dump_row_of_a_known_town_gives_it_its_names(import_cache, dump):
    import_files(dump)
    assert [p.geonameid for p in load_gazetteer().lookup("Afgoi Xaafadda")] == [65785]
    assert [p.geonameid for p in load_gazetteer().lookup("Afgooye") if p.feature_class == "P"] == [65785]


def test_a_coded_place_joins_a_dump_village_of_its_name_nearby(import_cache, dump, tmp_path):
    import_files(dump)
    (tmp_path / "acled.csv").write_text(ACLED, encoding="utf-8")
    (source,) = import_files([tmp_path / "acled.csv"])["sources"]
    assert (source["added"], source["joined"]) == (0, 1)
    assert [p.geonameid for p in load_gazetteer().lookup("Awdheegle village")] == [9900002]


def test_a_dump_that_cannot_be_read_changes_nothing(import_cache, dump, tmp_path):
    import_files(dump)
    broken = tmp_path / "KE.txt"
    broken.write_text(_row(9900010, "Nowhere", [], 0.1, 37.0, "P", "PPL") + "9900011\tcut short\n", encoding="utf-8")
    with pytest.raises(GeoNamesFormatError, match=r"KE.txt:2: expected GeoNames' 19 tab-separated columns, got 2"):
        import_files([broken])
    assert sorted(p.name for p in imports_dir().iterdir()) == ["SO_txt.sqlite", "admin1CodesASCII_txt.marshal"]
    assert load_gazetteer().lookup("Hawaadley") and not load_gazetteer().lookup("Nowhere")


def test_removing_a_dump_takes_its_places_and_index_out(import_cache, dump):
    import_files(dump)
    assert [(s["name"], s["places"], s["admin1"]) for s in list_sources()] == [
        ("SO.txt", 3, 0), ("admin1CodesASCII.txt", 0, 1)]
    remove_source("SO.txt")
    assert load_gazetteer().lookup("Hawaadley") == [] and dump_index_path() is None
    assert not list(import_cache.glob("*.sqlite"))


def test_a_name_hundreds_of_villages_bear_brings_back_the_most_populous(import_cache, tmp_path):
    path = tmp_path / "SO.txt"
    path.write_text("".join(_row(9910000 + n, "Bulo Qoorey", [], 2 + n / 100, 45, "P", "PPL", population=n)
                            for n in range(1, MAX_PLACES_PER_KEY + 6)), encoding="utf-8")
    import_files([path])
    populations = [p.population for p in load_gazetteer().lookup("Bulo Qoorey")]
    assert sorted(populations, reverse=True) == list(range(MAX_PLACES_PER_KEY + 5, 5, -1))


def test_a_keys_places_come_divisions_first_then_the_most_populous_then_by_id(import_cache, tmp_path):
    path = tmp_path / "SO.txt"
    path.write_text("".join(_row(geonameid, "Dhagaxley", [], 2 + n / 10, 45, fclass, fcode, population=population)
                            for n, (geonameid, fclass, fcode, population) in enumerate(
                                [(9920003, "P", "PPL", 5), (9920002, "P", "PPL", 5), (9920001, "P", "PPL", 7),
                                 (9920004, "A", "ADM3", 0)])), encoding="utf-8")
    import_files([path])
    assert [p.geonameid for p in load_gazetteer().lookup("Dhagaxley")] == [9920004, 9920001, 9920002, 9920003]


def test_a_name_whose_key_shares_a_hash_with_a_dump_names_finds_nothing(import_cache, tmp_path):
    assert key_hash("suoddwigow") == key_hash("dilkggebeddw")
    path = tmp_path / "SO.txt"
    path.write_text(_row(9930001, "Suoddwigow", [], 2.0, 45.0, "P", "PPL"), encoding="utf-8")
    import_files([path])
    assert [p.geonameid for p in load_gazetteer().lookup("Suoddwigow")] == [9930001]
    assert load_gazetteer().lookup("Dilkggebeddw") == []


def test_an_index_of_another_version_is_compiled_again_from_the_stored_dump(import_cache, dump, monkeypatch):
    import_files(dump)
    earlier = dump_index_path()
    monkeypatch.setattr(build, "INDEX_VERSION", build.INDEX_VERSION + 1)
    load_gazetteer.cache_clear()
    assert [p.geonameid for p in load_gazetteer().lookup("Hawaadley")] == [9900001]
    assert dump_index_path() != earlier and dump_index_path().exists() and not earlier.exists()
