"""The facts cache: each article's extracted facts as JSON, addressed by article and content hash.

``<store>/facts/<digest of the article id>-<sha256 of its bytes>.json`` holds
:meth:`ArticleFacts.to_json` plus the identity of the extractor that produced it
(model name and a digest of the extraction code and lexicons, see
:func:`kg.build.extractor_id`), so an upgrade of kg re-extracts what it changed.  The merged layer
is recomputed from these files without running spaCy again.  Files are never
overwritten in place: a changed article gets a new file (its hash changed), so
a crash can never leave the store's articles without the facts they were built
from.  The RDF store stays the single source of truth for *which* version of an
article is current; files that no stored article refers to are removed by
:meth:`FactsCache.keep_only` after a successful build (until then they save the
NLP work of an interrupted build).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from kg.extract.model import ArticleFacts

FORMAT = "kg-facts/1"


class FactsCache:
    """A folder of content-addressed ``ArticleFacts`` JSON files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, article_id: str, sha256: str) -> Path:
        """The file of one version of one article."""
        digest = hashlib.sha256(article_id.encode("utf-8")).hexdigest()[:16]
        return self.folder / f"{digest}-{sha256}.json"

    def get(self, article_id: str, sha256: str, *, extractor: str | None = None) -> ArticleFacts | None:
        """The cached facts of this version (by this extractor, when given); None if absent or unreadable."""
        try:
            data = json.loads(self.path(article_id, sha256).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("article") != article_id:
            return None
        if extractor is not None and data.get("extractor") != extractor:
            return None
        try:
            return ArticleFacts.from_json(data["facts"])
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, facts: ArticleFacts, *, extractor: str) -> None:
        """Write one article's facts atomically (temporary file, fsync, rename)."""
        from kg.store import atomic_write

        article = facts.article
        record = {"format": FORMAT, "article": article.id, "sha256": article.sha256, "extractor": extractor,
                  "facts": facts.to_json()}
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path(article.id, article.sha256), lambda f: f.write(text))

    def keep_only(self, versions: set[tuple[str, str]]) -> int:
        """Delete the files of every (article id, sha256) not in ``versions``; return how many went."""
        wanted = {self.path(a, s).name for a, s in versions}
        gone = 0
        if not self.folder.is_dir():
            return 0
        for f in [*self.folder.glob("*.json"), *self.folder.glob(".*.tmp")]:  # .tmp: left by a killed write
            if f.name not in wanted:
                f.unlink(missing_ok=True)
                gone += 1
        return gone
