"""The end of a level: score, stars, how many were right, and what to remember."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.content import Level
from game.core.quiz import LevelResult
from game.shell.scene import Scene
from game.shell.ui import Button, draw_star, row

if TYPE_CHECKING:
    from game.shell.app import App

PRAISE = {3: "Excellent! You got every one.", 2: "Great work!", 1: "Good effort!", 0: "Thank you for playing."}


class ResultsScene(Scene):
    name = "results"

    def __init__(self, app: App, level: Level, result: LevelResult) -> None:
        super().__init__(app)
        self.level = level
        self.result = result
        levels = app.offered_levels
        index = levels.index(level) if level in levels else len(levels)
        self.next_level = levels[index + 1] if index + 1 < len(levels) else None
        self.page = 0
        self.more_button = Button("More to remember", self.more, name="more")
        self.buttons = []
        if self.next_level is not None:
            self.buttons.append(Button("Next level", self.play_next, "primary", name="next-level"))
        self.buttons += [
            Button("Play again", self.again, "primary" if self.next_level is None else "secondary", name="again"),
            Button("All levels", self.back, name="levels"),
        ]
        self.remember = [q.explain for q in result.missed]
        self.per_page = 2
        self.heading_rect = pygame.Rect(0, 0, 0, 0)
        self.stars_rect = pygame.Rect(0, 0, 0, 0)
        self.score_rect = pygame.Rect(0, 0, 0, 0)
        self.remember_rect = pygame.Rect(0, 0, 0, 0)

    def enter(self) -> None:
        super().enter()
        self.app.sound("fanfare")
        r = self.result
        self.app.speak([f"{self.level.title}. {PRAISE[r.stars]}", f"Score {r.score}. {r.correct} of {r.asked} right."])

    def play_next(self) -> None:
        from game.shell.scenes.level import LevelPlay

        assert self.next_level is not None
        LevelPlay(self.app, self.next_level).begin()

    def again(self) -> None:
        from game.shell.scenes.level import LevelPlay

        LevelPlay(self.app, self.level).begin()

    def back(self) -> None:
        from game.shell.scenes.level_select import LevelSelectScene

        self.app.replace(LevelSelectScene(self.app))

    def more(self) -> None:
        pages = -(-len(self.remember) // self.per_page)
        self.page = (self.page + 1) % max(1, pages)

    @property
    def remember_text(self) -> str:
        if not self.remember:
            return "You answered every question right. There is nothing extra to remember this time."
        start = self.page * self.per_page
        return "\n".join(f"• {text}" for text in self.remember[start : start + self.per_page])

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        margin, gap = ui.px(ui.m.margin), ui.px(ui.m.gap)
        control = ui.control_height()
        area = pygame.Rect(margin, margin, w - 2 * margin, h - 2 * margin)
        heading_h = int(ui.type_size("title") * 1.3)
        self.heading_rect = pygame.Rect(area.left, area.top, area.width, heading_h)
        stars_h = ui.px(70)
        self.stars_rect = pygame.Rect(area.left, self.heading_rect.bottom + gap, area.width, stars_h)
        score_h = int(ui.type_size("heading") * 1.3) * (2 if ui.portrait or ui.text_scale > 1 else 1)
        self.score_rect = pygame.Rect(area.left, self.stars_rect.bottom + gap, area.width, score_h)
        columns = len(self.buttons) if not ui.portrait else 1
        rows = -(-len(self.buttons) // columns)
        buttons_h = rows * control + (rows - 1) * gap
        buttons_area = pygame.Rect(area.left, area.bottom - buttons_h, area.width, buttons_h)
        for i, button in enumerate(self.buttons):
            r, c = divmod(i, columns)
            cell = row(
                pygame.Rect(buttons_area.left, buttons_area.top + r * (control + gap), buttons_area.width, control),
                columns,
                gap,
            )[c]
            button.rect = cell
        top = self.score_rect.bottom + gap
        more_h = control if len(self.remember) > self.per_page else 0
        self.remember_rect = pygame.Rect(
            area.left, top, area.width, buttons_area.top - gap - top - (more_h + gap if more_h else 0)
        )
        if more_h:
            self.more_button.rect = pygame.Rect(
                area.right - ui.px(360), self.remember_rect.bottom + gap, ui.px(360), control
            )
            if self.more_button not in self.buttons:
                self.buttons.insert(len(self.buttons) - 1, self.more_button)
        if self.focus is None:
            self.focus = self.buttons[0]

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        p = ui.palette
        r = self.result
        surface.fill(p.background)
        ui.draw_text(
            surface,
            f"{self.level.title} — {PRAISE[r.stars]}",
            "heading",
            self.heading_rect,
            bold=True,
            align="center",
            valign="middle",
        )
        radius = self.stars_rect.height // 2 - ui.px(4)
        for i in range(3):
            x = self.stars_rect.centerx + (i - 1) * (2 * radius + ui.px(24))
            draw_star(
                surface, (x, self.stars_rect.centery), radius, p.star if i < r.stars else p.star_empty, i < r.stars
            )
        summary = f"Score: {r.score}  ·  {r.correct} of {r.asked} right  ·  {r.stars} of 3 stars"
        ui.draw_text(surface, summary, "heading", self.score_rect, align="center", valign="middle")
        ui.panel(surface, self.remember_rect, p.surface_alt)
        inner = self.remember_rect.inflate(-ui.px(40), -ui.px(28))
        head_h = int(ui.type_size("body") * 1.4)
        ui.draw_text(
            surface, "What to remember", "body", pygame.Rect(inner.left, inner.top, inner.width, head_h), bold=True
        )
        body = pygame.Rect(inner.left, inner.top + head_h, inner.width, inner.height - head_h)
        ui.draw_text(surface, self.remember_text, "body", body)
        self.draw_buttons(surface)
