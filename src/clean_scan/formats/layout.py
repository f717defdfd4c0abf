"""The page model of a layout format (ALTO, hOCR, PAGE XML): pages of
blocks of lines of words, each with its box on the page and, where the
format gives it, its size of type and the engine's confidence.

clean-scan reads such a file as the text the engine would have exported
(:meth:`Layout.text`): a line per line, a blank line between blocks, a
form feed between pages, so every page break is known, not guessed. The
geometry stays beside it, line by line, for the stages to weigh (a line at
the page's edge, a block in smaller type at its foot).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from clean_scan.layout import median


@dataclass(frozen=True)
class Box:
    """A rectangle on the page image: left, top, right, bottom."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Word:
    text: str
    box: Box | None = None
    confidence: float | None = None
    """The engine's confidence, 0-1 (hOCR ``x_wconf``/100, ALTO ``WC``, PAGE ``conf``)."""


@dataclass
class Line:
    words: list[Word]
    box: Box | None = None
    size: float | None = None
    """The size of the type (hOCR ``x_size``, ALTO font size or line height),
    in the file's units."""

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words if word.text)

    @cached_property
    def letter_height(self) -> float | None:
        """The height of the line's words of three letters or more, the
        median: how tall its type stands on the image, whatever the file
        says of its size (None without such words or their boxes).

        >>> Line([Word("the", Box(0, 10, 30, 32)), Word("war", Box(40, 12, 70, 32)),
        ...       Word(":", Box(80, 20, 82, 22))]).letter_height
        21.0
        """
        heights = [word.box.height for word in self.words
                   if word.box and sum(c.isalpha() for c in word.text) >= 3]
        return median(heights) if heights else None


@dataclass
class Block:
    lines: list[Line]


@dataclass
class Page:
    blocks: list[Block]
    width: float | None = None
    height: float | None = None


@dataclass(frozen=True)
class LinePlace:
    """Where a line of the text stands on its page."""

    page: int
    """The page's index in the file, from 0."""
    line: Line
    page_height: float | None
    page_width: float | None
    last_on_page: bool


@dataclass
class Layout:
    """A file's pages, and the format they came in (``alto``, ``hocr``, ``page``)."""

    format: str
    pages: list[Page]
    unit: str = "pixel"
    """The unit of the boxes (ALTO's ``MeasurementUnit``: ``pixel``, ``mm10``, ``inch1200``)."""
    _starts: list[int] = field(default_factory=list, repr=False)
    _places: list[LinePlace] = field(default_factory=list, repr=False)
    _word_starts: list[int] = field(default_factory=list, repr=False)
    _words: list[Word] = field(default_factory=list, repr=False)

    def text(self) -> str:
        """The text as an engine's plain export has it: a line per line, a
        blank line after each block, a form feed between pages.

        >>> page = Page([Block([Line([Word("THE"), Word("END")])]), Block([Line([Word("5")])])])
        >>> Layout("hocr", [page, page]).text()
        'THE END\\n\\n5\\n\\x0cTHE END\\n\\n5\\n'
        """
        parts: list[str] = []
        self._starts, self._places, self._word_starts, self._words = [], [], [], []
        at = 0
        for index, page in enumerate(self.pages):
            if index:
                parts.append("\f")
                at += 1
            lines = [line for block in page.blocks for line in block.lines if line.text]
            last = lines[-1] if lines else None
            for number, block in enumerate(page.blocks):
                written = [line for line in block.lines if line.text]
                if not written:
                    continue
                if number and parts and not parts[-1].endswith(("\f", "\n\n")) and at:
                    parts.append("\n")
                    at += 1
                for line in written:
                    self._starts.append(at)
                    self._places.append(LinePlace(index, line, page.height, page.width,
                                                  line is last))
                    self._index_words(line, at)
                    parts.append(line.text + "\n")
                    at += len(line.text) + 1
        return "".join(parts)

    def _index_words(self, line: Line, at: int) -> None:
        for word in line.words:
            if word.text:
                self._word_starts.append(at)
                self._words.append(word)
                at += len(word.text) + 1

    def indexed_words(self) -> list[tuple[int, Word]]:
        """Every word of :meth:`text` with its offset there (after ``text()``)."""
        return list(zip(self._word_starts, self._words, strict=True))

    def word_at(self, offset: int) -> Word | None:
        """The word of :meth:`text` holding ``offset`` (after ``text()``).

        >>> layout = Layout("hocr", [Page([Block([Line([Word("THE", None, 0.4), Word("END")])])])])
        >>> text = layout.text()
        >>> layout.word_at(text.index("END")).text, layout.word_at(1).confidence
        ('END', 0.4)
        """
        k = bisect.bisect_right(self._word_starts, offset) - 1
        if k < 0 or offset >= self._word_starts[k] + len(self._words[k].text):
            return None
        return self._words[k]

    def place(self, offset: int) -> LinePlace | None:
        """The line of :meth:`text` holding ``offset`` (after ``text()``)."""
        k = bisect.bisect_right(self._starts, offset) - 1
        return self._places[k] if k >= 0 else None

    def __len__(self) -> int:
        return len(self.pages)
