"""The kiosk supervisor: what watches an unattended kiosk between visitors.

It notices when nobody has touched the screen for ``idle_timeout`` seconds (and asks
"Are you still there?"), recognises the operator's gesture (a press held in the
top-left corner, or the operator key) that opens the PIN pad, and keeps the PIN pad's
lockout after too many wrong tries. Screens that must not be interrupted say so with
``idle_exempt`` / ``staff_only``; the supervisor never checks a screen's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.shell.actions import Act, Action

if TYPE_CHECKING:
    from game.shell.app import App

OPERATOR_HOLD_S = 5.0  # hold the top-left corner this long to reach the PIN pad
OPERATOR_CORNER = 96  # px at 1280x720: the corner that starts the hold


class KioskSupervisor:
    def __init__(self, app: App) -> None:
        self.app = app
        self.last_input = 0.0
        self.corner_since: float | None = None
        self.pin_failures = 0
        self.pin_locked_until = 0.0

    def track_corner(self, action: Action) -> None:
        """The operator's touch gesture: a press held in the top-left corner."""
        corner = self.app.ui.px(OPERATOR_CORNER)
        in_corner = action.pos[0] < corner and action.pos[1] < corner
        if action.kind is Act.POINTER_DOWN:
            self.corner_since = self.app.now if in_corner else None
        elif action.kind is Act.POINTER_UP or (action.kind is Act.POINTER_MOVE and not in_corner):
            self.corner_since = None

    def watch(self) -> None:
        """Once a frame: the corner hold, and the idle timeout on a kiosk."""
        app = self.app
        if self.corner_since is not None and app.now - self.corner_since >= OPERATOR_HOLD_S:
            self.corner_since = None
            self.operator_gesture()
        if app.speaker.busy:
            self.last_input = app.now  # idle time pauses while something is read aloud
        if not app.kiosk or app.top.idle_exempt:
            return
        if app.now - self.last_input >= app.settings.idle_timeout:
            app.go("still-there")

    def operator_gesture(self) -> None:
        app = self.app
        if not app.kiosk or not app.settings.operator_pin:
            return  # no PIN configured: operator exit is off
        if app.top.staff_only:
            return
        app.go("pin-pad")
