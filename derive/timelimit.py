"""Run SymPy work under a wall-clock limit, so a hung simplification ends as a reported timeout.

SymPy is pure Python, so a SIGALRM handler interrupts it between bytecodes. Outside the
main thread signals cannot be used; there the work runs without a limit, and says so.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


class TimeLimitExceeded(Exception):
    """The work did not finish within its limit."""


def available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TimeLimitExceeded in the body after `seconds` of wall time."""
    if seconds <= 0:
        raise TimeLimitExceeded()
    if not available():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TimeLimitExceeded()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def within(seconds: float, work: Callable[[], T]) -> T:
    """work() under a time limit."""
    with time_limit(seconds):
        return work()
