"""Where a project keeps its derivations: `[tool.derive] paths` in its pyproject.toml.

Standard library only (and `tomli` on Python 3.10), because the pytest plugin asks these
questions in every pytest run and must not pay for SymPy.

A *derivation file* is a `.py` file in one of the configured folders (not in its subfolders)
whose name starts with neither `_` nor `test_` and is not `conftest.py`; or a `.py` file
named in `paths` itself. Example:

```toml
[tool.derive]
paths = ["derivations"]   # folders or files, relative to the pyproject.toml
languages = ["en"]        # the handouts' languages (default: en and zh, the library's two)
```
"""

from __future__ import annotations

from pathlib import Path

PYPROJECT = "pyproject.toml"
LANGUAGES = ("en", "zh")  # every language the templates have strings for; the library's default
KEYS = ("paths", "languages")


class ProjectError(ValueError):
    """The project's configuration is wrong (a missing folder, `paths` not a list of strings)."""


def is_derivation_name(path: Path) -> bool:
    """Whether a file's name can be a derivation module (`derivations/_helpers.py` cannot)."""
    name = path.name
    return (path.suffix == ".py" and not name.startswith(("_", "test_", "."))
            and name != "conftest.py" and not name.endswith("_test.py"))


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml in `start` or a folder above it."""
    for folder in (Path(start).resolve(), *Path(start).resolve().parents):
        if (folder / PYPROJECT).is_file():
            return folder / PYPROJECT
    return None


def read_table(pyproject: Path) -> dict | None:
    """The `[tool.derive]` table of a pyproject.toml, or None when it has none."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    try:
        with open(pyproject, "rb") as stream:
            document = tomllib.load(stream)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ProjectError(f"{pyproject}: cannot read it: {error}") from error
    table = document.get("tool", {}).get("derive")
    if table is not None and not isinstance(table, dict):
        raise ProjectError(f"{pyproject}: [tool.derive] must be a table")
    return table


def configured_paths(pyproject: Path) -> list[Path]:
    """The folders and files `[tool.derive] paths` names, resolved against the pyproject's folder."""
    table = read_table(pyproject)
    if table is None:
        return []
    paths = table.get("paths", [])
    if isinstance(paths, str):
        paths = [paths]
    if not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
        raise ProjectError(f"{pyproject}: [tool.derive] paths must be a list of folder or file names, "
                           f"not {paths!r}")
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ProjectError(f"{pyproject}: [tool.derive] has unknown keys: {', '.join(unknown)} "
                           f"(the keys are {' and '.join(KEYS)})")
    resolved = []
    for entry in paths:
        path = (pyproject.parent / entry).resolve()
        if not path.exists():
            raise ProjectError(f"{pyproject}: [tool.derive] paths: {entry!r} does not exist "
                               f"(looked for {path})")
        resolved.append(path)
    return resolved


def derivation_files(path: Path) -> list[Path]:
    """The derivation files a configured path stands for: a file itself, or a folder's modules."""
    path = Path(path).resolve()
    if path.is_file():
        if path.suffix != ".py":
            raise ProjectError(f"{path}: a derivation must be a .py file")
        return [path]
    if not path.is_dir():
        raise ProjectError(f"{path}: no such folder or file")
    return sorted(p for p in path.iterdir() if p.is_file() and is_derivation_name(p))


def languages(pyproject: Path | None) -> tuple[str, ...]:
    """The languages `[tool.derive] languages` declares: what render writes and asks prose in.

    Without the key (or without a table) the library's two, English and Chinese.
    """
    table = read_table(pyproject) if pyproject is not None else None
    if table is None or "languages" not in table:
        return LANGUAGES
    declared = table["languages"]
    if isinstance(declared, str):
        declared = [declared]
    if (not isinstance(declared, list) or not declared or not all(isinstance(x, str) for x in declared)
            or any(x not in LANGUAGES for x in declared) or len(set(declared)) != len(declared)):
        raise ProjectError(f"{pyproject}: [tool.derive] languages must be a non-empty list of distinct "
                           f"languages out of {', '.join(map(repr, LANGUAGES))}, not {declared!r}")
    return tuple(declared)
