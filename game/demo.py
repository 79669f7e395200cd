"""``--demo-stats FILE [--visits N] [--seed S]``: a statistics file as if N visitors had played.

The real game is driven headless (the dummy video driver, no window, no sound): every
visitor is a session of the real App, plays one to three levels through the real level
screens (the "What do you think?" question, lessons, questions, feedback) and the real
``StatsStore`` counts them. Simulated visitors differ: some guess, some know most
answers, some improve after the lessons. Staff use it to preview the report before a
kiosk has data; tests use it too.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.core.content import Content
from game.core.quiz import AskedQuestion
from game.core.settings import Settings
from game.core.stats import StatsStore

if TYPE_CHECKING:
    from game.shell.app import App
    from game.shell.scenes.level import LevelPlay

DAY = 24 * 3600
START = time.mktime((2026, 11, 2, 9, 0, 0, 0, 0, -1))  # a Monday morning, local time
SIZE = (640, 480)


@dataclass(frozen=True)
class Visitor:
    """How likely this kind of visitor is to be right before and after the lessons."""

    kind: str
    before: float
    after: float


VISITORS = (
    Visitor("guesses", 0.35, 0.45),
    Visitor("knows most", 0.8, 0.92),
    Visitor("learns", 0.3, 0.85),
)


def option_for(asked: AskedQuestion, right: bool, rng: random.Random) -> str:
    """The name of the option button a visitor presses on a choice or true/false screen."""
    q = asked.question
    correct = q.answer if q.kind == "choice" else ("True" if q.truth else "False")
    numbers = [i for i, option in enumerate(asked.options, 1) if (option == correct) == right]
    return f"option-{rng.choice(numbers)}"


def write_demo_stats(out: Path, content: Content, visits: int, seed: int) -> StatsStore:
    """Play ``visits`` simulated visits and write their statistics to ``out`` (replacing it)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.shell.app import App, Options
    from game.shell.scenes.level import LevelPlay

    pygame.display.init()
    pygame.font.init()
    rng = random.Random(seed)
    now = [START]
    out.unlink(missing_ok=True)
    name = f"Demo kiosk {seed}"
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(before_after=True, kiosk_name=name)
        options = Options(content=content, data_dir=Path(data_dir), settings=settings, size=SIZE, seed=seed)
        app = App(options, pygame.display.set_mode(SIZE))
        # Saved once at the end: the simulated clock runs far faster than saving is meant for.
        app.stats = stats = StatsStore(out, clock=lambda: now[0], save_every=float("inf"), kiosk_name=name)
        for n in range(visits):
            visitor = rng.choice(VISITORS)
            now[0] = START + (n % 14) * DAY + (n // 14) * 15 * 60  # spread over two weeks of mornings
            stats.session_started()
            for level in rng.sample(content.levels, min(len(content.levels), rng.randint(1, 3))):
                _play(app, LevelPlay(app, level), visitor, rng, now)
            now[0] += 60
            stats.session_ended()
        stats.flush()
    return stats


def _play(app: App, play: LevelPlay, visitor: Visitor, rng: random.Random, now: list[float]) -> None:
    """One level, screen by screen, as this visitor would press through it."""
    from game.shell.kinds import answer_presses

    play.begin()
    for _ in range(500):
        top = app.top
        now[0] += 8  # seconds a screen takes, give or take
        if top.name == "results":
            return
        if top.name == "guess":
            if top.buttons[0].name == "next":
                top.find("next").on_press()
            elif rng.random() < 0.1:
                top.find("skip").on_press()
            else:
                asked = getattr(top, "asked")  # noqa: B009 (the guess screen's question; no scene import here)
                top.find(option_for(asked, rng.random() < visitor.before, rng)).on_press()
        elif top.name in ("lesson",) or top.name.startswith("feedback"):
            top.find("next").on_press()
        elif isinstance(play.session.current, AskedQuestion):
            step = play.session.current
            right = rng.random() < visitor.after
            if step.question.kind in ("choice", "truefalse"):  # any wrong option, as visitors pick them
                top.find(option_for(step, right, rng)).on_press()
            else:  # the controls of the kind, pressed in turn (the spot question's picture too)
                for name, _number in answer_presses(step, right):
                    app.top.find(name).on_press()
        else:
            raise RuntimeError(f"the demo visitor does not know the screen {top.name!r}")
        app.frame([], 0.05)
    raise RuntimeError("a demo level did not end")
