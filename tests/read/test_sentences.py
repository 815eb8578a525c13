import re

import pytest

from dyad.read.sentences import MAX_SENTENCE_CHARS, MAX_SENTENCE_TOKENS, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy met A. B. Diallo in Dakar. They spoke for an hour.",
         ["The envoy met A. B. Diallo in Dakar.", "They spoke for an hour."]),
        ("The summit moved to St. Petersburg. Leaders arrived on Monday.",
         ["The summit moved to St. Petersburg.", "Leaders arrived on Monday."]),
        ("U.S. diplomats left the capital. Talks resumed later.",
         ["U.S. diplomats left the capital.", "Talks resumed later."]),
        ("Aid came from the U.S. The shipment was late.",
         ["Aid came from the U.S.", "The shipment was late."]),
        ("The airline bought two Il-18 aircraft. Both flew for a decade.",
         ["The airline bought two Il-18 aircraft.", "Both flew for a decade."]),
        ("See the calendar, p. 845 of volume two. It lists the pact.",
         ["See the calendar, p. 845 of volume two.", "It lists the pact."]),
        ("Gen. Okafor and Dr. Mensah signed. Nobody objected!",
         ["Gen. Okafor and Dr. Mensah signed.", "Nobody objected!"]),
        ('He said "we will return." Then he left.',
         ['He said "we will return."', "Then he left."]),
        ("The decree No. 281 named him. It was 2019.",
         ["The decree No. 281 named him.", "It was 2019."]),
        ("prices rose by 3.5 percent. analysts were surprised.",
         ["prices rose by 3.5 percent. analysts were surprised."]),
        # a regnal numeral or a lone letter ends a sentence before a word that opens one
        ("Trade began under King Olaf I. In 1650, the first envoy sailed.",
         ["Trade began under King Olaf I.", "In 1650, the first envoy sailed."]),
        ("Both fought in World War I. After the war, ties grew.",
         ["Both fought in World War I.", "After the war, ties grew."]),
        ("The treaty is kept in Annex B. The annex lists ports.",
         ["The treaty is kept in Annex B.", "The annex lists ports."]),
        ("The envoy quoted Malcolm X. \"They listened,\" he said.",
         ["The envoy quoted Malcolm X.", '"They listened," he said.']),
        # ... but initials still do not, whatever follows them
        ("Talks with John F. Kennedy went well. J. R. R. Tolkien was not there.",
         ["Talks with John F. Kennedy went well.", "J. R. R. Tolkien was not there."]),
        ("Then U. S. officials arrived. Kim J. An spoke. Ruth A. I. Berg wrote.",
         ["Then U. S. officials arrived.", "Kim J. An spoke.", "Ruth A. I. Berg wrote."]),
        ("  Trailing space is trimmed.  ", ["Trailing space is trimmed."]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["word " * 3000 + "end. Next one.",  # a run on without full stops
     "x" * 12000,  # no space to cut at
     "  " + "ab\n" * 4000,
     "a,b;c-d " * 1500,  # punctuation: 5,000 characters are far more than 1,000 tokens
     "a,b;c-d" * 1500,  # ... and with no space to cut at
     "Mali, Russia " * 400 + "and so on"],
)
def test_a_run_on_is_cut_into_pieces_at_spaces(text: str) -> None:
    spans = split_sentences(text)
    assert all(0 < b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert all(len(re.findall(r"\w+|[^\w\s]", text[a:b])) <= MAX_SENTENCE_TOKENS
               for a, b in spans)
    assert all(not text[a].isspace() and not text[b - 1].isspace() for a, b in spans)
    # nothing lost: the pieces hold every non-space character, in order
    assert "".join("".join(text[a:b].split()) for a, b in spans) == "".join(text.split())


def test_a_long_sentence_of_few_tokens_is_not_cut() -> None:
    text = " ".join(["internationalisation"] * 200) + "."  # 4,200 characters, 201 tokens
    assert split_sentences(text) == [(0, len(text))]
