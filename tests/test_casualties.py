import json
from datetime import date

import pytest

from eventcoder.article import Article, CasualtyMention
from eventcoder.pipeline import extract_records, process
from eventcoder.stages.casualties import find_casualties, tells_added_victims, tolls_by_place, top_level
from eventcoder.stages.text import split_sentences


def casualties_in(text: str):
    return find_casualties(split_sentences(Article("t", text))).casualties


def summary(text: str):
    return [(m.text, m.kind, m.group, m.minimum, m.maximum) for m in casualties_in(text)]


def main_fatalities(text: str) -> int:
    """The fatalities of a text's main event, reported on a Friday in May 2024."""
    return extract_records(Article("t", text, published=date(2024, 5, 10)))[0]["fatalities"]


@pytest.mark.parametrize("text, expected", [
    ("At least 40 civilians lost their lives in the raid.", [("At least 40 civilians", "killed", "civilians", 40, None)]),
    ("Five soldiers were killed.", [("Five soldiers", "killed", "soldiers", 5, 5)]),
    ("Two traders riding to the market were shot dead.", [("Two traders", "killed", "civilians", 2, 2)]),
    ("The blast killed two.", [("two", "killed", None, 2, 2)]),
    ("The attack left 12 people dead.", [("12 people", "killed", None, 12, 12)]),
    ("Three were wounded.", [("Three", "injured", None, 3, 3)]),
    ("Gunmen shoot and injure two guards.", [("two guards", "injured", "security forces", 2, 2)]),
    ("The death toll rose to 45.", [("45", "killed", None, 45, 45)]),
    ("Elders put the dead at between 30 and 50.", [("between 30 and 50", "killed", None, 30, 50)]),
    ("A grenade killed the owner of the shop.", [("owner", "killed", "civilians", 1, 1)]),
    ("Gunmen killed the deputy director of the prison.", [("deputy director", "killed", "officials", 1, 1)]),
    ("Three paramedics who were on duty there died.", [("Three paramedics", "killed", "health workers", 3, 3)]),
    # the official told as the source of a toll is no victim of it
    ("According to a local official, 11 militiamen and four soldiers died.",
     [("11 militiamen", "killed", "fighters", 11, 11), ("four soldiers", "killed", "soldiers", 4, 4)]),
    ("Nine villagers, two chiefs among them, were killed.",
     [("Nine villagers, two chiefs among them", "killed", "civilians", 9, 9)]),
    ("The death total was later raised to 4.", [("4", "killed", None, 4, 4)]),
    ("The toll from Friday's shelling of the market in Izium has risen to 12.", [("12", "killed", None, 12, 12)]),
    ("The death toll in the raid by armed herders on a farming village near the river in the south of the "
     "district has risen to 9.", [("9", "killed", None, 9, 9)]),
    ("Bandits shot dead two herders in Kiganjo, bringing the death toll of the week's raids to nine.",
     [("two herders in Kiganjo", "killed", "farmers", 2, 2)]),
    ("A Kiganjo chief linked to the ruling party was shot dead.", [("A Kiganjo chief", "killed", "officials", 1, 1)]),
    ("Gunmen wounded 15 people in Kiganjo, a police officer told reporters.", [("15 people in Kiganjo", "injured", None, 15, 15)]),
    ("Shelling killed 15 people in Kiganjo, a doctors' union said.", [("15 people in Kiganjo", "killed", None, 15, 15)]),
    ("Troops repelled the raid, killing either two or five attackers.",
     [("either two or five attackers", "killed", "militants", 2, 5)]),
    ("Gunmen assassinate a party activist outside a bar.", [("a party activist", "killed", "civilians", 1, 1)]),
    ("Masked men kill Muslim cleric near his mosque.", [("Muslim cleric", "killed", "clergy", 1, 1)]),
    ("Four traders from the village were shot dead.", [("Four traders from the village", "killed", "civilians", 4, 4)]),
    ("Two men suspected of stealing a goat were lynched.", [("Two men", "killed", "men", 2, 2)]),
    ("Two elders, Paul Ekai and Simon Lokol, were shot dead.", [("Two elders", "killed", "civilians", 2, 2)]),
    ("Eight rangers from Kiganjo Camp in Mbale district, on patrol near the river, died in the blast.",
     [("Eight rangers from Kiganjo Camp in Mbale district", "killed", "security forces", 8, 8)]),
    ("Three members of the Kiganjo peace committee were shot, hacked and decapitated.",
     [("Three members of the Kiganjo peace committee", "killed", None, 3, 3)]),
    ("Two traders of unknown origin were found dead.", [("Two traders of unknown origin", "killed", "civilians", 2, 2)]),
    ("Police held five men. Two of those detained were found dead a week later.",
     [("Two of those detained", "killed", None, 2, 2)]),
    ("The chief, a retired teacher, was found killed at his farm.", [("chief", "killed", "officials", 1, 1)]),
    ("Clashes between two clans. FATALITIES: 4 (total: 9 over two days).", [("FATALITIES: 4", "killed", None, 4, 4)]),
    ("FATALITIES: 19 people were killed over two days.", [("19 people", "killed", None, 19, 19)]),
    ("Police shot one robber, who died later in hospital.", [("one robber", "killed", "suspects", 1, 1)]),
    ("Most of the 30 people killed were farmers.", [("30 people", "killed", None, 30, 30)]),
    ("A crowd lynched and burnt a suspected thief.", [("a suspected thief", "killed", "suspects", 1, 1)]),
    ("Villagers caught a man driving off a neighbour's cow and lynched him.", [("him", "killed", None, 1, 1)]),
    ("Gunmen killed and injured 12 people.", [("12 people", "injured", None, 12, 12)]),
    ("More than 100 people were killed.", [("More than 100 people", "killed", None, 100, None)]),
    ("Over 100 died.", [("Over 100", "killed", None, 100, None)]),
    ("Up to 7 people were killed.", [("Up to 7 people", "killed", None, None, 7)]),
    ("As many as 7 were hurt.", [("As many as 7", "injured", None, None, 7)]),
    ("Nearly 50 fighters died.", [("Nearly 50 fighters", "killed", "fighters", 50, 50)]),
    ("About 50 soldiers were killed.", [("About 50 soldiers", "killed", "soldiers", 50, 50)]),
    ("Gunmen killed 3-7 villagers.", [("3-7 villagers", "killed", "civilians", 3, 7)]),
    ("Between 3 and 7 people died.", [("Between 3 and 7 people", "killed", None, 3, 7)]),
    ("Three to five civilians were hurt.", [("Three to five civilians", "injured", "civilians", 3, 5)]),
    ("Twenty-one troops were killed.", [("Twenty-one troops", "killed", "soldiers", 21, 21)]),
    ("The army detained 1,200 protesters.", [("1,200 protesters", "arrested", "protesters", 1200, 1200)]),
    ("A dozen police officers were injured.", [("A dozen police officers", "injured", "police", 12, 12)]),
    ("Dozens of people were killed.", [("Dozens of people", "killed", None, 12, None)]),
    ("An unknown number of militants were killed.", [("An unknown number of militants", "killed", "militants", 3, None)]),
    ("Scores were wounded.", [("Scores", "injured", None, 20, None)]),
    ("Tens of students were arrested.", [("Tens of students", "arrested", "students", 10, None)]),
    ("Hundreds of civilians died.", [("Hundreds of civilians", "killed", "civilians", 100, None)]),
    ("Several worshippers were killed.", [("Several worshippers", "killed", "worshippers", 3, None)]),
    ("A number of journalists were detained.", [("A number of journalists", "arrested", "journalists", 3, None)]),
    ("A couple of aid workers were kidnapped.", [("A couple of aid workers", "abducted", "aid workers", 2, 2)]),
    ("Many refugees were hurt.", [("Many refugees", "injured", "refugees", None, None)]),
    ("A policeman was shot dead.", [("A policeman", "killed", "police", 1, 1)]),
    ("Gunmen abducted 20 schoolgirls.", [("20 schoolgirls", "abducted", "students", 20, 20)]),
    ("Ten passengers were taken hostage.", [("Ten passengers", "abducted", "civilians", 10, 10)]),
    ("Four suspects were taken into custody.", [("Four suspects", "arrested", "suspects", 4, 4)]),
    ("Police rounded up 30 men.", [("30 men", "arrested", "men", 30, 30)]),
    ("The killing of 12 civilians sparked protests.", [("12 civilians", "killed", "civilians", 12, 12)]),
    ("The clashes left 7 dead and 12 wounded.", [("7", "killed", None, 7, 7), ("12", "injured", None, 12, 12)]),
    ("No one was killed.", [("No one", "killed", None, 0, 0)]),
    ("There were no deaths.", [("no deaths", "killed", None, 0, 0)]),
    ("There were no casualties.", [("no casualties", "injured", None, 0, 0), ("no casualties", "killed", None, 0, 0)]),
    ("The attack killed 15 worshippers and wounded 40 others.",
     [("15 worshippers", "killed", "worshippers", 15, 15), ("40 others", "injured", None, 40, 40)]),
    ("Militants attacked, killing three soldiers and two civilians and wounding five others.",
     [("three soldiers", "killed", "soldiers", 3, 3), ("two civilians", "killed", "civilians", 2, 2),
      ("five others", "injured", None, 5, 5)]),
    ("Five soldiers were killed and three were wounded.",
     [("Five soldiers", "killed", "soldiers", 5, 5), ("three", "injured", None, 3, 3)]),
    ("Since June 19, 30 people were killed.", [("30 people", "killed", None, 30, 30)]),
    ("Two policemen and a civilian were killed.",
     [("Two policemen", "killed", "police", 2, 2), ("a civilian", "killed", "civilians", 1, 1)]),
    ("Air strikes killed 23 Palestinians, including nine children.",
     [("23 Palestinians, including nine children", "killed", None, 23, 23),
      ("nine children", "killed", "children", 9, 9)]),
    ("Three herders were killed in Kiganjo, as was one of the raiders.",
     [("Three herders", "killed", "farmers", 3, 3), ("one of the raiders", "killed", "militants", 1, 1)]),
    ("Both of them were shot dead.", [("Both of them", "killed", None, 2, 2)]),
    ("Three soldiers were killed in the ambush, plus two civilians.",
     [("Three soldiers", "killed", "soldiers", 3, 3), ("two civilians", "killed", "civilians", 2, 2)]),
    ("Four guards and all three gunmen were killed.",
     [("Four guards", "killed", "security forces", 4, 4), ("three gunmen", "killed", "militants", 3, 3)]),
    ("Four suspected thieves were on 12/03 lynched in Kiganjo.", [("Four suspected thieves", "killed", "suspects", 4, 4)]),
    ("Two elders, Chief Peter Kamau and his deputy John Mwangi were shot dead.", [("Two elders", "killed", "civilians", 2, 2)]),
    ("A herder was shot by raiders near Kiganjo and later died in hospital.", [("A herder", "killed", "farmers", 1, 1)]),
    ("A trader was shot by unknown gunmen on the road outside Kiganjo town (Nyeri, Central) on 12 June 2023 and died on the way to hospital.",
     [("A trader", "killed", "civilians", 1, 1)]),
    ("Drones struck the camp, killing an undetermined number of rebels.", [("an undetermined number of rebels", "killed", "rebels", 3, None)]),
    ("Residents beat two men and then set them alight; both died.", [("them", "killed", None, None, None), ("both", "killed", None, 2, 2)]),
    ("A herder accused of theft was dragged from his hut in Loruk (Baringo North, Baringo) and burnt to death.",
     [("A herder", "killed", "farmers", 1, 1)]),
    ("A ranger on patrol stepped on a landmine near Kiganjo and died of his wounds.", [("A ranger", "killed", "security forces", 1, 1)]),
    ("Four soldiers and the district commissioner were killed.",
     [("Four soldiers", "killed", "soldiers", 4, 4), ("district commissioner", "killed", "officials", 1, 1)]),
    ("Gunmen shot and killed twelve-year-old Amina Hassan in Kiganjo.", [("twelve-year-old Amina Hassan", "killed", None, 1, 1)]),
    ("Residents lynched a man suspected of theft, stoning him to death.", [("a man", "killed", "men", 1, 1)]),
    ("A crowd beat a man in his thirties to death.", [("a man in his thirties", "killed", None, 1, 1)]),
    ("The farm manager died on the spot together with his driver.",
     [("farm manager", "killed", "workers", 1, 1), ("driver", "killed", "civilians", 1, 1)]),
    ("Three tribesmen and two soldiers were killed.", [("Three tribesmen", "killed", "fighters", 3, 3), ("two soldiers", "killed", "soldiers", 2, 2)]),
    ("Police took a man from the crowd, then proceeded to kill him themselves.", [("him", "killed", None, 1, 1)]),
    ("The mutilated body of a trader (a father of four) was found in a ditch.",
     [("The mutilated body of a trader (a father of four) was found", "killed", None, 1, 1)]),
    ("Two of the injured later died.", [("Two of the injured", "killed", None, 2, 2)]),
    ("At least 22 were killed, among them 10 children.",
     [("At least 22 were killed, among them 10 children", "killed", None, 22, None),
      ("10 children", "killed", "children", 10, 10)]),
    ("The army said it had neutralised 14 gunmen.", [("14 gunmen", "killed", "militants", 14, 14)]),
    ('The army said it had killed "dozens of gunmen" near the river.', [("dozens of gunmen", "killed", "militants", 12, None)]),
    ('Eleven raiders were "neutralised", the army said.', [("Eleven raiders", "killed", "militants", 11, 11)]),
    ("Residents said four herders were killed.", [("four herders", "killed", "farmers", 4, 4)]),
    ("The initial death toll of 30 was raised to 45.", [("45", "killed", None, 45, 45)]),
    ("Medics put the number of dead between 18 and 25.", [("18", "killed", None, 18, 18)]),
    ("On 18 March 2024, raiders ambushed a convoy near Kiganjo, leaving 5 soldiers dead.",
     [("5 soldiers", "killed", "soldiers", 5, 5)]),
    ("Two herders, a man and his son, were shot dead.", [("Two herders", "killed", "farmers", 2, 2)]),
    ("The shelling killed dozens.", [("dozens", "killed", None, 12, None)]),
    ("Officials updated an earlier toll of three.", []),
    ("The bomb killed two herders and a passer-by.",
     [("two herders", "killed", "farmers", 2, 2), ("a passer-by", "killed", "civilians", 1, 1)]),
])
def test_counts_kinds_and_groups(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Two men suspected of killing a trader were shot dead by police.", [("Two men", "killed", "men", 2, 2)]),
    ("A student accused of joining a raid that killed four herders was stoned to death in Kiganjo.",
     [("A student", "killed", "students", 1, 1)]),
    ("Villagers lynched a man they believed had murdered a shopkeeper who was found dead in a ditch.",
     [("a man", "killed", "men", 1, 1)]),
    ("A woman accused of hiding a suspect died in a police cell after being tortured.", [("A woman", "killed", "women", 1, 1)]),
    ("Mourners protested in Kiganjo, saying the suspect who killed a farmer had not been arrested.", []),
    # with no verb of its own after it, the accusation tells the act
    ("Police accused of killing three protesters in Kiganjo.", [("three protesters in Kiganjo", "killed", "protesters", 3, 3)]),
])
def test_deaths_imputed_to_the_victims_are_another_acts(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one person told by a pronoun, then the others struck with them
    ("Gunmen opened fire on a candidate in Kiganjo, killing her and a campaign volunteer.",
     [("her", "killed", None, 1, 1), ("a campaign volunteer", "killed", None, 1, 1)]),
    # a count quoted as a claim, and people hacked to death told with their count between
    ("The army said 'dozens' of terrorists were killed.", [("'dozens' of terrorists", "killed", "militants", 12, None)]),
    ("Residents attacked the workers, hacking two of them to death.", [("two of them", "killed", None, 2, 2)]),
    # a participle after "a" is no verb: the losing candidate lived
    ("Supporters of a losing candidate held a sit-in in Kiganjo.", []),
])
def test_victims_told_in_other_words(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text, count", [
    ("Police detained a teacher and a nurse in Kiganjo. Their bodies were found in a river days later.", 2),
    ("Three herders were abducted near Kiganjo; they were taken into the forest and later found dead.", 3),
    ("Gunmen kidnapped three traders in Kiganjo on Monday. They were found unharmed on Friday.", None),
])
def test_captives_found_dead_are_as_many_as_were_taken(text, count):
    dead = [m.minimum for m in casualties_in(text) if m.kind == "killed"]
    assert dead == ([count] if count else [])


@pytest.mark.parametrize("text", [
    "Gunmen killed them on the road.",
    "Officials fear the death toll could rise as several of the wounded are critical.",
    "The rebels seized 300 weapons.",
    "Officials warned of many deaths.",
    "A guard attempts to assassinate the chief at a rally.",
    "The colonel gave the order to assassinate the three witnesses.",
])
def test_no_casualty_count(text):
    assert casualties_in(text) == []


@pytest.mark.parametrize("text, count", [
    # one who killed himself after his act
    ("In Kiganjo a guard killed his supervisor, then turned his rifle on himself.", 2),
    ("A guard shot a colleague dead before committing suicide.", 2),
    ("Students protested over a classmate who had committed suicide.", 0),
    # people set on fire, but not things
    ("A mob set ablaze two suspected cattle thieves in Kiganjo.", 2),
    ("Three traders were set on fire by a gang in Kiganjo.", 3),
    ("Rioters set ablaze a lorry and two police posts in Kiganjo.", 0),
    ("A shop was set on fire in Kiganjo.", 0),
    ("A mob set a suspected thief ablaze in Kiganjo.", 1),
    ("Rioters set the homes of two teachers on fire in Kiganjo.", 0),
    ("Villagers burnt two suspected thieves alive near Kiganjo.", 2),
    ("Rioters burned two lorries in Kiganjo.", 0),
    ("More than 20 lorries were set on fire near Kiganjo.", 0),
    ("Troops found and neutralised an explosive device in Kiganjo.", 0),
    ("Troops neutralised three assailants in Kiganjo.", 3),
    ("The body of a trader abducted by gunmen three days earlier was found near Kiganjo.", 1),
    ("Gunmen seized a trader in Kiganjo. His body, riddled with bullets, was found the next day.", 1),
    # the bomber, who died by his own blast, counts (ACLED)
    ("A suicide bomber struck a checkpoint in Kiganjo, killing three soldiers as well as himself.", 4),
    ("Two bombers struck a market in Kiganjo. Officials said 6 people were killed, in addition to the two bombers.", 8),
    # the words of other countries' reports: a state's dead "martyred"; one victim, unnamed
    ("Three soldiers were martyred in an exchange of fire near Kiganjo.", 3),
    ("Gunmen shot a trader in Kiganjo. The victim succumbed to his injuries.", 1),
    ("Militiamen tortured a herder to death near Kiganjo.", 1),
    ("A mob thrashed a suspected thief to death in Kiganjo.", 1),
    ("Police hit a boy with a baton in Kiganjo, leading to his death.", 1),
    ("Four members of a Kiganjo vigilante group were killed by bandits.", 4),
    ("Two members of the Kiganjo youth group were shot dead.", 2),
    ("Troops and AS fought near Kiganjo: 2 SNA soldiers and 2 AS militants were killed.", 4),
    ("Six fighters from both sides were killed near Kiganjo.", 6),
    ("Gunmen shot a trader in Kiganjo, causing her death.", 1),
    ("Gunmen killed the driver and his assistant near Kiganjo.", 2),
    ("Gunmen shot dead a traditional ruler and his aide in Kiganjo.", 2),
    # the divisions an ACLED note gives the victims' place
    ("Three children herding goats in Kiganjo (Mathira, Nyeri) were killed by a landmine.", 3),
    # a side's own dead, but not what else it lost
    ("Troops killed three bandits and lost two soldiers near Kiganjo.", 5),
    ("The army lost control of two towns near Kiganjo.", 0),
    # one victim told again after a comma
    ("Gunmen shot dead a chief, a father of four, near Kiganjo.", 1),
    ("Raiders abducted two nurses after killing their driver, a retired soldier.", 1),
    ("A trader, a well-known figure in Embu, was stabbed to death.", 1),
    ("Gunmen shot dead a chief, a teacher and a farmer near Kiganjo.", 3),
    # a group's name or initials between the count and the noun
    ("Clashes near Kiganjo: 7 Jaysh al Nasr fighters and 3 soldiers were killed.", 10),
    ("Three KLA and one Kiganjo militiaman were killed.", 4),
    # a number nobody knows adds nothing beside a counted group, and alone is the plural's 3
    ("Four soldiers and an unknown number of KLA were killed near Kiganjo.", 4),
    ("An unspecified number of raiders were killed near Kiganjo.", 3),
    # names and ages told between commas
    ("Two students, Ana Tapia (19) and Luis Rojas (20), were shot dead in Kiganjo.", 2),
    ("One marcher, 19-year-old Ana Tapia, died of her wounds.", 1),
    ("Two boys, aged 12 and 14, were killed by a stray shell.", 2),
    ("Two farmers, Joseph K. and Peter M., died of gunshot wounds in Kiganjo.", 2),
    # a lone victim named with a title, accents and all
    ("Gunmen killed Indigenous leader José Ramírez Tálaga near Kiganjo.", 1),
    ("Bandits shot dead patrolman Andrés Mejía at a checkpoint.", 1),
])
def test_each_person_killed_is_counted_once(text, count):
    assert sum(m.minimum for m in casualties_in(text) if m.kind == "killed") == count


def test_a_breakdown_after_a_colon_is_the_totals_not_more_dead():
    mentions = top_level(casualties_in("Officials said 22 people died: 5 soldiers and 17 attackers."))
    assert [(m.minimum, m.kind) for m in mentions] == [(22, "killed")]


@pytest.mark.parametrize("text, count", [
    ("A chief was pulled from his car near Kiganjo and killed.", 1),
    ("A trader is freed by police in Kiganjo; later he is attacked and killed by a mob.", 0),
])
def test_victims_struck_then_killed_share_the_auxiliary(text, count):
    assert sum(m.minimum for m in casualties_in(text) if m.kind == "killed" and m.group) == count


def test_subset_lies_inside_its_group_and_is_not_counted_twice():
    text = "In the strike 30 civilians, including 12 children, were killed."
    found = casualties_in(text)
    assert [(m.text, m.group, m.minimum) for m in found] == [
        ("30 civilians, including 12 children", "civilians", 30), ("12 children", "children", 12)]
    assert [m.text for m in top_level(found)] == ["30 civilians, including 12 children"]


def test_top_level_drops_only_mentions_inside_a_longer_one_of_their_kind():
    spans = [("killed", 10, 20), ("killed", 0, 30), ("injured", 12, 18), ("killed", 0, 30),
             ("killed", 25, 35), ("killed", 0, 10), ("killed", 30, 35), ("injured", 12, 18)]
    mentions = [CasualtyMention("x" * (end - start), start, end, kind=kind) for kind, start, end in spans]
    # (0, 30) twice: neither holds the other; (25, 35) only overlaps it; (30, 35) lies in (25, 35);
    # the injured ones lie in killed ones, another kind, and keep their order
    assert [(m.kind, m.start, m.end) for m in top_level(mentions)] == [
        ("killed", 0, 30), ("injured", 12, 18), ("killed", 0, 30), ("killed", 25, 35), ("injured", 12, 18)]


def test_unnumbered_groups_in_an_including_clause():
    found = casualties_in("Many others, including women and children, were hurt in the blast.")
    assert [(m.text, m.kind, m.group, m.minimum) for m in found] == [
        ("Many others, including women and children", "injured", None, None),
        ("women", "injured", "women", None), ("children", "injured", "children", None)]
    assert len(top_level(found)) == 1


def test_offsets_are_exact_across_sentences():
    text = "Rockets hit Aden. Two children were hurt. A raid killed four militants."
    for mention in casualties_in(text):
        assert text[mention.start:mention.end] == mention.text


def test_seed_article(shared_data):
    record = json.loads((shared_data / "seed" / "article.jsonl").read_text().splitlines()[0])
    article = split_sentences(Article(record["id"], record["text"], date.fromisoformat(record["published"])))
    found = find_casualties(article).casualties
    killed = [m for m in found if m.kind == "killed" and m.minimum is not None]
    assert [(m.text, m.group, m.minimum, m.maximum) for m in killed] == [
        ("At least 30 civilians", "civilians", 30, None)]
    injured_groups = {m.group for m in found if m.kind == "injured"}
    assert {"women", "children"} <= injured_groups


def test_a_source_after_the_list_is_not_a_victim():
    assert summary("Militants killed 12 soldiers and wounded 20 others, a military official said.") == [
        ("12 soldiers", "killed", "soldiers", 12, 12), ("20 others", "injured", None, 20, 20)]


@pytest.mark.parametrize("text, expected", [
    ("A PEASANT WAS SHOT TO DEATH BY TERRORISTS IN USULUTAN.", [("killed", "civilians", 1)]),
    ("SIX JESUIT PRIESTS WERE MURDERED IN SAN SALVADOR.", [("killed", "clergy", 6)]),
    ("ONE PERSON WAS KILLED AND FOUR OTHERS INJURED IN THE BLAST.",
     [("killed", None, 1), ("injured", None, 4)]),
    ("Gunmen shot and killed two policemen in Lima.", [("killed", "police", 2)]),
    ("A MAYOR WAS ASSASSINATED ON SUNDAY.", [("killed", "officials", 1)]),
])
def test_wire_copy_in_capitals(text, expected):
    found = casualties_in(text)
    assert [(m.kind, m.group, m.minimum) for m in top_level(found)] == expected


def test_a_person_told_again_by_pronoun_is_counted_once():
    text = "Gunmen shot dead a trader in Wajir on Monday. He was killed on his way home."
    assert main_fatalities(text) == 1


@pytest.mark.parametrize("text", ["The mayor of the town was assassinated on Monday.",
                                  "The woman's husband was shot dead when he tried to intervene.",
                                  "Hector Oqueli was found dead near the border."])
def test_a_singular_passive_counts_one_victim(text):
    assert [(kind, low, high) for _, kind, _, low, high in summary(text)] == [("killed", 1, 1)]


@pytest.mark.parametrize("text, expected", [
    ("Gunmen shot dead a prominent businessman in Kano.", [("killed", "civilians", 1)]),
    ("Gunmen killed the village chief.", [("killed", "officials", 1)]),
    ("Three police reservists were killed.", [("killed", "security forces", 3)]),
    ("A mob lynched two suspected robbers at the market.", [("killed", "suspects", 2)]),
    ("Police shot dead two bandits in Baringo.", [("killed", "militants", 2)]),
    ("Soldiers gunned down Juma Ali Hassan, a trader, on Friday.", [("killed", None, 1)]),
    ("Gunmen killed Al Shabaab defectors near the border.", []),
    ("In fighting with Al-Shabaab two Kenyan soldiers were killed.", [("killed", "soldiers", 2)]),
    ("A form four student was shot dead in Kiganjo.", [("killed", "students", 1)]),
])
def test_victims_named_with_adjectives_and_as_suspects(text, expected):
    assert [(m.kind, m.group, m.minimum) for m in top_level(casualties_in(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("Pastor killed outside church, another man injured.", [("killed", "clergy", 1), ("injured", "men", 1)]),
    ("Militia attack - 7 killed/ 4 injured.", [("killed", None, 7), ("injured", None, 4)]),
    ("Herders were attacked at a well, one death, one injury.", [("killed", None, 1), ("injured", None, 1)]),
    ("Residents lynched a suspected goat thief.", [("killed", "suspects", 1)]),
    ("Raiders attacked two villages; 14 killed total.", [("killed", None, 14)]),
    ("Crowd kills suspected kidnapper at bus stop.", [("killed", "suspects", 1)]),
    ("Gunmen kill activist outside his shop.", [("killed", "civilians", 1)]),
    ("Soldiers kill cyclist near the river.", [("killed", None, 1)]),
    ("Soldiers kill cyclist and burn his bicycle.", [("killed", None, 1)]),
    ("A man from Kamuge sub location was found murdered.", [("killed", "men", 1)]),
    ("A clerk was killed and her body was dumped near a market.", [("killed", None, 1)]),
    ("Suspected gang member killed in Kayole.", [("killed", "suspects", 1)]),
    ("Chief's escort shot and killed.", [("killed", None, 1)]),
    ("Gunmen kill county assembly clerk.", [("killed", None, 1)]),
    ("Raiders kill Kiganjo peace activist.", [("killed", "civilians", 1)]),
    ("A herder was stabbed in Isiolo. He later died in hospital.", [("killed", None, 1)]),
])
def test_tolls_in_the_short_forms_of_notes_and_headlines(text, expected):
    assert [(m.kind, m.group, m.minimum) for m in top_level(casualties_in(text))] == expected


@pytest.mark.parametrize("text", ["A mob attacked and nearly killed a man at the market.",
                                  "The man charged with the attempted murder of an MP was freed on bail."])
def test_a_death_that_did_not_happen_is_none(text):
    assert [m for m in casualties_in(text) if m.kind == "killed"] == []


def test_a_time_after_a_killing_verb_is_no_victim():
    assert [m for m in casualties_in("Gunmen killed Tuesday night in Mandera.") if m.kind == "killed"] == []


@pytest.mark.parametrize("text, expected", [
    ("Four traders in Garissa were shot dead on Monday.", ("Four traders in Garissa", 4)),
    ("Six members of the Sungura gang were killed by police.", ("Six members of the Sungura gang", 6)),
    ("Police shot dead three members of the Tembo clan in Wajir.", ("three members of the Tembo clan in Wajir", 3)),
    ("Three officers from the Rapid Deployment unit were killed.", ("Three officers from the Rapid Deployment unit", 3)),
])
def test_victims_with_where_they_were_or_whose_members(text, expected):
    assert [(m.text, m.minimum) for m in top_level(casualties_in(text))] == [expected]


@pytest.mark.parametrize("text, count", [
    ("At least 12 (officials say 15) have been killed in the fighting.", 12),
    ("Nine villagers are reported to have been killed overnight.", 9),
    ("Two herders were said to have died in the raid.", 2),
    ("One trader dies in a fight over a market stall.", 1),
    ("A shopkeeper is lynched by a crowd in the market.", 1),
    ("A teacher was attacked and killed by the gang.", 1),
])
def test_tolls_told_with_asides_hearsay_and_the_present_tense(text, count):
    killed = [m for m in top_level(casualties_in(text)) if m.kind == "killed"]
    assert [m.minimum for m in killed] == [count]


@pytest.mark.parametrize("text", ["A mob burnt to death a suspected thief in Kiganjo.",
                                  "Villagers beat up and then burnt to death a cattle thief near Kiganjo."])
def test_one_victim_of_two_verbs_is_counted_once(text):
    killed = [m for m in top_level(casualties_in(text)) if m.kind == "killed"]
    assert [m.minimum for m in killed] == [1]


@pytest.mark.parametrize("text", [
    "A herder shot by raiders near Kiganjo succumbed to his injuries on Monday.",
    "A herder who was shot by raiders near Kiganjo succumbed to his injuries on Monday.",
    "Two herders wounded by raiders near Kiganjo later died in hospital.",
])
def test_the_struck_who_died_are_counted_not_who_struck_them(text):
    killed = [m for m in top_level(casualties_in(text)) if m.kind == "killed"]
    assert [m.text.lower().split()[-1] for m in killed] == ["herder" if text.startswith("A ") else "herders"]
    assert killed[0].minimum == (1 if text.startswith("A ") else 2)


def test_a_day_between_the_auxiliary_and_the_verb():
    killed = top_level(casualties_in("Three herders were on Monday killed near Isiolo."))
    assert [(m.text, m.minimum) for m in killed] == [("Three herders", 3)]


@pytest.mark.parametrize("text, expected", [
    ("Villagers stoned a suspected cattle thief to death.", ("a suspected cattle thief", 1)),
    ("A crowd beat up three men to death outside the market.", ("three men", 3)),
])
def test_the_victim_between_the_verb_and_to_death(text, expected):
    assert [(m.text, m.minimum) for m in top_level(casualties_in(text))] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Three electricity technicians were shot dead near Garissa.", [("Three electricity technicians", 3)]),
    ("A mob killed a suspected pickpocket at the bus stage.", [("a suspected pickpocket", 1)]),
    ("One member of al Shabaab was killed in the raid.", [("One member of al Shabaab", 1)]),
])
def test_victims_the_group_list_does_not_name(text, expected):
    assert [(m.text, m.minimum) for m in top_level(casualties_in(text))] == expected


@pytest.mark.parametrize("text", ["Raiders killed 300 goats.", "A lion killed a cow near the park.",
                                  "The floods killed 40 cattle."])
def test_animals_are_not_counted(text):
    assert top_level(casualties_in(text)) == []


@pytest.mark.parametrize("text, count", [
    ("Police shoot two suspected robbers dead in Kisumu.", 2),
    ("Raiders attacked the village, leaving five people dead.", 5),
    ("One victim later died in hospital.", 1),
])
def test_the_dead_told_after_the_verb_or_the_attack(text, count):
    assert [m.minimum for m in top_level(casualties_in(text)) if m.kind == "killed"] == [count]


def test_an_attempt_is_no_death():
    assert casualties_in("Villagers in Bungoma tried to lynch a trader they accused of theft.") == []


@pytest.mark.parametrize("text, total", [
    ("A man and his son were killed by gunmen near Baragoi.", 2),
    ("A judge was gunned down in Mombasa along with three guards and his driver.", 5),
    ("1 rioter and 1 policeman killed.", 2),
    ("A chief was shot dead in Wajir with his wife and son.", 3),
    ("The councillor was killed, along with her bodyguard.", 2),
    ("A trader was killed with his own gun.", 1),
])
def test_victims_joined_by_and_or_along_with_are_added(text, total):
    assert sum(m.minimum for m in top_level(casualties_in(text)) if m.kind == "killed") == total


def test_one_body_found_is_one_death():
    assert [(m.kind, m.minimum) for m in casualties_in("His body was found in a forest five days later.")] == [("killed", 1)]
    found = casualties_in("The charred body of a night watchman was discovered behind the depot.")
    assert [(m.kind, m.minimum) for m in found] == [("killed", 1)]


@pytest.mark.parametrize("text", ["Gunmen shot dead the 52 year old trader at his shop.",
                                  "A 9 years old girl was killed by a stray bullet."])
def test_an_age_is_no_count(text):
    assert [(m.kind, m.minimum) for m in top_level(casualties_in(text))] == [("killed", 1)]


@pytest.mark.parametrize("text, count", [
    # the time told between the auxiliary and the verb, as Kenyan papers do
    ("Two herders were on Friday afternoon shot dead near Baragoi.", 2),
    ("Three traders were during the night hours killed in Garissa.", 3),
    # a first participle joined to the casualty verb
    ("Four youths were ambushed and killed on the Isiolo road.", 4),
    ("Three men found killed inside a farm near Nanyuki.", 3),
    ("Five people, among which a small boy, were killed.", 5),
    # an ethnic group's name is its own plural
    ("At least seven Turkana were killed by raiders.", 7),
])
def test_tolls_told_in_the_orders_news_uses(text, count):
    assert sum(m.minimum for m in top_level(casualties_in(text)) if m.kind == "killed") == count


def test_a_community_name_before_a_noun_is_its_modifier():
    assert [(m.text, m.minimum) for m in casualties_in("Raiders shot dead a Pokot herder near Baringo.")] == [
        ("a Pokot herder", 1)]


@pytest.mark.parametrize("text, expected", [
    ("More than 15 Al Shabaab were killed near Bardere.", ("More than 15 Al Shabaab", "killed", "militants", 15, None)),
    ("Nine suspected Boko Haram died in the raid.", ("Nine suspected Boko Haram", "killed", "militants", 9, 9)),
])
def test_a_counted_armed_group_is_a_victim_without_a_group_noun(text, expected):
    found = process(Article("t", text), until="casualties").casualties
    assert [(m.text, m.kind, m.group, m.minimum, m.maximum) for m in found] == [expected]


def test_a_list_of_single_victims_by_their_trades_counts_each():
    assert summary("A driver and a conductor were killed when gunmen stopped their bus near Kiganjo.") == [
        ("A driver", "killed", "civilians", 1, 1), ("a conductor", "killed", "civilians", 1, 1)]


@pytest.mark.parametrize("text", [
    "Two traders were kidnapped and later killed near Kiganjo.",
    "Two traders were abducted before being killed near Kiganjo.",
])
def test_victims_of_two_passive_verbs_suffer_both(text):
    assert [(m.kind, m.minimum) for m in casualties_in(text)] == [("abducted", 2), ("killed", 2)]


def test_a_date_written_with_a_slash_counts_no_one():
    assert all("02" not in m.text for m in casualties_in("The suspects were on 24/02 lynched at Kiganjo market."))


@pytest.mark.parametrize("text", ["The fighting near Kiganjo left 3 soldiers and 5 Al Shabaab dead.",
                                  "The fighting near Kiganjo caused the deaths of 3 soldiers and 5 Al Shabaab.",
                                  "3 soldiers and 5 Al Shabaab were killed near Kiganjo."])
def test_a_counted_armed_group_named_last_in_a_list_adds_to_the_toll(text):
    found = process(Article("t", text), until="casualties").casualties
    assert [(m.minimum, m.group) for m in found] == [(3, "soldiers"), (5, "militants")]


def test_a_militias_members_counted_by_a_figure_join_the_list_of_dead():
    found = process(Article("t", "3 militia and 2 Al Shabaab were killed near Kiganjo."), until="casualties").casualties
    assert sum(m.minimum for m in found) == 5
    assert [m.group for m in casualties_in("Gunmen killed the militia leader.")] == ["officials"]


def test_a_counted_armed_groups_acronym_joins_the_list_of_dead():
    assert [(m.text, m.minimum, m.group) for m in casualties_in("At least 15 soldiers and 5 VDP were killed near Kiganjo.")] \
        == [("At least 15 soldiers", 15, "soldiers"), ("5 VDP", 5, None)]


@pytest.mark.parametrize("text", ["Gunmen attack a county official in Kiganjo and kill his bodyguard.",
                                  "A constable shot dead his boss at a police camp in Kiganjo."])
def test_one_victim_told_by_whose_he_was(text):
    assert [m.minimum for m in top_level(casualties_in(text)) if m.kind == "killed"] == [1]


@pytest.mark.parametrize("text, count", [
    ("The number of people killed in the raid on Kiganjo has risen to 10.", 10),
    ("A trader succumbed to his injuries in hospital after the attack.", 1),
])
def test_a_toll_told_by_its_number_and_a_death_from_wounds(text, count):
    assert [m.minimum for m in top_level(casualties_in(text)) if m.kind == "killed"] == [count]


def test_a_victim_list_goes_on_past_what_the_killers_did_next():
    text = "The attackers shot dead a teacher and a guard before rounding up the pupils in Kiganjo."
    assert [m.text for m in top_level(casualties_in(text)) if m.kind == "killed"] == ["a teacher", "a guard"]


def test_a_toll_told_place_by_place_gives_each_share_and_where_its_place_starts():
    text = "Two people died, one in Embu and the other in Meru."
    assert tolls_by_place(text, 0, len(text)) == [(1, text.index("Embu")), (1, text.index("Meru"))]
    text = "Police killed 3 protesters in Nyeri and two at Isiolo."
    assert tolls_by_place(text, 0, len(text)) == [(3, text.index("Nyeri")), (2, text.index("Isiolo"))]
    assert tolls_by_place("Two people died in Embu.", 0, 24) == []


@pytest.mark.parametrize("text, victim", [("Police shot dead James Mwangi in Embu.", "James Mwangi"),
                                          ("A mob lynched Charles Otieno in Meru.", "Charles Otieno")])
def test_a_first_name_ending_like_a_plural_starts_a_victims_name(text, victim):
    assert summary(text) == [(victim, "killed", None, 1, 1)]
    assert summary("Police shot dead Somalis in Embu.") == []


def test_a_force_member_off_duty_is_a_civilian():
    assert summary("An off-duty policeman was shot dead in Kiganjo.") == [
        ("An off-duty policeman", "killed", "civilians", 1, 1)]
    assert summary("A policeman was shot dead in Kiganjo.") == [("A policeman", "killed", "police", 1, 1)]


@pytest.mark.parametrize("text, count", [
    ("A suicide bomber blew himself up at a market in Kiganjo, killing himself and 6 others.", 7),
    ("A bomber killed herself and nine worshippers at a church in Kiganjo.", 10),
])
def test_a_bomber_who_killed_himself_with_others_is_one_of_the_dead(text, count):
    assert main_fatalities(text) == count


def test_a_count_told_again_by_sex_and_age_is_the_same_victims():
    assert [m.minimum for m in top_level(casualties_in("Gunmen beheaded 4 villagers, three men and a woman, in Kiganjo."))
            if m.kind == "killed"] == [4]
    assert sum(m.minimum for m in top_level(casualties_in("Gunmen killed 3 soldiers, 2 policemen and a civilian."))
               if m.kind == "killed") == 6


@pytest.mark.parametrize("text", [
    "A drone struck a market in Kiganjo. Initial reports spoke of 20 dead; medics later revised the toll to 14.",
    "A drone struck a market in Kiganjo, killing 20 people. The death toll was later revised down to 14.",
])
def test_a_revised_toll_replaces_the_counts_before_it(text):
    assert main_fatalities(text) == 14


def test_a_share_of_a_sides_own_is_counted():
    assert summary("The rebels said two of their own fighters were killed.") == [
        ("two of their own fighters", "killed", "fighters", 2, 2)]


def test_one_victim_told_again_by_a_pronoun_died_once():
    assert [m.minimum for m in top_level(casualties_in(
        "Residents lynched a man in Kiganjo, beating him with sticks until he died.")) if m.kind == "killed"] == [1]
    assert sum(m.minimum for m in top_level(casualties_in("Gunmen killed a guard and wounded a trader; he died later."))
               if m.kind == "killed") == 2


@pytest.mark.parametrize("text, count", [
    ("Gunmen raided Kiganjo, killing the village chief, Mr. Paul Ekai, and two of his sons.", 3),
    ("Gunmen shot dead a woman and her two children as well as an elderly man in Kiganjo.", 4),
    ("Artillery fire killed an elderly couple in their home in Kiganjo.", 2),
])
def test_victims_listed_past_a_name_or_as_a_pair_all_count(text, count):
    assert sum(m.minimum for m in top_level(casualties_in(text)) if m.kind == "killed") == count


@pytest.mark.parametrize("clause, added", [("A fourth soldier died of his wounds", True),
                                            ("On a second day of protests two people died", False),
                                            ("More than 20 people were killed", False)])
def test_an_ordinal_victim_is_another_but_an_ordinal_day_or_more_than_is_not(clause, added):
    assert tells_added_victims(clause) is added


def test_victims_told_where_they_were_before_their_fate():
    assert summary("Two civilians caught in the crossfire were killed.") == [("Two civilians", "killed", "civilians", 2, 2)]


def test_a_named_state_force_counted_as_victims():
    text = "NRF fighters attacked a checkpoint in Dara. The NRF said two of its fighters and four Taliban were killed."
    dead = extract_records(Article("t", text, published=date(2024, 5, 7)))[0]["fatalities"]
    assert dead == 6


@pytest.mark.parametrize("text, fatalities", [
    # a share of the victims told by its group, between commas, is part of them
    ("Gunmen killed 11 civilians, four of them children, in Kiganjo on Monday.", 11),
    ("Three farmers, one of them a village councillor, were killed in Kiganjo on Monday.", 3),
    ("Bandits raided Kiganjo on Monday. The bodies of five herders, two of them women, were recovered.", 5),
    # a toll told first and then raised, or a first report and the later one, is the later figure
    ("Bandits raided Kiganjo on Monday. The toll, initially put at 38, was raised to 41 the next day.", 41),
    ("A bus struck a mine near Kiganjo on Monday. Initial reports spoke of six dead, but officials later "
     "said four passengers were killed.", 4),
    ("A drone hit a house in Kiganjo on Monday. The toll rose over the following days, reaching twelve.", 12),
])
def test_shares_and_later_figures_of_a_toll(text, fatalities):
    assert main_fatalities(text) == fatalities


@pytest.mark.parametrize("text, fatalities", [
    ("Insurgents decapitated a farmer and his nephew near Kiganjo on Monday.", 2),
    ("Gangs fought in Kiganjo on Monday. Several men from both groups were killed.", 3),
    ("Gunmen fired on a bus in Kiganjo on Monday; several passengers were hit, two fatally.", 2),
    ("Jihadists attacked an army post in Kiganjo on Monday. The army said 30 assailants had been 'neutralised'.", 30),
    ("An air force helicopter fired on a camp near Kiganjo on Monday; the ministry claimed 'several terrorists' were eliminated.", 3),
])
def test_deaths_told_in_kin_shares_quotes_and_communiques(text, fatalities):
    assert main_fatalities(text) == fatalities


@pytest.mark.parametrize("text, fatalities", [
    # more dead told where they fell, after the verb
    ("Gunmen fired on a bar in Kiganjo on Monday. Four died on the spot and a fifth at the clinic.", 5),
    ("Gunmen fired on a wedding in Kiganjo on Monday. Five guests died at once and two more in hospital.", 7),
    # sources that own to, or find, fewer dead: the conservative account
    ("Troops retook Kiganjo on Monday. The army spoke of twenty rebels killed, while the rebels admitted only four dead.", 4),
    ("Herders raided Kiganjo on Monday. Elders spoke of about 30 dead, but the police recovered only nine bodies.", 9),
    # a side's own dead told as what an assault cost it
    ("Troops stormed a rebel camp near Kiganjo on Monday; the army claimed 40 rebels killed for the loss of 3 soldiers.", 43),
    # the victims told again one by one, and people told by whose they were
    ("Rebels stopped a lorry near Kiganjo on Monday and shot dead two passengers, a teacher and a trader.", 2),
    ("Raiders shot dead a farmer's wife and her three sons in Kiganjo on Monday.", 4),
    ("A grenade thrown into a shop in Kiganjo on Monday killed the shopkeeper's son.", 1),
    # whoever tells the toll is none of it, and a group quoted as the army's word counts
    ("A drone hit a car near Kiganjo on Monday, killing two rebels, the mayor of Kiganjo said.", 2),
    ("Rebels attacked a post in Kiganjo on Monday; the ministry said six soldiers and 12 'terrorists' were killed.", 18),
])
def test_more_dead_other_accounts_and_who_they_were(text, fatalities):
    assert main_fatalities(text) == fatalities


def test_the_dead_whose_families_protest_are_no_toll_of_the_protest():
    records = extract_records(Article("t", "On 6 May 2024, police removed families of people killed in last year's unrest who had "
                                           "chained themselves to the gates of the court in Nyeri. [size=dozens]",
                                      published=date(2024, 5, 10)))
    assert (records[0]["sub_event_type"], records[0]["fatalities"]) == ("Protest with intervention", 0)


@pytest.mark.parametrize("text, fatalities", [
    # a group that claims the act owns it; it tells no toll of its own
    ("Six soldiers were killed when their truck hit a mine near Kiganjo on Monday; the rebels claimed the attack. "
     "A herder had been killed by a mine on the same road a week before.", 6),
    ("The army said a drone strike near Kiganjo on Monday had 'neutralised' about 15 militants.", 15),
    ("Gunmen raided Kiganjo on Monday. The chief first spoke of 10 dead, but a police count confirmed six deaths.", 6),
])
def test_claims_of_the_act_quoted_verbs_and_first_counts(text, fatalities):
    assert main_fatalities(text) == fatalities


@pytest.mark.parametrize("text, fatalities", [
    ("Rebels ambushed a patrol near Kiganjo on Monday. Two soldiers and one guerrilla died in the exchange.", 3),
    ("Gunmen raided Kiganjo on Monday. Police first gave a toll of five dead; it rose to eight the next day.", 8),
    ("Troops fought rebels near Kiganjo on Monday. The army first reported six rebels killed and later raised the figure to ten.", 10),
    ("Jets bombed the market in Kiganjo on Monday. Medics first reported 30 dead; officials later confirmed 21.", 21),
    ("A car bomb hit an army camp in Kiganjo on Monday. Three soldiers were killed along with the two attackers.", 5),
    ("A mob beat a man in Kiganjo on Monday. He was rushed to hospital and died two days later.", 1),
])
def test_sides_revised_figures_and_later_deaths(text, fatalities):
    assert main_fatalities(text) == fatalities


@pytest.mark.parametrize("text, expected", [
    ("Two traders who had gone to the market in Kiganjo were killed on Monday.", [("Two traders", "killed", "civilians", 2, 2)]),
    ("A lawyer and a driver who were involved in a case were detained by police.",
     [("A lawyer", "arrested", "civilians", 1, 1), ("a driver", "arrested", "civilians", 1, 1)]),
    ("Police recovered three traders' bodies from the river.", [("three traders' bodies", "killed", None, 3, 3)]),
])
def test_victims_told_with_who_they_were(text, expected):
    assert summary(text) == expected


def test_a_victim_told_with_what_he_was_involved_in():
    assert main_fatalities("Rival cadres fought in Kiganjo on Monday. A trader was stabbed to death, and one of the cadres "
                           "involved in the fight died later in hospital.") == 2


@pytest.mark.parametrize("text, expected", [
    # a victim named after what they were, names with their particles
    ("Gunmen shot dead pharmacist Khaled al-Masri outside his shop in Kiganjo on Monday.", 1),
    # an aside between the victim and the fate: a name and an age, a breakdown
    ("A boda boda rider, Peter Otieno, 21, was run over and killed by a police lorry in Kiganjo on Monday.", 1),
    ("Two workers, one Kenyan and one foreign national, were killed in Kiganjo on Monday.", 2),
    ("An airstrike on a house in Kiganjo on Monday killed a family of six.", 6),
    ("Residents of Kiganjo reported dozens of deaths on both sides of the fighting on Monday.", 12),
    ("The body of community leader Peter Otieno was found on a road near Kiganjo on Monday.", 1),
    ("Two Red Cross volunteers were killed in the shelling of Kiganjo on Monday.", 2),
    ("Gunmen shot and killed mayoral candidate Peter Otieno outside his home in Kiganjo on Monday.", 1),
    ("Gunmen killed community leader Peter Otieno and his son at their farm near Kiganjo on Monday.", 2),
    ("A mob stopped a lorry near Kiganjo on Monday and beat its driver, Peter Otieno, 40, to death.", 1),
    # those counted before, beaten to death as "them" (not set alight, whom some may survive)
    ("Villagers in Kiganjo seized three suspected thieves on Monday, beat them and stoned them to death.", 3),
    ("Villagers in Kiganjo caught two suspected thieves on Monday and set them alight.", 0),
    # the coder's own figure corrects the counts before it
    ("Soldiers killed dozens of militants near Kiganjo on Monday. Fatalities coded as 10.", 10),
    # a death the act followed is its cause, not its toll
    ("Fifty fighters surrendered to troops in Kiganjo on Monday following the death of the group's leader.", 0),
])
def test_victims_told_in_other_ways(text, expected):
    assert main_fatalities(text) == expected


def test_a_clause_opening_after_a_count_names_no_victim():
    assert summary("Three people were killed and eight wounded when Al Shabaab raided the village.") == [
        ("Three people", "killed", None, 3, 3), ("eight", "injured", None, 8, 8)]


@pytest.mark.parametrize("text, expected", [
    ("Dozens of fighters on both sides were killed.", [("Dozens of fighters", "killed", "fighters", 12, None)]),
    ("A local reporter was found shot dead in his car.", [("A local reporter", "killed", "journalists", 1, 1)]),
    ("One soldier paid the supreme price.", [("One soldier", "killed", "soldiers", 1, 1)]),
])
def test_more_ways_to_tell_the_dead(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Villagers caught three men and killed them.", [("them", "killed", "men", 3, 3)]),
    ("Traders beat a man. He was dead by the time police arrived.", [("dead", "killed", None, 1, 1)]),
    ("A boy later succumbed to gunshot injuries.", [("A boy", "killed", "children", 1, 1)]),
    ("One marcher, John Mwangi, died in hospital.", [("One marcher", "killed", "protesters", 1, 1)]),
])
def test_the_dead_told_by_a_pronoun_a_state_or_a_marchers_word(text, expected):
    assert summary(text) == expected


def test_a_number_in_a_groups_name_is_no_count():
    assert main_fatalities("Police said two alleged Barrio 18 members were killed in a shootout in San Pedro Sula on Monday.") == 2


def test_a_body_named_with_an_apposition_is_one_dead():
    [(_, kind, _, minimum, maximum)] = summary("The body of Juan Perez, a local reporter, was found on a roadside.")
    assert (kind, minimum, maximum) == ("killed", 1, 1)


@pytest.mark.parametrize("text, expected", [
    ("Alberto Quiroga, 33, died after falling into a pit while fleeing the police.", [("died", "killed", None, 1, 1)]),
    ("Police shot Juan Perez, 25, who was wounded.", [("wounded", "injured", None, 1, 1)]),
    ("The home of a teacher was set ablaze.", []),
])
def test_a_named_persons_age_is_no_count_and_a_home_burnt_no_death(text, expected):
    assert summary(text) == expected


@pytest.mark.parametrize("text, fatalities", [
    # a subset told as reported; both sides' dead as a whole; a named victim and those listed with them
    ("On Monday several KLA fighters, reportedly including their commander, were killed near Kiganjo.", 3),
    ("On Monday dozens of fighters from both factions were killed near Kiganjo.", 12),
    ("On Monday rebels ambushed a convoy near Kiganjo, killing Colonel Juma Ali and three soldiers.", 4),
    ("On Monday gunmen shot dead Juma Ali, a trader, in Kiganjo.", 1),
    ("On Monday a gunman shot dead Amina Ali, a party employee and the daughter of an official, in Kiganjo.", 1),
])
def test_tolls_told_with_names_subsets_and_sides(text, fatalities):
    assert main_fatalities(text) == fatalities


@pytest.mark.parametrize("text, fatalities", [
    # one victim told with who he was between commas
    ("On Monday a 15-year-old boy, Peter Kamau, was hit by a bullet and killed in Kiganjo.", 1),
    ("On Monday the beheaded body of a councillor, Hon. John Mwangi, kidnapped the week before, was found in Kiganjo.", 1),
    # things seized and attackers leaving are no ground taken, whose event would take the toll
    ("On Monday militants attacked an army base in Kiganjo. At least 30 soldiers were killed, and several armoured "
     "vehicles were destroyed or seized.", 30),
    ("On Monday rebels attacked a militia outpost near Kiganjo. Four militiamen were killed in the exchange of fire "
     "before the rebels withdrew.", 4),
    # fighters who drowned fleeing died in the fight
    ("On Monday two rebel factions fought near Kiganjo. Twenty fighters were killed, including some who drowned while "
     "fleeing.", 20),
    ("On Monday gunmen shot dead a House of Representatives candidate and his driver in Kiganjo.", 2),
    # kin killed with the victim; what a victim was doing before the name; the victim's fate told next
    ("On Monday a mob hacked him and his son to death in Kiganjo.", 2),
    ("On Monday villagers beat a man and his wife to death in Kiganjo.", 2),
    ("On Monday police fired live rounds at a march in Kiganjo. A journalist covering the march, John Kamau, was hit "
     "by pellets and died in hospital.", 1),
    ("On Monday a mob beat a suspected thief in Kiganjo. He was handed over to police and died in hospital two days "
     "later.", 1),
])
def test_tolls_told_beside_other_words(text, fatalities):
    assert main_fatalities(text) == fatalities


def test_members_of_a_resistance_are_counted_beside_the_fighters():
    assert main_fatalities("On Monday rebels and resistance fighters fought in Kiganjo. Medics said 14 rebels and 6 "
                           "members of the resistance died.") == 20


def test_victims_told_by_what_they_could_not_do_are_counted():
    deaths = [m.minimum for m in casualties_in("Four patients who could not escape died in the blaze.") if m.kind == "killed"]
    assert deaths == [4]
