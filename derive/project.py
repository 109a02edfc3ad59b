"""Where a project keeps its derivations: `[tool.derive] paths` in its pyproject.toml.

Standard library only (and `tomli` on Python 3.10), because the pytest plugin asks these
questions in every pytest run and must not pay for SymPy.

A *derivation file* is a `.py` file in one of the configured folders (not in its subfolders)
whose name starts with neither `_` nor `test_` and is not `conftest.py`; or a `.py` file
named in `paths` itself. Example:

```toml
[tool.derive]
paths = ["derivations"]   # folders or files, relative to the pyproject.toml
```
"""

from __future__ import annotations

from pathlib import Path

PYPROJECT = "pyproject.toml"


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
    unknown = sorted(set(table) - {"paths"})
    if unknown:
        raise ProjectError(f"{pyproject}: [tool.derive] has unknown keys: {', '.join(unknown)} "
                           "(the only key is paths)")
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
