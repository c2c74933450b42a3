import json
from datetime import date

import pytest

from eventcoder.article import Article, DateMention
from eventcoder.pipeline import process
from eventcoder.stages.status import find_statuses
from eventcoder.stages.text import split_sentences

PUBLISHED = date(2021, 3, 12)  # a Friday


def run(text: str, published: date | None = PUBLISHED, dates: tuple = ()) -> Article:
    """Splits a hand-written text and decides its statuses; ``dates`` are (words, date, precision, relation)."""
    article = split_sentences(Article(id="t", text=text, published=published))
    for words, when, precision, relation in dates:
        start = text.index(words)
        article.dates.append(DateMention(words, start, start + len(words), when, precision=precision, relation=relation))
    return find_statuses(article)


def status_of(text: str, published: date | None = PUBLISHED, dates: tuple = ()) -> list[str]:
    return [s.status for s in run(text, published, dates).statuses]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Militants stormed a police post.", "new"),
        ("The army has been shelling the district for weeks.", "ongoing"),
        ("Clashes continue in the north.", "ongoing"),
        ("The ongoing offensive displaced thousands.", "ongoing"),
        # the setting named in a phrase, not the act told
        ("A herder was shot in a fight tied to the ongoing feud.", "new"),
        ("Troops have massed on the border in recent days.", "ongoing"),
        ("The town has been under siege by the rebels.", "ongoing"),
        ("The militia has stepped up raids on the highway.", "ongoing"),
        ("Police detained four organisers ahead of the planned march.", "future"),
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


def trigger_statuses(text: str) -> dict[str, str]:
    article = process(Article(id="t", text=text, published=PUBLISHED), until="statuses")
    return {trigger.text: trigger.status for trigger in article.triggers}


def test_a_plan_in_the_clause_makes_its_act_future_and_not_the_rest_of_the_sentence():
    statuses = trigger_statuses("Troops shelled the village on Monday, and the rebels vowed to attack the base.")
    assert statuses == {"shelled": "new", "vowed to attack": "future"}


def test_a_threat_is_future_even_in_a_past_sentence():
    assert "future" in trigger_statuses("The militia threatened the villagers on Monday.").values()


def test_history_stays_history_whatever_the_clause_says():
    assert trigger_statuses("Rebels have attacked the town repeatedly since 2019.") == {"attacked": "background"}


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
    record = json.loads((shared_data / "seed" / "article.jsonl").read_text("utf-8").splitlines()[0])
    article = Article(id=record["id"], text=record["text"], published=date.fromisoformat(record["published"]))
    process(article, until="statuses")
    statuses = {article.sentences[s.sentence].text: s.status for s in article.statuses}
    for opening, expected in SEED_STATUSES.items():
        sentence = next(text for text in statuses if text.startswith(opening))
        assert statuses[sentence] == expected, sentence
    currently = next(text for text in statuses if text.startswith("Currently"))
    assert statuses[currently] in {"background", "ongoing"}


def test_a_plan_named_after_the_act_does_not_put_the_act_in_the_future():
    assert trigger_statuses("Traders protested in the town against a planned eviction.") == {"protested": "new"}
    assert trigger_statuses("Traders will protest in the town against the eviction.") == {"protest": "future"}


def test_violence_a_deployment_or_a_deal_means_to_stop_has_not_happened_in_its_clause():
    statuses = trigger_statuses("Police were rushed to Kiganjo to help quell clashes between two clans.")
    assert statuses["clashes"] == "future"
    assert trigger_statuses("Elders signed a pact to put an end to raids on villages.")["raids"] == "future"
    # but the crowd a force came to quell did gather
    assert trigger_statuses("Police fired in the air to quell demonstrators near the market.")["demonstrators"] == "new"


def test_a_report_led_by_a_dated_act_long_past_tells_its_toll_as_that_history():
    report = process(Article("t", "On 3 December 2020, militants attacked a police post in Kiganjo. Five militants "
                                  "were killed in the fighting. Police arrested two men.", published=PUBLISHED),
                     until="statuses")
    assert [s.status for s in report.statuses] == ["background", "background", "new"]
    news = process(Article("t", "Militants attacked a police post in Kiganjo on Thursday. In December 2020 they "
                                "raided the same post. Five militants were killed in the fighting.",
                           published=PUBLISHED), until="statuses")
    assert [s.status for s in news.statuses] == ["new", "background", "new"]


def test_what_could_not_be_done_is_no_conditional():
    assert status_of("Two patients who could not escape died in the fire.") == ["new"]
