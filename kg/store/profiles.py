"""Endpoint profiles: where each triplestore keeps its query, update and Graph Store services.

Servers differ, and the client must know it.  The URL a user gives is the one
they would query (``http://host:7878/query``, ``http://host:8890/sparql``, a
Fuseki dataset, a GraphDB repository, a QLever base URL); the profile strips
its known service path to find the server's base and derives the others.

========  =========================  ============================  ==============================  =======
profile   query                      update                        Graph Store (graph parameter)   auth
========  =========================  ============================  ==============================  =======
oxigraph  /query (union default)     /update                       /store?graph=                   basic
fuseki    <dataset>/query            <dataset>/update              <dataset>/data?graph=           basic
graphdb   /repositories/<id>         /repositories/<id>/statements /repositories/<id>/rdf-graphs/  basic
                                                                   service?graph=
virtuoso  /sparql                    /sparql-auth                  /sparql-graph-crud-auth         digest
                                                                   ?graph-uri=
qlever    <base>                     <base>                        <base>?graph=                   bearer
generic   the URL                    the URL                       none: SPARQL Update only        basic
========  =========================  ============================  ==============================  =======
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from kg.errors import UsageError


@dataclass(frozen=True)
class Profile:
    """One kind of server: its service paths (relative to the base URL) and its default auth scheme."""

    name: str
    query: str
    update: str
    gsp: str | None  # None: no Graph Store HTTP Protocol, writes go through SPARQL Update
    suffixes: tuple[str, ...] = ()  # service paths a given URL may end with
    graph_param: str = "graph"
    auth: str = "basic"
    query_form: tuple[tuple[str, str], ...] = ()  # extra form fields sent with each query

    def base(self, url: str) -> str:
        """The server's base URL: ``url`` without its service path and query string."""
        parts = urlsplit(url)
        path = parts.path.rstrip("/")
        for suffix in self.suffixes:
            if path.endswith(suffix):
                path = path[: -len(suffix)]
                break
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))

    def services(self, url: str) -> tuple[str, str, str | None]:
        """The query, update and Graph Store URLs of the server that ``url`` names."""
        if self.name == "generic":
            return url, url, None
        base = self.base(url)
        gsp = None if self.gsp is None else base + self.gsp
        return base + self.query, base + self.update, gsp


PROFILES = {p.name: p for p in (
    Profile("oxigraph", "/query", "/update", "/store", ("/query", "/update", "/store"),
            query_form=(("union-default-graph", ""),)),
    Profile("fuseki", "/query", "/update", "/data", ("/query", "/sparql", "/update", "/data", "/get")),
    Profile("graphdb", "", "/statements", "/rdf-graphs/service", ("/statements", "/rdf-graphs/service")),
    Profile("virtuoso", "/sparql", "/sparql-auth", "/sparql-graph-crud-auth",
            ("/sparql-graph-crud-auth", "/sparql-graph-crud", "/sparql-auth", "/sparql"),
            graph_param="graph-uri", auth="digest"),
    Profile("qlever", "", "", "", auth="bearer"),
    Profile("generic", "", "", None),
)}


def profile(name: str | None) -> Profile:
    """The named profile, else ``KG_ENDPOINT_PROFILE``, else ``generic``."""
    key = (name or os.environ.get("KG_ENDPOINT_PROFILE") or "generic").lower()
    if key not in PROFILES:
        raise UsageError(f"unknown endpoint profile {key!r} (use one of: {', '.join(PROFILES)})")
    return PROFILES[key]
