"""The end of a level: score, stars, how many were right, and what to remember."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.content import Level
from game.core.i18n import N_
from game.core.practice import in_content
from game.core.quiz import LevelResult
from game.shell.scene import Scene
from game.shell.ui import Button, draw_star, grid

if TYPE_CHECKING:
    from game.shell.app import App

PRAISE = {
    3: N_("Excellent! You got every one."),
    2: N_("Great work!"),
    1: N_("Good effort!"),
    0: N_("Thank you for playing."),
}


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
        _ = self._
        self.praise = _(PRAISE[result.stars])
        self.more_button = Button(_("More to remember"), self.more, name="more")
        to_practise = len(in_content(app.progress.missed_boxes(), app.content))
        label = _("Practise what you missed ({count})", count=to_practise)
        self.practise_button = Button(label, self.start_practice, name="practise")
        self.extra = [self.practise_button] if to_practise else []  # under what to remember
        self.base_buttons: list[Button] = []
        if self.next_level is not None:
            self.base_buttons.append(Button(_("Next level"), self.play_next, "primary", name="next-level"))
        if self.next_level is None and app.content.ask_your_team:  # the end of the game: for the next visit
            self.base_buttons.append(
                Button(_("Questions for your care team"), self.care_card, "primary", name="care-card")
            )
        self.base_buttons += [
            Button(_("Play again"), self.again, "secondary" if self.base_buttons else "primary", name="again"),
            Button(_("All levels"), self.back, name="levels"),
        ]
        self.buttons = list(self.base_buttons)
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
        said = self._("Score {score}. {correct} of {asked} right.", score=r.score, correct=r.correct, asked=r.asked)
        self.app.speak([f"{self.level.title}. {self.praise}", said])

    def play_next(self) -> None:
        assert self.next_level is not None
        self.app.go("level", self.next_level)

    def again(self) -> None:
        self.app.go("level", self.level)

    def back(self) -> None:
        self.app.go("level-select")

    def start_practice(self) -> None:
        self.app.go("practice")

    def care_card(self) -> None:
        self.app.go("care-card")

    def more(self) -> None:
        pages = -(-len(self.remember) // self.per_page)
        self.page = (self.page + 1) % max(1, pages)

    @property
    def remember_text(self) -> str:
        if not self.remember:
            return self._("You answered every question right. There is nothing extra to remember this time.")
        start = self.page * self.per_page
        return "\n".join(f"• {text}" for text in self.remember[start : start + self.per_page])

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        margin, gap = ui.px(ui.m.margin), ui.px(ui.m.gap)
        control = ui.control_height()
        area = pygame.Rect(margin, margin, w - 2 * margin, h - 2 * margin)
        heading = f"{self.level.title} — {self.praise}"
        heading_h = ui.text.fit(heading, ui.type_size("heading"), area.width, 10_000, True).height
        self.heading_rect = pygame.Rect(area.left, area.top, area.width, heading_h)
        # Stars beside the score in landscape, above it in portrait.
        stars_h = ui.px(64)
        score_h = ui.text.fit(
            self.summary, ui.type_size("heading"), area.width // (1 if ui.portrait else 2), 10_000
        ).height
        top = self.heading_rect.bottom + gap
        if ui.portrait:
            self.stars_rect = pygame.Rect(area.left, top, area.width, stars_h)
            self.score_rect = pygame.Rect(area.left, self.stars_rect.bottom + gap, area.width, score_h)
        else:
            row_h = max(stars_h, score_h)
            half = area.width // 2
            self.stars_rect = pygame.Rect(area.left, top, half, row_h)
            self.score_rect = pygame.Rect(area.left + half, top, area.width - half, row_h)
        columns = 1 if ui.portrait and ui.text_scale > 1.2 else len(self.base_buttons)
        card = any(b.name in ("care-card", "practise") for b in self.base_buttons)  # long labels
        while card and columns > 1 and self.labels_too_wide(area.width, columns, gap):
            columns -= 1  # a long label ("Questions for your care team") keeps its size on a wider button
        rows = -(-len(self.base_buttons) // columns)
        buttons_h = rows * control + (rows - 1) * gap
        buttons_area = pygame.Rect(area.left, area.bottom - buttons_h, area.width, buttons_h)
        for button, rect in zip(self.base_buttons, grid(buttons_area, len(self.base_buttons), columns, gap)):
            button.rect = rect
        top = self.score_rect.bottom + gap
        self.remember_rect = pygame.Rect(area.left, top, area.width, buttons_area.top - gap - top)
        # As many missed explanations per page as fit at this text size; a button turns pages.
        inner_w = self.remember_rect.width - ui.px(40)
        needed = [ui.text.fit(f"• {t}", ui.type_size("body"), inner_w, 10_000).height for t in self.remember]
        room = self.remember_rect.height - ui.px(28) - int(ui.type_size("body") * 1.4)
        self.per_page = max(1, sum(1 for _ in _prefix_fits(needed, room)))
        more = len(self.remember) > self.per_page
        if more or self.extra:  # a row under the panel: practice on the left, more to remember on the right
            self.remember_rect.height -= control + gap
            room = self.remember_rect.height - ui.px(28) - int(ui.type_size("body") * 1.4)
            self.per_page = max(1, sum(1 for _ in _prefix_fits(needed, room)))
            more = len(self.remember) > self.per_page
            row_top, more_w = self.remember_rect.bottom + gap, ui.px(360)
            self.more_button.rect = pygame.Rect(self.remember_rect.right - more_w, row_top, more_w, control)
            practise_w = self.remember_rect.width - (more_w + gap if more else 0)
            label_w = ui.text.font(ui.type_size("body"), True).size(self.practise_button.label)[0] + 2 * ui.px(24)
            self.practise_button.rect = pygame.Rect(self.remember_rect.left, row_top, min(practise_w, label_w), control)
        self.buttons = [
            *self.base_buttons[:-1],
            *self.extra,
            *([self.more_button] if more else []),
            self.base_buttons[-1],
        ]
        if self.focus not in self.buttons:
            self.focus = self.buttons[0]

    def labels_too_wide(self, width: int, columns: int, gap: int) -> bool:
        """Would a button label have to shrink in a row of ``columns`` buttons?"""
        ui = self.ui
        room = (width - (columns - 1) * gap) // columns - 2 * ui.px(14)
        font = ui.text.font(ui.type_size("body"), True)
        return any(font.size(b.label)[0] > room for b in self.base_buttons)

    @property
    def summary(self) -> str:
        r = self.result
        return self._("Score: {score} · {correct} of {asked} right", score=r.score, correct=r.correct, asked=r.asked)

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        p = ui.palette
        r = self.result
        surface.fill(p.background)
        ui.draw_text(
            surface,
            f"{self.level.title} — {self.praise}",
            "heading",
            self.heading_rect,
            bold=True,
            align="center",
            valign="middle",
        )
        radius = min(ui.px(28), self.stars_rect.height // 2 - ui.px(4))
        for i in range(3):
            x = self.stars_rect.centerx + (i - 1) * (2 * radius + ui.px(24))
            draw_star(
                surface, (x, self.stars_rect.centery), radius, p.star if i < r.stars else p.star_empty, i < r.stars
            )
        ui.draw_text(surface, self.summary, "heading", self.score_rect, align="center", valign="middle")
        ui.panel(surface, self.remember_rect, p.surface_alt)
        inner = self.remember_rect.inflate(-ui.px(40), -ui.px(28))
        head_h = int(ui.type_size("body") * 1.4)
        ui.draw_text(
            surface,
            self._("What to remember"),
            "body",
            pygame.Rect(inner.left, inner.top, inner.width, head_h),
            bold=True,
        )
        body = pygame.Rect(inner.left, inner.top + head_h, inner.width, inner.height - head_h)
        ui.draw_text(surface, self.remember_text, "body", body)
        self.draw_buttons(surface)


def _prefix_fits(heights: list[int], room: int) -> list[int]:
    """The leading entries of ``heights`` whose sum stays within ``room``."""
    out, total = [], 0
    for height in heights:
        total += height
        if total > room:
            break
        out.append(height)
    return out
