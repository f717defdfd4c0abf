"""PAGE XML, the 2013 and 2019 schemas (Transkribus, OCR-D): ``Page`` >
``TextRegion`` > ``TextLine`` > ``Word``, each with ``Coords`` (a polygon)
and ``TextEquiv``/``Unicode``; regions in the ``ReadingOrder`` where the
file gives one, else in the order they stand."""

from __future__ import annotations

from lxml import etree

from clean_scan.decoding import InputError
from clean_scan.formats.layout import Block, Box, Layout, Line, Page, Word
from clean_scan.formats.xml import known_namespace, number

NAMESPACES = (
    "http://schema.primaresearch.org/PAGE/gts/pagecontent/2013-07-15",
    "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15",
)


def read_page_xml(root: etree._Element, name: str) -> Layout:
    q = known_namespace(root, name, NAMESPACES, "PAGE XML", "the 2013 and 2019 schemas")
    pages = [_page(page, q) for page in root.iter(f"{q}Page")]
    if not pages:
        raise InputError(f"{name}: a PAGE XML file without a page")
    return Layout("page", pages)


def _page(page: etree._Element, q: str) -> Page:
    regions = {region.get("id"): region for region in page.iter(f"{q}TextRegion")}
    order = [regions[ref.get("regionRef")] for ref in sorted(
        page.iter(f"{q}RegionRefIndexed"), key=lambda r: number(r.get("index")) or 0)
        if ref.get("regionRef") in regions]
    order += [region for region in regions.values() if region not in order]
    blocks = [Block([_line(line, q) for line in region.findall(f"{q}TextLine")])
              for region in order]
    return Page(blocks, number(page.get("imageWidth")), number(page.get("imageHeight")))


def _text(element: etree._Element, q: str) -> str | None:
    """The element's own ``TextEquiv`` (the first by ``index``), or None."""
    equivs = element.findall(f"{q}TextEquiv")
    if not equivs:
        return None
    best = min(equivs, key=lambda e: number(e.get("index")) or 0)
    unicode = best.find(f"{q}Unicode")
    return " ".join((unicode.text or "").split()) if unicode is not None else None


def _box(element: etree._Element, q: str) -> Box | None:
    coords = element.find(f"{q}Coords")
    if coords is None:
        return None
    points = []
    for pair in (coords.get("points") or "").split():
        x, _, y = pair.partition(",")
        if number(x) is not None and number(y) is not None:
            points.append((number(x), number(y)))
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Box(min(xs), min(ys), max(xs), max(ys))  # type: ignore[type-var]


def _line(line: etree._Element, q: str) -> Line:
    words = [Word(_text(word, q) or "", _box(word, q), number(_conf(word, q)))
             for word in line.findall(f"{q}Word")]
    own = _text(line, q)
    if own is not None or not words:
        words = [Word(own or "", _box(line, q))]
    box = _box(line, q)
    size = next((number(style.get("fontSize")) for style in line.iter(f"{q}TextStyle")
                 if style.get("fontSize")), None)
    return Line(words, box, size or (box.height if box else None))


def _conf(word: etree._Element, q: str) -> str | None:
    equiv = word.find(f"{q}TextEquiv")
    return equiv.get("conf") if equiv is not None else None

