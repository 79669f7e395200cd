"""Level 3: CAR-T therapy: collect T-cells, give them new receptors in a lab,
multiply them, infuse them back, and watch them seek out cancer cells."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from game.core.i18n import N_
from game.shell.art import palette as P
from game.shell.art.cache import q
from game.shell.art.sprites import CAR_REACH, COLLECTOR_IN, COLLECTOR_OUT, IV_TUBE_START, T_CELL_REACH, mix
from game.shell.art.stage import Stage, lerp2

DISH_CELLS = ((-0.36, -0.04), (0.0, 0.06), (0.36, -0.04))  # offsets from the dish, in u
MULTIPLY = (
    (0.0, 0.0),
    (-0.17, -0.08),
    (0.17, 0.08),
    (0.17, -0.1),
    (-0.17, 0.1),
    (-0.34, 0.0),
    (0.34, 0.0),
    (0.0, -0.16),
    (0.0, 0.16),
    (-0.5, -0.04),
    (0.5, -0.04),
)
SEEK_CANCER = ((0.45, 0.34), (0.8, 0.62))


class CarTArt(Stage):
    name = "car-t"
    cues = ("collect", "lab", "multiply", "infuse", "seek")
    hands_on_cue = "lab"
    hands_on_prompt = N_("Tap each T-cell in the dish to give it new grabbing receptors.")
    hands_on_hint = N_("Tap the blue cell inside the glowing ring.")
    hands_on_keyboard = N_("Press Enter or Space to give the next T-cell its new receptors.")
    bg = "lab"
    cue_bg: ClassVar[Mapping[str, str]] = {
        "collect": "clinic",
        "lab": "lab",
        "multiply": "lab",
        "infuse": "clinic",
        "seek": "blood",
    }
    HEALTHY = ((0.12, 0.25), (0.3, 0.8), (0.62, 0.2), (0.95, 0.3))

    # ------------------------------------------------------------ clinic pieces
    def chair_pos(self):
        return self.p(0.26, 0.92)

    def arm(self):
        """The patient's right hand (their left on screen is our right), where tubes meet."""
        x, y = self.chair_pos()
        return (x + self.u * 0.24, y - self.u * 0.37)

    def tube(self, end) -> list[tuple[float, float]]:
        a = self.arm()
        mid = (a[0] + (end[0] - a[0]) * 0.5, max(a[1], end[1]) + self.u * 0.12)
        pts = []
        for k in range(9):
            t = k / 8
            x = (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * mid[0] + t * t * end[0]
            y = (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * mid[1] + t * t * end[1]
            pts.append((x, y))
        return pts

    def along(self, pts, t: float):
        t = max(0.0, min(1.0, t)) * (len(pts) - 1)
        k = min(int(t), len(pts) - 2)
        return lerp2(pts[k], pts[k + 1], t - k)

    def patient(self, surf) -> None:
        self.put_at(surf, self.S.chair(q(self.u * 0.82)), self.chair_pos())

    # ------------------------------------------------------------ cues
    def d_collect(self, surf) -> None:
        """Blood flows out of the patient's arm into a collection machine, which keeps the
        T-cells in a bag: everything moves away from the patient (it must not look like a drip)."""
        self.patient(surf)
        floor = self.p(0.66, 0.92)
        spr = self.S.collector(q(self.u * 0.6))
        self.put_at(surf, spr, floor)
        w, h = spr.get_size()
        left, top = floor[0] - w / 2, floor[1] - h
        intake = (left + w * COLLECTOR_IN[0], top + h * COLLECTOR_IN[1])
        outlet = (left + w * COLLECTOR_OUT[0], top + h * COLLECTOR_OUT[1])
        bh = self.u * 0.44
        bag_spr = self.S.collection_bag(q(bh))
        hook = (outlet[0] + self.u * 0.06 + bag_spr.get_width() / 2, top - self.u * 0.04)
        bag = (hook[0], hook[1] + bag_spr.get_height() / 2)
        self.polyline(surf, P.METAL, [(left + w * 0.8, top), (left + w * 0.8, hook[1]), hook], self.u * 0.02)
        self.put(surf, bag_spr, bag)
        blood = mix(P.BLOOD, P.WHITE, 0.35)
        pts = self.tube(intake)
        short = [outlet, (bag[0] - bag_spr.get_width() * 0.3, outlet[1])]
        for line in (pts, short):
            self.polyline(surf, P.GLASS_EDGE, line, self.u * 0.03)
        self.polyline(surf, blood, pts, self.u * 0.015)
        self.polyline(surf, mix(P.GLASS, P.T_LIGHT, 0.5), short, self.u * 0.015)
        # a big arrow over the tube: away from the patient, into the machine
        a = (pts[0][0] + self.u * 0.14, pts[0][1] - self.u * 0.14)
        b = (intake[0] - self.u * 0.06, a[1])
        ink = P.INK_SOFT
        self.line(surf, ink, a, b, self.u * 0.022)
        for sign in (-1, 1):
            self.line(surf, ink, b, (b[0] - self.u * 0.06, b[1] + sign * self.u * 0.05), self.u * 0.022)
        for k in range(8):  # drops of blood, and a T-cell with every other one
            f = self.loop(4.0, k / 8)
            fade = 255 * min(1.0, f * 6, (1 - f) * 6)
            if k % 2:
                self.put(surf, self.S.t_cell(q(self.u * 0.045), self.frame(k)), self.along(pts, f), fade)
            else:
                self.put(surf, self.S.dot(q(self.u * 0.016), P.BLOOD), self.along(pts, f), fade)
        f = self.loop(2.0)
        self.put(
            surf, self.S.t_cell(q(self.u * 0.035), self.frame(1)), self.along(short, f), 255 * min(1.0, (1 - f) * 6)
        )
        inside = ((-0.03, 0.06), (0.035, 0.1), (-0.02, 0.14), (0.04, 0.03))
        shown = 1 + int(min(3, self.t / 2.0)) if not self.reduced_motion else 4
        for k in range(shown):
            dx, dy = inside[k]
            self.put(
                surf,
                self.S.t_cell(q(self.u * 0.034), self.frame(k + 2)),
                (bag[0] + dx * self.u, bag[1] + dy * self.u + 0.01 * self.u * self.wave(3, k)),
            )
        self.text(
            surf, N_("collecting your T-cells"), (floor[0], hook[1] - self.u * 0.12), 0.07, 255 * self.ramp(0.5, 0.8)
        )

    def instructions_pos(self):
        return self.p(0.15, 0.42)

    def d_lab(self, surf) -> None:
        dish = self.p(0.5, 0.64)
        self.put(surf, self.S.petri_dish(q(self.u * 1.45)), dish)
        card = self.instructions_pos()
        self.put(surf, self.S.instructions(q(self.u * 0.42)), (card[0], card[1] + 0.012 * self.u * self.wave(3.0)))
        self.text(surf, N_("new instructions"), self.below(card, -0.28), 0.07)
        r = q(self.u * 0.13)
        for i in range(3):
            if self.spotting and i == 1:
                continue  # a spot question: one T-cell as it came, one changed
            pos = self.step_pos(i)
            pos = (pos[0], pos[1] + 0.012 * self.u * self.wave(2.8, i))
            p = (1.0 if i else 0.0) if self.spotting else self.step_p(i, 1.6)
            fly = min(1.0, p / 0.5)
            change = max(0.0, (p - 0.45) / 0.55)
            if 0 < fly < 1:
                self.put(surf, self.S.instructions(q(self.u * 0.14)), lerp2(card, pos, fly), 255)
            if change < 1:
                self.put(surf, self.S.t_cell(r, self.frame(i)), pos, 255 * (1 - change))
            if change > 0:
                self.put(
                    surf,
                    self.S.glow(q(self.u * 0.22), P.GLOW_GOLD, 140),
                    pos,
                    200 * change * (1 - self.ramp((self.step_time(i) or 0) + 2.0, 1.5)),
                )
                self.put(surf, self.S.t_cell(r, self.frame(i), "car"), pos, 255 * change)

    def spots_lab(self):
        return {
            "instructions": (self.instructions_pos(), self.u * 0.25),
            "t-cell": (self.step_pos(0), self.u * 0.13 * T_CELL_REACH),
            "car-t-cell": (self.step_pos(2), self.u * 0.13 * CAR_REACH),
        }

    def d_multiply(self, surf) -> None:
        dish = self.p(0.5, 0.64)
        self.put(surf, self.S.petri_dish(q(self.u * 1.45)), dish)
        r = q(self.u * 0.075)
        for k, (dx, dy) in enumerate(MULTIPLY):
            a = self.ramp(0.3 + 0.55 * k, 0.9) if k else 1.0
            if a <= 0:
                continue
            parent = self.off(dish, *MULTIPLY[(k - 1) // 2])
            pos = lerp2(parent, self.off(dish, dx, dy), a)
            pos = (pos[0], pos[1] + 0.01 * self.u * self.wave(2.8, k))
            self.put(surf, self.S.t_cell(r, self.frame(k), "car"), pos, 255 * a)
        self.text(
            surf, N_("millions of CAR-T cells"), self.below(self.p(0.5, 0.2), 0), 0.075, 255 * self.ramp(3.0, 1.0)
        )

    def d_infuse(self, surf) -> None:
        self.patient(surf)
        ih = self.standing(self.u * 0.95, 0.92)
        stand = self.p(0.62, 0.92)
        spr = self.S.iv_stand(q(ih), mix(P.IV_FLUID, P.CAR_GRABBER, 0.25))
        self.put_at(surf, spr, stand)
        w, h = spr.get_size()
        top = (stand[0] - w / 2, stand[1] - h)
        start = (top[0] + w * IV_TUBE_START[0], top[1] + h * IV_TUBE_START[1])
        pts = self.tube(start)[::-1]
        self.polyline(surf, P.GLASS_EDGE, pts, self.u * 0.03)
        self.polyline(surf, mix(P.GLASS, P.CAR_GRABBER, 0.2), pts, self.u * 0.015)
        bag_c = (stand[0], top[1] + h * 0.27)
        for k, (dx, dy) in enumerate(((-0.04, 0.0), (0.04, 0.03), (0.0, 0.07))):
            self.put(
                surf,
                self.S.t_cell(q(self.u * 0.035), self.frame(k), "car"),
                (bag_c[0] + dx * self.u, bag_c[1] + dy * self.u),
            )
        for k in range(3):
            f = self.loop(4.5, k / 3)
            self.put(
                surf,
                self.S.t_cell(q(self.u * 0.045), self.frame(k), "car"),
                self.along(pts, f),
                255 * min(1.0, f * 6, (1 - f) * 6),
            )
        self.text(surf, N_("back into your blood"), self.p(0.82, 0.3), 0.07, 255 * self.ramp(0.8, 0.8))

    def d_seek(self, surf) -> None:
        self.blood_life(surf)
        rc = self.u * 0.15
        for i, (fx, fy) in enumerate(SEEK_CANCER):
            c = self.p(fx, fy)
            shrink = self.ramp(3.0 + i, 2.5)
            fade = self.ramp(4.5 + i, 2.0)
            self.put(
                surf,
                self.S.cancer_cell(q(rc * (1 - 0.45 * shrink)), self.frame(i + 3) if shrink == 0 else 0, True),
                c,
                255 * (1 - fade),
            )
            start = self.drift(0.05 + 0.3 * i, fy + 0.1, i)
            end = self.off(c, -0.3 + 0.1 * shrink, 0.0)
            pos = lerp2(start, end, self.ramp(0.3 + 0.5 * i, 2.6))
            if shrink > 0:
                self.put(surf, self.S.glow(q(self.u * 0.24), P.GLOW_GOLD, 130), pos, 200 * (1 - fade * 0.6))
            self.put(
                surf,
                self.S.t_cell(q(self.u * 0.14), self.frame(i), "car", "wow" if 0.1 < shrink < 0.6 else "happy"),
                pos,
            )
        self.put(surf, self.S.t_cell(q(self.u * 0.12), self.frame(5), "car"), self.drift(0.7, 0.25, 4))

    # ------------------------------------------------------------ hands-on
    def step_pos(self, i: int):
        return self.off(self.p(0.5, 0.64), *DISH_CELLS[i])

    def step_r(self, i: int) -> float:
        return self.u * 0.14
