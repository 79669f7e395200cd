"""Procedural art: one animated scene per level, drawn in code."""

from __future__ import annotations

from game.shell.art.base import SceneArt
from game.shell.art.placeholder import PlaceholderArt


def make_scene_art(name: str, reduced_motion: bool = False) -> SceneArt:
    """The animated scene called ``name`` (a key of ``catalog.SCENE_CUES``)."""
    return PlaceholderArt(name, reduced_motion)
