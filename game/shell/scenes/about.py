"""What the game is based on, and that it teaches rather than advises."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core.i18n import N_
from game.shell.scenes.menu import MenuScene
from game.shell.ui import Button

if TYPE_CHECKING:
    from game.shell.app import App

FALLBACK = N_(
    "This game teaches the basics of immunotherapy. It does not give medical advice. "
    "Please ask your care team about your own treatment."
)


class AboutScene(MenuScene):
    name = "about"
    heading = N_("About this game")

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.body = " ".join(app.content.about) or self._(FALLBACK)
        self.buttons = [Button(self._("Back"), app.pop, "primary", name="back")]
