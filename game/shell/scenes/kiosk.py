"""Kiosk screens: the attract loop, "Are you still there?", the staff PIN pad and menu,
and the calm "Temporarily unavailable" screen."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pygame

from game.core.catalog import SCENE_CUES
from game.core.i18n import N_
from game.shell.actions import Act, Action
from game.shell.art import make_scene_art
from game.shell.art.base import SceneArt
from game.shell.scene import Scene
from game.shell.scenes.menu import MenuScene
from game.shell.ui import Button, grid

if TYPE_CHECKING:
    from game.shell.app import App

ATTRACT_SCENE_S = 12.0  # each scene of the loop shows this long
INVITATION_S = 4.0  # the invitation shows each offered language's own words this long
INVITATION = N_("Touch anywhere to start")
PIN_LOCK_S = 60.0
PIN_TRIES = 3
PIN_PROMPT = N_("Staff only. Enter the PIN.")


class AttractScene(Scene):
    """A calm loop of the game's scenes inviting the next visitor; never still, never flashing."""

    idle_exempt = True
    kiosk_home = True
    name = "attract"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.scene_names = list(SCENE_CUES)
        self.index = 0
        self.t = 0.0
        self.art: SceneArt = self._art(0)
        self.coming: SceneArt = self._art(1)  # the next scene of the loop, warmed between frames
        self._warming: Iterator[None] | None = None
        self._warmed_for: tuple[object, ...] = ()
        self._ready_art: SceneArt | None = None  # the art last found ready to draw
        self.band = pygame.Rect(0, 0, 0, 0)
        self.scene_rect = pygame.Rect(0, 0, 0, 0)
        # The invitation in every offered language, each in its own words, in turn.
        self.invitations = [language.translator.gettext(INVITATION) for language in app.offered_languages]
        # A button per language, named in itself: a touch on it starts the visit in that language.
        self.buttons = [
            Button(language.name, self._starter(language.code), name=f"language-{language.code}")
            for language in app.offered_languages
        ]
        if len(self.buttons) < 2:
            self.buttons = []

    def _starter(self, code: str):  # type: ignore[no-untyped-def]
        return lambda: self.start(code)

    def start(self, code: str | None = None) -> None:
        self.app.stats.session_started()
        if code is not None:
            self.app.use_language(code)  # for this visit only: the idle reset returns to the default
        self.app.go("title")

    @property
    def invitation(self) -> str:
        return self.invitations[int(self.app.now / INVITATION_S) % len(self.invitations)]

    def _art(self, index: int) -> SceneArt:
        name = self.scene_names[index % len(self.scene_names)]
        # The attract loop always moves a little, so no still image can burn into the screen.
        art = make_scene_art(name, reduced_motion=False, sheet=self.app.sheet, tr=self.app.tr)
        art.set_cue(SCENE_CUES[name][-1] if name == "finale" else SCENE_CUES[name][0])
        return art

    def handle(self, action: Action) -> None:
        if action.kind is Act.POINTER_DOWN:
            self.pressed = self.button_at(action.pos)
        elif action.kind is Act.POINTER_UP and self.pressed is not None:
            super().handle(action)  # a language button: start in that language
            if self.app.top is self:
                self.start()
        elif action.kind in (Act.POINTER_UP, Act.SELECT, Act.CHOOSE):
            if action.kind is Act.CHOOSE and 1 <= action.number <= len(self.buttons):
                self.buttons[action.number - 1].on_press()
            else:
                self.start()

    def update(self, dt: float) -> None:
        self.t += dt
        self.art.update(dt)
        # The next scene comes on only once its sprites are drawn: no frame stalls on them.
        if self.t >= ATTRACT_SCENE_S and self.coming.is_ready(self.scene_rect):
            self.t = 0.0
            self.index += 1
            self.art, self.coming = self.coming, self._art(self.index + 1)

    def idle(self, budget_s: float) -> None:
        """Draw the sprites of the scene on show, then of the next one, ahead of need."""
        key = (self.art, self.coming, self.ui.size, tuple(self.scene_rect))
        if key != self._warmed_for:
            self._warmed_for = key
            size, rect = self.ui.size, self.scene_rect.copy()
            self._warming = itertools.chain(
                self.art.warm_up(size, rect, self.art.cue, only_first=True),
                self.coming.warm_up(size, rect, self.coming.cue, only_first=True),
            )
        if self._warming is not None and self.app.sheet.cache.advance(self._warming, budget_s):
            self._warming = None

    def ready(self) -> bool:
        if self._ready_art is not self.art and self.art.is_ready(self.scene_rect):
            self._ready_art = self.art
        return self._ready_art is self.art

    def needs_redraw(self) -> bool:
        return True

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        band_h = int(ui.type_size("title") * 1.3) + int(ui.type_size("heading") * 1.4) + ui.px(48)
        self.band = pygame.Rect(ui.px(40), 0, w - ui.px(80), band_h)
        self.scene_rect = pygame.Rect(0, 0, w, h)
        # The language buttons sit in a row along the bottom, each big enough for a finger.
        if self.buttons:
            control = ui.control_height()
            width = min(w - ui.px(80), len(self.buttons) * ui.px(260))
            row_rect = pygame.Rect((w - width) // 2, h - ui.px(24) - control, width, control)
            for button, rect in zip(self.buttons, grid(row_rect, len(self.buttons), len(self.buttons), ui.px(16))):
                button.rect = rect
            self.band.height = min(self.band.height, max(0, row_rect.top - ui.px(56)))

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        if self.ready():
            self.art.draw(surface, self.scene_rect)
        else:  # for a frame or two at the start, while idle() draws its sprites
            surface.fill(ui.palette.background)
        # The invitation drifts slowly up and down: nothing stays on one spot for hours.
        bottom = self.buttons[0].rect.top - ui.px(16) if self.buttons else ui.size[1]
        travel = bottom - self.band.height - ui.px(80)
        y = ui.px(40) + int((0.5 + 0.5 * math.sin(self.app.now / 40.0)) * max(0, travel))
        band = self.band.move(0, y)
        ui.panel(surface, band, ui.palette.surface)
        inner = band.inflate(-ui.px(32), -ui.px(24))
        title_h = int(ui.type_size("title") * 1.3)
        ui.draw_text(
            surface,
            "ImmunoQuest",
            "title",
            pygame.Rect(inner.left, inner.top, inner.width, title_h),
            bold=True,
            align="center",
        )
        rest = pygame.Rect(inner.left, inner.top + title_h, inner.width, inner.height - title_h)
        ui.draw_text(
            surface,
            self.invitation,
            "heading",
            rest,
            ui.palette.primary,
            bold=True,
            align="center",
            valign="middle",
        )
        self.draw_buttons(surface)


class StillThereScene(MenuScene):
    """After a quiet spell: one big button, and a countdown before the game starts afresh."""

    idle_exempt = True
    name = "still-there"
    heading = N_("Are you still there?")
    overlay = True

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.left = float(max(20, app.settings.countdown))
        self.buttons = [Button(self._("I'm still here"), app.pop, "primary", name="still-here")]
        self.body = self._body()

    def _body(self) -> str:
        left = math.ceil(self.left)
        return self.ngettext(
            "The game will start again for the next person in {count} second.",
            "The game will start again for the next person in {count} seconds.",
            left,
            count=left,
        )

    def handle(self, action: Action) -> None:
        if action.kind in (Act.POINTER_UP, Act.SELECT, Act.CHOOSE):
            self.app.pop()  # any touch or key counts as "I'm still here"

    def update(self, dt: float) -> None:
        before = math.ceil(self.left)
        self.left -= dt
        if math.ceil(self.left) != before:
            self.body = self._body()
            self.app.dirty = True
        if self.left <= 0:
            self.app.reset_session()


class PinPadScene(Scene):
    """Staff only: the PIN from the settings file, never shown; three misses lock the pad."""

    idle_exempt = True
    staff_only = True
    name = "pin-pad"

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.entered = ""
        self.message = self._(PIN_PROMPT)
        self.digit_buttons = [
            Button(str(d), self._digit(str(d)), name=f"digit-{d}") for d in (1, 2, 3, 4, 5, 6, 7, 8, 9, 0)
        ]
        self.buttons = [
            *self.digit_buttons,
            Button(self._("Clear"), self.clear, name="clear"),
            Button(self._("Enter"), self.submit, "primary", name="enter"),
            Button(self._("Cancel: back to the game"), app.pop, name="cancel"),
        ]
        self.display = pygame.Rect(0, 0, 0, 0)
        self.message_rect = pygame.Rect(0, 0, 0, 0)
        self.was_locked = False

    def _digit(self, d: str):  # type: ignore[no-untyped-def]
        return lambda: self.type_digit(d)

    @property
    def locked(self) -> bool:
        return self.app.now < self.app.pin_locked_until

    def type_digit(self, d: str) -> None:
        if not self.locked and len(self.entered) < 12:
            self.entered += d

    def clear(self) -> None:
        self.entered = ""

    def choose(self, number: int) -> None:
        self.type_digit(str(number))

    def submit(self) -> None:
        app = self.app
        if self.locked:
            return
        if self.entered == app.settings.operator_pin:
            app.pin_failures = 0
            app.replace_top_with(OperatorScene(app))
            return
        self.entered = ""
        app.pin_failures += 1
        if app.pin_failures >= PIN_TRIES:
            app.pin_failures = 0
            app.pin_locked_until = app.now + PIN_LOCK_S
        else:
            left = PIN_TRIES - app.pin_failures
            self.message = self.ngettext(
                "That PIN is not right. {count} try left.",
                "That PIN is not right. {count} tries left.",
                left,
                count=left,
            )

    def update(self, dt: float) -> None:
        text = self.message
        if self.locked:
            wait = math.ceil(self.app.pin_locked_until - self.app.now)
            text = self.ngettext(
                "Locked. Try again in {count} second.", "Locked. Try again in {count} seconds.", wait, count=wait
            )
            self.was_locked = True
        elif self.was_locked:
            self.was_locked = False
            text = self._(PIN_PROMPT)
        if text != self.message:
            self.message = text
            self.app.dirty = True

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        control = ui.control_height()
        gap = ui.px(ui.m.gap)
        width = min(w - 2 * ui.px(24), ui.px(560))
        top = ui.px(24)
        self.message_rect = pygame.Rect((w - width) // 2, top, width, int(ui.type_size("body") * 2.6))
        self.display = pygame.Rect((w - width) // 2, self.message_rect.bottom + gap, width, control)
        pad = pygame.Rect(
            (w - width) // 2, self.display.bottom + gap, width, h - self.display.bottom - 2 * gap - ui.px(24)
        )
        cells = grid(pad, 15, 3, gap)
        clear, enter, cancel = self.buttons[10:13]
        order = [*self.digit_buttons[:9], clear, self.digit_buttons[9], enter]
        for button, rect in zip(order, cells):
            button.rect = rect
        cancel.rect = cells[12].union(cells[14])  # a full-width way back on the last row

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        surface.fill(ui.palette.background)
        ui.draw_text(surface, self.message, "body", self.message_rect, align="center", valign="middle")
        ui.panel(surface, self.display)
        r = self.display.height // 6  # one dot per digit: the PIN itself is never shown
        for i in range(len(self.entered)):
            x = self.display.centerx + (i - (len(self.entered) - 1) / 2) * 3 * r
            pygame.draw.circle(surface, ui.palette.text, (int(x), self.display.centery), r)
        self.draw_buttons(surface)


class OperatorScene(MenuScene):
    idle_exempt = True
    staff_only = True
    name = "operator"
    heading = N_("Staff menu")

    def __init__(self, app: App) -> None:
        super().__init__(app)
        _ = self._
        self.body = _("Choose what to do. The game goes back to the start screen when you leave this menu.")
        self.buttons = [
            Button(_("Back to the game"), app.reset_session, "primary", name="back"),
            Button(_("Show where the staff report is"), self.show_report, name="report"),
            Button(_("Reload the content"), self.reload, name="reload"),
            Button(_("Quit the game"), app.quit, name="quit"),
        ]
        if app.options.content_error:
            self.body = _("Content problem: {details}", details=app.options.content_error)

    def show_report(self) -> None:
        stats = self.app.stats
        where = str(stats.path) if stats is not None and getattr(stats, "path", None) else self._("statistics are off")
        self.body = self._("Statistics: {where}. Make the page with: python run.py --report", where=where)
        self.layout()

    def reload(self) -> None:
        loader = self.app.options.reload_content
        if loader is None:
            self.body = self._("Reloading is not available here.")
        else:
            result = loader()
            if isinstance(result, str):
                self.body = self._(
                    "The content has problems; still using the last good copy. {details}", details=result[:300]
                )
            else:
                self.app.replace_content(result)
                self.app.options.content_error = ""
                self.body = self._(
                    "Reloaded: {levels} levels, {questions} questions.",
                    levels=len(result.levels),
                    questions=len(result.questions),
                )
        self.layout()


class UnavailableScene(MenuScene):
    """No good content at all: a calm notice; the details wait behind the staff gesture."""

    idle_exempt = True
    kiosk_home = True
    name = "unavailable"
    heading = N_("Temporarily unavailable")
    body = N_("This game is resting for a moment. Please ask a member of staff.")

    def __init__(self, app: App, error: str) -> None:
        super().__init__(app)
        self.error = error
        app.options.content_error = app.options.content_error or error
