"""A card per level: its title, what it is about, the stars and best score earned."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.core.content import Level
from game.core.practice import in_content
from game.core.progress import LevelProgress
from game.shell.scene import Scene
from game.shell.ui import Button, Ui, draw_star, grid

if TYPE_CHECKING:
    from game.shell.app import App


@dataclass(eq=False)
class LevelCard(Button):
    """A button drawn as a card."""

    level: Level | None = None
    progress: LevelProgress = field(default_factory=LevelProgress)
    locked_text: str = ""  # shown in place of the summary while the level is locked
    best_text: str = ""  # the best score, or that it is not played yet

    def draw(self, surface: pygame.Surface, ui: Ui, focused: bool, pressed: bool) -> None:
        assert self.level is not None
        p = ui.palette
        rect = self.rect.move(0, ui.px(2)) if pressed else self.rect
        ui.panel(surface, rect)
        pad = ui.px(16)
        inner = rect.inflate(-2 * pad, -2 * pad)
        star_r = min(ui.px(16), inner.height // 10)
        footer_h = max(2 * star_r + ui.px(6), int(ui.type_size("small") * 1.3))
        top = pygame.Rect(inner.left, inner.top, inner.width, int(inner.height * 0.55) - footer_h // 2)
        title = ui.block(f"{self.badge}. {self.level.title}", "body", top, bold=True)
        ui.text.draw_block(surface, title, top, p.text, "left", "top")
        # The summary takes whatever the title leaves: a one-line title gives it a third line.
        summary_top = top.top + title.height + ui.px(6)
        summary = pygame.Rect(inner.left, summary_top, inner.width, inner.bottom - footer_h - summary_top - ui.px(6))
        summary_text = self.level.summary if self.enabled else self.locked_text
        ui.draw_text(surface, summary_text, "small", summary, p.text_muted)
        y = inner.bottom - footer_h // 2
        for i in range(3):
            earned = i < self.progress.stars
            draw_star(
                surface,
                (inner.left + star_r + i * (2 * star_r + ui.px(6)), y),
                star_r,
                p.star if earned else p.star_empty,
                earned,
            )
        stars_w = 3 * (2 * star_r + ui.px(6))
        best = self.best_text
        best_rect = pygame.Rect(inner.left + stars_w, y - footer_h // 2, inner.width - stars_w, footer_h)
        ui.draw_text(surface, best, "small", best_rect, p.text_muted, align="right", valign="middle")
        if focused:
            ring = rect.inflate(ui.px(12), ui.px(12))
            pygame.draw.rect(
                surface, p.focus, ring, ui.px(ui.m.focus_width), border_radius=ui.px(ui.m.radius) + ui.px(6)
            )


class LevelSelectScene(Scene):
    name = "level-select"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.heading_rect = pygame.Rect(0, 0, 0, 0)
        self.cards: list[LevelCard] = []
        for n, level in enumerate(app.offered_levels, 1):
            card = LevelCard(level.title, self._starter(level), badge=str(n), name=level.id, level=level)
            self.cards.append(card)
        self.back_button = Button(self._("Back"), self.back, name="back")
        self.prev_button = Button(self._("Previous levels"), lambda: self.turn(-1), name="previous-page")
        self.next_button = Button(self._("More levels"), lambda: self.turn(+1), "primary", name="next-page")
        to_practise = len(in_content(app.progress.missed_boxes(), app.content))
        label = self._("Practise what you missed ({count})", count=to_practise)
        self.practise_button = Button(label, self.practise, name="practise")
        self.extra = [self.practise_button] if to_practise else []
        self.page = 0
        self.per_page = len(self.cards)
        self.buttons = [*self.cards, *self.extra, self.back_button]

    def _starter(self, level: Level):  # type: ignore[no-untyped-def]
        return lambda: self.start(level)

    def start(self, level: Level) -> None:
        self.app.go("level", level)

    def back(self) -> None:
        self.app.go("title")

    def practise(self) -> None:
        self.app.go("practice")

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        margin, gap = ui.px(ui.m.margin), ui.px(ui.m.gap)
        control = ui.control_height()
        back_w = max(ui.px(200), int(ui.type_size("body") * 4))
        header_h = max(control, int(ui.type_size("heading") * 1.4))
        self.back_button.rect = pygame.Rect(w - margin - back_w, margin, back_w, control)
        right = self.back_button.rect.left
        header_bottom = margin + header_h
        if self.extra:  # "Practise what you missed (N)": beside Back if the heading keeps its room, else below
            label_w = ui.text.font(ui.type_size("body"), True).size(self.practise_button.label)[0]
            practise_w = label_w + 2 * ui.px(24)
            heading_w = ui.text.font(ui.type_size("heading"), True).size(self._("Choose a level"))[0]
            if right - gap - practise_w - gap - margin >= heading_w:
                self.practise_button.rect = pygame.Rect(right - gap - practise_w, margin, practise_w, control)
                right = self.practise_button.rect.left
            else:
                self.practise_button.rect = pygame.Rect(margin, header_bottom + gap, w - 2 * margin, control)
                header_bottom = self.practise_button.rect.bottom
        self.heading_rect = pygame.Rect(margin, margin, right - gap - margin, header_h)
        area = pygame.Rect(margin, header_bottom + gap, w - 2 * margin, h - header_bottom - gap - margin)
        # How big a card must be for its title, summary and stars at this text size.
        body, small = ui.type_size("body"), ui.type_size("small")
        card_h = 2 * ui.px(16) + int(2.6 * body) + int(2.6 * small) + max(ui.px(38), int(small * 1.4)) + ui.px(18)
        card_w = int(ui.px(300) * max(1.0, ui.text_scale * 0.85))
        columns = max(1, min(4, (area.width + gap) // (card_w + gap)))
        rows = max(1, (area.height + gap) // (card_h + gap))
        count = len(self.cards)
        if columns * rows < count:  # not all fit: pages, with buttons to turn them
            rows = max(1, (area.height - control - gap + gap) // (card_h + gap))
            area.height -= control + gap
            half = (area.width - gap) // 2
            self.prev_button.rect = pygame.Rect(area.left, area.bottom + gap, half, control)
            self.next_button.rect = pygame.Rect(area.left + half + gap, area.bottom + gap, half, control)
        columns = min(columns, count)
        self.per_page = columns * rows
        pages = -(-count // self.per_page)
        self.page = min(self.page, pages - 1)
        shown = self.cards[self.page * self.per_page : (self.page + 1) * self.per_page]
        used_rows = -(-len(shown) // columns)
        used = pygame.Rect(area.left, area.top, area.width, min(area.height, used_rows * (int(card_h * 1.6) + gap)))
        for card, rect in zip(shown, grid(used, len(shown), columns, gap)):
            card.rect = rect
        for card in self.cards:
            card.progress = self.app.progress.get(card.name)
            best = card.progress.best_score
            card.best_text = self._("Best: {score}", score=best) if best else self._("Not played yet")
            card.locked_text = self._("Locked: earn a star in the level before.")
            assert card.level is not None
            card.enabled = self.app.is_unlocked(card.level)
        paging = [self.prev_button, self.next_button] if pages > 1 else []
        self.prev_button.enabled = self.page > 0
        self.next_button.enabled = self.page < pages - 1
        self.buttons = [*shown, *paging, *self.extra, self.back_button]
        if self.focus not in self.buttons:
            self.focus = shown[0] if shown else self.back_button

    def turn(self, step: int) -> None:
        self.page += step
        self.focus = None
        self.layout()

    def choose(self, number: int) -> None:
        """Number keys pick a level by its number, turning to its page if needed."""
        if 1 <= number <= len(self.cards):
            card = self.cards[number - 1]
            if card.enabled:
                card.on_press()

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.ui.palette.background)
        self.ui.draw_text(surface, self._("Choose a level"), "heading", self.heading_rect, bold=True, valign="middle")
        self.draw_buttons(surface)
