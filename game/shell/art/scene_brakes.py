"""Level 2: a checkpoint brake holds the T-cell back; an inhibitor blocks the brake."""

from __future__ import annotations

import math

from game.core.i18n import N_
from game.shell.art import palette as P
from game.shell.art.base import AUTO_COMPLETE_S
from game.shell.art.cache import q
from game.shell.art.sprites import CharacterSheet
from game.shell.art.stage import Stage, lerp2

HEALTHY = ((0.1, 0.22), (0.3, 0.82), (0.92, 0.2), (0.95, 0.82))


class BrakesArt(Stage):
    name = "brakes"
    cues = ("approach", "brake", "inhibitor", "release", "attack")
    hands_on_cue = "inhibitor"
    hands_on_prompt = N_("Drag the inhibitor shield onto the red brake (or just tap the shield).")
    hands_on_hint = N_("The glowing ring shows the shield. Tap it and it will cover the brake.")
    hands_on_keyboard = N_("Press Enter or Space to put the shield on the brake.")
    ho_steps = 1
    ho_drag = True
    ho_auto_start = 1.0

    def __init__(self, reduced_motion: bool = False, sheet: CharacterSheet | None = None) -> None:
        super().__init__(reduced_motion, sheet)
        self.drop_from: tuple[int, int] | None = None

    def state(self) -> tuple:
        return (*super().state(), self.drop_from)

    # ------------------------------------------------------------ geometry
    def cpos(self):
        return self.p(0.66, 0.52)

    def rc(self) -> float:
        return self.u * 0.22

    def rt(self) -> float:
        return self.u * 0.15

    def brake_pos(self):
        return self.off(self.cpos(), -0.27, -0.02)

    def contact(self):
        return self.off(self.cpos(), -0.51, -0.02)

    def shield_home(self):
        return self.p(0.33, 0.2)

    # ------------------------------------------------------------ pieces
    def scenery(self, surf, shrink: float = 0.0, fade: float = 0.0, brake_glow: float = 0.0) -> None:
        self.blood_life(surf, HEALTHY)
        c = self.cpos()
        self.put(
            surf,
            self.S.cancer_cell(q(self.rc() * (1 - 0.5 * shrink)), self.frame(2) if shrink == 0 else 0),
            c,
            255 * (1 - fade),
        )
        if fade < 1 and shrink < 0.3:
            b = self.brake_pos()
            self.line(surf, P.BRAKE_DARK, self.off(c, -0.16, -0.02), b, self.u * 0.035)
            if brake_glow > 0:
                self.put(surf, self.S.glow(q(self.u * 0.2), P.BRAKE, 120), b, 255 * brake_glow)
            self.put(surf, self.S.brake(q(self.u * 0.085)), b, 255 * (1 - shrink * 3))

    def tcell(self, surf, pos, mood="happy", glow: float = 0.0) -> None:
        if glow > 0:
            self.put(surf, self.S.glow(q(self.rt() * 1.9), P.GLOW_GOLD, 150), pos, 255 * glow)
        self.put(surf, self.S.t_cell(q(self.rt()), self.frame(0), "t", mood), pos)

    def shield(self, surf, pos, alpha: float = 255) -> None:
        self.put(surf, self.S.inhibitor(q(self.u * 0.11)), pos, alpha)

    def label_under(self, surf, text: str, pos, alpha: float = 255, beside: bool = True) -> None:
        """``text`` below ``pos``, or in a tall layout beside it when ``beside`` (there the
        cancer cell lies below the brake; the T-cell lies beside the waiting inhibitor)."""
        if self._lay.tr and beside:  # the stream runs downwards: put the label beside the thing
            self.text(surf, text, (pos[0] + self.u * 0.42, pos[1]), 0.075, alpha)
        else:
            self.text(surf, text, self.below(pos, 0.2), 0.075, alpha)

    # ------------------------------------------------------------ cues
    def d_approach(self, surf) -> None:
        self.scenery(surf)
        start = self.p(0.08, 0.5)
        pos = lerp2(start, self.contact(), self.ramp(0.3, 3.0))
        pos = self.off(pos, 0, 0.02 * self.wave(2.5) * (1 - self.ramp(2.5, 1)))
        self.tcell(surf, pos)

    def d_brake(self, surf) -> None:
        g = self.ramp(0.4, 1.2)
        self.scenery(surf, brake_glow=g * (0.85 + 0.15 * self.wave(3.0)))
        back = self.off(self.contact(), -0.03 * g, 0)
        self.tcell(surf, back, "paused" if g > 0.3 else "happy")
        self.label_under(surf, N_("checkpoint brake"), self.brake_pos(), 255 * self.ramp(1.0, 0.8))

    def spots_brake(self):
        return {
            "t-cell": (self.off(self.contact(), -0.03, 0), self.rt()),
            "brake": (self.brake_pos(), self.u * 0.085),
            "cancer-cell": (self.cpos(), self.rc()),
        }

    def d_inhibitor(self, surf) -> None:
        at = self.step_time(0)
        p = self.step_p(0, 0.9)
        self.scenery(surf, brake_glow=(1 - p) * (0.85 + 0.15 * self.wave(3.0)))
        self.tcell(surf, self.off(self.contact(), -0.03 * (1 - p), 0), "paused" if p < 0.7 else "happy")
        home = self.off(self.shield_home(), 0, 0.025 * self.wave(2.4))
        if at is None:
            pos = self.drag_pos if self.drag_pos is not None else home
            self.shield(surf, pos)
            self.label_under(surf, N_("inhibitor"), home if self.drag_pos is None else pos, beside=False)
        else:
            start = self.drop_from if (self.drop_from is not None and self.hands_on_active) else home
            arc = math.sin(math.pi * p) * 0.08 * self.u
            pos = lerp2(start, self.brake_pos(), p)
            self.shield(surf, (pos[0], pos[1] - arc))
            if p >= 1:
                self.put(
                    surf,
                    self.S.sparkle(q(self.u * 0.05)),
                    self.off(self.brake_pos(), 0.08, -0.13),
                    255 * (1 - self.ramp(at + 1.0, 1.5)) if not self.reduced_motion else 0,
                )

    def d_release(self, surf) -> None:
        g = self.ramp(0.3, 1.2)
        self.scenery(surf)
        self.shield(surf, self.brake_pos())
        pos = self.off(self.contact(), 0.02 * g, 0)
        self.tcell(surf, pos, "happy", glow=g * (0.8 + 0.2 * self.wave(3.0)))
        for k, (dx, dy) in enumerate(((-0.05, -0.24), (0.12, -0.2), (-0.2, 0.18))):
            self.put(surf, self.S.sparkle(q(self.u * (0.04 + 0.01 * k))), self.off(pos, dx, dy), 255 * g)

    def d_attack(self, surf) -> None:
        shrink = self.ramp(0.8, 3.0)
        fade = self.ramp(3.2, 2.0)
        self.scenery(surf, shrink, fade)
        if shrink < 0.3:
            self.shield(surf, self.brake_pos(), 255 * (1 - shrink / 0.3))
        c = self.cpos()
        pos = lerp2(self.contact(), self.off(c, -0.25, 0), shrink)
        self.tcell(surf, pos, "happy", glow=0.7 * (1 - fade * 0.5))
        for _k, (dx, dy) in enumerate(((0.05, -0.25), (0.22, 0.12), (-0.05, 0.22))):
            self.put(surf, self.S.sparkle(q(self.u * 0.045)), self.off(c, dx, dy), 255 * shrink * (1 - fade))

    # ------------------------------------------------------------ hands-on
    def step_pos(self, i: int):
        return self.shield_home()

    def step_r(self, i: int) -> float:
        return self.u * 0.13

    def step_zones(self, i: int):
        x, y = self.shield_home()
        bx, by = self.brake_pos()
        return [(x, y, self.u * 0.13), (bx, by, self.u * 0.12)]

    def drop_ok(self, i: int, pos) -> bool:
        bx, by = self.brake_pos()
        return math.hypot(pos[0] - bx, pos[1] - by) <= self.u * 0.3

    def pointer_up(self, pos) -> None:
        dragging = self.drag_pos is not None
        super().pointer_up(pos)
        if dragging and 0 in self.done_at:
            self.drop_from = (int(pos[0]), int(pos[1]))

    def start_hands_on(self, auto_complete_after: float = AUTO_COMPLETE_S) -> None:
        super().start_hands_on(auto_complete_after)
        self.drop_from = None
