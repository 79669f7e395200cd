"""``--bench``: how long every screen takes to draw, how fast the game starts, how much
memory it holds and how much CPU a still screen costs.

Headless (SDL's dummy video driver). First an empty frame (fill and flip) gives the
floor; then every screen in ``SCREENS`` is shown for N frames through the real
``App.frame`` with a simulated clock, as the real loop runs it: a frame draws what
changed (a moving scene, its own rectangle; a still screen, nothing), once a second
(every ``TAP_EVERY`` frames) the whole screen is redrawn as after a touch, and between
frames ``App.idle`` does its work ahead of need (untimed: the real loop gives it what
is left of the frame's time). Adding a screen is one line in ``SCREENS`` (or in
``level_screens`` for screens that exist once per level or per question kind).

Output: a readable table, one JSON line per item ``{"item", "frames", "p50_ms",
"p99_ms", "max_ms", "p99_vs_empty", "pixels_per_frame"}`` (pixels painted per frame, on
average: a cost that does not depend on the machine), then one JSON line
``{"startup_ms", "peak_rss_mb", "static_cpu_percent"}``. It is a measurement, not a
test: the exit code is 0 unless a screen raised an error.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.core.content import Level
    from game.shell.app import App, Options

DEFAULT_FRAMES = 600
DEFAULT_SIZE = (1920, 1080)  # the size the targets are set for
DT = 1 / 60  # the simulated clock: one frame at 60 fps
TAP_EVERY = 60  # a touch a second: that frame redraws the whole screen
STATIC_CPU_S = 3.0  # how long the real loop runs on a still question
# Targets at 1080p (issue 14): the frame budget of a Pi-class machine is several times ours.
TARGETS = {
    "p99_ms": 4.0,
    "max_ms": 8.0,
    "p99_vs_empty": 12.0,
    "startup_ms": 400.0,
    "peak_rss_mb": 120.0,
    "static_cpu_percent": 1.0,
}
TARGET_P99_LARGE_MS = 16.0  # above 1080p (the 4K pass) only the p99 is judged


@dataclass
class Item:
    """One screen to measure: ``show`` puts the app on it (not timed); ``poke(app, i)``,
    if given, runs before frame ``i`` (not timed), e.g. to move on to the next lesson."""

    name: str
    show: Callable[[App], object]
    poke: Callable[[App, int], object] | None = None


def press(app: App, *names: str) -> None:
    """Press buttons of the top screen by name, as the capture tour does."""
    for name in names:
        app.top.find(name).on_press()


def then(first: Callable[[App], object], *names: str) -> Callable[[App], None]:
    """A ``show``: do ``first``, then press the buttons called ``names``."""

    def show(app: App) -> None:
        first(app)
        press(app, *names)

    return show


def title(app: App) -> None:
    from game.shell.scenes.title import TitleScene

    app.replace(TitleScene(app))


def level_select(app: App) -> None:
    from game.shell.scenes.level_select import LevelSelectScene

    app.replace(LevelSelectScene(app))


def first_question(app: App) -> None:
    """The first question of the first level, asked (for overlays drawn over it)."""
    kind = next(iter(question_kinds(app)))
    show_question(app, kind)


def kiosk_app(app: App) -> None:
    """Kiosk screens need a kiosk: switch this app to one with a PIN (``fresh`` undoes it)."""
    app.kiosk = True
    app.apply_settings(dataclasses.replace(app.settings, kiosk=True, operator_pin="1234"), save=False)


def fresh(app: App) -> None:
    """The app as it started: its own kiosk setting, a new visitor's session, no screens."""
    app.kiosk = app.options.settings.kiosk
    app.start_session()


def pin_pad(app: App) -> None:
    from game.shell.scenes.kiosk import PinPadScene

    kiosk_app(app)
    title(app)
    app.push(PinPadScene(app))
    press(app, "digit-1", "digit-2")


def operator_menu(app: App) -> None:
    pin_pad(app)
    press(app, "digit-3", "digit-4", "enter")


def attract(app: App) -> None:
    kiosk_app(app)
    app.home()


def still_there(app: App) -> None:
    from game.shell.scenes.kiosk import StillThereScene

    kiosk_app(app)
    first_question(app)
    app.push(StillThereScene(app))


def glossary(app: App) -> None:
    """The words explained on the first question screen that offers them."""
    for kind in question_kinds(app):
        show_question(app, kind)
        if any(b.name == "words" for b in app.top.buttons):
            press(app, "words")
            return
    raise LookupError("no question screen offers the glossary")


def unavailable(app: App) -> None:
    from game.shell.scenes.kiosk import UnavailableScene

    kiosk_app(app)
    app.replace(UnavailableScene(app, "questions.yaml:3: an example problem"))


# Every screen that is not per level or per question kind: one line each.
SCREENS: list[Item] = [
    Item("title", title),
    Item("about", then(title, "about")),
    Item("settings", then(title, "settings")),
    Item("quit-confirm", then(title, "quit")),
    Item("level-select", level_select),
    Item("pause", then(first_question, "pause")),
    Item("glossary", glossary),
    Item("attract (kiosk)", attract),
    Item("still-there (kiosk)", still_there),
    Item("pin-pad (kiosk)", pin_pad),
    Item("operator (kiosk)", operator_menu),
    Item("unavailable (kiosk)", unavailable),
]


# screens that exist per level or per question kind
def question_kinds(app: App) -> dict[str, tuple[Level, int]]:
    """For each question kind: the first level that asks one, and the question's index."""
    found: dict[str, tuple[Level, int]] = {}
    for level in app.content.levels:
        for i, q in enumerate(level.questions):
            found.setdefault(q.kind, (level, i))
    return found


def whole_level(app: App, level: Level):  # type: ignore[no-untyped-def]
    """A play of ``level`` that asks every question (so any one can be shown)."""
    from game.core.quiz import QuizSession, plan_steps
    from game.shell.scenes.level import LevelPlay

    play = LevelPlay(app, level)
    full = dataclasses.replace(level, ask=len(level.questions))
    play.session = QuizSession(full, plan_steps(full, app.rng))
    return play


def show_question(app: App, kind: str, half_done: bool = False, respond: str = "") -> None:
    """The first question of ``kind``; ``half_done``: half of a right answer's presses made
    (for kinds answered with Check); ``respond`` 'right' or 'wrong' answers it (showing the feedback)."""
    from game.core.quiz import AskedQuestion
    from game.shell.kinds import answer_presses

    level, index = question_kinds(app)[kind]
    play = whole_level(app, level)
    steps = play.session.steps
    asked = [s for s in steps if isinstance(s, AskedQuestion)][index]
    play.session.index = steps.index(asked)
    play.show_current()
    if half_done:
        presses = answer_presses(asked, right=True)
        press(app, *(name for name, _ in presses[: len(presses) // 2]))
    if respond:
        press(app, *(name for name, _ in answer_presses(asked, right=respond == "right")))


def lesson_screens(app: App, level: Level, frames: int) -> Item:
    """Every lesson beat of ``level`` in turn (each cue for an equal share of the frames)."""
    from game.shell.scenes.level import LessonScene

    lessons = level.lessons
    share = max(1, frames // max(1, len(lessons)))
    state: dict[str, object] = {}

    def show(app: App) -> None:
        play = whole_level(app, level)
        play.hands_on_done = True  # the hands-on moment is its own item
        state["play"] = play
        app.replace(LessonScene(app, play, lessons[0]))

    def poke(app: App, i: int) -> None:
        if i and i % share == 0 and i // share < len(lessons):
            app.replace(LessonScene(app, state["play"], lessons[i // share]))  # type: ignore[arg-type]
            app.transition = None

    return Item(f"lessons {level.scene}", show, poke)


def hands_on(app: App, level: Level) -> Item:
    """The level's hands-on moment, waiting for the player (the hint appears after 5 s).

    Measured even if the content has no lesson at the scene's hands-on cue (then the
    item's name says so): the art is there and may be used by the next edit.
    """
    from game.core.content import Lesson
    from game.shell.scenes.level import LessonScene

    cue = whole_level(app, level).art.hands_on_cue
    lesson = next((s for s in level.lessons if s.cue == cue), None)
    name = f"hands-on {level.scene}"
    if lesson is None:
        lesson = Lesson("bench-hands-on", cue, level.lessons[0].caption if level.lessons else "")
        name += " (no lesson uses it)"
    return Item(name, lambda app: app.replace(LessonScene(app, whole_level(app, level), lesson)))


def level_screens(app: App, frames: int) -> Iterator[Item]:
    from game.shell.kinds import shell_of

    for level in app.content.levels:
        yield lesson_screens(app, level, frames)
        yield hands_on(app, level)
    for kind in question_kinds(app):
        yield Item(f"question-{kind}", question(kind))
        if shell_of(kind).controls.checks:
            yield Item(f"question-{kind} half done", question(kind, half_done=True))
    first = next(iter(question_kinds(app)))
    yield Item("feedback right", question(first, respond="right"))
    yield Item("feedback wrong", question(first, respond="wrong"))
    for kind in question_kinds(app):  # a feedback with a moving picture (the spot question's)
        if shell_of(kind).has_picture:
            yield Item(f"feedback-{kind} wrong", question(kind, respond="wrong"))
    yield Item("results", results)
    yield Item("cross-fade", title, cross_fade)


def question(kind: str, half_done: bool = False, respond: str = "") -> Callable[[App], None]:
    return lambda app: show_question(app, kind, half_done, respond)


def results(app: App) -> None:
    play = whole_level(app, app.content.levels[0])
    play.session.index = len(play.session.steps)
    play.finish()


def cross_fade(app: App, i: int) -> None:
    """A transition on every frame: the costliest moment of a screen change."""
    if app.transition is None or app.transition.done:
        app._fade()


# measuring
def percentile(sorted_ms: list[float], p: float) -> float:
    if not sorted_ms:
        return 0.0
    k = min(len(sorted_ms) - 1, max(0, round(p / 100 * (len(sorted_ms) - 1))))
    return sorted_ms[k]


def summarise(
    name: str, times_s: list[float], empty_p99: float | None, pixels: list[int] | None = None
) -> dict[str, object]:
    ms = sorted(t * 1000 for t in times_s)
    pixels = pixels or []
    p99 = percentile(ms, 99)
    ratio = round(p99 / empty_p99, 1) if empty_p99 else 1.0
    return {
        "item": name,
        "frames": len(ms),
        "p50_ms": round(percentile(ms, 50), 3),
        "p99_ms": round(p99, 3),
        "max_ms": round(ms[-1] if ms else 0.0, 3),
        "p99_vs_empty": ratio,
        "pixels_per_frame": round(sum(pixels) / len(pixels)) if pixels else 0,
    }


def time_empty_frames(screen, frames: int) -> tuple[list[float], list[int]]:  # type: ignore[no-untyped-def]
    import pygame

    times = []
    for i in range(frames):
        start = time.perf_counter()
        screen.fill((i % 200, 120, 160))
        pygame.display.flip()
        times.append(time.perf_counter() - start)
    return times, [screen.get_width() * screen.get_height()] * frames


def time_item(app: App, item: Item, frames: int) -> tuple[list[float], list[int]]:
    """Frame times and pixels painted per frame; ``App.idle`` runs between frames, untimed."""
    from game.shell.app import IDLE_WORK_S

    fresh(app)
    item.show(app)
    app.transition = None  # a screen is measured on its own; the cross-fade has its own item
    times, pixels = [], []
    for i in range(frames):
        if item.poke is not None:
            item.poke(app, i)
        if i % TAP_EVERY == 0:
            app.dirty = True
        start = time.perf_counter()
        app.frame([], DT)
        times.append(time.perf_counter() - start)
        pixels.append(app.pixels_drawn)
        app.idle(IDLE_WORK_S)
    return times, pixels


def seconds_since_process_start() -> float | None:
    """Wall time since this process was created (Linux: /proc/self/stat), or None."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22, counted after "pid (comm)"
        hz = os.sysconf("SC_CLK_TCK")
        now = time.clock_gettime(time.CLOCK_BOOTTIME)  # the clock starttime is counted on
        return now - start_ticks / hz
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def peak_rss_mb() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def static_cpu_percent(app: App, seconds: float = STATIC_CPU_S) -> float:
    """CPU per wall-clock second of the real loop (``App.run``, real ``Clock.tick``) while a
    question waits for an answer with reduced motion on."""
    app.apply_settings(dataclasses.replace(app.settings, reduced_motion=True, mode="relaxed"), save=False)
    real_frame = app.frame
    marks: dict[str, float] = {}
    settle = 0.5  # the first half second: the screen change and its cross-fade

    def measured_frame(events, dt):  # type: ignore[no-untyped-def]
        drawn = real_frame(events, dt)
        now = time.perf_counter()
        if "start" not in marks:
            marks["start"] = now
        elif "wall" not in marks and now - marks["start"] >= settle:
            marks["wall"], marks["cpu"] = now, time.process_time()
        elif "wall" in marks and now - marks["wall"] >= seconds:
            marks["wall_end"], marks["cpu_end"] = now, time.process_time()
            app.running = False
        return drawn

    app.frame = measured_frame  # type: ignore[method-assign]
    app.home = lambda: first_question(app)  # type: ignore[method-assign]
    app.running = True
    try:
        app.run()
    finally:
        del app.frame
        del app.home
    wall = marks["wall_end"] - marks["wall"]
    return round(100 * (marks["cpu_end"] - marks["cpu"]) / wall, 2)


def run_bench(options: Options, frames: int = DEFAULT_FRAMES) -> int:
    """Measure every screen at ``options.size`` (1920x1080 if the window default was left)."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    import pygame

    from game.shell.app import App

    size = options.size if options.size != (1280, 720) else DEFAULT_SIZE
    options = dataclasses.replace(options, size=size, data_dir=None, seed=options.seed or 7, fullscreen=False)
    app = App(options)
    title(app)
    app.frame([], DT)  # the first frame on screen
    since_start = seconds_since_process_start()
    startup_ms = round(since_start * 1000) if since_start is not None else None

    print(f"ImmunoQuest benchmark at {size[0]}x{size[1]}, {frames} frames per item (times in ms)")
    print(f"{'item':32} {'p50':>8} {'p99':>8} {'max':>8} {'p99/empty':>10} {'kpx/frame':>10}")
    empty_times, empty_pixels = time_empty_frames(app.screen, frames)
    rows = [summarise("empty frame", empty_times, None, empty_pixels)]
    empty_p99 = float(rows[0]["p99_ms"])  # type: ignore[arg-type]
    faults: list[str] = []
    show_row(rows[0])
    for item in [*SCREENS, *level_screens(app, frames)]:
        before = len(app.faults)
        try:
            times, pixels = time_item(app, item, frames)
            row = summarise(item.name, times, empty_p99, pixels)
        except Exception as exc:
            faults.append(f"{item.name}: {type(exc).__name__}: {exc}")
            app.recover(f"{item.name}: {exc!r}")
            continue
        faults += [f"{item.name}: {trace.strip().splitlines()[-1]}" for trace in app.faults[before:]]
        rows.append(row)
        show_row(row)

    cpu = static_cpu_percent(app)
    totals = {"startup_ms": startup_ms, "peak_rss_mb": peak_rss_mb(), "static_cpu_percent": cpu}
    pygame.quit()
    print(
        f"startup {totals['startup_ms']} ms · peak memory {totals['peak_rss_mb']} MB · "
        f"CPU on a still question {totals['static_cpu_percent']} %"
    )
    for row in rows:
        print(json.dumps(row))
    print(json.dumps(totals))
    missed = missed_targets(rows[1:], totals, size)
    print("targets: " + ("all met" if not missed else "missed: " + "; ".join(missed)))
    for fault in faults:
        print(f"ERROR {fault}", file=sys.stderr)
    return 1 if faults else 0


def show_row(row: dict[str, object]) -> None:
    print(
        f"{row['item']:32} {row['p50_ms']:8.2f} {row['p99_ms']:8.2f} {row['max_ms']:8.2f} {row['p99_vs_empty']:10.1f}"
        f" {int(row['pixels_per_frame']) / 1000:10.1f}"  # type: ignore[call-overload]
    )
    sys.stdout.flush()


def missed_targets(
    rows: list[dict[str, object]], totals: dict[str, float | None], size: tuple[int, int] = DEFAULT_SIZE
) -> list[str]:
    """The targets a run missed: at 1080p or smaller all of them; above it (the 4K pass)
    only every item's p99, against ``TARGET_P99_LARGE_MS``."""
    large = size[0] * size[1] > DEFAULT_SIZE[0] * DEFAULT_SIZE[1]
    limits = {"p99_ms": TARGET_P99_LARGE_MS} if large else {k: TARGETS[k] for k in ("p99_ms", "max_ms", "p99_vs_empty")}
    missed = [
        f"{r['item']} {key} {r[key]}"
        for r in rows
        for key, limit in limits.items()
        if float(r[key]) > limit  # type: ignore[arg-type]
    ]
    if large:
        return missed
    for key in ("startup_ms", "peak_rss_mb", "static_cpu_percent"):
        value = totals[key]
        if value is not None and float(value) > TARGETS[key]:
            missed.append(f"{key} {value}")
    return missed
