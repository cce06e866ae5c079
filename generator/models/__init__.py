"""Typed models of every kind of record, one small module a kind (declarations only)."""

from generator.models.common import Consent, Contacts, Record
from generator.models.library import Document
from generator.models.mentor import Honor, Mentor
from generator.models.monitoring import Figure, Monitoring
from generator.models.news import Post
from generator.models.practice import Attachment, Practice
from generator.models.program import Application, Curator, Form, JoinStep, Organization, Program
from generator.models.roadmap import Approval, ExtraTable, Item, Period, Roadmap, Section

__all__ = [
    "Application",
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
    "JoinStep",
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
