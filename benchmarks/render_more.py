"""Run ``../shared/tools/render_pamphlets.py`` with more typefaces than it knows.

The shared renderer sets pamphlets in four faces, and the development
pamphlets use all four.  To measure clean-scan on type it was never tuned on,
this wrapper adds the Debian faces below to its table and then runs it
unchanged, with the same arguments.  Needs, besides what the renderer needs::

    apt-get install fonts-texgyre fonts-freefont-otf fonts-liberation2

It also adds page furniture the renderer's three styles do not print, to
measure clean-scan on layouts it was never tuned on (``--furniture``, taken
off the arguments before the renderer reads them; the text flows as in the
``--style`` given, which must leave room for a line at the top: A or D):

``top-folio``
    no running heads; the page number alone, centred at the top of every
    page but the first.
``corner-folio``
    no running heads; the page number alone at the top outer corner of
    every page but the first.
``chapter-heads``
    on every page but a chapter's first, the chapter's title as the running
    head (the same on both sides of the leaf), the page number at the foot
    in the outer corner's place, centred.
``running-foot``
    nothing at the top; at the foot of every page but the first, the
    chapter's title (the pamphlet's on a chapter's first page) with the
    page number on its outer side, as one centred line (``12   THE PARTY``,
    ``THE PARTY   13``).

Usage: ``python benchmarks/render_more.py --font pagella --gold ... (as the renderer)
[--furniture top-folio]``
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

RENDERER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "render_pamphlets.py"
TEX_GYRE = "/usr/share/texmf/fonts/opentype/public/tex-gyre"

def tex_gyre(name: str, what: str, size: float, leading: float) -> tuple:
    """A TeX Gyre face of Debian's fonts-texgyre, as ``EXTRA_FACES`` holds it."""
    base = f"{TEX_GYRE}/texgyre{name}"
    return (f"TeX Gyre {name.capitalize()} ({what}; fonts-texgyre)", f"{base}-regular.otf",
            f"{base}-italic.otf", f"{base}-bold.otf", size, leading)


EXTRA_FACES = {
    # name: (description, regular, italic, bold, body size pt, leading pt)
    "pagella": tex_gyre("pagella", "a Palatino clone", 10.5, 13.5),
    "schola": tex_gyre("schola", "a Century Schoolbook clone", 10.0, 13.0),
    "termes": tex_gyre("termes", "a Times clone", 10.5, 13.0),
    "bonum": tex_gyre("bonum", "a Bookman clone", 9.5, 12.5),
    "freeserif": ("GNU FreeSerif (fonts-freefont-otf)",
                  "/usr/share/fonts/opentype/freefont/FreeSerif.otf",
                  "/usr/share/fonts/opentype/freefont/FreeSerifItalic.otf",
                  "/usr/share/fonts/opentype/freefont/FreeSerifBold.otf", 10.5, 13.0),
    "liberation": ("Liberation Serif (fonts-liberation2)",
                   "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
                   "/usr/share/fonts/truetype/liberation2/LiberationSerif-Italic.ttf",
                   "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf", 10.5, 13.0),
}


FURNITURE = ("top-folio", "corner-folio", "chapter-heads", "running-foot")


def furniture_option(argv: list[str]) -> tuple[str | None, list[str]]:
    """``--furniture NAME`` taken off ``argv``: the name and the rest."""
    if "--furniture" not in argv:
        return None, argv
    at = argv.index("--furniture")
    if at + 1 >= len(argv) or argv[at + 1] not in FURNITURE:
        sys.exit(f"render_more: --furniture takes one of {', '.join(FURNITURE)}")
    return argv[at + 1], argv[:at] + argv[at + 2:]


def furnisher(renderer, kind: str):
    """The renderer's ``furnish`` for one of the :data:`FURNITURE` layouts."""

    def furnish(cfg: dict, st, pages: list) -> list:
        first_page = cfg["first_page"]
        for page in pages:
            page.number = first_page + page.index - 1
            if page is pages[0]:
                continue
            number = renderer.folio(cfg, page.number)
            if kind == "top-folio":
                page.furniture.append({"kind": "page-number", "where": "top-centre",
                                       "text": number})
            elif kind == "corner-folio":
                page.furniture.append({"kind": "running-head", "where": "top-centre", "text": "",
                                       "page_number": number,
                                       "number_at": "left" if page.number % 2 == 0 else "right"})
            elif kind == "running-foot":
                head = renderer.head_text(st, page.chapter, cfg["title"])
                text = f"{number}   {head}" if page.number % 2 == 0 else f"{head}   {number}"
                page.furniture.append({"kind": "running-foot", "where": "foot-centre",
                                       "text": text})
            else:
                if not page.opens_chapter:
                    head = renderer.head_text(st, page.chapter, cfg["title"])
                    page.furniture.append({"kind": "running-head", "where": "top-centre",
                                           "text": head})
                page.furniture.append({"kind": "page-number", "where": "foot-centre",
                                       "text": number})
        return pages

    return furnish


def main() -> int:
    kind, sys.argv = furniture_option(sys.argv)
    spec = importlib.util.spec_from_file_location("render_pamphlets", RENDERER)
    if spec is None or spec.loader is None:
        sys.exit(f"render_more: no renderer at {RENDERER}")
    renderer = importlib.util.module_from_spec(spec)
    sys.modules["render_pamphlets"] = renderer
    spec.loader.exec_module(renderer)
    for name, (description, regular, italic, bold, size, leading) in EXTRA_FACES.items():
        renderer.FONTS[name] = {"name": description, "regular": regular, "italic": italic,
                                "bold": bold, "small": regular}
        renderer.FONT_SIZES[name] = (size, leading)
    if kind is not None:
        renderer.furnish = furnisher(renderer, kind)
    return renderer.main()


if __name__ == "__main__":
    sys.exit(main())
