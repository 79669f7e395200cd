"""A stand-in scene until the real art lands: soft circles and the cue's name."""

from __future__ import annotations

import math

import pygame

from game.core.catalog import SCENE_CUES
from game.shell.art.base import AUTO_COMPLETE_S, HINT_AFTER_S, SceneArt


class PlaceholderArt(SceneArt):
    cues = ("patrol",)
    hands_on_cue = "patrol"
    hands_on_prompt = "Tap the cells."
    hands_on_hint = "Tap anywhere in the picture."
    hands_on_keyboard = "Press Enter."

    def __init__(self, name: str, reduced_motion: bool = False) -> None:
        self.name = name  # type: ignore[misc]
        self.cues = SCENE_CUES[name]  # type: ignore[misc]
        self.hands_on_cue = self.cues[0]  # type: ignore[misc]
        super().__init__(reduced_motion)
        self.t = 0.0
        self.idle = 0.0
        self.limit = AUTO_COMPLETE_S

    def set_cue(self, cue: str) -> None:
        self.cue = cue
        self.t = 0.0

    def update(self, dt: float) -> None:
        self.t += dt
        if self.hands_on_active and not self.hands_on_done:
            self.idle += dt
            self.show_hint = self.idle >= HINT_AFTER_S
            if self.idle >= self.limit:
                self.hands_on_done = True

    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        pygame.draw.rect(surface, (226, 238, 250), rect)
        phase = 0.0 if self.reduced_motion else self.t
        for i in range(3):
            x = rect.left + rect.width * (i + 1) // 4 + int(10 * math.sin(phase + i))
            pygame.draw.circle(surface, (70, 130, 210), (x, rect.centery), rect.height // 8)

    def is_animating(self) -> bool:
        return not self.reduced_motion

    def start_hands_on(self, auto_complete_after: float = AUTO_COMPLETE_S) -> None:
        self.hands_on_active, self.hands_on_done, self.idle = True, False, 0.0
        self.limit = auto_complete_after

    def pointer_down(self, pos: tuple[int, int]) -> None:
        pass

    def pointer_move(self, pos: tuple[int, int]) -> None:
        pass

    def pointer_up(self, pos: tuple[int, int]) -> None:
        self.hands_on_key()

    def hands_on_key(self) -> None:
        if self.hands_on_active:
            self.hands_on_done = True
