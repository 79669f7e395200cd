"""Procedural art: one animated scene per level, drawn in code."""

from __future__ import annotations

from game.shell.art.base import SceneArt


def _registry() -> dict[str, type]:
    from game.shell.art.scene_patrol import PatrolArt

    out = {c.name: c for c in (PatrolArt,)}
    return out


def make_scene_art(name: str, reduced_motion: bool = False) -> SceneArt:
    """The animated scene called ``name`` (a key of ``catalog.SCENE_CUES``)."""
    try:
        cls = _registry()[name]
    except KeyError:
        raise KeyError(f"no scene art called {name!r}") from None
    return cls(reduced_motion)
