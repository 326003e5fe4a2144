"""Missile systems named in an article, and launches (with date, launching country and target).

A system is a lexicon match; an ambiguous alias ("Patriot", "Taurus") counts
only next to a weapon word.  A launch is a sentence with a firing word ("tir",
"a tiré", "lancement", "frappe") and a named system or a missile category.
The cue words are in ``kg/lexicons/missiles.json`` (``cues``).
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span

from kg.extract.lexicon import DESIGNATION, load_lexicon
from kg.extract.lexmatch import lex_spans, lex_within
from kg.extract.model import LaunchFact, MissileMention
from kg.extract.names import fold
from kg.extract.spanindex import dates_within
from kg.extract.spans import evidence


@cache
def _cues(name: str) -> tuple[str, ...]:
    """One cue list of the missiles lexicon ("weapon_words", "launch_lemmas", "target_cues"), folded."""
    return tuple(fold(w) for w in load_lexicon().cues["missiles"][name])


def find_weapons(doc: Doc) -> tuple[list[MissileMention], list[LaunchFact]]:
    mentions = [MissileMention(s.kb_id_, s.text, (evidence(s, "missile-lexicon"),)) for s in _systems(doc)]
    launches = [launch for sent in doc.sents if (launch := _launch(doc, sent))]
    return mentions, launches


def _systems(doc: Doc) -> list[Span]:
    sure = lex_spans(doc, "MISSILE")
    people = {t.i for m in doc._.people or [] for t in m.span}
    named = list(sure) + [s for s in lex_spans(doc, "MISSILE?")
                          if not people & set(range(s.start, s.end)) and _weapon_context(doc, s, sure)]
    return sorted(named + designations(doc, named), key=lambda s: s.start)


#: A designation the lexicon may lack, written next to a weapon word: letters, then a number
#: ("Hwasong-21", "DF-100", "KN-26", "Fateh-360", "Agni-6"): "le missile balistique Hwasong-21",
#: "a Hwasong-21 intercontinental ballistic missile".
_DESIGNATION = r"(?P<d>[A-Z][A-Za-z]{0,11}(?:-[A-Z]{1,3})?[- ]?\d{1,4}[A-Z]?)"
_BEFORE = re.compile(r"\b(?:missiles?|roquettes?|engins?)\b(?P<mid>(?:\s+[a-zà-ÿ'’-]+){0,5}?)\s+«?\s*"
                     + _DESIGNATION + r"(?![\w-])")
_AFTER = re.compile(r"(?<![\w-])" + _DESIGNATION + r"(?:\s+[a-z-]+){0,3}\s+missiles?\b")
#: Words between a weapon word and a designation that are no part of a weapon's description.
_NOT_DESCRIPTION = frozenset(("contre", "sur", "vers", "depuis", "par", "et", "ou", "dont", "que", "qui"))


def designations(doc: Doc, named: list[Span]) -> list[Span]:
    """Systems the text names by a designation next to a weapon word when the lexicon has no entry
    for them: a span labelled MISSILE whose id is ``designation:<name as written>``.  Not inside a
    system the lexicon found, nor past a word that starts another phrase ("missile contre Kiev")."""
    taken = {t.i for s in named for t in s}
    out = []
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(doc.text):
            if pattern is _BEFORE and set(fold(m["mid"]).split()) & _NOT_DESCRIPTION:
                continue
            span = doc.char_span(m.start("d"), m.end("d"), alignment_mode="expand")
            if span is None or taken & set(range(span.start, span.end)) or re.fullmatch(r"[A-Z]\d+", m["d"]):
                continue
            taken.update(range(span.start, span.end))
            key = f"{DESIGNATION}:{designation_key(m['d'])}"
            out.append(Span(doc, span.start, span.end, label="MISSILE", kb_id=key))
    return out


#: Words before a system's name that make it a noun phrase of its own, in French and English (read on the
#: surface: an English page's tags come from the French model).
DETERMINERS = frozenset(("le", "la", "les", "l'", "des", "du", "son", "sa", "ses", "leur", "leurs",
                         "the", "its", "their", "his", "her"))


def designation_key(written: str) -> str:
    """One spelling for a designation however the page writes the join of its letters and number:
    "Hwasong 21", "Hwasong-21" and "HWASONG-21" are "Hwasong-21" (a capitalised name; an acronym, "DF 27",
    keeps its capitals)."""
    m = re.fullmatch(r"(?P<letters>.*?[A-Za-z])[- ]?(?P<number>\d{1,4}[A-Z]?)", written)
    if m is None:
        return written
    letters = m["letters"]
    if letters.isupper() and len(letters.replace("-", "")) > 3:
        letters = letters.capitalize()  # "HWASONG" as a word, not an acronym
    return f"{letters}-{m['number']}"


def _weapon_context(doc: Doc, s: Span, sure: list[Span]) -> bool:
    """Whether an ambiguous alias ("Patriot", "Fattah", a town's name) is a weapon here: a weapon word
    next to it, a missile category in its clause ("le Fattah, qualifié d'hypersonique"), or a list it
    closes after a system named without doubt ("le Kheibar Shekan ... et le Fattah"), or a determiner's
    noun in a sentence with weapon words and such a system ("… SCALP missiles, while Germany declined to
    provide its Taurus").  Never inside a person's name ("Abdel Fattah al-Sissi")."""
    near = doc[max(0, s.start - 6): s.end + 3]
    if any(fold(t.text) in _cues("weapon_words") for t in near):
        return True
    if lex_within(doc, max(0, s.start - 3), min(len(doc), s.end + 8), "CATEGORY"):
        return True
    sent = doc[s.start].sent
    i = s.start - 1
    while i > sent.start and fold(doc[i].text) in ("le", "la", "les", "l'", "des", "du", "de", "d'"):
        i -= 1
    listed = fold(doc[i].text) in ("et", "ou", ",") if i >= sent.start else False
    if listed and any(sent.start <= m.start < s.start for m in sure):
        return True
    # "Britain and France have supplied Storm Shadow and SCALP missiles, while Germany declined to provide
    # its Taurus": a determiner's noun in a sentence about weapons that names a system without doubt
    determined = s.start > sent.start and fold(doc[s.start - 1].text) in DETERMINERS
    return determined and any(sent.start <= m.start < sent.end for m in sure) and any(
        fold(t.text) in _cues("weapon_words") for t in sent)


def _launch(doc: Doc, sent: Span) -> LaunchFact | None:
    cue = next((t for t in sent if fold(t.lemma_) in _cues("launch_lemmas") and t.pos_ in ("VERB", "NOUN")
                or fold(t.text) in _cues("launch_forms")), None)  # English forms, whatever the French model tags
    if cue is None:
        return None
    systems = [s for s in _systems(doc) if sent.start <= s.start < sent.end]
    categories = lex_within(doc, sent.start, sent.end, "CATEGORY")
    if not systems and not categories:
        return None
    dates = [s._.date for s in dates_within(doc, sent.start, sent.end) if s._.date]
    by = next((s.kb_id_ for s in lex_spans(doc, "DEMONYM", "METONYM", "COUNTRY")
               if sent.start <= s.start < sent.end and s.start < cue.i + 8), None)
    return LaunchFact(systems[0].kb_id_ if systems else None, (evidence(sent, "launch"),),
                      dates[0] if dates else None, by, _target(sent))


def _target(sent: Span) -> str | None:
    text = sent.text
    folded = fold(text)
    for cue in _cues("target_cues"):
        at = folded.find(f" {cue} ")
        if at >= 0:
            rest = text[at + len(cue) + 2:]
            target = rest.split(",")[0].split(".")[0].strip()
            if 3 <= len(target) <= 80:
                return target
    return None
