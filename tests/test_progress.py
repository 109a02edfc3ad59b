"""Progress goes to stderr: a live line on a terminal, one summary line per derivation in logs."""

from __future__ import annotations

import io
import time

from derive.library import random_walk as rw
from derive.pipeline import check
from derive.progress import Progress


def test_live_progress_names_the_derivation_and_step_and_ends_with_a_summary():
    stream = io.StringIO()
    check([rw.derivation], symbolic_only=True, progress=Progress(stream, live=True))
    text = stream.getvalue()
    steps = len(rw.derivation.steps)
    msd = rw.derivation.labels.index("msd") + 1
    assert f"\r\x1b[Krandom-walk: step {msd}/{steps} 'msd'" in text
    assert text.rstrip().endswith("numeric checks skipped) in " + text.rstrip().rsplit(" in ", 1)[1])


def test_live_line_keeps_ticking_during_long_work():
    stream = io.StringIO()
    progress = Progress(stream, live=True)
    progress.doing("random-walk: simulating 'msd' (1/1)")
    time.sleep(0.6)
    progress.close()
    assert stream.getvalue().count("simulating 'msd'") >= 2


def test_log_progress_prints_only_one_line_per_derivation():
    stream = io.StringIO()
    check([rw.derivation], symbolic_only=True, progress=Progress(stream, live=False))
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"random-walk: ok ({len(rw.derivation.steps)} steps:")
