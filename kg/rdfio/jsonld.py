"""JSON-LD written for JSON users: compacted with kg's ``@context`` (``ontology/context.jsonld``), embedded.

Why kg compacts itself rather than through a library: pyoxigraph's JSON-LD writer does not compact (full IRIs
as keys, every value an object), and rdflib's compaction turns typed literals into JSON numbers through Python
values, which changes lexical forms (``"1.5"^^xsd:double`` comes back as ``"1.5E0"``, ``"01"^^xsd:integer`` as
``"1"``), loses ill-typed literals, and writes nodes in hash order.  The context is fixed and small, so the
compaction it allows is simple to do exactly: each value is written short only when expanding it gives back the
same term, else as an explicit ``{"@id"}`` or ``{"@value", "@type"/"@language"}`` object.  The output is one
``{"@context": {...}, "@graph": [...]}`` document holding the union of the graphs (as the README says), one node
per subject, sorted; the context is embedded, so reading it back (kg reads with pyoxigraph, which never fetches a
remote context) needs no network and gives the same triples (``tests/unit/test_formats_readable.py``).

Shapes of values under a term of the context:

* ``"@type": "@id"`` (``holder``, ``participant`` ...): an IRI as a string (``"kgr:person/..."``);
* ``"@type": "@vocab"`` (``medium``): an IRI as a term when the context has one (``"Telephone"``);
* ``"@type": "xsd:date"`` (``published``, ``date`` ...): a literal of that datatype as its lexical form; other
  datatypes (``xsd:gYear`` dates) as ``{"@value", "@type"}``; integers and booleans as JSON numbers and booleans
  when their lexical form is canonical;
* ``"@container": "@language"`` (``label``, ``prefLabel`` ...): ``{"en": "...", "fr": [...]}``;
* no coercion (``quote``, ``rule`` ...): strings as strings.

A value its term would read differently is written under the term in expanded form (a ``xsd:gYear`` date as
``{"@value": "2023", "@type": "xsd:gYear"}``), except outside a language map (a literal without a language), which
goes under the predicate's compact IRI (``"rdfs:label"``); predicates and classes without a term are written as
compact IRIs (``"prov:wasAttributedTo"``) or in full.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import IO, Any

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kg.namespaces import PREFIXES

XSD = PREFIXES["xsd"]
RDF_TYPE = PREFIXES["rdf"] + "type"
XSD_STRING = XSD + "string"
_INTEGERS = {XSD + t for t in ("integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger",
                               "negativeInteger", "long", "int", "short", "byte", "unsignedLong", "unsignedInt",
                               "unsignedShort", "unsignedByte")}
# an integer JSON keeps exactly: canonical, and within a double's exact range (JSON-LD readers use doubles)
_CANONICAL_INT = re.compile(r"0|-?[1-9][0-9]{0,14}")
_GEN_DELIMS = tuple(":/?#[]@")
_encode = json.JSONEncoder(ensure_ascii=False).encode  # one encoder (json.dumps with options makes one a call)
_OWN = re.compile(r".*[:/?#\[\]@]", re.S)  # an IRI up to its last gen-delim


@dataclass(frozen=True)
class Term:
    """A term of the context: its name, the IRI it stands for, its type coercion and container."""

    name: str
    iri: str
    type: str | None = None  # "@id", "@vocab" or a datatype IRI
    container: str | None = None  # "@language", "@set"


@dataclass(frozen=True)
class Context:
    """kg's JSON-LD context, read: the document's ``@context`` object, its prefixes and its terms."""

    document: dict[str, Any]
    prefixes: dict[str, str]  # name -> namespace (terms whose IRI ends with a gen-delim)
    terms: dict[str, Term]  # IRI -> term
    named: dict[str, Term] = field(default_factory=dict)  # name -> term
    _under: dict[str, tuple[str, str] | None] = field(default_factory=dict)  # IRI's own namespace -> prefix

    def compact(self, iri: str, vocab: bool = False) -> str:
        """``iri`` as short as it expands back: a term (where IRIs expand vocabulary-relative), else
        ``prefix:suffix`` with the longest namespace, else the IRI itself."""
        term = self.terms.get(iri)
        if vocab and term is not None and term.type is None and term.container is None:
            return term.name
        # every prefix's namespace ends with a gen-delim: the longest that starts the IRI starts its own
        # namespace (up to its last gen-delim), looked up once per such namespace
        last = _OWN.match(iri)
        own = last.group() if last else ""
        if own not in self._under:
            best = max((ns for ns in self.prefixes.values() if own.startswith(ns)), key=len, default=None)
            self._under[own] = None if best is None else (
                next(name for name, ns in self.prefixes.items() if ns == best), best)
        found = self._under[own]
        if found is None or len(iri) == len(found[1]) or iri[len(found[1]):].startswith("//"):
            return iri
        return f"{found[0]}:{iri[len(found[1]):]}"


@cache
def context() -> Context:
    """kg's context, from the file the package ships (``kg.resources.context_path``)."""
    from kg.resources import context_path

    document = json.loads(context_path().read_text(encoding="utf-8"))["@context"]
    prefixes = {name: value for name, value in document.items()
                if isinstance(value, str) and not name.startswith("@") and value.endswith(_GEN_DELIMS)}

    def expand(value: str) -> str:
        prefix, _, suffix = value.partition(":")
        return prefixes[prefix] + suffix if prefix in prefixes and not suffix.startswith("//") else value

    terms: dict[str, Term] = {}
    for name, value in document.items():
        if name.startswith("@") or name in prefixes:
            continue
        if isinstance(value, str):
            terms[expand(value)] = Term(name, expand(value))
        else:
            coercion = value.get("@type")
            terms[expand(value["@id"])] = Term(name, expand(value["@id"]),
                                               coercion if coercion in (None, "@id", "@vocab") else expand(coercion),
                                               value.get("@container"))
    return Context(document, prefixes, terms, {t.name: t for t in terms.values()})


def _id(ctx: Context, term: NamedNode | BlankNode) -> str:
    return ctx.compact(term.value) if isinstance(term, NamedNode) else f"_:{term.value}"


def _explicit(ctx: Context, o: object, scalars: bool = True) -> Any:
    """A value in expanded form, which no coercion changes: ``{"@id"}`` or a value object; with ``scalars`` (under
    a key without coercion), a bare string, number or boolean where JSON-LD reads it back as the same literal."""
    if isinstance(o, NamedNode | BlankNode):
        return {"@id": _id(ctx, o)}
    assert isinstance(o, Literal)
    if o.language:
        return {"@value": o.value, "@language": o.language}
    datatype = o.datatype.value
    if datatype == XSD_STRING:
        return o.value if scalars else {"@value": o.value}
    native = _native(o.value, datatype, XSD + "integer") if scalars else None
    return native if native is not None else {"@value": o.value, "@type": ctx.compact(datatype, vocab=True)}


def _native(lexical: str, datatype: str, integer: str) -> int | bool | None:
    """The JSON number or boolean that reads back as ``lexical^^datatype`` (``integer``: the datatype a JSON
    integer gets where this value is written), else None."""
    if datatype == XSD + "boolean" and lexical in ("true", "false"):
        return lexical == "true"
    if datatype == integer and datatype in _INTEGERS and _CANONICAL_INT.fullmatch(lexical):
        return int(lexical)
    return None


def _coerced(term: Term, ctx: Context, o: object) -> Any:
    """The short form of ``o`` under ``term`` when expanding it gives ``o`` back, else None."""
    if term.type == "@id" and isinstance(o, NamedNode | BlankNode):
        return _id(ctx, o)
    if term.type == "@vocab" and isinstance(o, NamedNode):
        return ctx.compact(o.value, vocab=True)
    if not isinstance(o, Literal) or o.language:
        return None
    datatype = o.datatype.value
    if term.type is not None and term.type.startswith("@"):
        return None
    if term.type is None:  # no coercion: strings, canonical integers and booleans read back as themselves
        return o.value if datatype == XSD_STRING else _native(o.value, datatype, XSD + "integer")
    if datatype != term.type:
        return None
    native = _native(o.value, datatype, term.type)
    return native if native is not None else o.value


def node(ctx: Context, subject: NamedNode | BlankNode, pairs: list[tuple[NamedNode, object]]) -> dict[str, Any]:
    """The node object of one subject and its (predicate, object) pairs, in their order."""
    out: dict[str, Any] = {"@id": _id(ctx, subject)}
    types = [o.value for p, o in pairs if p.value == RDF_TYPE and isinstance(o, NamedNode)]
    if types:
        out["@type"] = [ctx.compact(t, vocab=True) for t in types] if len(types) > 1 else ctx.compact(types[0], True)
    values: dict[str, list] = {}
    languages: dict[str, dict[str, list[str]]] = {}
    for p, o in pairs:
        if p.value == RDF_TYPE and isinstance(o, NamedNode):
            continue
        term = ctx.terms.get(p.value)
        if term is not None and term.container == "@language":
            if isinstance(o, Literal) and o.language and o.language == o.language.lower():
                languages.setdefault(term.name, {}).setdefault(o.language, []).append(o.value)
                continue
        elif term is not None:  # short when it reads back the same, else in expanded form (never coerced)
            short = _coerced(term, ctx, o)
            values.setdefault(term.name, []).append(short if short is not None else _explicit(ctx, o, False))
            continue
        # no term, or a value outside its term's language map: under the predicate's compact IRI
        values.setdefault(ctx.compact(p.value, vocab=True), []).append(_explicit(ctx, o))
    for key, by_language in languages.items():
        out[key] = {lang: texts[0] if len(texts) == 1 else texts for lang, texts in by_language.items()}
    for key, items in values.items():
        term = ctx.named.get(key)
        out[key] = items[0] if len(items) == 1 and (term is None or term.container != "@set") else items
    return out


def write_jsonld(triples: Iterable[Triple], f: IO[bytes]) -> None:
    """Write the distinct triples as one compacted JSON-LD document, one node per subject, sorted."""
    from kg.rdfio.write import by_subject

    ctx = context()
    f.write(b'{\n  "@context": ')
    entries = (f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in ctx.document.items())
    f.write(("{\n" + ",\n".join(entries) + "\n  }").encode("utf-8"))  # one term a line
    f.write(b',\n  "@graph": [')
    subject, first = None, True
    pairs: list[tuple[NamedNode, object]] = []
    for triple in [*by_subject(triples), None]:
        if triple is None or (subject is not None and triple.subject != subject):
            if subject is not None:
                f.write(b"\n    " if first else b",\n    ")
                f.write(_node_text(node(ctx, subject, pairs)).encode("utf-8"))
                first = False
            pairs = []
        if triple is not None:
            subject = triple.subject
            pairs.append((triple.predicate, triple.object))
    f.write(b"\n  ]\n}\n" if not first else b"]\n}\n")


def _node_text(obj: dict[str, Any]) -> str:
    """A node object with one key a line, each value on its key's line (json's C encoder: an indented dump
    goes through its pure-Python one, three times slower on a large graph)."""
    lines = (f"      {_encode(k)}: {_encode(v)}" for k, v in obj.items())
    return "{\n" + ",\n".join(lines) + "\n    }"
