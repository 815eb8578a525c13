"""Compressed input: read through, and a bomb stops at --max-bytes of expanded text."""

from __future__ import annotations

import bz2
import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from dyad.errors import InputError
from dyad.read import iter_documents
from dyad.read.compressed import compression

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Chad and Niger signed an agreement on border security in 2021.\n"


def dyad(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dyad", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


@pytest.mark.parametrize("name,pack", [("a.txt.gz", gzip.compress), ("a.txt.bz2", bz2.compress)])
def test_compressed_document_reads_as_the_plain_one(tmp_path: Path, name: str, pack) -> None:
    plain = tmp_path / "a.txt"
    plain.write_text(TEXT, encoding="utf-8")
    packed = tmp_path / name
    packed.write_bytes(pack(TEXT.encode()))
    [doc] = iter_documents([str(packed)])
    [same] = iter_documents([str(plain)])
    assert (doc.id, doc.text, doc.source) == (same.id, same.text, str(packed))


@pytest.mark.parametrize("name,pack", [("bomb.txt.bz2", bz2.compress),
                                       ("bomb.jsonl.gz", gzip.compress)])
def test_bomb_stops_at_max_bytes_with_one_line(tmp_path: Path, name: str, pack) -> None:
    body = b'{"id": "1", "text": "' + b"a" * 30_000_000 + b'"}\n'
    bomb = tmp_path / name
    bomb.write_bytes(pack(body))
    assert bomb.stat().st_size < 200_000  # far beyond its size once expanded
    out = dyad("extract", "--max-bytes", "1000000", str(bomb))
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"dyad: {bomb}: expands past the limit of 1,000,000 bytes of text "
        "(raise it with --max-bytes)"]
    assert out.stdout == ""


def test_corrupt_gzip_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 64)
    with pytest.raises(InputError, match=r"bad\.txt\.gz: (corrupt|truncated) gzip"):
        list(iter_documents([str(bad)]))


def test_magic() -> None:
    assert compression(b"BZh91AY") == "bz2"
    assert compression(b"\x1f\x8b\x08") == "gzip"
    assert compression(b"plain") is None
