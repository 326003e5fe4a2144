"""kg: knowledge graphs of military diplomacy from French news.

The public API is five functions, thin wrappers over what the ``kg`` commands call:

* :func:`build` — articles to a graph file or the embedded store (``kg build``);
* :func:`open_store` — the embedded store, read-only, as a pyoxigraph ``Store``;
* :func:`run_query` — a stored query (by name) or a ``.rq`` file, as rows (``kg query``);
* :func:`validate` — SHACL validation, a report object (``kg validate``);
* :func:`export` — one RDF format to another (``kg export``).

Errors are :class:`kg.errors.KGError` subclasses (``InputError`` for a bad file, ``StoreError``
for a store or endpoint, ...), each also the fitting built-in (``ValueError``, ``OSError``);
non-conformance is a result (``report.conforms``), not an exception.  Imports are lazy: importing
``kg`` loads neither spaCy nor rdflib.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pyoxigraph import Store

    from kg.build import BuildSummary
    from kg.validate import ValidationReport

__all__ = ["build", "export", "open_store", "run_query", "validate"]

#: The embedded store's default folder (relative to the working directory), as for the commands.
DEFAULT_STORE = Path("kg-store")


def build(sources: Iterable[str | Path], *, out: str | Path | None = None, store: str | Path | None = None,
          model: str | None = None, validate: bool = True, strict: bool = False, jobs: int = 1) -> BuildSummary:
    """Build the graph of the articles in ``sources`` (folders, ``.txt``/``.md`` files) into the file
    ``out`` (its suffix picks the format) or else into the embedded store ``store`` (default
    ``./kg-store``; unchanged articles are skipped).  Loads the spaCy model.

    >>> import kg, tempfile
    >>> from pathlib import Path
    >>> folder = tempfile.TemporaryDirectory()
    >>> article = Path(folder.name, "appel.txt")
    >>> _ = article.write_text("Le 4 février 2025, le ministre des Armées Sébastien Lecornu s'est entretenu "
    ...                        "par téléphone avec le secrétaire américain à la Défense Pete Hegseth.\\n")
    >>> summary = kg.build([article], out=Path(folder.name, "graph.trig"))
    >>> summary.articles, summary.calls, summary.conforms
    (1, 1, True)
    >>> [row["date"] for row in kg.run_query("calls", Path(folder.name, "graph.trig"))]
    ['2025-02-04']
    >>> folder.cleanup()
    """
    from kg.build import build as run_build

    return run_build([str(s) for s in sources], out=out, store=store, model=model, validate=validate,
                     strict=strict, jobs=jobs)


def open_store(path: str | Path = DEFAULT_STORE) -> AbstractContextManager[Store]:
    """The embedded store of the folder ``path``, opened read-only for the ``with`` block (under the
    readers' lock, so a build waits for it); a :class:`pyoxigraph.Store` for SPARQL of your own.

    >>> import kg, pyoxigraph, tempfile
    >>> folder = tempfile.TemporaryDirectory()
    >>> db = pyoxigraph.Store(folder.name)  # a store as `kg build` makes it, here by hand
    >>> db.add(pyoxigraph.Quad(pyoxigraph.NamedNode("https://example.org/a"),
    ...                        pyoxigraph.NamedNode("https://example.org/b"), pyoxigraph.Literal("c")))
    >>> del db
    >>> with kg.open_store(folder.name) as store:
    ...     [s["o"].value for s in store.query("SELECT ?o WHERE { ?s ?p ?o }")]
    ['c']
    >>> folder.cleanup()
    """
    from kg.store import reading

    return reading(path)


def run_query(query: str | Path, data: str | Path = DEFAULT_STORE, *, params: Mapping[str, str] | None = None,
              allow_network: bool = False) -> list[dict[str, str]]:
    """The rows of a stored query (its name, as ``kg queries`` lists them) or of a ``.rq`` file, run on
    ``data`` (an RDF file or a store folder) over the union of its graphs.  ``params`` are bound as RDF
    terms, never pasted into the query; an unbound cell is absent from its row.

    >>> import kg, tempfile
    >>> from pathlib import Path
    >>> folder = tempfile.TemporaryDirectory()
    >>> data = Path(folder.name, "people.ttl")
    >>> _ = data.write_text('''
    ... @prefix kgo: <https://w3id.org/kg-news/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <https://example.org/ana> a kgo:Person ; skos:prefLabel "Ana Ortiz"@fr ; skos:altLabel "A. Ortiz"@fr .
    ... ''')
    >>> kg.run_query("people", data)
    [{'person': 'https://example.org/ana', 'name': 'Ana Ortiz', 'aliases': 'A. Ortiz'}]
    >>> folder.cleanup()
    """
    from kg.query import load_query
    from kg.query import run_select as run

    stored = load_query(str(query))
    path = Path(data)
    if path.is_dir():
        with open_store(path) as store:
            return _rows(run(store, stored, dict(params or {}), allow_network=allow_network))
    from kg.store import open_data

    return _rows(run(open_data(path), stored, dict(params or {}), allow_network=allow_network))


def _rows(solutions) -> list[dict[str, str]]:
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]


def validate(data: str | Path | Iterable[str | Path], *, shapes: str | Path | None = None,
             against: str | Path | None = None, engine: str = "auto") -> ValidationReport:
    """Validate RDF files (or a store folder) against kg's shapes, or the SHACL file ``shapes``; with
    ``against`` (a graph or store the data refers to) only the new data's problems count.  Returns a
    report: ``conforms``, ``results``, ``violations``, ``text()``, ``to_json()``, ``to_turtle()``;
    ``engine`` names the engine that ran.

    >>> import kg, tempfile
    >>> from pathlib import Path
    >>> folder = tempfile.TemporaryDirectory()
    >>> data = Path(folder.name, "person.ttl")
    >>> _ = data.write_text('''
    ... @prefix kgo: <https://w3id.org/kg-news/ontology#> .
    ... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... <https://example.org/ana> a kgo:Person ; skos:prefLabel "Ana Ortiz" .
    ... ''')
    >>> report = kg.validate(data)
    >>> report.conforms, report.violations > 0
    (False, True)
    >>> any("@fr or @en" in r.message for r in report.results)  # the label has no language tag
    True
    >>> folder.cleanup()
    """
    from kg.validate import validate as run_validate

    paths = [data] if isinstance(data, str | Path) else list(data)
    return run_validate([Path(p) for p in paths], shapes=None if shapes is None else Path(shapes),
                        against=None if against is None else Path(against), engine=engine)


def export(data: str | Path, fmt: str, out: str | Path | None = None) -> None:
    """Write ``data`` (an RDF file or a store folder) in the format ``fmt`` (turtle, ntriples, nquads,
    trig, jsonld or a media type) to the file ``out``, atomically, or to standard output.

    >>> import kg, tempfile
    >>> from pathlib import Path
    >>> folder = tempfile.TemporaryDirectory()
    >>> data = Path(folder.name, "one.ttl")
    >>> _ = data.write_text('<https://example.org/a> <https://example.org/b> "c" .')
    >>> kg.export(data, "ntriples", Path(folder.name, "one.nt"))
    >>> Path(folder.name, "one.nt").read_text()
    '<https://example.org/a> <https://example.org/b> "c" .\\n'
    >>> folder.cleanup()
    """
    from kg.export import export as run_export

    run_export(data, fmt, out)


class _Package(ModuleType):
    """The ``kg`` package itself.  ``build``, ``validate`` and ``export`` name both an API function and a
    submodule (``kg/build.py``, ...).  The package's attribute is always the submodule (imported on first
    use, :func:`__getattr__`), made callable as the function, so ``kg.build(...)``, ``kg.build.extract``,
    ``import kg.build`` and ``monkeypatch.setattr("kg.build.extract", ...)`` all mean what they say,
    whichever was imported first."""

    def __setattr__(self, name: str, value: Any) -> None:
        api = _API.get(name)
        if api is not None and isinstance(value, ModuleType) and not callable(value):
            value.__class__ = _callable_module(api)
        super().__setattr__(name, value)


def _callable_module(api: Callable[..., Any]) -> type[ModuleType]:
    return type(f"callable_module_{api.__name__}", (ModuleType,), {"__call__": staticmethod(api)})


_API: dict[str, Callable[..., Any]] = {name: globals()[name] for name in __all__}
#: API names that are also submodules: the function leaves the namespace, the callable submodule takes its place.
_SUBMODULES = ("build", "export", "validate")
for _name in _SUBMODULES:
    del globals()[_name]


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


sys.modules[__name__].__class__ = _Package
