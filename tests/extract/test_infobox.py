"""Facts from a bilateral infobox's parameters (values written for these tests)."""

from __future__ import annotations

import pytest

from dyad.annotate.pipeline import document_context, document_pair
from dyad.extract.infobox import envoy_name, infobox_facts
from dyad.model import Document


@pytest.mark.parametrize(("value", "name"), [
    ("Ambassador Marta Quiroga", "Marta Quiroga"),
    ("Amabssador Marta Quiroga", "Marta Quiroga"),  # the title misspelt
    ("Ambasador Marta Quiroga", "Marta Quiroga"),
    ("Marta Quiroga", "Marta Quiroga"),  # no title
    ("Ambassador Extraordinary and Plenipotentiary Ana de la Cruz", "Ana de la Cruz"),
    ("High Commissioner Peter Odhiambo", "Peter Odhiambo"),
    ("Vacant", None),
    ("Ambassador", None),  # a title alone
    ("Chilean Ambassador to Kenya Marta Quiroga", "Marta Quiroga"),
    ("Kenyan Ambassador to the United States Peter Odhiambo", "Peter Odhiambo"),
    ("Ambassador Şebnem Yıldız", "Şebnem Yıldız"),  # a capital outside Latin-1
    ("Ambassador Nura bin Saad al-Harbi", "Nura bin Saad al-Harbi"),
    ("none (accredited from Lima)", None),
])
def test_envoy_name(value: str, name: str | None) -> None:
    assert envoy_name(value, document_context(("CHL", "KEN"))) == name


RENDERED_PAGE = """= Chile–Kenya relations =

Infobox
- Map: Chile Kenya locator.svg
- Mission1: High Commission of Kenya, Santiago
- Mission2: Chilean Embassy, Nairobi|es|Embajada de Chile
- Envoytitle1: Kenyan Ambassador to Chile
- Envoy1: Peter Odhiambo
- Envoytitle2: Ambassador Marta Quiroga

Chile and Kenya keep friendly ties.

== History ==

Chile opened an embassy in Nairobi in 1994.
"""

RENDERED_TABLE = """Chile |
Kenya |
---|---|
Diplomatic mission | |
Embassy of Chile, Nairobi | Embassy of Kenya in Santiago, Chile |
Envoy | |
Chilean Ambassador to Kenya Marta Quiroga | Ambassador Peter Odhiambo |
Chile and Kenya keep friendly ties that go back to the 1960s, when both joined talks.
"""


@pytest.mark.parametrize(("text", "expected"), [
    # each mission's own name says whose it is, whatever its column; the envoy's title too,
    # else the envoy goes with the column's mission
    (RENDERED_PAGE, [("envoy1", "ambassador", "KEN", "CHL", None, "Peter Odhiambo"),
                     ("envoy2", "ambassador", "CHL", "KEN", None, "Marta Quiroga"),
                     ("mission1", "embassy", "KEN", "CHL", "Santiago", None),
                     ("mission2", "embassy", "CHL", "KEN", "Nairobi", None)]),
    (RENDERED_TABLE, [("envoy1", "ambassador", "CHL", "KEN", None, "Marta Quiroga"),
                      ("envoy2", "ambassador", "KEN", "CHL", None, "Peter Odhiambo"),
                      ("mission1", "embassy", "CHL", "KEN", "Nairobi", None),
                      ("mission2", "embassy", "KEN", "CHL", "Santiago", None)]),
])
def test_infoboxes_as_text_renderings_give_them(text: str, expected: list[tuple]) -> None:
    from dyad.read import read_text

    doc = read_text(text)
    ctx = document_context(document_pair(doc))
    found = sorted((key, f.kind, f.subject.country, f.object.country,
                    f.place["name"] if f.place else None,
                    f.person.name if f.person else None) for key, f in infobox_facts(doc, ctx))
    assert found == expected


def test_envoys_and_missions_of_the_pair() -> None:
    doc = Document(id="t", title="Chile–Kenya relations", format="text", text="",
                   infobox={"mission1": "Embassy of Chile, Nairobi",
                            "envoy1": "Amabssador Marta Quiroga",
                            "envoy2": "Peter Odhiambo"})
    ctx = document_context(document_pair(doc))
    found = sorted((key, f.kind, f.subject.country, f.object.country,
                    f.person.name if f.person else None) for key, f in infobox_facts(doc, ctx))
    assert found == [("envoy1", "ambassador", "CHL", "KEN", "Marta Quiroga"),
                     ("envoy2", "ambassador", "KEN", "CHL", "Peter Odhiambo"),
                     ("mission1", "embassy", "CHL", "KEN", None)]


def test_the_pair_from_the_infobox_when_there_is_no_title() -> None:
    # wikitext copied from the edit box: no title line, the parties only in the infobox
    from dyad.read import read_text

    wikitext = ("{{Infobox bilateral relations|Chile–Kenya|Chile|Kenya\n"
                "| mission1 = Embassy of Chile, Nairobi\n| envoy2 = Ambassador Peter Odhiambo\n}}\n"
                "'''Chile–Kenya relations''' are the ties between [[Chile]] and [[Kenya]].\n")
    doc = read_text(wikitext, input_format="wikitext")
    ctx = document_context(document_pair(doc))
    found = sorted((key, f.subject.country, f.object.country) for key, f in infobox_facts(doc, ctx))
    assert found == [("envoy2", "KEN", "CHL"), ("mission1", "CHL", "KEN")]
