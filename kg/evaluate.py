"""``kg eval``: score a graph against an answer key, kind by kind, listing every miss and spurious fact.

The graph is read only through the stored queries' columns (``calls``, ``holdings``, ``people``,
``missiles``, ``treaties``, ``chair-at-each-call``), so any graph that honours the query contract
can be scored.  Facts are compared per article: a call by its set of participants, a holding by
person and role class (see ``ROLE_CLASSES``), a person by name, a missile or treaty by any written
form contained in another.  The merged part checks the distinct calls across articles: found (same
participants, a date compatible with the key's), dated at the key's precision, with its initiator.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.answerkey import AnswerKey, Call, Merged, Named, People, fold_name, load_answer_key, plain
from kg.scores import Evaluation, MergedScore, Score, Tally

QUERIES = ("calls", "holdings", "people", "missiles", "treaties", "chair-at-each-call")
KINDS = ("calls", "holdings", "people", "missiles", "treaties")

# Office labels (English or French) to role classes; the first class whose pattern matches wins, so
# narrow classes (deputy, spokesperson) come before the broad ones they contain.
ROLE_CLASSES = (
    ("spokesperson", r"porte[- ]parole|spokes|press secretary|attache de presse"),
    ("deputy_defence_minister", r"(vice|deputy|adjoint)[^,;]*(defen[cs]e|armees)|(defen[cs]e|armees)[^,;]*adjoint"),
    ("deputy_prime_minister", r"(vice|deputy)[- ]?(premier|prime)|vice-premier"),
    ("security_council", r"security council|conseil de securite"),
    ("ambassador", r"ambassad"),
    ("envoy", r"envoy|envoye"),
    ("service_chief", r"(chief|chef)[^,;]*(air force|armee de l'air|armee de terre|of the army|navy"
                      r"|marine nationale)"),
    ("chief_of_defence", r"joint chiefs|interarmees|general staff|etat[- ]major general"
                         r"|chef d'etat[- ]major des (forces )?armees|chief of (the )?defen[cs]e staff"
                         r"|commander[- ]in[- ]chief of the armed forces|commandant en chef|chef d'etat[- ]major"
                         r"|chief of staff|cjcs|cema"),
    ("commander", r"commander|commandant|saceur|eucom|supreme allied"),
    ("defence_minister", r"(minist|secretar|secretaire)[^;]*(defen[cs]e|armees|armed forces|guerre|war)"
                         r"|pentagon chief|chef du pentagone|defen[cs]e (minister|secretary)"),
    ("foreign_minister", r"foreign|affaires etrangeres|secretary of state|secretaire d'etat|chef de la diplomatie"),
    ("head_of_government", r"chancel|prime minister|premier ministre"),
    ("president_elect", r"elect|elu"),
    ("head_of_state", r"president|chef de l'etat|head of state|emperor|king|roi"),
)
_ROLES = tuple((role, re.compile(pattern)) for role, pattern in ROLE_CLASSES)

Row = dict[str, str]


def role_class(office: str) -> str | None:
    """The role class of an office label ("Minister of the Armed Forces" -> defence_minister)."""
    text = plain(office)
    return next((role for role, pattern in _ROLES if pattern.search(text)), None)


def cells(value: str | None) -> list[str]:
    """The values of a ``GROUP_CONCAT`` column ("; " or "|" between them)."""
    return [x for x in (v.strip() for v in re.split(r"[;|]", value or "")) if x]


def article_of(source: str) -> str:
    """The article id (file name) of a ``sources`` value, which may be a path or a URL."""
    source = source.rstrip("/")
    m = re.search(r"([^/#]+?\.(?:txt|md|html?|json))(?:[#?].*)?$", source)
    return m.group(1) if m else source.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def date_fits(key_date: str | None, found: str | None) -> bool:
    """A found date fits the key's when the key has none, or when it says the same at least as precisely."""
    return not key_date or (found or "")[:10].startswith(key_date)


# ------------------------------------------------------------------ scoring


def score(key: AnswerKey, rows: dict[str, list[Row]], articles: Iterable[str]) -> Evaluation:
    """Score the rows of the stored queries against the key, on the given articles of the key."""
    articles = tuple(articles)
    people = People(key)
    kinds = {"calls": _calls(key, rows.get("calls", []), articles, people),
             "holdings": _holdings(key, rows.get("holdings", []), articles, people),
             "people": _people(key, rows.get("people", []), articles, people),
             "missiles": _named(rows.get("missiles", []), articles, lambda a: key.articles[a].missiles),
             "treaties": _named(rows.get("treaties", []), articles, lambda a: key.articles[a].treaties)}
    merged = key.merged or Merged(_distinct_calls(key, articles))
    merged_score = _merged(merged, rows, people) if merged.calls else None
    return Evaluation(key.path, articles, kinds, _split_people(rows.get("people", []), people), merged_score)


def _by_article(pairs: Iterable[tuple[str, object]]) -> dict[str, set]:
    out: dict[str, set] = {}
    for article, fact in pairs:
        out.setdefault(article, set()).add(fact)
    return out


def _sources(row: Row) -> set[str]:
    return {article_of(s) for s in cells(row.get("sources"))}


def _participants(row: Row, people: People) -> frozenset[str]:
    return frozenset(people.match(n) or "?" + n for n in cells(row.get("participants")))


def _calls(key: AnswerKey, rows: list[Row], articles: tuple[str, ...], people: People) -> Score:
    found = _by_article((a, _participants(r, people)) for r in rows for a in _sources(r))
    tally = Tally()
    for a in articles:
        out, calls = found.get(a, set()), key.articles[a].calls
        for call in calls:  # a call the key lists twice (two dates) is found twice by one node
            if call.participants in out:
                tally.tp += 1
            elif not call.optional:
                tally.missed.append((a, _call_text(call.participants)))
        listed = {c.participants for c in calls}
        tally.spurious += [(a, _call_text(p)) for p in sorted(out - listed, key=sorted)]
    return tally.score()


def _call_text(participants: frozenset[str]) -> str:
    return " & ".join(sorted(participants))


def _holdings(key: AnswerKey, rows: list[Row], articles: tuple[str, ...], people: People) -> Score:
    found = _by_article((a, (people.match(r.get("personName", "")) or "?" + r.get("personName", ""),
                             role_class(r.get("officeName", "")) or "?" + r.get("officeName", "")))
                        for r in rows for a in _sources(r))
    tally = Tally()
    for a in articles:
        out = found.get(a, set())
        listed = {(h.person, role_class(h.office) or h.office): h.optional for h in key.articles[a].holdings}
        for fact, optional in listed.items():
            if fact in out:
                tally.tp += 1
            elif not optional:
                tally.missed.append((a, " = ".join(fact)))
        tally.spurious += [(a, " = ".join(fact)) for fact in sorted(out - set(listed))]
    return tally.score()


def _people(key: AnswerKey, rows: list[Row], articles: tuple[str, ...], people: People) -> Score:
    found = _by_article((a, people.match(r.get("name", "")) or "?" + r.get("name", ""))
                        for r in rows for a in _sources(r))
    tally = Tally()
    for a in articles:
        out, listed = found.get(a, set()), {p.name for p in key.articles[a].persons}
        tally.tp += len(out & listed)
        tally.missed += [(a, name) for name in sorted(listed - out)]
        tally.spurious += [(a, name) for name in sorted(out - listed)]
    return tally.score()


def _split_people(rows: list[Row], people: People) -> dict[str, int]:
    nodes: dict[str, set[str]] = {}
    for r in rows:
        name = people.match(r.get("name", ""))
        if name:
            nodes.setdefault(name, set()).add(r.get("person", ""))
    return {name: len(n) for name, n in nodes.items() if len(n) > 1}


def _named(rows: list[Row], articles: tuple[str, ...], listed: Callable[[str], tuple[Named, ...]]) -> Score:
    """Missiles or treaties: each key entry takes one graph node of its article that shares a form
    (one folded name inside the other)."""
    found: dict[str, dict[tuple[str, ...], str]] = {}  # article -> folded forms of a node -> its name
    for r in rows:
        names = tuple(fold_name(n) for n in [r.get("name", ""), *cells(r.get("aliases"))] if n)
        for a in _sources(r):
            found.setdefault(a, {}).setdefault(names, r.get("name", ""))
    tally = Tally()
    for a in articles:
        nodes = sorted(found.get(a, {}).items())
        used: set[int] = set()
        for item in listed(a):
            forms = {fold_name(x) for x in (item.name, *item.mentions)} - {""}
            hit = next((i for i, (names, _) in enumerate(nodes) if i not in used and _shares_form(forms, names)), None)
            if hit is not None:
                used.add(hit)
                tally.tp += 1
            elif not item.optional:
                tally.missed.append((a, item.name))
        tally.spurious += [(a, name) for i, (_, name) in enumerate(nodes) if i not in used]
    return tally.score()


def _shares_form(forms: set[str], names: tuple[str, ...]) -> bool:
    return any(f in n or n in f for f in forms for n in names if n)


# ------------------------------------------------------------------ merged calls


def _distinct_calls(key: AnswerKey, articles: tuple[str, ...]) -> tuple[Call, ...]:
    """A key without a merged part: its dated calls, one per participants and compatible dates."""
    out: list[Call] = []
    for a in articles:
        for call in key.articles[a].calls:
            if not call.date or call.optional:
                continue
            i = next((i for i, o in enumerate(out) if o.participants == call.participants and (
                o.date.startswith(call.date) or call.date.startswith(o.date))), None)  # type: ignore[union-attr,arg-type]
            if i is None:
                out.append(Call(call.participants, call.date, call.initiator))
            else:
                o = out[i]
                out[i] = Call(o.participants, max(o.date, call.date, key=len), o.initiator or call.initiator)  # type: ignore[arg-type]
    return tuple(out)


@dataclass(frozen=True)
class _Found:
    participants: frozenset[str]
    date: str
    initiators: frozenset[str | None]


def _merged(merged: Merged, rows: dict[str, list[Row]], people: People) -> MergedScore:
    nodes = [_Found(_participants(r, people), r.get("date", ""), frozenset(people.match(x) for x in cells(
        r.get("initiator")))) for r in rows.get("calls", [])]
    found = dated = initiators = split = 0
    for call in merged.calls:
        fits = [n for n in nodes if n.participants == call.participants and date_fits(call.date, n.date)]
        exact = [n for n in nodes if n.participants == call.participants and call.date and n.date.startswith(call.date)]
        found += bool(fits)
        dated += bool(fits and exact)
        initiators += bool(fits and call.initiator and any(n.initiators == call.initiator for n in fits))
        split += len(exact) > 1
    chairs = rows.get("chair-at-each-call", [])
    named = sum(any(r.get("date", "").startswith(day) and people.match(r.get("chairName", "")) == chair
                    for r in chairs) for day, chair in merged.chairs)
    return MergedScore(len(merged.calls), sum(not c.optional for c in merged.calls), found, len(nodes), dated,
                       sum(bool(c.date) for c in merged.calls), initiators,
                       sum(bool(c.initiator) for c in merged.calls), split, named, len(merged.chairs))


# ------------------------------------------------------------------ running


def evaluate(corpus: str | Path, key_path: str | Path, *, data: str | Path | None = None, lang: str | None = None,
             model: str | None = None, jobs: int | None = None) -> Evaluation:
    """Build the graph of ``corpus`` (or read ``data``: a graph file or store) and score it against the
    answer key; ``lang`` keeps the key's articles in that language (manifest.json; French by default)."""
    from kg.store import open_data

    key = load_answer_key(key_path)
    languages = _languages(Path(corpus)) if lang is not None else {}
    articles = sorted(a for a in key.articles if lang is None or languages.get(a, "fr") == lang)
    store = open_data(data) if data is not None else build_store(corpus, model=model, jobs=jobs)
    return score(key, query_rows(store), articles)


def _languages(corpus: Path) -> dict[str, str]:
    """Article -> language, from the corpus folder's manifest (kg reads an unlisted article as French)."""
    from kg.corpus import read_manifest

    return {a: entry.lang for a, entry in read_manifest(corpus).items()} if corpus.is_dir() else {}


def build_store(corpus: str | Path, *, model: str | None = None, jobs: int | None = None):
    """The graph of a corpus, as ``kg build --out`` makes it, in an in-memory store (not validated)."""
    from pyoxigraph import Store

    from kg.build import extract_all
    from kg.mapping import to_quads
    from kg.resolve import resolve

    store = Store()
    store.extend(to_quads(resolve(extract_all([str(corpus)], model=model, jobs=jobs))))
    return store


def query_rows(store) -> dict[str, list[Row]]:
    """The rows of the scored stored queries: column -> plain value, unbound columns left out."""
    from kg.query import load_query, run_select

    out = {}
    for name in QUERIES:
        solutions = run_select(store, load_query(name))
        columns = [v.value for v in solutions.variables]
        out[name] = [{c: s[c].value for c in columns if s[c] is not None} for s in solutions]
    return out
