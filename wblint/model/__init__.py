"""The draft model: Markdown in, a reviewer's reading of the draft out.  Knows no rules,
no configuration and no screen.

The modules form a pipeline, each reading only those before it:

    source      bytes -> text (encodings, line endings, offsets <-> line:column)
    prose       the words of a block, mapped back to their source characters
    markdown    markdown-it-py -> blocks with spans; prose vs code, URLs, comments
    sections    heading vocabulary: FAQ headings, part names, sections that are not the draft
    dateline    the city and date that open the lead; release labels are none
    speakers    whose voice a quotation is (company leader or customer)
    quotes      quotations and their attribution
    announcement  the product and the announcing organisation
    anatomy     title vs headline, sub-heading, summary, release and FAQ boundaries, kind
    faq         the FAQ's questions and answers in every layout, and their audiences
    cues, evidence, parts   problem, solution, getting started, call to action

Rules (wblint.kinds) read the model through the names exported here.
"""
from __future__ import annotations

from .anatomy import Anatomy, analyse
from .dateline import Dateline, find_dateline
from .faq import Faq, FaqItem, faq_of
from .markdown import DOCUMENT_KINDS, Block, Comment, Document, parse_document
from .parts import LABEL, PARTS, Part, PartSpec, PartsModel, detect
from .prose import Prose
from .quotes import SPEECH, Quote
from .sections import is_faq_heading, is_prose_block
from .source import DecodeError, SourceText, decode
from .speakers import classify_speaker

__all__ = [
    "DOCUMENT_KINDS", "LABEL", "PARTS", "SPEECH", "Anatomy", "Block", "Comment", "Dateline", "DecodeError",
    "Document", "Faq", "FaqItem", "Part", "PartSpec", "PartsModel", "Prose", "Quote", "SourceText", "analyse",
    "classify_speaker", "decode", "detect", "faq_of", "find_dateline", "is_faq_heading", "is_prose_block",
    "parse_document",
]
