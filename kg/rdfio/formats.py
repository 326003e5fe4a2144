"""The RDF formats kg reads and writes: one table of names, suffixes and media types.

Reading keeps what a file holds (the named graphs of TriG, N-Quads and JSON-LD).  Writing follows the
README: ``.trig`` and ``.nq`` keep one named graph per article plus the merged graph; ``.ttl``, ``.nt``,
``.jsonld`` and RDF/XML hold the union of the graphs in one graph.  N3 is read only.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import RdfFormat

from kg.errors import UsageError


@dataclass(frozen=True)
class Format:
    """One RDF format: its short name, other accepted names, file suffixes and media type."""

    name: str
    rdf: RdfFormat
    suffixes: tuple[str, ...]
    media_type: str
    aliases: tuple[str, ...] = ()
    dataset: bool = False  # written with its named graphs (else as the union of the graphs)
    writable: bool = True

    @property
    def keys(self) -> tuple[str, ...]:
        """Every string that names this format."""
        return (self.name, *self.aliases, *self.suffixes, self.media_type)


FORMATS: tuple[Format, ...] = (
    Format("turtle", RdfFormat.TURTLE, ("ttl",), "text/turtle"),
    Format("ntriples", RdfFormat.N_TRIPLES, ("nt",), "application/n-triples", ("n-triples",)),
    Format("nquads", RdfFormat.N_QUADS, ("nq",), "application/n-quads", ("n-quads",), dataset=True),
    Format("trig", RdfFormat.TRIG, ("trig",), "application/trig", dataset=True),
    Format("jsonld", RdfFormat.JSON_LD, ("jsonld", "json"), "application/ld+json", ("json-ld",)),
    Format("rdfxml", RdfFormat.RDF_XML, ("rdf", "owl", "xml"), "application/rdf+xml", ("rdf/xml",)),
    Format("n3", RdfFormat.N3, ("n3",), "text/n3", writable=False),
)
_BY_KEY = {key: fmt for fmt in FORMATS for key in fmt.keys}
WRITABLE = ", ".join(f.name for f in FORMATS if f.writable)


def rdf_format(name_or_path: str | Path) -> Format:
    """The format of a format name, media type, file suffix or file path (case-insensitive)."""
    key = str(name_or_path).lower()
    fmt = _BY_KEY.get(key) or _BY_KEY.get(Path(key).suffix.lstrip("."))
    if fmt is None:
        raise UsageError(f"unknown RDF format {str(name_or_path)!r} (use one of: "
                         f"{', '.join(f.name for f in FORMATS)}, a suffix or a media type)")
    return fmt


def writable_format(name_or_path: str | Path) -> Format:
    """The format to write for a name or an output path; a format kg only reads is a usage error."""
    fmt = rdf_format(name_or_path)
    if not fmt.writable:
        raise UsageError(f"kg reads {fmt.name} but does not write it (write one of: {WRITABLE})")
    return fmt
