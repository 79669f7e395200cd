"""Palette, fonts and spacing: the one place the look of every screen is decided.

Sizes are given at the 1280x720 reference layout and scaled with the window, so a
control that is 56 px tall at 1280x720 is 84 px at 1920x1080. Colours that carry text
are chosen for WCAG 2.2 contrast against the surface they sit on.
"""

from __future__ import annotations

from dataclasses import dataclass

Colour = tuple[int, int, int]

REFERENCE_SIZE = (1280, 720)
# Below half the reference layout (640x360 landscape, 400x640 portrait) text would
# have to shrink under a readable size, so the game asks for a bigger window instead.
MIN_SCALE = 0.5
MIN_PORTRAIT_WIDTH = 400  # a 360-wide portrait window cannot fit a lesson's heading


@dataclass(frozen=True)
class Palette:
    background: Colour  # the calm page colour behind every screen
    surface: Colour  # panels and cards
    surface_alt: Colour  # the caption band, selected cards
    text: Colour
    text_muted: Colour
    primary: Colour  # main buttons (text on it: on_primary)
    on_primary: Colour
    secondary: Colour  # other buttons
    on_secondary: Colour
    border: Colour  # boundaries of controls, at least 3:1 against surface
    focus: Colour  # the keyboard focus ring
    right: Colour  # "Right!" (always paired with a check icon and the word)
    on_right: Colour
    wrong: Colour  # "Not quite" (always paired with a cross icon and the word)
    on_wrong: Colour
    selected: Colour  # a chosen item in order and match questions
    on_selected: Colour
    star: Colour
    star_empty: Colour
    scrim: tuple[int, int, int, int]  # dims the screen behind an overlay


STANDARD = Palette(
    background=(236, 243, 250),
    surface=(255, 255, 255),
    surface_alt=(250, 246, 238),
    text=(22, 34, 54),
    text_muted=(70, 82, 102),
    primary=(24, 92, 168),
    on_primary=(255, 255, 255),
    secondary=(226, 234, 244),
    on_secondary=(22, 34, 54),
    border=(104, 122, 148),
    focus=(196, 84, 0),
    right=(26, 112, 60),
    on_right=(255, 255, 255),
    wrong=(170, 50, 50),
    on_wrong=(255, 255, 255),
    selected=(92, 62, 150),
    on_selected=(255, 255, 255),
    star=(214, 150, 0),
    star_empty=(176, 186, 200),
    scrim=(10, 20, 40, 150),
)

# High contrast: every text pair at least 7:1 (WCAG AAA), white on black with yellow actions.
HIGH_CONTRAST = Palette(
    background=(0, 0, 0),
    surface=(18, 18, 18),
    surface_alt=(0, 0, 0),
    text=(255, 255, 255),
    text_muted=(235, 235, 235),
    primary=(255, 221, 0),
    on_primary=(0, 0, 0),
    secondary=(0, 0, 0),
    on_secondary=(255, 255, 255),
    border=(255, 255, 255),
    focus=(0, 200, 255),
    right=(0, 200, 80),
    on_right=(0, 0, 0),
    wrong=(255, 120, 120),
    on_wrong=(0, 0, 0),
    selected=(200, 150, 255),
    on_selected=(0, 0, 0),
    star=(255, 221, 0),
    star_empty=(150, 150, 150),
    scrim=(0, 0, 0, 200),
)

PALETTES = {"standard": STANDARD, "high-contrast": HIGH_CONTRAST}

# Every (text colour, background colour) pair the screens draw text with; the
# accessibility tests hold each to WCAG contrast in every palette.
TEXT_PAIRS = (
    ("text", "background"),
    ("text", "surface"),
    ("text", "surface_alt"),
    ("text_muted", "background"),
    ("text_muted", "surface"),
    ("text_muted", "surface_alt"),
    ("text_muted", "secondary"),  # a disabled button
    ("primary", "surface_alt"),  # the "Your turn" line of a hands-on moment
    ("primary", "surface"),  # "Touch anywhere to start"
    ("on_primary", "primary"),
    ("on_secondary", "secondary"),
    ("on_right", "right"),
    ("on_wrong", "wrong"),
    ("on_selected", "selected"),
    ("primary", "on_primary"),  # a badge: the button colour on a circle of its ink
    ("secondary", "on_secondary"),
    ("right", "on_right"),
    ("wrong", "on_wrong"),
    ("selected", "on_selected"),
)
# Boundaries that must stand out from what is around them (WCAG 1.4.11: 3:1).
BOUNDARY_PAIRS = (
    ("border", "background"),
    ("border", "surface"),
    ("border", "surface_alt"),
    ("focus", "background"),
    ("focus", "surface"),
    ("right", "surface"),  # the frame around the right answer
)


def relative_luminance(colour: Colour) -> float:
    """WCAG 2.2 relative luminance of an sRGB colour."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Colour, b: Colour) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@dataclass(frozen=True)
class Metrics:
    """Spacing and type sizes at the reference layout, in pixels."""

    margin: int = 32
    gap: int = 16  # between controls (at least 12 px apart)
    radius: int = 14
    control_height: int = 56  # at least 48 px at 1280x720
    border_width: int = 2
    focus_width: int = 4
    title_size: int = 56
    heading_size: int = 36
    body_size: int = 28
    small_size: int = 22


METRICS = Metrics()


def scale_for(size: tuple[int, int]) -> float:
    """How much bigger than the 1280x720 reference this window is.

    Portrait windows are measured against 720x1280 so a 1080x1920 kiosk screen
    gets the same generous controls as a 1920x1080 one.
    """
    w, h = size
    landscape = min(w / 1280, h / 720)
    portrait = min(w / 720, h / 1280)
    return max(0.3, landscape, portrait)


def too_small(size: tuple[int, int]) -> bool:
    w, h = size
    return scale_for(size) < MIN_SCALE or (h > w and w < MIN_PORTRAIT_WIDTH)
