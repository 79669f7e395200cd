"""Level 8: questions people ask, many cancers, timing, lasting results, and a celebration."""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from typing import ClassVar

from game.core.i18n import N_
from game.shell.art import palette as P
from game.shell.art.cache import q
from game.shell.art.sprites import mix
from game.shell.art.stage import Stage, lerp2

SPOTS = ((0.5, 0.16), (0.42, 0.3), (0.1, 0.48), (0.6, 0.42), (0.5, 0.56), (0.38, 0.82), (0.66, 0.7))
# where each member stands, what it is, its name as the other scenes call it, its spot target
TEAM = (
    (0.2, "t", N_("T-cell"), "t-cell"),
    (0.4, "car", N_("CAR-T cell"), "car-t-cell"),
    (0.6, "memory", N_("memory cell"), "memory-cell"),
    (0.8, "antibody", N_("antibody"), "antibody"),
)
NAME_SIZE = 0.07  # team name labels, as a fraction of u
QUESTIONS = ((-0.3, -0.6), (-0.02, -0.74), (0.28, -0.68), (0.52, -0.56))


class FinaleArt(Stage):
    name = "finale"
    cues = ("questions", "cancers", "timing", "lasting", "celebrate")
    hands_on_cue = "celebrate"
    hands_on_prompt = N_("Tap each member of the immune team to celebrate with them.")
    hands_on_hint = N_("Tap the friend inside the glowing ring.")
    hands_on_keyboard = N_("Press Enter or Space to cheer with the next team member.")
    bg = "party"
    cue_bg: ClassVar[Mapping[str, str]] = {
        "questions": "clinic",
        "cancers": "lab",
        "timing": "lab",
        "lasting": "blood",
        "celebrate": "party",
    }
    ho_steps = 4
    ho_auto_start = 0.8
    ho_auto_gap = 1.0

    def d_questions(self, surf) -> None:
        a, b = self.p(0.3, 0.9), self.p(0.45, 0.9)
        self.put_at(surf, self.S.person(q(self.u * 0.56), "patient", 2), a)
        self.put_at(surf, self.S.person(q(self.u * 0.5), "helper", 0), b)
        mid = ((a[0] + b[0]) / 2, a[1])
        for k, (dx, dy) in enumerate(QUESTIONS):
            pos = (mid[0] + dx * self.u, mid[1] + dy * self.u + 0.015 * self.u * self.wave(3.2, k * 1.4))
            self.put(
                surf,
                self.S.bubble(q(self.u * (0.085 - 0.008 * (k % 2))), "?"),
                pos,
                255 * self.ramp(0.3 + 0.6 * k, 0.8),
            )
        doc = self.p(0.78, 0.9)
        self.put_person(surf, self.S.person(q(self.u * 0.64), "doctor", 1), doc, self.ramp(1.5, 1.0))
        self.put(
            surf,
            self.S.bubble(q(self.u * 0.085), "heart"),
            (doc[0] + self.u * 0.24, doc[1] - self.u * 0.66),
            255 * self.ramp(3.2, 0.8),
        )

    def d_cancers(self, surf) -> None:
        h = q(self.u * 0.92)
        body = self.S.body_outline(h)
        centre = self.p(0.33, 0.5)
        self.put(surf, body, centre)
        w, hh = body.get_size()
        for k, (fx, fy) in enumerate(SPOTS):
            pos = (centre[0] - w / 2 + fx * w, centre[1] - hh / 2 + fy * hh)
            a = self.ramp(0.4 + 0.45 * k, 0.8)
            self.put(
                surf, self.S.glow(q(self.u * 0.09), P.GLOW_GOLD, 160), pos, 200 * a * (0.85 + 0.15 * self.wave(3.0, k))
            )
            self.put(surf, self.S.cancer_cell(q(self.u * 0.04), k), pos, 255 * a)
        for i, (fx, kind) in enumerate(((0.62, "t"), (0.76, "car"), (0.9, "memory"))):
            pos = self.p(fx, 0.52 + 0.03 * self.wave(3.0, i))
            self.put(
                surf, self.S.t_cell(q(self.u * 0.11), self.frame(i), kind), pos, 255 * self.ramp(1.0 + 0.4 * i, 0.8)
            )
        self.text(surf, N_("many kinds of cancer"), self.p(0.76, 0.18), 0.075, 255 * self.ramp(0.6, 0.8))

    def d_timing(self, surf) -> None:
        a, b = self.p(0.12, 0.5), self.p(0.88, 0.5)
        col = mix(P.OUTLINE, P.WHITE, 0.35)
        self.line(surf, col, a, b, self.u * 0.025)
        for sign in (-1, 1):
            self.line(surf, col, b, self.off(b, -0.07, 0.05 * sign), self.u * 0.025)
        for k in range(5):
            self.put(surf, self.S.dot(q(self.u * 0.018), col), lerp2(a, b, k / 4))
        self.text(surf, N_("weeks"), self.below(self.p(0.18, 0.5), 0.2), 0.085)
        self.text(surf, N_("months"), self.below(self.p(0.82, 0.5), 0.2), 0.085)
        s = self.ramp(0.6, 6.0)
        pos = lerp2(self.p(0.2, 0.5), self.p(0.8, 0.5), s)
        pos = self.below(pos, -0.2)
        self.put(
            surf,
            self.S.cancer_cell(q(self.u * 0.13 * (1 - 0.55 * s)), self.frame(1) if s == 0 else 0),
            pos,
            255 * (1 - 0.6 * s),
        )
        self.put(
            surf, self.S.t_cell(q(self.u * 0.12), self.frame(0)), self.off(pos, -0.24, 0.0 + 0.01 * self.wave(2.5))
        )

    def d_lasting(self, surf) -> None:
        self.blood_life(surf)
        for i, (fx, fy) in enumerate(((0.0, 0.3), (0.33, 0.68), (0.66, 0.35), (1.0, 0.7))):
            pos = self.drift(fx, fy, i, 0.025)
            self.put(surf, self.S.glow(q(self.u * 0.2), P.MEM_LIGHT, 140), pos, 200)
            self.put(surf, self.S.t_cell(q(self.u * 0.12), self.frame(i), "memory"), pos)
        self.text(surf, N_("keeping watch for years"), self.p(0.5, 0.5), 0.08, 255 * self.ramp(0.8, 1.0))

    def member(self, i: int):
        fx = TEAM[i][0]
        return self.p(fx, 0.55)

    def d_celebrate(self, surf) -> None:
        n = self.steps_done()
        top = self._lay.stage.top
        pieces = 8 + 7 * n
        for k in range(pieces):
            f = self.loop(9.0 + (k % 3), (k * 0.618) % 1)
            x = self._lay.stage.left + ((k * 0.381) % 1) * self._lay.stage.w + self.u * 0.03 * math.sin(f * 6 + k)
            y = top + (f * 1.1 - 0.05) * self._lay.stage.h
            self.put(surf, self.S.confetti(q(self.u * 0.03), k, (k + int(f * 4)) % 4), (x, y), 230)
        for i, (_fx, kind, _name, _target) in enumerate(TEAM):
            p = self.step_p(i, 1.2)
            base = self.member(i)
            jump = math.sin(math.pi * p) * 0.16 * self.u if 0 < p < 1 else 0.0
            bob = 0.012 * self.u * self.wave(2.2, i * 1.1)
            pos = (base[0], base[1] - jump + bob)
            if p > 0:
                self.put(surf, self.S.glow(q(self.u * 0.26), P.GLOW_GOLD, 150), pos, 210)
            if kind == "antibody":
                self.put(surf, self.S.antibody(q(self.u * 0.14), 0), pos)
            else:
                self.put(
                    surf, self.S.t_cell(q(self.u * 0.14), self.frame(i), kind, "wow" if 0 < p < 1 else "happy"), pos
                )
            if p > 0:
                self.put(surf, self.S.star(q(self.u * 0.045)), (pos[0] + self.u * 0.12, pos[1] - self.u * 0.2), 255 * p)
        self.team_names(surf, 255 * self.ramp(0.3, 1.0))
        self.text(
            surf,
            N_("Well done, team!"),
            self.p(0.5, 0.15),
            0.095,
            255 * (self.ramp(0.3, 1.0) if n == 0 or not self.hands_on_active else min(1.0, n / 4)),
        )

    def team_names(self, surf, alpha: float) -> None:
        """Each member's name under them; on a narrow stage where neighbours' names would
        touch, every other name drops a row lower."""
        if self.spotting:
            return  # a spot question must not name what it asks the player to find
        px = max(12, q(self.u * NAME_SIZE))
        names = [self.S.label(self.tr.gettext(name), px) for _fx, _kind, name, _target in TEAM]
        gap = self.member(1)[0] - self.member(0)[0]
        stagger = any((a.get_width() + b.get_width()) / 2 + self.u * 0.02 > gap for a, b in itertools.pairwise(names))
        for i, name in enumerate(names):
            dy = 0.28 + (0.12 if stagger and i % 2 else 0.0)
            self.put(surf, name, self.below(self.member(i), dy), alpha)

    def spots_celebrate(self):
        return {target: (self.member(i), self.u * 0.19) for i, (_fx, _kind, _name, target) in enumerate(TEAM)}

    # ------------------------------------------------------------ hands-on
    def step_pos(self, i: int):
        return self.member(i)

    def step_r(self, i: int) -> float:
        return self.u * 0.15
