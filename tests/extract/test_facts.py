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
