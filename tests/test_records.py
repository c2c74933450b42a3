from datetime import date

import pytest

from eventcoder.article import Article
from eventcoder.pipeline import extract_records

PUBLISHED = date(2024, 5, 10)


def fatalities(text: str) -> list[int]:
    return [r["fatalities"] for r in extract_records(Article("t", text, published=PUBLISHED))]


def test_a_sides_claimed_toll_yields_to_the_reports_own_figures():
    text = ("A soldier died and four were hurt when a bomb struck an army truck near Mandera on Monday. "
            "Al Shabaab claimed responsibility, saying its fighters had killed nine soldiers.")
    assert fatalities(text) == [1]


def test_a_claimed_toll_stands_when_the_report_tells_no_other():
    assert fatalities("Al Shabaab claimed it killed nine soldiers in a raid near Mandera on Monday.") == [9]


def test_a_claim_of_the_other_sides_dead_stands_beside_the_reports_figure_for_its_own():
    text = ("Militants attacked an army base at Kiganjo on Monday. The army claimed to have killed 15 militants, "
            "while the militants said they killed 10 soldiers. Elders said 4 soldiers died.")
    assert fatalities(text) == [19]


@pytest.mark.parametrize("text, count", [
    ("Gunmen raided Kiganjo on Monday, killing at least 7 people, according to the mayor. A rights group said more "
     "than 20 people were killed.", 7),
    ("An airstrike hit the market in Kiganjo on Monday. Medics said more than 60 people were killed; an official put "
     "the toll at 45.", 45),
    # another source's account told without a group is of the same dead
    ("Rioters clashed with police in Kiganjo on Monday. Doctors reported two protesters dead, while the "
     "government put the toll at one.", 1),
    ("A drone struck a market in Kiganjo on Monday, killing at least 26 civilians according to doctors; residents "
     "said more than 30 died.", 26),
    ("Militants set off a bomb at a checkpoint in Kiganjo on Monday. The militants claimed to have killed six, "
     "while a commander said two were killed.", 2),
    # a later figure, and the wounded who died, are no second account
    ("Gunmen stormed Kiganjo on Monday. Dozens were killed; officials later gave a toll of 30.", 30),
    ("Shells struck Kiganjo on Monday. Six people were killed; the next day doctors said five of the wounded had "
     "died.", 11),
    # each side's claim, then a neutral source's toll of all the dead
    ("Militants attacked an army base in Kiganjo on Monday. The army claimed 13 militants were killed, while the "
     "militants said they had killed 9 soldiers. Elders put the overall death toll at 7.", 7),
    ("Militants captured Kiganjo on Monday. The militants claimed dozens of soldiers were killed; residents spoke of "
     "several dead soldiers.", 3),
    # in one sentence too, the neutral count of all the dead against each side's claim
    ("Rebels attacked a base in Kiganjo on Monday. The army said it killed over 40 rebels, while the rebels claimed "
     "to have killed 15 soldiers; a priest said at least six people died, most of them rebels.", 6),
    ("Rebels attacked the army in Kiganjo on Monday. Residents said at least 8 people died, while the rebels "
     "claimed to have killed dozens of soldiers.", 8),
    # a toll against another source's count, or a source's toll in quotes
    ("Rebels raided Kiganjo on Monday. Elders put the death toll at 12, while the army reported eight civilians "
     "killed.", 8),
    ("Gunmen attacked Kiganjo on Monday. Officials put the toll at 'at least 20', while residents said over 90 "
     "were killed.", 20),
    ("Rioters burnt a police post in Kiganjo on Monday and police opened fire. Doctors said two rioters died, though "
     "the organisers claimed six were killed.", 2),
    # a side's own account of its dead, which the other side counted under its name
    ("Rebels ambushed an army patrol near Kiganjo on Monday. The rebels claimed 12 Kenyan soldiers were killed, "
     "while Kenyan officials said two of their men died.", 2),
    # a claim denied with a figure of its own
    ("Rebels attacked an army post near Kiganjo on Monday. The rebels claimed to have killed 12 soldiers, which the "
     "army denied, saying three soldiers died.", 3),
    ("Bandits raided Kiganjo on Monday. Seven vigilantes were killed, and residents said several bandits also "
     "died.", 10),
    # but a side's own dead and its claim of the other's add up
    ("Gunmen attacked a police post in Kiganjo on Monday. The police said three people died and claimed to have "
     "killed several attackers.", 6),
])
def test_two_sources_accounts_of_the_same_dead_give_the_conservative_one(text, count):
    assert fatalities(text) == [count]


@pytest.mark.parametrize("text, count", [
    ("Troops shelled Kiganjo on Monday, killing two children. Another child who was wounded in the shelling died "
     "the next day.", 3),
    ("A patrol vehicle hit an IED near Kiganjo on Monday, killing 3 soldiers. A fourth soldier died of his wounds at "
     "the hospital in Nyeri.", 4),
    ("Gunmen fired on a bar in Kiganjo on Monday, killing five. A sixth victim died in hospital, police said.", 6),
    ("A grenade thrown into a bar in Kiganjo on Monday wounded four people, one of whom died in hospital.", 1),
    ("Rebels attacked an army post in Kiganjo on Monday; two soldiers were killed and 11 injured. Three of the "
     "injured died the next day. Three of the rebels were killed during the day.", 8),
])
def test_the_wounded_who_died_later_add_to_the_dead(text, count):
    assert fatalities(text) == [count]


def test_two_sides_accounts_of_one_groups_dead_give_the_lower_summed_across_groups():
    text = ("Al Shabaab said it killed 20 soldiers near Kiganjo on Monday, while the army said 5 soldiers "
            "died and 30 militants were killed.")
    assert fatalities(text) == [35]
    assert fatalities("Gunmen killed 3 soldiers and 2 policemen at Kiganjo on Monday.") == [5]


def test_a_toll_told_place_by_place_is_an_event_at_each_place_with_its_share():
    records = extract_records(Article("t", "Gunmen killed five people on Monday, three in Embu and two in Meru.",
                                      published=PUBLISHED))
    assert [(r["location"], r["fatalities"]) for r in records] == [("Embu", 3), ("Meru", 2)]
    assert len({r["event_id"] for r in records}) == 2


def test_an_actor_is_named_with_its_country_as_it_was_on_the_days_event():
    text = "Toposa raiders from South Sudan attacked herders near Lokichoggio on Monday, killing two."
    before = extract_records(Article("t", text, published=date(2009, 3, 4)))[0]
    after = extract_records(Article("t", text, published=date(2013, 3, 4)))[0]
    assert before["actor1"] == "Toposa Ethnic Militia (Sudan)"
    assert after["actor1"] == "Toposa Ethnic Militia (South Sudan)"


def test_a_later_toll_of_other_victims_adds_to_the_one_it_follows():
    assert fatalities("A policeman was killed near Kiganjo when militants hit his truck with a bomb. "
                      "Three bystanders were also killed by it.") == [4]
    # after a lead that counts everyone, the retelling's "also" adds nothing
    assert fatalities("An officer and two youths were killed at a mosque in Kiganjo. Police stormed it and an "
                      "officer was shot dead. Two young men inside were also shot.") == [3]


def test_a_later_toll_restates_the_dead_whatever_words_come_before_it():
    assert fatalities("A bomb killed two traders in Kiganjo market on Monday. "
                      "The death toll was later raised to five.") == [5]
    assert fatalities("Soldiers fought militants near Kiganjo on Monday, and two soldiers were killed and "
                      "eleven wounded. Three of the wounded died the next day.") == [5]


def test_a_toll_in_the_sentence_of_a_count_is_their_whole_not_more_dead():
    assert fatalities("Gunmen attacked Kiganjo on Monday. Dozens were killed; officials later gave a toll of 30.") == [30]
    assert fatalities("Gunmen killed 12 people in Kiganjo on Monday, bringing the death toll to 12.") == [12]


def test_a_later_toll_of_the_other_sides_dead_adds_to_the_first():
    assert fatalities("Troops killed eight militants near Kiganjo on Monday. Three soldiers were killed.") == [11]
    # the same side's dead again, or people of no side, retell the toll
    assert fatalities("Troops killed eight militants near Kiganjo on Monday. Three militants were killed.") == [8]
    assert fatalities("Gunmen killed five people near Kiganjo on Monday. Three soldiers were among the dead.") == [5]


def test_a_count_in_brackets_breaks_down_the_toll_before_it():
    assert fatalities("Herders clashed with farmers near Kiganjo and Ruaka on Monday: 12 were killed "
                      "(7 deaths counted in Kiganjo, 5 in Ruaka).")[0] == 12


def test_a_coders_note_shares_the_toll_among_the_events_coded_from_it():
    text = "Raiders attacked three villages near Kiganjo on Monday, killing nine herders (fatalities {})."
    assert fatalities(text.format("split across three events"))[0] == 3
    assert fatalities(text.format("coded as 4 here and 5 in Ruaka"))[0] == 4
    assert fatalities(text.format("confirmed by police"))[0] == 9
