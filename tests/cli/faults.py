"""Fault injection for the CLI tests of failing documents.

No real document is known to break extraction past its per-sentence guard, and one
that did must not stop a run or print a traceback. A ``sitecustomize`` module on
PYTHONPATH (so the spawned ``--jobs`` workers get it too) wraps
``dyad.extract.extract_sentences``: for a document whose text holds ``MARKER`` it
raises, after the document's sentence records, the error named in DYAD_TEST_FAULT.
"""

from __future__ import annotations

import os
from pathlib import Path

MARKER = "Faultmark"

SITECUSTOMIZE = f'''
import builtins
import os

if os.environ.get("DYAD_TEST_FAULT"):
    import dyad.extract
    from dyad import errors

    _real = dyad.extract.extract_sentences
    _kind = os.environ["DYAD_TEST_FAULT"]
    _error = getattr(errors, _kind, None) or getattr(builtins, _kind)

    def _failing(doc, sentences, context):
        yield from _real(doc, sentences, context)
        if {MARKER!r} in doc.text:
            raise _error("injected fault")

    dyad.extract.extract_sentences = _failing
'''


def fault_env(folder: Path, error: str = "ValueError") -> dict[str, str]:
    """The environment of a dyad process whose extraction raises ``error`` (a builtin or a
    dyad.errors class name) for documents holding MARKER; ``folder`` gets the module."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(folder), os.environ.get("PYTHONPATH")) if p)
    env = {k: v for k, v in os.environ.items() if k not in ("DYAD_DB", "DYAD_DEBUG")}
    return {**env, "PYTHONPATH": path, "DYAD_TEST_FAULT": error}
