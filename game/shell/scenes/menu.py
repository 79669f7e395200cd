"""A heading, a few lines of text and a column of big buttons: title, pause, dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.shell.scene import Scene
from game.shell.ui import Button, grid, stack

if TYPE_CHECKING:
    from game.shell.app import App


class MenuScene(Scene):
    heading = ""
    body = ""
    overlay = False  # drawn as a panel over a dimmed copy of the screen below

    def __init__(self, app: App) -> None:
        super().__init__(app)
        # Class headings and bodies are marked with N_ where they are written; shown translated.
        self.heading = self._(self.heading) if self.heading else ""
        self.body = self._(self.body) if self.body else ""
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.heading_rect = pygame.Rect(0, 0, 0, 0)
        self.body_rect = pygame.Rect(0, 0, 0, 0)
        self._backdrop: pygame.Surface | None = None  # an overlay's dimmed copy of the screen below

    def exit(self) -> None:
        # The dimmed copy is a whole screen (8 MB at 1080p): let it go now, not when the
        # garbage collector gets round to this scene (its buttons refer back to it).
        self._backdrop = None

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        wide = not ui.portrait and ui.text_scale > 1.2 and len(self.buttons) > 2
        width = min(w - 2 * ui.px(24), ui.px(1100 if wide else 760))
        pad = ui.px(32)
        inner_w = width - 2 * pad
        control = ui.control_height()
        gap = ui.px(ui.m.gap)
        heading_h = ui.text.fit(self.heading, ui.type_size("title"), inner_w, 10_000, True).height
        columns = 2 if wide else 1
        rows = -(-len(self.buttons) // columns)
        buttons_h = rows * control + (rows - 1) * gap
        room = h - 2 * ui.px(16) - 2 * pad - heading_h - buttons_h - 2 * gap
        body_h = 0
        if self.body:
            body_h = ui.text.fit(self.body, ui.type_size("body"), inner_w, 10_000).height
            body_h = max(0, min(body_h, room))  # if space is short the body text shrinks to fit
        height = 2 * pad + heading_h + gap + body_h + gap + buttons_h
        self.panel = pygame.Rect(0, 0, width, min(h, height))
        self.panel.center = (w // 2, h // 2)
        inner_rect = self.panel.inflate(-2 * pad, -2 * pad)
        self.heading_rect, self.body_rect = stack(inner_rect, [heading_h, body_h], gap)
        button_area = pygame.Rect(inner_rect.left, self.body_rect.bottom + gap, inner_rect.width, buttons_h)
        for rect, button in zip(grid(button_area, len(self.buttons), columns, gap), self.buttons):
            button.rect = rect
        if self.overlay:
            self._backdrop = self.app.dimmed_copy_below(self)
        if self.focus is None and self.buttons:
            self.focus = self.buttons[0]

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        if self.overlay and self._backdrop is not None:
            surface.blit(self._backdrop, (0, 0))
        else:
            surface.fill(ui.palette.background)
        ui.panel(surface, self.panel)
        ui.draw_text(surface, self.heading, "title", self.heading_rect, bold=True, align="center", valign="middle")
        if self.body:
            ui.draw_text(surface, self.body, "body", self.body_rect, align="center")
        self.draw_buttons(surface)


class ConfirmScene(MenuScene):
    """Ask before doing something that cannot be undone."""

    name = "confirm"
    overlay = True

    def __init__(self, app: App, heading: str, body: str, yes: str, on_yes: Callable[[], None], no: str = "") -> None:
        super().__init__(app)
        self.heading, self.body = heading, body
        self.buttons = [
            Button(no or self._("No, go back"), app.pop, "primary", name="no"),
            Button(yes, on_yes, name="yes"),
        ]
