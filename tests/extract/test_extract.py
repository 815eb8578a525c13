"""Events and facts from short pages written for these tests, checked as records."""

import json
from pathlib import Path

import pytest

from dyad.pipeline import extract_records
from dyad.read import read_text
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = SHARED / "spec" / "records.schema.json"

PAGE = """Chile–Kenya relations

From Wikipedia, the free encyclopedia

Chile–Kenya relations are the bilateral relations between Chile and Kenya.

History

[edit]

Kenya and Chile established diplomatic relations on 5 May 1964.[1] In 1971 Chile granted Kenya a loan of $20 million.[2]

Kenya has an embassy in Santiago, and Chile has an embassy in Nairobi.[1] The current Chilean ambassador to Kenya is Ana Ruiz, since 3 March 2020.[2]

According to the Kenyan government, Chile threatened to expel Kenyan diplomats in 1999.[1]

Both countries are members of the United Nations and the Non-Aligned Movement.[2] In 1972 the two countries signed a Treaty of Friendship.[1]

References

[edit]

    1. ^ "Chile and Kenya open ties". The Example Times. 6 May 1964.
    2. ^ Ruiz, Pat (2016). "Loans and envoys". Andes Review. Retrieved 1 June 2017.
"""


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return list(extract_records(read_text(PAGE, source="chile-kenya.txt")))


def _events(records: list[dict]) -> list[dict]:
    return [r for r in records if r["record"] == "event"]


def _facts(records: list[dict], kind: str) -> list[dict]:
    return [r for r in records if r["record"] == "fact" and r["kind"] == kind]


def test_document_and_references_come_first(records: list[dict]) -> None:
    assert records[0]["record"] == "document"
    assert [r["label"] for r in records if r["record"] == "reference"] == ["1", "2"]


def test_relations_established_with_date_and_citation(records: list[dict]) -> None:
    [fact] = _facts(records, "diplomatic_relations")
    assert {fact["subject"]["country"], fact["object"]["country"]} == {"CHL", "KEN"}
    assert fact["valid"]["start"] == "1964-05-05" and fact["valid"]["precision"] == "day"
    assert [c["label"] for c in fact["citations"]] == ["1"]
    assert fact["citations"][0]["work"] == "The Example Times"


def test_aid_event_with_quantity(records: list[dict]) -> None:
    [aid] = [e for e in _events(records) if e["event_type"] == "AID"]
    assert [a["country"] for a in aid["actors"]] == ["CHL"]
    assert [r["country"] for r in aid["recipients"]] == ["KEN"]
    assert aid["date"]["start"] == "1971" and aid["date"]["precision"] == "year"
    assert aid["quantities"][0]["value"] == 20_000_000
    assert aid["quantities"][0]["currency"] == "USD"


def test_embassies_with_cities(records: list[dict]) -> None:
    embassies = {(f["subject"]["country"], f["object"]["country"], f["place"]["name"])
                 for f in _facts(records, "embassy")}
    assert embassies == {("KEN", "CHL", "Santiago"), ("CHL", "KEN", "Nairobi")}


def test_ambassador_with_tenure(records: list[dict]) -> None:
    [fact] = _facts(records, "ambassador")
    assert (fact["subject"]["country"], fact["object"]["country"]) == ("CHL", "KEN")
    assert fact["person"]["name"] == "Ana Ruiz"
    assert fact["valid"]["start"] == "2020-03-03" and fact["valid"]["modifier"] == "since"


def test_each_membership_of_a_list_is_its_own_record(records: list[dict]) -> None:
    # the organisations have no country: their names keep the records' ids apart
    found = sorted((r["subject"]["country"], r["object"]["name"])
                   for r in _facts(records, "membership"))
    assert found == [("CHL", "Non-Aligned Movement"), ("CHL", "United Nations"),
                     ("KEN", "Non-Aligned Movement"), ("KEN", "United Nations")]


def test_a_treaty_is_named_apart_from_place(records: list[dict]) -> None:
    # the contract's place is a mission's city: a treaty's name has a field of its own
    [treaty] = _facts(records, "treaty")
    assert (treaty["subject"]["country"], treaty["object"]["country"]) == ("CHL", "KEN")
    assert treaty["place"] is None and treaty["treaty"] == {"name": "Treaty of Friendship"}
    assert treaty["valid"]["start"] == "1972"


def test_attributed_claim(records: list[dict]) -> None:
    threats = [e for e in _events(records) if e["event_type"] == "THREATEN"]
    assert threats and threats[0]["attributed_to"]["country"] == "KEN"
    assert threats[0]["date"]["start"] == "1999"


def test_offsets_and_ids(records: list[dict]) -> None:
    doc = read_text(PAGE)
    for r in records:
        if r["record"] in ("event", "fact") and r["evidence"]["end"]:
            ev = r["evidence"]
            assert doc.text[ev["start"] : ev["end"]] == ev["text"]
    again = list(extract_records(read_text(PAGE, source="chile-kenya.txt")))
    assert [r.get("id") for r in again] == [r.get("id") for r in records]


def test_records_validate_against_the_contract(records: list[dict]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.exists():
        pytest.skip("../shared/spec is absent")
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text()))
    example = read_text((ROOT / "examples" / "burkina_faso-russia.txt").read_text())
    for record in records + list(extract_records(example)):
        assert not list(validator.iter_errors(record)), record


def test_a_sentence_dated_by_a_decade_before_it_is_no_more_precise() -> None:
    doc = read_text("Chile–Kenya relations\n\nIn the 1980s Chile sent aid to Kenya. Chile then "
                    "sent more aid to Kenya.\n", input_format="text")
    dates = [r["date"] for r in extract_records(doc) if r["record"] == "event"]
    assert [(d["start"], d["precision"], d["modifier"]) for d in dates] == [
        ("1980", "decade", None), ("1980", "decade", "narrative")]


def _ambassadors(text: str) -> list[tuple]:
    from dyad.pipeline import extract_records

    doc = read_text(text, input_format="text", date="2019-04-03")
    return [(r["subject"]["country"], r["object"]["country"], (r["person"] or {}).get("name"))
            for r in extract_records(doc) if r["record"] == "fact" and r["kind"] == "ambassador"]


def test_an_ambassador_named_only_by_title_is_the_envoy_named_elsewhere() -> None:
    text = ("Ghana expelled the Togolese ambassador on Monday over a border row. Officials "
            "said the envoy Kofi Mensah had been given two days to leave.")
    found = _ambassadors(text)
    assert found and all(f == ("TGO", "GHA", "Kofi Mensah") for f in found)


def test_a_name_with_no_state_is_not_given_to_two_states_envoys() -> None:
    # two states' envoys wait for a name; the one named without a state could be either's
    text = ("Ghana expelled the Togolese ambassador. Benin recalled the Nigerian ambassador. "
            "Officials said the envoy Kofi Mensah had left.")
    assert all(name != "Kofi Mensah" for _, _, name in _ambassadors(text))
    # the state that expels the named envoy is not the one who sent him
    text = ("Ghana said it was expelling the Togolese ambassador and recalling its own envoy. "
            "Ghana gave the envoy Kofi Mensah two days to leave.")
    assert ("TGO", "GHA", "Kofi Mensah") in _ambassadors(text)
    assert all(name != "Kofi Mensah" for s, _, name in _ambassadors(text) if s == "GHA")


def test_a_post_with_no_name_and_no_date_says_nothing() -> None:
    assert _ambassadors("Ghana summoned the Togolese ambassador over a border row.") == []
    # a date keeps it: the tenure's end is something said
    assert _ambassadors("Ghana expelled the Togolese ambassador on Monday.") == [
        ("TGO", "GHA", None)]
