import pytest

from eventcoder.errors import PlaceSourceError
from eventcoder.gazetteer.coded_places import coded_format, read_coded, split_location

ACLED_HEADER = "event_id_cnty,iso,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision\n"
UCDP_HEADER = "id,country,adm_1,adm_2,where_coordinates,latitude,longitude,where_prec\n"


@pytest.mark.parametrize("location, expected", [
    ("Awdheegle village (Afgooye, Lower Shabelle)", ("Awdheegle", "Awdheegle village", ["Afgooye", "Lower Shabelle"])),
    ("Mogadishu town", ("Mogadishu", "Mogadishu town", [])),
    ("Maemba Village", ("Maemba", "Maemba Village", [])),
    ("Garissa", ("Garissa", "Garissa", [])),
])
def test_a_location_is_read_without_brackets_and_settlement_word(location, expected):
    assert split_location(location) == expected


@pytest.mark.parametrize("header, kind", [(ACLED_HEADER, "acled"), (UCDP_HEADER, "ucdp"),
                                          ("id,text,published\n", None)])
def test_the_header_tells_the_format(tmp_path, header, kind):
    (tmp_path / "f.csv").write_text(header, encoding="utf-8")
    assert coded_format(tmp_path / "f.csv") == kind


def test_one_place_of_rows_near_each_other_with_its_divisions(tmp_path):
    (tmp_path / "ged.csv").write_text(
        UCDP_HEADER + "1,Somalia,Lower Shabelle region,Afgooye district,Janaale town,1.82,44.7,1\n"
        "2,Somalia,,,Janaale,1.83,44.7,1\n3,Somalia,,,Janaale town,1.82,44.7,1\n"
        "4,Somalia,,,Janaale,3.5,45.5,1\n5,Somalia,,,Sabiid village,2.0,45.0,2\n"
        "6,DR Congo (Zaire),,,Kalehe town,-2.1,28.9,1\n7,Atlantis,,,Poseidonia,1.0,1.0,1\n", encoding="utf-8")
    source = read_coded(tmp_path / "ged.csv", "ucdp", "ged")
    assert source["places"] == [
        ("Janaale", ("Janaale", "Janaale town"), "SO", "Lower Shabelle region", "Afgooye district", 1.82, 44.7),
        ("Janaale", ("Janaale",), "SO", "", "", 3.5, 45.5),  # 190 km away: another place
        ("Kalehe", ("Kalehe", "Kalehe town"), "CD", "", "", -2.1, 28.9)]
    assert (source["rows"], source["rows_used"], source["unknown_countries"]) == (7, 5, {"Atlantis": 1})


@pytest.mark.parametrize("point, column", [("north,44.8", "latitude"), ("1.9,244.8", "longitude")])
def test_a_row_whose_point_is_not_a_coordinate_is_a_coded_error(tmp_path, point, column):
    (tmp_path / "acled.csv").write_text(ACLED_HEADER + f"SOM1,706,Somalia,,,,Awdheegle,{point},1\n", encoding="utf-8")
    with pytest.raises(PlaceSourceError, match=rf"^\[E062\] .*acled.csv, line 2: {column} "):
        read_coded(tmp_path / "acled.csv", "acled", "acled")


def test_a_file_that_is_not_utf8_is_a_coded_error(tmp_path):
    (tmp_path / "acled.csv").write_bytes(ACLED_HEADER.encode() + "SOM1,706,Somalia,,,,Ceel Cad\xe9,1,2,1\n".encode("latin-1"))
    with pytest.raises(PlaceSourceError, match=r"^\[E061\] "):
        read_coded(tmp_path / "acled.csv", "acled", "acled")


def test_each_district_the_rows_name_is_read_from_all_its_rows(tmp_path):
    (tmp_path / "acled.csv").write_text(
        ACLED_HEADER + "SOM1,706,Somalia,Lower Shabelle,Kurtunwaarey District,,Bulo Jadid,1.60,44.30,1\n"
        "SOM2,706,Somalia,Lower Shabelle,Kurtunwaarey District,,Kurtunwaarey,1.62,44.34,2\n"
        "SOM3,706,Somalia,Lower Shabelle,Kurtunwaarey District,,Bulo Jadid,9.99,44.30,1\n"  # a stray point
        "SOM4,706,Somalia,Lower Shabelle,Sablaale,,Sablaale,north,44.1,3\n", encoding="utf-8")  # no point
    source = read_coded(tmp_path / "acled.csv", "acled", "acled")
    assert source["districts"] == [("Kurtunwaarey District", ("Kurtunwaarey", "Kurtunwaarey District"), "SO",
                                    "Lower Shabelle", 1.62, 44.30)]


def test_a_name_coded_only_at_a_nearby_towns_point_is_an_area(tmp_path):
    (tmp_path / "acled.csv").write_text(
        ACLED_HEADER + "KEN1,404,Kenya,Narok,,,Ololchani Hills,-1.20,35.10,2\n"
        "KEN2,404,Kenya,Narok,,,Ololchani Hills,-1.20,35.10,2\n"
        "KEN3,404,Kenya,Narok,,,Ololchani Hills,-1.50,35.30,2\n"
        "KEN4,404,Kenya,Nakuru,,,Kiptagich,-0.50,35.80,2\n"
        "KEN5,404,Kenya,Nakuru,,,Kiptagich,-0.51,35.81,1\n"  # its own point too: a place, not an area
        "KEN6,404,Kenya,Nakuru,,,Sogoo,-0.70,35.60,3\n", encoding="utf-8")  # a province's point
    source = read_coded(tmp_path / "acled.csv", "acled", "acled")
    assert source["areas"] == [("Ololchani Hills", ("Ololchani Hills",), "KE", "Narok", -1.20, 35.10)]
    assert [place[0] for place in source["places"]] == ["Kiptagich"]
