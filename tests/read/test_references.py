import pytest

from dyad.read.references import parse_reference

CASES = [
    (
        'Diallo, Awa; Keller, Tom R. (2004). "Grain and guns". The Coast Review. '
        "Retrieved 3 May 2010.",
        {"authors": ["Diallo, Awa", "Keller, Tom R."], "date": "2004", "title": "Grain and guns",
         "work": "The Coast Review", "accessed": "2010-05-03"},
    ),
    (
        '"Envoys exchange notes". Daily Example. 9 June 1975. Archived from the original on '
        "2 April 2012. Retrieved 1 May 2011.",
        {"title": "Envoys exchange notes", "work": "Daily Example", "date": "1975-06-09",
         "archived": "2012-04-02", "accessed": "2011-05-01", "authors": []},
    ),
    (
        "Moreau, Luc (1999). Treaties of the Sahel. Lakeside Press. p. 12. ISBN 0-12-345678-9.",
        {"title": "Treaties of the Sahel", "publisher": "Lakeside Press", "isbn": "0-12-345678-9",
         "date": "1999", "work": None},
    ),
    (
        '"Отношения двух стран" (in Russian). Example Ministry. 4 February 2008.',
        {"title": "Отношения двух стран", "language": "Russian", "work": "Example Ministry",
         "date": "2008-02-04"},
    ),
    (
        '"Notes on a visit" (PDF). U.S. Department of Examples. 21 October 1976. p. 28. '
        "Retrieved 20 July 2009. The visit went well, the report said.",
        {"title": "Notes on a visit", "work": "U.S. Department of Examples", "date": "1976-10-21",
         "quote": "The visit went well, the report said."},
    ),
    (
        'Ng, Pat (2015). "Scholarships". Journal of Exchanges. 12 (3): 101–118. '
        "doi:10.1234/je.2015.003.",
        {"doi": "10.1234/je.2015.003", "work": "Journal of Exchanges", "publisher": None},
    ),
    (
        '"Ministry page". Example Ministry. https://example.org/page. Retrieved 1 May 2011.',
        {"url": "https://example.org/page", "title": "Ministry page"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse_reference(text: str, expected: dict[str, object]) -> None:
    ref = parse_reference("1", text)
    assert ref.text == text
    for field, value in expected.items():
        assert getattr(ref, field) == value, field
