"""The progress file: best results kept, written atomically, a damaged file moved aside."""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

import pytest

from game.core import storage
from game.core.progress import LevelProgress, ProgressStore


def test_best_result_is_kept_and_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    store = ProgressStore(path)
    store.record("a", 500, 2)
    store.record("a", 300, 1)
    store.record("b", 100, 0)
    again = ProgressStore(path)
    assert again.get("a") == LevelProgress(500, 2)
    assert again.get("b") == LevelProgress(100, 0)
    assert again.get("never") == LevelProgress(0, 0)


def test_corrupt_file_is_moved_aside_and_play_goes_on(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "progress.json"
    path.write_text("{not json")
    with caplog.at_level(logging.WARNING):
        store = ProgressStore(path, clock=lambda: 0.0)
    assert store.get("a") == LevelProgress()
    assert not path.exists()
    aside = tmp_path / f"progress.json.corrupt-{time.strftime('%Y%m%d-%H%M%S', time.localtime(0))}"
    assert aside.read_text() == "{not json"
    assert "damaged" in caplog.text
    store.record("a", 100, 1)
    assert json.loads(path.read_text())["levels"]["a"] == {"best_score": 100, "stars": 1}


@pytest.mark.parametrize(
    "text", ['{"schema": 1, "levels": {"a": {"best_score": -5, "stars": 1}}}', '{"schema": 2}', "[]"]
)
def test_wrong_shapes_count_as_corrupt(tmp_path: Path, text: str) -> None:
    path = tmp_path / "progress.json"
    path.write_text(text)
    assert ProgressStore(path).get("a") == LevelProgress()
    assert list(tmp_path.glob("progress.json.corrupt-*"))


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "progress.json"
    storage.write_atomically(path, "old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        storage.write_atomically(path, "new")
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["progress.json"]  # no temporary file left behind


def test_in_memory_store_writes_nothing(tmp_path: Path) -> None:
    store = ProgressStore(None)
    store.record("a", 100, 1)
    assert store.get("a").best_score == 100
    assert not list(tmp_path.iterdir())
