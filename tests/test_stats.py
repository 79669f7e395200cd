"""Anonymous statistics: what is counted, when it is written, and how a damaged file is survived."""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path

import pytest

from game.core import storage
from game.core.content import Question
from game.core.settings import Settings
from game.core.stats import (
    MAX_SESSION_SECONDS,
    OTHER_LABEL,
    SAVE_EVERY,
    WRONG_ORDER,
    WRONG_PAIRS,
    Statistics,
    StatsStore,
    local_date,
    read_statistics,
    statistics_path,
)

CHOICE = Question(
    "c-1", "choice", "What does immunotherapy help?", "…", "what-is", "l",
    choices=("Your immune system", "Your hair", "Your eyesight"), answer="Your immune system",
)  # fmt: skip
TRUEFALSE = Question("tf-1", "truefalse", "It is chemo.", "…", "what-is", "l", truth=False)
ORDER = Question("o-1", "order", "Put in order.", "…", "Immunotherapy Process", "l", items=("a", "b", "c"))
MATCH = Question(
    "m-1", "match", "Match them.", "…", "types", "l",
    pairs=(("x", "1"), ("y", "2"), ("z", "3")),
)  # fmt: skip
NOON = time.mktime((2025, 3, 10, 12, 0, 0, 0, 0, -1))  # local noon, whatever the time zone


class FakeClock:
    def __init__(self, now: float = NOON) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "statistics.json"


def on_disk(path: Path) -> Statistics:
    return read_statistics(path)


# --- counting ---


def test_questions_count_shown_right_first_time_and_each_wrong_option(clock: FakeClock) -> None:
    store = StatsStore(None, clock)
    for response, correct in (("Your hair", False), ("Your immune system", True), ("Your hair", False)):
        store.session_started()
        store.question_shown(CHOICE.id)
        store.question_answered(CHOICE, response, correct)
        store.session_ended()
    counts = store.stats.questions[CHOICE.id]
    assert (counts.shown, counts.answered, counts.right_first_time) == (3, 3, 1)
    assert counts.wrong == {"Your hair": 2}
    assert counts.most_chosen_wrong() == ("Your hair", 2)
    assert counts.miss_rate == pytest.approx(2 / 3)


def test_only_a_visitors_first_answer_to_a_question_counts(clock: FakeClock) -> None:
    store = StatsStore(None, clock)
    store.session_started()
    store.question_shown(CHOICE.id)
    store.question_answered(CHOICE, "Your hair", False)
    store.question_shown(CHOICE.id)  # the same visitor plays the level again
    store.question_answered(CHOICE, "Your immune system", True)
    counts = store.stats.questions[CHOICE.id]
    assert (counts.shown, counts.answered, counts.right_first_time, counts.wrong) == (2, 1, 0, {"Your hair": 1})
    store.session_ended()
    store.session_started()  # the next visitor
    store.question_answered(CHOICE, "Your immune system", True)
    assert (counts.answered, counts.right_first_time) == (2, 1)


def test_wrong_answers_of_every_kind_are_stored_as_offered_text_or_a_fixed_label(clock: FakeClock) -> None:
    store = StatsStore(None, clock)
    store.question_answered(TRUEFALSE, True, False)
    store.question_answered(ORDER, ("c", "b", "a"), False)
    store.question_answered(MATCH, (("x", "2"), ("y", "1"), ("z", "3")), False)
    store.question_answered(CHOICE, "my name is Alice", False)  # never stored: not an option
    q = store.stats.questions
    assert q[TRUEFALSE.id].wrong == {"True": 1}
    assert q[ORDER.id].wrong == {WRONG_ORDER: 1}
    assert q[MATCH.id].wrong == {WRONG_PAIRS: 1}
    assert q[CHOICE.id].wrong == {OTHER_LABEL: 1}
    assert "Alice" not in json.dumps(store.stats.to_json())


def test_levels_count_started_finished_and_the_average_score(clock: FakeClock) -> None:
    store = StatsStore(None, clock)
    for _ in range(3):
        store.level_started("car-t")
    store.level_finished("car-t", 300)
    store.level_finished("car-t", 500)
    level = store.stats.levels["car-t"]
    assert (level.started, level.finished, level.total_score, level.average_score) == (3, 2, 800, 400)
    assert store.stats.levels.setdefault("unplayed", type(level)()).average_score is None


def test_days_count_sessions_and_their_length_on_the_day_they_began(clock: FakeClock) -> None:
    store = StatsStore(None, clock)
    store.session_started()
    clock.now += 125.4
    store.session_ended()
    clock.now = time.mktime((2025, 3, 10, 23, 58, 0, 0, 0, -1))
    store.session_started()
    clock.now += 300  # past midnight: still counted on the 10th
    store.session_ended()
    store.session_ended()  # a second end without a start changes nothing
    assert set(store.stats.days) == {"2025-03-10"}
    day = store.stats.days["2025-03-10"]
    assert (day.sessions, day.seconds) == (2, 425)
    assert (store.stats.sessions, store.stats.session_seconds) == (2, 425)


def test_a_session_left_open_for_days_is_capped(clock: FakeClock) -> None:
    store = StatsStore(None, clock)
    store.session_started()
    clock.now += 3 * 86400
    store.session_ended()
    assert store.stats.days[local_date(NOON)].seconds == MAX_SESSION_SECONDS


def test_starting_a_session_ends_one_still_open(clock: FakeClock) -> None:
    store = StatsStore(None, clock)
    store.session_started()
    clock.now += 60
    store.session_started()
    assert store.stats.sessions == 1 and store.in_session


def test_the_file_holds_only_totals(path: Path, clock: FakeClock) -> None:
    store = StatsStore(path, clock)
    store.session_started()
    store.level_started("car-t")
    store.question_shown(CHOICE.id)
    store.question_answered(CHOICE, "Your eyesight", False)
    store.level_finished("car-t", 100)
    store.flush()
    data = json.loads(path.read_text())
    assert set(data) == {"format", "schema", "questions", "levels", "days", "languages", "kiosks", "kiosk_name"}
    assert data["questions"] == {
        "c-1": {
            "shown": 1,
            "answered": 1,
            "right_first_time": 0,
            "wrong": {"Your eyesight": 1},
            "pairs": {"right_right": 0, "right_wrong": 0, "wrong_right": 0, "wrong_wrong": 0},
        }
    }
    assert data["levels"] == {
        "car-t": {
            "started": 1,
            "finished": 1,
            "total_score": 100,
            "pairs": {"right_right": 0, "right_wrong": 0, "wrong_right": 0, "wrong_wrong": 0},
        }
    }
    assert data["days"] == {local_date(NOON): {"sessions": 1, "seconds": 0}}


def test_statistics_go_to_the_settings_folder_or_the_data_folder(tmp_path: Path) -> None:
    assert statistics_path(Settings(), tmp_path) == tmp_path / "statistics.json"
    assert statistics_path(Settings(statistics="/srv/q"), tmp_path) == Path("/srv/q/statistics.json")


# --- writing ---


def test_counts_survive_a_restart(path: Path, clock: FakeClock) -> None:
    store = StatsStore(path, clock)
    store.session_started()
    store.question_shown(CHOICE.id)
    store.question_answered(CHOICE, "Your hair", False)
    store.level_started("car-t")
    assert store.flush()
    again = StatsStore(path, clock)
    assert again.stats == store.stats
    again.question_shown(CHOICE.id)
    again.flush()
    assert on_disk(path).questions[CHOICE.id].shown == 2


def test_saving_is_debounced(path: Path, clock: FakeClock) -> None:
    store = StatsStore(path, clock)
    assert not store.maybe_save(clock.now)  # nothing changed: nothing written
    assert not path.exists()
    store.question_shown(CHOICE.id)
    assert store.maybe_save(clock.now)  # the first change is written at once
    store.question_shown(CHOICE.id)
    clock.now += SAVE_EVERY - 0.5
    assert not store.maybe_save(clock.now)  # too soon
    assert store.wait_for_saves()
    assert on_disk(path).questions[CHOICE.id].shown == 1
    clock.now += 0.5
    assert store.maybe_save(clock.now)
    assert store.wait_for_saves()
    assert on_disk(path).questions[CHOICE.id].shown == 2
    clock.now += 60
    assert not store.maybe_save(clock.now)  # nothing new since


def test_many_changes_in_a_burst_write_the_file_once(path: Path, clock: FakeClock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    writes = []
    real = storage.write_atomically
    monkeypatch.setattr(storage, "write_atomically", lambda p, t: (writes.append(1), real(p, t)))
    store = StatsStore(path, clock)
    store.question_shown(CHOICE.id)
    store.maybe_save(clock.now)
    for _ in range(100):  # a second of frames, each with a change
        clock.now += 0.01
        store.question_shown(CHOICE.id)
        store.maybe_save(clock.now)
    assert store.wait_for_saves()
    assert len(writes) == 1
    store.flush()
    assert len(writes) == 2 and on_disk(path).questions[CHOICE.id].shown == 101


def test_a_crash_while_writing_leaves_the_old_file(path: Path, clock: FakeClock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = StatsStore(path, clock)
    store.question_shown(CHOICE.id)
    store.save()
    before = path.read_bytes()

    def power_cut(fd: int) -> None:
        raise SystemExit("power cut")  # not an OSError: nothing may catch it

    monkeypatch.setattr(storage.os, "fsync", power_cut)
    store.question_shown(CHOICE.id)
    with pytest.raises(SystemExit):
        store.save()
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no half-written temporary file left


def test_a_failed_write_is_logged_once_and_tried_again(path: Path, clock: FakeClock, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    store = StatsStore(path, clock)

    def disk_full(p: Path, d: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("game.core.stats.write_json_atomically", disk_full)
    store.question_shown(CHOICE.id)
    with caplog.at_level(logging.WARNING):
        for _ in range(5):
            assert not store.save()
    assert sum("could not save statistics" in r.message for r in caplog.records) == 1
    monkeypatch.setattr("game.core.stats.write_json_atomically", storage.write_json_atomically)
    clock.now += SAVE_EVERY
    assert store.maybe_save(clock.now)  # still had something to write
    assert store.wait_for_saves()
    assert on_disk(path).questions[CHOICE.id].shown == 1


def test_saves_during_play_never_make_the_frame_wait_for_the_disk(path: Path, clock: FakeClock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An SD card's fsync can take tens of milliseconds: the frame loop only hands the text over."""
    disk_ready = threading.Event()
    real = storage.write_atomically

    def slow_disk(p: Path, text: str) -> None:
        assert disk_ready.wait(10)
        real(p, text)

    monkeypatch.setattr(storage, "write_atomically", slow_disk)
    store = StatsStore(path, clock)
    store.question_shown(CHOICE.id)
    assert store.maybe_save(clock.now)  # returned while the disk is still busy
    assert not path.exists()
    disk_ready.set()
    assert store.wait_for_saves()
    assert on_disk(path).questions[CHOICE.id].shown == 1


def test_a_failed_background_save_is_logged_once_and_tried_again(
    path: Path, clock: FakeClock, monkeypatch, caplog
) -> None:  # type: ignore[no-untyped-def]
    real = storage.write_atomically

    def disk_full(p: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage, "write_atomically", disk_full)
    store = StatsStore(path, clock)
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            store.question_shown(CHOICE.id)
            clock.now += SAVE_EVERY
            assert store.maybe_save(clock.now)
            assert store.wait_for_saves()
    assert sum("could not save statistics" in r.message for r in caplog.records) == 1
    monkeypatch.setattr(storage, "write_atomically", real)
    clock.now += SAVE_EVERY
    assert store.maybe_save(clock.now)  # the failed save left the counters to be saved again
    assert store.wait_for_saves()
    assert on_disk(path).questions[CHOICE.id].shown == 3


def test_flush_ends_the_open_session_and_saves(path: Path, clock: FakeClock) -> None:
    store = StatsStore(path, clock)
    store.session_started()
    clock.now += 42
    assert store.flush()
    assert on_disk(path).days[local_date(NOON)].seconds == 42
    assert not store.in_session


def test_in_memory_store_writes_nothing(tmp_path: Path, clock: FakeClock) -> None:
    store = StatsStore(None, clock)
    store.question_shown(CHOICE.id)
    assert not store.maybe_save(clock.now) and not store.save()
    assert list(tmp_path.iterdir()) == []


# --- damaged files ---

DAMAGED = {
    "not-json": b"{ this is not json",
    "a-list": b"[1, 2, 3]",
    "other-format": b'{"schema": 1, "levels": {}}',
    "future-schema": b'{"format": "immunoquest-statistics", "schema": 3, "questions": {}, "levels": {}, "days": {}}',
    "negative-count": (
        b'{"format": "immunoquest-statistics", "schema": 1, "questions": {}, '
        b'"levels": {"car-t": {"started": -1, "finished": 0, "total_score": 0}}, "days": {}}'
    ),
    "boolean-count": (
        b'{"format": "immunoquest-statistics", "schema": 1, "questions": {"q": {"shown": true, '
        b'"answered": 0, "right_first_time": 0, "wrong": {}}}, "levels": {}, "days": {}}'
    ),
    "bad-day": (
        b'{"format": "immunoquest-statistics", "schema": 1, "questions": {}, "levels": {}, '
        b'"days": {"yesterday": {"sessions": 1, "seconds": 3}}}'
    ),
    "not-utf8": b'{"format": "\xff\xfe"}',
    "truncated": b'{"format": "immunoquest-statistics", "schema": 1, "questions": {"q": {"sh',
    "deep": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_a_damaged_file_is_moved_aside_and_counting_starts_again(
    path: Path, clock: FakeClock, caplog, name: str
) -> None:  # type: ignore[no-untyped-def]
    path.write_bytes(DAMAGED[name])
    with caplog.at_level(logging.WARNING):
        store = StatsStore(path, clock)
    assert store.stats == Statistics()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(clock.now))
    aside = path.with_name(f"statistics.json.corrupt-{stamp}")
    assert aside.read_bytes() == DAMAGED[name]
    assert not path.exists()
    assert any("statistics.json was damaged" in r.message for r in caplog.records)
    store.question_shown(CHOICE.id)
    assert store.flush()
    assert on_disk(path).questions[CHOICE.id].shown == 1


def test_a_missing_file_is_a_fresh_start_without_a_warning(path: Path, clock: FakeClock, caplog) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.WARNING):
        store = StatsStore(path, clock)
    assert store.stats == Statistics() and not caplog.records


def test_an_unreadable_file_is_not_moved(tmp_path: Path, clock: FakeClock, caplog) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "statistics.json"
    folder.mkdir()  # reading a folder fails like a permission problem would: leave it alone
    with caplog.at_level(logging.WARNING):
        store = StatsStore(folder, clock)
    assert store.stats == Statistics() and folder.is_dir()
    assert any("could not read statistics" in r.message for r in caplog.records)
