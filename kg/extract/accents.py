"""Lemmas of French words written without their accents.

Some pages come with every accent stripped ("Kyriakos Mitsotakis a appele samedi le president turc").
The model tags such a word well enough, but its lemmatizer does not recognise "appele" as a form of
"appeler" and leaves the word as its own lemma, so every rule that reads lemmas misses the verb.  For
a word with no accent whose lemma is the word itself, :class:`AccentLemmas` writes its e's in the
other ways French writes them (é, è, ê), keeps the spellings the model has met (a word of its
vectors), asks the model's own lemmatizer for the lemma of each, and takes the lemma when they all
give one (accents aside, as kg compares words).  Nothing else of the token changes, and a word the
lemmatizer knows as written is left alone.
"""

from __future__ import annotations

import itertools
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.names import fold

#: Parts of speech whose lemma the rules read (verbs above all: "appeler", "s'entretenir").
POS = frozenset(("VERB", "AUX", "NOUN", "ADJ"))
#: Most e's of a word respelt (4 ** 4 = 256 spellings at most).
MOST_ES = 4
SPELLINGS_OF_E = ("e", "é", "è", "ê")


@Language.factory("kg_accents")
def make_accent_lemmas(nlp: Language, name: str) -> AccentLemmas:
    return AccentLemmas(nlp)


class AccentLemmas:
    """Sets the lemma of a word written without its accents (see the module)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        self.lemma_of = lru_cache(maxsize=65536)(self._lemma_of)

    def __call__(self, doc: Doc) -> Doc:
        for t in doc:
            if t.pos_ in POS and t.is_ascii and t.is_alpha and "e" in t.lower_ and t.lemma_.lower() == t.lower_:
                lemma = self.lemma_of(t.lower_, t.pos_)
                if lemma is not None:
                    t.lemma_ = lemma
        return doc

    def _lemma_of(self, word: str, pos: str) -> str | None:
        """The one lemma, accents aside, that the respellings of ``word`` the lemmatizer recognises give."""
        es = [k for k, c in enumerate(word) if c == "e"]
        if len(es) > MOST_ES:
            return None
        found: dict[str, str] = {}
        for choice in itertools.product(SPELLINGS_OF_E, repeat=len(es)):
            if all(c == "e" for c in choice):
                continue
            letters = list(word)
            for k, c in zip(es, choice, strict=True):
                letters[k] = c
            spelling = "".join(letters)
            if not self.nlp.vocab.has_vector(spelling):
                continue  # no word the model has met ("joindré" is not a spelling of "joindre")
            lemma = self._rule_lemma(spelling, pos)
            if lemma != spelling:
                found.setdefault(fold(lemma), lemma)
        if len(found) != 1:
            return None
        folded, lemma = next(iter(found.items()))
        return lemma if folded != fold(word) else None

    def _rule_lemma(self, spelling: str, pos: str) -> str:
        doc = Doc(self.nlp.vocab, words=[spelling])
        doc[0].pos_ = pos
        return self.lemmatizer.rule_lemmatize(doc[0])[0]
