"""The output formats: each is a jinja2 environment, its templates and its filters.

Every format renders the same view (derive/render/view.py). A filter turns one kind of view
value into the format's markup:

| filter    | Markdown (GitHub)        | LaTeX                      | HTML                          |
|-----------|--------------------------|----------------------------|-------------------------------|
| `text`    | Markdown escaped         | TeX escaped, Unicode as TeX | escaped by autoescape         |
| `prose`   | `text`, with the symbols a sentence names set as `math` (view.Prose)                  |
| `math`    | `$...$`                  | `\\(...\\)`                 | inline MathML                 |
| `display` | `$$` block               | `\\claim{lhs}{=}{rhs}{tag}`  | block MathML                  |
| `ref`     | `` `label` `` (n)        | `\\steplabel{label}` (n)     | link to the step              |
| `link`    | `[title](stem.md)`       | the title                  | `<a href="stem.html">`        |
| `phrase`  | a Phrase filled in with the filters above                                           |
"""

from __future__ import annotations

import functools
import html as html_escape
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from derive.model import Figure, InputError
from derive.render import latex
from derive.render.view import FigureView, Link, Math, Part, Phrase, Prose, Ref


@dataclass(frozen=True)
class Format:
    """One output format: file extension, templates, environment options and filters."""

    name: str
    extension: str
    index: str | None  # template of the index page
    books: dict[str, tuple[str, str]]  # view -> (file stem, template) of a book collecting every handout
    filters: dict[str, Callable[..., Any]]
    options: dict[str, Any] = field(default_factory=dict)
    finish: Callable[[str], str] = lambda page: page  # applied to every rendered page

    def template(self, view: str) -> str:
        """The template of one handout in one view: handout.md.j2 (student), audit.md.j2, worksheet.md.j2."""
        return f"{'handout' if view == 'student' else view}.{self.extension}.j2"

    def environment(self, folders: list[Path]) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(d) for d in folders]),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            **self.options,
        )
        env.filters.update(self.filters)
        return env


def fill(phrase: Phrase, text: Callable[[str], str], part: Callable[[Part], str]) -> str:
    """The phrase's template with each {field} filled in: words through `text`, fields through `part`."""
    out = []
    for literal, name, _, _ in string.Formatter().parse(phrase.template):
        out.append(text(literal))
        if name is not None:
            out.append(part(phrase.fields[name]))
    return "".join(out)


def prose(value: Any, text: Callable[[str], str], math: Callable[[Math], str]) -> str:
    """Prose with its formulas: words through `text`, the symbols it names through `math`."""
    parts = value.parts if isinstance(value, Prose) else (str(value),)
    return "".join(math(p) if isinstance(p, Math) else text(p) for p in parts)


def listing(items: list[str], phrase: Phrase) -> str:
    """'a', 'a and b', 'a, b and c' in the phrase's language."""
    if len(items) <= 1:
        return "".join(items)
    return phrase.separator.join(items[:-1]) + phrase.last + items[-1]


# --- Markdown (GitHub) ---------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_$|#])")


def md_text(value: str) -> str:
    """Prose that GitHub shows literally: no emphasis, no math, no HTML, no table breaks."""
    value = str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", value)


def md_part(value: Part, phrase: Phrase | None = None) -> str:
    if isinstance(value, Math):
        return f"${value.latex}$"
    if isinstance(value, Prose):
        return prose(value, md_text, md_part)
    if isinstance(value, Ref):
        if value.bare:
            return f"({value.number})"
        return f"`{value.label}` ({value.number})" if value.number else f"`{value.label}`"
    if isinstance(value, Link):
        return f"[{prose(value.title, md_text, md_part)}]({value.stem}.md)"
    if isinstance(value, tuple):
        items = [md_part(v) for v in value]
        return ", ".join(items) if value and isinstance(value[0], Math) else listing(items, phrase) if phrase \
            else ", ".join(items)
    return md_text(value)


BADGES = {  # a step's status at a glance, in any language
    "proved": "✅",
    "numerically-only": "🔢",
    "axiom": "📘",
    "refuted": "❗",
    "failed": "❌",
    "timed-out": "⏱️",
    "invalid": "⚠️",
}

MARKDOWN = Format(
    "md",
    "md",
    "index.md.j2",
    {},
    filters={
        "text": md_text,
        "prose": lambda p: prose(p, md_text, md_part),
        "badge": BADGES.__getitem__,
        "math": md_part,
        "ref": md_part,
        "link": md_part,
        "phrase": lambda p: fill(p, md_text, lambda v: md_part(v, p)),
    },
    options={"autoescape": False},
)


# --- LaTeX ---------------------------------------------------------------------------------


def tex_part(value: Part, phrase: Phrase | None = None) -> str:
    if isinstance(value, Math):
        return f"\\({value.latex}\\)"
    if isinstance(value, Prose):
        return prose(value, latex.escape, tex_part)
    if isinstance(value, Ref):
        if value.bare:
            return f"({value.number})"
        label = latex.escape(value.label)
        return f"\\steplabel{{{label}}}~({value.number})" if value.number else f"\\steplabel{{{label}}}"
    if isinstance(value, Link):
        return prose(value.title, latex.escape, tex_part)
    if isinstance(value, tuple):
        items = [tex_part(v) for v in value]
        if value and isinstance(value[0], Math):
            return ", ".join(items)
        return listing(items, phrase) if phrase else ", ".join(items)
    return latex.escape(value)


def tex_breakable(tex: str) -> str:
    """Let TeX break an id (a check's name, a step label) after each hyphen, so it stays in a narrow column."""
    return tex.replace("-", "-\\allowbreak{}")


def tex_display(sides: tuple[str, str, str], tag: int) -> str:
    """A step's equation: \\claim sets it on one line, or on two lines scaled to fit the page."""
    lhs, relation, rhs = sides
    return f"\\claim{{{lhs}}}{{{relation}}}{{{rhs}}}{{{tag}}}"


LATEX = Format(
    "tex",
    "tex",
    None,
    {"student": ("book", "book.tex.j2"), "worksheet": ("worksheets", "worksheets.tex.j2")},
    filters={
        "text": latex.escape,
        "prose": lambda p: prose(p, latex.escape, tex_part),
        "math": tex_part,
        "ref": tex_part,
        "link": tex_part,
        "display": tex_display,
        "breakable": tex_breakable,
        "phrase": lambda p: fill(p, latex.escape, lambda v: tex_part(v, p)),
    },
    # {{ and {# occur in TeX: blocks are \BLOCK{...}, values \VAR{...}, comments \#{...}
    options={
        "autoescape": False,
        "block_start_string": r"\BLOCK{",
        "block_end_string": "}",
        "variable_start_string": r"\VAR{",
        "variable_end_string": "}",
        "comment_start_string": r"\#{",
        "comment_end_string": "}",
        "line_comment_prefix": "%#",
    },
)


# --- HTML ----------------------------------------------------------------------------------


@functools.cache
def mathml(tex: str, display: bool = False) -> str:
    """SymPy's LaTeX as MathML, so the page needs no JavaScript (latex2mathml; no `aligned`)."""
    from latex2mathml.converter import convert

    # latex2mathml sets a one-letter \mathrm{m} in italic, like a variable: write it as text instead
    tex = re.sub(r"\\mathrm\{([A-Za-z])\}", r"\\text{\1}", tex)
    # a lone capital Greek letter is upright in TeX (the unit Ω, ΔV); MathML would set it italic
    tex = re.sub(r"\\(Omega|Delta|Gamma|Theta|Lambda|Xi|Pi|Sigma|Phi|Psi)(?![A-Za-z])", r"\\mathrm{\\\1}", tex)
    try:
        markup = convert(tex, display="block" if display else "inline")
    except Exception as error:  # latex2mathml raises its own exception types for what it cannot read
        raise InputError(f"cannot write {tex!r} as MathML: {type(error).__name__} {error}") from error
    return _tight_operators(markup)


_TIGHT = '<mo lspace="0em" rspace="0em">'
# a minus that starts a row or follows an operator or an opening bracket is a sign: "≈ −62", not "≈ − 62"
_SIGN = re.compile(r"(<mrow>|<math[^>]*>|<mtd[^>]*>|<mo[^>]*>[^<]*</mo>)<mo>&#x02212;</mo>")


def _tight_operators(markup: str) -> str:
    """A sign minus and the solidus set without operator spacing, as print sets them (−62 mV, m²/s)."""
    markup = markup.replace("<mo>&#x0002F;</mo>", f"{_TIGHT}&#x0002F;</mo>")
    while (tightened := _SIGN.sub(rf"\1{_TIGHT}&#x02212;</mo>", markup)) != markup:
        markup = tightened
    return markup


_CLOSING = "，。、；：？！）」』》"  # full-width punctuation that may not begin a line
_MATH_THEN_CLOSING = re.compile(r"(<math\b(?:(?!</math>).)*</math>)([" + _CLOSING + "])", re.S)
_INLINE_MATH = re.compile(r'<math xmlns="http://www.w3.org/1998/Math/MathML" display="inline">(?:(?!</math>).)*</math>', re.S)


def html_finish(page: str) -> str:
    """A rendered page as a browser should break it: a formula keeps the full-width punctuation
    after it on its line (…，), and a formula too long for a phone scrolls in its own box instead of
    widening the page (MathML cannot wrap)."""
    page = _MATH_THEN_CLOSING.sub(r'<span class="nobr">\1\2</span>', page)
    return _INLINE_MATH.sub(lambda m: f'<span class="wide">{m.group()}</span>' if len(re.findall(r"<m[ion][ >]", m.group())) > 24
                            else m.group(), page)


def html_part(value: Part, phrase: Phrase | None = None) -> Markup:
    """The one place where the HTML format marks markup as safe: MathML, links and step references."""
    if isinstance(value, Math):
        return Markup(mathml(value.latex))
    if isinstance(value, Prose):
        return Markup(prose(value, lambda s: html_escape.escape(s, quote=False), lambda m: str(html_part(m))))
    if isinstance(value, Ref):
        if value.bare:
            return Markup('<a class="ref" href="#step-{0}">({1})</a>').format(value.label, value.number)
        if not value.number:
            return Markup("<code>{}</code>").format(value.label)
        return Markup('<a class="ref" href="#step-{0}"><code>{0}</code>&#160;({1})</a>').format(
            value.label, value.number
        )
    if isinstance(value, Link):
        title = Markup(prose(value.title, lambda s: html_escape.escape(s, quote=False), lambda m: str(html_part(m))))
        return Markup('<a href="{}.html">{}</a>').format(value.stem, title)
    if isinstance(value, tuple):
        items = [str(html_part(v)) for v in value]
        if value and isinstance(value[0], Math):
            return Markup(", ".join(items))
        return Markup(listing(items, phrase) if phrase else ", ".join(items))
    return Markup(html_escape.escape(str(value), quote=False))


def html_display(math: Math) -> Markup:
    return Markup(mathml(math.latex, display=True))


_SVGS: dict[Figure, str] = {}


def remember_svg(figure: Figure, svg: str) -> None:
    """The SVG of a figure, drawn (or found up to date in the output folder) before the pages render."""
    _SVGS[figure] = svg


def svg_of(figure: Figure) -> str:
    """A figure as SVG: drawn once per run, whichever formats and languages need it."""
    if figure not in _SVGS:
        from derive.render import figures  # matplotlib is imported only when a figure is drawn

        _SVGS[figure] = figures.save(figure, ["svg"])["svg"]
    return _SVGS[figure]


def html_svg(figure: FigureView) -> Markup:
    """A figure's SVG, inlined: its XML declaration and doctype dropped."""
    svg = svg_of(figure.figure)
    return Markup(svg[svg.find("<svg") :])


HTML = Format(
    "html",
    "html",
    "index.html.j2",
    {},
    filters={
        "prose": lambda p: Markup(prose(p, lambda s: html_escape.escape(s, quote=False), lambda m: str(html_part(m)))),
        "math": html_part,
        "ref": html_part,
        "link": html_part,
        "display": html_display,
        "svg": html_svg,
        "phrase": lambda p: Markup(
            fill(p, lambda s: html_escape.escape(s, quote=False), lambda v: str(html_part(v, p)))
        ),
    },
    options={"autoescape": True},
    finish=html_finish,
)

FORMATS = {f.name: f for f in (MARKDOWN, LATEX, HTML)}
