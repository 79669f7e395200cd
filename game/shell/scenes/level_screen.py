"""What every screen inside a level shares: a top bar with the level's name, its
progress, the Words button (for glossary terms on the screen) and Pause."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.content import GlossaryEntry
from game.shell.scene import Scene
from game.shell.ui import Button

if TYPE_CHECKING:
    from game.shell.app import App
    from game.shell.scenes.level import LevelPlay


class LevelScreen(Scene):
    """A screen inside a level: a top bar with the level's name, progress and Pause."""

    def __init__(self, app: App, play: LevelPlay) -> None:
        super().__init__(app)
        self.play = play
        self.pause_button = Button(self._("Pause"), play.pause, name="pause")
        self.words_button = Button(self._("Words"), self.show_words, name="words")
        self.bar = pygame.Rect(0, 0, 0, 0)
        self.bar_title = pygame.Rect(0, 0, 0, 0)
        self.bar_progress = pygame.Rect(0, 0, 0, 0)
        self.content_rect = pygame.Rect(0, 0, 0, 0)

    def back(self) -> None:
        self.play.pause()

    def idle(self, budget_s: float) -> None:
        self.play.keep_warming(budget_s)

    def screen_text(self) -> tuple[str, ...]:
        """The words on this screen, for the glossary button."""
        return ()

    @property
    def terms(self) -> tuple[GlossaryEntry, ...]:
        return self.app.content.terms_in(*self.screen_text())

    def show_words(self) -> None:
        self.app.go("glossary", self.terms)

    def enter(self) -> None:
        super().enter()
        if self.terms and self.words_button not in self.buttons:
            self.buttons.insert(len(self.buttons) - 1, self.words_button)
            self.layout()

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        margin, gap = ui.px(ui.m.margin) // 2, ui.px(ui.m.gap)
        control = ui.control_height()
        self.bar = pygame.Rect(0, 0, w, control + 2 * margin)
        pause_w = max(ui.px(150), int(ui.type_size("body") * 4.2))
        self.pause_button.rect = pygame.Rect(w - margin - pause_w, margin, pause_w, control)
        self.words_button.rect = self.pause_button.rect.move(-pause_w - gap, 0)
        right = self.words_button.rect.left if self.words_button in self.buttons else self.pause_button.rect.left
        text_w = right - 2 * margin - gap
        half = pygame.Rect(2 * margin, margin, text_w, control)
        if ui.portrait:
            self.bar_title, self.bar_progress = half, pygame.Rect(0, 0, 0, 0)
        else:
            split = int(text_w * 0.6)
            self.bar_title = pygame.Rect(half.left, half.top, split, control)
            self.bar_progress = pygame.Rect(half.left + split + gap, half.top, text_w - split - gap, control)
        self.content_rect = pygame.Rect(
            2 * margin, self.bar.bottom + gap, w - 4 * margin, h - self.bar.bottom - gap - margin
        )

    def draw_bar(self, surface: pygame.Surface) -> None:
        ui = self.ui
        surface.fill(ui.palette.background)
        pygame.draw.rect(surface, ui.palette.surface, self.bar)
        pygame.draw.line(surface, ui.palette.border, self.bar.bottomleft, self.bar.bottomright, ui.px(2))
        title = self._("Level {number}: {title}", number=self.play.number, title=self.play.level.title)
        ui.draw_text(surface, title, "small", self.bar_title, bold=True, valign="middle")
        if self.bar_progress.width:
            ui.draw_text(
                surface,
                self.play.progress_text,
                "small",
                self.bar_progress,
                ui.palette.text_muted,
                align="right",
                valign="middle",
            )
