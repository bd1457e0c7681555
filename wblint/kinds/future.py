"""future: the future tense and announced plans, where the text should read as launched.

Flagged, from the tagger and the dependency parse:

- a future ``modals`` auxiliary ("will", "shall", "'ll", "won't"): tagged MD and
  governing a base-form verb -- not the noun ("a will", "at will", "the will
  of"), not a name ("Will Okoro"), not "willing"; with
  ``skip_indirect_questions``, not in an embedded question about the reader's own
  future ("what the inspector will look for");
- "be going to" + verb ("is going to offer"), but not "going to the store" nor
  the past "was going to";
- an ``intention`` verb with a "to" infinitive ("plans to open", "aims to cut"),
  or a ``scheduled`` participle or adjective after "be" ("is set to launch", "is
  due to arrive"), except in the past ("planned to", "was set to") and in
  relative or conditional clauses about the reader ("families who plan to move",
  "if you plan to travel");
- a future passive ("will be announced");
- ``upcoming`` ("the upcoming tablet", not "your upcoming appointments") and "is on
  the way" said of what the company makes (not "your order is on the way");
- listed ``phrases`` ("coming soon", "in the coming weeks", "our plan is to", a future
  time such as "next spring" on a present-tense verb), except in a conditional or
  relative clause about the reader ("if you travel next month").

Not flagged: "will" in a clause reporting an event the product tells about
(``report_verbs``: "shows when the next bus will arrive").

Questions are skipped when ``skip_questions`` is on.

Prefilter: ``candidates`` matches every sentence containing one of the modals,
"going", "way", an intention verb's stem, a scheduled or upcoming word or a listed phrase.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from . import Context, Finding, Kind, Option
from ._language import (alternation, include_quotes_option, phrase_pattern, phrases_after_boundary, readable,
                        report_tokens, sentences, spans, tokens_in, word_forms)

CONDITIONAL = {"if", "when", "whether", "unless", "once"}


def _surface(word: str) -> str:
    """A regex for a listed word as written: "'ll" also with a curly apostrophe, "wo" as in "won't"."""
    if word.lower() == "wo":
        return r"(?<![\w])won['\u2019]t"
    body = re.escape(word).replace("'", "['\u2019]")
    return ("(?<![\\w])" if word[:1].isalnum() else "") + body + r"(?![\w])"


def candidates(options: dict) -> re.Pattern[str]:
    words = [*options["modals"], "going", "way", *options["scheduled"], *options["upcoming"]]
    # What starts a word shares one "\b" (see phrases_after_boundary).
    plain = [w for w in words if w[:1].isalnum() and w.lower() != "wo"]
    apart = [_surface(w) for w in words if not w[:1].isalnum()]
    at_word = [r"won['\u2019]t" for w in words if w.lower() == "wo"]
    if plain:
        body = "|".join(re.escape(w).replace("'", "['\u2019]") for w in sorted(set(plain), key=len, reverse=True))
        at_word.append(rf"(?:{body})(?![\w])")
    if options["intention"]:
        at_word.append(rf"(?:{alternation(options['intention'])})\w*")
    listed = phrases_after_boundary(options["phrases"])
    if listed is not None:
        at_word.append(listed)
    elif (separate := phrase_pattern(tuple(options["phrases"]))) is not None:
        apart.append(separate.pattern)  # a phrase that does not start a word keeps its own look-behind
    if at_word:
        apart.append(rf"\b(?:{'|'.join(at_word)})")
    return re.compile("|".join(apart), re.IGNORECASE)


def _to_infinitive(token: Any) -> Any:
    """The 'to' of a 'to' + verb complement right after ``token`` ('plans to open',
    'going to offer'; an adverb may sit between), or None."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "advcl") and child.pos_ in ("VERB", "AUX") and child.i > token.i:
            to = [g for g in child.children if g.tag_ == "TO" and g.i < child.i]
            if not to or to[0].i - token.i > 2:
                continue
            between = token.doc[token.i + 1:to[0].i]
            if all(t.pos_ in ("ADV", "PART") and not t.is_punct for t in between):
                return to[0]
    return None


def _about_reader(token: Any) -> bool:
    """A relative or conditional clause ("who plan to move", "if you plan to")."""
    if token.dep_ in ("relcl", "acl"):
        return True
    return any(c.dep_ == "mark" and c.text.lower() in CONDITIONAL for c in token.children)


NOUN_MARKERS = {"POS", "PRP$", "DT", "WP$"}


def _modal(token: Any) -> bool:
    """An auxiliary governing a base-form verb: 'will send', "'ll see", 'will not be' --
    not the noun after a determiner or possessive ('a will', "customers' will"), not a
    name ('Will Alvarez said'), not a word followed by punctuation ('at will,')."""
    if token.tag_ != "MD" or token.dep_ not in ("aux", "auxpass"):
        return False
    verb = token.head
    if verb.i <= token.i:
        return False
    if verb.tag_ != "VB" and not (verb.tag_ == "VBN" and any(  # "will be announced": a future passive
            c.dep_ == "auxpass" and c.tag_ == "VB" and c.i > token.i for c in verb.children)):
        return False
    if token.i > 0 and token.doc[token.i - 1].tag_ in NOUN_MARKERS:
        return False
    return not any(t.is_punct for t in token.doc[token.i + 1:verb.i])


def _past(helpers: list) -> bool:
    """'was going to', 'were set to', 'had planned to': a future seen from the past."""
    return any(h.tag_ in ("VBD", "VBN") for h in helpers)


WH_WORDS = {"what", "whether", "if", "how", "when", "where", "which", "who", "whom", "why"}


def _indirect_question(verb: Any, report_verbs: set[str]) -> bool:
    """'what the inspector will look for', 'whether anyone will live in it': an embedded
    question about the reader's own future, not the product's; and 'shows when the next bus
    will arrive': an event the product reports (a clause on one of ``report_verbs``)."""
    if verb.dep_ in ("advcl", "acl") and verb.head.lemma_.lower() in report_verbs | {"parent", "user", "customer"}:
        pass  # "shows when the bus will arrive", "shows parents which teacher will cover": misread clauses
    elif verb.dep_ == "acl" and any(t.tag_ == "WDT" and t.dep_ == "det" for t in verb.subtree if t.i < verb.i):
        pass  # "... which teacher will cover": a question the parser hung on the noun before it
    elif verb.dep_ not in ("ccomp", "pcomp", "pobj", "csubj", "dobj", "xcomp"):
        return False
    return any(t.text.lower() in WH_WORDS and t.i < verb.i for t in verb.subtree
               if t.dep_ in ("mark", "advmod", "dobj", "nsubj", "pobj", "attr", "det"))


@dataclass(frozen=True)
class Lists:
    """The rule's word lists, as sets (built once per rule)."""

    modals: set[str]
    intention: set[str]
    scheduled: set[str]
    phrases: re.Pattern[str] | None
    candidates: re.Pattern[str]
    report_verbs: set[str]
    upcoming: set[str]


def _lists(options: dict) -> Lists:
    return Lists({w.lower() for w in options["modals"]}, {w.lower() for w in options["intention"]},
                 {w.lower() for w in options["scheduled"]}, phrase_pattern(tuple(options["phrases"])),
                 candidates(options), {w.lower() for w in options["report_verbs"]},
                 {w.lower() for w in options["upcoming"]})


READER_OWNERS = {"your", "their", "his", "her", "my"}
TIME_NOUNS = {"week", "weekend", "month", "year", "season", "term", "semester", "holiday", "holidays", "day", "days",
              "weeks", "months"}


def _upcoming(token: Any, lists: Lists) -> bool:
    """'the upcoming tablet': a launch still to come -- not 'your upcoming appointments', the
    reader's own calendar the product shows."""
    if token.text.lower() not in lists.upcoming or token.dep_ != "amod":
        return False
    if token.head.text.lower() in TIME_NOUNS:
        return False  # "the upcoming week's menu": a time, not a launch
    markers = [c for c in token.head.children if c.dep_ in ("det", "poss")]
    if not markers:
        return False  # "reminds renters of upcoming inspections": a schedule the product lists
    return not any(c.dep_ == "poss" and c.text.lower() in READER_OWNERS for c in markers)


def _on_the_way(token: Any) -> Any:
    """'A desktop version is on the way': the end of "is on the way/its way", said of what
    the company makes -- not 'your order is on the way', a status the product reports."""
    if token.text.lower() != "on" or token.head.lemma_.lower() != "be" or token.dep_ != "prep":
        return None
    objects = [c for c in token.children if c.dep_ == "pobj" and c.text.lower() == "way"]
    if not objects:
        return None
    subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
    if any(c.dep_ == "poss" and c.text.lower() in READER_OWNERS for s in subjects for c in s.children):
        return None
    if token.head.dep_ in ("advcl", "ccomp", "relcl"):
        return None  # "shows when your order is on the way"
    return objects[0]


def future_spans(sentence_span: Any, options: dict, lists: Lists) -> Iterator[tuple[Any, Any]]:
    for token in sentence_span:
        lower = token.text.lower().replace("\u2019", "'")
        lemma = token.lemma_.lower()
        if lower in lists.modals and _modal(token):
            if not (options["skip_indirect_questions"] and _indirect_question(token.head, lists.report_verbs)):
                yield token, token
        elif _upcoming(token, lists):
            yield token, token
        elif (way := _on_the_way(token)) is not None:
            yield token.head, way
        elif lemma == "go" and token.tag_ == "VBG":
            be = [c for c in token.children if c.dep_ == "aux" and c.lemma_.lower() == "be"]
            to = _to_infinitive(token)
            if be and to is not None and not _past(be) and not _about_reader(token):
                yield min(be, key=lambda t: t.i), to
        elif token.pos_ == "VERB" and not word_forms(token).isdisjoint(lists.intention) \
                and (to := _to_infinitive(token)) is not None:  # the tagger may say 'hopes' -> 'hop'
            helpers = [c for c in token.children if c.dep_ == "aux"]
            if not _about_reader(token) and token.tag_ != "VBD" and not _past(helpers):
                yield token, to
        elif lower in lists.scheduled or lemma in lists.scheduled:
            be = [c for c in token.children if c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "be"]
            if not be and token.head.lemma_.lower() == "be" and token.dep_ in ("acomp", "attr"):
                be = [token.head]
            to = _to_infinitive(token)
            if be and to is not None and not _about_reader(token) and not _past(be):
                yield min(be, key=lambda t: t.i), to
            elif be and to is None and lower != "due" and not _about_reader(token) and not _past(be):
                timed = [c for c in token.children if c.dep_ == "prep" and c.text.lower() == "for" and c.i > token.i]
                if timed:  # "is slated for release in the fall", "is planned for spring"
                    yield min(be, key=lambda t: t.i), timed[0]


def _in_readers_clause(token: Any) -> bool:
    """A phrase inside a conditional or relative clause about the reader ("if you travel next
    month", "guests who arrive next week"): their plan, not the product's."""
    verb = token
    while verb.dep_ not in ("ROOT", "advcl", "relcl", "acl") and verb.head is not verb:
        verb = verb.head
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return True  # "travelers heading abroad next summer": what the people named do
    if verb.dep_ == "relcl":  # "guests who arrive next week", not "the tablet, which arrives next spring"
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.text.lower() in ("who", "whom") for c in verb.children)
    return verb.dep_ == "advcl" and _about_reader(verb)


def check(ctx: Context) -> Iterator[Finding]:
    lists = ctx.per_rule(_lists)
    for sentence in sentences(ctx, lists.candidates):
        if ctx.options["skip_questions"] and sentence.text.rstrip().endswith("?"):
            continue
        found = list(future_spans(sentence.span, ctx.options, lists))
        for start, end in spans(ctx, lists.phrases, sentence.block):
            if sentence.span.start_char <= start < sentence.span.end_char:
                tokens = tokens_in(sentence, start, end)
                if tokens and not _in_readers_clause(tokens[0]):
                    found.append((tokens[0], tokens[-1]))
        seen: set[int] = set()
        for first, last in sorted(found, key=lambda pair: pair[0].i):
            if first.i in seen:
                continue
            seen.update(range(first.i, last.i + 1))
            if readable(ctx, sentence.block, first.idx, last.idx + len(last.text)):
                yield report_tokens(ctx, sentence, first, last)


KIND = Kind(
    name="future",
    summary="Future tense and announced plans ('will', 'is going to', 'plans to', 'coming soon').",
    check=check,
    fields=("text",),
    options={
        "modals": Option("str-list", ["will", "shall", "'ll", "wo"], "future auxiliaries (tagged MD)"),
        "intention": Option("str-list", [], "verbs that announce a plan with a 'to' infinitive (plan, intend)"),
        "scheduled": Option("str-list", [], "words that schedule after 'be' + 'to' (set, slated, due, about)"),
        "phrases": Option("str-list", [], "phrases that promise a launch (coming soon)"),
        "report_verbs": Option("str-list", [], "verbs whose clause reports an event the product tells about"
                                              " ('shows when the bus will arrive')"),
        "upcoming": Option("str-list", [], "adjectives of what is still to come ('the upcoming tablet'), not said"
                                          " of the reader's own ('your upcoming appointments')"),
        "skip_questions": Option("bool", True, "ignore sentences that are questions"),
        "skip_indirect_questions": Option("bool", True, "ignore 'will' in embedded questions ('what the inspector"
                                                        " will check')"),
        "include_quotes": include_quotes_option(False),
    },
    needs=frozenset({"sentences", "tags", "pos", "lemmas", "parse"}),
    candidates=candidates,
)
