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
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

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
        cut = self.cuts(doc)
        if cut:
            short = self.reparse(doc, cut)
            if short is not None:
                write_back(doc, short, cut)
        return doc

    def cuts(self, doc: Doc) -> set[int]:
        """The tokens of the phrases that stand between a form of "avoir"/"être" and a word."""
        spans = filter_spans([doc[s:e] for _, s, e in self.matcher(doc)])
        return {t.i for span in spans if inside_verb_group(doc, span.start, span.end) for t in span}

    def reparse(self, doc: Doc, cut: set[int]) -> Doc | None:
        """The model's components up to this one run on the text without the ``cut`` tokens; None
        when that text does not come out as the same tokens less the cut ones."""
        text = "".join(t.text_with_ws for t in doc if t.i not in cut)
        short = self.nlp.make_doc(text)
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            short = proc(short)
        kept = [t.text for t in doc if t.i not in cut]
        return short if [t.text for t in short] == kept else None


def inside_verb_group(doc: Doc, start: int, end: int) -> bool:
    """A phrase ``doc[start:end]`` right after a form of "avoir"/"être" (by lemma) and right before a
    word, in one sentence: "a | de son côté | téléphoné"."""
    if start == 0 or end >= len(doc):
        return False
    before, after = doc[start - 1], doc[end]
    return fold(before.lemma_) in AUXILIARIES and after.is_alpha and not after.is_sent_start


def write_back(doc: Doc, short: Doc, cut: set[int]) -> None:
    """The parse of ``short`` set on ``doc``'s kept tokens; each cut phrase hangs on the word after
    it ("advmod" for its first word, "fixed" for the others, as the treebank writes set phrases)."""
    kept = [t.i for t in doc if t.i not in cut]
    values = short.to_array(ATTRS).view("int64")  # relative heads are signed
    array = doc.to_array(ATTRS).view("int64")
    pos, dep, head = (ATTRS.index(a) for a in (POS, DEP, HEAD))
    sents = {doc[i].sent.start: doc[i].sent for i in cut}
    heads = {i: kept[j + values[j, head]] for j, i in enumerate(kept)}
    touched = {start for start, sent in sents.items()  # a sentence the second parse cut apart keeps its own
               if all(sent.start <= heads[t.i] < sent.end for t in sent if t.i in heads)}
    for j, i in enumerate(kept):
        if doc[i].sent.start in touched:  # a sentence with no phrase cut keeps its own parse
            array[i] = values[j]
            array[i, head] = heads[i] - i
    for first, last in runs(i for i in cut if doc[i].sent.start in touched):
        for i in range(first, last + 1):
            array[i, pos] = doc.vocab.strings["ADV"]
            array[i, dep] = doc.vocab.strings["advmod" if i == first else "fixed"]
            array[i, head] = (last + 1 if i == first else first) - i
    doc.from_array(ATTRS, array.view("uint64"))


def runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """The first and last index of each run of consecutive indices."""
    out: list[tuple[int, int]] = []
    for i in sorted(indices):
        if out and out[-1][1] == i - 1:
            out[-1] = (out[-1][0], i)
        else:
            out.append((i, i))
    return out
