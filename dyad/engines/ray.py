"""The Ray Data engine: ``dyad extract PATH... --engine ray [--address ADDR]``.

The dataset has three stages. One reader task reads the inputs in order, with the
selection and the skips of every engine (``planned_documents``), and streams the
documents out one block each (a small block size, or Ray Data would pack them into
one block and one actor); it asks for no CPU and runs on the driver's node when it
can, so the inputs need only be where ``dyad`` runs. An actor pool of ``workers``
actors, each loading spaCy and the model data once, gives each document to the
per-document function of the local engine (``dyad.pipeline``) and returns its
records as the Parquet rows of ``dyad.extract.parquet``. The driver takes the rows in
input order and writes them (part files under ``-o DIR``, or JSON lines).

Ray is an extra (``pip install 'dyad[ray]'``). Without ``--address`` Ray is started on
this machine; with one, the run joins that cluster (``ray start --head``, KubeRay,
SLURM), whose nodes need dyad installed.
"""

from __future__ import annotations

import json
import logging
import pickle
import time
import warnings
from collections.abc import Callable, Iterator
from typing import Any

from dyad.engines import Plan, Skips, planned_documents
from dyad.errors import DataError, DyadError, MissingExtra
from dyad.pipeline import DocumentFailed

OnError = Callable[[DyadError], None]


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise MissingExtra("--engine ray needs Ray, which is not installed: "
                           "pip install 'dyad[ray]'") from None
    return ray


def _read(batch: dict[str, Any], plan: Plan) -> Iterator[dict[str, list[Any]]]:
    """The reader task: each planned document pickled, a row each; bad inputs as notes."""
    notes: list[str] = []
    skips = Skips(plan.done)
    for doc in planned_documents(plan, lambda e: notes.append(str(e)), skips):
        while notes:
            yield _row(note=notes.pop(0))
        yield _row(doc=pickle.dumps(doc, protocol=pickle.HIGHEST_PROTOCOL))
    for note in notes:
        yield _row(note=note)
    yield _row(skipped=skips.count)


def _row(*, doc: bytes | None = None, note: str | None = None,
         skipped: int = 0) -> dict[str, list[Any]]:
    return {"doc": [doc], "note": [note], "skipped": [skipped]}


class Extractor:
    """An actor: spaCy and the data loaded once, then one document after another.
    (``gazetteer`` is set on a subclass: constructor arguments would sit in Ray's object
    store, and Ray warns about each actor that has some.)"""

    gazetteer: str | None = None

    def __init__(self) -> None:
        from dyad.annotate.nlp import load_nlp
        from dyad.reference.gazetteer import load_gazetteer

        gazetteer = self.gazetteer
        self.startup_error: str | None = None
        logging.getLogger("dyad").addHandler(logging.NullHandler())
        try:
            load_nlp()
            load_gazetteer(gazetteer)
        except DyadError as e:
            self.startup_error = str(e)

    def __call__(self, batch: Any) -> dict[str, list[Any]]:  # a pyarrow Table
        from dyad.extract.parquet import record_row
        from dyad.pipeline import document_records

        out: dict[str, list[Any]] = {"rows": [], "note": [], "fatal": [], "skipped": [],
                                     "span": []}
        for doc_bytes, note, skipped in zip(*(batch.column(name).to_pylist()
                                              for name in ("doc", "note", "skipped")),
                                            strict=True):
            rows: list[dict[str, Any]] = []
            fatal = False
            began, cpu = time.time(), time.process_time()
            if doc_bytes is not None and self.startup_error is not None:
                note, fatal = self.startup_error, True
            elif doc_bytes is not None:
                doc = pickle.loads(doc_bytes)
                failures: list[DyadError] = []
                try:  # the per-document function of every engine
                    rows = [record_row(r) for r in document_records(
                        doc, gazetteer=self.gazetteer, on_error=failures.append)]
                except DataError as e:
                    note, fatal = str(e), True
                if failures:
                    note = str(failures[0])
            out["rows"].append(json.dumps(rows, ensure_ascii=False) if rows else None)
            out["note"].append(note)
            out["fatal"].append(fatal)
            out["skipped"].append(int(skipped or 0))
            # when the actor worked on it: benchmarks time the actors, not Ray's start-up
            out["span"].append([began, time.time(), time.process_time() - cpu]
                               if doc_bytes is not None else None)
        return out


def start(address: str | None, workers: int | None) -> tuple[Any, int]:
    """Ray started here (or joined at ``address``) and how many actors to run."""
    ray = _ray()
    if address and not ray.is_initialized():
        _check_reachable(address)
    if not ray.is_initialized():
        options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False,
                                   "logging_level": logging.ERROR, "configure_logging": True}
        try:
            if address:
                ray.init(address=address, **options)
            else:
                # "local": a new Ray here, never a cluster some earlier `ray start` left
                ray.init(address="local", **options,
                         **({"num_cpus": workers} if workers else {}))
        except (ConnectionError, RuntimeError, ValueError) as e:
            where = f"the Ray cluster at {address}" if address else "Ray on this machine"
            reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise DyadError(f"could not start or reach {where} ({reason})") from None
    cpus = int(ray.cluster_resources().get("CPU", 1))
    return ray, max(1, min(workers or cpus, cpus))


def _check_reachable(address: str) -> None:
    """A ``host:port`` that nothing answers on is one line now; Ray itself would retry
    for minutes, printing warnings."""
    import socket

    where = address.removeprefix("ray://")
    host, _, port = where.rpartition(":")
    if not host or not port.isdigit():
        return  # "auto" and the like: Ray finds the cluster itself
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as e:
        raise DyadError(f"no Ray cluster answers at {address} ({e.strerror or e}); start one "
                        "with `ray start --head` or name its address") from None


def ray_documents(plan: Plan, *, gazetteer: str | None = None, workers: int | None = None,
                  address: str | None = None, on_error: OnError | None = None,
                  skips: Skips | None = None,
                  spans: list[tuple[float, float, float]] | None = None,
                  ) -> Iterator[list[dict[str, Any]]]:
    """Each document's Parquet rows (``record_row`` of its records), in input order.

    A document that fails is told to ``on_error`` (its records so far are still given, as
    with the local engine); a DataError (dyad's own data) stops the run. ``skips``
    counts the documents skipped as already written; ``spans`` gets when an actor began
    and finished each document (wall clock) and the CPU seconds it took, for benchmarks.
    """
    ray, size = start(address, workers)
    from ray.data import ActorPoolStrategy, DataContext
    from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

    logging.getLogger("ray.data").setLevel(logging.ERROR)
    context = DataContext.get_current()
    context.execution_options.preserve_order = True  # records in input order, as locally
    context.enable_progress_bars = False
    context.target_max_block_size = 1  # a document a block: spread over the actors
    here = NodeAffinitySchedulingStrategy(ray.get_runtime_context().get_node_id(), soft=True)
    actor = type("Extractor", (Extractor,), {"gazetteer": gazetteer})
    with warnings.catch_warnings():  # Ray's deprecation notices are not the user's business
        warnings.simplefilter("ignore")
        dataset = (ray.data.from_items([{"start": 0}])
                   .map_batches(_read, fn_kwargs={"plan": plan}, batch_size=1, num_cpus=0,
                                scheduling_strategy=here)
                   .map_batches(actor, batch_size=1, batch_format="pyarrow", num_cpus=1,
                                compute=ActorPoolStrategy(size=size)))
    for row in _rows(dataset):
        if skips is not None:
            skips.count += row["skipped"] or 0
        if spans is not None and row["span"]:
            spans.append(tuple(row["span"]))
        if row["rows"] is not None:
            yield json.loads(row["rows"])
        if row["note"] is not None:
            if row["fatal"]:
                raise DataError(row["note"])
            error = DocumentFailed(row["note"])
            if on_error is None:
                raise error
            on_error(error)


def _rows(dataset: Any) -> Iterator[dict[str, Any]]:
    """The dataset's rows as plain Python values (no NaN for a missing note)."""
    for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
        yield from batch.to_pylist()
