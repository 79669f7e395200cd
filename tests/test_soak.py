"""The soak: eight hours of kiosk life on a simulated clock, in well under a minute
(``SOAK_HOURS=168`` for seven days, by hand: about a quarter of an hour).

Visitors arrive, touch the attract loop, play a level or two (right and wrong answers,
the pause menu, "Watch again", comfort settings), read at their own pace, and walk
away; the kiosk asks "Are you still there?", resets and loops its scenes until the
next visitor. Between taps time runs as a time-lapse (frames of up to two seconds
instead of 0.1), which changes how often the screen is drawn, not what is drawn.

After a warm-up in which every level and setting has been seen once, Python's memory
(``tracemalloc``) may grow by less than 5 MB over the remaining hours, every cache
must stay within its bound, and the number of live scenes, apps and caches must not
creep up (pixel memory lives outside Python's allocator, so the caches' own byte
counts and the object counts are what show a leak of surfaces). The log goes through
the game's own rotating handler and must stay within its rotation; and a year of
visits must leave a statistics file under 1 MB.
"""

from __future__ import annotations

import gc
import logging
import os
import random
import tracemalloc
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from driver import Driver

from game.cli import setup_logging
from game.core.settings import Settings
from game.core.stats import StatsStore
from game.shell import app as app_module
from game.shell.app import App, Options
from game.shell.art.cache import SurfaceCache
from game.shell.scene import Scene
from game.shell.text import BoundedCache

HOURS = int(os.environ.get("SOAK_HOURS", "8"))
SIZE = (800, 480)  # a small kiosk screen: cheap to draw, the same code paths as a big one
LAPSE_DT = 2.0  # seconds per frame while nobody touches anything
GROWTH_LIMIT = 5 * 1024 * 1024
# Renders per hour after warm-up: new caption heights give new scene sizes, and a cell
# counts twice (its lit blob is built as a part). A thrown-away sheet renders ~4000.
REDRAWN_PER_HOUR = 400
KIOSK = Settings(kiosk=True, operator_pin="1234", idle_timeout=90, countdown=20)
EPOCH = 1_767_225_600.0  # the simulated clock starts on a fixed day (statistics count by date)
LOG_BOUND = 4 * 1_000_000 + 64 * 1024  # the log and its three old copies, 1 MB each (a last record may spill)
STATS_BOUND = 1_000_000


@pytest.fixture
def game_log(tmp_path: Path) -> Iterator[Path]:
    """The game's own log set-up (a rotating file) in a folder; the root logger is put back after."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    folder = tmp_path / "log"
    setup_logging(folder)
    yield folder
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def log_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.glob("immunoquest.log*"))


class Life:
    """One kiosk and its visitors; ``log`` counts what happened, for the failure message."""

    def __init__(self, content, data_dir: Path, seed: int = 8) -> None:  # type: ignore[no-untyped-def]
        self.rng = random.Random(seed)
        self.content = content
        options = Options(content=content, data_dir=data_dir, settings=KIOSK, size=SIZE, seed=seed)
        self.app = App(options, pygame.display.set_mode(SIZE))
        self.app.stats = StatsStore(data_dir / "statistics.json", clock=lambda: EPOCH + self.app.now)
        self.app.home()
        self.driver = Driver(self.app, "touch")
        self.log: Counter[str] = Counter()

    @property
    def hours(self) -> float:
        return self.app.now / 3600

    def lapse(self, seconds: float) -> None:
        """Nobody touches the screen for ``seconds``."""
        for _ in range(max(1, round(seconds / LAPSE_DT))):
            self.app.frame([], LAPSE_DT)
            self.check_faults()

    def check_faults(self) -> None:
        assert not self.app.faults, f"at {self.hours:.2f} h on {self.app.top.name}:\n{self.app.faults[0]}"

    def until_attract(self) -> None:
        """The visitor has gone: the kiosk asks, counts down, resets to the attract loop."""
        for _ in range(200):
            if self.app.top.name == "attract":
                self.log["resets"] += 1
                return
            self.lapse(10)
        raise AssertionError(f"no idle reset at {self.hours:.2f} h; stuck on {self.app.top.name}")

    def visitor(self, levels: list[int] | None = None, settings: bool | None = None) -> None:
        app, d = self.app, self.driver
        assert app.top.name == "attract", app.top.name
        d.tap((SIZE[0] // 2, SIZE[1] // 2))  # touch anywhere to start
        self.log["visitors"] += 1
        if settings if settings is not None else self.rng.random() < 0.3:
            self.change_settings()
        d.press(app.top.find("start"))
        for n in levels if levels is not None else [self.rng.randrange(len(self.content.levels))]:
            if app.top.name != "level-select":
                break
            self.play(n)
            if (self.rng.random() < 0.5 or levels is not None) and app.top.name == "results":
                d.press(app.top.find("levels"))  # back to the levels for another
        self.until_attract()

    def change_settings(self) -> None:
        d = self.driver
        d.press(self.app.top.find("settings"))
        for name in ("text", "theme", "motion", "text"):
            for _ in range(self.rng.randrange(1, 3)):
                d.press(self.app.top.find(name))
        d.press(self.app.top.find("done"))
        self.log["settings changed"] += 1

    def card(self, n: int):  # type: ignore[no-untyped-def]
        """The card of level ``n``, turning the pages of the level select if there are pages."""
        level_id = self.content.levels[n].id
        for turn in ("previous-page", "next-page"):
            for _ in range(len(self.content.levels)):
                found = [b for b in self.app.top.buttons if b.name == level_id]
                if found:
                    return found[0]
                pager = [b for b in self.app.top.buttons if b.name == turn and b.enabled]
                if not pager:
                    break
                self.driver.press(pager[0])
        raise AssertionError(f"no card for level {level_id}: {[b.name for b in self.app.top.buttons]}")

    def play(self, n: int) -> None:
        app, d = self.app, self.driver
        d.press(self.card(n))
        self.log["levels started"] += 1
        walk_away = self.rng.random() < 0.15
        for _ in range(400):
            scene = app.top
            if scene.name == "results":
                self.log["levels finished"] += 1
                self.lapse(self.rng.uniform(5, 20))
                return
            if walk_away and self.rng.random() < 0.1:
                self.log["walked away"] += 1
                return  # until_attract() lets the kiosk notice
            self.lapse(self.rng.uniform(2, 30))  # reading
            scene = app.top
            if scene.name in ("lesson", "feedback"):
                again = scene.name == "feedback" and "watch-again" in [b.name for b in scene.buttons]
                if again and self.rng.random() < 0.3:
                    d.press(scene.find("watch-again"))
                    self.log["watched again"] += 1
                    continue
                d.press(scene.find("next"))
            elif scene.name.startswith("question"):
                if self.rng.random() < 0.05:
                    d.press(scene.find("pause"))
                    d.press(app.top.find("resume"))
                    self.log["paused"] += 1
                d.answer(scene, scene.asked, self.rng.random() < 0.7)  # type: ignore[attr-defined]
            elif scene.name == "guess":  # "What do you think?": a guess, or Skip, then on
                if any(b.name == "next" for b in scene.buttons):
                    d.press(scene.find("next"))
                elif self.rng.random() < 0.1:
                    d.press(scene.find("skip"))
                else:
                    d.answer(scene, scene.asked, self.rng.random() < 0.5)  # type: ignore[attr-defined]
            elif scene.name == "still-there":
                d.press(scene.find("still-here"))
            else:
                raise AssertionError(f"unexpected screen {scene.name} at {self.hours:.2f} h")
            self.check_faults()
        raise AssertionError("a level never ended")


def cache_report() -> list[str]:
    """Every live cache that is over its bound (empty when all is well)."""
    # One entry may exceed a byte bound on its own: the newest entry is always kept.
    over = []
    for obj in gc.get_objects():
        if isinstance(obj, SurfaceCache) and (
            len(obj) > obj.max_entries or (obj.bytes > obj.max_bytes and len(obj) > 1)
        ):
            over.append(f"art cache: {len(obj)} entries, {obj.bytes:,} bytes")
        elif isinstance(obj, BoundedCache) and (
            len(obj) > obj.limit or (obj.max_weight and obj.weight > obj.max_weight and len(obj) > 1)
        ):
            over.append(f"text cache: {len(obj)} entries (bound {obj.limit}), weight {obj.weight:,}")
    return over


def census() -> Counter[str]:
    """Live objects that would pile up if screens, apps or caches leaked."""
    gc.collect()
    counts: Counter[str] = Counter()
    for obj in gc.get_objects():
        for kind in (Scene, App, SurfaceCache, BoundedCache):
            if isinstance(obj, kind):
                counts[kind.__name__] += 1
    return counts


class SpriteCounter:
    """Counts sprites rendered in every art cache, old or new.

    A sprite counts when its build returns. A miss is not a render: a lesson's warm-up
    meets misses it may not build this frame (``BuildDeferred``), and the same miss
    again on each later frame until its turn comes; counting misses counted those
    many times over, more on a faster machine (more warm-up steps fit in a frame).
    """

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.rendered = 0
        real_get = SurfaceCache.get
        counter = self

        def get(cache: SurfaceCache, key, build):  # type: ignore[no-untyped-def]
            def counted_build():  # type: ignore[no-untyped-def]
                surf = build()
                counter.rendered += 1
                return surf

            return real_get(cache, key, counted_build)

        monkeypatch.setattr(SurfaceCache, "get", get)


def test_eight_hours_of_kiosk_life_hold_steady(shipped_content, tmp_path, monkeypatch, game_log) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(app_module, "MAX_DT", LAPSE_DT)  # the time-lapse: long frames are not cut short
    sprites = SpriteCounter(monkeypatch)
    life = Life(shipped_content, tmp_path)
    app = life.app
    try:
        # warm-up: the attract loop goes round, every level is played, every setting is seen
        life.lapse(15 * 60)
        levels = list(range(len(shipped_content.levels)))
        for first in range(0, len(levels), 3):
            life.visitor(levels[first : first + 3], settings=True)
            life.lapse(60)
        gc.collect()
        before_census = census()
        tracemalloc.start()
        before, _ = tracemalloc.get_traced_memory()
        warm_hours = life.hours
        warm_sprites = sprites.rendered
        while life.hours < HOURS:
            life.visitor()
            life.lapse(life.rng.uniform(60, 20 * 60))
            assert not cache_report(), f"at {life.hours:.2f} h: {cache_report()}"
            sizes = app.ui.text.cache_sizes
            assert all(n <= bound for n, bound in sizes.values()), f"at {life.hours:.2f} h: {sizes}"
            hours = life.hours - warm_hours
            again = sprites.rendered - warm_sprites
            assert again <= REDRAWN_PER_HOUR * max(1.0, hours), (
                f"{again} sprites rendered again in {hours:.1f} h after warm-up: the art is thrown away and "
                "rebuilt (is one CharacterSheet shared by every scene, the attract loop included?)"
            )
        gc.collect()
        after, _peak = tracemalloc.get_traced_memory()
        top = tracemalloc.take_snapshot().statistics("lineno")[:8]
        tracemalloc.stop()
        after_census = census()
    finally:
        if tracemalloc.is_tracing():
            tracemalloc.stop()
    growth = after - before
    story = ", ".join(f"{k} {v}" for k, v in sorted(life.log.items()))
    stats_bytes = (tmp_path / "statistics.json").stat().st_size
    print(
        f"\nsoak: {life.hours:.1f} h simulated ({warm_hours:.1f} h warm-up); {story}; "
        f"Python memory growth {growth / 1e6:.2f} MB; "
        f"sprites rendered after warm-up {sprites.rendered - warm_sprites}; "
        f"log {log_bytes(game_log):,} bytes; statistics.json {stats_bytes:,} bytes"
    )
    log = life.log
    assert log["visitors"] >= 2 * HOURS and log["levels finished"] >= HOURS and log["resets"] >= 2 * HOURS, story
    assert growth < GROWTH_LIMIT, f"Python memory grew {growth / 1e6:.1f} MB after warm-up; top:\n" + "\n".join(
        map(str, top)
    )
    for kind in ("Scene", "App", "SurfaceCache", "BoundedCache"):  # a few screens more or less is normal
        assert after_census[kind] <= before_census[kind] + 6, (kind, before_census, after_census)
    assert not app.faults
    assert log_bytes(game_log) <= LOG_BOUND and stats_bytes < STATS_BOUND


def test_the_log_stays_within_its_rotation(game_log: Path) -> None:
    """A kiosk that keeps failing logs a traceback each time: 6 MB of them leave 4 files of 1 MB."""
    trace = "Traceback (most recent call last):\n" + '  File "game/shell/app.py", line 1, in frame\n' * 100
    for i in range(int(6e6 / len(trace)) + 1):
        logging.getLogger("game.shell.app").error("unexpected error %d; returning to the first screen\n%s", i, trace)
    files = sorted(p.name for p in game_log.glob("immunoquest.log*"))
    assert files == ["immunoquest.log", "immunoquest.log.1", "immunoquest.log.2", "immunoquest.log.3"]
    assert log_bytes(game_log) <= LOG_BOUND, log_bytes(game_log)


def test_a_year_of_visits_leaves_a_statistics_file_under_a_megabyte(shipped_content, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A busy kiosk (80 visitors a day, each answering a level's questions, often wrongly) for a year."""
    rng = random.Random(365)
    clock = [EPOCH]
    store = StatsStore(tmp_path / "statistics.json", clock=lambda: clock[0])
    levels = shipped_content.levels
    for day in range(365):
        for visit in range(80):
            clock[0] = EPOCH + day * 86_400 + 8 * 3600 + visit * 360
            store.session_started()
            level = rng.choice(levels)
            store.level_started(level.id)
            for question in level.questions:
                store.question_shown(question.id)
                right = rng.random() < 0.6
                options = question.choices if question.kind == "choice" else (True, False)
                store.question_answered(question, rng.choice(options), right)  # type: ignore[arg-type]
            store.level_finished(level.id, rng.randrange(0, 1200))
            clock[0] += rng.uniform(60, 900)
            store.session_ended()
    assert store.save()
    size = (tmp_path / "statistics.json").stat().st_size
    print(f"\nstatistics after a year ({store.stats.sessions:,} visits): {size:,} bytes")
    assert store.stats.sessions == 365 * 80 and len(store.stats.days) == 365
    assert size < STATS_BOUND, size


@pytest.mark.parametrize("kind", ["SurfaceCache", "BoundedCache"])
def test_cache_report_notices_a_cache_over_its_bound(kind: str) -> None:
    """The soak's cache check can fail: a cache pushed past its bound is reported."""
    if kind == "SurfaceCache":
        cache = SurfaceCache(max_entries=2)
        cache._items.update({i: pygame.Surface((1, 1)) for i in range(3)})
    else:
        text = BoundedCache[int, int](2)
        text._items.update({i: i for i in range(3)})
    assert cache_report()


def test_a_cache_with_a_byte_bound_forgets_the_oldest_until_it_fits() -> None:
    cache = BoundedCache[int, bytes](100, len, 10)
    for i in range(5):
        cache.get(i, lambda: bytes(4))
    assert len(cache) == 2 and cache.weight == 8
    cache.get(9, lambda: bytes(50))  # alone over the bound: kept, the rest forgotten
    assert len(cache) == 1 and cache.weight == 50
