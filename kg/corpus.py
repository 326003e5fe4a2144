"""Reading articles: files, folders with a ``manifest.json``, standard input; cleaning page furniture.

Articles are streamed one at a time (never all held at once).  The cleaned text
is what every character offset in the graph refers to.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kg.errors import InputError, input_error, short
from kg.extract.dates import WIRE_DATELINE
from kg.textfile import decode, html_to_text, looks_like_html, warn, warn_names

#: Article files of a folder, by suffix in any case (``a.TXT`` too).  Sub-folders are not read (each is named
#: in a warning: give it as its own argument), nor are symlinks that leave the folder.
ARTICLE_SUFFIXES = (".txt", ".md")
#: Files of a corpus folder that are not articles and are skipped without a word.
NOT_ARTICLES = ("manifest.json", "readme.md")
#: Suffixes of RDF files, which are graphs to validate, query or convert, never articles to read.
RDF_SUFFIXES = (".ttl", ".nt", ".nq", ".trig", ".jsonld", ".json-ld", ".rdf", ".owl", ".n3")
# The opening of an RDF document, after blank lines and # comments: a Turtle/TriG/SPARQL-style prefix or base
# declaration, an N-Triples/N-Quads statement, a JSON-LD object with @context/@graph/@id, or RDF/XML.
_RDF_START = re.compile(
    r"""\A(?:\ufeff)?(?:\s*\#[^\n]*\n)*\s*(?:
        @(?:prefix|base)\s
      | (?i:prefix|base)\s+[\w-]*:?\s*<
      | (?:<[^<>\s]+>|_:\S+)\s+<[^<>\s]+>\s+\S.*\.\s*(?:\#.*)?$
      | [\[{]\s*"@(?:context|graph|id)"
      | (?:<\?xml[^>]*>\s*)?<rdf:RDF\b
    )""",
    re.VERBOSE | re.MULTILINE,
)
#: spaCy refuses texts longer than 1,000,000 characters (nlp.max_length); no news article is that long.
MAX_ARTICLE_BYTES = 1_000_000

# Whole lines that are page furniture, not article prose (matched on the stripped line).
_FURNITURE = re.compile(
    r"""^(?:
        (?:[àa]\s+)?(?:lire|consulter|voir|d[ée]couvrir)\s+(?:aussi|[ée]galement|plus)\b.*
      | (?:sur\s+le\s+m[êe]me\s+sujet|articles?\s+li[ée]s?|[àa]\s+la\s+une)\b.*
      | (?:read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?|watch)\s*[:|>»-].*
      | related(?:\s+(?:articles?|stories|coverage|content|news))?\s*[:|>»-].*
      | (?:advertisement|sponsored(?:\s+content)?|recommended(?:\s+for\s+you)?)
      | share | (?:share\s+(?:this|on|via)|subscribe\s+(?:to|now|for)|sign\s+up|follow\s+us)\b.{0,60}
      | publicit[ée]
      | [(\[]?\s*(?:photo|cr[ée]dits?(?:\s+photo)?|illustration|image)\s*:.{0,60}  # a credit; a caption runs longer
      | ©.*
      | sources?\s*:.*
      | (?:commentaires?|comments?|r[ée]actions?)\s*\(\d+\)
      | (?:partager|partagez|abonnez-vous|newsletter|suivez-nous|inscrivez-vous)\b.{0,80}
      | (?:mis\s+[àa]\s+jour|publi[ée])\s+le\s+.{0,60}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A bare heading over a list of links to other pages ("Sur le même sujet", "Les plus lus", "Most read"):
#: the short title lines under it are other articles' headlines, not this article's prose.
_LINK_LIST = re.compile(
    r"""^(?:
        (?:[àa]\s+)?(?:lire|voir)\s+(?:aussi|[ée]galement)
      | sur\s+le\s+m[êe]me\s+sujet | dans\s+la\s+m[êe]me\s+rubrique | articles?\s+li[ée]s?
      | (?:les\s+)?(?:plus\s+lus|plus\s+partag[ée]s|derni[èe]res?\s+(?:infos|actualit[ée]s|vid[ée]os))
      | nos\s+derni[èe]res\s+(?:vid[ée]os|infos) | (?:toute\s+l'|plus\s+d')actualit[ée]s?
      | related(?:\s+(?:articles?|stories|coverage|content|news))? | most\s+(?:read|popular|viewed)
      | more\s+(?:stories|from\s+.{1,40}) | (?:recommended|trending|latest\s+news)(?:\s+stories)?
    )\s*:?$""",
    re.IGNORECASE | re.VERBOSE,
)
#: A line under such a heading that is a linked headline: short, with no sentence end.
LINKED_TITLE_WIDTH = 160
_SENTENCE_END = re.compile(r"[.!?…]\s*[»\"”]?\s*$")
#: A byline: "Par" and one or more authors' names, maybe with an agency or a posting ("Par Claire Dubois et
#: Marc Petit, avec AFP", "Par Anne Martin, envoyée spéciale à Kiev"); its authors are no people of the news.
_NAME = r"[A-ZÀ-Ý][\w'’.-]*(?:\s+(?:(?:de|du|van|von|le|la)\s+)?[A-ZÀ-Ý][\w'’.-]*){0,3}"
_BYLINE = re.compile(rf"^(?:Par|By)\s+{_NAME}(?:\s*(?:,|et|and)\s+{_NAME})*(?:\s*[,(–-]\s*[^.]{{0,60}})?$")
# A leading dateline header such as " date 2026-02-05 " kept out of the prose.
_HEADER_DATE = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+", re.IGNORECASE)  # also a month: "date 2025-03"
# A wire dateline opening a paragraph ("PÉKIN, 14 mars 2025 (AFP) - ", "MOSCOU, 13 juillet. /TASS/. ") is kept out
# of the prose: left there it would date the first event; its day is the reference for relative dates
# (kg.extract.dates.wire_dateline).
_WIRE_DATELINE = WIRE_DATELINE


@dataclass(frozen=True)
class RawArticle:
    """One article as read: its id (file name), decoded text and manifest metadata."""

    id: str
    path: str
    text: str
    sha256: str
    published: date | None = None
    url: str | None = None
    lang: str = "fr"

    @property
    def source(self) -> str:
        """A digest of what besides the text feeds extraction (publication date, URL, language), '' when the
        article has none of them: with the content hash, the version key of the article in a store, so
        that a manifest edit re-extracts it."""
        if (self.published, self.url, self.lang) == (None, None, "fr"):
            return ""
        meta = "\x1f".join(str(x) for x in (self.published, self.url, self.lang))
        return hashlib.sha256(meta.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ManifestEntry:
    file: str
    published: date | None
    url: str | None
    lang: str


#: The longest line of a hard-wrapped text (wire copy and mail wrap at 60 to 80 characters).
WRAP_WIDTH = 100
#: A line that opens with a word in capitals (a dateline or a heading), a time, a number or a bullet (a
#: ticker entry, a list item) starts anew; so does any line after one that ends a sentence or a clause.
_CAPS_OPENING = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]{2,}\b|\d|[-–—•*·])")
_LINE_END = re.compile(r"[.!?:;»\"…)]\s*$")


def unwrapped(text: str) -> str:
    """The text with the line breaks of hard-wrapped paragraphs made spaces: a line break ends a sentence
    for kg (:func:`kg.extract.pipeline.newline_sentences`), so a name or a clause cut by the wrap ("John
    Dramani / Mahama") would be lost.  A text is hard-wrapped when its paragraphs are set off by blank
    lines, no line is longer than ``WRAP_WIDTH`` and one paragraph has three lines or more.  Its first
    line (a title), a line after one that ends with punctuation or after a heading of links ("Sur le même
    sujet"), and a line that opens with capitals (a dateline), a number or a bullet (a ticker entry, a list
    item) keep their break."""
    blocks = [b.split("\n") for b in re.split(r"\n[ \t]*\n", text)]
    lines = [line for b in blocks for line in b if line.strip()]
    if len(blocks) < 2 or any(len(line) > WRAP_WIDTH for line in lines) or not any(len(b) >= 3 for b in blocks):
        return text
    out = []
    for k, block in enumerate(blocks):
        joined = block[:1]
        for line in block[1:]:
            opens = k == 0 and len(joined) == 1 or _CAPS_OPENING.match(line.strip()) is not None \
                or _LINE_END.search(joined[-1]) is not None or _LINK_LIST.match(joined[-1].strip()) is not None
            if opens or not line.strip() or not joined[-1].strip():
                joined.append(line)
            else:
                joined[-1] = f"{joined[-1].rstrip()} {line.lstrip()}"
        out.append("\n".join(joined))
    return "\n\n".join(out)


#: Two sentences glued by a page's markup ("… l'Ukraine.Le ministre …"): a full stop between a word's last
#: lower-case letter (or a closing quote or bracket) and a capitalised word; not initials ("J.D. Vance").
_GLUED_STOP = re.compile(r"(?<=[a-zà-ÿ)»\"”])\.(?=[A-ZÀ-Ý][a-zà-ÿ])")
#: A comma glued to the word after it ("a,de son côté,téléphoné"); not a decimal comma ("1,5").
_GLUED_COMMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")
#: Character references a copied page kept ("s&#39;est", "l&rsquo;Élysée").
_CHAR_REFERENCE = re.compile(r"&(?:#\d{2,5}|#x[0-9a-fA-F]{2,4}|[a-zA-Z]{2,8});")


def clean(text: str) -> str:
    """Drop page furniture lines, a header dateline and repeated paragraphs; keep every prose line (a
    hard-wrapped paragraph is one line, :func:`unwrapped`). Character references a copied page kept are
    decoded and sentences its markup glued together are set apart."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CHAR_REFERENCE.search(text):
        text = html.unescape(text)
    text = _HEADER_DATE.sub("", unwrapped(_GLUED_COMMA.sub(", ", _GLUED_STOP.sub(". ", text))))
    kept: list[str] = []
    seen: set[str] = set()
    links = False  # under a heading of links to other pages
    for line in text.split("\n"):
        stripped = _WIRE_DATELINE.sub("", " ".join(line.split()))
        if _LINK_LIST.match(stripped):
            links = True
            continue
        if links and stripped and len(stripped) <= LINKED_TITLE_WIDTH and not _SENTENCE_END.search(stripped):
            continue  # another article's headline
        links = links and not stripped
        if not stripped or _FURNITURE.match(stripped) or _BYLINE.match(stripped):
            continue
        key = stripped.casefold()
        if len(stripped) > 80 and key in seen:
            continue  # a repeated paragraph (a lead paragraph printed twice)
        seen.add(key)
        kept.append(stripped)
    return "\n".join(kept)


def header_date(text: str) -> date | None:
    """The publication date of a ``date YYYY-MM-DD`` header, when the page has one."""
    m = _HEADER_DATE.match(text)
    try:
        return date.fromisoformat(m.group(1)) if m else None
    except ValueError:
        return None


def read_manifest(folder: Path) -> dict[str, ManifestEntry]:
    """The manifest of a corpus folder by file name ({} when there is none)."""
    path = folder / "manifest.json"
    if not path.exists():
        return {}
    try:
        entries = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as e:
        raise InputError(e.strerror or str(e), path=str(path)) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise InputError(f"malformed JSON: {getattr(e, 'msg', e)}", path=str(path),
                         line=getattr(e, "lineno", None), column=getattr(e, "colno", None)) from None
    if not isinstance(entries, list):
        raise InputError("manifest must be a JSON list of {file, published, url, lang}", path=str(path))
    manifest: dict[str, ManifestEntry] = {}
    for entry in (_manifest_entry(x, path) for x in entries):
        if entry.file in manifest:
            raise InputError(f"{entry.file} is listed twice", path=str(path))
        manifest[entry.file] = entry
    return manifest


def _manifest_entry(item: object, path: Path) -> ManifestEntry:
    if not isinstance(item, dict) or not isinstance(item.get("file"), str):
        raise InputError(f"manifest entry without a 'file' name: {item!r:.80}", path=str(path))
    published = item.get("published")
    try:
        day = date.fromisoformat(published) if published else None
    except (TypeError, ValueError):
        raise InputError(f"{item['file']}: impossible publication date {published!r}", path=str(path)) from None
    for key in ("url", "lang"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise InputError(f"{item['file']}: '{key}' must be a string, not {item[key]!r:.40}", path=str(path))
    return ManifestEntry(item["file"], day, item.get("url") or None, item.get("lang") or "fr")


def read_corpus(sources: Iterable[str]) -> Iterator[RawArticle]:
    """Articles from folders, files and ``-`` (standard input), in a stable order, one at a time.

    An empty article is skipped with a warning; an article whose bytes repeat an earlier one is kept
    (both files are sources) and named in a warning.
    """
    seen: dict[str, str] = {}
    for article in _read_sources(sources):
        if not article.text.strip():
            warn(f"{short(article.path)}: empty article, skipped")
            continue
        if article.sha256 in seen:
            warn(f"{short(article.path)}: same content as {short(seen[article.sha256])}")
        seen.setdefault(article.sha256, article.path)
        yield article


def _read_sources(sources: Iterable[str]) -> Iterator[RawArticle]:
    for source in sources:
        if source == "-":
            yield _article("stdin.txt", "-", _read_stdin(), None)
            continue
        path = Path(source)
        try:
            is_dir, is_file, exists = path.is_dir(), path.is_file(), path.exists()
        except OSError as e:  # a name too long for the system, a folder without permission
            raise input_error(e, source) from None
        if is_dir:
            yield from _read_folder(path)
        elif is_file:
            refuse_rdf_suffix(path)
            yield _article(path.name, str(path), _read_bytes(path), read_manifest(path.parent).get(path.name))
        elif exists:
            raise InputError("not a regular file (a FIFO, socket or device): not an article", path=source)
        else:
            raise InputError("no such file or folder", path=source)


def refuse_rdf_suffix(path: Path) -> None:
    """An RDF file given as an article is refused, naming the commands that read RDF."""
    if path.suffix.lower() in RDF_SUFFIXES:
        raise not_an_article(str(path), f"an RDF file ({path.suffix})")


def not_an_article(path: str, what: str) -> InputError:
    """The error for RDF given to ``kg build``, with the command that was probably meant."""
    shown = "FILE" if path == "-" else short(path)
    return InputError(f"{what}, not an article (kg build reads news text): check it with `kg validate {shown}`, "
                      f"query it with `kg query NAME --data {shown}` or convert it with "
                      f"`kg export --data {shown} --format FORMAT`", path=path)


def looks_like_rdf(text: str) -> bool:
    """Whether a text opens like an RDF document (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML)
    rather than prose: kg build refuses it whatever the file's suffix."""
    return _RDF_START.match(text[:4096]) is not None


def _read_folder(folder: Path) -> Iterator[RawArticle]:
    manifest = read_manifest(folder)
    files, skipped = scan_folder(folder)
    for why, names in skipped.items():
        warn_names(f"{short(folder)}: skipped {why}", names)
    unlisted = sorted(set(manifest) - {p.name for p in files} - {n for names in skipped.values() for n in names})
    if len(unlisted) == 1:
        warn(f"{short(folder / 'manifest.json')}: lists {short(unlisted[0])}, which is not in the folder")
    elif unlisted:
        warn_names(f"{short(folder / 'manifest.json')}: lists {len(unlisted):,} files that are not in the folder",
                   unlisted)
    undated = 0
    for p in files:
        article = _article(p.name, str(p), _read_bytes(p), manifest.get(p.name))
        undated += article.published is None
        yield article
    if undated and not (folder / "manifest.json").exists():
        warn(f"{short(folder)}: no manifest.json: the publication date of {undated:,} of {len(files):,} articles "
             "is guessed from the text only (a dateline), so calls reported without a date of their own may "
             "stay undated")


#: Why a folder entry is not read, as the warnings say it.
SUBFOLDER = "sub-folders, not read (give each one as its own argument)"
OTHER_SUFFIX = "files that are not .txt or .md articles"
OUTSIDE = "symlinks to files outside the folder, not followed"
BROKEN = "broken symlinks and symlink loops"
SPECIAL = "FIFOs, sockets and devices (not regular files)"


def scan_folder(folder: Path) -> tuple[list[Path], dict[str, list[str]]]:
    """The article files of a folder, by name, and the names of every other entry by why it is skipped
    (``manifest.json`` and ``README.md`` are skipped without a word)."""
    root = folder.resolve()
    files: list[Path] = []
    skipped: dict[str, list[str]] = {}
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as e:
        raise input_error(e, folder) from None
    for entry in entries:
        if entry.name.lower() in NOT_ARTICLES:
            continue
        why = _skip_reason(entry, root)
        if why is None:
            files.append(Path(entry.path))
        else:
            skipped.setdefault(why, []).append(entry.name)
    return files, skipped


def _skip_reason(entry: os.DirEntry, root: Path) -> str | None:
    """Why a folder entry is not an article to read, or None when it is one."""
    try:
        if entry.is_symlink():
            target = Path(entry.path).resolve(strict=True)
            if not target.is_relative_to(root):
                return OUTSIDE
        is_dir, is_file = entry.is_dir(), entry.is_file()
    except (OSError, RuntimeError):  # a dangling link, a loop (RuntimeError before Python 3.13)
        return BROKEN
    if is_dir:
        return SUBFOLDER
    if not is_file:
        return SPECIAL
    return None if Path(entry.name).suffix.lower() in ARTICLE_SUFFIXES else OTHER_SUFFIX


def _too_long(path: str) -> InputError:
    return InputError(f"article larger than {MAX_ARTICLE_BYTES:,} bytes: not a news article", path=path)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_ARTICLE_BYTES:
            raise _too_long(str(path))
        return path.read_bytes()
    except OSError as e:
        raise InputError(e.strerror or str(e), path=str(path)) from None


def _read_stdin() -> bytes:
    data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise _too_long("-")
    return data


def _article(name: str, path: str, data: bytes, entry: ManifestEntry | None) -> RawArticle:
    text = decode(data, path)
    if looks_like_rdf(text):
        raise not_an_article(path, "RDF content (Turtle, N-Triples, JSON-LD or RDF/XML)")
    if looks_like_html(text):
        warn(f"{short(path)}: an HTML page, read as the text of its body (tags, scripts and menus dropped)")
        text = html_to_text(text)
    published = entry.published if entry else None
    return RawArticle(
        id=name, path=path, text=text, sha256=hashlib.sha256(data).hexdigest(),
        published=published or header_date(text), url=entry.url if entry else None,
        lang=entry.lang if entry else "fr",
    )
