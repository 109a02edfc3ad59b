"""PDF from the rendered LaTeX: latexmk with XeLaTeX (ctex for Chinese), when TeX is installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from derive.model import InputError

DEBIAN_PACKAGES = ("texlive-xetex", "texlive-lang-chinese", "latexmk", "fonts-lmodern")
INSTALL = f"apt-get install --no-install-recommends {' '.join(DEBIAN_PACKAGES)}"


def missing(langs: Sequence[str]) -> list[str]:
    """What is missing to compile the handouts of these languages: programs and LaTeX classes."""
    absent = [tool for tool in ("latexmk", "xelatex") if shutil.which(tool) is None]
    if not absent and not _kpsewhich("ctexart.cls"):  # English handouts quote Chinese titles too
        absent.append("ctex (ctexart.cls)")
    return absent


def _kpsewhich(name: str) -> bool:
    if shutil.which("kpsewhich") is None:
        return False
    found = subprocess.run(["kpsewhich", name], capture_output=True, text=True, check=False)
    return bool(found.stdout.strip())


def require(langs: Sequence[str]) -> None:
    """Bad input (exit 2) naming the Debian packages to install, when TeX cannot compile these languages."""
    absent = missing(langs)
    if absent:
        raise InputError(
            f"--format pdf needs XeLaTeX, ctex and latexmk, but {', '.join(absent)} "
            f"cannot be found; on Debian or Ubuntu install them with: {INSTALL}"
        )


@dataclass(frozen=True)
class Compiled:
    """A compiled PDF and the TeX log it left (for overfull boxes and missing glyphs)."""

    tex: Path
    pdf: bytes
    log: str


def compile_one(tex: Path) -> Compiled:
    """Compile one .tex in its own folder (figures are relative to it); aux files go to a temporary one."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "0", "FORCE_SOURCE_DATE": "1"}  # no dates inside the PDF
    with tempfile.TemporaryDirectory(prefix="derive-tex-") as build:
        done = subprocess.run(
            [
                "latexmk",
                "-xelatex",
                "-interaction=nonstopmode",
                "-halt-on-error",
                "-file-line-error",
                f"-outdir={build}",
                tex.name,
            ],
            cwd=tex.parent,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        log_path = Path(build) / tex.with_suffix(".log").name
        log = log_path.read_text(encoding="utf-8", errors="replace") if log_path.is_file() else done.stdout
        pdf = Path(build) / tex.with_suffix(".pdf").name
        if done.returncode != 0 or not pdf.is_file():
            raise InputError(f"LaTeX failed on {tex}: {first_error(log) or done.stderr.strip()[-500:]}")
        return Compiled(tex, pdf.read_bytes(), log)


def up_to_date(tex: Path) -> bool:
    """Whether tex's PDF is newer than the .tex and every figure PDF it can include (../figures/),
    as `make` would judge it: the render leaves unchanged files, and their times, alone."""
    pdf = tex.with_suffix(".pdf")
    if not pdf.is_file():
        return False
    inputs = [tex, *(tex.parent.parent / "figures").glob("*.pdf")]
    return pdf.stat().st_mtime >= max(path.stat().st_mtime for path in inputs)


def compile_all(texs: Sequence[Path]) -> list[Compiled]:
    """Compile several files at once, one TeX process per core."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return list(pool.map(compile_one, texs))


def first_error(log: str) -> str:
    """The first error of a TeX log, with the file and line -file-line-error gives it."""
    for line in log.splitlines():
        if re.match(r"^(\S+:\d+: |! )", line):
            return line.strip()
    return ""


def overfull(log: str, tolerance_pt: float = 1.0) -> list[str]:
    """The overfull boxes of a log wider than the tolerance: text or equations running off the page."""
    found = re.findall(r"^Overfull \\hbox \((\d+(?:\.\d+)?)pt too wide\).*$", log, re.MULTILINE)
    lines = re.findall(r"^Overfull \\hbox .*$", log, re.MULTILINE)
    return [line for width, line in zip(found, lines) if float(width) > tolerance_pt]


def missing_glyphs(log: str) -> list[str]:
    """Characters the fonts do not have (XeLaTeX drops them silently, but logs them)."""
    return re.findall(r"^Missing character: .*$", log, re.MULTILINE)
