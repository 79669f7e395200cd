"""Level 6: the treatment journey: assessment, tests, infusion, check-ups."""

from __future__ import annotations

import itertools
import math

from game.core.i18n import N_
from game.shell.art import palette as P
from game.shell.art.cache import q
from game.shell.art.sprites import IV_TUBE_START, mix
from game.shell.art.stage import Stage, lerp2

TESTS = (("tube", N_("blood test")), ("scan", N_("scan")), ("microscope", N_("tumour test")))
STEPS = (
    ("clipboard", N_("Assessment")),
    ("tube", N_("Tests")),
    ("drip", N_("Infusion")),
    ("calendar", N_("Check-ups")),
)


class JourneyArt(Stage):
    name = "journey"
    cues = ("assessment", "tests", "infusion", "checkups")
    hands_on_cue = "checkups"
    hands_on_prompt = N_("Tap the steps of the journey, one after another.")
    hands_on_hint = N_("Tap the round step inside the glowing ring.")
    hands_on_keyboard = N_("Press Enter or Space to walk to the next step.")
    bg = "clinic"
    ho_steps = 4
    ho_auto_start = 1.0
    ho_auto_gap = 1.3

    def bob(self, pos, i: int, amp: float = 0.012):
        return (pos[0], pos[1] + amp * self.u * self.wave(3.0, i))

    def d_assessment(self, surf) -> None:
        pat, doc = self.p(0.36, 0.9), self.p(0.64, 0.9)
        self.put_at(surf, self.S.person(q(self.u * 0.72), "patient", 0), pat)
        self.put_at(surf, self.S.person(q(self.u * 0.8), "doctor", 2), doc)
        self.put(surf, self.S.icon("clipboard", q(self.u * 0.08)), (doc[0] + self.u * 0.2, doc[1] - self.u * 0.4))
        self.put(
            surf,
            self.S.bubble(q(self.u * 0.09), "?"),
            self.bob((pat[0] + self.u * 0.24, pat[1] - self.u * 0.66), 0),
            255 * self.ramp(0.4, 0.8),
        )
        self.put(
            surf,
            self.S.bubble(q(self.u * 0.09), "heart"),
            self.bob((doc[0] + self.u * 0.26, doc[1] - self.u * 0.72), 1),
            255 * self.ramp(2.0, 0.8),
        )

    def d_tests(self, surf) -> None:
        # Labels longer than the gap between icons (a narrow upright screen, a wordier
        # language) take turns above and below a shared line instead of running together.
        gap = self.p(0.50, 0.42)[0] - self.p(0.27, 0.42)[0]
        widest = max(self.S.label(self.tr.gettext(text), max(12, q(self.u * 0.075))).get_width() for _, text in TESTS)
        stagger = 0.17 if widest > gap * 0.95 else 0.0
        for i, (kind, text) in enumerate(TESTS):
            pos = self.bob(self.p(0.27 + 0.23 * i, 0.42), i, 0.008)
            self.put(surf, self.S.icon(kind, q(self.u * 0.16)), pos, 255 * self.ramp(0.2 + 0.5 * i, 0.7))
            below = 0.29 + (stagger if i % 2 else 0.0)
            self.text(surf, text, self.below(pos, below), 0.075, 255 * self.ramp(0.2 + 0.5 * i, 0.7))
            self.put(
                surf,
                self.S.check_badge(q(self.u * 0.05)),
                (pos[0] + self.u * 0.13, pos[1] - self.u * 0.12),
                255 * self.ramp(2.0 + 0.9 * i, 0.6),
            )
        self.put_at(surf, self.S.person(q(self.u * 0.55), "nurse", 1), self.p(0.93, 0.9))

    def d_infusion(self, surf) -> None:
        chair = self.p(0.32, 0.92)
        spr = self.S.chair(q(self.u * 0.82))
        self.put_at(surf, spr, chair)
        stand = self.p(0.52, 0.92)
        iv = self.S.iv_stand(q(self.iv_height()))
        self.put_at(surf, iv, stand)
        w, h = iv.get_size()
        top = (stand[0] - w / 2, stand[1] - h)
        start = (top[0] + w * IV_TUBE_START[0], top[1] + h * IV_TUBE_START[1])
        arm = (chair[0] + self.u * 0.24, chair[1] - self.u * 0.37)
        mid = ((start[0] + arm[0]) / 2, max(start[1], arm[1]) + self.u * 0.1)
        self.polyline(surf, P.GLASS_EDGE, [start, mid, arm], self.u * 0.028)
        self.polyline(surf, P.GLASS, [start, mid, arm], self.u * 0.013)
        f = self.loop(1.6)
        self.put(
            surf,
            self.S.drop(max(2, q(self.u * 0.012))),
            (start[0], top[1] + h * (0.41 + 0.06 * f)),
            255 * min(1.0, (1 - f) * 4),
        )
        clock = self.p(0.78, 0.4)
        r = q(self.u * 0.17)
        self.put(surf, self.S.clock_face(r), clock)
        a_min = math.tau * self.loop(8.0, 0.0) - math.pi / 2
        a_hr = math.tau * self.loop(96.0, 0.3) - math.pi / 2
        for a, length, wdt in ((a_hr, 0.45, 0.07), (a_min, 0.68, 0.05)):
            self.line(
                surf,
                P.INK,
                clock,
                (clock[0] + math.cos(a) * r * length, clock[1] + math.sin(a) * r * length),
                r * wdt * 2,
            )
        self.text(surf, N_("30 minutes to a few hours"), self.below(clock, 0.28), 0.07)

    def iv_height(self) -> float:
        return self.standing(self.u * 0.95, 0.92)

    def spots_infusion(self):
        chair, stand = self.p(0.32, 0.92), self.p(0.52, 0.92)
        return {
            "patient": ((chair[0] - self.u * 0.02, chair[1] - self.u * 0.48), self.u * 0.22),  # head and body
            "iv-bag": ((stand[0], stand[1] - self.iv_height() * 0.73), self.u * 0.14),
            "clock": (self.p(0.78, 0.4), self.u * 0.2),
        }

    def station(self, i: int):
        n = len(STEPS)
        fx = 0.14 + 0.72 * i / (n - 1)
        return self.p(fx, 0.47 + (0.03 if i % 2 else -0.03))

    def d_checkups(self, surf) -> None:
        pts = [self.station(i) for i in range(len(STEPS))]
        for a, b in itertools.pairwise(pts):
            for k in range(1, 8):
                x, y = lerp2(a, b, k / 8)
                self.put(surf, self.S.dot(max(2, q(self.u * 0.012)), mix(P.OUTLINE, P.WHITE, 0.4)), (x, y))
        done = [self.step_p(i, 0.9) for i in range(len(STEPS))]
        for i, (kind, text) in enumerate(STEPS):
            self.put(surf, self.S.icon(kind, q(self.u * 0.13)), pts[i])
            self.text(surf, text, self.below(pts[i], -0.22), 0.075)
            if done[i] > 0:
                self.put(
                    surf,
                    self.S.check_badge(q(self.u * 0.045)),
                    (pts[i][0] + self.u * 0.11, pts[i][1] - self.u * 0.1),
                    255 * done[i],
                )
        # the patient walks from step to step
        k = max((i for i in range(len(STEPS)) if done[i] > 0), default=-1)
        if k < 0:
            pos = self.p(0.04, 0.93)
        else:
            prev = self.p(0.04, 0.93) if k == 0 else (self.station(k - 1)[0], self.p(0, 0.93)[1])
            pos = lerp2(prev, (pts[k][0], self.p(0, 0.93)[1]), done[k])
        hop = abs(math.sin(done[k] * math.pi * 3)) * 0.03 * self.u if k + 1 > 0 and 0 < done[max(k, 0)] < 1 else 0
        self.put_at(surf, self.S.person(q(self.u * 0.28), "patient", 0), (pos[0], pos[1] - hop))
        if all(d >= 1 for d in done):
            self.put(
                surf,
                self.S.heart_badge(q(self.u * 0.05)),
                (pos[0] + self.u * 0.14, pos[1] - self.u * 0.26),
                255 * self.ramp((self.step_time(3) or 0) + 1.0, 0.8),
            )

    # ------------------------------------------------------------ hands-on
    def step_pos(self, i: int):
        return self.station(i)

    def step_r(self, i: int) -> float:
        return self.u * 0.13
