"""Best score and stars per level, kept in ``progress.json`` in the data folder."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.core.storage import move_aside, write_json_atomically

log = logging.getLogger(__name__)
FILE_NAME = "progress.json"


@dataclass(frozen=True)
class LevelProgress:
    best_score: int = 0
    stars: int = 0


class ProgressStore:
    """Reads progress once, writes it after every finished level.

    ``path`` None keeps progress in memory only (kiosk mode: nothing per person is saved).
    """

    def __init__(self, path: Path | None, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self._levels: dict[str, LevelProgress] = self._load() if path is not None else {}

    def get(self, level_id: str) -> LevelProgress:
        return self._levels.get(level_id, LevelProgress())

    def snapshot(self) -> dict[str, LevelProgress]:
        """Every level's progress, as a copy."""
        return dict(self._levels)

    def record(self, level_id: str, score: int, stars: int) -> LevelProgress:
        """Keep the better of the old and new result; returns what is now stored."""
        old = self.get(level_id)
        new = LevelProgress(max(old.best_score, score), max(old.stars, stars))
        if new != old:
            self._levels[level_id] = new
            self._save()
        return new

    def _save(self) -> None:
        if self.path is None:
            return
        levels = {k: {"best_score": v.best_score, "stars": v.stars} for k, v in self._levels.items()}
        try:
            write_json_atomically(self.path, {"schema": 1, "levels": levels})
        except OSError as exc:
            log.warning("could not save progress to %s: %s", self.path, exc)

    def _load(self) -> dict[str, LevelProgress]:
        assert self.path is not None
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("could not read progress from %s: %s; starting from zero", self.path, exc)
            return {}
        try:
            return _parse(json.loads(text))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            move_aside(self.path, self._clock(), exc, "started from zero")
            return {}


def _parse(data: object) -> dict[str, LevelProgress]:
    if not isinstance(data, dict) or data.get("schema") != 1 or not isinstance(data.get("levels"), dict):
        raise ValueError("not a progress file of schema 1")
    levels: dict[str, LevelProgress] = {}
    for level_id, entry in data["levels"].items():
        score, stars = entry["best_score"], entry["stars"]
        if not (isinstance(score, int) and isinstance(stars, int) and score >= 0 and 0 <= stars <= 3):
            raise ValueError(f"bad entry for level {level_id!r}")
        levels[str(level_id)] = LevelProgress(score, stars)
    return levels
