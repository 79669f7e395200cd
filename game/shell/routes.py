"""Where the game can go: ``app.go("level-select")`` instead of scenes importing each other.

Each route makes its screen and shows it: most replace the whole stack (navigation), a
few are pushed over the current screen (overlays: settings, about, the glossary, the
kiosk's "still there?" and PIN pad). The scene modules are imported here, when a route
is first taken, so no scene module imports another and the import graph has no cycles.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.shell.app import App
    from game.shell.scene import Scene


def _level(app: App, *args: Any) -> None:
    """Play a level from its first step (the play replaces the screen step by step)."""
    from game.shell.scenes.level import LevelPlay

    LevelPlay(app, *args).begin()


def _practice(app: App, *args: Any) -> None:
    """A practice round of missed questions (``game.shell.practice``)."""
    from game.shell.practice import start_practice

    start_practice(app)


# route -> (module:class of its screen, under game.shell.scenes; pushed over the current one?)
SCREENS: dict[str, tuple[str, bool]] = {
    "title": ("title:TitleScene", False),
    "level-select": ("level_select:LevelSelectScene", False),
    "results": ("results:ResultsScene", False),
    "practice-results": ("practice_results:PracticeResultsScene", False),
    "attract": ("kiosk:AttractScene", False),
    "unavailable": ("kiosk:UnavailableScene", False),
    "settings": ("settings:SettingsScene", True),
    "about": ("about:AboutScene", True),
    "care-card": ("care_card:CareCardScene", True),
    "glossary": ("glossary:GlossaryScene", True),
    "still-there": ("kiosk:StillThereScene", True),
    "pin-pad": ("kiosk:PinPadScene", True),
}
# routes that are not one screen
ACTIONS: dict[str, Callable[..., None]] = {"level": _level, "practice": _practice}


def make(app: App, route: str, *args: Any) -> Scene:
    """The screen ``route`` leads to (not shown yet); its module is imported now."""
    module, name = SCREENS[route][0].split(":")
    scene: Scene = getattr(importlib.import_module(f"game.shell.scenes.{module}"), name)(app, *args)
    return scene


def go(app: App, route: str, *args: Any) -> None:
    """Show the screen ``route`` leads to, as the route says (replace or push)."""
    if route in ACTIONS:
        ACTIONS[route](app, *args)
        return
    scene = make(app, route, *args)
    if SCREENS[route][1]:
        app.push(scene)
    else:
        app.replace(scene)
