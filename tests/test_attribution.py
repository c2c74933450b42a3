import json
from datetime import date

import pytest

from eventcoder.article import Article, DateMention
from eventcoder.stages.attribution import find_attributions
from eventcoder.stages.text import split_sentences

PUBLISHED = date(2021, 3, 12)  # a Friday


def run(text: str, published: date | None = PUBLISHED, dates: tuple = ()) -> Article:
    """Splits and attributes a hand-written text; ``dates`` are (words, date, precision, relation)."""
    article = split_sentences(Article(id="t", text=text, published=published))
    for words, when, precision, relation in dates:
        start = text.index(words)
        article.dates.append(DateMention(words, start, start + len(words), when, precision=precision, relation=relation))
    return find_attributions(article)


def attributions(text: str) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.source, m.certainty) for m in run(text).attributions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Local sources said the strike hit a market.", [("Local sources said", "local sources", "reported")]),
        ("The blast killed four people, police said.", [("police said", "police", "reported")]),
        ("Two soldiers died, said the health ministry.", [("said the health ministry", "the health ministry", "reported")]),
        ("Ahmed Yusuf told Reuters the camp was shelled.", [("Ahmed Yusuf told Reuters", "Ahmed Yusuf", "reported")]),
        ("Twelve died, according to the Syrian Observatory for Human Rights.",
         [("according to the Syrian Observatory for Human Rights", "the Syrian Observatory for Human Rights", "reported")]),
        ("According to Omar Ali, a spokesman for the council, the bridge was hit.",
         [("According to Omar Ali", "Omar Ali", "reported")]),
        ("The port was shelled, the broadcaster said, citing local sources.",
         [("the broadcaster said", "the broadcaster", "reported"), ("citing local sources", "local sources", "reported")]),
        ("Media reports said the depot burned.", [("Media reports said", "media reports", "reported")]),
        ("State television reported that rebels fled.", [("State television reported", "state television", "reported")]),
        ("The agency quoted a Houthi commander as saying the base fell.",
         [("The agency quoted a Houthi commander as saying", "a Houthi commander", "reported")]),
        ("Dozens were hurt, with hospital officials indicating more may die.",
         [("hospital officials indicating", "hospital officials", "reported")]),
        ("Al-Shabaab claimed responsibility for the bombing.",
         [("Al-Shabaab claimed responsibility", "Al-Shabaab", "claimed")]),
        ("The army denied that it had shelled the village.", [("The army denied", "the army", "denied")]),
        ("The governor confirmed the deaths of six guards.", [("The governor confirmed", "the governor", "confirmed")]),
        ("Gunmen reportedly abducted 20 pupils.", [("reportedly", None, "reported")]),
        ("Ten people were reported killed in the raid.", [("reported", None, "reported")]),
        ("Troops allegedly burned the houses.", [("allegedly", None, "alleged")]),
        ("The militia is accused of killing the farmers.", [("accused", None, "alleged")]),
        ("The alleged massacre took place near the river.", [("alleged", None, "alleged")]),
        ("The purported strike destroyed a clinic.", [("purported", None, "alleged")]),
    ],
)
def test_each_pattern_gives_its_source_and_certainty(text, expected):
    assert attributions(text) == expected


def test_offsets_point_into_the_text():
    article = run("Fighting raged on. Officials in Kabul said nine died.")
    mention = article.attributions[0]
    assert article.text[mention.start:mention.end] == mention.text == "Officials in Kabul said"


def test_coordinated_sources_give_one_mention_each():
    found = attributions("Earlier on Monday, militia leaders and witnesses said the town fell.")
    assert [source for _, source, _ in found] == ["militia leaders", "witnesses"]


def test_one_name_with_and_is_not_split():
    found = attributions("The Ministry of Foreign Affairs and Expatriates stated the raid was illegal.")
    assert [source for _, source, _ in found] == ["the Ministry of Foreign Affairs and Expatriates"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('"We will not stop," Ibrahim Musa told AFP.', "Ibrahim Musa"),
        ("Zabihullah Mujahid, a Taliban spokesman, said the post was overrun.", "Zabihullah Mujahid"),
        ("He said the convoy was ambushed.", None),
        ("The Arakan Army (AA) announced it had taken the base.", "the Arakan Army"),
        ("The convoy was hit, the district commissioner said.", "the district commissioner"),
        ("President Tinubu today accused the bandits of the raid.", "President Tinubu"),
        ("The emir was quoted today as saying the talks failed.", "the emir"),
    ],
)
def test_speaker_around_quotes_asides_and_pronouns(text, source):
    assert attributions(text)[0][1] == source


@pytest.mark.parametrize(
    "text",
    [
        "The coalition purportedly fighting the insurgents bombed a bridge.",  # hedges the actor's aim
        "The explosion claimed the lives of 14 people.",
        "Aid convoys were denied access to the city.",
        "Residents were told to leave their homes.",
        "The much-reported collaboration ended.",
        "The United States sent more troops.",  # "States" is no verb
    ],
)
def test_no_attribution_where_nothing_is_attributed(text):
    assert attributions(text) == []


def status_of(text: str, published: date | None = PUBLISHED, dates: tuple = ()) -> list[str]:
    return [s.status for s in run(text, published, dates).statuses]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Militants stormed a police post.", "new"),
        ("The army has been shelling the district for weeks.", "ongoing"),
        ("Clashes continue in the north.", "ongoing"),
        ("The ongoing offensive displaced thousands.", "ongoing"),
        ("Troops have massed on the border in recent days.", "ongoing"),
        ("The town has been under siege by the rebels.", "ongoing"),
        ("The insurgency first broke out in the east.", "background"),
        ("The city was the birthplace of the uprising.", "background"),
        ("The group was formed after two factions merged.", "background"),
        ("The front rebranded itself as a new alliance.", "background"),
        ("In the past, the militia controlled the port.", "background"),
        ("The militants previously held the airport.", "background"),
        ("The rebels plan to attack the capital.", "future"),
        ("The junta vowed to crush the protests.", "future"),
        ("The group threatened to kill the hostages.", "future"),
        ("Officials warned the dam would burst.", "future"),
        ("The army is expected to enter the city.", "future"),
        ("The commander said the port will be next.", "future"),
        ('"We\'ll take the valley," the commander said.', "future"),
        ("Villagers fled in anticipation of a new offensive.", "future"),
        ("Its fall would cut the supply line.", "future"),  # hypothetical: no event, see module doc
        ("Its fall would cut the line to the base, which has been under siege in recent days.", "ongoing"),
        ("The advisers told the envoys not to continue north.", "new"),
    ],
)
def test_status_cues(text, status):
    assert status_of(text) == [status]


def test_each_sentence_gets_a_status_with_its_cue():
    article = run("Gunmen killed two guards. The rebels plan to attack the port.")
    assert [(s.sentence, s.status, s.cue) for s in article.statuses] == [(0, "new", None), (1, "future", "plan to")]


@pytest.mark.parametrize(
    ("text", "dates", "status"),
    [
        # "since" an old date is background, since a recent one ongoing
        ("The coalition has been bombing the area since May 2016.",
         [("May 2016", date(2016, 5, 1), 3, "since")], "background"),
        ("Since February 20, the army has been besieging the town.",
         [("February 20", date(2021, 2, 20), 1, "since")], "ongoing"),
        # only dates months or years before publication
        ("On October 3, 2019, the ministry stated the strikes were illegal.",
         [("October 3, 2019", date(2019, 10, 3), 1, "on")], "background"),
        ("The rebels seized the town in 2014.", [("in 2014", date(2014, 1, 1), 3, "on")], "background"),
        # a recent date and a past verb make news, even with a past perfect or a history cue
        ("Earlier on Thursday, witnesses said a delegation had entered the town.",
         [("Earlier on Thursday", date(2021, 3, 11), 1, "on")], "new"),
        ("On Tuesday the front, which was formed in 2015, attacked the base.",
         [("On Tuesday", date(2021, 3, 9), 1, "on"), ("in 2015", date(2015, 1, 1), 3, "on")], "new"),
        # a recent date with only a reporting verb does not outrank a threat
        ("On Friday the group said it will attack the capital.",
         [("On Friday", date(2021, 3, 12), 1, "on")], "future"),
        # a date the dates stage marks as lasting ("in recent days", "this week")
        ("Fighters gathered near the town this week.", [("this week", date(2021, 3, 8), 2, "ongoing")], "ongoing"),
        # a date after publication
        ("The offensive is scheduled for April.", [("April", date(2021, 4, 1), 3, "on")], "future"),
        # a month-old date alone is neither recent nor history
        ("On February 25, rebels attacked a convoy.", [("February 25", date(2021, 2, 25), 1, "on")], "new"),
    ],
)
def test_dates_decide_status(text, dates, status):
    assert status_of(text, dates=dates) == [status]


def test_without_publication_date_explicit_years_decide():
    text = "The war began in 2011. Rebels shelled the city in 2018."
    dates = [("in 2011", date(2011, 1, 1), 3, "on"), ("in 2018", date(2018, 1, 1), 3, "on")]
    assert status_of(text, published=None, dates=dates) == ["background", "new"]


SEED_STATUSES = {
    "At least 30 civilians": "new",
    "The US has been conducting airstrikes": "background",
    "On December 14, 2017": "background",
    "The latest US airstrikes come": "new",
    "Earlier on Thursday": "new",
    "Since June 19": "ongoing",
    "Dara’a’s return": "ongoing",
    "Dara'a city was the birthplace": "background",
    "Meanwhile, opposition-linked": "future",
    "The news agency also quoted": "future",
    "The foreign-backed crisis": "background",
    "Syrian government forces retook": "background",
}


def test_seed_article(shared_data):
    dates_stage = pytest.importorskip(
        "eventcoder.stages.dates", reason="the dates stage (eventcoder.stages.dates) is not written yet"
    )
    record = json.loads((shared_data / "seed" / "article.jsonl").read_text("utf-8").splitlines()[0])
    article = split_sentences(Article(id=record["id"], text=record["text"], published=date.fromisoformat(record["published"])))
    find_attributions(dates_stage.find_dates(article))
    statuses = {article.sentences[s.sentence].text: s.status for s in article.statuses}
    for opening, expected in SEED_STATUSES.items():
        sentence = next(text for text in statuses if text.startswith(opening))
        assert statuses[sentence] == expected, sentence
    currently = next(text for text in statuses if text.startswith("Currently"))
    assert statuses[currently] in {"background", "ongoing"}
    sources = {(m.source, m.certainty) for m in article.attributions}
    assert {("local sources", "reported"), ("medical sources", "reported")} <= sources
    assert not any(m.text == "purportedly" for m in article.attributions)
