"""The character sheet: every cell, protein, person and prop, drawn in code.

:class:`CharacterSheet` owns a bounded :class:`~game.shell.art.cache.SurfaceCache` and
a bounded font cache. Each of its sprite methods returns a cached Surface (per-pixel
alpha) for the given pixel size, rendered once at 2x and smoothscaled down so edges
are anti-aliased. Scenes only blit these; nothing here runs per frame once a size
has been seen. Sizes passed in should already be quantised with ``cache.q`` so
animated sizes reuse sprites. Membranes wobble through ``NF`` pre-rendered frames.

One sheet is made by whoever owns the window (after ``pygame.init``) and handed to
every scene; nothing here lives at module level except constants and pure drawing
helpers, so a new sheet after ``pygame.quit()`` starts from clean fonts.
"""

from __future__ import annotations

import itertools
import math
from collections import OrderedDict

import pygame

from game.shell.art import palette as P
from game.shell.art.cache import MAX_BYTES, MAX_ENTRIES, SurfaceCache

SS = 2  # supersampling factor
NF = 8  # membrane wobble frames
TAU = math.tau
TAG_ANGLES = (-2.5, -0.95, 0.55, 2.05)  # where antigens sit on a tagged cancer cell
TAG_REACH = 1.28  # antigen tips, in cell radii from the centre
T_CELL_REACH = 1.3  # a T-cell's receptor tips, in cell radii from the centre
CAR_REACH = 1.45  # a CAR-T cell's grabbers reach further
MAX_FONTS = 24
METAL_DARK = (110, 120, 136)
IV_TUBE_START = (0.5, 0.5)  # where the tube leaves the drip chamber, as fractions of the IV sprite
COLLECTOR_IN = (0.0, 0.4)  # where blood enters the collection machine, as fractions of its sprite
COLLECTOR_OUT = (1.0, 0.3)  # where the collected T-cells leave it for the bag
BATTERY_INNER = (0.02, 0.11, 0.88, 0.78)  # x, w fractions of width; y, h of height (minus the wall)


# ---------------------------------------------------------------- drawing kit
def mix(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, int, int]:
    t = max(0.0, min(1.0, t))
    return (int(a[0] + (b[0] - a[0]) * t), int(a[1] + (b[1] - a[1]) * t), int(a[2] + (b[2] - a[2]) * t))


def _canvas(w: int, h: int, edge: tuple[int, int, int] = P.OUTLINE) -> pygame.Surface:
    c = pygame.Surface((max(1, w) * SS, max(1, h) * SS), pygame.SRCALPHA)
    c.fill((*edge, 0))  # transparent pixels carry the edge colour: no dark fringes
    return c


def _finish(c: pygame.Surface, w: int, h: int) -> pygame.Surface:
    return pygame.transform.smoothscale(c, (max(1, w), max(1, h)))


_RING = tuple((math.cos(TAU * i / 96), math.sin(TAU * i / 96)) for i in range(96))  # unit circle, 96 points


def _outline(fn=None) -> list[tuple[float, float]]:
    """The unit shape ``r = fn(angle)`` as points (a circle without ``fn``)."""
    if fn is None:
        return list(_RING)
    return [(x * k, y * k) for (x, y), k in zip(_RING, (fn(TAU * i / 96) for i in range(96)), strict=True)]


def _shaded(surf, cx, cy, r, fn, edge, light, outline, steps: int = 18) -> None:
    """A soft-lit blob: outline, then lighter layers toward the top-left.

    The shape is worked out once and only moved and scaled for each layer: a sprite
    build is then cheap enough for a warm-up step to fit inside a frame."""
    shape = _outline(fn)
    ow = max(2.0, r * 0.075)
    rr = r + ow * 0.5
    pygame.draw.polygon(surf, outline, [(cx + x * rr, cy + y * rr) for x, y in shape])
    for k in range(steps):
        f = k / (steps - 1)
        rr = (r - ow * 0.5) * (1 - 0.72 * f)
        ox, oy = cx - 0.26 * r * f, cy - 0.3 * r * f
        pygame.draw.polygon(surf, mix(edge, light, f**0.9), [(ox + x * rr, oy + y * rr) for x, y in shape])


def _shadow(surf, cx, cy, w, h, alpha: int = 60, colour=(70, 50, 80)) -> None:
    sw, sh = max(2, int(w / 8)), max(2, int(h / 8))
    small = pygame.Surface((sw + 4, sh + 4), pygame.SRCALPHA)
    small.fill((*colour, 0))
    pygame.draw.ellipse(small, (*colour, alpha), (2, 2, sw, sh))
    big = pygame.transform.smoothscale(small, ((sw + 4) * 8, (sh + 4) * 8))
    surf.blit(big, big.get_rect(center=(int(cx), int(cy))))


def seg(surf, colour, a, b, w: float) -> None:
    """A thick line with round ends (works at any angle)."""
    ax, ay = a
    bx, by = b
    dx, dy = bx - ax, by - ay
    d = math.hypot(dx, dy) or 1.0
    nx, ny = -dy / d * w / 2, dx / d * w / 2
    pygame.draw.polygon(surf, colour, [(ax + nx, ay + ny), (bx + nx, by + ny), (bx - nx, by - ny), (ax - nx, ay - ny)])
    pygame.draw.circle(surf, colour, (int(ax), int(ay)), max(1, int(w / 2)))
    pygame.draw.circle(surf, colour, (int(bx), int(by)), max(1, int(w / 2)))


def _path(surf, colour, pts, w: float) -> None:
    for a, b in itertools.pairwise(pts):
        seg(surf, colour, a, b, w)


def _rrect(surf, colour, rect, radius: float, width: int = 0) -> None:
    pygame.draw.rect(surf, colour, pygame.Rect([int(v) for v in rect]), width, border_radius=max(0, int(radius)))


def _smile(surf, cx, cy, w, colour, width) -> None:
    rect = pygame.Rect(int(cx - w / 2), int(cy - w * 0.35), int(w), int(w * 0.7))
    pygame.draw.arc(surf, colour, rect, math.pi + 0.45, TAU - 0.45, max(1, int(width)))


def _star_pts(cx, cy, r, n: int = 5, inner: float = 0.46, rot: float = -math.pi / 2):
    pts = []
    for i in range(n * 2):
        rr = r if i % 2 == 0 else r * inner
        a = rot + math.pi * i / n
        pts.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
    return pts


def _heart(surf, colour, cx, cy, s) -> None:
    pygame.draw.circle(surf, colour, (int(cx - s * 0.28), int(cy - s * 0.12)), int(s * 0.32))
    pygame.draw.circle(surf, colour, (int(cx + s * 0.28), int(cy - s * 0.12)), int(s * 0.32))
    pygame.draw.polygon(
        surf, colour, [(cx - s * 0.58, cy - 0.02 * s), (cx + s * 0.58, cy - 0.02 * s), (cx, cy + s * 0.62)]
    )


def _check(surf, colour, cx, cy, s, w) -> None:
    _path(surf, colour, [(cx - s * 0.5, cy), (cx - s * 0.12, cy + s * 0.38), (cx + s * 0.55, cy - s * 0.4)], w)


def _face(surf, cx, cy, R, mood: str, body) -> None:
    ex, ey = 0.3 * R, -0.08 * R
    cheek = mix(body, P.CHEEK, 0.55)
    for sx in (-1, 1):
        pygame.draw.ellipse(surf, cheek, (cx + sx * 0.5 * R - 0.12 * R, cy + 0.1 * R, 0.24 * R, 0.13 * R))
    if mood == "paused":  # calm closed eyes: a T-cell held back by the brake
        for sx in (-1, 1):
            seg(surf, P.FACE, (cx + sx * ex - 0.09 * R, cy + ey), (cx + sx * ex + 0.09 * R, cy + ey), 0.05 * R)
        seg(surf, P.FACE, (cx - 0.1 * R, cy + 0.2 * R), (cx + 0.1 * R, cy + 0.2 * R), 0.05 * R)
        return
    for sx in (-1, 1):
        pygame.draw.ellipse(surf, P.FACE, (cx + sx * ex - 0.075 * R, cy + ey - 0.11 * R, 0.15 * R, 0.22 * R))
        pygame.draw.circle(
            surf, P.WHITE, (int(cx + sx * ex - 0.02 * R), int(cy + ey - 0.05 * R)), max(1, int(0.035 * R))
        )
    if mood == "wow":
        pygame.draw.ellipse(surf, P.FACE, (cx - 0.07 * R, cy + 0.12 * R, 0.14 * R, 0.16 * R))
    else:
        _smile(surf, cx, cy + 0.16 * R, 0.46 * R, P.FACE, 0.055 * R)


def _cancer_fn(ph: float):
    def fn(a: float) -> float:
        return 1 + 0.075 * math.sin(5 * a + 0.6) + 0.045 * math.sin(8 * a + 2.1) + 0.02 * math.sin(3 * a + ph)

    return fn


def antibody_dir(dx: float, dy: float) -> int:
    """The sprite direction index (0..15) whose arms point along (dx, dy)."""
    a = math.atan2(dy, dx) + math.pi / 2
    return round(a / (TAU / 16)) % 16


def cal_cell(col: int, row: int) -> tuple[float, float]:
    """The centre of a calendar day cell, as fractions of the calendar sprite."""
    return (0.21 + col * 0.19, 0.465 + row * 0.18)


def _load_font(px: int) -> pygame.font.Font:
    try:
        import font_lato

        return pygame.font.Font(getattr(font_lato, "LatoBold", font_lato.Lato), px)
    except Exception:
        return pygame.font.Font(None, px)


# ---------------------------------------------------------------- the sheet
class CharacterSheet:
    """Every sprite the scenes blit, rendered on first use and kept in a bounded cache.

    ``max_bytes`` bounds the pixel memory of the cached sprites (LRU eviction);
    ``max_fonts`` bounds the font cache. Make a sheet after ``pygame.init()`` and
    share it between scenes; after ``pygame.quit()`` make a new one (fonts and
    surfaces belong to the pygame session that made them).
    """

    def __init__(self, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES, max_fonts: int = MAX_FONTS) -> None:
        self.cache = SurfaceCache(max_entries=max_entries, max_bytes=max_bytes)
        self.max_fonts = max_fonts
        self._fonts: OrderedDict[int, pygame.font.Font] = OrderedDict()

    def font(self, px: int) -> pygame.font.Font:
        """Lato Bold at ``px`` pixels (cached; the default font if Lato is missing)."""
        px = max(8, int(px))
        if not pygame.font.get_init():  # fonts made before a pygame.quit() are unusable
            self._fonts.clear()
            pygame.font.init()
        f = self._fonts.get(px)
        if f is None:
            f = _load_font(px)
            self._fonts[px] = f
            while len(self._fonts) > self.max_fonts:
                self._fonts.popitem(last=False)
        else:
            self._fonts.move_to_end(px)
        return f

    def clear(self) -> None:
        """Forget every cached sprite and font."""
        self.cache.clear()
        self._fonts.clear()

    # ---------------------------------------------------------------- cells
    def t_cell(self, r: int, frame: int = 0, kind: str = "t", mood: str = "happy") -> pygame.Surface:
        """A friendly T-cell. kind: 't' (blue, receptors), 'car' (bright orange grabbers),
        'memory' (violet with a star). mood: 'happy', 'paused' (held by a brake), 'wow'."""
        frame %= NF
        D = int(r * 3.0)
        C, R = D * SS / 2, r * SS
        if kind == "memory":
            body, light, outline = P.MEM_BODY, P.MEM_LIGHT, P.MEM_OUTLINE
        else:
            body, light, outline = P.T_BODY, P.T_LIGHT, P.T_OUTLINE
        ph = TAU * frame / NF

        def fn(a: float) -> float:
            return 1 + 0.028 * math.sin(3 * a + ph) + 0.016 * math.sin(5 * a - 2 * ph + 1)

        def lit_blob() -> pygame.Surface:
            """Half the cost of a cell: its own sprite, so a warm-up renders it in one
            step and the rest of the cell in the next (see cancer_cell)."""
            c = _canvas(D, D, outline)
            _shaded(c, C, C, R, fn, body, light, outline)
            return c

        def build() -> pygame.Surface:
            c = _canvas(D, D, outline)
            _shadow(c, C + 0.1 * R, C + 0.18 * R, 2.1 * R, 2.0 * R, 55)
            n = 8 if kind == "car" else 9
            for i in range(n):
                a = TAU * i / n + 0.35
                ux, uy = math.cos(a), math.sin(a)
                base = (C + ux * 0.85 * R, C + uy * 0.85 * R)
                if kind == "car":
                    tip = (C + ux * 1.2 * R, C + uy * 1.2 * R)
                    seg(c, P.CAR_GRABBER_DARK, base, tip, 0.15 * R)
                    seg(c, P.CAR_GRABBER, base, tip, 0.09 * R)
                    for s in (-1, 1):
                        a1 = a + s * 0.75
                        mid = (tip[0] + math.cos(a1) * 0.17 * R, tip[1] + math.sin(a1) * 0.17 * R)
                        a2 = a - s * 0.35
                        end = (mid[0] + math.cos(a2) * 0.13 * R, mid[1] + math.sin(a2) * 0.13 * R)
                        _path(c, P.CAR_GRABBER_DARK, [tip, mid, end], 0.14 * R)
                        _path(c, P.CAR_GRABBER, [tip, mid, end], 0.08 * R)
                else:
                    col = P.T_RECEPTOR if kind == "t" else mix(P.T_RECEPTOR, P.MEM_BODY, 0.5)
                    tip = (C + ux * 1.14 * R, C + uy * 1.14 * R)
                    seg(c, col, base, tip, 0.07 * R)
                    for s in (-1, 1):
                        a1 = a + s * 0.6
                        end = (tip[0] + math.cos(a1) * 0.13 * R, tip[1] + math.sin(a1) * 0.13 * R)
                        seg(c, col, tip, end, 0.065 * R)
            c.blit(self.cache.take(("tcell-body", r, frame, kind == "memory"), lit_blob), (0, 0))
            _face(c, C, C + 0.06 * R, R, mood, mix(body, light, 0.5))
            if kind == "memory":
                sx, sy = C + 0.58 * R, C - 0.62 * R
                pygame.draw.polygon(c, P.ANTIBODY_DARK, _star_pts(sx, sy, 0.3 * R))
                pygame.draw.polygon(c, P.STAR, _star_pts(sx, sy, 0.23 * R))
            return _finish(c, D, D)

        return self.cache.get(("tcell", r, frame, kind, mood), build)

    def cancer_cell(self, r: int, frame: int = 0, tags: bool = False) -> pygame.Surface:
        """A lumpy grey-purple cancer cell (no face). ``tags``: orange antigens to latch onto."""
        frame %= NF
        D = int(r * 3.0)
        C, R = D * SS / 2, r * SS

        def body() -> pygame.Surface:
            """The lit blob, over half the cost of a cell: its own sprite, so a warm-up
            renders it in one step and the rest of the cell in the next."""
            c = _canvas(D, D, P.CANCER_OUTLINE)
            _shaded(c, C, C, R, _cancer_fn(TAU * frame / NF), P.CANCER_BODY, P.CANCER_LIGHT, P.CANCER_OUTLINE)
            return c

        def build() -> pygame.Surface:
            c = _canvas(D, D, P.CANCER_OUTLINE)
            _shadow(c, C + 0.1 * R, C + 0.18 * R, 2.2 * R, 2.1 * R, 55)
            if tags:
                for a in TAG_ANGLES:
                    ux, uy = math.cos(a), math.sin(a)
                    px, py = -uy, ux
                    tip = (C + ux * TAG_REACH * R, C + uy * TAG_REACH * R)
                    b = 0.9 * R
                    tri = [
                        (C + ux * b + px * 0.16 * R, C + uy * b + py * 0.16 * R),
                        (C + ux * b - px * 0.16 * R, C + uy * b - py * 0.16 * R),
                        tip,
                    ]
                    pygame.draw.polygon(c, P.ANTIGEN_DARK, tri)
                    pygame.draw.circle(c, P.ANTIGEN_DARK, (int(tip[0]), int(tip[1])), int(0.12 * R))
                    pygame.draw.circle(c, P.ANTIGEN, (int(tip[0]), int(tip[1])), int(0.085 * R))
            c.blit(self.cache.take(("cancer-body", r, frame), body), (0, 0))
            pygame.draw.ellipse(c, P.CANCER_OUTLINE, (C - 0.3 * R, C - 0.12 * R, 0.66 * R, 0.52 * R))
            pygame.draw.ellipse(c, P.CANCER_SPOT, (C - 0.26 * R, C - 0.08 * R, 0.58 * R, 0.44 * R))
            for dx, dy, s in ((-0.5, -0.35, 0.12), (0.45, -0.4, 0.09), (0.5, 0.35, 0.1), (-0.45, 0.42, 0.08)):
                pygame.draw.circle(c, P.CANCER_SPOT, (int(C + dx * R), int(C + dy * R)), int(s * R))
            return _finish(c, D, D)

        return self.cache.get(("cancer", r, frame, tags), build)

    def healthy_cell(self, r: int, frame: int = 0) -> pygame.Surface:
        """A healthy body cell: smooth, round, peach."""
        frame %= NF

        def build() -> pygame.Surface:
            D = int(r * 2.8)
            c = _canvas(D, D, P.HEALTHY_OUTLINE)
            C, R = D * SS / 2, r * SS
            _shadow(c, C + 0.1 * R, C + 0.18 * R, 2.1 * R, 2.0 * R, 45)
            ph = TAU * frame / NF

            def fn(a: float) -> float:
                return 1 + 0.022 * math.sin(2 * a + ph) + 0.012 * math.sin(4 * a - ph)

            _shaded(c, C, C, R, fn, P.HEALTHY_BODY, P.HEALTHY_LIGHT, P.HEALTHY_OUTLINE)
            pygame.draw.circle(
                c, mix(P.HEALTHY_BODY, P.HEALTHY_OUTLINE, 0.4), (int(C + 0.1 * R), int(C + 0.1 * R)), int(0.3 * R)
            )
            return _finish(c, D, D)

        return self.cache.get(("healthy", r, frame), build)

    def red_cell(self, r: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = int(r * 2.4)
            c = _canvas(D, int(D * 0.7), P.RED_CELL)
            C, Cy, R = D * SS / 2, D * SS * 0.35, r * SS
            pygame.draw.ellipse(c, mix(P.RED_CELL, P.VESSEL_EDGE, 0.5), (C - R, Cy - 0.62 * R, 2 * R, 1.24 * R))
            pygame.draw.ellipse(c, P.RED_CELL, (C - 0.9 * R, Cy - 0.54 * R, 1.8 * R, 1.08 * R))
            pygame.draw.ellipse(c, mix(P.RED_CELL, P.BLOOD_TOP, 0.5), (C - 0.5 * R, Cy - 0.28 * R, 1.0 * R, 0.56 * R))
            return _finish(c, D, int(D * 0.7))

        return self.cache.get(("rbc", r), build)

    # ---------------------------------------------------------------- therapy shapes
    def brake(self, r: int) -> pygame.Surface:
        """The checkpoint brake: a red stop-shaped protein with a white bar."""

        def build() -> pygame.Surface:
            D = int(r * 2.8)
            c = _canvas(D, D, P.BRAKE_DARK)
            C, R = D * SS / 2, r * SS
            _shadow(c, C + 0.08 * R, C + 0.15 * R, 2.1 * R, 2.1 * R, 60)
            oct_ = [(C + math.cos(a) * R, C + math.sin(a) * R) for a in (TAU * (i + 0.5) / 8 for i in range(8))]
            pygame.draw.polygon(c, P.BRAKE_DARK, oct_)
            inner = [
                (C + math.cos(a) * R * 0.86, C + math.sin(a) * R * 0.86)
                for a in (TAU * (i + 0.5) / 8 for i in range(8))
            ]
            pygame.draw.polygon(c, P.BRAKE, inner)
            hi = [
                (C - 0.1 * R + math.cos(a) * R * 0.55, C - 0.15 * R + math.sin(a) * R * 0.5)
                for a in (TAU * (i + 0.5) / 8 for i in range(8))
            ]
            pygame.draw.polygon(c, mix(P.BRAKE, P.WHITE, 0.18), hi)
            _rrect(c, P.WHITE, (C - 0.58 * R, C - 0.15 * R, 1.16 * R, 0.3 * R), 0.15 * R)
            return _finish(c, D, D)

        return self.cache.get(("brake", r), build)

    def inhibitor(self, r: int) -> pygame.Surface:
        """The checkpoint inhibitor: a teal shield with a white key, that covers the brake."""

        def build() -> pygame.Surface:
            D = int(r * 2.8)
            c = _canvas(D, D, P.INHIBITOR_DARK)
            C, R = D * SS / 2, r * SS
            _shadow(c, C + 0.08 * R, C + 0.15 * R, 2.0 * R, 2.2 * R, 60)

            def shield(s: float) -> list[tuple[float, float]]:
                right = []
                for i in range(12):
                    t = i / 11
                    right.append((C + 0.9 * R * s * (1 - t**2.4), C + R * s * (-0.85 + 1.9 * t)))
                top = [
                    (C + 0.9 * R * s * (1 - 2 * i / 8), C - R * s * (0.85 + 0.1 * math.sin(math.pi * i / 8)))
                    for i in range(9)
                ]
                left = [(2 * C - x, y) for x, y in reversed(right)]
                return top[::-1][:1] + right + left + top[::-1][-1:] + [(x, y) for x, y in top]

            pygame.draw.polygon(c, P.INHIBITOR_DARK, shield(1.0))
            pygame.draw.polygon(c, P.INHIBITOR, shield(0.86))
            w = 0.13 * R
            kx, ky = C, C - 0.28 * R
            pygame.draw.circle(c, P.WHITE, (int(kx), int(ky)), int(0.27 * R))
            pygame.draw.circle(c, P.INHIBITOR, (int(kx), int(ky)), int(0.12 * R))
            seg(c, P.WHITE, (kx, ky + 0.2 * R), (kx, ky + 0.95 * R), w)
            seg(c, P.WHITE, (kx, ky + 0.62 * R), (kx + 0.22 * R, ky + 0.62 * R), w)
            seg(c, P.WHITE, (kx, ky + 0.86 * R), (kx + 0.18 * R, ky + 0.86 * R), w)
            return _finish(c, D, D)

        return self.cache.get(("inhibitor", r), build)

    def antibody(self, r: int, direction: int = 0) -> pygame.Surface:
        """A Y-shaped monoclonal antibody; arms point along ``direction`` (16 steps clockwise from up)."""
        direction %= 16

        def build() -> pygame.Surface:
            D = int(r * 2.5)
            c = _canvas(D, D, P.ANTIBODY_DARK)
            C, R = D * SS / 2, r * SS
            cy = C + 0.1 * R
            fork = (C, cy)
            parts = [
                ((C, cy + 0.9 * R), fork),
                (fork, (C - 0.62 * R, cy - 0.78 * R)),
                (fork, (C + 0.62 * R, cy - 0.78 * R)),
            ]
            for a, b in parts:
                seg(c, P.ANTIBODY_DARK, a, b, 0.34 * R)
            for a, b in parts:
                seg(c, P.ANTIBODY, a, b, 0.22 * R)
            for a, b in parts[1:]:
                m = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
                seg(c, mix(P.ANTIBODY, P.WHITE, 0.45), m, b, 0.07 * R)
            if direction:
                c = pygame.transform.rotate(c, -22.5 * direction)
            return _finish(c, c.get_width() // SS, c.get_height() // SS)

        return self.cache.get(("antibody", r, direction), build)

    def glow(self, r: int, colour: tuple[int, int, int], alpha: int = 150) -> pygame.Surface:
        """A soft round glow of radius ``r``."""

        def build() -> pygame.Surface:
            s = pygame.Surface((2 * r + 2, 2 * r + 2), pygame.SRCALPHA)
            s.fill((*colour, 0))
            steps = max(8, min(48, r // 2))
            for k in range(steps):
                f = k / (steps - 1)
                rr = max(1, int(r * (1 - f)))
                a = int(alpha * (1 - (1 - f) ** 2) ** 1.2)
                pygame.draw.circle(s, (*colour, a), (r + 1, r + 1), rr)
            return pygame.transform.smoothscale(
                pygame.transform.smoothscale(s, (r // 2 + 2, r // 2 + 2)), (2 * r + 2, 2 * r + 2)
            )

        return self.cache.get(("glow", r, colour, alpha), build)

    def ring(self, r: int, colour: tuple[int, int, int], width: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = 2 * r + 2 * width + 4
            c = _canvas(D, D, colour)
            C = D * SS / 2
            pygame.draw.circle(c, colour, (int(C), int(C)), int(r * SS + width * SS / 2), int(width * SS))
            return _finish(c, D, D)

        return self.cache.get(("ring", r, colour, width), build)

    def dashed_ring(self, r: int, colour: tuple[int, int, int], width: int, dashes: int = 16) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = 2 * r + 2 * width + 4
            c = _canvas(D, D, colour)
            C, R = D * SS / 2, r * SS
            for i in range(dashes):
                a0 = TAU * i / dashes
                pts = [
                    (
                        C + math.cos(a0 + TAU * j / dashes * 0.55 / 4) * R,
                        C + math.sin(a0 + TAU * j / dashes * 0.55 / 4) * R,
                    )
                    for j in range(5)
                ]
                _path(c, colour, pts, width * SS)
            return _finish(c, D, D)

        return self.cache.get(("dring", r, colour, width, dashes), build)

    def sparkle(self, r: int, colour: tuple[int, int, int] = P.GLOW_GOLD) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = 2 * r + 2
            c = _canvas(D, D, colour)
            C, R = D * SS / 2, r * SS
            pygame.draw.polygon(c, colour, _star_pts(C, C, R, 4, 0.28, 0))
            pygame.draw.polygon(c, mix(colour, P.WHITE, 0.6), _star_pts(C, C, R * 0.5, 4, 0.35, 0))
            return _finish(c, D, D)

        return self.cache.get(("sparkle", r, colour), build)

    def check_badge(self, r: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = 2 * r + 4
            c = _canvas(D, D, P.CHECK)
            C, R = D * SS / 2, r * SS
            pygame.draw.circle(c, P.WHITE, (int(C), int(C)), int(R))
            pygame.draw.circle(c, P.CHECK, (int(C), int(C)), int(R * 0.86))
            _check(c, P.WHITE, C, C, R * 0.9, R * 0.22)
            return _finish(c, D, D)

        return self.cache.get(("check", r), build)

    def heart_badge(self, r: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = 2 * r + 4
            c = _canvas(D, D, P.SUPPORT)
            C, R = D * SS / 2, r * SS
            pygame.draw.circle(c, P.WHITE, (int(C), int(C)), int(R))
            _heart(c, P.SUPPORT, C, C, R * 1.05)
            return _finish(c, D, D)

        return self.cache.get(("heart", r), build)

    def star(self, r: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = 2 * r + 4
            c = _canvas(D, D, P.ANTIBODY_DARK)
            C, R = D * SS / 2, r * SS
            pygame.draw.polygon(c, P.ANTIBODY_DARK, _star_pts(C, C, R))
            pygame.draw.polygon(c, P.STAR, _star_pts(C, C, R * 0.78))
            return _finish(c, D, D)

        return self.cache.get(("star", r), build)

    def confetti(self, r: int, colour_index: int, turn: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            col = P.CONFETTI[colour_index % len(P.CONFETTI)]
            D = 2 * r + 2
            c = _canvas(D, D, col)
            C, R = D * SS / 2, r * SS
            a = turn * math.pi / 4
            ux, uy = math.cos(a), math.sin(a)
            seg(c, col, (C - ux * R * 0.8, C - uy * R * 0.8), (C + ux * R * 0.8, C + uy * R * 0.8), R * 0.55)
            return _finish(c, D, D)

        return self.cache.get(("confetti", r, colour_index % len(P.CONFETTI), turn % 4), build)

    # ---------------------------------------------------------------- text
    def label(self, text: str, px: int, colour=P.INK, bg=P.LABEL_BG, bg_alpha: int = 235) -> pygame.Surface:
        """A short label on a soft rounded pill (rendered once)."""

        def build() -> pygame.Surface:
            t = self.font(px).render(text, True, colour)
            pad_x, pad_y = int(px * 0.55), int(px * 0.22)
            w, h = t.get_width() + 2 * pad_x, t.get_height() + 2 * pad_y
            c = _canvas(w, h, bg)
            _rrect(c, (*bg, bg_alpha), (0, 0, w * SS, h * SS), h * SS / 2)
            s = _finish(c, w, h)
            s.blit(t, (pad_x, pad_y))
            return s

        return self.cache.get(("label", text, px, colour, bg, bg_alpha), build)

    def bubble(self, r: int, glyph: str, colour=P.WHITE, ink=P.INK) -> pygame.Surface:
        """A round speech bubble with a short glyph ('?', '...', '!') and a tail at bottom left."""

        def build() -> pygame.Surface:
            D = int(r * 2.6)
            c = _canvas(D, D, P.OUTLINE)
            C, R = D * SS / 2, r * SS
            _shadow(c, C + 0.06 * R, C + 0.12 * R, 2.1 * R, 2.0 * R, 40)
            tail = [(C - 0.55 * R, C + 0.6 * R), (C - 0.05 * R, C + 0.85 * R), (C - 0.85 * R, C + 1.2 * R)]
            pygame.draw.polygon(c, P.OUTLINE, [(x, y + 0.06 * R) for x, y in tail])
            pygame.draw.circle(c, mix(colour, P.OUTLINE, 0.5), (int(C), int(C)), int(R))
            pygame.draw.polygon(c, colour, tail)
            pygame.draw.circle(c, colour, (int(C), int(C)), int(R * 0.94))
            s = _finish(c, D, D)
            if glyph == "heart":
                h = _canvas(D, D, P.SUPPORT)
                _heart(h, P.SUPPORT, C, C, R * 0.95)
                s.blit(_finish(h, D, D), (0, 0))
            elif glyph == "check":
                h = _canvas(D, D, P.CHECK)
                _check(h, P.CHECK, C, C, R * 0.8, R * 0.2)
                s.blit(_finish(h, D, D), (0, 0))
            else:
                t = self.font(int(r * 1.15)).render(glyph, True, ink)
                s.blit(t, t.get_rect(center=(D // 2, D // 2)))
            return s

        return self.cache.get(("bubble", r, glyph, colour, ink), build)

    # ---------------------------------------------------------------- people and clinic
    def person(self, h: int, role: str = "patient", skin: int = 0, seated: bool = False) -> pygame.Surface:
        """A simple friendly person seen from the front. role: patient, doctor, nurse, helper."""

        def build() -> pygame.Surface:
            W = int(h * 0.62)
            c = _canvas(W, h, P.OUTLINE)
            H = h * SS
            cx = W * SS / 2
            cloth = {"patient": P.PATIENT, "doctor": P.DOCTOR, "nurse": P.NURSE, "helper": P.HELPER}[role]
            sk = P.SKIN[skin % len(P.SKIN)]
            hair = P.HAIR[(skin + (1 if role == "doctor" else 0)) % len(P.HAIR)]
            _shadow(c, cx, 0.97 * H, 0.5 * H, 0.07 * H, 60)
            leg_top, leg_bot = (0.62, 0.97) if not seated else (0.62, 0.88)
            for sx in (-1, 1):
                x0 = cx + (0.02 if sx > 0 else -0.17) * H
                _rrect(c, P.TROUSERS, (x0, leg_top * H, 0.15 * H, (leg_bot - leg_top) * H), 0.05 * H)
                pygame.draw.ellipse(c, P.OUTLINE, (x0 - 0.01 * H, (leg_bot - 0.04) * H, 0.17 * H, 0.06 * H))
            if seated:
                _rrect(c, P.TROUSERS, (cx - 0.18 * H, 0.6 * H, 0.36 * H, 0.12 * H), 0.05 * H)
            edge = mix(cloth, P.OUTLINE, 0.35)
            for sx in (-1, 1):  # arms
                ax = cx + sx * 0.23 * H
                _rrect(c, edge, (ax - 0.055 * H, 0.29 * H, 0.11 * H, 0.32 * H), 0.05 * H)
                _rrect(c, cloth, (ax - 0.045 * H, 0.3 * H, 0.09 * H, 0.3 * H), 0.045 * H)
                pygame.draw.circle(c, sk, (int(ax), int(0.62 * H)), int(0.045 * H))
            _rrect(c, edge, (cx - 0.205 * H, 0.265 * H, 0.41 * H, 0.4 * H), 0.09 * H)
            _rrect(c, cloth, (cx - 0.195 * H, 0.275 * H, 0.39 * H, 0.38 * H), 0.085 * H)
            pygame.draw.rect(c, sk, (cx - 0.035 * H, 0.23 * H, 0.07 * H, 0.06 * H))
            if role == "doctor":
                _path(c, P.OUTLINE, [(cx - 0.09 * H, 0.28 * H), (cx, 0.45 * H), (cx + 0.09 * H, 0.28 * H)], 0.012 * H)
                _path(
                    c,
                    (60, 70, 90),
                    [(cx - 0.06 * H, 0.28 * H), (cx - 0.08 * H, 0.4 * H), (cx - 0.02 * H, 0.47 * H)],
                    0.015 * H,
                )
                pygame.draw.circle(c, METAL_DARK, (int(cx - 0.02 * H), int(0.48 * H)), int(0.025 * H))
            elif role == "patient":
                pygame.draw.polygon(
                    c,
                    mix(cloth, P.WHITE, 0.5),
                    [(cx - 0.07 * H, 0.275 * H), (cx + 0.07 * H, 0.275 * H), (cx, 0.36 * H)],
                )
            elif role == "nurse":
                _rrect(c, P.WHITE, (cx + 0.06 * H, 0.34 * H, 0.08 * H, 0.05 * H), 0.01 * H)
            hy = 0.15 * H
            pygame.draw.circle(c, hair, (int(cx), int(hy - 0.012 * H)), int(0.125 * H))
            pygame.draw.circle(c, sk, (int(cx), int(hy + 0.012 * H)), int(0.112 * H))
            pygame.draw.ellipse(c, hair, (cx - 0.12 * H, hy - 0.13 * H, 0.24 * H, 0.11 * H))
            for sx in (-1, 1):
                pygame.draw.circle(c, P.FACE, (int(cx + sx * 0.042 * H), int(hy + 0.005 * H)), max(1, int(0.014 * H)))
                pygame.draw.ellipse(
                    c, mix(sk, P.CHEEK, 0.5), (cx + sx * 0.07 * H - 0.022 * H, hy + 0.035 * H, 0.044 * H, 0.022 * H)
                )
            _smile(c, cx, hy + 0.055 * H, 0.08 * H, P.FACE, 0.011 * H)
            return _finish(c, W, h)

        return self.cache.get(("person", h, role, skin, seated), build)

    def chair(self, h: int, with_patient: bool = True, skin: int = 0) -> pygame.Surface:
        """A comfy clinic recliner, optionally with a patient sitting in it."""

        def build() -> pygame.Surface:
            W = int(h * 0.95)
            c = _canvas(W, h, P.CHAIR_DARK)
            H = h * SS
            cx = W * SS / 2
            _shadow(c, cx, 0.96 * H, 0.85 * H, 0.1 * H, 60)
            _rrect(c, P.CHAIR_DARK, (cx - 0.34 * H, 0.05 * H, 0.68 * H, 0.68 * H), 0.16 * H)
            _rrect(c, P.CHAIR, (cx - 0.31 * H, 0.08 * H, 0.62 * H, 0.62 * H), 0.14 * H)
            pygame.draw.rect(c, METAL_DARK, (cx - 0.05 * H, 0.8 * H, 0.1 * H, 0.12 * H))
            _rrect(c, METAL_DARK, (cx - 0.28 * H, 0.9 * H, 0.56 * H, 0.05 * H), 0.025 * H)
            if with_patient:
                p = self.person(int(h * 0.9), "patient", skin, seated=True)
                big = pygame.transform.smoothscale(p, (p.get_width() * SS, p.get_height() * SS))
                c.blit(big, big.get_rect(midbottom=(int(cx), int(0.93 * H))))
            _rrect(c, P.CHAIR_DARK, (cx - 0.4 * H, 0.55 * H, 0.8 * H, 0.28 * H), 0.1 * H)
            _rrect(c, P.CHAIR, (cx - 0.38 * H, 0.57 * H, 0.76 * H, 0.24 * H), 0.09 * H)
            for sx in (-1, 1):
                _rrect(c, P.CHAIR_DARK, (cx + sx * 0.36 * H - 0.09 * H, 0.4 * H, 0.18 * H, 0.42 * H), 0.08 * H)
                _rrect(
                    c,
                    mix(P.CHAIR, P.WHITE, 0.15),
                    (cx + sx * 0.36 * H - 0.075 * H, 0.415 * H, 0.15 * H, 0.2 * H),
                    0.07 * H,
                )
            return _finish(c, W, h)

        return self.cache.get(("chair", h, with_patient, skin), build)

    def iv_stand(self, h: int, fluid=P.IV_FLUID) -> pygame.Surface:
        """An IV pole with a fluid bag and a drip chamber."""

        def build() -> pygame.Surface:
            W = int(h * 0.45)
            c = _canvas(W, h, P.GLASS_EDGE)
            H = h * SS
            cx = W * SS / 2
            _shadow(c, cx, 0.97 * H, 0.4 * H, 0.06 * H, 60)
            seg(c, P.METAL, (cx, 0.04 * H), (cx, 0.95 * H), 0.025 * H)
            _path(c, P.METAL, [(cx - 0.17 * H, 0.96 * H), (cx, 0.92 * H), (cx + 0.17 * H, 0.96 * H)], 0.025 * H)
            seg(c, P.METAL, (cx - 0.08 * H, 0.05 * H), (cx + 0.08 * H, 0.05 * H), 0.02 * H)
            _rrect(c, P.GLASS_EDGE, (cx - 0.12 * H, 0.07 * H, 0.24 * H, 0.32 * H), 0.06 * H)
            _rrect(c, P.GLASS, (cx - 0.108 * H, 0.082 * H, 0.216 * H, 0.296 * H), 0.05 * H)
            _rrect(c, fluid, (cx - 0.108 * H, 0.17 * H, 0.216 * H, 0.208 * H), 0.05 * H)
            pygame.draw.rect(c, P.GLASS, (cx - 0.108 * H, 0.17 * H, 0.216 * H, 0.03 * H))
            _rrect(c, P.GLASS_EDGE, (cx - 0.035 * H, 0.39 * H, 0.07 * H, 0.11 * H), 0.02 * H)
            _rrect(c, P.GLASS, (cx - 0.026 * H, 0.4 * H, 0.052 * H, 0.09 * H), 0.015 * H)
            return _finish(c, W, h)

        return self.cache.get(("iv", h, fluid), build)

    def collector(self, h: int) -> pygame.Surface:
        """A cell-collection machine on wheels: blood flows in on the left, the T-cells are
        spun out of it (a ring of blood round a blue cell in its window) and leave on the right."""

        def build() -> pygame.Surface:
            w = int(h * 0.62)
            c = _canvas(w, h, METAL_DARK)
            W, H = w * SS, h * SS
            _shadow(c, W / 2, 0.95 * H, 0.95 * W, 0.08 * H, 60)
            for (fx, fy), side in ((COLLECTOR_IN, 1), (COLLECTOR_OUT, -1)):  # the tube ports
                x = fx * W
                _rrect(c, METAL_DARK, (min(x, x + side * 0.12 * W), (fy - 0.03) * H, 0.12 * W, 0.06 * H), 0.02 * W)
            _rrect(c, METAL_DARK, (0.06 * W, 0.02 * H, 0.88 * W, 0.88 * H), 0.1 * W)
            _rrect(c, mix(P.METAL, P.WHITE, 0.7), (0.09 * W, 0.035 * H, 0.82 * W, 0.85 * H), 0.08 * W)
            _rrect(c, P.GLASS_EDGE, (0.2 * W, 0.09 * H, 0.6 * W, 0.17 * H), 0.05 * W)
            _rrect(c, P.GLASS, (0.23 * W, 0.105 * H, 0.54 * W, 0.14 * H), 0.04 * W)
            _check(c, P.CHECK, 0.5 * W, 0.175 * H, 0.07 * H, 0.02 * H)
            cx, cy, R = int(0.5 * W), int(0.58 * H), 0.3 * W
            pygame.draw.circle(c, METAL_DARK, (cx, cy), int(R))
            pygame.draw.circle(c, P.GLASS, (cx, cy), int(R * 0.86))
            pygame.draw.circle(c, mix(P.BLOOD, P.WHITE, 0.2), (cx, cy), int(R * 0.7), max(1, int(R * 0.22)))
            pygame.draw.circle(c, P.T_OUTLINE, (cx, cy), int(R * 0.3))
            pygame.draw.circle(c, P.T_BODY, (cx, cy), int(R * 0.24))
            for fx in (0.25, 0.75):
                pygame.draw.circle(c, P.OUTLINE, (int(fx * W), int(0.91 * H)), int(0.05 * H))
            return _finish(c, w, h)

        return self.cache.get(("collector", h), build)

    def clock_face(self, r: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = int(2.4 * r)
            c = _canvas(D, D, P.OUTLINE)
            C, R = D * SS / 2, r * SS
            _shadow(c, C + 0.05 * R, C + 0.1 * R, 2.1 * R, 2.1 * R, 45)
            pygame.draw.circle(c, P.CHAIR_DARK, (int(C), int(C)), int(R))
            pygame.draw.circle(c, P.PAPER, (int(C), int(C)), int(R * 0.88))
            for i in range(12):
                a = TAU * i / 12
                l0 = 0.68 if i % 3 else 0.6
                seg(
                    c,
                    P.INK_SOFT,
                    (C + math.cos(a) * R * l0, C + math.sin(a) * R * l0),
                    (C + math.cos(a) * R * 0.76, C + math.sin(a) * R * 0.76),
                    R * 0.05,
                )
            return _finish(c, D, D)

        return self.cache.get(("clock", r), build)

    def calendar(self, w: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            h = int(w * 0.92)
            c = _canvas(w, h, P.OUTLINE)
            W, H = w * SS, h * SS
            _shadow(c, W / 2 + 0.03 * W, H / 2 + 0.06 * H, W * 0.95, H * 0.9, 45)
            _rrect(c, mix(P.PAPER, P.OUTLINE, 0.3), (0.05 * W, 0.1 * H, 0.9 * W, 0.85 * H), 0.08 * W)
            _rrect(c, P.PAPER, (0.065 * W, 0.115 * H, 0.87 * W, 0.82 * H), 0.07 * W)
            _rrect(c, P.SUPPORT, (0.065 * W, 0.115 * H, 0.87 * W, 0.2 * H), 0.07 * W)
            pygame.draw.rect(c, P.SUPPORT, (0.065 * W, 0.22 * H, 0.87 * W, 0.1 * H))
            for x in (0.3, 0.7):
                _rrect(c, P.METAL, (x * W - 0.03 * W, 0.05 * H, 0.06 * W, 0.16 * H), 0.03 * W)
            for row in range(3):
                for col in range(4):
                    _rrect(
                        c,
                        mix(P.PAPER, P.OUTLINE, 0.12),
                        ((0.14 + col * 0.19) * W, (0.4 + row * 0.18) * H, 0.14 * W, 0.13 * H),
                        0.03 * W,
                    )
            return _finish(c, w, h)

        return self.cache.get(("calendar", w), build)

    def icon(self, kind: str, r: int, plate=None) -> pygame.Surface:
        """A round plate with a simple pictogram: moon, shoe, heart, clipboard, tube, scan,
        microscope, drip, calendar, lungs."""

        def build() -> pygame.Surface:
            colour = plate or {
                "moon": P.REST,
                "shoe": P.ACTIVITY,
                "heart": P.SUPPORT,
                "clipboard": P.PATIENT,
                "tube": P.BRAKE,
                "scan": P.NURSE,
                "microscope": P.HELPER,
                "drip": P.CHAIR,
                "calendar": P.CHECK,
            }.get(kind, P.PATIENT)
            D = int(2.5 * r)
            c = _canvas(D, D, colour)
            C, R = D * SS / 2, r * SS
            _shadow(c, C + 0.06 * R, C + 0.12 * R, 2.1 * R, 2.1 * R, 55)
            pygame.draw.circle(c, mix(colour, P.OUTLINE, 0.35), (int(C), int(C)), int(R))
            pygame.draw.circle(c, colour, (int(C), int(C)), int(R * 0.92))
            pygame.draw.circle(c, mix(colour, P.WHITE, 0.15), (int(C - 0.1 * R), int(C - 0.12 * R)), int(R * 0.7))
            W = P.WHITE
            if kind == "moon":
                pygame.draw.circle(c, W, (int(C), int(C)), int(R * 0.5))
                pygame.draw.circle(c, mix(colour, P.WHITE, 0.15), (int(C + 0.22 * R), int(C - 0.18 * R)), int(R * 0.42))
                pygame.draw.polygon(c, W, _star_pts(C + 0.35 * R, C + 0.25 * R, 0.12 * R, 4, 0.4, 0))
            elif kind == "shoe":
                _rrect(c, W, (C - 0.5 * R, C - 0.05 * R, R, 0.36 * R), 0.16 * R)
                _rrect(c, W, (C - 0.5 * R, C - 0.42 * R, 0.42 * R, 0.55 * R), 0.14 * R)
                pygame.draw.rect(c, colour, (C - 0.5 * R, C + 0.2 * R, R, 0.05 * R))
                for k in range(3):
                    seg(
                        c,
                        mix(colour, W, 0.3),
                        (C - 0.7 * R - k * 0.1 * R, C - 0.3 * R + k * 0.22 * R),
                        (C - 0.58 * R - k * 0.1 * R, C - 0.3 * R + k * 0.22 * R),
                        0.06 * R,
                    )
            elif kind == "heart":
                _heart(c, W, C, C + 0.02 * R, R * 0.8)
            elif kind == "clipboard":
                _rrect(c, W, (C - 0.38 * R, C - 0.48 * R, 0.76 * R, R), 0.1 * R)
                _rrect(c, mix(colour, P.OUTLINE, 0.3), (C - 0.18 * R, C - 0.58 * R, 0.36 * R, 0.18 * R), 0.06 * R)
                for k in range(3):
                    seg(
                        c,
                        colour,
                        (C - 0.2 * R, C - 0.18 * R + k * 0.22 * R),
                        (C + 0.22 * R, C - 0.18 * R + k * 0.22 * R),
                        0.07 * R,
                    )
            elif kind == "tube":
                _rrect(c, W, (C - 0.16 * R, C - 0.6 * R, 0.32 * R, 1.15 * R), 0.16 * R)
                _rrect(c, (200, 60, 70), (C - 0.11 * R, C - 0.05 * R, 0.22 * R, 0.55 * R), 0.11 * R)
                _rrect(c, mix(colour, P.OUTLINE, 0.3), (C - 0.22 * R, C - 0.68 * R, 0.44 * R, 0.14 * R), 0.05 * R)
            elif kind == "scan":
                pygame.draw.circle(c, W, (int(C), int(C - 0.1 * R)), int(R * 0.5))
                pygame.draw.circle(c, colour, (int(C), int(C - 0.1 * R)), int(R * 0.26))
                _rrect(c, W, (C - 0.62 * R, C + 0.12 * R, 1.24 * R, 0.14 * R), 0.07 * R)
            elif kind == "microscope":
                seg(c, W, (C - 0.05 * R, C - 0.55 * R), (C + 0.2 * R, C + 0.1 * R), 0.2 * R)
                _path(c, W, [(C + 0.35 * R, C - 0.15 * R), (C + 0.38 * R, C + 0.35 * R)], 0.12 * R)
                _rrect(c, W, (C - 0.45 * R, C + 0.35 * R, 0.95 * R, 0.15 * R), 0.07 * R)
                seg(c, W, (C - 0.25 * R, C + 0.12 * R), (C + 0.15 * R, C + 0.12 * R), 0.1 * R)
            elif kind == "drip":
                _rrect(c, W, (C - 0.3 * R, C - 0.6 * R, 0.6 * R, 0.75 * R), 0.15 * R)
                _rrect(c, P.IV_FLUID, (C - 0.22 * R, C - 0.3 * R, 0.44 * R, 0.38 * R), 0.1 * R)
                _path(c, W, [(C, C + 0.15 * R), (C, C + 0.4 * R), (C + 0.35 * R, C + 0.6 * R)], 0.08 * R)
            elif kind == "calendar":
                _rrect(c, W, (C - 0.45 * R, C - 0.42 * R, 0.9 * R, 0.85 * R), 0.1 * R)
                pygame.draw.rect(c, mix(colour, P.OUTLINE, 0.3), (C - 0.45 * R, C - 0.42 * R, 0.9 * R, 0.2 * R))
                _check(c, colour, C, C + 0.12 * R, 0.45 * R, 0.1 * R)
            return _finish(c, D, D)

        return self.cache.get(("icon", kind, r, plate), build)

    def petri_dish(self, w: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            h = int(w * 0.5)
            c = _canvas(w, h, P.GLASS_EDGE)
            W, H = w * SS, h * SS
            _shadow(c, W / 2, H * 0.62, W * 0.98, H * 0.8, 50)
            pygame.draw.ellipse(c, P.GLASS_EDGE, (0.02 * W, 0.1 * H, 0.96 * W, 0.8 * H))
            pygame.draw.ellipse(c, P.GLASS, (0.035 * W, 0.13 * H, 0.93 * W, 0.74 * H))
            pygame.draw.ellipse(c, P.DISH_GEL, (0.07 * W, 0.2 * H, 0.86 * W, 0.6 * H))
            pygame.draw.ellipse(c, mix(P.DISH_GEL, P.WHITE, 0.4), (0.15 * W, 0.25 * H, 0.5 * W, 0.25 * H))
            return _finish(c, w, h)

        return self.cache.get(("dish", w), build)

    def instructions(self, h: int) -> pygame.Surface:
        """The 'new instructions' card: a page with a DNA twist on it."""

        def build() -> pygame.Surface:
            w = int(h * 0.8)
            c = _canvas(w, h, P.OUTLINE)
            W, H = w * SS, h * SS
            _shadow(c, W / 2 + 0.04 * W, H / 2 + 0.05 * H, 0.9 * W, 0.9 * H, 45)
            _rrect(c, mix(P.PAPER, P.OUTLINE, 0.35), (0.05 * W, 0.04 * H, 0.9 * W, 0.9 * H), 0.1 * W)
            _rrect(c, P.PAPER, (0.08 * W, 0.065 * H, 0.84 * W, 0.855 * H), 0.08 * W)
            cx = W / 2
            a_pts, b_pts = [], []
            for i in range(25):
                t = i / 24
                y = (0.14 + 0.72 * t) * H
                a_pts.append((cx + math.sin(t * TAU * 1.25) * 0.26 * W, y))
                b_pts.append((cx - math.sin(t * TAU * 1.25) * 0.26 * W, y))
            for i in range(2, 24, 3):
                seg(c, P.CAR_GRABBER, a_pts[i], b_pts[i], 0.035 * W)
            _path(c, P.T_BODY, a_pts, 0.07 * W)
            _path(c, P.INHIBITOR, b_pts, 0.07 * W)
            return _finish(c, w, h)

        return self.cache.get(("instr", h), build)

    def flask(self, h: int) -> pygame.Surface:
        """A lab flask with golden liquid, where antibodies are made."""

        def build() -> pygame.Surface:
            w = int(h * 0.8)
            c = _canvas(w, h, P.GLASS_EDGE)
            W, H = w * SS, h * SS
            cx = W / 2
            _shadow(c, cx, 0.95 * H, 0.9 * W, 0.1 * H, 60)
            outer = [
                (cx - 0.12 * W, 0.05 * H),
                (cx + 0.12 * W, 0.05 * H),
                (cx + 0.12 * W, 0.38 * H),
                (cx + 0.46 * W, 0.88 * H),
                (cx + 0.4 * W, 0.95 * H),
                (cx - 0.4 * W, 0.95 * H),
                (cx - 0.46 * W, 0.88 * H),
                (cx - 0.12 * W, 0.38 * H),
            ]
            pygame.draw.polygon(c, P.GLASS_EDGE, outer)
            inner = [(cx + (x - cx) * 0.9, 0.08 * H + (y - 0.05 * H) * 0.95) for x, y in outer]
            pygame.draw.polygon(c, P.GLASS, inner)
            liquid = [
                (cx + 0.26 * W, 0.6 * H),
                (cx + 0.4 * W, 0.86 * H),
                (cx + 0.36 * W, 0.91 * H),
                (cx - 0.36 * W, 0.91 * H),
                (cx - 0.4 * W, 0.86 * H),
                (cx - 0.26 * W, 0.6 * H),
            ]
            pygame.draw.polygon(c, mix(P.ANTIBODY, P.WHITE, 0.45), liquid)
            _rrect(c, P.GLASS_EDGE, (cx - 0.16 * W, 0.02 * H, 0.32 * W, 0.06 * H), 0.03 * W)
            seg(c, P.WHITE, (cx - 0.2 * W, 0.5 * H), (cx - 0.32 * W, 0.72 * H), 0.04 * W)
            return _finish(c, w, h)

        return self.cache.get(("flask", h), build)

    def collection_bag(self, h: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            w = int(h * 0.6)
            c = _canvas(w, h, P.GLASS_EDGE)
            W, H = w * SS, h * SS
            _shadow(c, W / 2, 0.95 * H, 0.8 * W, 0.1 * H, 50)
            _rrect(c, P.GLASS_EDGE, (0.1 * W, 0.12 * H, 0.8 * W, 0.8 * H), 0.18 * W)
            _rrect(c, P.GLASS, (0.14 * W, 0.15 * H, 0.72 * W, 0.74 * H), 0.15 * W)
            _rrect(c, mix(P.T_LIGHT, P.WHITE, 0.4), (0.14 * W, 0.45 * H, 0.72 * W, 0.44 * H), 0.15 * W)
            _rrect(c, P.METAL, (0.4 * W, 0.02 * H, 0.2 * W, 0.12 * H), 0.05 * W)
            return _finish(c, w, h)

        return self.cache.get(("bag", h), build)

    def lungs(self, h: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            w = int(h * 1.0)
            c = _canvas(w, h, P.LUNG_DARK)
            W, H = w * SS, h * SS
            cx = W / 2
            _shadow(c, cx, 0.62 * H, 0.9 * W, 0.85 * H, 40)
            for sx in (-1, 1):
                pts = []
                for i in range(40):
                    a = TAU * i / 40
                    rx, ry = 0.22 * W, 0.36 * H
                    x = math.cos(a) * rx
                    y = math.sin(a) * ry
                    if y < 0:
                        x *= 0.75 + 0.25 * (1 + y / ry)
                    pts.append((cx + sx * (0.27 * W) + x, 0.58 * H + y))
                pygame.draw.polygon(c, P.LUNG_DARK, pts)
                pygame.draw.polygon(
                    c,
                    P.LUNG,
                    [
                        (cx + sx * 0.27 * W + (x - cx - sx * 0.27 * W) * 0.9, 0.58 * H + (y - 0.58 * H) * 0.92)
                        for x, y in pts
                    ],
                )
                pygame.draw.ellipse(
                    c,
                    mix(P.LUNG, P.WHITE, 0.3),
                    (cx + sx * 0.27 * W - 0.1 * W - sx * 0.02 * W, 0.35 * H, 0.12 * W, 0.22 * H),
                )
            seg(c, mix(P.LUNG_DARK, P.WHITE, 0.2), (cx, 0.04 * H), (cx, 0.36 * H), 0.07 * W)
            for sx in (-1, 1):
                _path(
                    c,
                    mix(P.LUNG_DARK, P.WHITE, 0.2),
                    [(cx, 0.34 * H), (cx + sx * 0.14 * W, 0.46 * H), (cx + sx * 0.2 * W, 0.62 * H)],
                    0.045 * W,
                )
                seg(
                    c,
                    mix(P.LUNG_DARK, P.WHITE, 0.2),
                    (cx + sx * 0.14 * W, 0.46 * H),
                    (cx + sx * 0.3 * W, 0.5 * H),
                    0.03 * W,
                )
            return _finish(c, w, h)

        return self.cache.get(("lungs", h), build)

    def intestines(self, h: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            w = int(h * 1.0)
            c = _canvas(w, h, P.GUT_DARK)
            W, H = w * SS, h * SS
            _shadow(c, W / 2, 0.56 * H, 0.9 * W, 0.85 * H, 40)
            frame = [(0.2 * W, 0.9 * H), (0.14 * W, 0.2 * H), (0.86 * W, 0.2 * H), (0.86 * W, 0.9 * H)]
            _path(c, P.GUT_DARK, frame, 0.15 * W)
            _path(c, mix(P.GUT, P.WHITE, 0.1), frame, 0.11 * W)
            coil = []
            for i in range(90):
                t = i / 89
                y = 0.36 * H + t * 0.44 * H
                x = W / 2 + math.sin(t * TAU * 2.5) * 0.22 * W
                coil.append((x, y))
            _path(c, P.GUT_DARK, coil, 0.13 * W)
            _path(c, P.GUT, coil, 0.09 * W)
            return _finish(c, w, h)

        return self.cache.get(("gut", h), build)

    def arm_skin(self, h: int, rash: bool) -> pygame.Surface:
        """A forearm seen close up, from the sleeve to the hand (back of the hand up, thumb
        at the top); ``rash`` adds soft pink spots on the forearm (blitted faded to soothe them)."""

        def edges(fx: float) -> tuple[float, float]:
            """The forearm's top and bottom at ``fx`` (fractions): it narrows to the wrist."""
            t = max(0.0, min(1.0, (fx - 0.1) / 0.58)) ** 1.5
            return 0.22 + 0.11 * t, 0.78 - 0.1 * t

        def build() -> pygame.Surface:
            w = int(h * 2.2)
            c = _canvas(w, h, P.RASH if rash else P.OUTLINE)
            W, H = w * SS, h * SS
            sk = P.SKIN[3]
            if rash:
                import random

                rnd = random.Random(7)
                for _ in range(34):
                    fx = rnd.uniform(0.25, 0.6)
                    upper, lower = edges(fx)
                    y = rnd.uniform(upper + 0.07, lower - 0.07) * H
                    rr = rnd.uniform(0.025, 0.05) * H
                    pygame.draw.circle(c, (*mix(P.RASH, sk, 0.25), 210), (int(fx * W), int(y)), int(rr))
                return _finish(c, w, h)
            edge = mix(sk, P.OUTLINE, 0.35)
            _shadow(c, W / 2, 0.62 * H, 0.95 * W, 0.7 * H, 45)
            xs = [0.1 + 0.6 * i / 12 for i in range(13)]
            thumb = ((0.72 * W, 0.36 * H), (0.8 * W, 0.17 * H))
            fingers = (  # little finger first, so each finger's edge shows across the one below
                ((0.8 * W, 0.62 * H), (0.91 * W, 0.64 * H), 0.085 * H),
                ((0.8 * W, 0.54 * H), (0.945 * W, 0.55 * H), 0.095 * H),
                ((0.8 * W, 0.46 * H), (0.955 * W, 0.455 * H), 0.095 * H),
                ((0.8 * W, 0.38 * H), (0.93 * W, 0.36 * H), 0.095 * H),
            )
            for col, g in ((edge, 0.025 * H), (sk, 0.0)):  # outline, then skin: one silhouette
                top = [(x * W, edges(x)[0] * H - g) for x in xs]
                bottom = [(x * W, edges(x)[1] * H + g) for x in reversed(xs)]
                pygame.draw.polygon(c, col, top + bottom)
                seg(c, col, *thumb, 0.11 * H + 2 * g)
                pygame.draw.ellipse(c, col, (0.655 * W - g, 0.29 * H - g, 0.21 * W + 2 * g, 0.42 * H + 2 * g))
            for a, b, fw in fingers:
                seg(c, edge, a, b, fw + 0.05 * H)
                seg(c, sk, a, b, fw)
                pygame.draw.ellipse(c, mix(sk, P.WHITE, 0.3), (b[0] - 0.05 * H, b[1] - 0.025 * H, 0.05 * H, 0.05 * H))
            pygame.draw.ellipse(c, sk, (0.665 * W, 0.3 * H, 0.185 * W, 0.4 * H))  # the palm hides the finger roots
            light = mix(sk, P.WHITE, 0.3)
            hi = [(x * W, (edges(x)[0] + 0.05) * H) for x in xs[1:-2]]
            hi += [(x * W, (edges(x)[0] + 0.1) * H) for x in reversed(xs[1:-2])]
            pygame.draw.polygon(c, light, hi)
            sleeve = P.PATIENT
            _rrect(c, mix(sleeve, P.OUTLINE, 0.35), (0.0, 0.14 * H, 0.165 * W, 0.72 * H), 0.1 * H)
            _rrect(c, sleeve, (0.0, 0.155 * H, 0.155 * W, 0.69 * H), 0.09 * H)
            return _finish(c, w, h)

        return self.cache.get(("arm", h, rash), build)

    def cream_tube(self, h: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            w = int(h * 0.5)
            c = _canvas(w, h, P.GLASS_EDGE)
            W, H = w * SS, h * SS
            body = [(0.15 * W, 0.2 * H), (0.85 * W, 0.2 * H), (0.75 * W, 0.85 * H), (0.25 * W, 0.85 * H)]
            pygame.draw.polygon(c, P.GLASS_EDGE, body)
            pygame.draw.polygon(c, P.CREAM, [(x + (W / 2 - x) * 0.1, y + (0.5 * H - y) * 0.06) for x, y in body])
            pygame.draw.rect(c, P.NURSE, (0.22 * W, 0.4 * H, 0.56 * W, 0.2 * H))
            _rrect(c, P.GLASS_EDGE, (0.1 * W, 0.1 * H, 0.8 * W, 0.12 * H), 0.04 * W)
            _rrect(c, P.NURSE, (0.36 * W, 0.85 * H, 0.28 * W, 0.13 * H), 0.06 * W)
            return _finish(c, w, h)

        return self.cache.get(("cream", h), build)

    def battery(self, h: int) -> pygame.Surface:
        """A battery outline (its charge is drawn on top by the scene)."""

        def build() -> pygame.Surface:
            w = int(h * 2.0)
            c = _canvas(w, h, P.OUTLINE)
            W, H = w * SS, h * SS
            _shadow(c, W / 2, H * 0.56, W * 0.95, H * 0.85, 45)
            _rrect(c, P.OUTLINE, (0.02 * W, 0.05 * H, 0.88 * W, 0.9 * H), 0.18 * H)
            _rrect(c, P.PAPER, (0.02 * W + 0.06 * H, 0.11 * H, 0.88 * W - 0.12 * H, 0.78 * H), 0.13 * H)
            _rrect(c, P.OUTLINE, (0.9 * W, 0.3 * H, 0.07 * W, 0.4 * H), 0.06 * H)
            return _finish(c, w, h)

        return self.cache.get(("battery", h), build)

    def body_outline(self, h: int) -> pygame.Surface:
        """A soft body silhouette for 'many kinds of cancer'."""

        def build() -> pygame.Surface:
            w = int(h * 0.62)
            c = _canvas(w, h, P.T_LIGHT)
            H = h * SS
            cx = w * SS / 2
            col = mix(P.T_LIGHT, P.WHITE, 0.35)
            edge = mix(P.T_LIGHT, P.T_BODY, 0.3)
            for col_, g in ((edge, 0.012), (col, 0.0)):
                pygame.draw.circle(c, col_, (int(cx), int(0.1 * H)), int((0.085 + g) * H))
                _rrect(c, col_, (cx - (0.17 + g) * H, (0.2 - g) * H, (0.34 + 2 * g) * H, (0.42 + 2 * g) * H), 0.1 * H)
                for sx in (-1, 1):
                    seg(c, col_, (cx + sx * 0.21 * H, 0.25 * H), (cx + sx * 0.26 * H, 0.58 * H), (0.08 + 2 * g) * H)
                    seg(c, col_, (cx + sx * 0.09 * H, 0.58 * H), (cx + sx * 0.11 * H, 0.95 * H), (0.11 + 2 * g) * H)
            return _finish(c, w, h)

        return self.cache.get(("body", h), build)

    def sun(self, r: int) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = int(2.6 * r)
            c = _canvas(D, D, P.SUN)
            C, R = D * SS / 2, r * SS
            for i in range(12):
                a = TAU * i / 12
                seg(
                    c,
                    mix(P.SUN, P.WHITE, 0.3),
                    (C + math.cos(a) * 1.05 * R, C + math.sin(a) * 1.05 * R),
                    (C + math.cos(a) * 1.25 * R, C + math.sin(a) * 1.25 * R),
                    0.1 * R,
                )
            pygame.draw.circle(c, P.SUN, (int(C), int(C)), int(R * 0.9))
            pygame.draw.circle(c, mix(P.SUN, P.WHITE, 0.4), (int(C - 0.2 * R), int(C - 0.2 * R)), int(R * 0.5))
            return _finish(c, D, D)

        return self.cache.get(("sun", r), build)

    def drop(self, r: int, colour=P.IV_FLUID) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = 2 * r + 2
            c = _canvas(D, int(D * 1.4), P.GLASS_EDGE)
            C, R = D * SS / 2, r * SS
            cy = D * SS * 0.8
            pygame.draw.circle(c, P.GLASS_EDGE, (int(C), int(cy)), int(R))
            pygame.draw.polygon(
                c, P.GLASS_EDGE, [(C - 0.85 * R, cy - 0.5 * R), (C + 0.85 * R, cy - 0.5 * R), (C, cy - 1.9 * R)]
            )
            pygame.draw.circle(c, colour, (int(C), int(cy)), int(R * 0.8))
            return _finish(c, D, int(D * 1.4))

        return self.cache.get(("drop", r, colour), build)

    def dot(self, r: int, colour=P.OUTLINE) -> pygame.Surface:
        def build() -> pygame.Surface:
            D = 2 * r + 2
            c = _canvas(D, D, colour)
            pygame.draw.circle(c, colour, (D * SS // 2, D * SS // 2), r * SS)
            return _finish(c, D, D)

        return self.cache.get(("dot", r, colour), build)
