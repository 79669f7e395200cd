"""Level 5: benefits: a tumour shrinks, healthy cells are left alone, calm years of
remission, and memory T-cells that keep watch and catch a returning cancer cell."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from game.core.i18n import N_
from game.shell.art import palette as P
from game.shell.art.cache import q
from game.shell.art.sprites import T_CELL_REACH, cal_cell
from game.shell.art.stage import Stage, lerp2

TUMOUR = ((0.0, 0.0, 0.2), (-0.24, -0.1, 0.14), (0.22, -0.14, 0.14), (0.2, 0.16, 0.13), (-0.18, 0.18, 0.12))
GENTLE_HEALTHY = ((0.14, 0.3), (0.3, 0.7), (0.5, 0.3), (0.66, 0.72), (0.9, 0.7))
GENTLE_CANCER = ((0.44, 0.68), (0.82, 0.3))
# A spot question shows one healthy cell, and one cancer cell with a T-cell a little way off.
SPOT_HEALTHY = ((0.22, 0.36),)
SPOT_CANCER = ((0.74, 0.6),)
SPOT_T_GAP = -0.42  # where the T-cell waits, in u beside its cancer cell (the lesson: -0.28)
RETURN = ((0.38, 0.3), (0.62, 0.7), (0.86, 0.34))
MEMORY = ((0.12, 0.62), (0.4, 0.76), (0.72, 0.22))
YEARS = (N_("1 year"), N_("2 years"), N_("3 years"), N_("4 years"), N_("5 years"))


class BenefitsArt(Stage):
    name = "benefits"
    cues = ("shrink", "gentler", "remission", "memory")
    hands_on_cue = "memory"
    hands_on_prompt = N_("A cancer cell is sneaking back. Tap it so a memory T-cell catches it.")
    hands_on_hint = N_("Tap the grey-purple cell (or the violet memory cell) in the glowing ring.")
    hands_on_keyboard = N_("Press Enter or Space to send a memory T-cell to the next returning cell.")
    cue_bg: ClassVar[Mapping[str, str]] = {"remission": "sky"}
    ho_auto_start = 1.5
    ho_auto_gap = 2.0

    def d_shrink(self, surf) -> None:
        self.blood_life(surf, ((0.1, 0.25), (0.92, 0.75)))
        c = self.p(0.55, 0.5)
        s = self.ramp(0.8, 7.0)
        for k, (dx, dy, r) in enumerate(TUMOUR[::-1]):
            k = len(TUMOUR) - 1 - k
            gone = self.ramp(1.5 + 1.3 * (len(TUMOUR) - k), 1.5) if k else 0.0
            pos = self.off(c, dx * (1 - 0.5 * s), dy * (1 - 0.5 * s))
            self.put(
                surf,
                self.S.cancer_cell(q(self.u * r * (1 - 0.5 * s)), self.frame(k) if s == 0 else 0),
                pos,
                255 * (1 - gone),
            )
        for i, (dx, dy) in enumerate(((-0.55, 0.0), (0.0, -0.36), (0.5, 0.15), (-0.1, 0.36))):
            pos = self.off(c, dx * (1 - 0.45 * s), dy * (1 - 0.45 * s))
            pos = self.off(pos, 0.01 * self.wave(2.6, i), 0.01 * self.wave(3.1, i))
            r = q(self.u * 0.12)
            self.put(surf, self.S.t_cell(r, self.frame(i)), self.inside(pos, r * T_CELL_REACH))

    def d_gentler(self, surf) -> None:
        self.blood_life(surf, (), rbc=True)
        for i, f in enumerate(SPOT_HEALTHY if self.spotting else GENTLE_HEALTHY):
            pos = self.p(*f)
            self.put(surf, self.S.healthy_cell(q(self.u * 0.12), self.frame(i)), pos)
            self.put(
                surf, self.S.heart_badge(q(self.u * 0.04)), self.below(pos, -0.16), 255 * self.ramp(1.0 + 0.4 * i, 0.8)
            )
        for i, f in enumerate(SPOT_CANCER if self.spotting else GENTLE_CANCER):
            c = self.p(*f)
            self.put(surf, self.S.cancer_cell(q(self.u * 0.14), self.frame(i + 5)), c)
            go = self.ramp(0.5 + 0.8 * i, 3.0)
            pos = lerp2(self.p(0.0, f[1]), self.off(c, SPOT_T_GAP if self.spotting else -0.28, 0), go)
            r = q(self.u * 0.13)
            self.put(  # it swims in from the edge, fading in as it sets off
                surf,
                self.S.t_cell(r, self.frame(i), "t", "happy"),
                self.inside(pos, r * T_CELL_REACH),
                255 * min(1.0, go * 5),
            )

    def spots_gentler(self):
        c = self.p(*SPOT_CANCER[0])
        return {
            "healthy-cell": (self.below(self.p(*SPOT_HEALTHY[0]), -0.03), self.u * 0.19),  # and its heart
            "t-cell": (
                self.inside(self.off(c, SPOT_T_GAP, 0), self.u * 0.13 * T_CELL_REACH),
                self.u * 0.13 * T_CELL_REACH,
            ),
            "cancer-cell": (c, self.u * 0.16),
        }

    def d_remission(self, surf) -> None:
        sp = self.p(0.86, 0.25 - 0.05 * self.ramp(0.0, 4.0))
        self.put(surf, self.S.glow(q(self.u * 0.35), P.SUN, 120), sp)
        self.put(surf, self.S.sun(q(self.u * 0.12)), sp)
        self.put_at(surf, self.S.person(q(self.u * 0.62), "patient", 1), self.p(0.3, 0.86))
        self.put_at(surf, self.S.person(q(self.u * 0.55), "helper", 2), self.p(0.4, 0.86))
        cal = self.p(0.62, 0.42)
        self.put(surf, self.S.calendar(q(self.u * 0.46)), cal)
        n = len(YEARS) - 1 if self.reduced_motion else min(len(YEARS) - 1, int(self.t / 2.2))
        self.text(surf, YEARS[n], self.below(cal, 0.3), 0.08)
        for k in range(n + 1):
            col, row = k % 4, k // 4
            fx, fy = cal_cell(col, row)
            w = self.u * 0.46
            self.put(
                surf,
                self.S.check_badge(q(self.u * 0.025)),
                (cal[0] - w / 2 + fx * w, cal[1] - w * 0.46 + fy * w * 0.92),
            )

    def mem_pos(self, i: int):
        """A memory T-cell keeping watch: it patrols to and fro near its post (drifting
        along the stream would carry it off the edge, half cut off)."""
        fx, fy = MEMORY[i]
        pos = self.p(fx + 0.04 * self.wave(9.0, i * 2.1), fy + 0.025 * self.wave(6.0, i * 1.7))
        return self.inside(pos, self.u * 0.12 * T_CELL_REACH)

    def d_memory(self, surf) -> None:
        self.blood_life(surf, ((0.12, 0.25), (0.52, 0.5), (0.95, 0.75)))
        for i, f in enumerate(RETURN):
            p = self.step_p(i, 2.6)
            c = self.off(self.p(*f), 0.04 * self.wave(4.0, i) * (1 - p), 0)
            shrink = max(0.0, (p - 0.45) / 0.55)
            self.put(
                surf,
                self.S.cancer_cell(q(self.u * 0.12 * (1 - 0.5 * shrink)), self.frame(i + 1) if shrink == 0 else 0),
                c,
                255 * (1 - shrink),
            )
            catch = min(1.0, p / 0.5)
            pos = lerp2(self.mem_pos(i), self.off(c, -0.22, 0), catch)
            if p > 0:
                self.put(surf, self.S.glow(q(self.u * 0.22), P.GLOW_GOLD, 130), pos, 220 * (1 - shrink * 0.7))
            self.put(
                surf, self.S.t_cell(q(self.u * 0.12), self.frame(i), "memory", "wow" if 0 < p < 0.6 else "happy"), pos
            )

    # ------------------------------------------------------------ hands-on
    def step_pos(self, i: int):
        return self.p(*RETURN[i])

    def step_r(self, i: int) -> float:
        return self.u * 0.14

    def step_zones(self, i: int):
        x, y = self.p(*RETURN[i])
        mx, my = self.mem_pos(i)
        return [(x, y, self.u * 0.14), (mx, my, self.u * 0.13)]
