"""A bounded cache of rendered surfaces, and the size ladder that makes it pay off.

Everything that costs something to draw (gradients, glows, shadows, cell sprites,
labels) is rendered once into a Surface kept in a :class:`SurfaceCache` under a key
that includes its size, and simply blitted afterwards. The cache forgets its least
recently used entries when it holds too many or too many bytes, so switching window
sizes many times cannot grow memory without bound. The cache object is owned by a
:class:`~game.shell.art.sprites.CharacterSheet`; this module holds no state.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator

import pygame

MAX_ENTRIES = 1500
# What the largest scene needs at 1080p (the finale, every cue warmed: ~47 MB) and a little
# more, so one scene's sprites fit and the peak memory stays under 120 MB. ``bytes_for``
# scales it with the window: a 4K screen needs four times the pixels per sprite.
MAX_BYTES = 46 * 1024 * 1024
REFERENCE_AREA = 1920 * 1080
_FINISHED = object()


def bytes_for(size: tuple[int, int], at_1080p: int = MAX_BYTES) -> int:
    """The sprite-cache bound for a window of ``size``: what a scene needs there."""
    return max(at_1080p, at_1080p * size[0] * size[1] // REFERENCE_AREA)


def display_format(surf: pygame.Surface) -> pygame.Surface:
    """``surf`` in the display's pixel format, so blitting it needs no conversion on every
    frame; unchanged while no display mode is set (tools drawing off-screen, tests)."""
    display = pygame.display.get_surface()
    if display is None:
        return surf
    if surf.get_bitsize() == 32 and surf.get_masks()[:3] == display.get_masks()[:3]:
        return surf  # already so (the usual case): a conversion would only copy it
    if surf.get_flags() & pygame.SRCALPHA:
        return surf.convert_alpha()
    return surf.convert()


class BuildDeferred(Exception):
    """Raised by :meth:`SurfaceCache.get` on a miss once ``build_budget`` is spent."""


class SurfaceCache:
    """Surfaces by key, least recently used forgotten first past either bound."""

    def __init__(self, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[Hashable, pygame.Surface] = OrderedDict()
        self.bytes = 0
        self.builds = 0  # how many surfaces were rendered (cache misses), for tests
        self.taken = 0  # how many left the cache as parts of other sprites (``take``), for tests
        # How many more misses may be built before a miss raises BuildDeferred (None: no
        # limit). A warm-up sets it so one step renders one sprite, not a whole frame's worth.
        self.build_budget: int | None = None
        self._depth = 0  # builds in progress (a sprite may be built from other sprites)
        # A sprite that another sprite's build needed once the budget was spent: the
        # next step builds it on its own, so a backdrop made of many small sprites costs
        # many small steps instead of one long one.
        self.pending: tuple[Hashable, Callable[[], pygame.Surface]] | None = None
        # How many sprites a warm-up step may render: the frame loop sets 0 once a frame
        # has rendered one, or has too little time left for one, so no frame runs long.
        self.warm_allowance = 1
        self.deferrals = 0  # how many misses were put off (BuildDeferred), for the frame loop

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable, build: Callable[[], pygame.Surface]) -> pygame.Surface:
        surf = self._items.get(key)
        if surf is not None:
            self._items.move_to_end(key)
            return surf
        if self.build_budget is not None:
            if self.build_budget <= 0:
                if self._depth > 0 and self.pending is None:
                    self.pending = (key, build)
                self.deferrals += 1
                raise BuildDeferred(key)
            self.build_budget -= 1
        self._depth += 1
        try:
            surf = build()
        finally:
            self._depth -= 1
        self.builds += 1
        surf = display_format(surf)
        self._items[key] = surf
        self.bytes += _size_of(surf)
        while len(self._items) > 1 and (len(self._items) > self.max_entries or self.bytes > self.max_bytes):
            _, old = self._items.popitem(last=False)
            self.bytes -= _size_of(old)
        return surf

    def take(self, key: Hashable, build: Callable[[], pygame.Surface]) -> pygame.Surface:
        """Like ``get``, for a part used once while building another sprite: the part
        leaves the cache as it is handed out. Building it through the cache lets a
        warm-up make the part and the whole in separate steps."""
        surf = self.get(key, build)
        del self._items[key]
        self.taken += 1
        self.bytes -= _size_of(surf)
        return surf

    def build_pending(self) -> bool:
        """Build the sprite a deferred build was waiting for; False if there was none."""
        if self.pending is None:
            return False
        key, build = self.pending
        self.pending = None
        self.get(key, build)
        return True

    def advance(self, warming: Iterator[None], budget_s: float, build_share: float = 0.5, max_builds: int = 4) -> bool:
        """Run steps of a warm-up for about ``budget_s`` seconds; True once it is finished.

        At most ``max_builds`` new sprites per call, each started only in the first
        ``build_share`` of the budget (the slowest sprites take ~4 ms at 1080p); the
        rest of the budget goes through frames whose sprites are cached."""
        start = time.perf_counter()
        builds = self.builds
        try:
            while (now := time.perf_counter()) < start + budget_s:
                may_build = self.builds - builds < max_builds and now - start < budget_s * build_share
                self.warm_allowance = 1 if may_build else 0
                deferrals = self.deferrals
                if next(warming, _FINISHED) is _FINISHED:
                    return True
                if not may_build and self.deferrals > deferrals:
                    return False  # the next step needs a new sprite: next time
        finally:
            self.warm_allowance = 1
        return False

    def clear(self) -> None:
        self.pending = None
        self._items.clear()
        self.bytes = 0


def _size_of(surf: pygame.Surface) -> int:
    return surf.get_width() * surf.get_height() * surf.get_bytesize()


_LADDER = math.log(1.05)


def q(x: float) -> int:
    """Quantise a sprite size to a 5 % ladder so animated sizes reuse cached sprites."""
    if x <= 2:
        return 2
    return max(2, round(math.exp(round(math.log(x) / _LADDER) * _LADDER)))
