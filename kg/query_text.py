"""What kg reads in a query's text before running it: its tokens, its form, and whether it reaches out.

A SPARQL tokenizer (the terminals of the SPARQL 1.1 grammar: IRIs, the four kinds of
strings, prefixed names with escaped local names such as ``ex:a\\#``, comments), not
regular expressions over the text: a ``#`` is a comment only where a token may start.
One ambiguity is left by the grammar to context: ``<`` opens an IRI or is the
less-than operator (``FILTER(?a<?b)``).  The network check reads both ways wherever
the two readings could differ, so no reading can hide a ``SERVICE`` from it.  Nothing
here runs a query (pyoxigraph has no parse-only API, and a run is what must not happen).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from kg.errors import InputError, NetworkRefused

#: Character classes of SPARQL's and Turtle's prefixed names (the grammars share PN_CHARS_BASE and PN_CHARS).
PN_CHARS_BASE = ("A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
                 "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff")
_U = PN_CHARS_BASE + "_"
PN_CHARS = _U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_CHARS = PN_CHARS
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_LOCAL = rf"(?:[{_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
#: A local name that needs no escape (``person_1``, ``Call``): what the table prints after a prefix.
LOCAL_NAME = re.compile(rf"(?:[{_U}:0-9]|%[0-9A-Fa-f]{{2}})(?:(?:[{_CHARS}.:]|%[0-9A-Fa-f]{{2}})*"
                        rf"(?:[{_CHARS}:]|%[0-9A-Fa-f]{{2}}))?")
_TOKEN = re.compile("|".join((
    r"(?P<ws>[ \t\r\n]+)",
    r"(?P<comment>#[^\r\n]*)",
    rf"(?P<iri><(?:[^<>\"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)",
    r"(?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\[\s\S]))*'''"
    r'|"""(?:(?:"|"")?(?:[^"\\]|\\[\s\S]))*"""'
    r"|'(?:[^'\\\r\n]|\\.)*'"
    r'|"(?:[^"\\\r\n]|\\.)*")',
    rf"(?P<var>[?$][{_U}0-9][{_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)",
    rf"(?P<bnode>_:[{_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?)",
    rf"(?P<pname>(?:[{PN_CHARS_BASE}](?:[{_CHARS}.]*[{_CHARS}])?)?:(?:{_LOCAL})?)",
    r"(?P<lang>@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*(?:--[a-zA-Z]+)?)",
    r"(?P<number>[0-9]+\.?[0-9]*(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)",
    r"(?P<word>[A-Za-z_][A-Za-z0-9_]*)",
    r"(?P<punct>\^\^|\|\||&&|!=|<=|>=|<<|>>|\{\||\|\}|[{}()\[\],;.=<>!+\-*/|^?$~&@])",
)))
_UNESCAPE = re.compile(_UCHAR)
#: Words that reach other servers: SPARQL keywords are matched without a word boundary
#: (pyoxigraph reads ``SERVICESILENT<…>`` as ``SERVICE SILENT``), so a word *containing* one counts.
_REACHING = ("SERVICE", "LOAD")
_UPDATES = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "ADD", "MOVE", "COPY", "WITH"})
_OPERANDS = frozenset({"var", "iri", "string", "number", "pname", "lang"})


class Token(NamedTuple):
    kind: str
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def tokens(text: str, start: int = 0) -> Iterator[Token]:
    """Every token from ``start``, comments and whitespace included; a character that starts no
    SPARQL token is a one-character ``other`` token (the query parser will reject it)."""
    pos = start
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        token = Token(m.lastgroup or "", m.group(), pos) if m else Token("other", text[pos], pos)
        yield token
        pos = token.end


def significant(text: str) -> list[Token]:
    return [t for t in tokens(text) if t.kind not in ("ws", "comment")]


# ------------------------------------------------------------------ the query form


def form(text: str) -> str:
    """The first keyword after the prologue (BASE, PREFIX): SELECT, ASK, INSERT, ... ('' if none)."""
    toks = significant(text)
    i = 0
    while i < len(toks) and toks[i].text.upper() in ("BASE", "PREFIX"):
        i += 2 if toks[i].text.upper() == "BASE" else 3
    return toks[i].text.upper() if i < len(toks) and toks[i].kind == "word" else ""


def refuse_update(text: str, path: str | None = None) -> None:
    """An update (INSERT, DELETE, LOAD, DROP, ...) is refused with a message that says so."""
    keyword = form(text)
    if keyword in _UPDATES:
        raise InputError(f"this is a SPARQL Update ({keyword}); updates are not allowed: kg query only "
                         "reads, and changes nothing", path=path)


def prefixes(text: str) -> dict[str, str]:
    """The PREFIX declarations of the prologue: prefix (without ':') -> namespace IRI."""
    toks, out = significant(text), {}
    for i, t in enumerate(toks[:-2]):
        if t.text.upper() == "PREFIX" and toks[i + 1].kind == "pname" and toks[i + 2].kind == "iri":
            out[toks[i + 1].text[:-1]] = toks[i + 2].text[1:-1]
    return out


def unresolved_prefix(text: str, known: dict[str, str]) -> Token | None:
    """The first prefixed name whose prefix neither the query nor ``known`` declares (None if all resolve)."""
    declared = set(prefixes(text)) | set(known)
    return next((t for t in significant(text) if t.kind == "pname" and t.text.split(":")[0] not in declared), None)


_OPENERS = {"{": "}", "(": ")", "[": "]"}
_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})


def structural_error(text: str) -> tuple[Token | None, str]:
    """The first mistake that tokens alone show: a query that does not start with a query form, a character
    that starts no token (an unterminated string), or an unbalanced bracket; ``(None, message)`` for a
    bracket left open at the end, ``(None, '')`` when the tokens show nothing wrong."""
    keyword = form(text)
    if keyword not in _FORMS and keyword not in _UPDATES:
        first = next((t for t in _after_prologue(text)), None)
        if first is not None:
            return first, f"unexpected {first.text!r}: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE"
    open_: list[Token] = []
    for t in significant(text):
        if t.kind == "other":
            what = "an unterminated string" if t.text in "\"'" else "a character that starts no SPARQL token"
            return t, f"unexpected {t.text!r}: {what}"
        if t.kind == "punct" and t.text in _OPENERS:
            open_.append(t)
        elif t.kind == "punct" and t.text in _OPENERS.values():
            if not open_ or _OPENERS[open_[-1].text] != t.text:
                return t, f"unexpected {t.text!r}" + (f" (the {open_[-1].text!r} at {_at(text, open_[-1])} is not "
                                                      "closed)" if open_ else "")
            open_.pop()
    if open_:
        return None, f"unexpected end of query: the {open_[-1].text!r} at {_at(text, open_[-1])} is not closed"
    return None, ""


def _after_prologue(text: str) -> list[Token]:
    toks = significant(text)
    i = 0
    while i < len(toks) and toks[i].text.upper() in ("BASE", "PREFIX"):
        i += 2 if toks[i].text.upper() == "BASE" else 3
    return toks[i:]


def _at(text: str, token: Token) -> str:
    return "{}:{}".format(*position(text, token.start))


def token_at(text: str, offset: int) -> Token | None:
    """The significant token that starts at or covers ``offset`` (None at the end of the text)."""
    return next((t for t in significant(text) if t.end > offset), None)


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


# ------------------------------------------------------------------ network access


def refuse_network(text: str, path: str | None = None) -> None:
    """Refuse a query that could reach the network or local files: ``SERVICE``, ``LOAD``, or ``FROM``
    with an IRI that is not http(s) (``FROM <file:///etc/passwd>``).  The text is read as written and
    with its ``\\u`` escapes decoded (SPARQL 1.1 decodes them first, pyoxigraph does not)."""
    decoded = _UNESCAPE.sub(lambda m: chr(int(m.group()[2:], 16)), text)
    word = _reaching(text) or _reaching(decoded) or _from_outside(text)
    if word:
        where = f"{path}: " if path else ""
        raise NetworkRefused(f"{where}the query uses {word}, which reaches other servers or files; "
                             "refused (allow it with --allow-network)")


def _reaching(text: str) -> str:
    """SERVICE or LOAD if some reading of ``text`` has it as a keyword, else ''.

    Each reading is a walk over the tokens; an IRI after an operand whose body could read
    differently as code (a ``)``, a comment's ``#``, a string's ``'``) also starts a reading where
    ``<`` is less-than.  Such a reading is inside an expression, so a keyword counts there only
    after a ``)``.  A state (position, after an operand, keywords count) is walked once."""
    todo, seen = [(0, False, True)], set()
    while todo:
        pos, after_operand, armed = todo.pop()
        previous = ""
        for t in tokens(text, pos):
            if t.kind in ("ws", "comment"):
                continue
            if (t.start, after_operand, armed) in seen:
                break  # another reading went on from here already
            seen.add((t.start, after_operand, armed))
            armed = armed or t.text == ")"
            found = _keyword(t) if armed else ""
            if found:
                return found
            if t.kind == "iri" and after_operand and any(c in t.text for c in ")#'"):
                todo.append((t.start + 1, False, False))  # '<' as less-than: the body is read as code
            declared = t.kind == "pname" and previous == "PREFIX"
            after_operand = (t.kind in _OPERANDS and not declared or t.text in (")", "]")
                             or t.text.lower() in ("true", "false"))
            previous = t.text.upper()
    return ""


def _keyword(t: Token) -> str:
    """The reaching keyword in a word, or SERVICE in a prefix (``SERVICEex:g`` reads as ``SERVICE ex:g``;
    LOAD, an update, is never part of a query)."""
    if t.kind == "word":
        return next((k for k in _REACHING if k in t.text.upper()), "")
    return "SERVICE" if t.kind == "pname" and "SERVICE" in t.text.split(":")[0].upper() else ""


def _from_outside(text: str) -> str:
    """'FROM with a non-http IRI' when a FROM or FROM NAMED names anything but an http(s) IRI."""
    toks, known = significant(text), prefixes(text)
    for i, t in enumerate(toks):
        if t.text.upper() != "FROM":
            continue
        target = toks[i + 2] if i + 2 < len(toks) and toks[i + 1].text.upper() == "NAMED" else \
            toks[i + 1] if i + 1 < len(toks) else None
        iri = _iri(target, known) if target else None
        if iri is None or not re.match(r"https?:", iri, re.IGNORECASE):
            return "FROM with a non-http IRI"
    return ""


def _iri(token: Token, known: dict[str, str]) -> str | None:
    if token.kind == "iri":
        return token.text[1:-1]
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        return known[prefix] + local if prefix in known else None
    return None


# ------------------------------------------------------------------ where a VALUES block goes


def values_slot(text: str) -> tuple[int, int] | None:
    """Where a VALUES block goes, as the (start, end) span of ``text`` it replaces: a ``# values``
    comment alone on its line, else just after the ``{`` that opens the WHERE group."""
    toks = list(tokens(text))
    for i, t in enumerate(toks):
        alone = i == 0 or toks[i - 1].kind == "ws" and (i == 1 or "\n" in toks[i - 1].text)
        if t.kind == "comment" and alone and re.fullmatch(r"#[ \t]*values[ \t]*", t.text, re.IGNORECASE):
            return t.start, t.end
    code = [t for t in toks if t.kind not in ("ws", "comment")]
    for t, after in zip(code, code[1:], strict=False):
        if t.kind == "word" and t.text.upper() == "WHERE" and after.text == "{":
            return after.end, after.end
    return None
