"""Best score and stars per level, and the missed questions to practise (Leitner boxes),
kept in ``progress.json`` in the data folder."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.core import practice
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
        self._levels: dict[str, LevelProgress] = {}
        self._missed: dict[str, int] = {}  # question id -> Leitner box (game.core.practice)
        if path is not None:
            self._levels, self._missed = self._load()

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

    def missed_boxes(self) -> dict[str, int]:
        """The questions to practise and their boxes, as a copy."""
        return dict(self._missed)

    def missed(self, question_id: str) -> None:
        """A miss in a level: the question goes to box 1 (and is saved)."""
        self._set_missed(practice.missed(self._missed, question_id))

    def practised(self, question_id: str, correct: bool) -> None:
        """An answer in practice moves the question's box (and is saved)."""
        self._set_missed(practice.practised(self._missed, question_id, correct))

    def _set_missed(self, boxes: dict[str, int]) -> None:
        if boxes != self._missed:
            self._missed = boxes
            self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        levels = {k: {"best_score": v.best_score, "stars": v.stars} for k, v in self._levels.items()}
        try:
            write_json_atomically(self.path, {"schema": 1, "levels": levels, "missed": self._missed})
        except OSError as exc:
            log.warning("could not save progress to %s: %s", self.path, exc)

    def _load(self) -> tuple[dict[str, LevelProgress], dict[str, int]]:
        assert self.path is not None
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}, {}
        except OSError as exc:
            log.warning("could not read progress from %s: %s; starting from zero", self.path, exc)
            return {}, {}
        try:
            data = json.loads(text)
            return _parse(data), practice.parse_boxes(data.get("missed", {}))  # older files have none
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            move_aside(self.path, self._clock(), exc, "started from zero")
            return {}, {}


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
