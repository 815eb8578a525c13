"""Reference data sits below annotation and the knowledge base: the store, the queries
and the exports read states and codes without loading annotation, extraction or spaCy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

DYAD = Path(__file__).resolve().parents[2] / "dyad"
BELOW_ANNOTATION = ("dyad.annotate", "dyad.extract", "dyad.pipeline")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


@pytest.mark.parametrize("path", sorted((DYAD / "reference").glob("*.py")), ids=lambda p: p.name)
def test_reference_imports_neither_annotation_nor_the_knowledge_base(path: Path) -> None:
    found = {n for n in _imports(path) if n.startswith((*BELOW_ANNOTATION, "dyad.kb"))}
    assert not found, f"{path.name} imports {sorted(found)}"


def test_the_store_and_exports_load_no_annotation() -> None:
    code = ("import sys\n"
            "import dyad.kb\n"
            "from dyad.kb import countries, export, icews, merge, network, panel, queries, store\n"
            "from dyad.reference import gazetteer, places\n"
            "gazetteer.load_gazetteer(None); places.city_country('Bamako')\n"
            "print(sorted(m for m in sys.modules if m.startswith(('dyad.annotate', "
            "'dyad.extract', 'spacy'))))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
