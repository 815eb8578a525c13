"""Events: a trigger word, who did it, to whom, when, where, how sure.

For each trigger the dependency parse says which words are its doer and its
receiver: the subject (or the ``by`` agent of a passive) is the actor; the
object, a ``to``/``with``/``against`` phrase, or the passive subject is the
recipient. Resolved actor mentions inside those phrases become the event's
actors and recipients; coordination ("X and Y signed") gives several. When the
parse gives nothing, the nearest states before and after the trigger stand in,
at a lower confidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from importlib import resources

from spacy.tokens import Span, Token

from dyad.annotate.people import ENVOYS
from dyad.annotate.pipeline import AnnotatedSentence, Mention, is_dated
from dyad.annotate.time import TimeMention
from dyad.extract.era import at_date
from dyad.extract.quantities import Quantity, find_quantities
from dyad.extract.triggers import (
    ENVOY_NOUNS,
    SENT_OUT,
    SUBJUGATION,
    Trigger,
    find_triggers,
    first_conjunct,
)
from dyad.model import Entity, When
from dyad.ontology import cameo
from dyad.reference.gazetteer import load_gazetteer, tokenize
from dyad.reference.places import PLACE_PREPS, SETTLEMENT_NOUNS, city_country, sentence_places

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
DOER_DEPS = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"agent"}  # a clause that names its doer
# "sent aid to X", "talks with X", "sanctions on X": a recipient; "for", "from", "in" … only
# when none of these is there ("apologized to Brazil for a Brazilian ship seized in Chile")
RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "toward", "towards", "into", "at",
                             "upon"})
LATER_RECIPIENT_PREPS = frozenset({"for", "from", "of", "between", "in", "over", "about"})
# Dependents that open a phrase of their own inside a side: "an offer [to host talks between
# X and Y]", "the consulate [in Sydney]". Their actors are not the side's.
NESTED_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "prep", "pcomp", "parataxis",
                         "agent", "appos"})
# "Russia was committed to send …": a passive in form, its subject is the doer
STATIVE_PASSIVES = frozenset({"commit", "determine", "prepare", "oblige", "obligate", "resolve",
                              "dedicate", "poise", "schedule", "oppose", "engage", "involve"})
# a clause's subject that undergoes the act its noun names ("died of torture")
SUFFERING_VERBS = frozenset({"die", "succumb", "perish", "suffer", "sustain"})
# "in Israeli police custody", "under Syrian detention": the holder
CUSTODY_NOUNS = frozenset({"custody", "detention", "captivity", "hands", "jail", "prison"})
# "dependent on X for Y": X provides Y
DEPENDENCE = frozenset({"dependent", "reliant", "depend", "rely", "count", "lean"})
POSSESSIVES = ("its ", "their ", "his ", "her ", "our ")
# phrases that tell when or against what background, not to whom
BACKGROUND_PREPS = frozenset({"since", "during", "amid", "throughout"})
# yielding, protest and coercion at home: lifting a curfew, a strike, a ban
INTERNAL_ROOTS = frozenset({"08", "14", "17"})
# force or an investigation with no doer named: CAMEO codes the unknown bomber, gunman,
# arresting police or investigators by the country it happened in ("a roadside bomb near
# Samarra killed a U.S. soldier", "a US national was put under investigation in Italy")
UNNAMED_DOER_ROOTS = frozenset({"09", "17", "18", "19", "20"})
# what a complaint is about: "complained to the UN over/about/against X"
COMPLAINT_PREPS = frozenset({"over", "about", "against", "regarding"})
# "X and Y", "X, Y and Z", "X or Y": one list
COORDINATOR = re.compile(r"^\s*(?:,\s*)?(?:and|or|as well as)\s|^\s*,\s*$")
# the gap between listed mentions, "or" included as in COORDINATOR ("aid for Romania or Poland");
# facts' _LISTED leaves "or" out on purpose: each host it lists becomes a standing fact
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?")
ACTOR_KINDS = frozenset({"state", "igo", "organization", "group", "person"})
CAPTION_WITH = re.compile(r"\s(?:with|meeting|meets|and)\s")
ATTRIBUTION_LEMMAS = frozenset({"say", "state", "claim", "report", "announce", "allege",
                                "accuse", "tell", "add", "note", "declare", "insist"})


@dataclass(slots=True)
class FoundEvent:
    trigger: Trigger
    actors: list[Entity]
    recipients: list[Entity]
    date: When
    location: dict[str, str | None] | None
    quantities: list[Quantity]
    attributed_to: Entity | None
    confidence: float
    contexts: list[str] = field(default_factory=list)
    # how the sides were found: "parse", "loose" (parse fallback), "named" (in a name:
    # "the Argentina–Brazil War"), "backed", "demand",
    # "background", "unnamed" (a doer from the place), "nearest", "pair", "home"; the
    # candidate scorer weighs them
    how: str = "parse"


def sentence_triggers(sentence: AnnotatedSentence) -> list[Trigger]:
    """The sentence's triggers, less those inside a time expression ("in March 2023" is a
    month, not a march); a cooperative act under "will not" is a refusal."""
    in_time = [(m.start, m.end) for m in sentence.times.mentions if m.timex_type != "EVENT"]
    return [as_refusal(t, sentence.span) for t in find_triggers(sentence.span)
            if not any(a <= t.start < b for a, b in in_time)]


# "will not", "won't", "would not", "cannot", "can't": the speaker announces a refusal
_REFUSING_MODALS = frozenset({"will", "wo", "would", "can", "ca", "shall"})


@cache
def _refusals() -> dict[str, str]:
    """Cooperative CAMEO code prefix → the code for declining it (refusals.tsv)."""
    text = (resources.files("dyad") / "data" / "lexicon" / "refusals.tsv").read_text("utf-8")
    rows = [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]
    return {row[0]: row[1] for row in rows[1:]}


def as_refusal(trigger: Trigger, span: Span) -> Trigger:
    """"Syria will not accept more refugees": not an act left undone but a refusal (REJECT),
    as CAMEO codes it; other triggers are returned as they are."""
    if not trigger.negated or trigger.pos != "verb":
        return trigger
    if not any(c.dep_ == "aux" and c.lower_ in _REFUSING_MODALS for c in span[trigger.i].children):
        return trigger
    table = _refusals()
    code = next((table[k] for k in (trigger.cameo[:3], trigger.cameo[:2]) if k in table), None)
    if code is None:
        return trigger
    return replace(trigger, cameo=code, plover_type=cameo(code).plover_type, negated=False,
                   status="asserted", cue="not")


def find_events(sentence: AnnotatedSentence) -> Iterator[FoundEvent]:
    """The events of one annotated sentence, each with resolved sides."""
    span = sentence.span
    triggers = _one_per_act(
        [t for t in sentence_triggers(sentence) if not t.is_reporting and t.plover_type], span)
    if sentence.sentence.kind == "caption":
        met = list(_caption_meeting(sentence))
        yield from met
        if met:  # "A and B at a summit in C": the meeting, once
            triggers = [t for t in triggers if not (t.pos == "noun" and t.cameo[:2] == "04")]
    if not triggers:
        return
    # the sentence's amounts and who it says made the claim: found for its first event
    said: tuple[list[Quantity], Entity | None] | None = None
    for trigger in triggers:
        token = span[trigger.i]
        if trigger.pos == "noun" and len(named := _named_parties(token, span,
                                                                 sentence.actors)) >= 2:
            # "the Argentina–Brazil War", "the First Sino-Japanese War": the name says who
            actors, recipients, parsed, how = named, [], True, "named"
        elif (backed := _hyphen_backed(token, span, sentence.actors)) is not None:
            actors, recipients, parsed = backed
            how = "backed"
        elif trigger.demand_clause:
            actors, recipients, parsed = _demand_sides(token, span, sentence.actors)
            how = "demand"
        elif trigger.background or _named_event(token) or (
                token.pos_ == "NOUN" and token.dep_ == "conj" and token.head.pos_ == "VERB"):
            # (a noun the parser joined to a verb, "…, and subsequent overthrow of the
            # monarchy", has no clause and no subject of its own)
            # "under the 1961 agreement", "during the invasion", "the victory in the
            # Chinese Civil War": only the noun's own words ("the Russian invasion of
            # Ukraine") make it an event with sides
            actors, recipients = _own_sides(token, span, sentence.actors, trigger.base_cameo)
            parsed, how = True, "background"
        elif trigger.pos == "noun" and (own := _noun_sides(token, span, sentence.actors)):
            # "the annexation by Russia of western Georgian kingdoms", "the incorporation of
            # eastern Georgia into the Russian Empire": the noun's own words name both sides
            (actors, recipients), parsed, how = own, True, "own"
        elif trigger.pos == "noun" and (warded := _warded_off(
                token, span, sentence.actors, trigger.base_cameo)) is not None:
            (actors, recipients), parsed, how = warded, True, "parse"
        else:
            actors, recipients, parsed = _sides(token, sentence, trigger.base_cameo)
            how = "parse" if parsed else "loose"
        if not actors and (pair := sentence.context.pair) is not None \
                and trigger.base_cameo[:2] in ("05", "16") and _of_relations(token):
            # "Diplomatic relations were suspended from 1987 to 1990": on a pair's page,
            # the pair's relations, whoever cut them: a joint act (a state named in the
            # clause's reasons is no party to it)
            actors, recipients, how = list(pair), [], "pair"
        if not actors and recipients and trigger.base_cameo[:2] in UNNAMED_DOER_ROOTS and \
                (where := _place_country(sentence)) is not None and not all(
                    r.kind == "state" and r.country == where and r.text == r.name
                    for r in recipients):
            # (someone was hurt, not only the place named: "war in Yugoslavia" is no attack
            # on Yugoslavia by an unknown hand)
            actors, how = [_unidentified(where)], "unnamed"
        elif not actors and trigger.base_cameo[:2] == "14" and \
                (where := _place_country(sentence)) is not None:
            # "thousands marched in Dili against Indonesian rule": unnamed protesters are
            # the place's people; the place itself is where, not whom, they protested
            actors, how = [_unidentified(where)], "unnamed"
            recipients = [r for r in recipients if r.kind != "state" or r.country != where] \
                or _nearest(_foreground(sentence), trigger.end, after=True,
                            exclude=[_state(where)], text=sentence.sentence.text)
        if not actors and recipients and trigger.base_cameo == EXPEL:
            # "the Rwandan ambassador to Congo was given 48 hours to leave": the state an
            # envoy is posted to is the one that expels them
            hosts = _hosts(token, span, sentence.actors, set())
            sent = [r for r in recipients if r.country not in {h.country for h in hosts}]
            if hosts and sent:
                actors, recipients, how = hosts, sent, "host"
        if not actors:
            continue
        recipients = [r for r in recipients if r != actors[0] or len(recipients) > 1]
        own = {a.country for a in actors if a.country}
        if own and any(r.country and r.country not in own for r in recipients):
            # "Moroccan diplomats met President Obama at a lunch hosted by Morocco's
            # ambassador": the actor's own people beside a foreign recipient are its side
            recipients = [r for r in recipients if r.country not in own]
        elif own and recipients and all(r.country in own for r in recipients) and \
                (hosts := _hosts(token, span, sentence.actors, own)):
            # "Spain recalled its ambassador to Nicaragua": the actor's own people are
            # what it acts with; the state they are posted to or taken from is the recipient
            recipients = hosts
        elif own and recipients and all(r.country in own and (
                r.kind != "state" or trigger.base_cameo == EXPEL) for r in recipients) and \
                trigger.base_cameo[:2] == "16" and \
                (other := _pair_other(sentence, actors) or _one_other(sentence, own)):
            # "Mexico said it was ordering its envoy home, and its Lima embassy …": recalled
            # from the other side, or the one other state the sentence names; "gave the
            # diplomats 72 hours to leave the country": the country left is the host
            recipients, how = [other], "pair"
        if not recipients and how == "background":
            # a noun told as background: its target is in its own words ("French support
            # for Ethiopia"), not the state named next ("during the Russian invasion, Chile
            # sent aid …")
            recipients = [e for e in _in_subtree(token, span, sentence.actors)
                          if e.country and e.country not in own and e.kind == "state"]
        actors, recipients = _reread_sides(token, trigger, actors, recipients, sentence)
        own = {a.country for a in actors if a.country}
        joint = (len(own) >= 2 and (cameo(trigger.cameo).quad_class <= 2
                                    or trigger.lemma in MUTUAL_FIGHTING)) or (
            # "a NATO-Russia summit": a meeting's own name gives its parties, a body too
            trigger.pos == "noun" and len(actors) >= 2 and cameo(trigger.cameo).quad_class <= 2)
        if joint:
            # "Peru and Chile led a united front against the Spanish fleet": what two
            # states do together is between them; whom it is against is no partner
            recipients = [r for r in recipients if r not in _against(token, span,
                                                                     sentence.actors)]
        if not recipients and trigger.lemma in DOMESTIC_FORCE and (home := _home(actors)):
            recipients, how = [home], "home"  # "Mali's army staged a coup": at home
        elif trigger.pos == "noun" and any(c.dep_ == "amod" and c.lower_ in INTERNAL_WORDS
                                           for c in token.children) and (home := _home(actors)):
            # "the Syrian civil war strained relations", "Cambodia's internal conflicts
            # spilled over into Thailand": fought at home, whoever it touched
            recipients, how = [home], "home"
        if not recipients and parsed and how not in ("named", "background", "pair") and \
                not joint:
            how = "nearest"
            recipients = _purpose_recipients(token, trigger, triggers, sentence) or _nearest(
                _foreground(sentence), trigger.end, after=True, exclude=actors,
                text=sentence.sentence.text)
        if trigger.lemma in RECALLING:
            # "Foreign Minister Safadi decided to recall Jordan's ambassador to Israel in
            # protest at the war on Gaza": one recalls one's own envoy, from the state they
            # are posted to
            if envoy := next((r.country for r in recipients if r.role in ENVOYS
                              and r.country), None):
                actors = [replace(a, country=envoy) if a.country is None and a.role else a
                          for a in actors]
            if posted := _posted_to(token, span, sentence.actors,
                                    {a.country for a in actors if a.country}):
                recipients = posted
        if recipients and (nameless := [a for a in actors if a.country is None and a.role]):
            # known by a role word only ("fundamentalists kept up their strike to demand
            # the Algerian president's resignation", "Caretaker Prime Minister Kakar
            # concluded his visit to China"): placed by whom the act is aimed at
            actors, recipients = _placed(actors, recipients, nameless, sentence)
        paired = False
        if not recipients and how != "named" and not joint and (
                cameo(trigger.cameo).quad_class < 4 or (
                trigger.lemma in FOREIGN_FORCE and trigger.dep not in ("amod", "acl")
                and not any(c.dep_ == "dobj" for c in token.children))) and \
                not _sent_elsewhere(token, sentence) and \
                (other := _pair_other(sentence, actors)) is not None:
            # on an "X–Y relations" page, what one side said or gave with no one named was
            # said to or given to the other ("Russia was committed to send 60,000 tonnes of
            # wheat"); force with no target named is more often at home (a coup), but an
            # invasion is of another state ("limited American invasions" on Mexico's page)
            recipients, paired, how = [other], True, "pair"
        if not recipients and trigger.base_cameo[:2] in INTERNAL_ROOTS and \
                (home := _home(actors)) is not None:
            # "Sudan's government lifted the state of emergency", "students protested":
            # acts whose target, unnamed, is the actor's own country (CAMEO's coding)
            recipients, paired, how = [home], True, "home"
        if not any(e.country or e.kind == "igo" for e in actors + recipients):
            continue  # no state on either side: nothing for a dyad
        entry = cameo(trigger.cameo)
        date = _date_near(sentence, trigger)
        actors = [e for a in actors if (e := at_date(a, date))]
        recipients = [e for r in recipients if (e := at_date(r, date))]
        if entry.quad_class <= 2:
            recipients = [_stateless(r) for r in recipients]
        if said is None:
            said = (find_quantities(sentence.sentence.text),
                    _attribution(span, sentence.actors))
        for doers in _doer_groups(token, trigger, actors, recipients):
            yield FoundEvent(
                trigger=trigger,
                actors=doers,
                recipients=recipients,
                date=date,
                location=_location(sentence, token, doers + recipients),
                quantities=[q for q in said[0] if _within(q, token, span)],
                attributed_to=said[1],
                confidence=round(_confidence(parsed, doers, recipients)
                                 * (0.8 if paired else 1), 2),
                contexts=list(entry.context),
                how=how,
            )


# armed groups at war with or apart from their state's government
ARMED_OPPOSITION = frozenset({"REB", "UAF"})


def _stateless(entity: Entity) -> Entity:
    """"Rwanda is supporting the M23 rebels", "Turkey backed Hamas": help to an armed group
    is not help to the state it fights in, so it is given to the group, not the state."""
    if entity.sector in ARMED_OPPOSITION and entity.kind != "state" and entity.country:
        return replace(entity, country=None)
    return entity


# verbs that voice a feeling someone's words may own: "expressed Beijing's dissatisfaction"
EXPRESSING = frozenset({"express", "voice", "convey", "reiterate", "register"})
FEELING_PREPS = frozenset({"with", "at", "over", "toward", "towards", "against"})


# what several states named together do with no one else named is done with each other
# only for these acts: agreeing, meeting, diplomatic and material cooperation, signing,
# cutting ties (CAMEO 03, 04, 050, 06, 057, 160, 161) and fighting
RECIPROCAL_ROOTS = frozenset({"03", "04", "06"})
RECIPROCAL_CODES = frozenset({"050", "057", "160", "161"})
RECIPROCAL_WORDS = ("each other", "one another", "mutual", "bilateral", "between them")
JOINT_VERBS = frozenset({"reach", "agree", "conclude", "sign", "negotiate", "meet"})


def _doer_groups(token: Token, trigger: Trigger, actors: list[Entity],
                 recipients: list[Entity]) -> list[list[Entity]]:
    """The actors of one event, or of one event each when several states did an act that
    is not with each other and named no state it was done to: "the coup was supported by
    the United States and the United Kingdom", "both fought against the Axis powers"."""
    states = {a.country for a in actors if a.country}
    if len(states) < 2 or any(r.country for r in recipients) or \
            _reciprocal(token, trigger):
        return [actors]
    return [[a for a in actors if a.country == c] for c in dict.fromkeys(
        a.country for a in actors if a.country)]


def _reciprocal(token: Token, trigger: Trigger) -> bool:
    """Whether several doers named together did the act with each other."""
    clause = _clause_head(token)
    words = " ".join(t.lower_ for t in clause.subtree)
    if any(w in words for w in RECIPROCAL_WORDS):
        return True
    if trigger.lemma in MUTUAL_FIGHTING or trigger.cameo[:2] in ("19", "20"):
        # "fighting against the Axis powers": side by side, not with each other
        return not any(c.dep_ == "prep" and c.lower_ == "against"
                       for h in (token, *(o for o in token.children if o.dep_ == "dobj"))
                       for c in h.children)
    if any(c.dep_ == "xcomp" and _lemma(c) in JOINT_VERBS for c in token.children):
        return True  # "failed to reach agreement": what they failed at is done together
    return trigger.cameo[:2] in RECIPROCAL_ROOTS or trigger.cameo in RECIPROCAL_CODES


def _reread_sides(token: Token, trigger: Trigger, actors: list[Entity],
                  recipients: list[Entity], sentence: AnnotatedSentence
                  ) -> tuple[list[Entity], list[Entity]]:
    """Sides that words around the trigger say better than its clause's subject and object:
    a reporter's speech act, the one blamed "for" an act, the state taken "into", the
    seller "from"."""
    span, mentions = sentence.span, sentence.actors
    if (reporter := _speech_head(token)) is not None and (speakers := [
            e for c in reporter.children if c.dep_ in SUBJECT_DEPS
            for e in _phrase_actors(c, span, mentions)]):
        actors = speakers
        recipients = [r for r in recipients if r.country not in
                      {a.country for a in speakers}] or recipients
    if token.dep_ == "pcomp" and token.head.lower_ in ("for", "over", "of") and \
            _lemma(token.head.head) in BLAMING and (blamed := [
                e for c in token.head.head.children
                if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("at", "on"))
                for e in _phrase_actors(c, span, mentions) if e.kind == "state"]):
        # "Putin lashed out at the U.S. for killing Gaddafi", "accused Ankara of backing
        # …": the one blamed did it
        actors = blamed
        recipients = [r for r in recipients if r.country not in {b.country for b in blamed}]
    if trigger.lemma in EXPRESSING and (voiced := [
            e for o in token.children if o.dep_ == "dobj" for c in o.children
            if c.dep_ == "poss" for e in _phrase_actors(c, span, mentions) if e.country]):
        # "Sun Weidong expressed Beijing's strong dissatisfaction with Tokyo": whose feeling
        # it is speaks; the feeling's "with" or "at" is at whom
        if not any(a.country for a in actors):
            actors = voiced
        mine = {v.country for v in voiced}
        felt = [c for c in token.children if c.dep_ == "dobj"]
        felt += [c for f in felt for c in f.children if c.dep_ == "conj"]
        at_whom = [e for o in [token, *felt]
                   for c in o.children if c.dep_ == "prep" and c.lower_ in FEELING_PREPS
                   for e in _in_subtree(c, span, mentions) if e.country
                   and e.country not in mine]
        recipients = at_whom or [r for r in recipients if r.country not in mine]
    own = {a.country for a in actors if a.country}
    if trigger.pattern == SENT_OUT and (envoys := [
            e for t in span.doc[span.start:token.i] if _lemma(t) in ENVOY_NOUNS
            for c in t.children if c.dep_ in ("poss", "amod", "compound", "nmod")
            for e in _phrase_actors(c, span, mentions) if e.country not in own]):
        # "declared Mexico's ambassador persona non grata and ordered him to leave": the
        # envoy's state is sent out
        recipients = envoys
    if trigger.lemma in ABSORBING and (takers := [
            e for c in token.children if c.dep_ == "prep" and c.lower_ in ("into", "to")
            for e in _phrase_actors(c, span, mentions) if e.kind == "state"]) and \
            not own & {e.country for e in takers}:
        # "their incorporation into the Russian Empire": the state taken into is the one
        # that takes; whoever the clause names besides is taken
        taken = [e for e in actors + recipients if e.country not in {t.country for t in takers}]
        actors, recipients = takers, taken
        own = {a.country for a in actors if a.country}
    if trigger.lemma in PURCHASES and (sellers := [
            e for c in token.subtree if c.dep_ == "prep" and c.lower_ == "from"
            and _verb_above(c).i == token.i
            for e in _phrase_actors(c, span, mentions) if e.country not in own]):
        # "attempted to purchase Cuba from Spain": one buys from the seller; what is
        # bought, a territory too, is the goods
        recipients = sellers
    return actors, recipients


EXPEL = "166"  # CAMEO: expel or withdraw (diplomats, peacekeepers, observers)
# speech acts, and the verbs that report what someone said
SPEECH_ACTS = frozenset({"request", "ask", "urge", "demand", "call", "insist", "add", "say",
                         "propose", "suggest", "warn", "appeal"})
REPORTING_VERBS = frozenset({"say", "suggest", "state", "announce", "declare", "tell", "add",
                             "claim", "note", "argue", "insist", "write"})
# verbs that blame or thank someone "for" an act: that one did it
BLAMING = frozenset({"accuse", "blame", "criticize", "criticise", "condemn", "lash", "denounce",
                     "slam", "fault", "rebuke", "praise", "thank", "commend", "punish"})
# buying: the seller after "from" is the other side
PURCHASES = frozenset({"buy", "purchase", "acquire", "import", "procure"})
# force that is always at home: a coup is against one's own government
DOMESTIC_FORCE = frozenset({"coup", "putsch", "crackdown", "mutiny", "uprising", "revolt",
                            "rebellion", "insurrection"})
# a conflict these words name is fought within a state
INTERNAL_WORDS = frozenset({"civil", "internal", "domestic", "intestine", "sectarian"})
# force that is always against another state: a state cannot invade or annex itself
FOREIGN_FORCE = frozenset({"invade", "invasion", "incursion", "annex", "annexation"})
# "India and Pakistan have fought three wars": fighting two states do is with each other
MUTUAL_FIGHTING = frozenset({"fight", "clash", "war", "skirmish", "battle"})

# "X-backed", "X-sponsored", "X-led": X stands behind what the phrase names
BACKING = frozenset({"back", "sponsor", "fund", "support", "lead", "arm", "train", "finance",
                     "bankroll", "broker", "mediate"})


def _backing(token: Token, span: Span) -> bool:
    """``token`` is the participle of "X-backed", "X-led" modifying a noun."""
    return token.dep_ == "amod" and token.i > span.start and \
        span.doc[token.i - 1].text in ("-", "–") and _lemma(token) in BACKING


def _hyphen_backed(token: Token, span: Span, mentions: list[Mention]
                   ) -> tuple[list[Entity], list[Entity], bool] | None:
    """"a China-backed overthrow", "the Russian-backed junta": the word before the hyphen
    backs what the phrase names (not the clause's subject, not a side of its own)."""
    if not _backing(token, span):
        return None
    ranges = [_char_range(c, span) for c in token.children
              if c.dep_ in ("npadvmod", "compound", "nmod")]
    # ("The Russian" may hold the article before the adjective)
    backers = [m.entity for m in mentions if any(m.start < b and a < m.end for a, b in ranges)]
    if not backers:
        return None
    own = {e.country for e in backers}
    backed = [e for e in _phrase_actors(token.head, span, mentions) if e.country not in own]
    return _unique(backers), _unique(backed), False  # no one else stands in for the backed


def _purpose_recipients(token: Token, trigger: Trigger, triggers: list[Trigger],
                        sentence: AnnotatedSentence) -> list[Entity]:
    """"Police opened fire to disperse demonstrators": force used for a purpose falls on
    the purpose's target."""
    quad = cameo(trigger.cameo).quad_class
    for child in token.children:
        if child.dep_ not in ("advcl", "xcomp") or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            continue
        purpose = next((t for t in triggers if t.i == child.i - sentence.span.start), None)
        if purpose is not None and cameo(purpose.cameo).quad_class == quad:
            return _sides(child, sentence, purpose.base_cameo)[1]
    return []


def _one_per_act(triggers: list[Trigger], span: Span) -> list[Trigger]:
    """"A car bomb killed two engineers": the noun that is the subject of a verb of the
    same type tells the same act; the verb, with its victims, stays."""
    by_token = {t.i: t for t in triggers}
    out = []
    for t in triggers:
        token = span[t.i]
        verb = by_token.get(token.head.i - span.start) if token.dep_ == "nsubj" else None
        if t.pos == "noun" and verb is not None and verb.pos == "verb" and \
                verb.plover_type == t.plover_type:
            continue
        out.append(t)
    return out


def _unidentified(country: str) -> Entity:
    return Entity("unidentified actor", None, "group", country, confidence=0.4)


def _foreground(sentence: AnnotatedSentence) -> list[Mention]:
    """Mentions outside background phrases ("since the collapse of the Soviet Union"), a
    helper's phrase ("with the help of X") or a reporter ("…, Thai police said"), less
    states that only say where ("on the Thai border"). Kept for the sentence's next event."""
    global _FOREGROUND
    last = _FOREGROUND  # one read: another thread may replace it (the web server)
    if last[0] is sentence:
        return last[1]
    span = sentence.span
    back = []
    for t in span:
        lower = t.lower_
        if lower in BACKGROUND_PREPS and t.dep_ == "prep":
            back.append(_char_range(t, span))
        elif lower in HELP_NOUNS and _helping(t):
            back.append(_char_range(t.head, span))
        elif t.lemma_ in ATTRIBUTION_LEMMAS and t.pos_ == "VERB" and any(
                c.dep_ in ("ccomp", "parataxis") for c in t.children):
            back += [_char_range(c, span) for c in t.children if c.dep_ == "nsubj"]
    found = [m for m in sentence.actors if not any(a <= m.start and m.end <= b for a, b in back)
             and not _names_a_side_of(m, span)]
    _FOREGROUND = (sentence, found)
    return found


# the last sentence asked about and its answer, replaced whole (never half-written)
_FOREGROUND: tuple[AnnotatedSentence | None, list[Mention]] = (None, [])


def _one_other(sentence: AnnotatedSentence, own: set[str]) -> Entity | None:
    """The one state other than ``own`` the sentence names (a city names its state)."""
    others = {m.entity.country for m in sentence.actors
              if m.entity.kind == "state" and m.entity.country and m.entity.country not in own}
    return _state(others.pop()) if len(others) == 1 else None


def _home(actors: list[Entity]) -> Entity | None:
    countries = {a.country for a in actors if a.country}
    return _state(countries.pop()) if len(countries) == 1 else None


def _state(code: str) -> Entity:
    name = load_gazetteer().name_of(code)
    return Entity(name, name, "state", code)


# calling one's own envoy home
RECALLING = frozenset({"recall", "withdraw"})
# verbs whose subject is the target of the attack they act on: "repelled the invasion"
# ("stopped the bombing" may be the bomber's own halt: not here)
DEFENDING = frozenset({"repel", "repulse", "resist", "ward", "fend", "withstand", "thwart",
                       "foil", "survive", "suffer", "endure", "defeat"})


def _warded_off(token: Token, span: Span, mentions: list[Mention],
                code: str) -> tuple[list[Entity], list[Entity]] | None:
    """"Ethiopia repelled the Italian invasion", "helped Georgia ward off North Caucasian
    invasions": an attack fended off was done by the noun's own doer (none, when it names
    no state) to the one fending it off, not by them."""
    if cameo(code).quad_class != 4:
        return None
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prt" else \
        token.head if token.dep_ == "dobj" else None
    if verb is None or _lemma(verb) not in DEFENDING:
        return None
    doers = [e for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod")
             or (c.dep_ == "prep" and c.lower_ == "by") for e in _phrase_actors(c, span, mentions)]
    fending = [e for c in verb.children if c.dep_ in SUBJECT_DEPS
               for e in _phrase_actors(c, span, mentions)]
    own = {e.country for e in doers}
    return _unique(doers), _unique([e for e in fending if e.country not in own])


def _sent_elsewhere(token: Token, sentence: AnnotatedSentence) -> bool:
    """"Brazil sent troops to fight in Europe": the act names where it went, a place that is
    no state, so it was not done to the page's other side."""
    span = sentence.span
    named = [(m.start, m.end) for m in sentence.actors]
    for word in token.subtree:
        if word.dep_ == "pobj" and word.ent_type_ in ("LOC", "GPE") and \
                word.head.lower_ in ("to", "in", "into", "across", "throughout"):
            at = word.idx - span.start_char
            if not any(a <= at < b for a, b in named):
                return True
    return False


def _pair_other(sentence: AnnotatedSentence, actors: list[Entity]) -> Entity | None:
    if len({a.country for a in actors if a.country}) != 1:
        return None  # "the two countries signed …": a joint act, no one else's
    for actor in actors:
        other = sentence.context.other_side(actor)
        if other is not None:
            return other
    return None


def _caption_meeting(sentence: AnnotatedSentence) -> Iterator[FoundEvent]:
    """A photo caption "A with B in Place, date" shows a meeting: CONSULT (CAMEO 040)."""
    text = sentence.sentence.text
    m = CAPTION_WITH.search(text)
    if m is None or any(not (t.pos == "noun" and t.cameo[:2] == "04")
                        for t in find_triggers(sentence.span)):
        return
    parties = [a for a in sentence.actors if a.entity.kind in ("person", "state", "igo")]
    left = [a.entity for a in parties if a.end <= m.start()]
    # "A with B's close associate C": C is met, not B
    right = [a.entity for a in parties if a.start >= m.end() and not a.is_place
             and not text.startswith(("'s", "’s"), a.end)]
    if not left or not right or (left[0].country == right[0].country
                                 and left[0].kind == "state"):
        return
    if left[0].kind != "person" and right[0].kind != "person":
        return  # "Map indicating locations of Chile and Peru", flags: no one met
    # "Foreign Minister Liu with President Déby" on a Chad–China page: the guest is from
    # the other side (less sure)
    sure = 0.7
    for side, other in ((left, right), (right, left)):
        if side[0].country is None and side[0].kind == "person" and (
                partner := sentence.context.other_side(other[0])) is not None:
            side[0] = replace(side[0], country=partner.country)
            sure = 0.55
    word = m.group().strip()
    trigger = Trigger(i=0, start=m.start() + 1, end=m.start() + 1 + len(word), text=word,
                      lemma=word.lower(), pos="caption", cameo="040", plover_type="CONSULT",
                      negated=False, status="asserted", base_cameo="040",
                      pattern="photo caption: A with B", specificity=1, depth=0, governors=(),
                      cue=None)
    place = next(({"name": text[a.start:a.end], "country": a.entity.country}
                  for a in parties if a.is_place and a.start >= m.end()), None)
    yield FoundEvent(trigger, left[:1], right[:1], _date_near(sentence, trigger), place, [],
                     None, sure, list(cameo("040").context), how="caption")


def _sides(token: Token, sentence: AnnotatedSentence,
           code: str) -> tuple[list[Entity], list[Entity], bool]:
    """(actors, recipients, found through the parse)."""
    span, mentions = sentence.span, sentence.actors
    head = _clause_head(token)
    if token.pos_ == "NOUN" and code[:3] not in MEDIATION and \
            (between := _between(token, span, mentions)) is not None:
        return between
    if _lemma(token) in MOVEMENT_NOUNS and \
            (moved := _movement(token, head, span, mentions)) is not None:
        return moved
    if _lemma(token) in SUBJUGATION and \
            (ruled := _subjugated(token, head, span, mentions)) is not None:
        return ruled
    if token.pos_ == "NOUN" and cameo(code).quad_class in (1, 2) and \
            (given := _given_by(token, head, span, mentions)) is not None:
        return given
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS or c.dep_ == "agent"]
    objects = [c for c in head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if objects and not subjects and _lemma(head) in STATIVE_PASSIVES:
        subjects, objects = objects, []
    if token.i != head.i and _lemma(head) in SUFFERING_VERBS:
        # "a prisoner died of torture in Israeli police custody": who died suffered the
        # act; whoever held them did it
        objects = [c for c in subjects if c.dep_ in SUBJECT_DEPS] + objects
        subjects = [c for t in (head, token) for c in t.children
                    if (c.dep_ == "prep" and c.lower_ in ("in", "under")
                        and any(_lemma(o) in CUSTODY_NOUNS for o in c.children))
                    or (t is token and c.dep_ in ("prep", "agent") and c.lower_ == "by")]
    if (provider := _provider(token)) is not None:
        # "Mali remained dependent on X for training": X trains, Mali is trained
        objects = [c for c in subjects if c.dep_ in SUBJECT_DEPS] + objects
        subjects = [provider]
    nominal = [e for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")
               for e in _phrase_actors(c, span, mentions)] if token.pos_ == "NOUN" else []
    if nominal:
        # a noun's own doer outranks its clause's subject: "Keïta sought ties due to French
        # support for Senegal" is France's support
        subjects, objects = [], []
    actors = nominal or [e for c in subjects for e in _named_or_origin(c, span, mentions)]
    recipients = [e for c in objects for e in _named_or_origin(c, span, mentions)]
    own = {e.country for e in actors if e.country}
    # "sent arms and instructors to X": what a transfer moves is not its recipient
    transfer = code[:2] in ("06", "07") and any(
        (c.dep_ in ("dative", "prep") and c.lower_ in ("to", "for")) or c.dep_ == "dative"
        for c in token.children)
    tiers = (RECIPIENT_PREPS, LATER_RECIPIENT_PREPS)
    if token.pos_ == "NOUN" and cameo(code).quad_class >= 3:
        # "the blockade of Serbia", "the invasion of Ukraine": a hostile act's "of" is
        # its target, before any "with"
        tiers = (frozenset({"of"}), RECIPIENT_PREPS, LATER_RECIPIENT_PREPS)
    kids = list(token.children)  # walked once per tier
    for preps in tiers:
        if recipients:
            break
        for child in kids:
            if not ((child.dep_ in OBJECT_DEPS and preps is tiers[0]) or (
                    child.dep_ == "prep" and child.lower_ in preps)):
                continue
            if (transfer and child.dep_ == "dobj") or any(_helping(c) for c in child.children):
                continue  # the thing moved; "with the help of X"
            objects.append(child)
            recipients += [e for e in _phrase_actors(child, span, mentions)
                           if not _reflexive(e, own)]
    antecedent = None
    if code[:2] == "11" and recipients and all(e.kind == "igo" for e in recipients):
        # "Lebanon complained to the United Nations over Israeli air raids": the UN hears
        # the complaint, Israel is its target (CAMEO's coding)
        about = [e for c in token.children if c.dep_ == "prep" and c.lower_ in COMPLAINT_PREPS
                 for e in _phrase_actors(c, span, mentions) if e.country and e.country not in own]
        recipients = about or recipients
    if not actors and subjects:
        actors, antecedent = _inherited(subjects, head, span, mentions)
    unnamed: list[Entity] = []
    if not actors:
        # "The Umma party said it will boycott …": the party, though no name is known
        doers = [antecedent] if antecedent is not None else subjects
        unnamed = actors = [e for c in doers if (e := _unnamed(c, span, domestic=False))]
    if not recipients:
        recipients = [e for c in objects if (e := _unnamed(c, span, domestic=True))
                      and not (code[:2] in ("06", "07") and c.dep_ == "dobj")]
        unnamed = unnamed + recipients
    # "Judge Alejandro Rivera opened investigations against Chilean officials": a named
    # judge or policeman of no known country is placed like an unnamed one
    unnamed += [e for e in actors + recipients if e.kind == "person" and e.country is None
                and e.sector in HOME_SECTORS and e not in unnamed]
    if unnamed:
        actors, recipients = _placed(actors, recipients, unnamed, sentence)
    passive = any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in objects)
    if not actors and not subjects and passive and cameo(code).quad_class == 1 \
            and len({e.country for e in recipients if e.country}) > 1:
        # "relations between the two states were established": a joint act, no doer named
        actors, recipients = recipients, []
    if actors and recipients:
        return _unique(actors), _unique(recipients), True
    if actors:
        return _unique(actors), [], True
    if passive:
        return [], _unique(recipients), True  # "the embassy was closed": by whom, unsaid
    # the parse gave no doer: nearest actors around the trigger, less sure
    start = token.idx - span.start_char
    text = sentence.sentence.text
    before = _nearest(mentions, start, after=False, exclude=recipients)
    after = recipients or _nearest(mentions, start + len(token.text), after=True, exclude=before,
                                   text=text)
    return before, after, False


# "received aid from X", "sought assistance from X": the subject is given to, X gives
RECEIVING_VERBS = frozenset({"receive", "get", "obtain", "accept", "seek", "request", "win",
                             "secure", "enjoy", "have", "gain", "solicit", "welcome"})
# what one takes or finds in a host country ("took refuge in Cameroon")
SHELTER_NOUNS = frozenset({"refuge", "asylum", "sanctuary", "shelter", "haven"})
# "with the help of X": X is an ally in the act, not its target
HELP_NOUNS = frozenset({"help", "support", "assistance", "backing", "aid", "cooperation",
                        "participation", "blessing", "consent", "approval"})


# a mediator's act "between X and Y" is the mediator's, not X's
MEDIATION = frozenset({"045", "046", "042", "043"})


def _between(token: Token, span: Span,
             mentions: list[Mention]) -> tuple[list[Entity], list[Entity], bool] | None:
    """"the war between Sudan and Chad", "talks between X and Y": the two named are the
    sides, whoever else the clause names (a mediator, a deal that ended it)."""
    if any(c.dep_ in ("poss", "amod", "compound", "nmod") and _phrase_actors(c, span, mentions)
           for c in token.children):
        return None  # "the Russian war between …": the noun's own doer
    sides = _unique([e for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
                     for e in _phrase_actors(c, span, mentions)])
    if len({e.country for e in sides}) < 2:
        return None
    return sides[:1], sides[1:], True


def _subjugated(token: Token, head: Token, span: Span,
                mentions: list[Mention]) -> tuple[list[Entity], list[Entity], bool] | None:
    """"Korea became a colony of Japan", "the treaty made Georgia a Russian protectorate":
    the ruler (after "of", or the noun's adjective) takes over the state that became it."""
    head = token.head if token.dep_ in ("attr", "oprd", "ccomp", "xcomp") else head
    rulers = [e for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod") or (
        c.dep_ == "prep" and c.lower_ == "of") for e in _phrase_actors(c, span, mentions)]
    ruled_words = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")] or [
        c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
        and _lemma(head) != "make"] or [c for c in head.children if c.dep_ == "dobj"]
    ruled = [e for c in ruled_words for e in _phrase_actors(c, span, mentions)]
    own = {e.country for e in rulers}
    ruled = [e for e in ruled if e.country not in own]
    if not rulers or not ruled:
        return None
    return _unique(rulers), _unique(ruled), True


def _given_by(token: Token, head: Token, span: Span,
              mentions: list[Mention]) -> tuple[list[Entity], list[Entity], bool] | None:
    """Help whose giver stands after "from" or "with the help of": "Peru received aid from
    Russia", "support from the Chinese government", "with the help of Cuban troops" — the
    giver acts, the clause's subject is given to."""
    froms = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "from"]
    if not froms and token.dep_ == "dobj" and _lemma(token.head) in RECEIVING_VERBS:
        froms = [c for c in token.head.children if c.dep_ == "prep" and c.lower_ == "from"]
    if not froms and token.dep_ == "dobj" and _lemma(token) in SHELTER_NOUNS and \
            _lemma(token.head) in RECEIVING_VERBS | {"take", "find"}:
        # "rebels from Chad took refuge in Cameroon": the host shelters them
        froms = [c for t in (token, token.head) for c in t.children
                 if c.dep_ == "prep" and c.lower_ in ("in", "at")]
    if _helping(token):
        froms += [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
    givers = [e for c in froms for e in _phrase_actors(c, span, mentions)]
    if not givers:
        return None
    given = {e.country for e in givers}
    takers = [e for c in head.children if c.dep_ in SUBJECT_DEPS
              for e in _phrase_actors(c, span, mentions) if e.country not in given]
    return _unique(givers), _unique(takers), True


# acts of moving people: "the deployment of Rwandan troops to Mozambique", "the withdrawal
# of French forces from Mali", "the arrival of a Chinese delegation in Lomé"
MOVEMENT_NOUNS = frozenset({"deployment", "redeployment", "dispatch", "sending", "withdrawal",
                            "pullout", "pull-out", "drawdown", "arrival", "departure",
                            "stationing", "evacuation", "transfer", "return", "visit"})
PERSONNEL = frozenset({"troop", "force", "soldier", "peacekeeper", "adviser", "advisor",
                       "instructor", "mercenary", "contingent", "personnel", "police",
                       "officer", "unit", "battalion", "brigade", "diplomat", "delegation",
                       "expert", "observer", "monitor", "fighter", "marine", "army",
                       "warship", "ship", "vessel", "aircraft", "jet", "plane", "military"})
MOVEMENT_PREPS = frozenset({"to", "into", "in", "from", "at", "inside", "out"})


def _movement(token: Token, head: Token, span: Span,
              mentions: list[Mention]) -> tuple[list[Entity], list[Entity], bool] | None:
    """The sides of a noun that moves people, named in its "of" phrase: those people's
    state moves them; the place they go to, arrive in or leave is the other side (the
    noun's own phrases first, else those of the clause it is the subject of)."""
    if any(c.dep_ in ("poss", "amod", "compound", "nmod") and _phrase_actors(c, span, mentions)
           for c in token.children):
        return None  # "Russia's deployment of troops": the noun names its own doer
    moved = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
             for o in c.children if o.dep_ == "pobj" and _lemma(o) in PERSONNEL]
    # their own words only: "some invasion forces [from Panama]" names no owner
    inner = [_char_range(d, span) for o in moved for d in _nested(o)]
    ranges = [_char_range(o, span) for o in moved]
    actors = _unique([m.entity for m in mentions if m.entity.kind in ACTOR_KINDS
                      and any(a <= m.start and m.end <= b for a, b in ranges)
                      and not any(a <= m.start and m.end <= b for a, b in inner)])
    if not actors:
        return None
    own = {e.country for e in actors}
    where = [c for t in (token, *moved) for c in t.children
             if c.dep_ == "prep" and c.lower_ in MOVEMENT_PREPS]
    if not where and token.dep_ in SUBJECT_DEPS:
        where = [c for c in head.children if c.dep_ == "prep" and c.lower_ in MOVEMENT_PREPS]
    recipients = [e for c in where for e in _phrase_actors(c, span, mentions)
                  if e.country not in own or e.kind == "igo"]
    return actors, _unique(recipients), True


def _helping(token: Token) -> bool:
    """"with the help of X", "with Chinese support": a helper's phrase; "With the signing
    of the accord, X and Y agreed …": a circumstance set before the clause."""
    if token.dep_ != "pobj" or token.head.lower_ != "with":
        return False
    return _lemma(token) in HELP_NOUNS or (
        token.head.i < token.head.head.i and token.head.i == token.sent.start
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children))


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _provider(token: Token) -> Token | None:
    """"Mali remained dependent on the Soviet Union for the training of its military": the
    "on" phrase does the training."""
    cur = token
    for _ in range(5):
        if cur.dep_ == "pobj" and cur.head.lower_ == "for":
            holder = cur.head.head  # "dependent", or "remained" with "dependent" under it
            for word in [holder, *(c for c in holder.children if c.dep_ == "acomp")]:
                if _lemma(word) in DEPENDENCE:
                    return next((c for c in word.children
                                 if c.dep_ == "prep" and c.lower_ in ("on", "upon")), None)
            return None
        if cur.dep_ not in ("conj", "pobj", "prep") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _own_sides(token: Token, span: Span, mentions: list[Mention],
               code: str = "") -> tuple[list[Entity], list[Entity]]:
    actors = [e for c in token.children if c.dep_ in ("poss", "amod", "compound", "nmod")
              for e in _phrase_actors(c, span, mentions)]
    if code[:2] in ATTACK_ROOTS and (hit := [e for e in actors if FACILITY.search(e.text)]):
        # "the Iran embassy bombing in Yemen": the embassy was bombed, it bombed nothing
        return [], _unique(hit + [e for c in token.children if c.dep_ == "prep"
                                  for e in _phrase_actors(c, span, mentions)
                                  if e.country not in {h.country for h in hit}])
    recipients = [e for c in token.children if c.dep_ == "prep" and c.lower_ in
                  RECIPIENT_PREPS | {"of"} for e in _phrase_actors(c, span, mentions)]
    if recipients and not actors:
        first = first_conjunct(token)  # "following the revolution and the overthrow of …"
        if first.dep_ != "pobj" or first.head.lower_ in SEQUENCE_PREPS:
            # "France returned two diplomats after the arrest of a French diplomat": an
            # act before or after the clause's is no doing of its subject (nor is a noun
            # the parser joined to the clause's verb)
            return [], _unique(recipients)
        # "threw stones during demonstrations against X": the noun's own target makes it
        # the clause subject's doing
        actors = [e for c in _clause_head(token).children if c.dep_ in SUBJECT_DEPS
                  for e in _phrase_actors(c, span, mentions)]
    return (_unique(actors), _unique(recipients)) if actors else ([], [])


SEQUENCE_PREPS = frozenset({"after", "before", "following", "since"})
# attacks whose noun may name the place hit before it: "the embassy bombing"
ATTACK_ROOTS = frozenset({"14", "17", "18", "19"})
FACILITY = re.compile(r"\b(?:embass|consulat|diplomatic mission|military base)", re.I)


# nouns of taking a state in: "into the Russian Empire" names who took it
ABSORBING = frozenset({"incorporation", "absorption", "annexation", "integration"})


def _noun_sides(token: Token, span: Span, mentions: list[Mention]
                ) -> tuple[list[Entity], list[Entity]] | None:
    """Both sides from an act noun's own words, when it names both: the doer in its
    adjective, possessive or "by" phrase, the one acted on after "of", "against" or "on"."""
    absorbing = _lemma(token) in ABSORBING
    # ("the annexation by Russia of X": the parser may hang "of X" on "Russia")
    by_of = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "by"
             for o in c.children for g in o.children if g.dep_ == "prep" and g.lower_ == "of"]
    acted_on = {x.country for g in by_of for x in _phrase_actors(g, span, mentions)}
    # "their incorporation into the Russian Empire": who is taken in is the possessor
    doers = [e for c in token.children if c.dep_ in ("amod", "compound", "nmod") or (
        c.dep_ == "poss" and not absorbing) or (c.dep_ == "prep" and (c.lower_ == "by" or (
            c.lower_ in ("into", "to") and absorbing)))
        for e in _phrase_actors(c, span, mentions)
        if not (c.lower_ == "by" and e.country in acted_on)]
    own = {e.country for e in doers if e.country}
    done_to = [e for c in [*token.children, *by_of] if (c.dep_ == "prep" and c.lower_ in (
        "of", "against", "on")) or (c.dep_ == "poss" and absorbing)
        for e in _phrase_actors(c, span, mentions) if e.country and e.country not in own]
    if not own or not done_to:
        return None
    return _unique(doers), _unique(done_to)


def _reflexive(entity: Entity, own: set[str]) -> bool:
    """"Israel strengthened its forces": the actor's own people are not its recipient."""
    return entity.country in own and entity.text.lower().startswith(POSSESSIVES)


def _quoted(token: Token, span: Span) -> bool:
    """``token`` stands inside quotation marks that close before the sentence ends."""
    before = span.doc.text[span.start_char:token.idx]
    after = span.doc.text[token.idx:span.end_char]
    opened = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    return opened and ("”" in after or '"' in after)


def _inherited(subjects: list[Token], head: Token, span: Span,
               mentions: list[Mention]) -> tuple[list[Entity], Token | None]:
    """"Iraq said it would allow …": a pronoun subject is the governing clause's subject;
    also that subject's phrase, the nearest one, for an actor without a name."""
    if not all(c.pos_ == "PRON" or any(d.dep_ == "poss" and d.pos_ == "PRON"
                                       for d in c.children) for c in subjects):
        return [], None
    if head.dep_ == "relcl" and all(c.tag_ in ("WDT", "WP") for c in subjects):
        # "a resolution that condemned the annexation": the resolution condemned it, not
        # the clause above ("Chad voted against a resolution that …")
        return _phrase_actors(head.head, span, mentions), head.head
    cur = head
    first: Token | None = None
    quoted = _quoted(head, span)
    while cur.head.i != cur.i:
        cur = cur.head
        for child in cur.children:
            # "“We urge the Saudi authorities …,” the Canadian ministry tweeted": a quote's
            # speaker follows it
            if child.dep_ in SUBJECT_DEPS and (child.i < head.i or quoted):
                first = first or child
                found = _phrase_actors(child, span, mentions)
                if found:
                    return found, child
    return [], first


def _named_or_origin(phrase: Token, span: Span, mentions: list[Mention]) -> list[Entity]:
    named = _phrase_actors(phrase, span, mentions)
    return named or [e for e in [_origin(phrase, span, mentions)] if e]


def _origin(phrase: Token, span: Span, mentions: list[Mention]) -> Entity | None:
    """"A missionary from Calgary was arrested", "engineers from Shanghai built it": people
    a clause's subject names by where they come from are that country's."""
    if phrase.dep_ not in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or phrase.pos_ != "NOUN":
        return None
    for prep in phrase.children:
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            states = {e.country for e in _in_subtree(obj, span, mentions)
                      if e.kind == "state" and e.country}
            name = span.doc[obj.left_edge.i:obj.i + 1].text  # "Port Harcourt"
            country = states.pop() if len(states) == 1 else \
                city_country(name) if obj.pos_ == "PROPN" and not states else None
            if country:
                a, b = _char_range(phrase, span)
                text = span.text[a:b]
                kind = "person" if phrase.tag_ == "NN" else "group"
                return Entity(text, text, kind, country, confidence=0.6)
    return None


def _unnamed(phrase: Token, span: Span, *, domestic: bool) -> Entity | None:
    """An actor the gazetteer has no name for, from the phrase's own words: a role word
    makes it a domestic actor ("opposition parties", "riot police"); otherwise only a
    proper name does ("Amnesty International"), and only when ``domestic`` is False."""
    g = load_gazetteer()
    words = [t for t in phrase.subtree if t.dep_ not in ("det", "punct", "case")
             and not (t.i == phrase.i and t.dep_ in ("agent", "prep"))]
    nested = {d.i for n in _nested(phrase) for d in n.subtree}
    words = [t for t in words if t.i not in nested]
    if not words or all(t.pos_ == "PRON" for t in words):
        return None
    text = span.doc[words[0].i:words[-1].i + 1].text  # (not doc.text: built whole each time)
    toks = tokenize(text)
    found = next(((i, j, entry) for i, j, entry in g.cue_matches(toks)), None)
    cue = found[2] if found else None
    if found is not None and cue is not None:
        # a title before a name is one person ("President Faustin-Archange Touadéra");
        # otherwise the role word names a body or a group ("opposition newspaper La Prensa")
        titled = found[1] < len(toks) and toks[found[1]].text[:1].isupper()
        kind = "organization" if cue.cue_kind == "organization" else \
            ("person" if titled else "group")
        return Entity(text, text, kind, None, cue.sector, cue.role or None, None, 0.5)
    head = phrase if phrase.dep_ not in ("agent", "prep") else next(
        (c for c in phrase.children if c.dep_ == "pobj"), phrase)
    if domestic or head.pos_ != "PROPN":
        return None
    # "ethnic Albanians", "Kurds": a people, not a body
    kind = "group" if head.ent_type_ == "NORP" or head.tag_ == "NNPS" else "organization"
    return Entity(text, text, kind, None, None, None, None, 0.5)


# a judge, a policeman, a lawmaker or an opposition leader with no country named acts at
# home; a minister or an envoy may be the other side's ("Foreign Minister Liu with Déby")
HOME_SECTORS = frozenset({"JUD", "COP", "LEG", "OPP"})


def _placed(actors: list[Entity], recipients: list[Entity], unnamed: list[Entity],
            sentence: AnnotatedSentence) -> tuple[list[Entity], list[Entity]]:
    """Domestic actors (police, rebels, the opposition) belong to the country the sentence
    places them in ("in Algiers", "in Serbia"), else to the other side's country; on an
    "X–Y relations" page, facing one side they are the other's ("Chinese firms supplied
    drones to the military council" on Chad–China relations)."""
    where = _place_country(sentence)
    out: list[list[Entity]] = []
    for side, other in ((actors, recipients), (recipients, actors)):
        others = {e.country for e in other if e.country and e not in unnamed}
        fill = where or (others.pop() if len(others) == 1 else None)
        swapped = False
        if fill and not where and (partner := sentence.context.other_side(
                Entity(fill, fill, "state", fill))) is not None:
            fill, swapped = partner.country, True
        # an unnamed government facing another state's people is not theirs ("the junta
        # expelled French troops"): only a place or the page's pair says whose it is
        gov_fill = fill if where or swapped else None
        # a leader travels: only the pair says whose an unplaced prime minister is
        leader_fill = fill if swapped else None
        # a group no role word places ("ethnic Albanians") takes the place only
        out.append([replace(e, country=_fill(e, fill, gov_fill, leader_fill, where))
                    if e in unnamed and e.country is None and (e.sector or e.kind == "group")
                    and _fill(e, fill, gov_fill, leader_fill, where)
                    and (e.kind != "person" or e.sector in HOME_SECTORS or e.sector == "GOV")
                    else e for e in side])
    return out[0], out[1]


def _fill(e: Entity, fill: str | None, gov_fill: str | None, leader_fill: str | None,
          where: str | None) -> str | None:
    if not e.sector:
        return where
    if e.sector == "GOV" and e.kind == "person":
        return leader_fill
    return gov_fill if e.sector == "GOV" and e.kind == "organization" else fill


def _place_country(sentence: AnnotatedSentence) -> str | None:
    """The one country the sentence says things happen in: a capital or a town named, or
    a state after "in"/"at"."""
    span = sentence.span
    named = [m.entity.country for m in sentence.actors if m.entity.country]
    found = {p.country for p in sentence_places(span, [(m.start, m.end) for m in sentence.actors],
                                               named)}
    for m in sentence.actors:
        if m.entity.kind != "state" or not m.entity.country:
            continue
        tok = span.char_span(m.start, m.end, alignment_mode="expand")
        root = tok.root if tok is not None else None
        while root is not None and root.dep_ in ("compound", "amod", "appos", "conj", "poss"):
            # "in the Malian capital", "near Macedonia's border": a place; "in Israeli
            # custody", "in Greece's biggest trial": not
            if root.dep_ in ("amod", "poss") and \
                    root.head.lemma_.lower() not in SETTLEMENT_NOUNS | BORDER_NOUNS:
                root = None  # "in Israeli custody", "in the Palestinian uprising": no place
                break
            root = root.head
        under_in = root is not None and root.dep_ == "pobj" and \
            root.head.lower_ in PLACE_PREPS
        if m.is_place or under_in:
            found.add(m.entity.country)
    return found.pop() if len(found) == 1 else None


def _speech_head(token: Token) -> Token | None:
    """"Medvedev suggested that Gaddafi lost legitimacy and requested that he step down":
    a speech act the parser joined to the reported clause is the reporter's own; the
    reporting verb, else None."""
    if token.dep_ != "conj" or _lemma(token) not in SPEECH_ACTS or any(
            c.dep_ in SUBJECT_DEPS for c in token.children):
        return None
    clause = token.head
    if clause.dep_ == "ccomp" and _lemma(clause.head) in REPORTING_VERBS:
        return clause.head
    return None


def _demand_sides(token: Token, span: Span,
                  mentions: list[Mention]) -> tuple[list[Entity], list[Entity], bool]:
    """"X said (that) Y must …": X demands, of Y. Y is the clause's subject, or else whom the
    saying was addressed to ("a reminder to Iraq that it must …")."""
    recipients: list[Entity] = []
    for child in token.children:
        if child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
            recipients += _phrase_actors(child, span, mentions)
    actors: list[Entity] = []
    governor = token.head
    while governor.i != governor.head.i and not any(
            c.dep_ in SUBJECT_DEPS | {"agent"} for c in governor.children):
        if not recipients:
            recipients += _addressees(governor, span, mentions)
        governor = _speech_head(governor) or governor.head
    for child in governor.children:
        if child.dep_ in SUBJECT_DEPS or child.dep_ == "agent":
            # "the Third World Water Forum concluded that …": a body no table knows
            actors += _phrase_actors(child, span, mentions) or list(
                filter(None, [_unnamed(child, span, domestic=False)]))
    if not recipients:
        recipients += _addressees(governor, span, mentions)
    return _unique(actors), _unique(recipients), True


def _addressees(token: Token, span: Span, mentions: list[Mention]) -> list[Entity]:
    out: list[Entity] = []
    for child in token.children:
        if child.dep_ == "dative" or (child.dep_ == "prep" and child.lower_ == "to"):
            out += _phrase_actors(child, span, mentions)
    return out


def _clause_head(token: Token) -> Token:
    """The verb whose subject is the trigger's doer: climb xcomp/conj/aux chains."""
    head = token
    for _ in range(6):
        has_subject = any(c.dep_ in DOER_DEPS for c in head.children)
        if has_subject or head.dep_ not in ("xcomp", "conj", "advcl", "ccomp", "relcl", "acl",
                                            "pcomp", "pobj", "prep", "dobj"):
            return head
        if head.dep_ == "relcl" or head.dep_ == "acl":
            return head  # "aid, which included …": the relative's own subject or none
        head = head.head
    return head


def _char_range(token: Token, span: Span) -> tuple[int, int]:
    return (token.left_edge.idx - span.start_char,
            token.right_edge.idx + len(token.right_edge.text) - span.start_char)


RELATION_NOUNS = frozenset({"relation", "relationship", "tie"})


def _of_relations(token: Token) -> bool:
    """The act's object, or the subject of its passive, is the relations themselves, or
    "they" after them ("Relations were suspended in 1987, and they were suspended again
    in 2016")."""
    return any(c.dep_ in ("nsubjpass", "dobj") and (c.lemma_.lower() in RELATION_NOUNS or (
        c.lower_ == "they" and any(t.lemma_.lower() in RELATION_NOUNS
                                   for t in c.doc[c.sent.start:c.i])))
               for c in token.children)


# verbs whose object names the event they take part in: "the two countries fought the
# Korean War", "engaged in the Gulf War"
TAKING_PART = frozenset({"engage", "fight", "wage", "enter", "join", "lose", "win", "start",
                         "launch", "declare"})


def _named_event(token: Token) -> bool:
    """A named event ("the Korean War", "World War II") that the clause only mentions,
    not one its subject takes part in ("fought the Korean War")."""
    if not token.text[:1].isupper() or token.i == token.sent.start or \
            token.pos_ not in ("NOUN", "PROPN"):
        return False
    head = token.head
    if head.dep_ == "prep":
        head = head.head
    return not (head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in TAKING_PART)


def _named_parties(token: Token, span: Span, mentions: list[Mention]) -> list[Entity]:
    """The states named in a noun's own words before it: "the Eritrean–Ethiopian War",
    "the 1998 Argentina–Brazil War" (each once, in order): the run of capitalised words,
    numbers and dashes before it, however the parser joined them."""
    first = token.i
    while first > span.start and (token.doc[first - 1].text[:1].isupper()
                                  or token.doc[first - 1].text in ("-", "–", "—")
                                  or token.doc[first - 1].like_num):
        first -= 1
    left = token.doc[first].idx - span.start_char
    right = token.idx - span.start_char
    # (a mention may start before the run: "the Argentina" holds its article)
    return _unique([m.entity for m in mentions if left < m.end <= right
                    and m.entity.kind == "state" and m.entity.country])


# where one's own people are posted or taken from: "its ambassador to/in X", "from X"
HOST_PREPS = frozenset({"to", "in", "from", "at"})


def _hosts(token: Token, span: Span, mentions: list[Mention],
           own: set[str | None]) -> list[Entity]:
    """States other than ``own`` after "to", "in", "from" or "at" on the trigger or on what
    it acts on ("recalled its ambassador to Nicaragua", "withdrew its envoy from Lima"),
    or after "with" on relations ("to sever Turkey's relations with Israel")."""
    heads = [token] + [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    found: list[Entity] = []
    for head in heads:
        partners = HOST_PREPS | {"with"} if _lemma(head) in RELATION_NOUNS else HOST_PREPS
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in partners:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        found += [e for e in _in_subtree(pobj, span, mentions)
                                  if e.kind == "state" and e.country not in own]
    return _unique(found)


def _posted_to(token: Token, span: Span, mentions: list[Mention],
               own: set[str | None]) -> list[Entity]:
    """Where a recalled envoy was posted: "its ambassador to Israel", "withdrew its envoy
    from Lima"; not a reason's words ("in protest at the war on Gaza")."""
    preps = [c for o in token.children if o.dep_ in ("dobj", "nsubjpass") for c in o.children
             if c.dep_ == "prep" and c.lower_ in HOST_PREPS]
    # the parser may hang "to Togo" on the verb: "recall Ghana's ambassador to Togo"
    preps += [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "to")]
    return _unique([e for p in preps for o in p.children if o.dep_ == "pobj"
                    for e in _in_subtree(o, span, mentions)
                    if e.kind == "state" and e.country not in own])


def _verb_above(token: Token) -> Token:
    """The nearest verb governing ``token`` (the root when none)."""
    cur = token.head
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur


def _against(token: Token, span: Span, mentions: list[Mention]) -> list[Entity]:
    """The actors under "against" on the trigger or on what it acts on."""
    heads = [token] + [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return [e for head in heads for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ == "against"
            for e in _in_subtree(prep, span, mentions)]


def _in_subtree(token: Token, span: Span, mentions: list[Mention]) -> list[Entity]:
    left, right = _char_range(token, span)
    found = [m for m in mentions if left <= m.start and m.end <= right]
    return [m.entity for m in _people_first(found, span)
            if m.entity.kind in ACTOR_KINDS]


def _phrase_actors(token: Token, span: Span, mentions: list[Mention]) -> list[Entity]:
    """The actors a side's phrase names: those outside its nested phrases ("a US offer [to
    host talks between X and Y]"); failing that, those of its first nested phrase that
    names any ("an admission [by Moscow] [that Soviet forces killed Polish officers]")."""
    left, right = _char_range(token, span)
    found = [m for m in mentions if left <= m.start and m.end <= right
             and m.entity.kind in ACTOR_KINDS and not _names_a_side_of(m, span)
             and not _backs(m, span)]
    if not found:
        # a name the parser broke into pieces, each its own "subject" ("al", "-", "Thani")
        return [m.entity for m in mentions if m.start <= left and right <= m.end
                and (m.start, m.end) != (left, right) and m.entity.kind in ACTOR_KINDS][:1]
    nested = _nested(token)
    ranges = [_char_range(d, span) for d in nested]
    core = [m for m in found if not any(a <= m.start and m.end <= b for a, b in ranges)]
    if core:
        return [m.entity for m in _people_first(core, span)]
    for d in nested:
        inner = _phrase_actors(d, span, mentions)
        if inner:
            return inner
    return []


# "on the Thai border", "the Syrian side of the frontier": a state naming a place
BORDER_NOUNS = frozenset({"border", "frontier", "borders", "side", "coast", "waters"})


def _last_token(m: Mention | TimeMention, span: Span) -> Token | None:
    """The mention's last word ("the Thai": the adjective), found once per sentence: each
    side's phrase (and each trigger's date) asks again about the same mentions."""
    global _LAST_TOKENS
    memo = _LAST_TOKENS  # one read: another thread may replace it (the web server)
    if memo[0] is not span:
        memo = _LAST_TOKENS = (span, {})
    key = (m.start, m.end)
    if key not in memo[1]:
        tok = span.char_span(m.start, m.end, alignment_mode="expand")
        memo[1][key] = tok[-1] if tok is not None and len(tok) else None
    return memo[1][key]


# the last sentence asked about and its mentions' last words, by offsets
_LAST_TOKENS: tuple[Span | None, dict[tuple[int, int], Token | None]] = (None, {})


def _names_a_side_of(m: Mention, span: Span) -> bool:
    """A state adjective before "border" or "frontier" says where, not who."""
    if m.entity.kind != "state":
        return False
    last = _last_token(m, span)
    return last is not None and last.dep_ in ("amod", "compound") and \
        last.head.lower_ in BORDER_NOUNS


def _backs(m: Mention, span: Span) -> bool:
    """"the Russian-backed junta": Russia backs the junta and is not one of its sides; but
    "Vietnamese-led forces" are Vietnam's side, as CAMEO codes a led coalition."""
    last = _last_token(m, span)
    return last is not None and last.i < last.head.i and _backing(last.head, span) and \
        _lemma(last.head) != "lead"


def _nested(token: Token) -> list[Token]:
    """The outermost nested phrases under ``token``, in text order."""
    out: list[Token] = []
    stack = list(token.children)
    while stack:
        d = stack.pop()
        if d.dep_ in NESTED_DEPS and d.lower_ != "of":
            out.append(d)
        else:
            stack.extend(d.children)
    return sorted(out, key=lambda t: t.left_edge.i)


def _people_first(found: list[Mention], span: Span) -> list[Mention]:
    """"Russia's foreign minister Sergey Lavrov": the person, not the state naming him; a
    person the resolver left without a country takes the state named before him in the
    phrase ("Nigerian junior minister Dubem Oniya"). A state listed beside the person is a
    side of its own ("between Syria and the Palestinian leader")."""
    people = [m for m in found if m.entity.kind == "person"]
    if not people or not all(m.entity.kind in ("person", "state") for m in found):
        return found
    text = span.text  # (built anew at each access: only here, where it is needed)
    listed = [m for m in found if m.entity.kind == "state" and any(
        p.start >= m.end and COORDINATOR.search(text[m.end:p.start]) for p in people)]
    out = []
    for m in people:
        if m.entity.country is None:
            state = next((s for s in reversed(found) if s.end <= m.start
                          and s.entity.kind == "state" and s.entity.country), None)
            if state is not None:
                m = replace(m, entity=replace(m.entity, country=state.entity.country))
        out.append(m)
    return sorted(listed + out, key=lambda m: m.start)


def _nearest(mentions: list[Mention], offset: int, *, after: bool,
             exclude: Iterable[Entity], text: str | None = None) -> list[Entity]:
    """The mention nearest ``offset`` on one side; after it, with ``text``, the mentions
    listed with it ("aid for Romania and Poland")."""
    skip = {(e.country, e.name) for e in exclude}
    side = [m for m in mentions if (m.start >= offset if after else m.end <= offset)]
    side = [m for m in side if (m.entity.country, m.entity.name) not in skip]
    if not side:
        return []
    best = min(side, key=lambda m: abs((m.start if after else m.end) - offset))
    out = [best]
    if after and text is not None:
        for m in sorted(side, key=lambda m: m.start):
            if m.start >= out[-1].end and LIST_GAP.fullmatch(text[out[-1].end:m.start]):
                out.append(m)
    return [m.entity for m in out]


def _unique(entities: list[Entity]) -> list[Entity]:
    seen: set[tuple[str | None, str]] = set()
    out = []
    for e in entities:
        key = (e.country, e.name)
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


# a verb heading a clause of its own under another
CLAUSE_DEPS = frozenset({"conj", "ccomp", "advcl", "parataxis", "relcl", "pcomp"})


def _in_clause(mention: TimeMention, head: Token, span: Span) -> bool:
    """The time mention hangs on ``head`` without passing through another clause's verb."""
    tok = _last_token(mention, span)
    if tok is None:
        return False
    while tok.i != head.i:
        if tok.head.i == tok.i:
            return False  # reached the root without meeting the trigger's clause
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in CLAUSE_DEPS:
            return False
        tok = tok.head
    return True


def _joined_periods(best: TimeMention, points: list[TimeMention], text: str) -> When:
    """"In the 1960s and 1970s": periods named together are one span, from the first's
    start to the last's end (two single years stay apart: "in 1994 and 1996")."""
    if best.when.precision not in ("decade", "century"):
        return best.when
    run = sorted(points, key=lambda m: m.start)
    k = run.index(best)
    first = last = k
    while first > 0 and run[first - 1].when.precision == best.when.precision and \
            PERIOD_JOIN.fullmatch(text[run[first - 1].end:run[first].start]):
        first -= 1
    while last + 1 < len(run) and run[last + 1].when.precision == best.when.precision and \
            PERIOD_JOIN.fullmatch(text[run[last].end:run[last + 1].start]):
        last += 1
    if first == last:
        return best.when
    a, b = run[first].when, run[last].when
    return replace(best.when, start=a.start, end=b.end or b.start,
                   text=text[run[first].start:run[last].end])


# what stands between periods named together: "the 1960s and 1970s", "1950s, 60s and 70s"
PERIOD_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|to|or|through)?\s*(?:the\s+)?|\s*[,–-]\s*")


# how far back a day named in a news story still counts as the story's own day
NEWS_DAYS = 8


def _days_before(day: str, published: str) -> int | None:
    """Whole days from an ISO ``day`` to the publication day; None unless both are days."""
    if len(day) != 10:
        return None
    try:
        return (date.fromisoformat(published) - date.fromisoformat(day)).days
    except ValueError:
        return None


# "a day after", "two weeks before": how far the clause stands from the one it hangs on
_UNIT_DAYS = {"hour": 0, "day": 1, "week": 7}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "several": None, "few": None}


def _days_from_governor(token: Token) -> int | None:
    """"Rwanda accused Congo on Sunday, a day after its ambassador was given 48 hours to
    leave": the expulsion is one day before the accusation (-1); None unless the trigger's
    clause is such an "after"/"before" clause with a count of days, weeks or hours."""
    clause = token
    while clause.dep_ not in ("advcl", "ROOT", "ccomp", "relcl") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "advcl":
        return None
    # the parser hangs "a day" on "after" or on the clause's verb, and "after" on the
    # clause or on "a day"
    mark = next((c for c in clause.children if c.dep_ == "mark"
                 and c.lower_ in ("after", "before")), None)
    near = [*mark.children, *clause.children] if mark is not None else list(clause.children)
    unit = next((c for c in near if c.dep_ == "npadvmod" and _lemma(c) in _UNIT_DAYS
                 and c.i < clause.i), None)
    if mark is None and unit is not None:
        mark = next((c for c in unit.children if c.lower_ in ("after", "before")), None)
    if unit is None or mark is None or unit.i > mark.i:
        return None
    count = next((c for c in unit.children if c.dep_ in ("det", "nummod")), None)
    n = _COUNTS.get(count.lower_) if count is not None else None
    if n is None and count is not None and count.like_num:
        n = int(count.text) if count.text.isdigit() else None
    if n is None:
        return None
    days = n * _UNIT_DAYS[_lemma(unit)]
    return -days if mark.lower_ == "after" else days


def _date_near(sentence: AnnotatedSentence, trigger: Trigger) -> When:
    """The trigger's date, moved by "a day after …" from the clause it hangs on."""
    when = _date_written(sentence, trigger)
    if when.precision != "day" or when.end or not when.start or len(when.start) != 10 or \
            trigger.pos == "caption":
        return when
    token = sentence.span[trigger.i]
    days = _days_from_governor(token)
    if not days or any(_in_clause(m, token, sentence.span) for m in sentence.times.mentions
                       if is_dated(m)):
        return when
    try:
        day = (date.fromisoformat(when.start) + timedelta(days=days)).isoformat()
    except ValueError:
        return when
    return replace(when, start=day)


# texts a year before them names: "the 1982 Convention on the Law of the Sea"
DOCUMENT_NOUNS = frozenset({"convention", "treaty", "agreement", "accord", "pact", "protocol",
                            "charter", "constitution", "resolution", "declaration", "law",
                            "act", "memorandum", "deal", "communique", "plan", "roadmap"})


def _dates_a_document(m: TimeMention, trigger: Trigger, span: Span) -> bool:
    """"completed negotiations in line with the 1982 Convention": a year naming a text
    another act only cites is the text's, not that act's."""
    words = span.doc.char_span(span.start_char + m.start, span.start_char + m.end,
                               alignment_mode="expand")
    token = words[0] if words is not None and len(words) else None
    if token is None or token.dep_ not in ("nummod", "compound", "amod", "npadvmod"):
        return False
    head = token.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    # "signed the 1982 treaty": the text the act is done to is dated by that act
    return _lemma(head) in DOCUMENT_NOUNS and head.i - span.start != trigger.i and \
        head.head.i - span.start != trigger.i


# a named period's words that date something else by it: "two years after World War II"
_RELATIVE_TO = re.compile(r"\b(?:after|before|since|until|following|prior|end|start|"
                          r"beginning|outbreak|eve)\b", re.IGNORECASE)


def _date_written(sentence: AnnotatedSentence, trigger: Trigger) -> When:
    """The dated mention nearest the trigger, else the section's frame, else unknown."""
    points = [m for m in sentence.times.mentions if is_dated(m)
              and not _dates_a_document(m, trigger, sentence.span)]
    if (named := next((m for m in points if m.timex_type == "EVENT" and m.start <= trigger.start
                       and trigger.end <= m.end and not _RELATIVE_TO.search(m.when.text or "")),
                      None)) is not None:
        # "… in 1937, precipitating the Second Sino-Japanese War": a war its name dates
        return named.when
    if points:
        # "In 1961 they signed a pact; in 1965 they fought": a date of the trigger's own
        # clause before a nearer one of another
        token = sentence.span[trigger.i]
        # a noun told as background ("after the arrest of …") is dated by its own words
        home = _clause_head(token) if trigger.pos != "caption" and not trigger.background \
            else None
        own = [m for m in points if home is not None and _in_clause(m, home, sentence.span)]
        if home is not None and token.dep_ == "conj" and token.pos_ == "VERB":
            # "Japan invaded Manchuria in 1931 … and invaded China in 1937": a verb joined
            # to the clause's keeps a date of its own, one in its own phrase: after a comma
            # ("returned two diplomats, after the arrest of …, in August") it is another's
            text = sentence.sentence.text
            own = [m for m in points if _in_clause(m, token, sentence.span) and not any(
                c in text[min(m.end, trigger.end):max(m.start, trigger.start)] for c in ",;")
                ] or own
        best = min(own or points, key=lambda m: min(abs(m.start - trigger.end),
                                                    abs(m.end - trigger.start)))
        return _joined_periods(best, points, sentence.sentence.text)
    frame = sentence.times.frame
    narrative = sentence.times.narrative
    published = sentence.context.published
    if published and len(published) == 10 and all(
            sentence.context.gazetteer.existed(m.entity.country, published)
            for m in sentence.actors if m.entity.kind == "state" and m.entity.country):
        # news: what a story tells with no date of its own is dated by the story, as event
        # data (ICEWS, GDELT) and TimeML's document time have it, not by a date an earlier
        # sentence gave as background ("a coup on Dec. 7"); unless it names a state gone
        # by then ("dependent on the Soviet Union" is the past). A day the story itself has
        # just named ("said yesterday it was expelling … The kingdom gave the envoy 24
        # hours") is that story's day, and carries on
        if narrative and sentence.times.narrative_day and \
                _days_before(narrative, published) in range(NEWS_DAYS):
            return When(narrative, None, "day", "narrative", None)
        return When(published, None, "day", "narrative", None)
    if narrative and (frame is None or narrative[:4] != (frame.start or "")[:4]):
        # "In April 2021 … seized power. China called on the council to …": the month the
        # story has reached, no finer (the next sentence may be weeks later); after "in
        # the 1980s", the decade
        span = sentence.times.narrative_span
        if span is not None:
            return When(span.start, span.end, span.precision, "narrative", None)
        if len(narrative) >= 7:
            return When(narrative[:7], None, "month", "narrative", None)
        return When(narrative[:4], None, "year", "narrative", None)
    if frame is not None:
        return When(frame.start, frame.end, frame.precision, "section", frame.text)
    return When(None, None, "unknown", None, None)


def _location(sentence: AnnotatedSentence, token: Token,
              parties: list[Entity]) -> dict[str, str | None] | None:
    """A place in an "in"/"at" phrase under the trigger: a city, or a state not a side."""
    span = sentence.span
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in ("in", "at"):
            continue
        left = child.left_edge.idx - span.start_char
        right = child.right_edge.idx + len(child.right_edge.text) - span.start_char
        for m in sentence.actors:
            if not (left <= m.start and m.end <= right) or m.entity.kind != "state":
                continue
            surface = sentence.sentence.text[m.start : m.end]
            is_city = m.is_place or surface != m.entity.name
            if is_city or m.entity not in parties:
                return {"name": surface, "country": m.entity.country}
    return None


def _within(q: Quantity, token: Token, span: Span) -> bool:
    """A quantity belongs to the trigger whose clause holds it."""
    head = _clause_head(token)
    left = head.left_edge.idx - span.start_char
    right = head.right_edge.idx + len(head.right_edge.text) - span.start_char
    return left <= q.start and q.end <= right


def _attribution(span: Span, mentions: list[Mention]) -> Entity | None:
    """Who the sentence says made the claim: "According to X, …" or "X said …"."""
    for token in span:
        if token.lower_ == "according" and token.i + 1 < span.end and \
                (to := span.doc[token.i + 1]).lower_ == "to":
            found = _in_subtree(to, span, mentions)
            if found:
                return found[0]
        if token.lemma_ in ATTRIBUTION_LEMMAS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "nsubj":
                    found = _in_subtree(child, span, mentions)
                    if found and any(c.dep_ in ("ccomp", "parataxis") for c in token.children):
                        return found[0]
    return None


def _confidence(parsed: bool, actors: list[Entity], recipients: list[Entity]) -> float:
    score = 0.85 if parsed else 0.55
    if not recipients:
        score -= 0.2
    resolved = [e for e in actors + recipients if e.country or e.kind == "igo"]
    score *= 0.6 + 0.4 * len(resolved) / max(len(actors + recipients), 1)
    return round(min(max(score, 0.05), 1.0), 2)
