"""The monkey: seeded random input on every screen, in normal and kiosk mode.

Keys (Esc, Alt+F4, Tab, digits, letters …), clicks and drags anywhere, finger touches
with SDL's synthetic mouse copies, window resizes to odd and tiny sizes, focus loss
and return, and window-close requests, all fed through ``App.frame``. Sometimes the
monkey taps a real button, so it gets deep into levels. When the game quits (outside
kiosk mode a close request is honoured) a fresh game starts and the monkey goes on.

Nothing may raise: ``App.frame`` recovers from any error but records its traceback in
``app.faults``, which must stay empty. Every screen must be visited. A failure names
its seed and a command that replays it.
"""

from __future__ import annotations

import faulthandler
import math
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pygame
import pytest

from game.core.content import Content
from game.core.settings import Settings
from game.shell.actions import DEBOUNCE_S
from game.shell.app import App, Options
from game.shell.audio import open_audio

FULL_RUN = 12_500
EVENTS_PER_SEED = int(os.environ.get("MONKEY_EVENTS", FULL_RUN))  # fewer for a quick run (the classic-pygame CI)
SEEDS = {"normal": (1, 2, 3, 4, 5), "kiosk": (101, 102, 103)}  # 8 x 12,500 = 100,000 events
KIOSK = Settings(kiosk=True, operator_pin="1234", idle_timeout=15, countdown=20)
ODD_SIZES = [(1, 1), (123, 77), (3000, 200), (639, 359), (720, 1280), (2, 900), (640, 360), (399, 700), (1366, 300)]
SMALL_SIZES = [(640, 360), (400, 640), (700, 400)]  # the smallest that fit: cheap to draw, so the monkey gets far
KEYS = [
    pygame.K_ESCAPE,
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_KP_ENTER,
    pygame.K_SPACE,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_AC_BACK,
    pygame.K_F4,
    pygame.K_q,
    *(getattr(pygame, f"K_{n}") for n in range(10)),
    *(getattr(pygame, f"K_KP{n}") for n in range(1, 10)),
    *(getattr(pygame, f"K_{c}") for c in "abcdefghijklmnopqrstuvwxyz"),
]
MODS = [0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_ALT, pygame.KMOD_CTRL, pygame.KMOD_CTRL | pygame.KMOD_ALT]
OPERATOR_MODS = pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_SHIFT
# Buttons the monkey prefers or avoids when it taps a real one, so it goes deep, not round in circles.
FORWARD = ("next", "start", "check", "still-here", "resume", "enter", "next-level", "option-", "left-", "right-")
AWAY = ("restart", "quit-to-title", "quit", "levels", "back", "pause", "cancel", "yes", "again", "replay")


def expected_screens(content: Content, kiosk: bool) -> set[str]:
    screens = {"title", "about", "settings", "level-select", "lesson", "feedback", "results", "pause"}
    screens |= {f"question-{q.kind}" for q in content.questions}
    if content.glossary:
        screens.add("glossary")
    if kiosk:
        return screens | {"attract", "still-there", "pin-pad", "operator"}
    return screens | {"confirm"}


class QuietSpeaker:
    """Read-aloud that says nothing: the monkey switches read-aloud on, a test must stay silent."""

    available = True
    busy = False

    def __init__(self) -> None:
        self.said = 0

    def say(self, lines: list[str]) -> None:
        self.said += 1

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass

    def use_language(self, code: str) -> bool:
        return True


@dataclass
class Monkey:
    """Plays one seed; ``events`` counts the raw events fed so far."""

    content: Content
    data_dir: Path
    seed: int
    kiosk: bool
    rng: random.Random = field(init=False)
    app: App = field(init=False)
    events: int = 0
    frames: int = 0
    restarts: int = 0
    fingers: int = 0  # finger ids used so far
    screen: str = ""  # the screen after the last frame
    pending: list[pygame.event.Event] = field(default_factory=list)  # events for the next frame
    batch: int = 1  # how many events the next frame takes
    visits: Counter[str] = field(default_factory=Counter)
    recent: list[str] = field(default_factory=list)  # the last events, for a failure message

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.audio = open_audio()  # made once: synthesising the sounds for every restart is slow
        self.app = self.new_app()

    def new_app(self) -> App:
        settings = KIOSK if self.kiosk else Settings()
        size = SMALL_SIZES[0]
        options = Options(content=self.content, data_dir=self.data_dir, settings=settings, size=size, seed=self.seed)
        # A kiosk opens full screen (1024x768 on the dummy driver); a smaller one draws faster.
        surface = pygame.display.set_mode(size) if self.kiosk else None
        app = App(options, surface, audio=self.audio, speaker_factory=QuietSpeaker)
        app.home()  # what App.run shows first
        app.frame([], 0.0)
        return app

    # feeding the game
    def feed(self, events: list[pygame.event.Event], dt: float | None = None) -> None:
        """Queue ``events``; a frame runs when enough are queued (a fast hand sends several
        per frame) or at once when ``dt`` is given (a pause the move needs, e.g. between taps)."""
        self.pending += events
        if dt is None and len(self.pending) < self.batch:
            return
        events, self.pending = self.pending, []
        self.batch = self.rng.choice((1, 2, 3, 5, 8, 13))
        if dt is None:
            dt = self.rng.choice((0.0, 0.004, 1 / 60, 1 / 60, 0.05, 0.1, 0.3, -1.0, 7.0))
        self.recent = (self.recent + [f"{pygame.event.event_name(e.type)} {e.dict}" for e in events] + [f"dt={dt}"])[
            -30:
        ]
        self.app.frame(events, dt)
        self.events += len(events)
        self.frames += 1
        self.check()

    def check(self) -> None:
        app = self.app
        if app.faults:
            mode = "kiosk" if self.kiosk else "normal"
            count = f"MONKEY_EVENTS={EVENTS_PER_SEED} " if EVENTS_PER_SEED != FULL_RUN else ""
            replay = f"MONKEY_SEED={self.seed} MONKEY_MODE={mode} {count}"
            replay += ".venv/bin/python -m pytest tests/test_monkey.py -k replay"
            recent = "\n".join(self.recent)
            pytest.fail(
                f"seed {self.seed} ({mode}): unhandled error after {self.events} events on '{app.top.name}'.\n"
                f"Replay: {replay}\nLast events:\n{recent}\n{app.faults[0]}",
                pytrace=False,
            )
        name = "(window too small)" if app.too_small else app.top.name
        if name != self.screen:  # count arrivals, not frames
            self.visits[name] += 1
            self.screen = name
        if not app.running:
            self.restarts += 1
            self.app = self.new_app()

    # what the monkey does
    def run(self, count: int) -> None:
        moves = [
            (self.key, 20),
            (self.click, 10),
            (self.drag, 5),
            (self.hover, 4),
            (self.touch, 10),
            (self.button, 25),
            (self.resize, 1.2),
            (self.focus, 1),
            (self.close, 0.4),
            (self.idle, 0.8),
            (self.noise, 2),
        ]
        actions, weights = zip(*moves)
        while self.events < count:
            self.rng.choices(actions, weights)[0]()

    def pos(self) -> tuple[int, int]:
        w, h = self.app.screen.get_size()
        return self.rng.randrange(-5, w + 5), self.rng.randrange(-5, h + 5)

    def key(self, key: int | None = None, mod: int | None = None) -> None:
        """One key, or a mash of up to six in one frame."""
        if key is not None:
            self.feed([pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod or 0, unicode="", scancode=0)])
            return
        events = []
        for _ in range(self.rng.choice((1, 1, 2, 3, 6))):
            key, mod = self.rng.choice(KEYS), self.rng.choice(MODS)
            if self.rng.random() < 0.01:
                key, mod = pygame.K_q, OPERATOR_MODS
            events.append(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0))
            if self.rng.random() < 0.5:
                events.append(pygame.event.Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0))
        self.feed(events)

    def mouse(self, kind: int, pos: tuple[int, int], button: int = 1, touch: bool = False) -> pygame.event.Event:
        if kind == pygame.MOUSEMOTION:
            return pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(button == 1, 0, 0), touch=touch)
        return pygame.event.Event(kind, pos=pos, button=button, touch=touch)

    def click(self, pos: tuple[int, int] | None = None, dt: float | None = None) -> None:
        button = 1 if pos is not None else self.rng.choice((1, 1, 1, 2, 3, 4, 5))  # aimed: the left button
        pos = self.pos() if pos is None else pos
        self.feed([self.mouse(pygame.MOUSEBUTTONDOWN, pos, button)], dt)
        self.feed([self.mouse(pygame.MOUSEBUTTONUP, pos, button)], dt)

    def drag(self) -> None:
        start = self.pos()
        self.feed([self.mouse(pygame.MOUSEBUTTONDOWN, start)])
        for _ in range(self.rng.randrange(1, 12)):
            self.feed([self.mouse(pygame.MOUSEMOTION, self.pos())])
        self.feed([self.mouse(pygame.MOUSEBUTTONUP, self.pos())])

    def hover(self) -> None:
        self.feed([self.mouse(pygame.MOUSEMOTION, self.pos(), button=0) for _ in range(self.rng.randrange(1, 6))])

    def finger(self, kind: int, x: float, y: float, fid: int) -> pygame.event.Event:
        return pygame.event.Event(kind, x=x, y=y, dx=0.0, dy=0.0, finger_id=fid, touch_id=1, pressure=1.0)

    def touch(self, at: tuple[float, float] | None = None, dt: float | None = None) -> None:
        """A finger: tap, drag or a second finger at once, each with SDL's mouse copy."""
        self.fingers += 1
        fid = self.fingers
        x, y = at if at is not None else (self.rng.uniform(-0.05, 1.05), self.rng.uniform(-0.05, 1.05))
        w, h = self.app.screen.get_size()
        pixel = (int(x * w), int(y * h))
        self.feed(
            [self.finger(pygame.FINGERDOWN, x, y, fid), self.mouse(pygame.MOUSEBUTTONDOWN, pixel, touch=True)], dt
        )
        if at is None and self.rng.random() < 0.4:
            for _ in range(self.rng.randrange(1, 8)):
                x, y = self.rng.random(), self.rng.random()
                self.feed([self.finger(pygame.FINGERMOTION, x, y, fid)])
        if at is None and self.rng.random() < 0.15:  # a second finger while the first is down
            self.feed([self.finger(pygame.FINGERDOWN, self.rng.random(), self.rng.random(), fid + 1000)])
            self.feed([self.finger(pygame.FINGERUP, self.rng.random(), self.rng.random(), fid + 1000)])
        self.feed([self.finger(pygame.FINGERUP, x, y, fid), self.mouse(pygame.MOUSEBUTTONUP, pixel, touch=True)], dt)

    def button(self) -> None:
        """Press a real enabled button, mostly one that leads on, by touch, mouse or keys."""
        app = self.app
        if app.too_small:
            self.resize(self.rng.choice(SMALL_SIZES))
            return
        if app.top.name == "pin-pad" and self.rng.random() < 0.5:  # staff who know the PIN
            for name in ("clear", "digit-1", "digit-2", "digit-3", "digit-4", "enter"):
                found = [b for b in self.app.top.buttons if b.name == name]
                if self.app.top.name != "pin-pad" or not found:
                    break
                self.tap_button(found[0], keys=False)
            return
        buttons = [b for b in app.top.buttons if b.enabled and app.screen.get_rect().collidepoint(b.rect.center)]
        if not buttons:
            self.idle()
            return
        weights = [
            4.0 if b.name.startswith(FORWARD) or b.style == "primary" else 0.3 if b.name.startswith(AWAY) else 1.0
            for b in buttons
        ]
        if app.top.name == "level-select":  # prefer levels that ask a kind of question not yet seen
            unseen = {k for k in ("choice", "truefalse", "order", "match") if f"question-{k}" not in self.visits}
            kinds = {level.id: {q.kind for q in level.questions} for level in self.content.levels}
            weights = [w * (8 if kinds.get(b.name, set()) & unseen else 1) for b, w in zip(buttons, weights)]
        self.tap_button(self.rng.choices(buttons, weights)[0])

    def tap_button(self, button, keys: bool = True) -> None:  # type: ignore[no-untyped-def]
        # Wait until the double-tap debounce is over, or the tap would be (rightly) ignored.
        since = self.app.now - self.app.mapper._last_activation
        for _ in range(max(0, math.ceil((DEBOUNCE_S + 0.01 - since) / 0.1))):
            self.feed([], 0.1)
        w, h = self.app.screen.get_size()
        x, y = button.rect.center
        way = self.rng.random() * (1.0 if keys else 0.8)
        if way < 0.4:
            self.click((x, y), dt=0.1)
        elif way < 0.8:
            self.touch((x / max(1, w - 1), y / max(1, h - 1)), dt=0.1)
        else:
            self.key(pygame.K_RETURN, 0) if button is self.app.top.focus else self.key(pygame.K_TAB, 0)

    def resize(self, size: tuple[int, int] | None = None) -> None:
        if size is None:
            size = self.rng.choice(ODD_SIZES) if self.rng.random() < 0.6 else self.rng.choice(SMALL_SIZES)
        w, h = size
        self.feed([pygame.event.Event(pygame.VIDEORESIZE, size=(w, h), w=w, h=h)])

    def focus(self) -> None:
        self.feed([pygame.event.Event(pygame.WINDOWFOCUSLOST)])
        for _ in range(self.rng.randrange(0, 4)):
            self.feed([])
        self.feed([pygame.event.Event(pygame.WINDOWFOCUSGAINED)])

    def close(self) -> None:
        if self.rng.random() < 0.5:
            self.feed([pygame.event.Event(pygame.QUIT)])
        else:
            self.key(pygame.K_F4, pygame.KMOD_ALT)

    def idle(self) -> None:
        """Nobody touches anything for a while: animations run, a kiosk asks who is there."""
        # 21 s: a hands-on moment completes itself; 40 s: a kiosk asks "still there?" and resets.
        seconds = self.rng.choices((0.5, 2.0, 6.0, 21.0, 40.0 if self.kiosk else 3.0), (4, 3, 2, 1, 1))[0]
        for _ in range(int(seconds / 0.1)):
            self.feed([], 0.1)

    def noise(self) -> None:
        """Events the game should simply ignore."""
        kind = self.rng.choice((pygame.TEXTINPUT, pygame.MOUSEWHEEL, pygame.WINDOWMOVED, pygame.USEREVENT))
        self.feed([pygame.event.Event(kind, text="x", x=0, y=1, flipped=False, touch=False)])


def play(content: Content, tmp_path: Path, seed: int, kiosk: bool, count: int = EVENTS_PER_SEED) -> Monkey:
    data_dir = tmp_path / f"seed-{seed}"
    data_dir.mkdir()
    # A hang is a failure too: after 5 minutes print every thread's stack and stop, rather than
    # block CI (replay the seed to see it again).
    faulthandler.dump_traceback_later(300, exit=True)
    try:
        monkey = Monkey(content, data_dir, seed, kiosk)
        monkey.run(count)
    finally:
        faulthandler.cancel_dump_traceback_later()
    return monkey


@pytest.mark.parametrize("mode", sorted(SEEDS))
def test_monkey_finds_no_error_and_reaches_every_screen(mode: str, shipped_content, tmp_path) -> None:  # type: ignore[no-untyped-def]
    kiosk = mode == "kiosk"
    visits: Counter[str] = Counter()
    events = 0
    for seed in SEEDS[mode]:
        monkey = play(shipped_content, tmp_path, seed, kiosk)
        visits.update(monkey.visits)
        events += monkey.events
    missing = expected_screens(shipped_content, kiosk) - set(visits)
    table = ", ".join(f"{name} {n}" for name, n in sorted(visits.items()))
    print(f"\n{mode}: {events} events; visits: {table}; never reached: {sorted(missing) or 'none'}")
    if EVENTS_PER_SEED >= FULL_RUN:  # a quick run (MONKEY_EVENTS) hunts errors only
        assert not missing, f"{mode}: never reached {sorted(missing)} with seeds {SEEDS[mode]}; visits: {table}"


@pytest.mark.skipif("MONKEY_SEED" not in os.environ, reason="set MONKEY_SEED (and MONKEY_MODE) to replay a seed")
def test_replay(shipped_content, tmp_path) -> None:  # type: ignore[no-untyped-def]
    seed = int(os.environ["MONKEY_SEED"])
    monkey = play(shipped_content, tmp_path, seed, os.environ.get("MONKEY_MODE") == "kiosk")
    print(f"seed {seed}: {monkey.events} events, {monkey.restarts} restarts; visits {dict(monkey.visits)}")
