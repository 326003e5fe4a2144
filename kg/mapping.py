"""Resolved facts -> RDF quads under the kg ontology; the only place IRIs are minted.

Every IRI is ``kgr:<kind>/<slug>-<hash>``: a readable ASCII slug plus the first
10 hex digits of a SHA-256 of the normalised key, so names with spaces, quotes,
``%`` or emoji always give valid, distinct IRIs.  No blank nodes are written.
A key depends only on the thing it names, never on the rest of the corpus, so
other articles coming or going move no IRI: a person's identity key (their own
name forms, :func:`kg.resolve.identity_key`); a term's holder and office; a
call's participants and date bounds, or its earliest report when undated; a
launch's article and evidence span; a treaty event's treaty, kind and date;
lexicon ids for the rest.  The slug is made from the key too, so a change of
displayed name does not move the IRI.  When an identity does change, the store
links the old IRI to the new one (:mod:`kg.identity`).
Article graphs hold each article's ``kgo:Article`` and ``kgo:Evidence`` nodes;
the merged graph holds the resolved entities and events.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from pyoxigraph import Literal, NamedNode, Quad
from rdflib import URIRef

from kg.extract.lexicon import Lexicon, Missile, load_lexicon
from kg.extract.model import UNKNOWN_START, ArticleFacts, DateValue, Evidence
from kg.namespaces import KGO, MERGED, PREFIXES, WD, article_graph, mint
from kg.resolve import Call, Person, Resolved, Term

XSD = PREFIXES["xsd"]
RDF_TYPE = NamedNode(PREFIXES["rdf"] + "type")
RDFS_LABEL = NamedNode(PREFIXES["rdfs"] + "label")
SKOS = PREFIXES["skos"]
PREF, ALT = NamedNode(SKOS + "prefLabel"), NamedNode(SKOS + "altLabel")
NOTATION = NamedNode(SKOS + "notation")
DATATYPE = {"day": "date", "month": "gYearMonth", "year": "gYear"}
EVENT_CLASS = {"signature": KGO.Signature, "ratification": KGO.Ratification,
               "entry_into_force": KGO.EntryIntoForce, "suspension": KGO.Suspension,
               "withdrawal": KGO.Withdrawal, "expiry": KGO.Expiry}


def _n(term: object) -> NamedNode:
    return NamedNode(str(term))


def _lit(value: object, datatype: str) -> Literal:
    return Literal(str(value), datatype=NamedNode(XSD + datatype))


def _text(value: str, lang: str = "fr") -> Literal:
    return Literal(value, language=lang)


class Mapper:
    """Writes the quads of a resolved corpus."""

    def __init__(self, resolved: Resolved, lexicon: Lexicon | None = None) -> None:
        self.r = resolved
        self.lex = lexicon or load_lexicon()
        self.articles = {a.article.id: a for a in resolved.articles}
        self.actors_used: set[str] = set()
        self.offices_used: set[str] = set()

    def quads(self) -> Iterator[Quad]:
        for a in self.r.articles:
            yield from self.article_quads(a)
        yield from self._persons()
        yield from self._terms()
        yield from self._calls()
        yield from self._missiles()
        yield from self._launches()
        yield from self._treaties()
        yield from self._offices()
        yield from self._actors()

    # -- article layer

    def article_quads(self, a: ArticleFacts) -> Iterator[Quad]:
        g, node, art = article_graph(a.article.id), mint("article", a.article.id), a.article
        yield Quad(node, RDF_TYPE, _n(KGO.Article), g)
        yield Quad(node, _n(KGO.fileName), Literal(art.id), g)
        yield Quad(node, _n(KGO.textLength), _lit(len(art.text), "nonNegativeInteger"), g)
        yield Quad(node, _n(KGO.language), _lit(art.lang, "language"), g)
        if art.sha256:
            yield Quad(node, _n(KGO.sha256), Literal(art.sha256), g)
        if art.published:
            yield Quad(node, _n(KGO.published), _lit(art.published.isoformat(), "date"), g)
        if art.url:
            yield Quad(node, _n(KGO.url), _lit(art.url, "anyURI"), g)
        for ev in sorted(_all_evidence(a), key=lambda e: (e.start, e.end, e.rule)):
            yield from self._evidence(ev, g)

    def _evidence(self, ev: Evidence, g: NamedNode) -> Iterator[Quad]:
        node = self.evidence_iri(ev)
        yield Quad(node, RDF_TYPE, _n(KGO.Evidence), g)
        yield Quad(node, _n(KGO.inArticle), mint("article", ev.article), g)
        yield Quad(node, _n(KGO.sentence), Literal(ev.sentence), g)
        text = self.articles[ev.article].article.text if ev.article in self.articles else ""
        yield Quad(node, _n(KGO.quote), Literal(text[ev.start:ev.end] if text else ev.sentence), g)
        yield Quad(node, _n(KGO.charStart), _lit(ev.start, "nonNegativeInteger"), g)
        yield Quad(node, _n(KGO.charEnd), _lit(ev.end, "nonNegativeInteger"), g)
        yield Quad(node, _n(KGO.rule), Literal(ev.rule), g)

    @staticmethod
    def evidence_iri(ev: Evidence) -> NamedNode:
        return mint("evidence", f"{ev.article}|{ev.start}|{ev.end}|{ev.rule}", f"{ev.article}-{ev.start}")

    # -- merged layer helpers

    def _provenance(self, node: NamedNode, evidence: Iterable[Evidence]) -> Iterator[Quad]:
        evidence = list(dict.fromkeys(evidence))
        for ev in evidence:
            yield Quad(node, _n(KGO.evidence), self.evidence_iri(ev), MERGED)
        for article in dict.fromkeys(ev.article for ev in evidence):
            yield Quad(node, _n(KGO.source), mint("article", article), MERGED)

    def _date(self, node: NamedNode, d: DateValue | None, prop: str) -> Iterator[Quad]:
        if d is None:
            return
        if d.value and d.precision:
            yield Quad(node, _n(KGO[prop]), _lit(d.value, DATATYPE[d.precision]), MERGED)
        if d.earliest != UNKNOWN_START:
            yield Quad(node, _n(KGO[prop + "Earliest"]), _lit(d.earliest.isoformat(), "date"), MERGED)
        if d.latest != date.max:
            yield Quad(node, _n(KGO[prop + "Latest"]), _lit(d.latest.isoformat(), "date"), MERGED)

    @staticmethod
    def person_iri(key: str) -> NamedNode:
        """A person's IRI: their identity key (:func:`kg.resolve.identity_key`, made of their own name
        forms), readable as ``surname-firstname``; the displayed name may change, the IRI does not."""
        return mint("person", key, key.replace("|", " "))

    def office_iri(self, office_id: str) -> NamedNode:
        self.offices_used.add(office_id)
        return mint("office", office_id, office_id)

    def actor_iri(self, code: str) -> NamedNode:
        self.actors_used.add(code)
        return mint("actor", code, self.lex.actors[code].label_en if code in self.lex.actors else code)

    @staticmethod
    def term_iri(person: str, office: str) -> NamedNode:
        """A term's IRI: its holder's key and the office.  Resolution keeps one term per holder and office,
        so these two identify it; its start is left out, since a later article dating the start would
        otherwise move the IRI of a term that stays the same."""
        return mint("term", f"{person}|{office}", f"{person.split('|')[0]} {office}")

    # -- merged layer

    def _persons(self) -> Iterator[Quad]:
        for key, p in self.r.persons.items():
            yield from self._person(key, p)

    def _person(self, key: str, p: Person) -> Iterator[Quad]:
        node = self.person_iri(key)
        yield Quad(node, RDF_TYPE, _n(KGO.Person), MERGED)
        yield Quad(node, RDFS_LABEL, _text(p.name), MERGED)
        yield Quad(node, PREF, _text(p.name), MERGED)
        for alias in p.aliases:
            if alias != p.name:
                yield Quad(node, ALT, _text(alias), MERGED)
        yield from self._provenance(node, p.evidence)

    def _terms(self) -> Iterator[Quad]:
        for t in self.r.terms:
            yield from self._term(t)

    def _term(self, t: Term) -> Iterator[Quad]:
        node = self.term_iri(t.person, t.office)
        yield Quad(node, RDF_TYPE, _n(KGO.OfficeTerm), MERGED)
        yield Quad(node, _n(KGO.holder), self.person_iri(t.person), MERGED)
        yield Quad(node, _n(KGO.office), self.office_iri(t.office), MERGED)
        yield from self._date(node, t.start, "start")
        yield from self._date(node, t.end, "end")
        for d in sorted({d.value for d in t.held_on if d.value}):
            yield Quad(node, _n(KGO.heldOn), _lit(d, "date"), MERGED)
        if t.replaces and t.replaces in self.r.persons:
            yield Quad(node, _n(KGO.replaces), self.term_iri(t.replaces, t.office), MERGED)
        yield from self._provenance(node, t.evidence)

    def _calls(self) -> Iterator[Quad]:
        for c in self.r.calls:
            yield from self._call(c)

    def call_iri(self, c: Call) -> NamedNode:
        """A call's IRI: its participants' keys and its date bounds; an undated call, its earliest report
        (the first-published reporting article and the call's offset in it), which later reports of the
        same call do not change."""
        people = "|".join(sorted(c.participants))
        if c.date:
            key, when = f"{people}|{c.date.earliest}..{c.date.latest}", c.date.value or str(c.date.earliest)
        else:
            key, when = f"{people}|reported {self._earliest_report(c)}", "undated"
        surnames = " ".join(sorted(p.split("|")[0] for p in c.participants))
        return mint("call", key, f"{surnames} {when}")

    def _earliest_report(self, c: Call) -> str:
        def published(article: str) -> date:
            known = self.articles.get(article)
            return known.article.published or date.max if known else date.max

        first = min(c.reports, key=lambda a: (published(a), a))
        offset = min((e.start for e in c.evidence if e.article == first), default=0)
        return f"{first}@{offset}"

    def _call(self, c: Call) -> Iterator[Quad]:
        node = self.call_iri(c)
        yield Quad(node, RDF_TYPE, _n(KGO.Call), MERGED)
        for p in c.participants:
            yield Quad(node, _n(KGO.participant), self.person_iri(p), MERGED)
        for p in c.initiators:
            yield Quad(node, _n(KGO.initiator), self.person_iri(p), MERGED)
        medium = KGO.VideoConference if c.medium == "video" else KGO.Telephone
        yield Quad(node, _n(KGO.medium), _n(medium), MERGED)
        for topic in c.topics:
            yield Quad(node, _n(KGO.topic), _text(topic), MERGED)
        if c.note:
            yield Quad(node, _n(KGO.mergeNote), Literal(c.note), MERGED)
        yield from self._date(node, c.date, "date")
        yield from self._provenance(node, c.evidence)

    def missile_iri(self, system: str) -> NamedNode:
        return mint("missile", system, self._missile(system).label_en)

    def _missile(self, system: str) -> Missile:
        entry = self.lex.missile(system)
        assert entry is not None, system  # the extraction names lexicon systems and designations only
        return entry

    def treaty_iri(self, treaty: str) -> NamedNode:
        return mint("treaty", treaty, self.lex.treaties[treaty].label_en)

    def _lexicon_entity(self, node: NamedNode, cls: URIRef, entry, seen: list) -> Iterator[Quad]:
        """Type, labels (English and French names plus every form the articles use) and provenance."""
        yield Quad(node, RDF_TYPE, _n(cls), MERGED)
        yield from self._labels(node, entry.label_en, entry.label_fr, [s for s, _ in seen])
        yield from self._provenance(node, [e for _, e in seen])

    def _missiles(self) -> Iterator[Quad]:
        for system, seen in self.r.missiles().items():
            m, node = self._missile(system), self.missile_iri(system)
            yield from self._lexicon_entity(node, KGO.MissileSystem, m, seen)
            if m.country:
                yield Quad(node, _n(KGO.origin), self.actor_iri(m.country), MERGED)
            for cat in m.categories:
                yield Quad(node, _n(KGO.category), mint("missile-category", cat, cat), MERGED)
        yield from self._categories()

    def _categories(self) -> Iterator[Quad]:
        used = {c for s in self.r.missiles() for c in self._missile(s).categories}
        for cat in sorted(used):
            node = mint("missile-category", cat, cat)
            en, fr = self.lex.missile_categories.get(cat, (cat, cat))
            yield Quad(node, RDF_TYPE, _n(KGO.MissileCategory), MERGED)
            yield Quad(node, RDFS_LABEL, _text(en, "en"), MERGED)
            yield Quad(node, RDFS_LABEL, _text(fr, "fr"), MERGED)

    def _labels(self, node: NamedNode, en: str, fr: str, seen: list[str]) -> Iterator[Quad]:
        yield Quad(node, RDFS_LABEL, _text(en, "en"), MERGED)
        yield Quad(node, RDFS_LABEL, _text(fr, "fr"), MERGED)
        yield Quad(node, PREF, _text(en, "en"), MERGED)
        yield Quad(node, PREF, _text(fr, "fr"), MERGED)
        for alias in sorted(set(seen) - {en, fr}):
            yield Quad(node, ALT, _text(alias), MERGED)

    def _launches(self) -> Iterator[Quad]:
        for a in self.r.articles:
            for launch, key in zip(a.launches, _launch_keys(a), strict=True):
                node = mint("launch", key, f"{launch.system or 'missile'} {a.article.id}")
                yield Quad(node, RDF_TYPE, _n(KGO.Launch), MERGED)
                if launch.system:
                    yield Quad(node, _n(KGO.missile), self.missile_iri(launch.system), MERGED)
                if launch.by:
                    yield Quad(node, _n(KGO.launchedBy), self.actor_iri(launch.by), MERGED)
                if launch.target:
                    yield Quad(node, _n(KGO.target), _text(launch.target), MERGED)
                yield from self._date(node, launch.date, "date")
                yield from self._provenance(node, launch.evidence)

    def _treaties(self) -> Iterator[Quad]:
        for treaty_id, seen in self.r.treaties().items():
            t, node = self.lex.treaties[treaty_id], self.treaty_iri(treaty_id)
            yield from self._lexicon_entity(node, KGO.Treaty, t, seen)
            for party in t.parties:
                yield Quad(node, _n(KGO.party), self.actor_iri(party), MERGED)
        for a in self.r.articles:
            for e in a.treaty_events:
                t = self.lex.treaties[e.treaty]
                node = mint("treaty-event", f"{e.treaty}|{e.kind}|{_when(e.date) or a.article.id}",
                            f"{t.label_en} {e.kind}")
                yield Quad(node, RDF_TYPE, _n(EVENT_CLASS[e.kind]), MERGED)
                yield Quad(node, _n(KGO.treaty), self.treaty_iri(e.treaty), MERGED)
                for party in e.parties:
                    yield Quad(node, _n(KGO.party), self.actor_iri(party), MERGED)
                yield from self._date(node, e.date, "date")
                yield from self._provenance(node, e.evidence)

    def _offices(self) -> Iterator[Quad]:
        for office_id in sorted(self.offices_used):
            o = self.lex.office(office_id)
            pt = self.lex.post_types[o.type]
            node = mint("office", office_id, office_id)
            yield Quad(node, RDF_TYPE, _n(KGO.Office), MERGED)
            yield Quad(node, NOTATION, Literal(office_id), MERGED)
            yield Quad(node, RDFS_LABEL, _text(o.display_en, "en"), MERGED)
            yield Quad(node, RDFS_LABEL, _text(o.label_fr, "fr"), MERGED)
            post = mint("post-type", pt.id, pt.id)
            yield Quad(node, _n(KGO.postType), post, MERGED)
            yield Quad(node, _n(KGO.jurisdiction), self.actor_iri(o.country), MERGED)
            yield Quad(post, RDF_TYPE, _n(KGO.PostType), MERGED)
            yield Quad(post, NOTATION, Literal(pt.id), MERGED)
            yield Quad(post, RDFS_LABEL, _text(pt.label_en, "en"), MERGED)
            yield Quad(post, RDFS_LABEL, _text(pt.label_fr, "fr"), MERGED)
            yield Quad(post, _n(KGO.singleHolder), _lit("true" if pt.single_holder else "false", "boolean"), MERGED)

    def _actors(self) -> Iterator[Quad]:
        for code in sorted(self.actors_used):
            a = self.lex.actors.get(code)
            if a is None:
                continue
            node = self.actor_iri(code)
            cls = KGO.Organisation if a.kind == "organisation" else KGO.Country
            yield Quad(node, RDF_TYPE, _n(cls), MERGED)
            yield Quad(node, RDFS_LABEL, _text(a.label_en, "en"), MERGED)
            yield Quad(node, RDFS_LABEL, _text(a.label_fr, "fr"), MERGED)
            if a.kind != "organisation":
                yield Quad(node, _n(KGO.isoCode), Literal(a.id), MERGED)
            yield Quad(node, NOTATION, Literal(a.id), MERGED)
            if a.wikidata:
                yield Quad(node, NamedNode(SKOS + "exactMatch"), NamedNode(str(WD) + a.wikidata), MERGED)


def _launch_keys(a: ArticleFacts) -> list[str]:
    """Each launch by its article and where the article reports it (its first evidence span), not by
    its rank, so that a launch found earlier in the text does not renumber the others."""
    keys: list[str] = []
    for i, launch in enumerate(a.launches):
        first = min(((e.start, e.end) for e in launch.evidence), default=(i, i))
        key = f"{a.article.id}|{first[0]}-{first[1]}|{launch.system or ''}"
        keys.append(key if key not in keys else f"{key}|{i}")
    return keys


def _when(d: DateValue | None) -> str:
    """A date as a key part: its value, or its bounds when the text only bounds it."""
    if d is None:
        return ""
    return d.value or f"{d.earliest}..{d.latest}"


def _all_evidence(a: ArticleFacts) -> set[Evidence]:
    out: set[Evidence] = set()
    for group in (a.persons, a.holdings, a.calls, a.missiles, a.launches, a.treaties, a.treaty_events):
        for item in group:
            out.update(item.evidence)
    return out


def to_quads(resolved: Resolved) -> list[Quad]:
    """Every quad of a resolved corpus (article graphs and the merged graph)."""
    return list(Mapper(resolved).quads())
