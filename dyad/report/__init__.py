"""Reports on a pair of states: a dossier gathered from the knowledge base, rendered as one
self-contained HTML page (and printed to PDF by headless Chromium where it is installed).

    from dyad.kb import KnowledgeBase
    from dyad.report import build_dossier, render_html
    with KnowledgeBase.open("dyad.db") as kb:
        page = render_html(build_dossier(kb, "Burkina Faso", "Russia"))
"""

from __future__ import annotations

from dyad.report.dossier import Dossier, Item, Side, assemble, build_dossier
from dyad.report.html import render_html
from dyad.report.pdf import find_chromium, print_pdf

__all__ = ["Dossier", "Item", "Side", "assemble", "build_dossier", "find_chromium",
           "print_pdf", "render_html"]
