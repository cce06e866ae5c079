"""Typed models of every kind of record, one small module a kind (declarations only)."""

from .common import Consent, Contacts, Record
from .library import Document
from .mentor import Honor, Mentor
from .monitoring import Figure, Monitoring
from .news import Post
from .practice import Attachment, Practice
from .program import Curator, Form, Organization, Program
from .roadmap import Approval, ExtraTable, Item, Period, Roadmap, Section

__all__ = [
    "Approval",
    "Attachment",
    "Consent",
    "Contacts",
    "Curator",
    "Document",
    "ExtraTable",
    "Figure",
    "Form",
    "Honor",
    "Item",
    "Mentor",
    "Monitoring",
    "Organization",
    "Period",
    "Post",
    "Practice",
    "Program",
    "Record",
    "Roadmap",
    "Section",
]
