from eventcoder.article import Article
from eventcoder.geoparse import WithSourceHomes, infer_source_homes, place_record

#: A local paper's week: most of its towns lie in Ohio, several also elsewhere.
LOCAL = [
    "Dublin City Council approved a new budget for road repairs on Monday.",
    "Police in Hilliard and Worthington arrested two men after a string of burglaries near Columbus.",
    "The school board in Westerville met with parents from Delaware County and Powell on Tuesday.",
    "A fire destroyed a barn outside Marysville, Union County, firefighters from Plain City said.",
    "Traffic in Dublin was slowed by a crash, troopers said.",
    "Residents of Hilliard and Upper Arlington will vote on a school levy in May.",
]
#: A world desk: its places spread over many countries.
WORLD = [
    "Talks in Geneva between Russia and Ukraine ended without a deal.",
    "Floods in Bangladesh and Pakistan displaced thousands, the UN said in Nairobi.",
]


def _articles(texts, source):
    return [Article(f"{source}-{n}", text, source=source) for n, text in enumerate(texts)]


def test_a_local_sources_home_is_where_its_towns_gather():
    homes = infer_source_homes(_articles(LOCAL, "villager") + _articles(WORLD, "wire"))
    assert homes == {"villager": "Ohio, United States"}


def test_the_inferred_home_reaches_each_article_of_its_source_unless_it_has_its_own():
    produce = WithSourceHomes(place_record, {"villager": "Ohio, United States"})
    local = Article("a", "Traffic in Dublin was slowed by a crash.", source="villager")
    own = Article("b", "Traffic in Dublin was slowed by a crash.", source="villager", home="Ireland")
    assert produce(local)["places"][0]["country_code"] == "US"
    assert produce(own)["places"][0]["country_code"] == "IE"


def test_a_capital_told_by_its_country_is_no_toponym():
    record = place_record(Article("a", "Gunmen stormed a hotel in the Somali capital on Monday."))
    assert [p["text"] for p in record["places"]] == ["Somali"]
