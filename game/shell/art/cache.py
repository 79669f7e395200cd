"""A bounded cache of rendered surfaces and fonts, shared by every scene.

Everything that costs something to draw (gradients, glows, shadows, cell sprites,
labels) is rendered once into a Surface kept here under a key that includes its
size, and simply blitted afterwards. The cache forgets its least recently used
entries when it holds too many or too many bytes, so switching window sizes many
times cannot grow memory without bound.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from typing import Callable, Hashable

import pygame

MAX_ENTRIES = 1500
MAX_BYTES = 384 * 1024 * 1024


class SurfaceCache:
    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, pygame.Surface] = OrderedDict()
        self.bytes = 0
        self.builds = 0  # how many surfaces were rendered (cache misses), for tests

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable, build: Callable[[], pygame.Surface]) -> pygame.Surface:
        surf = self._items.get(key)
        if surf is not None:
            self._items.move_to_end(key)
            return surf
        surf = build()
        self.builds += 1
        self._items[key] = surf
        self.bytes += _size_of(surf)
        while len(self._items) > 1 and (
            len(self._items) > self.max_entries or self.bytes > self.max_bytes
        ):
            _, old = self._items.popitem(last=False)
            self.bytes -= _size_of(old)
        return surf

    def clear(self) -> None:
        self._items.clear()
        self.bytes = 0


def _size_of(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


CACHE = SurfaceCache()

_fonts: dict[int, pygame.font.Font] = {}
MAX_FONTS = 24


def font(px: int) -> pygame.font.Font:
    """Lato Bold at ``px`` pixels (cached; the default font if Lato is missing)."""
    px = max(8, int(px))
    f = _fonts.get(px)
    if f is None:
        if not pygame.font.get_init():
            pygame.font.init()
        if len(_fonts) >= MAX_FONTS:
            _fonts.pop(next(iter(_fonts)))
        try:
            import font_lato

            f = pygame.font.Font(getattr(font_lato, "LatoBold", font_lato.Lato), px)
        except Exception:  # noqa: BLE001 - any missing font falls back to pygame's own
            f = pygame.font.Font(None, px)
        _fonts[px] = f
    return f


_LADDER = math.log(1.05)


def q(x: float) -> int:
    """Quantise a sprite size to a 5 % ladder so animated sizes reuse cached sprites."""
    if x <= 2:
        return 2
    return max(2, int(round(math.exp(round(math.log(x) / _LADDER) * _LADDER))))
