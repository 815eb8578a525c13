"""Compressed input (gzip, bzip2): read as a stream, never more than ``--max-bytes`` expanded.

A few kilobytes of bzip2 can expand to gigabytes (a "bomb"): what a compressed input
may expand to is bounded like a plain file's size, and the one line that says so names
the file. A stream that ends before its end-of-stream marker (a download cut short) or
holds bytes that do not decompress is one line too, not a traceback.
"""

from __future__ import annotations

import bz2
import gzip
import io
import zlib
from typing import BinaryIO

from dyad.errors import InputError

MAGIC = ((b"BZh", "bz2"), (b"\x1f\x8b", "gzip"))


def compression(head: bytes) -> str | None:
    """``bz2``, ``gzip`` or None, from a file's first bytes."""
    return next((kind for magic, kind in MAGIC if head.startswith(magic)), None)


def file_compression(path: str) -> str | None:
    try:
        with open(path, "rb") as f:
            return compression(f.read(4))
    except OSError:
        return None  # the ordinary reader says why it cannot be read


class Expanded(io.RawIOBase):
    """The decompressed bytes of ``path``, raising one InputError when they pass
    ``max_bytes`` or when the compressed data is cut short or corrupt.

    ``per_item``: the limit counts from the last occurrence of this marker instead of from
    the start (a dump is bounded page by page, not as a whole).
    """

    def __init__(self, path: str, name: str, max_bytes: int,
                 per_item: bytes | None = None) -> None:
        super().__init__()
        kind = file_compression(path)
        try:
            raw: BinaryIO = open(path, "rb")  # noqa: SIM115 - closed with this object
        except OSError as e:
            raise InputError(name, f"cannot be read ({e.strerror or e})") from None
        self._file = raw
        self._stream: BinaryIO = (bz2.BZ2File(raw) if kind == "bz2"
                                  else gzip.GzipFile(fileobj=raw) if kind == "gzip" else raw)
        self.kind = kind
        self.name_ = name
        self.max_bytes = max_bytes
        self.per_item = per_item
        self.counted = 0  # bytes since the start, or since the last ``per_item`` marker
        self.total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._stream.read(len(buffer))
        except EOFError:
            raise InputError(self.name_, f"truncated {self.kind} file: the compressed "
                                         f"stream ends early (after {self.total:,} bytes "
                                         "expanded)") from None
        except (OSError, ValueError, zlib.error) as e:
            raise InputError(self.name_, f"corrupt {self.kind or 'input'} data after "
                                         f"{self.total:,} bytes expanded ({e})") from None
        n = len(data)
        self.total += n
        mark = data.rfind(self.per_item) if self.per_item else -1
        self.counted = n - mark if mark >= 0 else self.counted + n
        if self.counted > self.max_bytes:
            if self.kind is None:  # a plain file: nothing expands, a page is just too big
                raise InputError(self.name_, f"a page of it is over the limit of "
                                             f"{self.max_bytes:,} bytes (raise it with "
                                             "--max-bytes)")
            what = "a page of it expands" if self.per_item else "expands"
            raise InputError(self.name_, f"{what} past the limit of {self.max_bytes:,} bytes "
                                         "of text (raise it with --max-bytes)")
        buffer[:n] = data
        return n

    def close(self) -> None:
        try:
            self._stream.close()
            self._file.close()
        finally:
            super().close()


def expanded_head(path: str, name: str, size: int) -> bytes:
    """The first ``size`` decompressed bytes (what sniffing needs), or fewer."""
    with Expanded(path, name, max_bytes=1 << 62) as stream:
        out = bytearray()
        while len(out) < size:
            try:
                chunk = stream.read(size - len(out))
            except InputError:
                break  # a short or broken stream: the full read says so, once
            if not chunk:
                break
            out += chunk
        return bytes(out)
