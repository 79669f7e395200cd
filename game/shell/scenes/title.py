"""The first screen: the game's name, a calm welcome, and where to go."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.shell.scenes.menu import ConfirmScene, MenuScene
from game.shell.ui import Button

if TYPE_CHECKING:
    from game.shell.app import App


class TitleScene(MenuScene):
    kiosk_home = True
    name = "title"
    heading = "ImmunoQuest"
    body = "Learn how immunotherapy helps your immune system fight cancer. Go at your own pace."

    def __init__(self, app: App) -> None:
        super().__init__(app)
        self.buttons = [
            Button("Start", self.start, "primary", name="start"),
            Button("Settings", self.settings, name="settings"),
            Button("About this game", self.about, name="about"),
        ]
        if not app.kiosk:  # on a kiosk only staff can leave
            self.buttons.append(Button("Quit", self.back, name="quit"))

    def start(self) -> None:
        self.app.go("level-select")

    def settings(self) -> None:
        self.app.go("settings")

    def about(self) -> None:
        self.app.go("about")

    def back(self) -> None:
        if self.app.kiosk:
            return
        self.app.push(ConfirmScene(self.app, "Leave the game?", "Your stars are saved.", "Yes, quit", self.app.quit))
