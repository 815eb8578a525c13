"""MediaWiki XML exports (``pages-articles*.xml``, plain, ``.bz2`` or ``.gz``), page by page.

``mwxml`` parses the export as a stream: one page is held at a time, whatever the
dump's size. Articles only (namespace 0), their latest revision, redirects skipped.
A page is a wikitext document whose id is the wiki's database name and the page id
(``enwiki:4764461``, stable across dumps: a newer dump's page replaces the older one
in the knowledge base), whose source is ``FILE#PAGEID`` and whose url is built from
the dump's base url. A title filter is applied before the wikitext is parsed, so
selecting the relations pages of a whole Wikipedia costs little more than reading it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import quote
from xml.etree.ElementTree import ParseError

from dyad.errors import DyadError, InputError
from dyad.model import Document
from dyad.read.compressed import Expanded
from dyad.read.select import Selection

_DUMP_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?<mediawiki[\s>]")


def is_dump(head: bytes) -> bool:
    """Whether these first (decompressed) bytes open a MediaWiki XML export."""
    return bool(_DUMP_START.match(head[:4096]))


def page_url(base: str | None, title: str) -> str | None:
    """The page's url from the dump's ``<base>`` (its main page's url)."""
    if not base:
        return None
    root = base[: base.index("/wiki/") + 6] if "/wiki/" in base else base.rsplit("/", 1)[0] + "/"
    return root + quote(title.replace(" ", "_"), safe="/:()',!-._")


def read_dump(path: str, *, name: str, max_bytes: int, select: Selection | None = None,
              on_error: Callable[[DyadError], None] | None = None) -> Iterator[Document]:
    """The article pages of the export in ``path``, one at a time.

    A page over ``max_bytes`` (or one that fails to read) is told to ``on_error`` and
    skipped; a dump cut short or corrupt ends the reading with one InputError, after
    the pages before the break.
    """
    import mwxml

    from dyad.read import read_text

    pages = 0
    with Expanded(path, name, max_bytes, per_item=b"<page>") as stream:
        try:
            from mwxml.element_iterator import ElementIterator

            top = ElementIterator.from_file(stream)
            dump = mwxml.Dump.from_element(top)
            site = dump.site_info
            for page in dump:
                # mwxml empties each page it is done with but leaves it under <mediawiki>:
                # ~80 bytes a page, 2 GB over a whole Wikipedia; the pages read go
                del top.element[:-1]
                pages += 1
                if not isinstance(page, mwxml.Page) or page.namespace != 0 or page.redirect:
                    continue
                if select is not None and not select.title(page.title):
                    for _ in page:  # the parser must still go past its revisions
                        pass
                    continue
                text = None
                for revision in page:  # the last one is the latest
                    text = revision.text
                if not text or not text.strip():
                    continue
                doc_id = f"{site.dbname or 'wiki'}:{page.id}"
                try:
                    yield read_text(text, input_format="wikitext", source=f"{name}#{page.id}",
                                    doc_id=doc_id, title=page.title,
                                    url=page_url(site.base, page.title))
                except DyadError as e:
                    _tell(InputError(f"{name}#{page.id}", str(e)), on_error)
                except RecursionError:
                    _tell(InputError(f"{name}#{page.id}", "too deeply nested to read"),
                          on_error)
        except DyadError:
            raise
        except (ParseError, mwxml.errors.MalformedXML, ValueError, KeyError,
                AttributeError, TypeError) as e:
            # mwxml reports a cut or broken export in several ways; the user needs one line
            reason = str(e).split("\n", 1)[0][:200]
            raise InputError(name, f"not a complete MediaWiki export (broken after "
                                   f"{pages:,} pages: {reason})") from None


def _tell(error: DyadError, on_error: Callable[[DyadError], None] | None) -> None:
    if on_error is None:
        raise error
    on_error(error)
