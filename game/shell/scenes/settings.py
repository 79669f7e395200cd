"""Comfort and access: text size, theme, motion, sound, read-aloud and the game mode.

Each row is one big button that steps through its choices, so every option works
the same by touch, mouse and keyboard, with nothing to drag.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.core.settings import MODES, TEXT_SIZES, THEMES, Settings
from game.shell.scene import Scene
from game.shell.ui import Button, grid

if TYPE_CHECKING:
    from game.shell.app import App

VOLUMES = (0, 20, 40, 60, 80, 100)
TIMERS = (0, 15, 30, 45, 60, 90, 120)


def _next(options: tuple, current: object) -> object:  # type: ignore[type-arg]
    try:
        return options[(options.index(current) + 1) % len(options)]
    except ValueError:
        return options[0]


def speech_installed() -> bool:
    return importlib.util.find_spec("pyttsx3") is not None


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.rows: list[tuple[Button, Callable[[Settings], str], Callable[[Settings], Settings]]] = []
        self._add(
            "text",
            lambda s: f"Text size: {s.text_size} %",
            lambda s: self._with(s, text_size=_next(TEXT_SIZES, s.text_size)),
        )
        self._add(
            "theme",
            lambda s: "Colours: " + ("high contrast" if s.theme == "high-contrast" else "standard"),
            lambda s: self._with(s, theme=_next(THEMES, s.theme)),
        )
        self._add(
            "motion",
            lambda s: "Movement: " + ("reduced" if s.reduced_motion else "full"),
            lambda s: self._with(s, reduced_motion=not s.reduced_motion),
        )
        self._add(
            "sound", lambda s: "Sound: " + ("on" if s.sound else "off"), lambda s: self._with(s, sound=not s.sound)
        )
        self._add("volume", lambda s: f"Volume: {s.volume} %", lambda s: self._with(s, volume=_next(VOLUMES, s.volume)))
        self._add("read-aloud", self._read_aloud_label, self._toggle_read_aloud)
        self._add(
            "mode",
            lambda s: "Mode: " + ("Challenge (timer, speed points)" if s.mode == "challenge" else "Relaxed (no timer)"),
            lambda s: self._with(s, mode=_next(MODES, s.mode)),
        )
        self._add(
            "timer",
            lambda s: (
                "Timer: " + (f"{s.timer} seconds" if s.timer else "off")
                if s.mode == "challenge"
                else "Timer: only in Challenge mode"
            ),
            lambda s: self._with(s, timer=_next(TIMERS, s.timer)),
        )
        self.done = Button("Done", app.pop, "primary", name="done")
        self.buttons = [row[0] for row in self.rows] + [self.done]
        self.heading_rect = pygame.Rect(0, 0, 0, 0)
        self.refresh()

    @staticmethod
    def _with(settings: Settings, **changes: object) -> Settings:
        return dataclasses.replace(settings, **changes)  # type: ignore[arg-type]

    def _read_aloud_label(self, s: Settings) -> str:
        if not speech_installed() and not self.app.speaker.available:
            return "Read aloud: not available on this computer"
        return "Read aloud: " + ("on" if s.read_aloud else "off")

    def _toggle_read_aloud(self, s: Settings) -> Settings:
        if not speech_installed() and not self.app.speaker.available:
            return s
        return self._with(s, read_aloud=not s.read_aloud)

    def _add(self, name: str, label: Callable[[Settings], str], step: Callable[[Settings], Settings]) -> None:
        button = Button("", lambda: self.change(step), name=name)
        self.rows.append((button, label, step))

    def change(self, step: Callable[[Settings], Settings]) -> None:
        self.app.apply_settings(step(self.app.settings))
        self.app.sound("click")
        self.refresh()

    def refresh(self) -> None:
        settings = self.app.settings
        for button, label, _ in self.rows:
            button.label = label(settings)
        timer_row = next(b for b, _, _ in self.rows if b.name == "timer")
        timer_row.enabled = settings.mode == "challenge"

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        margin, gap = ui.px(ui.m.margin), ui.px(ui.m.gap)
        control = ui.control_height()
        self.heading_rect = pygame.Rect(margin, margin, w - 2 * margin - ui.px(220), control)
        self.done.rect = pygame.Rect(w - margin - ui.px(200), margin, ui.px(200), control)
        area = pygame.Rect(
            margin, self.heading_rect.bottom + gap, w - 2 * margin, h - self.heading_rect.bottom - gap - margin
        )
        columns = 1 if ui.portrait or ui.text_scale > 1.4 else 2
        rows = -(-len(self.rows) // columns)
        cell_h = min((area.height - gap * (rows - 1)) // rows, int(control * 1.5))
        used = pygame.Rect(area.left, area.top, area.width, rows * cell_h + (rows - 1) * gap)
        for (button, _, _), rect in zip(self.rows, grid(used, len(self.rows), columns, gap)):
            button.rect = rect
        if self.focus is None:
            self.focus = self.rows[0][0]

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.ui.palette.background)
        self.ui.draw_text(surface, "Settings", "heading", self.heading_rect, bold=True, valign="middle")
        self.draw_buttons(surface)
