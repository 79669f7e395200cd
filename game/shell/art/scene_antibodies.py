"""Level 4: lab-made Y-shaped antibodies latch onto cancer cells only and mark them."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import ClassVar

from game.core.i18n import N_
from game.shell.art import palette as P
from game.shell.art.cache import q
from game.shell.art.sprites import TAG_ANGLES, TAG_REACH, antibody_dir
from game.shell.art.stage import Stage, lerp2

CANCER = ((0.36, 0.36), (0.6, 0.66), (0.84, 0.38))
HEALTHY = ((0.14, 0.74), (0.6, 0.2), (0.95, 0.8), (0.36, 0.82))
LATCH_TAGS = (0, 2)  # which antigens the first antibodies grab
# A spot question shows one marked cancer cell, one healthy cell and one free antibody.
SPOT_CANCER = 1
SPOT_HEALTHY = ((0.2, 0.3),)
SPOT_ANTIBODY = (0.86, 0.3)


class AntibodiesArt(Stage):
    name = "antibodies"
    cues = ("lab-made", "latch", "mark", "find")
    hands_on_cue = "latch"
    hands_on_prompt = N_("Tap each cancer cell to send antibodies to mark it.")
    hands_on_hint = N_("Tap the grey-purple cell inside the glowing ring.")
    hands_on_keyboard = N_("Press Enter or Space to send antibodies to the next cancer cell.")
    cue_bg: ClassVar[Mapping[str, str]] = {"lab-made": "lab"}

    def rc(self) -> float:
        return self.u * 0.15

    def ra(self) -> int:
        return q(self.u * 0.075)

    def pool(self, k: int):
        pos = self.p(0.05 + 0.065 * (k % 2), 0.24 + 0.17 * (k // 2))
        return self.off(pos, 0.015 * self.wave(3.0, k), 0.0)

    def attach(self, i: int, tag: int):
        c = self.p(*CANCER[i])
        a = TAG_ANGLES[tag]
        d = TAG_REACH * q(self.rc()) + 0.72 * self.ra()
        return (c[0] + math.cos(a) * d, c[1] + math.sin(a) * d), antibody_dir(-math.cos(a), -math.sin(a))

    def shown(self) -> tuple[int, ...]:
        """The cancer cells drawn: all three, or one in a spot question."""
        return (SPOT_CANCER,) if self.spotting else (0, 1, 2)

    def cells(self, surf, marked: float = 0.0, shrink=None) -> None:
        self.blood_life(surf, SPOT_HEALTHY if self.spotting else HEALTHY)
        for i in self.shown():
            c = self.p(*CANCER[i])
            s = shrink(i) if shrink else (0.0, 0.0)
            if marked > 0:
                self.put(
                    surf,
                    self.S.glow(q(self.rc() * 2.0), P.GLOW_GOLD, 150),
                    c,
                    255 * marked * (0.85 + 0.15 * self.wave(3.0, i)) * (1 - s[1]),
                )
            self.put(
                surf,
                self.S.cancer_cell(q(self.rc() * (1 - 0.45 * s[0])), self.frame(i + 2) if s[0] == 0 else 0, True),
                c,
                255 * (1 - s[1]),
            )

    def antibodies_on(self, surf, i: int, tags, alpha: float = 255) -> None:
        for tag in tags:
            pos, d = self.attach(i, tag)
            self.put(surf, self.S.antibody(self.ra(), d), pos, alpha)

    # ------------------------------------------------------------ cues
    def d_lab_made(self, surf) -> None:
        base = self.p(0.26, 0.88)
        self.put_at(surf, self.S.flask(q(self.u * 0.6)), base)
        neck = (base[0], base[1] - self.u * 0.56)
        for k in range(7):
            f = self.loop(7.0, k / 7)
            end = self.p(0.95, 0.25 + 0.5 * ((k * 0.37) % 1))
            pos = lerp2(neck, end, f)
            pos = (pos[0], pos[1] - math.sin(f * math.pi) * self.u * 0.08 + 0.02 * self.u * self.wave(2.5, k))
            self.put(
                surf,
                self.S.antibody(q(self.u * 0.085), (k * 3) % 16 if k % 2 else 0),
                pos,
                255 * min(1.0, f * 5, (1 - f) * 5),
            )
        self.text(surf, N_("made in a lab"), self.below(base, 0.07), 0.075)

    def d_latch(self, surf) -> None:
        self.cells(surf)
        for i in range(3):
            p = self.step_p(i, 1.3)
            for j, tag in enumerate(LATCH_TAGS):
                end, d = self.attach(i, tag)
                start = self.pool(2 * i + j)
                arc = math.sin(math.pi * p) * self.u * 0.12
                pos = lerp2(start, end, p)
                self.put(surf, self.S.antibody(self.ra(), d if p > 0 else 4), (pos[0], pos[1] - arc))

    def d_mark(self, surf) -> None:
        m = self.ramp(0.4, 1.5)
        self.cells(surf, marked=m)
        for i in self.shown():
            self.antibodies_on(surf, i, LATCH_TAGS)
            self.antibodies_on(surf, i, (1, 3), 255 * self.ramp(0.2 + 0.3 * i, 0.8))
        if self.spotting:
            self.put(surf, self.S.antibody(self.ra(), 0), self.free_antibody())

    def free_antibody(self):
        return self.off(self.p(*SPOT_ANTIBODY), 0, 0.02 * self.wave(3.0))

    def spots_mark(self):
        return {
            "healthy-cell": (self.p(*SPOT_HEALTHY[0]), self.u * 0.12),
            "cancer-cell": (self.p(*CANCER[SPOT_CANCER]), self.rc() * 1.6),  # with its antibodies
            "antibody": (self.p(*SPOT_ANTIBODY), self.ra() * 1.2),
        }

    def d_find(self, surf) -> None:
        def sh(i: int):
            return (self.ramp(3.2 + 0.6 * i, 2.5), self.ramp(5.0 + 0.6 * i, 1.8))

        self.cells(surf, marked=1.0, shrink=sh)
        for i, f in enumerate(CANCER):
            s, fade = sh(i)
            self.antibodies_on(surf, i, range(4), 255 * (1 - max(fade, s)))
            c = self.p(*f)
            start = self.drift(0.0 + 0.1 * i, f[1] + 0.05, i)
            end = self.off(c, -0.34 + 0.1 * s, 0.04)
            pos = lerp2(start, end, self.ramp(0.4 + 0.6 * i, 2.6))
            self.put(
                surf, self.S.t_cell(q(self.u * 0.13), self.frame(i), "t", "wow" if 0.2 < s < 0.7 else "happy"), pos
            )

    # ------------------------------------------------------------ hands-on
    def step_pos(self, i: int):
        return self.p(*CANCER[i])

    def step_r(self, i: int) -> float:
        return self.rc() * 1.15
