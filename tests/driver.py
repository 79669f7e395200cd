"""Plays the game through real pygame events, the way a person would, in one of three ways.

Used by the end-to-end tests: keyboard only, mouse only, or touch only. Every press
goes through ``App.frame`` and the input mapper, so debounce, the touch/mouse
de-duplication and focus handling are all exercised.
"""

from __future__ import annotations

import pygame

from game.core.quiz import AskedQuestion
from game.shell.app import App
from game.shell.kinds import answer_presses
from game.shell.ui import Button

STEP = 0.1  # seconds per frame; taps are spaced by more than the debounce


class Driver:
    def __init__(self, app: App, way: str) -> None:
        assert way in ("keyboard", "mouse", "touch")
        self.app = app
        self.way = way
        self.finger = 0

    def idle(self, seconds: float = 0.3) -> None:
        for _ in range(max(1, round(seconds / STEP))):
            self.app.frame([], STEP)

    def key(self, key: int, mod: int = 0) -> None:
        self.app.frame([pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)], STEP)
        self.idle()

    def tap(self, pos: tuple[int, int]) -> None:
        if self.way == "mouse":
            down = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False)
            up = pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False)
            self.app.frame([down], STEP)
            self.app.frame([up], STEP)
        else:
            w, h = self.app.screen.get_size()
            x, y = pos[0] / (w - 1), pos[1] / (h - 1)
            self.finger += 1
            fid = self.finger
            # SDL sends the finger event and a synthetic mouse copy marked touch=True.
            self.app.frame(
                [
                    pygame.event.Event(
                        pygame.FINGERDOWN, x=x, y=y, dx=0, dy=0, finger_id=fid, touch_id=1, pressure=1.0
                    ),
                    pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=True),
                ],
                STEP,
            )
            self.app.frame(
                [
                    pygame.event.Event(pygame.FINGERUP, x=x, y=y, dx=0, dy=0, finger_id=fid, touch_id=1, pressure=0.0),
                    pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=True),
                ],
                STEP,
            )
        self.idle()

    def press(self, button: Button, number: int | None = None) -> None:
        """Press ``button``: by its number key or Enter on the keyboard, else by tapping it."""
        if self.way == "keyboard":
            if number is not None:
                self.key(getattr(pygame, f"K_{number}"))
            else:
                self.focus_on(button)
                self.key(pygame.K_RETURN)
        else:
            self.tap(button.rect.center)

    def focus_on(self, button: Button) -> None:
        scene = self.app.top
        for _ in range(len(scene.buttons) + 1):
            if scene.focus is button:
                return
            self.key(pygame.K_TAB)
        raise AssertionError(f"Tab never reached {button.name}")

    def play_level(self, right: str = "all") -> None:
        """From the first step of a level to its results; ``right`` is 'all' or a pattern of R/W."""
        answered = 0
        for _ in range(400):
            scene = self.app.top
            if scene.name == "results":
                return
            if scene.name == "lesson" or scene.name == "feedback":
                self.press(scene.find("next"))
            elif scene.name.startswith("question"):
                step = scene.asked  # type: ignore[attr-defined]
                want = True if right == "all" else right[answered] == "R"
                self.answer(scene, step, want)
                answered += 1
            else:
                raise AssertionError(f"unexpected screen {scene.name}")
        raise AssertionError("the level never ended")

    def answer(self, scene, step: AskedQuestion, right: bool) -> None:  # type: ignore[no-untyped-def]
        for name, number in answer_presses(step, right):
            self.press(self.app.top.find(name), number)
