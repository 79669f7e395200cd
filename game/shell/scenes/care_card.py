"""Questions for your care team: a card of questions a patient can take to their next visit.

Reached from the title screen and from the last level's results. The questions come from
the content file (``ask_your_team``), in the player's language; the card is read aloud, and
on a kiosk it says a photo of the screen is welcome (nothing is printed or sent). When the
questions do not fit at the chosen text size they are shown a page at a time, never smaller.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.care_card import HEADING, INTRO, PHOTO
from game.shell.scene import Scene
from game.shell.ui import Button

GROW = 1.5  # the most the questions grow beyond body text where the box has room

if TYPE_CHECKING:
    from game.shell.app import App


class CareCardScene(Scene):
    name = "care-card"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        _ = self._
        self.heading = _(HEADING)
        self.intro = _(INTRO)
        self.photo = _(PHOTO) if app.kiosk else ""
        self.questions = [f"{n}. {text}" for n, text in enumerate(app.content.ask_your_team, 1)]
        self.pages: list[list[str]] = [self.questions]
        self.page = 0
        self.back_button = Button(_("Back"), app.pop, "primary", name="back")
        self.more_button = Button(_("More questions"), self.more, name="more")
        self.heading_rect = pygame.Rect(0, 0, 0, 0)
        self.intro_rect = pygame.Rect(0, 0, 0, 0)
        self.photo_rect = pygame.Rect(0, 0, 0, 0)
        self.list_rect = pygame.Rect(0, 0, 0, 0)
        self.page_rect = pygame.Rect(0, 0, 0, 0)
        self.question_rects: list[pygame.Rect] = []
        self.heights: dict[str, int] = {}
        self.list_size = 0  # the questions' type size in pixels: body text, or more where it fits

    def enter(self) -> None:
        super().enter()
        self.app.speak(self.spoken_lines())

    def spoken_lines(self) -> list[str]:
        """The whole card, in order: read aloud whatever page is shown."""
        return [self.heading, self.intro, *self.questions, *([self.photo] if self.photo else [])]

    def more(self) -> None:
        self.page = (self.page + 1) % len(self.pages)
        self.place_questions()
        self.mark_pages()
        if len(self.pages) > 1:
            self.focus = self.back_button if self.page == len(self.pages) - 1 else self.more_button

    def mark_pages(self) -> None:
        """Until the last page the way on is the strong button, and says so; on the last
        page Back is, and the other one offers the first questions again."""
        last = self.page == len(self.pages) - 1
        self.more_button.label = self._("First questions") if last else self._("More questions")
        self.more_button.style, self.back_button.style = ("secondary", "primary") if last else ("primary", "secondary")
        self.app.dirty = True

    @property
    def page_label(self) -> str:
        return self._("Page {page} of {pages}", page=self.page + 1, pages=len(self.pages))

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        margin, gap = ui.px(ui.m.margin), ui.px(ui.m.gap)
        control = ui.control_height()
        area = pygame.Rect(margin, margin, w - 2 * margin, h - 2 * margin)

        def height(text: str, role: str, width: int, bold: bool = False) -> int:
            return ui.text.fit(text, ui.type_size(role), width, 10_000, bold).height if text else 0

        top = area.top
        self.heading_rect = pygame.Rect(area.left, top, area.width, height(self.heading, "heading", area.width, True))
        top = self.heading_rect.bottom + gap
        self.intro_rect = pygame.Rect(area.left, top, area.width, height(self.intro, "body", area.width))
        top = self.intro_rect.bottom + gap
        self.photo_rect = pygame.Rect(area.left, top, area.width, height(self.photo, "body", area.width, True))
        if self.photo:
            top = self.photo_rect.bottom + gap
        buttons = pygame.Rect(area.left, area.bottom - control, area.width, control)
        pad = ui.px(20)
        self.list_rect = pygame.Rect(area.left, top, area.width, buttons.top - gap - top)
        inner_w = self.list_rect.width - 2 * pad
        room = self.list_rect.height - 2 * pad
        # The card is meant to be read from across a room or photographed: where the whole
        # list fits on one page, its questions grow (up to half again) to fill the box.
        body = ui.type_size("body")
        for size in [*range(int(body * GROW), body, -2), body]:
            heights = [ui.text.fit(q, size, inner_w, 10_000).height for q in self.questions]
            if sum(heights) + gap * (len(heights) - 1) <= room:
                break
        self.list_size = size
        self.pages = _pages(heights, room, gap, self.questions)
        if len(self.pages) > 1:  # a line under the list says which page this is
            label_h = height(self.page_label, "small", inner_w)
            room -= label_h + gap
            self.pages = _pages(heights, room, gap, self.questions)
            self.page_rect = pygame.Rect(
                self.list_rect.left + pad, self.list_rect.bottom - pad - label_h, inner_w, label_h
            )
        self.page = min(self.page, len(self.pages) - 1)
        self.heights = dict(zip(self.questions, heights))
        self.place_questions()
        if len(self.pages) > 1:
            half = (area.width - gap) // 2
            self.more_button.rect = pygame.Rect(area.left, buttons.top, half, control)
            self.back_button.rect = pygame.Rect(area.right - half, buttons.top, half, control)
            self.buttons = [self.more_button, self.back_button]
        else:
            width = min(area.width, ui.px(420))
            self.back_button.rect = pygame.Rect(0, buttons.top, width, control)
            self.back_button.rect.centerx = area.centerx
            self.buttons = [self.back_button]
        if self.focus not in self.buttons:
            self.focus = self.back_button
        self.mark_pages()

    def place_questions(self) -> None:
        ui = self.ui
        pad, gap = ui.px(20), ui.px(ui.m.gap)
        y = self.list_rect.top + pad
        self.question_rects = []
        for question in self.pages[self.page]:
            rect = pygame.Rect(self.list_rect.left + pad, y, self.list_rect.width - 2 * pad, self.heights[question])
            self.question_rects.append(rect)
            y = rect.bottom + gap

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        p = ui.palette
        surface.fill(p.background)
        ui.draw_text(surface, self.heading, "heading", self.heading_rect, bold=True)
        ui.draw_text(surface, self.intro, "body", self.intro_rect)
        if self.photo:
            ui.draw_text(surface, self.photo, "body", self.photo_rect, bold=True)
        ui.panel(surface, self.list_rect, p.surface_alt)
        for question, rect in zip(self.pages[self.page], self.question_rects):
            block = ui.text.fit(question, self.list_size, rect.width, 10_000)
            ui.text.draw_block(surface, block, rect, p.text, "left", "top")
        if len(self.pages) > 1:
            ui.draw_text(surface, self.page_label, "small", self.page_rect)
        self.draw_buttons(surface)


def _pages(heights: list[int], room: int, gap: int, questions: list[str]) -> list[list[str]]:
    """The questions in pages of as many as fit ``room`` at full size (at least one each)."""
    pages: list[list[str]] = [[]]
    used = 0
    for question, height in zip(questions, heights):
        needed = height if not pages[-1] else used + gap + height
        if pages[-1] and needed > room:
            pages.append([question])
            used = height
        else:
            pages[-1].append(question)
            used = needed
    return pages
