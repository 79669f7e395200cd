"""Every malformed content and settings file, through the real command line.

What an educator or clinic sees: ``run.py --check FILE`` (content) or
``run.py --check-settings FILE`` (settings) refuses it with exit code 2, a ``file:line``
message where a line exists, no traceback, in under two seconds. The fixtures live in
``tests/fixtures/{malformed,settings}``; the cases that are no files (a 10 MB file,
a folder, a missing path, a pipe, a device) are made here.

The processes run a few at a time (they are independent), so the whole corpus takes
seconds; each is still timed on its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT
from test_loader import CASES as CONTENT_CASES
from test_settings_file import CASES as SETTINGS_CASES

LIMIT_S = 2.0
TEN_MB = 10 * 1024 * 1024


@dataclass(frozen=True)
class Run:
    code: int
    stderr: str
    seconds: float


def run_cli(args: list[str], cwd: Path) -> Run:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}  # never a window
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, str(ROOT / "run.py"), *args], capture_output=True, text=True, timeout=20, cwd=cwd, env=env
        )
    except subprocess.TimeoutExpired:
        return Run(-1, "(still running after 20 s; stopped)", time.perf_counter() - start)
    return Run(done.returncode, done.stderr, time.perf_counter() - start)


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The cases that cannot be fixtures: too big to commit, or not files at all."""
    root = tmp_path_factory.mktemp("made")
    big = root / "ten-mb.yaml"
    with big.open("w", encoding="utf-8") as f:  # valid-looking YAML, so only the size can refuse it
        f.write("schema: 1\nlevels:\n")
        line = "  - id: padding-level-with-a-long-name\n"
        f.write(line * (TEN_MB // len(line) + 1))
    folder = root / "a-folder.yaml"
    folder.mkdir()
    cases = {"ten-mb.yaml": big, "a-folder.yaml": folder, "missing.yaml": root / "missing.yaml"}
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "pipe.yaml")  # opening a pipe for reading would wait for a writer forever
        cases["pipe.yaml"] = root / "pipe.yaml"
    if Path("/dev/zero").exists():
        cases["dev-zero"] = Path("/dev/zero")  # never ends: reading it all would eat the memory
    return cases


MADE_WORDS = {
    "ten-mb.yaml": "the limit is 1,000,000",
    "a-folder.yaml": "this is a folder, not a file",
    "missing.yaml": "file not found",
    "pipe.yaml": "not an ordinary file",
    "dev-zero": "not an ordinary file",
}


@pytest.fixture(scope="module")
def results(made: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Run, str]]:
    """Every case run once: key -> (its run, the file name the message must start with)."""
    work = tmp_path_factory.mktemp("cwd")  # a python tag must not be able to write here
    jobs: dict[str, tuple[list[str], str]] = {}
    for name in CONTENT_CASES:
        jobs[f"content/{name}"] = (["--check", str(FIXTURES / "malformed" / name)], name)
    for name in SETTINGS_CASES:
        jobs[f"settings/{name}"] = (["--check-settings", str(FIXTURES / "settings" / name)], name)
    for name, path in made.items():
        jobs[f"content/{name}"] = (["--check", str(path)], path.name)
        jobs[f"settings/{name}"] = (["--check-settings", str(path)], path.name)
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        runs = dict(zip(jobs, pool.map(lambda args: run_cli(args, work), (a for a, _ in jobs.values()))))
    assert not any(work.glob("pwned*")), "a !!python tag ran code"
    return {key: (runs[key], shown) for key, (_, shown) in jobs.items()}


def expectations() -> list[tuple[str, int | None, str]]:
    out = [(f"content/{n}", line, words) for n, (line, words) in CONTENT_CASES.items()]
    out += [(f"settings/{n}", line, words) for n, (line, words) in SETTINGS_CASES.items()]
    for name, words in MADE_WORDS.items():
        out += [(f"content/{name}", None, words), (f"settings/{name}", None, words)]
    return out


def test_the_corpus_is_big_enough() -> None:
    assert len(expectations()) >= 30 + 2 * len(MADE_WORDS)


@pytest.mark.parametrize(("key", "line", "words"), expectations(), ids=[e[0] for e in expectations()])
def test_refused_with_exit_2_its_line_and_no_traceback(key: str, line: int | None, words: str, results) -> None:  # type: ignore[no-untyped-def]
    if key not in results:
        pytest.skip(f"{key} cannot be made on this system")
    run, shown = results[key]
    assert run.code == 2, f"{key}: exit code {run.code}\n{run.stderr}"
    assert "Traceback" not in run.stderr, run.stderr
    where = f"{shown}:{line}: " if line is not None else f"{shown}: "
    lines = run.stderr.splitlines()
    assert any(where in m and words in m for m in lines), f"{key}: expected '{where}… {words}' in:\n{run.stderr}"
    assert run.seconds < LIMIT_S, f"{key}: took {run.seconds:.2f} s"
