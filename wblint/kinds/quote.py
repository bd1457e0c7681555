"""quote: the press release has at least ``min`` quotes from the given audience.

The anatomy finds quotes and reads their attribution (`said Jane Doe, VP of X`);
spaCy's entities then tell a leader of the announcing company (spokesperson)
from a person at another organisation or an ordinary user (customer).
"""
from __future__ import annotations

from typing import Iterator

from ..model import Quote, classify_speaker
from . import Context, Finding, Kind, Option


def audience(ctx: Context, quote: Quote) -> str:
    """The quote's audience, refined with the ORG entities of its attribution (worked out once
    per draft: the customer and the spokesperson rules both ask about every quote)."""
    return ctx.per_draft(("audience", id(quote)), lambda: _audience(ctx, quote))


def _audience(ctx: Context, quote: Quote) -> str:
    doc = ctx.spacy_doc(quote.block)
    if doc is None or not quote.role:
        return quote.audience
    role_at = quote.block.prose.text.find(quote.role)
    orgs = {
        ent.text.lower()
        for ent in doc.ents
        if ent.label_ == "ORG" and role_at != -1 and role_at <= ent.start_char < role_at + len(quote.role)
    }
    return classify_speaker(quote.role, ctx.anatomy.company_words, orgs or None)


def check(ctx: Context) -> Iterator[Finding]:
    wanted = ctx.options["audience"]
    quotes = ctx.anatomy.quotes
    found = [q for q in quotes if audience(ctx, q) == wanted]
    if len(found) >= ctx.options["min"]:
        return
    anchor = ctx.anatomy.headline or next(iter(ctx.anatomy.press_release), None)
    others = len(quotes) - len(found)
    if anchor is None:
        yield ctx.report_draft(count=len(found), quotes=len(quotes), others=others)
    else:
        yield ctx.report_block(anchor, count=len(found), quotes=len(quotes), others=others)


KIND = Kind(
    name="quote",
    summary="The press release quotes enough people of one audience (customer or spokesperson).",
    check=check,
    fields=("count", "others", "quotes"),
    options={
        "audience": Option("str", "customer", "whose quote is required", ("customer", "spokesperson")),
        "min": Option("int", 1, "fewest such quotes", min=0),
    },
    needs=frozenset({"entities"}),
)
