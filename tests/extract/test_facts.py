"""Facts from single sentences written for these tests."""

from __future__ import annotations

import pytest

from dyad.annotate.pipeline import annotate
from dyad.extract.facts import find_facts
from dyad.model import Document, Sentence


def _facts(text: str, title: str = "Chile–Kenya relations") -> list[tuple]:
    doc = Document(id="t", title=title, format="text", text=text,
                   sentences=[Sentence(0, "paragraph", None, 0, len(text), text)])
    [sentence] = annotate(doc).sentences
    return [(f.kind, f.subject.country, f.object.country, f.valid.start, f.valid.end, f.status)
            for f in find_facts(sentence, sentence.context)]


@pytest.mark.parametrize(("text", "expected"), [
    ("For decades Chile had no embassy in Kenya.",
     [("embassy", "CHL", "KEN", None, None, "negated")]),
    ("In 1995 Chile announced the closing of its embassy in Nairobi.",
     [("embassy", "CHL", "KEN", None, "1995", "asserted")]),
    ("Chile reopened its embassy in Nairobi in March 2004.",
     [("embassy", "CHL", "KEN", "2004-03", None, "asserted")]),
    # an embassy that only speaks states no tie
    ("The Chilean embassy denied the report.", []),
    # relations broken off need not say "diplomatic"; trade ties are not them
    ("In May 1999 Kenya broke off relations with Chile.",
     [("diplomatic_relations", "KEN", "CHL", None, "1999-05", "asserted")]),
    ("In 1999 Kenya and Chile restored trade ties.", []),
    # relations established need not say "diplomatic"; told with no one named on a pair's
    # page, they are the pair's
    ("In 1964 Chile established relations with Kenya.",
     [("diplomatic_relations", "CHL", "KEN", "1964", None, "asserted")]),
    ("However, diplomatic ties were reinstated in mid-2022.",
     [("diplomatic_relations", "CHL", "KEN", "2022", None, "asserted")]),
    # standing ties, diplomatic beside others
    ("The two countries have had close diplomatic and economic ties.",
     [("diplomatic_relations", "CHL", "KEN", None, None, "asserted")]),
    # relations initiated; diplomatic ties resumed beside economic ones
    ("Chile and Kenya initiated relations with a 1964 treaty of friendship.",
     [("diplomatic_relations", "CHL", "KEN", "1964", None, "asserted")]),
    ("A 1984 memorandum brought the full resumption of diplomatic and economic ties between "
     "Chile and Kenya.", [("diplomatic_relations", "CHL", "KEN", "1984", None, "asserted")]),
    # the recogniser is the subject of the verb, not the last state named before it
    ("In 1997 Chile cut ties with Peru and recognised Kenya.",
     [("diplomatic_relations", "CHL", "PER", None, "1997", "asserted"),
      ("recognition", "CHL", "KEN", "1997", None, "asserted")]),
])
def test_facts(text: str, expected: list[tuple]) -> None:
    assert sorted(_facts(text)) == sorted(expected)


def test_an_envoy_accredited_to_a_list() -> None:
    text = ("The Kenyan ambassador to Chile is also accredited to Peru, Bolivia, "
            "and Ecuador.")
    found = [(f[0], f[1], f[2]) for f in _facts(text) if f[0] == "accreditation"]
    assert sorted(found) == [("accreditation", "KEN", "BOL"), ("accreditation", "KEN", "ECU"),
                             ("accreditation", "KEN", "PER")]
    # "or" does not say both: the second state is not made a host
    either = _facts("The Kenyan ambassador to Chile is also accredited to Peru or Bolivia.")
    assert ("accreditation", "KEN", "BOL") not in [f[:3] for f in either]


def test_a_former_state_on_its_successors_page() -> None:
    # the page's pair is today's Russia; the Soviet consulate still faces Chile, in a town
    # the gazetteer does not know, and a decade is coded at its middle
    text = ("The Soviet consulate in Antofagasta was closed in 1990, and the Russian embassy "
            "in Valparaíso was closed in the 1990s.")
    doc = Document(id="t", title="Chile–Russia relations", format="text", text=text,
                   sentences=[Sentence(0, "paragraph", None, 0, len(text), text)])
    [sentence] = annotate(doc).sentences
    found = [(f.kind, f.subject.country, f.object.country, f.place, f.valid.precision)
             for f in find_facts(sentence, sentence.context)]
    assert sorted(found) == [
        ("consulate", "SUN", "CHL", {"name": "Antofagasta", "country": "CHL"}, "year"),
        ("embassy", "RUS", "CHL", {"name": "Valparaíso", "country": "CHL"}, "decade"),
    ]


def _envoys(text: str, title: str = "Chile–Kenya relations") -> list[tuple]:
    doc = Document(id="t", title=title, format="text", text=text,
                   sentences=[Sentence(0, "paragraph", None, 0, len(text), text)])
    [sentence] = annotate(doc).sentences
    return [(f.subject.country, f.object.country,
             (f.person.name, f.person.country) if f.person else None,
             f.valid.start, f.valid.end, f.status)
            for f in find_facts(sentence, sentence.context) if f.kind == "ambassador"]


@pytest.mark.parametrize(("text", "expected"), [
    # the adjective on the title sends; the state that summoned hosts; a summons is no
    # tenure, so the fact stands undated, and nobody is named
    ("In March 2011 Kenya summoned the Peruvian ambassador.",
     [("PER", "KEN", None, None, None, "asserted")]),
    ("In 2011 Kenya summoned the ambassador of Peru.",
     [("PER", "KEN", None, None, None, "asserted")]),
    ("Kenya's ambassador to the United States denied the charges.",
     [("KEN", "USA", None, None, None, "asserted")]),
    # the name in apposition holds the title, not the next person in the sentence; the
    # envoy is of the sending state, not of the posting
    ("In 2002 the Peruvian ambassador to Kenya, Ana Quispe Mamani, met the Kenyan president.",
     [("PER", "KEN", ("Ana Quispe Mamani", "PER"), None, None, "asserted")]),
    ("With help from Rosa Tupac Yupanqui, the Peruvian ambassador to Chile, the talks went on.",
     [("PER", "CHL", ("Rosa Tupac Yupanqui", "PER"), None, None, "asserted")]),
    # a tenure verb dates the tenure: appointed starts it, nominated plans it, recalled and
    # expelled end it
    ("Ana Quispe Mamani was appointed Peruvian ambassador to Kenya on 3 May 2019.",
     [("PER", "KEN", ("Ana Quispe Mamani", "PER"), "2019-05-03", None, "asserted")]),
    ("The Kenyan ambassador to Chile is Juma Otieno, who was nominated on 2 June 2021.",
     [("KEN", "CHL", ("Juma Otieno", "KEN"), "2021-06-02", None, "planned")]),
    ("Chile recalled its ambassador from Kenya in March 2001.",
     [("CHL", "KEN", None, None, "2001-03", "asserted")]),
    ("The Chilean ambassador in Nairobi was expelled in 2003.",
     [("CHL", "KEN", None, None, "2003", "asserted")]),
])
def test_ambassador_sides_person_and_tenure(text: str, expected: list[tuple]) -> None:
    assert _envoys(text) == expected


def test_no_ambassador_fact_for_an_unnamed_unsent_envoy() -> None:
    # a leader who asks for an envoy is not one, and nothing says whose envoy it is
    text = "In 1931 President Juma Otieno asked the Chileans to accept an ambassador."
    assert _envoys(text) == []


def _memberships(text: str, title: str = "Chile–Kenya relations") -> list[tuple]:
    doc = Document(id="t", title=title, format="text", text=text,
                   sentences=[Sentence(0, "paragraph", None, 0, len(text), text)])
    [sentence] = annotate(doc).sentences
    return sorted((f.subject.country, f.object.name, f.status)
                  for f in find_facts(sentence, sentence.context) if f.kind == "membership")


@pytest.mark.parametrize(("text", "expected"), [
    # only the subject of the member clause is a member, "it" being the sentence's subject
    ("Kenya has trade deals with partners such as Peru, Chile and Brazil, and it is a member "
     "of the African Union.", [("KEN", "African Union", "asserted")]),
    ("Kenya, a member of the East African Community, traded with Peru.",
     [("KEN", "East African Community", "asserted")]),
    # each organisation of a list, for each side
    ("Both countries are members of the World Trade Organization, the Non-Aligned Movement "
     "and the United Nations.",
     [("CHL", "Non-Aligned Movement", "asserted"), ("CHL", "United Nations", "asserted"),
      ("CHL", "World Trade Organization", "asserted"), ("KEN", "Non-Aligned Movement", "asserted"),
      ("KEN", "United Nations", "asserted"), ("KEN", "World Trade Organization", "asserted")]),
    ("Chile belongs to the Pacific Alliance.", [("CHL", "Pacific Alliance", "asserted")]),
])
def test_membership(text: str, expected: list[tuple]) -> None:
    assert _memberships(text) == expected


def test_no_membership_of_an_organisation_further_on() -> None:
    # the cue's own organisation is a movement; the UN comes later, of unnamed members
    text = ("A Kenyan writer and member of the Nairobi Peace Movement criticised a resolution "
            "drafted by some members of the United Nations Security Council.")
    assert _memberships(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # a suspension ends relations as a severance does, the noun as well as the verb
    ("In 2011 the Kenyan foreign minister announced the suspension of official relations "
     "between Kenya and Chile.", ("KEN", "CHL", None, "2011", "suspended")),
    ("In May 2012 Chile suspended relations with Kenya.",
     ("CHL", "KEN", None, "2012-05", "suspended")),
    ("In 2014 Kenya and Chile resumed relations.", ("KEN", "CHL", "2014", None, "restored")),
    ("The restoration of diplomatic relations between Chile and Kenya came in June 2015.",
     ("CHL", "KEN", "2015-06", None, "restored")),
])
def test_relations_suspended_and_restored(text: str, expected: tuple) -> None:
    doc = Document(id="t", title="Chile–Kenya relations", format="text", text=text,
                   sentences=[Sentence(0, "paragraph", None, 0, len(text), text)])
    [sentence] = annotate(doc).sentences
    found = [(f.subject.country, f.object.country, f.valid.start, f.valid.end, f.valid.modifier)
             for f in find_facts(sentence, sentence.context) if f.kind == "diplomatic_relations"]
    assert found == [expected]
    # relations of another kind are no diplomatic tie
    assert _facts("In 2012 Chile suspended trade relations with Kenya.") == []


def test_treaty_parties_are_the_signers() -> None:
    # "the two countries" sign, not the state an envoy in the sentence was posted to
    text = ("With help from Ana Ruiz, the Chilean ambassador to Peru, talks went on and on "
            "3 May 1950 the two countries signed a Treaty of Friendship.")
    doc = Document(id="t", title="Chile–Kenya relations", format="text", text=text,
                   sentences=[Sentence(0, "paragraph", None, 0, len(text), text)])
    [sentence] = annotate(doc).sentences
    [treaty] = [f for f in find_facts(sentence, sentence.context) if f.kind == "treaty"]
    assert {treaty.subject.country, treaty.object.country} == {"CHL", "KEN"}
    assert (treaty.treaty, treaty.place, treaty.valid.start) == (
        "Treaty of Friendship", None, "1950-05-03")


def _missions(text: str, title: str) -> list[tuple]:
    doc = Document(id="t", title=title, format="text", text=text,
                   sentences=[Sentence(0, "paragraph", None, 0, len(text), text)])
    [sentence] = annotate(doc).sentences
    return [(f.kind, f.subject.country, f.object.country, (f.place or {}).get("name"))
            for f in find_facts(sentence, sentence.context)]


def test_a_list_of_cities_is_a_mission_in_each() -> None:
    # the embassy's city is no sender of the consulates; towns the table knows or not
    text = ("Ukraine has an embassy in Moscow and consulates in Rostov-on-Don, "
            "Saint Petersburg and Vladivostok.")
    assert sorted(_missions(text, "Russia–Ukraine relations")) == [
        ("consulate", "UKR", "RUS", "Rostov-on-Don"),
        ("consulate", "UKR", "RUS", "Saint Petersburg"),
        ("consulate", "UKR", "RUS", "Vladivostok"),
        ("embassy", "UKR", "RUS", "Moscow")]


def test_one_list_has_one_host() -> None:
    # a town of another country with the same name ends the list
    found = _missions("Russia has an embassy in Kiev and consulates in Kharkiv, Lviv, and "
                      "Odessa.", "Russia–Ukraine relations")
    assert ("consulate", "RUS", "UKR", "Lviv") in found
    assert all(host == "UKR" for _, _, host, _ in found)


def test_mission_words_without_a_mission() -> None:
    # "consular" holds the cue's letters but names no mission
    assert _missions("Chile and Kenya held consular talks in 2001.",
                     "Chile–Kenya relations") == []


def test_each_change_of_relations_a_clause_tells_is_a_fact() -> None:
    found = _facts("Chile and Kenya restored diplomatic relations on 20 July 2015, after "
                   "relations had been severed in 1961.")
    assert ("diplomatic_relations", "CHL", "KEN", "2015-07-20", None, "asserted") in found
    assert ("diplomatic_relations", "CHL", "KEN", None, "1961", "asserted") in found


def test_a_change_of_relations_only_meant_is_no_fact() -> None:
    assert _facts("On 3 May 2024, the Kenyan president announced his intention to sever "
                  "Kenya's diplomatic relations with Chile.") == []
    # a history's "agreed to establish" is told as done
    assert _facts("In 1964 Chile and Kenya agreed to establish diplomatic relations.") == [
        ("diplomatic_relations", "CHL", "KEN", "1964", None, "asserted")]


def test_states_that_cut_ties_with_one_state_each_cut_them() -> None:
    found = _facts("On 5 June 2017, Peru along with Bolivia and Ecuador severed all ties with "
                   "Chile.", title="Chile–Peru relations")
    assert {(f[1], f[2]) for f in found} == {("PER", "CHL"), ("BOL", "CHL"), ("ECU", "CHL")}
    # only the states of the verb's own clause
    found = _facts("Chile–Kenya ties began in 1965, when Kenya ended formal relations with "
                   "Peru.")
    assert ("CHL", "PER") not in {(f[1], f[2]) for f in found}


@pytest.mark.parametrize(("text", "expected"), [
    # "relationship … began", not "began to sour"
    ("The modern Chile–Kenya diplomatic relationship began in 1965, when Kenya ended formal "
     "relations with Peru.", ("diplomatic_relations", "CHL", "KEN", "1965", None, "asserted")),
    ("Kenya normalized relations with Chile in 1972.",
     ("diplomatic_relations", "KEN", "CHL", "1972", None, "asserted")),
    # told in the passive
    ("Chile–Kenya relations were established in 1991 after long talks.",
     ("diplomatic_relations", "CHL", "KEN", "1991", None, "asserted")),
    ("Ties between the two neighbours were re-established on 9 July 2018.",
     ("diplomatic_relations", "CHL", "KEN", "2018-07-09", None, "asserted")),
    # the verb's subject, not the broker named first
    ("In March 2023, after talks that Peru had brokered, Chile and Kenya agreed to "
     "reestablish relations.", ("diplomatic_relations", "CHL", "KEN", "2023-03", None,
                                "asserted")),
])
def test_relations_however_told(text: str, expected: tuple) -> None:
    found = _facts(text)
    assert expected in found
    assert all("PER" not in (f[1], f[2]) or f[4] for f in found if f[0] == "diplomatic_relations")


@pytest.mark.parametrize("text", [
    "Kenya was the first country to recognise Chile, in 1818.",
    "Kenya normalized relations with Peru in 1972, recognizing Chile as the only legitimate state.",
])
def test_a_recognition_by_a_verb_with_no_subject_of_its_own(text: str) -> None:
    assert any(f[:3] == ("recognition", "KEN", "CHL") for f in _facts(text))


def test_a_government_is_its_state_and_this_country_the_one_just_named() -> None:
    found = _facts("In January 1992, the Kenyan government recognized Chile as the heir of its "
                   "predecessor.")
    assert ("recognition", "KEN", "CHL", "1992-01", None, "asserted") in found
    found = _facts("Kenya recognized the Provisional Government of the Chilean Republic in "
                   "October 1960, by establishing diplomatic relations with this country.")
    assert ("recognition", "KEN", "CHL", "1960-10", None, "asserted") in found
    assert any(f[0] == "diplomatic_relations" and {f[1], f[2]} == {"KEN", "CHL"} for f in found)


def test_ties_between_the_neighbours_re_established_once_and_the_pages_pair_first() -> None:
    found = _facts("A peace deal was forged, and ties between the neighbouring countries were "
                   "re-established on 9 July 2018.")
    assert [f for f in found if f[0] == "diplomatic_relations"] == [
        ("diplomatic_relations", "CHL", "KEN", "2018-07-09", None, "asserted")]
    found = _facts("In March 2023, after talks brokered by Peru, Kenya and Chile agreed to "
                   "restore relations.")
    assert {(f[1], f[2]) for f in found} == {("CHL", "KEN")}


def test_its_embassy_is_the_one_of_whoever_said_it() -> None:
    from dyad.annotate.pipeline import annotate as annotate_doc
    from dyad.read import read_text

    doc = read_text("Kenya expelled two Chilean diplomats. On 16 January, Chile announced it "
                    "would reopen its embassy in Kenya.", input_format="text")
    found = [(f.kind, f.subject.country, f.object.country) for s in annotate_doc(doc).sentences
             for f in find_facts(s, s.context) if f.kind == "embassy"]
    assert found == [("embassy", "CHL", "KEN")]


@pytest.mark.parametrize("text", [
    "Chile and Kenya have shared diplomatic relations since at least the 18th century.",
    "Chile–Kenya relations refers to the diplomatic relations between the Republic of Chile "
    "and the Republic of Kenya.",
])
def test_relations_told_as_standing_are_a_fact(text: str) -> None:
    found = [f for f in _facts(text) if f[0] == "diplomatic_relations"]
    assert [(f[1], f[2]) for f in found] == [("CHL", "KEN")]


def test_trade_relations_are_no_diplomatic_ones() -> None:
    assert _facts("Chile and Kenya have shared trade relations since 1990.") == []


@pytest.mark.parametrize(("text", "expected"), [
    # recognition told by a noun: to a state, or to a body governing the pair's other side
    ("In 1990 Chile switched recognition from Peru to Kenya.",
     [("recognition", "CHL", "KEN", "1990", None, "asserted")]),
    ("In 2011 Chile switched recognition to the National Transitional Council.",
     [("recognition", "CHL", "KEN", "2011", None, "asserted")]),
])
def test_recognition_told_by_a_noun(text: str, expected: list[tuple]) -> None:
    assert [f for f in _facts(text) if f[0] == "recognition"] == expected


def test_a_body_recognised_off_a_pairs_page_is_no_fact() -> None:
    found = _facts("In 2011 Chile switched recognition to the National Transitional Council.",
                   title="Chilean history")
    assert [f for f in found if f[0] == "recognition"] == []


def test_a_treaty_whose_name_says_between_whom() -> None:
    doc_text = ("Chile and Kenya set up relations in May 1965 under the Treaty of Friendship "
                "Between Chile and Kenya, which both ratified.")
    treaties = [f for f in _facts(doc_text) if f[0] == "treaty"]
    assert treaties == [("treaty", "CHL", "KEN", "1965-05", None, "asserted")]

    # a name "between" parties it does not name leaves the signing to say who signed
    treaties = [f for f in _facts("In 1995 Chile and Kenya signed the Agreement between the "
                                  "Parties on fisheries.") if f[0] == "treaty"]
    assert treaties == [("treaty", "CHL", "KEN", "1995", None, "asserted")]
