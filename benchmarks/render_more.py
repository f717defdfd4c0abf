"""Run ``../shared/tools/render_pamphlets.py`` with more typefaces than it knows.

The shared renderer sets pamphlets in four faces, and the development
pamphlets use all four.  To measure clean-scan on type it was never tuned on,
this wrapper adds the Debian faces below to its table and then runs it
unchanged, with the same arguments.  Needs, besides what the renderer needs::

    apt-get install fonts-texgyre fonts-freefont-otf fonts-liberation2

Usage: ``python benchmarks/render_more.py --font pagella --gold ... (as the renderer)``
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


def main() -> int:
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
    return renderer.main()


if __name__ == "__main__":
    sys.exit(main())
