from datetime import date

import pytest

from eventcoder import taxonomy
from eventcoder.article import Article
from eventcoder.pipeline import extract_records, process
from eventcoder.stages.events import load_lexicon

PUBLISHED = date(2024, 5, 10)  # a Friday


def records_of(text: str) -> list[dict]:
    return extract_records(Article("t", text, published=PUBLISHED))


def main_event(text: str) -> dict:
    records = records_of(text)
    assert records, f"no event found in: {text}"
    return records[0]


@pytest.mark.parametrize("sub_event_type, text", [
    ("Armed clash", "Somali soldiers clashed with Al-Shabaab fighters near Baidoa on Tuesday, leaving five fighters dead."),
    ("Government regains territory", "The Iraqi army recaptured the town of Tal Afar from Islamic State militants on Sunday."),
    ("Non-state actor overtakes territory", "Al-Shabaab fighters seized control of the town of Mahas on Monday."),
    ("Non-state actor overtakes territory", "Rebels took full control of Kiganjo on Monday after a week of fighting."),
    ("Chemical weapon", "Government helicopters dropped chlorine gas barrels on the town of Saraqib on Friday, injuring 30 people."),
    ("Air/drone strike", "A US drone strike killed three suspected al-Qaeda militants in Yemen's Marib province on Saturday."),
    ("Air/drone strike", "The Kenyan Air Force bombed a militant camp near Kiganjo on Monday."),
    ("Air/drone strike", "The Kenyan Air Force bombarded a militant camp near Kiganjo on Monday."),
    ("Air/drone strike", "A helicopter operated by foreign contractors fired on a rebel camp near Kiganjo on Monday."),
    ("Air/drone strike", "Government forces struck a car with a suicide drone near Kiganjo on Monday, wounding two."),
    ("Air/drone strike", "A police task force used explosive-laden drones against gang positions in Kiganjo on Monday."),
    # the depots a strike hit are its target, not arms found
    ("Air/drone strike", "US warplanes struck weapons depots and headquarters used by militias near Kiganjo on Monday. "
     "Six militia members were killed."),
    # herds belonging to residents are no captives
    ("Looting/property destruction", "Militants set fire to a school in Kiganjo on Monday and carried off livestock "
     "belonging to residents."),
    # a march that denounces a blockade is no riot
    ("Peaceful protest", "Hundreds of traders marched peacefully in Kiganjo on Monday to denounce the blockade imposed "
     "on the town by armed groups."),
    # a protest imputed to the victims ("accused of taking part in"), a detention named as a grievance
    ("Attack", "Soldiers went door to door in Kiganjo on Monday, beating residents they accused of taking part in "
     "the fuel protests."),
    ("Peaceful protest", "Relatives of a detained activist rallied peacefully outside the court in Kiganjo on Monday "
     "demanding his release."),
    # a crowd's fight with the police over a wrong, or against a measure, is a demonstration's
    ("Violent demonstration", "Angry residents stormed the police station in Kiganjo on Monday, pelting it with stones "
     "over the death of a man in police custody."),
    ("Violent demonstration", "Residents of Kiganjo opposing the demolition of their market threw stones at police on Monday."),
    # a raid that burnt or looted and hurt no one, as its next sentence tells
    ("Looting/property destruction", "Militants raided a village near Kiganjo on Monday, setting granaries on fire. "
     "There were no reports of casualties."),
    ("Looting/property destruction", "Bandits burnt the market and 30 houses in Kiganjo on Monday. There were no reports "
     "of casualties."),
    # ground taken, a building burnt and a man killed in one sentence
    ("Non-state actor overtakes territory", "Rebels seized Kiganjo for several hours on Monday, setting fire to a bank "
     "and the police station; one officer was killed before the rebels withdrew."),
    # the act a riot told after it absorbed keeps its place: the riot is the main event
    ("Mob violence", "A crowd attacked the police post in Kiganjo on Monday to free a man arrested for theft, setting "
     "a vehicle on fire."),
    # violence told as what troops were sent over
    ("Change to group/activity", "The government deployed more troops to Kiganjo on Monday, four days after a militant "
     "attack that killed 20 soldiers."),
    ("Change to group/activity", "The army moved reserves to Kiganjo on Monday to halt the offensive the rebels had "
     "launched two days earlier."),
    # a force's post set up
    ("Headquarters or base established", "Soldiers set up a new military point on a hill near Kiganjo on Monday."),
    # captives taken where no one knows
    ("Abduction/forced disappearance", "Soldiers detained two traders at a checkpoint in Kiganjo on Monday and took them "
     "to an unknown location."),
    # heavy arms a fight was fought with
    ("Armed clash", "Two rival clans exchanged fire with automatic rifles and RPGs in Kiganjo on Monday, leaving one dead."),
    ("Armed clash", "Troops under heavy artillery cover fought rebels in Kiganjo on Monday."),
    # a crowd's killing by blade after it caught its victim; believers of two faiths fighting
    ("Mob violence", "Locals caught a man stealing a goat and hacked him to death in Kiganjo on Monday."),
    ("Mob violence", "Muslim and Hindu groups clashed in Kiganjo on Monday, leaving two dead."),
    # the kind of arms is no fight: "combat vehicles"
    ("Change to group/activity", "A convoy of combat vehicles was seen moving toward Kiganjo on Monday. No fighting was reported."),
    ("Air/drone strike", "Israeli strikes on homes in Kiganjo (Nyeri) on Monday killed nine people."),
    ("Air/drone strike", "Soldiers struck rebel positions near Kiganjo (Nyeri) with drones on Monday."),
    ("Air/drone strike", "The rebels launched a swarm of drones at army barracks in Kiganjo on Monday."),
    ("Armed clash", "Rebels and soldiers exchanged mortar and machinegun fire near Kiganjo on Monday."),
    ("Government regains territory", "Kenyan troops drove the militants out of Kiganjo on Monday."),
    ("Attack", "Bandits rustled 200 cattle from herders near Kiganjo on Monday."),
    ("Suicide bomb", "A suicide bomber blew himself up at a police checkpoint in Kabul on Tuesday, killing six policemen."),
    ("Suicide bomb", "A suicide car bomber rammed a checkpoint near Kiganjo on Monday, killing four soldiers."),
    ("Shelling/artillery/missile attack", "Russian artillery shelled residential areas of Kharkiv overnight, killing two civilians."),
    ("Remote explosive/landmine/IED", "Two soldiers were killed when their vehicle struck a roadside bomb near Gao on Wednesday."),
    ("Grenade", "Unidentified attackers threw a grenade into a bar in Bujumbura on Saturday night, injuring seven people."),
    ("Sexual violence", "Armed men raped at least 15 women in a village near Minova last week, local officials said."),
    ("Attack", "Gunmen shot dead four villagers in Zamfara state on Monday, police said."),
    ("Attack", "Unknown men petrol-bombed the home of a councillor in Kisumu on Sunday."),
    ("Armed clash", "Police engaged the bandits near Kapedo on Friday."),
    ("Armed clash", "Police pursued cattle raiders near Kiganjo on Monday and killed five of them."),
    ("Remote explosive/landmine/IED", "Suspected militants detonate an explosive outside a bank in Wajir."),
    ("Remote explosive/landmine/IED", "A soldier was killed when his patrol hit a mine near Kiganjo on Monday."),
    ("Looting/property destruction", "Arsonists burned the county offices in Garissa on Monday."),
    ("Looting/property destruction", "Houses were burnt in Kuresoi on Monday during election violence."),
    ("Non-state actor overtakes territory", "Al-Shabaab fighters overtook a police post near Mandera on Monday."),
    ("Mob violence", "A councillor was beaten by angry voters at a polling station in Kisii on Tuesday."),
    ("Abduction/forced disappearance", "Gunmen abducted 20 students from a school in Kaduna on Thursday."),
    ("Abduction/forced disappearance", "A chief was held captive by armed men near Kiganjo for two days."),
    ("Abduction/forced disappearance", "A blogger was bundled into an unmarked van by unknown men in Kiganjo on Monday."),
    ("Abduction/forced disappearance", "Two activists were taken from a house in Kiganjo (Nyeri, Central) by masked men on Monday."),
    ("Abduction/forced disappearance", "Men in plain clothes picked up a student from his home in Kiganjo on Monday."),
    ("Abduction/forced disappearance", "Soldiers took away dozens of men from a camp near Kiganjo on Monday."),
    ("Peaceful protest", "Thousands of people protested peacefully in Bamako on Friday against the presence of foreign troops."),
    ("Protest with intervention", "Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday."),
    ("Protest with intervention", "Matatu operators staged a protest in Nakuru; police arrest several protesters."),
    ("Protest with intervention", "Traders protested at the county offices in Kiganjo on Monday. Police intervene and send them home."),
    ("Excessive force against protesters", "Security forces opened fire on protesters in Mandalay on Sunday, killing three demonstrators."),
    ("Excessive force against protesters", "Police beat dozens of peaceful protesters in Kiganjo on Monday."),
    ("Excessive force against protesters", "Police used water cannon against teachers who had gathered peacefully in Kiganjo on "
     "Monday. One teacher was left in critical condition."),
    ("Violent demonstration", "Rioters burned tyres and threw stones at police in Kisumu on Wednesday."),
    ("Mob violence", "A mob lynched two men accused of theft at a market in Goma on Sunday."),
    ("Mob violence", "Two men accused of stealing goats were burnt to death near Ol Kalou on Friday."),
    ("Mob violence", "Workers ransacked a factory in Kiganjo on Monday over unpaid wages."),
    ("Mob violence", "Angry traders beat a market manager in Kiganjo on Monday over new fees."),
    ("Agreement", "The government and the rebels signed a ceasefire agreement in Doha on Saturday."),
    ("Arrests", "Police arrested 45 people suspected of links to Boko Haram in Maiduguri on Friday."),
    ("Arrests", "Soldiers arrested 12 men in raids across Kiganjo on Monday."),
    ("Change to group/activity", "The Kenyan army deployed reinforcements to the border town of Mandera on Monday."),
    ("Disrupted weapons use", "Ukrainian air defences intercepted 12 Russian drones over Kyiv overnight."),
    ("Headquarters or base established", "Wagner fighters set up a new base near the town of Menaka on Tuesday."),
    ("Looting/property destruction", "Militiamen looted and torched dozens of houses in the village of Djugu on Thursday."),
    ("Non-violent transfer of territory", "Rebel fighters withdrew from the town of Bunagana on Friday without a fight."),
    ("Non-violent transfer of territory", "Rebel fighters withdrew from the town of Kiganjo on Friday without fighting."),
    ("Headquarters or base established", "The rebels established a new administrative headquarters in Kiganjo on Friday."),
    ("Other", "Government negotiators held talks with Taliban representatives in Doha on Monday."),
    ("Peaceful protest", "Teachers held their pay demos calmly in Eldoret on Monday."),
    ("Violent demonstration", "Angry youths disrupted a campaign rally in Kakamega on Sunday."),
    ("Violent demonstration", "Angry youths disrupted the governor's rally in Kiganjo on Sunday."),
    ("Violent demonstration", "Traders protested in Kiganjo on Monday; officers used tear gas on the rowdy crowd."),
    ("Protest with intervention", "Traders protested over market fees in Kiganjo on Monday; anti-riot police broke it up."),
    ("Protest with intervention", "Riot police break up a protest by teachers in Kiganjo."),
    ("Attack", "Gunmen hijacked a fuel tanker near Moyale on Tuesday."),
    ("Mob violence", "Angry youths roughed up two election clerks in Bungoma on Monday."),
    ("Mob violence", "Family members of a deceased patient vandalised a clinic in Kiganjo on Monday."),
    ("Mob violence", "Hindus and Muslims clashed over a procession in Kiganjo on Monday."),
    ("Peaceful protest", "Villagers gheraoed the district office in Kiganjo on Monday, demanding water."),
    ("Peaceful protest", "Party workers burnt an effigy of the governor in Kiganjo on Monday."),
    ("Peaceful protest", "Teachers protested over pay in Kiganjo on Monday and torched mock coffins outside the county offices."),
    ("Peaceful protest", "Nurses formed a human chain outside the hospital in Kiganjo on Monday over unpaid allowances."),
    ("Peaceful protest", "Farmers marched to the county offices in Kiganjo on Monday demanding better maize prices."),
    ("Peaceful protest", "Nurses marched quietly through Kiganjo on Monday."),
    ("Mob violence", "Residents of Kiganjo (Nyeri) torched the home of a suspected cattle thief on Monday."),
    ("Mob violence", "Residents of the Kiganjo estate set ablaze two motorbikes of suspected thieves on Monday."),
    ("Mob violence", "Villagers set alight the huts of suspected cattle thieves in Kiganjo on Monday."),
    ("Mob violence", "Villagers thrashed a suspected thief in Kiganjo on Monday and later handed him over to the police."),
    ("Non-violent transfer of territory", "The rebels handed over control of Kiganjo to the army on Monday."),
    ("Mob violence", "A suspected cattle thief was mauled to death by villagers in Kiganjo on Monday."),
    ("Mob violence", "Two men accused of witchcraft were necklaced by residents of Kiganjo on Monday."),
    ("Mob violence", "A mob burnt to death a suspected thief in Kiganjo on Monday."),
    ("Peaceful protest", "Bus drivers staged a strike in Kiganjo on Monday over unpaid wages."),
    ("Peaceful protest", "Nurses marched to the county offices in Kiganjo on Monday to hand over a petition on pay."),
    ("Mob violence", "Two communities' youths clashed with clubs in Kiganjo on Monday and burnt stalls. Police later arrested nine."),
    ("Disrupted weapons use", "Police intercept a lorry carrying explosives near Garissa."),
    ("Change to group/activity", "Police seize a cache of rifles in a Mombasa slum."),
    # a capture whose object a second verb shares took people, not ground
    ("Attack", "Bandits captured and executed a village elder near Kiganjo on Monday."),
    ("Mob violence", "Angry villagers seized and beat a chief in Kiganjo on Monday."),
    ("Protest with intervention", "Police detained 40 people who tried to march to the county offices in Kiganjo on Monday."),
    ("Peaceful protest", "Relatives of abducted youths marched peacefully in Kiganjo on Monday demanding their release."),
    ("Attack", "Insurgents decapitated three villagers near Kiganjo on Monday."),
    ("Air/drone strike", "Troops struck Kiganjo with guided bombs on Monday, killing four."),
    # a crowd's fights, with fists or with the police, are riots whichever side is told first
    ("Mob violence", "Supporters of two rival candidates exchanged blows at a polling station in Kiganjo on Monday."),
    ("Mob violence", "Police clashed with youths in Kiganjo on Monday."),
    ("Violent demonstration", "Opposition supporters clashed with police in Kiganjo on Monday; the demonstrators threw rocks."),
    ("Violent demonstration", "Students protested in Kiganjo on Monday over fees; violence broke out when police arrived."),
    ("Mob violence", "Supporters of two party factions broke into fistfights in Kiganjo on Monday."),
    ("Mob violence", "Escaping prisoners clashed with warders at Kiganjo prison on Monday."),
    ("Mob violence", "Rival political clans clashed in Kiganjo on Monday."),
    ("Armed clash", "Four were hurt near Kiganjo on Monday in a confrontation between farmers and herders."),
    ("Mob violence", "Residents in Kiganjo (Nyeri) set upon two suspected thieves on Monday and injured them."),
    ("Protest with intervention", "Police lathi-charged teachers protesting outside the secretariat in Kiganjo on Monday."),
    ("Violent demonstration", "Protesters stormed a municipal building in Kiganjo on Monday, breaking windows, to demand the mayor's resignation."),
    # a strike backing troops on the ground is part of their battle
    ("Armed clash", "Troops supported by drone strikes launched an offensive near Kiganjo on Monday, killing six militants."),
    ("Air/drone strike", "A strike on a car near Kiganjo killed five people on Monday."),
    ("Shelling/artillery/missile attack", "Militants fired a rocket-propelled grenade at a police post in Kiganjo on Monday."),
    ("Armed clash", "Troops conducted an operation against militants near Kiganjo on Monday."),
    ("Arrests", "Police conducted an operation against drug dealers in Kiganjo on Monday, arresting 12."),
    # a plan told beside a move silences no move: "arrived ... ahead of a planned offensive"
    ("Change to group/activity", "Troops arrived in Kiganjo on Monday ahead of a planned offensive."),
    ("Change to group/activity", "On Monday the army moved two more battalions to Kiganjo, officials said."),
    ("Change to group/activity", "Soldiers of a newly raised regiment arrived in Kiganjo on Monday."),
    # rockets used beside guns in one assault fought a battle
    ("Armed clash", "Rebels attacked an army post in Kiganjo on Monday with rockets and machine guns."),
    # people seized, or taken away by armed men, were abducted
    ("Abduction/forced disappearance", "Twelve villagers were seized by soldiers in Kiganjo on Monday."),
    ("Abduction/forced disappearance", "A chief and his son were taken away by militants in Kiganjo on Monday."),
    ("Air/drone strike", "A school in Kiganjo was hit by government aircraft on Monday, killing four."),
    # captives of armed men of no state, or held where no one is told, were not arrested
    ("Abduction/forced disappearance", "Twenty men were rounded up in Kiganjo on Monday by Al Shabaab fighters."),
    ("Abduction/forced disappearance", "Police detained a journalist in Kiganjo on Monday. His family has not been told where he is held."),
    # the aircraft that did it, however told: destroyed, flown by a crew, a drone team
    ("Air/drone strike", "An army drone destroyed three rebel pickups near Kiganjo on Monday, killing several fighters."),
    ("Air/drone strike", "A gunship flown by foreign contractors struck rebel positions near Kiganjo on Monday."),
    ("Air/drone strike", "A rebel drone team dropped grenades on a police post in Kiganjo on Monday, wounding two."),
    # fighters trained: a graduation, recruits done with training
    ("Change to group/activity", "The army held a graduation ceremony in Kiganjo on Monday for 600 new volunteers."),
    ("Change to group/activity", "About 90 recruits completed their military training in a rebel camp near Kiganjo on Monday."),
    # the weapons and papers of an arrest are no attack
    ("Arrests", "Police arrested four militia members carrying assault rifles at a checkpoint in Kiganjo on Monday."),
    ("Arrests", "Police arrested a rebel commander in Kiganjo on Monday on the strength of a murder warrant."),
    # people told by a protest they led, seized at home, were arrested, not dispersed
    ("Arrests", "Police arrested two student protest leaders at their homes in Kiganjo on Monday."),
    ("Arrests", "Police raided an office in Kiganjo on Monday and arrested six organisers of the fuel protests."),
    # a checkpoint struck is held by armed men; one where a killing happened is not what was struck
    ("Armed clash", "Rebels attacked a checkpoint near Kiganjo on Monday, wounding two."),
    ("Attack", "A soldier shot dead a trader at a checkpoint near Kiganjo on Monday."),
    # a march told with its day between; a crowd gathered; land occupied to press a claim
    ("Peaceful protest", "Thousands of teachers marched on 3 May from the stadium to the town hall in Kiganjo to demand higher pay."),
    ("Peaceful protest", "On Monday a huge crowd gathered at the main square of Kiganjo for a rally called by the opposition."),
    ("Peaceful protest", "On Monday about 200 landless families occupied a farm outside Kiganjo, demanding that it be shared out."),
    # fights named in other words, and people driven from their homes by them
    ("Armed clash", "Combats between two rebel groups were reported near Kiganjo on Monday, forcing 300 residents to flee."),
    # bombs dropped from drones, or launched at a post
    ("Air/drone strike", "On Monday a police station in Kiganjo was hit by explosives dropped from drones."),
    ("Shelling/artillery/missile attack", "On Monday rebels launched homemade bombs at the police station in Kiganjo."),
    # a protest that tells who the victim was, not one that took place
    ("Attack", "Gunmen shot dead an organiser of the Kiganjo sit-in near his home on Monday."),
    ("Attack", "Gunmen shot dead a teacher who had led protests in Kiganjo, near his home on Monday."),
    ("Remote explosive/landmine/IED", "A bomb under the car of protest activist Juma Ali exploded in Kiganjo on Monday, killing him."),
    # a device destroyed where it lay; an order to leave
    ("Disrupted weapons use", "On Monday army sappers destroyed an explosive device placed on the road near Kiganjo."),
    ("Other", "On Monday militants gave the residents of Kiganjo three days to leave the village."),
    # a single shell told by what it hit
    ("Shelling/artillery/missile attack", "On Monday an Israeli tank shell hit a group of journalists near Kiganjo, wounding three."),
    # a state's convoy on the move; forces sent to counter an act are the event, not the act
    ("Change to group/activity", "On Monday a Turkish military convoy of about 100 vehicles entered Idlib, Syria."),
    # protests banned are the ban's, but a banned protest dispersed was held
    ("Other", "On Monday the governor banned all protests in Kiganjo until further notice."),
    ("Protest with intervention", "On Monday police used tear gas to scatter a banned demonstration in Kiganjo."),
    # a bare strike told by what it hit
    ("Air/drone strike", "On Monday an Israeli strike hit a school used as a shelter in Gaza City, killing 12 people."),
    # a word of a government's name is no act ("Government of National Accord")
    ("Shelling/artillery/missile attack", "On Monday forces loyal to the Government of National Accord shelled Tarhuna, Libya."),
    # a deal's terms are not its acts
    ("Agreement", "On Monday two clans signed a peace deal in Kiganjo, agreeing to hand over their guns and dismantle their camps."),
    # heavy weapons as the arms of a fight
    ("Armed clash", "Militiamen exchanged fire with police in Kiganjo on Monday, using machine guns and mortars."),
    ("Arrests", "Police arrested five activists in Kiganjo on Monday shortly after they had taken part in a vigil."),
    # the press beaten while filming a protest's dispersal
    ("Attack", "Riot police beat two reporters who were filming the dispersal of a protest in Kiganjo on Monday."),
])
def test_each_sub_event_type(sub_event_type, text):
    event = main_event(text)
    assert event["sub_event_type"] == sub_event_type
    assert taxonomy.note_template(sub_event_type)


def test_lexicon_covers_the_whole_taxonomy():
    covered = {entry.sub_event_type for entry in load_lexicon().entries}
    derived = {"Protest with intervention", "Excessive force against protesters"}
    assert len(covered | derived) == 25


def test_passive_voice_puts_the_agent_first():
    event = main_event("Two civilians were killed by Houthi rebels in Taiz on Friday.")
    assert event["sub_event_type"] == "Attack"
    assert "Houthi" in event["actor1"] or "Ansar Allah" in event["actor1"]
    assert event["actor2"].startswith("Civilians")
    assert event["civilian_targeting"] is True


def test_numbers_in_words():
    event = main_event("Twenty-one soldiers were killed when militants attacked an army post in Borno on Wednesday.")
    assert event["fatalities"] == 21
    assert event["event_date"] == "2024-05-08"


def test_several_events_in_one_article():
    text = ("An airstrike killed 12 fighters in Idlib on Tuesday. "
            "Separately, gunmen abducted a doctor in Aleppo on Wednesday. "
            "In Damascus, police arrested two journalists on Thursday.")
    types = [e["sub_event_type"] for e in records_of(text)]
    assert types == ["Air/drone strike", "Abduction/forced disappearance", "Arrests"]


def test_a_retelling_of_the_same_strike_is_one_event():
    text = ("Warplanes struck a market in Maarat al-Numan on Monday, killing 15 civilians. "
            "The airstrikes also wounded 40 people, rescuers said.")
    records = records_of(text)
    assert len(records) == 1
    assert records[0]["injured_min"] == 40
    assert len(records[0]["evidence"]) == 2


def test_an_article_of_history_only_gives_no_new_event():
    text = ("The war in Syria began in March 2011. Islamic State fighters seized Raqqa in 2014, "
            "and the city was recaptured by the Syrian Democratic Forces in October 2017.")
    records = records_of(text)
    assert all(r["status"] == "background" for r in records)


def test_a_threat_is_not_a_past_attack():
    records = records_of("The group threatened to attack Mogadishu next month.")
    assert not [r for r in records if r["event_type"] != "Strategic developments" and r["status"] == "new"]


def test_triggers_carry_exact_offsets():
    article = process(Article("t", "Heavy shelling hit Donetsk. A car bomb exploded in Kabul."), until="triggers")
    for trigger in article.triggers:
        assert article.text[trigger.start:trigger.end] == trigger.text


def test_evidence_offsets_point_into_the_article():
    article = Article("t", "Police said gunmen killed three traders in Kano on Monday.", published=PUBLISHED)
    record = extract_records(article)[0]
    for evidence in record["evidence"]:
        assert article.text[evidence["start"]:evidence["end"]] == evidence["text"]
    assert record["notes"].startswith("On 6 May 2024")


def test_event_ids_are_stable():
    text = "A roadside bomb killed two soldiers near Kidal on Monday."
    first = extract_records(Article("a", text, published=PUBLISHED))
    second = extract_records(Article("a", text, published=PUBLISHED))
    assert first[0]["event_id"] == second[0]["event_id"]


def test_process_fills_every_stage():
    article = process(Article("t", "Gunmen killed two farmers in Benue on Sunday.", published=PUBLISHED))
    assert article.sentences and article.places and article.actors and article.dates and article.casualties


@pytest.mark.parametrize("dateline", ["NAIROBI, May 10 (Reuters) - ", "NAIROBI, Kenya, May 10 (Reuters) - "])
def test_the_dateline_neither_places_nor_dates_the_event(dateline):
    event = main_event(dateline + "Gunmen killed five herders near Marsabit on Wednesday, police said.")
    assert (event["location"], event["event_date"], event["geo_precision"]) == ("Marsabit", "2024-05-08", 2)


def test_a_protest_is_not_dated_by_the_killing_it_protests():
    event = main_event("Traders protested in Nakuru against the killing of a hawker on Tuesday.")
    assert (event["sub_event_type"], event["event_date"]) == ("Peaceful protest", "2024-05-10")


def test_a_town_named_beside_a_road_named_after_another_places_the_event():
    event = main_event("Gunmen shot dead a trader along Kismayo Road in Garissa on Monday.")
    assert event["location"] == "Garissa"


def test_a_county_named_beside_a_road_places_the_event_before_the_roads_ends():
    event = main_event("Lorry drivers barricaded the Nairobi-Mombasa highway in Makueni County on Friday.")
    assert (event["admin1"], event["geo_precision"]) == ("Makueni", 3)  # at the county's capital


@pytest.mark.parametrize("text", [
    "Bandits killed five villagers near Moyale, two days after raiders killed three herders.",
    "Raiders killed five villagers near Moyale in revenge for three herders killed last month.",
])
def test_deaths_of_an_earlier_attack_are_not_this_ones(text):
    assert main_event(text)["fatalities"] == 5


def test_a_later_sentence_placing_the_attack_narrows_its_place():
    event = main_event("A bomb hit a bus in northern Kenya on Monday, killing four. The attack took place in "
                       "Marsabit county as the bus travelled from Moyale to Isiolo.")
    assert (event["admin1"], event["geo_precision"]) == ("Marsabit", 3)


def test_the_place_told_as_where_beats_the_place_its_people_come_from():
    event = main_event("Hundreds of Garissa teachers protested at the union offices in Nairobi on Monday.")
    assert event["location"] == "Nairobi"


@pytest.mark.parametrize("text", ["Gunmen shot dead the Nyeri MP in Kiambu County on Monday.",
                                  "Youths attacked the car of the governor of Nyeri in Kiambu County on Monday."])
def test_an_office_holders_seat_is_not_where_the_act_was(text):
    assert main_event(text)["admin1"] == "Kiambu"


def test_the_side_engaged_or_pursued_is_the_other_side_of_the_clash():
    event = main_event("Police pursued Borana raiders near Kiganjo on Monday and killed five.")
    assert (event["actor2"], event["fatalities"]) == ("Borana Ethnic Militia (Kenya)", 5)


@pytest.mark.parametrize("text", ["Fighter jets bombed a market in Lashio on Monday.",
                                  "A junta fighter jet bombed a market in Lashio on Monday."])
def test_aircraft_named_as_the_act_are_its_doer(text):
    assert main_event(text)["actor1"] == "Military Forces of Myanmar"


def test_a_side_saying_what_it_did_is_its_doer():
    event = main_event("The army said it killed 20 militants in clashes near Kiganjo on Friday.")
    assert (event["actor1"], event["actor2"], event["fatalities"]) == (
        "Military Forces of Kenya", "Unidentified Armed Group (Kenya)", 20)


def test_enemies_neutralised_are_killed():
    event = main_event("Troops repelled an attack on their base near Kiganjo on Monday, killing several militants. "
                       "The army said 10 insurgents were neutralised.")
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 10)


def test_a_list_of_towns_after_a_grievance_is_one_list():
    records = records_of("Supporters protested against the court's ruling in the towns of Nakuru, Nyeri and Eldoret on Monday.")
    assert [r["location"] for r in records] == ["Nakuru", "Nyeri", "Eldoret"]


def test_a_capital_told_by_its_country_locates_the_act():
    assert main_event("Gunmen shot dead two traders in the Somali capital on Monday.")["location"] == "Mogadishu"


def test_an_act_is_not_absorbed_by_the_protest_it_forestalls():
    event = main_event("Police arrested 12 youths who were planning to disrupt a rally in Kisumu.")
    assert (event["sub_event_type"], event["event_date"]) == ("Arrests", "2024-05-10")


def test_an_event_told_only_by_its_country_has_no_point():
    event = main_event("Gunmen killed three traders in Chad on Monday.")
    assert (event["location"], event["country_code"], event["latitude"], event["longitude"]) == ("Chad", "TD", None, None)


def test_an_agent_after_by_acts_even_without_a_passive_verb():
    event = main_event("Heavy shelling by the Rapid Support Forces killed six civilians in Omdurman on Thursday.")
    assert event["actor1"] == "RSF: Rapid Support Forces"
    assert event["actor2"] == "Civilians (Sudan)"


@pytest.mark.parametrize("text", ["Five herders were killed in Kiganjo during a raid by 90 armed bandits.",
                                  "Raid by about 100 unidentified bandits in Kiganjo. A boy was killed."])
def test_the_agent_after_by_may_be_counted_and_described(text):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == ("Attack", "Unidentified Armed Group (Kenya)")


def test_the_crowd_acts_in_a_protest_and_the_police_intervene():
    event = main_event("Hundreds of demonstrators rallied in Lagos on Monday; police fired tear gas to disperse them.")
    assert event["sub_event_type"] == "Protest with intervention"
    assert (event["actor1"], event["actor2"]) == ("Protesters (Nigeria)", "Police Forces of Nigeria")


def test_a_closed_aside_does_not_take_the_subject():
    text = "Boko Haram, which split from a faction allied to Islamic State, attacked a military base in Borno on Monday."
    assert main_event(text)["actor1"].startswith("Boko Haram")


def test_another_incident_is_not_merged():
    text = ("A roadside bomb killed three soldiers in Gao on Monday. "
            "Separately, a roadside bomb wounded two civilians in Gao.")
    assert len(records_of(text)) == 2


def test_an_ally_of_the_attacker_is_an_associated_actor():
    text = "Syrian troops, backed by Russian warplanes, attacked Jabhat al-Nusra fighters near Idlib on Monday."
    event = main_event(text)
    assert event["actor1"] == "Military Forces of Syria"
    assert event["assoc_actor_1"] == "Military Forces of Russia"


@pytest.mark.parametrize("text, plover_event", [
    ("Fishermen said on Monday they would blockade the port of Mombasa from Thursday.", "THREATEN"),
    ("The governor said he will extend the curfew in Maiduguri by a week.", "THREATEN"),
    ("The ministry said it will end the school term early.", None),
])
def test_hypothetical_restrictions_are_threats_only_with_their_object(text, plover_event):
    records = records_of(text)
    assert (records[0]["plover_event"] if records else None) == plover_event


@pytest.mark.parametrize("text, sub_event_type, actor1, actor2", [
    ("Thousands of teachers marched in Nairobi on Monday against a cut in their pay.",
     "Peaceful protest", "Protesters (Kenya)", None),
    ("Youths protesting a curfew threw stones at police in Kisumu on Tuesday.",
     "Violent demonstration", "Rioters (Kenya)", "Police Forces of Kenya"),
])
def test_an_unnamed_crowd_is_the_protest_actor(text, sub_event_type, actor1, actor2):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (sub_event_type, actor1, actor2)


def test_a_foreign_air_force_strikes_civilians_of_the_country_it_strikes():
    event = main_event("Russian aircraft struck a market near Idlib on Thursday, killing nine people, activists said.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Air/drone strike", "Military Forces of Russia", "Civilians (Syria)")


def test_an_actor_that_holds_the_trigger_is_its_subject():
    event = main_event("Turkish drones struck a car near Qamishli on Monday, killing three SDF fighters.")
    assert (event["actor1"], event["actor2"]) == ("Military Forces of Turkey", "Syrian Democratic Forces")


def test_a_group_named_in_an_aside_about_the_subject_does_not_fight():
    event = main_event("Boko Haram, which pledged loyalty to al-Qaeda, clashed with the army near Bama on Monday.")
    assert (event["actor1"], event["actor2"]) == (
        "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", "Military Forces of Nigeria")


def test_a_county_locates_an_event_better_than_its_country():
    event = main_event("Gunmen killed two deputies in Laurel County, Kentucky, United States, on Monday.")
    assert (event["location"], event["admin1"], event["geo_precision"]) == ("Laurel County", "Kentucky", 2)  # a district


@pytest.mark.parametrize("text, actor1, sub_event_type", [
    ("An Israeli airstrike hit a school in Khan Younis on Tuesday, killing 12 people.",
     "Military Forces of Israel", "Air/drone strike"),
    ("A US drone strike killed two militants near Jilib on Sunday.",
     "Military Forces of the United States", "Air/drone strike"),
])
def test_a_state_named_by_its_strike_struck(text, actor1, sub_event_type):
    event = main_event(text)
    assert (event["actor1"], event["sub_event_type"]) == (actor1, sub_event_type)


@pytest.mark.parametrize("text, actor1", [
    ("An IED planted by suspected ISIS militants exploded against an army patrol in Tarmiyah, killing an officer.",
     "Islamic State (Iraq)"),
    ("Two car bombs exploded in Mogadishu on Saturday, killing 21 people. Al Shabaab claimed responsibility.",
     "Al Shabaab"),
    ("A grenade blast blamed on Al Shabaab wounded four traders in Garissa.", "Al Shabaab"),
    ("A landmine went off under a lorry near Wajir, killing its driver. Al Shabaab is believed to be responsible.",
     "Al Shabaab"),
    ("Two blasts shook a bus station in Nairobi. Five are dead. Al Shabaab are suspected.", "Al Shabaab"),
    ("A grenade hurt six traders in a border town on Monday; residents suspect Al Shabaab.", "Al Shabaab"),
    # the side that gives the toll is no doer
    ("A suicide bomber blew himself up at a market in Baidoa on Monday. The government put the death toll at 9. Al "
     "Shabaab claimed the attack.", "Al Shabaab"),
    ("Four died when their lorry hit a landmine near Elwak (Al Shabaab assumed responsible).", "Al Shabaab"),
    ("A bomb went off in a market in Garissa; police call it the work of Al Shabaab.", "Al Shabaab"),
    ("Somali Islamist rebels stormed a village near Liboi, killing three traders.", "Al Shabaab"),
    ("A roadside bomb struck an army convoy near Wajir. An officer said two soldiers died; Al Shabaab, which claimed "
     "the attack, said ten were killed.", "Al Shabaab"),
    # its captives found dead are the captors' victims
    ("The bodies of two traders abducted by Al Shabaab last week were found near Wajir on Monday.", "Al Shabaab"),
    # ACLED's actor for a perpetrator nobody names
    ("A bomb exploded at a market in Kabul on Friday, killing 8 people. No group has claimed responsibility.",
     "Unidentified Armed Group (Afghanistan)"),
    ("A roadside bomb killed two policemen in Kandahar on Wednesday. The Taliban denied responsibility.",
     "Unidentified Armed Group (Afghanistan)"),
    ("A bomb killed two policemen in Kandahar on Wednesday. Officials blamed the Taliban, which denied it.",
     "Unidentified Armed Group (Afghanistan)"),
    # later sentences that name the group behind an act told without it
    ("A police post in Kiganjo was attacked on Monday. Local sources attributed the raid to Al Shabaab.", "Al Shabaab"),
    ("Two traders were shot dead in Kiganjo on Monday. The killers were identified by residents as Al Shabaab militants.",
     "Al Shabaab"),
    ("Unidentified gunmen killed a chief in Kiganjo on Monday. Al Shabaab later said it had carried out the killing.",
     "Al Shabaab"),
    ("A clinic in Kiganjo was looted on Monday. Its staff blamed Al Shabaab fighters.", "Al Shabaab"),
])
def test_a_suspected_or_claiming_group_set_off_the_bomb(text, actor1):
    assert main_event(text)["actor1"] == actor1


@pytest.mark.parametrize("text, sub_event_types", [
    ("The Sudan Liberation Movement held talks in Juba on Monday.", ["Other"]),  # "Liberation" names it
    ("An Israeli airstrike hit Rafah on Monday.", ["Air/drone strike"]),  # a state force's name acts
])
def test_a_trigger_inside_a_group_name_is_no_event(text, sub_event_types):
    article = process(Article("t", text, published=PUBLISHED))
    assert [e.sub_event_type for e in article.events] == sub_event_types


def test_a_retelling_joins_the_latest_event_it_can_retell():
    text = ("Warplanes struck a market in Idlib on Monday, killing 15 civilians. Talks resumed in Geneva. "
            "Gunmen abducted two aid workers in Aleppo on Wednesday. Warplanes struck a school in Saraqib "
            "on Tuesday. Markets reopened. Schools stayed shut. The airstrikes also wounded 40 people.")
    records = records_of(text)
    strikes = [r for r in records if r["sub_event_type"] == "Air/drone strike"]
    assert [(r["location"], r["killed_min"], r["injured_min"], len(r["evidence"])) for r in strikes] == [
        ("Idlib", 15, None, 1), ("Saraqib", None, 40, 2)]


@pytest.mark.parametrize("text, published", [
    ("Rebels will attack Goma on February 29, a commander warned.", date(2024, 3, 15)),  # no 29 Feb 2025
    ("Rebels will attack Goma in September, a commander warned.", date(9999, 12, 31)),  # no year 10000
])
def test_a_plan_whose_date_has_no_next_year_is_left_undated(text, published):
    records = extract_records(Article("t", text, published=published))
    assert [(r["status"], r["event_date"]) for r in records if r["sub_event_type"] == "Attack"] == [("future", None)]


@pytest.mark.parametrize("sub_event_type, actor1, text", [
    ("Violent demonstration", "Rioters (Uganda)",
     "Traders protested in Jinja on Tuesday over new market fees and barricaded the main road with burning logs."),
    ("Protest with intervention", "Protesters (Uganda)",
     "Teachers marched through Jinja on Tuesday to demand unpaid salaries. Police later fired tear gas to break up the march."),
    ("Excessive force against protesters", "Police Forces of Uganda",
     "Police shot dead two demonstrators during a protest over land evictions in Jinja on Tuesday."),
    ("Peaceful protest", "Protesters (Uganda)",
     "Hundreds of traders protested in Jinja on Tuesday after two hawkers were shot dead by robbers."),
    # violence the protest is about, not violence it did
    ("Peaceful protest", "Protesters (Uganda)",
     "Victims of last year's ethnic clashes held a demonstration in Jinja on Tuesday to demand resettlement."),
    ("Peaceful protest", "Protesters (Uganda)",
     "Traders held a demonstration in Jinja on Tuesday after their stalls were destroyed by county officers."),
    # an arrest the protest is about, not one that met it
    ("Peaceful protest", "Protesters (Uganda)",
     "Teachers protested in Jinja on Tuesday over the failure of police to arrest the killers of a colleague."),
    ("Peaceful protest", "Protesters (Uganda)",
     "Fishermen protested in Jinja on Tuesday because their leader was allegedly arrested by marine police."),
    # riots of another year named as the grievance, not a riot of this crowd's
    ("Peaceful protest", "Protesters (Uganda)",
     "Students protested in Jinja on Tuesday against the release of men jailed over the 1992 Jinja riots."),
    ("Violent demonstration", "Rioters (Uganda)",
     "Demonstrators marking the anniversary of the 2017 protests threw stones at police in Jinja on Tuesday."),
    # a crowd of any people gathered, an occupation, placards in quotes, a march ended where it went, a blockade of a corridor
    ("Peaceful protest", "Protesters (Uganda)", "Thousands of Dalits massed outside the district offices in Jinja on Tuesday."),
    ("Peaceful protest", "Protesters (Uganda)",
     "Farmers kept up their occupation of the main square in Jinja on Tuesday, demanding a loan waiver."),
    ("Peaceful protest", "Protesters (Uganda)", "Journalists gathered in Jinja on Tuesday holding 'Justice for Ali' placards."),
    ("Peaceful protest", "Protesters (Uganda)",
     "Thousands of farmers ended a six-day march from Iganga at the main square in Jinja on Tuesday, demanding land titles."),
    ("Peaceful protest", "Protesters (Uganda)",
     "Villagers kept up their blockade of the mining corridor near Jinja on Tuesday over unpaid compensation."),
    # an eviction fought off is the crowd's grievance
    ("Violent demonstration", "Rioters (Uganda)",
     "Squatters threw stones at police in Jinja on Tuesday to resist their eviction from the farm."),
    # a crowd detained on its way to press a demand
    ("Protest with intervention", "Protesters (Uganda)",
     "Police detained about 120 supporters at Jinja on Tuesday as they arrived on foot from Iganga to press for land titles."),
    # a blockade set up by a crowd and cleared
    ("Protest with intervention", "Protesters (Uganda)",
     "Police cleared a blockade set up by miners near Jinja on Tuesday, using tear gas. Several miners were detained."),
    # police riot gear is no riot
    ("Excessive force against protesters", "Police Forces of Uganda",
     "Police fired riot pellets at demonstrators in Jinja on Tuesday, injuring a student."),
])
def test_a_protest_is_typed_by_how_it_went_over_its_next_sentences(sub_event_type, actor1, text):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == (sub_event_type, actor1)
    if sub_event_type == "Peaceful protest":
        assert event["fatalities"] == 0  # the deaths are what the protest is about


@pytest.mark.parametrize("text", [
    "Angry villagers lynched two suspected cattle thieves in Kitgum on Monday.",
    "Residents clashed with a group of youths from a neighbouring estate in Kitgum on Monday.",
    "An elderly woman was killed over witchcraft claims in a village near Kitgum on Monday.",
    "A party meeting in Kitgum turned chaotic on Monday when rivals came to blows.",
])
def test_a_crowd_that_attacks_or_fights_is_mob_violence(text):
    event = main_event(text)
    assert event["sub_event_type"] == "Mob violence" and event["actor1"].startswith("Rioters")


def test_a_side_named_only_to_say_who_the_victim_was_is_not_struck():
    event = main_event("A lawyer and outspoken critic of the government was shot dead by unknown gunmen in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Attack", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)")


def test_students_fighting_police_beside_their_protest_are_a_violent_demonstration():
    alone = main_event("Students engaged police in running battles in Kiganjo on Monday.")
    protesting = main_event("Students engaged police in running battles in Kiganjo on Monday. "
                            "The protest began when the college raised its fees.")
    assert (alone["sub_event_type"], protesting["sub_event_type"]) == ("Mob violence", "Violent demonstration")


def test_supporters_who_set_upon_other_supporters_are_a_mob_and_those_attacked_civilians():
    event = main_event("Supporters of a county candidate attacked supporters of his rival in Kiganjo on Monday, injuring four.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")


@pytest.mark.parametrize("text", ["Angry villagers fought Al-Shabaab fighters who raided Kiganjo on Monday.",
                                  "Residents of Kiganjo clashed with bandits on Monday.",
                                  "Local vigilantes fought bandits in a gun duel near Kiganjo on Monday."])
def test_people_who_fight_an_armed_group_are_their_communitys_militia(text):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == ("Armed clash", "Unidentified Communal Militia (Kenya)")


def test_herders_who_attack_where_most_herders_are_of_one_people_are_its_militia():
    nigeria = main_event("Herdsmen attacked a farming village near Makurdi on Monday, killing three farmers.")
    kenya = main_event("Herdsmen attacked a farming village near Kiganjo on Monday, killing three farmers.")
    assert nigeria["actor1"] == "Fulani Ethnic Militia (Nigeria)"
    assert kenya["actor1"] == "Unidentified Communal Militia (Kenya)"


@pytest.mark.parametrize("text", ["Macawisley militia and SNA troops attacked Al-Shabaab positions near Mogadishu on Monday.",
                                  "SNA troops and Macawisley militia attacked Al-Shabaab positions near Mogadishu on Monday."])
def test_a_states_force_leads_the_auxiliaries_it_fights_beside(text):
    event = main_event(text)
    assert (event["actor1"], event["assoc_actor_1"]) == ("Military Forces of Somalia", "Macawisley Militia (Somalia)")


@pytest.mark.parametrize("text", ["Gunmen attacked three former army officers in Kiganjo on Monday.",
                                  "Gunmen attacked ex-policemen in Kiganjo on Monday.",
                                  "Gunmen attacked two off-duty police officers in Kiganjo on Monday."])
def test_a_forces_former_or_off_duty_members_are_civilians(text):
    assert main_event(text)["actor2"] == "Civilians (Kenya)"


def test_two_armed_sides_fighting_is_a_clash_though_civilians_died():
    event = main_event("A boy was killed in clashes between two rival clan militias near Garbahaarey on Monday.")
    assert event["sub_event_type"] == "Armed clash"


def test_the_force_that_broke_up_a_protest_is_its_second_actor_when_told_next():
    event = main_event("Teachers marched through Jinja on Tuesday to demand unpaid salaries. "
                       "Police later fired tear gas to break up the march.")
    assert event["actor2"] == "Police Forces of Uganda"


@pytest.mark.parametrize("sub_event_type, text", [
    ("Peaceful protest", "Nurses demonstrate outside the county hospital in Kisii over unpaid allowances."),
    ("Violent demonstration", "Students went on rampage in Kisii after the college raised its fees."),
    ("Attack", "Two traders were killed in post-election violence in Kisii."),
    ("Peaceful protest", "Motorcycle taxi riders blocked the Kisii-Kisumu highway to protest a new parking fee."),
    ("Violent demonstration", "In Kiganjo, party supporters lit bonfires as they demanded a recount."),
    ("Violent demonstration", "Pupils of Kiganjo Secondary School smashed the window panes of their classrooms over food."),
    ("Peaceful protest", "Hundreds of nurses held a march in Kisii to demand better pay."),
    ("Peaceful protest", "Students held a torch procession in Kisii over the rise in fuel prices."),
    ("Peaceful protest", "The party's youth wing held a 'freedom march' through Kisii demanding early elections."),
    ("Peaceful protest", "Thousands of people gathered at the main square in Kisii to demand the governor's resignation."),
    ("Peaceful protest", "Traders blocked the Daraja intersection in Kisii demanding lower market fees."),
    ("Armed clash", "Police shot dead three robbery suspects in Kisii on Monday."),
])
def test_headline_and_note_wording(sub_event_type, text):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_an_event_going_on_at_publication_takes_its_date():
    event = main_event("Clashes between two clans are continuing near Moyale, leaving five dead.")
    assert event["status"] == "ongoing" and event["event_date"] == PUBLISHED.isoformat()


def test_a_toll_told_in_the_next_sentence_is_the_events():
    event = main_event("Militants attacked a police post near Mandera on Monday. Three deaths were reported.")
    assert event["fatalities"] == 3


def test_a_threat_is_future_and_comes_before_the_act_it_threatens():
    records = records_of("The rebels threatened to attack Goma next week.")
    assert [(r["plover_event"], r["status"]) for r in records][0] == ("THREATEN", "future")


def test_supporters_who_clash_riot_and_supporters_who_march_protest():
    clash = main_event("Supporters of two rival candidates clashed outside the tallying centre in Homa Bay on Monday.")
    march = main_event("Supporters of the candidate marched through Homa Bay on Monday to demand a recount.")
    assert (clash["sub_event_type"], clash["actor1"]) == ("Mob violence", "Rioters (Kenya)")
    assert (march["sub_event_type"], march["actor1"]) == ("Peaceful protest", "Protesters (Kenya)")


@pytest.mark.parametrize("text", [
    "Police discovered two explosive devices near the market in Garissa and disarmed them on Monday.",
    "Two militants were killed in Garissa on Monday when the bomb they were planting went off.",
    "A mine blew up on a track near Garissa on Monday as it was being laid, killing both men laying it.",
])
def test_a_bomb_found_or_gone_off_in_the_hands_of_its_makers_is_disrupted_weapons_use(text):
    assert main_event(text)["sub_event_type"] == "Disrupted weapons use"


def test_a_violent_act_told_as_a_verb_is_an_event_even_with_unknown_sides():
    assert main_event("Members of a religious sect attacked a woman in Embu for wearing trousers.")["sub_event_type"] == "Attack"
    records = records_of("The attack drew wide condemnation from officials.")
    assert records == []


def test_deaths_named_as_the_cause_and_a_toll_told_again_are_not_added():
    event = main_event("In revenge for the killing of a herder, a group of herders killed two men near Garsen on Monday.")
    assert event["fatalities"] == 2
    event = main_event("Residents lynched a suspected thief in Embu on Monday. 1 fatality.")
    assert event["fatalities"] == 1


def test_the_actor_told_as_attacking_is_actor1_when_the_trigger_is_the_death():
    record = main_event("Two farmers died on Sunday after Samburu raiders attacked a village near Baragoi.")
    assert record["actor1"].startswith("Samburu") and record["actor2"] != record["actor1"]


@pytest.mark.parametrize("text", [
    "The army base in Kiganjo fell to Al Shabaab on Monday after two days of fighting.",
    "Kiganjo came under Al Shabaab control on Monday after clashes with the army.",
])
def test_ground_that_fell_to_a_side_was_taken_by_that_side(text):
    record = main_event(text)
    assert (record["sub_event_type"], record["actor1"]) == ("Non-state actor overtakes territory", "Al Shabaab")


def test_a_passive_with_the_day_between_its_auxiliary_and_verb_takes_its_agent():
    record = main_event("A trader was on Friday shot dead in Mandera by Al Shabaab militants.")
    assert record["actor1"] == "Al Shabaab"
    # and with the place and the day between the verb and its agent, as ACLED's notes tell them
    record = main_event("Ten passengers were kidnapped near Kiganjo (Mathira, Nyeri) on 6 May 2024 by Al Shabaab militants.")
    assert record["actor1"] == "Al Shabaab"
    # not the agent of another clause's verb
    record = main_event("A nurse was hurt when the ambulance she rode in was attacked by Al Shabaab militants near Kiganjo.")
    assert record["actor1"] == "Al Shabaab" and record["sub_event_type"] == "Attack"


@pytest.mark.parametrize("sub_event_type, text", [
    ("Looting/property destruction", "Militants destroyed a telecommunications mast near the border town of Elwak on Tuesday."),
    ("Looting/property destruction", "Gunmen burnt two trucks belonging to a transport company in Isiolo on Friday."),
    ("Attack", "Gunmen open fire on a minibus on the Garissa road, wounding four passengers."),
    ("Armed clash", "A fight between Turkana and Pokot herders near Kainuk left one man dead on Monday."),
    ("Armed clash", "Two herders died in a clan war over pasture near Kiganjo on Monday."),
    ("Armed clash", "One man was killed in violence between two rival clans in Kiganjo on Monday."),
    ("Peaceful protest", "Hundreds of teachers gathered to demand better pay in Kakamega on Thursday."),
])
def test_acts_told_in_other_words(sub_event_type, text):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_victim_between_the_verb_and_to_death_is_killed():
    assert main_event("Residents stoned a suspected burglar to death in Eldoret on Sunday.")["fatalities"] == 1


def test_a_demonstration_and_the_violence_its_story_tells_are_one_event():
    records = records_of("Traders rioted over new market fees in Kisii on Monday. Police opened fire, "
                         "killing one trader.")
    assert [(r["event_type"], r["fatalities"]) for r in records] == [("Riots", 1)]


def test_an_armed_group_attacking_after_a_protest_is_its_own_event():
    records = records_of("Residents protested over water shortages in Mandera on Monday. Al Shabaab "
                         "gunmen later attacked a police post, killing two officers.")
    assert {r["event_type"] for r in records} >= {"Protests", "Battles"}


@pytest.mark.parametrize("text, sub_event_type", [
    ("Angry residents torched the offices of the county chief in Homa Bay on Thursday night.", "Mob violence"),
    ("Al Shabaab militants torched a school in Fafi on Tuesday.", "Looting/property destruction"),
])
def test_destruction_by_a_crowd_is_mob_violence_and_by_an_armed_group_looting(text, sub_event_type):
    record = main_event(text)
    assert record["sub_event_type"] == sub_event_type
    if sub_event_type == "Mob violence":
        assert record["actor1"].startswith("Rioters")


def test_force_told_after_a_protest_against_the_government_is_the_police_against_the_crowd():
    records = records_of("Hundreds protested in Kiganjo on Monday against the government. Police fired "
                         "live ammunition, killing two protesters.")
    assert [(r["sub_event_type"], r["actor1"], r["fatalities"]) for r in records] == [
        ("Excessive force against protesters", "Police Forces of Kenya", 2)]


def test_the_source_told_after_an_act_is_no_side_of_it():
    record = main_event("Gunmen abducted a priest from a parish in Kiganjo on Monday, police said.")
    assert (record["actor1"], record["actor2"]) == ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")


@pytest.mark.parametrize("text", [
    "On Monday, ODM supporters stoned a police patrol in Kiganjo after police blocked their candidate's motorcade.",
    "On Monday, hawkers evicted from the streets of Kiganjo threw stones at county officers and police."])
def test_a_crowd_with_a_cause_that_stones_the_police_is_a_violent_demonstration(text):
    assert main_event(text)["sub_event_type"] == "Violent demonstration"


def test_army_recruits_struck_are_the_military():
    event = main_event("A suicide bomber blew himself up among army recruits queuing at a camp in Kiganjo on Monday, "
                       "killing ten recruits.")
    assert (event["sub_event_type"], event["actor2"], event["fatalities"]) == ("Suicide bomb", "Military Forces of Kenya", 10)


@pytest.mark.parametrize("text", ["Police detained two journalists filming clashes in Kiganjo on Monday.",
                                  "Soldiers arrested a reporter in Kiganjo on Monday while he photographed families who had fled militant attacks."])
def test_violence_people_fled_or_filmed_is_the_setting_of_the_act(text):
    assert [r["sub_event_type"] for r in records_of(text)] == ["Arrests"]


@pytest.mark.parametrize("text", ["Police arrested 40 students in Kiganjo on Monday before they could hold a rally.",
                                  "Police arrested 17 people in Kiganjo on Monday as they gathered to mark the anniversary of the massacre."])
def test_people_held_at_or_before_a_gathering_are_protesters(text):
    assert [(r["sub_event_type"], r["actor2"]) for r in records_of(text)] == [("Arrests", "Protesters (Kenya)")]


def test_a_police_informer_killed_is_a_civilian():
    event = main_event("Rebels dragged a villager out of his house in Kiganjo on Monday and killed him, branding him a police informer.")
    assert (event["sub_event_type"], event["actor2"]) == ("Attack", "Civilians (Kenya)")


def test_people_seized_are_no_ground_taken():
    assert all(r["event_type"] != "Strategic developments" or r["sub_event_type"] == "Arrests" for r in records_of(
        "On Monday, plain-clothes officers seized activist John Kamau outside a pharmacy in Kiganjo."))


def test_an_act_captured_on_video_takes_no_ground():
    event = main_event("A police officer assaulted a motorcyclist in Kiganjo on Monday, in an incident captured on video.")
    assert (event["sub_event_type"], event["actor1"]) == ("Attack", "Police Forces of Kenya")


def test_clashes_at_a_religious_procession_are_mob_violence():
    event = main_event("Clashes broke out during a Ram Navami procession in Kiganjo on Monday. Stones and crude bombs "
                       "were reportedly thrown and several people were injured.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == ("Mob violence", "Rioters (Kenya)", "Rioters (Kenya)")


def test_the_death_that_angered_a_crowd_is_not_its_toll():
    event = main_event("On Monday, a crowd angered by the death of a trader in police custody set fire to the Kiganjo "
                       "police station.")
    assert (event["event_type"], event["fatalities"]) == ("Riots", 0)


def test_the_road_death_a_mob_avenged_is_not_its_toll():
    event = main_event("A lorry hit and killed a cyclist in Kiganjo on Monday. Angry residents then beat the driver "
                       "and set the lorry on fire.")
    assert (event["sub_event_type"], event["fatalities"]) == ("Mob violence", 0)


def test_a_states_fire_is_its_forces():
    assert main_event("Two herders were killed by Ugandan fire near Kiganjo on Monday.")["actor1"] == "Military Forces of Uganda"


def test_strikes_told_as_support_of_a_ground_battle_are_its_ally_not_the_act():
    record = main_event("Somali troops, backed by US airstrikes, battled Al Shabaab near Kiganjo on Monday.")
    assert (record["sub_event_type"], record["actor1"], record["assoc_actor_1"], record["actor2"]) == (
        "Armed clash", "Military Forces of Somalia", "Military Forces of the United States", "Al Shabaab")


@pytest.mark.parametrize("text", ["A fire destroyed 50 houses in Kiganjo on Monday.",
                                  "A bus collided with a truck near Kiganjo on Monday, killing nine passengers.",
                                  "A lorry hit and killed a cyclist near Kiganjo on Monday."])
def test_harm_by_fire_or_accident_with_no_one_acting_is_no_event(text):
    assert records_of(text) == []


def test_a_patrol_with_nothing_else_told_is_a_change_to_activity():
    assert main_event("Kenyan soldiers patrolled the border near Kiganjo on Monday.")["sub_event_type"] == \
        "Change to group/activity"


def test_the_force_that_repelled_an_attack_by_a_group_is_its_other_side():
    record = main_event("Kenyan troops repelled an attack by Al Shabaab near Kiganjo on Monday, killing 15 assailants.")
    assert {record["actor1"], record["actor2"]} == {"Al Shabaab", "Military Forces of Kenya"}


def test_an_act_with_no_date_of_its_own_is_dated_by_the_dateline_before_publication():
    record = main_event("NAIROBI, May 8 (Reuters) - Gunmen shot dead two traders in Kiganjo, police said.")
    assert (record["event_date"], record["time_precision"]) == ("2024-05-08", 2)


def test_a_country_told_as_the_agent_behind_an_act_is_not_where_it_happened():
    records = records_of("Ukraine's air force shot down 25 drones launched by Russia overnight.")
    assert records[0]["actor1"] == "Military Forces of Ukraine" and records[0]["country_code"] != "RU"


@pytest.mark.parametrize("text, sub_event_type, actor1", [
    ("Movement of forces: Kenyan troops were sent to Kiganjo on Monday.", "Change to group/activity", "Military Forces of Kenya"),
    ("Property destruction: offices in Kiganjo were torn down on Monday.", "Looting/property destruction",
     "Unidentified Armed Group (Kenya)"),  # destruction by no one named: ACLED's unidentified armed group
    ("Defusal: police made safe a device found near Kiganjo on Monday.", "Disrupted weapons use", "Police Forces of Kenya"),
    ("Defusal: the Kenyan army found and dismantled two rocket launchers near Kiganjo on Monday.", "Disrupted weapons use",
     "Military Forces of Kenya"),
    ("Non-violent activity: gunmen surrounded a polling centre in Kiganjo on Monday.", "Other", "Unidentified Armed Group (Kenya)"),
    ("Movement of forces: Al Shabaab gunmen raided Kiganjo on Monday.", "Change to group/activity", "Al Shabaab"),
])
def test_a_notes_own_label_names_its_sub_event_type(text, sub_event_type, actor1):
    record = main_event(text)
    assert (record["sub_event_type"], record["actor1"]) == (sub_event_type, actor1)


@pytest.mark.parametrize("text, sub_event_type", [
    ("Suspected rebels targeted by police near Kiganjo on Monday; two dead.", "Armed clash"),
    ("Three officials were targeted by new sanctions on Monday.", None),
])
def test_a_side_targeted_by_another_was_attacked_but_not_by_a_measure(text, sub_event_type):
    records = records_of(text)
    assert (records[0]["sub_event_type"] if records and records[0]["event_type"] != "Strategic developments" else None) == sub_event_type


def test_partners_who_clash_with_a_group_fight_that_group_not_each_other():
    record = main_event("Somali troops and Ethiopian forces clashed with Al Shabaab fighters near Kiganjo on Monday.")
    assert (record["actor1"], record["actor2"]) == ("Military Forces of Somalia", "Al Shabaab")


def test_an_attack_that_kills_policemen_beside_civilians_is_a_clash_with_the_police():
    record = main_event("Al Shabaab gunmen attacked Kiganjo on Monday, killing two civilians and three policemen.")
    assert record["sub_event_type"] == "Armed clash"
    assert "Police Forces of Kenya" in (record["actor1"], record["actor2"])


@pytest.mark.parametrize("text, sub_event_type, actor2", [
    ("Youths pelted the police with stones in Kiganjo on Monday.", "Mob violence", "Police Forces of Kenya"),
    ("Angry youths pelted passing motorists with stones in Kiganjo on Monday.", "Mob violence", "Civilians (Kenya)"),
    ("Youths blocked the road and pelted the police with stones in Kiganjo on Monday.", "Violent demonstration", "Police Forces of Kenya"),
    ("Traders protesting new levies pelted the police with stones in Kiganjo on Monday.", "Violent demonstration", "Police Forces of Kenya"),
])
def test_a_crowd_striking_at_people_with_no_demonstration_is_a_mob(text, sub_event_type, actor2):
    record = main_event(text)
    assert (record["sub_event_type"], record["actor2"]) == (sub_event_type, actor2)


def test_an_attack_carried_out_by_a_named_militia_is_its_act():
    record = main_event("Seven herders died in a raid on Kiganjo that was staged by Garre clan militia.")
    assert record["actor1"] == "Garre Ethnic Militia (Kenya)"


def test_a_crowd_told_with_its_place_and_time_still_acts():
    record = main_event("Residents of Kiganjo on Monday night set ablaze the house of a suspected witch.")
    assert (record["sub_event_type"], record["actor1"]) == ("Mob violence", "Rioters (Kenya)")


def test_destruction_by_a_bomb_is_not_mob_violence():
    assert main_event("A bomb destroyed three houses in Mandera on Monday.")["sub_event_type"] != "Mob violence"


def test_a_weekday_in_a_plan_is_the_coming_one_not_next_year():
    records = records_of("The militia threatened to attack the market in Moyale on Tuesday.")
    assert [r["event_date"] for r in records if r["event_date"]] == ["2024-05-14"]


def test_a_toll_broken_down_in_the_next_sentence_is_not_counted_twice():
    record = main_event("Six people died in a blast at a bus stop in Nairobi on Monday. "
                        "Police said it killed four officers and two bystanders.")
    assert record["fatalities"] == 6


def test_a_toll_after_an_accusation_is_not_the_accusations():
    records = records_of("Two clans fought over a water point in Garsen on Sunday. Elders accused "
                         "the youths of stealing goats. A man was killed.")
    assert [r["fatalities"] for r in records if r["sub_event_type"] == "Other"] in ([], [0])
    assert records[0]["fatalities"] == 1


def test_a_killing_told_beside_an_arson_joins_the_attack_before():
    record = main_event("Gunmen attacked a village near Baragoi on Friday. They torched huts and shot dead five women.")
    assert (record["sub_event_type"], record["fatalities"]) == ("Attack", 5)


@pytest.mark.parametrize("text", [
    "Fighting broke out in Kibera on Friday after three bodies were dumped near a market.",
    "Youths torched five shops in Eldoret on Friday after a hawker was shot dead by a guard.",
    "Traders blocked a road in Kisumu on Friday demanding an inquiry into the murder of a vendor.",
    "Soldiers beat villagers near Garissa on Friday to revenge the killing of a comrade.",
])
def test_the_dead_an_act_came_after_are_not_its_toll(text):
    assert main_event(text)["fatalities"] == 0


def test_a_toll_of_another_act_told_later_adds_up():
    record = main_event("Gunmen killed two herders in Wajir on Monday. A few hours later, they shot dead a trader.")
    assert record["fatalities"] == 3


def test_more_dead_told_later_add_up():
    record = main_event("Militants attacked Kiganjo on Monday, killing five, police said. Two more died in hospital later.")
    assert record["fatalities"] == 7


def test_an_act_named_without_a_determiner_at_a_place_is_reported():
    assert main_event("Cattle raid against herders in Kapedo.")["sub_event_type"] == "Attack"
    assert records_of("The raid drew condemnation from leaders in Kapedo.") == []


def test_soldiers_told_as_killed_by_a_bomb_are_struck_not_striking():
    records = records_of("A roadside bomb hit an army convoy near Mandera on Monday. "
                         "Four soldiers dead.")
    assert [(r["sub_event_type"], r["fatalities"], r["actor1"], r["actor2"]) for r in records] == [
        ("Remote explosive/landmine/IED", 4, "Unidentified Armed Group (Kenya)", "Military Forces of Kenya")]


@pytest.mark.parametrize("text, sides", [
    ("Clashes between rival militias in Kiganjo killed 12 people on Monday.",
     ("Unidentified Armed Group (Kenya)", "Unidentified Armed Group (Kenya)")),
    ("Fighting between Toposa raiders from South Sudan and Kenyan police near Kiganjo left 11 dead.",
     ("Toposa Ethnic Militia (South Sudan)", "Police Forces of Kenya")),
])
def test_the_sides_of_a_fight_between_are_those_joined_by_and(text, sides):
    event = main_event(text)
    assert (event["actor1"], event["actor2"]) == sides


def test_a_side_named_again_by_its_initials_is_one_side_of_a_clash():
    event = main_event("The Kurdistan Workers' Party (PKK) and Turkish forces clashed near Zakho on Monday.")
    assert (event["actor1"], event["actor2"]) == ("Kurdistan Workers' Party", "Military Forces of Turkey")


@pytest.mark.parametrize("text", ["Houthi forces fired a drone at a cargo ship off Hodeidah on Monday.",
                                  "Russian forces launched 30 drones at Kyiv overnight, injuring four civilians."])
def test_drones_fired_at_a_target_are_a_drone_strike(text):
    assert main_event(text)["sub_event_type"] == "Air/drone strike"


def test_an_attack_on_a_post_of_armed_men_is_a_battle():
    assert main_event("Gunmen attacked a police station in Wajir on Monday, killing one officer.")["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize("text", [
    "Floods swept through three villages near Kisumu on Monday, killing 12 people.",
    "Five passengers died when their bus collided with a lorry near Naivasha on Sunday.",
    "Two pupils were killed by lightning at a school in Kisii on Tuesday.",
])
def test_disasters_and_accidents_are_no_conflict_events(text):
    assert records_of(text) == []


def test_an_attack_told_beside_an_accident_is_still_an_attack():
    assert main_event("Bandits ambushed a bus near Isiolo on Monday, killing three passengers, "
                      "after it had slowed at an accident scene.")["event_type"] == "Violence against civilians"


@pytest.mark.parametrize("text, sub_event_type", [
    ("About forty fighters of the group were sighted crossing into Mandera county on Sunday.", "Change to group/activity"),
    ("The government will deploy 2,000 police officers to the border towns next week.", "Change to group/activity"),
    ("Students vandalise the school library in Kakamega over exam rules.", "Mob violence"),  # a crowd, not an armed group
    ("Hundreds of traders poured into the streets of Eldoret on Monday over new levies.", "Peaceful protest"),
])
def test_movement_vandalism_and_crowds_in_the_street(text, sub_event_type):
    records = records_of(text)
    assert sub_event_type in {r["sub_event_type"] for r in records}


def test_a_communitys_herders_attacked_are_civilians_and_its_armed_men_acting_a_militia():
    attacked = main_event("Turkana raiders killed four Pokot herders near Lokori on Sunday.")
    assert (attacked["sub_event_type"], attacked["actor2"]) == ("Attack", "Civilians (Kenya)")
    acting = main_event("Pokot herders attacked a Turkana village near Lokori on Sunday.")
    assert acting["actor1"] == "Pokot Ethnic Militia (Kenya)"


@pytest.mark.parametrize("text, fatalities", [
    ("Residents lynched a man in Kisumu on Monday for killing his brother.", 1),
    ("Villagers lynched a youth on Monday for allegedly stabbing and killing a trader.", 1),
    ("Two men held for the murder of a pastor said police beat them on Monday.", 0),
    ("A mob who blamed them for the killing of a rider beat two men in Embu on Monday.", 0),
])
def test_a_killing_someone_is_blamed_for_is_not_the_toll_of_what_is_done_to_them(text, fatalities):
    assert main_event(text)["fatalities"] == fatalities


def test_the_agent_of_an_attack_told_by_its_noun_acted():
    event = main_event("A herder died and three were hurt on Monday in an attack by suspected Al-Shabaab fighters "
                       "near Wajir.")
    assert (event["actor1"], event["sub_event_type"]) == ("Al Shabaab", "Attack")


def test_the_agent_of_a_passive_violent_verb_after_a_death_acted():
    event = main_event("A detainee died in Embu on Monday after being tortured by the police.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Attack", "Police Forces of Kenya", "Civilians (Kenya)")


def test_members_of_a_tribe_attacked_are_civilians():
    event = main_event("Pokot raiders attacked members of the Turkana tribe near Lokori on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Attack", "Civilians (Kenya)")


def test_a_crowd_told_again_by_a_pronoun_is_the_same_crowd():
    text = "A mob at the Gatundu cattle market set upon a herdsman accused of theft. They beat him and lynched him."
    records = records_of(text)
    assert [(r["sub_event_type"], r["fatalities"]) for r in records] == [("Mob violence", 1)]


def test_a_toll_claimed_as_ones_own_is_the_toll():
    text = "Al Shabaab attacked a village in Wajir on Monday and claimed responsibility for the deaths of four."
    assert main_event(text)["fatalities"] == 4


@pytest.mark.parametrize("text, sub_event_type", [
    ("Striking workers throw stones at police in Kisumu.", "Violent demonstration"),
    ("Gunmen shoots a trader in Garissa.", "Attack"),
    ("Al Shabaab detonates a bomb in Mandera, injuring four people.", "Remote explosive/landmine/IED"),
])
def test_headlines_in_the_present_tense_are_events(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_herders_who_kill_are_a_communal_militia_not_a_mob():
    assert main_event("Herders killed three farmers near Isiolo on Monday.")["actor1"] == "Unidentified Communal Militia (Kenya)"


@pytest.mark.parametrize("text, sub_event_type", [
    ("Students barricade a road in Kisii in protest over fees.", "Violent demonstration"),
    ("Traders protested in Nakuru on Monday, and police barred them from the county offices.", "Protest with intervention"),
    ("Nurses marched through Kisumu on Friday; the march was free of clashes and no teargas was used.", "Peaceful protest"),
    ("Farmers demonstrated in Nyeri against a dam and destroyed the water pipes of the project.", "Violent demonstration"),
    ("Police in Meru stopped a demonstration against the governor by hawkers on Tuesday.", "Protest with intervention"),
    ("Nurses protested outside the county offices in Embu on Monday, and some of them beat up a clerk.", "Violent demonstration"),
    ("Traders demonstrated in Eldoret on Friday and broke through a police cordon at the county hall.", "Violent demonstration"),
    ("Villagers in Kitui marched on Monday to demand the release of a chief who had been arrested last week.", "Peaceful protest"),
    ("Hawkers blocked a street in Nakuru on Tuesday and razed the sheds of the county's market officers.", "Violent demonstration"),
])
def test_what_a_protest_turns_into(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_crowd_fighting_the_police_is_mob_violence_not_a_battle():
    event = main_event("Students of a teachers' college in Embu engaged police in running battles on Monday.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Mob violence", "Rioters (Kenya)", "Police Forces of Kenya")


def test_an_arrest_yields_to_the_violence_that_killed():
    record = main_event("Police arrested a man in Kisumu on Monday and beat him to death.")
    assert record["sub_event_type"] == "Attack"


def test_an_ambush_whose_victims_after_it_are_civilians_is_an_attack():
    assert main_event("Gunmen ambushed a bus near Kiganjo on Monday. They killed two passengers.")["sub_event_type"] == "Attack"
    assert main_event("Gunmen ambushed a patrol near Kiganjo on Monday. They killed two soldiers.")["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize("text", ["Gunmen ambushed a driver near Kiganjo on Monday.",
                                  "Teacher attacked by unknown men outside a school in Meru."])
def test_one_civilian_struck_alone_is_attacked_not_acting(text):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor2"]) == ("Attack", "Civilians (Kenya)")


def test_a_demonstration_by_a_crowd_is_a_protest_and_an_explosive_thrown_a_grenade():
    assert main_event("Demonstrations by traders over market fees in Kiganjo.")["sub_event_type"] == "Peaceful protest"
    assert main_event("Gunmen hurled explosives at a police post in Kiganjo on Monday.")["sub_event_type"] == "Grenade"


def test_journalists_struck_while_covering_a_protest_were_attacked():
    event = main_event("Officers beat up two reporters in Kiganjo on Monday while they were covering the protest.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Attack", "Police Forces of Kenya", "Civilians (Kenya)")


def test_a_foreign_force_taking_ground_overtakes_it_and_a_state_regains_its_own():
    assert main_event("Russian forces captured the village of Kiganjo near Avdiivka on Monday.")["sub_event_type"] == (
        "Non-state actor overtakes territory")
    assert main_event("Ukrainian troops recaptured the village of Robotyne on Monday.")["sub_event_type"] == (
        "Government regains territory")


def test_the_fight_for_ground_told_after_its_capture_gives_the_capture_its_dead():
    records = records_of("Rebels seized the town of Kiganjo from the army on Monday. Seven soldiers and three rebels "
                         "were killed in the fighting.")
    assert [(r["sub_event_type"], r["fatalities"]) for r in records] == [("Non-state actor overtakes territory", 10)]


def test_a_protest_that_only_says_who_someone_was_or_what_came_before_is_no_event():
    assert main_event("An activist who took part in last year's protests was abducted by gunmen in Kiganjo on "
                      "Monday.")["sub_event_type"] == "Abduction/forced disappearance"
    assert main_event("Police fired at residents in Kiganjo on Monday during a crackdown following the day's "
                      "protests, killing two.")["sub_event_type"] == "Attack"


@pytest.mark.parametrize("text, sub_event_type", [
    ("Gunmen abducted a student leader in Kiganjo on Monday, days after he led a protest over fees.",
     "Abduction/forced disappearance"),
    ("Soldiers beat residents of Kiganjo on Monday over the previous day's protests.", "Attack"),
    ("A community activist who had led housing protests was shot dead in Kiganjo on Monday by unknown gunmen.", "Attack"),
])
def test_a_protest_told_as_the_cause_or_as_who_the_victim_was_is_no_event(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_gathering_to_demand_and_a_peaceful_blockade_are_peaceful_protests():
    assert main_event("Hundreds of people gathered in the main square of Kiganjo on Monday to mark the anniversary "
                      "and demand the release of detainees.")["sub_event_type"] == "Peaceful protest"
    assert main_event("Farmers kept up a peaceful road blockade at the entrance of Kiganjo on Monday, demanding "
                      "better prices.")["sub_event_type"] == "Peaceful protest"


def test_a_riot_told_by_its_act_then_by_its_crowd_is_one_event_without_the_killing_it_was_angry_at():
    records = records_of("Youths set fire to the town hall in Kiganjo on Monday, angry at the killing of six "
                         "villagers by rebels. Two rioters were shot dead in the unrest.")
    assert [r["fatalities"] for r in records] == [2]


@pytest.mark.parametrize("text", [
    "Residents threw stones at police in Kiganjo on Monday, a day after a boy was killed by a stray bullet.",
    "Residents set fire to a police post in Kiganjo on Monday after a man arrested for theft died in custody.",
    "Students pelted police with stones in Kiganjo on Monday over unpaid stipends.",
])
def test_a_crowd_that_fights_the_police_over_a_wrong_demonstrates_violently(text):
    assert main_event(text)["sub_event_type"] == "Violent demonstration"


def test_a_suicide_bomber_from_a_group_is_that_group():
    event = main_event("A suicide bomber from Al Shabaab blew himself up at a checkpoint in Mogadishu on Monday, "
                       "killing three soldiers.")
    assert (event["actor1"], event["actor2"]) == ("Al Shabaab", "Military Forces of Somalia")


def test_a_mob_the_police_dispersed_is_still_a_mob():
    records = records_of("Crowds attacked and set fire to shops belonging to refugees in Kiganjo on Monday. Police "
                         "dispersed the crowds and detained 20 people.")
    assert [r["sub_event_type"] for r in records] == ["Mob violence"]


def test_kin_of_the_dead_who_protest_are_not_the_dead():
    records = records_of("Relatives of Juma Otieno, who was killed in police custody, staged a sit-in in Kiganjo on Monday "
                         "demanding justice.")
    assert [(r["sub_event_type"], r["fatalities"]) for r in records] == [("Peaceful protest", 0)]


def test_an_air_strike_no_one_is_named_for_is_the_states_military():
    event = main_event("An airstrike hit a market in Kiganjo, Kenya, on Monday, killing five civilians.")
    assert (event["sub_event_type"], event["actor1"]) == ("Air/drone strike", "Military Forces of Kenya")


def test_acts_a_deal_names_as_its_terms_are_no_acts():
    event = main_event("Elders of two clans signed a peace accord in Kiganjo on Monday, pledging to return stolen "
                       "livestock and end revenge attacks.")
    assert event["sub_event_type"] == "Agreement"
    assert main_event("Bandit leaders signed a peace pact with community vigilantes in Kiganjo on Monday, agreeing "
                      "to release captives.")["sub_event_type"] == "Agreement"


def test_a_ceasefire_declared_is_an_agreement_and_plovers_retreat():
    event = main_event("The rebel leadership declared a ceasefire with the government in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["plover_event"]) == ("Agreement", "RETREAT")


def test_arrests_before_a_planned_protest_are_arrests():
    assert main_event("Police arrested four activists in Kiganjo on Monday, a day before a planned demonstration "
                      "against fuel prices.")["sub_event_type"] == "Arrests"


@pytest.mark.parametrize("text", [
    "Traders gathered outside the county offices in Kiganjo on Monday over water cuts and dispersed once "
    "officials promised to restore supply.",
    "Women marched through Kiganjo on Monday against food prices, singing before dispersing.",
])
def test_a_crowd_that_disperses_by_itself_met_no_intervention(text):
    assert main_event(text)["sub_event_type"] == "Peaceful protest"


def test_an_attack_threatened_is_no_attack():
    assert main_event("Rebels announced a three-day armed strike in Kiganjo on Monday, threatening to attack vehicles "
                      "on the roads.")["sub_event_type"] != "Attack"


def test_ground_surrendered_to_a_side_is_its_non_violent_gain():
    event = main_event("Soldiers at a camp near Kiganjo surrendered their camp to the rebels on Monday, handing over "
                       "the base without a fight.")
    assert event["sub_event_type"] == "Non-violent transfer of territory"
    assert event["actor2"].startswith("Military Forces of")


@pytest.mark.parametrize("text, sub_event_type", [
    ("The first contingent of 400 police officers of the mission landed at the airport in Kiganjo on Monday.",
     "Change to group/activity"),
    ("The authorities in Kiganjo launched a campaign to recruit 5,000 volunteers on Monday.", "Change to group/activity"),
    ("Rebels blew up a section of railway track near Kiganjo on Monday.", "Remote explosive/landmine/IED"),
])
def test_movements_recruitment_and_sabotage(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_grenade_at_a_home_that_hurt_no_one_struck_civilians():
    event = main_event("Unknown men threw a hand grenade at the house of a village elder in Kiganjo on Monday; no one "
                       "was hurt.")
    assert (event["sub_event_type"], event["actor2"]) == ("Grenade", "Civilians (Kenya)")


def test_what_bombs_are_made_of_is_no_bomb_gone_off():
    assert main_event("Police arrested two men with bomb-making materials in Kiganjo on Monday.")["sub_event_type"] == "Arrests"
    records = records_of("Troops overran a rebel camp near Kiganjo on Monday. The rebels fled, leaving behind rifles and "
                         "bomb components.")
    assert "Remote explosive/landmine/IED" not in [r["sub_event_type"] for r in records]


def test_a_place_where_the_enemy_had_dug_in_is_background_to_its_retaking():
    records = records_of("Troops retook the Kiganjo area on Monday, where rebels had set up positions, after a day-long "
                         "assault. Five rebels and a soldier were killed.")
    assert [(r["sub_event_type"], r["fatalities"]) for r in records] == [("Government regains territory", 6)]


def test_people_taken_away_are_abducted_and_cattle_are_looted():
    assert main_event("Gunmen took away 11 passengers from a bus near Kiganjo on Monday.")["sub_event_type"] == (
        "Abduction/forced disappearance")
    assert main_event("Gunmen stopped a trader's car in Kiganjo on Monday and took him away.")["sub_event_type"] == (
        "Abduction/forced disappearance")
    assert main_event("Bandits took away 300 cattle from herders in Kiganjo on Monday.")["sub_event_type"] == (
        "Looting/property destruction")
    assert main_event("Militants seized about 300 head of cattle from herders near Kiganjo on Monday.")["sub_event_type"] == (
        "Looting/property destruction")


@pytest.mark.parametrize("text, sub_event_type", [
    ("Two grenades exploded at an opposition rally in Kiganjo on Monday, killing 11 people.", "Grenade"),
    ("Al Shabaab militants attacked worshippers during a vigil in Kiganjo on Monday, killing 8.", "Attack"),
    ("Police fired tear gas at an opposition rally in Kiganjo on Monday.", "Protest with intervention"),
])
def test_an_armed_groups_act_at_a_gathering_is_no_protest(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_toll_told_by_a_body_named_for_a_town_is_the_acts_own():
    records = records_of("Gunmen stormed Kiganjo village on Monday and fired on residents. The Nyeri Peace Committee "
                         "said at least 12 people were killed.")
    assert [(r["location"], r["fatalities"]) for r in records] == [("Kiganjo", 12)]


def test_an_act_told_as_what_another_avenged_is_no_event_of_its_own():
    assert [r["sub_event_type"] for r in records_of(
        "Soldiers set fire to 20 houses in Kiganjo on Monday in reprisal for a militant attack nearby.")] == [
        "Looting/property destruction"]


@pytest.mark.parametrize("text", ["Police raided the party's offices in Kiganjo on Monday and arrested 27 supporters.",
                                  "Police conducted raids on homes in Kiganjo on Monday, arresting 40 activists."])
def test_a_raid_made_to_arrest_is_an_arrest(text):
    assert main_event(text)["sub_event_type"] == "Arrests"


def test_fire_opened_on_villagers_holding_a_vigil_is_excessive_force():
    assert main_event("Police opened fire on villagers who were holding a vigil in Kiganjo on Monday.")[
        "sub_event_type"] == "Excessive force against protesters"


def test_a_vehicle_or_people_intercepted_is_no_weapon_disrupted_unless_it_carried_arms():
    assert main_event("Gunmen intercepted the mayor's car in Kiganjo on Monday and shot him dead.")[
        "sub_event_type"] == "Attack"
    assert main_event("Police intercepted a group of robbers in Kiganjo on Monday; in the shoot-out that followed, "
                      "5 robbers were killed.")["sub_event_type"] == "Armed clash"
    assert main_event("Police intercepted a truck carrying explosives in Kiganjo on Monday.")[
        "sub_event_type"] == "Disrupted weapons use"


def test_an_unexploded_shell_that_went_off_is_a_remote_explosive():
    assert main_event("An unexploded mortar round detonated while children played with it in Kiganjo on Monday, "
                      "killing four.")["sub_event_type"] == "Remote explosive/landmine/IED"


@pytest.mark.parametrize("text", ["Rebels used drones to drop bombs on an army post in Kiganjo on Monday.",
                                  "Rebels dropped grenades from a drone on an army post in Kiganjo on Monday."])
def test_bombs_dropped_from_drones_are_a_drone_strike(text):
    assert main_event(text)["sub_event_type"] == "Air/drone strike"


def test_a_posts_capture_is_no_abduction_of_the_unit_named_in_it():
    assert main_event("Rebels captured Border Guard Police Battalion No. 5 headquarters in Kiganjo on Monday.")[
        "sub_event_type"] == "Non-state actor overtakes territory"


def test_a_capture_told_in_a_relative_clause_is_past():
    assert main_event("Soldiers attacked Al Shabaab positions near Kiganjo on Monday, which the militants had "
                      "captured in February.")["sub_event_type"] == "Armed clash"


def test_gunmen_who_block_a_road_are_no_demonstrators():
    assert main_event("Gunmen blocked the highway near Kiganjo on Monday and abducted 14 passengers.")[
        "sub_event_type"] == "Abduction/forced disappearance"
    assert main_event("Youths blocked the highway near Kiganjo on Monday with burning tyres to protest insecurity.")[
        "sub_event_type"] == "Violent demonstration"


def test_a_road_blocked_is_a_riot_only_in_notes_from_before_acleds_typology():
    text = "Youths blocked the highway near Kiganjo on Monday to protest insecurity."
    coded = [extract_records(Article("t", text, published=date(year, 5, 10)))[0]["sub_event_type"] for year in (2015, 2024)]
    assert coded == ["Violent demonstration", "Peaceful protest"]


def test_vigilantes_an_armed_group_attacked_fought_it():
    event = main_event("Bandits attacked vigilantes near Kiganjo on Monday. Ten bandits and 7 vigilantes were killed.")
    assert (event["sub_event_type"], event["fatalities"]) == ("Armed clash", 17)


@pytest.mark.parametrize("text, actor1", [
    ("An IED struck a police patrol in Mandera on Monday. Three policemen were wounded. Al Shabaab cells are suspected.",
     "Al Shabaab"),
])
def test_the_group_whose_cells_are_suspected_set_off_the_bomb(text, actor1):
    assert main_event(text)["actor1"] == actor1


def test_a_mine_of_any_kind_struck_is_a_remote_explosive():
    assert main_event("A farmer was killed when his tractor hit an anti-tank mine near Kiganjo on Monday.")[
        "sub_event_type"] == "Remote explosive/landmine/IED"


def test_the_side_a_shell_was_fired_from_fired_it():
    event = main_event("Mortar bombs fired from M23-held hills struck a camp near Goma on Monday, killing 18 people.")
    assert (event["actor1"], event["actor2"]) == ("M23: March 23 Movement", "Civilians (Democratic Republic of Congo)")


@pytest.mark.parametrize("text", [
    "Police used tear gas and detained 150 people to stop a march by students in Kiganjo on Monday.",
    "Police arrested 25 residents who had staged a sit-in at the council offices in Kiganjo on Monday.",
])
def test_protesters_held_at_their_protest_met_intervention(text):
    assert main_event(text)["sub_event_type"] == "Protest with intervention"


@pytest.mark.parametrize("text", [
    "Residents protested in Kiganjo on Monday and accused police of discriminatory arrests.",
    "Relatives of a man beaten to death by police held a protest in Kiganjo on Monday.",
])
def test_force_a_protest_is_about_is_no_intervention(text):
    assert main_event(text)["sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "Police fired rubber bullets at students holding a sit-in in Kiganjo on Monday. One student lost an eye.",
    "A student lost the sight of one eye after police fired pellets at a peaceful march in Kisumu on Monday. [size=hundreds]",
    "A retired teacher was left in intensive care after a tear gas canister hit his head at a protest outside the "
    "county offices in Nyeri on Monday. [size=hundreds]",
])
def test_protesters_gravely_hurt_met_excessive_force(text):
    assert main_event(text)["sub_event_type"] == "Excessive force against protesters"


def test_tear_gas_shells_are_no_shelling():
    assert main_event("Police fired tear gas shells to stop farmers marching towards Kiganjo on Monday.")[
        "sub_event_type"] == "Protest with intervention"


def test_a_march_to_an_institution_is_a_protest():
    assert main_event("Residents marched to the Kiganjo police station on Monday.")["sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize("text", [
    "Stones were thrown at a procession in Kiganjo on Monday, leading to clashes between two groups.",
    "Party members fought with chairs and fists at a branch meeting in Kiganjo on Monday.",
])
def test_crowds_that_fight_with_stones_chairs_or_fists_riot(text):
    assert main_event(text)["sub_event_type"] == "Mob violence"


def test_a_drone_told_with_who_flew_it_struck():
    assert main_event("A drone operated by the army struck a house in Kiganjo on Monday, killing 3 militants and "
                      "2 children who were nearby.")["sub_event_type"] == "Air/drone strike"


def test_armed_men_the_state_killed_in_a_fight_are_its_other_side():
    event = main_event("Police shot dead 2 armed robbers in a gunfight in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Armed clash", "Unidentified Armed Group (Kenya)")


def test_a_countrys_strikes_that_kill_are_its_air_strikes():
    event = main_event("Turkish strikes killed 6 fighters near Kiganjo overnight.")
    assert (event["sub_event_type"], event["actor1"]) == ("Air/drone strike", "Military Forces of Turkey")
    # a workers' strike is a protest
    assert main_event("Nurses in Kiganjo went on strike on Monday.")["sub_event_type"] == "Peaceful protest"


def test_the_force_that_fell_in_a_battle_is_its_other_side():
    event = main_event("Rebels attacked an army base near Kiganjo on Monday. The attack was repelled; four soldiers and nine "
                       "rebels were killed.")
    assert {event["actor1"], event["actor2"]} == {"Military Forces of Kenya", "Unidentified Armed Group (Kenya)"}


def test_an_act_the_victims_were_accused_of_is_no_event_of_its_own():
    records = records_of("Villagers in Kiganjo lynched two men on Monday. The two were accused of planting a bomb.")
    assert [r["sub_event_type"] for r in records if r["event_type"] != "Strategic developments"] == ["Mob violence"]
    # an armed side accused of an act did it
    assert main_event("The army was accused of shelling a market in Kiganjo on Monday.")["sub_event_type"] == (
        "Shelling/artillery/missile attack")


def test_weapons_seized_in_an_arrest_are_part_of_it():
    records = records_of("Soldiers arrested two rebels in Kiganjo on Monday and seized weapons.")
    assert [r["sub_event_type"] for r in records] == ["Arrests"]
    assert main_event("Police seized a cache of weapons in Kiganjo on Monday.")["sub_event_type"] == "Change to group/activity"
    # alone with the weapons it names, the seizure is the event
    assert main_event("Troops recovered a cache of rifles and grenades near Kiganjo on Monday.")["sub_event_type"] == (
        "Change to group/activity")


def test_a_blast_whose_victims_are_told_only_as_people_struck_civilians():
    event = main_event("A grenade thrown into a bar in Kiganjo killed 3 people and injured 10 on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Grenade", "Civilians (Kenya)")
    # fighters among the dead: no civilians claimed
    event = main_event("A roadside bomb killed 3 soldiers near Kiganjo on Monday.")
    assert event["actor2"] != "Civilians (Kenya)"


def test_election_violence_by_nobody_named_is_a_violent_demonstration():
    assert main_event("Post-election violence went on in Kiganjo on Monday.")["sub_event_type"] == "Violent demonstration"
    assert main_event("Violence was reported during the county elections in Kiganjo.")["sub_event_type"] == "Violent demonstration"
    assert main_event("Gunmen shot dead two voters in post-election violence in Kiganjo on Monday.")["sub_event_type"] == "Attack"


@pytest.mark.parametrize("text", [
    "Police detained two traders in Kiganjo on Monday. The two were found dead in a river three days later.",
    "Gunmen kidnapped a chief near Mandera on Monday. He was shot dead two days later.",
])
def test_captives_later_killed_are_attacked(text):
    record = main_event(text)
    assert (record["sub_event_type"], record["fatalities"] > 0) == ("Attack", True)


@pytest.mark.parametrize("text", [
    "Two factions of the party clashed at a meeting in Kakamega on Monday.",
    "Workers of two rival parties clashed in Kiganjo on Monday, injuring four people.",
    "Green Party and Labour supporters clashed at a rally in Kiganjo on Monday.",
    "Rival youths clashed at a campaign rally in Kiganjo on Monday.",
])
def test_a_clash_of_rival_supporters_is_mob_violence_between_rioters(text):
    record = main_event(text)
    assert (record["sub_event_type"], record["actor1"], record["actor2"]) == (
        "Mob violence", "Rioters (Kenya)", "Rioters (Kenya)")


def test_arrests_by_nobody_named_are_the_polices():
    assert main_event("Several people were arrested in Kisumu on Monday.")["actor1"] == "Police Forces of Kenya"


@pytest.mark.parametrize("text", [
    "Youths beat two journalists in Eldoret on Monday.",
    "Bandits stole 300 goats from herders near Baringo on Monday.",
    "The bodies of two men were found dumped near Kilifi on Monday.",
])
def test_violence_told_without_a_killing_word_is_an_attack(text):
    assert main_event(text)["event_type"] in ("Violence against civilians", "Riots")


@pytest.mark.parametrize("text, sub_event_type", [
    ("In Eldoret on Monday, police fired tear gas at a crowd of traders.", "Protest with intervention"),
    ("Youths barricaded the highway in Limuru on Monday.", "Violent demonstration"),
])
def test_a_crowd_dispersed_or_a_road_barricaded_is_a_demonstration(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_headline_passive_without_its_auxiliary_is_passive():
    record = main_event("Two Al Shabaab suspects arrested with explosives in Kitale on Monday.")
    assert (record["sub_event_type"], record["actor1"], record["actor2"]) == ("Arrests", "Police Forces of Kenya", "Al Shabaab")
    active = main_event("Boko Haram fighters killed at least 17 farmers near Konduga on Sunday.")
    assert active["actor1"].startswith("Boko Haram")


def test_the_side_that_hits_a_bomb_is_acted_upon():
    record = main_event("An army convoy hit a roadside bomb near Gao on Wednesday, killing four soldiers.")
    assert (record["sub_event_type"], record["actor2"]) == ("Remote explosive/landmine/IED", "Military Forces of Mali")
    assert record["actor1"] == "Unidentified Armed Group (Mali)"


def test_residents_who_beat_a_suspect_are_a_mob():
    record = main_event("Residents of Itugu village beat up a man suspected of theft in Embu on Monday.")
    assert (record["sub_event_type"], record["actor1"]) == ("Mob violence", "Rioters (Kenya)")


def test_a_group_arming_itself_is_a_change_to_its_activity():
    assert main_event("Youths in Molo were reported to be arming themselves ahead of the vote.")["sub_event_type"] == "Change to group/activity"


def test_protesters_injured_by_the_police_is_excessive_force():
    text = "Twelve students were injured when police dispersed a protest over fees in Kisii on Monday."
    assert main_event(text)["sub_event_type"] == "Excessive force against protesters"


def test_an_event_known_only_to_its_month_is_coded_to_its_15th():
    record = main_event("In March, gunmen killed three traders in Mandera, officials said.")
    assert (record["event_date"], record["time_precision"]) == ("2024-03-15", 3)


@pytest.mark.parametrize("text", [
    "An explosive device was discovered near a church in Garissa on Monday.",
    "Bomb found planted under a bus in Mombasa",
])
def test_a_bomb_found_before_it_went_off_is_disrupted_weapons_use(text):
    record = main_event(text)
    assert (record["sub_event_type"], record["actor1"]) == ("Disrupted weapons use", "Unidentified Armed Group (Kenya)")


@pytest.mark.parametrize("text, sub_event_type, actor1", [
    # residents who burn a house are a mob
    ("Angry residents set ablaze the house of a suspected thief in Kakamega.", "Mob violence", "Rioters (Kenya)"),
    # a victim told passively was hurt by the side told attacking
    ("Two traders were killed after a mob attacked them in Bungoma over a land row.", "Mob violence", "Rioters (Kenya)"),
    # supporters who attack are their party's militia, supporters who clash a mob
    ("ODM supporters attacked a rival candidate in Kisumu on Monday.", "Attack", "ODM: Orange Democratic Movement"),
    ("ODM and Jubilee supporters clashed in Kisumu on Monday.", "Mob violence", "Rioters (Kenya)"),
    # the auxiliary of a passive may be inside the trigger: "was beaten ... by residents"
    ("A suspected thief was beaten to death by residents of a Kisumu estate.", "Mob violence", "Rioters (Kenya)"),
])
def test_who_a_crowds_or_followers_violence_is_coded_as(text, sub_event_type, actor1):
    record = main_event(text)
    assert (record["sub_event_type"], record["actor1"]) == (sub_event_type, actor1)


def test_a_passive_violent_verb_is_an_act_though_its_victim_is_no_actor():
    assert main_event("A clerk was beaten at a polling station in Garissa.")["sub_event_type"] == "Attack"


@pytest.mark.parametrize("text, sub_event_type, fatalities", [
    # the toll of clashes in a protest's story is the protest's when nobody else is named
    ("Students rioted over fees at a college in Kisii. One student was shot dead in clashes with police.",
     "Violent demonstration", 1),
    # deaths a protest is about are its grievance, however far back the cue
    ("Nurses marched in Kisumu demanding justice for a colleague, a clinical officer, who was found dead last month.",
     "Peaceful protest", 0),
    ("Youths angered by the killing of a rider by a police officer blocked the road at Kiganjo and burned tyres.",
     "Violent demonstration", 0),
    # a killing looked into is the act, its dead its own; one avenged is not
    ("Prosecutors opened an investigation into the killing of three traders by soldiers in Kiganjo on Monday.", "Attack", 3),
    ("In revenge for the killing of a herder, Pokot raiders killed two men in Kiganjo on Monday.", "Attack", 2),
])
def test_whose_toll_it_is(text, sub_event_type, fatalities):
    record = main_event(text)
    assert (record["sub_event_type"], record["fatalities"]) == (sub_event_type, fatalities)


def test_a_date_naming_another_event_does_not_date_this_one():
    record = main_event("Supporters marched in Nyeri to celebrate the court ruling on their August 8 election win.")
    assert record["event_date"] == PUBLISHED.isoformat()


def test_riot_words_swallowed_by_a_dispersal_still_make_a_riot():
    assert main_event("Police fired teargas to disperse rioting traders in Kitale.")["sub_event_type"] == "Violent demonstration"


def test_prison_warders_and_rangers_are_coded_with_the_police():
    assert main_event("Prison warders beat a journalist outside Naivasha prison on Monday.")["actor1"] == "Police Forces of Kenya"


def test_a_town_named_beside_a_road_is_where_the_road_was_blocked():
    record = main_event("Traders blocked the Eldoret-Malaba highway at Turbo on Monday.")
    assert (record["location"], record["geo_precision"]) == ("Turbo", 1)
    # or where the act's people were, though the road's ends are named in the act's own clause
    record = main_event("Riders in Malindi burnt a bus on Monday after it killed one of them on the Mombasa-Malindi highway.")
    assert record["location"] == "Malindi"


def test_police_clashing_with_an_unarmed_crowd_is_mob_violence_against_the_police():
    record = main_event("Police clashed with hawkers in Nakuru on Monday.")
    assert (record["sub_event_type"], record["actor1"], record["actor2"]) == (
        "Mob violence", "Rioters (Kenya)", "Police Forces of Kenya")


def test_a_word_that_tells_no_act_gives_way_to_one_that_does():
    assert main_event("Near the river the bodies turned up on Monday, having been shot from a car.")["sub_event_type"] == "Attack"


def test_a_report_of_nothing_but_a_bare_violent_noun_reports_it():
    assert main_event("Livestock raids go on along the border; killings unconfirmed.")["event_type"] == "Violence against civilians"
    assert records_of("The raids drew condemnation from church leaders.") == []


def test_violence_against_civilians_with_no_named_target_targets_the_places_civilians():
    record = main_event("Unknown gunmen shot dead two people at a bar in Garissa on Thursday.")
    assert (record["event_type"], record["actor2"]) == ("Violence against civilians", "Civilians (Kenya)")
    assert main_event("A mob lynched a suspected thief in Kisumu on Monday.")["actor2"] == "Civilians (Kenya)"


@pytest.mark.parametrize("text, sub_event_type", [
    ("Angry villagers set a suspected cattle thief alight near Kitale on Sunday.", "Mob violence"),
    ("Police fired tear gas into a primary school in Kisumu on Friday, injuring four pupils.", "Attack"),
    ("Fights broke out between rival traders at a market in Eldoret on Monday.", "Mob violence"),
])
def test_acts_told_with_an_object_between_or_by_a_participle_are_events(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_an_event_with_no_place_of_its_own_takes_the_one_named_just_after():
    record = main_event("Gunmen shot dead two herders on Sunday. The shooting happened outside Marsabit.")
    assert record["location"] == "Marsabit"


@pytest.mark.parametrize("response", ["Soldiers pushed back the raiders.", "Police fought back.",
                                      "Officers returned fire.", "The rangers fired back."])
def test_an_attack_met_with_force_is_one_armed_clash(response):
    records = records_of(f"Raiders attacked a village near Baragoi on Monday. {response}")
    assert [r["sub_event_type"] for r in records] == ["Armed clash"]


@pytest.mark.parametrize("published, text, actor1, actor2", [
    # ACLED's coders listed the state first until mid-2018, the attacker first since
    (date(2015, 5, 8), "Gunmen ambushed a police patrol near Wajir on Monday, wounding two officers.",
     "Police Forces of Kenya", "Unidentified Armed Group (Kenya)"),
    (PUBLISHED, "Gunmen ambushed a police patrol near Wajir on Monday, wounding two officers.",
     "Unidentified Armed Group (Kenya)", "Police Forces of Kenya"),
    (date(2015, 5, 8), "Police responded to an attack by bandits near Kiganjo on Monday, killing three of them.",
     "Police Forces of Kenya", "Unidentified Armed Group (Kenya)"),
    # a clash both sides fought keeps the order the text tells
    (date(2015, 5, 8), "Al-Shabaab fighters clashed with Somali soldiers near Baidoa on Tuesday.", "Al Shabaab", "Military Forces of Somalia"),
])
def test_armed_men_attacking_the_state_make_a_battle_whose_sides_acled_lists_by_year(published, text, actor1, actor2):
    event = extract_records(Article("t", text, published=published))[0]
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == ("Armed clash", actor1, actor2)


def test_a_state_force_that_kills_pirates_fights_a_battle():
    event = main_event("Coast guard officers shot dead four pirates off the coast near Lamu on Monday.")
    assert event["sub_event_type"] == "Armed clash"


def test_farmers_and_herders_who_fight_are_communal_militias_in_a_battle():
    event = main_event("Farmers clashed with pastoralists over grazing land near Garsen on Sunday.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Armed clash", "Unidentified Communal Militia (Kenya)", "Unidentified Communal Militia (Kenya)")


@pytest.mark.parametrize("text", [
    "Villagers beat up a suspected thief near the market in Malava.",
    "Residents of Kakoi in Malava, Kakamega county, beat up a man they accused of stealing a cow.",
])
def test_a_crowd_that_beats_someone_is_mob_violence(text):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == ("Mob violence", "Rioters (Kenya)")


def test_the_state_response_that_killed_attackers_is_part_of_their_attack():
    text = ("Gunmen attacked a tallying centre in Hola on Tuesday, stabbing a clerk. "
            "Police intervened, shooting dead two of the attackers.")
    records = records_of(text)
    assert [(r["sub_event_type"], r["fatalities"]) for r in records] == [("Armed clash", 2)]  # fought back
    assert records[0]["actor1"] == "Unidentified Armed Group (Kenya)"


def test_the_lead_act_that_killed_is_the_main_event():
    text = ("Gunmen raided two villages near Witu on Sunday night. "
            "In a second raid nearby on Monday, they killed eleven herders.")
    assert main_event(text)["fatalities"] == 11


def test_the_province_named_after_a_place_is_where_it_lies_not_where_the_event_was():
    event = main_event("Herders burnt homes in a village, Njoro Division in Nakuru, on Monday.")
    assert event["location"] == "Njoro"


def test_people_told_as_killed_after_a_raid_are_its_victims_not_a_mob():
    text = "Al Shabaab fighters raided a market in Mandera on Monday. Most of the 12 people killed were traders."
    records = records_of(text)
    assert [(r["sub_event_type"], r["actor1"], r["fatalities"]) for r in records] == [("Attack", "Al Shabaab", 12)]


def test_crowds_fighting_each_other_riot_as_mob_violence_with_rioters_on_both_sides():
    event = main_event("Supporters of two rival aspirants rioted in Kiganjo and hurled stones at each other.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        taxonomy.MOB_VIOLENCE, "Rioters (Kenya)", "Rioters (Kenya)")
    # the two groups fighting are protesters and the police: a violent demonstration
    event = main_event("Traders rioted in Kiganjo and police fought running battles with them; the two groups traded blows.")
    assert event["sub_event_type"] == taxonomy.VIOLENT_DEMONSTRATION


def test_protesters_named_by_a_demonym_are_of_that_country():
    assert main_event("Somali residents of Kiganjo, Nyeri protested against a police raid.")["actor1"] == "Protesters (Somalia)"
    # the demonym tells whose firm it is, not who protested
    assert main_event("Workers of a Chinese firm protested in Nyeri over unpaid wages.")["actor1"] == "Protesters (Kenya)"


def test_deaths_a_riot_answers_are_not_its_toll():
    event = main_event("Youths rioted in Kiganjo in the response to the deaths of two traders. Police intervened.")
    assert event["fatalities"] == 0


def test_a_member_of_a_force_killing_a_fellow_member_is_the_force_clashing_with_itself():
    text = "In Kiganjo, Nyeri, a police constable opened fire on two of his colleagues after a row over leave."
    (record,) = extract_records(Article(id="t", text=text, published=date(2021, 3, 4)))
    assert record["sub_event_type"] == "Armed clash"
    assert record["actor1"] == record["actor2"] == "Police Forces of Kenya"


def test_a_riot_and_the_police_dispersing_its_crowd_are_one_event():
    text = ("On 3 March, traders blocked the Kiganjo-Karatina road with burning tyres to protest against "
            "new market fees. Officers then lobbed tear gas to disperse the traders.")
    records = extract_records(Article(id="t", text=text, published=date(2019, 3, 4)))
    assert [(r["sub_event_type"], r["actor1"], r["actor2"]) for r in records] == [
        ("Violent demonstration", "Rioters (Kenya)", "Police Forces of Kenya")]


def test_both_parties_named_as_signing_a_deal_are_its_sides():
    text = "On 3 March 2024, elders of the Hawadle and Habar Gidir clans signed a truce in Beledweyne to end a feud."
    (record,) = extract_records(Article(id="t", text=text, published=date(2024, 3, 4)))
    assert (record["sub_event_type"], record["actor1"], record["actor2"]) == (
        "Agreement", "Hawadle Clan Militia (Somalia)", "Habar Gidir Clan Militia (Somalia)")


@pytest.mark.parametrize("text", [
    "In Kiganjo, Nyeri, raiders set fire to granaries and attacked the herders guarding them.",
    "In Kiganjo, Nyeri, police beat a motorcycle rider while arresting him for a missing licence."])
def test_violence_comes_before_the_destruction_or_the_arrest_its_sentence_tells(text):
    records = extract_records(Article(id="t", text=text, published=date(2021, 3, 4)))
    assert [r["sub_event_type"] for r in records][0] == "Attack"


def test_a_crowd_storming_an_office_to_press_a_demand_protests():
    text = "In Kiganjo, Nyeri, boda boda riders stormed the county offices demanding the return of their impounded motorbikes."
    (record,) = extract_records(Article(id="t", text=text, published=date(2021, 3, 4)))
    assert (record["event_type"], record["sub_event_type"]) == ("Protests", "Peaceful protest")


def test_an_attack_named_as_what_a_sweep_followed_is_no_event_of_its_own():
    text = "Police began a sweep of Kiganjo in the wake of an attack on a bus and arrested 300 suspects."
    records = extract_records(Article(id="t", text=text, published=date(2021, 3, 4)))
    assert [r["sub_event_type"] for r in records] == ["Arrests"]


def test_an_act_named_by_its_date_is_history_not_the_news():
    record = main_event("Gunmen abducted two traders suspected of the March 2012 Kiganjo market bombing on Monday.")
    assert record["sub_event_type"] == "Abduction/forced disappearance"


def test_a_report_of_an_act_long_past_keeps_its_toll_with_it():
    records = records_of("On 3 December 2020, gunmen attacked a bus near Kiganjo. Five passengers "
                         "were killed.")
    assert [(r["event_date"], r["fatalities"]) for r in records] == [("2020-12-03", 5)]


def test_an_act_the_text_denies_is_no_event():
    records = records_of("Militia fighters were seen crossing into Kiganjo on Monday. No fighting "
                         "was reported.")
    assert [r["sub_event_type"] for r in records] == ["Change to group/activity"]


@pytest.mark.parametrize("text", [
    "Kenyan soldiers were deployed to Kiganjo on Monday.",
    "Kenyan soldiers were seen mobilising near Kiganjo on Monday.",
])
def test_forces_told_as_moved_are_the_side_that_moved(text):
    record = main_event(text)
    assert (record["sub_event_type"], record["actor1"]) == ("Change to group/activity", "Military Forces of Kenya")


def test_burning_a_telecommunications_mast_is_property_destruction():
    assert main_event("Militants burned down a telecommunications mast in Kiganjo on Monday.")["sub_event_type"] == \
        "Looting/property destruction"


def test_the_side_a_victim_is_accused_of_serving_was_not_attacked():
    record = main_event("Militants executed a trader accused of spying for the Kenyan army in Kiganjo on Monday.")
    assert (record["actor2"], record["civilian_targeting"]) == ("Civilians (Kenya)", True)


def test_a_past_tense_act_after_a_subject_with_an_article_is_still_an_act():
    # a patient's relatives are a crowd: ACLED codes their assault as mob violence
    assert main_event("Relatives of a patient assaulted a nurse at a clinic in Kiganjo on Monday.")["sub_event_type"] == \
        "Mob violence"


def test_hacking_people_is_no_cyber_attack():
    records = records_of("Gunmen raided a farm in Kiganjo on Monday. They went on to hack the "
                         "workers.")
    assert "Other" not in [r["sub_event_type"] for r in records]


@pytest.mark.parametrize("text, expected", [
    ("Militants held a graduation ceremony for 80 new fighters near Kiganjo on Monday.",
     ("Change to group/activity", "Unidentified Armed Group (Kenya)", None)),
    ("Al Shabaab militants conducted a patrol in Kiganjo on Monday.", ("Change to group/activity", "Al Shabaab", None)),
    ("Kenyan soldiers seized a large cache of weapons in Kiganjo on Monday.",
     ("Change to group/activity", "Military Forces of Kenya", None)),
    ("Hundreds of Kenyan troops arrived in Kiganjo on Monday.", ("Change to group/activity", "Military Forces of Kenya", None)),
    ("A bomb went off while two Al Shabaab militants were planting it near Kiganjo on Monday.",
     ("Disrupted weapons use", "Al Shabaab", None)),
    ("Kenyan troops retook Kiganjo on Monday after Al Shabaab militants withdrew without a fight.",
     ("Non-violent transfer of territory", "Military Forces of Kenya", "Al Shabaab")),
    ("Al Shabaab militants took over Kiganjo village on Monday night. No violence was reported.",
     ("Non-violent transfer of territory", "Al Shabaab", None)),
])
def test_strategic_developments_and_who_acted_in_them(text, expected):
    record = main_event(text)
    assert (record["sub_event_type"], record["actor1"], record["actor2"]) == expected


def test_a_civilian_s_arrival_is_no_movement_of_forces():
    assert records_of("The governor arrived in Kiganjo on Monday.") == []


def test_control_regained_of_a_building_is_no_territory():
    record = main_event("Gunmen stormed a hotel in Kiganjo on Monday, killing six civilians, before police regained "
                        "control of the building.")
    assert (record["sub_event_type"], record["fatalities"]) == ("Attack", 6)


def test_arrests_told_with_a_protest_are_its_intervention_not_an_event_of_their_own():
    records = records_of("Traders protested in Kiganjo on Monday against new levies. Police "
                         "dispersed them with tear gas and arrested 15.")
    assert [r["sub_event_type"] for r in records] == ["Protest with intervention"]


def test_the_agent_of_an_attack_on_a_named_place_is_its_actor1():
    record = main_event("Attack on Kiganjo village by Garre militia on Monday.")
    assert (record["actor1"], record["sub_event_type"]) == ("Garre Ethnic Militia (Kenya)", "Attack")


def test_houses_burnt_in_a_deadly_raid_are_part_of_the_raid():
    # ACLED codes destruction alone as looting/property destruction, not beside a killing
    records = records_of("Raiders killed six herders in Kiganjo on Monday and set fire to their huts.")
    assert [r["sub_event_type"] for r in records] == ["Attack"]


def test_the_side_that_finds_the_dead_did_not_kill_them():
    record = main_event("Police recovered the bodies of two traders with gunshot wounds in Kiganjo on Monday.")
    assert (record["sub_event_type"], record["fatalities"]) == ("Attack", 2)
    assert not record["actor1"].startswith("Police")


def test_arrests_ahead_of_a_planned_protest_are_the_event():
    record = main_event("Police arrested eleven student leaders in Kiganjo on Monday ahead of planned protests.")
    assert record["sub_event_type"] == "Arrests"


def test_a_side_that_will_not_say_what_happened_did_not_do_it():
    records = records_of("Gunmen raided an army camp in Kiganjo on Sunday. The army did not say how many soldiers "
                         "died in the raid, which was claimed by Al Shabaab.")
    assert not any(r["actor1"].startswith("Military") and r["actor2"] and r["actor2"].startswith("Military") for r in records)


def test_a_sentence_with_no_place_takes_the_last_one_named_not_the_datelines():
    records = records_of("NAIROBI (Reuters) - The army said on Monday it had killed 12 gunmen in air strikes near "
                         "Lodwar, a day after gunmen attacked a camp there. Officers did not say how many soldiers "
                         "died in Sunday's attack, which was claimed by Al Shabaab.")
    assert {r["location"] for r in records} == {"Lodwar"}


def test_missiles_launched_of_which_some_were_intercepted_struck():
    records = records_of("Militants launched 20 rockets at Kiganjo on Monday, and air defences destroyed 12 of them.")
    assert [r["sub_event_type"] for r in records] == ["Shelling/artillery/missile attack", "Disrupted weapons use"]


@pytest.mark.parametrize("text, actor2", [
    ("Militants attacked a police station in Kiganjo on Monday.", "Police Forces of Kenya"),
    ("Gunmen stormed a checkpost near Kiganjo on Monday.", "Military Forces of Kenya"),
])
def test_an_attack_on_a_post_of_armed_men_is_a_battle_with_its_holders(text, actor2):
    record = main_event(text)
    assert (record["sub_event_type"], record["actor2"]) == ("Armed clash", actor2)


@pytest.mark.parametrize("headline, sub_event_type, actor1", [
    ("Rebels seize key town near Kiganjo", "Non-state actor overtakes territory", None),
    ("Protesters torch police station in Kiganjo", "Violent demonstration", "Rioters (Kenya)"),
    ("Russian missile hits apartment block in Kharkiv, killing 7", "Shelling/artillery/missile attack", "Military Forces of Russia"),
    ("Myanmar junta airstrike kills 40 at village festival", "Air/drone strike", "Military Forces of Myanmar"),
    ("Taliban execute man in public in Ghazni", "Attack", "Military Forces of Afghanistan"),  # the state since 2021
])
def test_headlines_in_the_present_tense(headline, sub_event_type, actor1):
    record = main_event(headline)
    assert record["sub_event_type"] == sub_event_type and (actor1 is None or record["actor1"] == actor1)


def test_vigilantes_killed_are_struck_not_a_mob():
    record = main_event("Bandits attacked Kiganjo on Monday, killing five vigilantes.")
    assert record["sub_event_type"] != "Mob violence" and record["actor1"].startswith("Unidentified")


def test_captives_freed_are_no_new_abduction():
    assert all(r["sub_event_type"] != "Abduction/forced disappearance"
               for r in records_of("Soldiers rescued 15 kidnapped farmers from bandits near Kiganjo on Monday."))


def test_an_army_and_its_allies_arriving_moved():
    record = main_event("The army and reservists arrived in Kiganjo on Monday with armoured vehicles.")
    assert (record["sub_event_type"], record["actor1"]) == ("Change to group/activity", "Military Forces of Kenya")


@pytest.mark.parametrize("text, sub_event_type", [
    ("Bandits attacked Kiganjo village on Monday. During the raid, two of the bandits were killed.", "Armed clash"),
    ("Gunmen attacked Kiganjo on Monday. A farmer was shot dead, as were two of the gunmen.", "Armed clash"),
    ("Gunmen attacked a bank in Kiganjo on Monday. Nine people were injured, two guards among them.", "Attack"),
])
def test_an_attack_whose_attackers_fell_was_fought_back(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Tea farmers in Kiganjo boycott deliveries over late payment.", "Peaceful protest"),
    ("Pupils of a Kiganjo school boycotted classes on Monday.", "Peaceful protest"),
    ("Residents of Kiganjo thronged the streets on Monday demanding a new road.", "Peaceful protest"),
    ("Police dispersed members of a sect who had camped outside the Kiganjo courts.", "Protest with intervention"),
])
def test_boycotts_and_crowds_in_the_streets_are_protests(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_what_followed_an_act_told_in_the_passive_leaves_the_act_the_event():
    assert main_event("In Kiganjo, classes were suspended after rowdy youths attacked the school.")["sub_event_type"] == "Mob violence"
    assert main_event("The government imposed a curfew in Kiganjo after youths attacked a school.")["sub_event_type"] == "Other"


@pytest.mark.parametrize("text, sub_event_type", [
    ("Troops and rebels exchanged heavy gunfire near Kiganjo overnight.", "Armed clash"),
    ("Militiamen beat and robbed displaced people at a camp near Kiganjo.", "Attack"),
    ("Two boys were killed when an unexploded landmine went off near Kiganjo.", "Remote explosive/landmine/IED"),
    ("Soldiers found an unexploded mortar round near Kiganjo and destroyed it.", "Disrupted weapons use"),
])
def test_gunfire_beatings_and_leftover_explosives(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("A lawyer has gone missing after being picked up by men in plainclothes in Kiganjo.", "Abduction/forced disappearance"),
    ("Supporters of rival candidates attacked each other with clubs at a polling station in Kiganjo.", "Mob violence"),
    ("The army deployed more troops to Kiganjo after a series of bandit raids.", "Change to group/activity"),
    ("Parents stormed the school in Kiganjo and destroyed property.", "Mob violence"),
    ("Parents storm school and destroy property in Kiganjo.", "Mob violence"),
])
def test_disappearances_crowds_and_deployments_in_other_words(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_storm_of_the_weather_is_no_conflict():
    assert records_of("A violent storm destroyed 40 houses in Kiganjo on Monday.") == []


def test_tools_downed_are_a_strike():
    assert main_event("Nurses in Kiganjo downed their tools over delayed salaries.")["sub_event_type"] == "Peaceful protest"


def test_an_arrest_of_suspects_linked_to_a_killing_is_the_arrest():
    record = main_event("Detectives arrested a suspect linked to the murder of a businessman in Kiganjo.")
    assert (record["sub_event_type"], record["fatalities"]) == ("Arrests", 0)


def test_fire_on_a_protesting_crowd_that_killed_is_excessive_force_with_its_dead():
    record = main_event("On 8 May, police opened fire on protesting farmers in Kiganjo, killing one protester.")
    assert (record["sub_event_type"], record["fatalities"]) == ("Excessive force against protesters", 1)


@pytest.mark.parametrize("text, sub_event_type", [
    ("Opposition supporters picketed outside the county offices in Kiganjo.", "Peaceful protest"),
    ("Community members assaulted and killed a suspected burglar in Kiganjo.", "Mob violence"),
])
def test_pickets_and_community_justice(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Gunmen torched houses in Kiganjo and shot at fleeing residents, injuring four.", "Attack"),
    ("Gunmen seized two aid workers near Kiganjo on Monday.", "Abduction/forced disappearance"),
    ("Rebels seized the town of Kiganjo on Monday.", "Non-state actor overtakes territory"),
    ("Elders of the two clans signed a peace deal in Kiganjo, ending months of fighting.", "Agreement"),
])
def test_raids_captives_and_deals_that_end_fighting(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Soldiers and jihadists traded fire for hours near Kiganjo.", "Armed clash"),
    ("Church leaders led a procession through Kiganjo to call for peace.", "Peaceful protest"),
    ("Coalition aircraft carried out several strikes on rebel positions around Kiganjo.", "Air/drone strike"),
    ("Gunmen stormed a farm near Kiganjo and shot dead two farm workers.", "Attack"),
])
def test_more_ways_news_tells_fights_marches_and_strikes(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_post_named_after_its_village_in_a_province_is_placed_at_the_village():
    record = main_event("Two police officers were killed after gunmen raided Kiganjo Police Post in Nyeri.")
    assert record["location"] == "Kiganjo"


@pytest.mark.parametrize("text, day", [
    ("Gunmen attacked Kiganjo on Tuesday. Three people were killed in the attack, police said on Wednesday.", "2024-05-07"),
    ("Gunmen killed three people in Kiganjo on Monday, a day after a similar attack nearby.", "2024-05-06"),
])
def test_the_day_of_the_act_not_of_its_telling_nor_of_what_came_before(text, day):
    assert main_event(text)["event_date"] == day


def test_a_notes_own_label_keeps_its_type_whoever_did_it():
    record = main_event("Property destruction: on 3 May, party supporters vandalised a campaign truck in Kiganjo.")
    assert record["sub_event_type"] == "Looting/property destruction"


@pytest.mark.parametrize("text", ["Hundreds of new recruits graduated from a militia's camp near Kiganjo.",
                                  "Thousands of troops massed along the border near Kiganjo."])
def test_recruits_graduating_and_troops_massing_change_a_groups_activity(text):
    assert main_event(text)["sub_event_type"] == "Change to group/activity"


def test_ground_taken_with_air_support_is_the_ground_taken():
    records = records_of("Somali troops backed by US airstrikes retook Jowhar from Al Shabaab on Tuesday.")
    assert [r["sub_event_type"] for r in records] == ["Government regains territory"]


@pytest.mark.parametrize("text, sub_event_type", [
    ("An angry crowd set upon two men suspected of theft in Kiganjo and beat them severely.", "Mob violence"),
    ("Police detained 200 opposition activists in Kiganjo ahead of Saturday's rally.", "Arrests"),
])
def test_a_crowd_setting_upon_people_and_arrests_ahead_of_a_rally(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_an_act_at_each_place_of_a_list_is_an_event_there_the_toll_staying_with_the_first():
    records = records_of("Youths rioted in Embu, Meru and Nanyuki on Monday, and one man was shot dead.")
    assert [r["location"] for r in records] == ["Embu", "Meru", "Nanyuki"]
    assert [r["fatalities"] for r in records] == [1, 0, 0]
    assert len({r["sub_event_type"] for r in records}) == 1


def test_a_road_between_two_towns_is_one_place():
    assert len(records_of("Gunmen shot dead a driver on the road between Embu and Meru on Monday.")) == 1


def test_the_struck_striking_back_is_a_reprisal_of_its_own():
    records = records_of("Pokot raiders attacked Turkana herders near Embu on Monday, killing two. "
                         "In retaliation, Turkana youths killed three Pokot traders in Meru.")
    assert [(r["location"], r["fatalities"]) for r in records] == [("Embu", 2), ("Meru", 3)]


def test_a_clash_fought_with_stones_by_no_armed_side_is_mob_violence():
    record = main_event("Villagers clashed with police officers in Embu on Monday. They pelted the officers with stones.")
    assert record["sub_event_type"] == taxonomy.MOB_VIOLENCE
    assert main_event("Soldiers clashed with militants near Embu on Monday.")["sub_event_type"] == taxonomy.ARMED_CLASH


def test_a_fight_kept_from_happening_is_no_fight():
    event = main_event("Police killed a man in Kiganjo on Monday as he tried to keep two groups from fighting.")
    assert (event["sub_event_type"], event["actor1"]) == ("Attack", "Police Forces of Kenya")


@pytest.mark.parametrize("text, sub_event_type", [
    ("Gunmen hurled grenades at a police patrol in Kiganjo on Monday and fired their rifles at the officers.", "Armed clash"),
    ("Gunmen hurled a grenade at a police patrol in Kiganjo on Monday.", "Grenade"),
    ("Gunmen opened fire and hurled a grenade into a bar in Kiganjo on Monday, killing a waiter.", "Grenade"),
])
def test_grenades_thrown_at_a_force_also_fired_on_are_a_battle(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_an_attack_foiled_by_killing_its_men_is_one_battle():
    records = records_of("Police thwarted an attack in Kiganjo on Monday and killed a wanted militant.")
    assert [r["sub_event_type"] for r in records] == ["Armed clash"]
    assert main_event("Two bombers were killed in Kiganjo on Monday when the bomb they were planting went off.")[
        "sub_event_type"] == "Disrupted weapons use"


@pytest.mark.parametrize("text, sub_event_type", [
    ("Raiders attacked a teacher during ethnic clashes near Kiganjo on Monday.", "Attack"),
    ("Gunmen killed two traders in Kiganjo on Monday amid clashes over land.", "Attack"),
    ("Three people were killed in clashes between herders and farmers near Kiganjo on Monday.", "Armed clash"),
    ("Police killed two men during clashes near Kiganjo on Monday.", "Armed clash"),
])
def test_a_clash_told_as_the_setting_of_an_attack_on_civilians_is_no_event_of_its_own(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_force_that_stepped_in_on_an_armed_attack_fought_the_attackers():
    event = main_event("Police responded to an attack by bandits near Kiganjo on Monday, killing three of them.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Armed clash", "Unidentified Armed Group (Kenya)", "Police Forces of Kenya")


@pytest.mark.parametrize("text, sub_event_type, actor2", [
    ("Unknown gunmen shot dead a security guard at a warehouse in Kiganjo on Monday.", "Armed clash",
     "Private Security Forces (Kenya)"),
    ("A gang of robbers attacked and injured two security guards at a bank in Kiganjo on Monday.", "Armed clash",
     "Private Security Forces (Kenya)"),
    ("Soldiers were deployed to guard the market in Kiganjo after gunmen killed two traders on Monday.", "Attack",
     "Civilians (Kenya)"),
])
def test_hired_guards_are_an_armed_side(text, sub_event_type, actor2):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor2"]) == (sub_event_type, actor2)


@pytest.mark.parametrize("text, sub_event_type", [
    ("A military jet bombed a village near Lashio on Monday, killing eight civilians.", "Air/drone strike"),
    ("A Nigerian Air Force strike on a bandit camp in Zurmi killed 12 bandits on Monday.", "Air/drone strike"),
    ("Members of the teachers' union marched peacefully in Kiganjo on Monday to demand higher pay.", "Peaceful protest"),
    ("Protesters threw bottles at police and set two cars on fire in Kiganjo on Monday.", "Violent demonstration"),
    ("Hundreds of soldiers arrived in Kiganjo on Monday to reinforce the offensive against the rebels.",
     "Change to group/activity"),
])
def test_air_strikes_marches_riots_and_moves_told_in_other_words(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Protesters stormed parliament in Kiganjo on Monday and set part of the building on fire.", "Violent demonstration"),
    ("Supporters of the KANU and the ODM clashed during a campaign rally in Kiganjo on Monday.", "Mob violence"),
])
def test_riots_told_in_other_words(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_armed_men_who_set_on_a_protest_intervene_in_it():
    event = main_event("Unknown men attacked peaceful protesters with whips in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Protest with intervention", "Unidentified Armed Group (Kenya)")
    event = main_event("Residents protesting attacks by bandits were dispersed with tear gas in Kiganjo on Monday.")
    # the grievance's bandits are no side of it; the force that dispersed them, unnamed, is the police
    assert (event["sub_event_type"], event["actor2"]) == ("Protest with intervention", "Police Forces of Kenya")


def test_a_graduation_of_troops_and_a_federal_governments_deal():
    assert main_event("Two hundred new soldiers graduated from a training camp in Kiganjo on Monday.")[
        "sub_event_type"] == "Change to group/activity"
    event = main_event("The federal government and the rebels signed a ceasefire agreement in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor1"]) == ("Agreement", "Government of Kenya")


def test_a_side_the_victims_are_accused_of_supporting_is_not_the_side_struck():
    event = main_event("Soldiers tortured two young men suspected of supporting separatists in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Attack", "Civilians (Kenya)")


def test_a_force_member_among_the_people_killed_does_not_make_a_battle():
    event = main_event("Gunmen killed seven people, including a police officer, in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Attack", "Civilians (Kenya)")
    assert main_event("Gunmen killed two police officers and a trader in Kiganjo on Monday.")["sub_event_type"] == "Armed clash"


def test_liberation_in_a_groups_name_takes_no_ground():
    records = records_of("The Arab League urged Europe on Monday to support the Palestinian Liberation Organization.")
    assert all(r["event_type"] != "Battles" for r in records)
    assert main_event("Government troops liberated the town of Kiganjo from the rebels on Monday.")[
        "sub_event_type"] == "Government regains territory"


def test_a_rebel_groups_member_killed_fell_in_a_battle():
    event = main_event("A senior ONLF member was assassinated in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Armed clash", "ONLA: Ogaden National Liberation Army")


def test_an_encounter_is_a_gunfight():
    event = main_event("Army troops had an encounter with NPA rebels in Las Navas on Monday, leaving two rebels dead.")
    assert (event["sub_event_type"], event["actor2"], event["fatalities"]) == (
        "Armed clash", "NPA: New People's Army", 2)


@pytest.mark.parametrize("text, sub_event_type", [
    ("The Kenya Defence Forces established a forward operating base at Kiganjo on Monday.", "Headquarters or base established"),
    ("The army opened a new advanced operating base in Kiganjo on Monday.", "Headquarters or base established"),
    ("Gunmen took away a mine supervisor and two workers from a gold site near Kiganjo on Monday.",
     "Abduction/forced disappearance"),
    ("Nurses at Kiganjo hospital withdrew emergency services on Monday and gathered at the gate to protest unpaid salaries.",
     "Peaceful protest"),
    ("Pokot and Turkana militias engaged in hours of heavy gunfire near Kiganjo on Monday.", "Armed clash"),
    ("Army helicopter gunships attacked militants near Kiganjo on Monday, killing ten.", "Air/drone strike"),
    ("Helicopters operated by a South African private military company fired on militants near Kiganjo on Monday.",
     "Air/drone strike")])
def test_bases_people_taken_services_withdrawn_and_gunfire_traded(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_an_armed_groups_administrative_office_is_a_base():
    assert main_event("M23 rebels opened a new administrative office in Bunagana on Monday.")[
        "sub_event_type"] == "Headquarters or base established"


def test_a_march_named_as_a_noun_is_a_protest_but_the_month_is_not():
    event = main_event("Police used tear gas to break up a march of farmers in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Protest with intervention", "Police Forces of Kenya")
    assert all(r["event_type"] != "Protests" for r in records_of("Gunmen killed two traders in Kiganjo on the March 5 holiday."))


def test_officials_struck_are_civilians_and_officials_telling_of_a_bomb_did_not_plant_it():
    struck = main_event("Two government officials were ambushed and killed by raiders near Kiganjo on Monday.")
    assert (struck["sub_event_type"], struck["actor2"]) == ("Attack", "Civilians (Kenya)")
    told = main_event("A Kenyan official says a bomb killed four children grazing goats near Kiganjo on Monday.")
    assert told["actor1"] == "Unidentified Armed Group (Kenya)"


def test_who_found_the_dead_did_not_kill_them():
    event = main_event("The bodies of two traders were found by residents of Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor1"]) == ("Attack", "Unidentified Armed Group (Kenya)")


@pytest.mark.parametrize("text, sub_event_type, actor1", [
    ("Residents of Kiganjo - Gatura (Nyeri) caught and thrashed a man they suspected of stealing a goat on Monday.",
     "Mob violence", "Rioters (Kenya)"),
    ("Residents in a neighbourhood of Kiganjo beat a suspected robber on Monday.", "Mob violence", "Rioters (Kenya)"),
    ("Police in Kiganjo rescued a man from a crowd that was beating him on suspicion of trying to abduct a child.",
     "Mob violence", "Rioters (Kenya)"),
    ("Miners armed with sticks and stones attacked the camp of a mining company near Kiganjo on Monday.",
     "Mob violence", "Rioters (Kenya)"),
    ("A group of young men raided a restaurant in Kiganjo on Monday, smashing windows and furniture.",
     "Mob violence", "Rioters (Kenya)"),
])
def test_a_crowds_violence_told_with_where_it_came_from_or_what_it_carried_is_mob_violence(text, sub_event_type, actor1):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == (sub_event_type, actor1)


@pytest.mark.parametrize("text, sub_event_type", [
    # killed fighting no more: former forces are civilians (ACLED)
    ("Gunmen shot dead two former soldiers in Kiganjo on Monday.", "Attack"),
    ("Police fired live rounds at an Aymara march heading peacefully towards Kiganjo on Monday, killing a farmer.",
     "Excessive force against protesters"),
    ("Police detained three activists who were hanging banners outside the county offices in Kiganjo on Monday.",
     "Protest with intervention"),
    ("Supporters of the candidate gathered outside the tallying centre in Kiganjo on Monday. The gathering "
     "dispersed peacefully by evening.", "Peaceful protest"),
    ("Followers of the cleric rallied in Kiganjo on Monday, burning Israeli flags.", "Peaceful protest"),
    ("Traders in Kiganjo closed their shops in a strike against new taxes on Monday.", "Peaceful protest"),
    ("Opposition supporters converged on the electoral commission's offices in Kiganjo on Monday, rejecting the "
     "results.", "Peaceful protest"),
    ("Relatives and tribesmen of a man shot dead last week protested outside the court in Kiganjo on Monday.",
     "Peaceful protest"),
    ("Police used water cannon and sound grenades to stop students marching towards the ministry in Kiganjo on Monday.",
     "Protest with intervention"),
    ("Worshippers marched after Friday prayers in Kiganjo on Monday in solidarity with Gaza.", "Peaceful protest"),
    ("Police used batons to break up a Baloch Yakjehti Committee long march in Kiganjo on Monday.",
     "Protest with intervention"),
    ("Police arrested six teachers who were marching with placards along Main Street in Kiganjo on Monday.",
     "Protest with intervention"),
    ("Students who walked out of their dormitories in Kiganjo over the food were dispersed with tear gas on Monday.",
     "Protest with intervention"),
    ("Retirees held their regular Sunday gathering in front of the company's office in Kiganjo, demanding pensions.",
     "Peaceful protest"),
    ("Residents of Kiganjo banged pots and pans from their balconies on Monday night against the election results.",
     "Peaceful protest"),
    ("Truck drivers in Kiganjo joined a nationwide truckers' strike over fuel quotas on Monday.", "Peaceful protest"),
    ("Members of two rival clans fought with sticks, stones and knives over farmland near Kiganjo on Monday.",
     "Mob violence"),
])
def test_people_and_protests_told_in_other_words(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text, sub_event_type", [
    ("Troops detected and detonated two IEDs planted by insurgents near Kiganjo on Monday.", "Disrupted weapons use"),
    ("A military drone targeting bandits struck villagers at a celebration in Kiganjo on Monday, killing 85.",
     "Air/drone strike"),
    ("JNIM fighters seized the village chief of Kiganjo and three of his relatives on Monday.",
     "Abduction/forced disappearance"),
    ("Gunmen fired on worshippers at a mosque in Kiganjo on Monday.", "Attack"),
    ("PDF fighters attacked a military column near Kiganjo on Monday.", "Armed clash"),
    ("Bombs fired from rebel-held positions hit a camp in Kiganjo on Monday, killing nine displaced people.",
     "Shelling/artillery/missile attack"),
])
def test_acts_of_war_told_in_other_words(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text, sub_event_type, fatalities", [
    ("Villagers in Kiganjo caught three men they accused of stealing cattle before dawn and beat them. Two were "
     "declared dead at the health centre.", "Mob violence", 2),
    ("Relatives of a woman who died after childbirth ransacked the maternity ward of the hospital in Kiganjo on "
     "Monday, beating a nurse.", "Mob violence", 0),
    ("Students of two parties brawled with fists and sticks on the campus in Kiganjo on Monday.", "Mob violence", 0),
    ("A crowd broke into a flour warehouse in Kiganjo on Monday and carried off hundreds of sacks.", "Mob violence", 0),
])
def test_a_crowds_capture_beating_and_looting_told_at_length(text, sub_event_type, fatalities):
    event = main_event(text)
    assert (event["sub_event_type"], event["fatalities"]) == (sub_event_type, fatalities)


@pytest.mark.parametrize("text, actor1", [
    ("Militias of two Marehan sub-clans fought over a water well near Garbahaarey on Monday.", "Marehan Clan Militia (Somalia)"),
    ("Habar Gidir (Saleebaan) and Dir (Surre) clan militias clashed over grazing land near Cadaado on Monday.",
     "Habar Gidir Clan Militia (Somalia)"),
    ("A suicide bomber killed 13 recruits outside a military camp in Mogadishu on Monday. Al Shabaab claimed it.",
     "Al Shabaab"),
    ("Two children were killed when they stepped on a landmine near Buur Hakaba on Monday. Officials blamed Al Shabaab "
     "for planting the mine.", "Al Shabaab"),
])
def test_clans_and_claimants_as_somali_notes_tell_them(text, actor1):
    assert main_event(text)["actor1"] == actor1


@pytest.mark.parametrize("text", ["Rwandan troops recaptured Mbau from insurgents in Cabo Delgado on Monday.",
                                  # and a mission in the country it serves
                                  "AMISOM troops captured the town of Afgooye in Lower Shabelle on Monday."])
def test_foreign_troops_retaking_ground_from_rebels_regain_it_for_the_state(text):
    assert main_event(text)["sub_event_type"] == "Government regains territory"


def test_the_side_ground_was_taken_from_may_be_named_only_in_its_fight():
    records = records_of("Somali troops retook the town of Bulo Burte on Monday. Dozens of Al Shabaab fighters were "
                         "killed in the fighting for the town.")
    assert [(r["sub_event_type"], r["actor2"], r["fatalities"]) for r in records] == [
        ("Government regains territory", "Al Shabaab", 12)]


def test_a_toll_that_names_only_its_dead_joins_the_strike_before_it():
    records = records_of("US aircraft struck a camp near Jilib on Monday. The army later confirmed that Al Shabaab "
                         "commander Ali Farah was among the dead; officials said six militants were killed in all.")
    assert [(r["sub_event_type"], r["actor2"], r["fatalities"]) for r in records] == [("Air/drone strike", "Al Shabaab", 6)]


def test_a_crowd_gathered_of_recruits_or_of_men_who_attack_is_no_protest():
    assert main_event("On Monday a suicide bomber struck a crowd of army recruits gathered at a school in Kiganjo, "
                      "killing 20.")["sub_event_type"] == "Suicide bomb"
    assert main_event("On Monday hundreds of men gathered near a hostel in Kiganjo and attacked foreign "
                      "students.")["event_type"] != "Protests"


@pytest.mark.parametrize("text, sub_event_type, actor1", [
    ("Dhulbahante militias attacked Somaliland army positions near Laascaanood on Monday.", "Armed clash",
     "Dhulbahante Clan Militia (Somalia)"),
    ("A large convoy of Al Shabaab fighters was seen moving from Jilib towards Bu'aale on Monday.",
     "Change to group/activity", "Al Shabaab"),
    ("A contingent of 400 soldiers who had trained abroad arrived in Dhuusamarreeb on Monday.",
     "Change to group/activity", "Military Forces of Somalia"),
])
def test_somali_forces_and_their_movements(text, sub_event_type, actor1):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == (sub_event_type, actor1)


@pytest.mark.parametrize("text", [
    "Thousands of women marched in Kiganjo on Monday carrying portraits of two women killed by the same man.",
    "Relatives gathered at the police station in Kiganjo on Monday to commemorate the 2004 incident in which 85 "
    "protesters died.",
])
def test_a_protest_that_remembers_the_dead_has_no_toll_of_its_own(text):
    event = main_event(text)
    assert (event["sub_event_type"], event["fatalities"]) == ("Peaceful protest", 0)


@pytest.mark.parametrize("text", [
    "The collapse of a railway station canopy killed 15 people in Kiganjo on Monday.",
    "A bridge collapsed in Kiganjo on Monday, killing 15 people.",
])
def test_a_collapse_that_kills_is_no_conflict_event(text):
    assert records_of(text) == []


@pytest.mark.parametrize("text", [
    "Residents beat a suspected pickpocket at the bus terminus in Kiganjo on Monday.",
    "Villagers in Kiganjo punched two forestry officials and damaged their truck on Monday.",
    "A crowd tore down a camp in Kiganjo on Monday, beating several asylum seekers with sticks.",
])
def test_a_crowds_blows_at_people_of_any_kind_are_mob_violence(text):
    assert main_event(text)["sub_event_type"] == "Mob violence"


@pytest.mark.parametrize("sub_event_type, actor1, text", [
    # ACLED tags a demonstration's note with its crowd's size: arrests there are the protest's intervention
    ("Protest with intervention", "Protesters (Kenya)", "On 6 May 2024, police detained 12 traders who walked to the county "
                                                      "offices in Nyeri (Nyeri, Nyeri). [size=dozens]"),
    ("Peaceful protest", "Protesters (Kenya)", "On 6 May 2024, bakers padlocked the county offices in Nyeri (Nyeri, Nyeri) to "
                                               "press for unpaid bills. [size=no report]"),
    ("Mob violence", "Rioters (Kenya)", "On 6 May 2024, residents of Kiganjo (Nyeri, Nyeri) caught two men accused of stealing "
                                        "a goat and whipped them. [size=no report]"),
])
def test_a_note_tagged_with_a_crowd_size_codes_a_demonstration(sub_event_type, actor1, text):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == (sub_event_type, actor1)


def test_the_same_notes_without_the_tag_stay_what_they_tell():
    event = main_event("On 6 May 2024, police detained 12 traders who walked to the county offices in Nyeri (Nyeri, Nyeri).")
    assert event["sub_event_type"] == "Arrests"


@pytest.mark.parametrize("text", [
    "On 6 May 2024, residents of the Majengo neighbourhood of Nyeri (Nyeri, Nyeri) caught a man they accused of theft "
    "and beat him with sticks.",
    "On 6 May 2024, villagers in a remote area near Kiganjo (Nyeri, Nyeri) stoned and burned alive a suspected robber.",
    "On 6 May 2024, two men suspected of theft were beaten to death by residents of Kiganjo, who then set their bodies alight.",
])
def test_crowds_that_seize_burn_or_whip_suspects_commit_mob_violence(text):
    assert main_event(text)["sub_event_type"] == "Mob violence"


@pytest.mark.parametrize("sub_event_type, text", [
    ("Protest with intervention", "Police removed teachers staging a sit-in at the education office in Nyeri on Monday."),
    ("Protest with intervention", "Police stopped a procession of farmers protesting over land in Nyeri on Monday."),
    ("Excessive force against protesters", "Police fired pellets at a march of miners in Nyeri on Monday."),
    ("Excessive force against protesters", "Two students were shot in the legs when police opened fire to stop a march in Nyeri on Monday."),
])
def test_how_force_met_a_protest(sub_event_type, text):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("sub_event_type, text", [
    ("Air/drone strike", "An army drone fired a missile at a group of men near Kiganjo on Monday."),
    ("Air/drone strike", "An attack helicopter fired rockets at rebel positions near Kiganjo on Monday."),
    ("Disrupted weapons use", "Army explosives experts deactivated a car bomb parked near Kiganjo on Monday."),
    ("Disrupted weapons use", "Deminers destroyed an anti-tank mine on the Kiganjo road on Monday."),
])
def test_what_aircraft_fire_and_bombs_made_safe(sub_event_type, text):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_goods_seized_are_no_ground_taken():
    records = records_of("Police arrested 17 suspects in raids on Kiganjo and seized motorcycles and phones on Monday.")
    assert [r["sub_event_type"] for r in records] == ["Arrests"]


@pytest.mark.parametrize("sub_event_type, text", [
    ("Change to group/activity", "The rebels sent large reinforcements, including armoured vehicles and missile units, to Kiganjo on Monday."),
    ("Change to group/activity", "On Monday, the rebel factions announced their dissolution and integration into the army in Kiganjo."),
    ("Looting/property destruction", "Rebel fighters blew up the house of a village elder in Kiganjo on Monday."),
    ("Air/drone strike", "The air force carried out a series of strikes on rebel depots near Kiganjo on Monday."),
])
def test_what_forces_move_announce_demolish_and_strike(sub_event_type, text):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_tagged_note_whose_act_no_word_tells_is_a_peaceful_protest():
    event = main_event("On 6 May 2024, taxi drivers in Nyeri (Nyeri, Nyeri) parked their cars along the main road "
                       "over fuel prices. [size=dozens]")
    assert (event["sub_event_type"], event["actor1"]) == ("Peaceful protest", "Protesters (Kenya)")


def test_the_place_a_protest_stands_with_is_not_where_it_was():
    event = main_event("On 6 May 2024, worshippers in Nyeri (Nyeri, Nyeri) chanted slogans in support of Gaza.")
    assert (event["sub_event_type"], event["location_text"]) == ("Peaceful protest", "Nyeri")


@pytest.mark.parametrize("sub_event_type, text", [
    ("Violent demonstration", "On 6 May 2024, traders angered by new fees broke windows at the county offices in Nyeri "
                              "(Nyeri, Nyeri); police detained four. [size=dozens]"),
    ("Protest with intervention", "On 6 May 2024, police removed residents who had blocked the main road in Nyeri "
                                  "(Nyeri, Nyeri) and detained seven. [size=dozens]"),
    ("Violent demonstration", "On 6 May 2024, traders angered by new taxes threw stones at police in Nyeri (Nyeri, Nyeri). [size=dozens]"),
    ("Protest with intervention", "Police prevented activists from holding a sit-in against the new law in Nyeri on Monday."),
])
def test_a_crowds_anger_and_the_force_it_met(sub_event_type, text):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_armed_herdsmen_where_most_herders_are_of_one_people_are_its_militia():
    event = main_event("On 12 March 2025, armed herdsmen invaded Odugbeho (Agatu, Benue), killing one farmer.")
    assert event["actor1"] == "Fulani Ethnic Militia (Nigeria)"


@pytest.mark.parametrize("sub_event_type, fatalities, text", [
    # the state's fire on a gathered crowd comes first: excessive force, whatever the crowd did next
    ("Excessive force against protesters", 1, "On 6 May 2024, police opened fire on traders who had assembled outside the "
     "county offices in Nyeri (Nyeri, Nyeri), killing one. The crowd had been singing. [size=dozens]"),
    ("Excessive force against protesters", 0, "On 6 May 2024, police fired live rounds into a group of farmers standing in "
     "a disputed field in Nyeri (Nyeri, Nyeri), wounding two. [size=around 50]"),
    # the deaths a crowd gathered over are not its own
    ("Excessive force against protesters", 2, "On 6 May 2024, soldiers fired on residents who had gathered in Nyeri "
     "(Nyeri, Nyeri) to denounce an attack that killed 9 villagers. Two of the residents were killed. [size=no report]"),
])
def test_force_against_a_tagged_crowd_is_excessive_when_it_fired_or_killed(sub_event_type, fatalities, text):
    event = main_event(text)
    assert (event["sub_event_type"], event["fatalities"]) == (sub_event_type, fatalities)
    assert event["actor1"].startswith(("Police Forces", "Military Forces"))  # the force first, the crowd struck second


def test_an_arrest_for_an_earlier_attack_comes_first_without_its_dead():
    records = records_of("On 6 May 2024, police arrested 12 suspects in Nyeri in connection with the raid on Kiganjo, "
                         "in which ten villagers were killed.")
    assert [(r["sub_event_type"], r["fatalities"]) for r in records][0] == ("Arrests", 0)
    assert any(r["fatalities"] == 10 for r in records[1:])


def test_a_report_that_goes_on_to_tell_the_attack_an_arrest_was_for_codes_the_attack():
    event = main_event("On 6 May 2024, officials said four men were held in connection with the ambush of a matatu "
                       "near Kiganjo. One passenger was killed. The attackers fled on foot.")
    assert (event["sub_event_type"], event["fatalities"]) == ("Attack", 1)


@pytest.mark.parametrize("sub_event_type, text", [
    ("Remote explosive/landmine/IED", "A car packed with explosives blew up outside the police station in Kiganjo on Monday, killing two."),
    ("Suicide bomb", "A young man set off explosives strapped to his body at a checkpoint in Kiganjo on Monday."),
    ("Arrests", "Police arrested six members of a rebel cell in Kiganjo on Monday, seizing explosive belts and two grenade launchers."),
])
def test_bombs_in_vehicles_on_bodies_and_seized_in_raids(sub_event_type, text):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_country_named_by_its_money_is_not_where_the_event_was():
    event = main_event("On 6 May 2024, nurses gathered at a clinic in Mabvuku (Harare, Harare), where their leaders asked "
                       "to be paid in US dollars. [size=dozens]")
    assert event["actor1"] == "Protesters (Zimbabwe)"


@pytest.mark.parametrize("text", [
    "Kidnappers took a shopkeeper and his daughter from their home in Kiganjo on Monday.",
    "Gunmen forced a journalist out of his car in Kiganjo on Monday and drove off with him.",
    "Three girls fetching water near Kiganjo were taken by suspected bandits on Monday.",
    "Armed men seized two herders near Kiganjo on Monday and demanded a ransom.",
])
def test_people_taken_from_where_they_were_or_for_a_ransom_are_abducted(text):
    assert main_event(text)["sub_event_type"] == "Abduction/forced disappearance"


def test_the_place_a_note_gives_its_divisions_is_where_the_event_was():
    event = main_event("On 6 May 2024, worshippers gathered in their thousands in Karatina (Mathira, Nyeri) after Friday "
                       "prayers in solidarity with Palestinians in Gaza. [size=thousands]")
    assert (event["actor1"], event["location_text"]) == ("Protesters (Kenya)", "Karatina")


@pytest.mark.parametrize("text", [
    "On Monday the army announced that troops had recaptured Kiganjo from the rebels after heavy fighting.",
    "Soldiers dislodged rebels from Kiganjo on Monday after hours of fighting and reoccupied the town.",
    "Government troops took back Kiganjo on Monday following days of clashes on its outskirts.",
])
def test_ground_the_state_takes_back_after_fighting_is_regained(text):
    assert main_event(text)["sub_event_type"] == "Government regains territory"


@pytest.mark.parametrize("text", [
    "Two men accused of stealing goats were tied up and beaten by villagers in Kiganjo on Monday; one of them died later.",
    "Traders caught a pickpocket after a theft at the market in Kiganjo (Mathira, Nyeri) on Monday and beat him.",
    "A crowd caught a youth accused of stealing a phone in Kiganjo on Monday and burnt him to death. Police came after he had died.",
])
def test_people_who_catch_beat_or_burn_a_suspect_are_a_mob(text):
    records = records_of(text)
    assert [(r["sub_event_type"], r["actor1"]) for r in records] == [("Mob violence", "Rioters (Kenya)")]


@pytest.mark.parametrize("text, actor2", [
    ("Residents caught a thief in Kiganjo on Monday and beat him until police arrived.", "Civilians (Kenya)"),
    ("Security forces fired tear gas to disperse traders who were protesting in Kiganjo on Monday. [size=dozens]",
     "Police Forces of Kenya"),
])
def test_the_side_acted_upon_is_the_one_struck(text, actor2):
    assert main_event(text)["actor2"] == actor2


def test_a_death_told_with_its_own_subject_has_no_doer_outside_its_clause():
    records = records_of("A crowd attacked a man and set his house on fire in Kiganjo on Monday. Police rescued him; he "
                         "died in hospital a week later.")
    assert [(r["sub_event_type"], r["fatalities"]) for r in records] == [("Mob violence", 1)]


@pytest.mark.parametrize("text", [
    "Eight farmers were taken from their fields by militiamen near Kiganjo on Monday.",
    "Soldiers took 15 villagers from Kiganjo on Monday to carry their ammunition.",
])
def test_people_taken_by_armed_men_are_abducted(text):
    assert main_event(text)["sub_event_type"] == "Abduction/forced disappearance"


def test_property_burnt_by_a_group_named_after_the_place_and_day():
    event = main_event("Dozens of houses and a school were burned in Kiganjo on Monday by Al Shabaab militants.")
    assert (event["sub_event_type"], event["actor1"]) == ("Looting/property destruction", "Al Shabaab")


@pytest.mark.parametrize("text", [
    "Two farmers were found shot dead near Kiganjo on Monday. Residents attributed the killing to Al Shabaab.",
    "A bomb killed two police officers in Kiganjo on Monday. Officials blamed the Jubba Front of Al Shabaab.",
])
def test_the_group_blamed_did_the_act_not_the_one_who_blames(text):
    assert main_event(text)["actor1"] == "Al Shabaab"


@pytest.mark.parametrize("text", [
    "A military airstrike on Kiganjo on Monday killed four civilians.",
    "Mortar fire from Kenyan army positions hit a market in Kiganjo on Monday, killing three civilians.",
])
def test_strikes_told_by_the_force_or_where_they_came_from(text):
    assert main_event(text)["actor1"] == "Military Forces of Kenya"


def test_fire_on_people_told_as_protesting_is_force_against_protesters():
    event = main_event("Police opened fire on boda boda riders protesting against a new levy in Kiganjo on Monday. "
                       "[size=hundreds]")
    assert event["sub_event_type"] == "Excessive force against protesters"


def test_a_crowd_gets_the_country_of_the_place_told_before_it():
    records = records_of("Security forces broke up a gathering of nurses outside the county hospital in Kisumu on Monday "
                         "and arrested three of them. The nurses were protesting compulsory overtime. [size=dozens]")
    assert "Protesters (Kenya)" in [r["actor1"] for r in records]


@pytest.mark.parametrize("text, sides", [
    ("A suicide bomber blew himself up in a crowd outside a mosque in Garissa on Friday, killing four.",
     ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")),
    ("A police convoy came under attack near Mandera on Monday; two officers died. Al Shabaab claimed to have killed ten.",
     ("Al Shabaab", "Police Forces of Kenya")),
    ("Gunmen killed four villagers near Kiganjo on Monday. Officials blamed Al Shabaab, which in turn accused "
     "government-allied militias.", ("Unidentified Armed Group (Kenya)", "Civilians (Kenya)")),
    ("A mob burnt down the police post in Kiganjo on Monday after a suspect died in custody.",
     ("Rioters (Kenya)", "Police Forces of Kenya")),
    ("Army engineers defused a bomb near Kiganjo on Monday. The army attributed the device to Al Shabaab.",
     ("Military Forces of Kenya", "Al Shabaab")),
])
def test_who_was_struck_and_whom_a_claim_names(text, sides):
    event = main_event(text)
    assert (event["actor1"], event["actor2"]) == sides


@pytest.mark.parametrize("text, sub_event_type", [
    ("Two herders were found with their throats cut near Kiganjo on Monday.", "Attack"),
    ("Twelve Al Shabaab fighters surrendered to the army in Kiganjo on Monday.", "Change to group/activity"),
    ("Al Shabaab fighters took over Kiganjo on Monday after a brief firefight with police, who withdrew.",
     "Non-state actor overtakes territory"),
])
def test_deaths_surrenders_and_ground_taken(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_side_named_as_an_owner_is_not_the_doer():
    event = main_event("A day after the army's return to Kiganjo, Al Shabaab fighters killed four herders there on Monday.")
    assert event["actor1"] == "Al Shabaab"


def test_the_killing_a_crowd_is_angered_by_is_not_its_toll():
    event = main_event("On 6 May 2024, residents of Kiganjo attacked the chief's office with stones and set a car on fire, "
                       "angered by the killing of two traders by police the day before. [size=hundreds]")
    assert event["fatalities"] == 0


@pytest.mark.parametrize("text, side", [
    ("Police arrested 14 people suspected of collecting taxes for Al Shabaab in Kiganjo on Monday.", "Al Shabaab"),
    ("Gendarmes arrested nine members of the opposition Movement for Justice and Progress (MJP) in Kiganjo on Monday.",
     "MJP: Movement for Justice and Progress"),
    ("A former county governor was arrested in Kiganjo on Monday on corruption charges.", "Civilians (Kenya)"),
    ("Police arrested 20 residents in Kiganjo on Monday after an earlier clash with gang members.", "Civilians (Kenya)"),
])
def test_the_side_arrested_is_the_group_its_people_are_told_of(text, side):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor2"]) == ("Arrests", side)


def test_a_protest_imputed_to_those_arrested_is_not_the_event():
    event = main_event("Gendarmes arrested five party youths in Kiganjo on Monday, accusing them of mobilising for a banned march.")
    assert event["sub_event_type"] == "Arrests"


def test_a_fight_told_by_one_side_s_name_twice_has_the_other_side():
    event = main_event("Al Shabaab fighters attacked an army post in Kiganjo on Monday. The army said it repelled the "
                       "assault, losing two soldiers, and that nine attackers were killed.")
    assert {event["actor1"], event["actor2"]} == {"Al Shabaab", "Military Forces of Kenya"}


def test_a_victim_who_died_at_a_named_hospital_adds_to_the_toll_where_the_blast_was():
    event = main_event("A minibus hit a landmine near Kiganjo on Monday. Five passengers died at the scene and a sixth "
                       "succumbed to his injuries at Nyeri hospital.")
    assert (event["sub_event_type"], event["fatalities"], event["location"]) == ("Remote explosive/landmine/IED", 6, "Kiganjo")


def test_a_toll_raised_by_the_wounded_who_died_is_the_acts_own():
    event = main_event("The ministry first reported 12 soldiers dead after militants attacked an army post in Kiganjo on "
                       "Monday; it later said two of the wounded had died, bringing the toll to 14.")
    assert event["fatalities"] == 14


def test_an_act_told_in_the_past_perfect_days_before_is_not_the_news():
    event = main_event("About twenty people were kidnapped by Al Shabaab fighters from their fields near Kiganjo on Monday. "
                       "The same group had killed four farmers in the area a week earlier.")
    assert (event["sub_event_type"], event["fatalities"]) == ("Abduction/forced disappearance", 0)


@pytest.mark.parametrize("text, expected", [
    ("Government air defences shot down an Al Shabaab drone over Kiganjo on Monday.",
     ("Disrupted weapons use", "Military Forces of Kenya", "Al Shabaab")),
    ("Al Shabaab fighters used a quadcopter to drop explosives on a police station in Kiganjo on Monday, injuring three policemen.",
     ("Air/drone strike", "Al Shabaab", "Police Forces of Kenya")),
    ("Kenyan soldiers backed by allied militiamen recaptured Kiganjo from Al Shabaab on Monday.",
     ("Government regains territory", "Military Forces of Kenya", "Al Shabaab")),
    ("Police units engaged gang members in Kiganjo on Monday, killing three.",
     ("Armed clash", "Police Forces of Kenya", "Unidentified Armed Group (Kenya)")),
    ("The defence ministry sent about 600 special forces troops to Kiganjo on Monday.",
     ("Change to group/activity", "Military Forces of Kenya", None)),
    ("Armed men took about 300 head of cattle from herders near Kiganjo on Monday. No one was hurt.",
     ("Looting/property destruction", "Unidentified Armed Group (Kenya)", "Civilians (Kenya)")),
    ("Two children died when a landmine exploded near Kiganjo on Monday. Officials blamed mines laid by Al Shabaab.",
     ("Remote explosive/landmine/IED", "Al Shabaab", "Civilians (Kenya)")),
    ("Israeli warplanes struck a fuel depot in Hodeidah on Monday. The Houthi health ministry first reported three dead.",
     ("Air/drone strike", "Military Forces of Israel", "Civilians (Yemen)")),
])
def test_weapons_forces_and_goods_named_by_what_they_did(text, expected):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == expected


@pytest.mark.parametrize("text, sub_event_type", [
    ("On 6 May 2024, police used water cannon and batons to stop a procession of students in Kiganjo. The students "
     "demanded a new campus. Several suffered minor injuries. [size=hundreds]", "Protest with intervention"),
    ("On 6 May 2024, police shot pellets at protesters as they marched peacefully in Kiganjo. A student lost his left "
     "eye. [size=hundreds]", "Excessive force against protesters"),
])
def test_a_tagged_note_is_typed_by_how_the_crowd_was_met(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text, expected", [
    ("Two unidentified men threw petrol bombs at the office of a local newspaper in Kiganjo on Monday, burning two cars.",
     ("Looting/property destruction", "Unidentified Armed Group (Kenya)")),
    ("Unknown people torched the offices of the county governor in Kiganjo on Monday.", ("Mob violence", "Rioters (Kenya)")),
    ("Unknown assailants set fire overnight to a pharmacy in Kiganjo on Monday.",
     ("Looting/property destruction", "Unidentified Armed Group (Kenya)")),
    ("A man died in custody at a police station in Kiganjo on Monday; his family said his body bore marks of torture.",
     ("Attack", "Police Forces of Kenya")),
])
def test_who_no_one_knows_and_who_held_the_dead(text, expected):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == expected


def test_passers_by_who_beat_a_man_are_a_mob():
    event = main_event("Passers-by beat a man accused of harassing a woman in Kiganjo on Monday; police rescued him.")
    assert (event["sub_event_type"], event["actor1"]) == ("Mob violence", "Rioters (Kenya)")


@pytest.mark.parametrize("text, actor1", [
    ("The bomb disposal squad defused a bomb planted near a school in Kiganjo on Monday.", "Police Forces of Kenya"),
    ("The bomb disposal unit of the Kenya Defence Forces defused an IED near Kiganjo on Monday.", "Military Forces of Kenya"),
])
def test_a_bomb_disposal_squad_is_the_police_unless_a_force_is_named(text, actor1):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == ("Disrupted weapons use", actor1)


def test_a_bomb_squad_telling_of_a_blast_did_not_plant_it():
    event = main_event("A bomb exploded outside a bank in Kiganjo on Monday, the bomb squad said.")
    assert event["actor1"] == "Unidentified Armed Group (Kenya)"


@pytest.mark.parametrize("text, sub_event_type", [
    ("On 6 May 2024, residents of Kiganjo blocked a road for three hours over water cuts. [size=no report]", "Peaceful protest"),
    ("On 6 May 2024, residents of Kiganjo blocked a road over water cuts; police fired tear gas. [size=no report]",
     "Protest with intervention"),
    ("On 6 May 2024, residents of Kiganjo blocked a road and burnt tyres over water cuts. [size=no report]",
     "Violent demonstration"),
])
def test_a_tagged_note_codes_a_road_blocked_as_a_protest_unless_the_crowd_did_more(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text, actor1", [
    # the source of a report did not do what it tells, but the side it blames did
    ("Police said the bodies of three herders were found near Kiganjo on Monday, all shot in the back. "
     "They blamed an Al Shabaab cell operating in the forest.", "Al Shabaab"),
    ("A matatu hit a landmine near Kiganjo on Monday, killing four passengers. "
     "Police said the mine had been buried by Al Shabaab, which later claimed the blast.", "Al Shabaab"),
    ("A lorry struck a buried bomb near Kiganjo on Monday, killing two traders. Officials said Al Shabaab had planted the device.",
     "Al Shabaab"),
    ("A parcel bomb went off at a bus stop in Kiganjo on Monday, wounding six. Police said Al Shabaab militants were the prime suspects.",
     "Al Shabaab"),
    ("Four herders were kidnapped near Kiganjo on Monday. Local officials suspected an Al Shabaab cell.", "Al Shabaab"),
    ("An airstrike hit a market in Kiganjo on Monday, killing nine traders. Residents attributed the strike to the KDF.",
     "Military Forces of Kenya"),
    # one who says what it did acted: "said today it had", "said its aircraft"
    ("The Kenya Defence Forces said its aircraft struck an Al Shabaab camp near Kiganjo on Monday.", "Military Forces of Kenya"),
    ("The Mombasa Republican Council said today it had torched a police post in Kiganjo on Monday.",
     "MRC: Mombasa Republican Council"),
])
def test_whose_act_a_report_tells(text, actor1):
    assert main_event(text)["actor1"] == actor1


def test_a_side_only_worn_as_a_guise_did_not_act():
    event = main_event("Posing as policemen at a roadblock near Kiganjo, Al Shabaab militants shot dead three travellers on Monday.")
    assert event["actor1"] == "Al Shabaab"


def test_a_death_takes_the_doer_of_the_violence_told_right_after_it():
    event = main_event("Two policemen died near Kiganjo on Monday when Al Shabaab militants on motorbikes opened fire on their post.")
    assert (event["actor1"], event["fatalities"]) == ("Al Shabaab", 2)


def test_the_agent_told_inside_the_act():
    event = main_event("A drone launched by Al Shabaab struck a KDF camp near Kiganjo on Monday, wounding four soldiers.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Air/drone strike", "Al Shabaab", "Military Forces of Kenya")


def test_troops_who_withdrew_after_an_overrun_lost_the_ground_and_its_dead():
    event = main_event("On 6 May 2024, Al Shabaab fighters overran a KDF base near Kiganjo. "
                       "At least six soldiers were killed, officials said, and the troops withdrew towards Nyeri.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["fatalities"]) == (
        "Non-state actor overtakes territory", "Al Shabaab", "Military Forces of Kenya", 6)


def test_raiders_who_withdrew_after_their_own_attack_gave_no_ground():
    records = records_of("Al Shabaab militants attacked a KDF camp near Kiganjo on Monday and then withdrew.")
    assert "Government regains territory" not in {r["sub_event_type"] for r in records}


@pytest.mark.parametrize("text", [
    "The rival factions signed an agreement in Kiganjo on Monday to merge their offices into state bodies.",
    "On 6 May 2024, villagers in Kiganjo held prayers in memory of herders killed in a raid two years ago. [size=dozens]",
])
def test_deaths_remembered_and_state_bodies_are_no_attack(text):
    assert "Attack" not in {r["sub_event_type"] for r in records_of(text)}


@pytest.mark.parametrize("text, sub_event_type", [
    ("Forty Al Shabaab fighters surrendered with their weapons to the KDF in Kiganjo on Monday.", "Change to group/activity"),
    ("Hundreds of MRC members burned their weapons at a ceremony in Kiganjo on Monday.", "Change to group/activity"),
    ("Al Shabaab announced it had set up a regional command headquarters in Kiganjo, which it seized from the KDF in March.",
     "Headquarters or base established"),
    ("Fano militiamen took a nurse and a primary school teacher from their homes in Kiganjo on Monday.",
     "Abduction/forced disappearance"),
    ("A trader was taken off a matatu by armed men near Kiganjo on Monday; there has been no news of him since.",
     "Abduction/forced disappearance"),
])
def test_what_armed_groups_and_their_captives_go_through(text, sub_event_type):
    event = main_event(text)
    assert event["sub_event_type"] == sub_event_type
    if sub_event_type == "Headquarters or base established":
        assert event["actor2"] is None  # a base is set up against no one


@pytest.mark.parametrize("text, sub_event_type", [
    ("On 6 May 2024, miners demanding new licences threw dynamite and stones at police lines in Kiganjo. [size=hundreds]",
     "Violent demonstration"),
    ("On 6 May 2024, police opened fire on villagers who were sitting on the road to protest land grabs in Kiganjo. "
     "A man hit in the chest is in critical condition. [size=around 100]", "Excessive force against protesters"),
    ("On 6 May 2024, a police lorry drove into marchers in Kiganjo, running over a student who was hospitalised with "
     "serious injuries. The march, over school fees, had been peaceful. [size=hundreds]", "Excessive force against protesters"),
    ("On 6 May 2024, police beat a hawker taking part in a sit-in at the county offices in Kiganjo; he suffered a skull "
     "fracture. [size=around 20]", "Excessive force against protesters"),
])
def test_what_a_crowd_did_and_what_was_done_to_it(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text, expected", [
    ("Police arrested 15 student leaders in Kiganjo on Monday over a protest held the previous week.",
     ("Arrests", "Protesters (Kenya)")),
    ("Police arrested 12 people in Kiganjo on Monday who had taken part in road blockades over the weekend.",
     ("Arrests", "Protesters (Kenya)")),
    ("Police arrested party workers in Kiganjo on Monday after the violent protests of the weekend.",
     ("Arrests", "Civilians (Kenya)")),
    ("Police arrested an organiser of the #FuelPrices protests at his home in Kiganjo on Monday.", ("Arrests", "Civilians (Kenya)")),
    ("Police took four party officials into custody in Kiganjo on Monday, accusing them of organising an unlawful rally.",
     ("Arrests", "Civilians (Kenya)")),
])
def test_an_arrest_over_a_protest_is_the_event_and_its_detainees_protesters(text, expected):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor2"]) == expected


def test_property_looted_or_destroyed_is_the_civilians_when_no_one_else_is_named():
    event = main_event("Unidentified men torched five shops in Kiganjo on Monday night.")
    assert (event["sub_event_type"], event["actor2"]) == ("Looting/property destruction", "Civilians (Kenya)")


def test_a_side_that_tells_of_its_own_dead_was_struck():
    event = main_event("A KDF drone hit a car near Kiganjo on Monday. Al Shabaab said two of its members and the driver were killed.")
    assert (event["actor1"], event["actor2"]) == ("Military Forces of Kenya", "Al Shabaab")


@pytest.mark.parametrize("text, sides", [
    ("On 5 May 2024, KDF soldiers repelled an Al Shabaab attack on their camp near Kiganjo, killing ten militants.",
     ("Al Shabaab", "Military Forces of Kenya")),
    ("On 5 May 2024, KDF soldiers repelled a night attack by Al Shabaab on their camp near Kiganjo.",
     ("Al Shabaab", "Military Forces of Kenya")),
    ("On 5 May 2024, Al Shabaab militants attacked a KDF camp near Kiganjo, and soldiers fought back for an hour.",
     ("Al Shabaab", "Military Forces of Kenya")),
    # before ACLED came to list the attacker first, the state attacked came first
    ("On 5 May 2012, KDF soldiers repelled an Al Shabaab attack on their camp near Kiganjo, killing ten militants.",
     ("Military Forces of Kenya", "Al Shabaab")),
])
def test_the_side_whose_attack_was_repelled_acted(text, sides):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == ("Armed clash", *sides)


@pytest.mark.parametrize("text, actor1", [
    ("Gunmen shot dead a trader in Kiganjo on Monday. Police linked the killing to Al Shabaab.", "Al Shabaab"),
    ("Arsonists burned a bus in Kiganjo on Monday. A message signed by the Mombasa Republican Council was left at the scene.",
     "MRC: Mombasa Republican Council"),
])
def test_a_doer_told_by_what_links_the_act_to_it(text, actor1):
    assert main_event(text)["actor1"] == actor1


def test_a_letter_signed_by_someone_is_no_agreement():
    records = records_of("Police in Kiganjo received a letter signed by Al Shabaab on Monday, threatening teachers.")
    assert "Agreement" not in {r["sub_event_type"] for r in records}


@pytest.mark.parametrize("text, sub_event_type", [
    ("Al Shabaab said on 6 May 2024 it had taken the headquarters of the KDF battalion in Kiganjo after a night assault.",
     "Non-state actor overtakes territory"),
    ("The KDF said it used jammers to bring down two explosive-laden drones over Kiganjo on Monday.", "Disrupted weapons use"),
])
def test_ground_taken_and_drones_brought_down(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_soldiers_who_retook_a_prison_wing_took_no_ground():
    records = records_of("Rival gangs fought inside Kiganjo prison on Monday. At least nine inmates died before soldiers "
                         "retook control of the pavilions.")
    assert (records[0]["sub_event_type"], records[0]["fatalities"]) == ("Armed clash", 9)
    assert "Government regains territory" not in {r["sub_event_type"] for r in records}


@pytest.mark.parametrize("text", [
    "On 6 May 2024, ODM and UDA supporters exchanged stones outside a polling station in Kiganjo. [size=no report]",
    "On 6 May 2024, rival youths pelted each other with stones in Kiganjo, injuring twelve people. [size=no report]",
    "On 6 May 2024, supporters of the ODM and the Jubilee Party clashed in Kiganjo, throwing stones. [size=no report]",
])
def test_crowds_fighting_each_other_are_two_mobs(text):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == ("Mob violence", "Rioters (Kenya)", "Rioters (Kenya)")


def test_armed_men_who_attack_protesters_are_no_force_policing_them():
    event = main_event("On 6 May 2024, unidentified gunmen opened fire on residents protesting land grabs in Kiganjo, killing one.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"], event["fatalities"]) == (
        "Attack", "Unidentified Armed Group (Kenya)", "Protesters (Kenya)", 1)


@pytest.mark.parametrize("text, expected", [
    ("Four soldiers were killed when their lorry hit a mine near Kiganjo on Monday. Al Shabaab later took responsibility.",
     ("Al Shabaab", "Military Forces of Kenya")),
    ("Shells landed on a market in Kiganjo on Monday, killing five traders. Residents said the rounds were fired from "
     "Al Shabaab positions in the forest.", ("Al Shabaab", "Civilians (Kenya)")),
    # the group whose leader tells of an attack is no side of it
    ("Al Shabaab fighters killed six herders near Kiganjo on Monday, a KDF commander said.", ("Al Shabaab", "Civilians (Kenya)")),
])
def test_who_took_responsibility_fired_from_or_told_of_it(text, expected):
    event = main_event(text)
    assert (event["actor1"], event["actor2"]) == expected


def test_an_attack_the_attackers_then_fought_out_with_a_force_is_a_battle():
    event = main_event("Gunmen opened fire on pupils sitting an exam in Kiganjo on Monday. "
                       "The gunmen later exchanged fire with police guarding the school.")
    assert (event["sub_event_type"], event["actor2"]) == ("Armed clash", "Police Forces of Kenya")


@pytest.mark.parametrize("text, sub_event_type, actor2", [
    ("Chaos erupted in Kiganjo on Monday after the senator's supporters clashed with those of his rival.",
     "Mob violence", "Rioters (Kenya)"),
    ("A party meeting in Kiganjo turned chaotic on Monday when its supporters clashed over the list of delegates.",
     "Mob violence", "Rioters (Kenya)"),
    ("A man was killed in Kiganjo on Monday in clashes with police.", "Mob violence", "Police Forces of Kenya"),
    ("Party supporters angered by the ruling stormed the court house in Kiganjo on Monday and set it ablaze.",
     "Mob violence", "Civilians (Kenya)"),
])
def test_crowds_that_fight_or_storm_without_arms_riot(text, sub_event_type, actor2):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (sub_event_type, "Rioters (Kenya)", actor2)


def test_a_dispersal_by_a_force_no_one_names_is_the_polices():
    event = main_event("Teachers marching over unpaid arrears were dispersed with tear gas in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Protest with intervention", "Police Forces of Kenya")


@pytest.mark.parametrize("text, sub_event_type", [
    # the dead told in the sentence after the dispersal
    ("Police fired tear gas at farmers marching to the county offices in Kiganjo on Monday. Two of the farmers "
     "were killed.", "Excessive force against protesters"),
    # their hurt alone make no more than an intervention
    ("Police fired tear gas at farmers marching to the county offices in Kiganjo on Monday. Several were hurt.",
     "Protest with intervention"),
    # a road held peacefully is no riot
    ("Police opened fire on traders peacefully blocking the road in Kiganjo on Monday.", "Excessive force against protesters"),
    ("Police fired tear gas to clear traders blocking the Kiganjo bypass on Monday.", "Protest with intervention"),
    ("Police fired tear gas on Monday to prevent hundreds of marchers from reaching the county offices in Kiganjo.",
     "Protest with intervention"),
    ("Traders in Kiganjo kept their shops on Market Street shut on Monday in a strike against new county fees.",
     "Peaceful protest"),
])
def test_what_befell_a_protest(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("text", [
    # people told as protesting by their peace, or by what they gathered to stop
    "Police fired at villagers who were peacefully obstructing a quarry road in Kiganjo on Monday. One villager was killed.",
    "Police fired live rounds at residents of Kiganjo (Nyeri) who had gathered to stop the demolition of a market on Monday.",
    "Police opened fire on a peaceful crowd of opposition supporters in Kiganjo on Monday, killing two men.",
    # deaths told after the dispersal: the force comes first, as in every excessive force
    "Police fired tear gas at farmers marching to the county offices in Kiganjo on Monday. Two of the farmers were killed.",
])
def test_force_against_people_protesting_is_excessive_with_the_force_first(text):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Excessive force against protesters", "Police Forces of Kenya", "Protesters (Kenya)")


@pytest.mark.parametrize("text", [
    "Villagers in Kiganjo (Nyeri) tied two men to a post and beat them on Monday on suspicion of theft.",
    "Residents of Mji wa Kale in Mombasa caught a suspected thief, stripped him and tied him to a tree, beating him on Monday.",
])
def test_villagers_who_caught_and_beat_men_are_a_mob(text):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == ("Mob violence", "Rioters (Kenya)")


def test_a_crowd_that_set_on_protesters_is_a_mob():
    event = main_event("Ruling party supporters armed with clubs attacked peaceful protesters in Kiganjo on Monday, "
                       "injuring dozens.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Mob violence", "Rioters (Kenya)", "Protesters (Kenya)")


@pytest.mark.parametrize("text", [
    "Relatives marched peacefully through Kiganjo on Monday to demand justice for two traders lynched there last month.",
    "Students held a peaceful march in Kiganjo on Monday over the failure of police to stop recent rocket attacks.",
])
def test_violence_a_protest_is_about_is_no_act(text):
    records = records_of(text)
    assert [r["sub_event_type"] for r in records] == ["Peaceful protest"]


def test_smoke_bombs_thrown_to_break_up_a_crowd_are_no_bombing():
    records = records_of("Students protesting fees threw stones at police in Kiganjo on Monday; the officers "
                         "answered with tear gas and smoke bombs.")
    assert [r["sub_event_type"] for r in records] == ["Violent demonstration"]


@pytest.mark.parametrize("text", [
    "Police in Kiganjo said on Monday they had arrested 40 suspects over looting and arson during last week's protests.",
    "Police in Kiganjo arrested 30 youths accused of stone pelting during the riots on Monday.",
])
def test_an_arrest_for_a_riot_is_the_arrest(text):
    assert main_event(text)["sub_event_type"] == "Arrests"


def test_a_fight_the_report_doubts_is_the_forces_killing():
    event = main_event("A suspected smuggler was killed in a so-called 'gunfight' with the Rapid Action Battalion "
                       "near Teknaf on Monday.")
    assert (event["sub_event_type"], event["actor1"]) == ("Attack", "Police Forces of Bangladesh")


def test_armed_herdsmen_fought_are_their_communitys_militia():
    event = main_event("Troops engaged a group of armed herdsmen near Makurdi (Benue) on Monday.")
    assert (event["sub_event_type"], event["actor2"]) == ("Armed clash", "Fulani Ethnic Militia (Nigeria)")


def test_an_armed_sides_own_rally_is_no_protest():
    event = main_event("The M23 held a rally in Bukavu on Monday to present the governor it had appointed.")
    assert (event["sub_event_type"], event["actor1"]) == ("Other", "M23: March 23 Movement")
    assert main_event("Thousands of Houthi supporters rallied in Sanaa on Monday in solidarity with Gaza.")[
        "sub_event_type"] == "Peaceful protest"


def test_weapons_only_one_side_fires_name_it():
    event = main_event("Shahed drones struck a residential block in Sumy on Monday, killing one person.")
    assert event["actor1"] == "Military Forces of Russia"


def test_a_raid_that_hurt_no_one_destroyed_property():
    event = main_event("Gunmen raided a market in Kiganjo on Monday and set fire to twenty stalls. No one was hurt.")
    assert event["sub_event_type"] == "Looting/property destruction"


@pytest.mark.parametrize("text, sub_event_type", [
    ("Residents of Kiganjo detained and tied up three police officers accused of extortion on Monday.", "Mob violence"),
    ("Residents of Kiganjo looted and burned five shops on Monday after rumours that a child had been abducted.",
     "Mob violence"),
    ("Police arrested 60 people in Kiganjo on Monday over the mob attack on a church.", "Arrests"),
])
def test_what_a_crowd_did_and_what_it_was_held_for(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_an_act_told_as_uncertain_is_no_event():
    records = records_of("Gunmen opened fire on shoppers in Kiganjo on Monday. It is not clear if police returned "
                         "fire. At least nine people died in the attack.")
    assert [(r["sub_event_type"], r["fatalities"]) for r in records] == [("Attack", 9)]


def test_men_no_one_knows_who_set_on_someone_are_an_armed_group():
    event = main_event("A journalist was beaten and injured by an unidentified group of youths in Kiganjo on Monday.")
    assert (event["sub_event_type"], event["actor1"]) == ("Attack", "Unidentified Armed Group (Kenya)")
    assert main_event("Youths beat a suspected thief in Kiganjo market on Monday.")["sub_event_type"] == "Mob violence"


@pytest.mark.parametrize("text, sub_event_type, actor1", [
    ("Troops were deployed to Kiganjo on Monday following the previous day's violent protests.",
     "Change to group/activity", "Military Forces of Kenya"),
    ("Unidentified young men set fire to a parked bus in Kiganjo on Monday night; no one was hurt.",
     "Looting/property destruction", "Unidentified Armed Group (Kenya)"),
])
def test_unrest_told_as_a_moves_cause_and_unknown_arsonists(text, sub_event_type, actor1):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"]) == (sub_event_type, actor1)


@pytest.mark.parametrize("text", [
    "The rebels moved hundreds of fighters and armoured vehicles to the border near Kiganjo on Monday.",
    "The rebels began registering men aged 18 to 40 in Kiganjo on Monday for compulsory military service.",
    "Leaders of the militia announced in Kiganjo on Monday that the group had decided to dissolve itself.",
    "Twenty militants turned themselves in with their weapons at the army camp in Kiganjo on Monday.",
    "The army launched a large-scale sweep in the hills near Kiganjo on Monday; no contact was reported.",
])
def test_a_side_moved_grown_or_ended(text):
    assert main_event(text)["sub_event_type"] == "Change to group/activity"


def test_a_protester_gravely_hurt_in_the_next_sentence_met_excessive_force():
    event = main_event("Police fired rubber bullets at residents who were holding a peaceful sit-in outside the county "
                       "offices in Kiganjo on Monday over land. A boy was critically wounded in the head.")
    assert event["sub_event_type"] == "Excessive force against protesters"


@pytest.mark.parametrize("text, sub_event_type", [
    # people named by their protest who made a deal
    ("The county government and protesting traders signed an agreement in Kiganjo on Monday ending a week-long "
     "strike.", "Agreement"),
    # looting told as what troops were sent for
    ("The army deployed troops to Kiganjo on Monday to enforce a curfew imposed after the previous day's looting.",
     "Change to group/activity"),
])
def test_the_act_a_protest_or_looting_is_only_named_in(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_claimed_device_that_struck_a_patrol_is_the_claimants_act_on_it():
    event = main_event("An army patrol hit an IED near Mandera on Monday, killing two soldiers. Al Shabaab claimed the attack.")
    assert (event["actor1"], event["actor2"]) == ("Al Shabaab", "Military Forces of Kenya")


def test_a_person_set_ablaze_is_no_property_destroyed():
    records = records_of("Residents of Kiganjo beat a suspected thief on Monday before setting him ablaze.")
    assert [r["sub_event_type"] for r in records] == ["Mob violence"]


def test_those_a_mob_took_for_criminals_are_civilians():
    assert main_event("Residents set ablaze two suspected kidnappers in Kiganjo on Monday.")["actor2"] == "Civilians (Kenya)"


@pytest.mark.parametrize("text", [
    "Three people were killed and eight wounded when Al Shabaab launched a raid on a convoy near Mandera on Monday.",
    "Five people were injured when suspected Al Shabaab militants sprayed their bus with bullets near Mandera on Monday.",
])
def test_the_side_that_opens_the_clause_after_a_harm_did_it(text):
    assert main_event(text)["actor1"] == "Al Shabaab"


def test_the_sides_named_after_a_toll_and_its_place_fought():
    event = main_event("Six people were killed in Kiganjo, Nyeri County between Borana and Samburu militias on Monday.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == (
        "Armed clash", "Borana Ethnic Militia (Kenya)", "Samburu Ethnic Militia (Kenya)")


def test_the_side_victims_were_said_to_help_is_no_side_of_their_killing():
    event = main_event("Militants dragged a village chief out of his house in Kiganjo on Monday and hacked him to death, "
                       "accusing him of being a police informer.")
    assert (event["sub_event_type"], event["actor2"]) == ("Attack", "Civilians (Kenya)")


@pytest.mark.parametrize("text", [
    "On Monday, villagers in Kiganjo seized three suspected kidnappers and burnt them to death.",
    "On Monday, residents of Kiganjo (Nyeri, Central) caught two suspected robbers after a chase, beat them with clubs "
    "and set one of them on fire. Both died in hospital.",
    "On Monday, residents of Kiganjo seized four suspected gang members, stoned them and set them on fire.",
])
def test_a_crowd_that_took_its_victims_before_beating_them_is_a_mob(text):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == ("Mob violence", "Rioters (Kenya)", "Civilians (Kenya)")


@pytest.mark.parametrize("text, sub_event_type", [
    ("Gunmen killed four herders near Kiganjo on Monday, a local vigilante leader said.", "Attack"),
    ("Police arrested 12 members of a kidnapping gang in Kiganjo on Monday.", "Arrests"),
    ("Police arrested 30 people in Kiganjo on Monday on suspicion of involvement in the looting of shops during last week's riots.",
     "Arrests"),
    ("On Monday, army engineers detonated an IED planted by Al Shabaab on the road to Kiganjo.", "Disrupted weapons use"),
    ("On Monday, the government sent 500 more soldiers to Kiganjo to restore order.", "Change to group/activity"),
])
def test_a_word_that_only_names_the_speaker_a_gang_or_a_charge_is_no_act(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_a_raid_that_took_goods_and_hurt_no_one_is_one_looting():
    records = records_of("Al Shabaab fighters raided Kiganjo on Monday, looting shops and carrying off sacks of food. No casualties were reported.")
    assert [r["sub_event_type"] for r in records] == ["Looting/property destruction"]


@pytest.mark.parametrize("text", [
    "Bandits stormed Kiganjo on Monday, looting grain and rustling 60 goats. The villagers had fled and no one was hurt.",
    "Al Shabaab fighters rustled about 300 camels from herders near Kiganjo on Monday. The herders were let go unhurt."])
def test_herds_taken_from_people_left_unhurt_are_looting(text):
    assert main_event(text)["sub_event_type"] == "Looting/property destruction"


def test_the_act_after_the_reprisal_phrase_is_the_one_reported():
    event = main_event("In reprisal for an earlier raid, Turkana gunmen attacked a Pokot settlement near Kiganjo on Monday, "
                       "killing six herders and burning huts.")
    assert (event["sub_event_type"], event["fatalities"]) == ("Attack", 6)


def test_protesters_who_stoned_a_police_station_before_the_police_fired_rioted():
    event = main_event("On Monday, traders protesting new taxes attacked the Kiganjo police station with stones. "
                       "Police opened fire, killing two people.")
    assert (event["sub_event_type"], event["actor1"], event["fatalities"]) == ("Violent demonstration", "Rioters (Kenya)", 2)


def test_an_attack_told_again_as_repelled_keeps_its_sides():
    event = main_event("On Monday, Al Shabaab fighters attacked an army post near Kiganjo; the assault was repelled, the army said.")
    assert (event["actor1"], event["actor2"]) == ("Al Shabaab", "Military Forces of Kenya")


def test_the_side_whose_assault_was_repelled_attacked():
    event = main_event("On Monday, Kenyan troops repelled a Somali assault near Kiganjo.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == ("Armed clash", "Military Forces of Somalia", "Military Forces of Kenya")


def test_the_place_a_coders_note_says_it_coded_is_the_location():
    event = main_event("On Monday, gunmen killed a trader in Kangemi village (coded as Nyeri with GP2, for unfound Kangemi).")
    assert event["location"] == "Nyeri"


def test_an_is_bomber_is_the_group_not_a_passive():
    event = main_event("On Monday, an IS suicide bomber blew himself up at an army checkpoint near Mosul, killing three soldiers.")
    assert (event["actor1"], event["actor2"]) == ("Islamic State (Iraq)", "Military Forces of Iraq")


@pytest.mark.parametrize("text", [
    "On Monday, amid protests against a new law, a mob entered Kiganjo and hacked two traders to death.",
    "On Monday, two men suspected of stealing goats were tied up and thrashed by a crowd in Kiganjo. One of them died.",
    "On Monday, villagers caught two men allegedly trying to steal cattle in Kiganjo and beat them.",
])
def test_a_crowds_own_violence_is_mob_violence(text):
    assert main_event(text)["sub_event_type"] == "Mob violence"


def test_crowds_of_two_faiths_fighting_are_rioters_on_both_sides():
    event = main_event("On Monday, a procession in Kiganjo came under stone-pelting, triggering a clash between Christian and Muslim groups.")
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == ("Mob violence", "Rioters (Kenya)", "Rioters (Kenya)")


def test_strikers_who_burn_buses_demonstrate_violently():
    event = main_event("On Monday, taxi drivers taking part in a strike torched two buses in Kiganjo. Police fired rubber bullets.")
    assert (event["sub_event_type"], event["actor1"]) == ("Violent demonstration", "Rioters (Kenya)")


def test_security_forces_told_firing_on_a_march_after_it_are_the_police():
    event = main_event("On Monday, hundreds of traders marched in Kiganjo against a new tax. Two of them were killed when "
                       "security forces opened fire.")
    assert (event["sub_event_type"], event["actor1"]) == ("Excessive force against protesters", "Police Forces of Kenya")


def test_the_force_that_arrived_after_a_lynching_is_no_side():
    event = main_event("On Monday, residents of Kiganjo beat and set fire to a man they accused of theft; he died before police arrived.")
    assert (event["actor1"], event["actor2"]) == ("Rioters (Kenya)", "Civilians (Kenya)")


@pytest.mark.parametrize("text, sides", [
    ("On Monday, the army handed over its camp in Kiganjo (Nyeri, Central) to the police.", ("Police Forces of Kenya", "Military Forces of Kenya")),
    ("On Monday, soldiers pulled out of their post in Kiganjo; Al Shabaab fighters moved into the village the next day.",
     ("Al Shabaab", "Military Forces of Kenya")),
])
def test_ground_handed_over_or_left_is_the_takers_act(text, sides):
    event = main_event(text)
    assert (event["sub_event_type"], event["actor1"], event["actor2"]) == ("Non-violent transfer of territory", *sides)


def test_the_side_repelled_after_it_attacked_is_the_attacker():
    event = main_event("On Monday, police officers repelled bandits who attacked Kiganjo village.")
    assert (event["actor1"], event["actor2"]) == ("Unidentified Armed Group (Kenya)", "Police Forces of Kenya")


def test_an_arrest_told_as_who_a_leader_was_is_no_event():
    event = main_event("On Monday, supporters of an opposition leader, arrested two days earlier, clashed with police in Kiganjo.")
    assert event["sub_event_type"] in ("Mob violence", "Violent demonstration")


def test_a_deed_someone_was_accused_of_is_not_the_crowds_act():
    event = main_event("On Monday, angry residents set fire to a police van in Kiganjo after a man accused of raping a child was freed on bail.")
    assert event["sub_event_type"] != "Sexual violence"


@pytest.mark.parametrize("text", [
    "On Monday, a trader was hacked to death by a mob that attacked his shop in Kiganjo, police said.",
    "On Monday, residents of Kiganjo caught two suspected thieves and beat them; one died at the scene, while the other "
    "was rescued by police.",
])
def test_the_police_who_tell_of_a_lynching_or_rescue_its_victim_are_no_side(text):
    assert main_event(text)["actor2"] == "Civilians (Kenya)"


def test_a_leader_captured_by_the_police_is_arrested():
    assert main_event("On Monday, police captured a regional leader of Al Shabaab at a farm near Kiganjo.")["sub_event_type"] == "Arrests"


def test_the_main_clause_after_an_opening_clause_names_the_attacker():
    event = main_event("On Monday, after soldiers detained a gang leader, hundreds of gunmen attacked security forces across "
                       "Kiganjo. Eight people died in the clashes.")
    assert (event["sub_event_type"], event["actor2"]) == ("Armed clash", "Military Forces of Kenya")


def test_a_clandestine_grave_found_is_an_attack_with_its_dead():
    event = main_event("On Monday, a search collective located a clandestine grave containing the remains of at least 11 people "
                       "near Kiganjo.")
    assert (event["sub_event_type"], event["fatalities"]) == ("Attack", 11)


@pytest.mark.parametrize("text, sub_event_type", [
    ("On Monday, police arrested the union's leader in Kiganjo on the first day of the national strike.", "Arrests"),
    ("On Monday, police arrested 20 protesters in Kiganjo on the first day of the national strike.", "Protest with intervention"),
])
def test_a_strike_told_as_when_an_arrest_happened(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_police_firing_on_people_blocking_a_railway_met_a_protest():
    event = main_event("On Monday, police opened fire on residents blocking the railway line and the main road in Kiganjo "
                       "over fuel prices, killing one man.")
    assert event["event_type"] in ("Protests", "Riots")


@pytest.mark.parametrize("text, sub_event_type", [
    ("On Monday, soldiers discovered a weapons cache in a house in Kiganjo. Nobody was arrested.", "Change to group/activity"),
    ("On Monday, police seized ten rifles, four grenades and ammunition hidden in a house in Kiganjo.", "Change to group/activity"),
    ("On Monday, police arrested a gang leader wanted for drug trafficking and murder in Kiganjo.", "Arrests"),
])
def test_weapons_found_an_arrest_not_made_and_a_deed_wanted_for(text, sub_event_type):
    records = records_of(text)
    assert [r["sub_event_type"] for r in records] == [sub_event_type]


@pytest.mark.parametrize("text, sub_event_type", [
    ("On Monday, gunmen stopped a bus near Kiganjo and forced seven passengers off the vehicle.", "Abduction/forced disappearance"),
    ("On Monday, two brothers were forcibly taken by gunmen from a football pitch in Kiganjo.", "Abduction/forced disappearance"),
])
def test_people_forced_off_a_bus_or_forcibly_taken_were_abducted(text, sub_event_type):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_protests_a_deal_ended_leave_the_deal_the_event():
    event = main_event("On Monday, the government and the union leaders agreed to withdraw the tax in Nairobi, ending 11 days "
                       "of protests.")
    assert event["sub_event_type"] == "Agreement"


def test_prisoners_captured_are_no_ground_taken():
    records = records_of("Two clan militias exchanged prisoners captured in earlier clashes at Kiganjo on Monday.")
    assert "Non-state actor overtakes territory" not in [r["sub_event_type"] for r in records]


@pytest.mark.parametrize("text, actor1", [
    ("On Monday BNP activists hacked a local trader to death in Kiganjo.", "BNP: Bangladesh Nationalist Party"),
    ("On Monday supporters of the NUP beat a journalist in Kiganjo.", "NUP: National Unity Platform"),
    # followers of no party named are an armed group of no name
    ("On Monday supporters of a local politician beat a journalist in Kiganjo.", "Unidentified Armed Group (Kenya)"),
])
def test_party_followers_who_attack_are_the_partys_militia(text, actor1):
    assert main_event(text)["actor1"] == actor1


def test_a_regional_office_named_as_the_source_places_nothing():
    text = ("On Monday Russian forces fired mortars at Bilopillia, Ukraine. The Sumy regional military administration "
            "recorded 38 explosions in the town; a man was killed in his garden.")
    assert [(r["sub_event_type"], r["fatalities"]) for r in records_of(text)][:1] == [("Shelling/artillery/missile attack", 1)]


def test_forces_sent_to_counter_an_act_are_the_event():
    text = "On 25 April 2023, militia fighters deployed to checkpoints around Kiganjo to counter a wave of kidnappings."
    records = extract_records(Article("t", text, published=date(2023, 4, 26)))
    assert records[0]["sub_event_type"] == "Change to group/activity"


@pytest.mark.parametrize("sub_event_type, text", [
    # a backer's aircraft do not make the ground taken a support act
    ("Government regains territory", "On Monday troops supported by the air force retook Kiganjo from the rebels, the army "
     "said, adding that several rebels were killed."),
    # the stores a strike was aimed at stop nothing
    ("Air/drone strike", "On Monday US forces carried out air strikes on positions and weapons depots of militias near "
     "Kiganjo."),
    ("Agreement", "On Monday the rebels and the army exchanged 20 prisoners and the bodies of 4 fighters at Kiganjo."),
    ("Agreement", "On Monday two rebel factions exchanged captured fighters near Kiganjo under a local truce."),
    ("Attack", "On Monday the body of Rev. John Mwangi, abducted last week from Kiganjo (Nyeri), was found by the "
     "roadside."),
    ("Excessive force against protesters", "On Monday police opened fire on a peaceful march in Kiganjo. A 15-year-old "
     "boy, Peter Kamau, was hit by a bullet and killed."),
    ("Excessive force against protesters", "On Monday police fired tear gas and rubber bullets on a crowd of the senator's "
     "backers in Kiganjo. Two journalists were seriously injured."),
    ("Attack", "On Monday men armed with machetes attacked people demonstrating against the county in Kiganjo, injuring "
     "several of them."),
    ("Air/drone strike", "On Monday a Russian drone slammed into an apartment block in Kiganjo, killing two residents."),
    ("Disrupted weapons use", "On Monday militants fired six rockets at Kiganjo; all were intercepted and nobody was hurt."),
    ("Change to group/activity", "On Monday the army deployed reinforcements to Kiganjo to pursue the rebels."),
    ("Arrests", "On Monday soldiers stormed the home of an opposition leader in Kiganjo and took him into custody."),
    ("Looting/property destruction", "On Monday gunmen stormed the electoral office in Kiganjo and set it ablaze. Nobody "
     "was hurt."),
    ("Armed clash", "On Monday rebels attacked the 21st Battalion base in Kiganjo. The attack was repelled."),
    ("Mob violence", "On Monday residents of Zone 8 in Kiganjo assaulted two men they accused of theft."),
    ("Grenade", "On Monday, during the opposition's hartal, unknown men threw two crude bombs at a bus in Kiganjo."),
    # people taken whom nobody has seen since are disappeared, not arrested
    ("Abduction/forced disappearance", "On Monday an activist was taken away by soldiers from his home in Kiganjo. His "
     "family said he remains missing."),
    ("Abduction/forced disappearance", "On Monday police detained a journalist in Kiganjo. His family has not heard from "
     "him since."),
    ("Arrests", "On Monday police picked up three student leaders in Kiganjo and charged them with incitement."),
    # what is ahead is the shutdown, not the tyres burnt after the comma
    ("Violent demonstration", "On Monday, on the eve of a national shutdown, a group burned tyres on the main road in "
     "Kiganjo."),
    ("Violent demonstration", "On Monday residents blocked the C71 with rocks and logs in Kiganjo over a broken bridge."),
    # a party's crowd fighting the state's forces demonstrates; rival crowds riot
    ("Violent demonstration", "On Monday ODM supporters clashed with police in Kiganjo, setting fire to two vehicles."),
    ("Peaceful protest", "On Monday traders observed a complete shutter-down strike in Kiganjo against new taxes."),
    ("Peaceful protest", "On Monday youths gathered at the stadium in Kiganjo to mourn those killed in last week's "
     "shooting."),
    # the release demanded is of someone held before, not an arrest of the march
    ("Peaceful protest", "On Monday supporters of the movement marched in Kiganjo demanding the release of their leader, "
     "who had been re-arrested abroad days earlier."),
    ("Abduction/forced disappearance", "On Monday Frontier Guard soldiers raided a house in Kiganjo and took away two "
     "brothers. Their whereabouts were not known."),
    # those whose release is demanded were held before
    ("Mob violence", "On Monday youths demanding the release of suspects arrested over a killing in Kiganjo attacked "
     "two shops."),
    ("Mob violence", "On Monday okada riders attacked police officers who were impounding motorcycles in Kiganjo."),
    ("Air/drone strike", "On Monday military helicopters attacked a school in Kiganjo, killing 13 people."),
    ("Peaceful protest", "On Monday about 20 activists staged a flash mob protest in Kiganjo, chanting slogans."),
    ("Agreement", "On Monday the army and the rebels agreed to a ceasefire in Kiganjo, halting months of fighting."),
    # a deal that ends a protest is the event
    ("Agreement", "On Monday the county and representatives of the protesters reached an agreement in Kiganjo, ending "
     "the six-day sit-in."),
    ("Agreement", "On Monday the government reached an agreement with the union in Kiganjo, leading the union to halt "
     "its march."),
    # the dead found give way to the act told beside them
    ("Mob violence", "On Monday the body of a trader was found in Kiganjo, a day after residents chased and beat him "
     "over claims of theft."),
    # a crowd's looting or arson met by the police, or after its strike, is a demonstration turned violent
    ("Violent demonstration", "On Monday crowds looted a supermarket in Kiganjo, clashing with police who fired rubber "
     "bullets."),
    ("Violent demonstration", "On Monday striking transport workers set three buses alight at the depot in Kiganjo."),
    # a gathering told by its dispersal; arrests told after it are its intervention
    ("Protest with intervention", "On Monday nurses gathered outside the county offices in Kiganjo were dispersed by "
     "police with tear gas."),
    ("Protest with intervention", "On Monday teachers who had gathered in Kiganjo to demand unpaid salaries were "
     "dispersed by police. Twelve were arrested."),
    ("Peaceful protest", "On Monday traders marched to the county offices in Kiganjo over new fees. They dispersed after "
     "talks with officials."),
    # crude bombs as the arms of a crowd's clash; stones at another crowd's procession
    ("Mob violence", "On Monday supporters of two rival candidates clashed with sticks and crude bombs in Kiganjo, "
     "injuring nine."),
    ("Mob violence", "On Monday stones were hurled at a religious procession in Kiganjo and rioters set several shops "
     "ablaze."),
    # herds driven off or rustled, nobody hurt: looting, not an arrest or an attack
    ("Looting/property destruction", "On Monday militants rounded up and drove away hundreds of goats from herders near "
     "Kiganjo."),
    ("Looting/property destruction", "On Monday bandits rustled about 200 head of cattle from herders in Kiganjo. No one "
     "was hurt."),
    # a crowd's justice: suspects caught by residents; a raid told as when the crowd struck; a
    # crowd named with its village and the day
    ("Mob violence", "On Monday two alleged robbers were caught by residents of Kiganjo, assaulted and set alight. "
     "Both men died."),
    ("Mob violence", "On Monday villagers caught three suspected robbers during a night raid in Kiganjo and beat them."),
    ("Mob violence", "Residents of Kiganjo village on 19 February 2022 beat and injured a businessman they accused of "
     "grabbing land."),
    # a killing told with who the victim was before "to death"
    ("Attack", "On Monday a group of party supporters beat a 40-year-old polling agent, John Kamau, to death in Kiganjo."),
    # a torch-light rally is no arson; a fire set by a victim's attackers is what the march is about
    ("Protest with intervention", "On Monday police detained 20 students during a torch-light rally in Kiganjo against "
     "the new fees."),
    ("Peaceful protest", "On Monday students held a candle march in Kiganjo after a woman who was set on fire by her "
     "attackers died in hospital."),
    # more ways to protest: a railway sat on, a law's copies burnt and slogans shouted
    ("Peaceful protest", "On Monday farmers sat on the railway tracks at Kiganjo demanding higher prices for maize."),
    ("Peaceful protest", "On Monday students burnt copies of the new bill in Kiganjo and shouted slogans against the "
     "government."),
    ("Protest with intervention", "On Monday teachers protesting in Kiganjo were dragged into buses by police and "
     "driven out of town."),
    ("Violent demonstration", "Students of Kiganjo High School on Monday set a dormitory ablaze during a strike over the "
     "expulsion of four students."),
    ("Violent demonstration", "On Monday striking mineworkers set a security vehicle alight at a mine near Kiganjo."),
    # ground taken after a siege was fought for; a base handed over without fighting was not
    ("Non-state actor overtakes territory", "On Monday the rebels seized the army's divisional headquarters in Kiganjo "
     "after a long siege; the troops withdrew westwards."),
    ("Non-violent transfer of territory", "On Monday the army base in Kiganjo was handed over to the rebels without "
     "fighting, after mediation by elders."),
    ("Air/drone strike", "On Monday US forces conducted a 'self-defence' strike against militants who were attacking "
     "soldiers near Kiganjo."),
    ("Air/drone strike", "On Monday Mirage jets of the coalition, called in by the army, struck a rebel camp near "
     "Kiganjo."),
])
def test_acts_told_with_their_setting(sub_event_type, text):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_bodies_handed_over_in_an_exchange_are_no_deaths_of_it():
    text = "On Monday the rebels and the army exchanged 20 prisoners and the bodies of 4 fighters at Kiganjo."
    assert main_event(text)["fatalities"] == 0


@pytest.mark.parametrize("sub_event_type, text", [
    # what a crowd stoned: a councillor's house, with no demonstration told
    ("Mob violence", "On Monday youths stoned the house of a ward councillor in Kiganjo."),
    # damage a drought did is the grievance, not the crowd's violence
    ("Peaceful protest", "On Monday farmers marched to the district office in Kiganjo demanding relief food as "
     "drought destroyed their crops."),
    # an attack the march protests is no intervention on it
    ("Peaceful protest", "On Monday teachers marched through Kiganjo to protest against the beating of demonstrators "
     "by police last week."),
    ("Protest with intervention", "On Monday police blocked an opposition march in Kiganjo, arresting eleven people."),
    ("Peaceful protest", "On Monday lecturers withdrew their labour at the university in Kiganjo over unpaid salaries."),
    ("Peaceful protest", "On Monday hundreds of students held a peace walk in Kiganjo to condemn the bombing of a church."),
    ("Peaceful protest", "On Monday thousands of workers marched in Kiganjo for higher pay. The rally broke up peacefully."),
    ("Peaceful protest", "On Monday residents whose homes were destroyed in the fighting protested outside the "
     "governor's office in Kiganjo over compensation."),
    ("Violent demonstration", "On Monday crowds set fire to the consulate in Kiganjo after chanting against the "
     "government's policy."),
    ("Peaceful protest", "On Monday residents gathered outside the county offices in Kiganjo over water shortages. "
     "The gathering dispersed in the evening without incident."),
    ("Peaceful protest", "On Monday residents protested outside the power company in Kiganjo. They dispersed after "
     "officials promised to restore supply."),
    ("Peaceful protest", "On Monday students marched with torches through Kiganjo demanding the arrest of a lecturer's killers."),
    ("Peaceful protest", "On Monday traders whose stalls were gutted in a market fire protested outside the county offices "
     "in Kiganjo. Hundreds of stalls were destroyed in the blaze."),
    ("Excessive force against protesters", "On Monday police opened fire on villagers rallying at Kiganjo against a land "
     "grab, killing four."),
])
def test_what_a_protest_is_about_and_what_its_crowd_did(sub_event_type, text):
    assert main_event(text)["sub_event_type"] == sub_event_type


@pytest.mark.parametrize("sub_event_type, text", [
    # the struck person's errand at a protest is not a protest
    ("Abduction/forced disappearance", "On Monday a medic who had been treating wounded protesters in Kiganjo was "
     "abducted by unidentified gunmen."),
    ("Attack", "On Monday an activist was shot dead by gunmen in Kiganjo while returning from the sit-in."),
    # attackers that withdrew after a firefight gave up no ground
    ("Armed clash", "On Monday an army patrol met rebels near Kiganjo. A soldier was killed in the firefight; the "
     "rebels withdrew, leaving behind a rifle."),
    ("Abduction/forced disappearance", "On Monday armed men seized a British national and his wife from their resort "
     "in Kiganjo."),
    ("Abduction/forced disappearance", "On Monday two opposition leaders were seized from a home in Kiganjo by soldiers."),
    ("Arrests", "On Monday police arrested a suspected kidnapping facilitator at a house in Kiganjo."),
    ("Arrests", "On Monday police arrested a former governor in Kiganjo on a warrant for crimes linked to killings of "
     "protesters."),
    # armed fighters in the streets are no demonstration
    ("Non-state actor overtakes territory", "On Monday hundreds of rebel fighters poured into the streets of Kiganjo "
     "and seized control of the town."),
    ("Attack", "On Monday gunmen opened fire on residents who were marching through Kiganjo, killing seven."),
    ("Armed clash", "On Monday police fought gang members who had blocked the highway at Kiganjo. Two gang members "
     "were killed."),
    # a foreign mission's aircraft bomb as a state's do
    ("Air/drone strike", "On Monday Saudi-led coalition warplanes bombed an air base near Kiganjo."),
    ("Abduction/forced disappearance", "On Monday gunmen raided a house in Kiganjo and drove the owner and his two sons to "
     "an unknown location."),
    ("Abduction/forced disappearance", "On Monday pirates boarded a cargo ship off Kiganjo and took its 25 crew members "
     "hostage."),
    ("Sexual violence", "On Monday, during protests in Kiganjo, soldiers raped several women, rights officials said."),
    ("Armed clash", "On Monday militants armed with machetes and crude bombs attacked police at a checkpoint in Kiganjo. "
     "Two officers were killed in the gunfight."),
    ("Remote explosive/landmine/IED", "On Monday two children were killed by unexploded ordnance they found near Kiganjo."),
    ("Government regains territory", "On Monday the army took Kiganjo Hill, a strategic position, from the rebels."),
    ("Government regains territory", "On Monday the army regained Kiganjo, five months after the rebels took it."),
    ("Looting/property destruction", "On Monday rebels broke into and emptied the aid agency's warehouses in Kiganjo."),
    # a strike told as when it happened, with an act of its own in the sentence
    ("Grenade", "On Monday, the first day of the opposition alliance's 60-hour hartal, youths "
     "hurled crude bombs at a police picket in Kiganjo."),
    ("Air/drone strike", "On Monday the armed forces bombed a rebel camp near Kiganjo, killing ten fighters."),
    ("Remote explosive/landmine/IED", "On Monday an explosive charge ruptured the oil pipeline near Kiganjo."),
])
def test_who_was_struck_and_what_was_taken(sub_event_type, text):
    assert main_event(text)["sub_event_type"] == sub_event_type


def test_security_forces_firing_on_protesters_are_police():
    event = main_event("On Monday security forces fired live rounds at protesters in Kiganjo, killing two.")
    assert event["sub_event_type"] == "Excessive force against protesters"
    assert event["actor1"].startswith("Police Forces of Kenya")


def test_a_coup_protested_puts_no_soldiers_on_the_ground():
    event = main_event("On Monday thousands marched in Kiganjo against the military coup. Security forces fired "
                       "live rounds; two protesters were killed.")
    assert event["actor1"].startswith("Police Forces of Kenya") and event["fatalities"] == 2


def test_a_towns_office_that_counts_the_dead_keeps_them_with_the_strike():
    event = main_event("On Monday rebels fired rockets at a street in Kiganjo (Nyeri, Central). Six civilians were "
                       "killed, Nyeri's health office said.")
    assert event["sub_event_type"] == "Shelling/artillery/missile attack" and event["fatalities"] == 6


def test_the_side_that_blamed_a_group_did_not_set_off_the_bomb():
    event = main_event("On Monday a bomb exploded outside a mall in Kiganjo, killing two. The army blamed Al Shabaab; "
                       "no group claimed the blast.")
    assert event["actor1"] == "Al Shabaab" and event["fatalities"] == 2


def test_a_unit_that_engaged_a_band_of_rebels_clashed_with_them():
    event = main_event("On Monday a patrol of the 15th Infantry Battalion engaged a small band of rebels near Kiganjo. "
                       "One rebel died, according to the army.")
    assert event["sub_event_type"] == "Armed clash" and event["actor1"].startswith("Military Forces of Kenya")


def test_one_killed_and_another_captured_is_no_ground_taken():
    event = main_event("On Monday rebels ambushed an army team near Kiganjo. One soldier was killed and another captured.")
    assert event["sub_event_type"] == "Armed clash" and event["fatalities"] == 1


def test_a_partys_cadres_who_attack_are_its_militia():
    event = main_event("On Monday PF cadres armed with machetes attacked opposition campaigners in Lusaka, wounding three.")
    assert event["actor1"] == "PF: Patriotic Front"


def test_migrants_keep_their_country():
    event = main_event("On Monday border guards fired at Ethiopian migrants near Kiganjo, killing nine.")
    assert event["actor2"].startswith("Civilians (Ethiopia)")


def test_a_partys_men_who_set_on_protesters_are_its_militia():
    event = main_event("On Monday Chhatra League activists attacked students protesting against job quotas in Dhaka.")
    assert event["sub_event_type"] == "Attack" and event["actor1"] == "BCL: Bangladesh Chhatra League"


def test_the_victim_a_march_protests_is_not_its_dead_when_told_again():
    event = main_event("On Monday students marched through Kiganjo over the rape of a young girl. The girl died in "
                       "hospital four days later.")
    assert event["sub_event_type"] == "Peaceful protest" and event["fatalities"] == 0


def test_a_march_police_fired_on_to_stop_it_was_under_way():
    event = main_event("On Monday police fired tear gas in Kiganjo to stop students marching towards the governor's "
                       "residence. Thirty students were injured.")
    assert event["sub_event_type"] == "Protest with intervention"


@pytest.mark.parametrize("text", ["On Monday, according to police, villagers in Kiganjo caught a man they accused of "
                                  "theft and beat him.",
                                  "On Monday villagers in Kiganjo caught a man they accused of theft and beat him, "
                                  "according to police."])
def test_the_source_of_a_report_is_no_side_of_the_act(text):
    event = main_event(text)
    assert "Police" not in f"{event['actor1']} {event['actor2']}" and event["sub_event_type"] == "Mob violence"


@pytest.mark.parametrize("text", ["On Monday soldiers blocked the road to Kiganjo.",
                                  "On Monday police blocked the Kiganjo road to stop rebels from escaping.",
                                  "On Monday rebels and soldiers fought around Kiganjo, blocking traffic on the main road."])
def test_a_road_the_state_blocks_is_no_protest(text):
    assert all(r["event_type"] != "Protests" for r in records_of(text))


def test_a_killing_told_as_before_the_act_is_not_its_toll():
    records = records_of("On Monday residents torched 14 houses in Kiganjo in revenge for the killing of a village "
                         "elder. The elder had been shot dead by herders.")
    assert records[0]["fatalities"] == 0


def test_a_toll_told_where_people_fled_to_is_the_fights_before_it():
    records = records_of("On Monday Al Shabaab and Macawisley militias clashed near Kiganjo. Several people were killed, "
                         "and hundreds of residents fled towards Nyeri.")
    assert [(r["sub_event_type"], r["fatalities"], r["location"]) for r in records] == [("Armed clash", 3, "Kiganjo")]


def test_homes_the_authorities_bulldoze_are_destroyed_not_a_riot_of_those_blamed():
    event = main_event("On Monday the district administration, backed by police, bulldozed dozens of houses in Kiganjo "
                       "belonging to people it accused of throwing stones at a procession.")
    assert event["sub_event_type"] == "Looting/property destruction" and event["actor1"].startswith("Police Forces")


def test_a_crowds_own_act_after_its_grievance_and_a_comma_counts_its_dead():
    event = main_event("On Monday a mob attacked the home of a trader in Kiganjo after a rumour spread, and beat him "
                       "to death with bricks and sticks.")
    assert event["sub_event_type"] == "Mob violence" and event["fatalities"] == 1


def test_rioting_charges_name_an_accusation_not_a_riot():
    assert main_event("On Monday police arrested 12 youths in Kiganjo on rioting charges.")["sub_event_type"] == "Arrests"


def test_a_crowd_word_that_only_says_who_reported_is_no_mob():
    event = main_event("On Monday gunmen raided a hamlet outside Kiganjo and kidnapped three girls, local vigilantes reported.")
    assert event["sub_event_type"] == "Abduction/forced disappearance"


def test_liberation_names_ground_retaken_only_as_the_liberation_of_a_place():
    assert main_event("On Monday a teacher who had refused to pay the rebels' liberation levy was shot dead in "
                      "Kiganjo.")["sub_event_type"] == "Attack"
    assert main_event("On Monday soldiers liberated Kiganjo from the rebels.")["sub_event_type"] == "Government regains territory"


def test_people_told_as_seized_by_an_armed_group_are_abducted():
    event = main_event("On Monday herders grazing near Kiganjo were seized by Boko Haram fighters.")
    assert event["sub_event_type"] == "Abduction/forced disappearance"


def test_the_deed_that_names_whom_a_hunt_is_for_is_an_earlier_event():
    event = main_event("On Monday soldiers searching for the gunmen who attacked a checkpoint torched twenty homes in Kiganjo.")
    assert event["sub_event_type"] == "Looting/property destruction"


def test_a_bomber_stopped_before_the_blast_is_disrupted_weapons_use():
    event = main_event("On Monday guards at the Kiganjo market stopped a teenager wearing an explosive vest and handed him to police.")
    assert event["sub_event_type"] == "Disrupted weapons use"


def test_a_partys_initials_that_spell_a_weapon_are_no_shelling():
    event = main_event("On Monday opposition youths set fire to the local RPG office in Kiganjo.")
    assert event["event_type"] == "Riots"


def test_a_person_intercepted_is_not_a_weapon_intercepted():
    records = records_of("On Monday a blogger was intercepted by police in Kiganjo and driven off to an unknown destination.")
    assert "Disrupted weapons use" not in [r["sub_event_type"] for r in records]


def test_a_verb_after_a_year_named_event_is_the_act_not_part_of_the_name():
    event = main_event("On Monday families displaced since the 2017 floods marched to the town hall in Kiganjo.")
    assert event["sub_event_type"] == "Peaceful protest"


def test_damage_a_coast_suffered_is_no_riot_of_those_who_march_over_it():
    event = main_event("On Monday fishermen marched in Kiganjo over sea erosion, which has destroyed dozens of homes.")
    assert event["sub_event_type"] == "Peaceful protest"


def test_election_material_burnt_is_destruction():
    assert main_event("On Monday youths burned ballot materials at a school in Kiganjo.")["event_type"] in ("Riots", "Strategic developments")


def test_a_beating_with_a_weapon_is_an_attack():
    event = main_event("On Monday a policeman beat a cyclist with a baton at a roadblock in Kiganjo.")
    assert event["sub_event_type"] == "Attack"


def test_a_base_inaugurated_is_a_base_established():
    assert main_event("On Monday the army inaugurated a new forward base in Kiganjo.")["sub_event_type"] \
        == "Headquarters or base established"


def test_state_force_on_a_crowd_told_as_protesting_is_force_against_protesters():
    event = main_event("On Monday police opened fire on villagers who had been blocking the Kiganjo road for days, "
                       "killing one.")
    assert event["sub_event_type"] == "Excessive force against protesters"


def test_a_crowds_clash_with_police_told_with_a_demonstrations_acts_is_a_violent_demonstration():
    event = main_event("On Monday opponents of the governor clashed with police in Kiganjo, blocking streets with burning tyres.")
    assert event["sub_event_type"] == "Violent demonstration"


def test_attacks_those_detained_were_planning_are_no_event_of_their_own():
    event = main_event("On Monday police detained four men in Kiganjo who were allegedly planning attacks on churches.")
    assert event["sub_event_type"] == "Arrests"


def test_arms_seized_in_a_raid_are_no_ground_taken():
    records = records_of("On Monday soldiers raided a house in Kiganjo. Rifles and bomb-making materials were seized.")
    assert "Non-state actor overtakes territory" not in [r["sub_event_type"] for r in records]


def test_a_crowd_entering_a_building_takes_no_ground():
    assert records_of("On Monday striking nurses entered the county offices in Kiganjo.") == []


def test_those_who_came_under_fire_were_attacked_by_whom_it_came_from():
    event = main_event("On Monday an army convoy came under fire from Al Shabaab militants near Kiganjo.")
    assert (event["actor1"], event["actor2"]) == ("Al Shabaab", "Military Forces of Kenya")


def test_the_state_force_whose_operation_killed_rebels_acted():
    event = main_event("On Monday six Al Shabaab fighters were killed near Kiganjo when Kenyan troops launched a clearing operation.")
    assert event["actor1"] == "Military Forces of Kenya"


def test_the_force_whose_dead_are_told_fought_the_rebels_a_fight_names_alone():
    event = main_event("On Monday fighting in Kiganjo went on as Al Shabaab fighters held the market. Nine soldiers were killed.")
    assert (event["actor1"], event["actor2"]) == ("Al Shabaab", "Military Forces of Kenya")


def test_the_group_blamed_after_its_initials_or_held_responsible_attacked():
    event = main_event("On Monday a bomb went off at the Kiganjo market, killing two traders. Al Shabaab (AS) was blamed.")
    assert event["actor1"] == "Al Shabaab"
    event = main_event("On Monday a grenade was thrown at a police post in Kiganjo. The army said Al Shabaab militants were responsible.")
    assert event["actor1"] == "Al Shabaab"


def test_a_crowd_that_presses_a_demand_protests():
    event = main_event("On Monday the unions brought thousands of nurses to the county offices in Kiganjo, demanding unpaid salaries.")
    assert event["sub_event_type"] == "Peaceful protest"
    assert main_event("On Monday thousands of people were displaced by fighting in Kiganjo, and aid groups are calling for "
                      "a ceasefire.")["event_type"] != "Protests"


def test_the_post_a_crowd_stormed_before_its_riot_names_whom_it_struck():
    event = main_event("On Monday a crowd stormed a police station in Kiganjo, pelting it with stones and setting two cars on fire.")
    assert event["actor2"] == "Police Forces of Kenya"


def test_a_crowds_grievance_between_commas_leaves_it_the_doer():
    event = main_event("On Monday traders in Kiganjo, angered by the demolition of their stalls, attacked the county "
                       "offices with stones.")
    assert event["actor1"].startswith("Rioters")


def test_police_who_step_in_and_round_up_marchers_intervene():
    event = main_event("On Monday students marched through Kiganjo over fees. Police stepped in and rounded up forty of them.")
    assert event["sub_event_type"] == "Protest with intervention"
