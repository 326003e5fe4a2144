"""``kg view``: one self-contained HTML page with a timeline of offices and calls and a call network."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ViewSummary:
    out: Path
    people: int
    terms: int
    calls: int
    size: int

    def text(self) -> str:
        return (f"{self.calls} calls, {self.terms} terms, {self.people} people: "
                f"{self.out} ({self.size / 1024:,.0f} KiB)")


def write_view(data: Path, out: Path) -> ViewSummary:
    """Read the graph ``data`` (an RDF file or a store folder) and write the page to ``out``."""
    from kg.errors import InputError
    from kg.rdfio import atomic_write
    from kg.store import open_data
    from kg.view.data import read_model
    from kg.view.page import render_page

    if out.is_dir():
        raise InputError("is a folder; give a file name such as kg.html", path=str(out))
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("output folder does not exist", path=str(folder))
    model = read_model(open_data(data))
    page = render_page(model).encode("utf-8")
    atomic_write(out, lambda f: f.write(page))
    return ViewSummary(out, len(model["people"]), len(model["terms"]), len(model["calls"]), len(page))


__all__ = ["ViewSummary", "write_view"]
