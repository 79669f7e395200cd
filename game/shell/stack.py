"""The scenes on screen, bottom to top.

Push for overlays (pause, a question's glossary), replace for navigation, pop to go
back. The stack calls each scene's lifecycle (``enter``, ``exit``, ``resume``); what a
change of screen means for drawing (a cross-fade, a redraw) is the App's business.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.shell.scene import Scene


class SceneStack:
    def __init__(self) -> None:
        self._scenes: list[Scene] = []

    def __len__(self) -> int:
        return len(self._scenes)

    def __iter__(self) -> Iterator[Scene]:
        return iter(self._scenes)

    def __contains__(self, scene: object) -> bool:
        return scene in self._scenes

    @property
    def top(self) -> Scene:
        return self._scenes[-1]

    def below(self, scene: Scene) -> list[Scene]:
        """The scenes under ``scene`` (all of them if it is not on the stack)."""
        if scene in self._scenes:
            return self._scenes[: self._scenes.index(scene)]
        return list(self._scenes)

    def push(self, scene: Scene) -> None:
        self._scenes.append(scene)
        scene.enter()

    def pop(self) -> bool:
        """Leave the top scene for the one below; False (nothing done) on the last one."""
        if len(self._scenes) <= 1:
            return False
        self._scenes.pop().exit()
        self.top.resume()
        return True

    def replace(self, scene: Scene) -> None:
        """The whole stack gives way to ``scene``."""
        while self._scenes:
            self._scenes.pop().exit()
        self.push(scene)

    def replace_top(self, scene: Scene) -> None:
        self._scenes.pop().exit()
        self.push(scene)

    def reset(self, scene: Scene | None = None) -> None:
        """Drop every scene without its ``exit`` (after an error), then enter ``scene``."""
        self._scenes.clear()
        if scene is not None:
            self.push(scene)
