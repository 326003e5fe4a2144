"""The ontology file parses everywhere and declares exactly the terms of ``kg.namespaces.KGO``."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from kg.namespaces import KGO, WDT
from kg.resources import ontology_path

ONTOLOGY_IRI = URIRef("https://w3id.org/kg-news/ontology")
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DECLARATIONS = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


def namespace_terms() -> set[URIRef]:
    return {KGO._NS[name] for name in KGO.__annotations__}


def declared_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(str(KGO._NS))}


def test_parses_with_pyoxigraph() -> None:
    quads = list(pyoxigraph.parse(path=str(ontology_path()), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) > 300


def test_uses_at_prefix_only() -> None:
    text = ontology_path().read_text(encoding="utf-8")
    assert "@prefix kgo:" in text
    assert not any(line.upper().startswith("PREFIX ") for line in text.splitlines())


def test_has_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY_IRI, URIRef(DCTERMS + "license")) is not None
    for prop in ("title", "description"):
        langs = {o.language for o in ontology.objects(ONTOLOGY_IRI, URIRef(DCTERMS + prop))}
        assert langs == {"fr", "en"}, prop


def test_no_owl_imports(ontology: Graph) -> None:
    assert not list(ontology.triples((None, OWL.imports, None)))


def test_declared_terms_equal_namespace(ontology: Graph) -> None:
    declared, expected = declared_terms(ontology), namespace_terms()
    assert declared - expected == set(), "declared in kg.ttl but missing from KGO"
    assert expected - declared == set(), "in KGO but not declared in kg.ttl"


@pytest.mark.parametrize("term", sorted(namespace_terms()), ids=lambda t: t.split("#")[-1])
def test_term_is_typed_labelled_and_commented(ontology: Graph, term: URIRef) -> None:
    assert set(ontology.objects(term, RDF.type)) & DECLARATIONS, "no OWL declaration"
    langs = {lab.language for lab in ontology.objects(term, RDFS.label) if isinstance(lab, Literal)}
    assert {"fr", "en"} <= langs
    assert ontology.value(term, RDFS.comment) is not None


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (KGO.Country, KGO.Actor),
        (KGO.Organisation, KGO.Actor),
        (KGO.Call, KGO.Event),
        (KGO.Launch, KGO.Event),
        (KGO.TreatyEvent, KGO.Event),
        *[(c, KGO.TreatyEvent) for c in (KGO.Signature, KGO.Ratification, KGO.EntryIntoForce,
                                         KGO.Suspension, KGO.Withdrawal, KGO.Expiry)],
        (KGO.Article, URIRef(PROV + "Entity")),
        (KGO.Evidence, URIRef(PROV + "Entity")),
        (KGO.Event, URIRef(PROV + "Activity")),
        (KGO.Person, URIRef(PROV + "Agent")),
        (KGO.Actor, URIRef(PROV + "Agent")),
    ],
)
def test_subclass(ontology: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in ontology


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (KGO.evidence, URIRef(PROV + "wasDerivedFrom")),
        (KGO.source, URIRef(PROV + "hadPrimarySource")),
        (KGO.participant, URIRef(PROV + "wasAssociatedWith")),
    ],
)
def test_prov_subproperty(ontology: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subPropertyOf, sup) in ontology


@pytest.mark.parametrize(
    ("term", "wikidata"),
    [
        (KGO.positionHeld, WDT.P39),
        (KGO.start, WDT.P580),
        (KGO.end, WDT.P582),
        (KGO.replaces, WDT.P1365),
        (KGO.participant, WDT.P710),
        (KGO.date, WDT.P585),
        (KGO.jurisdiction, WDT.P1001),
        (KGO.isoCode, WDT.P297),
    ],
)
def test_wikidata_alignment(ontology: Graph, term: URIRef, wikidata: URIRef) -> None:
    close = set(ontology.objects(term, URIRef(SKOS + "closeMatch")))
    linked = close | set(ontology.objects(term, RDFS.seeAlso))
    assert wikidata in linked


def test_position_held_is_inverse_of_holder(ontology: Graph) -> None:
    assert (KGO.positionHeld, OWL.inverseOf, KGO.holder) in ontology


def test_call_has_cameo_code(ontology: Graph) -> None:
    assert ontology.value(KGO.Call, URIRef(SKOS + "notation")) == Literal("041")


@pytest.mark.parametrize("medium", [KGO.Telephone, KGO.VideoConference])
def test_call_media_are_individuals(ontology: Graph, medium: URIRef) -> None:
    assert {OWL.NamedIndividual, KGO.CallMedium} <= set(ontology.objects(medium, RDF.type))


@pytest.mark.parametrize("prop", [KGO.date, KGO.start, KGO.end])
def test_partial_date_properties(ontology: Graph, prop: URIRef) -> None:
    assert ontology.value(prop, RDFS.range) == RDFS.Literal
    assert "xsd:gYearMonth" in str(ontology.value(prop, RDFS.comment))


@pytest.mark.parametrize("name", ["date", "start", "end"])
def test_bound_properties_are_dates(ontology: Graph, name: str) -> None:
    for bound in ("Earliest", "Latest"):
        assert ontology.value(KGO[name + bound], RDFS.range) == URIRef("http://www.w3.org/2001/XMLSchema#date")
