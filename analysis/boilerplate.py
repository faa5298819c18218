"""Separate the furniture of scraped news pages from the article's own words.

Scraped and syndicated articles carry text that is not the article: legal and syndication
disclaimers, "Similar Posts" and "Read more" links, share and subscribe prompts, bylines, photo
credits, copyright lines, a paragraph pasted twice. Left in, that text changes every measure (the
word "kindly" in a disclaimer lifts a sentiment score). It is removed from the body and kept, with
its kind, as provenance: who syndicated a text is part of reading it.

The rules describe kinds of furniture, not any one site's strings. What they cannot see: furniture
phrased like prose in the middle of an article (an in-line advertisement written as a sentence),
or a byline run into the first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "KIND_EXPLANATIONS", "Boilerplate", "CleanText", "clean_text", "provenance_chain", "syndicators", "wire_datelines",
]

#: What each kind of furniture is, and why it is not part of the article, for tables and reports.
KIND_EXPLANATIONS = {
    "disclaimer": "a syndicator's or publisher's legal notice, not the author's words",
    "related": "a pointer to other pages (\"Similar Posts\", \"Read more\"), left over from the web page",
    "social": "a share, follow or subscribe prompt from the web page",
    "byline": "a byline, credit or time stamp: who wrote it and when, not what it says",
    "credit": "a photo or image credit",
    "copyright": "a copyright line",
    "repeated": "a paragraph that appears a second time (a scraping or pasting error)",
}

_I = re.IGNORECASE

# A line that opens a disclaimer block; the block runs on to the next blank line.
_DISCLAIMER_HEAD = re.compile(
    r"^\s*(?:legal\s+|editor'?s?\s+|important\s+)?(?:disclaimer|disclosure|notice)s?\s*:?\s*$"
    r"|^\s*(?:legal\s+)?disclaimer\s*:",
    _I,
)
# Sentences that only a disclaimer or a syndication notice would contain.
_DISCLAIMER_PHRASES = re.compile(
    r"\b(?:provides?\s+(?:the|this)\s+(?:news\s+)?(?:information|content)\b.{0,40}\bas\s+is"
    r"|without\s+warranty\s+of\s+any\s+kind"
    r"|do(?:es)?\s+not\s+accept\s+any\s+responsibility"
    r"|(?:views|opinions)\s+expressed\s+(?:here|in\s+this)\w*\s+.{0,40}\b(?:do\s+not|don't)\s+"
    r"(?:necessarily\s+)?reflect"
    r"|this\s+(?:article|story|content)\s+(?:was|is|has\s+been)\s+(?:originally\s+)?"
    r"(?:published|syndicated|distributed|republished|produced)\s+(?:by|on|in|via|with|from|under)"
    r"|(?:distributed|syndicated|republished)\s+(?:by|via|through)\s+[A-Z]"
    r"|all\s+rights\s+reserved"
    r"|kindly\s+contact\s+the\s+(?:provider|author|publisher)"
    r"|copyright\s+issues)",
    _I,
)
# Whole short lines that point elsewhere on the page.
_RELATED = re.compile(
    r"^\s*(?:similar|related|recommended|popular|trending|more|latest|top)\s+"
    r"(?:posts?|articles?|stories|news|reads?|content|videos?|from\s+\w+[^.!?]*|on\s+\w+[^.!?]*)\s*:?\s*$"
    r"|^\s*(?:read|see|watch|listen)\s+(?:more|also|next|too|the\s+full\s+story|more\s+about)\b"
    r"(?:\s*[:–—-].{0,120}|[^.!?]{0,120})$"
    r"|^\s*(?:you\s+(?:may|might)\s+also\s+like|also\s+read|don'?t\s+miss|continue\s+reading"
    r"|click\s+here\b.*|advertisement|sponsored(?:\s+content)?|story\s+continues\s+below.*"
    r"|most\s+(?:read|popular|viewed)|tags?\s*:.*|filed\s+under\s*:?.*|topics?\s*:.*)\s*$",
    _I,
)
# Share, follow and subscribe prompts.
_SOCIAL = re.compile(
    r"^\s*(?:share|tweet|email|print|copy\s+link|whatsapp|facebook|twitter|x|linkedin|reddit"
    r"|telegram|pinterest|comments?|\d+\s+comments?)(?:\s*[|/,·•]\s*(?:share|tweet|email|print"
    r"|copy\s+link|whatsapp|facebook|twitter|x|linkedin|reddit|telegram|pinterest))*\s*$"
    r"|^\s*(?:share\s+(?:this|on|via)|follow\s+us\b|join\s+our\b"
    r"|(?:subscribe|sign\s+up)(?:\s+(?:to|for|now|here|today)\b|\s*[:!]|\s*$)"
    r"|get\s+(?:our|the\s+latest)\b.{0,60}\b(?:newsletter|updates|inbox)|leave\s+a\s+(?:comment|reply)"
    r"|newsletter(?:\s*[:!]|\s*$)|download\s+(?:our|the)\s+app).{0,120}$",
    _I,
)
# Bylines, credits and timestamps.
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
# Bylines: the keyword in any case, then Capitalised Names (case-sensitive, so "By late afternoon,
# the talks collapsed." is prose), an optional outlet or role, and no closing full stop.
_BYLINE = re.compile(
    rf"^\s*(?i:by|written\s+by|words\s+by|story\s+by)\s+{_NAME}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*[,|–—-]\s*[^.!?]{{0,40}})?\s*$"
    r"|^\s*\(?(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by)\b.{0,160}$"
    r"|^\s*(?i:published|updated|last\s+updated|posted|first\s+published)\s*(?i:on|at|:)?\s*"
    r"(?:\d|[A-Z][a-z]{2,8}\.?\s+\d).{0,60}$",
)
_CREDIT = re.compile(
    r"^\s*[(\[]?(?:photo|image|picture|photograph|video|file\s+photo|illustration|caption|credit|"
    r"image\s+source)s?\s*(?::|by\b|credit\b|courtesy\b).{0,160}$"
    r"|^.{0,160}\((?:photo|image|picture)s?\s*(?::|by)\s*[^)]{1,80}\)\s*$"
    r"|^\s*(?:getty\s+images|reuters|afp|ap\s+photo|epa|shutterstock|anadolu)"
    r"(?:\s*(?:/|via|\|)\s*[\w .]+)?\s*$",
    _I,
)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)\s*.{0,160}$", _I)
# "…unwinnable.Similar Posts": a pointer glued to the end of the last sentence.
_TRAILING_POINTER = re.compile(
    r"(?<=[.!?\"”’)])\s*(?:similar|related|recommended|more)\s+(?:posts?|articles?|stories)\s*:?\s*$",
    _I,
)


@dataclass(frozen=True)
class Boilerplate:
    """A piece of page furniture removed from an article, with the rule that removed it."""

    kind: str  # disclaimer | related | social | byline | credit | copyright | repeated
    text: str
    line: int  # 0-based line number in the file's text (after front matter)

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "text": self.text, "line": self.line}


@dataclass(frozen=True)
class CleanText:
    """The article's own words (``body``) and what was taken out of them."""

    body: str
    removed: list[Boilerplate] = field(default_factory=list)


def _classify_line(line: str) -> str | None:
    """The kind of furniture a whole line is, or None for article text."""
    stripped = line.strip()
    if not stripped:
        return None
    short = len(stripped) <= 160
    if _DISCLAIMER_PHRASES.search(stripped) and (short or stripped.count(".") <= 4):
        return "disclaimer"
    if not short:
        return None
    for kind, pattern in (
        ("related", _RELATED),
        ("social", _SOCIAL),
        ("byline", _BYLINE),
        ("credit", _CREDIT),
        ("copyright", _COPYRIGHT),
    ):
        if pattern.match(stripped):
            return kind
    return None


def _normalize_block(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def clean_text(text: str) -> CleanText:
    """Split ``text`` into the article body and its boilerplate.

    Disclaimer blocks run from their heading ("Legal Disclaimer:") to the next blank line, so a
    hard-wrapped disclaimer goes whole. A paragraph of 40 characters or more that appears a second
    time is removed the second time. The body keeps the original line breaks of the kept lines.

    >>> c = clean_text("Talks resumed.\\nShare this:\\nSimilar Posts")
    >>> c.body, [b.kind for b in c.removed]
    ('Talks resumed.', ['social', 'related'])
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[str] = []
    removed: list[Boilerplate] = []
    seen_blocks: set[str] = set()
    in_disclaimer = False
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            in_disclaimer = False
            kept.append("")
            continue
        if _DISCLAIMER_HEAD.match(stripped):
            in_disclaimer = True
            removed.append(Boilerplate("disclaimer", stripped, number))
            continue
        if in_disclaimer:
            # Continuation of a (possibly hard-wrapped) disclaimer: join it to the last piece.
            last = removed[-1]
            removed[-1] = Boilerplate(last.kind, f"{last.text} {stripped}", last.line)
            continue
        kind = _classify_line(stripped)
        if kind is None and len(stripped) >= 40:
            key = _normalize_block(stripped)
            if key in seen_blocks:
                kind = "repeated"
            seen_blocks.add(key)
        if kind is not None:
            removed.append(Boilerplate(kind, stripped, number))
            continue
        glued = _TRAILING_POINTER.search(line)
        if glued:
            removed.append(Boilerplate("related", glued.group().strip(), number))
            line = line[: glued.start()]
        kept.append(line.rstrip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return CleanText(body=body, removed=removed)


_NAME = r"[A-Z][\w&.\-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&.\-]*){0,3}"
# Case matters for the names (a case-insensitive flag let "[A-Z]" take "and is" for a name), so only
# the verbs and prepositions ignore case.
_SYNDICATOR = re.compile(
    rf"^\s*(?:(?i:legal\s+)?(?i:disclaimer)\s*:\s*)?(?P<a>[A-Z][\w&.\- ]{{1,40}}?)\s+(?i:provides?\s+(?:the|this))\b"
    rf"|(?i:produced|written|reported|distributed|syndicated|republished|published|originally\s+published|"
    rf"reproduced|reprinted)\s+(?i:by|via|through|on|in|from|with)\s+(?P<b>{_NAME})"
    rf"|(?:(?:©|\((?i:c)\))\s*(?:\d{{4}}\s*)?|(?i:copyright)\s*(?:©\s*)?\d{{4}}\s*)(?P<c>{_NAME})"
)
#: A wire dateline at the start of a paragraph: "CINCINNATI (Reuters) -", "LONDON (AP) —".
_WIRE_DATELINE = re.compile(
    r"(?m)^\s*[A-Z][A-Z .,'\-]{1,40}?\s*\((?P<wire>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2})\)\s*[-\u2013\u2014]"
)
_NOT_SYNDICATORS = frozenset(["the", "this", "we", "a", "an", "creative commons"])


def wire_datelines(body: str) -> list[str]:
    """News agencies credited in wire datelines of an article body, in order.

    >>> wire_datelines("CINCINNATI (Reuters) - Albertsons said on Wednesday …")
    ['Reuters']
    """
    names: list[str] = []
    for match in _WIRE_DATELINE.finditer(body[:20000]):
        if match.group("wire") not in names:
            names.append(match.group("wire"))
    return names


def provenance_chain(body: str, removed: list[Boilerplate]) -> list[str]:
    """The chain of hands an article passed through, first to last: wire datelines in the body,
    then the producers, syndicators and copyright holders named in removed text, in the order
    they are named ("produced by Reuters and distributed by MENAFN" -> Reuters, MENAFN).

    >>> provenance_chain("LONDON (Reuters) - …", [Boilerplate("disclaimer",
    ...     "This article was produced by Reuters and distributed by MENAFN.", 0)])
    ['Reuters', 'MENAFN']
    """
    names = wire_datelines(body)
    names.extend(n for n in syndicators(removed) if n not in names)
    return names


def syndicators(removed: list[Boilerplate]) -> list[str]:
    """Organisations that removed text names as provider, syndicator or copyright holder.

    >>> syndicators([Boilerplate("disclaimer", "Legal Disclaimer: MENAFN provides the information", 0)])
    ['MENAFN']
    """
    names: list[str] = []
    for piece in removed:
        if piece.kind not in {"disclaimer", "copyright", "byline"}:
            continue
        for match in _SYNDICATOR.finditer(piece.text):
            name = next(g for g in match.groups() if g)
            name = re.split(r"\.\s|,", name)[0].strip(" .")
            if name and name not in names and name.lower() not in _NOT_SYNDICATORS:
                names.append(name)
    return names
