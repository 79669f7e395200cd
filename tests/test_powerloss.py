"""Power loss: a process killed while it saves leaves every file whole or absent, and the
temporary files it leaves behind are cleared at the next start (see tests/powerloss.py;
scripts/powerloss.py runs 1,000 kills)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from powerloss import PREFERENCES, kill_while_saving, temporaries

from game.core import storage
from game.core.progress import FILE_NAME as PROGRESS
from game.core.stats import FILE_NAME as STATISTICS
from game.core.storage import remove_temporaries, write_atomically

KILLS = 200


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")
def test_killing_a_process_while_it_saves_never_leaves_a_half_written_file(tmp_path: Path) -> None:
    tally = kill_while_saving(tmp_path, KILLS, max_delay=0.012)
    print("\n" + tally.summary())
    assert not tally.problems, "\n".join(tally.problems[:10])
    assert tally.kills == KILLS
    # The kills did land in the middle of saves, and each file was there to be checked.
    assert tally.kills_leaving_one > 0, tally.summary()
    assert tally.present == {name: KILLS for name in (PROGRESS, STATISTICS, PREFERENCES)}, tally.summary()
    remove_temporaries(tmp_path)
    assert temporaries(tmp_path) == []


def test_start_up_clears_only_the_temporary_files_of_interrupted_saves(tmp_path: Path) -> None:
    stats = tmp_path / "stats"
    stats.mkdir()
    left = [tmp_path / ".progress.json.k2j4_9ab.tmp", tmp_path / ".preferences.json.0aqwerty.tmp"]
    left += [stats / ".statistics.json.zzzzzzzz.tmp", tmp_path / ".last-good-settings.yaml.a1b2c3d4.tmp"]
    others = [tmp_path / "notes.tmp", tmp_path / ".notes.txt.abcdefgh.tmp", tmp_path / "progress.json"]
    for path in left + others:
        path.write_text("{", encoding="utf-8")
    assert remove_temporaries(tmp_path, stats, tmp_path / "not-there") == len(left)
    assert [p.exists() for p in left + others] == [False] * len(left) + [True] * len(others)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows cannot open a folder to sync it")
def test_a_save_syncs_the_folder_after_the_rename(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(src, dst):  # type: ignore[no-untyped-def]
        calls.append("replace")
        real_replace(src, dst)

    def fsync(fd: int) -> None:
        calls.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    monkeypatch.setattr(storage.os, "replace", replace)
    monkeypatch.setattr(storage.os, "fsync", fsync)
    write_atomically(tmp_path / "progress.json", "{}\n")
    assert calls == ["fsync file", "replace", "fsync folder"]
