"""The time limit is re-entrant (issue 13, item 14): an inner limit neither cancels nor extends
an outer one, an alarm set by someone else (pytest-timeout) survives a check, and in a thread,
where no signal can interrupt, the limit is either enforced or says that it is not."""

from __future__ import annotations

import signal
import threading
import time
import warnings

import pytest

from derive.timelimit import TimeLimitExceeded, time_limit


def busy(seconds: float) -> float:
    """Spin for `seconds` (interruptible between bytecodes); return how long it ran."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        pass
    return time.perf_counter() - started


def test_an_inner_limit_that_ended_does_not_cancel_the_outer_one() -> None:
    started = time.perf_counter()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.5):
            with time_limit(5.0):
                busy(0.05)
            busy(2.0)  # the outer 0.5 s must stop this
    assert time.perf_counter() - started < 1.5


def test_an_inner_limit_longer_than_the_outer_one_does_not_extend_it() -> None:
    started = time.perf_counter()
    with pytest.raises(TimeLimitExceeded):
        with time_limit(0.5):
            with time_limit(5.0):
                busy(2.0)
    assert time.perf_counter() - started < 1.5


def test_an_inner_limit_still_works_inside_an_outer_one() -> None:
    started = time.perf_counter()
    with time_limit(5.0):
        with pytest.raises(TimeLimitExceeded):
            with time_limit(0.2):
                busy(2.0)
    assert time.perf_counter() - started < 1.0


def test_someone_elses_alarm_survives_a_limit() -> None:
    """pytest-timeout and others arm SIGALRM themselves; a check in between must leave it armed."""
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 3.0)
    try:
        with time_limit(0.5):
            busy(0.01)
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        handler = signal.getsignal(signal.SIGALRM)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert remaining > 2.0, f"the outer alarm was cancelled (remaining {remaining:.2f} s)"
    assert handler is not signal.SIG_DFL and not fired


def test_a_limit_in_a_thread_is_enforced_or_says_it_is_not() -> None:
    outcome: dict[str, object] = {}

    def work() -> None:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            started = time.perf_counter()
            try:
                with time_limit(0.2):
                    busy(1.0)
            except TimeLimitExceeded:
                outcome["stopped_after"] = time.perf_counter() - started
            except Exception as error:  # a clear refusal is honest too
                outcome["refused"] = f"{type(error).__name__}: {error}"
        outcome["warnings"] = [str(w.message) for w in caught]

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(5)
    said = " ".join(outcome.get("warnings", [])) + str(outcome.get("refused", ""))
    enforced = outcome.get("stopped_after", 99) < 0.8
    assert enforced or ("thread" in said.lower() and "limit" in said.lower()), (
        f"in a thread the 0.2 s limit let 1 s run and nothing said so: {outcome}")


def test_every_part_of_judging_a_step_runs_under_its_limit() -> None:
    """Printing, dimensions, sampling and lambdify of a 3000-term claim are part of judging it: with
    a 0.5 s limit per step, the step ends (timed out or judged) within a few seconds, not the ~10 s
    that printing the claim alone took outside the limit."""
    import sympy as sp

    from derive import Derivation, SymbolTable, Text, by, step
    from derive.check import Settings, check_step

    table = SymbolTable()
    x = table.add("x", 1, "x", "x", real=True)
    big = sp.Add(*[sp.sin(i * x) / (i + 1) for i in range(3000)])
    derivation = Derivation(id="big", title=Text("", ""), question=Text("", ""), section="test",
                            symbols=table.freeze(), steps=(step("big", (big, big + sp.sin(x) / 7000), by.algebra()),))
    started = time.perf_counter()
    check_step(derivation, 1, Settings(seconds_per_step=0.5))
    assert time.perf_counter() - started < 4.0
