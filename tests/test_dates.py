import json
from datetime import date

import pytest

from eventcoder.article import Article, DateMention
from eventcoder.stages.dates import _longest_non_overlapping, find_dates

FRIDAY = date(2018, 7, 13)


def dates_in(text: str, published: date | None = FRIDAY):
    return find_dates(Article("t", text, published)).dates


def only(text: str, published: date | None = FRIDAY):
    found = dates_in(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, phrase, day, end_day, precision, relation", [
    ("Gunmen struck on Friday.", "on Friday", date(2018, 7, 13), None, 1, "on"),
    ("Talks began Thursday.", "Thursday", date(2018, 7, 12), None, 1, "on"),
    ("The raid came late on Monday.", "late on Monday", date(2018, 7, 9), None, 1, "on"),
    ("Shelling resumed on Saturday night.", "on Saturday night", date(2018, 7, 7), None, 1, "on"),
    ("A bomb went off last Friday.", "last Friday", date(2018, 7, 6), None, 1, "on"),
    ("Two were shot yesterday.", "yesterday", date(2018, 7, 12), None, 1, "on"),
    ("Police said this morning.", "this morning", FRIDAY, None, 1, "said"),
    ("Rockets fell overnight.", "overnight", FRIDAY, None, 1, "overnight"),
    ("Shots rang out last night.", "last night", date(2018, 7, 12), None, 1, "on"),
    ("Troops arrived earlier this week.", "earlier this week", date(2018, 7, 9), FRIDAY, 2, "on"),
    ("Fighting flared last week.", "last week", date(2018, 7, 2), date(2018, 7, 8), 2, "on"),
    ("It was signed last month.", "last month", date(2018, 6, 1), date(2018, 6, 30), 3, "on"),
    ("Raids began earlier this month.", "earlier this month", date(2018, 7, 1), FRIDAY, 3, "on"),
    ("He vanished two days ago.", "two days ago", date(2018, 7, 11), None, 1, "on"),
    ("The strikes come a day after the army entered.", "a day after", date(2018, 7, 12), None, 1, "came_after"),
    ("Troops massed in recent days.", "in recent days", date(2018, 7, 6), FRIDAY, 2, "ongoing"),
    ("It said on December 14, 2017 that", "on December 14, 2017", date(2017, 12, 14), None, 1, "said"),
    ("Signed 14 December 2017 in Doha.", "14 December 2017", date(2017, 12, 14), None, 1, "on"),
    ("Raiders struck Kiganjo on 09/07/2018 at dawn.", "on 09/07/2018", date(2018, 7, 9), None, 1, "on"),
    ("The vote is due in March of 2019.", "in March of 2019", date(2019, 3, 1), date(2019, 3, 31), 3, "on"),
    ("Clashes on Dec. 14 killed two.", "on Dec. 14", date(2017, 12, 14), None, 1, "on"),
    ("The siege began June 19.", "June 19", date(2018, 6, 19), None, 1, "on"),
    ("A vote is due July 15.", "July 15", date(2018, 7, 15), None, 1, "on"),
    ("Since June 19, the army has advanced.", "Since June 19", date(2018, 6, 19), None, 1, "since"),
    ("The uprising began in March 2011.", "in March 2011", date(2011, 3, 1), date(2011, 3, 31), 3, "on"),
    ("The city fell in 2015.", "in 2015", date(2015, 1, 1), date(2015, 12, 31), 3, "on"),
    ("An offensive came in September.", "in September", date(2017, 9, 1), date(2017, 9, 30), 3, "on"),
    ("Talks ran between 3 and 5 July.", "between 3 and 5 July", date(2018, 7, 3), date(2018, 7, 5), 2, "on"),
    ("Talks ran 3-5 July 2016.", "3-5 July 2016", date(2016, 7, 3), date(2016, 7, 5), 2, "on"),
    # a range that began by publication may run on past it
    ("Riots ran between 13-17 July.", "between 13-17 July", FRIDAY, date(2018, 7, 17), 2, "on"),
    ("Vote held 2018-07-01 in Kano.", "2018-07-01", date(2018, 7, 1), None, 1, "on"),
    ("It was taken in mid-2014.", "in mid-2014", date(2014, 5, 1), date(2014, 8, 31), 3, "on"),
    ("Earlier on Thursday, officials met.", "Earlier on Thursday", date(2018, 7, 12), None, 1, "on"),
    ("The toll from Thursday's raid rose.", "Thursday", date(2018, 7, 12), None, 1, "on"),
])
def test_resolves_against_publication(text, phrase, day, end_day, precision, relation):
    found = only(text)
    assert (found.text, found.date, found.end_date, found.precision, found.relation) == (
        phrase, day, end_day, precision, relation)
    assert text[found.start:found.end] == phrase


@pytest.mark.parametrize("text", ["Troops retook it a year later.", "Peace may come.", "They march on.",
                                  "The vote passed 3/4 of the seats."])
def test_unresolvable_or_not_a_date(text):
    assert dates_in(text) == []


@pytest.mark.parametrize("text, expected", [
    ("Gunmen struck on Friday.", None),
    ("Two were shot yesterday.", None),
    ("Fighting flared last week.", None),
    ("The siege began June 19.", None),
    ("It said on December 14, 2017 that", date(2017, 12, 14)),
])
def test_without_publication_only_explicit_years_resolve(text, expected):
    assert only(text, published=None).date == expected


def test_sorted_by_start_and_longest_wins():
    found = dates_in("Since June 19 and until 3 July 2018, and again on Friday.")
    assert [d.text for d in found] == ["Since June 19", "until 3 July 2018", "on Friday"]
    assert found[1].relation == "until"


def test_seed_article(shared_data):
    record = json.loads((shared_data / "seed" / "article.jsonl").read_text().splitlines()[0])
    article = Article(record["id"], record["text"], date.fromisoformat(record["published"]))
    by_text = {d.text: d for d in find_dates(article).dates}
    assert by_text["on Friday"].date == date(2018, 7, 13)
    assert by_text["On December 14, 2017"].date == date(2017, 12, 14)
    assert (by_text["Since June 19"].date, by_text["Since June 19"].relation) == (date(2018, 6, 19), "since")
    assert by_text["in March 2011"].precision == 3
    assert by_text["Earlier on Thursday"].date == date(2018, 7, 12)
    assert by_text["overnight"].relation == "overnight"


@pytest.mark.parametrize("text, day", [
    ("THREE SUBVERSIVES WERE KILLED DURING CLASHES YESTERDAY IN USULUTAN.", date(1990, 1, 2)),
    ("TWO BOMBS EXPLODED LAST NIGHT IN THE CAPITAL.", date(1990, 1, 2)),
    ("THE HIJACKING HAPPENED ON 30 DECEMBER NEAR THE PORT.", date(1989, 12, 30)),
    ("THE ATTACK TOOK PLACE ON 2 JAN 90 IN APOPA.", date(1990, 1, 2)),
])
def test_upper_case_wire_copy(text, day):
    assert [m.date for m in dates_in(text, date(1990, 1, 3)) if m.date] == [day]


def test_overlapping_candidates_keep_the_longest_then_the_earliest():
    # "3 March 2024" is also read as "March 2024" and "3 March": the longest reading wins
    assert [d.text for d in dates_in("Fighting erupted on 3 March 2024 and lasted until 5 July.")] == [
        "on 3 March 2024", "until 5 July"]
    spans = [(0, 10), (8, 12), (10, 12), (12, 15), (5, 9), (20, 24), (22, 26)]
    chosen = _longest_non_overlapping([DateMention("x" * (e - s), s, e) for s, e in spans])
    # (10, 12) only touches the longest; of two equally long spans the earlier wins
    assert [(d.start, d.end) for d in chosen] == [(0, 10), (10, 12), (12, 15), (20, 24)]


EDGE_TEXT = ("Yesterday and last night, troops fought; last week, last month, last year, "
             "in recent weeks and two years ago too, as on Monday and next Friday, in September, "
             "on 28 December and between 30 and 31 December.")


@pytest.mark.parametrize("published", [date(1, 1, 1), date(1, 1, 2), date(9999, 12, 31), date(9999, 12, 28)])
def test_dates_at_the_ends_of_the_calendar_are_left_unresolved(published):
    found = dates_in(EDGE_TEXT, published)
    assert len(found) > 10 and all(d.date is None or date.min <= d.date <= date.max for d in found)


def test_relative_dates_past_the_calendar_stay_unresolved_and_the_rest_resolve():
    first = {d.text: d.date for d in dates_in(EDGE_TEXT, date(1, 1, 1))}
    assert first["Yesterday"] is None and first["last year"] is None and first["two years ago"] is None
    assert (first["on Monday"], first["next Friday"]) == (date(1, 1, 1), date(1, 1, 5))
    last = {d.text: d for d in dates_in(EDGE_TEXT, date(9999, 12, 31))}
    assert last["Yesterday"].date == date(9999, 12, 30) and last["last year"].date == date(9998, 1, 1)
    assert last["next Friday"].date is None and last["on 28 December"].date == date(9999, 12, 28)
    assert (last["in recent weeks"].date, last["in recent weeks"].end_date) == (date(9999, 12, 1), date(9999, 12, 31))


def test_days_counted_back_from_the_news():
    found = {m.text: m.date for m in dates_in("The raid came two days after the ceasefire.", date(2024, 5, 10))}
    assert found == {"two days after": date(2024, 5, 8)}


@pytest.mark.parametrize("text, relation", [
    ("Crowds rejected the outcome of the August 8 polls.", "named"),
    ("Fans marked his 26 October election win.", "named"),
    ("Police fired tear gas on 26 October at the market.", "on"),
    ("The August 8 vote went ahead.", "named"),
    ("The attacks on 5 June and 7 June killed ten.", "on"),
    ("Two men suspected of the March 2012 Kiganjo market bombing were seized.", "named"),
    ("A commander linked to the 2013 Kiganjo mall attack was killed.", "named"),
    ("On the 5 June Kenyan troops entered Kiganjo.", "on"),
    ("The army said that on 11 July it carried out an airstrike.", "on"),
])
def test_a_date_between_a_determiner_and_a_noun_names_another_event(text, relation):
    assert dates_in(text)[0].relation == relation


def test_a_day_said_and_a_day_the_news_came_after_leave_the_acts_own_day():
    said = dates_in("Police said on Friday that gunmen killed three in Kiganjo on Thursday.")
    assert [(d.text, d.relation) for d in said] == [("on Friday", "said"), ("on Thursday", "on")]
    after = dates_in("Gunmen killed three in Kiganjo on Wednesday, a day after a raid nearby.")
    assert [(d.text, d.date, d.relation) for d in after] == [("on Wednesday", date(2018, 7, 11), "on"),
                                                              ("a day after", date(2018, 7, 12), "came_after")]
