"""Run SymPy work under a wall-clock limit, so a hung simplification ends as a reported timeout.

SymPy is pure Python, so it can be interrupted between bytecodes. In the main thread a
SIGALRM timer does it; in any other thread a watchdog raises the exception in the working
thread (`PyThreadState_SetAsyncExc`). Limits nest: an inner limit never extends or cancels an
outer one (the earliest deadline always rules), and a timer that was already running when the
first limit started (pytest-timeout's, say) is put back, with the time it has left, at the end.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


class TimeLimitExceeded(Exception):
    """The work did not finish within its limit."""


_local = threading.local()


def available() -> bool:
    """Whether this platform can interrupt the current thread (SIGALRM, or async exceptions)."""
    return hasattr(signal, "setitimer") or hasattr(ctypes, "pythonapi")


def _deadlines() -> list[float]:
    if not hasattr(_local, "deadlines"):
        _local.deadlines = []
    return _local.deadlines


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitExceeded in the body after `seconds` of wall time (or earlier, when an
    enclosing limit ends first)."""
    if seconds <= 0:
        raise TimeLimitExceeded()
    deadlines = _deadlines()
    own = time.monotonic() + seconds
    if deadlines and deadlines[-1] <= own:  # an enclosing limit ends first: it alone rules
        if time.monotonic() >= deadlines[-1]:
            raise TimeLimitExceeded()  # it has already ended (its exception was caught and dropped)
        deadlines.append(deadlines[-1])
        try:
            yield
        finally:
            deadlines.pop()
        if time.monotonic() >= deadlines[-1]:
            raise TimeLimitExceeded()
        return
    outermost = not deadlines
    deadlines.append(own)
    try:
        if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
            with _alarm(own, outermost):
                yield
        else:
            with _watchdog(own):
                yield
    finally:
        deadlines.pop()
    # the body ran past a deadline but dropped the exception (or this limit's inner work did):
    # the limit still ends here
    if time.monotonic() >= (deadlines[-1] if deadlines else own):
        raise TimeLimitExceeded()


@contextmanager
def _alarm(deadline: float, outermost: bool) -> Iterator[None]:
    def expire(signum: int, frame: object) -> None:
        raise TimeLimitExceeded()

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    foreign, _ = signal.getitimer(signal.ITIMER_REAL) if outermost else (0.0, 0.0)
    signal.setitimer(signal.ITIMER_REAL, max(deadline - started, 1e-6))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        deadlines = _deadlines()
        if len(deadlines) > 1:  # re-arm the enclosing limit for the time it has left
            signal.signal(signal.SIGALRM, expire)
            signal.setitimer(signal.ITIMER_REAL, max(deadlines[-2] - time.monotonic(), 1e-6))
        elif foreign > 0:  # someone else's timer (pytest-timeout): give it back what it has left
            signal.setitimer(signal.ITIMER_REAL, max(foreign - (time.monotonic() - started), 1e-6))


@contextmanager
def _watchdog(deadline: float) -> Iterator[None]:
    """Outside the main thread: a timer thread raises TimeLimitExceeded in this one."""
    target = threading.get_ident()
    done = threading.Event()

    def fire() -> None:
        if not done.wait(max(deadline - time.monotonic(), 0.0)):
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(TimeLimitExceeded))

    watcher = threading.Thread(target=fire, daemon=True, name="derive-time-limit")
    watcher.start()
    try:
        yield
    finally:
        done.set()
        watcher.join()
        # an exception raised just as the body finished must not escape later, elsewhere
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)


def within(seconds: float, work: Callable[[], T]) -> T:
    """work() under a time limit."""
    with time_limit(seconds):
        return work()
