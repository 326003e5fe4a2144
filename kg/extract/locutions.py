"""Parses that survive a set phrase inside a verb group.

News French puts set phrases between an auxiliary and its participle all the time ("X a de son côté
téléphoné à Y", "s'est pour sa part entretenu avec", "avait quant à lui appelé").  The model parses
the phrase's noun as the head of what follows and loses the verb: the participle becomes a modifier
of "côté", the subject and the auxiliary hang on nothing that reads as a call.  Every rule that reads
the tree (calls, posts, dates) then misses the sentence.

:class:`VerbGroupLocutions` runs the model a second time on the text without those phrases (only
when a phrase of ``locutions.json`` stands right after a form of "avoir" or "être" and right before a
word), and writes that parse back onto the article's tokens: each kept token takes the part of
speech, morphology, lemma, head and relation it has there, and the phrase hangs on the word after it
as an adverbial modifier.  The tokens, their text and offsets, and the named entities do not change;
when the second run does not tokenise the shortened text the same way, nothing changes at all.

A date right after a verb does the same harm in another way: "a eu le 20 novembre un entretien" is read
with "entretien" a modifier of "novembre", "s'est entretenu dans la soirée du lundi 23 novembre avec X"
with "X" one of "soirée".  There the rest of the first parse is sound, and a second parse of the whole
sentence without the date reads other parts of it worse as often as better, so only the words the
date took are moved: :func:`reattach_after_dates` hangs them on the verb again.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kg.extract.dates import find_dates
from kg.extract.names import fold
from kg.resources import lexicon_path

#: What the parse written back sets on each token.
ATTRS = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
#: The verbs whose forms open a verb group a phrase may sit in.
AUXILIARIES = frozenset(("avoir", "etre"))


@lru_cache(maxsize=1)
def phrases() -> tuple[str, ...]:
    """The set phrases of ``locutions.json``, each also without its accents (pages that drop them)."""
    data = json.loads(lexicon_path("locutions").read_text(encoding="utf-8"))
    out = []
    for phrase in data["verb_group_locutions"]:
        plain = unicodedata.normalize("NFKD", phrase).encode("ascii", "ignore").decode()
        out += [phrase, plain]
    return tuple(dict.fromkeys(out))


@Language.factory("kg_locutions")
def make_verb_group_locutions(nlp: Language, name: str) -> VerbGroupLocutions:
    return VerbGroupLocutions(nlp, name)


class VerbGroupLocutions:
    """Re-parses an article without the set phrases inside its verb groups (see the module)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp, self.name = nlp, name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("LOCUTION", [nlp.make_doc(p) for p in phrases()])

    def __call__(self, doc: Doc) -> Doc:
        phrases_cut, incises = self.cuts(doc), incises_in_verb_groups(doc)
        cut = phrases_cut | incises
        if cut:
            short = self.reparse(doc, cut)
            if short is not None:
                write_back(doc, short, cut, incises)
        reattach_after_dates(doc)
        return doc

    def cuts(self, doc: Doc) -> set[int]:
        """The tokens of the phrases that stand between a form of "avoir"/"être" and a word."""
        spans = filter_spans([doc[s:e] for _, s, e in self.matcher(doc)])
        return {t.i for span in spans if inside_verb_group(doc, span.start, span.end) for t in span}

    def reparse(self, doc: Doc, cut: set[int]) -> Doc | None:
        """The model's components up to this one run on the text without the ``cut`` tokens; None
        when that text does not come out as the same tokens less the cut ones."""
        text = "".join(t.text + (t.whitespace_ or (" " if t.i + 1 in cut else "")) for t in doc if t.i not in cut)
        short = self.nlp.make_doc(text)
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            short = proc(short)
        kept = [t.text for t in doc if t.i not in cut]
        return short if [t.text for t in short] == kept else None


#: Words an incise set off inside a verb group may run to (", selon la présidence sud-africaine,").
INCISE_WORDS = 8
#: How an incise that names a source opens (", selon l'Elysée,", ", d'après Moscou,").
SOURCE_OPENINGS = ("selon", "d'apres")


def incises_in_verb_groups(doc: Doc) -> set[int]:
    """The tokens, commas included, of a source incise set off right after a form of "avoir"/"être" and
    right before a word ("s'est | , selon l'Elysée, | longuement entretenu", "a | , a-t-on appris, |
    téléphoné", "avait | , rappelle l'agence X, | appelé"): no verb inside but an inverted one ("a-t-on")
    or a reporting one before its subject (:func:`_reported_by`)."""
    out: set[int] = set()
    for t in doc[:-2]:
        if fold(t.lemma_) not in AUXILIARIES or doc[t.i + 1].text != ",":
            continue
        close = next((x.i for x in doc[t.i + 2: min(len(doc), t.i + 3 + INCISE_WORDS)] if x.text in (",", ";", ".")),
                     None)
        if close is None or doc[close].text != "," or close + 1 >= len(doc) or not doc[close + 1].is_alpha:
            continue
        words = doc[t.i + 2: close]
        inverted = "-t-" in words.text  # "a-t-on appris", however the tokenizer cut it
        source = fold(words[0].text) in SOURCE_OPENINGS or fold(words[:2].text) in SOURCE_OPENINGS
        if (source and not any(x.pos_ in ("VERB", "AUX") for x in words)) or inverted or _reported_by(words):
            out |= set(range(t.i + 1, close + 1))
    return out


def _reported_by(words: Span) -> bool:
    """", rappelle l'agence X,", ", a précisé l'Elysée,": a verb (or an auxiliary and its participle)
    then its subject, the only verb of the incise; set off inside a verb group, that can only be who
    reports the sentence."""
    verb = 1 if words[0].pos_ == "AUX" and len(words) > 1 else 0
    subject = words[verb + 1:]
    return words[verb].pos_ == "VERB" and len(subject) > 0 and any(x.pos_ in ("NOUN", "PROPN") for x in subject) \
        and not any(x.pos_ in ("VERB", "AUX") for x in subject)


#: Prepositions that open a verb's argument after a date ("a parlé mardi 3 mars avec X", "à X"); the
#: model also tags a possessive as one at times ("ses" in "a appelé le 17 novembre ses homologues").
ARGUMENT_PREPOSITIONS = frozenset(("avec", "a", "au", "aux", "aupres", "par", "pour", "entre", "sur", "contre", "chez"))
#: Words after a date that tell the part of its day ("lundi 23 novembre au soir").
DAY_PARTS = frozenset(("au", "soir", "matin", "apres-midi", "midi"))
#: Determiners the model may tag as a preposition after a date (never "des", which is both).
DETERMINERS = frozenset(("le", "la", "les", "l'", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
                         "cette", "ces"))


def reattach_after_dates(doc: Doc) -> None:
    """Each noun or pronoun after a date expression that stands right after a verb, and that the model
    hung on a word of that date ("a eu | le 20 novembre | un long entretien", "entretien" read as a
    modifier of "novembre"), hangs on the verb: as its object, or as an argument when a preposition
    of :data:`ARGUMENT_PREPOSITIONS` opens it ("avec le Premier ministre")."""
    array = doc.to_array(ATTRS).view("int64")
    pos, dep, head = (ATTRS.index(a) for a in (POS, DEP, HEAD))
    strings, moved = doc.vocab.strings, False
    for m in find_dates(doc.text):
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.start == 0 or doc[span.start - 1].pos_ != "VERB":
            continue
        verb, end = doc[span.start - 1], span.end
        while end < verb.sent.end and fold(doc[end].text) in DAY_PARTS:
            end += 1  # "lundi 23 novembre (au) soir": the part of the day is the date's
        inside = range(span.start, end)
        if any(t.is_sent_start for t in span) or end >= verb.sent.end:
            continue
        for t in doc[end: verb.sent.end]:
            if t.head.i in inside and t.pos_ in ("NOUN", "PROPN", "PRON"):
                argument = any(c.dep_ == "case" and fold(c.text) in ARGUMENT_PREPOSITIONS for c in t.children)
                array[t.i, dep] = strings["obl:arg" if argument else "obj"]
                array[t.i, head] = verb.i - t.i
                for c in t.children:  # "ses" read as a preposition: the noun's determiner again
                    if c.dep_ == "case" and fold(c.text) in DETERMINERS:
                        array[c.i, pos], array[c.i, dep] = strings["DET"], strings["det"]
                moved = True
    if moved:
        doc.from_array(ATTRS, array.view("uint64"))


def inside_verb_group(doc: Doc, start: int, end: int) -> bool:
    """A phrase ``doc[start:end]`` right after a form of "avoir"/"être" (by lemma) and right before a
    word, in one sentence: "a | de son côté | téléphoné"."""
    if start == 0 or end >= len(doc):
        return False
    before, after = doc[start - 1], doc[end]
    return fold(before.lemma_) in AUXILIARIES and after.is_alpha and not after.is_sent_start


def write_back(doc: Doc, short: Doc, cut: set[int], incises: AbstractSet[int] = frozenset()) -> None:
    """The parse of ``short`` set on ``doc``'s tokens around each cut (see :func:`regions`).  A cut set
    phrase hangs on the word after it ("advmod" for its first word, "fixed" for the others, as the
    treebank writes set phrases); a cut incise keeps its own inner parse, its commas and its root
    hanging on that word ("punct", "obl:mod", "parataxis" for the verb of ", rappelle l'agence X,"),
    so that "selon X" still reads as a source."""
    kept = [t.i for t in doc if t.i not in cut]
    values = short.to_array(ATTRS).view("int64")  # relative heads are signed
    array = doc.to_array(ATTRS).view("int64")
    pos, dep, head = (ATTRS.index(a) for a in (POS, DEP, HEAD))
    inside = {i for lo, hi in regions(doc, short, kept, cut) for i in range(lo, hi)}
    for j, i in enumerate(kept):
        if i in inside:
            array[i] = values[j]
            array[i, head] = kept[j + values[j, head]] - i
    strings = doc.vocab.strings
    for first, last in runs(i for i in cut if i in inside):
        word = last + 1
        for i in range(first, last + 1):
            if i in incises:
                if doc[i].text == ",":
                    array[i, dep], array[i, head] = strings["punct"], word - i
                elif doc[i].head.i == i or not first < doc[i].head.i < last:  # the incise's root
                    noun = doc[i].pos_ in ("NOUN", "PROPN")
                    relation = "obl:mod" if noun else "parataxis" if doc[i].pos_ == "VERB" else "advmod"
                    array[i, dep], array[i, head] = strings[relation], word - i
                continue  # inside the incise: its own parse
            array[i, pos] = strings["ADV"]
            array[i, dep] = strings["advmod" if i == first else "fixed"]
            array[i, head] = (word if i == first else first) - i
    doc.from_array(ATTRS, array.view("uint64"))


def regions(doc: Doc, short: Doc, kept: list[int], cut: set[int]) -> list[tuple[int, int]]:
    """The stretches of ``doc`` (start, end) whose parse ``short`` replaces: around each cut, the
    smallest run of whole sentences of both parses (the first parse may have split a sentence at the
    cut phrase), so that the tree written back stays one tree per sentence."""
    short_bounds = [(kept[s.start], kept[s.end - 1] + 1) for s in short.sents]
    out: list[tuple[int, int]] = []
    for first, last in runs(cut):  # runs are maximal: the token after one is always kept
        if last + 1 >= len(doc):
            continue
        lo, hi = first, last + 2
        while True:
            bounds = [(s.start, s.end) for s in doc.sents if s.start < hi and s.end > lo]
            bounds += [(a, b) for a, b in short_bounds if a < hi and b > lo]
            new = (min(lo, *(a for a, _ in bounds)), max(hi, *(b for _, b in bounds)))
            if new == (lo, hi):
                break
            lo, hi = new
        out.append((lo, hi))
    return out


def runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """The first and last index of each run of consecutive indices."""
    out: list[tuple[int, int]] = []
    for i in sorted(indices):
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out
