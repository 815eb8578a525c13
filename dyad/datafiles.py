"""The packaged tab-separated tables under dyad/data/.

A table opens with ``#`` lines that say what each column holds and where the values
come from; the first other line names the columns. Each row after it has exactly that
many fields, and its first field names it: not empty, and no two rows alike. A file that
breaks this is a broken install, told as one DataError line.
"""

from __future__ import annotations

from importlib import resources

from dyad.errors import DataError


def read_rows(path: str, columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The rows of ``dyad/data/<path>``, in file order, checked against ``columns``."""
    where = f"dyad/data/{path}"
    try:
        text = resources.files("dyad").joinpath("data", *path.split("/")).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise DataError(f"{where}: cannot read packaged table ({e})") from e
    return parse_rows(text, columns, where)


def parse_rows(text: str, columns: tuple[str, ...], where: str) -> list[tuple[str, ...]]:
    """The rows of a table's ``text``; ``where`` names the file in a DataError."""
    lines = [(n, ln) for n, ln in enumerate(text.splitlines(), 1)
             if ln.strip() and not ln.startswith("#")]  # fmt: skip
    if not lines or tuple(lines[0][1].split("\t")) != columns:
        raise DataError(f"{where}: the header line must name the columns {', '.join(columns)}")
    rows: list[tuple[str, ...]] = []
    seen: set[str] = set()
    for n, line in lines[1:]:
        fields = tuple(line.split("\t"))
        if len(fields) != len(columns) or not fields[0]:
            raise DataError(f"{where} line {n}: expected {len(columns)} tab-separated "
                            f"fields ({', '.join(columns)}), the first not empty")
        if fields[0] in seen:
            raise DataError(f"{where} line {n}: {columns[0]} {fields[0]!r} is listed twice")
        seen.add(fields[0])
        rows.append(fields)
    return rows


def read_mapping(path: str, key: str, value: str) -> dict[str, str]:
    """A two-column table of ``dyad/data/<path>`` as a dict, ``key`` → ``value``."""
    return {k: v for k, v in read_rows(path, (key, value))}
