"""Finds derivations: every module of `derive.library` that defines `derivation`."""

from __future__ import annotations

import difflib
import importlib
import pkgutil

import derive.library
from derive.model import Derivation, InputError


def library_modules() -> list[str]:
    """Names of the library's derivation modules, in alphabetical order."""
    return sorted(
        f"{derive.library.__name__}.{info.name}"
        for info in pkgutil.iter_modules(derive.library.__path__)
        if not info.name.startswith("_")
    )


def load_module(name: str) -> Derivation:
    """Import one module and return its `derivation`, or InputError naming the file."""
    try:
        module = importlib.import_module(name)
    except Exception as error:  # a broken module is bad input, reported with its file
        raise InputError(f"{name}: cannot import the derivation module: {type(error).__name__}: {error}") from error
    found = getattr(module, "derivation", None)
    if not isinstance(found, Derivation):
        raise InputError(f"{module.__file__}: defines no `derivation = Derivation(...)`")
    return found


def load_all() -> list[Derivation]:
    """All derivations of the library, in the order of the article's outline; ids must be unique."""
    seen: dict[str, str] = {}
    derivations = []
    for name in library_modules():
        derivation = load_module(name)
        if derivation.id in seen:
            raise InputError(f"derivation id {derivation.id!r} is used by both {seen[derivation.id]} and {name}")
        seen[derivation.id] = name
        derivations.append(derivation)
    return sorted(derivations, key=lambda d: [int(part) if part.isdigit() else part for part in d.section.split(".")])


def select(ids: list[str]) -> list[Derivation]:
    """The derivations with these ids (all of them when ids is empty), in the order asked."""
    everything = load_all()
    if not ids:
        return everything
    by_id = {d.id: d for d in everything}
    for wanted in ids:
        if wanted not in by_id:
            close = difflib.get_close_matches(wanted, list(by_id), n=1)
            suggestion = f"; did you mean {close[0]!r}?" if close else ""
            raise InputError(f"unknown derivation {wanted!r}{suggestion} (known: {', '.join(by_id)})")
    return [by_id[i] for i in ids]
