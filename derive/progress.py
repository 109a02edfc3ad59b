"""Progress on stderr, so `--json` on stdout stays clean.

On a terminal: one live line naming the derivation and the step or simulation under way,
with its elapsed time. Elsewhere (CI logs): one line per derivation with its verdict and time.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import TextIO

from derive.report import DerivationResult


class Progress:
    """Reports what the pipeline is doing; `Progress(live=False)` prints only the summaries."""

    def __init__(self, stream: TextIO | None = None, live: bool | None = None, quiet: bool = False):
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty() if live is None else live
        self.quiet = quiet
        self._text = ""
        self._since = time.perf_counter()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    def doing(self, text: str) -> None:
        """Show what is under way now (live mode only)."""
        if not self.live or self.quiet:
            return
        with self._lock:
            self._text, self._since = text, time.perf_counter()
        self._draw()
        if self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, daemon=True)
            self._ticker.start()

    def finished(self, result: DerivationResult) -> None:
        """One line per derivation, in both modes."""
        if self.quiet:
            return
        self._clear()
        print(result.summary(), file=self.stream, flush=True)

    def close(self) -> None:
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=1)
        self._clear()

    def _tick(self) -> None:
        while not self._stop.wait(0.25):
            self._draw()

    def _draw(self) -> None:
        with self._lock:
            if not self._text:
                return
            elapsed = time.perf_counter() - self._since
            line = f"{self._text}  {elapsed:4.1f} s"
            self.stream.write("\r\033[K" + line[:200])
            self.stream.flush()

    def _clear(self) -> None:
        if self.live:
            with self._lock:
                self._text = ""
                self.stream.write("\r\033[K")
                self.stream.flush()
