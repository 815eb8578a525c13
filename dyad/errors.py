"""One exception hierarchy: the CLI turns a DyadError into one line and exit code 2."""


class DyadError(Exception):
    """A problem with the user's input or request, reported without a traceback."""


class InputError(DyadError):
    """A file that cannot be read as a document: missing, binary, empty, too large, undecodable."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class FormatError(DyadError):
    """Input that claims a format it does not have (bad JSON line, unknown --input-format)."""


class DataError(DyadError):
    """A data file (gazetteer, lexicon, labelled data) that is missing or malformed."""


class DatabaseError(DataError):
    """The knowledge base's database itself: corrupt, another program's, made by a newer dyad,
    missing, unreachable, or its connection lost. A server answers 503 for it (its fault, not
    the request's); the CLI, as for any DyadError, prints one line and exits 2."""


class MissingExtra(DyadError):
    """An optional dependency (``dyad[ray]``, ``dyad[zim]``) that this input or engine needs
    is not installed: one line naming the extra."""
