"""Text that decodes but is not language is refused; real text in any script is not."""

from __future__ import annotations

import random

import pytest

from dyad.errors import InputError
from dyad.read import decode
from dyad.read.language import not_language

EXAMPLE = ("The two states opened embassies in 1962 and signed a trade accord in 1975. "
           "Their ministers met again in the capital, where they spoke of grain and ports.\n")


def _random_bmp(n: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    units = (rng.randrange(0x10000) for _ in range(n))
    return "".join(chr(u) for u in units if not 0xD800 <= u < 0xE000)


@pytest.mark.parametrize("text", [
    EXAMPLE * 20,
    "Министры двух стран встретились в столице и подписали соглашение о торговле.\n" * 10,
    "وقع البلدان اتفاقية تجارية في العاصمة بعد محادثات طويلة.\n" * 10,
    "两国于一九六二年建立外交关系，并在首都签署了贸易协定。\n" * 10,
    "両国は首都で貿易協定に署名した。\n" * 10,
    "Relations are warm 😀🎉 and the talks went well.\u200b A soft\u00adhyphen too.",
    "A note with a few private icons \ue000\ue001\ue002 in it, among many ordinary words "
    + EXAMPLE * 3,
])
def test_language_in_any_script_passes(text: str) -> None:
    assert not_language(text) is None


@pytest.mark.parametrize("text", [
    _random_bmp(6000),  # random UTF-16: one character in eight private-use or unassigned
    EXAMPLE.encode("utf-8").decode("utf-16-le", errors="replace") * 10,  # prose misread
    "".join(chr(0xE000 + n % 6000) for n in range(500)),  # private use only
    "ab\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 50,  # control characters
])
def test_text_that_is_not_language_is_refused(text: str) -> None:
    assert not_language(text) is not None


def test_utf16_garbage_with_a_byte_order_mark_is_one_input_error() -> None:
    data = b"\xff\xfe" + _random_bmp(20000).encode("utf-16-le")
    with pytest.raises(InputError, match=r"page\.html: not text in any language"):
        decode(data, "page.html")


def test_real_utf16_is_read() -> None:
    assert decode((EXAMPLE * 5).encode("utf-16"), "page.txt").startswith("The two states")
