"""The ``kg_lexicon`` component: finds every lexicon phrase in a Doc.

Tokens get a folded ``norm_`` (no case, no accents, one apostrophe), patterns
are folded the same way, and a ``PhraseMatcher`` on ``NORM`` finds them.  The
component runs after the statistical components, so changing ``norm_`` does not
change what the model sees.  Matches land in ``doc.spans["kg"]`` with the
lexicon label as ``label_`` and the lexicon id as ``kb_id_``; overlaps are kept
across labels (a country name inside an office phrase) and resolved to the
longest within one label.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.lexicon import Lexicon, Phrase, load_lexicon
from kg.extract.names import fold
from kg.extract.spanindex import span_index

SPANS_KEY = "kg"
#: Labels whose phrases may take a demonym after their first word ("ministre russe de la Défense").
INSERTABLE = ("POST", "OFFICE", "OFFICE_WEAK")

if not Token.has_extension("kg_demonym"):
    Token.set_extension("kg_demonym", default=False)


def fold_doc(doc: Doc) -> Doc:
    for token in doc:
        token.norm_ = fold(token.text)
    return doc


@Language.factory("kg_lexicon")
def make_lexicon_matcher(nlp: Language, name: str) -> LexiconMatcher:
    return LexiconMatcher(nlp, load_lexicon())


_ACTIVE: list[LexiconMatcher] = []


def match_text(text: str) -> list[Span]:
    """Lexicon matches in a piece of text outside any article (e.g. a rephrased relative clause)."""
    matcher = _ACTIVE[-1]
    doc = matcher(matcher.make_doc(text))
    return list(doc.spans[SPANS_KEY])


class LexiconMatcher:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.make_doc = nlp.make_doc
        _ACTIVE.append(self)
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.posts = PhraseMatcher(nlp.vocab, attr="NORM")  # post phrases, matched with demonyms taken out
        patterns: dict[str, list[Doc]] = defaultdict(list)
        inserted: dict[str, list[Doc]] = defaultdict(list)
        for phrase in lexicon.phrases:
            pattern = fold_doc(nlp.make_doc(phrase.text))
            key = f"{phrase.label}|{phrase.id}|{int(phrase.ambiguous)}|{_case_sensitive(phrase)}"
            patterns[key].append(pattern)
            pluralised = phrase.label in ("TITLE", *INSERTABLE) and not _case_sensitive(phrase)
            if pluralised and pattern[0].norm_ != plural_of(pattern[0].norm_):
                words = phrase.text.split(" ", 1)
                patterns[key].append(fold_doc(nlp.make_doc(" ".join([plural_of(words[0]), *words[1:]]))))
            if phrase.label in INSERTABLE and len(pattern) > 1 and not _case_sensitive(phrase):
                inserted[key] += [pattern, _with_plural_head(pattern)]
        for key, docs in patterns.items():
            self.matcher.add(key, docs)
        for key, docs in inserted.items():
            self.posts.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        fold_doc(doc)
        by_label: dict[str, list[Span]] = defaultdict(list)
        matches = list(self.matcher(doc))
        demonyms: set[int] = set()
        for match_id, start, end in matches:
            if doc.vocab.strings[match_id].startswith("DEMONYM|"):
                for token in doc[start:end]:
                    token._.kg_demonym = True
                demonyms.update(range(start, end))
        for match_id, start, end in matches + self._posts_with_demonyms(doc, demonyms):
            label, lex_id, ambiguous, cased = doc.vocab.strings[match_id].split("|")
            if not _case_agrees(doc[start].text, cased) or _given_name_not_title(doc, start, end):
                continue
            span = Span(doc, start, end, label=label, kb_id=lex_id)
            if ambiguous == "1":
                span = Span(doc, start, end, label=label + "?", kb_id=lex_id)
            by_label[label].append(span)
        spans = [s for group in by_label.values() for s in filter_spans(group)]
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: (s.start, -s.end))
        return doc


    def _posts_with_demonyms(self, doc: Doc, demonyms: set[int]) -> list[tuple[int, int, int]]:
        """Post phrases with demonyms inside them ("ministre russe de la Défense", "chefs russe et
        américain d'état-major", "envoyé spécial américain pour le Moyen-Orient"): the phrases are
        matched on the article with its demonym tokens taken out, and a match counts when the tokens
        taken out make one run inside it, within one sentence.  One phrase-matcher pass: linear in the
        article's length.  ``demonyms``: the indices of the demonym tokens (``kg_demonym``), read from the
        matches rather than from each token's extension."""
        if not demonyms:
            return []  # nothing to take out
        kept = [t.i for t in doc if t.i not in demonyms and not _joins_demonyms(t, demonyms)]
        if len(kept) == len(doc):
            return []
        reduced = Doc(doc.vocab, words=[doc[i].text for i in kept])
        for token, i in zip(reduced, kept, strict=True):
            token.norm_ = doc[i].norm_
        found = []
        for match_id, a, b in self.posts(reduced):
            words = kept[a:b]
            gaps = [x for x, y in zip(words, words[1:], strict=False) if y - x > 1]
            if len(gaps) == 1 and not any(doc[k].is_sent_start for k in range(words[0] + 1, words[-1] + 1)):
                found.append((match_id, words[0], words[-1] + 1))
        return found


#: Royal titles that are also given names ("le général Sultan Kamaletdinov", "Emir Kusturica").
TITLE_GIVEN_NAMES = frozenset(("sultan", "emir"))
HONORIFICS_AFTER_TITLE = frozenset(("sheikh", "cheikh", "shaikh", "cheik"))
TITLE_DETERMINERS = frozenset(("le", "la", "l'", "du", "au", "son", "sa", "leur", "ce", "cet", "the", "a", "de", "d'"))


def _given_name_not_title(doc: Doc, start: int, end: int) -> bool:
    """A royal title word that is a given name here: capitalised, with no determiner before it and a
    capitalised word after it ("le général Sultan Kamaletdinov", "Sultan Kamaletdinov a déclaré"); "le
    sultan Haïtham", "le Sultan Qabous" and "l'émir du Qatar" stay titles."""
    t = doc[start]
    if end - start != 1 or t.norm_ not in TITLE_GIVEN_NAMES or not t.text[:1].isupper() or t.text.isupper():
        return False
    before = doc[start - 1].norm_ if start > 0 and not t.is_sent_start else ""
    nxt = doc[end] if end < len(doc) else None
    if before == "s" or (nxt is not None and nxt.norm_ in HONORIFICS_AFTER_TITLE):
        return False  # "Qatar's Emir Sheikh Tamim": a country's possessive or an honorific after it
    return before not in TITLE_DETERMINERS and nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha


def _joins_demonyms(t: Token, demonyms: set[int]) -> bool:
    """"et" or a comma between two demonyms ("ministres allemand et américain de la Défense"): taken out
    with them, so that the plural post phrase around the list is matched too."""
    return t.text in ("et", ",") and 0 < t.i < len(t.doc) - 1 and t.i - 1 in demonyms and t.i + 1 in demonyms


def _case_sensitive(phrase: Phrase) -> str:
    """How a one-word form must be cased in the text: "caps" for acronyms ("UN", "EU": "un", "Un"
    and "eu" are French words), "cap" for capitalised words ("Premier", "Patriot"), "" otherwise.
    Accents never matter ("Etats-Unis")."""
    text = phrase.text
    if " " in text or not text[:1].isupper() or phrase.label == "TITLE":
        return ""
    return "caps" if len(text) > 1 and text.isupper() else "cap"


def _case_agrees(text: str, rule: str) -> bool:
    if rule == "caps":
        return text.isupper()
    return rule != "cap" or text[:1].isupper()


def _with_plural_head(pattern: Doc) -> Doc:
    """The phrase with its head noun (first word) in the plural ("chefs d'état-major")."""
    words = [plural_of(pattern[0].norm_), *(t.norm_ for t in pattern[1:])]
    return fold_doc(Doc(pattern.vocab, words=words))


def plural_of(word: str) -> str:
    """French plural of a post's head noun: chef -> chefs, général -> généraux, porte-parole stays."""
    if word.endswith(("s", "x", "z")) or word.startswith("porte-"):
        return word
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def lex_spans(doc: Doc, *labels: str) -> list[Span]:
    """The lexicon matches of the given labels, in text order (a shared list: do not mutate it)."""
    return span_index(doc, SPANS_KEY, labels).spans


def lex_within(doc: Doc, lo: int, hi: int, *labels: str) -> list[Span]:
    """The lexicon matches of the given labels that start at a token index in ``[lo, hi)``."""
    return span_index(doc, SPANS_KEY, labels).starting(lo, hi)
