"""The kg ontology namespace (checked), the fixed prefix table, IRI minting and the graph names of a store.

``KGO`` is an rdflib ``DefinedNamespace`` with ``_fail = True``: a typo in a
term raises at import time instead of minting a silent new IRI.  A test checks
that these terms and the ones declared in ``ontology/kg.ttl`` are the same.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pyoxigraph import NamedNode
from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg-news/"


class KGO(DefinedNamespace):
    """Terms of the kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Actor: URIRef
    Country: URIRef
    Organisation: URIRef
    Person: URIRef
    PostType: URIRef
    Office: URIRef
    OfficeTerm: URIRef
    Event: URIRef
    Call: URIRef
    CallMedium: URIRef
    Launch: URIRef
    MissileSystem: URIRef
    MissileCategory: URIRef
    Treaty: URIRef
    TreatyEvent: URIRef
    Signature: URIRef
    Ratification: URIRef
    EntryIntoForce: URIRef
    Suspension: URIRef
    Withdrawal: URIRef
    Expiry: URIRef
    Article: URIRef
    Evidence: URIRef

    # provenance
    evidence: URIRef
    source: URIRef
    inArticle: URIRef
    sentence: URIRef
    quote: URIRef
    charStart: URIRef
    charEnd: URIRef
    rule: URIRef
    fileName: URIRef
    published: URIRef
    url: URIRef
    language: URIRef
    sha256: URIRef
    textLength: URIRef

    # actors, posts and terms
    isoCode: URIRef
    postType: URIRef
    jurisdiction: URIRef
    singleHolder: URIRef
    holder: URIRef
    office: URIRef
    positionHeld: URIRef
    start: URIRef
    startEarliest: URIRef
    startLatest: URIRef
    end: URIRef
    endEarliest: URIRef
    endLatest: URIRef
    heldOn: URIRef
    replaces: URIRef

    # events
    date: URIRef
    dateEarliest: URIRef
    dateLatest: URIRef
    participant: URIRef
    initiator: URIRef
    topic: URIRef
    medium: URIRef
    mergeNote: URIRef
    missile: URIRef
    launchedBy: URIRef
    target: URIRef
    treaty: URIRef
    party: URIRef

    # weapons
    category: URIRef
    origin: URIRef

    # derived facts (kg.mapping.PostsAtCalls)
    PostAtCall: URIRef
    call: URIRef
    term: URIRef

    # individuals
    Telephone: URIRef
    VideoConference: URIRef


KGR = Namespace(BASE + "id/")  # minted resources
KGG = Namespace(BASE + "graph/")  # named graphs
MERGED_GRAPH = KGG["merged"]
#: Links from retired IRIs to their successors, kept by the store across builds (kg.identity).
IDENTITY_GRAPH = KGG["identity"]

WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")

#: The one prefix table used for every serialisation and in stored queries.
PREFIXES: dict[str, str] = {
    "kgo": str(KGO._NS),
    "kgr": str(KGR),
    "kgg": str(KGG),
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "sh": "http://www.w3.org/ns/shacl#",
    "wd": str(WD),
    "wdt": str(WDT),
}


def slug(text: str, limit: int = 48) -> str:
    """The readable part of a minted IRI: lower-case ASCII words joined by hyphens."""
    spaced = re.sub(r"[\W_]+", " ", text)
    ascii_text = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")


def mint(kind: str, key: str, label: str | None = None) -> NamedNode:
    """The IRI of one entity or event: readable slug plus a digest of its normalised key (the one place
    kg mints IRIs; :mod:`kg.mapping` decides the keys)."""
    normalised = unicodedata.normalize("NFC", f"{kind}\x1f{key}")
    digest = hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:10]
    readable = slug(label or key) or kind
    return NamedNode(f"{KGR}{kind}/{readable}-{digest}")


# The named graphs of a store (and of a .trig or .nq build): one per article, the merged layer, and the
# identity graph (links from retired IRIs to their successors, kg.identity).
MERGED = NamedNode(str(MERGED_GRAPH))
IDENTITY = NamedNode(str(IDENTITY_GRAPH))


def article_graph(article_id: str) -> NamedNode:
    """The named graph of one article's own facts."""
    return NamedNode(str(KGG) + "article/" + mint("article", article_id).value.rsplit("/", 1)[1])
