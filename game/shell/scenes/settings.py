"""Comfort and access: text size, theme, motion, sound, read-aloud and the game mode.

Each row is one big button: its name on the left, and on the right its current value
in a box between two arrows, like a television menu. A tap (or Enter) anywhere on the
row moves on to the next value; a tap on the left arrow, or the Left key, goes back
one. So every option works the same by touch, mouse and keyboard, with nothing to drag.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pygame

from game.core.i18n import N_
from game.core.settings import MODES, TEXT_SIZES, THEMES, Settings
from game.shell.actions import Act, Action
from game.shell.scene import Scene
from game.shell.ui import Button, Ui, grid

if TYPE_CHECKING:
    from game.shell.app import App

VOLUMES = (0, 20, 40, 60, 80, 100)
TIMERS = (0, 15, 30, 45, 60, 90, 120)
HINT = N_("Press a setting to change it.")


def _step(options: tuple, current: object, direction: int) -> object:  # type: ignore[type-arg]
    """The value ``direction`` (+1 or -1) steps from ``current``, going round at the ends;
    a value not among the options (a clinic's odd timer) steps to the first one."""
    try:
        return options[(options.index(current) + direction) % len(options)]
    except ValueError:
        return options[0]


def speech_installed() -> bool:
    return importlib.util.find_spec("pyttsx3") is not None


@dataclass(frozen=True)
class Option:
    """One row of the screen: which ``Settings`` field it changes, through which values."""

    name: str  # the button's stable name
    title: str  # what the row is called on screen
    field: str  # the Settings field
    values: tuple  # type: ignore[type-arg]
    words: Callable[[object], str]  # a value as the player reads it
    unavailable: Callable[[Settings], str] = lambda s: ""  # why the row cannot change now, or ""

    def value_text(self, settings: Settings) -> str:
        return self.unavailable(settings) or self.words(getattr(settings, self.field))

    def stepped(self, settings: Settings, direction: int) -> Settings:
        if self.unavailable(settings):
            return settings
        value = _step(self.values, getattr(settings, self.field), direction)
        return dataclasses.replace(settings, **{self.field: value})  # type: ignore[arg-type]


@dataclass(eq=False)
class SettingRow(Button):
    """A settings button: name on the left, the value between arrows on the right.

    ``place`` works out where the parts go (on layout and when the value changes), so
    drawing only draws and the scene can tell a tap on the left arrow from the rest.
    """

    title: str = ""
    value: str = ""
    widest_value: str = ""  # the longest of the row's values: the value box keeps one width
    steppable: bool = True  # False: no arrows, the label says why
    title_rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    chip: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    back_zone: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    arrow_w: int = 0  # room for each arrow head at the ends of the value box, the same on every row

    def place(self, ui: Ui) -> None:
        if not self.rect.width:  # not laid out yet
            return
        pad = ui.px(14)
        inner = self.rect.inflate(-2 * pad, -ui.px(6))
        if not self.steppable:
            self.title_rect, self.chip, self.back_zone = inner, pygame.Rect(0, 0, 0, 0), pygame.Rect(0, 0, 0, 0)
            return
        font = ui.text.font(ui.type_size("body"), True)
        chip_h = self.rect.height - ui.px(6)
        self.arrow_w = min(chip_h, ui.px(52))
        arrows = 2 * self.arrow_w
        # The value box is as wide as the row's longest value needs, leaving the name its room.
        title_w = min(font.size(self.title)[0], int(inner.width * 0.4))
        chip_w = min(font.size(self.widest_value)[0] + arrows + ui.px(16), inner.width - title_w - pad)
        self.chip = pygame.Rect(inner.right - chip_w, self.rect.top + ui.px(3), chip_w, chip_h)
        self.title_rect = pygame.Rect(inner.left, inner.top, self.chip.left - pad - inner.left, inner.height)
        # The left arrow and a little around it, the full height of the row: a big target.
        left = self.chip.left - pad // 2
        self.back_zone = pygame.Rect(left, self.rect.top, self.arrow_w + pad, self.rect.height)

    def draw(self, surface: pygame.Surface, ui: Ui, focused: bool, pressed: bool) -> None:
        p = ui.palette
        fill, ink = self.colours(p)
        border = p.border
        if not self.enabled:  # as Button: no fill and a grey edge
            fill, ink, border = p.background, p.text_muted, p.star_empty
        dy = ui.px(2) if pressed else 0
        rect = self.rect.move(0, dy)
        radius = ui.px(ui.m.radius)
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
        pygame.draw.rect(surface, border, rect, ui.px(ui.m.border_width), border_radius=radius)
        if not self.steppable:
            ui.draw_text(surface, self.label, "body", self.title_rect.move(0, dy), ink, bold=True, valign="middle")
        else:
            ui.draw_text(surface, self.title, "body", self.title_rect.move(0, dy), ink, bold=True, valign="middle")
            chip = self.chip.move(0, dy)
            ui.panel(surface, chip, p.surface)
            a = self.arrow_w
            _triangle(surface, pygame.Rect(chip.left, chip.top, a, chip.height), p.text, -1)
            _triangle(surface, pygame.Rect(chip.right - a, chip.top, a, chip.height), p.text, +1)
            value_rect = chip.inflate(-2 * a, 0)
            ui.draw_text(surface, self.value, "body", value_rect, p.text, bold=True, align="center", valign="middle")
        if focused:
            ring = rect.inflate(ui.px(12), ui.px(12))
            pygame.draw.rect(surface, p.focus, ring, ui.px(ui.m.focus_width), border_radius=radius + ui.px(6))


def _triangle(surface: pygame.Surface, box: pygame.Rect, colour: tuple[int, int, int], direction: int) -> None:
    """A solid arrow head pointing left (-1) or right (+1), centred in ``box``.

    Drawn, not typed: Lato has no arrow glyphs (it would show an empty box)."""
    half = max(4.0, min(box.width * 0.3, box.height * 0.2))
    cx, cy = box.centerx, box.centery
    tip, back = cx + direction * half, cx - direction * half
    pygame.draw.polygon(surface, colour, [(tip, cy), (back, cy - half * 1.15), (back, cy + half * 1.15)])


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        _ = self._

        def on_off(value: object) -> str:
            return _("On") if value else _("Off")

        def seconds(value: object) -> str:
            count = int(value)  # type: ignore[call-overload]
            return self.ngettext("{count} second", "{count} seconds", count, count=count) if count else _("Off")

        names = {language.code: language.name for language in app.offered_languages}
        self.options = tuple(
            option
            for option in (
                Option("text", _("Text size"), "text_size", TEXT_SIZES, lambda v: f"{v} %"),
                Option(
                    "theme",
                    _("Colours"),
                    "theme",
                    THEMES,
                    lambda v: _("High contrast") if v == "high-contrast" else _("Standard"),
                ),
                Option(
                    "motion", _("Movement"), "reduced_motion", (False, True), lambda v: _("Reduced") if v else _("Full")
                ),
                Option("sound", _("Sound"), "sound", (True, False), on_off),
                Option("volume", _("Volume"), "volume", VOLUMES, lambda v: f"{v} %"),
                Option("read-aloud", _("Read aloud"), "read_aloud", (False, True), on_off, self._read_aloud_missing),
                Option(
                    "mode",
                    _("Mode"),
                    "mode",
                    MODES,
                    lambda v: _("Challenge (timer, speed points)") if v == "challenge" else _("Relaxed (no timer)"),
                ),
                Option("timer", _("Timer"), "timer", TIMERS, seconds, self._challenge_only),
                # The level's "What do you think?" question before its first lesson.
                Option("guess-first", _("Guess first"), "before_after", (True, False), on_off),
                # Each language named in itself; offered only where there is a choice.
                Option(
                    "language",
                    _("Language"),
                    "language",
                    tuple(names),
                    lambda v: names.get(str(v), str(v)),
                    self._language_fixed,
                ),
            )
            if option.name != "language" or len(names) > 1
        )
        self.rows = [self._row(option) for option in self.options]
        self.done = Button(_("Done"), app.pop, "primary", name="done")
        self.buttons = [*self.rows, self.done]
        self.heading_rect = pygame.Rect(0, 0, 0, 0)
        self.hint_rect = pygame.Rect(0, 0, 0, 0)
        self.refresh()

    def _read_aloud_missing(self, settings: Settings) -> str:
        if not speech_installed() and not self.app.speaker.available:
            return self._("not available on this computer")
        if settings.read_aloud and self.app.speaker.available and not self.app.voice_ok:
            return self._("no voice for this language on this computer")
        return ""

    def _challenge_only(self, settings: Settings) -> str:
        return "" if settings.mode == "challenge" else self._("only in Challenge mode")

    def _language_fixed(self, settings: Settings) -> str:
        """Mid-level the lessons already on screen are in one language: change it from the title."""
        in_level = any(getattr(scene, "play", None) is not None for scene in self.app.stack)
        return self._("change it on the title screen") if in_level else ""

    def _row(self, option: Option) -> SettingRow:
        widest = max((option.words(v) for v in option.values), key=len)
        return SettingRow(
            "", lambda: self.change(option, +1), name=option.name, title=option.title, widest_value=widest
        )

    def change(self, option: Option, direction: int) -> None:
        """Step ``option`` to its next (+1) or previous (-1) value and show it."""
        if option.field == "language":
            self.change_language(option.stepped(self.app.settings, direction).language)
            return
        self.app.apply_settings(option.stepped(self.app.settings, direction))
        self.app.sound("click")
        self.refresh()

    def change_language(self, code: str) -> None:
        """Every screen is built in one language: build the title and this screen again in ``code``."""
        app = self.app
        app.choose_language(code)
        app.sound("click")
        app.go("title")
        again = SettingsScene(app)
        app.push(again)
        again.focus = again.find("language")

    def refresh(self) -> None:
        settings = self.app.settings
        for row, option in zip(self.rows, self.options):
            row.value = option.value_text(settings)
            row.label = f"{option.title}: {row.value}"
            row.steppable = not option.unavailable(settings)
        self.find("timer").enabled = settings.mode == "challenge"
        for row in self.rows:
            row.place(self.ui)

    def handle(self, action: Action) -> None:
        kind = action.kind
        focused = self.focus if isinstance(self.focus, SettingRow) and self.focus.enabled else None
        if kind in (Act.LEFT, Act.RIGHT) and focused is not None:
            self.app.keyboard_used = True
            self.change(self.options[self.rows.index(focused)], -1 if kind is Act.LEFT else +1)
            return
        pressed = self.pressed
        if (
            kind is Act.POINTER_UP
            and isinstance(pressed, SettingRow)
            and pressed.back_zone.collidepoint(action.pos)
            and pressed is self.button_at(action.pos)
        ):
            self.pressed, self.focus = None, pressed
            self.change(self.options[self.rows.index(pressed)], -1)
            return
        super().handle(action)

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        margin, gap = ui.px(ui.m.margin), ui.px(ui.m.gap)
        control = ui.control_height()
        self.heading_rect = pygame.Rect(margin, margin, w - 2 * margin - ui.px(220), control)
        self.done.rect = pygame.Rect(w - margin - ui.px(200), margin, ui.px(200), control)
        top = self.heading_rect.bottom + gap
        columns = 1 if ui.portrait or ui.text_scale > 1.4 else 2
        rows = -(-len(self.rows) // columns)
        tallest = rows * int(control * 1.5) + (rows - 1) * gap
        # The hint goes under the heading when the rows leave room for it, else beside it.
        hint_h = ui.block(self._(HINT), "small", pygame.Rect(0, 0, w - 2 * margin, 10_000)).height
        if h - margin - top - tallest >= hint_h + gap:
            self.hint_rect = pygame.Rect(margin, top - gap // 2, w - 2 * margin, hint_h)
            top = self.hint_rect.bottom + gap
        else:
            title_w = ui.text.font(ui.type_size("heading"), True).size(self._("Settings"))[0] + 2 * gap
            self.hint_rect = self.heading_rect.inflate(-title_w, 0).move(title_w // 2, 0)
            if self.hint_rect.width < ui.px(160):
                self.hint_rect = pygame.Rect(0, 0, 0, 0)
        area = pygame.Rect(margin, top, w - 2 * margin, h - top - margin)
        cell_h = min((area.height - gap * (rows - 1)) // rows, int(control * 1.5))
        used = pygame.Rect(area.left, area.top, area.width, rows * cell_h + (rows - 1) * gap)
        for row, rect in zip(self.rows, grid(used, len(self.rows), columns, gap)):
            row.rect = rect
            row.place(ui)
        if self.focus is None:
            self.focus = self.rows[0]

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        surface.fill(ui.palette.background)
        ui.draw_text(surface, self._("Settings"), "heading", self.heading_rect, bold=True, valign="middle")
        if self.hint_rect.width:
            ui.draw_text(surface, self._(HINT), "small", self.hint_rect, ui.palette.text_muted, valign="middle")
        self.draw_buttons(surface)
