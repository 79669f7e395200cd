"""Level 1: T-cells patrol the bloodstream; immunotherapy reveals hidden cancer cells."""

from __future__ import annotations

from game.core.i18n import N_
from game.shell.art import palette as P
from game.shell.art.cache import q
from game.shell.art.sprites import T_CELL_REACH
from game.shell.art.stage import Stage, lerp2

CANCER = ((0.3, 0.62), (0.56, 0.36), (0.82, 0.6))
DRIFT = ((0.05, 0.3), (0.45, 0.52), (0.85, 0.74))
SPOT_HEALTHY = ((0.16, 0.3),)  # a spot question shows one healthy cell, away from the rest
AROUND = ((-0.36, 0.05), (-0.2, -0.3), (-0.2, 0.32))  # where T-cells gather round the target
BOOST = ((0.0, 0.25), (0.16, 0.6), (0.32, 0.35), (0.48, 0.74), (0.64, 0.28), (0.8, 0.58), (0.96, 0.4), (1.12, 0.72))


class PatrolArt(Stage):
    name = "patrol"
    cues = ("patrol", "hidden", "reveal", "attack", "boost", "target")
    hands_on_cue = "hidden"
    hands_on_prompt = N_("Tap the hidden cancer cells to reveal them.")
    hands_on_hint = N_("Look for the faint, see-through cells. The glowing ring shows one.")
    hands_on_keyboard = N_("Press Enter or Space to reveal the next hidden cell.")
    ho_autoplay = False

    # ------------------------------------------------------------ pieces
    def rc(self) -> float:
        return self.u * 0.15

    def rt(self) -> float:
        return self.u * 0.13

    def beside(self, i: int):
        """Where a T-cell stands to meet cancer cell ``i``."""
        return self.off(self.p(*CANCER[i]), -0.26, -0.02)

    def cancer(self, surf, i: int, seen: float, scale: float = 1.0, alpha: float = 255, tags=False) -> None:
        pos = self.p(*CANCER[i])
        a = alpha * (0.3 + 0.7 * seen)
        if seen < 1:  # the cloak: a pale veil that fades as the cell is revealed
            self.put(surf, self.S.glow(q(self.rc() * 1.5), P.WHITE, 170), pos, 230 * (1 - seen))
        self.put(surf, self.S.cancer_cell(q(self.rc() * scale), self.frame(i + 4) if scale >= 1 else 0, tags), pos, a)
        if 0 < seen < 1:
            self.put(surf, self.S.ring(q(self.rc() * 1.3), P.GLOW_GOLD, max(2, int(self.u * 0.015))), pos, 255 * seen)
        elif seen >= 1 and alpha > 200 and not tags:
            self.put(surf, self.S.ring(q(self.rc() * 1.3), P.GLOW_GOLD, max(2, int(self.u * 0.015))), pos, 120)

    def tcell(self, surf, pos, i: int, mood="happy", kind="t", glow: float = 0.0) -> None:
        if glow > 0:
            self.put(surf, self.S.glow(q(self.rt() * 1.9), P.GLOW_GOLD, 150), pos, 255 * glow)
        self.put(surf, self.S.t_cell(q(self.rt()), self.frame(i), kind, mood), pos)

    def noticing(self, surf, seen_of) -> None:
        for i in range(3):
            s = seen_of(i)
            start = self.drift(*DRIFT[i], i)
            pos = lerp2(start, self.beside(i), s)
            self.tcell(surf, pos, i, "wow" if 0.05 < s < 0.95 else "happy")
            if s > 0.05:
                self.put(
                    surf,
                    self.S.bubble(q(self.u * 0.06), "!"),
                    self.off(pos, 0.1, -0.17),
                    255 * min(1.0, s * 3) * (1 - self.ramp(3.5, 1.0) if self.cue == "reveal" else 1),
                )

    # ------------------------------------------------------------ cues
    def d_patrol(self, surf) -> None:
        self.blood_life(surf)
        for i, (fx, fy) in enumerate(DRIFT):
            self.tcell(surf, self.drift(fx, fy, i), i)

    def d_hidden(self, surf) -> None:
        self.blood_life(surf)
        for i in range(3):
            self.cancer(surf, i, self.step_p(i, 1.2))
        self.noticing(surf, lambda i: self.step_p(i, 1.6))

    def d_reveal(self, surf) -> None:
        self.blood_life(surf)
        for i in range(3):
            self.cancer(surf, i, self.ramp(0.5 + 0.6 * i, 1.2))
        self.noticing(surf, lambda i: self.ramp(0.9 + 0.6 * i, 1.6))

    def d_attack(self, surf) -> None:
        self.blood_life(surf)
        for i in range(3):
            shrink = self.ramp(0.8 + 0.5 * i, 3.0)
            fade = self.ramp(3.0 + 0.5 * i, 2.0)
            pos = self.p(*CANCER[i])
            self.cancer(surf, i, 1.0, 1 - 0.5 * shrink, 255 * (1 - fade))
            t_pos = lerp2(self.beside(i), self.off(pos, -0.2, 0), shrink)
            self.tcell(surf, t_pos, i, glow=0.6 * shrink * (1 - fade))
            if shrink > 0.05:
                self.put(surf, self.S.sparkle(q(self.u * 0.05)), self.off(pos, 0.1, -0.16), 255 * shrink * (1 - fade))
                self.put(surf, self.S.sparkle(q(self.u * 0.035)), self.off(pos, 0.17, 0.08), 255 * shrink * (1 - fade))

    def d_boost(self, surf) -> None:
        self.blood_life(surf)
        g = self.ramp(0.3, 2.0)
        self.cancer(surf, 1, 1.0)
        for i, (fx, fy) in enumerate(BOOST):
            self.tcell(surf, self.drift(fx, fy, i, 0.04), i, glow=g * (0.8 + 0.2 * self.wave(3.0, i)))

    def d_target(self, surf) -> None:
        self.blood_life(surf, SPOT_HEALTHY if self.spotting else None)
        pos = self.p(0.56, 0.5)
        self.put(
            surf,
            self.S.dashed_ring(q(self.rc() * 1.9), P.HINT, max(2, int(self.u * 0.014)), 20),
            pos,
            200 + 40 * self.wave(3.0),
        )
        self.put(surf, self.S.cancer_cell(q(self.rc()), self.frame(5), True), pos)
        for i, (dx, dy) in enumerate(AROUND[:1] if self.spotting else AROUND):
            start = self.drift(*DRIFT[i], i)
            end = self.off(pos, dx, dy)
            self.tcell(surf, lerp2(start, end, self.ramp(0.4 + 0.4 * i, 2.2)), i, "happy")

    def spots_target(self):
        pos = self.p(0.56, 0.5)
        return {
            "healthy-cell": (self.p(*SPOT_HEALTHY[0]), self.u * 0.12),
            "t-cell": (self.off(pos, *AROUND[0]), self.rt() * T_CELL_REACH),
            "cancer-cell": (pos, self.rc()),
        }

    # ------------------------------------------------------------ hands-on
    def step_pos(self, i: int):
        return self.p(*CANCER[i])

    def step_r(self, i: int) -> float:
        return self.rc() * 1.1
