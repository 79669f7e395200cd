"""Power loss, simulated: kill (SIGKILL) a process that is saving, at random moments.

A child process saves progress, statistics (a year's worth, both from the frame loop's
background writer and the synchronous save on exit) and preferences in a tight loop,
through the game's own stores. The parent kills it after a random delay, then checks
the folder: every file is whole and readable, or absent; never half-written, never
moved aside as damaged. The next child loads what the last one left, as the game would
at its next start. Temporary files left by an interrupted save are counted, then
cleared as the game clears them at start-up.

A kill is not quite a power cut: what the kernel has accepted survives a kill but not a
cut, which is why saves fsync the file and then the folder (tested on its own). What a
kill does test is that no moment of a save leaves a half-written file in place.

Used by tests/test_powerloss.py (200 kills) and scripts/powerloss.py (1,000 or more).
POSIX only (``os.fork``).
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.core.progress import FILE_NAME as PROGRESS
from game.core.progress import ProgressStore, _parse
from game.core.settings import PLAYER_FIELDS, TEXT_SIZES, Settings, save_preferences
from game.core.stats import FILE_NAME as STATISTICS
from game.core.stats import Statistics, StatsStore, read_statistics
from game.core.storage import TEMPORARY, remove_temporaries

PREFERENCES = "preferences.json"  # as game.shell.app names it (that module needs pygame)
EPOCH = 1_767_225_600.0


def year_of_statistics() -> Statistics:
    """A statistics file as big as a busy kiosk's after a year: a save takes a while."""
    stats = StatsStore(None, clock=lambda: EPOCH)
    for day in range(365):
        stats._clock = lambda day=day: EPOCH + day * 86_400.0  # type: ignore[misc]
        stats.session_started()
        stats.session_ended()
    for q in range(60):
        for _ in range(3):
            stats.question_shown(f"question-{q}")
    return stats.stats


def saver(folder: Path, seed: int, rounds: int | None = None) -> None:
    """The child: load what is there (as the game does at start), then save forever
    (or ``rounds`` times)."""
    rng = random.Random(seed)
    progress = ProgressStore(folder / PROGRESS)
    stats = StatsStore(folder / STATISTICS, clock=time.time, save_every=0.0)
    if not stats.stats.days:
        stats.stats = year_of_statistics()
    n = 0
    while rounds is None or n < rounds:
        n += 1
        level = f"level-{rng.randrange(8)}"
        progress.record(level, progress.get(level).best_score + 1, rng.randrange(4))
        stats.level_started(level)
        if n % 4:
            stats.maybe_save()  # handed to the background writer, as in the frame loop
        else:
            stats.save()  # written at once, as on exit
        settings = Settings(volume=rng.randrange(101), text_size=rng.choice(TEXT_SIZES))
        save_preferences(folder / PREFERENCES, settings)


def check(folder: Path) -> list[str]:
    """What is wrong with the files in ``folder`` (empty when every one is whole or absent)."""
    wrong = []
    readers: dict[str, Callable[[Path], object]] = {
        PROGRESS: lambda p: _parse(json.loads(p.read_text(encoding="utf-8"))),
        STATISTICS: read_statistics,
        PREFERENCES: lambda p: _preferences(json.loads(p.read_text(encoding="utf-8"))),
    }
    for name, read in readers.items():
        path = folder / name
        if not path.exists():
            continue
        try:
            read(path)
        except (ValueError, TypeError, KeyError, OSError) as exc:
            wrong.append(f"{name}: {exc!r} ({path.stat().st_size} bytes)")
    wrong += [f"{p.name}: moved aside as damaged" for p in folder.glob("*.corrupt-*")]
    return wrong


def _preferences(data: object) -> None:
    if not isinstance(data, dict) or set(data) != set(PLAYER_FIELDS):
        raise ValueError(f"not a whole preferences file: {data!r}")


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if TEMPORARY.fullmatch(p.name))


@dataclass
class Tally:
    kills: int = 0
    left_behind: int = 0  # temporary files found after a kill (before the next start clears them)
    kills_leaving_one: int = 0
    present: dict[str, int] = field(default_factory=dict)  # kills after which each file existed
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        files = ", ".join(f"{name} {n}" for name, n in sorted(self.present.items()))
        return (
            f"{self.kills} kills in {self.seconds:.1f} s; {self.kills_leaving_one} left temporary files "
            f"({self.left_behind} in all, cleared at the next start); files present after the kills: {files}; "
            f"problems: {len(self.problems)}"
        )


def kill_while_saving(folder: Path, kills: int, seed: int = 15, max_delay: float = 0.03) -> Tally:
    """Fork a saver, kill it after a random delay up to ``max_delay`` s; ``kills`` times."""
    rng = random.Random(seed)
    tally = Tally()
    started = time.monotonic()
    # Every file exists before the first kill (as on a kiosk that has run once), so each
    # kill lands while a whole file is being replaced, however slowly a loaded machine
    # starts the child; a file that is then ever missing was lost by a save.
    # In a child of its own, so this process starts no thread before it forks.
    pid = os.fork()
    if pid == 0:
        try:
            saver(folder, seed, rounds=4)  # the fourth round saves the statistics at once
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    for i in range(kills):
        remove_temporaries(folder)  # what the game does at start-up
        pid = os.fork()
        if pid == 0:  # the child never returns into the caller, whatever happens
            try:
                saver(folder, seed * 100_003 + i)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0, max_delay))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        tally.kills += 1
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            tally.problems.append(f"kill {i}: the saver ended by itself (status {status}) before it was killed")
        left = temporaries(folder)
        tally.left_behind += len(left)
        tally.kills_leaving_one += bool(left)
        for name in (PROGRESS, STATISTICS, PREFERENCES):
            tally.present[name] = tally.present.get(name, 0) + (folder / name).exists()
        tally.problems += [f"kill {i}: {problem}" for problem in check(folder)]
        if len(tally.problems) > 20:
            break
    tally.seconds = time.monotonic() - started
    return tally
