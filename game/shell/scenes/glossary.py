""" "What does this word mean?": the glossary entries for the words on the screen below."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.content import GlossaryEntry
from game.shell.scene import Scene
from game.shell.ui import Button

if TYPE_CHECKING:
    from game.shell.app import App


class GlossaryScene(Scene):
    name = "glossary"

    def __init__(self, app: App, entries: tuple[GlossaryEntry, ...]) -> None:
        super().__init__(app)
        self.entries = entries or app.content.glossary
        self.page = 0
        self.per_page = 1
        self.back_button = Button(self._("Back"), app.pop, "primary", name="back")
        self.more_button = Button(self._("More words"), self.more, name="more")
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.text_rect = pygame.Rect(0, 0, 0, 0)
        self.heading_rect = pygame.Rect(0, 0, 0, 0)
        self._backdrop: pygame.Surface | None = None

    def more(self) -> None:
        pages = -(-len(self.entries) // self.per_page)
        self.page = (self.page + 1) % max(1, pages)

    def entry_text(self, entry: GlossaryEntry) -> str:
        return f"{entry.term}: {entry.meaning}"

    @property
    def page_text(self) -> str:
        start = self.page * self.per_page
        return "\n".join(self.entry_text(e) for e in self.entries[start : start + self.per_page])

    def exit(self) -> None:
        # The dimmed copy is a whole screen (8 MB at 1080p): let it go now, not when the
        # garbage collector gets round to this scene (its buttons refer back to it).
        self._backdrop = None

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        gap, pad = ui.px(ui.m.gap), ui.px(28)
        control = ui.control_height()
        self.panel = pygame.Rect(0, 0, min(w - 2 * ui.px(24), ui.px(1000)), h - 2 * ui.px(24))
        self.panel.center = (w // 2, h // 2)
        inner = self.panel.inflate(-2 * pad, -2 * pad)
        heading_h = int(ui.type_size("heading") * 1.4)
        self.heading_rect = pygame.Rect(inner.left, inner.top, inner.width, heading_h)
        self.text_rect = pygame.Rect(
            inner.left, self.heading_rect.bottom + gap, inner.width, inner.height - heading_h - control - 2 * gap
        )
        room = self.text_rect.height
        heights = [
            ui.text.fit(self.entry_text(e), ui.type_size("body"), inner.width, 10_000).height for e in self.entries
        ]
        fitted, total = 0, 0
        for height in heights:
            total += height
            if total > room:
                break
            fitted += 1
        self.per_page = max(1, fitted)
        half = (inner.width - gap) // 2
        self.back_button.rect = pygame.Rect(inner.right - half, inner.bottom - control, half, control)
        self.more_button.rect = pygame.Rect(inner.left, inner.bottom - control, half, control)
        more = len(self.entries) > self.per_page
        self.buttons = [self.more_button, self.back_button] if more else [self.back_button]
        self.focus = self.back_button
        self._backdrop = self.app.dimmed_copy_below(self)

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        if self._backdrop is not None:
            surface.blit(self._backdrop, (0, 0))
        ui.panel(surface, self.panel)
        ui.draw_text(
            surface, self._("What does this word mean?"), "heading", self.heading_rect, bold=True, valign="middle"
        )
        ui.draw_text(surface, self.page_text, "body", self.text_rect)
        self.draw_buttons(surface)
