"""Query results as plain objects, and their one set of renderers (local store, file and endpoint alike).

A query gives :class:`Solutions` (SELECT), a :class:`Boolean` (ASK) or a :class:`Graph`
(CONSTRUCT, DESCRIBE).  Whoever ran it (a child process over a store or file, a remote
endpoint) hands them over as serialized bytes, SPARQL JSON results or N-Triples, read
back here by :func:`read`; so every target renders through the same code.

Formats: ``table`` (:mod:`kg.table`: fits the terminal; IRIs written so they paste back into SPARQL),
``csv`` (W3C SPARQL 1.1 CSV), ``tsv`` (W3C SPARQL 1.1 TSV: terms in their N-Triples form,
so tabs and newlines are escaped), ``json`` and ``xml`` (W3C SPARQL 1.1 results); a
graph is written as RDF (:func:`write_graph`).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    Triple,
    parse_query_results,
)

from kg.errors import UsageError

Term = NamedNode | BlankNode | Literal | Triple
#: Result formats of SELECT and ASK, and the file suffixes that ask for them.
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
RESULT_SUFFIXES = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".srj": "json", ".xml": "xml", ".srx": "xml",
                   ".txt": "table"}
#: RDF formats of CONSTRUCT and DESCRIBE (names and suffixes; see :data:`kg.store.FORMATS`).
GRAPH_FORMATS = ("turtle", "ntriples", "nquads", "trig", "jsonld", "rdfxml")
PARTS = ("subject", "predicate", "object")


@dataclass(frozen=True)
class Solutions:
    """The answer to a SELECT: variable names and rows (None where a variable is unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]


@dataclass(frozen=True)
class Boolean:
    """The answer to an ASK."""

    value: bool


@dataclass(frozen=True)
class Graph:
    """The answer to a CONSTRUCT or DESCRIBE: a set of triples."""

    triples: tuple[Triple, ...]


Result = Solutions | Boolean | Graph


# ------------------------------------------------------------------ reading what a target sent


def read(answer: IO[bytes], graph: bool) -> Result:
    """Results from SPARQL JSON (SELECT, ASK) or, with ``graph``, from N-Triples or Turtle."""
    if graph:
        from kg.rdfio import read_answer

        return Graph(tuple(read_answer(answer, "turtle")))
    parsed = parse_query_results(answer, format=QueryResultsFormat.JSON)
    if isinstance(parsed, QueryBoolean):
        return Boolean(bool(parsed))
    names = tuple(v.value for v in parsed.variables)
    return Solutions(names, tuple(tuple(s[n] for n in names) for s in parsed))


# ------------------------------------------------------------------ choosing a format


def output_format(fmt: str | None, out: str | None, *, graph: bool, terminal: bool) -> str:
    """The format asked by ``--format``, else by the suffix of ``--out``, else the default (a table on
    a terminal and TSV otherwise; Turtle for a graph)."""
    suffix = "." + out.rsplit(".", 1)[-1].lower() if out and "." in out else ""
    if fmt is None and graph:
        return _graph_format(suffix) if suffix else "turtle"
    if fmt is None:
        return RESULT_SUFFIXES.get(suffix) or ("table" if terminal and not out else "tsv")
    if graph and fmt in RESULT_FORMATS:
        raise UsageError(f"CONSTRUCT and DESCRIBE give a graph, not a table: use --format "
                         f"{'|'.join(GRAPH_FORMATS)}")
    if not graph and fmt not in RESULT_FORMATS:
        raise UsageError(f"SELECT and ASK give results, not a graph: use --format {'|'.join(RESULT_FORMATS)}")
    return fmt


def _graph_format(suffix: str) -> str:
    from kg.rdfio import writable_format

    writable_format(suffix.lstrip("."))  # a usage error naming the formats when the suffix is not RDF
    return suffix.lstrip(".")


# ------------------------------------------------------------------ rendering


def render(result: Result, fmt: str, *, prefixes: dict[str, str] | None = None, width: int | None = None) -> str:
    """Results as text in ``fmt`` (one of :data:`RESULT_FORMATS`); ``prefixes`` shorten IRIs in a table,
    which is fitted to ``width`` columns (default: the terminal's)."""
    if isinstance(result, Graph):
        raise UsageError("a graph is written as RDF, not rendered as a table")
    if fmt == "json":
        return to_json(result)
    if fmt == "xml":
        return to_xml(result)
    if isinstance(result, Boolean):
        return f"{'true' if result.value else 'false'}\n"
    if fmt == "csv":
        return to_csv(result)
    if fmt == "tsv":
        return to_tsv(result)
    from kg.table import to_table

    return to_table(result, prefixes or {}, width or shutil.get_terminal_size().columns)


def to_json(result: Solutions | Boolean) -> str:
    """W3C SPARQL 1.1 Query Results JSON, ending with a newline."""
    if isinstance(result, Boolean):
        data: dict = {"head": {}, "boolean": result.value}
    else:
        bindings = [{n: _json_term(t) for n, t in zip(result.variables, row, strict=True) if t is not None}
                    for row in result.rows]
        data = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return json.dumps(data, ensure_ascii=False) + "\n"


def _json_term(term: Term) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Triple):
        return {"type": "triple", "value": {k: _json_term(getattr(term, k)) for k in PARTS}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
SPARQL_NS = "http://www.w3.org/2005/sparql-results#"


def to_xml(result: Solutions | Boolean) -> str:
    """W3C SPARQL Query Results XML."""
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<sparql xmlns={quoteattr(SPARQL_NS)}>"]
    if isinstance(result, Boolean):
        lines += ["  <head/>", f"  <boolean>{'true' if result.value else 'false'}</boolean>"]
    else:
        lines += ["  <head>", *(f"    <variable name={quoteattr(n)}/>" for n in result.variables), "  </head>",
                  "  <results>"]
        for row in result.rows:
            cells = [f"      <binding name={quoteattr(n)}>{_xml_term(t)}</binding>"
                     for n, t in zip(result.variables, row, strict=True) if t is not None]
            lines += ["    <result>", *cells, "    </result>"]
        lines.append("  </results>")
    return "\n".join([*lines, "</sparql>"]) + "\n"


def _xml_term(term: Term) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Triple):
        parts = "".join(f"<{k}>{_xml_term(getattr(term, k))}</{k}>" for k in PARTS)
        return f"<triple>{parts}</triple>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


def to_csv(result: Solutions) -> str:
    """SPARQL 1.1 CSV: a header of variable names, plain values (IRIs, lexical forms, ``_:`` labels),
    quoted where needed; LF line ends (as kg has always written them; CSV readers take both)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else _plain(t) for t in row])
    return out.getvalue()


def _plain(term: Term) -> str:
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Triple):
        return f"<< {term} >>"
    return term.value


def to_tsv(result: Solutions) -> str:
    """W3C SPARQL 1.1 TSV: ``?var`` headers, each term in its N-Triples form (IRIs in ``<>``, literals
    quoted with ``\\t``, ``\\n`` and ``"`` escaped), so a row is always one line."""
    lines = ["\t".join(f"?{n}" for n in result.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ graphs as RDF


def write_graph(graph: Graph, fmt: str, out: IO[bytes], *, prefixes: dict[str, str] | None = None) -> None:
    """The triples of a CONSTRUCT or DESCRIBE in the RDF format ``fmt`` (a name or suffix), written as kg writes
    every RDF file (:func:`kg.rdfio.serialize_to`: readable Turtle with the query's own prefixes besides kg's,
    JSON-LD with kg's context); a dataset format puts them in the default graph."""
    from kg.rdfio import serialize_to, writable_format

    serialize_to(graph.triples, out, writable_format(fmt).rdf, prefixes=prefixes)


def check_output(out: Path | None, data: Path | None = None) -> None:
    """Before a query runs: ``-o`` is not the data it reads, and its folder exists (a long query is not
    run for nothing)."""
    from kg.errors import InputError

    if out is None:
        return
    if data is not None and data.exists() and out.resolve() == data.resolve():
        raise UsageError("-o is the data the query reads")
    if not out.parent.is_dir():
        raise InputError("no such folder for the results", path=str(out.parent))


def write_result(result: Result, fmt: str, out: Path | None = None, *, prefixes: dict[str, str] | None = None,
                 width: int | None = None) -> None:
    """Results in ``fmt`` to the file ``out`` (atomically, with ordinary permissions; a table there is not
    cut to the terminal's width) or to standard output (written only once whole)."""
    from kg.rdfio import atomic_write, to_stdout

    if out is not None and width is None:
        width = sys.maxsize

    def write(f: IO[bytes]) -> None:
        if isinstance(result, Graph):
            write_graph(result, fmt, f, prefixes=prefixes)
        else:
            f.write(render(result, fmt, prefixes=prefixes, width=width).encode("utf-8"))

    if out is None:
        to_stdout(write)
    else:
        atomic_write(out, write)
