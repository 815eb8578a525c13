"""Every reader on mutated documents: a document or one line of error, never a traceback.

See tests/fuzz.py for the mutations and for the longer run (DYAD_FUZZ=long).
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dyad.errors import DyadError
from dyad.read import FORMATS, iter_documents
from dyad.read.sentences import MAX_SENTENCE_CHARS, MAX_SENTENCE_TOKENS
from tests.fuzz import Slowest, documents, fuzz_settings

_TOKEN = re.compile(r"\w+|[^\w\s]")
SLOWEST = Slowest("readers")


@pytest.fixture(scope="module", autouse=True)
def _report_the_slowest():
    yield
    print("\n" + SLOWEST.report())


@fuzz_settings(1500)
@given(data=documents(), input_format=st.sampled_from([None, *FORMATS]))
def test_every_reader_gives_documents_or_one_line_errors(tmp_path_factory, data: bytes,
                                                         input_format: str | None) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "input"
    path.write_bytes(data)
    errors: list[DyadError] = []
    docs = SLOWEST.time(len(data), lambda: list(iter_documents(
        [str(path)], input_format=input_format, on_error=errors.append)))
    for error in errors:
        assert "\n" not in str(error) and str(error).startswith(str(path))
    if not errors:
        assert docs, "no document and no error: silent empty output"
    for doc in docs:
        json.dumps(doc.to_dict())  # a document prints
        for s in doc.sentences:
            assert 0 <= s.start < s.end <= len(doc.text)
            assert s.end - s.start <= MAX_SENTENCE_CHARS
            assert len(_TOKEN.findall(doc.text[s.start : s.end])) <= MAX_SENTENCE_TOKENS
            assert 0 <= doc.offsets.to_raw(s.start) <= len(data)
