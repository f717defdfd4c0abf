"""Parsing a layout file safely: no entity is expanded, no DTD or anything
else is loaded from anywhere, and a file that declares entities (the way
an "entity bomb" grows a few bytes into gigabytes) is refused before it is
parsed, so any input is read in bounded time and memory."""

from __future__ import annotations

import regex
from lxml import etree

from clean_scan.decoding import InputError

ENTITY_DECLARATION = regex.compile(rb"<!ENTITY", regex.IGNORECASE)


def refuse_entities(data: bytes, name: str) -> None:
    """Refuse a file that declares entities, before any parser sees it."""
    if ENTITY_DECLARATION.search(data, 0, 1 << 20):
        raise InputError(f"{name}: the XML declares entities, which clean-scan refuses "
                         "(they can expand without bound or reach out to other files)")


def parse_xml(data: bytes, name: str) -> etree._Element:
    """The root element of ``data``, or an InputError in one line."""
    refuse_entities(data, name)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             dtd_validation=False, huge_tree=False, remove_comments=True,
                             remove_pis=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "cannot parse"
        raise InputError(f"{name}: not well-formed XML ({first})") from None


def local(tag: object) -> str:
    """An element's name without its namespace (``{ns}TextLine`` -> ``TextLine``)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(element: etree._Element) -> str:
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def known_namespace(root: etree._Element, name: str, known: object, kind: str,
                    versions: str) -> str:
    """The ``{namespace}`` prefix of the root's tag, if it is one of ``known``;
    otherwise the file is refused, naming the versions read."""
    ns = namespace(root)
    if ns not in known:  # type: ignore[operator]
        raise InputError(f"{name}: {kind} in an unknown namespace ({ns or 'none'}); "
                         f"clean-scan reads {versions}")
    return f"{{{ns}}}"


def number(value: str | None) -> float | None:
    """An attribute's number, or None when absent or not a number."""
    if value is None:
        return None
    try:
        result = float(value)
    except ValueError:
        return None
    return result if result == result and abs(result) < 1e12 else None  # no NaN, no huge
