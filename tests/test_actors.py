from collections import Counter
from datetime import date

import pycountry
import pytest

from eventcoder.article import Article, PlaceMention
from eventcoder.pipeline import extract_records
from eventcoder.lexicon import load_countries, load_lexicon
from eventcoder.stages.actors import find_actors, match_actor_names
from eventcoder.stages.text import split_sentences


def _article(text: str, country: str | None = None, published: date | None = None) -> Article:
    article = match_actor_names(split_sentences(Article("test", text, published=published)))
    if country:
        article.places = [PlaceMention("Town", 0, 4, country_code=country)]
    return find_actors(article)


def _names(text: str, country: str | None = None, published: date | None = None) -> dict:
    return {m.text: m.name for m in _article(text, country, published).actors}


def test_every_country_has_state_forces_with_an_acled_name():
    lexicon = load_lexicon()
    for code, country in load_countries().items():
        assert "," not in country.name and "(" not in country.name or code == "CC"
        for template in ("Military Forces of {}", "Police Forces of {}", "Government of {}"):
            assert template.format(country.article + country.name) in lexicon.actors_by_name
    assert len(load_countries()) >= len(pycountry.countries)


def test_each_demonym_belongs_to_one_country():
    owners = Counter(d.lower() for c in load_countries().values() for d in set(c.demonyms))
    assert [d for d, n in owners.items() if n > 1] == []


@pytest.mark.parametrize("phrase, name", [
    ("the Syrian army", "Military Forces of Syria"),
    ("the army of Syria", "Military Forces of Syria"),
    ("Syria's army", "Military Forces of Syria"),
    ("Syrian warplanes", "Military Forces of Syria"),
    ("Syrian government forces", "Military Forces of Syria"),
    ("Somalian troops", "Military Forces of Somalia"),
    ("Congolese soldiers", "Military Forces of the Democratic Republic of Congo"),
    ("Turkish jets", "Military Forces of Turkey"),
    ("Iranian police", "Police Forces of Iran"),
    ("Russian officials", "Government of Russia"),
    ("the FARDC", "Military Forces of the Democratic Republic of Congo"),
    ("U.S. troops", "Military Forces of the United States"),
    ("Syrian regime helicopters", "Military Forces of Syria"),
    ("a Russian missile strike", "Military Forces of Russia"),
    ("Myanmar junta troops", "Military Forces of Myanmar"),
    ("Israeli tanks", "Military Forces of Israel"),
    ("Israeli bulldozers", "Military Forces of Israel"),
    ("FACA soldiers", "Military Forces of the Central African Republic"),
    ("an Israeli strike", "Military Forces of Israel"),
])
def test_state_forces_from_demonyms_and_names(phrase, name):
    assert list(_names(f"Yesterday {phrase} arrived.").values()) == [name]


@pytest.mark.parametrize("alias, name", [
    ("Daesh", "Islamic State"), ("ISIS", "Islamic State"), ("ISIL", "Islamic State"),
    ("the Islamic State group", "Islamic State"), ("IS fighters", "Islamic State"),
    ("al-Nusra Front", "Jabhat al-Nusra"), ("Jabhat Fatah al-Sham", "Jabhat al-Nusra"),
    ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"), ("al-Shabab", "Al Shabaab"),
    ("Harakat al-Shabaab al-Mujahideen", "Al Shabaab"), ("Ansar Allah", "Military Forces of Yemen (2017-) Houthi"),
    ("Houthi rebels", "Military Forces of Yemen (2017-) Houthi"), ("the FSA", "Free Syrian Army"),
    ("ISWAP", "Islamic State (West Africa)"), ("Jama’at Nusrat al-Islam wal-Muslimin",
                                               "JNIM: Group for Support of Islam and Muslims"),
    ("the Pakistani Taliban", "TTP: Tehreek-i-Taliban Pakistan"), ("Wagner", "Wagner Group"),
    ("the Qassam Brigades", "Hamas Movement"), ("the Gulf Clan", "AGC: Gaitanist Self-Defense Forces of Colombia"),
    ("the People's Defense Force", "PDF: People's Defense Force"),
    ("the US-led coalition", "US-led Coalition Against Islamic State"),
    ("Operation Inherent Resolve", "US-led Coalition Against Islamic State"),
    ("Mungiki members", "Mungiki Militia"), ("the SLDF", "SLDF: Sabaot Land Defence Force"),
    ("Oromo Liberation Front rebels", "OLF: Oromo Liberation Front"),
    ("ISIS-Somalia", "Islamic State (Somalia)"), ("the Islamic State in the Sahel", "Islamic State (Sahel)"),
    ("Koglweogo members", "Koglweogo Militia"), ("Jubaland forces", "Military Forces of Somalia"),
    ("the Ogaden National Liberation Front", "ONLA: Ogaden National Liberation Army"),
    ("TPNPB fighters", "TPNPB: West Papua National Liberation Army"), ("Comando Vermelho members", "CV: Comando Vermelho"),
    ("the Security Service of Ukraine", "Police Forces of Ukraine"),
    ("anti-balaka militiamen", "Anti-Balaka"), ("Imbonerakure members", "Imbonerakure"),
    ("Nyatura militiamen", "Nyatura Militia"), ("Pyu Saw Htee members", "Pyu Saw Htee"),
])
def test_named_groups_and_their_aliases(alias, name):
    assert list(_names(f"Officials said {alias} attacked.").values()) == [name]


@pytest.mark.parametrize("text", [
    "There is no doubt.", "WHAT IS NEXT FOR THE REGION", "Download the pdf here.",
    "A Syrian man said the rain had stopped.", "The aa battery died.",
])
def test_no_actor_in_ordinary_words(text):
    assert _names(text) == {}


def test_acronyms_that_need_their_country():
    assert _names("The AA took the town.", "MM") == {"AA": "Arakan Army"}
    assert _names("The AA took the town.", "US") == {}
    assert _names("AS militants attacked the town.", "SO") == {"AS militants": "Al Shabaab"}
    assert _names("AS militants attacked the town.", "NG") == {"militants": "Unidentified Armed Group (Nigeria)"}


def test_islamic_state_is_qualified_by_the_main_country_and_kept_bare_elsewhere():
    assert _names("Daesh attacked.", "SY") == {"Daesh": "Islamic State (Syria)"}
    assert _names("Daesh attacked.", "KE") == {"Daesh": "Islamic State"}


def test_mentions_are_exact_sorted_and_the_longest_match_wins():
    text = "Free Syrian Army (FSA) fighters and Daesh terrorists fled as the Syrian army came."
    mentions = _article(text, "SY").actors
    assert [(m.text, m.name) for m in mentions] == [
        ("Free Syrian Army", "Free Syrian Army"), ("FSA", "Free Syrian Army"),
        ("fighters", "Free Syrian Army"), ("Daesh terrorists", "Islamic State (Syria)"), ("Syrian army", "Military Forces of Syria")]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


@pytest.mark.parametrize("text, country, generic, name", [
    ("Al-Shabaab claimed the raid. Later militants burned a school.", "SO", "militants",
     "Al Shabaab"),
    ("Gunmen stormed a village.", "NG", "Gunmen", "Unidentified Armed Group (Nigeria)"),
    ("Miscreants torched two shops.", "BD", "Miscreants", "Unidentified Armed Group (Bangladesh)"),
    ("Hired goons vandalised the office.", "KE", "goons", "Unidentified Armed Group (Kenya)"),
    ("Troops entered the town.", "ML", "Troops", "Military Forces of Mali"),
    ("The police arrested him.", "PK", "The police", "Police Forces of Pakistan"),
    ("Villagers fled the fighting.", "SY", "Villagers", "Civilians (Syria)"),
    ("Women and children were hurt.", "YE", "Women and children", "Civilians (Yemen)"),
    ("Protesters blocked roads.", "KE", "Protesters", "Protesters (Kenya)"),
    ("Rioters torched cars.", "KE", "Rioters", "Rioters (Kenya)"),
    ("Civilians were killed.", None, "Civilians", "Civilians"),
])
def test_generic_mentions_are_resolved_from_context(text, country, generic, name):
    mention = next(m for m in _article(text, country).actors if m.text == generic)
    assert mention.generic and mention.name == name


@pytest.mark.parametrize("text, name", [
    ("Sudanese rebels shelled the town.", "Unidentified Armed Group (Sudan)"),
    ("Congolese civilians fled.", "Civilians (Democratic Republic of Congo)"),
])
def test_a_demonym_gives_a_generic_mention_its_own_country(text, name):
    mention = _article(text, "SS").actors[0]
    assert (mention.text, mention.name) == (text.split(" ")[0] + " " + text.split(" ")[1], name)


@pytest.mark.parametrize("text, names", [
    ("Artillery hit Ukrainian positions near the river.", {"Ukrainian positions": "Military Forces of Ukraine"}),
    ("Artillery hit positions near the river.", {}),
    ("Soldiers raided militant hideouts near the river.",
     {"Soldiers": "Military Forces of Somalia", "militant hideouts": "Unidentified Armed Group (Somalia)"}),
])
def test_where_a_side_holds_out_names_the_side(text, names):
    assert _names(text, "SO") == names


@pytest.mark.parametrize("text, expected", [
    ("They let LeT fighters pass.", {"LeT fighters": "Lashkar-e-Taiba"}),
    ("WE LET THE ELN GUERRILLAS GO.", {"ELN GUERRILLAS": "ELN: National Liberation Army"}),
    ("THEY ARE STRONG, SAID THE FMLN.", {"FMLN": "FMLN: Farabundo Marti National Liberation Front"}),
])
def test_case_rules_for_mixed_case_and_all_capitals_text(text, expected):
    assert _names(text, "CO") == expected


def test_main_country_from_demonyms_when_no_places_are_known():
    assert _names("Somali troops said civilians died.")["civilians"] == "Civilians (Somalia)"


def test_a_demonym_of_people_away_from_home_gives_no_country():
    # "Chinese nationals" says who the workers are, not where the youths protested
    assert _names("Youths protested after Chinese nationals were hired.")["Youths"] == "Rioters"


def test_places_in_early_sentences_outweigh_later_ones():
    article = match_actor_names(split_sentences(Article("t", "Residents fled. Then more. Later still. It ended.")))
    article.places = [PlaceMention("A", 0, 1, country_code="SY"),
                      PlaceMention("B", 40, 41, country_code="IQ")]
    assert find_actors(article).actors[0].name == "Civilians (Syria)"


def test_generic_troops_follow_the_state_force_just_named():
    names = _names("Russian troops advanced. The soldiers dug in.", "UA")
    assert names["soldiers"] == "Military Forces of Russia"


def test_armed_generics_take_the_group_named_most_counting_nearby_names_more():
    text = ("Boko Haram attacked Konduga. Boko Haram burned homes. Then militants fled. Boko Haram left. "
            "Quiet followed. Calm returned. Al-Shabaab struck Afgooye. Al-Shabaab said the militants burned a school.")
    generics = [m.name for m in _article(text).actors if m.text == "militants"]
    assert generics == ["Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Al Shabaab"]


def test_armed_generics_told_as_unknown_or_beside_a_denial_stay_unnamed():
    names = _names("Unknown gunmen shot a trader in Kiganjo. Al Shabaab has killed traders there before.", "KE")
    assert names["Unknown gunmen"] == "Unidentified Armed Group (Kenya)"
    names = _names("Gunmen shot a trader in Kiganjo. Al Shabaab denied involvement.", "KE")
    assert names["Gunmen"] == "Unidentified Armed Group (Kenya)"


def test_thailands_separatists_are_the_malay_muslim_separatists():
    assert _names("Suspected insurgents bombed a ranger patrol.", "TH")["Suspected insurgents"] == "Malay Muslim Separatists (Thailand)"


def test_armed_generics_are_never_the_states_auxiliaries_who_fight_them():
    names = _names("Soldiers and VDP volunteers repelled an attack by jihadists on their post near Kaya.", "BF")
    assert names["jihadists"] == "Unidentified Armed Group (Burkina Faso)"


@pytest.mark.parametrize("text", [
    "Russian troops advanced. Calm followed. The soldiers dug in.",  # two sentences back: too far
    "The soldiers dug in as Russian troops advanced.",  # named after the generic word
])
def test_generic_troops_only_follow_a_state_force_named_just_before(text):
    assert _names(text, "UA")["soldiers"] == "Military Forces of Ukraine"


@pytest.mark.parametrize("country, name", [
    ("YE", "Operation Restoring Hope"), ("SY", "US-led Coalition Against Islamic State")])
def test_the_coalition_depends_on_the_country(country, name):
    assert _names("The coalition bombed a bridge.", country) == {"The coalition": name}


@pytest.mark.parametrize("text", ["Israeli shells hit a post.", "Israeli infantry advanced.", "Israeli units advanced."])
def test_a_states_arms_and_units_told_by_demonym_are_its_military(text):
    assert list(_names(text).values()) == ["Military Forces of Israel"]


@pytest.mark.parametrize("country, name", [("AF", "Islamic State (Afghanistan)"), ("PK", "Islamic State (Pakistan)")])
def test_the_khorasan_province_is_named_by_the_country_it_strikes(country, name):
    assert _names("ISKP gunmen attacked a mosque.", country) == {"ISKP gunmen": name}


@pytest.mark.parametrize("text", ["GNA forces shelled a town.", "Forces loyal to the Government of National Accord shelled a town."])
def test_a_governments_forces_are_its_military_whatever_it_is_called(text):
    assert list(_names(text, "LY").values()) == ["Military Forces of Libya"]


@pytest.mark.parametrize("country, name", [("ET", "Military Forces of Ethiopia"), ("AR", "Military Forces of Argentina")])
def test_federal_forces_are_the_countrys_own(country, name):
    assert _names("Federal forces fired tear gas.", country) == {"Federal forces": name}


def test_a_mission_is_picked_by_publication_year():
    text = "AU troops repelled the attack."
    assert _names(text, "SO", date(2019, 5, 1))["AU troops"] == "AMISOM"
    assert _names(text, "SO", date(2023, 5, 1))["AU troops"] == "ATMIS"


@pytest.mark.parametrize("text, name", [
    ("Serbia on Tuesday demanded talks.", "Government of Serbia"),
    ("Libya has offered to help.", "Government of Libya"),
    ("The United States and Jordan have agreed on a pact.", "Government of the United States"),
    ("Israel has beefed up its presence.", "Military Forces of Israel"),
    ("Russia will strike again.", "Military Forces of Russia"),
])
def test_a_country_as_subject_is_read_past_time_phrases_and_auxiliaries(text, name):
    assert name in _names(text).values()


@pytest.mark.parametrize("phrase, name", [
    ("Taiwan's foreign minister", "Government of Taiwan"),
    ("the Kyrgyz prime minister", "Government of Kyrgyzstan"),
    ("the Israeli high court", "Government of Israel"),
    ("the president of Armenia", "Government of Armenia"),
])
def test_office_holders_speak_for_their_government(phrase, name):
    assert list(_names(f"Yesterday {phrase} spoke.").values()) == [name]



def test_pro_and_anti_prefixes_negate_state_forces():
    assert "Russian forces" not in _names("Pro-Russian forces shelled the town.", "UA")


def test_seed_article(shared_data):
    text = (shared_data / "seed" / "article.txt").read_text()
    article = _article(text, published=date(2018, 7, 13))
    by_text = {}
    for mention in article.actors:
        by_text.setdefault(mention.text, set()).add(mention.name)
    assert by_text["US-led coalition"] == {"US-led Coalition Against Islamic State"}
    assert by_text["Daesh terrorists"] == {"Islamic State (Syria)"}
    assert by_text["civilians"] == {"Civilians (Syria)"}
    assert by_text["Syrian army"] == {"Military Forces of Syria"}
    assert by_text["Russian military"] == {"Military Forces of Russia"}
    assert by_text["FSA"] == by_text["Free Syrian Army"] == {"Free Syrian Army"}
    nusra = {"al-Nusra Front", "Nusra Front", "Jabhat Fatah al-Sham"}
    assert set().union(*(by_text[alias] for alias in nusra)) == {"Jabhat al-Nusra"}
    assert by_text["Hayat Tahrir al-Sham"] == {"Hayat Tahrir al-Sham"}
    assert by_text["Ahrar al-Sham"] == {"Ahrar al-Sham"}
    daraa_militants = next(m for m in article.actors
                           if m.text == "militants" and "final push" in text[m.start - 60:m.start])
    assert daraa_militants.name == "Free Syrian Army"


@pytest.mark.parametrize("text, country, expected", [
    ("Dinka youths raided a cattle camp.", "SS", {"Dinka youths": "Dinka Ethnic Militia (South Sudan)"}),
    ("Hawadle clan militia fought a rival group.", "SO", {"Hawadle clan militia": "Hawadle Clan Militia (Somalia)"}),
    ("Clan militias clashed over grazing land.", "SO", {"Clan militias": "Unidentified Clan Militia (Somalia)"}),
    ("Armed Pokot militants raided a school.", "KE", {"Pokot militants": "Pokot Ethnic Militia (Kenya)"}),
    ("Pokomo attack a village near Garsen.", "KE", {"Pokomo": "Pokomo Ethnic Militia (Kenya)"}),
    ("Meitei gunmen attacked a village.", "IN", {"Meitei gunmen": "Meitei Ethnic Militia (India)"}),
    ("Degodia clan attacks a village.", "KE", {"Degodia clan": "Degodia Ethnic Militia (Kenya)"}),
    # a group's name in another language is the same militia ("Peul" is French for Fulani)
    ("Peul gunmen attacked a village.", "TD", {"Peul gunmen": "Fulani Ethnic Militia (Chad)"}),
    ("Militia from the Garre clan raided a village.", "KE",
     {"Militia from the Garre clan": "Garre Ethnic Militia (Kenya)"}),
    # two groups sharing the word for their armed men are the two sides
    ("Armed Meitei and Kuki village volunteers exchanged fire.", "IN",
     {"Meitei": "Meitei Ethnic Militia (India)", "Kuki": "Kuki Ethnic Militia (India)"}),
    ("Mundari cattle keepers raided a camp.", "SS", {"Mundari cattle keepers": "Mundari Ethnic Militia (South Sudan)"}),
    ("Arab militiamen raided a camp.", "SD", {"Arab militiamen": "Arab Ethnic Militia (Sudan)"}),
    # two clans no list names, told as the two sides
    ("Members of the Nyakach and Sigoti clans fought over a boundary.", "KE",
     {"Nyakach": "Nyakach Clan Militia (Kenya)", "Sigoti": "Sigoti Clan Militia (Kenya)"}),
])
def test_an_ethnic_group_or_clan_under_arms_is_its_identity_militia(text, country, expected):
    assert _names(text, country) == expected


@pytest.mark.parametrize("country, expected", [("KE", "Borana Ethnic Militia (Kenya)"), ("ET", "Borana Ethnic Militia (Ethiopia)"),
                                               ("SO", "Borana Ethnic Militia (Kenya)")])
def test_a_group_of_several_countries_takes_the_reports_country_when_it_lives_there(country, expected):
    assert _names("Clashes between the Borana and Gabra left two dead.", country)["Borana"] == expected


@pytest.mark.parametrize("text", ["Bandits in Turkana attacked a bus.", "The Turkana attack left two dead."])
def test_a_groups_name_as_a_place_or_a_modifier_is_no_militia(text):
    assert "Turkana" not in _names(text, "KE")


def test_a_city_outweighs_a_hamlet_that_only_shares_a_name_in_the_main_country():
    article = match_actor_names(split_sentences(Article("t", "Residents of Moi fled to Naivasha.")))
    article.places = [PlaceMention("Moi", 12, 15, country_code="NO", feature_class="P", population=300),
                      PlaceMention("Naivasha", 24, 32, country_code="KE", feature_class="P", population=180_000)]
    assert find_actors(article).actors[0].name == "Civilians (Kenya)"


def test_an_angry_youth_as_a_crowd_is_rioters():
    records = extract_records(Article("t", "Angry youth roughed up voters outside a polling station in Bondo."))
    assert records[0]["actor1"].startswith("Rioters")


@pytest.mark.parametrize("text, names", [
    ("Fighting broke out between the Turkana and Pokot near the river.",
     {"Turkana": "Turkana Ethnic Militia (Kenya)", "Pokot": "Pokot Ethnic Militia (Kenya)"}),
    ("Orma and Pokomo communities fought over grazing land.",
     {"Orma": "Orma Ethnic Militia (Kenya)", "Pokomo": "Pokomo Ethnic Militia (Kenya)"}),
])
def test_two_groups_named_as_the_sides_of_a_fight_are_two_militias(text, names):
    assert _names(text) == names


def test_armed_men_told_by_the_group_they_come_from_are_its_militia():
    assert _names("Gunmen from the Turkana drove off 200 goats near the lake.") == {
        "Gunmen from the Turkana": "Turkana Ethnic Militia (Kenya)"}


def test_two_groups_fighting_are_the_two_sides_of_the_clash():
    record = extract_records(Article("t", "Gabra and Borana clans fought near Marsabit on Monday.",
                                     published=date(2024, 5, 10)))[0]
    assert (record["sub_event_type"], record["actor1"], record["actor2"]) == (
        "Armed clash", "Gabra Ethnic Militia (Kenya)", "Borana Ethnic Militia (Kenya)")


def test_a_country_inside_a_longer_countrys_name_is_no_state_acting():
    # "Sudan attacked" read inside "South Sudan attacked"
    assert "Military Forces of Sudan" not in _names("Raiders from South Sudan attacked herders.").values()


@pytest.mark.parametrize("text, name", [
    ("Masai youths burnt two huts.", "Maasai Ethnic Militia (Kenya)"),  # another spelling of the group
    ("Karamojong warriors drove off the herds.", "Karamajong Ethnic Militia (Uganda)"),
    ("Kalenjins attacked the farm at dawn.", "Kalenjin Ethnic Militia (Kenya)"),  # the group's plural acting
])
def test_an_ethnic_groups_other_spellings_and_plural_name_its_militia(text, name):
    assert name in _names(text).values()


def test_two_clans_told_with_one_militia_word_are_the_two_sides():
    record = extract_records(Article("t", "Abgaal and Habargidir clan militias fought over a well near Adado on Monday.",
                                     published=date(2024, 5, 10)))[0]
    assert (record["actor1"], record["actor2"]) == ("Abgal Clan Militia (Somalia)", "Habar Gidir Clan Militia (Somalia)")


def test_a_country_told_as_where_raiders_came_from_is_theirs_not_the_articles():
    record = extract_records(Article("t", "Raiders from Ethiopia attacked herders near Marsabit, killing two.",
                                     published=date(2019, 5, 6)))[0]
    assert (record["actor1"], record["actor2"]) == ("Unidentified Communal Militia (Ethiopia)", "Civilians (Kenya)")


@pytest.mark.parametrize("published, name", [(date(2008, 5, 6), "Unidentified Ethnic Militia (Kenya)"),
                                             (date(2019, 5, 6), "Unidentified Communal Militia (Kenya)")])
def test_an_actor_is_named_as_acled_named_it_on_the_day(published, name):
    record = extract_records(Article("t", "Cattle raiders attacked herders near Marsabit, killing two.", published=published))[0]
    assert record["actor1"] == name


def test_victims_are_the_places_people_not_their_attackers_countrymen():
    records = extract_records(Article("t", "Somali gunmen shot dead two herders at a watering point on Monday.",
                                      published=date(2024, 5, 10)))
    assert (records[0]["actor1"], records[0]["actor2"]) == ("Unidentified Armed Group (Somalia)", "Civilians")


def test_a_cause_named_by_a_demonym_is_not_the_protesters_country():
    record = extract_records(Article("t", "Pro-Palestinian protesters marched through Nairobi on Monday.",
                                     published=date(2024, 5, 10)))[0]
    assert record["actor1"] == "Protesters (Kenya)"


def test_two_countries_sharing_their_forces_noun_are_two_sides():
    record = extract_records(Article("t", "Russian and Ukrainian forces clashed near Robotyne on Monday.",
                                     published=date(2024, 5, 10)))[0]
    assert {record["actor1"], record["actor2"]} == {"Military Forces of Russia", "Military Forces of Ukraine"}


@pytest.mark.parametrize("text, mention, name", [
    ("Youths thought to be members of the banned Mungiki sect torched houses.", "Youths", "Mungiki Militia"),
    ("Raiders, believed to be Pokots, stole 200 goats.", "Raiders, believed to be Pokots", "Pokot Ethnic Militia (Kenya)"),
    ("Gunmen who were thought to be from Ethiopia attacked elders.", "Gunmen", "Unidentified Armed Group (Ethiopia)"),
])
def test_generic_words_told_to_be_a_named_side_are_that_side(text, mention, name):
    assert _names(text, "KE")[mention] == name


def test_people_told_as_armed_are_a_communitys_armed_men():
    names = _names("Heavily armed herders raided a farm. Herders fled.", "KE")
    assert names == {"Heavily armed herders": "Unidentified Communal Militia (Kenya)", "Herders": "Civilians (Kenya)"}


def test_a_datelines_city_is_where_the_report_was_filed_not_the_events_country():
    records = extract_records(Article("t", "NAIROBI, March 19 (Reuters) - Armed men raped 12 women in a camp for "
                                           "displaced people in Sudan's Darfur region on Tuesday.", published=date(2024, 3, 19)))
    assert records[0]["actor1"] == "Unidentified Armed Group (Sudan)"
    records = extract_records(Article("t", "NAIROBI, March 19 (Reuters) - Police fired tear gas at protesters on "
                                           "Tuesday.", published=date(2024, 3, 19)))
    assert records[0]["actor2"] == "Police Forces of Kenya"


@pytest.mark.parametrize("text", ["Two Russian Iskander-M ballistic missiles struck Sumy on Monday.",
                                  "Russian Shahed drones hit Odesa on Monday.",
                                  "A Russian combat drone struck a house in Sumy on Monday."])
def test_a_weapon_told_with_its_model_belongs_to_the_demonyms_forces(text):
    assert "Military Forces of Russia" in _names(text).values()


def test_the_taliban_are_afghanistans_forces_from_august_2021():
    text = "Taliban fighters shot dead two former soldiers in Khost on Monday."
    now = extract_records(Article("t", text, published=date(2024, 2, 20)))[0]
    before = extract_records(Article("t", text, published=date(2019, 2, 20)))[0]
    assert (now["actor1"], before["actor1"]) == ("Military Forces of Afghanistan", "Taliban")


def test_cameroons_separatists_are_the_ambazonian_separatists():
    record = extract_records(Article("t", "Suspected separatist fighters shot dead a teacher in Kumbo, Cameroon, on Monday.",
                                     published=date(2024, 5, 10)))[0]
    assert record["actor1"] == "Ambazonian Separatists"


def test_mozambiques_insurgents_are_the_islamic_states_and_militants_elsewhere_stay_unnamed():
    assert _names("Insurgents raided a fishing camp on Monday.", country="MZ")["Insurgents"] == "Islamic State (Mozambique)"
    assert _names("Militants raided a fishing camp on Monday.", country="KE")["Militants"] == "Unidentified Armed Group (Kenya)"


def test_a_name_a_country_gives_its_own_meaning_keeps_its_usual_one_elsewhere():
    assert _names("Al Shabaab fighters raided a fishing camp on Monday.", country="MZ")["Al Shabaab fighters"] == \
        "Islamic State (Mozambique)"
    assert _names("Al Shabaab fighters raided a fishing camp on Monday.", country="KE")["Al Shabaab fighters"] == "Al Shabaab"


@pytest.mark.parametrize("text, country, mission", [
    ("Tanzanian troops serving with SAMIM shelled a camp on Monday.", "MZ",
     "SAMIM: Southern African Development Community Mission in Mozambique"),
    ("Tanzanian troops of SAMIM shelled a camp on Monday.", "MZ", "SAMIM: Southern African Development Community Mission in Mozambique"),
    # Somalia's foreign troops that serve there only in the African Union's mission
    ("Tanzanian troops repelled an attack on their base on Monday.", "SO", "Military Forces of Tanzania"),
    ("Ugandan troops repelled an attack on their base on Monday.", "SO", "ATMIS")])
def test_a_foreign_contingent_acts_as_its_mission(text, country, mission):
    contingent = " ".join(text.split()[:2])
    assert _names(text, country=country, published=date(2023, 5, 10))[contingent] == mission


def test_a_country_named_for_its_troops_is_not_where_they_fought():
    record = extract_records(Article("t", "On Monday, Botswana soldiers clashed with insurgents near Macomia (Macomia, "
                                          "Cabo Delgado).", published=date(2022, 10, 17)))[0]
    assert (record["country"], record["actor2"]) == ("Mozambique", "Islamic State (Mozambique)")


def test_a_gang_told_by_its_name_is_that_gang():
    names = _names("On Monday, Grand Ravine gang members raided Carrefour and the 5 Segonn gang kidnapped a pastor.", country="HT")
    assert sorted(names.values()) == ["5 Segonn Gang", "Grand Ravine Gang"]
    # not a town's gang, nor words that open a sentence
    assert "Nairobi Gang" not in _names("A Nairobi gang robbed a bank. Gang members fled.", country="KE").values()


def test_armed_men_of_a_named_clan_tribe_or_family_are_its_militia():
    names = _names("Gunmen from the Al-Hawashim family fired on tribesmen of the Zuwayya tribe on Monday.", country="EG")
    assert sorted(names.values()) == ["Al Hawashim Clan Militia (Egypt)", "Zuwayya Tribal Militia (Egypt)"]


def test_a_side_that_runs_or_holds_something_names_that_thing_not_an_actor():
    assert _names("The Houthi-run health ministry reported 80 dead on Monday.", country="YE") == {}


def test_a_forces_units_and_ships_are_its_forces():
    assert _names("Navy personnel shot three fishermen on Monday.", country="MM")["Navy personnel"] == "Military Forces of Myanmar"
    assert list(_names("A military engineering team defused two bombs.", country="BF").values()) == ["Military Forces of Burkina Faso"]


@pytest.mark.parametrize("text, country, expected", [
    # armed men of a community the report names are its militia
    ("Armed youths from the Kadara community attacked a hamlet.", "NG", {"Armed youths from the Kadara community": "Kadara Ethnic Militia (Nigeria)"}),
    # a Latin American gang by its Spanish name, with the members it names
    ("On Monday, Los Tigrillos gunmen attacked a prison wing held by Los Perros.", "EC", {"Los Tigrillos gunmen": "Los Tigrillos", "Los Perros": "Los Perros"}),
    # one country's police initials, units and insurgents
    ("PNC agents detained two men.", "GT", {"PNC": "Police Forces of Guatemala"}),
    ("CRPF and DRG personnel engaged Maoist cadres.", "IN", {"CRPF": "Police Forces of India", "DRG": "Police Forces of India",
                                                            "Maoist cadres": "CPI (Maoist): Communist Party of India (Maoist)"}),
    ("A Turkish UAV hit a car.", "IQ", {"Turkish UAV": "Military Forces of Turkey"}),
])
def test_groups_told_by_their_community_spanish_names_initials_and_craft(text, country, expected):
    assert {k: v for k, v in _names(text, country).items() if k in expected} == expected


@pytest.mark.parametrize("text, country, name", [
    # a gang of the coalition keeps its own name
    ("Members of the 400 Mawozo gang kidnapped a pastor on Monday.", "HT", "400 Mawozo Gang"),
    ("Suspected Fulani ethnic militiamen attacked a village on Monday.", "NG", "Fulani Ethnic Militia (Nigeria)"),
    ("Tigray forces shelled the airport on Monday.", "ET", "TPLF: Tigray People's Liberation Front"),
    # a region's special forces are its police; the Somali Region's Liyu Police wherever they act
    ("Amhara special forces clashed with militiamen on Monday.", "ET", "Police Forces of Ethiopia"),
    ("Suspected Liyu Police gunmen shot a trader in Mandera on Monday.", "KE", "Police Forces of Ethiopia"),
])
def test_groups_named_by_what_they_call_themselves(text, country, name):
    assert name in _names(text, country).values()


def test_tribes_fighting_each_other_are_their_tribal_militias():
    names = _names("Turi and Bangash tribesmen exchanged fire over a plot of land on Monday.", "PK")
    assert {"Turi Tribal Militia (Pakistan)", "Bangash Tribal Militia (Pakistan)"} <= set(names.values())


def test_military_police_are_the_military_but_in_brazil_the_states_police():
    assert "Military Forces of Uganda" in _names("Military police beat journalists on Monday.", "UG").values()
    assert "Police Forces of Brazil" in _names("Military police beat journalists on Monday.", "BR").values()


def test_a_named_forces_men_who_no_longer_serve_are_civilians():
    assert _names("The bodies of three former ANDSF members were found near Kandahar.", "AF") == {
        "ANDSF": "Civilians (Afghanistan)"}


def test_a_crowd_word_repeating_an_armed_sides_head_is_that_side():
    names = _names("Armed youths attacked soldiers in Kiganjo. Eleven soldiers and eight youths were killed.", "KE")
    assert names["Armed youths"] == names["youths"]


@pytest.mark.parametrize("phrase, name", [
    ("Irigwe militiamen", "Irigwe Ethnic Militia (Nigeria)"), ("Apuk youths", "Apuk Clan Militia (South Sudan)")])
def test_more_communities_name_their_militias(phrase, name):
    assert _names(f"{phrase} attacked the village.")[phrase] == name


@pytest.mark.parametrize("country, name", [
    ("CD", "Military Forces of the Democratic Republic of Congo"), ("SY", "Military Forces of Syria")])
def test_a_presidential_guard_is_the_military_of_the_country_at_hand(country, name):
    assert _names("Republican Guard soldiers opened fire.", country)["Republican Guard soldiers"] == name


@pytest.mark.parametrize("arms, name", [("sticks and iron rods", "Rioters (Kenya)"),
                                        ("sticks and machetes", "Unidentified Armed Group (Kenya)")])
def test_men_armed_only_with_clubs_are_a_mob(arms, name):
    assert _names(f"Men armed with {arms} attacked traders in Kiganjo on Monday.", "KE")["Men armed with"] == name


def test_pnp_is_the_philippine_police_only_in_the_philippines():
    assert _names("PNP officers raided a house.", country="PH")["PNP"] == "Police Forces of the Philippines"
    assert "PNP" not in _names("Crowds rallied after the arrest of a PNP figure.", country="TG")


def test_army_reinforcements_are_the_army():
    assert _names("Army reinforcements retook the town.", country="CM")["Army reinforcements"].startswith("Military Forces of Cameroon")


def test_people_told_protesting_in_a_relative_clause_are_protesters():
    assert _names("Police fired on residents who had gathered in anger outside the station.", country="KE")["residents"] \
        == "Protesters (Kenya)"


def test_secessionists_in_cameroon_are_the_ambazonian_separatists():
    assert _names("Secessionists burned a school.", country="CM")["Secessionists"] == "Ambazonian Separatists"


def test_vigilance_committees_are_cameroons_only_in_cameroon():
    assert _names("Vigilance committee members fought off the raiders.", country="CM")["Vigilance committee members"] \
        == "Vigilance Committee (Cameroon)"
    assert "Vigilance committee members" not in _names("Vigilance committee members fought off the raiders.", country="KE")
