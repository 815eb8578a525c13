"""Actor resolution in sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.annotate.actors import DocContext, parse_pair, resolve_actors
from dyad.annotate.time import find_times


def _find(text: str, date: str | None, words: str, ctx: DocContext | None = None):
    for m in resolve_actors(text, date, ctx or DocContext()):
        if text[m.start:m.end] == words:
            return m.entity
    return None


@pytest.mark.parametrize(("text", "date", "words", "country", "kind"), [
    ("Russian advisers landed at the airport that spring.", "1975", "Russian advisers",
     "SUN", "group"),
    ("Russia opened a new consulate in the north.", "2015", "Russia", "RUS", "state"),
    ("Upper Volta recalled its envoy.", "1980", "Upper Volta", "HVO", "state"),
    ("Zaire hosted a summit.", "1990", "Zaire", "ZAR", "state"),
    ("Burkina Faso hosted a summit.", "1990", "Burkina Faso", "BFA", "state"),
    ("The Kremlin welcomed the offer.", "2019", "The Kremlin", "RUS", "state"),
    ("The Kremlin welcomed the offer.", "1979", "The Kremlin", "SUN", "state"),
    ("Officials in Kyiv rejected the plan.", "2022", "Kyiv", "UKR", "state"),
    ("The Soviets sent grain.", "1964", "The Soviets", "SUN", "state"),
    ("Burkinabé farmers crossed the border.", "2021", "Burkinabé", "BFA", "state"),
    ("A statement from the Pentagon followed.", "2020", "the Pentagon", "USA", "organization"),
    ("The Wagner Group moved fighters north.", "2022", "The Wagner Group", "RUS",
     "organization"),
    ("ECOWAS suspended the country.", "2021", "ECOWAS", None, "igo"),
])
def test_codes(text: str, date: str, words: str, country: str | None, kind: str) -> None:
    e = _find(text, date, words)
    assert e is not None
    assert (e.country, e.kind) == (country, kind)


@pytest.mark.parametrize(("text", "date", "words", "country", "sector", "role"), [
    ("Minister of Economy and Finance Alousséni Sanou signed the loan.", "2022-03-01",
     "Minister of Economy and Finance Alousséni Sanou", "MLI", "GOV",
     "minister of economy and finance"),
    ("Russia's foreign minister Sergey Lavrov arrived on Monday.", "2023-02-06",
     "Russia's foreign minister Sergey Lavrov", "RUS", "GOV", "foreign minister"),
    ("The Russian ambassador met the press.", "2020", "The Russian ambassador", "RUS", "GOV",
     "ambassador"),
    ("Colonel Assimi Goïta chaired the meeting.", "2022", "Colonel Assimi Goïta", "MLI", "MIL",
     "colonel"),
    ("President Dmitry Medvedev signed the decree.", "2009", "President Dmitry Medvedev", "RUS",
     "GOV", "president"),
    ("Lavrov answered questions.", "2018", "Lavrov", "RUS", "GOV", "foreign minister"),
])
def test_roles(text: str, date: str, words: str, country: str, sector: str, role: str) -> None:
    e = _find(text, date, words)
    assert e is not None
    assert (e.country, e.sector, e.role) == (country, sector, role)


@pytest.mark.parametrize(("text", "words", "country", "sector"), [
    ("the Russian Ministry of Foreign Affairs issued a note.",
     "the Russian Ministry of Foreign Affairs", "RUS", "GOV"),
    ("The United States Department of State disagreed.",
     "The United States Department of State", "USA", "GOV"),
    ("The Malian army took the town.", "The Malian army", "MLI", "MIL"),
])
def test_organisations(text: str, words: str, country: str, sector: str) -> None:
    e = _find(text, "2021", words)
    assert e is not None
    assert (e.country, e.sector, e.kind) == (country, sector, "organization")


@pytest.mark.parametrize(("title", "pair"), [
    ("Mali–Russia relations", ("MLI", "RUS")),
    ("Burkina Faso-France relations", ("BFA", "FRA")),
    ("Relations between Mali and Russia", ("MLI", "RUS")),
    ("History of Mali", ()),
])
def test_parse_pair(title: str, pair: tuple[str, ...]) -> None:
    assert parse_pair(title) == pair


def test_the_two_countries_is_the_pair() -> None:
    ctx = DocContext.from_title("Mali–Russia relations")
    text = "In that year the two countries signed a trade accord."
    got = {m.entity.country for m in resolve_actors(text, "2019", ctx)
           if text[m.start:m.end] == "the two countries"}
    assert got == {"MLI", "RUS"}


def test_two_countries_without_the_is_the_pair() -> None:
    ctx = DocContext.from_title("Mali–Russia relations")
    text = "Two countries signed a trade accord that year."
    got = {m.entity.country for m in resolve_actors(text, "2019", ctx)
           if text[m.start:m.end] == "Two countries"}
    assert got == {"MLI", "RUS"}


def test_the_two_countries_in_soviet_times() -> None:
    ctx = DocContext.from_title("Mali–Russia relations")
    text = "Both countries exchanged delegations."
    got = {m.entity.country for m in resolve_actors(text, "1965", ctx)}
    assert got == {"MLI", "SUN"}


def test_the_country_is_the_nearest_state() -> None:
    text = "Niger expelled the envoy, and the country closed its airspace."
    e = _find(text, "2023", "the country")
    assert e is not None and e.country == "NER"


def test_georgia_without_context_is_unsure() -> None:
    e = _find("Georgia signed the agreement.", "2010", "Georgia")
    assert e is None or e.country is None or e.confidence < 0.7


def test_georgia_with_context() -> None:
    ctx = DocContext.from_title("Georgia–Russia relations")
    e = _find("Georgia signed the agreement.", "2010", "Georgia", ctx)
    assert e is not None and e.country == "GEO" and e.confidence >= 0.7


def test_congo_alone_is_unresolved() -> None:
    e = _find("Congo voted against.", "2010", "Congo")
    assert e is None or e.country is None


def test_lowercase_words_are_not_states() -> None:
    text = "They ate turkey and spoke to us about china plates."
    assert resolve_actors(text, None) == []


def test_bodies_across_borders_have_no_country() -> None:
    # a transnational NGO or network is itself the actor, never a state nearby
    for text, words in [("Amnesty International condemned the trial in Kenya.",
                         "Amnesty International"),
                        ("The plot was claimed by al-Qaeda in a video.", "al-Qaeda")]:
        e = _find(text, "2012", words)
        assert e is not None and (e.kind, e.country) == ("organization", None)


@pytest.mark.parametrize("text", [
    "Volunteers fought in the South American wars of independence.",
    "Central American migrants crossed the river.",
    "Its first legation in Latin America opened in Caracas.",
    "Tankers were seized in the Persian Gulf and the Gulf of Guinea.",
    "Patrols in the South China Sea grew.",
])
def test_regions_and_seas_are_not_the_states_in_their_names(text: str) -> None:
    assert [m.entity.country for m in resolve_actors(text, "2005")
            if m.entity.country in ("USA", "IRN", "GIN", "CHN", "VEN")] == \
        (["VEN"] if "Caracas" in text else [])


@pytest.mark.parametrize(("text", "states"), [
    ("The pact was written in Japanese and French.", []),
    ("The envoy spoke Russian at the talks.", []),
    ("It was translated into Portuguese, Spanish and Chinese by Chad.", ["TCD"]),
    # a noun after the adjectives makes them states' again
    ("The islands were in British and French hands.", ["GBR", "FRA"]),
    ("Kenya invested in Russian bonds.", ["KEN", "RUS"]),
    ("Troops landed in French Guiana.", ["FRA"]),
])
def test_a_language_is_not_a_state(text: str, states: list[str]) -> None:
    assert [m.entity.country for m in resolve_actors(text, "2005")] == states


def test_spacy_span_offsets_are_relative() -> None:
    from dyad.annotate.nlp import load_nlp

    doc = load_nlp()("It rained. Senegal and Mali met.")
    sent = list(doc.sents)[1]
    got = [(sent.text[m.start:m.end], m.entity.country) for m in resolve_actors(sent, "2020")]
    assert got == [("Senegal", "SEN"), ("Mali", "MLI")]


def test_ethnic_group_is_not_the_state() -> None:
    found = {(m.entity.country, m.entity.kind) for m in resolve_actors(
        "Ethnic Russians in Estonia protested against the new law.", "2007")}
    assert found == {("EST", "state")}


def test_each_clause_is_coded_at_its_own_date() -> None:
    text = ("The Soviet Union recognised Senegal on 25 June 1960, and relations between "
            "the two states began on 3 November 1960.")
    times = find_times(text)
    ctx = DocContext.from_title("Senegal–Russia relations")
    found = resolve_actors(text, "1960-06-25", ctx, times=times)
    both = sorted(m.entity.country for m in found if text[m.start:m.end] == "the two states")
    assert both == ["SEN", "SUN"]


def test_a_former_state_named_after_its_end_is_still_that_state() -> None:
    text = "In 1994 Kazakhstan signed the treaty as a successor of the Soviet Union."
    assert _find(text, "1994", "the Soviet Union").country == "SUN"
    assert _find("Russia protested in 1994.", "1994", "Russia").country == "RUS"


def test_the_president_of_a_state_has_the_role_alone() -> None:
    e = _find("The President of Peru met the envoys.", "2020", "The President of Peru")
    assert (e.country, e.role) == ("PER", "president")


@pytest.mark.parametrize(("sentences", "words", "country"), [
    # "its" is the subject of its own clause, not the nearest state
    (["Chad stayed dependent on France for the training of its army."], "its army", "TCD"),
    # "his country" is the subject's
    (["Kenya's foreign minister met Somali leaders to pledge his country's support."],
     "his country", "KEN"),
    # "the country" elsewhere is the nearest state before it
    (["Japan forced the agency out of the country after the floods."], "the country", "JPN"),
    # "the country" as the subject of a new sentence: the last sentence's subject
    (["Ghana declared independence in 1957.", "The country then joined the United Nations."],
     "The country", "GHA"),
])
def test_its_and_the_country_point_to_the_fitting_state(sentences: list[str], words: str,
                                                        country: str) -> None:
    ctx = DocContext.from_title("Ghana–Japan relations")
    for text in sentences[:-1]:
        resolve_actors(text, "2020", ctx)
    text = sentences[-1]
    got = [m.entity.country for m in resolve_actors(text, "2020", ctx)
           if text[m.start:m.end] == words]
    assert got == [country]


def test_the_two_sides_is_the_pair() -> None:
    ctx = DocContext.from_title("Mali–Russia relations")
    found = {m.entity.country for m in resolve_actors(
        "The two sides agreed to expand cooperation.", "2023", ctx)}
    assert found == {"MLI", "RUS"}


@pytest.mark.parametrize("text", [
    "The two leaders signed several agreements.",
    "Both presidents attended the ceremony.",
    "The two foreign ministers met in Bamako.",
])
def test_the_pairs_people_are_the_pair(text: str) -> None:
    ctx = DocContext.from_title("Mali–Russia relations")
    assert {m.entity.country for m in resolve_actors(text, "2023", ctx)} >= {"MLI", "RUS"}


def test_the_four_countries_are_the_four_listed_before() -> None:
    from dyad.annotate.pipeline import annotate
    from dyad.read import read_text

    text = ("Ghana and Togo ties\n\nIn 2017 Ghana along with Benin, Niger and Mali cut all "
            "ties with Togo. The four countries accused Togo of supporting rebel groups. "
            "The three countries met in Accra.")
    sentences = annotate(read_text(text, input_format="text")).sentences
    four = {m.entity.country for m in sentences[1].actors
            if sentences[1].sentence.text[m.start:m.end] == "The four countries"}
    assert four == {"GHA", "BEN", "NER", "MLI"}
    # a count that is not the list's names no one
    assert not any(sentences[2].sentence.text[m.start:m.end] == "The three countries"
                   for m in sentences[2].actors)


def test_the_kingdom_is_the_state_the_story_is_about() -> None:
    from dyad.annotate.pipeline import annotate
    from dyad.read import read_text

    doc = read_text("Morocco expelled two Kenyan diplomats. The kingdom also froze trade.",
                    input_format="text", date="2019-04-03")
    last = annotate(doc).sentences[-1]
    assert [(m.entity.country, last.sentence.text[m.start:m.end]) for m in last.actors] == [
        ("MAR", "The kingdom")]
    # a name after it is the name's
    doc = read_text("The Kingdom of Morocco froze trade.", input_format="text")
    [only] = annotate(doc).sentences
    assert all(last.sentence.text[m.start:m.end] != "The Kingdom" for m in only.actors)


def test_it_opening_a_sentence_is_the_state_the_sentence_before_was_about() -> None:
    ctx = DocContext()
    resolve_actors("Chile tried to buy the islands from Peru in 1850.", context=ctx)
    found = resolve_actors("It finally annexed them in 1861.", context=ctx)
    assert [(m.entity.country, m.start) for m in found] == [("CHL", 0)]
    # an empty "it" is no one
    resolve_actors("Chile tried to buy the islands from Peru in 1850.", context=ctx)
    assert resolve_actors("It took ten years to agree.", context=ctx) == []
    resolve_actors("Chile tried to buy the islands from Peru in 1850.", context=ctx)
    assert resolve_actors("It was a hard bargain.", context=ctx) == []
    # nor is "it" after a sentence about no state
    resolve_actors("The treaty was long.", context=ctx)
    assert resolve_actors("It ended the war.", context=ctx) == []


@pytest.mark.parametrize(("text", "words"), [
    ("Chile gained the islands under the Treaty of Lima.", "Lima"),
    ("Peru and Chile keep to the Santiago Accords.", "Santiago"),
])
def test_a_city_naming_a_treaty_is_no_party_to_it(text: str, words: str) -> None:
    assert _find(text, "1900", words) is None
    # the same city saying something is its state
    assert _find(f"{words} said it would respond.", "1900", words) is not None


def test_the_neighbour_is_the_state_named_before_not_the_subject() -> None:
    text = "Ghana closed its border with Togo, citing the neighbour's raids."
    assert _find(text, "2020", "the neighbour").country == "TGO"
    assert _find("Ghana accused the neighbour of raids.", "2020", "the neighbour") is None


def test_it_accused_is_the_state_named_before_other_than_the_subject() -> None:
    text = "Chad cut its ties with Sudan, accusing it of arming rebels."
    found = [(text[m.start:m.end], m.entity.country) for m in
             resolve_actors(text, "2020", DocContext())]
    assert ("it", "SDN") in found
    # a thing acted on stays a thing
    text = "Chile and Peru signed the treaty; Bolivia rejected it."
    assert all(text[m.start:m.end] != "it" for m in resolve_actors(text, "2020", DocContext()))


@pytest.mark.parametrize(("text", "words", "country"), [
    ("The Indo-Nepal treaty was signed in 1950.", "Indo", "IND"),
    ("In 1963 the Franco-German treaty was signed.", "Franco", "FRA"),
    ("The Anglo-Irish treaty ended the war.", "Anglo", "GBR"),
])
def test_a_combining_form_beside_a_state_names_its_state(text: str, words: str,
                                                         country: str) -> None:
    found = [m.entity.country for m in resolve_actors(text, "1960", DocContext())
             if words in text[m.start:m.end]]
    assert found == [country]


@pytest.mark.parametrize("text", ["Franco ruled Spain for decades.",
                                  "The Indo-Pacific strategy was announced.",
                                  "Anglo-Saxon kings ruled the island."])
def test_a_combining_form_alone_names_no_state(text: str) -> None:
    assert all(m.entity.country in (None, "ESP") for m in
               resolve_actors(text, "1960", DocContext()))


def test_what_has_gone_on_since_a_date_is_told_of_the_states_as_they_are() -> None:
    from dyad.annotate.pipeline import iter_annotated
    from dyad.read import read_text

    doc = read_text("Azerbaijan has enforced a blockade of Armenia since 1989.", source="t.txt")
    [sentence] = list(iter_annotated(doc))
    assert [m.entity.country for m in sentence.actors] == ["AZE", "ARM"]
    # a date that is no span still codes the states of its day
    doc = read_text("In 1989 Azerbaijan closed the railway to Armenia.", source="t.txt")
    [sentence] = list(iter_annotated(doc))
    assert [m.entity.country for m in sentence.actors] == ["SUN", "SUN"]


def test_greek_orthodox_is_a_rite_not_greece() -> None:
    text = "Moscow paid for the Greek Orthodox Church of Alexandria."
    assert all(m.entity.country != "GRC" for m in resolve_actors(text, "1700", DocContext()))
    assert _find("The Greek government protested.", "1990", "The Greek government").country \
        == "GRC"


def test_south_vietnam_is_its_own_state() -> None:
    assert _find("North Vietnam attacked South Vietnam.", "1965", "South Vietnam").country \
        == "RVN"
    # "Vietnam" alone in those years stays the North, as before
    assert _find("In 1965 Vietnam was at war.", "1965", "Vietnam").country == "VDR"


def test_them_urged_are_the_states_listed_last() -> None:
    text = ("The Kenyan minister phoned his Ugandan and Tanzanian counterparts and urged them "
            "to reopen the border.")
    found = [m.entity.country for m in resolve_actors(text, "2020", DocContext())
             if text[m.start:m.end] == "them"]
    assert sorted(found) == ["TZA", "UGA"]
    # one state named is no "them"
    text = "The Kenyan minister met Uganda's envoy and urged them to act."
    assert all(text[m.start:m.end] != "them"
               for m in resolve_actors(text, "2020", DocContext()))
