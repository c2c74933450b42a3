from eventcoder.article import Article
from eventcoder.stages.text import split_sentences


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(Article("t", text)).sentences]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    assert sentences("Gen. Smith met U.S. officials in Kabul. They left.") == [
        "Gen. Smith met U.S. officials in Kabul.", "They left."]
    assert sentences("Hon. Peter Obi and Brig. Musa Ali met in Abuja. They left.") == [
        "Hon. Peter Obi and Brig. Musa Ali met in Abuja.", "They left."]


def test_the_word_before_a_full_stop_is_read_within_its_sentence():
    assert sentences("He met Maj. Gen. A.B. Smith in the U.S. capital. Troops left.\nTalks ended in Tripoli.") == [
        "He met Maj. Gen. A.B. Smith in the U.S. capital.", "Troops left.", "Talks ended in Tripoli."]
    assert sentences("Shots rang out at 5 p.m. Police came.") == ["Shots rang out at 5 p.m. Police came."]
    assert sentences("...and so. It ended.") == ["...and so.", "It ended."]


def test_each_line_is_a_paragraph_in_unwrapped_text():
    assert sentences("Russia warns militants\nThe army entered the city.") == [
        "Russia warns militants", "The army entered the city."]


def test_a_wrap_inside_hard_wrapped_copy_is_not_a_break():
    wrapped = ("   SAN SALVADOR, 3 JAN 90 -- FIVE POLICEMEN AND TWO CIVILIANS WERE\n"
               "WOUNDED TODAY WHEN A BOMB EXPLODED NEAR THE MARKET OF THE CITY.  THE\n"
               "ARMED FORCES SAID THAT URBAN COMMANDOS PLACED THE DEVICE AT NIGHT IN\n"
               "THE BUSY STREET NEAR THE OLD CATHEDRAL OF THE CAPITAL CITY OF THE LAND.\n\n"
               "   IN ANOTHER INCIDENT, A SOLDIER WAS KILLED IN THE NORTH OF THE LAND.")
    result = sentences(wrapped)
    assert result[0].endswith("NEAR THE MARKET OF THE CITY.")
    assert "WERE\nWOUNDED" in result[0]
    assert result[-1].startswith("IN ANOTHER INCIDENT")


def test_offsets_point_into_the_text():
    text = "One blast hit Kabul.\n\nA second hit Herat."
    for sentence in split_sentences(Article("t", text)).sentences:
        assert text[sentence.start:sentence.end] == sentence.text
