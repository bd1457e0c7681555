"""Quotations in the press release and who said them (speaker, role, audience)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..caseless import Caseless, lowered
from .markdown import Block
from .speakers import classify_speaker

SPEECH_VERBS = r"(?:said|says|say|added|adds|explained|explains|noted|notes|commented|comments|shared|shares|remarked|stated|states|observed|continued|according to|wrote|writes|told)"
QUOTE_PAIRS = {'"': '"', "\u201c": "\u201d", "\u201e": "\u201c", "\u00ab": "\u00bb"}
NAME = r"(?:\[[^\]]+\]|(?:[A-Z][\w'’.\-]*|de|van|von|da|del|la|le|bin)(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|del|la|le|bin))*)"


@dataclass
class Quote:
    block: Block
    prose_start: int  # quoted range in block.prose.text, including the quote marks
    prose_end: int
    text: str  # the words inside the marks
    attribution: str = ""
    speaker: str | None = None
    role: str | None = None
    audience: str = "unknown"  # customer | spokesperson | unknown
    speaker_cue: str = ""  # how the speaker was found: attribution, block quote line, shared, earlier mention

    @property
    def span(self) -> tuple[int, int]:
        return self.block.prose.source_span(self.prose_start, self.prose_end)



def find_quotes(blocks: list[Block], company_words: frozenset[str]) -> list[Quote]:
    """Quotations in the press release, each with its attribution where one is found.

    A quote is a double-quoted stretch of four or more words (shorter ones are
    names or scare quotes), a quote left open that continues into the next
    paragraph, or a block quote.  Its attribution is the rest of its paragraph
    when that reads as one (`said Jane Doe, CEO`), or a `— Name, role` line
    after a block quote; unattributed quotes next to an attributed one share it.
    """
    quotes: list[Quote] = []
    continuing = False  # the previous paragraph ended inside an open quote
    for index, block in enumerate(blocks):
        if block.kind not in ("paragraph", "table_cell"):
            continuing = False
            continue
        text = block.prose.text
        ranges = _quoted_ranges(text, open_at_start=continuing)
        here = [
            Quote(block, start, end, text[start:end].strip(" \"\u201c\u201d\u201e\u00ab\u00bb"))
            for start, end, _ in ranges
            if len(text[start:end].split()) >= 4 or (continuing and start == 0)
        ]
        signed = None
        slot = QUOTE_SLOT.match(text) if not here else None
        if slot is not None and len(text[slot.end():].split()) >= 4 and not is_slot_guidance(block):
            # `*Customer quote*: …` — a template's quote slot, filled in without quote marks
            quote = Quote(block, slot.end(), len(text), text[slot.end():].strip())
            quote.audience = "customer" if slot.group("who").lower().startswith("customer") else (
                "spokesperson" if slot.group("who") else "unknown")
            quote.speaker_cue = f"quote slot \"{slot.group(0).strip()}\""
            quotes.append(quote)
            continuing = False
            continue
        if block.quote_depth and not here and len(text.split()) >= 4 and not _looks_like_attribution(text):
            # a block quote without quote marks is a quotation only when someone is named as
            # having said it; notes, prompts and instructions in a `>` block are not speech
            signed = _TRAILING_SIGNATURE.search(text)
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            if signed is not None:
                here = [Quote(block, 0, signed.start(), text[:signed.start()].strip())]
            elif following is not None and _signs(following):
                here = [Quote(block, 0, len(text), text.strip())]
        attribution = _attribution_text(text, [(q.prose_start, q.prose_end) for q in here])
        if signed is not None and here:
            attribution = signed.group(0).strip()
        if not attribution and not block.quote_depth:
            here = [q for q in here if _quote_led(q, text) or (continuing and q.prose_start == 0)]
        if attribution:
            for q in here:
                _assign_speaker(q, attribution, company_words)
                q.speaker_cue = "attribution in the paragraph"
        elif not here and (_looks_like_attribution(text) or _signs(block)):
            for q in quotes:  # "— Jane Doe, CEO" under a block quote
                if not q.attribution and _adjacent(q.block, block, blocks):
                    _assign_speaker(q, text, company_words)
                    q.speaker_cue = "attribution line after the quote"
        quotes.extend(here)
        continuing = bool(ranges) and not ranges[-1][2]
    for i, q in enumerate(quotes):  # multi-paragraph quotes share one attribution
        if q.attribution:
            continue
        near = [o for o in quotes[i + 1 :] + quotes[:i][::-1] if o.attribution and _adjacent(q.block, o.block, blocks)]
        if near:
            _copy_speaker(q, near[0])
            q.speaker_cue = "shares the attribution of the quote beside it"
    _resolve_references(quotes)
    return quotes


# `— Jane Doe, editor` closing a block quote's last line
_TRAILING_SIGNATURE = re.compile(rf"\s(?:[\u2014\u2013]|--?|~)\s*{NAME}(?:\s*,[^\u2014\u2013]{{1,80}})?\s*$")
_SIGNATURE = re.compile(rf"^\W*(?:[\u2014\u2013]|--?|~)?\s*{NAME}\s*(?:,|\bfrom\b|\bof\b)[^.!?]{{1,80}}\W*$")


QUOTE_SLOT = re.compile(
    r"^\W*(?P<who>customer|internal|leader|leadership|spokesperson|executive|company|exec)?\s*quotes?\s*(?:\(s\))?"
    r"\W*[:\u2014\u2013]\s*", re.IGNORECASE)


# what a template says belongs in the slot ("Someone within your company being quoted about …")
_SLOT_GUIDANCE = re.compile(r"\b(?:quot\w*|saying|hypothetical)\b", re.IGNORECASE)


def is_slot_guidance(block: Block) -> bool:
    """A template's quote slot still holding its guidance: `**Customer quote:** a hypothetical
    customer saying what they like`."""
    if block.kind != "paragraph" or block.prose is None:
        return False
    slot = QUOTE_SLOT.match(block.prose.text)
    return slot is not None and bool(_SLOT_GUIDANCE.search(block.prose.text, slot.end()))


def _signs(block: Block) -> bool:
    """A signature line under a quotation: `— Jane Doe, editor`, `*Jane Doe, CEO, Acme*`,
    `> - Sam from Leeds`."""
    if block.kind != "paragraph" or block.prose is None:
        return False
    text = block.prose.text.strip()
    if _DASH_LINE.match(text):
        return len(text.split()) <= 20
    return (block.emphasised or block.list_depth > 0) and len(text.split()) <= 14 and bool(_SIGNATURE.match(text))


def _quote_led(quote: Quote, text: str) -> bool:
    """Whether an unattributed quote is the paragraph's point, not a phrase quoted inside a sentence."""
    lead = len(text) - len(text.lstrip())
    return quote.prose_start <= lead or (quote.prose_end - quote.prose_start) >= 0.5 * len(text.strip())


PRONOUN_ATTRIBUTION = re.compile(rf"\b(?:he|she|they)\s+{SPEECH_VERBS}\b|\b{SPEECH_VERBS}\s+(?:he|she|they)\b",
                                 re.IGNORECASE)


def _resolve_references(quotes: list[Quote]) -> None:
    """`Otieno added` and `she said` refer to a speaker named in full earlier: share their role."""
    for i, quote in enumerate(quotes):
        earlier = [o for o in quotes[:i][::-1] if o.speaker and o.role]
        if quote.speaker and not quote.role:
            surname = quote.speaker.split()[-1].lower()
            same = next((o for o in earlier if o.speaker.split()[-1].lower() == surname
                         and o.speaker != quote.speaker), None)
            if same is not None:
                quote.speaker, quote.role, quote.audience = same.speaker, same.role, same.audience
                quote.speaker_cue = f"named in full earlier (line {same.block.line})"
        elif not quote.speaker and quote.attribution and PRONOUN_ATTRIBUTION.search(quote.attribution) and earlier:
            previous = earlier[0]
            quote.speaker, quote.role, quote.audience = previous.speaker, previous.role, previous.audience
            quote.speaker_cue = f"pronoun for the speaker on line {previous.block.line}"


def _adjacent(a: Block, b: Block, blocks: list[Block]) -> bool:
    try:
        return abs(blocks.index(b) - blocks.index(a)) <= 2
    except ValueError:
        return False


_QUOTE_OPENING = re.compile("[" + re.escape("".join(QUOTE_PAIRS)) + "]")


def _quoted_ranges(text: str, open_at_start: bool) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each double-quoted stretch; an unclosed one runs to the end."""
    ranges = []
    i = 0
    if open_at_start and text.lstrip()[:1] not in QUOTE_PAIRS:
        close = text.find('"') if '"' in text else text.find("\u201d")
        if close != -1:
            ranges.append((0, close + 1, True))
            i = close + 1
    while (opening := _QUOTE_OPENING.search(text, i)) is not None:
        i = opening.start()
        close = text.find(QUOTE_PAIRS[text[i]], i + 1)
        if close == -1:
            ranges.append((i, len(text), False))
            break
        ranges.append((i, close + 1, True))
        i = close + 1
    return ranges



def _attribution_text(text: str, ranges: list[tuple[int, int]]) -> str:
    pieces, last = [], 0
    for start, end in ranges:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    rest = " ".join(p.strip(" ,.;:") for p in pieces if p.strip(" ,.;:"))
    return rest if ranges and _looks_like_attribution(rest) else ""


_DASH_LINE = re.compile(r"^[\u2014\u2013\-~]+\s*\S")  # "— Jane Doe, CEO"
SPEECH = re.compile(rf"\b{SPEECH_VERBS}\b", re.IGNORECASE)  # a speech verb anywhere
# Run without IGNORECASE on the lowercased text where that finds the same (see wblint.caseless).
_SPEECH = Caseless(SPEECH)


def _looks_like_attribution(text: str) -> bool:
    text = text.strip()
    if _DASH_LINE.match(text):
        return True
    # The word count first: most paragraphs are too long to be an attribution.  Splitting at
    # most 40 times tells 41 words or more from 40 or fewer without splitting all of them.
    return len(text.split(None, 40)) <= 40 and _SPEECH.search(text, lowered(text))


_LEADING_DASHES = re.compile(r"^[\s\u2014\u2013\-~]+")
# Where the speaker's name (and role) sits in an attribution, tried in this order.
_SPEAKER_PATTERNS = [re.compile(pattern) for pattern in (
    rf"\b{SPEECH_VERBS}\s+(?P<name>{NAME})(?:\s*,\s*(?P<role>[^.;]+))?",
    rf"^(?P<name>{NAME})\s*(?:,\s*(?P<role>[^,]+(?:,[^,]+)?)\s*,)?\s+{SPEECH_VERBS}\b",
    rf"^(?P<name>{NAME})(?:\s*,\s*(?P<role>[^.;]+))?\s*$",
    rf"^(?P<name>{NAME})\s*\((?P<role>[^)]+)\)",
)]


def _assign_speaker(quote: Quote, attribution: str, company_words: frozenset[str]) -> None:
    text = _LEADING_DASHES.sub("", attribution).strip()
    for pattern in _SPEAKER_PATTERNS:
        match = pattern.search(text)
        if match and match.group("name"):
            name = match.group("name").strip()
            if name.lower() in ("he", "she", "they", "i", "we", "it"):
                continue
            role = (match.group("role") or "").strip(" ,.") or None
            if role and len(role.split()) > 20:
                role = " ".join(role.split()[:20])
            quote.speaker, quote.role = name, role
            break
    quote.attribution = attribution.strip()
    quote.audience = classify_speaker(quote.role, company_words)


def _copy_speaker(quote: Quote, other: Quote) -> None:
    quote.speaker, quote.role, quote.audience = other.speaker, other.role, other.audience
    quote.attribution = other.attribution


