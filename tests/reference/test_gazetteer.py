"""Gazetteer data and era resolution."""

from __future__ import annotations

from datetime import date

import pytest

from dyad.errors import DataError
from dyad.reference.gazetteer import DATA_DIR, key_of, load_gazetteer, tokenize


@pytest.fixture(scope="module")
def g():
    return load_gazetteer()


def test_every_un_member_and_observer(g) -> None:
    members = [s for s in g.states.values() if s.status == "member"]
    assert len(members) == 193
    assert {"VAT", "PSE"} <= {s.code for s in g.states.values() if s.status == "observer"}


def test_data_files_name_their_source() -> None:
    for path in DATA_DIR.glob("*.tsv"):
        assert path.read_text(encoding="utf-8").startswith("# source:"), path.name


@pytest.mark.parametrize(("name", "date", "code"), [
    ("Russia", "1975", "SUN"),
    ("Russia", "2015-03-01", "RUS"),
    ("Russian Federation", "1992", "RUS"),
    ("RUS", "1991-12-25", "SUN"),
    ("RUS", "1991-12-26", "RUS"),
    ("Upper Volta", "1980", "HVO"),
    ("Burkina Faso", "1980", "HVO"),
    ("Burkina Faso", "1990", "BFA"),
    ("Zaire", "1990", "ZAR"),
    ("Zaire", "2001", "COD"),
    ("Benin", "1970", "DHY"),
    ("Germany", "1970", "BRD"),
    ("Serbia", "1985", "YUG"),
    ("Slovakia", "1980", "CSK"),
    ("Senegal", "1955", "SEN"),
    ("Mali", None, "MLI"),
    # a year or month in which the state existed at all keeps it
    ("Croatia", "1991", "HRV"),
    ("Croatia", "1991-03", "YUG"),
    ("Russia", "1991", "RUS"),
    ("Soviet Union", "1991", "SUN"),
    ("Soviet Union", "1992", "RUS"),
    ("Mali", "1960", "MLI"),
])
def test_state_at(g, name: str, date: str | None, code: str) -> None:
    assert g.state_at(name, date) == code


@pytest.mark.parametrize(("surface", "code", "form"), [
    ("the Soviets", "SUN", "alias"),
    ("Malians", "MLI", "demonym"),
    ("Burkinabé", "BFA", "adjective"),
    ("Burkinabe", "BFA", "adjective"),
    ("Kyiv", "UKR", "capital"),
    ("Kiev", "UKR", "capital"),
    ("Kremlin", "RUS", "metonym"),
    ("Koulouba", "MLI", "metonym"),
    ("Cote d'Ivoire", "CIV", "name"),
])
def test_lookup(g, surface: str, code: str, form: str) -> None:
    e = g.lookup(surface)[0]
    assert (e.codes[0], e.form) == (code, form)


def test_ambiguous_names_are_not_decided(g) -> None:
    assert len(g.lookup("Congo")[0].codes) == 2
    assert g.lookup("Georgia")[0].confidence < 0.7


def test_igo_and_leader(g) -> None:
    assert g.lookup("ECOWAS")[0].code == "WAS"
    assert g.lookup("Goita")[0].codes == ("MLI",)


def test_key_of_strips_the_and_accents() -> None:
    assert key_of("The Élysée") == "elysee"


def test_user_file(tmp_path) -> None:
    f = tmp_path / "mine.tsv"
    f.write_text("kind\tsurface\tcode\tsector\trole\tstart\tend\n"
                 "state\tFreedonia\tXFD\t\t\t\t\n"
                 "person\tJane Roe\tMLI\tGOV\tenvoy\t2019-01-01\t\n", encoding="utf-8")
    g = load_gazetteer(str(f))
    assert g.lookup("Freedonia")[0].codes == ("XFD",)
    assert g.lookup("Jane Roe")[0].role == "envoy"
    assert not load_gazetteer().lookup("Freedonia")


def test_user_file_missing(tmp_path) -> None:
    with pytest.raises(DataError):
        load_gazetteer(str(tmp_path / "absent.tsv"))


_SECTORS = {"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "REB", "OPP", "BUS", "MED", "EDU", "REL",
            "CVL", "REF", "HLH", "UAF", "NGO"}


def _data_rows(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    head = lines[0].split("\t")
    return [dict(zip(head, ln.split("\t"), strict=True)) for ln in lines[1:]]


def test_leader_rows_are_well_formed(g) -> None:
    for row in _data_rows("leaders.tsv"):
        assert row["country"] in g.states, row["name"]
        assert row["sector"] in _SECTORS, row["name"]
        for day in (row["start"], row["end"]):
            assert not day or date.fromisoformat(day), row["name"]
        assert not (row["start"] and row["end"]) or row["start"] <= row["end"], row["name"]


def test_organization_rows_are_well_formed(g) -> None:
    for row in _data_rows("organizations.tsv"):
        # no country: a body with no home state (a transnational NGO)
        assert not row["country"] or row["country"] in g.states, row["name"]
        assert not row["sector"] or row["sector"] in _SECTORS, row["name"]


@pytest.mark.parametrize(("surface", "kind", "code", "sector"), [
    ("Museveni", "person", "UGA", "GOV"),
    ("Mobutu", "person", "ZAR", "GOV"),
    ("Savimbi", "person", "AGO", "REB"),
    ("Akayev", "person", "KGZ", "GOV"),
    ("Karadzic", "person", "BIH", "GOV"),
    ("UNITA", "organization", "AGO", "REB"),
    ("Revolutionary United Front", "organization", "SLE", "REB"),
    ("Tamil Tigers", "organization", "LKA", "REB"),
    ("Amal militia", "organization", "LBN", "UAF"),
])
def test_leaders_and_armed_groups(g, surface: str, kind: str, code: str, sector: str) -> None:
    e = g.lookup(surface)[0]
    assert (e.kind, e.codes, e.sector) == (kind, (code,), sector)


def test_a_leaders_short_name_reaches_every_term(g) -> None:
    # "Mugabe" in 2001 is the president, not the prime minister of 1980-87
    roles = {e.role for e in g.lookup("Mugabe")}
    assert roles == {"prime minister", "president"}


def _matched(g, text: str) -> list[str]:
    tokens = tokenize(text)
    # (a blocker row, "the Americas", names no one)
    return [entries[0].name for _, _, entries in g.matches(tokens)
            if entries[0].codes or entries[0].kind != "state"]


@pytest.mark.parametrize(("text", "names"), [
    # one letter dropped, added, changed or swapped in a state's or a titled leader's name
    ("Talks with Ethopia resumed.", ["Ethiopia"]),
    ("Troops left Afganistan.", ["Afghanistan"]),
    ("Aid reached Mozambqiue.", ["Mozambique"]),
    ("President Bouteflicka spoke.", ["Abdelaziz Bouteflika"]),
    ("Francois Mitterand spoke.", ["François Mitterrand"]),
    # a short surname after the leader's own given name
    ("Laurent Gbago spoke.", ["Laurent Gbagbo"]),
    ("Robert Mugabi spoke.", ["Robert Mugabe"]),
    # not slips: the first letter differs, a real town, a surname with no title, too short
    ("Exiles fled to Siberia.", []),
    ("Students at Columbia protested.", []),
    ("The report by Johnston was read.", []),
    ("Talks with Ethopa resumed.", []),  # two edits away
    ("Trade across the Americas grew.", []),  # a letter added at the end
    ("Georgina Smith spoke.", []),  # a name among names
    ("Qatarr and Nigr met.", []),
    ("President Gbago spoke.", []),  # short: a title is not enough
    ("Talks with Malli resumed.", []),
])
def test_misspelt_names(g, text: str, names: list[str]) -> None:
    assert _matched(g, text) == names


def test_a_hyphen_before_a_small_letter_splits() -> None:
    words = [t.text for t in tokenize("A China-backed coup in Guinea-Bissau, al-Qaeda, Timor-Leste.")]
    assert words[:4] == ["A", "China", "-", "backed"]
    assert "Guinea-Bissau" in words and "al-Qaeda" in words and "Timor-Leste" in words


@pytest.mark.parametrize(("text", "words"), [
    # a compound of state words is cut so that each is found
    ("Sino-Japanese", ["Sino", "-", "Japanese"]),
    ("Eritrean-Ethiopian", ["Eritrean", "-", "Ethiopian"]),
    # a name that is one whole, or words that are no states, stay whole
    ("Guinea-Bissau", ["Guinea-Bissau"]),
    ("Abdel-Aziz", ["Abdel-Aziz"]),
])
def test_split_compounds(g, text: str, words: list[str]) -> None:
    tokens = g.split_compounds(tokenize(text))
    assert [t.text for t in tokens] == words
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_existed(g) -> None:
    assert g.existed("SSD", "2011") and g.existed("SSD", None)
    assert not g.existed("SSD", "1995") and not g.existed("SUN", "2005-03")
