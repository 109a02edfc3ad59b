"""The README's tutorial, "Your first derivation", followed literally in an empty folder.

Its ```sh blocks run in order, in one working directory that `cd` carries from block to
block, with this environment's bin/ first on PATH. A ```text block right after a block is
what it prints: each line must appear, in order, in the output (timings aside). The ```python
block whose first line is `# PATH` is a file to save there; any other ```python block is the
edit the tutorial asks for: it replaces the line the following report points at
(`at FILE:LINE`), after which `derive check` must fail with that report; the line is then put
back. The ```toml block must be in the pyproject.toml `derive new` wrote. The ```yaml block
of a GitHub Actions workflow has its `run:` commands run (except the pip install, which this
environment has done).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"
SECTION = "## Your first derivation"


@dataclass
class Block:
    lang: str
    text: str


def tutorial_blocks() -> list[Block]:
    text = README.read_text(encoding="utf-8")
    assert SECTION in text, f"README.md has no section {SECTION!r}"
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return [Block(lang, body) for lang, body in re.findall(r"^```(\w*)\n(.*?)^```$", section, re.M | re.S)]


def normal(line: str) -> str:
    """Whitespace collapsed and timings blanked: `in 0.09 s` and `in 1.61s` become `in _s`."""
    return re.sub(r"\d+\.\d+ ?s\b", "_s", " ".join(line.split()))


def assert_shows(output: str, expected: str, what: str) -> None:
    lines = [normal(line) for line in output.splitlines()]
    position = 0
    for wanted in (normal(line) for line in expected.splitlines() if line.strip()):
        found = next((i for i in range(position, len(lines)) if wanted in lines[i]), None)
        assert found is not None, f"{what}: the README shows\n  {wanted}\nbut the output is:\n{output}"
        position = found + 1


class Shell:
    """Runs blocks one after another, keeping the working directory between them."""

    def __init__(self, folder: Path, marker: Path):
        self.cwd, self.marker = folder, marker
        self.env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
        self.env.pop("PYTEST_ADDOPTS", None)

    def run(self, script: str, expect_status: int = 0) -> str:
        wrapped = f"set -e\n{script}\npwd > '{self.marker}'\n" if expect_status == 0 else script
        done = subprocess.run(["bash", "-c", wrapped], cwd=self.cwd, env=self.env, capture_output=True,
                              text=True, timeout=600)
        output = done.stdout + done.stderr
        assert done.returncode == expect_status, f"{script!r} exited with {done.returncode}:\n{output}"
        if expect_status == 0:
            self.cwd = Path(self.marker.read_text().strip())
        return output


def test_the_readme_tutorial_works_as_written(tmp_path):
    blocks = tutorial_blocks()
    langs = [b.lang for b in blocks]
    assert langs.count("sh") >= 4 and "python" in langs, langs
    start = tmp_path / "empty"
    start.mkdir()
    shell = Shell(start, tmp_path / "cwd.txt")
    table_checked = workflow_run = False
    index = 0
    while index < len(blocks):
        block = blocks[index]
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        following = after if after is not None and after.lang == "text" else None
        if block.lang == "sh":
            output = shell.run(block.text)
            if following:
                assert_shows(output, following.text, block.text.strip())
        elif block.lang == "toml" and not table_checked:
            assert block.text in (shell.cwd / "pyproject.toml").read_text()
            table_checked = True
        elif block.lang == "python" and re.match(r"# \S+\.py\n", block.text):
            path = block.text.split("\n", 1)[0].removeprefix("# ")
            (shell.cwd / path).write_text(block.text, encoding="utf-8")
        elif block.lang == "yaml" and "runs-on:" in block.text:
            commands = re.findall(r"^\s*- run: (.*)$", block.text, re.M)
            assert commands, "the workflow runs nothing"
            for command in commands:
                if "pip install" not in command:
                    shell.run(command)
            assert (shell.cwd / "reports" / "derive.xml").is_file()
            workflow_run = True
        elif block.lang == "python":
            assert following, "the edit must be followed by the report it causes"
            path, line = re.search(r"at (\S+):(\d+)", following.text).groups()
            module = shell.cwd / path
            original = module.read_text()
            lines = original.splitlines(keepends=True)
            edited = block.text.rstrip("\n")
            label = re.match(r'\s*\w+\("[^"]+",', edited).group(0)
            assert lines[int(line) - 1].startswith(label), f"{path}:{line} is not {label.strip()!r}"
            lines[int(line) - 1] = edited + "\n"
            module.write_text("".join(lines))
            output = shell.run("derive check", expect_status=1)
            assert_shows(output, following.text, "derive check after the edit")
            module.write_text(original)  # "Put the line back"
            shell.run("derive check")
        if following:
            index += 1
        index += 1
    assert table_checked and workflow_run
    handouts = sorted(p.relative_to(shell.cwd).as_posix() for p in shell.cwd.glob("handouts/*/*.md"))
    # each handout in its three views: the student's, the audit and the worksheet
    assert handouts == ["handouts/en/index.md", *(f"handouts/en/{stem}{view}.md" for stem in ("spike_counts", "spike_intervals")
                                                   for view in (".audit", "", ".worksheet"))]
