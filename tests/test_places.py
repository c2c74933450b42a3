import pytest

from eventcoder.article import Article
from eventcoder.pipeline import process
from eventcoder.stages.places import DEMONYM


def _places(text):
    return process(Article(id="t", text=text), until="places").places


def _found(text):
    return {m.text: m for m in _places(text)}


def test_offsets_are_exact():
    text = "Fighting spread from Dayr az-Zawr to Raqqa and the Iraqi border near Mosul."
    places = _places(text)
    assert [m.text for m in places] == ["Dayr az-Zawr", "Raqqa", "Iraqi", "Mosul"]
    assert all(text[m.start:m.end] == m.text for m in places)


def test_possessive_is_left_out_of_the_span():
    assert list(_found("Yemen’s capital was quiet.")) == ["Yemen"]


def test_a_possessive_inside_a_places_name_stays_in_it():
    found = _found("Refugees marched in Cox's Bazar, far from Kenya's Lamu county.")
    assert found["Cox's Bazar"].country_code == "BD"
    assert {"Kenya", "Lamu"} <= set(found)


@pytest.mark.parametrize("text, absent", [
    ("Many people fled on Friday in March.", {"Many", "Friday", "March"}),
    ("Police said Henry will testify.", {"Police", "Henry"}),
    ("Victoria Beckham arrived late.", {"Victoria"}),
    ("Mr. Jordan said nothing.", {"Jordan"}),
    ("Eric Stevens, a paramedic, came. Stevens said little.", {"Stevens"}),
    ("Fighters of Ahrar al-Sham withdrew.", {"al-Sham"}),
    ("Commanders of the Southern Front met.", {"Southern"}),
    ("Boda boda riders blocked the road.", {"Boda"}),
    ("Crowds marked Jerusalem Day in the square.", {"Jerusalem"}),
    ("Gunmen raided Ras al Gharib overnight.", {"Ras"}),
])
def test_non_places_are_not_found(text, absent):
    assert not absent & set(_found(text))


def test_country_context_chooses_among_namesakes():
    found = _found("Troops moved into Jordan after talks in Amman.")
    assert found["Jordan"].country_code == "JO" and found["Jordan"].feature_code == "PCLI"


def test_a_partys_name_tells_its_country():
    assert _found("Awami League supporters clashed with police in Gopalganj.")["Gopalganj"].country_code == "BD"


def test_a_name_read_only_abroad_yields_to_its_bracketed_divisions():
    found = _found("On Monday protesters attacked Raiganj police station (Sirajganj) with bricks.")
    assert "Raiganj" not in found and found["Sirajganj"].country_code == "BD"
    # a capital is no namesake, whatever its brackets are read as
    assert _found("Police arrested three journalists in Addis Ababa (Bole sub-city).")["Addis Ababa"].country_code == "ET"


def test_admin_hint_chooses_the_division():
    found = _found("Militants attacked Qandala, Bari on Sunday.")
    assert found["Qandala"].country_code == "SO"


@pytest.mark.parametrize("text, name, geonameid", [
    ("Shelling hit Aleppo and Homs in Syria.", "Homs", 169577),
    ("Clashes were reported in Afgooye, Lower Shabelle.", "Afgooye", 65785),
    ("A blast struck Kismaayo port.", "Kismaayo", 55671),
])
def test_resolves_to_geonameid(text, name, geonameid):
    assert _found(text)[name].geonameid == geonameid


def test_nearness_prefers_places_close_to_the_others():
    found = _found("Raids in Kandahar and Helmand reached Lashkar Gah and Jalal-Abad.")
    assert found["Jalal-Abad"].country_code == "AF"


@pytest.mark.parametrize("text, name, precision, feature_code", [
    ("A car bomb exploded in Baghdad.", "Baghdad", 1, "PPLC"),
    ("Shells fell on the outskirts of Aleppo.", "Aleppo", 2, "PPL"),
    ("A camp 20 km from Mosul was hit.", "Mosul", 2, "PPL"),
    ("Clashes in the Hama countryside.", "Hama", 2, "PPL"),
    ("Troops advanced in Idlib province.", "Idlib", 3, "ADM1"),
    ("Troops advanced in the province of Idlib.", "Idlib", 3, "ADM1"),
    ("Troops advanced in Idlib.", "Idlib", 1, "PPL"),
    ("Drones were seen over Helmand.", "Helmand", 3, "ADM1"),
    ("Fighting was reported in Garissa district.", "Garissa", 2, "PPL"),
    ("Gunmen raided Bulo Qalaf village (Afgooye, Lower Shabelle).", "Afgooye", 2, "PPL"),
    ("Gunmen raided Bulo Qalaf (Afgooye, Lower Shabelle).", "Afgooye", 2, "PPL"),
])
def test_precision_and_feature(text, name, precision, feature_code):
    mention = _found(text)[name]
    assert (mention.precision, mention.feature_code) == (precision, feature_code)


def test_a_word_whose_divisions_follow_in_brackets_is_a_place_there():
    assert _found("Fighting was reported near Sake (Masisi, North Kivu) on Friday.")["Sake"].country_code == "CD"


@pytest.mark.parametrize("text", ["Soldiers raided Kalo (Tillaberi) on Friday.",
                                  "Soldiers raided Kalo (Kalo, Tillaberi) on Friday."])
def test_a_name_the_gazetteer_lacks_inside_bracketed_divisions_is_no_namesake_abroad(text):
    found = _found(text)
    assert "Kalo" not in found and found["Tillaberi"].country_code == "NE"


@pytest.mark.parametrize("text, name, country", [
    # the province its brackets end with tells the country, whatever the district's namesakes
    ("Rioters burned a bus in El Alto (Murillo, La Paz) on Friday.", "La Paz", "BO"),
    # and a settlement word may stand between the name and its brackets
    ("Fighting was reported outside Kani town (Kani, Sagaing) on Friday.", "Sagaing", "MM"),
    ("Students marched in Ilam (Ilam, Koshi) on Friday.", "Ilam", "NP"),
    # first-level divisions by the names ACLED's notes give them
    ("Police dispersed a march in Wuse (Abuja Municipal, Federal Capital Territory) on Friday.", "Federal Capital Territory", "NG"),
    ("Villagers lynched a man in Sokuluk (Sokuluk, Chui) on Friday.", "Chui", "KG"),
    ("Police raided homes in La Vega (Libertador, Capital District) on Friday.", "Capital District", "VE"),
])
def test_a_name_lies_in_the_country_of_the_province_its_brackets_end_with(text, name, country):
    found = _found(text)
    assert found[name].country_code == country
    assert {m.country_code for m in found.values()} == {country}


@pytest.mark.parametrize("text, town, division", [
    # a province split since keeps its towns under its former name, as older notes write them
    ("Police arrested 17 people in Timika (Mimika, Papua) on Friday.", "Timika", ("ID", "Central Papua")),
    ("Youths rioted in Techiman (Techiman Municipal, Bono East) on Friday.", "Techiman", ("GH", "Bono East")),
    # a village told before its locality's brackets lies in their country
    ("Police shot at villagers of Bangkal, Seruyan Raya (Seruyan, Central Kalimantan) on Friday.", "Central Kalimantan",
     ("ID", "Central Kalimantan"))])
def test_divisions_renamed_or_split_hold_their_towns(text, town, division):
    found = _found(text)
    assert (found[town].country_code, found[town].admin1) == division
    assert {m.country_code for m in found.values()} == {division[0]}


def test_seed_article(shared_data):
    text = (shared_data / "seed" / "article.txt").read_text(encoding="utf-8")
    places = _places(text)
    by_text = {}
    for mention in places:
        by_text.setdefault(mention.text, []).append(mention)
    assert all(text[m.start:m.end] == m.text for m in places)
    assert by_text["Dayr al-Zawr"][0].feature_code == "ADM1"
    assert by_text["Dayr al-Zawr"][0].admin1 == "Deir ez-Zor"
    bukamal = by_text["al-Bukamal"][0]
    assert (bukamal.geonameid, bukamal.precision) == (174448, 2)
    assert {m.geonameid for m in by_text["Dara'a"]} >= {170905}
    assert by_text["Dara’a"][0].geonameid == 170905
    assert by_text["Busra al-Sham"][0].geonameid == 171126
    assert {m.geonameid for m in by_text["Idlib"]} == {169389, None}
    assert [m.feature_code for m in by_text["Idlib"] if m.geonameid is None] == ["ADM1"]
    assert {m.country_code for m in by_text["Syria"]} == {"SY"}
    assert by_text["Iraq"][0].country_code == "IQ"
    assert by_text["Jordan"][0].country_code == "JO"
    assert "Golan" not in by_text


def test_demonyms_are_their_country_marked_as_demonyms():
    found = _found("Syrian troops and Palestinians met Europeans.")
    assert {name: (m.country_code, m.feature_code) for name, m in found.items()} == {
        "Syrian": ("SY", DEMONYM), "Palestinians": ("PS", DEMONYM), "Europeans": (None, DEMONYM)}


def test_name_holding_a_demonym_stays_a_place():
    assert _found("They flew to American Samoa.")["American Samoa"].feature_code != DEMONYM


def test_toponym_inside_an_organisation_name_is_found():
    assert _found("The Texas Department of Health said so.")["Texas"].feature_code == "ADM1"


def test_country_sits_at_its_gazetteer_point():
    usa = _found("Talks in the United States ended.")["United States"]
    assert abs(usa.latitude - 39.76) < 1 and abs(usa.longitude + 98.5) < 1


def test_division_abbreviation_is_found_and_hints_the_town():
    found = _found("He was born in Louisville, Ky., in 1950.")
    assert found["Ky."].feature_code == "ADM1"
    assert (found["Louisville"].country_code, found["Louisville"].admin1) == (
        "US", found["Ky."].admin1)


def test_named_division_chooses_the_local_namesake():
    found = _found("Unlike Alabama, Georgia allows advance voting.")
    assert (found["Georgia"].country_code, found["Georgia"].feature_code) == ("US", "ADM1")


def test_plural_possessive_keeps_the_word():
    assert "Jone" not in _found("Roy Jones' store in Paris, Texas closed.")


def test_abbreviated_saint_is_one_span():
    found = _found("He drove to St. Cloud, Minn., on Friday.")
    assert (found["St. Cloud"].name, found["St. Cloud"].admin1) == ("Saint Cloud", "Minnesota")


def test_determiner_before_a_place_is_no_first_name():
    assert "Paris" in _found("Sales fell. Another Paris business closed.")


def test_city_named_by_its_own_name_beats_one_named_by_an_alternate():
    assert _found("Tourists flew to Cancun for the weekend.")["Cancun"].country_code == "MX"


def test_bare_county_name_is_a_reading_not_a_new_place():
    assert _found("Deputies from Barrow, Georgia, joined.")["Barrow"].feature_code == "ADM2"
    assert "Warren" not in _found("Warren said the plan works.")


def test_initials_in_capitals_are_no_small_town():
    found = _found("OAS OBSERVERS ARRIVED IN SAN MIGUEL AND THE USA SENT AID.")
    assert "OAS" not in found and "SAN MIGUEL" in found and found["USA"].country_code == "US"


def test_an_armed_group_named_like_a_place_is_no_place():
    found = _found("Boko Haram fighters and al-Shabab militants attacked villages near Afgooye.")
    assert list(found) == ["Afgooye"]


@pytest.mark.parametrize("text, country_code", [
    ("Fighting displaced thousands in eastern Congo's North Kivu province.", "CD"),
    ("Police in Brazzaville said calm had returned to Congo.", "CG"),
])
def test_congo_alone_is_told_apart_by_its_neighbours(text, country_code):
    assert _found(text)["Congo"].country_code == country_code


def test_a_direction_after_a_name_keeps_it_a_place():
    places = {p.text: p for p in process(Article("t", "Police fired tear gas in Webuye West on Monday."), until="places").places}
    assert places["Webuye"].country_code == "KE"


def test_an_ethnic_group_says_which_country_the_report_is_from():
    # the Orma are Kenyan; their name's only reading is a Greek hamlet
    assert "Orma" not in _found("Orma attacked Pokomo villagers before dawn.")


@pytest.mark.parametrize("text, places", [
    ("Members of the Huntsville City Council met on Monday.", ["Huntsville"]),
    ("Students of Dedan Kimathi University protested on Monday.", []),
    ("Gunmen attacked the Kiganjo Catholic church on Monday.", ["Kiganjo"]),
])
def test_a_place_opens_an_institutions_name_a_persons_does_not(text, places):
    assert list(_found(text)) == places


@pytest.mark.parametrize("text, places", [
    ("Two Luo traders died in Kisumu in revenge for an attack on 5 Kikuyu.", ["Kisumu"]),
    ("More than 200 Kisii county employees protested on Monday.", ["Kisii"]),
    ("Gunmen killed ethnic Kikuyu traders in Kisumu on Monday.", ["Kisumu"]),
])
def test_a_counted_ethnic_group_is_people_not_its_county(text, places):
    assert list(_found(text)) == places


def test_an_everyday_word_opening_a_sentence_is_the_word_though_a_city_bears_it():
    assert list(_found("Man found dead in a maize farm near Nakuru.")) == ["Nakuru"]


def test_a_word_pointed_back_to_in_capitals_is_no_place():
    # Venezuela has a division named Capital
    assert list(_found("NAIROBI, 21 MAR (EFE) -- A BOMB FOUND IN THIS CAPITAL WAS DEFUSED TODAY.")) == ["NAIROBI"]


def test_a_common_word_told_as_a_town_is_the_town():
    # "Sake" is an English word, and a town in North Kivu
    assert _found("Thousands fled the town of Sake on Monday.")["Sake"].country_code == "CD"


def test_a_word_that_is_only_a_foreign_name_of_a_city_opens_no_place():
    assert "Grenade" not in _found("Grenade blasts wounded four traders at dawn.")


def test_a_hyphenated_road_names_both_its_towns_near_which_it_runs():
    found = _found("Traders blocked the Eldoret-Kitale road on Monday.")
    assert {(found[town].country_code, found[town].precision) for town in ("Eldoret", "Kitale")} == {("KE", 2)}


def test_a_name_before_supporters_or_a_candidate_is_a_party_not_a_hamlet():
    # a known city keeps its name before such words: "Nakuru supporters" came from Nakuru
    found = _found("Jubilee supporters stoned Nakuru supporters of a rival candidate in Kisumu.")
    assert list(found) == ["Nakuru", "Kisumu"]


@pytest.mark.parametrize("text", [
    "Members of Jubilee and NASA parties fought in Kisumu.",
    "Supporters of NASA and Jubilee fought in Kisumu.",
    "The Jubilee gubernatorial candidate held a rally in Kisumu.",
    "Jubilee primaries ended; crowds gathered at the Jubilee headquarters in Kisumu.",
    "Fighting between Jimo and Agoro clans spread near Kisumu.",  # clans, also through a two-word name
    "Orange and Banana Tana militias skirmished outside Kisumu.",
])
def test_a_party_stays_a_party_through_coordination_modifiers_and_later_mentions(text):
    assert list(_found(text)) == ["Kisumu"]


def test_a_former_province_still_named_in_news_is_a_region_of_its_country():
    assert _found("Riots spread across Nyanza on Monday.")["Nyanza"].country_code == "KE"


@pytest.mark.parametrize("text, place", [
    ("Kisumu MCAs walked out of the assembly on Monday.", "Kisumu"),  # initials after a place: its people
    ("Refugees protested in the Kakuma Refugee Camp on Monday.", "Kakuma"),  # a camp named after its town
])
def test_a_capitalised_word_after_a_place_that_keeps_it_one(text, place):
    assert place in _found(text)


def test_a_name_before_a_natural_features_word_takes_no_town_known_by_it_only_as_an_alternate():
    assert "Boni" not in _found("Troops shelled camps in Boni Forest on Sunday.")  # not Bonn
    assert _found("Herders drowned in Tana River near Garsen.")["Tana River"].country_code == "KE"


def test_a_small_town_on_another_continent_from_all_the_article_tells_is_not_read():
    # the English town of Fareham against a report that tells only Kenyans and Somalis
    text = "Kenyan and Somali youths fought in Fareham after a grenade blast."
    assert "GB" not in {m.country_code for m in _places(text)}
    # one demonym alone, of the events' ground, when nothing else lies in the town's country
    assert "Bula" not in _found("Kenyan troops shelled Bula at dawn.")
    # but people of a demonym may be far from home: the town stays
    assert _found("Gunmen abducted an Italian volunteer in Kiganjo.")["Kiganjo"].country_code == "KE"
    # but it may name someone from afar: not against another place of the town's country,
    assert _found("Kenyan athletes trained in Fareham and Romsey.")["Fareham"].country_code == "GB"
    # nor for a town within a continent of the demonym's country
    assert _found("An Italian volunteer was hurt in Fareham.")["Fareham"].country_code == "GB"


def test_a_name_only_told_as_a_buildings_is_no_small_town_or_province_abroad():
    # the Canadian and American hamlets of West Gate against a mall no other name places
    assert _found("Protesters gathered at the Westgate Mall on Sunday.") == {}
    # nor a province abroad: Venezuela's Capital against a hotel beside a Kenyan town
    assert "Capital" not in _found("Youths in Kisii burnt posters outside the Capital Hotel.")
    # the town is read when the article names it alone too, or names another place of its country
    assert "Romsey" in _found("Crowds gathered at the Romsey Hotel and marched through Romsey.")
    assert "Romsey" in _found("Crowds gathered at the Romsey Hotel and in Southampton.")


def test_a_district_of_a_conflict_city_outweighs_a_namesake_town_abroad():
    # Eastleigh is Nairobi's estate and an English town of 54,000; Kibera only Nairobi's
    found = _found("Traders in Eastleigh shut their stalls, and youths in Kibera barricaded a lane.")
    assert (found["Eastleigh"].country_code, found["Kibera"].country_code) == ("KE", "KE")


def test_an_adjective_opening_a_sentence_is_no_first_name_before_a_town():
    assert "Nyeri" in _found("Angry Nyeri traders stoned a lorry on the highway.")


def test_an_ethnic_group_told_as_suspects_or_fighters_is_no_place():
    assert "Turkana" not in _found("Herders in Kiganjo said that armed Turkana drove off their goats.")
    assert "Turkana" in _found("Herders in Kiganjo said that raiders from Turkana drove off their goats.")


def test_an_armed_groups_home_keeps_a_village_from_another_continent():
    # JNIM fights in the Sahel: Seno is no town of Aragon in its report
    found = _found("JNIM militants attacked the village of Seytenga in Seno on Monday.")
    assert "Seno" not in found or found["Seno"].country_code != "ES"


def test_initials_of_armed_groups_in_a_few_countries_point_at_those():
    # "ADF" names rebels in Congo or Uganda, or separatists in Cameroon: Beni is Congo's
    found = _found("Residents of Beni marched to demand an end to ADF killings.")
    assert found["Beni"].country_code == "CD"


def test_a_known_first_word_of_an_unknown_place_is_no_reading_of_it():
    # "Adan" of Adan Kiganjo is not Aden in Yemen; the phrase after the comma is another name
    found = _found("Militants attacked Adan Kiganjo (Adan Kiganjo, Middle Shabelle) on Monday.")
    assert "Adan" not in found and found["Middle Shabelle"].country_code == "SO"


def test_an_unknown_village_in_a_named_district_lands_at_the_districts_seat():
    found = _found("Gunmen burned Kiganjo village (Kossi, Boucle du Mouhoun) on Monday.")
    assert (found["Kossi"].feature_code, found["Kossi"].precision) == ("ADM2", 2)


def test_a_doubled_word_is_no_town_of_its_half():
    # "boda boda" is a motorcycle taxi; Boda a town of the Central African Republic
    assert list(_found("Boda Boda riders blocked the road in Kitengela town.")) == ["Kitengela"]


def test_a_skeleton_match_keeps_the_names_vowels_close():
    # Kutulo and Kitale share a skeleton, not a spelling
    assert "Kutulo" not in _found("A bomb hit a police truck near Kutulo in Kenya.")


def test_a_skeleton_match_is_trusted_inside_a_province_the_article_names():
    # Somali names lose their doubled vowels in English news: "Qoryoley" is Qoryooley
    assert _found("Militants attacked Qoryoley (Lower Shabelle) on Monday.")["Qoryoley"].name == "Qoryooley"
    assert "Qoryoley" not in _found("Militants attacked Qoryoley on Monday.")


def test_a_capital_told_by_its_country_is_that_capital():
    capital = _found("Gunmen stormed a hotel in the Somali capital on Monday.")["Somali capital"]
    assert (capital.name, capital.feature_code, capital.named) == ("Mogadishu", "PPLC", False)


@pytest.mark.parametrize("text, capital", [
    ("Police dispersed traders at the capital on Monday.", "Nairobi"),
    ("Police dispersed traders in the capital of Embu county on Monday.", None),
    ("Police dispersed traders in the capital, Nairobi, on Monday.", None)])
def test_the_capital_of_an_outlets_country(text, capital):
    places = process(Article(id="t", text=text, home="Kenya"), until="places").places
    assert next((p.name for p in places if not p.named), None) == capital


def test_the_last_word_of_a_longer_name_is_no_place_of_its_own():
    # "Sur" alone is an Omani town; "Lanao del Sur" is a Philippine province
    assert "Sur" not in _found("Gunmen seized a teacher in Pualas (Lanao del Sur) on Monday.")


def test_names_joined_by_two_connectors_are_one_place():
    assert "Fernando de la Mora" in _found("Police cleared bus drivers in Fernando de la Mora on Monday.")


def test_a_towns_quarter_of_a_name_found_far_away_is_no_place_of_the_story():
    # Hawl Wadaag is also a district of Mogadishu, 250 km from Baidoa
    places = _found("Mortars fell on Baidoa on Monday. One struck a house in Hawl Wadaag neighbourhood.")
    assert "Baidoa" in places and "Hawl Wadaag" not in places
    assert "Hawl Wadaag" in _found("Mortars fell on Mogadishu on Monday. One struck a house in Hawl Wadaag neighbourhood.")


def test_a_local_divisions_word_tells_the_country():
    places = _places("Gunmen killed a mayor in Barangay San Isidro (Pamplona, Negros Oriental).")
    assert {p.country_code for p in places if p.text == "Pamplona"} == {"PH"}


def test_a_first_level_division_is_known_with_province_after_its_name():
    places = _places("Mobs killed two men in Chibombo, the Central Province police commissioner said.")
    assert {p.country_code for p in places} == {"ZM"}
