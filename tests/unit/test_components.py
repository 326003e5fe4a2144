"""Model-free tests of the spaCy components: a blank French pipeline with kg's lexicon matcher, and
hand-built parses for the call rules.  Each case is one parametrized example."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract import callgroups, calls
from kg.extract.lexmatch import lex_spans, plural_of
from kg.extract.offices import find_holdings, find_posts
from kg.extract.pipeline import add_compounds
from tests.conftest import annotate


@pytest.fixture(scope="module")
def nlp():
    import kg.extract.lexmatch  # noqa: F401
    import kg.extract.people  # noqa: F401
    import kg.extract.pipeline  # noqa: F401

    blank = spacy.blank("fr")
    add_compounds(blank)
    for name in ("kg_lexicon", "kg_dates", "kg_people"):
        blank.add_pipe(name)
    return blank


@pytest.mark.parametrize("text, post_type, countries", [
    ("le ministre russe de la Défense", "defence_minister", ["RU"]),
    ("le secrétaire américain à la Défense", "defence_minister", ["US"]),
    ("le chef d'état-major des forces armées russes", "chief_of_defence", ["RU"]),
    ("les chefs d'état-major russe et américain", "chief_of_defence", ["RU", "US"]),
    ("le président du Comité des chefs d'état-major interarmées des États-Unis", "chief_of_defence", ["US"]),
    ("le chef du Pentagone", "defence_minister", ["US"]),
    ("le ministre des Armées", "defence_minister", ["FR"]),
    ("le chancelier allemand", "head_of_government", ["DE"]),
    ("le secrétaire général de l'OTAN", "secretary_general", ["NATO"]),
    ("le ministre de la Défense", "defence_minister", []),
])
def test_posts(nlp, text: str, post_type: str, countries: list[str]) -> None:
    posts = find_posts(annotate(nlp, nlp.make_doc(text)))
    assert [(p.post_type, p.countries) for p in posts] == [(post_type, countries)]


@pytest.mark.parametrize("text, label, lex_id", [
    ("le missile Orechnik", "MISSILE", "oreshnik"),
    ("des missiles Zirkon", "MISSILE", "zircon"),
    ("le traité New START", "TREATY", "new_start"),
    ("le traité FNI", "TREATY", "inf"),
    ("Washington", "METONYM", "US"),
    ("la Fédération de Russie", "COUNTRY", "RU"),
])
def test_lexicon_matches(nlp, text: str, label: str, lex_id: str) -> None:
    assert (label, lex_id) in {(s.label_, s.kb_id_) for s in lex_spans(annotate(nlp, nlp.make_doc(text)))}


@pytest.mark.parametrize("text", ["un appel au calme", "Un an plus tard", "il y a eu un accord", "au premier rang"])
def test_common_words_are_not_acronyms(nlp, text: str) -> None:
    labels = {s.label_ for s in lex_spans(annotate(nlp, nlp.make_doc(text)))}
    assert not labels & {"COUNTRY", "POST", "OFFICE"}


@pytest.mark.parametrize("word, plural", [("chef", "chefs"), ("general", "generaux"), ("porte-parole", "porte-parole"),
                                          ("ministres", "ministres")])
def test_plural_of_post_heads(word: str, plural: str) -> None:
    assert plural_of(word) == plural


# --------------------------------------------------------------- hand-built parses for calls
# Each token: (text, head offset from itself, dep, pos, lemma, entity IOB)

CALL = [("Sébastien", 2, "nsubj", "PROPN", "Sébastien", "B-PER"), ("Lecornu", -1, "flat:name", "PROPN", "Lecornu", "I-PER"),
        ("s'", 2, "expl:comp", "PRON", "se", "O"), ("est", 1, "aux:tense", "AUX", "être", "O"),
        ("entretenu", 0, "ROOT", "VERB", "entretenir", "O"), ("mardi", -1, "obl:mod", "NOUN", "mardi", "O"),
        ("par", 1, "case", "ADP", "par", "O"), ("téléphone", -3, "obl", "NOUN", "téléphone", "O"),
        ("avec", 1, "case", "ADP", "avec", "O"), ("Andreï", -5, "obl", "PROPN", "Andreï", "B-PER"),
        ("Belooussov", -1, "flat:name", "PROPN", "Belooussov", "I-PER"), (".", -7, "punct", "PUNCT", ".", "O")]

ATTEMPT = [("Sébastien", 3, "nsubj", "PROPN", "Sébastien", "B-PER"), ("Lecornu", -1, "flat:name", "PROPN", "Lecornu", "I-PER"),
           ("a", 1, "aux:tense", "AUX", "avoir", "O"), ("tenté", 0, "ROOT", "VERB", "tenter", "O"),
           ("de", 1, "mark", "ADP", "de", "O"), ("joindre", -2, "xcomp", "VERB", "joindre", "O"),
           ("Andreï", -1, "obj", "PROPN", "Andreï", "B-PER"), ("Belooussov", -1, "flat:name", "PROPN", "Belooussov", "I-PER"),
           ("par", 1, "case", "ADP", "par", "O"), ("téléphone", -4, "obl", "NOUN", "téléphone", "O"),
           (".", -7, "punct", "PUNCT", ".", "O")]

MEETING = [("Sébastien", 3, "nsubj", "PROPN", "Sébastien", "B-PER"), ("Lecornu", -1, "flat:name", "PROPN", "Lecornu", "I-PER"),
           ("a", 1, "aux:tense", "AUX", "avoir", "O"), ("rencontré", 0, "ROOT", "VERB", "rencontrer", "O"),
           ("Andreï", -1, "obj", "PROPN", "Andreï", "B-PER"), ("Belooussov", -1, "flat:name", "PROPN", "Belooussov", "I-PER"),
           ("à", 1, "case", "ADP", "à", "O"), ("Moscou", -4, "obl", "PROPN", "Moscou", "O"), (".", -5, "punct", "PUNCT", ".", "O")]

ONE_TO_MANY = [("Sergueï", 3, "nsubj", "PROPN", "Sergueï", "B-PER"), ("Choïgou", -1, "flat:name", "PROPN", "Choïgou", "I-PER"),
               ("a", 1, "aux:tense", "AUX", "avoir", "O"), ("appelé", 0, "ROOT", "VERB", "appeler", "O"),
               ("Hulusi", -1, "obj", "PROPN", "Hulusi", "B-PER"), ("Akar", -1, "flat:name", "PROPN", "Akar", "I-PER"),
               ("et", 1, "cc", "CCONJ", "et", "O"), ("Ben", -3, "conj", "PROPN", "Ben", "B-PER"),
               ("Wallace", -1, "flat:name", "PROPN", "Wallace", "I-PER"), ("par", 1, "case", "ADP", "par", "O"),
               ("téléphone", -7, "obl", "NOUN", "téléphone", "O"), (".", -8, "punct", "PUNCT", ".", "O")]


def parsed(nlp, tokens: list[tuple]) -> Doc:
    words = [t[0] for t in tokens]
    doc = Doc(nlp.vocab, words=words, heads=[i + t[1] for i, t in enumerate(tokens)], deps=[t[2] for t in tokens],
              pos=[t[3] for t in tokens], lemmas=[t[4] for t in tokens], ents=[t[5] for t in tokens],
              sent_starts=[True] + [False] * (len(words) - 1))
    return annotate(nlp, doc, ref=date(2025, 7, 4))


@pytest.mark.parametrize("tokens, pairs, day", [
    (CALL, [{"Sébastien Lecornu", "Andreï Belooussov"}], "2025-07-01"),
    (ATTEMPT, [], None),
    (MEETING, [], None),
    (ONE_TO_MANY, [{"Sergueï Choïgou", "Hulusi Akar"}, {"Sergueï Choïgou", "Ben Wallace"}], None),
])
def test_calls_on_hand_built_parses(nlp, tokens, pairs, day) -> None:
    doc = parsed(nlp, tokens)
    holdings = find_holdings(doc)
    found, _ = callgroups.find_calls(doc, holdings)
    names = {m.key: m.span.text for m in doc._.people}
    assert [{names[p.person] for p in c.participants} for c in found] == pairs
    if day:
        assert found[0].date.value == day


@pytest.mark.parametrize("text, phrases, hit", [
    ("le dernier appel remontait a mars", ("remontait",), True),
    ("un appel sans precedent", ("le precedent", "appel precedent"), False),
    ("a l'epoque, ils s'etaient parle", ("a l'epoque",), True),
])
def test_phrase_search_is_on_whole_words(text: str, phrases: tuple, hit: bool) -> None:
    assert calls.has_phrase(text, phrases) is hit


def test_rules_share_state_through_registered_extensions(nlp) -> None:
    """What one rule leaves for another is on a declared ``Doc._`` extension, typed (OfficeNotes), not under
    string keys of ``doc.user_data``; only the span indexes keep their cache there."""
    import inspect

    import kg.extract as package

    for path in sorted(Path(inspect.getfile(package)).parent.glob("*.py")):
        if path.name != "spanindex.py":
            assert "user_data" not in path.read_text(encoding="utf-8"), path.name
    doc = nlp("Le ministre russe de la Défense, Andreï Belooussov, a parlé à son homologue.")
    for token in doc:
        token.is_sent_start = token.i == 0
    find_holdings(doc)
    assert doc._.offices.posts == find_posts(doc) and doc._.offices.attachments
