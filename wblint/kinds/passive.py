"""passive: passive clauses, read from the dependency parse (not a be + -ed regex).

A clause is passive when its verb is a past participle with a passive auxiliary
(``auxpass``: "was written", "is being reviewed", "has been approved", "will be
released", "can be shared"; and "get paid" when ``include_get``), or a participle the
tagger read as an adjective but a by-phrase makes an action ("is qualified by the
board") or "get" makes a passive ("missed calls get transcribed").  Each clause is
reported from its first auxiliary to the verb (and its particle: "is being rolled
out"), in main, subordinate and relative clauses alike.

Not passive: participles the tagger reads as adjectives ("is interested", "was
tired"); ``stative`` participles that name a state, not an action ("is located",
"is based", "is closed on Sundays", "is done"), unless a by-phrase names who acts -- an
entry with a preposition or particle ("used to", "sold out") is stative only with it
("are used to long shifts", but "is used to cut costs" is passive); ``places``
("located", "situated") where "by" names a place ("by the river": ``place_nouns``); a participle
graded by a degree adverb ("very concerned"); a participle describing a bare
noun right after it ("were experienced cyclists"); ``raising`` participles with a
"to" infinitive ("is set to launch", "is supposed to"); and idioms with "get"
(``get_idioms``: "get started", "get lost").

Prefilter: ``candidates`` matches every sentence with a form of "be" or "get";
a passive needs one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from . import Context, Finding, Kind, Option
from ._language import include_quotes_option, label_ids, readable, report_tokens, sentences

BE_OR_GET = r"am|is|are|was|were|be|been|being|'s|’s|'re|’re|'m|’m"
GET = r"get|gets|got|gotten|getting"
PARTICIPLE_TAGS = ("VBN", "VBD")
DEGREE = {"very", "so", "too", "extremely", "really", "quite", "deeply", "highly", "more", "most", "less", "least"}


def candidates(options: dict) -> re.Pattern[str]:
    forms = BE_OR_GET + ("|" + GET if options["include_get"] else "")
    return re.compile(rf"(?<![\w])(?:{forms})(?![\w])", re.IGNORECASE)


def _describes_noun(verb: Any) -> bool:
    """'were experienced cyclists', 'are licensed drivers': the participle is an adjective
    on a bare noun right after it (a passive takes no such object)."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if following is None or following.head.i != verb.i or following.dep_ not in ("dobj", "attr"):
        return False
    return following.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss", "nummod") for c in following.children)


@dataclass(frozen=True)
class Lists:
    """The rule's word lists, as sets (built once per rule)."""

    stative: set[str]
    with_prep: set[tuple[str, ...]]  # stative only with this preposition or particle ("used to", "sold out")
    places: set[str]  # states of place ("located"): "by" a place after them says where
    place_nouns: set[str]
    raising: set[str]
    idioms: set[str]
    helpers: tuple[str, ...]  # lemmas of the passive auxiliaries


def _lists(options: dict) -> Lists:
    return Lists({w.lower() for w in options["stative"] if " " not in w.strip()},
                 {tuple(w.lower().split()) for w in options["stative"] if " " in w.strip()},
                 {w.lower() for w in options["places"]}, {w.lower() for w in options["place_nouns"]},
                 {w.lower() for w in options["raising"]}, {w.lower() for w in options["get_idioms"]},
                 ("be", "get") if options["include_get"] else ("be",))


def _adjectival_passive(token: Any, lists: Lists) -> Any:
    """The auxiliary of a passive the tagger read as an adjective after "be" or "get": "is
    qualified by the board" (a by-phrase names who acts), "missed calls get transcribed"
    (an -ed word after "get" that is no idiom or state). None when it is an adjective."""
    head = token.head
    if token.dep_ != "acomp" or head.i > token.i or head.lemma_.lower() not in lists.helpers:
        return None
    text = token.text.lower()
    if any(c.dep_ == "agent" for c in token.children) and text.endswith(("ed", "en")):
        return head
    if head.lemma_.lower() == "get" and text.endswith("ed") and text not in lists.idioms \
            and text not in lists.stative and not any(c.dep_ == "advmod" and c.text.lower() in DEGREE
                                                      for c in token.children):
        return head
    return None


TIMES = {"noon", "midnight", "morning", "evening", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday",
         "friday", "saturday", "sunday", "then", "now", "dawn", "dusk"}


def _a_time(agent: Any) -> bool:
    """'by eight', 'by noon', 'by Friday': a deadline, not who acts."""
    nouns = [c for c in agent.children if c.dep_ == "pobj"]
    return bool(nouns) and all(n.like_num or n.pos_ == "NUM" or n.text.lower() in TIMES for n in nouns)


def _a_place(agent: Any, lists: Lists) -> bool:
    """'by the river', 'by the old mill': the by-phrase's noun is a place (``place_nouns``)."""
    nouns = [c for c in agent.children if c.dep_ == "pobj"]
    return bool(nouns) and all(n.text.lower().rstrip("s") in lists.place_nouns or n.lemma_.lower() in lists.place_nouns
                               for n in nouns)


def passive_clauses(sentence_span: Any, lists: Lists) -> Iterator[tuple[Any, Any, Any]]:
    """(first token, last token, verb) of each passive clause in a spaCy sentence."""
    participles = label_ids(sentence_span.vocab.strings, PARTICIPLE_TAGS)  # ids: an int compare per token
    adjectives = label_ids(sentence_span.vocab.strings, ("JJ",))
    for verb in sentence_span:
        if verb.tag in adjectives:
            helper = _adjectival_passive(verb, lists)
            if helper is not None:
                yield helper, verb, verb
            continue
        if verb.tag not in participles:
            continue
        auxes = [c for c in verb.children if c.dep_ == "auxpass" and c.lemma_.lower() in lists.helpers]
        if not auxes:
            continue
        lemma, text = verb.lemma_.lower(), verb.text.lower()
        agents = [c for c in verb.children if c.dep_ == "agent" and not _a_time(c)]  # "crowded by eight"
        if (lemma in lists.places or text in lists.places) and all(_a_place(a, lists) for a in agents):
            agents = []  # "is located by the river": "by" a place says where, not who acts
        has_agent = bool(agents)
        if (lemma in lists.stative or text in lists.stative) and not has_agent:
            continue
        preps = {c.text.lower() for c in verb.children if c.dep_ in ("prep", "prt") and c.tag_ in ("IN", "RP")}
        if any(word in (lemma, text) and prep in preps for word, prep in lists.with_prep) and not has_agent:
            continue  # "are used to long shifts", "are sold out" (but "is used to cut costs" is passive)
        if any(c.dep_ == "advmod" and c.text.lower() in DEGREE and c.i < verb.i for c in verb.children):
            continue
        if (lemma in lists.raising or text in lists.raising) and any(
                c.dep_ == "xcomp" and any(g.tag_ == "TO" for g in c.children) for c in verb.children):
            continue
        if all(a.lemma_.lower() == "get" for a in auxes) and (lemma in lists.idioms or text in lists.idioms):
            continue
        if _describes_noun(verb):
            continue
        helpers = [c for c in verb.children
                   if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i and c.tag_ != "TO"]
        first = min(helpers, key=lambda t: t.i)
        last = verb
        particle = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
        if particle:
            last = particle[0]
        yield first, last, verb


def check(ctx: Context) -> Iterator[Finding]:
    lists = ctx.per_rule(_lists)
    for sentence in sentences(ctx, ctx.per_rule(candidates)):
        for first, last, verb in passive_clauses(sentence.span, lists):
            if not readable(ctx, sentence.block, first.idx, last.idx + len(last.text)):
                continue
            yield report_tokens(ctx, sentence, first, last, verb=verb.text)


KIND = Kind(
    name="passive",
    summary="Passive clauses found in the dependency parse, each located from auxiliary to verb.",
    check=check,
    fields=("text", "verb"),
    options={
        "stative": Option("str-list", [], "participles that name a state, not an action (located, based); 'used to'"
                                          " means: with the preposition 'to', not an infinitive"),
        "places": Option("str-list", [], "participles of place: 'by' a place after them says where"
                                        " ('located by the river'), not who acts ('located by the app')"),
        "place_nouns": Option("str-list", [], "nouns of place for `places` ('by the river', 'by the station')"),
        "raising": Option("str-list", [], "participles that are not passive before a 'to' infinitive (set, supposed)"),
        "include_get": Option("bool", True, "count get-passives ('get paid')"),
        "get_idioms": Option("str-list", [], "participles that make an idiom with 'get', not a passive"
                                             " (started, lost)"),
        "include_quotes": include_quotes_option(False),
    },
    needs=frozenset({"sentences", "tags", "pos", "lemmas", "parse"}),
    candidates=candidates,
)
