"""`derive new NAME`: a derivation module and its test, ready to edit, that pass as written.

The module is a small complete example (a Poisson neuron: the mean interval between spikes
is 1/r, so a window of length T holds r T spikes) with symbols, a definition, three checked
steps, a numeric check against a simulation and prose in English and Chinese. Its user
replaces the example with their own mathematics, keeping the shape.

Where files go: the module into `--dir`, else the first folder of `[tool.derive] paths`,
else `derivations/` of the project; the test into `tests/` of the project. The project is the
working directory, or the folder of a pyproject.toml above it that has a `[tool.derive]`
table. Without a pyproject.toml in the project, one is written with `[tool.derive] paths`; one
in the working directory without the table gets it appended; one whose table misses the
module's folder is left alone, with a hint. No file is ever overwritten, and no file above
the working directory is changed.
"""

from __future__ import annotations

import keyword
import os
import re
from dataclasses import dataclass
from pathlib import Path

from derive import project
from derive.model import InputError

NAME = re.compile(r"[a-z][a-z0-9]*(_[a-z0-9]+)*")


@dataclass(frozen=True)
class Scaffold:
    """What `derive new` wrote, and what the user may need to do about the configuration."""

    module: Path
    test: Path
    id: str
    written: tuple[Path, ...]
    hint: str = ""


def derivation_id(name: str) -> str:
    """The id of a topic module: `spike_intervals` → `spike-intervals`."""
    return name.replace("_", "-")


def create(name: str, folder: Path | None = None, cwd: Path | None = None) -> Scaffold:
    """Write the module, its test and, if needed, the `[tool.derive]` configuration."""
    if not NAME.fullmatch(name) or keyword.iskeyword(name):
        raise InputError(f"{name!r} is not a topic name: use lowercase words joined by underscores, "
                         "such as spike_intervals")
    if not project.is_derivation_name(Path(f"{name}.py")):
        stem = name.removeprefix("test_").removesuffix("_test")
        better = f" such as {stem!r}" if stem and stem != name and NAME.fullmatch(stem) else ""
        raise InputError(f"{name!r}: derive and pytest would not find a derivation named {name}.py "
                         "(test_*.py, *_test.py and conftest.py are tests, not derivations); "
                         f"choose another name{better}")
    cwd = (cwd or Path.cwd()).resolve()
    pyproject = project.find_pyproject(cwd)
    outer = ""
    try:
        if pyproject is not None and pyproject.parent != cwd and project.read_table(pyproject) is None:
            # another project's pyproject.toml, above and not ours: leave it alone, start one here
            outer, pyproject = str(pyproject), None
        configured = [p for p in project.configured_paths(pyproject) if p.is_dir()] if pyproject else []
    except project.ProjectError as error:
        raise InputError(str(error)) from error
    root = pyproject.parent if pyproject else cwd
    if folder is not None:
        folder = (cwd / folder).resolve()
    else:
        folder = configured[0] if configured else root / "derivations"
    module = folder / f"{name}.py"
    test = root / "tests" / f"test_{name}.py"
    existing = [p for p in (module, test) if p.exists()]
    if existing:
        raise InputError(f"{', '.join(shown(p, cwd) for p in existing)} already exists; "
                         "derive new never overwrites a file (choose another name or delete it)")

    written = []
    hint = ""
    entry = _relative(folder, root)
    table = f'[tool.derive]\npaths = ["{entry}"]\nlanguages = ["en"]\n'
    if pyproject is None:
        pyproject = root / project.PYPROJECT
        pyproject.write_text("# Where `derive` and its pytest plugin look for derivations, and the languages\n"
                             "# `derive render` writes (add \"zh\" for Chinese handouts).\n" + table,
                             encoding="utf-8")
        written.append(pyproject)
        if outer:
            hint = (f"{outer} has no [tool.derive] table, so this folder is a project of its own "
                    "(run derive and pytest here)")
    elif project.read_table(pyproject) is None:
        text = pyproject.read_text(encoding="utf-8")
        separator = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
        pyproject.write_text(text + separator + table, encoding="utf-8")
        written.append(pyproject)
    elif folder not in configured:
        hint = (f"{shown(pyproject, cwd)}: add {entry!r} to [tool.derive] paths, so that `derive` "
                "and pytest find the new module")

    ident = derivation_id(name)
    folder.mkdir(parents=True, exist_ok=True)
    test.parent.mkdir(parents=True, exist_ok=True)
    module.write_text(MODULE.format(name=name, id=ident, title=name.replace("_", " ").capitalize()),
                      encoding="utf-8")
    written.append(module)
    test.write_text(TEST.format(name=name, id=ident, module_from_test=_parts(module, test.parent)),
                    encoding="utf-8")
    written.append(test)
    return Scaffold(module, test, ident, tuple(written), hint)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _parts(target: Path, start: Path) -> str:
    """`"..", "derivations", "x.py"`: the target relative to `start`, as arguments of joinpath."""
    relative = Path(os.path.relpath(target, start))
    return ", ".join(repr(part) for part in relative.parts)


def shown(path: Path, cwd: Path | None = None) -> str:
    """A path relative to the working directory when it lies below it."""
    cwd = cwd or Path.cwd().resolve()
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)


MODULE = '''\
"""{title}: the mean interval between the spikes of a Poisson neuron is 1/r.

An example written by `derive new`: replace it with your own derivation, keeping its shape.
The module reads like the handout it renders: the symbols, then the steps (each with its
justification and its prose in English and Chinese), then the numeric checks. Check it with
`derive check {id}`, render it with `derive render {id}`.

Source: P. Dayan and L. F. Abbott, Theoretical Neuroscience (2001), section 1.4.
"""

from __future__ import annotations

import numpy as np
import sympy as sp
import sympy.stats as stats
from sympy.physics.units import time

from derive import Derivation, E, Eq, Estimate, Params, SymbolTable, Text, by, define, simulated, step

# The symbols: name, SI dimension (1 for a pure number), meaning in English and in Chinese, and
# SymPy assumptions. The checker samples each symbol within its assumptions.
symbols = SymbolTable()
r = symbols.add("r", 1 / time, "firing rate", "发放率", positive=True)
T = symbols.add("T", time, "length of the observation window", "观察时间窗的长度", positive=True)
N = symbols.add("N", 1, "mean number of spikes in the window", "时间窗内的平均发放次数", positive=True)
tau = symbols.random("tau", time, "interval between two spikes", "相邻两次发放之间的间隔",
                     latex=r"\\tau", distribution=stats.Exponential("tau", r), positive=True)

NEURON = {{r: 20.0}}  # a cortical neuron firing at 20 spikes per second


def binned_spike_intervals(at: Params, rng: np.random.Generator) -> Estimate:
    """Mean interval of a spike train made of 5 ms bins, each holding a spike with probability r dt.

    The simulation knows only that rule, not the formula it checks. About 250 000 intervals
    give a relative standard error near 0.2 %, within the 0.25 % every check must reach.
    """
    dt = 0.005
    spikes = np.flatnonzero(rng.random(2_500_000) < at[r] * dt)
    return Estimate.mean_of(np.diff(spikes) * dt)


derivation = Derivation(
    id="{id}",
    title=Text("{title}: E[τ] = 1/r", "{title}：E[τ] = 1/r"),
    question=Text("How long does a neuron firing at random at rate r wait between two spikes?",
                  "一个以发放率 r 随机发放的神经元，两次发放之间平均要等多久？"),
    section="1",
    symbols=symbols.freeze(),
    assumptions=(
        Text("The neuron fires as a Poisson process: the intervals between spikes are independent "
             "and exponentially distributed with rate r.",
             "神经元的发放是泊松过程：发放间隔相互独立，服从参数为 r 的指数分布。"),
    ),
    sources=("P. Dayan and L. F. Abbott, Theoretical Neuroscience (2001), §1.4",),
    steps=(
        step("mean-interval", Eq(E(tau), 1 / r), by.moments_of(tau),
             "The mean of an exponential distribution with rate r is 1/r.",
             "参数为 r 的指数分布的均值是 1/r。"),
        define("count", Eq(N, T / E(tau)),
               "A long window of length T holds about T / E[τ] intervals, one spike each.",
               "长度为 T 的长时间窗内大约有 T / E[τ] 个间隔，每个间隔对应一次发放。"),
        step("spike-count", Eq(N, r * T), by.substituting("mean-interval", into="count"),
             "So the mean number of spikes is the rate times the length of the window.",
             "所以平均发放次数等于发放率乘以时间窗的长度。"),
        step("rate-from-count", Eq(r, N / T), by.solving_for(r, "spike-count"),
             "Read the other way: count the spikes and divide by the time to measure the rate.",
             "反过来读：数出发放次数再除以时间，就测得了发放率。"),
    ),
    checks=(
        simulated("mean-interval", "mean-interval", binned_spike_intervals, NEURON,
                  "Mean interval of a 12 500 s binned spike train at 20 spikes per second.",
                  "以每秒 20 次发放、长 12 500 秒的分箱发放序列的平均发放间隔。"),
    ),
    module=__name__,
)
'''

TEST = '''\
"""Tests of the derivation {id}: it passes `derive check`, and a wrong claim is noticed.

pytest also collects each step and numeric check of the module itself (the neuroderive
plugin); these tests show how to test more. Both keep working when you replace the example.
"""

from __future__ import annotations

from pathlib import Path

from derive import cli, registry
from derive.check import check_step

MODULE = Path(__file__).resolve().parent.joinpath({module_from_test})


def test_{name}_passes_derive_check():
    assert cli.main(["check", "--path", str(MODULE), "{id}"]) == 0


def test_{name}_notices_a_wrong_claim():
    """Double the right side of the last checked step: the checker must notice."""
    derivation = registry.load_file(MODULE)
    number = max(n for n, s in enumerate(derivation.steps, start=1) if s.by.kind.value == "checked")
    step = derivation.steps[number - 1]
    wrong = derivation.with_claim(step.label, (step.claim.lhs, 2 * step.claim.rhs))
    result = check_step(wrong, number)
    assert not result.ok, f"doubling the right side of step {{number}} '{{step.label}}' went unnoticed"
'''
