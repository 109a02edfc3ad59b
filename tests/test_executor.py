"""Where units of work run: one process, forked processes, a Dask cluster: the same results, and
a worker that dies loses nothing (its unit is run again elsewhere, or reported lost by name)."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from derive import cli, executor, mutate, registry, sweep
from derive.model import InputError
from derive.progress import Progress

distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")

# A derivation with one numeric check whose simulation kills the process running it, unless it is
# the test's own process: always (KILL_AFTER = 0) or only the first time (a marker file remembers).
KILLER = '''\
"""The membrane time constant, checked by a simulation that kills its worker."""

import os
from pathlib import Path

import numpy as np
import sympy as sp
from sympy.physics.units import capacitance, impedance, time

from derive import Derivation, Estimate, SymbolTable, Text, by, define, simulated, step

symbols = SymbolTable()
R = symbols.add("R", impedance, "membrane resistance", "膜电阻", positive=True)
C = symbols.add("C", capacitance, "membrane capacitance", "膜电容", positive=True)
g = symbols.add("g", 1 / impedance, "membrane conductance", "膜电导", positive=True)
tau = symbols.add("tau", time, "membrane time constant", "膜时间常数", positive=True)
MARKER = Path({marker!r})


def area_under_discharge(at, rng):
    if os.getpid() != {parent} and ({always} or not MARKER.exists()):
        MARKER.touch()
        os._exit(1)  # the worker dies mid-task
    noise = rng.normal(0.0, 1e-9, 1000)  # the check's own stream: part of the report compared
    def area(steps_per_tau):
        dt = at[R] * at[C] / steps_per_tau
        return float(np.sum((1 - dt / (at[R] * at[C])) ** np.arange(60 * steps_per_tau)) * dt)
    return Estimate.from_refinement(area(2000) + float(noise.mean()) * 1e-12, area(1000), 120_000, 1)


derivation = Derivation(
    id="{id}", title=Text("Membrane time constant", "膜时间常数"),
    question=Text("How fast does a membrane charge?", "细胞膜充电有多快？"), section="2",
    symbols=symbols.freeze(),
    steps=(
        define("time-constant", sp.Eq(tau, R * C), "tau is R times C.", "tau 等于 R 乘以 C。"),
        define("conductance", sp.Eq(g, 1 / R), "g is 1/R.", "g 等于 1/R。"),
        step("in-conductance", sp.Eq(tau, C / g), by.substituting("time-constant", "conductance"),
             "In terms of the conductance.", "用电导表示。"),
    ),
    checks=(simulated("area", "time-constant", area_under_discharge, {{R: 1e8, C: 1e-10}},
                      "Area under an Euler-integrated discharge.", "用欧拉法积分的放电曲线下的面积。"),),
    module=__name__,
)
'''


def killer(folder: Path, id: str, always: bool) -> Path:
    path = folder / f"{id.replace('-', '_')}.py"
    path.write_text(KILLER.format(marker=str(folder / f"{id}.died"), parent=os.getpid(), always=always, id=id),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cluster():
    """Two worker processes of one thread, shared by this module's tests, set up as `derive`'s own
    local cluster: a task whose worker dies is rescheduled twice, then reported."""
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 2,
                          "distributed.scheduler.worker-saturation": 1.0}):
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                      silence_logs=50) as running:
            yield running


@pytest.fixture(autouse=True)
def no_leftover_paths():
    yield
    registry.search_also([])


def report_without_timings(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(["check", "--json", *argv])
    out, err = capsys.readouterr()

    def strip(node):
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "seconds"}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return code, json.dumps(strip(json.loads(out)), indent=2, ensure_ascii=False), err


def test_one_process_two_processes_and_a_dask_cluster_give_byte_identical_reports(capsys):
    ids = ["random-walk", "equipartition"]  # symbolic steps and statistical checks, a few seconds each
    serial = report_without_timings(capsys, *ids, "--seed", "5", "--jobs", "1")
    forked = report_without_timings(capsys, *ids, "--seed", "5", "--jobs", "2")
    on_dask = report_without_timings(capsys, *ids, "--seed", "5", "--executor", "dask", "--jobs", "2")
    assert serial[0] == forked[0] == on_dask[0] == 0
    assert serial[1] == forked[1] == on_dask[1]
    assert '"estimate"' in serial[1] and '"proved"' in serial[1]


def test_a_scheduler_address_runs_the_check_on_that_cluster(capsys, cluster):
    code, report, err = report_without_timings(capsys, "equipartition", "--scheduler", cluster.scheduler_address)
    assert code == 0 and report == report_without_timings(capsys, "equipartition", "--jobs", "1")[1]
    assert "equipartition: ok" in err


def test_a_project_file_travels_to_the_workers_by_its_path(capsys, cluster, tmp_path):
    path = killer(tmp_path, "survivor", always=False)
    (tmp_path / "survivor.died").touch()  # already died once: this run's simulation lives
    on_dask = report_without_timings(capsys, "survivor", "--path", str(path), "--scheduler", cluster.scheduler_address)
    serial = report_without_timings(capsys, "survivor", "--path", str(path), "--jobs", "1")
    assert on_dask[0] == serial[0] == 0 and on_dask[1] == serial[1]


def test_a_task_whose_dask_worker_dies_is_run_again_on_another_and_nothing_is_lost(capsys, cluster, tmp_path):
    path = killer(tmp_path, "dies-once", always=False)
    code, report, err = report_without_timings(capsys, "dies-once", "equipartition", "--path", str(path),
                                               "--scheduler", cluster.scheduler_address)
    assert (tmp_path / "dies-once.died").exists()  # a worker did die running it
    assert code == 0, err
    assert [d["id"] for d in json.loads(report)["derivations"]] == ["dies-once", "equipartition"]


def test_a_unit_that_kills_every_dask_worker_it_runs_on_is_reported_lost_by_name(cluster):
    parent = os.getpid()

    def square_or_die(x):  # pickled by value: a worker restarts without importing derive
        if x == 2 and os.getpid() != parent:
            os._exit(1)
        return x * x

    units = [executor.Unit(f"point {x}", (x,)) for x in (1, 2, 3)]
    with executor.Dask(cluster.scheduler_address) as on_dask:
        results = on_dask.map(square_or_die, units)
    assert results[0] == 1 and results[2] == 9  # the others are not lost with it
    assert results[1] == executor.Lost("point 2", "the Dask worker running it died, and again each time it "
                                                  "was rescheduled")


def test_a_forked_worker_that_dies_is_run_again_alone_and_nothing_is_lost(capsys, tmp_path):
    path = killer(tmp_path, "dies-once", always=False)
    code, report, err = report_without_timings(capsys, "dies-once", "equipartition", "--path", str(path),
                                               "--jobs", "2")
    assert (tmp_path / "dies-once.died").exists() and code == 0, err
    assert len(json.loads(report)["derivations"]) == 2


def test_a_unit_that_kills_every_forked_worker_is_reported_lost_by_name_not_a_traceback(capsys, tmp_path):
    path = killer(tmp_path, "always-dies", always=True)
    code, report, err = report_without_timings(capsys, "always-dies", "equipartition", "--path", str(path),
                                               "--jobs", "2")
    derivations = {d["id"]: d for d in json.loads(report)["derivations"]}
    assert code == 1 and "Traceback" not in err and "BrokenProcessPool" not in err
    assert derivations["equipartition"]["passed"]
    assert derivations["always-dies"]["lost"] == ("its worker process died while running it, "
                                                  "and again when it ran alone")
    assert "always-dies: LOST (not checked: its worker process died" in err


def test_mutation_self_test_on_dask_gives_the_report_of_one_process(cluster, tmp_path):
    path = killer(tmp_path, "mutated", always=False)
    (tmp_path / "mutated.died").touch()
    registry.search_also([path])
    derivations = registry.select(["mutated"])

    def without_timings(report: mutate.MutationReport) -> dict:
        document = report.to_json()
        document.pop("seconds")
        for d in document["derivations"]:
            d.pop("seconds")
        return document

    serial = mutate.run(derivations)
    with executor.Dask(cluster.scheduler_address) as on_dask:
        remote = mutate.run(derivations, executor=on_dask)
    assert serial.tally.mutants >= 10 and without_timings(serial) == without_timings(remote)


def test_progress_counts_the_units_completed_across_the_cluster(cluster):
    stream = io.StringIO()
    progress = Progress(stream, live=True)
    from derive import pipeline

    with executor.Dask(cluster.scheduler_address) as on_dask:
        report = pipeline.check(registry.select(["equipartition", "random-walk"]), symbolic_only=True,
                                progress=progress, executor=on_dask)
    shown = stream.getvalue()
    assert report.exit_code == 0
    assert "checked 1 of 2 derivations on the Dask scheduler tcp://" in shown and "of 2 workers" in shown
    assert "equipartition: ok" in shown and "random-walk: ok" in shown


def test_a_derivation_changed_in_this_process_cannot_travel_to_dask_workers(cluster):
    walk = registry.select(["random-walk"])[0]
    changed = walk.with_claim(walk.steps[3].label, walk.steps[2].claim)
    with pytest.raises(InputError, match=r"^derivation 'random-walk' is not the one its module .* --jobs instead$"):
        registry.ship(changed, portable=True)


def test_sweep_returns_results_in_grid_order_on_every_executor(cluster):
    def spread(point, rng):  # each point its own stream, whoever runs it
        return point["a"] * 10 + point["b"], float(rng.normal())

    grid = {"a": [1, 2], "b": [3, 4, 5]}
    serial = sweep(spread, grid, seed=3)
    assert [value for value, _ in serial] == [13, 14, 15, 23, 24, 25]
    assert sweep(spread, grid, seed=3, executor=2) == serial
    with distributed.Client(cluster) as client:
        assert sweep(spread, grid, seed=3, executor=client) == serial
    assert sweep(spread, grid, seed=4) != serial
    assert sweep(lambda x: x * x, [3, 1, 2]) == [9, 1, 4]  # a function of the point alone


def test_a_sweep_point_gets_the_same_stream_whatever_else_the_grid_holds():
    def draw(point, rng):
        return float(rng.random())

    assert sweep(draw, [1.0, 2.0])[1] == sweep(draw, [2.0])[0]


def test_an_unknown_sweep_executor_is_bad_input():
    with pytest.raises(InputError, match=r"^executor='threads': choose 'serial'"):
        sweep(lambda x: x, [1], executor="threads")


def test_a_scheduler_that_refuses_the_connection_is_bad_input_naming_it(capsys):
    code = cli.main(["check", "random-walk", "--scheduler", "tcp://127.0.0.1:1"])
    _, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert err.startswith("derive: error: --scheduler tcp://127.0.0.1:1: cannot connect to a Dask scheduler there")


def test_a_scheduler_address_that_does_not_parse_is_bad_input_naming_it(capsys):
    code = cli.main(["mutate", "random-walk", "--scheduler", "localhost"])
    _, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert err.startswith("derive: error: --scheduler localhost: not a scheduler address")


def test_dask_asked_for_without_dask_installed_is_bad_input_naming_the_extra(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now fails
    code = cli.main(["check", "random-walk", "--executor", "dask"])
    _, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert "--executor dask needs Dask's distributed scheduler, which is not installed: " \
           "pip install 'neuroderive[dask]'" in err


def test_jobs_work_without_dask_installed(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert cli.main(["check", "equipartition", "--symbolic-only", "--jobs", "2"]) == 0


def test_a_units_seed_depends_on_the_run_seed_and_its_name_only():
    assert executor.unit_seed(0, "a/b").entropy == executor.unit_seed(0, "a/b").entropy
    assert executor.unit_seed(0, "a/b").generate_state(2).tolist() != executor.unit_seed(1, "a/b").generate_state(2).tolist()
    assert executor.unit_seed(0, "a/b").generate_state(2).tolist() != executor.unit_seed(0, "a/c").generate_state(2).tolist()
