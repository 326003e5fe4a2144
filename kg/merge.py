"""The merged layer of a set of articles: their facts resolved together (:mod:`kg.resolve`) and mapped to
quads (:mod:`kg.mapping`).  The build pipeline computes it; the store only applies the quads.

:func:`merged_state` resolves every article.  :func:`incremental_state` computes what a commit of a few
changed articles (new, edited or removed) does to a big store, from the articles their facts can interact
with only (the *affected closure*), and gives exactly the change a full re-resolution would give.

How the closure is found.  Resolution compares articles only through the keys of
:func:`kg.resolve.article_keys` (name keys, office keys, call parties named by office, missiles, treaties),
which the store's resolution index (:mod:`kg.store.index`) maps to articles.  Starting from the keys of the
changed articles' old and new facts, two key sets grow until they stop changing:

* *affected* keys, whose entities are rewritten.  A person is affected when one of their names has an
  affected key; then all of their names' keys are affected (every article naming them is read, so their
  cluster, identity key, aliases, evidence and terms are whole).  A person whose term replaces an affected
  one, or whom an affected one replaces, is affected (a successor's start bounds the predecessor's end).
  When an affected person holds an office that some call party is named by (``p:``), that office's
  reports and every holder of it are affected (the party may now resolve to another holder).
* *context* keys, whose entities must be whole to be read, but are not rewritten: the holders of the
  offices that name call parties in the closure, the successors and predecessors of those people, and,
  with :data:`CALLS_READ_PARTICIPANT_TERMS`, every participant of a call with an affected participant.

Each round re-resolves the closure's articles with the new facts, with :func:`kg.resolve.resolve` itself (no
second copy of any decision), the names no affected key reaches pinned to the person keys the index records
for them (:func:`_pinned`: a full resolution gave them, and nothing in the closure can change them), and reads
the grown key sets off the result.  The office keys of a changed article count only where some call party is
named by that office (:func:`_matters`).  The change then rewrites the merged nodes that are *sourced by a
changed article*, *affected people* and the missiles and treaties of affected keys, and, repeatedly, *every
node that refers to a rewritten one* (a term to its holder, a call to its participants, a derived fact to its
call): all of them are whole in the closure.  On the stored side the same rule is applied to the store
itself, from the people's old keys (:meth:`kg.store.embedded.KGStore.rewrite_stored`), since the store holds
the full resolution of the old facts.  Lexicon nodes (offices, post types, countries, missile categories) are
shared constants that the store keeps while anything refers to them
(:meth:`kg.store.embedded.KGStore.apply_change`).

Calls the index says were mapped before from a resolved call with the same :func:`call_input` are neither
mapped nor rewritten (``Change.kept``): their stored quads are what the mapping would give again.  Nothing
refers to a call, so leaving one out changes no other node's rewriting; the identity links of a node the
change retires are chosen among the nodes sourced by its articles, so the kept calls sourced by those are
mapped for them (``Change.kept_quads``).

Fallbacks: a closure over half of the store is re-resolved in full (:func:`merged_state`), as is a commit
whose closure holds a name the index does not know (an index out of step with the store: it cannot be exact).
When the mapping derives facts on a call from every participant's terms, set
:data:`CALLS_READ_PARTICIPANT_TERMS`: a rewritten call's participants are then read whole.
"""

from __future__ import annotations

import functools
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Protocol

from pyoxigraph import NamedNode, Quad

from kg import mapping
from kg.extract.lexicon import load_lexicon
from kg.extract.model import ArticleFacts
from kg.mapping import Mapper, _all_evidence, to_quads
from kg.namespaces import KGO, MERGED, article_graph, mint
from kg.resolve import Call, Resolved, article_keys, name_keys, office_keys, resolve
from kg.store.embedded import Change, is_lexicon

_SOURCE = NamedNode(str(KGO.source))
#: Whether the mapping writes on a call facts derived from each participant's terms (their post on the
#: day).  Then a rewritten call needs all of its participants' terms, so they are read whole (as context);
#: without such facts a call needs only its participants' keys, which pinning gives (:func:`_pinned`).
CALLS_READ_PARTICIPANT_TERMS = False


def merged_state(facts: Mapping[str, ArticleFacts]) -> tuple[Resolved, list[Quad]]:
    """The graph of these articles' facts (article graphs and merged layer), resolved in id order, so that
    any run order gives the same graph."""
    resolved = resolve([facts[k] for k in sorted(facts)])
    return resolved, to_quads(resolved)


class Index(Protocol):
    """What :func:`incremental_state` asks of the resolution index (:class:`kg.store.index.ResolutionIndex`)."""

    def articles_of(self, keys: Iterable[str]) -> set[str]: ...
    def any_with(self, key: str) -> bool: ...
    def persons_of(self, names: Iterable[str]) -> dict[str, str]: ...
    def name_keys_of(self, names: Iterable[str]) -> dict[str, frozenset[str]]: ...
    def node_inputs(self, nodes: Iterable[str]) -> dict[str, bytes]: ...


NameKeys = Callable[[str], frozenset[str]]


class _NameKeys:
    """:func:`kg.resolve.name_keys` of the closure's names, as the index recorded them when it indexed their
    articles (like the keys it looks articles up by), computed only for names it lacks: a gazetteer lookup
    each, 15 % of a commit at 100,000 articles, whose closure holds thousands of names."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.known: dict[str, frozenset[str]] = {}

    def load(self, names: Iterable[str]) -> None:
        """Read the recorded keys of these names at once (one query per 900 names, not one per name)."""
        todo = set(names) - self.known.keys()
        if todo:
            self.known.update(self.index.name_keys_of(todo))

    def __call__(self, name: str) -> frozenset[str]:
        keys = self.known.get(name)
        if keys is None:
            keys = self.known[name] = name_keys(name)
        return keys


def incremental_state(old: Mapping[str, ArticleFacts | None], new: Mapping[str, ArticleFacts | None],
                      index: Index, load: Callable[[Iterable[str]], dict[str, ArticleFacts]], *,
                      limit: int | None = None) -> Change | None:
    """The change that moves the store from the ``old`` facts of the changed articles (None: not stored
    before) to their ``new`` ones (None: removed), all other stored articles staying as they are; see the
    module docstring.  ``index`` knows the stored articles' keys (before the change), ``load`` reads stored
    articles' facts by id.  None when the closure grows over ``limit`` articles: re-resolve in full then."""
    changed = set(old) | set(new)
    mine = [f for f in (*old.values(), *new.values()) if f is not None]
    named = {k for f in mine for k in article_keys(f) if k.startswith(("p:", "p?:"))}
    affected = {k for f in mine for k in article_keys(f) if _matters(k, named, index)}
    context: set[str] = set()
    loaded: dict[str, ArticleFacts] = {}
    keys = _NameKeys(index)
    rounds = 0
    while True:
        rounds += 1
        around = index.articles_of(affected | context) - changed
        if limit is not None and len(around) > limit:
            return None
        fresh = load(around - set(loaded))
        keys.load(p.name for f in fresh.values() for p in f.persons)
        loaded.update(fresh)
        base = {i: loaded[i] for i in around}
        pinned = _pinned(base, affected, index, keys)
        if pinned is None:
            return None
        after = _resolve(base, new, pinned)
        grow_a, grow_c = _grow(after, affected, context, index, keys, affected_at_start=mine)
        if not grow_a - affected and not grow_c - context - affected:
            break
        affected |= grow_a
        context |= grow_c - affected
    closure = _Closure(after, set(new), set(pinned.values()), index)
    quads = closure.quads()
    graphs = {article_graph(i) for i, f in new.items() if f is not None}
    sources = {mint("article", i) for i in changed}
    rewrite = _rewritten(quads, after, affected, sources, keys)
    names = {n: key for key, ns in _names(after).items() for n in ns if keys(n) & affected}
    were = {p.name for f in (*base.values(), *(f for f in old.values() if f)) for p in f.persons}
    held = index.persons_of(n for n in were if keys(n) & affected)
    return Change([q for q in quads if q.graph_name in graphs], rewrite,
                  [q for q in quads if q.graph_name == MERGED and q.subject in rewrite],
                  _lexicon_nodes(quads), names, closure=len(around) + len(changed), rounds=rounds,
                  old_seeds={Mapper.person_iri(k) for k in held.values()} | _lexicon_entities(affected),
                  sources=sources, kept=set(closure.kept), kept_quads=closure.kept_quads, inputs=closure.inputs,
                  evidence={Mapper.evidence_iri(ev) for f in mine for ev in _all_evidence(f)})


class _Closure(Mapper):
    """The mapping of a closure: the article graphs of the changed articles only, and the merged nodes that can
    be rewritten.  Left out are the pinned people (``pinned``: their keys), their terms and the calls among
    them only: at the fixpoint no name of theirs has an affected key (:func:`_grow_affected` makes every name
    of a person with one affected), so none of them is an affected person, sourced by a changed article (whose
    people are affected), or refers to a rewritten node (a pinned person refers to no node, a term to its
    holder, office and predecessor, who is affected with an affected successor, a call to its participants):
    :func:`_rewritten` would not select them.  Mapping them was a third of the mapping at 100,000 articles."""

    def __init__(self, resolved: Resolved, changed: set[str], pinned: set[str], index: Index | None = None) -> None:
        super().__init__(resolved)
        self.changed, self.pinned, self.index = changed, pinned, index
        self.inputs: dict[str, bytes] = {}  # call IRI -> call_input of the mapped calls
        self.kept: dict[NamedNode, Call] = {}  # the calls left unmapped (see _calls)

    def article_quads(self, a: ArticleFacts) -> Iterator[Quad]:
        return super().article_quads(a) if a.article.id in self.changed else iter(())

    def _persons(self) -> Iterator[Quad]:
        for key, p in self.r.persons.items():
            if key not in self.pinned:
                yield from self._person(key, p)

    def _terms(self) -> Iterator[Quad]:
        for t in self.r.terms:
            if t.person not in self.pinned:
                yield from self._term(t)

    def _calls(self) -> Iterator[Quad]:
        """The calls not among pinned people only, except those the index says were mapped, for the quads the
        store holds, from a call with the same :func:`call_input` (``kept``): the mapping would give the stored
        quads again (most of a commit's calls: those of the people it touches, unchanged)."""
        calls = [(self.call_iri(c), c) for c in self.r.calls if not self.pinned.issuperset(c.participants)]
        inputs = _inputs_by_iri(calls, self.articles)
        # (a mapping that derives facts on a call from its participants' terms reads more than the call)
        recorded = self.index.node_inputs(inputs) if self.index is not None and not CALLS_READ_PARTICIPANT_TERMS else {}
        for iri, c in calls:
            if iri.value in inputs and recorded.get(iri.value) == inputs[iri.value]:
                self.kept[iri] = c
            else:
                if iri.value in inputs:
                    self.inputs[iri.value] = inputs[iri.value]
                yield from self._call(c)

    def kept_quads(self, sources: set[NamedNode]) -> list[Quad]:
        """The quads of the kept calls sourced by one of these articles."""
        return [q for c in self.kept.values() if sources & {mint("article", e.article) for e in c.evidence}
                for q in self._call(c)]

    def quads(self) -> list[Quad]:  # type: ignore[override]
        return list(super().quads())


@functools.cache
def _mapping_code() -> bytes:
    """A digest of the mapping's code: a call input recorded by another version of it never matches."""
    return hashlib.blake2b(Path(mapping.__file__).read_bytes(), digest_size=16).digest()


def call_input(c: Call, articles: Mapping[str, ArticleFacts]) -> bytes:
    """A digest of everything :meth:`kg.mapping.Mapper._call` reads to map a resolved call (the call itself, the
    publication dates of its reports, the mapping's code): two calls with one digest have the same quads."""
    published = [(a, f.article.published if (f := articles.get(a)) else None) for a in c.reports]
    return hashlib.blake2b(_mapping_code() + repr((c, published)).encode(), digest_size=16).digest()


def call_inputs(r: Resolved) -> dict[str, bytes]:
    """The :func:`call_input` of every call of a resolution, by the call's IRI (what a full commit records)."""
    mapper = Mapper(r)
    return _inputs_by_iri([(mapper.call_iri(c), c) for c in r.calls], mapper.articles)


def _inputs_by_iri(calls: list[tuple[NamedNode, Call]], articles: Mapping[str, ArticleFacts]) -> dict[str, bytes]:
    """The :func:`call_input` of each call by its IRI, leaving out an IRI two calls share (its node holds the
    quads of both: no one call's input says what it holds)."""
    seen = Counter(iri for iri, _ in calls)
    return {iri.value: call_input(c, articles) for iri, c in calls if seen[iri] == 1}


def _pinned(base: Mapping[str, ArticleFacts], affected: set[str], index: Index,
            keys: NameKeys) -> dict[str, str] | None:
    """The person keys of the closure's names that no affected key reaches, as the index records them:
    their people are not rewritten, and the full resolution gave them these keys.  None when the index
    lacks one (it cannot be exact then: re-resolve in full)."""
    names = {p.name for f in base.values() for p in f.persons}
    fixed = {n for n in names if not keys(n) & affected}
    found = index.persons_of(fixed)
    return found if len(found) == len(fixed) else None


def _matters(key: str, named: set[str], index: Index) -> bool:
    """Whether a key of a changed article can make other articles interact with it.  An office key
    (``o:``) matters only where some call party is named by that office (or, for a claim of a post without
    a country, by an office of its type), since an office's terms are read together only to find the
    holder of such a party: the terms of one person are found through their names."""
    if not key.startswith("o:"):
        return True
    office = key[2:]
    party = "p?:" + office[1:] if office.startswith("?") else "p:" + office
    return party in named or index.any_with(party)


def _resolve(base: Mapping[str, ArticleFacts], side: Mapping[str, ArticleFacts | None],
             pinned: Mapping[str, str]) -> Resolved:
    facts = {**base, **{i: f for i, f in side.items() if f is not None}}
    return resolve([facts[k] for k in sorted(facts)], pinned)


def _names(r: Resolved) -> dict[str, set[str]]:
    """Each resolved person's names as the articles write them."""
    out: dict[str, set[str]] = defaultdict(set)
    for a in r.articles:
        for p in a.persons:
            key = r.local.get((a.article.id, p.key))
            if key:
                out[key].add(p.name)
    return out


def _grow(r: Resolved, affected: set[str], context: set[str], index: Index, name_keys: NameKeys, *,
          affected_at_start: list[ArticleFacts]) -> tuple[set[str], set[str]]:
    """The affected and context keys one resolution of the closure asks for (module docstring)."""
    keys = {person: set().union(*(name_keys(n) for n in ns)) for person, ns in _names(r).items()}
    holders: dict[str, set[str]] = defaultdict(set)
    for t in r.terms:
        holders[t.office].add(t.person)
    named = {k for f in affected_at_start for k in article_keys(f) if k.startswith("p:")}
    grow_a = _grow_affected(r, keys, holders, affected, lambda office: "p:" + office in named | affected
                            or index.any_with("p:" + office))
    return grow_a, _grow_context(r, keys, holders, affected, context, name_keys)


def _grow_affected(r: Resolved, keys: dict[str, set[str]], holders: dict[str, set[str]], affected: set[str],
                   named_by: Callable[[str], bool]) -> set[str]:
    """Affected people's own keys; the people they replace or who replace them (a successor's start bounds
    the predecessor's term); and, for an office some call party is named by (``named_by``), its keys and
    every holder of it (the party may resolve to another holder now)."""
    hit = {person for person, ks in keys.items() if ks & affected}
    out: set[str] = set().union(*(keys[p] for p in hit))
    for t in r.terms:
        if t.person in hit:
            if t.replaces:
                out |= keys.get(t.replaces, set())
            if named_by(t.office):
                out |= {*office_keys(t.office), "p:" + t.office}
        if t.replaces in hit:
            out |= keys[t.person]
    for office, people in holders.items():
        if "p:" + office in affected or "p:" + office in out:
            out |= set().union(*(keys[p] for p in people))
    return out


def _grow_context(r: Resolved, keys: dict[str, set[str]], holders: dict[str, set[str]], affected: set[str],
                  context: set[str], name_keys: NameKeys) -> set[str]:
    """Keys of people the rewritten nodes read but do not rewrite: the holders of the offices that name call
    parties in articles of affected people (the party resolves among them), their successors and
    predecessors, and with :data:`CALLS_READ_PARTICIPANT_TERMS` the participants of affected people's calls."""
    hit = {person for person, ks in keys.items() if ks & affected}
    out: set[str] = set()
    if CALLS_READ_PARTICIPANT_TERMS:
        for c in r.calls:
            if hit & set(c.participants):
                out |= set().union(*(keys[p] for p in c.participants))
    for a in r.articles:
        if any(name_keys(p.name) & affected for p in a.persons):
            for office in {x.office for c in a.calls for x in (*c.participants, c.initiator) if x and x.office}:
                out |= {*office_keys(office), "p:" + office, *set().union(*(keys[p] for p in holders[office]))}
    whole = {person for person, ks in keys.items() if ks & (context | out)}
    for t in r.terms:
        if t.person in whole and t.replaces:
            out |= keys.get(t.replaces, set())
        if t.replaces in whole:
            out |= keys[t.person]
    return out


def _rewritten(quads: list[Quad], r: Resolved, affected: set[str], sources: set[NamedNode],
               name_keys: NameKeys) -> set[NamedNode]:
    """The merged nodes of one side of the change that are rewritten: those sourced by a changed article,
    the affected people, missiles and treaties, and every node that refers to one of those, repeatedly."""
    names = _names(r)
    out: set[NamedNode] = {Mapper.person_iri(p) for p, ns in names.items()
                           if any(name_keys(n) & affected for n in ns)}
    out |= _lexicon_entities(affected)
    refers: dict[NamedNode, set[NamedNode]] = defaultdict(set)  # object -> subjects referring to it
    for q in quads:
        if q.graph_name != MERGED or is_lexicon(q.subject):
            continue
        if q.predicate == _SOURCE and q.object in sources:
            out.add(q.subject)  # type: ignore[arg-type]
        elif isinstance(q.object, NamedNode):
            refers[q.object].add(q.subject)  # type: ignore[arg-type]
    todo = list(out)
    while todo:
        for s in refers.get(todo.pop(), ()):
            if s not in out:
                out.add(s)
                todo.append(s)
    return out


def _lexicon_entities(affected: set[str]) -> set[NamedNode]:
    """The missiles and treaties of affected keys (gathered across articles, rewritten whole)."""
    mapper = Mapper.__new__(Mapper)
    mapper.lex = load_lexicon()
    missiles = {mapper.missile_iri(k[2:]) for k in affected if k.startswith("m:") and mapper.lex.missile(k[2:])}
    treaties = {mapper.treaty_iri(k[2:]) for k in affected if k.startswith("t:") and k[2:] in mapper.lex.treaties}
    return missiles | treaties


def _lexicon_nodes(quads: list[Quad]) -> dict[NamedNode, list[Quad]]:
    """The lexicon nodes' own quads in the merged layer."""
    out: dict[NamedNode, list[Quad]] = defaultdict(list)
    for q in quads:
        if q.graph_name == MERGED and is_lexicon(q.subject):
            out[q.subject].append(q)  # type: ignore[index]
    return dict(out)
