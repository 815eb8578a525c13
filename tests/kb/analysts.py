"""One document's records for the analysts' tables (panel, ICEWS, network): own words.

What the tables must make of them (directed, by year):

- 1960: Mali and the Soviet Union agree (no recipient: both ways), relations from
  14 October 1960; France's embassy in Mali from 1960; Israel–Mali relations from 1960.
- 1961: the Soviet Union aids Mali (material, 7.4) and consults it (verbal, 1.0), and
  opens an embassy in Mali.
- 1962: Mali accuses the Soviet Union (-2.0). 1963: Mali's embassy in the Soviet Union.
- 1973: Israel–Mali relations severed; none from 1974.
- 26 December 1991: the Soviet Union's relations and embassy go on as Russia's.
- 2021: Russia cooperates with Mali (alleged: counted). 2022: France attacks Mali
  (confidence 0.4: left out at --min-confidence 0.5) and threatens it (denied: never
  counted).
"""

from __future__ import annotations

from typing import Any

from tests.kb.records import document, event, fact, when

DOC = "sahel-notes"


def _sure(record: dict[str, Any], confidence: float) -> dict[str, Any]:
    record["confidence"] = confidence
    return record


def analysts_records() -> list[dict[str, Any]]:
    d = DOC
    return [
        document(d, "Notes on Mali's partners", "notes/sahel.txt", sentences=14),
        event(d, "a-e1", "AGREE", ["SUN", "MLI"], [], when("1960-10-14"), quad=1,
              goldstein=3.0, sentence=1,
              text="Moscow and Bamako agreed on 14 October 1960 to exchange envoys."),
        event(d, "a-e2", "AID", ["SUN"], ["MLI"], when("1961"), quad=2, goldstein=7.4,
              sentence=2, text="In 1961 Soviet engineers arrived in Mali to build a stadium."),
        event(d, "a-e3", "CONSULT", ["SUN"], ["MLI"], when("1961-05"), quad=1, goldstein=1.0,
              sentence=3, text="A Soviet delegation held talks in Bamako in May 1961."),
        event(d, "a-e4", "ACCUSE", ["MLI"], ["SUN"], when("1962"), quad=3, goldstein=-2.0,
              sentence=4, text="In 1962 Bamako blamed Moscow for late deliveries."),
        event(d, "a-e5", "COOPERATE", ["RUS"], ["MLI"], when("2021-12"), quad=2,
              goldstein=6.0, status="alleged", sentence=5,
              text="Russian trainers were said to be working with Mali's army in December 2021."),
        _sure(event(d, "a-e6", "ASSAULT", ["FRA"], ["MLI"], when("2022-02"), quad=4,
                    goldstein=-10.0, sentence=6,
                    text="A French drone was said to have struck a Malian convoy in February 2022."),
              0.4),
        event(d, "a-e7", "THREATEN", ["FRA"], ["MLI"], when("2022"), quad=3, goldstein=-4.0,
              status="denied", sentence=7, text="Paris denied that it had threatened Bamako."),
        fact(d, "a-f1", "diplomatic_relations", "SUN", "MLI",
             when("1960-10-14", modifier="established"), sentence=1),
        fact(d, "a-f2", "embassy", "SUN", "MLI", when("1961"), place="Bamako", sentence=8),
        fact(d, "a-f3", "embassy", "MLI", "SUN", when("1963"), place="Moscow", sentence=9),
        fact(d, "a-f4", "embassy", "FRA", "MLI", when("1960"), place="Bamako", sentence=10),
        fact(d, "a-f5", "diplomatic_relations", "MLI", "ISR",
             when("1960", modifier="established"), sentence=11),
        fact(d, "a-f6", "diplomatic_relations", "MLI", "ISR",
             {**when(None, "1973", "year"), "modifier": "severed"}, sentence=12),
    ]
