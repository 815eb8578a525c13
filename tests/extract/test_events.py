"""Event sides from the parse: sentences written for these tests, expected (type, actors,
recipients) as country codes."""

from __future__ import annotations

import pytest

from dyad.annotate.pipeline import annotate
from dyad.extract.events import find_events
from dyad.model import Document, Sentence


def _found(text: str, date: str | None = "2015-06-01", title: str | None = None) -> list:
    """dyad's events for ``text`` as a one-sentence document."""
    doc = Document(id="t", title=title, format="text", text=text, date=date,
                   sentences=[Sentence(0, "paragraph", None, 0, len(text), text)])
    [sentence] = annotate(doc).sentences
    return list(find_events(sentence))


def _events(text: str, date: str | None = "2015-06-01",
            title: str | None = None) -> list[tuple[str, list, list]]:
    return [(ev.trigger.plover_type, [e.country for e in ev.actors],
             [e.country for e in ev.recipients]) for ev in _found(text, date, title)]


@pytest.mark.parametrize(("text", "expected"), [
    # subject acts, object receives
    ("Chile granted Peru a loan of $20 million.", ("AID", ["CHL"], ["PER"])),
    # passive: the by-phrase acts, the subject receives
    ("Peru was criticised by Chile for the decision.", ("ACCUSE", ["CHL"], ["PER"])),
    # coordination gives several actors
    ("Chile and Peru signed a fisheries agreement.", ("AGREE", ["CHL", "PER"], [])),
    # "to X" before "for …": the apology goes to Brazil, not to the ship's flag
    ("Argentina apologised to Brazil for the seizure of a Chilean trawler.",
     ("SUPPORT", ["ARG"], ["BRA"])),
    # an offer's own actor, not the parties of the talks it proposes
    ("Kenya rejected a Chinese proposal for a summit between Ethiopia and Egypt.",
     ("REJECT", ["KEN"], ["CHN"])),
    # a person the resolver leaves without a country takes the state named before him
    ("Nigerian junior minister Okon Bassey summoned the ambassador of Niger.",
     ("ACCUSE", ["NGA"], ["NER"])),
    # "X said Y must …": X demands, of Y
    ("Chile said on Monday that Peru must withdraw its troops from the border.",
     ("REQUEST", ["CHL"], ["PER"])),
    ("Norway issued a reminder to Iceland that it must respect the fishing quota.",
     ("REQUEST", ["NOR"], ["ISL"])),
    # a pronoun subject is the governing clause's subject; an act announced is the act
    ("Peru said it would expel the Chilean ambassador.", ("SANCTION", ["PER"], ["CHL"])),
    # the actor's own forces are not its recipient; the place is
    ("Israel strengthened its forces in Lebanon.", ("MOBILIZE", ["ISR"], ["LBN"])),
    # a named organisation the gazetteer lacks still acts, without a country
    ("Amnesty International accused Chile of torture.", ("ACCUSE", [None], ["CHL"])),
    # domestic actors (role words) belong to the country the sentence places them in
    # "dependent on X for Y": X does Y
    ("Cuba remained dependent on the Soviet Union for the training of its army.",
     ("COOPERATE", ["SUN"], ["CUB"])),
    # "relations between the two were established": a joint act, no doer named
    ("Diplomatic relations between Chile and Kenya were established in 1964.",
     ("SUPPORT", ["CHL", "KEN"], [])),
    # "X was committed to send …": a passive in form, X is the doer
    ("The minister said Japan was committed to send rice to Laos.", ("AGREE", ["JPN"], ["LAO"])),
    ("Chile is opposed to Peruvian mediation in the dispute.", ("REJECT", ["CHL"], ["PER"])),
    # a noun's own doer outranks its clause's subject
    ("Kenya sought closer ties with Egypt due to French support for Ethiopia.",
     ("SUPPORT", ["FRA"], ["ETH"])),
    ("Kenya sought closer ties with Egypt due to French support for Ethiopia.",
     ("AGREE", ["KEN"], ["EGY"])),
    # what a transfer moves is not its recipient
    ("China sent rice and Chinese engineers to Chad.", ("COOPERATE", ["CHN"], ["TCD"])),
    # a state listed beside a person is a side of its own, not the person's country
    ("Kenya hosted talks between Uganda and South Sudanese leader Salva Kiir.",
     ("CONSULT", ["KEN"], ["UGA", "SSD"])),
    # acts done at home with no target named: the actor's own country
    ("Kenya lifted the curfew in the north on Monday.", ("RETREAT", ["KEN"], ["KEN"])),
    ("Police dispersed opposition supporters in Nairobi on Monday.",
     ("ASSAULT", ["KEN"], ["KEN"])),
])
def test_sides(text: str, expected: tuple[str, list, list]) -> None:
    assert expected in _events(text)


@pytest.mark.parametrize(("text", "expected"), [
    # force with no doer named, at a town the gazetteer does not know: coded by its country
    ("A car bomb near the town of Kirkuk killed two Turkish engineers on Sunday.",
     ("ASSAULT", ["IRQ"], ["TUR"])),
    ("Four Kenyan aid workers were abducted outside the city of Garissa.",
     ("ASSAULT", ["KEN"], ["KEN"])),
    ("A Canadian engineer was put under investigation in Chile for bribery.",
     ("ACCUSE", ["CHL"], ["CAN"])),
    # a judge of no known country named acts at home
    ("Judge Marta Quiroga opened investigations against ten Peruvian customs officials.",
     ("ACCUSE", ["PER"], ["PER"])),
    # a complaint to a forum is against what it is about
    ("Kenya complained to the African Union on Monday over Somali border raids.",
     ("ACCUSE", ["KEN"], ["SOM"])),
    # the actor's own people beside a foreign recipient are its side
    ("Chilean diplomats held talks with President Lula at a dinner hosted by the "
     "Ambassador of Chile.", ("CONSULT", ["CHL"], ["BRA"])),
    # a state naming a border says where; the source that reports it is no side
    ("Peruvian troops seized a rebel camp on the Bolivian border on Sunday, Bolivian "
     "officials said.", ("COERCE", ["PER"], ["PER"])),
    # help given "from" X or "with the help of X": X gives, the subject is given to
    ("Peru received military aid from Russia in 2010.", ("AID", ["RUS"], ["PER"])),
    ("Kenya had only lukewarm support from the Chinese government.",
     ("SUPPORT", ["CHN"], ["KEN"])),
    ("Ethiopia launched an offensive with the help of Cuban troops.",
     ("AID", ["CUB"], ["ETH"])),
    # a hostile act's "of" is its target, before a "with"
    ("Chile said on Monday it would tighten the naval blockade of Peru with Ecuador's help.",
     ("COERCE", ["CHL"], ["PER"])),
    ("Bolivia will keep up its siege of the Peruvian port with Chilean backing.",
     ("COERCE", ["BOL"], ["PER"])),
    # a people no role word names takes the country it acts in
    ("Several hundred ethnic Uzbeks demonstrated in Kyrgyzstan on Friday.",
     ("PROTEST", ["KGZ"], ["KGZ"])),
    ("Ethnic Uzbeks have vowed to fight for villages near Kyrgyzstan's border with "
     "Tajikistan.", ("ASSAULT", ["KGZ"], ["KGZ"])),
])
def test_more_sides(text: str, expected: tuple[str, list, list]) -> None:
    assert expected in _events(text)


def test_unnamed_doer_needs_a_place_and_a_victim() -> None:
    assert _events("Two Turkish engineers were killed on Sunday.") == []
    # the place itself is no victim: a war in a country is no attack on it
    assert not [e for e in _events("Ethnic violence and war in Kenya led to the collapse of "
                                   "the federal institutions.") if e[0] == "ASSAULT"]
    # the reporting radio's city is no victim
    assert not [e for e in _events("Many were killed in riots in March, Kenyan radio said.")
                if e[0] == "ASSAULT"]


@pytest.mark.parametrize("text, expected", [
    # unnamed protesters are the people of the place they march in; the place is no target
    ("Thousands marched through Bamako on Friday against the French military presence.",
     ("PROTEST", ["MLI"], ["FRA"])),
    ("Crowds blocked the main roads of Dakar to denounce Gambian border closures.",
     ("PROTEST", ["SEN"], ["GMB"])),
    ("Angry traders rioted in Nairobi on Monday.", ("PROTEST", ["KEN"], ["KEN"])),
])
def test_unnamed_protesters_take_the_place(text: str, expected: tuple[str, list, list]) -> None:
    assert expected in _events(text)


def test_unnamed_protesters_need_a_place() -> None:
    assert not [e for e in _events("Thousands marched against the French military presence.")
                if e[0] == "PROTEST"]


def test_a_transnational_body_acts_for_no_state() -> None:
    assert ("ACCUSE", [None], ["TCD"]) in _events(
        "Human Rights Watch accused Chad of torturing detainees in N'Djamena.")
    # unnamed "officials" of a named NGO are the NGO's, not the country they work in
    assert ("SANCTION", [None], ["SOM"]) in _events(
        "Red Cross officials suspended aid deliveries in Mogadishu after a convoy was shot at.")


def test_unidentified_doer_is_named_so() -> None:
    [event] = _found("A roadside bomb near the town of Kirkuk killed a Turkish engineer.")
    [actor] = event.actors
    assert (actor.name, actor.text, actor.kind, actor.country) == \
        ("unidentified actor", None, "group", "IRQ")
    assert actor.confidence < 0.5


def test_a_recipient_found_by_nearness_brings_its_list() -> None:
    found = _events("Chile agreed on Friday to supply about 20,000 tonnes of grain to the "
                    "drought-hit regions of Peru and Bolivia.")
    agree = [e for e in found if e[0] == "AGREE"]
    assert agree and all(e[2] == ["PER", "BOL"] for e in agree)


def test_force_for_a_purpose_falls_on_its_target() -> None:
    found = _events("Kenyan police opened fire to disperse opposition supporters on Friday.")
    assert found and all(e == ("ASSAULT", ["KEN"], ["KEN"]) for e in found)


def test_a_pronoun_for_a_party_without_a_name_in_the_gazetteer() -> None:
    # "it" is the party, placed by the elections it boycotts
    assert _events("The Liberal Party of Freedonia said it would boycott Kenya's next "
                   "elections.") == [("PROTEST", ["KEN"], ["KEN"])]


def test_the_state_before_backed_backs_the_phrase() -> None:
    found = _events("Kenya feared a China-backed overthrow of the regime.")
    assert ("SUPPORT", ["CHN"], []) in found
    # the backer is no side of what it backs
    found = _events("The Russian-backed junta expelled French troops.")
    assert not any(e[0] == "SANCTION" and "RUS" in e[1] for e in found)


def test_people_named_by_where_they_come_from_are_its() -> None:
    assert ("COERCE", ["NER"], ["CAN"]) in _events(
        "A geologist from Calgary was arrested in Niger for spying.")
    found = _events("Two engineers from Shanghai were kidnapped in Niger.")
    assert found and found[0][2] == ["CHN"]
    found = _events("A trader from Port Harcourt was kidnapped in Cameroon.")  # a whole name
    assert found and found[0][2] == ["NGA"]


@pytest.mark.parametrize("text, expected", [
    # the people a noun moves are its doer's; where they go, arrive or leave is the other side
    ("The withdrawal of French troops from Mali was completed in August.",
     ("RETREAT", ["FRA"], ["MLI"])),
    ("The deployment of Rwandan soldiers to Mozambique began in July.",
     ("MOBILIZE", ["RWA"], ["MOZ"])),
    ("The arrival of Russian instructors in Bangui worried the opposition.",
     ("MOBILIZE", ["RUS"], ["CAF"])),
])
def test_a_noun_moving_people(text: str, expected: tuple[str, list, list]) -> None:
    assert expected in _events(text)


def test_moved_people_with_no_owner_leave_the_doer_to_the_clause() -> None:
    assert ("RETREAT", ["USA"], ["PAN"]) in _events(
        "The United States sped up the withdrawal of some forces from Panama on Friday.")


def test_a_body_no_table_knows_can_make_a_demand() -> None:
    assert ("REQUEST", [None], ["TCD"]) in _events(
        "The Lake Basin Forum concluded on Friday that Chad and other riparian states must "
        "release more water.")


def test_people_known_by_a_role_word_are_placed_by_whom_they_target() -> None:
    found = _events("Islamist clerics continued their hunger strike to demand the resignation "
                    "of the Malian prime minister.")
    assert ("PROTEST", ["MLI"], ["MLI"]) in found
    # a named body with no home state stays stateless
    found = _events("Amnesty International kept up its campaign to demand the release of the "
                    "Sudanese president.")
    assert found and all(e[1] == [None] for e in found)


@pytest.mark.parametrize("text, expected", [
    # who died or suffered underwent the act; the holder or the "by" phrase did it
    ("A Kenyan journalist died of torture in Ugandan police custody.",
     ("ASSAULT", ["UGA"], ["KEN"])),
    ("Three Malian soldiers died in an ambush by Burkinabe rebels.",
     ("ASSAULT", ["BFA"], ["MLI"])),
])
def test_who_died_of_an_act_suffered_it(text: str, expected: tuple[str, list, list]) -> None:
    assert expected in _events(text)


def test_forces_led_by_a_state_are_its_side() -> None:
    found = _events("Kenyan-led forces recaptured a border village in Somalia after heavy "
                    "fighting.")
    assert ("COERCE", ["KEN"], ["SOM"]) in found


def test_an_unnamed_government_is_not_the_foreigners() -> None:
    # no place, no page: the junta's country is unknown, not France's
    assert _events("The junta expelled French troops.") == [("SANCTION", [None], ["FRA"])]
    # on a "Chile–France relations" page it is the other side's
    found = _events("The junta expelled French troops.", title="Chile–France relations")
    assert ("SANCTION", ["CHL"], ["FRA"]) in found


def test_a_war_between_two_is_theirs() -> None:
    found = _events("A Kenyan-brokered deal ended the war between Sudan and Chad.")
    assert [e for e in found if e[0] == "ASSAULT"] == [("ASSAULT", ["SDN"], ["TCD"])]


def test_a_helper_is_no_target() -> None:
    found = _events("Ethiopia launched an offensive with the help of Cuban troops.")
    assert not any(e[0] == "ASSAULT" and "CUB" in e[2] for e in found)


def test_a_relative_clause_is_its_antecedents_doing() -> None:
    # the resolution condemned the annexation; Chad, voting against it, did not
    found = _events("In March 2014, Chad voted against a United Nations General Assembly "
                    "resolution that condemned the Russian annexation of Crimea.")
    assert found and all("TCD" not in e[1] for e in found)
    assert any(e[0] == "ACCUSE" and e[1] == [None] and "RUS" in e[2] for e in found)


def test_no_event_without_a_named_side() -> None:
    # a role word with nowhere to place it, acting on nobody named: nothing to record
    assert _events("The police arrested a man on Monday.") == []


def test_a_relations_page_fills_the_other_side() -> None:
    # no recipient written: on a "Chile–Kenya relations" page, the other side, less sure
    found = _events("Chile was committed to send 5,000 tonnes of wheat.",
                    title="Chile–Kenya relations")
    assert found == [("AGREE", ["CHL"], ["KEN"])]
    # nor is an act that names where it went, a place that is no state
    found = _events("Chile sent troops to fight in Europe in 1944.", title="Chile–Kenya relations")
    assert all(r != ["KEN"] for _, _, r in found)
    # a joint act of the two is not filled
    found = _events("The two countries signed a trade treaty in 1994.",
                    title="Chile–Kenya relations")
    assert found == [("AGREE", ["CHL", "KEN"], [])]


@pytest.mark.parametrize("text", [
    "Peru was in need of economic support.",  # wanted, not done
    "It was the largest deployment since the end of the Cold War.",  # an era's name
])
def test_no_event(text: str) -> None:
    assert _events(text) == []


@pytest.mark.parametrize(("text", "code"), [
    ("Chile will not lift the embargo on Peru.", "1244"),
    ("Peru says it will not accept more refugees from Chile.", "122"),
    ("Chile would not release the Peruvian fishermen.", "1243"),
    ("The Chilean president will not visit Peru.", "125"),
])
def test_will_not_is_a_refusal(text: str, code: str) -> None:
    [event] = [ev for ev in _found(text) if ev.trigger.cameo[:2] == "12"]
    assert (event.trigger.cameo, event.trigger.plover_type, event.trigger.negated) == (
        code, "REJECT", False)


def test_did_not_stays_negated() -> None:
    [event] = _found("Chile did not lift the embargo on Peru.")
    assert event.trigger.negated and event.trigger.cameo[:2] == "08"


def test_a_name_the_parser_broke_up_is_still_the_side() -> None:
    # the small model sometimes makes each piece of "Hamad al-Thani" a subject of its own
    from spacy.tokens import Doc

    from dyad.annotate.nlp import load_nlp
    from dyad.annotate.pipeline import Mention
    from dyad.extract.events import _phrase_actors
    from dyad.model import Entity

    words = ["Emir", "Hamad", "al", "-", "Thani", "met", "Kenya", "."]
    doc = Doc(load_nlp().vocab, words=words, spaces=[True, True, False, False, True, True,
                                                      False, False],
              heads=[1, 5, 5, 5, 5, 5, 5, 5],
              deps=["compound", "nsubj", "nsubj", "nsubj", "nsubj", "ROOT", "dobj", "punct"])
    emir = Entity("Hamad al-Thani", "Emir Hamad al-Thani", "person", "QAT")
    mentions = [Mention(0, 19, emir)]
    span = doc[:]
    for piece in (2, 3, 4):
        assert _phrase_actors(doc[piece], span, mentions) == [emir]
    assert _phrase_actors(doc[6], span, mentions) == []


def test_a_with_phrase_set_before_the_clause_is_a_circumstance() -> None:
    from dyad.annotate.nlp import load_nlp
    from dyad.extract.events import _helping

    doc = load_nlp()("With the signing of the accord, Chad and Niger agreed to open the border.")
    signing = next(t for t in doc if t.text == "signing")
    assert signing.dep_ == "pobj" and _helping(signing)
    # after the verb, "with" names a partner
    doc = load_nlp()("Chad signed an accord with the government of Niger.")
    assert not _helping(next(t for t in doc if t.text == "government"))


def test_periods_named_together_are_one_span() -> None:
    found = _found("In the 1960s and 1970s, the royal families of Chad and Niger exchanged "
                   "visits.", date=None)
    assert {(e.date.start, e.date.end) for e in found} == {("1960", "1979")}
    # single years named together stay apart
    found = _found("Chad and Niger held talks in 1994 and 1996.", date=None)
    assert {e.date.end for e in found} == {None}


def test_an_event_takes_the_date_of_its_own_clause() -> None:
    found = _found("In the 1960s, Chad and Niger signed a pact; in the 1980s they fought a "
                   "border war.", date=None)
    assert {e.trigger.text: e.date.start for e in found}.get("signed") == "1960"


def test_the_host_shelters_who_took_refuge() -> None:
    assert ("AID", ["CMR"], ["TCD"]) in _events("Rebels from Chad took refuge in Cameroon.")


def test_a_participle_on_a_noun_is_no_event() -> None:
    # "the deposed president": a state he is in, not a deposition by Senegal
    found = _events("Senegal granted asylum to the deposed president.")
    assert [e[0] for e in found] == ["AID"]


@pytest.mark.parametrize(("text", "expected"), [
    # an ultimatum to leave is an expulsion, however the parser hangs "to leave"
    ("Ghana ordered the Togolese ambassador to leave within 72 hours.",
     ("SANCTION", ["GHA"], ["TGO"])),
    ("Ghana gave the Togolese envoy Kofi Mensah 48 hours to leave the country.",
     ("SANCTION", ["GHA"], ["TGO"])),
    ("Ghana declared the Togolese ambassador persona non grata.",
     ("SANCTION", ["GHA"], ["TGO"])),
    # told in the passive, the expeller is the state the envoy is posted to
    ("The Togolese ambassador to Ghana was given 48 hours to leave the country.",
     ("SANCTION", ["GHA"], ["TGO"])),
    # a break decided or announced is the break, told as planned (the dev guide's coding of
    # plans); one held over the other side in a warning or on a condition is a threat
    ("Ghana has decided to sever diplomatic relations with Togo.",
     ("SANCTION", ["GHA"], ["TGO"])),
    ("Ghana said it would sever diplomatic relations with Togo.",
     ("SANCTION", ["GHA"], ["TGO"])),
    ("Ghana warned that it would sever diplomatic relations with Togo.",
     ("THREATEN", ["GHA"], ["TGO"])),
    # an envoy sent back home is expelled
    ("Ghana sent the Togolese ambassador in Accra back home on Monday.",
     ("SANCTION", ["GHA"], ["TGO"])),
    # "ordered him to leave" after an envoy is named sends that envoy out
    ("Ghana summoned Togo's ambassador on Monday and ordered him to leave the country.",
     ("SANCTION", ["GHA"], ["TGO"])),
    ("Ghana would sever diplomatic relations with Togo if the border stayed shut.",
     ("THREATEN", ["GHA"], ["TGO"])),
])
def test_expulsions_and_breaks(text: str, expected: tuple[str, list, list]) -> None:
    assert expected in _events(text)


def _page_events(text: str, date: str | None) -> list[tuple[str, str | None]]:
    from dyad.annotate.pipeline import annotate as annotate_doc
    from dyad.read import read_text

    doc = read_text(text, input_format="text", date=date)
    return [(ev.trigger.text, ev.date.start) for s in annotate_doc(doc).sentences
            for ev in find_events(s)]


def test_an_undated_sentence_takes_the_month_the_story_reached() -> None:
    text = "Chile–Kenya relations\n\nIn March 1994 Kenya opened talks with Chile. Chile then granted Kenya a loan."
    assert ("granted", "1994-03") in _page_events(text, None)


def test_in_news_an_undated_sentence_takes_the_story_date() -> None:
    # as event data (ICEWS, GDELT) dates news: the story's day, not a background date an
    # earlier sentence gave, whether weeks back or the day of a noun
    text = ("Kenya expelled the Chilean ambassador, citing a row over the coup of 7 March in "
            "Peru. Chile recalled its envoy from Kenya.")
    assert ("recalled", "2019-04-03") in _page_events(text, "2019-04-03")
    text = ("Kenya expelled the Chilean ambassador over his remarks about Monday's coup in "
            "Peru. Chile recalled its envoy from Kenya.")
    assert ("recalled", "2019-04-03") in _page_events(text, "2019-04-03")


def test_in_news_a_day_the_story_just_named_carries_on() -> None:
    text = ("Kenya said on Monday it was expelling the Chilean ambassador. Chile recalled its "
            "envoy from Kenya.")
    assert ("recalled", "2019-04-01") in _page_events(text, "2019-04-03")
    # "last week" is no one day
    text = ("Kenya criticised Chile last week. Chile recalled its envoy from Kenya.")
    assert ("recalled", "2019-04-03") in _page_events(text, "2019-04-03")


def test_a_day_after_dates_its_clause_from_the_one_it_hangs_on() -> None:
    text = ("Chile accused Kenya of bad faith on Sunday, a day after the Chilean ambassador to "
            "Kenya was given 48 hours to leave. The protest comes two days after Kenya "
            "recalled its envoy from Chile.")
    events = _page_events(text, "2019-04-09")
    assert ("accused", "2019-04-07") in events
    assert ("given", "2019-04-06") in events
    # "comes" is the story's day, today
    assert ("recalled", "2019-04-07") in events


def _caption_events(text: str) -> list[tuple[str, list, list]]:
    doc = Document(id="t", title="Chile–Kenya relations", format="page", text=text,
                   sentences=[Sentence(0, "caption", None, 0, len(text), text)])
    [sentence] = annotate(doc).sentences
    return [(ev.trigger.plover_type, [e.country for e in ev.actors],
             [e.country for e in ev.recipients]) for ev in find_events(sentence)]


def test_a_caption_shows_a_meeting_of_people_not_a_map_of_states() -> None:
    assert _caption_events("Chilean President Gabriel Boric with Kenyan President William Ruto in Nairobi, 2023") == [
        ("CONSULT", ["CHL"], ["KEN"])]
    assert _caption_events("Map indicating locations of Chile and Kenya") == []


@pytest.mark.parametrize(("text", "expected"), [
    # one's own envoy is what one acts with; the state posted to or taken from receives
    ("Chile recalled its ambassador to Kenya for consultations.", ("SANCTION", ["CHL"], ["KEN"])),
    # (the parser hangs "to Nicaragua" so that the recall had Spain receive it)
    ("Spain has recalled its ambassador to Nicaragua after a row over a statement.",
     ("SANCTION", ["ESP"], ["NIC"])),
    ("Chile withdrew its diplomats from Kenya.", ("SANCTION", ["CHL"], ["KEN"])),
])
def test_own_people_posted_abroad(text: str, expected: tuple[str, list, list]) -> None:
    assert expected in _events(text)


def test_a_story_without_a_pair_means_the_states_it_names_most() -> None:
    from dyad.annotate.pipeline import annotate as annotate_doc
    from dyad.read import read_text

    text = ("Ghana accused Togo of harbouring rebels on Monday. Togo denied it, and Nigeria "
            "offered to mediate. The two countries fought a border war in 1965.")
    doc = read_text(text, input_format="text", date="2019-04-03")
    found = [(ev.trigger.text, sorted(e.country for e in ev.actors + ev.recipients))
             for s in annotate_doc(doc).sentences for ev in find_events(s)]
    assert ("fought", ["GHA", "TGO"]) in found


@pytest.mark.parametrize(("text", "expected"), [
    # a war, split or treaty whose name joins two states is theirs, mutual
    ("The First Sino-Japanese War ended in 1895.", ("ASSAULT", ["CHN", "JPN"], [])),
    ("The Argentina–Brazil War (1825–1828) was a breach.", ("ASSAULT", ["ARG", "BRA"], [])),
    ("The worst breach was the Argentina–Brazil War of 1825.", ("ASSAULT", ["ARG", "BRA"], [])),
    ("The 1998 Eritrean–Ethiopian War marked a turning point.",
     ("ASSAULT", ["ERI", "ETH"], [])),
])
def test_a_name_that_joins_two_states(text: str, expected: tuple[str, list, list]) -> None:
    assert expected in _events(text, date=None)


def test_a_story_without_a_title_pair_gives_its_pair_to_one_sided_acts() -> None:
    from dyad.annotate.pipeline import annotate as annotate_doc
    from dyad.read import read_text

    text = ("Ghana expelled the Togolese ambassador on Monday. Togo protested to Ghana. "
            "The Togolese foreign minister later announced new aid for the border region.")
    doc = read_text(text, input_format="text", date="2019-04-03")
    found = [(ev.trigger.text, ev.trigger.plover_type, [e.country for e in ev.actors],
              [e.country for e in ev.recipients])
             for s in annotate_doc(doc).sentences for ev in find_events(s)]
    # no recipient named: on this story's pair, the other side (as on a relations page)
    assert ("aid", "AID", ["TGO"], ["GHA"]) in found


@pytest.mark.parametrize(("text", "expected"), [
    # relations cut or restored with no one named: on the pair's page, the pair's joint act
    ("Diplomatic relations were suspended from 1987 to 1990.",
     ("SANCTION", ["CHL", "KEN"], [])),
    ("Relations were severed in 1961.", ("SANCTION", ["CHL", "KEN"], [])),
])
def test_the_pairs_relations_changed_by_no_one_named(text: str,
                                                     expected: tuple[str, list, list]) -> None:
    assert expected in _events(text, date=None, title="Chile–Kenya relations")
    assert _events(text, date=None) == []  # no pair, no sides


def test_a_named_event_the_clause_only_mentions_has_only_its_own_sides() -> None:
    # the clause's subject did not fight the Chilean Civil War; its name names one side
    found = _events("Chile and Peru kept friendly relations, though their relationship "
                    "changed after the victory in the Chilean Civil War in 1891.", date=None)
    assert not any(t == "ASSAULT" and len({*a, *r} - {None}) >= 2 for t, a, r in found)
    # taking part in it is the subject's doing; a mutual act named by the pair gets no
    # nearest recipient
    assert ("ASSAULT", ["CHL", "PER"], []) in _events(
        "Chile and Peru fought the Pacific War from 1879.", date=None)
    assert _events("The First Sino-Japanese War gave Japan control of Taiwan.", date=None)[0] \
        == ("ASSAULT", ["CHN", "JPN"], [])


def test_reopening_an_embassy_is_opening_one() -> None:
    assert ("AGREE", ["CHL"], ["KEN"]) in _events(
        "On 16 January, Chile announced it would reopen its embassy in Kenya.")
    assert ("SUPPORT", ["CHL"], ["KEN"]) in _events("Chile reopened its embassy in Kenya.")


def test_an_event_told_as_background_takes_no_nearest_recipient() -> None:
    # the invasion's target is in its own words or nowhere, not the state named next
    found = _events("During the Russian invasion, Chile sent aid to Kenya.")
    assert ("ASSAULT", ["RUS"], []) in found and ("AID", ["CHL"], ["KEN"]) in found


def test_a_trading_partner_is_economic_cooperation() -> None:
    found = _events("Chile was Kenya's largest trading partner between 2008 and 2021.",
                    date=None, title="Chile–Kenya relations")
    assert any(t == "COOPERATE" and {*a, *r} == {"CHL", "KEN"} for t, a, r in found)


def test_a_leader_named_with_no_state_acts_for_the_other_side_of_the_pair() -> None:
    text = "Prime Minister Tamsin Okoro concluded her five-day visit to Chile."
    assert ("CONSULT", ["KEN"], ["CHL"]) in _events(text, title="Chile–Kenya relations")
    # with no pair, nobody knows whose prime minister she is
    assert ("CONSULT", ["KEN"], ["CHL"]) not in _events(text)


def test_a_visit_to_a_third_place_does_not_make_a_leader_its_own() -> None:
    text = "Prime Minister Tamsin Okoro met Chilean officials in Peru."
    assert all(a != ["PER"] for _, a, _ in _events(text, title="Chile–Kenya relations"))


def test_what_signed_agreements_cover_is_no_act_of_its_own() -> None:
    text = ("Chile and Kenya signed twelve agreements, covering cooperation on mining, health "
            "and trade.")
    assert [t for t, _, _ in _events(text)] == ["AGREE"]


@pytest.mark.parametrize("text", [
    "Chile and Peru formed a military alliance against Bolivia.",
    "Chile and Peru led a united front against the Spanish fleet.",
    "Chile and Peru formed a defensive alliance to free Ecuador from Spanish rule.",
])
def test_what_two_states_do_together_is_between_them(text: str) -> None:
    # whom an alliance is against, or meant to free, is no partner of it
    found = _events(text)
    assert found and found[0][0] == "COOPERATE"
    assert sorted(found[0][1]) == ["CHL", "PER"] and found[0][2] == []


def test_a_verb_joined_to_the_clause_keeps_its_own_date() -> None:
    text = ("Chile–Kenya relations\n\nIn 1931 Chile blockaded the Kenyan coast and invaded "
            "Kenya in 1937.")
    found = _page_events(text, None)
    assert ("blockaded", "1931") in found and ("invaded", "1937") in found
    # after a comma the date is more often another phrase's than the verb's
    text = ("Chile–Kenya relations\n\nIn May 2025 Chile suspended its aid to Kenya and "
            "returned two Kenyan diplomats, after the arrest of a Chilean envoy, in April 2025.")
    assert ("returned", "2025-05") in _page_events(text, None)


@pytest.mark.parametrize(("text", "code"), [
    ("Chile and Kenya have extended their strategic and military relations.", "062"),
    ("Chile and Kenya deepened their economic ties.", "061"),
    ("Chile and Kenya strengthened their relations.", "050"),
])
def test_improving_ties_of_a_kind_is_that_kind_of_cooperation(text: str, code: str) -> None:
    assert [ev.trigger.cameo for ev in _found(text)] == [code]


def test_relations_with_a_state_make_it_the_recipient() -> None:
    # "Kenya's relations": the actor's own; "with Chile": the partner
    text = "The Kenyan president announced his intention to sever Kenya's relations with Chile."
    assert ("SANCTION", ["KEN"], ["CHL"]) in _events(text)


def test_an_act_during_a_named_war_is_dated_by_the_war() -> None:
    text = "Chile–Kenya relations\n\nIn 1945 Chile opened a consulate. During the Korean War, Chile sent aid to Kenya."
    assert ("sent", "1950") in _page_events(text, None)
    # the war's name is still an act of its sides
    found = _events("The Chile–Kenya War (1880–1883) ended in a truce.")
    assert any(t == "ASSAULT" for t, _, _ in found)


def test_fighting_two_states_do_is_with_each_other() -> None:
    found = _events("Since 1950, Chile and Peru have fought three wars, and Bolivia has stayed out.")
    assert ("ASSAULT", ["CHL", "PER"], []) in found


def test_an_act_before_the_clause_is_not_its_subjects_doing() -> None:
    text = ("In May 2020 Chile returned two Kenyan diplomats after the arrest of a Chilean "
            "diplomat in Nairobi, in April 2020.")
    found = [(ev.trigger.text, [e.country for e in ev.actors], [e.country for e in ev.recipients],
              ev.date.start) for ev in _found(text)]
    assert ("arrest", ["KEN"], ["CHL"], "2020-04") in found


def test_a_war_named_as_a_subject_is_an_act_of_its_sides() -> None:
    found = _events("The 1998 Eritrean–Ethiopian War changed everything between them.")
    assert ("ASSAULT", ["ERI", "ETH"], []) in found


def test_a_quotes_speaker_follows_it() -> None:
    text = "“We urge the Kenyan authorities to release the activists,” the Chilean foreign ministry wrote."
    assert ("REQUEST", ["CHL"], ["KEN"]) in _events(text)


def test_recalling_an_envoy_for_consultations_is_no_meeting() -> None:
    found = _events("Chile recalled its ambassador to Kenya for consultations.")
    assert [t for t, _, _ in found] == ["SANCTION"]


def test_declaring_an_envoy_persona_non_grata_however_parsed() -> None:
    text = ("“We consider the Kenyan ambassador to the republic persona non grata,” the "
            "Chilean ministry wrote.")
    assert ("SANCTION", ["CHL"], ["KEN"]) in _events(text)


def test_a_state_that_became_a_colony_was_taken_over() -> None:
    found = _events("In 1920 Chile became a protectorate of Peru.")
    assert ("COERCE", ["PER"], ["CHL"]) in found
    found = _events("The treaty made Chile a Peruvian protectorate.")
    assert ("COERCE", ["PER"], ["CHL"]) in found
    # what a state was is no act
    assert _events("Chile was a Spanish colony until 1818.") == []


def test_an_invasion_with_no_target_named_is_of_the_other_side() -> None:
    found = _events("The revolution saw refugees flee and limited Chilean invasions.",
                    title="Chile–Peru relations")
    assert ("ASSAULT", ["CHL"], ["PER"]) in found
    # a coup or a crackdown with no target is at home
    assert ("ASSAULT", ["CHL"], ["PER"]) not in _events(
        "Chilean generals staged a coup.", title="Chile–Peru relations")


def test_relations_cut_twice_by_no_one_named_are_the_pairs_both_times() -> None:
    text = ("Chile–Kenya relations\n\nDiplomatic relations were suspended from 1987 to 1990, and "
            "they were suspended again from 2016 to 2023 following the bombing of an embassy in "
            "Peru.")
    from dyad.annotate.pipeline import annotate as annotate_doc
    from dyad.read import read_text

    doc = read_text(text, input_format="text")
    found = [(ev.trigger.text, sorted(e.country for e in ev.actors),
              [e.country for e in ev.recipients], ev.date.start)
             for s in annotate_doc(doc).sentences for ev in find_events(s)]
    assert ("suspended", ["CHL", "KEN"], [], "1987") in found
    assert ("suspended", ["CHL", "KEN"], [], "2016") in found


def test_joining_sanctions_and_stopping_supplies_are_sanctions_not_aid() -> None:
    found = _events("Chile joined the arms sanctions against Kenya, suspending all contracts for "
                    "the supply of military hardware to the country.")
    assert ("SANCTION", ["CHL"], ["KEN"]) in found
    assert all(t != "AID" for t, _, _ in found)


def test_a_conflict_named_as_a_topic_is_no_act() -> None:
    found = _events("The Chilean president said he hoped to play a role in the Kenyan–Peruvian "
                    "conflict.")
    assert all(t != "ASSAULT" for t, _, _ in found)


def test_a_coup_is_at_home() -> None:
    found = _events("Relations soured after Chile's army staged a coup in August 2020 and French "
                    "was dropped.", title="Chile–France relations")
    assert ("ASSAULT", ["CHL"], ["CHL"]) in found or all(r != ["FRA"] for _, _, r in found)


def test_an_act_joined_to_background_is_not_the_clause_subjects() -> None:
    found = _events("Relations between the two nations turned negative following the revolution "
                    "in Chile and the overthrow of the Chilean monarchy.",
                    title="Chile–Peru relations")
    assert all("PER" not in a for _, a, _ in found)


def test_a_relationship_that_swings_between_states_is_no_act() -> None:
    assert _events("The relationship between Chile and Peru has vacillated between cooperation "
                   "and struggle.") == []


def test_one_buys_from_the_seller_not_the_goods() -> None:
    found = _events("Chile offered to purchase Easter Island in 1850 and in 1855 from Peru.")
    assert ("AGREE", ["CHL"], ["PER"]) in found  # an offer to buy: an intent
    found = _events("The United States bought Cuba in 1850 and in 1855 from Peru.")
    assert ("COOPERATE", ["USA"], ["PER"]) in found


def test_a_policy_in_pursuit_of_better_ties_is_an_intent_to_cooperate() -> None:
    found = _events("In 1998 Chile adopted a new policy in pursuit of more peaceful relations "
                    "with Peru.")
    assert ("AGREE", ["CHL"], ["PER"]) in found


@pytest.mark.parametrize(("text", "expected"), [
    ("This was followed by the annexation by Peru of Chilean provinces.",
     ("COERCE", ["PER"], ["CHL"])),
    ("In 1880 the king signed a proclamation on the incorporation of Chile into Peru.",
     ("COERCE", ["PER"], ["CHL"])),
    ("Chile lost the war, and its incorporation into Peru followed in 1881.",
     ("COERCE", ["PER"], ["CHL"])),
])
def test_an_act_nouns_own_words_name_both_sides(text: str, expected: tuple) -> None:
    assert expected in _events(text)


def test_an_envoy_ordered_home_is_recalled_from_the_other_state_named() -> None:
    found = _events("The Chilean ministry said it was ordering its envoy home, and that its "
                    "Nairobi embassy would stay open.")
    assert ("SANCTION", ["CHL"], ["KEN"]) in found


def test_a_treaty_of_alliance_is_one_signing_and_commitments_kept_are_none() -> None:
    found = _events("In 1587 Chile and Peru signed a treaty of alliance.")
    assert [t for t, _, _ in found] == ["AGREE"]
    found = _events("Chile rejected the statement and urged Peru to comply with its human rights "
                    "commitments.")
    assert all(t != "AGREE" for t, _, _ in found)


def test_has_since_is_since_the_time_the_story_reached() -> None:
    text = ("Chile–Kenya relations\n\nIn 2003 the war ended. Kenya has since become Chile's "
            "largest trading partner.")
    assert ("partner", "2003") in _page_events(text, None)


def test_reasons_listed_after_following_are_background_and_an_embassy_bombing_hit_it() -> None:
    found = _events("Relations were cut again following certain issues like the Chile embassy "
                    "bombing in Peru and the execution of a cleric.", title="Chile–Kenya relations")
    assert all(a != ["CHL"] or r != ["PER"] for _, a, r in found)
    assert all(t != "ASSAULT" or "CHL" not in a for t, a, _ in found)


def test_the_one_blamed_for_an_act_did_it() -> None:
    found = _events("The Chilean president lashed out at Peru for killing the rebel leader.")
    assert ("ASSAULT", ["PER"], []) in found or any(
        t == "ASSAULT" and a == ["PER"] for t, a, _ in found)
    assert all(not (t == "ASSAULT" and a == ["CHL"]) for t, a, _ in found)


def test_a_request_joined_to_a_reported_clause_is_the_reporters() -> None:
    found = _events("The Chilean president suggested that the Peruvian leader lost his legitimacy "
                    "and requested that he step down.")
    assert all(a != ["PER"] for t, a, _ in found if t == "REQUEST")
    assert any(a == ["CHL"] for t, a, _ in found if t == "REQUEST")


def test_a_meeting_named_by_its_parties_takes_no_one_else() -> None:
    found = _events("The president declared at a NATO-Chile summit in 2008 that Peru should "
                    "stay neutral.", title="Chile–Peru relations")
    assert all(r != ["PER"] for t, _, r in found if t == "CONSULT")


def test_a_vow_to_act_against_a_state_is_the_act_pledged_not_cooperation() -> None:
    ev = _found("Kenya has vowed to cut all diplomatic ties with Chile.")
    assert [(e.trigger.plover_type, e.trigger.status) for e in ev] == [("SANCTION", "pledged")]
    # a vow to help stays an intention to cooperate
    found = _events("Kenya vowed to help Chile.")
    assert found and all(e == ("AGREE", ["KEN"], ["CHL"]) for e in found)


@pytest.mark.parametrize("text", [
    "Kenya is supporting the M23 rebels in the east of Congo.",
    "Turkey backed Hamas throughout the war.",
])
def test_help_to_an_armed_group_is_not_help_to_its_state(text: str) -> None:
    assert all(len([c for c in a + r if c]) < 2 for _, a, r in _events(text))


@pytest.mark.parametrize(("text", "expected"), [
    # several states doing what is not done with each other, to no state named: each did it
    ("The coup was supported by the army, the United States and the United Kingdom.",
     [("SUPPORT", ["USA"], []), ("SUPPORT", ["GBR"], [])]),
    ("In the war both Chile and Peru fought against the rebel armies.",
     [("ASSAULT", ["CHL"], [None]), ("ASSAULT", ["PER"], [None])]),
    # what is done with each other stays one joint act
    ("Chile and Peru fought a war over the desert.", [("ASSAULT", ["CHL", "PER"], [])]),
    ("Chile and Peru praised each other.", [("SUPPORT", ["CHL", "PER"], [])]),
    ("Chile and Peru failed to reach agreement on the border.", [("REJECT", ["CHL", "PER"], [])]),
    ("Chile and Peru rejected the plan.", [("REJECT", ["CHL"], []), ("REJECT", ["PER"], [])]),
])
def test_acts_not_done_with_each_other_are_each_doer_s(text: str, expected: list) -> None:
    assert _events(text) == expected


def test_a_war_named_in_the_sentence_is_dated_by_its_name() -> None:
    found = _found("In 1929 Japan seized a Chinese port and in 1936 landed troops near "
                   "Shanghai, starting the Second Sino-Japanese War.")
    war = next(e for e in found if e.trigger.text == "War")
    assert (war.date.start, war.date.end) == ("1937", "1945")
    # a date told relative to a war is the clause's, not the war's
    found = _found("Two years after World War II, Chile recognised Kenya.")
    assert all(e.date.start != "1939" for e in found)


def test_an_envoy_declared_unwelcome_and_ordered_out_is_one_expulsion() -> None:
    found = _events("Ghana declared the Togolese ambassador persona non grata and ordered him "
                    "to leave within two days.")
    assert found == [("SANCTION", ["GHA"], ["TGO"])]
    # an order to leave with no envoy named is no expulsion
    found = _events("Ghanaian police ordered them to leave the square.")
    assert all(t != "SANCTION" for t, _, _ in found)


def test_citing_the_neighbours_hostile_acts_accuses_it() -> None:
    found = _events("Ghana said it would close its border with Togo, citing the neighbour's "
                    "repeated incursions.")
    assert ("ACCUSE", ["GHA"], ["TGO"]) in found
    # citing a report accuses no one
    assert all(t != "ACCUSE" for t, _, _ in _events("Ghana cited a 2010 report on Togo."))


@pytest.mark.parametrize("text", [
    "Kenya summoned Amina Yusuf, Somalia's ambassador, to lodge a protest over the raid.",
    "Kenya summoned the Somali ambassador to protest the raid.",
])
def test_an_envoy_summoned_to_protest_is_one_complaint_to_the_envoys_state(text: str) -> None:
    two_states = [e for e in _events(text) if len({c for c in e[1] + e[2] if c}) >= 2]
    assert two_states == [("ACCUSE", ["KEN"], ["SOM"])]


@pytest.mark.parametrize("text", [
    "Deputy Minister Amina Yusuf expressed Nairobi's strong dissatisfaction with Somalia.",
    "Kenya's foreign minister expressed Nairobi's strong dissatisfaction with Somalia.",
    "Deputy Minister Amina Yusuf expressed Nairobi's dismay and firm opposition over "
    "remarks made in Somalia.",
])
def test_whose_feeling_is_voiced_is_the_side_that_voices_it(text: str) -> None:
    assert _events(text) == [("ACCUSE", ["KEN"], ["SOM"])]


@pytest.mark.parametrize(("text", "expected"), [
    # an attack fended off was done to the one fending it off
    ("Ethiopia repelled the Italian invasion in 1896.", [("ASSAULT", ["ITA"], ["ETH"])]),
    # by someone who is no state: no act between states
    ("Chile helped Peru ward off pirate raids in 1850.", []),
])
def test_an_attack_fended_off(text: str, expected: list) -> None:
    found = [e for e in _events(text) if e[0] == "ASSAULT"]
    assert found == expected


def test_the_state_accused_of_an_act_did_it() -> None:
    found = _events("Egypt accused Turkey of backing the Muslim Brotherhood's leaders.")
    assert ("ACCUSE", ["EGY"], ["TUR"]) in found
    assert all(a != ["EGY"] for t, a, _ in found if t == "SUPPORT")


def test_a_news_story_about_expelled_diplomats() -> None:
    import json

    from dyad.read import read_jsonl

    story = {"id": "s", "date": "2023-12-16", "title": "Ghana expels three Togolese diplomats",
             "url": "https://example.org/s", "text": (
                 "Ghana expels three Togolese diplomats\n"
                 "The government of Ghana has given the diplomats 72 hours to leave the "
                 "country. It declared the three Togolese diplomats persona non grata and "
                 "ordered them to leave after remarks by Togolese officials accusing it of "
                 "arming rebels.")}
    [doc] = read_jsonl(json.dumps(story), source="s.jsonl")
    found = [(ev.trigger.plover_type, [e.country for e in ev.actors],
              [e.country for e in ev.recipients])
             for s in annotate(doc).sentences for ev in find_events(s)]
    # the country the diplomats leave is the host: they are sent to the story's other side
    assert found.count(("SANCTION", ["GHA"], ["TGO"])) == 3
    assert ("ACCUSE", ["TGO"], ["GHA"]) in found


@pytest.mark.parametrize(("text", "trigger", "year"), [
    # a year naming a text the act only cites is the text's
    ("Chile withdrew from the 1994 fisheries accord with Peru in March.", "withdrew", "2015"),
    ("Chile and Peru held talks on their sea border in line with the 1982 Convention.",
     "held", "2015"),
    # the text the act is done to is dated by the act
    ("Chile and Peru signed the 1982 treaty.", "signed", "1982"),
])
def test_a_year_naming_a_text(text: str, trigger: str, year: str) -> None:
    found = [e for e in _found(text) if e.trigger.text == trigger]
    assert found and found[0].date.start[:4] == year


@pytest.mark.parametrize("text", [
    "Foreign Minister Ama Mensah decided to recall Ghana's ambassador to Togo.",
    "Ghana said it would recall its ambassador to Togo in protest at the war against Benin.",
])
def test_an_envoy_recalled_from_where_they_are_posted(text: str) -> None:
    found = _events(text)
    assert ("SANCTION", ["GHA"], ["TGO"]) in found
    # what was protested is no act of the one recalling
    assert all(t != "ASSAULT" for t, _, _ in found)


@pytest.mark.parametrize("text", [
    "The Peruvian civil war strained relations between Peru and Chile.",
    "Peru's internal conflicts often spilled over into Chile.",
])
def test_a_civil_war_is_fought_at_home(text: str) -> None:
    assert [e for e in _events(text) if e[0] == "ASSAULT"] == [("ASSAULT", ["PER"], ["PER"])]
