import json
from datetime import date

import pytest

from eventcoder.article import Article
from eventcoder.stages.attribution import find_attributions
from eventcoder.stages.text import split_sentences

PUBLISHED = date(2021, 3, 12)  # a Friday


def run(text: str, published: date | None = PUBLISHED) -> Article:
    """Splits and attributes a hand-written text."""
    return find_attributions(split_sentences(Article(id="t", text=text, published=published)))


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


def test_seed_article(shared_data):
    record = json.loads((shared_data / "seed" / "article.jsonl").read_text("utf-8").splitlines()[0])
    article = run(record["text"], date.fromisoformat(record["published"]))
    sources = {(m.source, m.certainty) for m in article.attributions}
    assert {("local sources", "reported"), ("medical sources", "reported")} <= sources
    assert not any(m.text == "purportedly" for m in article.attributions)
