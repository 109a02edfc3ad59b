"""pytest plugin: each derivation a test node, each step and each numeric check an item.

Registered through the `pytest11` entry point as `derive` (`pytest -p no:derive` turns it
off). Every pytest run in an environment with neuroderive installed imports this module, so
it imports only pytest, the standard library and `derive.project`; SymPy, the derivation and
the checker load when pytest collects a derivation file, and not before.

A derivation file is a module of the library (`derive/library/*.py`) or a derivation file
of the project's `[tool.derive] paths` (see `derive.project`): pytest collects it when it
lies in `testpaths` or is named on the command line, like any test module. Items:

    random_walk.py::random-walk::step-3        judged by derive.check.check_step
    random_walk.py::random-walk::check-msd     run by derive.verify.run_check

A failure prints the report `derive check` prints, not a traceback. `--derive-strict` fails a
numerically-only step as `derive check --strict` does. Under pytest-xdist (`-n N`) each worker
collects the same items and runs them in its main thread, so the verdicts and the SIGALRM time
limits are those of a single process (tests/test_pytest_plugin.py holds both).
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

import derive
from derive import project

LIBRARY = Path(derive.__file__).resolve().parent / "library"
DEFAULT_TIME_LIMIT = 20.0  # derive.check.Settings.seconds_per_step, without importing SymPy


class DerivationFailure(Exception):
    """A step that does not hold or a numeric check that fails: the message is the report."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("derive", "derivations (neuroderive)")
    group.addoption("--derive-symbolic-only", action="store_true",
                    help="check every step but skip the numeric checks (the simulations)")
    group.addoption("--derive-seed", type=int, default=0, metavar="N",
                    help="seed of the numeric checks (default 0)")
    group.addoption("--derive-strict", action="store_true",
                    help="a numerically-only step (agrees at the sample points, not proved) fails")
    group.addoption("--derive-time-limit", type=float, default=DEFAULT_TIME_LIMIT, metavar="S",
                    help="seconds of symbolic work allowed per step (default %(default)g)")


class _Finder:
    """Decides which files are derivations, reading each pyproject.toml once per run."""

    def __init__(self) -> None:
        self.roots: dict[Path, tuple[Path, ...]] = {}
        self.ids: dict[str, Path] = {}

    def is_derivation(self, path: Path) -> bool:
        if not project.is_derivation_name(path):
            return False
        path = path.resolve()
        if path.parent == LIBRARY:
            return True
        pyproject = project.find_pyproject(path.parent)
        if pyproject is None:
            return False
        if pyproject not in self.roots:
            try:
                self.roots[pyproject] = tuple(project.configured_paths(pyproject))
            except project.ProjectError as error:
                warnings.warn(pytest.PytestConfigWarning(f"derive: {error}"), stacklevel=1)
                self.roots[pyproject] = ()
        roots = self.roots[pyproject]
        return path.parent in roots or path in roots


_FINDER = pytest.StashKey[_Finder]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_FINDER] = _Finder()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix == ".py" and parent.config.stash[_FINDER].is_derivation(file_path):
        return DerivationFile.from_parent(parent, path=file_path)
    return None


class DerivationFile(pytest.File):
    """A derivation module: one node, the derivation."""

    def collect(self):
        from derive import registry
        from derive.model import InputError

        from derive.verify import require_measurements_checked

        try:
            derivation = registry.load_file(self.path)
            require_measurements_checked(derivation)  # as `derive check` does: bad input, not a pass
        except InputError as error:
            raise self.CollectError(str(error)) from None
        ids = self.config.stash[_FINDER].ids
        other = ids.setdefault(derivation.id, self.path.resolve())
        if other != self.path.resolve():
            raise self.CollectError(f"derivation id {derivation.id!r} is used by both {other} "
                                    f"and {self.path}")
        yield DerivationNode.from_parent(self, name=derivation.id, derivation=derivation)


class DerivationNode(pytest.Collector):
    """A derivation: its steps, then its numeric checks."""

    def __init__(self, *, derivation: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.derivation = derivation

    def collect(self):
        for number, step in enumerate(self.derivation.steps, start=1):
            yield StepItem.from_parent(self, name=f"step-{number}", number=number)
        for numeric in self.derivation.checks:
            yield CheckItem.from_parent(self, name=f"check-{numeric.name}", numeric=numeric)


class _DerivationItem(pytest.Item):
    @property
    def derivation(self) -> Any:
        return self.parent.derivation

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, DerivationFailure):
            return str(excinfo.value)  # the report is the message; a traceback would bury it
        return super().repr_failure(excinfo, style)

    def _location(self, where: tuple[str, int], description: str) -> tuple[Path, int, str]:
        return Path(where[0]), max(where[1] - 1, 0), description


class StepItem(_DerivationItem):
    """One step, judged as `derive check` judges it."""

    def __init__(self, *, number: int, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.number = number

    def runtest(self) -> None:
        from derive.check import Settings, check_step

        settings = Settings(seconds_per_step=self.config.getoption("derive_time_limit"))
        result = check_step(self.derivation, self.number, settings)
        if not result.ok:
            raise DerivationFailure(result.explain() or f"{result.heading}: {result.status.value}")
        if result.status.value == "numerically-only" and self.config.getoption("derive_strict"):
            raise DerivationFailure(f"{result.heading} is only numerically checked, not proved "
                                    f"(--derive-strict)\n  at {result.location}\n  note: {result.note}")

    def reportinfo(self) -> tuple[Path, int, str]:
        step = self.derivation.steps[self.number - 1]
        return self._location(step.location, f"{self.derivation.id}, step {self.number} '{step.label}'")


class CheckItem(_DerivationItem):
    """One numeric check: the derived result against its simulation."""

    def __init__(self, *, numeric: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.numeric = numeric

    def runtest(self) -> None:
        if self.config.getoption("derive_symbolic_only"):
            pytest.skip("numeric checks skipped (--derive-symbolic-only)")
        from derive.model import InputError
        from derive.verify import run_check

        try:
            result = run_check(self.derivation, self.numeric, self.config.getoption("derive_seed"))
        except InputError as error:
            raise DerivationFailure(f"{self.derivation.id}, check '{self.numeric.name}': {error}") from None
        if not result.passed:
            raise DerivationFailure(result.explain())

    def reportinfo(self) -> tuple[Path, int, str]:
        check = self.numeric
        description = f"{self.derivation.id}, check '{check.name}' (step '{check.step}')"
        return self._location(check.location, description)
