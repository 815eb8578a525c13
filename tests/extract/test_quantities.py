import pytest

from dyad.extract.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan pledged 12,500 tonnes of rice and 3,000 tonnes of maize.",
         [(12500, "tonne", None, "rice"), (3000, "tonne", None, "maize")]),
        ("The loan was worth $250 million.", [(250_000_000, None, "USD", None)]),
        ("A grant of 40 million euros followed.", [(40_000_000, None, "EUR", None)]),
        ("About 120 Chinese engineers arrived.", [(120, None, None, "Chinese engineers")]),
        # a thousands comma in a counted number
        ("Kenya flew 1,200 troops and 14,500 soldiers north.",
         [(1200, None, None, "troops"), (14500, None, None, "soldiers")]),
        ("Three transport helicopters were delivered.", [(3, None, None, "transport helicopters")]),
        ("In 1998 the treaty [12] was signed by 2 ministers.", []),
        # words from the tables in dyad/data/quantities/
        ("Ostland lent US$2 bn and 300 million CFA francs.",
         [(2_000_000_000, None, "USD", None), (300_000_000, None, "XOF", None)]),
        ("The plant gives 40 MW; a dozen advisers came.",
         [(40, "megawatt", None, None), (12, None, None, "advisers")]),
        ("It shipped 5 metric tons of tea and 12 Roubles.",
         [(5, "tonne", None, "tea"), (12, None, "RUB", None)]),
    ],
)
def test_find_quantities(text: str, expected: list[tuple]) -> None:
    found = [(q.value, q.unit, q.currency, q.item) for q in find_quantities(text)]
    assert found == expected
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
