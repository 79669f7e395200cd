"""Raw pygame events become actions here, once; scenes never see an event.

One pointer path serves mouse and touch: SDL sends a synthetic mouse event for each
touch (marked ``touch=True``), which we drop so a tap never counts twice. Finger
positions arrive normalised to 0..1 and are mapped to window pixels here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

import pygame

DEBOUNCE_S = 0.25  # a tremor's second tap within this time is not a second answer


class Act(enum.Enum):
    SELECT = "select"  # Enter, Space: activate the focused control
    BACK = "back"  # Esc: go back one screen
    FOCUS_NEXT = "focus-next"  # Tab
    FOCUS_PREV = "focus-prev"  # Shift+Tab
    UP = "up"
    DOWN = "down"
    LEFT = "left"
    RIGHT = "right"
    CHOOSE = "choose"  # number keys: pick option n (0 only types a PIN digit)
    POINTER_DOWN = "pointer-down"
    POINTER_MOVE = "pointer-move"  # only while pressed
    POINTER_UP = "pointer-up"
    HOVER = "hover"  # mouse moved with no button held
    QUIT = "quit"  # window close, Alt+F4
    OPERATOR = "operator"  # Ctrl+Alt+Shift+Q: staff gesture in kiosk mode
    RESIZE = "resize"
    FOCUS_LOST = "focus-lost"
    FOCUS_GAINED = "focus-gained"


@dataclass(frozen=True)
class Action:
    kind: Act
    number: int = 0  # for CHOOSE: 1-based option
    pos: tuple[int, int] = (0, 0)  # for pointer actions and RESIZE (the new size)


_ACTIVATIONS = {Act.SELECT, Act.CHOOSE, Act.POINTER_DOWN}
_KEYS = {
    pygame.K_RETURN: Act.SELECT,
    pygame.K_KP_ENTER: Act.SELECT,
    pygame.K_SPACE: Act.SELECT,
    pygame.K_ESCAPE: Act.BACK,
    pygame.K_AC_BACK: Act.BACK,
    pygame.K_UP: Act.UP,
    pygame.K_DOWN: Act.DOWN,
    pygame.K_LEFT: Act.LEFT,
    pygame.K_RIGHT: Act.RIGHT,
}
# 0 is only used by the staff PIN pad; answers are numbered from 1.
_DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(10)}


class InputMapper:
    """Turns pygame events into actions; keeps the little state that needs (finger, debounce)."""

    def __init__(self) -> None:
        self._finger: int | None = None  # the one finger we follow; others are ignored
        self._mouse_down = False
        self._last_activation = -1e9

    def map(self, event: pygame.event.Event, window_size: tuple[int, int], now: float) -> Action | None:
        action = self._translate(event, window_size)
        if action is not None and action.kind in _ACTIVATIONS:
            if now - self._last_activation < DEBOUNCE_S:
                return None
            self._last_activation = now
        return action

    def _translate(self, event: pygame.event.Event, size: tuple[int, int]) -> Action | None:
        t = event.type
        if t == pygame.QUIT:
            return Action(Act.QUIT)
        if t == pygame.KEYDOWN:
            return self._key(event)
        if t in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION):
            if getattr(event, "touch", False):
                return None  # SDL's copy of a finger event: the finger path handles it
            return self._mouse(event)
        if t in (pygame.FINGERDOWN, pygame.FINGERUP, pygame.FINGERMOTION):
            return self._touch(event, size)
        if t == pygame.VIDEORESIZE:
            return Action(Act.RESIZE, pos=(max(1, event.w), max(1, event.h)))
        if t == pygame.WINDOWFOCUSLOST:
            self._mouse_down, self._finger = False, None
            return Action(Act.FOCUS_LOST)
        if t == pygame.WINDOWFOCUSGAINED:
            return Action(Act.FOCUS_GAINED)
        return None

    def _key(self, event: pygame.event.Event) -> Action | None:
        mods = event.mod
        if event.key == pygame.K_q and mods & pygame.KMOD_CTRL and mods & pygame.KMOD_ALT and mods & pygame.KMOD_SHIFT:
            return Action(Act.OPERATOR)
        if event.key == pygame.K_F4 and mods & pygame.KMOD_ALT:
            return Action(Act.QUIT)
        if event.key == pygame.K_TAB:
            return Action(Act.FOCUS_PREV if mods & pygame.KMOD_SHIFT else Act.FOCUS_NEXT)
        if event.key in _DIGITS:
            return Action(Act.CHOOSE, number=_DIGITS[event.key])
        kind = _KEYS.get(event.key)
        return Action(kind) if kind is not None else None

    def _mouse(self, event: pygame.event.Event) -> Action | None:
        pos = (int(event.pos[0]), int(event.pos[1]))
        if event.type == pygame.MOUSEBUTTONDOWN:
            if event.button != 1:
                return None
            self._mouse_down = True
            return Action(Act.POINTER_DOWN, pos=pos)
        if event.type == pygame.MOUSEBUTTONUP:
            if event.button != 1 or not self._mouse_down:
                return None
            self._mouse_down = False
            return Action(Act.POINTER_UP, pos=pos)
        return Action(Act.POINTER_MOVE if self._mouse_down else Act.HOVER, pos=pos)

    def _touch(self, event: pygame.event.Event, size: tuple[int, int]) -> Action | None:
        x = min(max(float(event.x), 0.0), 1.0)
        y = min(max(float(event.y), 0.0), 1.0)
        pos = (int(x * (size[0] - 1)), int(y * (size[1] - 1)))
        if event.type == pygame.FINGERDOWN:
            if self._finger is not None:
                return None  # a second finger: one finger at a time
            self._finger = event.finger_id
            return Action(Act.POINTER_DOWN, pos=pos)
        if event.finger_id != self._finger:
            return None
        if event.type == pygame.FINGERUP:
            self._finger = None
            return Action(Act.POINTER_UP, pos=pos)
        return Action(Act.POINTER_MOVE, pos=pos)
