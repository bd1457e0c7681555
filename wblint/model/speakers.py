"""Whose voice a quotation is: a leader of the announcing organisation, or a customer."""
from __future__ import annotations

import re

LEADER_TITLES = re.compile(
    r"\b(ceo|cto|cfo|coo|cmo|cpo|cio|ciso|chief|president|vice[- ]president|s?vp|evp|director|head|general manager|gm|"
    r"founder|co-?founder|chair(?:man|woman|person)?|leader|lead|product manager|spokes(?:person|man|woman)|"
    r"manager|principal|partner|owner|who (?:leads|heads|oversees|directs))\b",
    re.IGNORECASE,
)
TITLE_WORDS = re.compile(
    r"chief|executive|officer|vice|president|senior|junior|head|director|manager|lead|founder|co-founder|partner|"
    r"principal|general|product|products|marketing|engineering|operations|technology|technical|financial|finance|"
    r"customer|customers|experience|sales|design|research|communications|people|growth|strategy|business|"
    r"development|global|regional|corporate|affairs|public|policy|data|science|security|information|community|"
    r"success|support|program|project|platform|services?|solutions|and|of|the|for|ceo|cto|cfo|coo|cmo|cpo|vp|svp|evp",
    re.IGNORECASE)
CUSTOMER_CUES = re.compile(
    r"\b(customer|user|client|shopper|parent|mother|father|mom|dad|teacher|student|nurse|doctor|physician|patient|"
    r"resident|homeowner|renter|traveller|traveler|driver|rider|freelancer|developer|engineer|analyst|designer|"
    r"farmer|researcher|beta tester|early adopter|subscriber|member|buyer|seller|merchant|retailer|small business|"
    r"who (?:uses|used|tried|runs|has)|from|in)\b",
    re.IGNORECASE,
)


_CAPITALISED = re.compile(r"[A-Z][\w\-.]*[\w]")
_PLACEHOLDER_ROLE = re.compile(r"\W*[\[<{][^\]>}]*[\]>}]\W*")
_OWNER = re.compile(r"\bowner of\b|\bbusiness owner\b", re.IGNORECASE)  # a business owner is a customer
_CUSTOMER_ROLE = re.compile(r"\b(customer|target user|user)\b", re.IGNORECASE)


def classify_speaker(role: str | None, company_words: frozenset[str], orgs: set[str] | None = None) -> str:
    """customer or spokesperson, from the speaker's role and the announcing company's names.

    ``orgs`` are organisations named in the role (spaCy ORG entities) when known;
    otherwise its capitalised words stand in for them.
    """
    if not role:
        return "unknown"
    capitalised = {w.lower().rstrip(".") for w in _CAPITALISED.findall(role)}
    if orgs is None:  # capitalised words that are not part of a job title stand in for organisations
        orgs = {w for w in capitalised if not LEADER_TITLES.fullmatch(w) and not TITLE_WORDS.fullmatch(w)}
    names_company = any(word in company_words for org in orgs for word in org.split()) or bool(
        capitalised & company_words)
    if _PLACEHOLDER_ROLE.fullmatch(role):
        return "unknown"  # "[TITLE]": nobody has decided who this is
    leader = LEADER_TITLES.search(role) and not _OWNER.search(role)
    if leader and (names_company or not orgs):  # "Head of Customer Experience (at Acme)" speaks for Acme
        return "spokesperson"
    if _CUSTOMER_ROLE.search(role):
        return "customer"
    if LEADER_TITLES.search(role) and not _OWNER.search(role):
        if names_company or not orgs or not company_words:
            return "spokesperson"
        return "customer"
    if names_company and not CUSTOMER_CUES.search(role):
        return "spokesperson"
    return "customer"

