"""The ``kg_people`` component: person mentions, titles stripped, grouped into persons.

Candidates are the model's PER entities (role words such as "Conseiller de",
"gouvernement" and a government's numeral cut off, a portfolio glued before the
name cut off, cut at lower-case words that cannot be inside a name), entities
the model calls places or organisations that are shaped like a name (a particle
inside, a known given name first), capitalised names right after a rank or civil
title that the model missed, names in apposition to a role ("le diplomate
Sugiono", "la porte-parole du gouvernement, Fatemeh Mohajerani") and names of
the gazetteer (:mod:`kg.extract.gazetteer`) that the model missed or
mislabelled.  A candidate the model cut is taken back to the whole name: the
chain of "<name> ben <name>" before an Arabic family name, an abbreviated given
name before a full stop ("Ma. Teresita"), a surname opened by a particle after it
("dela Cruz"), a lower-case rest after an apostrophe ("Ma'ruf"); a capitalised
honorific opening a dateline sentence ("DOHA - Cheikh X") is cut off.  A
candidate is dropped when it is a lexicon place, country,
missile or treaty, when it looks like an organisation, when a ship, building or
street is named after it ("le porte-avions Charles de Gaulle", "la frégate
Amiral Ronarc'h"), or when it is a
lone surname that no full name, title, role or gazetteer entry in the article
supports.  Mentions are grouped with transliteration-aware name matching
(:mod:`kg.extract.names`, known spellings standardised by the gazetteer) and
numbered ``p1``, ``p2``… in order of appearance.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.extract.dates import WEEKDAYS
from kg.extract.gazetteer import MAX_SURNAME_WORDS, Gazetteer, load_gazetteer, with_second_surnames
from kg.extract.lexicon import load_file, load_lexicon, title_cues
from kg.extract.lexmatch import lex_spans
from kg.extract.model import PersonRef
from kg.extract.names import DEFAULT_PARTICLES, NameClusters, clean_name, fold, given_key, given_name_abbreviations
from kg.extract.spanindex import SpanIndex, dated_tokens, dates_overlapping
from kg.extract.spans import evidence, overlaps

NOT_PEOPLE = ("COUNTRY", "METONYM", "PLACE", "MISSILE", "MISSILE?", "TREATY", "DEMONYM", "OFFICE", "POST",
              "OFFICE_WEAK", "TREATY_DESC", "CATEGORY")
NAME_JOINERS = frozenset(("al", "el", "ben", "bin", "ibn", "de", "du", "da", "di", "van", "von", "der", "le", "la",
                          "abu", "ould", "dela", "delos", "-", "jr", "jr.", "."))
ROMAN = frozenset(("i", "ii", "iii", "iv", "v", "vi"))
ARTICLES = frozenset(("le", "la", "les", "l'", "un", "une"))
#: Words after which a capitalised word is a portfolio's complement, not a given name ("ministre des Finances").
PORTFOLIO_LINKS = frozenset(("de", "des", "du", "d'", "la", "l'", "à", "au", "aux", "of", "the", "for"))
ROLE_LABELS = ("POST", "OFFICE", "OFFICE_WEAK", "OFFICE_WEAK?")
#: Prepositions before a place: a capitalised word after one of them and before a role is not its holder.
PLACE_PREPOSITIONS = frozenset(("à", "a", "au", "aux", "en", "dans", "depuis", "vers", "sur", "via", "in", "at"))
#: Model labels of a capitalised run in apposition to a role that may be its holder: the model often calls an
#: unfamiliar name an organisation or "misc" ("le ministre éthiopien des Affaires étrangères, Gedion Timothewos");
#: organisations and places of the lexicons are dropped later all the same (:meth:`PeopleFinder._blocked`).
APPOSED_ENTITIES = frozenset(("PER", "ORG", "MISC"))
#: Fewest words of an apposed run the model calls a place for it to be taken as a name all the same: "son homologue
#: chypriote, Vasilis Palmas" (a given name and a surname, tagged as a place, neither word a proper noun); a
#: one-word place after a role is more often a place ("son homologue russe, Moscou refusant ...").
APPOSED_PLACE_WORDS = 2
#: Possessive determiners: after one, a noun of ``named_after_words`` is no name ("à sa place X").
POSSESSIVES = frozenset(("sa", "son", "ses", "leur", "leurs", "notre", "votre", "ma", "mon"))
#: Prepositions that tie a country to a name before it: "le roi Abdallah II de Jordanie" is Abdallah II.
COUNTRY_LINKS = frozenset(("de", "d'", "du", "des"))
#: Nouns of a place whose name follows after "de" ("le cimetière d'El Alia"): no person.
PLACE_OF_NOUNS = frozenset(("cimetiere", "quartier", "faubourg"))
OPENERS = frozenset(("ADP", "ADV", "DET", "VERB", "AUX", "PRON", "CCONJ", "SCONJ", "ADJ", "NUM"))



#: English prepositions that open a fronted place the model may read as a name ("In Washington, …").
OPENING_PREPOSITIONS = frozenset(("In", "At", "From", "Across", "Inside", "Outside", "Near", "Throughout"))


#: Role words a hurried page mistypes before a name ("Defence Cabinet Secratary X", "Minsiter X").
ROLE_HEADS = ("secretary", "minister", "spokesman", "spokeswoman", "spokesperson", "commander", "ambassador",
              "secretaire", "ministre", "president", "chancellor", "foreign", "defence", "defense")


def misspelt_role_word(word: str, any_case: bool = False) -> str | None:
    """The role word a capitalised word (any word with ``any_case``) is one or two letters off (one for a
    word of six letters: "Forign"), not the word itself nor a shorter word."""
    w = fold(word)
    if len(w) < 6 or not (any_case or word[:1].isupper()) or not w.isalpha() or w in ROLE_HEADS:
        return None
    return next((r for r in ROLE_HEADS if w[0] == r[0] and abs(len(w) - len(r)) <= 1
                 and _edits(w, r) <= (2 if len(w) >= 7 else 1)), None)


def misspelt_role_only(tokens: list[Token]) -> bool:
    """Whether a run of words is a mistyped role word with nothing but role words after it ("Foriegn
    Minister"): a post with its holder's name not in the run, no name."""
    typo = next((k for k, t in enumerate(tokens[:3]) if misspelt_role_word(t.text)), None)
    return typo is not None and all(misspelt_role_word(t.text) or fold(t.text) in ROLE_HEADS for t in tokens[typo:])


def _edits(a: str, b: str) -> int:
    """Levenshtein distance between two short words."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def _credited_journalist(span: Span) -> bool:
    """The name an interview's credit gives ("Propos recueillis par X", "Entretien réalisé par X")."""
    before = " ".join(fold(t.text) for t in span.doc[max(0, span.start - 3): span.start])
    return any(before.endswith(c) for c in interview_credits())


@cache
def interview_credits() -> tuple[str, ...]:
    """The credits that name an interview's journalist ("propos recueillis par"), folded."""
    return tuple(fold(c) for c in load_lexicon().calls.get("interview_credits", ()))


@cache
def _day_names() -> frozenset[str]:
    """The days of the week in French and English, folded: a lone one is never a person."""
    return frozenset(WEEKDAYS) | frozenset(load_file("english")["weekdays"])

@dataclass
class PersonMention:
    span: Span  # the name as written, titles stripped
    title: str | None = None
    key: str = ""  # the article-local person id, set when mentions are grouped
    apposed: bool = False  # right after a role noun or post ("le diplomate X", "le ministre …, X,")


if not Doc.has_extension("people"):
    Doc.set_extension("people", default=None)


@Language.factory("kg_people")
def make_people(nlp: Language, name: str) -> PeopleFinder:
    return PeopleFinder(load_gazetteer())


class PeopleFinder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.known = gazetteer
        self.media = _media_names()

    def __call__(self, doc: Doc) -> Doc:
        nationals, adjectives = _demonyms(doc)
        titles = sorted([t for t in lex_spans(doc, "TITLE") if not self._opens_known_name(doc, t)] + nationals,
                        key=lambda s: s.start)
        national = {(s.start, s.end) for s in nationals}
        blockers = SpanIndex(s for s in lex_spans(doc, *NOT_PEOPLE) if (s.start, s.end) not in national)
        model_names = [e for e in doc.ents if e.label_ == "PER"]
        posts = {t.i for s in lex_spans(doc, *ROLE_LABELS) + adjectives for t in s}
        found = [m for e in model_names for m in self._from_entity(e, titles, posts)]
        found += [m for e in _name_shaped(doc, self.known.given_names, self.known.portfolio_words)
                  for m in self._from_entity(e, titles, posts)]
        found += self._after_titles(doc, titles, found)
        found += self._after_roles(doc, found)
        found += self._known_names(doc, titles, found, model_names)
        found = [self._with_known_given_names(doc, m, titles) for m in found]
        found += _told_again(doc, found)
        countries = {s.start: s.end for s in lex_spans(doc, "COUNTRY")}
        found = _without_inner([_without_country(_with_particle_surname(_with_flat_names(
            _with_abbreviation(_with_fathers(m, titles, blockers)), titles, blockers), blockers), countries)
            for m in found])
        found = _joined_across_abbreviation([_with_weekday_given_name(_with_glued_apostrophe(m), titles)
                                             for m in found])
        found = _cut_before_overlaps(found)
        found = [m for m in found if not self._blocked(m, blockers) and not self._named_after(m, titles, posts)
                 and not _all_date(doc, m.span) and not _nickname(doc, m.span)]
        found = [self._pair_side(doc, m) for m in found if not _pairing(m, found)]
        found = sorted([x for m in found for x in (self._known_pair(m) or [m])], key=lambda m: m.span.start)
        doc._.people = _group(_supported(found, model_names, self.known), self.known)
        return doc

    def _opens_known_name(self, doc: Doc, title: Span) -> bool:
        """A title word that is the given name of a known person written in full ("Gen Nakatani":
        "Gen" is also the English abbreviation of General)."""
        for extra in (1, 2):
            end = title.end + extra
            if end > len(doc) or not doc[end - 1].text[:1].isupper():
                return False
            if self._known_form(doc[title.start:end]):
                return True
        return False

    def _from_entity(self, ent: Span, titles: list[Span], posts: set[int]) -> list[PersonMention]:
        """The names inside an entity: role words and titles before a name are cut off, and a
        lower-case word that is no name particle separates two names ("Austin congratulated
        Umerov")."""
        tokens = self._without_opener(ent.doc, _cut_at_newline(list(ent)))
        return [m for part in _split_at_words(tokens) if (m := self._mention(ent.doc, part, titles, posts))]

    def _mention(self, doc: Doc, tokens: list[Token], titles: list[Span], posts: set[int]) -> PersonMention | None:
        title = None
        honorific = _honorific_words(tokens)  # "Sa Majesté le Roi X": the honorific, then the post, then the name
        if honorific:
            title, tokens = " ".join(t.text for t in tokens[:honorific]), tokens[honorific:]
        while tokens and (_is_title(tokens[0], titles) or not tokens[0].text[:1].isupper()
                          or self._portfolio(tokens[0], posts) or _article_before_role(tokens, titles, posts)):
            title = tokens[0].text if _is_title(tokens[0], titles) else title
            tokens = tokens[1:]
        if misspelt_role_only(tokens):
            return None
        typo = next((k for k, t in enumerate(tokens[:3]) if misspelt_role_word(t.text)), None)
        if typo is not None and len(tokens) - typo > 2:  # "Cabinet Secratary Soipan Tuya": a role word mistyped
            tokens = tokens[typo + 1:]
            while len(tokens) > 2 and fold(tokens[0].text) in ROLE_HEADS:
                tokens = tokens[1:]  # "Forign Minister X": the role word after the mistyped one
        if len(tokens) > 1 and tokens[0].text in OPENING_PREPOSITIONS and (
                tokens[0].is_sent_start or tokens[0].i == 0 or not doc[tokens[0].i - 1].is_alpha):
            tokens = tokens[1:]  # "In Washington, State Department spokesman X said": a fronted place, no name
        tokens = _trim_end(_before_post(doc, self._without_honorific(tokens)))
        if not tokens:
            return None
        tokens = _glued_tail(doc, tokens)
        tokens = _particles_after_title(doc, tokens, titles)
        title = title or _title_before(doc, tokens[0].i, titles)
        return PersonMention(doc[tokens[0].i: tokens[-1].i + 1], title)

    def _without_honorific(self, tokens: list[Token]) -> list[Token]:
        """A name without the capitalised honorific that opens a sentence or a dateline before it
        ("DOHA - Cheikh Hamdan ben Mohammed ..."): the lexicon's titles are lower case in French prose
        ("le cheikh X"), so the model takes the word into the name.  It stays when it belongs to a
        known person's name ("Sheikh Hasina") or when no two words would be left."""
        if len(tokens) < 3 or fold(tokens[0].text) not in title_cues("honorifics_fr") | title_cues("honorifics_en"):
            return tokens
        whole = tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text
        return tokens if self.known.identify(whole) is not None else tokens[1:]

    def _portfolio(self, token: Token, posts: set[int]) -> bool:
        """Whether a word opening an entity ends the post before the name rather than starting
        the name: the model glues the portfolio to the holder ("la ministre des Finances Sri
        Mulyani Indrawati", "secrétaire à la Défense Pete Hegseth")."""
        if token.i in posts:
            return True
        before = fold(token.doc[token.i - 1].text) if token.i > 0 else ""
        return fold(token.text) in self.known.portfolio_words and (
            before in PORTFOLIO_LINKS or before in self.known.portfolio_words)  # "for External | Affairs X"

    def _after_roles(self, doc: Doc, found: list[PersonMention]) -> list[PersonMention]:
        """Names in apposition to a role: a post of the lexicon or a role noun, then maybe a demonym
        and a comma, then a capitalised run with a proper noun in it ("le ministre des Affaires
        étrangères, Sugiono,", "le roi Salmane", "la porte-parole du gouvernement, Fatemeh
        Mohajerani").  The model often leaves such names alone or calls them places, and a one-word
        name has no fuller form to support it: the role is its support.  A mention already found
        there is marked as supported; a new one is added.  Places, countries and organisations are
        dropped later like every candidate (:meth:`_blocked`)."""
        extra = []
        titled = {k.i for s in lex_spans(doc, "TITLE", *ROLE_LABELS) for k in s}  # "counterpart, Defense Minister X"
        honorifics = title_cues("honorifics_fr") | title_cues("honorifics_en")
        for end in _role_ends(doc, self.known):
            tokens = _apposed_run(doc, end)
            if not tokens or not _apposed_name(tokens):
                continue
            span = doc[tokens[0].i: tokens[-1].i + 1]
            if dates_overlapping(doc, span.start, span.end):
                continue  # "le ministre de la Défense, Lundi, a annoncé": a date, not a name
            hit = [m for m in found if overlaps(m.span, span)]
            if len(hit) == 1 and span.start < hit[0].span.start <= span.start + 2 and hit[0].span.end <= span.end \
                    and all(t.text[:1].isupper() and t.is_alpha and t.i not in titled and fold(t.text) not in honorifics
                            for t in doc[span.start:hit[0].span.start]):
                # "Deputy Defence Minister Pawel Zalewski": the model's name left out the given name the run
                hit[0].span = doc[span.start:hit[0].span.end]  # opens with; the run after the role is the name
            for m in hit:
                m.apposed = m.apposed or m.span.start == span.start
            if not hit:
                extra.append(PersonMention(span, apposed=True))
        self._before_roles(doc, found)
        for m in found:  # "Propos recueillis par Elise Vincent": named by her role, the interviewer's, like
            m.apposed = m.apposed or _credited_journalist(m.span)  # an apposed name: no role noun refers to her
        return extra

    def _before_roles(self, doc: Doc, found: list[PersonMention]) -> None:
        """Support a name the model tagged as a person that a role follows in apposition ("Salmane,
        le roi d'Arabie saoudite, a reçu", "Sugiono, le ministre indonésien des Affaires étrangères").
        Only the model's person mentions count here, and not after a preposition of place ("À
        Wonsan, le dirigeant"), so that a town before a role never becomes a person."""
        ends = {m.span.end: m for m in found}
        for start in _role_starts(doc, self.known):
            i = start - 1
            if i >= 0 and fold(doc[i].text) in ARTICLES:
                i -= 1
            m = ends.get(i) if i >= 1 and doc[i].text == "," else None
            if m is None or not any(t.ent_type_ == "PER" for t in m.span):
                continue
            if m.span.start == 0 or fold(doc[m.span.start - 1].text) not in PLACE_PREPOSITIONS:
                m.apposed = True

    def _without_opener(self, doc: Doc, tokens: list[Token]) -> list[Token]:
        """Drop a role or group word and its "de" before a name ("Conseiller de Bruno X",
        "gouvernement X"), and the numeral of a government named after its head ("gouvernement
        X II")."""
        if not tokens:
            return tokens
        before = fold(doc[tokens[0].i - 1].text) if tokens[0].i > 0 else ""
        government = before in self.known.government_words or fold(tokens[0].text) in self.known.government_words
        while tokens and fold(tokens[0].text) in ARTICLES and len(tokens) > 1 \
                and fold(tokens[1].text) in self.known.lead_words:
            tokens = tokens[1:]
        while tokens and fold(tokens[0].text) in self.known.lead_words:
            tokens = tokens[1:]
            while tokens and fold(tokens[0].text) in ("de", "du", "des", "d'"):
                tokens = tokens[1:]
        if government and len(tokens) > 1 and fold(tokens[-1].text) in ROMAN:
            tokens = tokens[:-1]
        return tokens

    def _known_names(self, doc: Doc, titles: list[Span], found: list[PersonMention],
                     model_names: list[Span]) -> list[PersonMention]:
        """Names of the gazetteer that no other rule found: a known surname, with the given names
        before it that fit the same known person ("Florence Parly" tagged as a place, "Poutine"
        with no label).  An ambiguous surname alone needs a title; a lower-case one needs the
        model to call it a person or a proper noun."""
        taken = {t.i for m in found for t in m.span}
        person_tokens = {t.i for e in model_names for t in e}
        person_spans = {(e.start, e.end) for e in model_names}
        lexical = {i for s in lex_spans(doc) for i in range(s.start, s.end)}
        out: list[PersonMention] = []
        for token in doc:
            word = token.text.rstrip("'\u2019")  # "Pelosi's" is tokenised "Pelosi'" + "s"
            if token.i in taken or not word.isalpha() or not self.known.may_end_surname(word):
                continue
            surname = self._surname_at(doc, token.i)
            if surname is None or any(t.i in taken for t in surname):
                continue
            mention = self._with_given_names(doc, surname, titles)
            if mention.span.start < surname.start and self._paired(doc, surname) \
                    and _foreign_word(doc, surname.start - 1, titles, lexical):
                mention = PersonMention(surname)  # "Appel Poutine-Erdogan": surnames alone, "Appel" no given name
            if mention.span.start == surname.start:
                mention = self._with_names_after(doc, mention)
            bare = mention.span.start == surname.start and mention.span.end == surname.end
            if _foreign_word(doc, mention.span.end, titles, lexical) or (
                    bare and _foreign_word(doc, surname.start - 1, titles, lexical) and not self._paired(doc, surname)):
                continue  # "Hunter Biden", "Trump Tower": another person, or not a person; but "Appel Macron-Zelensky":
                # a word before a hyphenated pair of two known surnames is the headline's noun, not a given name
            lower = not token.text[:1].isupper()
            if lower and not (token.i in person_tokens or token.pos_ == "PROPN"):
                continue
            if bare and self.known.is_ambiguous(name_text(surname)) and (lower or not (
                    mention.title or (surname.start, surname.end) in person_spans or self._paired(doc, surname))):
                continue
            out.append(mention)
            taken.update(t.i for t in mention.span)
        return out

    def _known_pair(self, m: PersonMention) -> list[PersonMention] | None:
        """"Trump-Xi" taken whole for one person ("the Trump-Xi call"): two known people's surnames
        joined by a hyphen are two people, each side a mention of its own."""
        words = list(m.span)
        if len(words) != 3 or words[1].text != "-" or words[0].whitespace_ or words[1].whitespace_:
            return None
        first, second = (self.known.identify(t.text) for t in (words[0], words[2]))
        if first is None or second is None or first == second:
            return None
        doc = m.span.doc
        return [PersonMention(doc[words[0].i:words[0].i + 1]), PersonMention(doc[words[2].i:words[2].i + 1])]

    def _pair_side(self, doc: Doc, m: PersonMention) -> PersonMention:
        """"Appel Poutine-Erdogan": a name ending on the first side of a hyphenated pair of two known surnames
        is that surname alone when the words before it are no known form of the person ("Appel" is no
        given name of Vladimir Poutine)."""
        last = doc[m.span.end - 1: m.span.end]
        if len(m.span) < 2 or m.title or m.span.end >= len(doc) or doc[m.span.end].text != "-" \
                or not last.text[:1].isupper() or self.known.identify(last.text) is None \
                or not self._paired(doc, last) or self._known_form(m.span):
            return m
        return PersonMention(last)

    def _paired(self, doc: Doc, surname: Span) -> bool:
        """One side of a hyphenated pair of two known people's surnames, as a call or a summit is named
        after its parties ("Entretien Biden-Xi", "the Trump-Xi call"): each side is a person, even a
        surname that alone would be ambiguous."""
        def known(i: int) -> bool:
            return 0 <= i < len(doc) and doc[i].text[:1].isupper() and self.known.identify(doc[i].text) is not None

        start, end = surname.start, surname.end
        return (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and known(end + 1)) or (
            start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and known(start - 2))

    def _with_known_given_names(self, doc: Doc, m: PersonMention, titles: list[Span]) -> PersonMention:
        """A surname the model found alone, after the given names that make it one known person
        ("la Première ministre danoise Mette Frederiksen", "Mette" parsed as a form of "mettre")."""
        wider = self._with_given_names(doc, m.span, titles, fits=self._known_form)
        return replace(m, span=wider.span) if wider.span.start < m.span.start else m

    def _known_form(self, span: Span) -> bool:
        """Whether the words are, as written, one spelling the gazetteer lists for a known person (not
        only a name that may denote one: "Jordanie Abdallah II" may, "Mette Frederiksen" is)."""
        person = self.known.identify(name_text(span))
        return person is not None and any(fold(f) == fold(name_text(span)) for f in person.forms)

    def _with_names_after(self, doc: Doc, mention: PersonMention) -> PersonMention:
        """A known family name that comes first ("Xi Jinping", "Dong Jun", "Lee Jae-myung") extended to
        the right over the capitalised words (at most two) with which the name is one known person:
        the model often tags such names as MISC or not at all, and the word after a lone surname is
        otherwise read as another name ("Hunter Biden")."""
        span = mention.span
        for end in range(span.end + 1, min(len(doc), span.end + 2) + 1):
            words = doc[span.end: end]
            if not all(w.text[:1].isupper() or w.text == "-" for w in words) or "\n" in doc[span.start: end].text:
                break
            if self._known_form(doc[span.start: end]):
                return PersonMention(doc[span.start: end], mention.title)
        return mention

    def _surname_at(self, doc: Doc, end: int) -> Span | None:
        """The longest known surname ending at token ``end`` ("Le Drian", "von der Leyen")."""
        if not self.known.may_end_long_surname(doc[end].text):
            return doc[end: end + 1] if self.known.knows_surname(name_text(doc[end: end + 1])) else None
        for start in range(max(0, end - MAX_SURNAME_WORDS * 2 + 1), end + 1):
            span = doc[start: end + 1]
            if doc[start].is_alpha and "\n" not in span.text and self.known.knows_surname(span.text):
                return span
        return None

    def _with_given_names(self, doc: Doc, surname: Span, titles: list[Span],
                          fits: Callable[[Span], bool] | None = None) -> PersonMention:
        """The surname extended to the left over the longest run of capitalised words (at most
        three) with which the name still denotes one known person (or, with ``fits``, passes it)."""
        fits = fits or (lambda span: self.known.identify(name_text(span)) is not None)
        best = surname.start
        for start in range(surname.start - 1, max(-1, surname.start - 4), -1):
            word = doc[start]
            if not (word.text[:1].isupper() or word.text in ("-", ".")) or "\n" in word.whitespace_:
                break
            if word.text[:1].isupper() and fits(doc[start: surname.end]):
                best = start
        return PersonMention(doc[best: surname.end], _title_before(doc, best, titles))

    def _after_titles(self, doc: Doc, titles: list[Span], found: list[PersonMention]) -> list[PersonMention]:
        extra = []
        starts = {t.start for t in titles}
        role_spans = lex_spans(doc, *ROLE_LABELS)
        roles = {k.i for s in role_spans for k in s}
        for t in titles:
            if _adjectival(t) or t.end in starts:
                continue  # "His Highness Sheikh X": the title right after names the person, not this one
            if any(s.start < t.start and t.end < s.end for s in role_spans):
                continue  # "Chief of the General Staff Gen. X": a rank word inside a post names nobody
            end = t.end
            while end < len(doc) and _name_like(doc[end]) and "\n" not in doc[end - 1].whitespace_ \
                    and not _full_stop(doc, end):
                end += 1
            tokens = _trim_end(self._without_opener(doc, list(doc[t.end:end])))  # not "Monsieur le Président"
            while len(tokens) > 2 and tokens[0].i in roles:  # "His Majesty King X": the post is no part of it
                tokens = tokens[1:]
            tokens = _glued_tail(doc, tokens) if tokens else tokens  # "le général Po Horng-huei"
            if tokens and not any(overlaps(m.span, doc[t.end:end]) for m in found):
                extra.append(PersonMention(doc[tokens[0].i: tokens[-1].i + 1], t.text))
        return extra

    def _named_after(self, m: PersonMention, titles: list[Span], posts: set[int]) -> bool:
        """A ship, building, street or institution named after a person: "le porte-avions Charles de
        Gaulle", "l'aéroport John F. Kennedy", "USS Gerald R. Ford" (the model may include the noun),
        also with the namesake's rank, post or the ship's flag between ("le croiseur Amiral Nakhimov", "la
        frégate française Amiral Ronarc'h", "la fondation Roi Baudouin"), and in the hyphenated form French
        gives such names ("l'aéroport international Jomo-Kenyatta", "la mosquée Hassan-II": the mention may
        be only the last part)."""
        doc = m.span.doc
        start = _hyphenated_start(doc, m.span.start)
        for _ in range(3):
            word = doc[start - 1] if start > 0 else None
            if word is None or not (_is_title(word, titles) or word.i in posts
                                    or (word.text.islower() and word.pos_ == "ADJ")):
                break
            start -= 1
        before = doc[start - 1] if start > 0 else None
        words = self.known.named_after_words
        owner = fold(doc[start - 2].text) if start > 1 else ""  # "à sa place X": the post, not a square
        if before is not None and fold(before.text) in ("de", "d'") and owner in PLACE_OF_NOUNS:
            return True  # "au cimetière d'El Alia", "le quartier de Mezzeh": a place, not a namesake
        return (before is not None and fold(before.text) in words and owner not in POSSESSIVES) or (
            len(m.span) > 1 and fold(m.span[0].text) in words)

    def _blocked(self, m: PersonMention, blockers: SpanIndex) -> bool:
        if len(m.span) == 2 and not m.title and fold(m.span[0].text) in _day_names() and _possessive_after(m.span):
            return True  # "on Tuesday Jordan's Foreign Minister X": a day and a country's possessive (not
            # "Sunday Kelvin Aneke", where the day is a given name)
        words = [fold(t.text) for t in m.span]
        if any(w in self.known.organisation_words for w in words) or _media_key(m.span.text) in self.media:
            return True
        if len(m.span) == 1 and not m.title and fold(m.span.text) in _day_names():
            return True  # "Wang Yi on Friday": the day the model tagged with the name is no person
        if len(m.span) == 1 and m.span.text.isupper() and len(m.span.text) <= 6 and not m.title:
            return not self.known.is_by_name(m.span.text)  # an acronym, unless a known person's ("MBS")
        if _mixed_acronym(m.span) and not self.known.is_by_name(m.span.text):
            return True  # "FAd'H" (Forces armées d'Haïti): an acronym with an elided article inside
        near = blockers.overlapping(m.span.start, m.span.end)
        if _initials_before_place(m.span, near):
            return True
        return any(b.start <= m.span.start and m.span.end <= b.end for b in near) or any(
            b.label_ in ("MISSILE", "TREATY") for b in near) or _cuts_organisation(m.span)


def _possessive_after(span: Span) -> bool:
    """An English possessive closes the span ("Jordan's", tokenised "Jordan'" "s" or "Jordan" "'s")."""
    doc = span.doc
    nxt = doc[span.end].text if span.end < len(doc) else ""
    return span[-1].text.endswith(("'", "’")) or nxt in ("'s", "’s", "'", "’") or (
        nxt == "s" and doc[span.end - 1].text.endswith(("'", "’")))


def _told_again(doc: Doc, found: list[PersonMention]) -> list[PersonMention]:
    """A full name the article has already given, written again word for word where no rule found it
    ("Fidan and Giorgos Gerapetritis talked": the model made one organisation of the pair): the same
    capitalised words, not inside a longer run of capitalised words.  A Korean or Chinese family name,
    which opens the full name, is that person alone as well ("Cho Hyun …. Cho also spoke with Y")."""
    forms: dict[str, set[tuple[str, ...]]] = {}
    surnames: dict[str, int] = {}  # a family name told alone after the full name, and where that name ends
    family_first = load_gazetteer().family_first
    for m in found:
        words = tuple(t.text for t in m.span)  # a hyphenated given name keeps its lower-case half ("Jae-myung")
        if len(words) >= 2 and all(w[:1].isupper() or w == "-" or k and words[k - 1] == "-"
                                   for k, w in enumerate(words)):
            forms.setdefault(words[0], set()).add(words)
            if words[0] in family_first and len(m.span.text.split()) <= 3:  # "Cho Hyun …. Cho also spoke with Y"
                forms[words[0]].add(words[:1])
            elif _family_name_alone(words):  # "Christopher Musa … Musa, who was …"
                surnames.setdefault(words[-1], m.span.end)
    after: dict[str, int] = {}
    taken = {t.i for m in found for t in m.span}
    styled = {i for x in lex_spans(doc) for i in range(x.start, x.end)} | dated_tokens(doc, 0, len(doc))

    def name_word(i: int) -> bool:  # a capitalised word that is no title, post, country or date
        return 0 <= i < len(doc) and doc[i].text[:1].isupper() and i not in styled and not (
            i == 0 or doc[i].is_sent_start)

    for word, end in surnames.items():
        if word not in forms:
            forms[word] = {(word,)}
            after[word] = end
    givens = set()
    for word, end in _given_names_alone(doc, found, family_first).items():
        if word not in after:  # "Rajnath Singh … Rajnath also spoke with Y": the one person of that given name
            forms[word].add((word,))
            after[word] = end
            givens.add(word)
    out: list[PersonMention] = []
    for t in doc:
        alone = t.text in after and not (t.i < after[t.text] or t.is_stop or t.i in styled or t.pos_ not in (
            "PROPN", "NOUN") or t.text in givens and not _name_stands(doc, t.i))
        for words in forms.get(t.text, ()):
            if len(words) == 1 and t.text in after and not alone:
                continue  # a family or given name alone stands for the one named in full before it, not a common word
            end = t.i + len(words)
            if end > len(doc) or tuple(x.text for x in doc[t.i:end]) != words or any(
                    i in taken for i in range(t.i, end)):
                continue
            if name_word(t.i - 1) or name_word(end):
                continue  # part of a longer name ("Giorgos Gerapetritis Jr")
            out.append(PersonMention(doc[t.i:end]))
            taken.update(range(t.i, end))
    return out


FAMILY_NAME_MIN = 4  # letters of the shortest family name told alone ("Musa"; not "Bar", "Son", "Le")


def _given_names_alone(doc: Doc, found: list[PersonMention], family_first: frozenset[str]) -> dict[str, int]:
    """Given names that may stand alone for a person named in full before ("Rajnath Singh … Rajnath also
    spoke with Y", "Shehbaz"), each with where its full name first ends: the first word of a full name of
    two or three capitalised words, long enough and no particle, that opens no other full name of the
    article and is no other word of any name; kept only where it stands as a name does, before a verb or
    an adverb and a verb ("Rajnath also spoke", "Rajnath a appelé"), and never when the article also writes
    it in lower case (a common word capitalised at a sentence's start)."""
    firsts: dict[str, set[tuple[str, ...]]] = {}
    ends: dict[str, int] = {}
    inner: set[str] = set()
    for m in found:
        words = tuple(t.text for t in m.span)
        inner.update(words[1:])
        if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words) \
                and words[0] not in family_first and len(words[0]) >= FAMILY_NAME_MIN and not words[0].isupper() \
                and fold(words[0]) not in NAME_JOINERS:
            firsts.setdefault(words[0], set()).add(words)
            ends.setdefault(words[0], m.span.end)
    lower = {t.text for t in doc if t.text.islower()}
    out = {}
    for word, names in firsts.items():
        if len(names) != 1 or word in inner or word.lower() in lower:
            continue
        if any(t.text == word and t.i >= ends[word] and _name_stands(doc, t.i) for t in doc):
            out[word] = ends[word]
    return out


#: English words after which a capitalised word is no subject ("Rajnath of", "Shehbaz and"): English is
#: parsed with the French model, so an English verb is read from the surface, as any other lower-case word.
NOT_AFTER_SUBJECT_EN = frozenset(("of", "and", "or", "nor", "but", "the", "a", "an", "in", "on", "at", "to", "for",
                                  "with", "from", "by", "as", "s"))


def _name_stands(doc: Doc, i: int) -> bool:
    """The word at ``i`` stands where a name stands, as a subject: a verb or an auxiliary follows (maybe
    past one adverb), or, in English read from the surface, a lower-case word the French model tags as
    foreign that is no stop word and no English article, preposition or conjunction ("Rajnath also
    spoke", "Shehbaz said"); never a French adjective or noun ("la Marine nationale")."""
    k = i + 1
    if k < len(doc) and doc[k].pos_ == "ADV" and doc[k].text.islower():
        k += 1
    if k >= len(doc) or not doc[k].text.isalpha() or not doc[k].text.islower():
        return False
    return doc[k].pos_ in ("VERB", "AUX") or doc[k].pos_ == "X" and not doc[k].is_stop \
        and doc[k].text not in NOT_AFTER_SUBJECT_EN  # the French model tags English words as foreign (X)


def _family_name_alone(words: tuple[str, ...]) -> bool:
    """Whether the last word of a full name of two or three capitalised words may stand for that person
    alone: a word of letters, long enough, and no particle or suffix."""
    last = words[-1]
    return 2 <= len(words) <= 3 and last.isalpha() and len(last) >= FAMILY_NAME_MIN and last[:1].isupper() \
        and not last.isupper() and fold(last) not in NAME_JOINERS and fold(last) not in ("jr", "sr")


def _cuts_organisation(span: Span) -> bool:
    """"commandant de la Garde républicaine": a run opening on a lower-case particle after a rank is no
    name when an organisation the model tagged starts inside it and runs on past it ("Garde
    républicaine"); "le général de Gaulle" cuts nothing."""
    return span[0].text.islower() and any(
        e.label_ == "ORG" and span.start < e.start < span.end < e.end for e in span.doc.ents)


def _demonyms(doc: Doc) -> tuple[list[Span], list[Span]]:
    """Capitalised demonyms used as nouns after an article ("le Turc X"), which act as titles before
    a name, and those that a post follows, which are that post's adjective as English writes it
    ("Chinese Foreign Minister Wang Yi"): part of the post before the name, never of the name.  A
    capitalised demonym with neither is a name's own word ("Saudi Aramco" names no person)."""
    posts = {s.start for s in lex_spans(doc, *ROLE_LABELS)}
    capitalised = [s for s in lex_spans(doc, "DEMONYM") if s.text[:1].isupper()]
    nouns = [s for s in capitalised if s.end not in posts and s.start and fold(doc[s.start - 1].text) in ARTICLES]
    return nouns, [s for s in capitalised if s.end in posts]


PARTICLES = frozenset(("al", "el", "ben", "bin", "ibn", "abou", "abu", "ould"))


NICKNAME_CUES = frozenset(("dit", "dite", "surnomme", "surnommee", "alias", "surnom"))


def _nickname(doc: Doc, span: Span) -> bool:
    """"Le général X, dit « Idi Amin », …", "surnommé « le Tigre »": a nickname after its cue (quoted or
    not) is no other person."""
    k = span.start - 1
    while k >= 0 and doc[k].text in ("«", "\"", "“", "'"):
        k -= 1
    return k >= 0 and fold(doc[k].text) in NICKNAME_CUES


def _all_date(doc: Doc, span: Span) -> bool:
    """Every word of the candidate is part of a date ("Lundi, le ministre … a reçu Y": a weekday
    opening the sentence before a comma and a post reads like "X, ministre …")."""
    return len(dated_tokens(doc, span.start, span.end)) == len(span)


def _name_shaped(doc: Doc, given_names: frozenset[str] = frozenset(),
                 portfolio_words: frozenset[str] = frozenset()) -> list[Span]:
    """Entities the model calls places or organisations but that are shaped like a person's name:
    a name particle between capitalised words ("Bachar al-Assad"), a name after "<country> de"
    ("la Syrie de Bachar al-Assad"), two to four capitalised words opening with a given name of
    the gazetteer ("Fatemeh Mohajerani" tagged as a place), two to four capitalised words coordinated with
    a person's name (:func:`_beside_person`), or a portfolio glued before two
    capitalised words ("le ministre kényan de l'Intérieur Kipchumba Murkomen" tagged as a place
    whole: only the name after the portfolio is returned), and not a place the lexicons know."""
    places = lex_spans(doc, "COUNTRY", "METONYM", "PLACE", "MISSILE", "TREATY")
    out = []
    for ent in doc.ents:
        words = [t for t in ent if t.text not in ("-", "’", "'")]
        if ent.label_ == "PER" or len(words) < 2 or any(overlaps(p, ent) for p in places):
            continue
        particle = any(fold(t.text) in PARTICLES for t in words[1:-1]) and words[-1].text[:1].isupper()
        after_country = ent.start >= 2 and fold(doc[ent.start - 1].text) == "de" and any(
            p.end == ent.start - 1 and p.label_ == "COUNTRY" for p in places)
        given = len(words) <= 4 and given_key(words[0].text) in given_names and all(
            t.text[:1].isupper() or fold(t.text) in NAME_JOINERS for t in words)
        capitalised = len(words) <= 4 and all(t.text[:1].isupper() for t in words)
        if (particle or after_country or given or capitalised and _beside_person(doc, ent)) \
                and words[0].text[:1].isupper():
            out.append(ent)
        elif (start := _name_after_portfolio(doc, words, portfolio_words)) is not None:
            out.append(doc[start: ent.end])
    return out


def _beside_person(doc: Doc, ent: Span) -> bool:
    """Whether an entity is coordinated with one the model calls a person ("a reçu Uhuru Kenyatta et
    Raila Odinga", "Raila Odinga et Kalonzo Musyoka"): the model tags the unfamiliar one of two names in
    one coordination as a place or an organisation.  Only "et": a comma also sets off a name in apposition
    to an organisation ("le président-directeur général de Saudi Aramco, Amin Nasser")."""
    before = ent.start >= 2 and doc[ent.start - 1].lower_ == "et" and doc[ent.start - 2].ent_type_ == "PER"
    after = ent.end + 1 < len(doc) and doc[ent.end].lower_ == "et" and doc[ent.end + 1].ent_type_ == "PER"
    return before or after


def _name_after_portfolio(doc: Doc, words: list[Token], portfolio_words: frozenset[str]) -> int | None:
    """Where the name starts in an entity that ends with a portfolio and two or more capitalised words: the
    model glues the post's end to its holder and calls the whole a place or an organisation ("ministre de
    la Santé Aden Duale", "Intérieur Kipchumba Murkomen", "Phone Call With Israeli Minister of Defense Yoav
    Gallant"); None for any other entity.  An adjective of the model's vocabulary after the portfolio
    continues the post ("Défense Nationale Populaire"); one it does not know is a name it mistags
    ("Kahinda" in "Kahinda Otafiire")."""
    at = max((k for k, t in enumerate(words) if fold(t.text) in portfolio_words), default=None)
    if at is None or len(words) - at - 1 < 2 or words[at].i == 0:
        return None
    tail = words[at + 1:]
    name = fold(doc[words[at].i - 1].text) in PORTFOLIO_LINKS and all(t.text[:1].isupper() for t in tail) \
        and any(t.pos_ == "PROPN" for t in tail) and not any(t.pos_ == "ADJ" and t.has_vector for t in tail)
    return tail[0].i if name else None


def _particles_after_title(doc: Doc, tokens: list[Token], titles: list[Span]) -> list[Token]:
    """Take back the lower-case particles between a title and the name the model tagged without them
    ("le général de Villiers": the surname is "de Villiers")."""
    start = tokens[0].i
    while start > 0 and doc[start - 1].text in DEFAULT_PARTICLES:
        start -= 1
    if start < tokens[0].i and _title_before(doc, start, titles) is not None:
        return list(doc[start: tokens[0].i]) + tokens
    return tokens


def _article_before_role(tokens: list[Token], titles: list[Span], posts: set[int]) -> bool:
    """Whether the first token is a capitalised article opening a post or title, not a name: the
    model's entity "Le Premier ministre irakien X" cut at "ministre" leaves "Le Premier".  An
    article before a name word stays ("Le Drian", "La Russa")."""
    return len(tokens) > 1 and fold(tokens[0].text) in ARTICLES and (
        tokens[1].i in posts or _is_title(tokens[1], titles))


def _adjectival(title: Span) -> bool:
    """Whether a rank word qualifies the noun before it ("président-directeur général de Dassault
    Aviation", "procureur général"): then it names no one and what follows is no name."""
    if title.start == 0 or len(title) > 1:
        return False
    before = title.doc[title.start - 1]
    return before.text.islower() and before.pos_ == "NOUN"


@cache
def _media_names() -> frozenset[str]:
    """The news outlets of titles.json ("Al-Arabiya", "RIA Novosti"), which the model takes for people."""
    return frozenset(_media_key(name) for name in load_lexicon().titles.get("media_outlets", ()))


def _media_key(text: str) -> str:
    return fold(text).replace("-", " ")


def _role_words(doc: Doc, known: Gazetteer) -> list[int]:
    """Token indices of lower-case role nouns ("diplomate", "député") and of the capitalised head of
    an English title kg has no office for ("Treasury Secretary").  Token norms are the folded words
    here: ``kg_lexicon``, which runs before this component, sets them."""
    return [t.i for t in doc if (t.norm_ in known.role_words and t.text.islower()) or t.text in known.title_heads]


def _role_starts(doc: Doc, known: Gazetteer) -> list[int]:
    """Token indices where a role starts: a post or office of the lexicon, or a lower-case role noun."""
    starts = {s.start for s in lex_spans(doc, *ROLE_LABELS)}
    starts.update(_role_words(doc, known))
    return sorted(starts)


def _role_ends(doc: Doc, known: Gazetteer) -> list[int]:
    """Token indices right after a role: a post or office of the lexicon, or a lower-case role noun
    ("diplomate", "député"), past the demonyms and adjectives that qualify it ("le roi saoudien",
    "le ministre sortant")."""
    ends = {s.end for s in lex_spans(doc, *ROLE_LABELS)}
    ends.update(end for s in lex_spans(doc, *ROLE_LABELS) if (end := _past_country(doc, s.end)) is not None)
    heads = _role_words(doc, known)
    ends.update(i + 1 for i in heads)
    ends.update(end for i in heads if (end := _past_complement(doc, i + 1)) is not None)
    demonyms = {s.start: s.end for s in lex_spans(doc, "DEMONYM") if s.text.islower()}
    ends.update(_listed_demonym_ends(doc, known, demonyms))
    out = set()
    for end in ends:
        for _ in range(3):  # "le ministre de la Défense sortant, X", "le Premier ministre démissionnaire X"
            if end in demonyms:
                end = demonyms[end]
            elif end < len(doc) and doc[end].text.islower() and doc[end].pos_ == "ADJ":
                end += 1
        out.add(end)
    return sorted(out)


LISTED_REACH = 16  # tokens from a plural role noun to a later item of its list ("et bulgare, Y")


def _listed_demonym_ends(doc: Doc, known: Gazetteer, demonyms: dict[int, int]) -> list[int]:
    """"ses homologues espagnole, X, et chypriote, Y": after a plural role noun and its first item, each
    later item's lower-case demonym after "et" (or a comma) ends a role too, the name set off after it
    being that counterpart's."""
    plural = [t.i for t in doc if t.text.islower() and t.norm_ in known.role_words and t.norm_.endswith("s")]
    out = []
    for start, end in demonyms.items():
        if start > 0 and fold(doc[start - 1].text) in ("et", ",") and end < len(doc) and doc[end].text == "," \
                and any(start - LISTED_REACH <= i < start - 2 and doc[i].sent == doc[start].sent for i in plural):
            out.append(end)
    return out


COMPLEMENT_REACH = 4  # "de l'oblast de Kharkiv": words of a role noun's complement before its comma


def _past_complement(doc: Doc, i: int) -> int | None:
    """Where a role noun's short "de" complement ends when a comma follows it ("le gouverneur de la
    région, X", "le maire de Kharkiv, X"), so that the name set off after it is read as the role's;
    None when no such complement and comma follow."""
    if i >= len(doc) or fold(doc[i].text) not in ("de", "du", "des", "d'"):
        return None
    if (state := _past_country(doc, i)) is not None:
        return state
    for j in range(i + 1, min(len(doc), i + 2 + COMPLEMENT_REACH)):
        if doc[j].text == ",":
            return j if j > i + 1 else None
        if doc[j].pos_ not in ("DET", "NOUN", "PROPN", "ADJ", "ADP"):
            return None
    return None


def _past_country(doc: Doc, i: int) -> int | None:
    """Where "de" + a country ends when a comma follows ("la Première ministre | de Trinité-et-Tobago,
    X"), a post of the lexicon naming its state after it; None otherwise."""
    if i >= len(doc) or fold(doc[i].text) not in ("de", "du", "des", "d'"):
        return None
    state = next((s for s in lex_spans(doc, "COUNTRY") if s.start in (i + 1, i + 2)), None)
    return state.end if state is not None and state.end < len(doc) and doc[state.end].text == "," else None


#: The most words an honorific of several words has ("Son Altesse Royale").
HONORIFIC_WORDS = 3


def _honorific_words(tokens: list[Token]) -> int:
    """How many of the first tokens are an honorific of several words ("Sa Majesté", "Son Excellence",
    "His Royal Highness"), which the lexicon's title spans do not hold; 0 when they are none."""
    honorifics = {fold(h) for h in title_cues("honorifics_fr") | title_cues("honorifics_en") if " " in h}
    for size in range(min(HONORIFIC_WORDS, len(tokens)), 1, -1):
        if fold(" ".join(t.text for t in tokens[:size])) in honorifics:
            return size
    return 0


def _apposed_run(doc: Doc, start: int) -> list[Token]:
    """The capitalised run at ``start``, or after a comma there, within the line: the name a role
    stands in apposition to, empty when none starts there."""
    if start < len(doc) and doc[start].text == "," and "\n" not in doc[start].whitespace_:
        start += 1
    if start >= len(doc) or not doc[start].text[:1].isupper() or "\n" in doc[start - 1].whitespace_:
        return []
    end = start
    while end < len(doc) and _name_like(doc[end]) and (end == start or not (
            "\n" in doc[end - 1].whitespace_ or doc[end].is_sent_start)):
        end += 1
    tokens = _trim_end(list(doc[start:end]))
    return _glued_tail(doc, tokens) if tokens else tokens


def _apposed_name(tokens: list[Token]) -> bool:
    """Whether a capitalised run in apposition to a role may be its holder's name: a proper noun in it, a
    person, organisation or "misc" entity over it, or two words or more the model calls a place (it often
    tags an unfamiliar given name and surname so, and parses neither as a proper noun)."""
    if any(t.pos_ == "PROPN" or t.ent_type_ in APPOSED_ENTITIES for t in tokens):
        return True
    words = [t for t in tokens if t.is_alpha]
    return len(words) >= APPOSED_PLACE_WORDS and all(t.ent_type_ == "LOC" for t in words)


def _with_fathers(m: PersonMention, titles: list[Span], blockers: SpanIndex) -> PersonMention:
    """The mention taken back to the start of the Arabic name it ends: the model often tags only the
    family or the last father ("Mohammed ben Abdelrahmane [Al Thani]", "Turki ben Mohammed [ben Fahd]"),
    so the chain of "<name> ben <name>" before it is the person's own name and fathers.  A title, a
    lexicon term (a place, a country) or a line break ends the chain."""
    doc = m.span.doc

    def name_word(i: int) -> bool:
        t = doc[i]
        return (t.is_alpha and t.text[:1].isupper() and not _is_title(t, titles) and "\n" not in t.whitespace_
                and not blockers.overlapping(i, i + 1))

    def patronymic(i: int) -> bool:
        return doc[i].text in PATRONYMIC and "\n" not in doc[i].whitespace_

    start = m.span.start
    if start >= 2 and name_word(start - 1) and patronymic(start - 2):
        start -= 1  # "ben Abdelrahmane" before "Al Thani"
    if start >= 1 and patronymic(start) and name_word(start - 1):
        start -= 1  # the mention opens with "ben": the given name before it
    while start >= 2 and patronymic(start - 1) and name_word(start - 2):
        start -= 2
    if start == m.span.start or not name_word(start):
        return m
    return PersonMention(doc[start: m.span.end], m.title or _title_before(doc, start, titles), apposed=m.apposed)


def _with_flat_names(m: PersonMention, titles: list[Span], blockers: SpanIndex) -> PersonMention:
    """The mention taken over the words the parser ties to it as parts of one name (``flat:name``) that
    the model labelled apart: "[Elbridge] Colby" with "Elbridge" called a place, the given name the
    parser makes the head of the surname; or a surname left out after the given name (tied to the last word
    or, as the parser often does, to the first: "Alexandre Barro [Chambrier]").  Only a
    capitalised word (not a whole upper-case one, as datelines are) right next to the mention, within
    the line, that is no title, no honorific ("Cheikh" opening a headline) and no lexicon term (a place, a
    country, a post)."""
    doc = m.span.doc
    honorifics = title_cues("honorifics_fr") | title_cues("honorifics_en")
    heads = load_gazetteer().title_heads  # "Energy [Secretary] Chris Wright"

    def name_word(i: int) -> bool:
        t = doc[i]
        return (t.is_alpha and t.text[:1].isupper() and not t.text.isupper() and not _is_title(t, titles)
                and fold(t.text) not in honorifics and t.text not in heads and not blockers.overlapping(i, i + 1))

    start, end = m.span.start, m.span.end
    first, last = doc[start], doc[end - 1]
    # a word inside the same model entity as the mention was cut off on purpose ("[Deputy Secretary] Feinberg")
    if start >= 1 and first.dep_ == "flat:name" and first.head.i == start - 1 and name_word(start - 1) \
            and "\n" not in doc[start - 1].whitespace_ and first.ent_iob_ != "I":
        start -= 1
    if end < len(doc) and doc[end].dep_ == "flat:name" and start <= doc[end].head.i < end and name_word(end) \
            and "\n" not in last.whitespace_ and doc[end].ent_iob_ != "I":
        end += 1
    if (start, end) == (m.span.start, m.span.end):
        return m
    return PersonMention(doc[start:end], m.title or _title_before(doc, start, titles), apposed=m.apposed)


def _with_abbreviation(m: PersonMention) -> PersonMention:
    """The mention with the abbreviated given name and full stop before it ("Ma. Teresita Daza",
    "Mohd. Khaled Nordin"; ``given_name_abbreviations`` of people.json): the model takes the stop for
    the end of a sentence and the abbreviation for a word of its own."""
    doc, start = m.span.doc, m.span.start
    if start >= 2 and doc[start - 1].text == "." and not doc[start - 2].whitespace_:
        word = doc[start - 2]
    elif start >= 1 and doc[start - 1].text.endswith(".") and len(doc[start - 1]) > 1:
        word = doc[start - 1]
    else:
        return m
    if not word.text[:1].isupper() or fold(word.text.rstrip(".")) not in given_name_abbreviations():
        return m
    return PersonMention(doc[word.i: m.span.end], m.title, apposed=m.apposed)


#: Lexicon labels of places: a capitalised run that is only initials and one of them names no person.
PLACE_LABELS = frozenset(("COUNTRY", "METONYM", "PLACE"))


def _initials_before_place(span: Span, near: list[Span]) -> bool:
    """"… sur son compte X. Londres n'a pas réagi": a candidate made of initials and a place the lexicons
    know (the model took a social network's letter and the next sentence's capital for a name)."""
    rest = [t for t in span if not re.fullmatch(r"[A-Z]\.?|\.", t.text)]
    return bool(rest) and len(rest) < len(span) and any(
        b.label_ in PLACE_LABELS and b.start <= rest[0].i and rest[-1].i < b.end for b in near)


def _mixed_acronym(span: Span) -> bool:
    """One word of at most six letters, more capitals than lower-case letters, with an apostrophe
    inside ("FAd'H", "FAd’H"): an acronym keeping an elided article, no name ("N'Diaye" has one capital)."""
    while len(span) > 1 and fold(span[0].text) in ("les", "le", "la", "des", "du", "l'"):
        span = span[1:]  # "Les FAd'H ont lancé …": the article the model took in
    text = span.text
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    return any(q in text for q in "'’") and not any(t.whitespace_ for t in span[:-1]) and len(letters) <= 6 \
        and upper >= 2 and upper > len(letters) - upper


def _joined_across_abbreviation(found: list[PersonMention]) -> list[PersonMention]:
    """"Jose Ma. Ambrosio Ezpeleta": a name the model cut at an abbreviated given name inside it (its
    full stop taken for a sentence's end) is one name, the abbreviation's mention joined to the one
    just before it, which may end on the abbreviation ("Jose Ma"; ``given_name_abbreviations``, see
    :func:`_with_abbreviation`)."""
    out: list[PersonMention] = []
    for m in sorted(found, key=lambda m: m.span.start):
        prev = out[-1] if out else None
        if prev is not None and prev.span.start < m.span.start <= prev.span.end and len(m.span) > 2 \
                and m.span[0].text[:1].isupper() and fold(m.span[0].text.rstrip(".")) in given_name_abbreviations() \
                and (m.span[0].text.endswith(".") or m.span[1].text == "."):
            out[-1] = PersonMention(m.span.doc[prev.span.start:m.span.end], prev.title, apposed=prev.apposed)
            continue
        out.append(m)
    return out


ENGLISH_WEEKDAYS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))


def _with_weekday_given_name(m: PersonMention, titles: list[Span]) -> PersonMention:
    """"le maréchal de l'air Sunday Kelvin Aneke": an English weekday right after a title and before a
    name is a given name (common in Nigeria and Ghana: Sunday, Monday, Friday), not a date."""
    doc, start = m.span.doc, m.span.start
    if start < 2 or doc[start - 1].text not in ENGLISH_WEEKDAYS or not doc[start - 1].whitespace_ \
            or "\n" in doc[start - 2].whitespace_:
        return m
    if not any(t.start <= start - 2 < t.end for t in titles):
        return m
    return PersonMention(doc[start - 1:m.span.end], m.title, apposed=m.apposed)


def _with_glued_apostrophe(m: PersonMention) -> PersonMention:
    """"Edgard Alain Mebe Ngo'o": a last name with an apostrophe inside, which the tokenizer cuts after
    it ("Ngo'" + "o"), belongs to the name before it: a capitalised word ending on the apostrophe and a
    short lower-case tail glued to it ("d'", "l'" are lower case and stay out)."""
    doc, end = m.span.doc, m.span.end
    if end + 1 >= len(doc) or not m.span[-1].whitespace_:
        return m
    word, tail = doc[end], doc[end + 1]
    if word.text[:1].isupper() and len(word.text) >= 3 and word.text[-1] in "'’" and not word.whitespace_ \
            and tail.is_alpha and tail.text.islower() and len(tail.text) <= 3:
        return PersonMention(doc[m.span.start:end + 2], m.title, apposed=m.apposed)
    return m


#: Name particles that are no French word, so that one right after a name opens its surname.
SURNAME_OPENERS = frozenset(("dela", "delos", "van", "von", "der", "ter", "ten", "da", "das", "dos", "di", "del",
                             "della", "ben", "bin", "ibn", "ould"))


def _with_particle_surname(m: PersonMention, blockers: SpanIndex) -> PersonMention:
    """The mention with the surname the model left out after a name particle ("[Maria Teresa] dela
    Cruz-Santos", "[Ursula] von der Leyen"): a lower-case particle that is no French word, maybe a
    second one, then a capitalised word that is no lexicon term, within the line."""
    doc, end = m.span.doc, m.span.end
    i = end
    while i < len(doc) and i - end < 2 and doc[i].text in SURNAME_OPENERS | {"der", "den", "la", "los"} \
            and "\n" not in doc[i - 1].whitespace_:
        i += 1
    if i == end or doc[end].text not in SURNAME_OPENERS or i >= len(doc) or "\n" in doc[i - 1].whitespace_:
        return m
    if not (doc[i].is_alpha and doc[i].text[:1].isupper()) or blockers.overlapping(i, i + 1):
        return m
    tokens = _glued_tail(doc, list(doc[m.span.start: i + 1]))  # "dela Cruz-Santos"
    return PersonMention(doc[m.span.start: tokens[-1].i + 1], m.title, apposed=m.apposed)


def _without_country(m: PersonMention, countries: dict[int, int]) -> PersonMention:
    """The mention without the country it is "of" at its end ("le roi Abdallah II de Jordanie", "le sultan
    Haïtham ben Tariq d'Oman"): the model takes the preposition and the country into the name of a
    sovereign or a prince, but a country of the lexicon is never a person's surname ("de la Fuente",
    "de Gaulle" are no countries)."""
    doc = m.span.doc
    for t in m.span[1:]:
        if fold(t.text) in COUNTRY_LINKS and countries.get(t.i + 1, -1) >= m.span.end and t.i - 1 >= m.span.start:
            return PersonMention(doc[m.span.start: t.i], m.title, apposed=m.apposed)
    return m


def _cut_before_overlaps(found: list[PersonMention]) -> list[PersonMention]:
    """Mentions that run into the start of a longer one cut before it ("[Pastef d'Ousmane] Sonko": the
    model takes a party and the given name of its leader for a name, another rule finds "Ousmane Sonko"):
    a name ends where another person's begins.  Nothing is kept of a mention that would keep no name."""
    out = []
    for m in found:
        cut = min((o.span.start for o in found if m.span.start < o.span.start < m.span.end < o.span.end
                   and len(o.span) > 1), default=None)
        if cut is None:
            out.append(m)
            continue
        tokens = _trim_end([t for t in m.span if t.i < cut])
        while tokens and fold(tokens[-1].text) in COUNTRY_LINKS:  # "Pastef d'": the preposition goes too
            tokens = _trim_end(tokens[:-1])
        if tokens:
            out.append(PersonMention(m.span.doc[tokens[0].i: tokens[-1].i + 1], m.title, apposed=m.apposed))
    return out


def _without_inner(found: list[PersonMention]) -> list[PersonMention]:
    """Mentions that no longer one covers ("Mohammed" inside "Mohammed ben Abdelrahmane Al Thani")."""
    return [m for m in found if not any(o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end
                                        and len(o.span) > len(m.span) for o in found)]


def _hyphenated_start(doc: Doc, start: int) -> int:
    """The start of the hyphen-glued name that token ``start`` ends or continues ("Jomo-[Kenyatta]",
    "Cheikh-Anta-[Diop]", "Prince[-Sultan]"): French joins the words of a person's name with hyphens
    when it names a place, a building or a ship after them."""
    if start < len(doc) and doc[start].text == "-" and start > 0 and not doc[start - 1].whitespace_:
        start -= 1
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].text[:1].isupper():
        start -= 2
    return start


def _cut_at_newline(tokens: list[Token]) -> list[Token]:
    for i, t in enumerate(tokens):
        if "\n" in t.text or "\n" in t.whitespace_:
            return tokens[: i + 1]
    return tokens


def _is_title(token: Token, titles: list[Span]) -> bool:
    return any(s.start <= token.i < s.end for s in titles)


def _title_before(doc: Doc, i: int, titles: list[Span]) -> str | None:
    return next((s.text for s in titles if s.end == i), None)


def _full_stop(doc: Doc, i: int) -> bool:
    """A full stop after a whole word ("… le général X Y. Z doit …") ends the sentence, not a name; one
    after an initial or a "Jr" may be inside it."""
    return doc[i].text == "." and i > 0 and len(doc[i - 1].text) > 2 and doc[i - 1].is_alpha


def _name_like(token: Token) -> bool:
    text = token.text
    return fold(text) in NAME_JOINERS or (text[:1].isupper() and any(c.isalpha() for c in text))


def _glued_tail(doc: Doc, tokens: list[Token]) -> list[Token]:
    """Keep a hyphenated lower-case end that the tokenizer split off ("Kim Jong-un", "Lee Jae-myung": a
    romanised Korean syllable has up to six letters, "hyeong"), also with the apostrophe of an English
    possessive the tokenizer leaves on it ("Kim Myung-soo's": "soo'", "s")."""
    i = tokens[-1].i
    while i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "-" and not doc[i + 1].whitespace_ \
            and _syllable(doc, i + 2):
        tokens = tokens + [doc[i + 1], doc[i + 2]]
        i += 2
    if i + 1 < len(doc) and _after_inner_apostrophe(doc[i + 1]):
        tokens = tokens + [doc[i + 1]]
    return tokens


def _syllable(doc: Doc, i: int) -> bool:
    """A romanised syllable (up to six letters), or one ending on a possessive's apostrophe before "s"."""
    text = doc[i].text
    if text[-1:] in "'\u2019" and i + 1 < len(doc) and doc[i + 1].text == "s" and not doc[i].whitespace_:
        text = text[:-1]
    return text.isalpha() and len(text) <= 6


def _after_inner_apostrophe(t: Token) -> bool:
    """Whether a lower-case word continues the name before it across an apostrophe the tokenizer cut
    at ("Kimani Ichung'wah", "Ma'ruf"): glued to a word that ends with the apostrophe, and not the
    "s" of an English possessive ("Pelosi's")."""
    before = t.doc[t.i - 1] if t.i > 0 else None
    return (before is not None and not before.whitespace_ and before.text[-1:] in "'\u2019"
            and len(before.text) > 2 and t.is_alpha and t.text.islower()
            and (len(t.text) > 1 or fold(before.text[-2:]) == "c'" and t.text == "h"))  # Breton "Ronarc'h"


def _before_post(doc: Doc, tokens: list[Token]) -> list[Token]:
    """The name's tokens before a post phrase that starts inside them and runs on past them ("a nommé
    Sébastien Lecornu Premier ministre": the model takes "Premier" into the name).  A post word wholly
    inside the name ("Mohammed Sultan") stays."""
    if len(tokens) < 2:
        return tokens
    first, last = tokens[0].i, tokens[-1].i
    cut = min((s.start for s in lex_spans(doc, *ROLE_LABELS) if first < s.start <= last < s.end - 1), default=None)
    return [t for t in tokens if t.i < cut] if cut is not None else tokens


@cache
def _post_nominals() -> frozenset[str]:
    """Letters after a name ("MP", "KC", "OBE"), as written: case tells them from words."""
    return frozenset(load_lexicon().titles.get("post_nominals_en", ()))


def _trim_end(tokens: list[Token]) -> list[Token]:
    """Drop trailing tokens that cannot end a name (a final full stop stays only after Jr/Sr); a Jr/Sr
    ends the name ("Gilberto Teodoro Jr. The two leaders …": the next sentence's first word is not in it)."""
    suffix = next((k for k, t in enumerate(tokens) if k and fold(t.text).rstrip(".") in ("jr", "sr")), None)
    if suffix is not None:
        dot = suffix + 1 < len(tokens) and tokens[suffix + 1].text == "."
        tokens = tokens[:suffix + 1 + dot]
    while len(tokens) > 1 and tokens[-1].text in _post_nominals():  # "the Hon Richard Marles MP"
        tokens = tokens[:-1]
    while tokens:
        last = fold(tokens[-1].text)
        keep_dot = last == "." and len(tokens) > 1 and fold(tokens[-2].text) in ("jr", "sr")
        if _name_like(tokens[-1]) and (last not in NAME_JOINERS or last in ("jr", "jr.") or keep_dot):
            return tokens
        tokens = tokens[:-1]
    return tokens


def _supported(found: list[PersonMention], model_names: list[Span], known: Gazetteer) -> list[PersonMention]:
    """Drop lone surnames that neither a title, a fuller name in the article nor the gazetteer
    supports (a known surname counts when the model tags it as a person, or when it is not
    ambiguous)."""
    full_tokens = {fold(t.text) for m in found if len(_core(m.span)) > 1 for t in m.span}
    person_tokens = {t.i for e in model_names for t in e}
    starts, ends = {m.span.start for m in found}, {m.span.end for m in found}

    def gazetteer(m: PersonMention) -> bool:
        text = name_text(m.span)
        return known.knows_surname(text) and (m.span.start in person_tokens or not known.is_ambiguous(text)
                                              or _hyphen_paired(m.span, starts, ends))

    return [m for m in found if len(_core(m.span)) > 1 or m.title or m.apposed or fold(m.span.text) in full_tokens
            or gazetteer(m)]


def _hyphen_paired(span: Span, starts: set[int], ends: set[int]) -> bool:
    """One side of "A-B" whose other side is a person found too ("Entretien Trump-Xi")."""
    doc = span.doc
    after = span.end < len(doc) - 1 and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_ \
        and span.end + 1 in starts
    before = span.start >= 2 and doc[span.start - 1].text == "-" and not doc[span.start - 2].whitespace_ \
        and span.start - 1 in ends
    return after or before


def _foreign_word(doc: Doc, i: int, titles: list[Span], lexical: set[int]) -> bool:
    """Whether token ``i``, next to a known name, is a capitalised word that is neither a title,
    a lexicon term nor a sentence opener: then the name is part of something else ("Hunter
    Biden" is not Joe Biden, "Trump Tower" is a building)."""
    if not 0 <= i < len(doc):
        return False
    word = doc[i]
    if not (word.is_alpha and word.text[:1].isupper()) or _is_title(word, titles):
        return False
    if word.is_sent_start and (word.is_stop or word.pos_ in OPENERS):
        return False  # "Selon Biden", "Hier Poutine ..."
    return i not in lexical


def _split_at_words(tokens: list[Token]) -> list[list[Token]]:
    """Cut a token run at lower-case words that cannot be inside a name (particles and hyphen-glued
    ends such as "Jong-un" can), and at a dash set off by spaces, which no name holds ("WASHINGTON -
    Pete Hegseth": a dateline, then the name)."""
    parts: list[list[Token]] = [[]]
    for t in tokens:
        glued = t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_ or _after_inner_apostrophe(t)
        inner = t.is_alpha and t.text.islower() and fold(t.text) not in DEFAULT_PARTICLES | NAME_JOINERS
        cut = inner and not glued and parts[-1] and any(x.text[:1].isupper() for x in parts[-1])
        if cut or _spaced_dash(t):
            parts.append([])
        else:
            parts[-1].append(t)
    return [p for p in parts if p]


def _spaced_dash(t: Token) -> bool:
    before = t.doc[t.i - 1] if t.i > 0 else None
    return t.text in ("-", "\u2013", "\u2014") and bool(t.whitespace_) and (before is None or bool(before.whitespace_))


def _pairing(m: PersonMention, found: list[PersonMention]) -> bool:
    """Whether a name ends in a hyphenated pair of words of two other people of the article: a call or
    summit named after its parties ("l'entretien Prabowo-Macron", "Entretien Macron-Modi" taken whole
    for a person), not a double-barrelled surname ("Kosiniak-Kamysz": no other name holds "Kamysz")."""
    words = [t.text for t in m.span]
    if len(words) < 3 or words[-2] != "-" or not (words[-3][:1].isupper() and words[-1][:1].isupper()):
        return False
    names = [{fold(t.text) for t in o.span} for o in found if o is not m and len(_core(o.span)) > 1]
    first, second = fold(words[-3]), fold(words[-1])
    return any(first in a and second not in a for a in names) and any(second in b and first not in b for b in names)


def _core(span: Span) -> list[Token]:
    """The name's own words: particles count only in lower case or inside ("Ben Wallace" has two)."""
    return [t for i, t in enumerate(span) if fold(t.text) not in NAME_JOINERS or (i == 0 and t.text[:1].isupper())]


def _group(found: list[PersonMention], known: Gazetteer) -> list[PersonMention]:
    found = sorted({m.span.start: m for m in found}.values(), key=lambda m: m.span.start)
    clusters = NameClusters(canonical=with_second_surnames({name_text(m.span) for m in found}, known))
    for m in found:
        clusters.add(name_text(m.span))
    joined, ambiguous = _short_forms(clusters.clusters(), known.given_names)
    found = [m for m in found if clusters.cluster_of(name_text(m.span)) not in ambiguous]
    order: dict[int, str] = {}
    for m in found:
        cid = clusters.cluster_of(name_text(m.span))
        m.key = order.setdefault(joined.get(cid, cid), f"p{len(order) + 1}")
    return found


#: Particles after which a name is the father's ("bin Salman", "ould Abdelaziz"), not the person's own.
PATRONYMIC = frozenset({"bin", "ibn", "bint", "binti", "ould", "ben", "ap"})


def _short_forms(clusters: list[list[str]],
                 given_names: frozenset[str] = frozenset()) -> tuple[dict[int, int], set[int]]:
    """Clusters of one-word names that stand for a fuller name of the article by a word other than its surname
    ("M. Prabowo" for Prabowo Subianto, "Lula" for Luiz Inácio Lula da Silva, "M. Sánchez" for Pedro Sánchez
    Pérez-Castejón): cluster id -> the id of the one cluster with a multi-word name containing that word.  A
    word found in two clusters ("Kim" beside Kim Jong Un and Kim Yo Jong) joins neither and is returned in
    the second set: it is one of those people, not a third one, so it is no person of its own.  A word after
    a patronymic particle names the father ("Salman" in Khalid bin Salman is King Salman).  A two-word name
    may also stand for a longer one as its two-word surname (:func:`_compound_surname_owners`)."""
    words: dict[str, set[int]] = {}
    for cid, names in enumerate(clusters):
        for name in names:
            parts = [fold(part) for part in name.split()]
            if len(parts) > 1:
                for before, part in zip(["", *parts], parts, strict=False):
                    if before not in PATRONYMIC:
                        words.setdefault(part, set()).add(cid)
    joined, ambiguous = {}, set()
    for cid, names in enumerate(clusters):
        if all(len(name.split()) == 1 for name in names):
            owners = set().union(*(words.get(fold(name), set()) for name in names)) - {cid}
            if len(owners) == 1:
                joined[cid] = owners.pop()
            elif owners:
                ambiguous.add(cid)
        elif len(owners := _compound_surname_owners(clusters, cid, given_names)) == 1:
            joined[cid] = owners.pop()
    return joined, ambiguous


def _compound_surname_owners(clusters: list[list[str]], cid: int, given_names: frozenset[str]) -> set[int]:
    """The clusters of which a two-word name of cluster ``cid`` is the end of a longer name, when its first word
    is no known given name: "Mme Bruins Slot" for Hanke Bruins Slot, "M. Ramírez Blanco" for Marta Lucía
    Ramírez Blanco: a surname of two words (Dutch double names, Spanish father's and mother's surnames)
    written alone, which name matching reads as a given name and a surname.  "Idriss Déby" beside
    "Mahamat Idriss Déby" is another man (the son is named after his father, "Idriss" is a given name)."""
    tails = {tuple(fold(w) for w in name.split()) for name in clusters[cid] if len(name.split()) == 2}
    if not tails or len(tails) != len(clusters[cid]) or any(given_key(t[0]) in given_names for t in tails):
        return set()
    return {other for other, names in enumerate(clusters) if other != cid and any(
        len(words := [fold(w) for w in name.split()]) > 2 and tuple(words[-2:]) in tails for name in names)}


def name_text(span: Span) -> str:
    """A mention's name as labels show it: no invisible characters, no apostrophe of an English
    possessive left on the last token ("Brown's" -> "Brown")."""
    return clean_name(span.text).rstrip("'\u2019 ")


def _fullest(name: str) -> tuple[int, bool, int, str]:
    """Sort key of a person's mentions, the name to show first: more words, then a form in the case
    of prose over one shouted in a capitals headline or dateline ("Oleksandr Syrskyi" over "OLEKSANDR
    SYRSKYI"), then the longer, then the string, so that ties never depend on order."""
    return -len(name.split()), name.isupper(), -len(name), name


def person_refs(doc: Doc) -> list[PersonRef]:
    """One PersonRef per person of the article, with every mention as evidence."""
    refs: dict[str, list[PersonMention]] = {}
    for m in doc._.people or []:
        refs.setdefault(m.key, []).append(m)
    out = []
    for key, mentions in refs.items():
        names = sorted({name_text(m.span) for m in mentions}, key=_fullest)
        title = next((m.title for m in mentions if m.title), None)
        out.append(PersonRef(key=key, name=names[0], mentions=tuple(names),
                             evidence=tuple(evidence(m.span, "person-mention") for m in mentions), title=title))
    return out

