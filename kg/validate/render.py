"""Renderers of a validation report: text for people (grouped by focus node, IRIs shortened), Turtle
for tools.  JSON is :meth:`kg.validate.report.ValidationReport.to_json`."""

from __future__ import annotations

import re

import pyoxigraph
from rdflib.namespace import RDF, SH

from kg.rdfio import to_bytes, to_ox
from kg.validate.report import DISPLAY_PREFIXES, ValidationReport, ValidationResult, shorten

XSD_NS = "http://www.w3.org/2001/XMLSchema#"
OxTerm = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal


def render_turtle(report: ValidationReport) -> str:
    """The report graph in Turtle, each literal exactly as written (rdflib's writer would turn an
    ill-typed ``"1"^^xsd:boolean`` into the integer ``1``)."""
    bnodes: dict = {}
    triples = [_ox_triple(to_ox(s, bnodes), to_ox(p, bnodes), to_ox(o, bnodes)) for s, p, o in report.graph]
    prefixes = {"sh": str(SH), "xsd": XSD_NS, "rdf": str(RDF), **DISPLAY_PREFIXES}
    return to_bytes(triples, "turtle", prefixes).decode()


def _ox_triple(subject: OxTerm, predicate: OxTerm, obj: OxTerm) -> pyoxigraph.Triple:
    if isinstance(subject, pyoxigraph.Literal) or not isinstance(predicate, pyoxigraph.NamedNode):
        raise TypeError(f"not an RDF triple (literal subject or non-IRI predicate): {subject} {predicate}")
    return pyoxigraph.Triple(subject, predicate, obj)


def _shorten_terms(text: str) -> str:
    text = re.sub(r"<([^<>\s]*)>", lambda m: _angle(shorten(m.group(1)), m.group(1)), text)
    return re.sub(r"\^\^xsd:string\b", "", text)


def _angle(short: str, iri: str) -> str:
    return short if short != iri else f"<{iri}>"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _result_lines(result: ValidationResult) -> list[str]:
    where = _shorten_terms(result.path) if result.path else "(node)"
    details = [f"value {_shorten_terms(result.value)}"] if result.value else []
    details += [shorten(result.shape)] if result.shape else []
    details.append(result.component)
    message = re.sub(r"https?://[^\s<>\"'(),]+", lambda m: shorten(m.group()), result.message)
    lines = [f"  [{shorten(result.severity)}] {where}: {message}", f"      {' · '.join(details)}"]
    if result.value and result.value_problem:
        lines.append(f"      {_shorten_terms(result.value)}: {result.value_problem}")
    return lines


def verdict(violations: int, warnings: int, infos: int, others: int = 0) -> tuple[str, str]:
    """The result in the words ``kg validate`` and ``kg build`` both use: "conforms" (SHACL: no result of
    any severity) or "does not conform", and the counts ("0 violations, 1 warning, 0 infos")."""
    counts = ", ".join((_plural(violations, "violation"), _plural(warnings, "warning"), _plural(infos, "info")))
    counts += f", {others} of other severities" if others else ""
    return ("conforms" if violations + warnings + infos + others == 0 else "does not conform"), counts


def render_text(report: ValidationReport) -> str:
    """Results grouped by focus node: label, then each result, then the supporting sentence."""
    lines: list[str] = []
    focuses = list(dict.fromkeys(r.focus for r in report.results))
    for focus in focuses:
        group = [r for r in report.results if r.focus == focus]
        label = f"  “{group[0].focus_label}”" if group[0].focus_label else ""
        lines.append(f"{shorten(focus)}{label}")
        for result in group:
            lines += _result_lines(result)
        if group[0].sentence:
            lines.append(f"  sentence: « {group[0].sentence} »")
        lines.append("")
    word, counts = verdict(report.violations, report.warnings, report.infos, report.others)
    lines.append(f"{word.capitalize()}: {counts} on {_plural(len(focuses), 'focus node')}.")
    lines.append(f"Engine: {report.engine.describe()}.")
    return "\n".join(lines) + "\n"
