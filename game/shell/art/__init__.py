"""Procedural art: one animated scene per level, drawn in code.

Every scene is a :class:`~game.shell.art.stage.Stage` (the ``SceneArt`` contract plus
shared layout, timing and hands-on machinery) drawing sprites from a
:class:`~game.shell.art.sprites.CharacterSheet`, which keeps them in a bounded cache.
Make one sheet after ``pygame.init()`` and pass it to every scene so they share sprites.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.core.i18n import Translator
from game.shell.art.base import SceneArt
from game.shell.art.sprites import CharacterSheet

if TYPE_CHECKING:
    from game.shell.art.stage import Stage


def scene_classes() -> dict[str, type[Stage]]:
    """Scene name -> class, for every scene in ``catalog.SCENE_CUES``."""
    from game.shell.art.scene_antibodies import AntibodiesArt
    from game.shell.art.scene_benefits import BenefitsArt
    from game.shell.art.scene_brakes import BrakesArt
    from game.shell.art.scene_cart import CarTArt
    from game.shell.art.scene_finale import FinaleArt
    from game.shell.art.scene_journey import JourneyArt
    from game.shell.art.scene_patrol import PatrolArt
    from game.shell.art.scene_side_effects import SideEffectsArt

    classes: tuple[type[Stage], ...] = (
        PatrolArt,
        BrakesArt,
        CarTArt,
        AntibodiesArt,
        BenefitsArt,
        JourneyArt,
        SideEffectsArt,
        FinaleArt,
    )
    return {c.name: c for c in classes}


def make_scene_art(
    name: str, reduced_motion: bool = False, sheet: CharacterSheet | None = None, tr: Translator | None = None
) -> SceneArt:
    """The animated scene called ``name`` (a key of ``catalog.SCENE_CUES``), drawing its
    sprites from ``sheet`` (None: a new sheet of its own) and its words in ``tr``'s language."""
    try:
        cls = scene_classes()[name]
    except KeyError:
        raise KeyError(f"no scene art called {name!r}") from None
    art = cls(reduced_motion, sheet if sheet is not None else CharacterSheet())
    if tr is not None:
        art.tr = tr
    return art
