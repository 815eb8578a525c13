"""The seed page (../shared, skipped without it): the errors found by hand stay fixed."""

from __future__ import annotations

import pytest

from dyad.pipeline import extract_records
from dyad.read import read_path
from tests.conftest import SEED, need_shared


@pytest.fixture(scope="module")
def records() -> list[dict]:
    [doc] = read_path(need_shared(SEED))
    return list(extract_records(doc))


def _events(records: list[dict]) -> list[dict]:
    return [r for r in records if r["record"] == "event"]


def _sides(r: dict) -> tuple[set, set]:
    return ({a["country"] for a in r["actors"]}, {a["country"] for a in r["recipients"]})


def test_the_1968_coup_is_against_keita(records: list[dict]) -> None:
    [coup] = [e for e in _events(records) if e["event_type"] == "ASSAULT"
              and e["date"]["start"] == "1968"]
    assert [r["name"] for r in coup["recipients"]] == ["Modibo Keïta"]
    assert _sides(coup) == ({"MLI"}, {"MLI"})


def test_mali_after_the_federation_is_mali(records: list[dict]) -> None:
    # the loans of 1961 and the relations of 14 October 1960 are the Republic of Mali's
    [loan] = [e for e in _events(records) if e["event_type"] == "AID"
              and e["date"]["start"] == "1961"]
    assert _sides(loan) == ({"SUN"}, {"MLI"})
    [relations] = [r for r in records if r["record"] == "fact"
                   and r["kind"] == "diplomatic_relations"]
    assert {relations["subject"]["country"], relations["object"]["country"]} == {"SUN", "MLI"}
    assert relations["valid"]["start"] == "1960-10-14"


def test_ambassadors_including_the_nominated_one(records: list[dict]) -> None:
    envoys = {(r["subject"]["country"], r["person"]["name"], r["status"]) for r in records
              if r["record"] == "fact" and r["kind"] == "ambassador"}
    assert ("MLI", "Seydou Kamissoko", "planned") in envoys
    assert ("RUS", "Igor Gromyko", "asserted") in envoys


def test_no_events_from_people_titles_or_background(records: list[dict]) -> None:
    words = {e["trigger"]["text"].lower() for e in _events(records)}
    # "advisors" are people, "invasion" is the war a purchase was meant for, "Cooperation"
    # and "Fight" are words of an office's title, "agreement" is the one signed earlier
    assert not words & {"advisors", "invasion", "cooperation", "fight", "agreement", "trade"}


def test_training_of_malis_military_is_soviet(records: list[dict]) -> None:
    training = [e for e in _events(records) if e["trigger"]["text"] == "training"]
    assert training and all(_sides(e)[0] == {"SUN"} for e in training)
