"""Scopes: the named parts of a draft a rule can read, resolved from the anatomy."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rule validation reads SCOPES; only linting needs the anatomy
    from .model import Anatomy, Block, Document

SCOPES = {
    "document": "every prose block of the release, its FAQ and the rest of the draft, except sections that are "
                "neither (notes, Tenets, Appendix, template guidance, About boilerplate)",
    "all": "every prose block of the draft, the sections that are neither release nor FAQ included",
    "headline": "the headline",
    "subheading": "the sub-heading",
    "summary": "the lead paragraph of the press release",
    "press-release": "the press release, headline to the FAQ (headings included)",
    "press-release-body": "the press release's paragraphs, lists and tables (no headings)",
    "faq": "the FAQ part",
    "quotes": "paragraphs of the press release that contain a quotation",
}


def blocks_in_scope(anatomy: Anatomy, document: Document, scope: str) -> list[Block]:
    from .model import is_prose_block  # noqa: PLC0415

    if scope == "all":
        return [b for b in document.blocks if is_prose_block(b)]
    if scope == "document":
        return [b for b in document.blocks if is_prose_block(b) and not anatomy.in_other(b)]
    if scope == "headline":
        return [anatomy.headline] if anatomy.headline else []
    if scope == "subheading":
        return [anatomy.subheading] if anatomy.subheading else []
    if scope == "summary":
        return [anatomy.summary] if anatomy.summary else []
    if scope == "press-release":
        return list(anatomy.press_release)
    if scope == "press-release-body":
        return [b for b in anatomy.press_release if b.kind != "heading"]
    if scope == "faq":
        return list(anatomy.faq)
    if scope == "quotes":
        seen: list[Block] = []
        for quote in anatomy.quotes:
            if quote.block not in seen:
                seen.append(quote.block)
        return seen
    raise ValueError(f"unknown scope {scope!r}")
