"""kg's fast SHACL engine: shapes compiled to SPARQL (:mod:`.compile`, value tests in :mod:`.values`,
SHACL-SPARQL constraints in :mod:`.sparql`), run by pyoxigraph on a store holding the data
(:mod:`.load`), results as a SHACL report graph (:mod:`.engine`).  A shape it cannot decide exactly
raises :class:`kg.errors.Unsupported`, and pySHACL validates instead: it never drops a constraint."""

from kg.validate.fast.engine import check

__all__ = ["check"]
