"""The dossier: grouping, ordering, footnote numbering, dates and the yearly series."""

from __future__ import annotations

import pytest

from dyad.report.dossier import (
    Dossier,
    Side,
    assemble,
    date_label,
    fill_years,
    span_of,
    yearly_series,
)
from tests.report import records
from tests.report.records import when


@pytest.mark.parametrize(
    ("when_", "label"),
    [
        (when("1967-02-18"), "18 Feb 1967"),
        (when("2023-07"), "Jul 2023"),
        (when("1984"), "1984"),
        (when("1980", "1989", precision="decade"), "1980s"),
        (when("1967", "1991"), "1967 – 1991"),
        (when("2021", modifier="late"), "late 2021"),
        (when("1990", modifier="approx"), "c. 1990"),
        (when(None, "1991"), "until 1991"),
        (when(), "undated"),
        (None, "undated"),
    ],
)
def test_date_label(when_: dict | None, label: str) -> None:
    assert date_label(when_) == label


@pytest.mark.parametrize(
    ("when_", "span"),
    [
        (when("1984"), (1984.0, 1985.0)),
        (when("1984-07"), (1984.5, 1984 + 7 / 12)),
        (when("1984-01-01"), (1984.0, 1984 + 1 / 372)),
        (when("1967", "1991"), (1967.0, 1992.0)),
        (when(None, "1991"), (1991.0, 1992.0)),
        (when(), None),
        (when("sometime"), None),
    ],
)
def test_span_of(when_: dict, span: tuple[float, float] | None) -> None:
    got = span_of(when_)
    if span is None:
        assert got is None
    else:
        assert got == pytest.approx(span)


def test_events_in_time_order_undated_last(dossier: Dossier) -> None:
    assert [i.id for i in dossier.events] == ["ev-war", "ev-treaty", "ev-fish", "ev-aid",
                                              "ev-talk"]
    assert dossier.events[-1].span is None


def test_key_facts_grouped(dossier: Dossier) -> None:
    k = dossier.key_facts
    assert [i.id for i in k.relations] == ["f-rel"]
    assert [i.id for i in k.recognitions] == ["f-rec"]
    assert {i.id for i in k.missions} == {"f-emb-lima", "f-emb-santiago"}
    assert [i.id for i in k.ambassadors_current] == ["f-amb-now"]
    assert [i.id for i in k.ambassadors_past] == ["f-amb-old"]


def test_an_open_tenure_followed_by_a_later_one_is_past() -> None:
    earlier = records.fact("f-a1", "ambassador", "CHL", "PER", when("2001"),
                           "Marta Soto became Chile's ambassador in 2001.", 1, person="Marta Soto")
    later = records.fact("f-a2", "ambassador", "CHL", "PER", when("2009"),
                         "Pablo Diaz became Chile's ambassador in 2009.", 2, person="Pablo Diaz")
    d = assemble(Side("CHL", "Chile"), Side("PER", "Peru"), [later, earlier])
    assert [i.id for i in d.key_facts.ambassadors_current] == ["f-a2"]
    assert [i.id for i in d.key_facts.ambassadors_past] == ["f-a1"]


def test_footnotes_numbered_by_first_citation_and_shared(dossier: Dossier) -> None:
    by_id = {i.id: i for i in (*dossier.events, *dossier.facts)}
    assert by_id["ev-treaty"].tellings[0].notes == [1]  # first cited by the first dated event
    assert by_id["ev-aid"].tellings[0].notes == [1, 3]
    labels = [r.label for r in dossier.references]
    assert labels == ["1", "2", "3", "4"]
    assert len(set(labels)) == len(dossier.references)
    ref2 = dossier.references[1]
    # fields come from the parsed reference list, with the document's title
    assert ref2.fields["language"] == "Spanish" and ref2.fields["archived"] == "2010-02-01"
    assert ref2.document_title == "Chile–Peru relations"


def test_a_merged_record_keeps_each_telling() -> None:
    rec = records.event("ev-m", "AGREE", 1, 4.0, when("1990"), "Chile and Peru agreed.", 1,
                        cites=("1",))
    second = records.evidence("Both sides reached an accord in 1990.", 3, doc=records.DOC2,
                              title="Andes news")
    rec["sources"] = [{"evidence": rec["evidence"], "citations": rec["citations"]},
                      {"evidence": second, "citations": [{"label": "1", "text": "Other."}]}]
    d = assemble(Side("CHL", "Chile"), Side("PER", "Peru"), [rec])
    tellings = d.events[0].tellings
    assert [t.document for t in tellings] == [records.DOC, records.DOC2]
    # label 1 of two documents: two references
    assert tellings[0].notes == [1] and tellings[1].notes == [2]
    assert [doc["id"] for doc in d.documents] == [records.DOC, records.DOC2]


def test_yearly_series_counts_and_fills_gaps(dossier: Dossier) -> None:
    rows = {r["period"]: r for r in yearly_series(dossier.events)}
    assert rows["2008"]["quad3"] == 1 and rows["2008"]["goldstein_total"] == -2.0
    assert rows["1879"]["quad4"] == 1
    filled = fill_years(list(rows.values()))
    assert filled[0]["period"] == "1879" and filled[-1]["period"] == "2019"
    assert len(filled) == 2019 - 1879 + 1
    assert filled[1]["events"] == 0 and filled[1]["goldstein_total"] == 0.0
    assert dossier.series == filled


def test_empty_dossier() -> None:
    d = assemble(Side("CHL", "Chile"), Side("PER", "Peru"), [])
    assert d.empty and d.series == [] and d.references == []


def test_to_dict_is_plain_data(dossier: Dossier) -> None:
    import json

    data = dossier.to_dict()
    assert json.loads(json.dumps(data))["a"] == {"code": "CHL", "name": "Chile"}


def test_a_nominated_successor_is_current_and_ends_the_tenure_before() -> None:
    earlier = records.fact("f-a1", "ambassador", "CHL", "PER", when("2009"),
                           "Marta Soto became Chile's ambassador in 2009.", 1, person="Marta Soto")
    nominee = records.fact("f-a2", "ambassador", "CHL", "PER", when("2023-05"),
                           "Pablo Diaz was nominated ambassador to Peru in May 2023.", 2,
                           person="Pablo Diaz")
    nominee["status"] = "planned"
    retold = records.fact("f-a3", "ambassador", "CHL", "PER", when("2011"),
                          "Marta Soto presented her credentials in 2011.", 3, person="Marta Soto")
    d = assemble(Side("CHL", "Chile"), Side("PER", "Peru"), [nominee, retold, earlier])
    assert [i.id for i in d.key_facts.ambassadors_current] == ["f-a2"]
    assert [i.id for i in d.key_facts.ambassadors_past] == ["f-a1", "f-a3"]
    # the same person told twice is one tenure: it ends when the next person's begins
    assert {i.id: i.until for i in d.key_facts.ambassadors_past} == {"f-a1": "2023-05",
                                                                     "f-a3": "2023-05"}


def test_severed_and_restored_relations_close_and_reopen() -> None:
    from dyad.report.dossier import relation_periods

    def rel(rid: str, start: str | None, end: str | None) -> dict:
        r = records.fact(rid, "diplomatic_relations", "CHL", "PER", when(start or end),
                         "Chile and Peru changed their relations.", 1)
        r["valid"] = {"start": start, "end": end, "precision": "year"}
        return r

    d = assemble(Side("CHL", "Chile"), Side("PER", "Peru"),
                 [rel("r1", "1960", None), rel("r2", None, "1961"), rel("r3", "2015", None)])
    assert d.key_facts.relation_periods == [("1960", "1961"), ("2015", None)]
    assert relation_periods([]) == []


def test_less_sure_records_stand_apart() -> None:
    from dyad.report import render_html

    sure = records.event("ev-sure", "AID", 2, 7.4, when("1990"), "Chile sent aid to Peru.", 1)
    unsure = records.event("ev-unsure", "ASSAULT", 4, -10.0, when("1991"),
                           "Chile attacked Peru.", 2)
    unsure["confidence"] = 0.3
    d = assemble(Side("CHL", "Chile"), Side("PER", "Peru"), [sure, unsure])
    assert [i.id for i in d.events] == ["ev-sure"]
    assert [i.id for i in d.uncertain] == ["ev-unsure"]
    assert sum(r.get("events", 0) for r in d.series) == 1  # the curve counts what is shown
    page = render_html(d)
    assert 'id="uncertain"' in page and "Less certain (1)" in page
    assert page.index('id="ev-ev-unsure"') > page.index('id="uncertain"')
