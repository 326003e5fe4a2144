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
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.extract.lexicon import Lexicon, Phrase, load_lexicon
from kg.extract.names import fold

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


class LexiconMatcher:
    def __init__(self, nlp: Language, lexicon: Lexicon) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.posts = Matcher(nlp.vocab)
        patterns: dict[str, list[Doc]] = defaultdict(list)
        for phrase in lexicon.phrases:
            pattern = fold_doc(nlp.make_doc(phrase.text))
            key = f"{phrase.label}|{phrase.id}|{int(phrase.ambiguous)}"
            if phrase.label in INSERTABLE and len(pattern) > 1:
                self.posts.add(key, [_with_demonym_slot(pattern)])
            else:
                patterns[key].append(pattern)
        for key, docs in patterns.items():
            self.matcher.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        fold_doc(doc)
        by_label: dict[str, list[Span]] = defaultdict(list)
        matches = list(self.matcher(doc))
        for match_id, start, end in matches:
            if doc.vocab.strings[match_id].startswith("DEMONYM|"):
                for token in doc[start:end]:
                    token._.kg_demonym = True
        for match_id, start, end in matches + list(self.posts(doc)):
            label, lex_id, ambiguous = doc.vocab.strings[match_id].split("|")
            span = Span(doc, start, end, label=label, kb_id=lex_id)
            if ambiguous == "1":
                span = Span(doc, start, end, label=label + "?", kb_id=lex_id)
            by_label[label].append(span)
        spans = [s for group in by_label.values() for s in filter_spans(group)]
        doc.spans[SPANS_KEY] = sorted(spans, key=lambda s: (s.start, -s.end))
        return doc


def _with_demonym_slot(pattern: Doc) -> list[dict]:
    """A token pattern for a phrase, allowing demonym words after its first token."""
    tokens = [{"NORM": t.norm_} for t in pattern]
    return tokens[:1] + [{"_": {"kg_demonym": True}, "OP": "*"}] + tokens[1:]


def lex_spans(doc: Doc, *labels: str) -> list[Span]:
    """The lexicon matches of the given labels, in text order."""
    return [s for s in doc.spans.get(SPANS_KEY, []) if not labels or s.label_ in labels]
