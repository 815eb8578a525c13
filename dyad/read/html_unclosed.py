"""Tags and comments that never close, made text before ``html.parser`` sees them.

``html.parser`` reads a ``<`` that starts a tag or comment to its ``>`` or ``-->``; with
none ahead it gives up at the end of the input and reads the ``<`` as text, then tries
the next ``<`` the same way, so 80 KB of ``<a `` with no ``>`` after them took 5.7 s, and
400 KB minutes. Those starts are the tag starts after the page's last ``>`` and the comment
starts after its last ``-->``. When the tries at them would read more than a few times the
page, each is swapped for ``NOT_A_TAG`` (one character for one, so offsets hold) and the
tree builder turns it back into ``<`` in the text: what the parser would have made of
them, in one pass.
"""

from __future__ import annotations

import re

NOT_A_TAG = "\ufdd0"  # a noncharacter: never in text, so it cannot be confused with one
_START = re.compile(r"<(?:[a-zA-Z/?]|!--)")
# the tries may read this many times the page (plus a constant) before it is defused
MAX_SCAN_FACTOR = 4
MIN_SCAN = 100_000


def defuse_unclosed(raw: str) -> str:
    """``raw``, or a copy with the starts of tags and comments that nothing closes made
    ``NOT_A_TAG`` when the parser's tries at them would read far more than the page."""
    n = len(raw)
    last_gt, last_comment_end = raw.rfind(">"), raw.rfind("-->")
    unclosed = [m.start() for m in _START.finditer(raw, last_comment_end + 1)
                if m.start() > (last_comment_end if m.group() == "<!--" else last_gt)]
    if sum(n - p for p in unclosed) <= MAX_SCAN_FACTOR * n + MIN_SCAN:
        return raw
    chars = list(raw)
    for p in unclosed:
        chars[p] = NOT_A_TAG
    return "".join(chars)
