"""The product and the announcing organisation: front matter, the lead, the headline."""
from __future__ import annotations

import re
from .markdown import Document

_LAUNCH = (r"(?:launch(?:es|ed|ing)?|announc(?:e|es|ed|ing)|introduc(?:e|es|ed|ing)|unveil(?:s|ed|ing)?|"
           r"releas(?:e|es|ed|ing)|"
           r"open(?:s|ed)?|debut(?:s|ed)?|roll(?:s|ed)?\s+out|made\s+available|makes\s+available|ships?|shipped)")
_CAP_RUN = r"[A-Z][\w&'\u2019.\-]*(?:\s+(?:[A-Z][\w&'\u2019.\-]*|of|and|&|for|de|du|la))*"
_FROM_MAKER = re.compile(rf"\s+(?:from|by)\s+(?P<company>{_CAP_RUN})")  # after the product's name
ANNOUNCER = re.compile(rf"(?P<company>{_CAP_RUN})\s+(?:today\s+|has\s+|have\s+|is\s+|\w+ly\s+)*{_LAUNCH}\b")
PRODUCT = re.compile(
    rf"\b{_LAUNCH}\s+(?:today\s+)?(?:the\s+(?:launch|availability|release)\s+of\s+)?"
    r"(?:the\s+|its\s+|their\s+|our\s+|a\s+new\s+)?"
    r"(?P<product>[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,3}|code"
    r"|(?!(?:it|this|that|them|today|yesterday|now|version)\b)[a-z][\w\-]*[\w](?=,\s+(?:a|an|the)\s))")  # `released hearth, an app that ...`


HEADLINE_PRODUCT = re.compile(
    r"^\W*(?i:introducing|announcing|meet)\s+(?P<product>[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,3})"
    r"(?=\s*[:,\u2014\u2013\-]|\s*$)")


HEADLINE_LAUNCH = re.compile(
    rf"^\W*(?P<company>{_CAP_RUN}?)\s+(?i:{_LAUNCH})\s+(?:its\s+|the\s+|a\s+new\s+)?"
    r"(?P<product>[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,3}?)(?=\s+(?:to|for|with|that|in|on|at)\b|\s*[:,]|\s*$)")
USES_PRODUCT = re.compile(
    r"\buse\s+(?P<product>[A-Z][\w'\u2019.\-]*(?:\s+[A-Z][\w'\u2019.\-]*){0,2})\s+(?:from|by)\s+"
    r"(?P<company>[A-Z][\w&'\u2019.\-]*(?:\s+[A-Z][\w&'\u2019.\-]*){0,2})")


def read_announcement(doc: Document, anatomy) -> None:
    """The product and the announcing company: front matter, else the lead's `X today launched Y`.

    ``anatomy`` is the anatomy being built: its headline, summary, dateline and press release
    are read, its product, product_cue and company set.
    """
    for key in ("product",):
        value = doc.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            anatomy.product, anatomy.product_cue = value.strip(), "front matter product"
    for key in ("company", "organization", "organisation"):
        value = doc.front_matter.get(key)
        if isinstance(value, str) and value.strip():
            anatomy.company = value.strip()
    summary = anatomy.summary
    if summary is None:
        return
    text = summary.text
    if anatomy.product is None:
        match = PRODUCT.search(text)
        if match:
            name = match.group("product").rstrip(".")
            if summary.prose.is_opaque(match.start("product"), match.end("product")):
                start, end = summary.prose.source_span(match.start("product"), match.end("product"))
                name = doc.text[start:end].strip("`")
            anatomy.product, anatomy.product_cue = name, f"lead: \"{match.group(0).strip()}\""
    if anatomy.product is None:
        match = USES_PRODUCT.search(text)
        if match:
            anatomy.product, anatomy.product_cue = match.group("product"), f"lead: \"{match.group(0).strip()}\""
            anatomy.company = anatomy.company or match.group("company")
    headline = anatomy.headline.text.strip() if anatomy.headline is not None else ""
    if anatomy.product is None and headline:
        match = HEADLINE_PRODUCT.search(headline) or HEADLINE_LAUNCH.match(headline)
        if match and match.group("product"):
            name = _most_named(match.group("product"), " ".join(b.text for b in anatomy.press_release))
            anatomy.product, anatomy.product_cue = name, f"headline: \"{match.group(0).strip()}\""
    if anatomy.company is None and anatomy.product:
        match = _maker_after(anatomy.product, text)
        if match:
            anatomy.company = match.group("company").strip()
    if anatomy.company is None and headline:
        match = HEADLINE_LAUNCH.match(headline)
        if match:
            anatomy.company = match.group("company").strip()
    if anatomy.company is None:
        match = ANNOUNCER.search(text)
        if match:
            words = match.group("company").split()
            while words and words[0].lower() in ("today", "now", "the"):
                words = words[1:]
            if words and not (anatomy.dateline and anatomy.dateline.city and " ".join(words) in anatomy.dateline.city):
                anatomy.company = " ".join(words)


def _maker_after(product: str, text: str) -> re.Match[str] | None:
    """The first "<product> from|by <Company>" in ``text``: the product found with a string
    search (a regex of each draft's product name cost more to compile than to run)."""
    at = text.find(product)
    while at >= 0:
        match = _FROM_MAKER.match(text, at + len(product))
        if match:
            return match
        at = text.find(product, at + 1)
    return None


def _most_named(phrase: str, text: str) -> str:
    """The part of a headline's product phrase the press release names most ("PulseDesk" of
    "Revolutionary PulseDesk Platform"); on a tie, the longer."""
    words = phrase.split()
    spans = [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
    counts = {span: len(re.findall(rf"(?<![\w\-]){re.escape(span)}(?![\w\-])", text)) for span in spans}
    return max(spans, key=lambda span: (counts[span], len(span)))


def company_words(doc: Document, anatomy) -> frozenset[str]:
    """Lower-cased words that name the announcing company or its product (for telling spokespeople)."""
    words: set[str] = set()
    for value in (anatomy.company, anatomy.product):
        if value:
            words.update(w.lower().rstrip(".") for w in re.findall(r"[^\W\d_][\w\-.]*", value))
    for key in ("organization", "organisation"):
        value = doc.front_matter.get(key)
        if isinstance(value, str):
            words.update(w.lower() for w in re.findall(r"[A-Za-z][\w\-.]*", value))
    if not words and anatomy.headline is not None:  # no announcement: the headline's names stand in
        for word in re.findall(r"[A-Z][\w\-.]*[\w]", anatomy.headline.text):
            words.add(word.lower().rstrip("."))
    words -= {"the", "of", "and", "for", "a", "an", "de", "la", "code"}
    return frozenset(words)


