"""Finds derivations: the library's modules, installed packs, and the project's own files.

Three places, in this order:

1. the library: every module of `derive.library`;
2. packs: each entry point of the group `neuroderive.derivations` names a module that
   defines `derivation`, or a package whose modules do;
3. the project: the files `[tool.derive] paths` names in the nearest pyproject.toml (see
   `derive.project`), and folders or files given with `derive ... --path` (`search_also`).

Ids are unique across all three; a clash is bad input naming both modules or files. With no
ids, `derive check` and `derive render` take the project's derivations when it has any
configured, else everything (`default_selection`).
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import importlib
import importlib.metadata
import importlib.util
import pkgutil
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TypeVar

import derive.library
from derive import project
from derive.model import Derivation, InputError

ENTRY_POINT_GROUP = "neuroderive.derivations"
T = TypeVar("T")

_extra_paths: list[Path] = []  # from `--path`: searched as if [tool.derive] named them
_file_modules: dict[str, Path] = {}  # module name -> the project file it was imported from


@dataclass(frozen=True)
class Found:
    """A derivation and where it came from: a module name (library, pack) or a file (project)."""

    derivation: Derivation
    origin: str
    file: Path | None
    in_project: bool


def search_also(paths: Iterable[Path]) -> None:
    """The folders or files `derive ... --path` names, searched besides [tool.derive] paths.

    Replaces those of an earlier call, so each command sees only its own.
    """
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise InputError(f"--path {missing[0]}: no such folder or file")
    _extra_paths[:] = [Path(p).resolve() for p in paths]


def library_modules() -> list[str]:
    """Names of the library's derivation modules, in alphabetical order."""
    return sorted(
        f"{derive.library.__name__}.{info.name}"
        for info in pkgutil.iter_modules(derive.library.__path__)
        if not info.name.startswith("_")
    )


def pack_modules() -> list[str]:
    """Modules of the installed packs: each entry point names a module or a package of them."""
    names = []
    for entry in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        target = entry.value.split(":")[0].strip()
        try:
            module = importlib.import_module(target)
        except Exception as error:
            raise InputError(f"entry point {entry.name!r} = {entry.value!r} of group {ENTRY_POINT_GROUP}: "
                             f"cannot import it: {type(error).__name__}: {error}") from error
        if hasattr(module, "__path__"):
            names += sorted(f"{target}.{info.name}" for info in pkgutil.iter_modules(module.__path__)
                            if project.is_derivation_name(Path(info.name + ".py")))
        else:
            names.append(target)
    return names


def load_module(name: str) -> Derivation:
    """Import one module and return its `derivation`, or InputError naming the file."""
    try:
        module = importlib.import_module(name)
    except Exception as error:  # a broken module is bad input, reported with its file
        raise InputError(f"{name}: cannot import the derivation module: {type(error).__name__}: {error}") from error
    return _derivation_of(module)


def project_files() -> list[Path]:
    """The project's derivation files: `[tool.derive] paths` of the nearest pyproject.toml, then --path."""
    roots: list[Path] = []
    pyproject = project.find_pyproject(Path.cwd())
    try:
        if pyproject is not None:
            roots += project.configured_paths(pyproject)
        files = [f for root in roots + _extra_paths for f in project.derivation_files(root)]
    except project.ProjectError as error:
        raise InputError(str(error)) from error
    return list(dict.fromkeys(files))  # a file named twice is one file


def import_file(path: Path) -> ModuleType:
    """Import a derivation file of the project; an error in it is InputError naming the file.

    A file inside an importable package is imported under its package name (so relative
    imports work and it is not imported twice); any other file under a private name ending
    in its stem, so `derivations/random.py` cannot shadow the standard library's `random`.
    """
    path = Path(path).resolve()
    name = _package_name(path)
    if name is not None:
        _file_modules[name] = path
        try:
            return importlib.import_module(name)
        except Exception as error:
            raise InputError(_import_error(path, error)) from error
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:10]
    name = f"neuroderive_project_{digest}.{path.stem}"
    _file_modules[name] = path
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise InputError(f"{path}: cannot be imported as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look a module up here while it runs
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        del sys.modules[name]
        raise InputError(_import_error(path, error)) from error
    return module


@dataclass(frozen=True)
class Source:
    """Where a derivation comes from, as another process loads it: a module name (library, pack)
    or a file (project), with the `--path` folders its quotations may need and its id."""

    id: str
    module: str
    file: str | None = None
    paths: tuple[str, ...] = ()


def source_of(derivation: Derivation) -> Source:
    """How a worker that shares nothing with this process loads this derivation (Dask).

    Only a derivation that its module or file defines as it stands can travel; one built or
    changed in this process (a notebook's, `with_claim`) is InputError."""
    module = sys.modules.get(derivation.module)
    defined = getattr(module, "derivation", None)
    same = isinstance(defined, Derivation) and (
        defined is derivation or dataclasses.replace(defined, module=derivation.module) == derivation)
    if not same:
        raise InputError(f"derivation '{derivation.id}' is not the one its module {derivation.module or '?'} defines "
                         "(it was built or changed in this process), so Dask workers cannot load it; "
                         "check it with --jobs instead")
    file = _file_modules.get(derivation.module)
    return Source(derivation.id, derivation.module, str(file) if file else None,
                  tuple(str(p) for p in _extra_paths))


_loaded: dict[Source, Derivation] = {}  # per process: a worker loads each derivation once


def load_source(source: Source) -> Derivation:
    """The derivation a Source names (in a worker process; loaded once per process)."""
    if source not in _loaded:
        if source.paths and [str(p) for p in _extra_paths] != list(source.paths):
            search_also([Path(p) for p in source.paths])  # quotations find their handouts as in the run
        derivation = load_file(Path(source.file)) if source.file else load_module(source.module)
        if derivation.id != source.id:
            raise InputError(f"{source.file or source.module} defines derivation '{derivation.id}' on this worker, "
                             f"not '{source.id}': the workers need the same project files")
        _loaded[source] = derivation
    return _loaded[source]


class Shipped:
    """A derivation handed to an executor: the object itself in this process and the processes
    forked from it, and, pickled, only its `Source`, which the receiving worker loads through
    the registry (derivations hold lambdas and do not pickle)."""

    def __init__(self, derivation: Derivation, source: Source | None = None):
        self.derivation, self.source = derivation, source

    def __reduce__(self) -> tuple:
        if self.source is None:
            raise TypeError(f"derivation '{self.derivation.id}' cannot be sent to another machine: "
                            "it was shipped without a source (registry.ship(..., portable=True))")
        return (_unpickle_shipped, (self.source,))


def ship(derivation: Derivation, portable: bool = False) -> Shipped:
    """The derivation ready for an executor; `portable` (Dask) also records where it comes from."""
    return Shipped(derivation, source_of(derivation) if portable else None)


def _unpickle_shipped(source: Source) -> Shipped:
    return Shipped(load_source(source), source)


def load_file(path: Path) -> Derivation:
    """The `derivation` a project file defines."""
    return _derivation_of(import_file(path))


def find_all() -> list[Found]:
    """Every derivation with its origin: library, packs, project; ids must be unique."""
    found: list[Found] = []
    seen_files: set[Path] = set()
    for name in library_modules() + pack_modules():
        derivation = load_module(name)
        file = _file_of(name)
        seen_files.add(file)
        found.append(Found(derivation, name, file, in_project=False))
    for path in project_files():
        if path in seen_files:  # a pack's own repository names its package folder in paths
            found = [dataclasses.replace(f, in_project=True) if f.file == path else f for f in found]
            continue
        found.append(Found(load_file(path), _shown(path), path, in_project=True))
    origins: dict[str, str] = {}
    for item in found:
        if item.derivation.id in origins:
            raise InputError(f"derivation id {item.derivation.id!r} is used by both "
                             f"{origins[item.derivation.id]} and {item.origin}")
        origins[item.derivation.id] = item.origin
    library = in_reading_order((f for f in found if not f.in_project), of=lambda f: f.derivation)
    return library + in_reading_order((f for f in found if f.in_project), of=lambda f: f.derivation)


def quoted(derivation: Derivation) -> set[str]:
    """Ids of the handouts whose results this one quotes (by.earlier_result)."""
    return {s.by.derivation_id for s in derivation.steps if getattr(s.by, "derivation_id", "")}


def module_attribute(derivation: Derivation, name: str, default: object) -> object:
    """An attribute of the module that defines the derivation (READ_AFTER, NEEDS, SOURCES_ZH)."""
    module = sys.modules.get(derivation.module) if derivation.module else None
    return getattr(module, name, default)


def stated_prerequisites(derivation: Derivation) -> tuple[str, ...]:
    """Handouts to read first that this one does not quote: its module's `READ_AFTER` ids."""
    return tuple(module_attribute(derivation, "READ_AFTER", ()))


def prerequisites(derivation: Derivation) -> set[str]:
    """The handouts that must come before this one: those it quotes and those it says it needs."""
    return quoted(derivation) | set(stated_prerequisites(derivation))


def in_reading_order(derivations: Iterable[T], of: Callable[[T], Derivation] = lambda d: d) -> list[T]:
    """The article's outline order, except that every handout comes after its prerequisites (quoted
    or stated); among those ready, the first in the outline goes first. `of` finds an item's derivation."""
    remaining = sorted(derivations, key=lambda item: (section_key(of(item).section), of(item).id))
    ids = {of(item).id for item in remaining}
    placed: list[T] = []
    while remaining:
        done = {of(item).id for item in placed}
        ready = next((item for item in remaining if prerequisites(of(item)) & ids <= done), None)
        if ready is None:
            circle = ", ".join(sorted(of(item).id for item in remaining))
            raise InputError(f"these handouts need each other in a circle: {circle}")
        placed.append(ready)
        remaining.remove(ready)
    return placed


def load_all() -> list[Derivation]:
    """All derivations: the library and packs in the order of the outline, then the project's."""
    return [f.derivation for f in find_all()]


def default_selection() -> list[Derivation]:
    """What `derive check` checks with no ids: the project's derivations if it names any paths."""
    everything = find_all()
    if _extra_paths or _project_configured():
        return [f.derivation for f in everything if f.in_project]
    return [f.derivation for f in everything]


def select(ids: list[str]) -> list[Derivation]:
    """The derivations with these ids (the default selection when ids is empty), in the order asked."""
    if not ids:
        return default_selection()
    if not (_extra_paths or _project_configured() or pack_modules()):
        # Only the library: its ids are its module names (a test holds that), so ids that name
        # library modules need only those modules imported, not the whole library.
        names = {name.rsplit(".", 1)[-1]: name for name in library_modules()}
        wanted_modules = [names.get(i.replace("-", "_")) for i in ids]
        if all(wanted_modules):
            found = [load_module(name) for name in wanted_modules]
            if [d.id for d in found] == list(ids):
                return found
    by_id = {d.id: d for d in load_all()}
    for wanted in ids:
        if wanted not in by_id:
            close = difflib.get_close_matches(wanted, list(by_id), n=1)
            suggestion = f"; did you mean {close[0]!r}?" if close else ""
            raise InputError(f"unknown derivation {wanted!r}{suggestion} (known: {', '.join(by_id)})")
    return [by_id[i] for i in ids]


def select_files(paths: Iterable[Path]) -> tuple[list[Derivation], list[Path]]:
    """The derivations among these files (a project's or the library's derivation files), and the
    files that are not derivation files, which `derive check FILE ...` (pre-commit) skips."""
    project_set = set(project_files())
    library = {_library_file(name): name for name in library_modules()}
    found, skipped = [], []
    for path in paths:
        resolved = Path(path).resolve()
        if not resolved.is_file():
            raise InputError(f"{path}: no such file")
        if resolved in library:
            found.append(load_module(library[resolved]))
        elif resolved in project_set:
            found.append(load_file(resolved))
        else:
            skipped.append(Path(path))
    return found, skipped


def _library_file(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).resolve() if spec and spec.origin else Path(name)


def _project_configured() -> bool:
    pyproject = project.find_pyproject(Path.cwd())
    try:
        return pyproject is not None and bool(project.configured_paths(pyproject))
    except project.ProjectError as error:
        raise InputError(str(error)) from error


def _derivation_of(module: ModuleType) -> Derivation:
    found = getattr(module, "derivation", None)
    if not isinstance(found, Derivation):
        raise InputError(f"{_shown(Path(module.__file__ or module.__name__))}: "
                         "defines no `derivation = Derivation(...)`")
    if not found.module:
        found = dataclasses.replace(found, module=module.__name__)
    return found


def section_key(section: str) -> list[tuple[int, int | str]]:
    """'1.2.10' after '1.2.9'; sections that are not numbers sort after those that are."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in section.split(".")]


def _file_of(name: str) -> Path | None:
    module = sys.modules.get(name)
    file = getattr(module, "__file__", None)
    return Path(file).resolve() if file else None


def _package_name(path: Path) -> str | None:
    """`pkg.sub.topic` for pkg/sub/topic.py when that name imports this very file, else None."""
    parts = [path.stem]
    folder = path.parent
    while (folder / "__init__.py").is_file():
        parts.insert(0, folder.name)
        folder = folder.parent
    if len(parts) == 1:
        return None
    name = ".".join(parts)
    try:
        spec = importlib.util.find_spec(name)
    except Exception:  # a parent package that fails to import: load the file on its own
        return None
    if spec is None or spec.origin is None or Path(spec.origin).resolve() != path:
        return None
    return name


def _shown(path: Path) -> str:
    """A path relative to the working directory when it lies below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _import_error(path: Path, error: Exception) -> str:
    """'file:line: cannot import ...', with the line in the derivation file where it happened."""
    line = ""
    if isinstance(error, SyntaxError) and error.filename and Path(error.filename).resolve() == path:
        line = f":{error.lineno}"
    else:
        frames = [f for f in traceback.extract_tb(error.__traceback__)
                  if f.filename and Path(f.filename).resolve() == path]
        if frames:
            line = f":{frames[-1].lineno}"
    return f"{_shown(path)}{line}: cannot import the derivation module: {type(error).__name__}: {error}"
