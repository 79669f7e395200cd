"""``run.py --bench`` runs headless and reports every screen; its timings are not judged here."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

from game.bench import SCREENS


def test_the_benchmark_measures_every_screen_and_reports_json(tmp_path) -> None:  # type: ignore[no-untyped-def]
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "run.py"),
            "--bench",
            "--frames",
            "3",
            "--size",
            "800x480",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=180,  # a window opened by mistake would run until killed
        env=env,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    items = [line for line in lines if "item" in line]
    totals = lines[-1]
    assert {line["item"] for line in items} >= {"empty frame"} | {item.name for item in SCREENS}
    assert any(line["item"].startswith("lessons ") for line in items)
    assert any(line["item"].startswith("question-") for line in items)
    for line in items:
        assert set(line) == {"item", "frames", "p50_ms", "p99_ms", "max_ms", "p99_vs_empty", "pixels_per_frame"}
        assert line["pixels_per_frame"] >= 0
        assert line["frames"] == 3 and 0 <= line["p50_ms"] <= line["p99_ms"] <= line["max_ms"]
    assert set(totals) == {"startup_ms", "peak_rss_mb", "static_cpu_percent"}
    assert totals["static_cpu_percent"] >= 0
    assert "800x480" in done.stdout
