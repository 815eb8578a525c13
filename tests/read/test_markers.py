import pytest

from dyad.read.markers import strip_markers


@pytest.mark.parametrize(
    ("text", "clean", "marks"),
    [
        ("They signed a pact,[3] and a loan.[4][5]", "They signed a pact, and a loan.",
         [("citation", "3", 19), ("citation", "4", 31), ("citation", "5", 31)]),
        ("The envoy Amadou Diallo [fr] arrived.", "The envoy Amadou Diallo arrived.",
         [("link", "Amadou Diallo", 10)]),
        ("Foreign Minister Ana Ruiz [es], in Lima.", "Foreign Minister Ana Ruiz, in Lima.",
         [("link", "Ana Ruiz", 17)]),
        ("Aid doubled.[citation needed] Later", "Aid doubled. Later",
         [("note", "citation needed", 12)]),
        ("Numbers vary.[a] Some [sic] words", "Numbers vary. Some [sic] words",
         [("citation", "a", 13)]),
        ("As the book says,[2]: 45–46 it rained.", "As the book says, it rained.",
         [("citation", "2", 17)]),
    ],
)
def test_strip_markers(text: str, clean: str, marks: list[tuple[str, str, int]]) -> None:
    out, found, pieces = strip_markers(text, 100)
    assert out == clean
    assert [(m.kind, m.label, m.offset) for m in found] == marks
    assert pieces[0] == (0, 100)


def test_pieces_point_back_at_the_raw_text() -> None:
    raw = "Signed in 1961,[3] in Bamako."
    clean, _, pieces = strip_markers(raw, 0)
    clean_at, raw_at = pieces[-1]
    assert clean[clean_at:] == raw[raw_at:] == " in Bamako."
