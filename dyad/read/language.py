"""Text that decodes but is not language: refused before it is read as a document.

Bytes read with the wrong encoding still decode when they happen to be valid: random
UTF-16 lands all over the Basic Multilingual Plane, where one character in eight is
private-use or unassigned, and UTF-8 prose read as UTF-16 becomes ideographs mixed with
invisible format characters (U+2061…) and unassigned ones (U+2065…). Written language,
in any script, has almost none of these, so their share of a sample decides.
"""

from __future__ import annotations

import unicodedata

SAMPLE_CHARS = 8192  # the head is enough: a document is in one encoding
# more than this share of the sample's non-space characters, and at least MIN_ODD of them
# (a handful of icons in a short note are not garbage)
MAX_ODD_SHARE = 0.02
MIN_ODD = 8
# format characters that real text uses: soft hyphen, zero-width space and joiners,
# direction marks and isolates, the word joiner, a byte-order mark, the Arabic letter mark
_TEXT_FORMAT = frozenset(
    "\u00ad\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\u061c"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_ODD_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})


def odd_share(text: str) -> tuple[int, int]:
    """(odd characters, non-space characters) in the head of ``text``: odd are control
    characters other than whitespace, private-use, unassigned and surrogate code points,
    format characters text does not use, and U+FFFD (what a failed decoding leaves)."""
    odd = total = 0
    for ch in text[:SAMPLE_CHARS]:
        if ch.isspace():
            continue
        total += 1
        if ch.isprintable() and ch != "\ufffd":
            continue  # letters, marks, digits, punctuation, symbols: most characters
        category = unicodedata.category(ch)
        if category in _ODD_CATEGORIES or ch == "\ufffd" or (
                category == "Cf" and ch not in _TEXT_FORMAT):
            odd += 1
    return odd, total


def not_language(text: str) -> str | None:
    """Why ``text`` is not language (one phrase), or None when it reads as text."""
    odd, total = odd_share(text)
    if odd >= MIN_ODD and odd > MAX_ODD_SHARE * total:
        return (f"not text in any language: {odd / total:.0%} of its characters are control, "
                "private-use, unassigned or stray format code points")
    return None
