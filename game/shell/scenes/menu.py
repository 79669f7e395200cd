"""A heading, a few lines of text and a column of big buttons: title, pause, dialogs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.shell.scene import Scene
from game.shell.ui import Button, stack

if TYPE_CHECKING:
    from game.shell.app import App


class MenuScene(Scene):
    heading = ""
    body = ""
    overlay = False  # drawn as a panel over a dimmed copy of the screen below

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.opaque = not self.overlay
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.heading_rect = pygame.Rect(0, 0, 0, 0)
        self.body_rect = pygame.Rect(0, 0, 0, 0)
        self._scrim: pygame.Surface | None = None

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        width = min(w - 2 * ui.px(24), ui.px(760))
        control = ui.control_height()
        gap = ui.px(ui.m.gap)
        heading_h = int(ui.type_size("title") * 1.35) * (2 if ui.text_scale > 1 else 1)
        body_h = 0
        if self.body:
            inner = width - 2 * ui.px(32)
            body_h = ui.text.fit(self.body, ui.type_size("body"), inner, 10_000).height
            body_h = min(body_h, h // 3)
        buttons_h = len(self.buttons) * (control + gap)
        total = ui.px(32) * 2 + heading_h + gap + body_h + gap + buttons_h
        height = min(h - 2 * ui.px(16), total)
        self.panel = pygame.Rect(0, 0, width, height)
        self.panel.center = (w // 2, h // 2)
        inner_rect = self.panel.inflate(-2 * ui.px(32), -2 * ui.px(32))
        self.heading_rect, self.body_rect = stack(inner_rect, [heading_h, body_h], gap)
        button_area = pygame.Rect(inner_rect.left, self.body_rect.bottom + gap, inner_rect.width, 0)
        for rect, button in zip(stack(button_area, [control] * len(self.buttons), gap), self.buttons):
            button.rect = rect
        if self.overlay:
            self._scrim = pygame.Surface(ui.size, pygame.SRCALPHA)
            self._scrim.fill(ui.palette.scrim)
        if self.focus is None and self.buttons:
            self.focus = self.buttons[0]

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        if self.overlay and self._scrim is not None:
            surface.blit(self._scrim, (0, 0))
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

    def __init__(self, app: App, heading: str, body: str, yes: str, on_yes: object, no: str = "No, go back") -> None:
        super().__init__(app)
        self.heading, self.body = heading, body
        self.buttons = [
            Button(no, app.pop, "primary", name="no"),
            Button(yes, on_yes, name="yes"),  # type: ignore[arg-type]
        ]
