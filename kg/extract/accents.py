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
import re
import unicodedata
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


# ------------------------------------------------------------------ "a" for "à"
# A page with no accent at all writes the preposition "à" as "a", the auxiliary's form: the parser then
# reads "s'est entretenu a deux reprises avec Y" or "a telephone a son homologue" with a verb too many
# and hangs the people on it.  Such a page is given to the model with "à" where the word after "a" is one
# a preposition takes and a verb never does (an article, a possessive, a number, a capitalised name);
# the text kg keeps and quotes stays as written (same length, same offsets).

#: Words after which "a" is the preposition "à", never "avoir" ("a la demande de", "a son homologue").
A_BEFORE = frozenset((
    "la", "le", "les", "l", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces",
    "deux", "trois", "quatre", "cinq", "plusieurs", "quelques", "chaque", "travers", "partir", "propos",
    "cause", "nouveau", "peine", "huis", "mi", "nos", "notre", "vos", "votre", "moins", "compter", "hauteur",
))
#: Nouns after "a l'" that make "a" the verb ("a l'intention de", "a l'habitude de").
AVOIR_IDIOMS = frozenset(("intention", "habitude", "air", "obligation", "ambition", "avantage", "honneur", "accord"))
#: Words before "a" that make it the auxiliary or the verb whatever follows ("il a la charge de").
A_SUBJECTS = frozenset(("il", "elle", "on", "qui", "y", "n", "ne", "en", "lui", "cela", "ca"))
#: Fewest letters of a page with no accented letter for it to count as written without accents.
ACCENTLESS_LETTERS = 200
_A_WORD = re.compile(r"(?<![\w'’-])([aA])(?=\s+(?:l['’]|([^\W\d_][\w-]*)|\d))")


_LOWER_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-Z][^\W\d_]*")


def _has_accents(text: str) -> bool:
    """Whether a word of the page that starts in lower case has an accented letter: a page whose only
    accents are in names ("Sergueï Lavrov", "Erdoğan") is still written without accents."""
    return any(not m.group(0).isascii() and m.group(0)[0].islower() for m in _LOWER_WORD.finditer(text))


def model_text(text: str) -> str:
    """The text the model reads: ``text`` itself, or, on a page written without any accent, the same
    text with its words' accents written back (:func:`respelt`) and "à" for each "a" a preposition
    stands in (same length, so offsets hold)."""
    if _has_accents(text) or sum(c.isalpha() for c in text) < ACCENTLESS_LETTERS:
        return text  # a page with accents (the common case stops at its first one), or too short to tell
    text = respelt(text)

    def write(m: re.Match) -> str:
        before = text[max(0, m.start() - 12): m.start()].split()
        if before and fold(before[-1].strip(",;:")) in A_SUBJECTS:
            return m.group(1)
        word = m.group(2)
        after = fold(text[m.end(): m.end() + 20].split("'")[-1].split("’")[-1].split(" ")[0]) if word is None else ""
        if word is None and after in AVOIR_IDIOMS:
            return m.group(1)  # "a l'intention de", "a l'habitude de": the verb
        if word is None or fold(word) in A_BEFORE or word[:1].isupper():
            return "à" if m.group(1) == "a" else "À"
        return m.group(1)

    return _A_WORD.sub(write, text)


# ------------------------------------------------------------------ accents written back
# The model reads "telephonique", "etrangeres" or "a ete joint" far worse than the accented words: it tags
# names as verbs and loses subjects.  On a page with no accent at all, each word kg's lexicons (and
# ``accents.json``) know only in an accented form is written back with its accents before the model reads
# it; a participle ("appelé", "été") only after an auxiliary, where "appele" cannot be a present tense.
# Words with a capital are left as written: names keep the page's spelling (the lexicon of people is not
# read), and the lexicons match capitalised words whatever their accents.

PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")
#: Auxiliary forms written without accents, after which a word may be a past participle.
AUXILIARIES = frozenset((
    "a", "ai", "as", "avons", "avez", "ont", "avait", "avaient", "avais", "aura", "auront", "aurait", "auraient",
    "eu", "est", "sont", "etait", "etaient", "sera", "seront", "serait", "seraient", "ete", "etre", "avoir",
    "suis", "sommes", "etes", "fut", "furent",
))
#: Adverbs that may stand between the auxiliary and the participle ("a deja appele", "s'est longuement entretenu").
BETWEEN = frozenset((
    "deja", "aussi", "egalement", "ensuite", "encore", "bien", "longuement", "notamment", "enfin", "pas", "plus",
    "jamais", "toujours", "finalement", "recemment", "brievement", "personnellement", "directement", "meme",
    "alors", "donc", "vivement", "hier",
))
_WORD = re.compile(r"[A-Za-z]+")  # "l'echange": "l" and "echange"; "s'est": "s" and "est"


@lru_cache(maxsize=1)
def _respellings() -> tuple[dict[str, str], dict[str, str]]:
    """Folded word -> accented word, (anywhere, after an auxiliary): from the accented words of every
    lexicon and ``accents.json``; a folded form with two readings of one kind is dropped, and so are the
    forms ``accents.json`` lists as words of their own."""
    from kg.extract.lexicon import load_file, strings
    from kg.resources import lexicon_names

    forms: dict[str, set[str]] = {}
    for name in lexicon_names():
        if name == "people":  # names are written as the page writes them
            continue
        for value in strings(load_file(name)):
            for w in re.findall(r"[^\W\d_]+", value):
                if not w.isascii() and len(w) > 1 and _latin(w):
                    forms.setdefault(fold(w), set()).add(w.lower())
    kept = set(load_file("accents")["not_respelt"])
    anywhere: dict[str, str] = {}
    after_auxiliary: dict[str, str] = {}
    for folded, spelt in forms.items():
        if folded in kept or not folded.isascii():
            continue
        participles = {w for w in spelt if w.endswith(PARTICIPLE_ENDINGS)}
        others = spelt - participles
        if len(participles) == 1:
            after_auxiliary[folded] = next(iter(participles))
        if len(others) == 1:
            anywhere[folded] = next(iter(others))
    return anywhere, after_auxiliary


def _latin(word: str) -> bool:
    """Latin letters with accents only: not the "ª" of "Mª", which is no accented "a"."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).isascii()


def respelt(text: str) -> str:
    """``text`` with the accents of its words written back (see above); same length, so offsets hold."""
    anywhere, after_auxiliary = _respellings()
    out: list[str] = []
    previous: list[str] = []
    last = 0
    for m in _WORD.finditer(text):
        word = m.group(0)
        key = word.lower()
        if word != key:  # a capital: a name, or a word the lexicons match whatever its accents
            previous = (previous + [key])[-2:]
            continue
        auxiliary = bool(previous) and (previous[-1] in AUXILIARIES or len(previous) > 1
                                        and previous[-1] in BETWEEN and previous[-2] in AUXILIARIES)
        accented = after_auxiliary.get(key) if auxiliary else None
        accented = accented or anywhere.get(key)
        if accented is not None and len(accented) == len(word):
            out.append(text[last:m.start()])
            out.append(accented)
            last = m.end()
        previous = (previous + [key])[-2:]
    out.append(text[last:])
    return "".join(out)
