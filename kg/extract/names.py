"""Person names: folding, transliteration keys, name parts and clustering.

One real person must become one node whatever the spelling, so this module
decides when two name strings may denote the same person.  It is pure Python
(no spaCy, no model) and works on names whose titles are already stripped.

Folding (:func:`fold`)
    Invisible format characters (Unicode category Cf: U+FEFF, U+200B, U+200E,
    U+2060 ...) are dropped (:func:`clean_name` does only that, for labels),
    apostrophes and dashes are unified, then NFKD decomposition removes
    combining marks, the text is lower-cased, a few letters without a
    decomposition are spelled out (ß, œ, æ, ø, ł, đ, ı) and whitespace is
    collapsed.

Transliteration key (:func:`translit_key`)
    A name is cut into words at spaces, hyphens and apostrophes.  An Arabic
    article is dropped: ``al``/``el`` before another word, and ``al-``, ``el-``
    or an assimilated form (``ash-``, ``ad-`` ...) glued by a hyphen;
    ``ben``/``bin``/``ibn`` become ``bin``.  Each word is then rewritten by
    the ordered rules of ``_RULES``; the order matters:

    1. French ``ou`` -> ``u``, and ``oou`` too, which is English ``ou``
       (Choïgou/Shoigu, Belooussov/Belousov, Iouri/Yuri once ``y`` is ``i``);
    2. the Muhammad/Ahmad/Abdel families of Arabic given names get one
       spelling each (a name pattern, not a list of people), the article of
       ``Abd`` assimilated to a sun letter too (Abderrahmane/Abdulrahman,
       Abdessalam/Abdul Salam, Abdennour/Abdel Nour);
    3. the hushing class: ``tsch``, ``sch``, ``tch``, ``sh``, ``ch`` -> ``sh``.
       French ``ch`` is English ``sh`` and French ``tch`` is English ``ch``,
       so all of them must meet (Tchernov/Chernov, Khrouchtchev/Khrushchev,
       Bachar/Bashar);
    4. ``dzh``, ``dj``, ``zh`` -> ``j`` (Jdanov/Zhdanov, Prigojine/Prigozhin);
    5. ``kh`` -> ``h`` (after 3, so that ``s|kh`` never reads as ``sh``), and
       ``gh`` -> ``k`` except before ``t`` or at the end (English "Knight",
       "Hugh"): Persian and Arabic ``q`` is written ``gh`` as often as ``q``
       (Ghalibaf/Qalibaf, Araghchi/Araqchi, Gharibabadi/Qaribabadi);
    6. Latin spellings: ``ph`` -> ``f``, ``th`` -> ``t``, ``x`` -> ``ks``,
       ``q`` -> ``k``, ``w`` -> ``v`` (Wagner/Vagner, Alexandre/Aleksandr);
       ``c`` stays in surnames (Cline/Kline, Cramer/Kramer are different
       families) and is folded only in given names (:func:`given_key`:
       soft ``c`` -> ``s``, other ``c`` -> ``k``: Victor/Viktor);
    7. ``y`` -> ``i`` (Syrsky/Syrskyi, Iakovlev/Yakovlev, Sergey/Sergei);
    8. ``gu`` before ``e``/``i`` -> ``g`` (Guérassimov/Gerasimov, Sergueï);
    9. word-initial ``ie`` -> ``e`` (Ievgueni/Yevgeny/Evgeny, Eltsine/Yeltsin);
    10. final ``ij`` -> ``i`` (German -yj);
    11. a French mute final ``e`` after a consonant goes (Poutine/Putin,
        Narychkine/Naryshkin) in words of four letters or more;
    12. doubled letters collapse (Belooussov, Zelenskyy/Zelenskiy, Mohammed).

    Deliberately *not* merged: vowel changes (Lavrov/Lavrentiev,
    Ivanov/Ivanova, Zelensky/Zelenska, Austin/Augustin), Ukrainian ``h``
    against Russian ``g`` in surnames (given names do meet, see below),
    ``c`` against ``k`` in surnames
    (Cline/Kline), and English against German spellings of a Western name
    (Brown/Braun are different surnames, not transliterations of one name).
    Known people's spellings that these rules keep apart (Shmyhal/Shmygal)
    are joined by the gazetteer instead (``canonical`` below,
    :mod:`kg.extract.gazetteer`).

Name parts (:func:`split_name`), in this order
    quoted nicknames and parentheses are removed; a comma form
    ("Brown, Charles Q.") is turned around and a comma suffix kept; a final
    suffix (Jr., Sr., II, III, IV) is set apart; East Asian order (a known
    Chinese, Korean or Vietnamese family name first, then one or two
    syllable words) gives the family name as surname and the rest as one
    hyphen-joined given name ("Kim Jong Un" -> given ``("Jong-Un",)``); a run
    of upper-case words ("Vladimir POUTINE", "POUTINE Vladimir") is the
    surname, re-cased; otherwise the last word is the surname, extended to
    the left over particles (de, von der, al, ben ...).  A particle opening
    the name counts only if it is a European one or is written in lower case
    ("Le Drian", "von der Leyen", but "Ben Wallace", "Al Gore").  Given
    names lose their dots; "C.Q." and "CQ" are two initials, "J.-Y." is the
    hyphenated initial ``J-Y``.

Same person (:func:`same_person`)
    Surname keys must be equal.  Given names are compared after splitting
    hyphenated ones ("Jean-Yves" -> Jean, Yves): a missing side is
    compatible; otherwise position by position (first, then middles) while
    both sides have a name: two initials must be equal, an initial must be
    a first letter of the full name (folded or transliterated, so "I." fits
    "Iouri" and "Yuri"), two full names must have equal keys, be usual forms
    of one English name (Mike/Michael, Bob/Robert: ``given_name_variants``
    of kg/lexicons/people.json, the module's only data), or equal
    consonant skeletons of three letters or more with the same feminine
    ``-a`` ending (Oleksandr/Alexandre, Volodymyr/Vladimir), the Ukrainian
    ``h`` read as the Russian ``g`` in both tests (Serhiy/Sergueï, Oleh/Oleg).
    A word of lineage or honour opening the given names ("Seyed Abbas",
    ``honorific_given_names`` of people.json) is set aside by
    :func:`split_name` when another given name follows; an abbreviated first
    given name ("Ma. Teresita", "Mohd Khaled": ``given_name_abbreviations``)
    may be left out by one side.  Given names
    written in one word on one side and two on the other are compared
    joined (Abdelmalek/Abdul-Malik, Jinping/Jin-ping).  Extra middle
    names on one side and suffixes are ignored, except in clusters: two full
    names of one corpus that differ by a suffix (Jr., Sr., II, III) are a father
    and a son.

Clusters (:class:`NameClusters`, :func:`group_names`)
    Computed from the set of names, never from insertion order, one surname
    key at a time (names with different surname keys never meet).  Full
    names (with a given name) are joined by union-find over compatible
    pairs; a component holding two incompatible names is split by setting
    aside its *bridges* (names compatible with two names that are
    incompatible with each other, e.g. "C. Brown" between "Charles Brown"
    and "Chris Brown"), re-clustering the rest and giving each bridge, in
    sorted order, to the only part all of whose members it fits; the others
    are clustered among themselves.  With a ``canonical`` function (the
    gazetteer's), names are bucketed and compared under their canonical
    form and returned as written.  Surname-only names then join the
    full-name cluster when there is exactly one; otherwise ("Brown" beside
    "Charles Brown" and "Gordon Brown", "Kim" beside Kim Jong-un and Kim
    Yo-jong) they stay together in a cluster of their own.

Best name (:meth:`NameClusters.best_name`)
    The member with, in this order: a full first given name, no upper-case
    surname, the surname spelling most used (every form that writes the
    surname so counts: "Guérassimov" in three French articles beats
    "Gerasimov" in two English ones whatever the first names), more
    occurrences (``add`` counts repeats: across articles, the form most
    articles use), more full given names, more given parts
    (initials count), a suffix, more diacritics (the French press form,
    "Sergueï Choïgou" over "Sergei Shoigu" when equally frequent), and
    finally the greatest string, so that ties never depend on order.

Person key (:func:`person_key`)
    ``surname key|initial`` ("brovn|c"), ``surname key|`` without a given
    name, and ``surname key|given key`` for East Asian names.  It is a stable
    label, not an identity: two people with one surname and one initial
    share it, so the clusters decide identity.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import combinations

from kg.resources import lexicon_path

DEFAULT_PARTICLES: frozenset[str] = frozenset(
    {
        "de", "du", "des", "d", "la", "le", "les", "van", "von", "der", "den", "ter", "ten",
        "da", "das", "dos", "di", "del", "della", "al", "el", "ben", "bin", "ibn", "abu", "abou", "ould",
        "dela", "delos", "los",  # Filipino and Spanish: "dela Cruz", "delos Santos", "de los Reyes"
    }
)  # fmt: skip
DEFAULT_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv"})

# Particles that may open a name even when capitalised ("Le Drian", "Von der Leyen").
_START_PARTICLES = frozenset(
    {"de", "du", "des", "d", "la", "le", "les", "van", "von", "der", "den", "ter", "ten",
     "da", "das", "dos", "di", "del", "della", "dela", "delos"}
)  # fmt: skip
# Family names that announce East Asian order (family name first).  "Le" is
# left out on purpose: it is far more often the French particle.
_EAST_ASIAN_FAMILY = frozenset(
    {"kim", "lee", "park", "choi", "moon", "yoon", "xi", "li", "wang", "zhang", "liu", "chen",
     "yang", "zhao", "huang", "zhou", "wu", "hu", "he", "jiang", "deng", "mao", "wen", "dong",
     "wei", "guo", "qin", "zheng", "xu", "nguyen", "tran", "pham",
     "cao", "chi", "liang", "chang", "fang", "tang", "zhu", "lin", "hua", "gao", "luo", "xie",
     "feng", "cai", "peng", "yuan", "jia", "tsai", "lai", "ri", "choe", "pak", "roh", "suh",
     "yun", "jeong", "chung", "cho", "ahn", "ban", "kang", "shin", "hwang", "kwon", "no", "han",
     "song", "hong", "ding", "geng", "fu", "lu", "ma", "sun", "meng", "yu", "wi", "bui", "vo", "ng"}
)  # fmt: skip

_ARTICLES = frozenset({"al", "el", "ul"})
_HYPHEN_ARTICLES = _ARTICLES | {"ad", "an", "ar", "as", "ash", "at", "ath", "az"}
_BIN = frozenset({"ben", "bin", "ibn"})
# Words that open an Arabic compound name ("servant of", "father of the"), written apart, hyphenated or
# glued to the next word: Abdel Ati / Abdel-Ati / Abdelatty, Aboul Gheit / Aboulgheit.  The compound is
# one name, so it is the surname when it ends the name, and its key is one word.
_COMPOUND_OPENERS = {"abd": "abdal", "abdel": "abdal", "abdal": "abdal", "abdul": "abdal", "abdoul": "abdal",
                     "aboul": "abul", "abul": "abul"}
_VOWELS = "aeiou"

_APOSTROPHES = "\u2019\u2018\u02bc\u02bb`\u00b4\u2032"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_UNIFY = str.maketrans({**dict.fromkeys(_APOSTROPHES, "'"), **dict.fromkeys(_DASHES, "-")})
_SPELLED = {"ß": "ss", "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
# fold's steps, each done only on text that has a character it changes (str.translate reads every character)
_SPELLED_TABLE = str.maketrans(_SPELLED)
_SPELLED_CHARS = re.compile("[" + "".join(_SPELLED) + "]")
_UNIFIED = re.compile("[" + re.escape(_APOSTROPHES + _DASHES) + "]")
#: Characters outside ASCII: only they can be format characters or combining marks (no ASCII one is).
_NON_ASCII = re.compile(r"[^\x00-\x7f]")

_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"o+u", "u"),
        (r"^m[ou]h?am+[aeo]d$", "muhamad"),
        (r"^ahm[ae]d$", "ahmad"),
        (r"^abd[aeou]l", "abdal"),
        (r"^abd[aeiou]([dnrstz])\1", r"abdal\1"),
        (r"tsch|sch|tch|sh|ch", "sh"),
        (r"dzh|dj|zh", "j"),
        (r"kh", "h"),
        (r"gh(?!t|$)", "k"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"x", "ks"),
        (r"q", "k"),
        (r"w", "v"),
        (r"y", "i"),
        (r"gu(?=[ei])", "g"),
        (r"^ie", "e"),
        (r"ij$", "i"),
        (r"^(.{2,}[^aeiou])e$", r"\1"),
        (r"(.)\1+", r"\1"),
    )
)
# Given names only: soft c -> s, other c -> k (Victor/Viktor, Constantin/Konstantin).  Surnames keep
# their c: Cline/Kline and Cramer/Kramer are different families, and the Slavic press forms that
# matter here write k on both sides (Kouleba/Kuleba).
_GIVEN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl) for pattern, repl in ((r"c(?=[ei])", "s"), (r"c", "k"), (r"(.)\1+", r"\1"))
)


# ------------------------------------------------------------------ folding


def clean_name(text: str) -> str:
    """The name as written, without invisible format characters (Unicode category Cf: U+FEFF,
    U+200B, U+200E/F, U+2060 ...) and with single spaces: the form labels and aliases may show."""
    hidden = [c for c in set(_NON_ASCII.findall(text)) if unicodedata.category(c) == "Cf"]
    visible = _without(hidden, text) if hidden else text
    return " ".join(visible.split())


def _without(chars: list[str], text: str) -> str:
    """``text`` with every occurrence of the characters ``chars`` taken out."""
    return re.sub("[" + re.escape("".join(sorted(chars))) + "]", "", text)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent-free, lower-case text with one apostrophe, one dash and single spaces, invisible
    format characters dropped (cached: the same tokens are folded again and again)."""
    text = clean_name(text)
    if _UNIFIED.search(text):
        text = text.translate(_UNIFY)
    decomposed = unicodedata.normalize("NFKD", text)
    marks = [c for c in set(_NON_ASCII.findall(decomposed)) if unicodedata.combining(c)]
    bare = (_without(marks, decomposed) if marks else decomposed).lower()
    if _SPELLED_CHARS.search(bare):
        bare = bare.translate(_SPELLED_TABLE)
    return " ".join(bare.split())


def _letters(text: str) -> str:
    return re.sub(r"[^a-z]", "", fold(text))


# ----------------------------------------------------------- transliteration


@lru_cache(maxsize=1 << 16)
def translit_key(word: str) -> str:
    """A spelling-independent key for a name word (or several words, space-joined)."""
    keys = (_word_key(part) for part in _key_parts(fold(word)))
    return " ".join(key for key in keys if key)


def given_key(word: str) -> str:
    """The key of a given name: the transliteration key with c folded as well (Victor/Viktor)."""
    key = translit_key(word)
    for pattern, repl in _GIVEN_RULES:
        key = pattern.sub(repl, key)
    return key


def _key_parts(folded: str) -> list[str]:
    """Words of a folded name, Arabic articles dropped."""
    chunks = [c for c in re.split(r"[\s']+", folded) if c]
    parts: list[str] = []
    for index, chunk in enumerate(chunks):
        pieces = [p for p in chunk.split("-") if p]
        if len(pieces) > 1 and pieces[0] in _HYPHEN_ARTICLES:
            pieces = pieces[1:]
        elif len(pieces) == 1 and pieces[0] in _ARTICLES and index < len(chunks) - 1:
            continue
        parts.extend(pieces)
    return _join_compounds(parts)


def _join_compounds(parts: list[str]) -> list[str]:
    """An Arabic compound opener and the word after it as one word ("abdel", "ati" -> "abdalati")."""
    out: list[str] = []
    for part in parts:
        if out and out[-1] in _COMPOUND_OPENERS:
            out[-1] = _COMPOUND_OPENERS[out[-1]] + part
        else:
            out.append(part)
    return out


def _word_key(part: str) -> str:
    word = re.sub(r"[^a-z]", "", part)
    if word in _BIN:
        return "bin"
    for pattern, repl in _RULES:
        word = pattern.sub(repl, word)
    return word


def _skeleton(key: str) -> str:
    """Consonants of a key (``j`` counts as a vowel: Benjamin/Benyamin)."""
    return re.sub(r"[aeiouj]", "", key)


# ---------------------------------------------------------------- name parts


@dataclass(frozen=True)
class NameParts:
    given: tuple[str, ...]  # given names and initials as written, without dots
    surname: str  # with particles ("al-Assad", "von der Leyen")
    suffix: str | None = None  # "Jr.", "III"


@dataclass(frozen=True)
class _Parsed:
    parts: NameParts
    east_asian: bool = False


def split_name(
    name: str,
    *,
    particles: Iterable[str] = DEFAULT_PARTICLES,
    suffixes: Iterable[str] = DEFAULT_SUFFIXES,
) -> NameParts:
    """Given names, surname and suffix of a person name (see the module rules)."""
    return _parse(name, frozenset(particles), frozenset(suffixes)).parts


@lru_cache(maxsize=16384)
def _parse(name: str, particles: frozenset[str], suffixes: frozenset[str]) -> _Parsed:
    text = _clean(name)
    if not _letters(text):
        raise ValueError(f"not a person name: {name!r}")
    pieces = [p.strip() for p in text.split(",") if p.strip()]
    suffix = next((p for p in pieces[1:] if _is_suffix(p, suffixes)), None)
    pieces = [p for i, p in enumerate(pieces) if i == 0 or not _is_suffix(p, suffixes)]
    if len(pieces) == 2:
        return _Parsed(_inverted(pieces[0], pieces[1], particles, suffix))
    tokens = " ".join(pieces).split()
    if len(tokens) > 1 and _is_suffix(tokens[-1], suffixes):
        suffix = tokens.pop()
    return _parse_tokens(tokens, particles, suffix)


def _clean(name: str) -> str:
    text = clean_name(name).translate(_UNIFY)
    text = re.sub(r"«[^»]*»|“[^”]*”|\"[^\"]*\"|\([^)]*\)", " ", text)
    return " ".join(text.split())


def _is_suffix(token: str, suffixes: frozenset[str]) -> bool:
    return fold(token).replace(".", "") in suffixes


def _parse_tokens(tokens: list[str], particles: frozenset[str], suffix: str | None) -> _Parsed:
    if _is_east_asian(tokens, particles):
        given: tuple[str, ...] = ("-".join(tokens[1:]),)
        return _Parsed(NameParts(given, _recase(tokens[:1], particles), suffix), east_asian=True)
    run = _caps_run(tokens, particles)
    start, end = run if run else (_surname_start(tokens, particles), len(tokens))
    surname = _recase(tokens[start:end], particles)
    given = _given(tokens[:start] + tokens[end:])
    return _Parsed(NameParts(given, surname, suffix))


def _inverted(surname: str, given: str, particles: frozenset[str], suffix: str | None) -> NameParts:
    """'Leyen, Ursula von der' -> given Ursula, surname von der Leyen."""
    tokens = given.split()
    moved: list[str] = []
    while len(tokens) > 1 and _is_particle(tokens[-1], False, particles):
        moved.insert(0, tokens.pop())
    return NameParts(_given(tokens), _recase(moved + surname.split(), particles), suffix)


def _is_east_asian(tokens: list[str], particles: frozenset[str]) -> bool:
    if len(tokens) not in (2, 3) or fold(tokens[0]) not in _EAST_ASIAN_FAMILY:
        return False
    rest = tokens[1:]
    return all(len(_letters(t)) > 1 and "." not in t and fold(t) not in particles for t in rest)


def _is_strong_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    shouted = len(letters) >= 3 and all(c.isupper() for c in letters)
    return shouted and "." not in token and any(c in _VOWELS for c in _letters(token))


def _caps_run(tokens: list[str], particles: frozenset[str]) -> tuple[int, int] | None:
    """Bounds of the upper-case surname run, if the name mixes cases."""
    strong = [i for i, t in enumerate(tokens) if _is_strong_caps(t)]
    if not strong:
        return None

    def member(t: str) -> bool:
        return _is_strong_caps(t) or (t.isupper() and fold(t) in particles)

    start = end = strong[0]
    while start > 0 and member(tokens[start - 1]):
        start -= 1
    while end + 1 < len(tokens) and member(tokens[end + 1]):
        end += 1
    return None if (start, end) == (0, len(tokens) - 1) else (start, end + 1)


def _is_particle(token: str, at_start: bool, particles: frozenset[str]) -> bool:
    folded = fold(token)
    if folded not in particles:
        return False
    return not at_start or folded in _START_PARTICLES or token.islower()


def _surname_start(tokens: list[str], particles: frozenset[str]) -> int:
    start = len(tokens) - 1
    if start > 0 and fold(tokens[start - 1]) in _COMPOUND_OPENERS:
        start -= 1  # "Badr Abdel Ati": the compound is the surname
    while start > 0 and _is_particle(tokens[start - 1], start - 1 == 0, particles):
        start -= 1
    return start


def _recase(tokens: list[str], particles: frozenset[str]) -> str:
    """Join surname words; an all-capitals surname is re-cased ('LE DRIAN' -> 'Le Drian')."""
    if not all(t.isupper() for t in tokens if any(c.isalpha() for c in t)):
        return " ".join(tokens)
    words = [_recase_word(t, particles) for t in tokens]
    return " ".join(w if i == 0 or fold(w) not in particles else w.lower() for i, w in enumerate(words))


def _recase_word(token: str, particles: frozenset[str]) -> str:
    segments = re.split(r"([-'])", token)
    last = len(segments) - 1
    cased = [
        s.lower() if i < last and fold(s) in particles else s.capitalize() for i, s in enumerate(segments)
    ]
    return "".join(cased)


def _given(tokens: list[str]) -> tuple[str, ...]:
    units = tuple(unit for token in tokens for unit in _given_units(token))
    return _without_honorific(units)


def _without_honorific(given: tuple[str, ...]) -> tuple[str, ...]:
    """Given names without an opening word of lineage or honour ("Seyed Abbas" -> "Abbas"), which
    other reports of the same person leave out; such a word alone stays the given name."""
    if len(given) > 1 and fold(given[0]) in _honorifics():
        return given[1:]
    return given


@cache
def _people_data() -> dict:
    """kg/lexicons/people.json, read once: its name-matching lists are this module's only data."""
    return json.loads(lexicon_path("people").read_text(encoding="utf-8"))


@cache
def _folded_words(key: str) -> frozenset[str]:
    """One word list of people.json (``honorific_given_names``, ``given_name_abbreviations``), folded."""
    return frozenset(fold(word) for word in _people_data()[key]["words"])


def _honorifics() -> frozenset[str]:
    return _folded_words("honorific_given_names")


def _given_units(token: str) -> list[str]:
    """'C.Q.' -> C, Q; 'CQ' -> C, Q; 'J.-Y.' -> J-Y; 'Q.' -> Q; names as they are."""
    if "." in token:
        units: list[str] = []
        for piece in (p for p in token.split(".") if p.strip()):
            if piece.startswith("-") and units:
                units[-1] += piece
            else:
                units.append(piece.strip())
        return units
    if _looks_like_initials(token):
        return list(token)
    return [token]


def _looks_like_initials(token: str) -> bool:
    if not (token.isalpha() and token.isupper()) or len(token) > 3:
        return False
    return len(token) <= 2 or not any(c in _VOWELS for c in _letters(token))


# ------------------------------------------------------------- comparisons


def _flat(given: tuple[str, ...]) -> list[str]:
    """Given names split at hyphens: ('Jean-Yves', 'Q') -> Jean, Yves, Q."""
    return [part for name in given for part in name.split("-") if _letters(part)]


def _norm_letter(letter: str) -> str:
    return {"y": "i", "w": "v"}.get(letter, letter)


def _is_initial(part: str) -> bool:
    return len(_letters(part)) == 1


def _first_letters(part: str) -> set[str]:
    """Letters an initial of this given name may be written with."""
    key = given_key(part)
    return {_norm_letter(_letters(part)[0])} | ({key[0]} if key else set())


def _part_compatible(a: str, b: str) -> bool:
    if _is_initial(a) and _is_initial(b):
        return _norm_letter(_letters(a)) == _norm_letter(_letters(b))
    if _is_initial(a) or _is_initial(b):
        initial, full = (a, b) if _is_initial(a) else (b, a)
        return _norm_letter(_letters(initial)) in _first_letters(full)
    return _full_names_match(given_key(a), given_key(b))


@cache
def _variant_groups() -> dict[str, int]:
    """Given-name key -> its group of usual short forms (Mike/Michael, Bob/Robert), from
    ``given_name_variants`` of kg/lexicons/people.json."""
    return {given_key(name): gid for gid, group in enumerate(_people_data()["given_name_variants"]["groups"])
            for name in group}


def _full_names_match(ka: str, kb: str) -> bool:
    if ka == kb:
        return True
    groups = _variant_groups()
    if ka in groups and groups.get(kb) == groups[ka]:
        return True
    if _as_russian(ka) == _as_russian(kb):  # Oleh/Oleg, Ihor/Igor
        return True
    same_gender = ka.endswith("a") == kb.endswith("a")
    skeletons = (_skeleton(ka), _skeleton(kb)), (_skeleton(_as_russian(ka)), _skeleton(_as_russian(kb)))
    return same_gender and any(len(x) >= 3 and x == y for x, y in skeletons)


def _as_russian(key: str) -> str:
    """A given-name key with the Ukrainian ``h`` written as the Russian ``g`` it stands for (Serhiy/
    Sergueï, Heorhiy/Gueorgui, Hennadiy/Guennadi); the ``h`` of ``sh`` stays.  Given names only: in
    surnames h and g tell different families apart."""
    return re.sub(r"(?<!s)h", "g", key)


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    fa, fb = _flat(a), _flat(b)
    if all(_part_compatible(x, y) for x, y in zip(fa, fb, strict=False)):
        return True
    if _joined_match(fa, fb):
        return True
    shorter = _without_abbreviation(fa), _without_abbreviation(fb)
    if shorter == (fa, fb):
        return False
    return all(_part_compatible(x, y) for x, y in zip(*shorter, strict=False))


def _without_abbreviation(given: list[str]) -> list[str]:
    """Given names without an abbreviated first one that other reports leave out ("Ma. Teresita" ->
    "Teresita", "Mohd Khaled" -> "Khaled": ``given_name_abbreviations`` of people.json)."""
    if len(given) > 1 and fold(given[0]) in given_name_abbreviations():
        return given[1:]
    return given


def given_name_abbreviations() -> frozenset[str]:
    """Folded ``given_name_abbreviations`` of kg/lexicons/people.json (without their full stop)."""
    return _folded_words("given_name_abbreviations")


def _joined_match(fa: list[str], fb: list[str]) -> bool:
    """Given names written in one word on one side and in two on the other ("Abdelmalek" and
    "Abdul-Malik", "Jinping" and "Jin-ping"): the same name when the joined forms match."""
    if len(fa) == len(fb) or any(_is_initial(p) for p in fa + fb):
        return False
    return _full_names_match(given_key("".join(fa)), given_key("".join(fb)))


def _default_parse(name: str) -> _Parsed:
    return _parse(name, DEFAULT_PARTICLES, DEFAULT_SUFFIXES)


def _surname_key(name: str) -> str:
    return translit_key(_default_parse(name).parts.surname)


@lru_cache(maxsize=65536)
def same_person(a: str, b: str) -> bool:
    """True when the two name strings can denote the same person (a suffix on one side only is
    ignored: "CQ Brown" is "Charles Q. Brown Jr.")."""
    pa, pb = _default_parse(a).parts, _default_parse(b).parts
    if translit_key(pa.surname) != translit_key(pb.surname):
        return False
    return _given_compatible(pa.given, pb.given)


def lineage(name: str) -> str:
    """The generational suffix of a name, folded ("jr", "iii"), or ""."""
    return fold(_default_parse(name).parts.suffix or "").replace(".", "")


def _one_person(a: str, b: str) -> bool:
    """Two names of one corpus denote one person: :func:`same_person`, and two full names that differ
    by a generational suffix ("Donald Trump Jr." beside "Donald Trump") are a father and a son.  Names
    are compared in their canonical forms, so a known person the press names with and without the
    suffix ("CQ Brown", "Charles Q. Brown Jr.") is one form already."""
    if not same_person(a, b):
        return False
    both_full = bool(_default_parse(a).parts.given and _default_parse(b).parts.given)
    return not both_full or lineage(a) == lineage(b)


def _initial(part: str) -> str:
    """The initial a given name is filed under ('Yuri' and 'Iouri' -> 'i')."""
    letters, key = _letters(part), given_key(part)
    if len(letters) > 1 and key[:1] in tuple(_VOWELS):
        return key[0]
    if letters.startswith(("zh", "dzh", "dj")):
        return "j"
    if letters.startswith(("tch", "tsch")):
        return "c"
    return _norm_letter(letters[0])


def person_key(name: str) -> str:
    """'surname key|initial' ('brown|c'), 'surname key|' without a given name.

    East Asian names keep the whole given-name key ('kim|jongun'), since
    their given names are never cut to initials and initials would merge
    Kim Jong-un with Kim Jong-il.
    """
    parsed = _default_parse(name)
    surname, given = translit_key(parsed.parts.surname), _flat(parsed.parts.given)
    if not given:
        return f"{surname}|"
    if parsed.east_asian:
        return f"{surname}|{''.join(given_key(g) for g in given)}"
    return f"{surname}|{_initial(given[0])}"


# --------------------------------------------------------------- clustering


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self._parent = {item: item for item in items}

    def find(self, item: str) -> str:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[str]]:
        found: dict[str, list[str]] = defaultdict(list)
        for item in self._parent:
            found[self.find(item)].append(item)
        return sorted(sorted(g) for g in found.values())


def _by_surname(names: Iterable[str]) -> dict[str, list[str]]:
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        buckets[_surname_key(name)].append(name)
    return buckets


def _components(names: list[str]) -> list[list[str]]:
    """Connected components of the compatibility graph."""
    forest = _UnionFind(names)
    for bucket in _by_surname(names).values():
        for a, b in combinations(bucket, 2):
            if _one_person(a, b):
                forest.union(a, b)
    return forest.groups()


def _is_bridge(name: str, group: list[str]) -> bool:
    neighbours = [m for m in group if m != name and _one_person(name, m)]
    return any(not _one_person(x, y) for x, y in combinations(neighbours, 2))


def _split_conflicts(group: list[str]) -> list[list[str]]:
    """Split a component until every part is pairwise compatible."""
    if all(_one_person(a, b) for a, b in combinations(group, 2)):
        return [group]
    bridges = [n for n in group if _is_bridge(n, group)]
    core = [n for n in group if n not in bridges]
    if not core:
        return [[n] for n in group]
    parts = [p for sub in _components(core) for p in _split_conflicts(sub)]
    loose = [b for b in sorted(bridges) if not _give_back(b, parts)]
    return parts + [p for sub in _components(loose) for p in _split_conflicts(sub)]


def _give_back(bridge: str, parts: list[list[str]]) -> bool:
    """Append the bridge to the only part whose members all fit it; False if none or several."""
    fits = [p for p in parts if all(_one_person(bridge, m) for m in p)]
    if len(fits) == 1:
        fits[0].append(bridge)
    return len(fits) == 1


def _never(name: str) -> bool:
    return False


def _group_bucket(names: Iterable[str], apart: Callable[[str], bool] = _never) -> list[list[str]]:
    """Persons among names that share one surname key; a bare name for which ``apart`` holds joins no
    full name."""
    unique = sorted(set(names))
    full = [n for n in unique if _default_parse(n).parts.given]
    bare = [n for n in unique if not _default_parse(n).parts.given and not apart(n)]
    alone = [[n] for n in unique if not _default_parse(n).parts.given and apart(n)]
    clusters = [p for comp in _components(full) for p in _split_conflicts(comp)]
    if len(clusters) == 1:
        return sorted([sorted(clusters[0] + bare), *alone])
    return sorted(sorted(c) for c in clusters + ([bare] if bare else []) + alone)


def _group_as(names: Iterable[str], canonical: Callable[[str], str],
              apart: Callable[[str], bool] = _never) -> list[list[str]]:
    """Persons among names that share one canonical surname key, grouped on their canonical forms."""
    forms: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        forms[canonical(name)].append(name)
    return sorted(sorted(n for form in group for n in forms[form]) for group in _group_bucket(forms, apart))


def _as_written(name: str) -> str:
    return name


def group_names(names: Iterable[str], canonical: Callable[[str], str] = _as_written) -> list[list[str]]:
    """Persons among the names: a sorted partition that depends only on the set of names.

    Names with different surname keys never meet, so each surname bucket is
    grouped on its own; surname-only names join the bucket's cluster when
    there is exactly one, and otherwise stay together on their own.
    ``canonical`` maps a name to the form it is matched under (a known
    person's standard spelling, see :mod:`kg.extract.gazetteer`).
    """
    buckets: dict[str, list[str]] = defaultdict(list)
    for name in set(names):
        buckets[_surname_key(canonical(name))].append(name)
    return sorted(cluster for bucket in buckets.values() for cluster in _group_as(bucket, canonical))


def _accents(name: str) -> int:
    return sum(1 for c in unicodedata.normalize("NFD", name) if unicodedata.combining(c))


class NameClusters:
    """Groups name strings into persons; surname-only names join the unique compatible full-name cluster.

    The grouping is :func:`group_names` of the names added so far, so it does
    not depend on insertion order.  Cluster ids are indices into the sorted
    :meth:`clusters` list: an id depends only on the set of names added, and
    adding names may renumber clusters.  Each surname bucket is regrouped
    only when a name with that surname key is added.
    """

    def __init__(self, names: Iterable[str] = (), *, canonical: Callable[[str], str] = _as_written,
                 apart: Callable[[str], bool] = _never) -> None:
        self._canonical = canonical
        self._apart = apart  # bare names that join no full name (see kg.resolve: lone given names)
        self._counts: dict[str, int] = {}
        self._buckets: dict[str, set[str]] = defaultdict(set)
        self._groups: dict[str, list[list[str]]] = {}
        self._sorted: list[list[str]] | None = None
        self._index: dict[str, int] = {}  # name -> cluster id in self._sorted
        self.update(names)

    def update(self, names: Iterable[str]) -> None:
        """Add many names (rejecting strings without letters), regrouping lazily.  Names are
        kept without invisible format characters (:func:`clean_name`)."""
        counts: Counter[str] = Counter()
        for name in names:  # one by one: a mapping given here is a collection of names, not of counts
            counts[name] += 1
        self.add_counts(counts)

    def add_counts(self, counts: Mapping[str, int]) -> None:
        """Add names with how many times each occurs, each distinct name weighed once (the same as
        ``update`` with every name repeated that many times)."""
        for raw, times in counts.items():
            name = clean_name(raw)
            key = _surname_key(self._canonical(name))
            self._counts[name] = self._counts.get(name, 0) + times
            self._buckets[key].add(name)
            self._groups.pop(key, None)
        self._sorted = None

    def add(self, name: str) -> int:
        """Add one name; returns its cluster id in the grouping as it now stands."""
        self.update([name])
        return self.cluster_of(name)

    def clusters(self) -> list[list[str]]:
        return [list(c) for c in self._all()]

    def _all(self) -> list[list[str]]:
        if self._sorted is None:
            for key, bucket in self._buckets.items():
                if key not in self._groups:
                    self._groups[key] = _group_as(bucket, self._canonical, self._apart)
            self._sorted = sorted(c for groups in self._groups.values() for c in groups)
            self._index = {name: index for index, cluster in enumerate(self._sorted) for name in cluster}
        return self._sorted

    def cluster_of(self, name: str) -> int:
        self._all()
        return self._index[clean_name(name)]

    def best_name(self, cluster: int) -> str:
        """The most informative member; see :meth:`_rank` for the order of criteria."""
        members = self._all()[cluster]
        votes: Counter[str] = Counter()
        for member in members:  # how many times each written surname is used, all forms together
            votes[_written_surname(member)] += self._counts.get(member, 0)
        return max(members, key=lambda name: self._rank(name, votes))

    def _rank(self, name: str, votes: Counter[str] | None = None) -> tuple[bool, bool, int, int, int, int, bool,
                                                                          int, str]:
        """Full first given name, no upper-case surname, the surname spelling most articles use
        (counted over every form that writes the surname so: "Guérassimov" in three French
        articles, each with its own first-name spelling, beats "Gerasimov" in two English ones),
        more occurrences of the form itself, more full given names, more given parts, a suffix,
        more diacritics (the French press form), then the string itself so that ties are broken
        the same way every time."""
        parts = _default_parse(name).parts
        given = _flat(parts.given)
        full = [g for g in given if not _is_initial(g)]
        full_first = bool(given) and not _is_initial(given[0])
        shouting = any(_is_strong_caps(t) for t in name.split())
        counts = self._counts.get(name, 0)
        surname_votes = votes[_written_surname(name)] if votes else counts
        return (full_first, not shouting, surname_votes, counts, len(full), len(given),
                parts.suffix is not None, _accents(name), name)  # fmt: skip


def _written_surname(name: str) -> str:
    """The surname as written, case aside ("POUTINE" and "Poutine" are one spelling, "Poutine" and
    "Putin" two)."""
    try:
        return _default_parse(name).parts.surname.casefold()
    except ValueError:
        return name.casefold()
