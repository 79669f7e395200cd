"""Anonymous counters for clinic staff: which ideas visitors keep getting wrong.

Only aggregate totals are kept: per question, per level and per day. Never a name,
never free text (a wrong answer is stored as the text of the option the content
offered, or as a fixed label), never a per-visitor trail. ``StatsStore`` writes them
atomically to ``statistics.json``, at most every few seconds and on exit; a damaged
file is moved aside and counting starts again, because a kiosk must never stop for it.
"""

from __future__ import annotations

import json
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from game.core.content import Question
from game.core.kinds import spec_of
from game.core.kinds.base import OTHER_LABEL as OTHER_LABEL
from game.core.kinds.match import WRONG_PAIRS as WRONG_PAIRS
from game.core.kinds.order import WRONG_ORDER as WRONG_ORDER
from game.core.learning import PAIR_KEYS, PairCounts
from game.core.quiz import Response
from game.core.settings import Settings
from game.core.storage import BackgroundWriter, json_text, move_aside, write_json_atomically

log = logging.getLogger(__name__)

FILE_NAME = "statistics.json"
SCHEMA = 2  # 2 added before/after pairs and kiosk names; files of schema 1 still read
SCHEMAS_READ = (1, 2)
FORMAT = "immunoquest-statistics"
SAVE_EVERY = 5.0  # seconds: often enough to lose little in a power cut, rarely enough to spare an SD card
MAX_SESSION_SECONDS = 4 * 3600  # a longer "session" is a clock jump or a kiosk left mid-game
MAX_WRONG_LABELS = 24  # per question; content edits over months could otherwise grow the file


def local_date(timestamp: float) -> str:
    """The local calendar day of ``timestamp`` (seconds since the epoch), as YYYY-MM-DD."""
    return time.strftime("%Y-%m-%d", time.localtime(timestamp))


def statistics_path(settings: Settings, data_dir: Path) -> Path:
    """Where the statistics file lives: the folder the settings name, else the data folder."""
    folder = Path(settings.statistics) if settings.statistics else data_dir
    return folder / FILE_NAME


def wrong_answer_label(question: Question, response: Response) -> str:
    """What to count for a wrong answer: the chosen option's own text, or a fixed label.

    Only text that the content itself offered is ever stored, whatever ``response`` holds.
    """
    return spec_of(question.kind).wrong_label(question, response)


@dataclass
class QuestionCounts:
    shown: int = 0
    answered: int = 0  # first answers only: one per visitor session
    right_first_time: int = 0
    wrong: dict[str, int] = field(default_factory=dict)  # wrong option (or label) -> times chosen
    pairs: PairCounts = field(default_factory=PairCounts)  # before/after the lesson

    @property
    def missed(self) -> int:
        return self.answered - self.right_first_time

    @property
    def miss_rate(self) -> float:
        return self.missed / self.answered if self.answered else 0.0

    def most_chosen_wrong(self) -> tuple[str, int] | None:
        if not self.wrong:
            return None
        label = max(sorted(self.wrong), key=lambda k: self.wrong[k])  # ties: alphabetical, so stable
        return label, self.wrong[label]


@dataclass
class LevelCounts:
    started: int = 0
    finished: int = 0
    total_score: int = 0
    pairs: PairCounts = field(default_factory=PairCounts)  # before/after, all its questions

    @property
    def average_score(self) -> float | None:
        return self.total_score / self.finished if self.finished else None


@dataclass
class DayCounts:
    sessions: int = 0
    seconds: int = 0  # total length of the day's sessions


@dataclass
class Statistics:
    """Every counter; plain data, written as JSON with a schema number."""

    questions: dict[str, QuestionCounts] = field(default_factory=dict)
    levels: dict[str, LevelCounts] = field(default_factory=dict)
    days: dict[str, DayCounts] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)  # visits by the language they ended in
    kiosks: dict[str, int] = field(default_factory=dict)  # visits by kiosk name ("" unnamed)
    kiosk_name: str = ""  # the name in this kiosk's settings; merged files of several kiosks: ""

    @property
    def sessions(self) -> int:
        return sum(d.sessions for d in self.days.values())

    @property
    def session_seconds(self) -> int:
        return sum(d.seconds for d in self.days.values())

    @property
    def answered(self) -> int:
        return sum(q.answered for q in self.questions.values())

    @property
    def right_first_time(self) -> int:
        return sum(q.right_first_time for q in self.questions.values())

    def to_json(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "schema": SCHEMA,
            "questions": {
                qid: {
                    "shown": q.shown,
                    "answered": q.answered,
                    "right_first_time": q.right_first_time,
                    "wrong": dict(sorted(q.wrong.items())),
                    "pairs": q.pairs.to_json(),
                }
                for qid, q in sorted(self.questions.items())
            },
            "levels": {
                lid: {
                    "started": v.started,
                    "finished": v.finished,
                    "total_score": v.total_score,
                    "pairs": v.pairs.to_json(),
                }
                for lid, v in sorted(self.levels.items())
            },
            "days": {day: {"sessions": d.sessions, "seconds": d.seconds} for day, d in sorted(self.days.items())},
            "languages": dict(sorted(self.languages.items())),
            "kiosks": dict(sorted(self.kiosks.items())),
            "kiosk_name": self.kiosk_name,
        }

    @classmethod
    def from_json(cls, data: object) -> Statistics:
        """Parse what ``to_json`` wrote; raises ValueError for anything else."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not an ImmunoQuest statistics file")
        if data.get("schema") not in SCHEMAS_READ:
            raise ValueError(f"statistics schema {data.get('schema')!r} is not one of {SCHEMAS_READ}")
        stats = cls()
        for qid, entry in _table(data, "questions").items():
            wrong = _mapping(entry.get("wrong"), f"question {qid}: wrong")
            stats.questions[qid] = QuestionCounts(
                _count(entry, "shown"),
                _count(entry, "answered"),
                _count(entry, "right_first_time"),
                {str(label): _count(wrong, label) for label in wrong},
                _pairs(entry, f"question {qid}"),
            )
        for lid, entry in _table(data, "levels").items():
            stats.levels[lid] = LevelCounts(
                _count(entry, "started"),
                _count(entry, "finished"),
                _count(entry, "total_score"),
                _pairs(entry, f"level {lid}"),
            )
        for day, entry in _table(data, "days").items():
            if not _is_date(day):
                raise ValueError(f"day {day!r} is not a date like 2025-01-31")
            stats.days[day] = DayCounts(_count(entry, "sessions"), _count(entry, "seconds"))
        languages = _mapping(data.get("languages", {}), "languages")  # absent in files from before it
        stats.languages = {str(code): _count(languages, code) for code in languages}
        kiosks = _mapping(data.get("kiosks", {}), "kiosks")  # absent before schema 2
        stats.kiosks = {str(name): _count(kiosks, name) for name in kiosks}
        name = data.get("kiosk_name", "")
        if not isinstance(name, str):
            raise ValueError("kiosk_name should be text")
        stats.kiosk_name = name
        return stats


def merge(a: Statistics, b: Statistics) -> Statistics:
    """The statistics of two files (or kiosks) together: every count is the sum.

    Exact, and the order does not matter: merge(a, merge(b, c)) == merge(merge(a, b), c)
    and merge(a, b) == merge(b, a). Wrong answers are summed label by label with no cap,
    so nothing is lost. The kiosk name stays only when both sides share it.
    """
    out = Statistics()
    for qid in sorted(a.questions.keys() | b.questions.keys()):
        qa, qb = a.questions.get(qid, QuestionCounts()), b.questions.get(qid, QuestionCounts())
        out.questions[qid] = QuestionCounts(
            qa.shown + qb.shown,
            qa.answered + qb.answered,
            qa.right_first_time + qb.right_first_time,
            _sum_maps(qa.wrong, qb.wrong),
            qa.pairs.plus(qb.pairs),
        )
    for lid in sorted(a.levels.keys() | b.levels.keys()):
        la, lb = a.levels.get(lid, LevelCounts()), b.levels.get(lid, LevelCounts())
        out.levels[lid] = LevelCounts(
            la.started + lb.started,
            la.finished + lb.finished,
            la.total_score + lb.total_score,
            la.pairs.plus(lb.pairs),
        )
    for day in sorted(a.days.keys() | b.days.keys()):
        da, db = a.days.get(day, DayCounts()), b.days.get(day, DayCounts())
        out.days[day] = DayCounts(da.sessions + db.sessions, da.seconds + db.seconds)
    out.languages = _sum_maps(a.languages, b.languages)
    out.kiosks = _sum_maps(a.kiosks, b.kiosks)
    out.kiosk_name = a.kiosk_name if a.kiosk_name == b.kiosk_name else ""
    return out


def _sum_maps(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {key: a.get(key, 0) + b.get(key, 0) for key in sorted(a.keys() | b.keys())}


def read_statistics(path: Path) -> Statistics:
    """The statistics in ``path``, read only (for the report).

    Raises FileNotFoundError, OSError, or ValueError for a file that is not statistics.
    """
    text = path.read_text(encoding="utf-8")
    return Statistics.from_json(json.loads(text))


class StatsStore:
    """The kiosk's counters, loaded once and saved now and then.

    ``path`` None keeps them in memory only. ``clock`` gives seconds since the epoch;
    days are local calendar days of that clock. Nothing here ever raises because of
    the file: problems are logged and counting goes on.
    """

    def __init__(
        self,
        path: Path | None,
        clock: Callable[[], float] = time.time,
        save_every: float = SAVE_EVERY,
        kiosk_name: str = "",
    ) -> None:
        self.path = path
        self._clock = clock
        self._save_every = save_every
        self._last_save = -math.inf
        self._dirty = False
        self._last_error = ""
        self._session_start: float | None = None
        self._session_language = "en"
        # Questions this visitor has already answered: kept in memory, forgotten at the end
        # of the session, never written. It is what makes "right first time" mean first time.
        self._answered_now: set[str] = set()
        self.stats = self._load() if path is not None else Statistics()
        self.kiosk_name = self.stats.kiosk_name = kiosk_name
        # Saves made during play are written by a worker thread (the frame loop only
        # turns the counters into text); the last save on exit is written at once.
        self._writer: BackgroundWriter | None = None

    # --- counting ---

    def question_shown(self, question_id: str) -> None:
        self._question(question_id).shown += 1
        self._dirty = True

    def question_answered(self, question: Question, response: Response, correct: bool) -> None:
        """Count a visitor's answer; only their first answer to a question in a session counts."""
        if question.id in self._answered_now:
            return
        self._answered_now.add(question.id)
        counts = self._question(question.id)
        counts.answered += 1
        if correct:
            counts.right_first_time += 1
        else:
            label = wrong_answer_label(question, response)
            if label not in counts.wrong and len(counts.wrong) >= MAX_WRONG_LABELS:
                label = OTHER_LABEL
            counts.wrong[label] = counts.wrong.get(label, 0) + 1
        self._dirty = True

    def before_after(self, question_id: str, level_id: str, before_right: bool, after_right: bool) -> None:
        """Count one before/after pair: the visitor answered ``question_id`` before its
        lesson and again in the level's quiz. Only the four totals are kept."""
        self._question(question_id).pairs.add(before_right, after_right)
        self.stats.levels.setdefault(level_id, LevelCounts()).pairs.add(before_right, after_right)
        self._dirty = True

    def level_started(self, level_id: str) -> None:
        self.stats.levels.setdefault(level_id, LevelCounts()).started += 1
        self._dirty = True

    def level_finished(self, level_id: str, score: int) -> None:
        counts = self.stats.levels.setdefault(level_id, LevelCounts())
        counts.finished += 1
        counts.total_score += max(0, int(score))
        self._dirty = True

    def session_started(self) -> None:
        """A visitor began (the attract loop was touched). Ends any session still open."""
        if self._session_start is not None:
            self.session_ended()
        self._session_start = self._clock()
        self._answered_now.clear()

    def visit_language(self, code: str) -> None:
        """The language the visitor is using now; the visit is counted under the last one."""
        self._session_language = code

    def session_ended(self) -> None:
        """The visitor left (idle reset) or the game is closing; counted on the day it began."""
        start = self._session_start
        self._session_start = None
        self._answered_now.clear()
        if start is None:
            return
        seconds = min(max(self._clock() - start, 0.0), MAX_SESSION_SECONDS)
        day = self.stats.days.setdefault(local_date(start), DayCounts())
        day.sessions += 1
        day.seconds += round(seconds)
        self.stats.languages[self._session_language] = self.stats.languages.get(self._session_language, 0) + 1
        self.stats.kiosks[self.kiosk_name] = self.stats.kiosks.get(self.kiosk_name, 0) + 1
        self._dirty = True

    @property
    def in_session(self) -> bool:
        return self._session_start is not None

    # --- saving ---

    def maybe_save(self, now: float | None = None) -> bool:
        """Save if something changed and the last save was ``save_every`` seconds ago or more.

        Call it as often as you like (every frame is fine). ``now`` is a time on the
        store's clock. Returns True when the file was written.
        """
        if not self._dirty or self.path is None:
            return False
        now = self._clock() if now is None else now
        if 0 <= now - self._last_save < self._save_every:
            return False  # a clock that went backwards does not hold saving off
        if self._writer is None:
            self._writer = BackgroundWriter(on_error=self._write_failed)
        self._last_save = now
        self._dirty = False  # set again by _write_failed, so a failed save is tried again
        self._writer.submit(self.path, json_text(self.stats.to_json()))
        return True

    def wait_for_saves(self, timeout: float = 10.0) -> bool:
        """Wait until the saves ``maybe_save`` handed to the writer are on disk."""
        return self._writer.flush(timeout) if self._writer is not None else True

    def _write_failed(self, path: Path, exc: OSError) -> None:
        """Called on the writer's thread: log once per kind of failure, save again later."""
        message = str(exc)
        if message != self._last_error:  # a full disk would otherwise fill the log too
            log.warning("could not save statistics to %s: %s; will try again", path, exc)
        self._last_error = message
        self._dirty = True

    def save(self, now: float | None = None) -> bool:
        """Write every counter now, atomically; False (and a log line) when that failed."""
        if self.path is None:
            return False
        self._last_save = self._clock() if now is None else now
        try:
            write_json_atomically(self.path, self.stats.to_json())
        except OSError as exc:
            message = str(exc)
            if message != self._last_error:  # a full disk would otherwise fill the log too
                log.warning("could not save statistics to %s: %s; will try again", self.path, exc)
            self._last_error = message
            return False
        self._last_error = ""
        self._dirty = False
        return True

    def flush(self) -> bool:
        """On exit: end any open session, let background saves finish, and save whatever
        is not saved yet, now."""
        if self._session_start is not None:
            self.session_ended()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        return self.save() if self._dirty else True

    # --- inside ---

    def _question(self, question_id: str) -> QuestionCounts:
        return self.stats.questions.setdefault(question_id, QuestionCounts())

    def _load(self) -> Statistics:
        assert self.path is not None
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Statistics()
        except UnicodeDecodeError as exc:
            move_aside(self.path, self._clock(), exc, "counting starts again")
            return Statistics()
        except OSError as exc:
            log.warning("could not read statistics from %s: %s; counting from zero", self.path, exc)
            return Statistics()
        try:
            return Statistics.from_json(json.loads(text))
        except (ValueError, TypeError, AttributeError, RecursionError) as exc:
            move_aside(self.path, self._clock(), exc, "counting starts again")
            return Statistics()


def _table(data: dict[str, object], key: str) -> dict[str, dict[str, object]]:
    table = _mapping(data.get(key), key)
    for name, entry in table.items():
        _mapping(entry, f"{key}: {name}")
    return table  # type: ignore[return-value]


def _pairs(entry: dict[str, object], what: str) -> PairCounts:
    """The four before/after counts of a question or level; all zero in a schema 1 file."""
    if "pairs" not in entry:
        return PairCounts()
    pairs = _mapping(entry["pairs"], f"{what}: pairs")
    return PairCounts(*(_count(pairs, key) for key in PAIR_KEYS))


def _mapping(value: object, what: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ValueError(f"{what} should be a JSON object")
    return value


def _count(entry: dict[str, object], key: str) -> int:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{key} should be a count (a whole number, 0 or more), not {value!r}")
    return value


def _is_date(text: str) -> bool:
    try:
        time.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return True
