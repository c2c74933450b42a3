import pytest

from eventcoder.gazetteer.names import name_key, skeleton_key, strip_division_word, tier_keys


@pytest.mark.parametrize("left, right", [
    ("Dayr al-Zawr", "Dayr az-Zawr"),
    ("Dayr al-Zawr", "Deir ez-Zor"),
    ("Deir ez-Zor", "Deir al-Zour"),
    ("Dara'a", "Dara’a"),
    ("Dara'a", "Daraa"),
    ("Daraa", "Deraa"),
    ("Albu Kamal", "Abu Kamal"),
    ("Jalalabad", "Jalal-Abad"),
    ("Busra al-Sham", "Buşrá ash Shām"),
    ("al-Bukamal", "Al Bukamal"),
    ("St. Cloud", "Saint Cloud"),
    ("Mt. Pleasant", "Mount Pleasant"),
    ("North Darfur", "Northern Darfur"),
    ("West Equatoria", "Western Equatoria"),
])
def test_exact_key_meets(left, right):
    assert name_key(left) == name_key(right)


def test_a_compass_word_alone_keeps_its_own_key():
    assert name_key("Western") != name_key("West")


@pytest.mark.parametrize("left, right", [
    ("Kismayo", "Kismaayo"),
    ("Kismayo", "Kismayu"),
    ("Mogadishu", "Muqdisho"),
    ("Afgooye", "Afgoye"),
    ("Kandahar", "Qandahar"),
    ("Helmand", "Hilmand"),
    ("al-Bukamal", "Albukamal"),
])
def test_skeleton_key_meets(left, right):
    assert skeleton_key(name_key(left)) == skeleton_key(name_key(right))


@pytest.mark.parametrize("left, right", [("Kabul", "Kano"), ("Homs", "Hama"), ("Paris", "Perth")])
def test_different_names_stay_apart(left, right):
    assert skeleton_key(name_key(left)) != skeleton_key(name_key(right))


@pytest.mark.parametrize("name, bare", [
    ("Idlib Governorate", "Idlib"), ("Wilayat-e Baghlan", "Baghlan"), ("Kabul", None),
    ("Province de la Tapoa", "Tapoa"), ("Provincia di Roma", "Roma"), ("Province of Samar", "Samar")])
def test_strip_division_word(name, bare):
    assert strip_division_word(name) == bare


def test_a_name_with_its_article_written_joined_meets_it():
    keys, _ = tier_keys(["El Wak"])
    assert name_key("Elwak") in keys and name_key("El Wak") in keys
    assert tier_keys(["Nairobi"])[0] == {name_key("Nairobi")}
