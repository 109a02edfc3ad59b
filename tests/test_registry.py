"""Finding derivations: unique ids, clear errors for unknown ids and broken modules."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive import registry
from derive.model import InputError


def test_library_has_the_random_walk():
    assert "derive.library.random_walk" in registry.library_modules()
    assert [d.id for d in registry.select(["random-walk"])] == ["random-walk"]


def test_duplicate_ids_name_both_modules(monkeypatch, tmp_path):
    (tmp_path / "copy_of_walk.py").write_text("from derive.library.random_walk import derivation\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "library_modules", lambda: ["derive.library.random_walk", "copy_of_walk"])
    with pytest.raises(InputError, match=r"derivation id 'random-walk' is used by both "
                                         r"derive\.library\.random_walk and copy_of_walk$"):
        registry.load_all()


def test_module_without_a_derivation_is_named(monkeypatch, tmp_path):
    (tmp_path / "empty_topic.py").write_text("x = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "library_modules", lambda: ["empty_topic"])
    with pytest.raises(InputError, match=r"empty_topic\.py: defines no `derivation = Derivation\(\.\.\.\)`"):
        registry.load_all()


def test_a_handout_comes_after_the_handouts_it_quotes_or_says_it_needs():
    from derive.library import einstein_relation, gate_kinetics

    assert registry.prerequisites(einstein_relation.derivation) == {"random-walk", "viscous-friction", "equipartition"}
    assert "ion-conductance" in registry.prerequisites(gate_kinetics.derivation)  # READ_AFTER, not quoted
    order = [d.id for d in registry.load_all()]
    for position, derivation in enumerate(registry.load_all()):
        assert all(order.index(p) < position for p in registry.prerequisites(derivation) if p in order)


def test_select_files_takes_the_derivation_files_and_skips_the_others(monkeypatch, tmp_path):
    import derive.library.random_walk as walk

    (tmp_path / "notes.py").write_text("x = 1\n")
    monkeypatch.chdir(tmp_path)  # no [tool.derive] here: only library files are derivation files
    found, skipped = registry.select_files([Path(walk.__file__), Path("notes.py")])
    assert [d.id for d in found] == ["random-walk"] and skipped == [Path("notes.py")]


def test_select_files_names_a_file_that_does_not_exist(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^derivations/gone\.py: no such file$"):
        registry.select_files([Path("derivations/gone.py")])
