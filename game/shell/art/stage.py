"""The shared machinery behind every scene: time, layout, backgrounds, the hands-on moment.

Each scene subclasses :class:`Stage`, lists its cues, and writes one ``d_<cue>``
method per cue that blits cached sprites. ``Stage`` handles:

* time: ``t`` restarts at each cue, ``clock`` runs freely for loops; helpers
  ``ramp``/``wave``/``loop``/``frame`` return still values under reduced motion;
* layout: positions are fractions of a landscape stage (``p(fx, fy)``), transposed
  for tall rectangles in the bloodstream scenes, letterboxed in the room scenes;
* the hands-on moment: a few numbered steps, each a target to tap (or a thing to
  drag), done in order by the keyboard, hinted after ``HINT_AFTER_S`` of no progress
  and completed automatically after ``auto_complete_after`` seconds.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterator, Mapping
from typing import ClassVar

import pygame
import pygame.gfxdraw

from game.core.i18n import SOURCE_LANGUAGE, Translator
from game.shell.art import palette as P
from game.shell.art.base import AUTO_COMPLETE_S, HINT_AFTER_S, SceneArt
from game.shell.art.cache import BuildDeferred, q
from game.shell.art.sprites import NF, CharacterSheet, mix

TAU = math.tau
WOBBLE_S = 3.2  # seconds for a membrane to wobble through all its frames
REF_RECT = (0, 0, 1216, 400)  # the layout before the first draw (x, y, w, h)
WARM_RETRIES = 100  # a warm-up draw is retried at most this often, one new sprite each time


def smooth(x: float) -> float:
    x = 0.0 if x < 0 else 1.0 if x > 1 else x
    return x * x * (3 - 2 * x)


def lerp(a: float, b: float, t: float) -> float:
    return a + (b - a) * t


def lerp2(a, b, t: float) -> tuple[float, float]:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


class Layout:
    """Where a fraction of the stage lands in pixels, and the size unit ``u``."""

    def __init__(self, rect: pygame.Rect, transposable: bool) -> None:
        self.rect = rect
        w, h = rect.size
        self.tr = transposable and h > w * 1.1
        stage = pygame.Rect(rect)
        if not transposable and h > w * 0.8:  # a tall room: letterbox a landscape stage
            sh = int(w * 0.8)
            stage = pygame.Rect(rect.x, rect.centery - sh // 2, w, sh)
        self.stage = stage
        sw, sh = stage.size
        self.u = max(8.0, min(sw, sh / 2.1) if self.tr else min(sh, sw / 2.1))

    def d(self, dx: float, dy: float) -> tuple[float, float]:
        """A landscape offset (in pixels) turned to match the layout."""
        return (dy, dx) if self.tr else (dx, dy)

    def p(self, fx: float, fy: float) -> tuple[float, float]:
        s = self.stage
        if self.tr:
            return (s.x + fy * s.w, s.y + fx * s.h)
        return (s.x + fx * s.w, s.y + fy * s.h)


# ---------------------------------------------------------------- backgrounds
def _bands(n: int, top, bottom) -> Iterator[tuple[int, int, tuple[int, int, int]]]:
    """A linear gradient over ``n`` pixels as runs of equal colour: (start, length, colour)."""
    start, colour = 0, mix(top, bottom, 0.0)
    for i in range(1, n + 1):
        nxt = mix(top, bottom, i / max(1, n - 1)) if i < n else None
        if nxt != colour:
            yield start, i - start, colour
            start, colour = i, nxt  # type: ignore[assignment]


def _gradient(s: pygame.Surface, top, bottom, vertical: bool = True) -> None:
    """Fill ``s`` with a linear gradient, one fill per band of equal colour (stretching
    a one-pixel strip took 4 ms at 1080p; this takes a fraction of one)."""
    w, h = s.get_size()
    for start, length, colour in _bands(h if vertical else w, top, bottom):
        s.fill(colour, (0, start, w, length) if vertical else (start, 0, length, h))


def _sunburst(s: pygame.Surface, top, bottom, centre: tuple[int, int], tint: float, rays: int = 16) -> None:
    """A vertical gradient with gold rays fanning out of ``centre``, as if gold light at
    ``tint`` opacity lay on it. Each band is filled, then the rays are drawn across it
    in the band's tinted colour: opaque fills only, where a full-size alpha layer
    cost a fresh 4 MB surface (3 ms) per build."""
    w, h = s.get_size()
    cx, cy = centre
    reach = math.hypot(w, h)
    wedges = []
    for i in range(rays):
        a0, a1 = TAU * i / rays, TAU * (i + 0.5) / rays
        wedges.append(
            [
                centre,
                (cx + math.cos(a0) * reach, cy + math.sin(a0) * reach),
                (cx + math.cos(a1) * reach, cy + math.sin(a1) * reach),
            ]
        )
    clip = s.get_clip()
    for start, length, colour in _bands(h, top, bottom):
        band = pygame.Rect(0, start, w, length)
        s.set_clip(band)
        s.fill(colour)
        lit = mix(colour, P.GLOW_GOLD, tint)
        for wedge in wedges:
            pygame.draw.polygon(s, lit, wedge)
    s.set_clip(clip)


def background(sheet: CharacterSheet, kind: str, w: int, h: int, lay_key: tuple) -> pygame.Surface:
    """The still backdrop of a scene, rendered once per size and kept in ``sheet``'s cache."""

    def build() -> pygame.Surface:
        s = pygame.Surface((w, h))
        tr, sy, sh, u = lay_key
        rnd = random.Random(3)
        if kind == "blood":
            _gradient(s, P.BLOOD_TOP, P.BLOOD_BOTTOM, vertical=not tr)
            long_, short = (h, w) if tr else (w, h)
            band = max(6, int(short * 0.06))
            for side in (0, 1):
                pts = []
                for i in range(0, 65):
                    a = i / 64 * long_
                    d = band + math.sin(i * 0.35 + side) * band * 0.18
                    d = d if side == 0 else short - d
                    pts.append((d, a) if tr else (a, d))
                edge = (0, 0) if side == 0 else ((short, 0) if tr else (0, short))
                far = (
                    (0, long_)
                    if side == 0 and tr
                    else (short, long_)
                    if tr
                    else ((long_, 0) if side == 0 else (long_, short))
                )
                poly = [edge, *pts, far]
                pygame.draw.polygon(s, P.VESSEL_WALL, poly)
                pygame.draw.aalines(s, P.VESSEL_EDGE, False, pts)
            for _ in range(int(10 + long_ / max(1, u) * 3)):
                rc = sheet.red_cell(q(u * rnd.uniform(0.04, 0.065)))
                rc.set_alpha(110)
                a, b = rnd.uniform(0, long_), rnd.uniform(band * 1.6, short - band * 1.6)
                s.blit(rc, rc.get_rect(center=(int(b), int(a)) if tr else (int(a), int(b))))
                rc.set_alpha(255)
        elif kind == "lab":
            _gradient(s, P.LAB_TOP, P.LAB_BOTTOM)
            floor = sy + int(sh * 0.8)
            pygame.draw.rect(s, P.BENCH, (0, floor, w, h - floor))
            pygame.draw.rect(s, mix(P.BENCH, P.WHITE, 0.45), (0, floor, w, max(2, int(u * 0.02))))
            for _ in range(14):
                r = int(u * rnd.uniform(0.03, 0.08))
                g = sheet.glow(max(4, r), P.WHITE, 120)
                s.blit(g, g.get_rect(center=(int(rnd.uniform(0, w)), int(rnd.uniform(0, floor * 0.9)))))
        elif kind == "clinic":
            _gradient(s, P.CLINIC_TOP, P.CLINIC_BOTTOM)
            floor = sy + int(sh * 0.84)
            win = pygame.Rect(int(w * 0.06), sy + int(sh * 0.08), int(u * 0.7), int(sh * 0.38))
            pygame.draw.rect(
                s,
                mix(P.WINDOW, P.OUTLINE, 0.25),
                win.inflate(int(u * 0.03), int(u * 0.03)),
                border_radius=int(u * 0.03),
            )
            pygame.draw.rect(s, P.WINDOW, win, border_radius=int(u * 0.02))
            pygame.draw.line(s, mix(P.WINDOW, P.OUTLINE, 0.25), win.midtop, win.midbottom, max(2, int(u * 0.015)))
            pygame.draw.rect(s, P.FLOOR, (0, floor, w, h - floor))
            pygame.draw.rect(s, mix(P.FLOOR, P.OUTLINE, 0.2), (0, floor, w, max(2, int(u * 0.012))))
        elif kind == "sky":
            _gradient(s, P.SKY_TOP, P.SKY_BOTTOM)
            for col, base, amp, k in ((P.HILL_FAR, 0.7, 0.07, 1.3), (P.HILL, 0.8, 0.06, 2.1)):
                pts = [(0, h)]
                for i in range(65):
                    x = w * i / 64
                    pts.append((x, sy + sh * (base - amp * math.sin(i / 64 * math.pi * k + 0.4))))
                pts.append((w, h))
                pygame.draw.polygon(s, col, pts)
                pygame.draw.aalines(s, col, False, pts[1:-1])
        else:  # "party": warm light with a soft sunburst
            _sunburst(s, P.CLINIC_TOP, P.BLOOD_TOP, (w // 2, sy + int(sh * 1.1)), tint=34 / 255)
        return s

    return sheet.cache.get(("bg", kind, w, h, lay_key), build)


# ---------------------------------------------------------------- the stage
class Stage(SceneArt):
    """A scene made of cues; subclasses add ``d_<cue>`` drawing methods."""

    bg: ClassVar[str] = "blood"
    cue_bg: ClassVar[Mapping[str, str]] = {}  # cue -> background, where it differs from bg
    ho_steps: ClassVar[int] = 3
    ho_autoplay: ClassVar[bool] = True  # the hands-on cue, shown passively, plays its steps itself
    ho_auto_start: ClassVar[float] = 1.2
    ho_auto_gap: ClassVar[float] = 1.4
    ho_drag: ClassVar[bool] = False  # the step's thing can be dragged onto its drop zone

    def __init__(self, reduced_motion: bool = False, sheet: CharacterSheet | None = None) -> None:
        super().__init__(reduced_motion)
        self.S = sheet if sheet is not None else CharacterSheet()  # the sprites, shared between scenes
        self.tr = Translator(SOURCE_LANGUAGE)  # the words drawn in the scene; the app gives its own
        self.t = 0.0
        self.clock = 0.0
        self.ho_t = 0.0
        self.idle = 0.0
        self.limit = AUTO_COMPLETE_S
        self.done_at: dict[int, float] = {}
        self.settle = 0.5
        self.drag_pos: tuple[int, int] | None = None
        self._down: tuple[int, int] | None = None
        self._down_step: int | None = None
        self.spotting = False  # a spot question shows the cue (show_spot); set_cue clears it
        self._lay_key: tuple | None = None
        self._lay = Layout(pygame.Rect(REF_RECT), self._transposable())
        self._probe = pygame.Surface((1, 1))  # is_ready draws here: every blit is clipped away
        # Cues whose first play a running warm_up has drawn (the only thing warm_up
        # writes on the live scene): a lesson shows its scene once its cue is here.
        self.warmed_cues: set[str] = set()

    # ------------------------------------------------------------ state
    def state(self) -> tuple:
        """Everything that changes over time (for tests: draw must not change it)."""
        return (
            self.cue,
            round(self.t, 9),
            round(self.clock, 9),
            self.hands_on_active,
            self.hands_on_done,
            self.show_hint,
            round(self.ho_t, 9),
            round(self.idle, 9),
            tuple(sorted(self.done_at.items())),
            self.drag_pos,
            self._down,
            self._down_step,
            round(self.settle, 9),
        )

    def set_cue(self, cue: str) -> None:
        if cue not in self.cues:
            raise ValueError(f"{self.name} has no cue {cue!r}")
        if cue == self.hands_on_cue and self.hands_on_active:
            return  # the hands-on moment is already showing this cue
        self.cue = cue
        self.spotting = False
        self.t = 0.0
        self.hands_on_active = False
        self.show_hint = False
        self.done_at = {}
        self.drag_pos = self._down = self._down_step = None
        self._kick()

    def _kick(self) -> None:
        self.settle = 0.5

    def update(self, dt: float) -> None:
        dt = max(0.0, float(dt))
        self.t += dt
        self.clock += dt
        if self.settle > 0:
            self.settle = max(0.0, self.settle - dt)
        if self.hands_on_active and not self.hands_on_done:
            self.ho_t += dt
            self.idle += dt
            hint = self.idle >= HINT_AFTER_S
            if hint != self.show_hint:
                self.show_hint = hint
                self._kick()
            if self.ho_t >= self.limit:
                for i in range(self.ho_steps):
                    if i not in self.done_at:
                        self._complete(i)

    def is_animating(self) -> bool:
        if not self.reduced_motion:
            return True
        return self.settle > 0 or self.drag_pos is not None

    # ------------------------------------------------------------ time helpers
    def ramp(self, start: float, dur: float) -> float:
        if self.reduced_motion:
            return 1.0
        return smooth((self.t - start) / dur)

    def wave(self, period: float, phase: float = 0.0) -> float:
        if self.reduced_motion:
            return 0.0
        return math.sin(TAU * self.clock / period + phase)

    def loop(self, period: float, phase: float = 0.0) -> float:
        if self.reduced_motion:
            return phase % 1.0
        return (self.clock / period + phase) % 1.0

    def frame(self, i: int = 0) -> int:
        if self.reduced_motion:
            return (i * 3) % NF
        return (int(self.clock * NF / WOBBLE_S) + i * 3) % NF

    # ------------------------------------------------------------ layout helpers
    def _transposable(self) -> bool:
        # A spot question's picture keeps one arrangement (the question's tall picture and
        # its feedback's wide one must show the cells in the same places): never turned.
        return self.cue_bg.get(self.cue, self.bg) == "blood" and not self.spotting

    def _sync(self, rect: pygame.Rect | None = None) -> None:
        """Keep the remembered layout matching ``rect`` (default: the last one drawn)."""
        rect = pygame.Rect(rect) if rect is not None else self._lay.rect
        key = (rect.x, rect.y, rect.w, rect.h, self._transposable())
        if key != self._lay_key:
            self._lay, self._lay_key = Layout(rect, key[4]), key

    @property
    def u(self) -> float:
        return self._lay.u

    def p(self, fx: float, fy: float) -> tuple[float, float]:
        return self._lay.p(fx, fy)

    def off(self, pos, dx: float, dy: float) -> tuple[float, float]:
        """``pos`` moved by (dx, dy) in units of ``u`` (landscape sense, turned if transposed)."""
        ox, oy = self._lay.d(dx * self.u, dy * self.u)
        return (pos[0] + ox, pos[1] + oy)

    def standing(self, height: float, feet_fy: float) -> float:
        """``height`` (pixels) of a thing standing with its feet at ``feet_fy``, shortened
        where a wide, low stage would cut its top off."""
        return min(height, self._lay.stage.h * feet_fy * 0.96)

    def inside(self, pos, reach: float) -> tuple[float, float]:
        """``pos`` moved just enough that a character reaching ``reach`` pixels from its
        centre is drawn wholly inside the scene rectangle (a cut-off cell looks broken)."""
        r = self._lay.rect
        x = min(max(pos[0], r.left + reach), r.right - reach)
        y = min(max(pos[1], r.top + reach), r.bottom - reach)
        return (x, y)

    def put(self, surf: pygame.Surface, spr: pygame.Surface, pos, alpha: float = 255) -> None:
        """Blit ``spr`` centred at ``pos`` with an overall opacity."""
        if alpha <= 3:
            return
        r = spr.get_rect(center=(int(pos[0]), int(pos[1])))
        if alpha >= 252:
            surf.blit(spr, r)
        else:
            spr.set_alpha(int(alpha))
            surf.blit(spr, r)
            spr.set_alpha(255)

    def put_at(
        self, surf: pygame.Surface, spr: pygame.Surface, pos, alpha: float = 255, anchor: str = "midbottom"
    ) -> None:
        """Blit ``spr`` with its ``anchor`` point (default: feet) at ``pos``."""
        if alpha <= 3:
            return
        r = spr.get_rect(**{anchor: (int(pos[0]), int(pos[1]))})
        if alpha < 252:
            spr.set_alpha(int(alpha))
            surf.blit(spr, r)
            spr.set_alpha(255)
        else:
            surf.blit(spr, r)

    def put_person(self, surf: pygame.Surface, spr: pygame.Surface, pos, appear: float = 1.0) -> None:
        """Blit a person with their feet at ``pos``, always fully opaque: a half-see-through
        person looks like a ghost. While ``appear`` goes 0 -> 1 they arrive with a small hop."""
        if appear <= 0:
            return
        hop = math.sin(math.pi * min(1.0, appear)) * 0.05 * self.u
        self.put_at(surf, spr, (pos[0], pos[1] - hop))

    def text(self, surf, text: str, pos, size: float = 0.085, alpha: float = 255) -> None:
        """A small label centred at ``pos`` (size as a fraction of ``u``); none while
        ``spotting`` (a spot question must not name what it asks the player to find)."""
        if self.spotting:
            return
        px = max(12, q(self.u * size))
        self.put(surf, self.S.label(self.tr.gettext(text), px), pos, alpha)

    def line(self, surf, colour, a, b, width: float) -> None:
        """An anti-aliased thick line drawn straight onto the surface (no new Surface)."""
        ax, ay = a
        bx, by = b
        dx, dy = bx - ax, by - ay
        d = math.hypot(dx, dy)
        if d < 0.5:
            return
        w = max(1.0, width) / 2
        nx, ny = -dy / d * w, dx / d * w
        pts = [(ax + nx, ay + ny), (bx + nx, by + ny), (bx - nx, by - ny), (ax - nx, ay - ny)]
        ipts = [(round(x), round(y)) for x, y in pts]
        pygame.gfxdraw.filled_polygon(surf, ipts, colour)
        pygame.gfxdraw.aapolygon(surf, ipts, colour)
        rr = int(w)
        if rr >= 2:
            for x, y in (a, b):
                pygame.gfxdraw.filled_circle(surf, int(x), int(y), rr, colour)
                pygame.gfxdraw.aacircle(surf, int(x), int(y), rr, colour)

    def polyline(self, surf, colour, pts, width: float) -> None:
        for a, b in itertools.pairwise(pts):
            self.line(surf, colour, a, b, width)

    # ------------------------------------------------------------ shared scenery
    HEALTHY: ClassVar[tuple] = ((0.1, 0.3), (0.45, 0.78), (0.7, 0.22), (0.95, 0.8))
    RBC: ClassVar[tuple] = ((0.1, 0.18), (0.35, 0.86), (0.6, 0.16), (0.9, 0.44), (0.2, 0.46), (0.75, 0.88))

    def drift(self, fx: float, fy: float, i: int, speed: float = 0.03):
        """A cell floating left to right along the stream (wrapping off-stage)."""
        x = (fx + speed * (0.0 if self.reduced_motion else self.clock)) % 1.3 - 0.15
        return self.p(x, fy + 0.025 * self.wave(6.0, i * 1.7))

    def blood_life(self, surf, healthy=None, rbc: bool = True) -> None:
        """Red blood cells drifting by and a few calm healthy cells."""
        if rbc:
            r = q(self.u * 0.055)
            for i, (fx, fy) in enumerate(self.RBC):
                self.put(surf, self.S.red_cell(r), self.drift(fx, fy, i, 0.05), 200)
        for i, (fx, fy) in enumerate(self.HEALTHY if healthy is None else healthy):
            self.put(surf, self.S.healthy_cell(q(self.u * 0.1), self.frame(i)), self.p(fx, fy))

    def below(self, pos, dy: float) -> tuple[float, float]:
        """``pos`` moved down the screen by ``dy`` units of ``u`` (never turned)."""
        return (pos[0], pos[1] + dy * self.u)

    # ------------------------------------------------------------ spot targets
    def show_spot(self, cue: str) -> None:
        """Show ``cue`` as a spot question does: settled (its arrivals and changes over,
        only the gentle wobble left), without labels, and with one of each target (a
        second T-cell the player might tap would be no answer at all). The ``d_<cue>``
        methods of cues with targets read ``spotting`` for the last."""
        self.set_cue(cue)
        self.spotting = True
        self.t = self.warm_cue_s  # every cue has settled by then (see warm-up)

    def spots(self, rect: pygame.Rect) -> dict[str, tuple[tuple[float, float], float]]:
        """Where the current cue, once settled, draws each spot target of
        ``catalog.SCENE_TARGETS`` inside ``rect``: name -> (centre, radius), in pixels.
        Each scene has one ``spots_<cue>`` method per cue with targets, next to the drawing."""
        self._sync(rect)
        return getattr(self, "spots_" + self.cue.replace("-", "_"))()  # type: ignore[no-any-return]

    # ------------------------------------------------------------ drawing
    def draw(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        # Remember where we drew so pointer positions can be matched (layout memo only).
        self._sync(rect)
        lay = self._lay
        rect = lay.rect
        old_clip = surface.get_clip()
        surface.set_clip(rect.clip(old_clip))
        kind = self.cue_bg.get(self.cue, self.bg)
        st = lay.stage
        surface.blit(background(self.S, kind, rect.w, rect.h, (lay.tr, st.y - rect.y, st.h, int(lay.u))), rect.topleft)
        getattr(self, "d_" + self.cue.replace("-", "_"))(surface)
        if self.hands_on_active and not self.hands_on_done:
            self._draw_targets(surface)
        surface.set_clip(old_clip)

    def _draw_targets(self, surf: pygame.Surface) -> None:
        remaining = self._remaining()
        for i in remaining:
            x, y = self.step_pos(i)
            r = q(self.step_r(i) * 1.25)
            self.put(surf, self.S.dashed_ring(r, P.HINT, max(2, int(self.u * 0.012))), (x, y), 150)
        if self.show_hint and remaining:
            i = remaining[0]
            x, y = self.step_pos(i)
            grow = 0.5 + 0.5 * self.wave(1.8)
            r = q(self.step_r(i) * (1.35 + 0.12 * grow))
            self.put(surf, self.S.glow(q(self.step_r(i) * 1.7), P.GLOW_GOLD, 110), (x, y), 120 + 100 * grow)
            self.put(surf, self.S.ring(r, P.HINT, max(3, int(self.u * 0.02))), (x, y), 170 + 80 * grow)

    # ------------------------------------------------------------ hands-on
    def step_pos(self, i: int) -> tuple[float, float]:
        """Where step ``i``'s tap target is now, in surface pixels."""
        raise NotImplementedError

    def step_r(self, i: int) -> float:
        """The radius of step ``i``'s tap target in pixels (at least 24 at 1280x720)."""
        return self.u * 0.14

    def step_zones(self, i: int) -> list[tuple[float, float, float]]:
        """Everywhere a tap does step ``i`` (x, y, radius)."""
        x, y = self.step_pos(i)
        return [(x, y, self.step_r(i))]

    def drop_ok(self, i: int, pos) -> bool:
        """Dragging step ``i``'s thing to ``pos`` completes it (drag scenes only)."""
        return False

    def _remaining(self) -> list[int]:
        return [i for i in range(self.ho_steps) if i not in self.done_at]

    def hands_on_targets(self) -> list[tuple[int, int]]:
        """The current tap targets (next one first), in surface pixels as last drawn."""
        if not self.hands_on_active or self.hands_on_done:
            return []
        self._sync()
        return [(round(x), round(y)) for x, y in (self.step_pos(i) for i in self._remaining())]

    def step_time(self, i: int) -> float | None:
        """When step ``i`` was done (in cue time), or None if it is not done yet."""
        if self.cue != self.hands_on_cue:
            return None
        if self.hands_on_active:
            return self.done_at.get(i)
        if self.ho_autoplay:
            if self.reduced_motion:
                return 0.0
            at = self.ho_auto_start + self.ho_auto_gap * i
            return at if self.t >= at else None
        return None

    def step_p(self, i: int, dur: float = 1.0) -> float:
        at = self.step_time(i)
        if at is None:
            return 0.0
        if self.reduced_motion:
            return 1.0
        return smooth((self.t - at) / dur)

    def steps_done(self) -> int:
        return sum(1 for i in range(self.ho_steps) if self.step_time(i) is not None)

    def start_hands_on(self, auto_complete_after: float = AUTO_COMPLETE_S) -> None:
        self.cue = self.hands_on_cue
        self.t = 0.0
        self.hands_on_active = True
        self.hands_on_done = False
        self.show_hint = False
        self.ho_t = self.idle = 0.0
        self.limit = auto_complete_after
        self.done_at = {}
        self.drag_pos = self._down = self._down_step = None
        self._kick()

    def _complete(self, i: int) -> None:
        if i in self.done_at:
            return
        self.done_at[i] = self.t
        self.idle = 0.0
        self.show_hint = False
        self._kick()
        if not self._remaining():
            self.hands_on_done = True
            self.drag_pos = None

    def _hit(self, pos) -> int | None:
        self._sync()
        best, best_d = None, 1e9
        for i in self._remaining():
            for x, y, r in self.step_zones(i):
                d = math.hypot(pos[0] - x, pos[1] - y)
                if d <= max(r * 1.2, self.u * 0.09) and d < best_d:
                    best, best_d = i, d
        return best

    def _accepting(self) -> bool:
        return self.hands_on_active and not self.hands_on_done

    def pointer_down(self, pos: tuple[int, int]) -> None:
        if not self._accepting():
            return
        self._down = (int(pos[0]), int(pos[1]))
        self._down_step = self._hit(pos)
        if self.ho_drag and self._down_step is not None:
            self.drag_pos = self._down

    def pointer_move(self, pos: tuple[int, int]) -> None:
        if self.drag_pos is not None and self._accepting():
            self.drag_pos = (int(pos[0]), int(pos[1]))

    def pointer_up(self, pos: tuple[int, int]) -> None:
        if not self._accepting():
            return
        down, step = self._down, self._down_step
        self._down = self._down_step = None
        dragging = self.drag_pos is not None
        self.drag_pos = None
        if down is None:  # an up without a down (e.g. a touch that began elsewhere): treat as a tap
            down, step = (int(pos[0]), int(pos[1])), self._hit(pos)
        moved = math.hypot(pos[0] - down[0], pos[1] - down[1])
        is_tap = moved <= max(24.0, self.u * 0.08)
        if dragging and step is not None and self.drop_ok(step, pos):
            self._complete(step)
            return
        if is_tap:
            hit = step if step is not None else self._hit(pos)
            if hit is not None:
                self._complete(hit)
        elif step is not None and self._hit(pos) == step:
            self._complete(step)

    def hands_on_key(self) -> None:
        if not self._accepting():
            return
        rem = self._remaining()
        if rem:
            self._complete(rem[0])

    # ------------------------------------------------------------ warm-up
    # How a warm-up samples each cue. Measured at 1920x1080: with these, playing any cue
    # from any starting clock afterwards renders no new sprite.
    warm_dt: ClassVar[float] = 0.1  # scratch time step: meets every size of the shrink/grow ramps
    warm_cue_s: ClassVar[float] = 10.0  # every cue's animation settles (or loops) within this
    # The wobble frame comes from the free-running clock, so a brief pose ("wow") can meet any
    # frame: each cue is played with the wobble starting at this many evenly spread phases.
    warm_phases: ClassVar[int] = 4

    def is_ready(self, rect: pygame.Rect) -> bool:
        """True if the current cue has been played through by a warm-up and drawing now
        into ``rect`` renders no new sprite (a draw onto a 1x1 surface, every blit
        clipped away, that may build nothing)."""
        if self.cue not in self.warmed_cues:
            return False
        cache = self.S.cache
        cache.build_budget = 0
        try:
            self.draw(self._probe, rect)
            return True
        except BuildDeferred:
            return False
        finally:
            cache.build_budget = None

    def warm_up(
        self, size: tuple[int, int], rect: pygame.Rect, first_cue: str | None = None, only_first: bool = False
    ) -> Iterator[None]:
        """Render, a little per step, every sprite this scene will need in ``rect``.

        Each ``next()`` draws one frame of a scratch scene (same class, same motion
        setting, same sheet), or the part of it up to its next missing sprite, and
        yields: a step renders at most one new sprite (~0.1-25 ms at 1080p), and most
        steps none (~0.1 ms). The frame loop can so spread the work over many frames
        with a time budget instead of freezing. The live scene is never touched.
        ``first_cue`` (and, if it is the hands-on cue, its hands-on moment) is warmed
        first, and alone if ``only_first`` (the attract loop shows one cue per scene).
        ``size`` is the surface the scene will be drawn on; the sprites depend only on
        ``rect``.
        """
        if first_cue is not None and first_cue not in self.cues:
            raise ValueError(f"{self.name} has no cue {first_cue!r}")
        scratch = type(self)(self.reduced_motion, self.S)
        scratch.tr = self.tr  # warm the labels in the language they will be drawn in
        # A 1x1 surface: draw's clip becomes empty, so blits cost nothing while every
        # sprite is still fetched (and built on a miss) exactly as in a real frame.
        target = pygame.Surface((1, 1))
        rect = pygame.Rect(rect)
        order = sorted(self.cues, key=lambda c: c != first_cue)
        if only_first and first_cue is not None:
            order = [first_cue]
        self.warmed_cues = set()
        if self.spotting and first_cue is not None:
            # A spot question's picture, settled, at each wobble phase: ready in a moment.
            count = 1 if self.reduced_motion else scratch.warm_phases
            for phase in range(count):
                scratch.show_spot(first_cue)
                scratch.clock = WOBBLE_S * phase / count
                yield from scratch._warm_frames(target, rect, 1.0)
                self.warmed_cues.add(first_cue)
        for cue in order:
            if cue == self.hands_on_cue and cue == first_cue:
                # The moment about to be played: its steps and hint (due after a few
                # seconds) come before the cue's other wobble phases.
                yield from scratch._warm_cue(target, rect, cue, phases=range(1))
                yield from scratch._warm_hands_on(target, rect)
                self.warmed_cues.add(cue)
                yield from scratch._warm_cue(target, rect, cue, phases=range(1, scratch.warm_phases))
                continue
            yield from scratch._warm_cue(target, rect, cue, phases=range(1))
            self.warmed_cues.add(cue)  # its first play: enough to show it (the rest comes soon)
            yield from scratch._warm_cue(target, rect, cue, phases=range(1, scratch.warm_phases))
            if cue == self.hands_on_cue:
                yield from scratch._warm_hands_on(target, rect)

    def _warm_frames(
        self, target: pygame.Surface, rect: pygame.Rect, seconds: float, dt: float | None = None
    ) -> Iterator[None]:
        dt = self.warm_dt if dt is None else dt
        for _ in range(max(1, round(seconds / dt))):
            yield from self._warm_draw(target, rect)
            self.update(dt)

    def _warm_draw(self, target: pygame.Surface, rect: pygame.Rect) -> Iterator[None]:
        """Draw one scratch frame, yielding after each new sprite (a frame can need several).

        A draw that meets a second missing sprite stops (BuildDeferred) and is simply
        drawn again next step: drawing never changes state, and the sprites rendered so
        far are cached. A sprite built from other sprites (a backdrop dotted with cells)
        stops at the first one missing; the next step builds that one alone. The frame
        loop sets ``cache.warm_allowance`` to 0 when a step may not render at all; such
        steps stop at the first miss. If the cache is too small to hold one frame's
        sprites, retrying would never finish, so after many tries the frame is drawn in
        one go.
        """
        cache = self.S.cache
        tries = 0  # tries that were allowed to render a sprite
        while True:
            allowance = cache.warm_allowance
            tries += allowance > 0
            cache.build_budget = allowance if tries <= WARM_RETRIES else None
            try:
                if allowance and cache.build_pending():  # a sprite the last try's build needed
                    done = False
                else:
                    self.draw(target, rect)
                    done = True
            except BuildDeferred:
                done = False
            finally:
                cache.build_budget = None
            yield
            if done:
                return

    def _warm_cue(
        self, target: pygame.Surface, rect: pygame.Rect, cue: str, phases: range | None = None
    ) -> Iterator[None]:
        count = 1 if self.reduced_motion else self.warm_phases  # reduced motion: nothing wobbles
        for phase in range(count) if phases is None else phases:
            if phase >= count:
                break
            self.set_cue(cue)
            self.clock = WOBBLE_S * phase / count
            yield from self._warm_frames(target, rect, self.warm_cue_s)

    def _warm_hands_on(self, target: pygame.Surface, rect: pygame.Rect) -> Iterator[None]:
        # the player doing each step, then the whole moment finished
        self.start_hands_on(auto_complete_after=1e9)
        for _ in range(self.ho_steps):
            yield from self._warm_frames(target, rect, 2.0)
            self.hands_on_key()
        yield from self._warm_frames(target, rect, 3.0)
        # the hint pulsing round each step's target in turn
        for i in range(self.ho_steps):
            self.start_hands_on(auto_complete_after=1e9)
            for _ in range(i):
                self.hands_on_key()
            self.update(HINT_AFTER_S + 0.1)
            # finer steps: the pulse's largest ring lasts only a moment of its 1.8 s
            yield from self._warm_frames(target, rect, 2.0, dt=self.warm_dt / 4)

    def prepare(self, size: tuple[int, int], rect: pygame.Rect | None = None) -> None:
        """Render every sprite the scene will need at once (blocks: prefer ``warm_up``)."""
        for _ in self.warm_up(size, pygame.Rect(rect) if rect is not None else pygame.Rect((0, 0), size)):
            pass
