"""RDF in and out: the one place kg parses and serialises RDF.

* :mod:`kg.rdfio.formats`: the format table (names, suffixes, media types; which formats keep named graphs).
* :mod:`kg.rdfio.read`: strict reading, one policy for every entry point (``--data``, ``--shapes``,
  ``--against``, ``push --data``, ``kg validate`` files): pyoxigraph only, no network (a JSON-LD remote
  ``@context`` is refused), no DOCTYPE or entity declaration in RDF/XML, errors naming file:line:column.
* :mod:`kg.rdfio.write`: atomic writing with the permissions of a new file, set semantics (no quad twice),
  the union of the graphs for graph formats.
* :mod:`kg.rdfio.terms`: conversions between rdflib and pyoxigraph terms.
"""

from kg.rdfio.formats import FORMATS, Format, rdf_format, writable_format
from kg.rdfio.read import load, parse_errors, read_answer, read_dataset, read_quads, refuse_doctype
from kg.rdfio.terms import add_quads, rdflib_quads, to_ox, to_rdflib
from kg.rdfio.write import atomic_write, serialize_to, to_bytes, to_stdout, write_quads, write_store

__all__ = ["FORMATS", "Format", "add_quads", "atomic_write", "load", "parse_errors", "rdf_format", "rdflib_quads",
           "read_answer", "read_dataset", "read_quads", "refuse_doctype", "serialize_to", "to_bytes", "to_ox",
           "to_rdflib", "to_stdout", "writable_format", "write_quads", "write_store"]
