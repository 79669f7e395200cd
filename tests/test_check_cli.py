"""Headless checks for a clinic's IT person: ``--check-settings FILE``, ``--check --settings
FILE``, a settings file given to ``--check`` (or the other way round) named for what it
is, paths shown as they were typed, and ``kiosk: true`` in a broken settings file
behaving like ``--kiosk``."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from game.cli import LAST_GOOD_SETTINGS, build_parser, load_settings_or_report

BROKEN = "kiosk: true\noperator_pin: 482\nidle_timout: 60\n"
GOOD = 'kiosk: true\noperator_pin: "0482"\nlevels: [what-is-immunotherapy]\n'


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), *args], capture_output=True, text=True, timeout=60, cwd=cwd, env=env
    )


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "unknown-level.yaml").write_text("levels:\n  - car-t\n  - dancing\n", encoding="utf-8")
    return tmp_path


def test_check_settings_lists_every_mistake_with_its_line(files: Path) -> None:
    done = run(["--check-settings", "broken.yaml"], files)
    assert done.returncode == 2, done
    lines = done.stderr.splitlines()
    assert lines[0].startswith("broken.yaml:2: operator_pin must be in quotes")
    assert lines[1].startswith("broken.yaml:3: ") and "did you mean 'idle_timeout'?" in lines[1]
    assert lines[-1] == "2 problems found; fix them and check again."
    assert "Traceback" not in done.stderr and "nothing was changed" not in done.stderr


def test_check_settings_says_ok_and_checks_the_levels_against_the_content(files: Path) -> None:
    good = run(["--check-settings", "good.yaml"], files)
    assert (good.returncode, good.stdout) == (0, "OK: good.yaml: 3 settings, kiosk mode\n"), good
    unknown = run(["--check-settings", "unknown-level.yaml"], files)
    assert (
        unknown.returncode == 2 and "unknown-level.yaml:3: levels: the content has no level 'dancing'" in unknown.stderr
    )


def test_check_with_settings_checks_both_files(files: Path) -> None:
    broken = run(["--check", "--settings", "broken.yaml"], files)
    assert broken.returncode == 2 and broken.stdout.startswith("OK: ") and "broken.yaml:2: " in broken.stderr
    good = run(["--check", "--settings", "good.yaml"], files)
    assert good.returncode == 0, good
    # One OK line per language of the content, then the settings file's.
    lines = good.stdout.splitlines()
    assert [line.split(":")[1].strip() for line in lines[:-1]] == ["en (English)", "es (Español)"]
    assert lines[-1] == "OK: good.yaml: 3 settings, kiosk mode"


def test_each_check_names_a_file_of_the_other_kind(files: Path) -> None:
    settings = run(["--check", "good.yaml"], files)
    assert settings.returncode == 2
    assert (
        settings.stderr
        == "good.yaml: this is a settings file, not a content file; check it with: --check-settings good.yaml\n"
    )
    content = run(["--check-settings", str(ROOT / "questions.yaml")], files)
    assert content.returncode == 2 and "this is a content file, not a settings file" in content.stderr


@pytest.mark.parametrize("how", ["absolute", "relative"])
def test_paths_are_shown_as_they_were_typed(files: Path, how: str) -> None:
    (files / "deeper" / "still").mkdir(parents=True)
    typed = str(files.parent / "nope.yaml") if how == "absolute" else "../../nope.yaml"
    done = run(["--check", typed], files / "deeper" / "still")
    assert done.stderr.splitlines()[0] == f"{typed}: file not found", done.stderr


def settings_for(path: Path, data_dir: Path):  # type: ignore[no-untyped-def]
    args = build_parser().parse_args(["--settings", str(path)])
    return load_settings_or_report(path, args, data_dir)


def test_kiosk_true_in_a_broken_file_runs_the_kiosk_on_defaults(files: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = files / "data"
    with caplog.at_level(logging.ERROR):
        loaded = settings_for(files / "broken.yaml", data)
    assert loaded is not None, "a kiosk must not stop for a settings mistake"
    settings, error = loaded
    assert settings.kiosk and settings.volume == 30 and settings.operator_pin == ""
    assert "broken.yaml:2: operator_pin must be in quotes" in error
    assert "settings file rejected; running on defaults" in caplog.text


def test_kiosk_true_in_a_broken_file_runs_on_the_last_good_settings(files: Path) -> None:
    data = files / "data"
    assert settings_for(files / "good.yaml", data) is not None  # passes: kept as the last good copy
    assert (data / LAST_GOOD_SETTINGS).exists()
    loaded = settings_for(files / "broken.yaml", data)
    assert loaded is not None and loaded[0].kiosk and loaded[0].operator_pin == "0482"


def test_a_broken_file_without_kiosk_stops_the_game(files: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = files / "window.yaml"
    path.write_text("theme: dark\n", encoding="utf-8")
    assert settings_for(path, files / "data") is None
    assert capsys.readouterr().err.endswith("1 problem found; the game did not start.\n")
