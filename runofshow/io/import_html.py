"""A programme published as a web page, turned into the lines of text the programme reader reads.

Block elements (paragraphs, headings, list items, table rows, `<br>`) end a line; a list item becomes a
`• ` bullet, a heading a markdown `#` heading and a table's cells are separated by tabs, so the page reads
like the same programme pasted as text. Each line keeps the page's line number where its text starts, so
every note names a line of the file the operator has.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "ul", "ol", "dl",
    "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "hr", "address", "figure", "figcaption", "details",
    "summary", "body", "html", "li", "h1", "h2", "h3", "h4", "h5", "h6",
})
_CELLS = frozenset({"td", "th"})
# Elements whose text is not the programme: scripts, styles, the page's head, its menus and forms.
_SKIPPED = frozenset({"script", "style", "head", "title", "noscript", "template", "svg", "nav", "form", "button",
                      "select", "iframe"})
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "area", "base", "col", "embed", "source"})
_CELL = "\x1f"  # between a row's cells until the line is made, then a tab
_SPACES = re.compile(r"[ \t\r\n\f\v\xa0\u202f]+")


class _Lines(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._parts: list[str] = []
        self._line = 0  # the page's line where the current line's text starts
        self._prefix = ""
        self._skipping: list[str] = []
        self._pre = 0
        self._cells = 0  # cells begun in the current table row

    def _flush(self) -> None:
        text = "".join(self._parts)
        if not self._pre:
            text = _SPACES.sub(" ", text)
        text = "\t".join(cell.strip() for cell in text.split(_CELL) if cell.strip())
        if text:
            self.lines.append((self._line, self._prefix + text))
            self._prefix = ""
        self._parts = []
        self._cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skipping:
            if tag in _SKIPPED and tag not in _VOID:
                self._skipping.append(tag)
            return
        if tag in _SKIPPED:
            self._skipping.append(tag)
            return
        if tag == "br":
            self._flush()
        elif tag in _CELLS:
            if self._cells:
                self._parts.append(_CELL)
            self._cells += 1
        elif tag in _BLOCKS:
            self._flush()
            if tag == "li":
                self._prefix = "• "
            elif tag[0] == "h" and tag[1:].isdigit():
                self._prefix = "#" * int(tag[1:]) + " "
            elif tag == "pre":
                self._pre += 1

    def handle_endtag(self, tag: str) -> None:
        if self._skipping:
            if tag == self._skipping[-1]:
                self._skipping.pop()
            return
        if tag in _BLOCKS:
            self._flush()
            self._prefix = ""  # an empty list item's bullet goes no further than the item
            if tag == "pre":
                self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        line = self.getpos()[0]  # where this text starts in the page
        if self._pre and "\n" in data:
            first, *others = data.split("\n")
            self._add(first, line)
            for offset, other in enumerate(others, start=1):
                self._flush()
                self._add(other, line + offset)
            return
        self._add(data, line)

    def _add(self, data: str, line: int) -> None:
        if not "".join(self._parts).strip() and data.strip():
            # The line's number is where its first visible text is, counting the newlines before the text.
            leading = len(data) - len(data.lstrip())
            self._line = line + data[:leading].count("\n")
        self._parts.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_lines(page: str) -> list[tuple[int, str]]:
    """The page's text as (line number, text) lines, block by block."""
    parser = _Lines()
    parser.feed(page)
    parser.close()
    return parser.lines
