"""The ``kg_people`` component: person mentions, titles stripped, grouped into persons.

Candidates are the model's PER entities plus capitalised names right after a
rank or civil title that the model missed.  A candidate is dropped when it is a
lexicon place, country, missile or treaty, when it looks like an organisation,
or when it is a lone surname that no full name or title in the article supports.
Mentions are grouped with transliteration-aware name matching
(:mod:`kg.extract.names`) and numbered ``p1``, ``p2``… in order of appearance.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.lexmatch import lex_spans
from kg.extract.model import PersonRef
from kg.extract.names import NameClusters, fold
from kg.extract.spans import evidence, overlaps

NOT_PEOPLE = ("COUNTRY", "METONYM", "PLACE", "MISSILE", "MISSILE?", "TREATY", "DEMONYM", "OFFICE", "POST",
              "OFFICE_WEAK", "TREATY_DESC", "CATEGORY")
ORG_WORDS = frozenset(fold(w) for w in (
    "ministère", "ministre", "comité", "forces", "armée", "armées", "sénat", "agence", "maison", "conseil",
    "état-major", "commandement", "gouvernement", "parlement", "assemblée", "union", "organisation", "air",
    "force", "navy", "army", "department", "pentagone", "kremlin", "reuters", "afp", "tass", "ria", "bbc",
    "cnn", "nations", "unies", "otan", "nato", "photo", "source", "lire", "publicité", "thanksgiving",
))
NAME_JOINERS = frozenset(("al", "el", "ben", "bin", "ibn", "de", "du", "da", "di", "van", "von", "der", "le", "la",
                          "abu", "ould", "-", "jr", "jr.", "."))


@dataclass
class PersonMention:
    span: Span  # the name as written, titles stripped
    title: str | None = None
    key: str = ""  # the article-local person id, set when mentions are grouped


if not Doc.has_extension("people"):
    Doc.set_extension("people", default=None)


@Language.factory("kg_people")
def make_people(nlp: Language, name: str) -> PeopleFinder:
    return PeopleFinder()


class PeopleFinder:
    def __call__(self, doc: Doc) -> Doc:
        nationals = [s for s in lex_spans(doc, "DEMONYM") if s.text[:1].isupper()]  # "le Turc X"
        titles = sorted(lex_spans(doc, "TITLE") + nationals, key=lambda s: s.start)
        blockers = [s for s in lex_spans(doc, *NOT_PEOPLE) if s not in nationals]
        found = [m for m in (self._from_entity(e, titles) for e in doc.ents if e.label_ == "PER") if m]
        found += [m for m in (self._from_entity(e, titles) for e in _name_shaped(doc)) if m]
        found += self._after_titles(doc, titles, found)
        found = [m for m in found if not self._blocked(m, blockers)]
        doc._.people = _group(_supported(found))
        return doc

    def _from_entity(self, ent: Span, titles: list[Span]) -> PersonMention | None:
        tokens = _cut_at_newline(list(ent))
        title = None
        while tokens and (_is_title(tokens[0], titles) or not tokens[0].text[:1].isupper()):
            title = tokens[0].text if _is_title(tokens[0], titles) else title
            tokens = tokens[1:]
        tokens = _trim_end(tokens)
        if not tokens:
            return None
        tokens = _glued_tail(ent.doc, tokens)
        title = title or _title_before(ent.doc, tokens[0].i, titles)
        return PersonMention(ent.doc[tokens[0].i: tokens[-1].i + 1], title)

    def _after_titles(self, doc: Doc, titles: list[Span], found: list[PersonMention]) -> list[PersonMention]:
        extra = []
        for t in titles:
            end = t.end
            while end < len(doc) and _name_like(doc[end]) and "\n" not in doc[end - 1].whitespace_:
                end += 1
            tokens = _trim_end(list(doc[t.end:end]))
            if tokens and not any(overlaps(m.span, doc[t.end:end]) for m in found):
                extra.append(PersonMention(doc[t.end: tokens[-1].i + 1], t.text))
        return extra

    def _blocked(self, m: PersonMention, blockers: list[Span]) -> bool:
        words = [fold(t.text) for t in m.span]
        if any(w in ORG_WORDS for w in words):
            return True
        if len(m.span) == 1 and m.span.text.isupper() and len(m.span.text) <= 6 and not m.title:
            return True  # an acronym
        return any(b.start <= m.span.start and m.span.end <= b.end for b in blockers) or any(
            overlaps(b, m.span) and b.label_ in ("MISSILE", "TREATY") for b in blockers)


PARTICLES = frozenset(("al", "el", "ben", "bin", "ibn", "abou", "abu", "ould"))


def _name_shaped(doc: Doc) -> list[Span]:
    """Entities the model calls places or organisations but that are shaped like a person's name:
    a name particle between capitalised words ("Bachar al-Assad"), or a name after "<country> de"
    ("la Syrie de Bachar al-Assad"), and not a place the lexicons know."""
    places = lex_spans(doc, "COUNTRY", "METONYM", "PLACE", "MISSILE", "TREATY")
    out = []
    for ent in doc.ents:
        words = [t for t in ent if t.text not in ("-", "’", "'")]
        if ent.label_ == "PER" or len(words) < 2 or any(overlaps(p, ent) for p in places):
            continue
        particle = any(fold(t.text) in PARTICLES for t in words[1:-1]) and words[-1].text[:1].isupper()
        after_country = ent.start >= 2 and fold(doc[ent.start - 1].text) == "de" and any(
            p.end == ent.start - 1 and p.label_ == "COUNTRY" for p in places)
        if (particle or after_country) and words[0].text[:1].isupper():
            out.append(ent)
    return out


def _cut_at_newline(tokens: list[Token]) -> list[Token]:
    for i, t in enumerate(tokens):
        if "\n" in t.text or "\n" in t.whitespace_:
            return tokens[: i + 1]
    return tokens


def _is_title(token: Token, titles: list[Span]) -> bool:
    return any(s.start <= token.i < s.end for s in titles)


def _title_before(doc: Doc, i: int, titles: list[Span]) -> str | None:
    return next((s.text for s in titles if s.end == i), None)


def _name_like(token: Token) -> bool:
    text = token.text
    return fold(text) in NAME_JOINERS or (text[:1].isupper() and any(c.isalpha() for c in text))


def _glued_tail(doc: Doc, tokens: list[Token]) -> list[Token]:
    """Keep a hyphenated lower-case end that the tokenizer split off ("Kim Jong-un")."""
    i = tokens[-1].i
    while i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "-" and not doc[i + 1].whitespace_ \
            and doc[i + 2].text.isalpha() and len(doc[i + 2].text) <= 4:
        tokens = tokens + [doc[i + 1], doc[i + 2]]
        i += 2
    return tokens


def _trim_end(tokens: list[Token]) -> list[Token]:
    """Drop trailing tokens that cannot end a name (a final full stop stays only after Jr/Sr)."""
    while tokens:
        last = fold(tokens[-1].text)
        keep_dot = last == "." and len(tokens) > 1 and fold(tokens[-2].text) in ("jr", "sr")
        if _name_like(tokens[-1]) and (last not in NAME_JOINERS or last in ("jr", "jr.") or keep_dot):
            return tokens
        tokens = tokens[:-1]
    return tokens


def _supported(found: list[PersonMention]) -> list[PersonMention]:
    """Drop lone surnames that neither a title nor a fuller name in the article supports."""
    full_tokens = {fold(t.text) for m in found if len(_core(m.span)) > 1 for t in m.span}
    return [m for m in found if len(_core(m.span)) > 1 or m.title or fold(m.span.text) in full_tokens]


def _core(span: Span) -> list[Token]:
    """The name's own words: particles count only in lower case or inside ("Ben Wallace" has two)."""
    return [t for i, t in enumerate(span) if fold(t.text) not in NAME_JOINERS or (i == 0 and t.text[:1].isupper())]


def _group(found: list[PersonMention]) -> list[PersonMention]:
    found = sorted({m.span.start: m for m in found}.values(), key=lambda m: m.span.start)
    clusters = NameClusters()
    for m in found:
        clusters.add(m.span.text)
    order: dict[int, str] = {}
    for m in found:
        cid = clusters.cluster_of(m.span.text)
        m.key = order.setdefault(cid, f"p{len(order) + 1}")
    return found


def person_refs(doc: Doc) -> list[PersonRef]:
    """One PersonRef per person of the article, with every mention as evidence."""
    refs: dict[str, list[PersonMention]] = {}
    for m in doc._.people or []:
        refs.setdefault(m.key, []).append(m)
    out = []
    for key, mentions in refs.items():
        names = sorted({m.span.text for m in mentions}, key=lambda n: (-len(n.split()), -len(n)))
        title = next((m.title for m in mentions if m.title), None)
        out.append(PersonRef(key=key, name=names[0], mentions=tuple(names),
                             evidence=tuple(evidence(m.span, "person-mention") for m in mentions), title=title))
    return out

