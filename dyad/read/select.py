"""Which documents of a corpus to read: ``--titles GLOB``.

The glob is matched case-insensitively against the whole title (``'*relations*'``);
readers of dumps and feeds ask before parsing a page, so unselected pages cost only
their reading.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Selection:
    """Documents whose title matches ``titles`` (None: every document)."""

    titles: str | None = None
    _pattern: re.Pattern[str] | None = field(default=None, init=False, compare=False,
                                             repr=False)

    def __post_init__(self) -> None:
        if self.titles is not None:
            object.__setattr__(self, "_pattern",
                               re.compile(fnmatch.translate(self.titles), re.I | re.S))

    def title(self, title: str | None) -> bool:
        """Whether a document with this title is selected (one without a title is not,
        when a glob is given)."""
        if self._pattern is None:
            return True
        return title is not None and self._pattern.match(title) is not None
