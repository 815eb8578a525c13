"""An uploaded body to Documents: the format from its Content-Type, the bytes checked by
the readers' own checks, multipart forms parsed with the standard library.

A raw body says its format by Content-Type; ``multipart/form-data`` carries a
``file`` part (or a ``text`` field) and the optional ``title``, ``date``,
``url`` and ``format`` fields; a urlencoded form the same fields but no file.
Every problem is a WebError with a 4xx status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP
from typing import TYPE_CHECKING, Any

from dyad.errors import DyadError
from dyad.model import Document
from dyad.web.responses import WebError

if TYPE_CHECKING:
    from dyad.kb import KnowledgeBase

# Content-Type → reader format; None: sniff the text
CONTENT_TYPES: dict[str, str | None] = {
    "text/plain": None,
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/x-wikitext": "wikitext",
    "text/x-wiki": "wikitext",
    "text/x-wikitext": "wikitext",
    "application/jsonl": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/jsonlines": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/ndjson": "jsonl",
    "application/json": "jsonl",  # one document object is one JSON line
    "application/octet-stream": None,
}
FORMATS = ("page", "wikitext", "html", "text", "jsonl")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass
class Upload:
    """The bytes of one upload and what the request said about them."""

    data: bytes
    name: str  # for messages and the document's source
    input_format: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # title, date, url


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def format_of(content_type: str | None) -> str | None:
    """The reader format a Content-Type names (None: sniff); 415 for one no reader takes."""
    kind = media_type(content_type)
    if not kind:
        return None
    if kind not in CONTENT_TYPES:
        raise WebError(415, f"cannot read {kind!r}: send text/plain, text/html, "
                            "application/x-wikitext, application/jsonl (JSON lines) or "
                            "a multipart/form-data file upload")
    return CONTENT_TYPES[kind]


def parse_upload(body: bytes, content_type: str | None, params: dict[str, str]) -> Upload:
    """The Upload in a request body; ``params`` are the query's title, date, url, format."""
    if media_type(content_type) == "multipart/form-data":
        upload = parse_multipart(body, content_type or "")
    elif media_type(content_type) == "application/x-www-form-urlencoded":
        upload = parse_form(body)
    else:
        upload = Upload(body, "the request body", format_of(content_type))
    for key in ("title", "date", "url"):
        if params.get(key):
            upload.fields[key] = params[key]
    if params.get("format"):
        upload.input_format = params["format"]
    check_fields(upload)
    return upload


def parse_multipart(body: bytes, content_type: str) -> Upload:
    """A multipart/form-data body: its ``file`` part (or ``text`` field) and the fields."""
    if "boundary=" not in content_type.lower():
        raise WebError(400, "multipart/form-data without a boundary")
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1",
                                                                               "replace")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    if not message.is_multipart():
        raise WebError(400, "not a multipart/form-data body")
    parts: dict[str, EmailMessage] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str) and name not in parts:
            parts[name] = part  # type: ignore[assignment]
    fields = {key: _text(parts[key]) for key in ("title", "date", "url", "format")
              if key in parts and _text(parts[key]).strip()}
    file_part = parts.get("file")
    if file_part is not None and _payload(file_part):
        filename = file_part.get_filename() or "the uploaded file"
        fmt = format_of(file_part.get_content_type()
                        if file_part.get("content-type") else None)
        if fmt is None:
            fmt = _format_by_name(filename)
        upload = Upload(_payload(file_part), filename, fmt)
    elif "text" in parts and _payload(parts["text"]).strip():
        upload = Upload(_payload(parts["text"]), "the pasted text", None)
    else:
        raise WebError(400, "the form holds no document: send a 'file' part or a 'text' field")
    if "format" in fields:
        upload.input_format = fields.pop("format")
    upload.fields.update(fields)
    return upload


def parse_form(body: bytes) -> Upload:
    """A form posted without a file: its ``text`` field and the other fields."""
    from urllib.parse import parse_qs

    try:
        form = parse_qs(body.decode("utf-8"), keep_blank_values=True)
    except UnicodeDecodeError:
        raise WebError(400, "the form is not UTF-8") from None
    fields = {k: v[0] for k, v in form.items() if v and v[0].strip()}
    text = fields.pop("text", "")
    if not text.strip():
        raise WebError(400, "the form holds no document: send a 'text' field")
    upload = Upload(text.encode("utf-8"), "the pasted text", fields.pop("format", None))
    upload.fields.update({k: fields[k] for k in ("title", "date", "url") if k in fields})
    return upload


def _payload(part: EmailMessage) -> bytes:
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _text(part: EmailMessage) -> str:
    return _payload(part).decode("utf-8", "replace")


def _format_by_name(filename: str) -> str | None:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return {"html": "html", "htm": "html", "wiki": "wikitext", "wikitext": "wikitext",
            "mediawiki": "wikitext", "jsonl": "jsonl", "ndjson": "jsonl"}.get(suffix)


def check_fields(upload: Upload) -> None:
    if upload.input_format is not None and upload.input_format not in FORMATS:
        raise WebError(422, f"format {upload.input_format!r}: choose from {', '.join(FORMATS)}")
    date = upload.fields.get("date")
    if date is not None and not _DATE.match(date):
        raise WebError(422, f"date must be written YYYY, YYYY-MM or YYYY-MM-DD, not {date!r}")
    url = upload.fields.get("url")
    if url is not None and not re.match(r"^https?://\S+$", url):
        raise WebError(422, f"url must be an http(s) address, not {url!r}")
    if not upload.data.strip():
        raise WebError(400, f"{upload.name}: empty, no document to read")


def read_documents(upload: Upload) -> tuple[list[Document], list[str]]:
    """The documents in an upload and the JSON lines that were not documents."""
    from dyad.read import decode, read_jsonl, read_text, sniff
    from dyad.read.build import document_id

    try:
        text = decode(upload.data, upload.name)
        fmt = upload.input_format or sniff(text)
        source = upload.fields.get("url") or (
            upload.name if upload.name not in ("the request body", "the pasted text") else None)
        if fmt == "jsonl":
            skipped: list[str] = []
            # a feed without a name is named by its content, so that a second feed's line 1
            # is not taken for a new version of the first feed's line 1
            docs = list(read_jsonl(text, source=source or f"upload-{document_id(upload.data)}",
                                   on_error=lambda e: skipped.append(str(e))))
            if not docs:
                raise WebError(422, "no document in the JSON lines: "
                                    + (skipped[0] if skipped else "every line is empty"))
            return docs, skipped
        title, date, url = (upload.fields.get(k) for k in ("title", "date", "url"))
        doc = read_text(text, input_format=fmt, source=source, title=title, date=date, url=url)
    except WebError:
        raise
    except DyadError as e:
        raise WebError(422, str(e)) from None
    except RecursionError:
        raise WebError(422, f"{upload.name}: too deeply nested to read") from None
    if not doc.sentences:
        raise WebError(422, f"{upload.name}: no sentences found, nothing to extract")
    return [doc], []


def pairs_of(records: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    """The (a, b) pairs, a < b, of events' actors and recipients and facts' two sides."""
    found: set[tuple[str, str]] = set()
    for r in records:
        if r.get("record") == "event":
            sides = ([e.get("country") for e in r.get("actors") or []],
                     [e.get("country") for e in r.get("recipients") or []])
        elif r.get("record") == "fact":
            sides = ([(r.get("subject") or {}).get("country")],
                     [(r.get("object") or {}).get("country")])
        else:
            continue
        for x in sides[0]:
            for y in sides[1]:
                if x and y and x != y:
                    found.add((min(x, y), max(x, y)))
    return sorted(found)


def ingest_documents(kb: KnowledgeBase, docs: list[Document]) -> tuple[list[dict[str, Any]],
                                                                         list[tuple[str, str]]]:
    """Extract and store each document (one transaction each): results and the pairs touched."""
    from dyad.pipeline import extract_records

    results, pairs = [], set()
    for doc in docs:
        records = list(extract_records(doc))
        rows = [{"sentence": s.index, "section": s.section, "start": s.start, "end": s.end,
                 "text": s.text} for s in doc.sentences]
        results.append(kb.ingest_records(records, sentences=rows).to_dict())
        pairs.update(pairs_of(records))
    return results, sorted(pairs)
