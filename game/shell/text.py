"""Fonts and text: loaded once, rendered once, wrapped to fit their boxes.

``Font.render`` makes a new Surface on every call, so every rendered line is kept
in a bounded cache keyed by (text, size, bold, colour). Wrapping and fitting are
cached too: layouts ask for them on every resize, never per frame.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

import pygame

from game.shell.art.cache import display_format
from game.shell.theme import Colour

log = logging.getLogger(__name__)

SURFACE_BYTES = 6 * 1024 * 1024  # rendered lines kept; the wordiest screen at 200 % text and 1080p needs ~3 MiB

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedCache(Generic[K, V]):
    """A least-recently-used cache that never holds more than ``limit`` entries, nor (if
    ``weigh`` is given) more than ``max_weight`` in total, e.g. bytes of pixels; the
    newest entry is always kept, even if it alone weighs more."""

    def __init__(self, limit: int, weigh: Callable[[V], int] | None = None, max_weight: int = 0) -> None:
        self.limit = limit
        self.max_weight = max_weight
        self.weight = 0
        self._weigh = weigh
        self._items: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K, make: Callable[[], V]) -> V:
        try:
            self._items.move_to_end(key)
            return self._items[key]
        except KeyError:
            value = make()
            self._items[key] = value
            if self._weigh is not None:
                self.weight += self._weigh(value)
            while len(self._items) > 1 and (
                len(self._items) > self.limit or (self._weigh is not None and self.weight > self.max_weight)
            ):
                _, old = self._items.popitem(last=False)
                if self._weigh is not None:
                    self.weight -= self._weigh(old)
            return value

    def __len__(self) -> int:
        return len(self._items)

    def clear(self) -> None:
        self._items.clear()
        self.weight = 0


def surface_bytes(surface: pygame.Surface) -> int:
    return surface.get_width() * surface.get_height() * surface.get_bytesize()


def _font_files() -> tuple[str | None, str | None]:
    """Lato regular and bold if the font package is installed, else pygame's bundled font."""
    try:
        import font_lato  # an optional nicer font; the game is fine without it

        return font_lato.Lato, font_lato.LatoBold
    except (ImportError, AttributeError):
        log.info("font-lato not installed; using pygame's bundled font")
        return None, None


@dataclass(frozen=True)
class TextBlock:
    """Lines of wrapped text at one pixel size, ready to draw."""

    lines: tuple[str, ...]
    size: int
    bold: bool
    line_height: int

    @property
    def height(self) -> int:
        return self.line_height * len(self.lines)


class TextRenderer:
    """Fonts by pixel size, and cached rendering, wrapping and fitting of text."""

    def __init__(self) -> None:
        self._regular, self._bold = _font_files()
        self._fonts: BoundedCache[tuple[int, bool], pygame.font.Font] = BoundedCache(48)
        # Bounded in bytes too: 600 lines of 200 % text at 1920x1080 would hold about 90 MB.
        self._surfaces: BoundedCache[tuple[str, int, bool, Colour], pygame.Surface] = BoundedCache(
            600, surface_bytes, SURFACE_BYTES
        )
        self._blocks: BoundedCache[tuple[str, int, bool, int, int, int], TextBlock] = BoundedCache(400)
        self.overflows: set[str] = set()  # texts that did not fit even at the smallest size

    @property
    def cache_sizes(self) -> dict[str, tuple[int, int]]:
        """(entries, bound) of every cache, for the soak test."""
        return {
            "fonts": (len(self._fonts), self._fonts.limit),
            "surfaces": (len(self._surfaces), self._surfaces.limit),
            "blocks": (len(self._blocks), self._blocks.limit),
            "surface bytes": (self._surfaces.weight, self._surfaces.max_weight),
        }

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        size = max(6, size)
        return self._fonts.get((size, bold), lambda: self._load(size, bold))

    def _load(self, size: int, bold: bool) -> pygame.font.Font:
        path = self._bold if bold else self._regular
        try:
            return pygame.font.Font(path, size)
        except (OSError, pygame.error) as exc:
            log.warning("font %s failed (%s); using the bundled font", path, exc)
            self._regular = self._bold = None
            font = pygame.font.Font(None, size)
            font.set_bold(bold)
            return font

    def render(self, text: str, size: int, colour: Colour, bold: bool = False) -> pygame.Surface:
        key = (text, max(6, size), bold, colour)
        return self._surfaces.get(key, lambda: display_format(self.font(size, bold).render(text, True, colour)))

    def fit(self, text: str, size: int, width: int, height: int, bold: bool = False, min_size: int = 12) -> TextBlock:
        """Wrap ``text`` into ``width`` x ``height``, shrinking the font only if it must.

        The result always fits the box unless even ``min_size`` cannot, in which case
        the caller has made the box too small (layouts avoid that by design).
        """
        key = (text, size, bold, width, height, min_size)
        return self._blocks.get(key, lambda: self._fit(text, size, width, height, bold, min_size))

    def _fit(self, text: str, size: int, width: int, height: int, bold: bool, min_size: int) -> TextBlock:
        size = max(min_size, size)
        while True:
            font = self.font(size, bold)
            lines = wrap(text, font, width)
            line_height = font.get_linesize()
            too_wide = any(font.size(line)[0] > width for line in lines)
            fits = line_height * len(lines) <= height and not too_wide
            if fits or size <= min_size:
                if not fits:
                    log.warning("text does not fit a %dx%d box: %r", width, height, text[:60])
                    self.overflows.add(text)
                return TextBlock(tuple(lines), size, bold, line_height)
            size = max(min_size, int(size * 0.9))

    def draw_block(
        self,
        surface: pygame.Surface,
        block: TextBlock,
        rect: pygame.Rect,
        colour: Colour,
        align: str = "left",
        valign: str = "top",
    ) -> None:
        """Draw wrapped lines inside ``rect``, clipped to it so nothing ever spills."""
        y = rect.top
        if valign == "middle":
            y = rect.top + (rect.height - block.height) // 2
        old_clip = surface.get_clip()
        surface.set_clip(rect.clip(old_clip) if old_clip else rect)
        for line in block.lines:
            image = self.render(line, block.size, colour, block.bold)
            if align == "center":
                x = rect.centerx - image.get_width() // 2
            elif align == "right":
                x = rect.right - image.get_width()
            else:
                x = rect.left
            surface.blit(image, (x, y))
            y += block.line_height
        surface.set_clip(old_clip)


def wrap(text: str, font: pygame.font.Font, width: int) -> list[str]:
    """Greedy word wrap; a word longer than the line is broken by characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines
