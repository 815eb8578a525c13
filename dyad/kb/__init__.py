"""The knowledge base: documents' events and facts stored, merged and queried.

    from dyad.kb import KnowledgeBase
    kb = KnowledgeBase.open("dyad.db")          # or a postgresql:// URL
    kb.ingest(["examples/burkina_faso-russia.txt"])
    kb.timeline("Burkina Faso", "Russia")
"""

from __future__ import annotations

from dyad.kb.ingest import IngestResult
from dyad.kb.knowledge_base import IngestSummary, KnowledgeBase, parse_dyad

__all__ = ["IngestResult", "IngestSummary", "KnowledgeBase", "parse_dyad"]
