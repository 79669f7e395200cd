"""The pause menu over a level: resume, start the level again, or leave it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.core.i18n import N_
from game.shell.scenes.menu import MenuScene
from game.shell.ui import Button

if TYPE_CHECKING:
    from game.shell.app import App


class PauseScene(MenuScene):
    name = "pause"
    heading = N_("Paused")
    body = N_("Take your time. Nothing happens while you are here.")
    overlay = True

    def __init__(self, app: App, restart: Callable[[], None]) -> None:
        super().__init__(app)
        if app.settings.mode == "challenge" and app.settings.timer:
            self.body += " " + self._("The question timer is paused.")
        _ = self._
        self.buttons = [
            Button(_("Resume"), app.pop, "primary", name="resume"),
            Button(_("Restart level"), restart, name="restart"),
            Button(_("Settings"), self.settings, name="settings"),
            Button(_("Quit to title"), self.quit_to_title, name="quit-to-title"),
        ]

    def settings(self) -> None:
        self.app.go("settings")

    def quit_to_title(self) -> None:
        self.app.speaker.stop()
        self.app.go("title")
