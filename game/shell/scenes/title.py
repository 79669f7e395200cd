"""The first screen: the game's name, a calm welcome, and where to go."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core.i18n import N_
from game.shell.scenes.menu import ConfirmScene, MenuScene
from game.shell.ui import Button

if TYPE_CHECKING:
    from game.shell.app import App


class TitleScene(MenuScene):
    kiosk_home = True
    name = "title"
    heading = "ImmunoQuest"
    body = N_("Learn how immunotherapy helps your immune system fight cancer. Go at your own pace.")

    def __init__(self, app: App) -> None:
        super().__init__(app)
        _ = self._
        self.buttons = [
            Button(_("Start"), self.start, "primary", name="start"),
            Button(_("Settings"), self.settings, name="settings"),
            Button(_("About this game"), self.about, name="about"),
        ]
        if app.content.ask_your_team:
            self.buttons.insert(1, Button(_("Questions for your care team"), self.care_card, name="care-card"))
        # Each other language, named in itself ("Español"), so a reader finds their own.
        for language in app.offered_languages:
            if language.code != app.language:
                self.buttons.append(
                    Button(language.name, self._chooser(language.code), name=f"language-{language.code}")
                )
        if not app.kiosk:  # on a kiosk only staff can leave
            self.buttons.append(Button(_("Quit"), self.back, name="quit"))

    def _chooser(self, code: str):  # type: ignore[no-untyped-def]
        return lambda: self.choose_language(code)

    def choose_language(self, code: str) -> None:
        self.app.choose_language(code)
        self.app.replace(TitleScene(self.app))

    def start(self) -> None:
        self.app.go("level-select")

    def settings(self) -> None:
        self.app.go("settings")

    def about(self) -> None:
        self.app.go("about")

    def care_card(self) -> None:
        self.app.go("care-card")

    def back(self) -> None:
        if self.app.kiosk:
            return
        _ = self._
        self.app.push(
            ConfirmScene(self.app, _("Leave the game?"), _("Your stars are saved."), _("Yes, quit"), self.app.quit)
        )
