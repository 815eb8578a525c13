"""Trigger classifier: sentences written for these tests, expected type / CAMEO root / status."""

from __future__ import annotations

import pytest

from dyad.annotate.nlp import load_nlp
from dyad.extract.triggers import find_triggers, load_lexicon, main_trigger
from dyad.ontology import PLOVER_TYPES


def _main(text: str):
    doc = load_nlp()(text)
    return main_trigger(find_triggers(doc[:]))


@pytest.mark.parametrize(
    ("text", "ptype", "root", "status"),
    [
        ("Ruritania and Freedonia signed a trade treaty in 1994.", "AGREE", "05", "asserted"),
        ("Ruritania did not sign the border accord.", "AGREE", "05", "negated"),
        ("The two states established diplomatic relations in 1962.", "SUPPORT", "05", "asserted"),
        ("Freedonia recognised the independence of Ruritania.", "SUPPORT", "05", "asserted"),
        ("The foreign ministers held talks in Geneva.", "CONSULT", "04", "asserted"),
        ("The president visited Moscow last week.", "CONSULT", "04", "asserted"),
        ("Japan granted a loan of $50 million to Laos.", "AID", "07", "asserted"),
        ("Officials said Ruritania would send troops to the region.", "AGREE", "03", "planned"),
        ("Freedonia pledged to provide humanitarian aid.", "AGREE", "03", "asserted"),
        ("The minister accused Freedonia of aggression.", "ACCUSE", "11", "asserted"),
        ("The government condemned the bombing of the embassy.", "ACCUSE", "11", "asserted"),
        ("Freedonia imposed sanctions on Ruritania.", "SANCTION", "16", "asserted"),
        ("Ruritania severed diplomatic relations with Freedonia.", "SANCTION", "16", "asserted"),
        ("Freedonia expelled three Ruritanian diplomats.", "SANCTION", "16", "asserted"),
        ("Rebels shelled the capital overnight.", "ASSAULT", "19", "asserted"),
        ("Ruritania threatened to invade the islands.", "THREATEN", "13", "asserted"),
        ("Thousands of students protested outside the parliament.", "PROTEST", "14", "asserted"),
        ("The army deployed tanks along the border.", "MOBILIZE", "15", "asserted"),
        ("Police arrested twelve opposition activists.", "COERCE", "17", "asserted"),
        ("The government released forty political prisoners.", "RETREAT", "08", "asserted"),
        ("The regime rejected the peace plan.", "REJECT", "12", "asserted"),
        ("The opposition demanded the resignation of the prime minister.", "REQUEST", "10",
         "asserted"),
        ("The two navies held joint exercises in the gulf.", "COOPERATE", "06", "asserted"),
        ("According to the ministry, Ruritania signed the agreement.", "AGREE", "05",
         "reported"),
        ("If talks fail, Ruritania would impose an embargo.", "THREATEN", "13", "hypothetical"),
        ("Donations of military equipment arrived in the capital.", "AID", "07", "asserted"),
        ("Ruritania denied that it had attacked the convoy.", "ASSAULT", "19", "denied"),
        # a clause of what someone must do, under a verb or noun of saying, is a demand
        ("The minister declared that Freedonia must withdraw its troops.", "REQUEST", "10",
         "reported"),
        ("Ruritania issued a reminder to Freedonia that it must pay its debts.", "REQUEST", "10",
         "asserted"),
        ("The envoy said that Freedonia must be ready to negotiate.", "REQUEST", "10",
         "reported"),
        # who arrives decides what the arrival is
        ("Ruritanian troops arrived in the border town.", "MOBILIZE", "15", "asserted"),
        ("The Ruritanian delegation arrived in the capital.", "CONSULT", "04", "asserted"),
        # a verb that needs its object to be an event
        ("The workers called off their strike.", "CONCEDE", "08", "asserted"),
        ("Ruritania accepted a compromise on fishing rights.", "AGREE", "03", "asserted"),
        # a noun's event is denied by the "not" of the verb that only carries it
        ("The two kingdoms have never been engaged in a war.", "ASSAULT", "19", "negated"),
        ("Freedonia has never received military aid from Ruritania.", "AID", "07", "negated"),
        ("Ruritania did not hide its support for the rebels.", "SUPPORT", "05", "asserted"),
    ],
)
def test_main_trigger(text: str, ptype: str, root: str, status: str) -> None:
    main = _main(text)
    assert main is not None
    assert (main.plover_type, main.cameo[:2], main.status) == (ptype, root, status)


def test_offsets_and_reporting() -> None:
    doc = load_nlp()("Earlier, the spokesman said Ruritania had signed a pact.")
    sent = doc[2:]
    triggers = find_triggers(sent)
    assert [t.is_reporting for t in triggers] == [True, False]
    signed = triggers[1]
    assert sent.text[signed.start:signed.end] == "signed"
    assert signed.governors[0] == "say" and signed.status == "reported"


def test_no_trigger() -> None:
    assert _main("The weather in the capital was mild.") is None


def test_lexicon_is_broad_and_valid() -> None:
    patterns = [p for group in load_lexicon().values() for p in group]
    from dyad.ontology import cameo

    types = {cameo(p.cameo).plover_type for p in patterns}
    assert set(PLOVER_TYPES) <= types
    assert len({p.order for p in patterns}) >= 300


@pytest.mark.parametrize("text", [
    "The opposition won the municipal elections.",  # a party, not an objection
    "Ruritanian advisers live in the capital.",  # people, not training
    "The navies played war games near the islands.",  # "war" only modifies "games"
    "The court found that the contract was valid.",  # "find" alone is no verdict
    "The king ruled the country for forty years.",  # "rule" alone is no rejection
    "The ministry issued a press release.",  # no one was released
    "The envoy returned to Ruritania in May.",  # going back, nothing returned
    "The envoy recognized that Ruritania was the richer.",  # admitting, no recognition
])
def test_words_that_are_not_events(text: str) -> None:
    assert _main(text) is None


@pytest.mark.parametrize(("text", "code"), [
    ("The ministry firmly rejected the accusation.", "016"),
    ("Freedonia refuted the allegations.", "016"),
    ("The envoy denied any involvement.", "016"),
])
def test_denials_are_statements(text: str, code: str) -> None:
    main = _main(text)
    assert main is not None and main.cameo == code


@pytest.mark.parametrize(("text", "code"), [
    ("The two navies launched war games off the coast.", "062"),
    ("Freedonia accepted two thousand refugees from Ruritania.", "075"),
    ("Freedonia opened its borders to people fleeing the war.", "075"),
    ("Ruritania cut tariffs on Freedonian cheese.", "085"),
    ("The governor eased curfew hours in the capital.", "0813"),
    ("The charity flew ten tonnes of medicine into the region.", "073"),
    ("Ruritania supplied armaments to Freedonia.", "072"),
    ("Ruritania sent a military mission to Freedonia.", "072"),
    ("Ruritania sent a trade delegation to Freedonia.", "042"),  # a visit by the sender
    ("The two fleets began five days of war games.", "062"),  # the span's thing is the object
])
def test_material_cooperation_codes(text: str, code: str) -> None:
    assert _main(text).cameo == code


@pytest.mark.parametrize(("text", "code"), [
    ("Freedonia returned two paintings to Ruritania.", "084"),  # any object
    ("A stolen statue was returned to Ruritania.", "084"),  # passive
    ("Freedonia returned the captured soldiers to Ruritania.", "0841"),  # persons
    ("Freedonia recognized Ruritania in 1961.", "054"),
    ("Freedonia recognized and welcomed the new republic.", "054"),  # a shared object
    ("Ruritania was recognized by Freedonia.", "054"),
])
def test_returning_something(text: str, code: str) -> None:
    main = _main(text)
    assert main is not None and main.cameo == code


@pytest.mark.parametrize(("text", "code"), [
    ("The bishop called for sanctions against Ruritania.", "111"),
    ("A Freedonian court approved the extradition of the banker.", "063"),
])
def test_calls_against_and_approvals(text: str, code: str) -> None:
    main = _main(text)
    assert main is not None and main.cameo == code


@pytest.mark.parametrize(("text", "code"), [
    ("Dock workers in Freedonia went on strike for better pay.", "143"),
    ("Two prisoners went on hunger strike in protest.", "142"),
    ("Hundreds of miners stopped work on Monday.", "143"),
    ("The militia held villagers as human shields.", "184"),
    ("Ruritania launched cyber warfare against Freedonia.", "171"),
    ("Hackers defaced government web sites.", "171"),
])
def test_strikes_shields_and_cyber_attacks(text: str, code: str) -> None:
    main = _main(text)
    assert main is not None and main.cameo == code


@pytest.mark.parametrize(("text", "code"), [
    ("Freedonian troops participate in peacekeeping operations in Ruritania.", "074"),
    ("The minister extended his condolences to the families.", "018"),
    ("The junta granted the inspectors access.", "086"),
])
def test_condolences_peacekeeping_and_access(text: str, code: str) -> None:
    main = _main(text)
    assert main is not None and main.cameo == code


@pytest.mark.parametrize(("text", "code"), [
    ("The junta ordered the opposition newspaper to suspend publication.", "1721"),
    ("The rebels violated the ceasefire agreement on Monday.", "196"),
    ("The prime minister called the new president to congratulate him.", "041"),
])
def test_censorship_ceasefire_breach_and_calls(text: str, code: str) -> None:
    main = _main(text)
    assert main is not None and main.cameo == code


def test_easing_emergency_measures() -> None:
    main = _main("The governor eased emergency measures in the north.")
    assert main is not None and main.cameo == "0814"


def test_a_that_clause_hung_on_the_verb_is_the_demand_nouns_content() -> None:
    # the parse the small model sometimes gives: the clause under "reiterated", beside
    # the noun whose content it is
    from spacy.tokens import Doc

    words = ["The", "union", "reiterated", "its", "demand", "that", "Freedonia", "ease",
             "curbs", "."]
    doc = Doc(load_nlp().vocab, words=words,
              heads=[1, 2, 2, 4, 2, 7, 7, 2, 7, 2],
              deps=["det", "nsubj", "ROOT", "poss", "dobj", "mark", "nsubj", "ccomp", "dobj",
                    "punct"],
              pos=["DET", "NOUN", "VERB", "PRON", "NOUN", "SCONJ", "PROPN", "VERB", "NOUN",
                   "PUNCT"],
              lemmas=["the", "union", "reiterate", "its", "demand", "that", "Freedonia", "ease",
                      "curb", "."])
    main = main_trigger(find_triggers(doc[:]))
    assert main is not None and main.text == "demand"


@pytest.mark.parametrize(("text", "code"), [
    ("Youths threw stones at the police convoy.", "145"),
    ("Settlers set fire to the village school.", "1712"),
])
def test_stone_throwing_and_arson(text: str, code: str) -> None:
    main = _main(text)
    assert main is not None and main.cameo == code


def test_a_hedge_on_a_noun_is_no_accusation() -> None:
    doc = load_nlp()("The alleged abuses by the guards shocked the town.")
    assert "alleged" not in [t.text for t in find_triggers(doc[:])]


@pytest.mark.parametrize("text", [
    "The junta revoked the defence pact with Freedonia.",
    "Ruritania tore up the fishing accord.",
])
def test_undoing_an_agreement_is_no_signing(text: str) -> None:
    main = _main(text)
    assert main is not None and main.cameo == "160"


def test_calling_on_someone_asking_nothing_is_a_visit() -> None:
    assert _main("Business leaders called on the prime minister in Nairobi.").cameo == "042"
    assert _main("Business leaders called on the prime minister to cut taxes.").cameo == "020"


def test_a_protest_called_by_someone_is_no_appeal() -> None:
    doc = load_nlp()("Residents burned a flag during a protest called by civic groups.")
    assert [t.lemma for t in find_triggers(doc[:])] == ["burn"]


def test_a_time_clause_is_no_part_of_an_accusation() -> None:
    doc = load_nlp()("Ruritania accused Freedonia of lying on Sunday, a day after its envoy "
                     "was given 48 hours to leave.")
    given = next(t for t in find_triggers(doc[:]) if t.lemma == "give")
    assert given.status == "asserted"
    # what a claim says stays alleged
    doc = load_nlp()("Ruritania claimed that Freedonia had shelled the border villages.")
    shelled = next(t for t in find_triggers(doc[:]) if t.lemma == "shell")
    assert shelled.status == "alleged"


def test_an_intention_is_planned_and_a_decision_is_the_act() -> None:
    doc = load_nlp()("The president announced his intention to sever relations with Freedonia.")
    sever = next(t for t in find_triggers(doc[:]) if t.lemma == "sever")
    assert (sever.status, sever.plover_type) == ("planned", "SANCTION")
    doc = load_nlp()("The move follows Ruritania's decision to withdraw its diplomats from "
                     "Freedonia.")
    withdraw = next(t for t in find_triggers(doc[:]) if t.lemma == "withdraw")
    assert withdraw.status == "planned" and withdraw.plover_type != "AGREE"


def test_a_war_joined_to_background_is_background() -> None:
    doc = load_nlp()("Relations soured after the border attacks and the long war.")
    war = next(t for t in find_triggers(doc[:]) if t.lemma == "war")
    assert war.background


def test_a_when_clause_takes_no_status_from_the_clause_above() -> None:
    doc = load_nlp()("Such ties would continue up until 1910, when Ruritania became a colony "
                     "of Freedonia.")
    colony = next(t for t in find_triggers(doc[:]) if t.lemma == "colony")
    assert colony.status == "asserted"


def test_a_cause_told_in_a_description_is_background() -> None:
    doc = load_nlp()("Relations between them are cool, stemming from historic conflict.")
    conflict = next(t for t in find_triggers(doc[:]) if t.lemma == "conflict")
    assert conflict.background


def test_cooperation_that_dates_back_or_remains_is_no_act() -> None:
    for text in ("Cooperation between Ruritania and Freedonia dates back to 1950.",
                 "Cooperation between Ruritania and Freedonia remained strong."):
        assert [t.lemma for t in find_triggers(load_nlp()(text)[:])] == []
    doc = load_nlp()("Cooperation between Ruritania and Freedonia expanded in 1990.")
    assert [t.lemma for t in find_triggers(doc[:])] == ["cooperation"]


@pytest.mark.parametrize("text", [
    "The minister told a news conference that talks had failed.",
    "The leaders discussed ways to deepen bilateral relations.",
])
def test_a_press_conference_and_a_way_to_act_are_no_acts(text: str) -> None:
    found = [t.lemma for t in find_triggers(load_nlp()(text)[:])]
    assert "conference" not in found and "deepen" not in found


def test_recognising_an_idea_is_no_recognition() -> None:
    doc = load_nlp()("Newly independent, Ruritania recognized the importance of unity.")
    assert all(t.plover_type != "SUPPORT" for t in find_triggers(doc[:]))
    doc = load_nlp()("Freedonia recognized Ruritania in 1961.")
    assert [t.plover_type for t in find_triggers(doc[:])] == ["SUPPORT"]


def test_sympathy_with_a_state_is_support_and_for_victims_condolence() -> None:
    doc = load_nlp()("Ruritania expressed sympathy with Freedonia over its energy programme.")
    assert _main("Ruritania expressed sympathy with Freedonia over its energy programme."
                 ).plover_type == "SUPPORT"
    doc = load_nlp()("Ruritania expressed sympathy for the families of the victims.")
    assert all(t.plover_type != "SUPPORT" for t in find_triggers(doc[:]))


def test_what_should_be_investigated_is_no_threat() -> None:
    doc = load_nlp()("The minister added that his death should be investigated.")
    death = next(t for t in find_triggers(doc[:]) if t.lemma == "death")
    assert death.plover_type != "THREATEN"


def test_what_a_state_said_it_could_do_by_force_is_a_threat() -> None:
    doc = load_nlp()("The president declared that his country could annex the eastern region.")
    annex = next(t for t in find_triggers(doc[:]) if t.lemma == "annex")
    assert annex.plover_type == "THREATEN"
    # a past act guessed at is no threat
    doc = load_nlp()("Officials said Freedonia may have attacked the convoy.")
    attack = next(t for t in find_triggers(doc[:]) if t.lemma == "attack")
    assert attack.plover_type != "THREATEN"


def test_an_object_the_parser_hangs_on_a_particle_is_the_verbs() -> None:
    doc = load_nlp()("As part of the campaign, the Ruritanian-led bloc closed off their "
                     "airspaces and land borders to Freedonia.")
    assert [t.plover_type for t in find_triggers(doc[:]) if t.lemma == "close"] == ["COERCE"]


@pytest.mark.parametrize("text", [
    "Early traders called the coast the Land of Incense.",
    "The vote demonstrated the wish of the islanders to stay.",
    "Ties need time, said the official, who declined to be named.",
    "The two presidents released a joint statement on Tuesday.",
])
def test_naming_showing_and_statements_are_no_acts(text: str) -> None:
    found = [t for t in find_triggers(load_nlp()(text)[:]) if t.plover_type]
    assert found == []


def test_a_crowd_demonstrating_and_prisoners_released_stay_acts() -> None:
    doc = load_nlp()("Thousands demonstrated in the capital and the army released the prisoners.")
    assert sorted(t.plover_type for t in find_triggers(doc[:])) == ["PROTEST", "RETREAT"]


@pytest.mark.parametrize(("text", "ptype"), [
    # a state's blockade restricts movement; protesters blocking a road protest
    ("Ruritania has enforced a blockade of Freedonia since 1989.", "COERCE"),
    ("Ruritania blockaded the Freedonian ports.", "COERCE"),
    ("Farmers blockaded the main road into the capital.", "PROTEST"),
])
def test_a_blockade_by_whom(text: str, ptype: str) -> None:
    found = [t.plover_type for t in find_triggers(load_nlp()(text)[:]) if "lockade" in t.text]
    assert found == [ptype]


@pytest.mark.parametrize(("text", "status"), [
    # "would" in a history tells what came later
    ("The conflict between the two kingdoms would begin in the twelfth century.", "asserted"),
    ("Ruritania would later invade Freedonia in 1921.", "asserted"),
    # elsewhere it is what might be
    ("Ruritania would invade Freedonia if provoked.", "hypothetical"),
])
def test_would_in_a_history(text: str, status: str) -> None:
    found = [t.status for t in find_triggers(load_nlp()(text)[:])
             if t.lemma in ("conflict", "invade")]
    assert found == [status]


@pytest.mark.parametrize("text", [
    "Officials argue that it was the feud among the elite that is to blame for the deadlock.",
    "The two states formed economic ties that further encouraged good relations.",
    "The agreement calls for the withdrawal of foreign troops.",
])
def test_no_one_accuses_or_appeals_here(text: str) -> None:
    found = [t.plover_type for t in find_triggers(load_nlp()(text)[:])]
    assert "ACCUSE" not in found and "REQUEST" not in found


@pytest.mark.parametrize(("text", "ptype"), [
    ("Ruritania blamed Freedonia for the deadlock.", "ACCUSE"),
    ("The president of Ruritania encouraged Freedonia to sign.", "REQUEST"),
])
def test_a_state_still_accuses_and_appeals(text: str, ptype: str) -> None:
    assert ptype in [t.plover_type for t in find_triggers(load_nlp()(text)[:])]


@pytest.mark.parametrize(("text", "acts"), [
    ("The earthquakes that killed thousands in Ruritania shook the region.", []),
    ("A flood destroyed villages near the border.", []),
    ("Rebels killed ten soldiers near the border.", ["ASSAULT"]),
])
def test_a_disaster_is_no_ones_act(text: str, acts: list[str]) -> None:
    found = [t.plover_type for t in find_triggers(load_nlp()(text)[:])
             if t.lemma in ("kill", "destroy")]
    assert found == acts


@pytest.mark.parametrize(("text", "signing"), [
    ("The statement, signed by the government spokesman, was read on radio.", False),
    ("The president signed a decree on the border.", False),
    ("Ruritania and Freedonia signed a border agreement.", True),
])
def test_what_is_signed_alone_is_no_agreement(text: str, signing: bool) -> None:
    found = [t for t in find_triggers(load_nlp()(text)[:]) if t.lemma == "sign"]
    assert bool(found) is signing


@pytest.mark.parametrize(("text", "ptype"), [
    ("The president attacked socialism as a cancer.", "ACCUSE"),
    ("The minister attacked the Freedonian government's policy on migrants.", "ACCUSE"),
    ("Ruritanian troops attacked Freedonian border posts.", "ASSAULT"),
])
def test_an_attack_in_words(text: str, ptype: str) -> None:
    assert [t.plover_type for t in find_triggers(load_nlp()(text)[:])
            if t.lemma == "attack"] == [ptype]


@pytest.mark.parametrize(("text", "found"), [
    # a present participle before its noun is a state, not an act, unless it is force
    ("The Ruritanian kingdom displaced the declining Freedonian empire.", []),
    ("The invading Ruritanian army crossed the river.", ["ASSAULT"]),
    # the downing of an aircraft is force; calling a meeting convenes one
    ("The Ruritanian downing of a Freedonian jet shocked the region.", ["ASSAULT"]),
    ("Freedonia called an emergency meeting of the alliance.", ["CONSULT"]),
    ("Relations suffered after the downgrading of relations by Freedonia.", ["SANCTION"]),
])
def test_participles_downings_and_meetings(text: str, found: list[str]) -> None:
    got = [t.plover_type for t in find_triggers(load_nlp()(text)[:])
           if t.lemma in ("decline", "invade", "downing", "call", "downgrading", "downgrade")]
    assert got == found
