"""Headless Chromium driven through the DevTools protocol over a pipe (standard library only).

`Browser.open(url, width)` loads a page at a phone's or a desktop's width and returns what a
test needs: console errors and uncaught exceptions, failed loads, the page's scroll width, and
a screenshot. Chromium runs as root here, so it needs --no-sandbox; a fresh profile every time.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--remote-debugging-pipe",
]


def executable() -> str | None:
    return next(
        (path for name in ("chromium", "chromium-browser", "google-chrome") if (path := shutil.which(name))),
        None,
    )


@dataclass
class Page:
    """What loading one page showed."""

    url: str
    errors: list[str] = field(default_factory=list)  # console errors, exceptions, failed loads
    scroll_width: int = 0
    viewport_width: int = 0
    facts: dict[str, Any] = field(default_factory=dict)
    screenshot: bytes = b""


class Browser:
    """One Chromium process; pages are opened one after another in new tabs."""

    def __init__(self) -> None:
        chromium = executable()
        if chromium is None:
            raise FileNotFoundError("no chromium")
        self._profile = tempfile.mkdtemp(prefix="derive-chromium-")
        to_chromium, self._write = os.pipe()
        self._read, from_chromium = os.pipe()

        # Chromium reads commands on fd 3 and writes answers and events on fd 4.
        def as_fds_3_and_4() -> None:  # in the child, before exec: copies first, as either may be 3 or 4
            reading, writing = os.dup(to_chromium), os.dup(from_chromium)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self._process = subprocess.Popen(
            [chromium, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            pass_fds=(3, 4),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=as_fds_3_and_4,
        )
        os.close(to_chromium)
        os.close(from_chromium)
        self._buffer = b""
        self._next_id = 0
        self._events: list[dict[str, Any]] = []

    def close(self) -> None:
        try:
            self._send("Browser.close")
        except OSError:
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
        os.close(self._write)
        os.close(self._read)
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise OSError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _send(self, method: str, session: str | None = None, timeout: float = 30, **params: Any) -> dict:
        self._next_id += 1
        command: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session:
            command["sessionId"] = session
        os.write(self._write, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            message = self._receive(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._events.append(message)

    def _wait_for(self, event: str, session: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == event and e.get("sessionId") == session for e in self._events):
            self._events.append(self._receive(deadline))

    def open(
        self,
        url: str,
        width: int,
        height: int = 900,
        mobile: bool = False,
        facts: dict[str, str] | None = None,
    ) -> Page:
        """Load `url`, wait for its load event, and report; `facts` are JavaScript expressions to evaluate."""
        target = self._send("Target.createTarget", url="about:blank")["targetId"]
        session = self._send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self._send(f"{domain}.enable", session)
        self._send(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=mobile,
        )
        self._events.clear()
        self._send("Page.navigate", session, url=url)
        self._wait_for("Page.loadEventFired", session)
        page = Page(url)
        page.scroll_width = self._evaluate(session, "document.documentElement.scrollWidth")
        page.viewport_width = self._evaluate(session, "window.innerWidth")
        for name, expression in (facts or {}).items():
            page.facts[name] = self._evaluate(session, expression)
        page.screenshot = base64.b64decode(
            self._send("Page.captureScreenshot", session, format="png")["data"]
        )
        page.errors = [_describe(e) for e in self._events if e.get("sessionId") == session and _is_error(e)]
        self._send("Target.closeTarget", targetId=target)
        return page

    def _evaluate(self, session: str, expression: str) -> Any:
        answer = self._send("Runtime.evaluate", session, expression=expression, returnByValue=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(f"{expression}: {answer['exceptionDetails']}")
        return answer["result"].get("value")


def _is_error(event: dict[str, Any]) -> bool:
    method, params = event.get("method"), event.get("params", {})
    if method == "Runtime.exceptionThrown":
        return True
    if method == "Runtime.consoleAPICalled":
        return params.get("type") in ("error", "assert", "warning")
    if method == "Log.entryAdded":
        return params.get("entry", {}).get("level") in ("error", "warning")
    return False


def _describe(event: dict[str, Any]) -> str:
    params = event.get("params", {})
    if "entry" in params:
        entry = params["entry"]
        return f"{entry.get('level')}: {entry.get('text')} ({entry.get('url', '')})"
    if "exceptionDetails" in params:
        return f"exception: {params['exceptionDetails'].get('text')}"
    return f"console {params.get('type')}: {[a.get('value') for a in params.get('args', [])]}"
