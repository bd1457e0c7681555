"""Section vocabulary: which blocks carry prose, which headings open an FAQ, which name a part.

The lowest layer of the anatomy: every later stage asks these questions of a heading.
"""
from __future__ import annotations

import re

from .markdown import Block

FAQ_TERMS = re.compile(
    r"(?<![\w])(?<!PR/)(?<!PR-)(?<!PR )(?:faqs?|frequently\s+asked\s+questions|q\s*&\s*a|q\s+and\s+a|questions\s+(?:and|&)\s+answers)(?![\w])"
    r"|^\W*(?:(?:customer|external|internal|stakeholder|public|partner|business|common|open)\s+)questions\W*$",
    re.IGNORECASE,
)
SECTION_WORDS = re.compile(
    r"^\W*(summary|problem|solution|the problem|the solution|customer problem|customer quote|quote|spokesperson|"
    r"leader quote|getting started|how to get started|get started|how it works|call to action|closing|benefits?|faq|"
    r"availability|pricing|about|background|overview|introduction|press release|the challenge|challenge)\b",
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
            and bool(FAQ_TERMS.search(text)))

