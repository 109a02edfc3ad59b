"""Turns a handout's `Figure` into SVG or PDF, the same bytes on every run.

Every figure is drawn and saved inside one shared style (`STYLE`): a width that fits a handout
page, print-readable font sizes, colour-blind-safe colours (Okabe and Ito) and no chart junk.
Determinism: no dates in the metadata, a fixed SVG id salt, and fonts embedded the same way
each time. matplotlib is imported only when something is drawn, so `import derive` stays light,
and only its object-oriented API is used (no pyplot, so no global figure state).
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import io
import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from derive.model import Figure

WIDTH = 6.3  # inches: the text width of an A4 handout page with 2.5 cm margins
HEIGHT = 3.0  # inches: the default height; two-panel figures keep it

# Okabe & Ito (2008): distinguishable with every common form of colour blindness, and in grey.
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")

STYLE: dict[str, Any] = {
    "figure.figsize": (WIDTH, HEIGHT),
    "figure.dpi": 100,
    "figure.constrained_layout.use": True,
    "savefig.dpi": 200,
    "font.family": "DejaVu Sans",  # ships with matplotlib: the same glyphs on every machine
    "mathtext.fontset": "dejavusans",
    "font.size": 9,
    "axes.titlesize": 9,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.8,
    "lines.linewidth": 1.5,
    "lines.markersize": 4,
    "errorbar.capsize": 2,
    "svg.hashsalt": "neuroderive",  # element ids from a fixed salt, not a random one
    "svg.fonttype": "path",  # glyphs as outlines: the SVG shows the same without the font
    "pdf.fonttype": 42,  # TrueType subsets: selectable text, no Type 3 bitmaps
}


PDF_METADATA = {"CreationDate": None, "ModDate": None, "Creator": "neuroderive"}


@contextmanager
def style() -> Iterator[None]:
    """The handouts' matplotlib settings, active inside the `with` block only."""
    import matplotlib
    from cycler import cycler

    defaults = {k: v for k, v in matplotlib.rcParamsDefault.items() if k != "backend"}  # not the user's rc
    ours = {**STYLE, "axes.prop_cycle": cycler(color=COLOURS)}
    with matplotlib.rc_context(defaults), matplotlib.rc_context(ours):
        yield


def draw(figure: Figure) -> Any:
    """The matplotlib Figure of a handout figure, drawn inside the shared style."""
    with style():
        return figure.draw()


def _close(drawing: Any) -> None:
    """Forget the drawing in pyplot too, in case a figure's `draw` used it."""
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close(drawing)


@functools.cache
def _shared_sources() -> bytes:
    """What every figure is drawn with: the simulators, the figure helpers, the drawing style and
    the versions of the libraries that compute and draw."""
    from importlib.metadata import version

    root = Path(__file__).resolve().parent.parent  # derive/
    sources = sorted([*(root / "figures").glob("*.py"), *(root / "sim").glob("*.py"),
                      root / "render" / "figures.py", root / "estimate.py"])
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for library in ("matplotlib", "numpy", "scipy"):
        digest.update(f"{library}=={version(library)}\0".encode())
    return digest.digest()


def fingerprint(figure: Figure) -> str:
    """What this figure is drawn from: the shared sources and the file its `draw` function lives in
    (a user's own figure module too). A figure file carrying the same fingerprint is what drawing
    it again would give, so it need not be drawn again."""
    digest = hashlib.sha256(_shared_sources())
    try:
        own = inspect.getsourcefile(figure.draw)
    except TypeError:  # a builtin or a C function: nothing to read
        own = None
    if own and Path(own).is_file():
        digest.update(Path(own).read_bytes())
    else:
        digest.update(repr(figure.draw).encode())  # unknown source: a new fingerprint every run
    return digest.hexdigest()[:20]


def drawn_from(content: str | bytes) -> str | None:
    """The fingerprint a figure file was drawn from, if it carries one."""
    text = content if isinstance(content, str) else content.decode("latin-1")
    found = re.search(r"neuroderive-figure-source ([0-9a-f]{20})", text)
    return found.group(1) if found else None


def save(figure: Figure, kinds: Sequence[str], dpi: int = 200) -> dict[str, str | bytes]:
    """The figure drawn once and saved in each of `kinds`: "svg" (text), "pdf" and "png" (bytes).
    SVG and PDF carry no dates and are stamped with the fingerprint of what they were drawn from,
    so they are the same on every run; PNG (for previews) is not promised to be byte-stable."""
    stamp = f"neuroderive-figure-source {fingerprint(figure)}"
    metadata = {"svg": {"Date": None, "Description": stamp}, "pdf": {**PDF_METADATA, "Keywords": stamp},
                "png": {"Software": "neuroderive"}}
    saved: dict[str, str | bytes] = {}
    with style():
        drawing = figure.draw()
        try:
            for kind in kinds:
                if kind not in metadata:
                    raise ValueError(f"unknown figure format {kind!r}")
                buffer = io.BytesIO()
                options = {"dpi": dpi} if kind == "png" else {}
                drawing.savefig(buffer, format=kind, metadata=metadata[kind], **options)
                saved[kind] = buffer.getvalue().decode("utf-8") if kind == "svg" else buffer.getvalue()
        finally:
            _close(drawing)
    return saved


def svg(figure: Figure) -> str:
    """The figure as an SVG document (text), identical on every run."""
    return str(save(figure, ["svg"])["svg"])


def pdf(figure: Figure) -> bytes:
    """The figure as a PDF document, identical on every run."""
    return bytes(save(figure, ["pdf"])["pdf"])


def png(figure: Figure, dpi: int = 200) -> bytes:
    """The figure as a PNG image (for previews)."""
    return bytes(save(figure, ["png"], dpi)["png"])
