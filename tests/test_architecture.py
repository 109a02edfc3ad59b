"""Invariants of the design: simulations know no SymPy, the library passes its own check."""

from __future__ import annotations

import subprocess
import sys

from derive import registry
from derive.pipeline import check


def test_simulations_import_neither_sympy_nor_the_library():
    probe = (
        "import pkgutil, importlib, sys, derive.sim as s\n"
        "for m in pkgutil.iter_modules(s.__path__): importlib.import_module('derive.sim.' + m.name)\n"
        "bad = [n for n in sys.modules if n == 'sympy' or n.startswith('derive.library')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_every_library_module_passes_its_symbolic_check():
    report = check(registry.load_all(), symbolic_only=True)
    assert report.exit_code == 0


def test_derivation_ids_are_unique_and_modules_are_named_after_topics():
    derivations = registry.load_all()
    assert len({d.id for d in derivations}) == len(derivations)
    for d in derivations:
        assert d.module.rsplit(".", 1)[-1] == d.id.replace("-", "_")


def test_every_step_and_symbol_of_the_library_has_prose_in_both_languages():
    missing = [
        f"{d.id}: {s.label}" for d in registry.load_all() for s in d.steps if not (s.prose.en and s.prose.zh)
    ] + [f"{d.id}: {q.name}" for d in registry.load_all() for q in d.symbols if not (q.meaning.en and q.meaning.zh)]
    assert missing == []


def test_the_suite_runs_every_library_step_and_check_as_its_own_item():
    # The pytest plugin turns each step and numeric check of derive/library into an item; the
    # tests/library modules only add the faulty variants, so this path must stay collected.
    from pathlib import Path

    text = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert 'testpaths = ["tests", "derive/library"]' in text
