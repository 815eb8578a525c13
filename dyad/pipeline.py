"""Read → annotate → extract, wired once for the CLI, the web upload and batch runs.

``extract_all`` takes documents one at a time and gives their records in input
order. With ``jobs`` > 1 documents go to worker processes (spawned, each loads
spaCy once); a worker writes a document's records to a temporary file that the
parent reads back in turn, and documents reach the workers by file too, so neither
a long document nor one that finishes early is held in memory; at most ``2 × jobs``
documents are in flight.

One document that fails does not stop the run: its records so far stay in the output
(they stream out sentence by sentence, and each stands on its own sentence), the failure
goes to ``on_error`` as a ``DocumentFailed`` naming the document, the error and how many
of its records came out, and the next document is extracted. A ``DataError`` is dyad's
own data (a gazetteer, a lexicon, the spaCy model): every later document would fail the
same way, so it still stops the run.
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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, NamedTuple

from dyad.errors import DataError, DyadError
from dyad.model import Document

log = logging.getLogger("dyad")

OnError = Callable[[DyadError], None]


class DocumentFailed(DyadError):
    """One document could not be extracted (whole or part way); the run went on."""


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
                with_document: bool = True, jobs: int = 1,
                on_error: OnError | None = None) -> Iterator[dict[str, Any]]:
    """The records of every document of ``docs``, in their order; ``jobs`` processes.

    A document that fails is told to ``on_error`` and the run goes on (without
    ``on_error`` its ``DocumentFailed`` is raised); a ``DataError`` stops the run.
    """
    if jobs <= 1:
        for doc in docs:
            yield from _one_document(doc, gazetteer, with_document, on_error)
        return
    yield from _in_workers(docs, gazetteer, with_document, jobs, on_error)


def document_records(doc: Document, *, gazetteer: str | None = None,
                     on_error: OnError | None = None) -> Iterator[dict[str, Any]]:
    """One document's records, its failure told to ``on_error`` (a DataError raised): the
    per-document function of every engine (this loop, ``jobs`` processes, Ray actors)."""
    return _one_document(doc, gazetteer, True, on_error)


def failure(doc: Document, error: BaseException, consequence: str) -> DocumentFailed:
    """The one line that tells which document failed, with what, and what became of it."""
    return DocumentFailed(f"{document_name(doc)}: could not be extracted "
                          f"({error_summary(error)}); {consequence}")


def document_name(doc: Document) -> str:
    """Its source (a file holds many JSON-lines documents: their ids tell them apart)."""
    return f"{doc.source}: document {doc.id}" if doc.source else f"document {doc.id}"


def error_summary(error: BaseException) -> str:
    """``Type: first line of the message``, for one line on stderr."""
    lines = str(error).strip().splitlines()
    return f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__


def _extract_failure(doc: Document, error: BaseException, written: int) -> DocumentFailed:
    if not written:
        return failure(doc, error, "none of its records are in the output")
    return failure(doc, error, f"the output has its first {written} "
                               f"record{'s' if written != 1 else ''}, not the rest")


def _one_document(doc: Document, gazetteer: str | None, with_document: bool,
                  on_error: OnError | None) -> Iterator[dict[str, Any]]:
    """``extract_records`` with the document's failure told, not raised (a DataError is)."""
    records = extract_records(doc, gazetteer=gazetteer, with_document=with_document)
    written = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except DataError:
            raise  # dyad's own data: every later document would fail too
        except Exception as e:  # the document's: not KeyboardInterrupt, not SystemExit
            _tell(_extract_failure(doc, e, written), on_error, cause=e)
            return
        yield record  # outside the try: an error of the consumer is not this document's
        written += 1


def _tell(failed: DocumentFailed, on_error: OnError | None,
          cause: BaseException | None = None) -> None:
    if on_error is None:
        raise failed from cause
    on_error(failed)


# --- worker processes ------------------------------------------------------------------

class _Warnings(logging.Handler):
    """Keeps a task's warnings so the parent can log them in input order."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))


_WARNINGS = _Warnings()


class _Outcome(NamedTuple):
    """What a worker did with one document."""

    written: int  # records in its file, all to be read back
    error: str | None  # why it failed (a DocumentFailed's or a DataError's message)
    fatal: bool  # a DataError: the run stops
    warnings: list[tuple[int, str]]

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
        from dyad.annotate.nlp import load_nlp
        from dyad.reference.gazetteer import load_gazetteer

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
                     with_document: bool) -> _Outcome:
    """Read the pickled document in ``task`` (and remove it), write its records to ``path``
    (pickles, one per record). A failure is returned, not raised (an exception's class may
    not survive pickling), with the records written before it."""
    if _STARTUP_ERROR is not None:
        return _Outcome(0, _STARTUP_ERROR, True, [])
    with open(task, "rb") as f:
        doc = pickle.load(f)
    os.unlink(task)
    _WARNINGS.records = []
    written = 0
    try:
        with open(path, "wb") as out:
            for record in extract_records(doc, gazetteer=gazetteer, with_document=with_document):
                if _STOP.is_set():
                    break  # the parent is gone or stopping: drop the document
                # pickled whole before writing: a record that cannot be leaves no partial one
                out.write(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
                written += 1
    except DataError as e:
        return _Outcome(written, str(e), True, _WARNINGS.records)
    except Exception as e:  # the document's, as in _one_document
        return _Outcome(written, str(_extract_failure(doc, e, written)), False,
                        _WARNINGS.records)
    return _Outcome(written, None, False, _WARNINGS.records)


def _records_in(path: Path, count: int) -> Iterator[dict[str, Any]]:
    if count:
        with open(path, "rb") as f:
            for _ in range(count):
                yield pickle.load(f)
    path.unlink(missing_ok=True)


def _in_workers(docs: Iterable[Document], gazetteer: str | None, with_document: bool,
                jobs: int, on_error: OnError | None) -> Iterator[dict[str, Any]]:
    folder = Path(tempfile.mkdtemp(prefix="dyad-"))
    spawn = multiprocessing.get_context("spawn")
    stop = spawn.Event()
    pool = ProcessPoolExecutor(jobs, mp_context=spawn, initializer=_start_worker,
                               initargs=(gazetteer, stop, str(folder)))
    pending: deque[tuple[Future[_Outcome], Path, str]] = deque()
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
                outcome = future.result()
            except BrokenProcessPool:
                raise DyadError(f"{source}: a worker process died while extracting it "
                                "(out of memory?)") from None
            for level, message in outcome.warnings:
                log.log(level, "%s", message)
            # what came out before a failure is output, as with one process
            yield from _records_in(path, outcome.written)
            if outcome.error is not None:
                if outcome.fatal:
                    raise DataError(outcome.error)
                _tell(DocumentFailed(outcome.error), on_error)
    finally:
        stop.set()  # a no-op after a full run; else queued and busy documents stop early
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(folder, ignore_errors=True)
