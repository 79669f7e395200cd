"""Scenes and the stack they live on.

A scene has a lifecycle (``enter``, ``exit``), receives actions (never raw events),
advances with ``update(dt)`` and draws with ``draw(surface)``, which never changes
state. Push for overlays (pause, a question), replace for navigation, pop to go back.
The base class gives every scene the same focus ring and pointer handling for its
buttons, so keyboard, mouse and touch work alike everywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.shell.actions import Act, Action
from game.shell.ui import Button, Ui

if TYPE_CHECKING:
    from game.shell.app import App


class Scene:
    name = "scene"  # used by tests, the capture tour and the monkey test's visit count
    # What the screen is, for the App and the kiosk supervisor (never its name):
    idle_exempt = False  # the kiosk's idle watch leaves it alone (attract loop, PIN pad, ...)
    kiosk_home = False  # a first screen: on a kiosk, Back does nothing here
    staff_only = False  # on the staff's path already: the operator gesture does nothing

    def __init__(self, app: App) -> None:
        self.app = app
        self.buttons: list[Button] = []
        self.focus: Button | None = None
        self.pressed: Button | None = None

    @property
    def ui(self) -> Ui:
        return self.app.ui

    # the player's language (the app's translator; Babel extracts these calls)
    def _(self, message: str, **names: object) -> str:
        return self.app.tr.gettext(message, **names)

    def ngettext(self, singular: str, plural: str, n: int, **names: object) -> str:
        return self.app.tr.ngettext(singular, plural, n, **names)

    # lifecycle
    def enter(self) -> None:
        self.layout()

    def exit(self) -> None:
        """Called when the scene leaves the stack."""

    def resume(self) -> None:
        """Called when the scene above this one is popped."""
        self.layout()

    def layout(self) -> None:
        """Place buttons and text for the current window size (called on enter and resize)."""

    # input
    def handle(self, action: Action) -> None:
        kind = action.kind
        if kind is Act.BACK:
            self.back()
        elif kind in (Act.FOCUS_NEXT, Act.DOWN, Act.RIGHT):
            self.move_focus(+1)
        elif kind in (Act.FOCUS_PREV, Act.UP, Act.LEFT):
            self.move_focus(-1)
        elif kind is Act.SELECT:
            if self.focus is not None and self.focus.enabled:
                self.focus.on_press()
            else:
                self.on_select_without_focus()
        elif kind is Act.CHOOSE:
            self.choose(action.number)
        elif kind is Act.POINTER_DOWN:
            self.pressed = self.button_at(action.pos)
            if self.pressed is None:
                self.pointer_down(action.pos)
        elif kind is Act.POINTER_MOVE:
            if self.pressed is None:
                self.pointer_move(action.pos)
        elif kind is Act.POINTER_UP:
            pressed, self.pressed = self.pressed, None
            if pressed is not None:
                if pressed is self.button_at(action.pos):  # slid off the button: no press
                    self.focus = pressed
                    pressed.on_press()
            else:
                self.pointer_up(action.pos)

    def back(self) -> None:
        self.app.pop()

    def choose(self, number: int) -> None:
        """Number keys: by default they press the n-th button that shows badge n."""
        for button in self.buttons:
            if button.badge == str(number) and button.enabled:
                self.focus = button
                button.on_press()
                return

    def on_select_without_focus(self) -> None:
        """Enter with nothing focused: press the first primary button."""
        for button in self.buttons:
            if button.style == "primary" and button.enabled:
                button.on_press()
                return

    def pointer_down(self, pos: tuple[int, int]) -> None:
        """A press that hit no button."""

    def pointer_move(self, pos: tuple[int, int]) -> None:
        """A drag that did not start on a button."""

    def pointer_up(self, pos: tuple[int, int]) -> None:
        """A release whose press hit no button."""

    def button_at(self, pos: tuple[int, int]) -> Button | None:
        for button in self.buttons:
            if button.enabled and button.rect.collidepoint(pos):
                return button
        return None

    def move_focus(self, step: int) -> None:
        usable = [b for b in self.buttons if b.enabled]
        if not usable:
            return
        if self.focus not in usable:
            self.focus = usable[0 if step > 0 else -1]
        else:
            i = usable.index(self.focus)  # type: ignore[arg-type]
            self.focus = usable[(i + step) % len(usable)]
        self.app.keyboard_used = True

    def find(self, name: str) -> Button:
        """The button called ``name`` (for tests and scripted tours)."""
        return next(b for b in self.buttons if b.name == name)

    # time and drawing
    def update(self, dt: float) -> None:
        """Advance by ``dt`` seconds."""

    def needs_redraw(self) -> bool:
        """True while something on screen moves by itself (animations, timers)."""
        return False

    def draw_changed(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        """Redraw only what moved by itself since the last draw and return those
        rectangles (empty: nothing); None asks for a whole ``draw``. Called instead of
        ``draw`` when no input or change of screen happened since the last frame."""
        return None

    def ready(self) -> bool:
        """True once everything this scene shows is drawn (sprites warmed by ``idle``)."""
        return True

    def idle(self, budget_s: float) -> None:
        """Work ahead of need between frames (e.g. drawing sprites of the next cue),
        taking at most about ``budget_s`` seconds. Never changes what is on screen."""

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.ui.palette.background)
        self.draw_buttons(surface)

    def draw_buttons(self, surface: pygame.Surface) -> None:
        show_focus = self.app.keyboard_used
        for button in self.buttons:
            button.draw(surface, self.ui, show_focus and button is self.focus, button is self.pressed)


class CrossFade:
    """A transition: the new screen fades in over the old one, eased, in ``duration`` s.

    It does not blend two full screens every frame: the screen itself holds the old
    picture, the new scene is drawn once into a target surface, and each of ``STEPS``
    blend steps lays the target over the screen at the alpha that takes the mix from
    the last step's share of the new picture to this one's. Frames between steps draw
    nothing; the last step lays the target on opaquely.
    """

    STEPS = 8

    def __init__(self, duration: float = 0.3) -> None:
        self.duration = duration
        self.t = 0.0
        self.shown = 0  # blend steps on screen so far
        self.target_drawn = False  # the App has drawn the new scene into the target

    @property
    def done(self) -> bool:
        return self.shown >= self.STEPS

    def update(self, dt: float) -> None:
        self.t = min(self.duration, self.t + dt)

    def step(self) -> int:
        """How many blend steps should be on screen at this time."""
        x = self.t / self.duration if self.duration > 0 else 1.0
        eased = 1 - (1 - x) * (1 - x)  # ease-out: quick start, gentle end
        return min(self.STEPS, int(eased * self.STEPS + 1e-9))

    def draw(self, screen: pygame.Surface, target: pygame.Surface) -> bool:
        """Blend ``target`` over ``screen`` up to this time's step; False if nothing to do."""
        step = self.step()
        if step <= self.shown:
            return False
        before = self.shown / self.STEPS
        after = step / self.STEPS
        # screen = old * (1 - before) + new * before; one blend at alpha a makes it
        # old * (1 - before) * (1 - a) + ..., so a = 1 - (1 - after) / (1 - before).
        alpha = 255 if step >= self.STEPS else round(255 * (1 - (1 - after) / (1 - before)))
        target.set_alpha(None if alpha >= 255 else alpha)
        screen.blit(target, (0, 0))
        target.set_alpha(None)
        self.shown = step
        return True
