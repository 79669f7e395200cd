"""The contract every level's animated scene obeys.

A scene is drawn into a rectangle the lesson screen gives it (the caption band and
buttons sit outside that rectangle). Time comes in as ``update(dt)`` in seconds;
``draw`` never changes state. Each scene has a set of cues (moments of its
animation, named by the content file) and one hands-on moment that the player does
with their own hands: touch, mouse or keyboard.
"""

from __future__ import annotations

import abc
from collections.abc import Iterator
from typing import ClassVar

import pygame

HINT_AFTER_S = 5.0  # a hint appears after this long without progress
AUTO_COMPLETE_S = 20.0  # the hands-on moment finishes itself so nobody gets stuck


class SceneArt(abc.ABC):
    """One level's animated scene: cues to show, and a hands-on moment."""

    name: ClassVar[str]
    cues: ClassVar[tuple[str, ...]]
    hands_on_cue: ClassVar[str]  # the cue whose lesson beat includes the hands-on moment
    hands_on_prompt: ClassVar[str]  # what to do, e.g. "Tap the hidden cancer cells."
    hands_on_hint: ClassVar[str]  # shown after HINT_AFTER_S without progress
    hands_on_keyboard: ClassVar[str]  # e.g. "Press Enter to reveal the next one."

    def __init__(self, reduced_motion: bool = False) -> None:
        self.reduced_motion = reduced_motion
        self.cue = self.cues[0]
        self.hands_on_active = False
        self.hands_on_done = False
        self.show_hint = False

    @abc.abstractmethod
    def set_cue(self, cue: str) -> None:
        """Start the moment ``cue`` from its beginning."""

    @abc.abstractmethod
    def update(self, dt: float) -> None:
        """Advance time by ``dt`` seconds."""

    @abc.abstractmethod
    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """Draw the current moment into ``rect`` of ``surface``; never changes state."""

    @abc.abstractmethod
    def is_animating(self) -> bool:
        """True while something moves; False when a still frame is showing."""

    # The hands-on moment. Positions are in surface pixels, as last drawn.
    @abc.abstractmethod
    def start_hands_on(self, auto_complete_after: float = AUTO_COMPLETE_S) -> None:
        """Begin the hands-on moment (the scene shows ``hands_on_cue``)."""

    @abc.abstractmethod
    def pointer_down(self, pos: tuple[int, int]) -> None:
        """A finger or mouse button went down at ``pos``."""

    @abc.abstractmethod
    def pointer_move(self, pos: tuple[int, int]) -> None:
        """The pressed pointer moved to ``pos``."""

    @abc.abstractmethod
    def pointer_up(self, pos: tuple[int, int]) -> None:
        """The finger or mouse button was released at ``pos``."""

    @abc.abstractmethod
    def hands_on_key(self) -> None:
        """Keyboard path: Enter or Space performs the next step of the moment."""

    # Warming the sprite cache without freezing the screen.
    def is_ready(self, rect: pygame.Rect) -> bool:
        """True if drawing the current moment into ``rect`` needs no sprite not yet drawn."""
        return True

    def warm_up(
        self, size: tuple[int, int], rect: pygame.Rect, first_cue: str | None = None, only_first: bool = False
    ) -> Iterator[None]:
        """Render what drawing into ``rect`` of a ``size`` surface will need, a little per step.

        A generator: each ``next()`` does a small piece of work (one scratch frame) and
        yields, so the frame loop can advance it within a time budget. It never changes
        this scene's state. ``first_cue`` is warmed first (and alone if ``only_first``).
        The default has nothing to warm.
        """
        yield from ()
