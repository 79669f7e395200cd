"""The end of a practice round: how many were right and how many are left to practise.
No stars and no best score: practice is scored apart from the levels."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.practice import in_content
from game.core.quiz import LevelResult
from game.shell.scene import Scene
from game.shell.ui import Button, grid

if TYPE_CHECKING:
    from game.shell.app import App


class PracticeResultsScene(Scene):
    name = "practice-results"

    def __init__(self, app: App, result: LevelResult) -> None:
        super().__init__(app)
        self.result = result
        self.left = len(in_content(app.progress.missed_boxes(), app.content))
        _ = self._
        self.heading = _("Practice done")
        self.summary = _("{correct} of {asked} right", correct=result.correct, asked=result.asked)
        if self.left:
            self.left_text = self.ngettext(
                "{count} question left to practise", "{count} questions left to practise", self.left, count=self.left
            )
        else:
            self.left_text = _("Nothing left to practise. Well done!")
        self.buttons = []
        if self.left:
            self.buttons.append(Button(_("Practise again"), self.again, "primary", name="practise"))
        self.buttons.append(Button(_("All levels"), self.back, "secondary" if self.left else "primary", name="levels"))
        self.heading_rect = pygame.Rect(0, 0, 0, 0)
        self.summary_rect = pygame.Rect(0, 0, 0, 0)
        self.left_rect = pygame.Rect(0, 0, 0, 0)

    def enter(self) -> None:
        super().enter()
        self.app.speak([self.heading, self.summary, self.left_text])

    def again(self) -> None:
        self.app.go("practice")

    def back(self) -> None:
        self.app.go("level-select")

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        margin, gap = ui.px(ui.m.margin), ui.px(ui.m.gap)
        control = ui.control_height()
        area = pygame.Rect(margin, margin, w - 2 * margin, h - 2 * margin)
        columns = 1 if ui.portrait else len(self.buttons)
        rows = -(-len(self.buttons) // columns)
        buttons_h = rows * control + (rows - 1) * gap
        buttons_area = pygame.Rect(area.left, area.bottom - buttons_h, area.width, buttons_h)
        for button, rect in zip(self.buttons, grid(buttons_area, len(self.buttons), columns, gap)):
            button.rect = rect
        third = (buttons_area.top - gap - area.top) // 3
        self.heading_rect = pygame.Rect(area.left, area.top, area.width, third)
        self.summary_rect = pygame.Rect(area.left, area.top + third, area.width, third)
        self.left_rect = pygame.Rect(area.left, area.top + 2 * third, area.width, third)
        if self.focus not in self.buttons:
            self.focus = self.buttons[0]

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        surface.fill(ui.palette.background)
        ui.draw_text(surface, self.heading, "heading", self.heading_rect, bold=True, align="center", valign="middle")
        ui.draw_text(surface, self.summary, "heading", self.summary_rect, align="center", valign="middle")
        ui.draw_text(surface, self.left_text, "body", self.left_rect, align="center", valign="middle")
        self.draw_buttons(surface)
