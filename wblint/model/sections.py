"""Section vocabulary: which blocks carry prose, which headings open an FAQ, which name a part.

The lowest layer of the anatomy: every later stage asks these questions of a heading.
"""
from __future__ import annotations

import re

from .markdown import Block

FAQ_TERMS = re.compile(
    r"(?<![\w])(?<!PR/)(?<!PR-)(?<!PR )(?:faqs?|frequently\s+asked\s+questions|q\s*&\s*a|q\s+and\s+a|questions\s+(?:and|&)\s+answers)(?![\w])"
    r"|^\W*(?:(?:customer|external|internal|stakeholder|public|partner|business|common)\s+)questions\W*$",
    re.IGNORECASE,
)
SECTION_WORDS = re.compile(
    r"^\W*(summary|problem|solution|the problem|the solution|customer problem|customer quote|quote|spokesperson|"
    r"leader quote|getting started|how to get started|get started|how it works|call to action|closing|benefits?|faq|"
    r"availability|pricing|about|background|overview|introduction|press release|the challenge|challenge|"
    r"headline|heading|sub-?heading|sub-?title|title|testimon(?:y|ials)|quotes)\b",
    re.IGNORECASE,
)


def is_prose_block(block: Block) -> bool:
    if block.prose is None:
        return False
    text = block.prose.text
    return bool(text) and not text.isspace()  # what bool(text.strip()) says, without copying the text


def is_faq_heading(block: Block) -> bool:
    """A heading that opens an FAQ: `FAQ`, `Frequently Asked Questions`, `Internal Q&A`, `Customer questions`."""
    text = block.text.strip()
    return (block.kind == "heading" and not text.endswith("?") and len(text.split()) <= 8
            and bool(FAQ_TERMS.search(text)) and not DOC_TITLE.search(text))  # "Acme PR / FAQ" is a title



# Sections that are neither the release nor its FAQ: the document's own scaffolding.
OTHER_SECTION = re.compile(
    r"^\W*(?:(?:our|product|team|the)\s+)?(?:tenets?|principles|appendi(?:x|ces)|annex|notes?|document\s+notes|"
    r"author['\u2019]?s?\s+notes?|reviewer\s+notes|success\s+metrics|metrics|kpis?|open\s+questions|next\s+steps|"
    r"references|glossary|licen[cs]e|copyright|revision\s+history|change\s*log|document\s+history|history|"
    r"instructions|template|how\s+to\s+use\s+this(?:\s+template)?|using\s+this\s+template|about\s+this\s+"
    r"(?:document|template|doc)|resources|related\s+(?:documents|docs|links|reading)|links|milestones|timeline|"
    r"roadmap|out\s+of\s+scope|non-goals|assumptions|risks\s+and\s+mitigations|mocks?|mockups|wireframes|"
    r"about\s+[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,3}|boilerplate)\b[^?]*$",
    re.IGNORECASE,
)
# `## Press Release` and the like: a section heading over the release, not its headline.
RELEASE_SECTION = re.compile(
    r"^\W*(?:working\s+backwards\s*[-\u2013\u2014:]\s*(?=readme\W*$|press|blog|the|announcement))?"
    r"(?:the\s+|draft\s+|internal\s+)?(?:press\s+release|pr|announcement|news\s+release|(?<=[-\u2013\u2014:\s])readme|"
    r"(?:launch\s+)?blog(?:\s+post)?)"
    r"(?:\s*\((?:draft|v?\d[\w.]*)\))?\W*$",
    re.IGNORECASE,
)
# A document title rather than a headline: `# Acme Ledger — PR/FAQ`, `# PRFAQ: ledger`.
DOC_TITLE = re.compile(
    r"(?<![\w])(?:pr\s*/\s*faqs?|pr-?faqs?|prfaqs?|press\s+release\s*(?:&|and|\+|/)\s*faqs?|working\s+backwards|"
    r"press\s+release\s+draft|draft\s+press\s+release|one[- ]pager)(?![\w])",
    re.IGNORECASE,
)
# Release labels: they say when or how the news goes out, not where (no city), so they are
# neither the dateline nor the sub-heading: `**FOR IMMEDIATE RELEASE**`, `*Created: 2026-02-24*`.
RELEASE_LABEL = re.compile(
    r"^\W*(?:for\s+(?:immediate\s+)?release|embargoed|under\s+embargo|open\s+source\b|draft\b|"
    r"(?:created|updated|last\s+updated|status|authors?|owner|date|version|revision|reviewers?|"
    r"stage)\s*:)",
    re.IGNORECASE,
)


def is_other_heading(block: Block) -> bool:
    """A heading that opens a section that is neither release nor FAQ (Tenets, Appendix, Notes)."""
    return block.kind == "heading" and len(block.text.split()) <= 8 and bool(OTHER_SECTION.match(block.text))


def is_release_section_heading(block: Block) -> bool:
    return block.kind == "heading" and bool(RELEASE_SECTION.match(block.text))


def is_document_title(block: Block) -> bool:
    return block.kind == "heading" and bool(DOC_TITLE.search(block.text))


def is_release_label(block: Block) -> bool:
    """A short line such as `FOR IMMEDIATE RELEASE` or `Created: 2026-02-24`."""
    return (block.kind == "paragraph" and len(block.text.split()) <= 12 and block.end_line - block.line <= 1
            and bool(RELEASE_LABEL.match(block.text)))

# Guidance a template leaves for the writer ("2–4 sentences describing the problem",
# "Describe the customer problem here", "Quote a leader to capture the value"): not release prose.
TEMPLATE_INSTRUCTION = re.compile(
    r"^\W*(?:(?:\d+\s*[\u2013\-]\s*)?\d+\s+(?:sentences?|paragraphs?|words)\s+"
    r"(?:that|describing|saying|telling|explaining|about|on|giving|of)\b"
    r"|(?:describe|explain|summari[sz]e|quote|state|write|insert|provide|include)\s+(?:the|a|an|your|who|what|why|how)\b"
    r"[^.!?]{0,80}\b(?:here|customers?|leaders?|problem|solution|benefits?|value|quote)\b"
    # a form's own instructions: "Ticking the box below indicates that ...", "Check each box once ..."
    r"|(?:by\s+)?(?:tick|check|mark)(?:ing)?\s+(?:the|this|each|a)\s+(?:check)?box(?:es)?\b)",
    re.IGNORECASE,
)


def is_template_instruction(block: Block) -> bool:
    return block.kind == "paragraph" and bool(TEMPLATE_INSTRUCTION.match(block.text))
