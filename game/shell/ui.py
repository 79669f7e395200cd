"""The drawing kit every screen shares: scaled sizes, text, buttons, panels, icons.

A ``Ui`` is made once by the app and handed to scenes; it knows the window's scale
and the player's text size, so a screen only says "a body-text block in this box".
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.shell.text import TextBlock, TextRenderer
from game.shell.theme import METRICS, STANDARD, Colour, Metrics, Palette, scale_for


class Ui:
    def __init__(self, palette: Palette = STANDARD, text_scale: float = 1.0, metrics: Metrics = METRICS) -> None:
        self.palette = palette
        self.text_scale = text_scale
        self.m = metrics
        self.text = TextRenderer()
        self.size = (1280, 720)
        self.scale = 1.0

    def resize(self, size: tuple[int, int]) -> None:
        self.size = size
        self.scale = scale_for(size)

    @property
    def portrait(self) -> bool:
        return self.size[1] > self.size[0]

    def px(self, value: float) -> int:
        """A reference-layout length in this window's pixels."""
        return max(1, round(value * self.scale))

    def type_size(self, role: str) -> int:
        """Pixel size of a text role. Big text grows less: a title is already large, and
        at 200 % body text reaches the size titles had, which is what WCAG 1.4.4 asks."""
        base, growth_cap = {
            "title": (self.m.title_size, 1.25),
            "heading": (self.m.heading_size, 1.5),
            "body": (self.m.body_size, 2.0),
            "small": (self.m.small_size, 2.0),
        }[role]
        return self.px(base * min(self.text_scale, growth_cap))

    def control_height(self) -> int:
        """Buttons grow with the text size so a 200 % label still fits on one or two lines."""
        return self.px(self.m.control_height * max(1.0, 0.75 + self.text_scale / 4))

    def block(self, text: str, role: str, rect: pygame.Rect, bold: bool = False) -> TextBlock:
        return self.text.fit(text, self.type_size(role), max(8, rect.width), max(8, rect.height), bold)

    def draw_text(
        self,
        surface: pygame.Surface,
        text: str,
        role: str,
        rect: pygame.Rect,
        colour: Colour | None = None,
        bold: bool = False,
        align: str = "left",
        valign: str = "top",
    ) -> None:
        block = self.block(text, role, rect, bold)
        self.text.draw_block(surface, block, rect, colour or self.palette.text, align, valign)

    def panel(
        self, surface: pygame.Surface, rect: pygame.Rect, fill: Colour | None = None, border: bool = True
    ) -> None:
        radius = self.px(self.m.radius)
        pygame.draw.rect(surface, fill or self.palette.surface, rect, border_radius=radius)
        if border:
            pygame.draw.rect(surface, self.palette.border, rect, self.px(self.m.border_width), border_radius=radius)


@dataclass(eq=False)
class Button:
    """A control: a rounded box with a label, optional badge (1, 2, A …) and icon."""

    label: str
    on_press: Callable[[], None]
    style: str = "secondary"  # primary, secondary, right, wrong, selected, plain
    badge: str = ""
    icon: str = ""  # "check", "cross" or ""
    tag: str = ""  # a short note at the right end ("2nd", "with 5"); the label makes room for it
    enabled: bool = True
    rect: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))
    name: str = ""  # a stable name for tests and the capture tour

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.label

    def colours(self, palette: Palette) -> tuple[Colour, Colour]:
        return {
            "primary": (palette.primary, palette.on_primary),
            "right": (palette.right, palette.on_right),
            "wrong": (palette.wrong, palette.on_wrong),
            "selected": (palette.selected, palette.on_selected),
            "plain": (palette.surface, palette.text),
        }.get(self.style, (palette.secondary, palette.on_secondary))

    def draw(self, surface: pygame.Surface, ui: Ui, focused: bool, pressed: bool) -> None:
        fill, ink = self.colours(ui.palette)
        border = ui.palette.border
        if not self.enabled:  # no fill and a grey edge: plainly not pressable in either theme
            fill, ink, border = ui.palette.background, ui.palette.text_muted, ui.palette.star_empty
        rect = self.rect.move(0, ui.px(2)) if pressed else self.rect
        radius = ui.px(ui.m.radius)
        pygame.draw.rect(surface, fill, rect, border_radius=radius)
        pygame.draw.rect(surface, border, rect, ui.px(ui.m.border_width), border_radius=radius)
        pad = ui.px(14)
        inner = rect.inflate(-2 * pad, -ui.px(6))
        if self.badge:
            d = min(rect.height - ui.px(12), ui.px(44))
            centre = (inner.left + d // 2, rect.centery)
            pygame.draw.circle(surface, ink, centre, d // 2)
            badge_rect = pygame.Rect(0, 0, d, d)
            badge_rect.center = centre
            ui.draw_text(surface, self.badge, "body", badge_rect, fill, bold=True, align="center", valign="middle")
            inner.width -= d + pad
            inner.left += d + pad
        if self.tag:
            font = ui.text.font(ui.type_size("body"), True)
            w = min(font.size(self.tag)[0] + ui.px(24), inner.width // 2)
            tag = pygame.Rect(inner.right - w, rect.top + ui.px(6), w, rect.height - ui.px(12))
            ui.panel(surface, tag, ui.palette.surface)
            ui.draw_text(surface, self.tag, "body", tag, ui.palette.text, bold=True, align="center", valign="middle")
            inner.width -= w + pad
        if self.icon:
            d = min(rect.height - ui.px(16), ui.px(36))
            icon_rect = pygame.Rect(inner.right - d, rect.centery - d // 2, d, d)
            draw_icon(surface, self.icon, icon_rect, ink, ui.px(4))
            inner.width -= d + pad
        align = "left" if self.badge else "center"
        ui.draw_text(surface, self.label, "body", inner, ink, bold=True, align=align, valign="middle")
        if focused:
            ring = rect.inflate(ui.px(12), ui.px(12))
            pygame.draw.rect(surface, ui.palette.focus, ring, ui.px(ui.m.focus_width), border_radius=radius + ui.px(6))


def draw_icon(surface: pygame.Surface, icon: str, rect: pygame.Rect, colour: Colour, width: int) -> None:
    """A check mark or a cross: the shape says right or not, whatever the colour."""
    x, y, w, h = rect
    if icon == "check":
        points = [(x + w * 0.1, y + h * 0.55), (x + w * 0.4, y + h * 0.85), (x + w * 0.92, y + h * 0.18)]
        pygame.draw.lines(surface, colour, False, points, max(2, width))
    elif icon == "cross":
        inset = w * 0.15
        pygame.draw.line(surface, colour, (x + inset, y + inset), (x + w - inset, y + h - inset), max(2, width))
        pygame.draw.line(surface, colour, (x + w - inset, y + inset), (x + inset, y + h - inset), max(2, width))


def draw_star(surface: pygame.Surface, centre: tuple[int, int], radius: int, colour: Colour, filled: bool) -> None:
    cx, cy = centre
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    pygame.draw.polygon(surface, colour, points, 0 if filled else max(2, radius // 8))


def stack(rect: pygame.Rect, heights: list[int], gap: int) -> list[pygame.Rect]:
    """Rects of the given heights placed top to bottom inside ``rect``."""
    out, y = [], rect.top
    for h in heights:
        out.append(pygame.Rect(rect.left, y, rect.width, h))
        y += h + gap
    return out


def row(rect: pygame.Rect, count: int, gap: int) -> list[pygame.Rect]:
    """``count`` equal rects side by side filling ``rect``."""
    if count <= 0:
        return []
    w = (rect.width - gap * (count - 1)) // count
    return [pygame.Rect(rect.left + i * (w + gap), rect.top, w, rect.height) for i in range(count)]


def grid(rect: pygame.Rect, count: int, columns: int, gap: int) -> list[pygame.Rect]:
    """``count`` equal cells, ``columns`` wide, filling ``rect`` row by row."""
    rows = max(1, -(-count // columns))
    h = (rect.height - gap * (rows - 1)) // rows
    cells = []
    for i in range(count):
        r, c = divmod(i, columns)
        cells.extend(row(pygame.Rect(rect.left, rect.top + r * (h + gap), rect.width, h), columns, gap)[c : c + 1])
    return cells
