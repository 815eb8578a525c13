"""dyad: relations between states, from documents to a cited, queryable knowledge base."""

from dyad.model import Document, Entity, Reference, Section, Sentence, When

__all__ = ["Document", "Entity", "Reference", "Section", "Sentence", "When"]
__version__ = "0.1.0"
