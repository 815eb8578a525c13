"""Kiwix ZIM files (an offline Wikipedia), article by article, through ``libzim``.

``libzim`` is an extra (``pip install 'dyad[zim]'``). Each HTML entry that is not a
redirect is a document read as HTML; its title is the entry's, its source
``FILE#PATH``, its url the ZIM's ``Source`` metadata joined with the entry's path
when the ZIM names one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from dyad.errors import DyadError, InputError, MissingExtra
from dyad.model import Document
from dyad.read.select import Selection

ZIM_MAGIC = b"ZIM\x04"


def is_zim(head: bytes) -> bool:
    return head.startswith(ZIM_MAGIC)


def read_zim(path: str, *, name: str, max_bytes: int, select: Selection | None = None,
             on_error: Callable[[DyadError], None] | None = None) -> Iterator[Document]:
    """The HTML articles of the ZIM file ``path``, one at a time."""
    try:
        from libzim.reader import Archive
    except ImportError:
        raise MissingExtra(f"{name}: reading ZIM files needs libzim: "
                           "pip install 'dyad[zim]'") from None
    from dyad.read import read_text

    try:
        archive = Archive(path)
        source_url = _metadata(archive, "Source")
    except RuntimeError as e:
        raise InputError(name, f"not a readable ZIM file ({e})") from None
    for number in range(archive.all_entry_count):
        try:
            entry = archive._get_entry_by_id(number)
            if entry.is_redirect or (select is not None and not select.title(entry.title)):
                continue
            item = entry.get_item()
            if not item.mimetype.startswith("text/html"):
                continue
            if item.size > max_bytes:
                raise InputError(f"{name}#{entry.path}", f"article is {item.size:,} bytes, "
                                 f"over the limit of {max_bytes:,} (raise it with --max-bytes)")
            html = bytes(item.content).decode("utf-8")
            url = source_url.rstrip("/") + "/" + entry.path if source_url else None
            yield read_text(html, input_format="html", source=f"{name}#{entry.path}",
                            title=entry.title, url=url)
        except DyadError as e:
            _tell(e, on_error)
        except UnicodeDecodeError:
            _tell(InputError(f"{name}#{number}", "article is not UTF-8"), on_error)
        except RuntimeError as e:  # libzim's own errors: a damaged archive
            raise InputError(name, f"damaged ZIM file at entry {number:,} ({e})") from None


def _metadata(archive: object, key: str) -> str | None:
    try:
        return bytes(archive.get_metadata(key)).decode("utf-8") or None  # type: ignore[attr-defined]
    except (RuntimeError, KeyError, UnicodeDecodeError):
        return None


def _tell(error: DyadError, on_error: Callable[[DyadError], None] | None) -> None:
    if on_error is None:
        raise error
    on_error(error)
