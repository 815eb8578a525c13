"""Read → annotate → extract, wired once for the CLI, the web upload and batch runs.

``extract_all`` takes documents one at a time and gives their records in input
order. With ``jobs`` > 1 documents go to worker processes (spawned, each loads
spaCy once); a worker writes a document's records to a temporary file that the
parent reads back in turn, and documents reach the workers by file too, so neither
a long document nor one that finishes early is held in memory; at most ``2 × jobs``
documents are in flight.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.connection
import os
import pickle
import shutil
import signal
import tempfile
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from dyad.errors import DyadError
from dyad.model import Document

log = logging.getLogger("dyad")


def extract_records(doc: Document, *, gazetteer: str | None = None,
                    with_document: bool = True) -> Iterator[dict[str, Any]]:
    """The contract's records for one document: document, references, events, facts."""
    from dyad.annotate.pipeline import document_context, document_pair, iter_annotated
    from dyad.extract import extract_sentences

    if with_document:
        from dyad.extract.records import document_record, reference_records

        yield document_record(doc)
        yield from reference_records(doc)
    # sentence by sentence: records are out before the rest of a long document is parsed
    context = document_context(document_pair(doc, gazetteer=gazetteer), gazetteer=gazetteer)
    yield from extract_sentences(doc, iter_annotated(doc, gazetteer=gazetteer), context)


def extract_all(docs: Iterable[Document], *, gazetteer: str | None = None,
                with_document: bool = True, jobs: int = 1) -> Iterator[dict[str, Any]]:
    """The records of every document of ``docs``, in their order; ``jobs`` processes."""
    if jobs <= 1:
        for doc in docs:
            yield from extract_records(doc, gazetteer=gazetteer, with_document=with_document)
        return
    yield from _in_workers(docs, gazetteer, with_document, jobs)


# --- worker processes ------------------------------------------------------------------

class _Warnings(logging.Handler):
    """Keeps a task's warnings so the parent can log them in input order."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


_WARNINGS = _Warnings()
_STARTUP_ERROR: str | None = None  # in a worker: why it could not load spaCy or the data
_STOP: Any = None  # in a worker: set by the parent when the run ends early (Ctrl-C, an error)


def _start_worker(gazetteer: str | None, stop: Any, folder: str) -> None:
    """Leave Ctrl-C to the parent (it sets ``stop``); keep warnings for the parent;
    load spaCy and the data once."""
    global _STARTUP_ERROR, _STOP
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _STOP = stop
    threading.Thread(target=_exit_with_parent, args=(folder,), daemon=True).start()
    log.addHandler(_WARNINGS)
    log.propagate = False
    try:
        from dyad.annotate.gazetteer import load_gazetteer
        from dyad.annotate.nlp import load_nlp

        load_nlp()
        load_gazetteer(gazetteer)
    except DyadError as e:
        _STARTUP_ERROR = str(e)


def _exit_with_parent(folder: str) -> None:
    """A parent killed outright (SIGKILL) cannot stop its workers or remove their files:
    they do it themselves."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        shutil.rmtree(folder, ignore_errors=True)
        os._exit(1)


def _extract_to_file(task: str, path: str, gazetteer: str | None,
                     with_document: bool) -> tuple[str | None, list[tuple[int, str]]]:
    """Read the pickled document in ``task`` (and remove it), write its records to ``path``
    (pickles, one per record); returns a DyadError message or None, and the warnings."""
    if _STARTUP_ERROR is not None:
        return _STARTUP_ERROR, []
    with open(task, "rb") as f:
        doc = pickle.load(f)
    os.unlink(task)
    _WARNINGS.records = []
    try:
        with open(path, "wb") as out:
            for record in extract_records(doc, gazetteer=gazetteer, with_document=with_document):
                if _STOP.is_set():
                    break  # the parent is gone or stopping: drop the document
                pickle.dump(record, out, protocol=pickle.HIGHEST_PROTOCOL)
        return None, _WARNINGS.records
    except DyadError as e:  # its subclasses do not all survive pickling: send the message
        return str(e), _WARNINGS.records


def _records_in(path: Path) -> Iterator[dict[str, Any]]:
    with open(path, "rb") as f:
        while True:
            try:
                yield pickle.load(f)
            except EOFError:
                break
    path.unlink()


def _in_workers(docs: Iterable[Document], gazetteer: str | None, with_document: bool,
                jobs: int) -> Iterator[dict[str, Any]]:
    folder = Path(tempfile.mkdtemp(prefix="dyad-"))
    spawn = multiprocessing.get_context("spawn")
    stop = spawn.Event()
    pool = ProcessPoolExecutor(jobs, mp_context=spawn, initializer=_start_worker,
                               initargs=(gazetteer, stop, str(folder)))
    pending: deque[tuple[Future[tuple[str | None, list[tuple[int, str]]]], Path, str]] = deque()
    try:
        numbered = enumerate(docs)
        more = True
        while more or pending:
            while more and len(pending) < 2 * jobs:
                item = next(numbered, None)
                if item is None:
                    more = False
                    break
                n, doc = item
                # the document goes by file: a pending task would hold it in this process
                task, path = folder / f"{n}.doc", folder / f"{n}.records"
                with open(task, "wb") as f:
                    pickle.dump(doc, f, protocol=pickle.HIGHEST_PROTOCOL)
                future = pool.submit(_extract_to_file, str(task), str(path), gazetteer,
                                     with_document)
                pending.append((future, path, doc.source or doc.id))
                del doc, item
            if not pending:
                break
            future, path, source = pending.popleft()
            try:
                error, warnings = future.result()
            except BrokenProcessPool:
                raise DyadError(f"{source}: a worker process died while extracting it "
                                "(out of memory?)") from None
            for level, message in warnings:
                log.log(level, "%s", message)
            if error is not None:
                raise DyadError(error)
            yield from _records_in(path)
    finally:
        stop.set()  # a no-op after a full run; else queued and busy documents stop early
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(folder, ignore_errors=True)
