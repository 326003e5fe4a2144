"""Article files as text: encodings, binary files, control characters and HTML pages.

What comes in is whatever a scraper saved: UTF-8 with or without a byte-order mark, UTF-16 or
UTF-32 with one, Latin-1 or Windows-1252, a few NUL bytes, or a whole HTML page.  Text is what
spaCy reads and what every character offset in the graph refers to, so it never holds control
characters (each becomes a space; offsets stay meaningful).  A file that is mostly NUL bytes is
binary and refused; an HTML page is reduced to the text of its body, without scripts, styles or
navigation, and a warning says so.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser

from kg.errors import InputError, printable

_BOMS = ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
#: C0 controls but tab, line feed and carriage return; DEL; C1 controls.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)


def warn(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


#: How many names a summary warning lists before "and N more".
NAMES_SHOWN = 5


def warn_names(what: str, names: list[str]) -> None:
    """One warning line for many files: ``what`` and the first few names (escaped, one line whatever the names
    hold) with how many more, so 100,000 names still make one line."""
    shown = ", ".join(printable(n) for n in names[:NAMES_SHOWN])
    more = f" and {len(names) - NAMES_SHOWN:,} more" if len(names) > NAMES_SHOWN else ""
    warn(f"{what}: {shown}{more}")


def decode(data: bytes, path: str) -> str:
    """Bytes to clean text: a byte-order mark wins, then UTF-8, then Windows-1252 (with a warning)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return without_controls(data.decode(codec))
            except UnicodeDecodeError as e:
                raise InputError(f"invalid {codec.upper().removesuffix('-SIG')} text (byte {e.start})",
                                 path=path) from None
    if looks_binary(data):
        raise InputError("binary file, not a text article (UTF-16 needs a byte-order mark)", path=path)
    try:
        return without_controls(data.decode("utf-8"))
    except UnicodeDecodeError:
        warn(f"{path}: not UTF-8, read as Windows-1252")
        return without_controls(data.decode("cp1252", errors="replace"))


_BINARY = bytes(range(0x09)) + bytes(range(0x0e, 0x20))


def looks_binary(data: bytes) -> bool:
    """More than 5% of the first 64 KiB are control bytes (NUL, ...; not tab, newlines, form feed,
    escape): an image, an archive or UTF-16 without a byte-order mark, not text with a stray NUL."""
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _BINARY.replace(b"\x1b", b"")))
    return controls * 20 > len(sample)


def without_controls(text: str) -> str:
    """Control characters (NUL, form feed, escape, C1 ...) replaced by spaces; tabs and newlines kept."""
    return _CONTROLS.sub(" ", text)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))


class _Text(HTMLParser):
    """The readable text of an HTML page: block elements end lines; scripts and page furniture go."""

    SKIP = {"script", "style", "noscript", "template", "head", "nav", "footer", "aside", "form", "svg",
            "button", "iframe", "select"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
             "header", "blockquote", "pre", "figcaption", "dd", "dt", "title", "main"}
    VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP and tag not in self.VOID:
            self.skipping.append(tag)
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))  # source line breaks are not paragraphs


def html_to_text(html: str) -> str:
    """The text of an HTML page, one paragraph per line."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
