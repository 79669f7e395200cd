"""Level 7: side effects and how they are managed, always with the care team."""

from __future__ import annotations

import pygame

from game.core.i18n import N_
from game.shell.art import palette as P
from game.shell.art.cache import q
from game.shell.art.sprites import mix
from game.shell.art.stage import Stage, lerp2

BALANCE = (("moon", N_("rest")), ("shoe", N_("gentle activity")), ("heart", N_("support")))


class SideEffectsArt(Stage):
    name = "side-effects"
    cues = ("fatigue", "skin", "inflammation", "care-team")
    hands_on_cue = "fatigue"
    hands_on_prompt = N_("Help the battery recharge: tap rest, gentle activity and support.")
    hands_on_hint = N_("Tap the round picture inside the glowing ring.")
    hands_on_keyboard = N_("Press Enter or Space to add the next one.")
    bg = "clinic"
    ho_auto_start = 1.5
    ho_auto_gap = 1.6

    def icon_pos(self, i: int):
        return self.p(0.3 + 0.22 * i, 0.64)

    def d_fatigue(self, surf) -> None:
        pat = self.p(0.1, 0.9)
        self.put_at(surf, self.S.person(q(self.u * 0.62), "patient", 3), pat)
        ps = [self.step_p(i, 1.0) for i in range(3)]
        if ps[2] > 0:
            self.put_person(surf, self.S.person(q(self.u * 0.56), "helper", 1), (pat[0] + self.u * 0.2, pat[1]), ps[2])
        bpos = self.p(0.52, 0.22)
        bh = q(self.u * 0.24)
        bat = self.S.battery(bh)
        self.put(surf, bat, bpos)
        w, h = bat.get_size()
        x0, y0 = bpos[0] - w / 2, bpos[1] - h / 2
        fill = 0.2 + 0.6 * sum(ps) / 3 + 0.02 * self.wave(3.0) * (sum(ps) / 3)
        inner = pygame.Rect(
            int(x0 + 0.02 * w + 0.1 * h), int(y0 + 0.16 * h), int((0.88 * w - 0.2 * h) * fill), int(0.68 * h)
        )
        pygame.draw.rect(
            surf, mix(P.BATTERY_LOW, P.BATTERY_OK, (fill - 0.2) / 0.6), inner, border_radius=max(1, int(0.08 * h))
        )
        for i, (kind, text) in enumerate(BALANCE):
            pos = self.icon_pos(i)
            if ps[i] > 0:
                self.put(surf, self.S.glow(q(self.u * 0.22), P.GLOW_GOLD, 130), pos, 220 * ps[i])
            self.put(surf, self.S.icon(kind, q(self.u * 0.12)), pos)
            self.text(surf, text, self.below(pos, 0.21), 0.07)
            if ps[i] > 0:
                self.put(
                    surf,
                    self.S.check_badge(q(self.u * 0.04)),
                    (pos[0] + self.u * 0.1, pos[1] - self.u * 0.1),
                    255 * ps[i],
                )

    def d_skin(self, surf) -> None:
        arm = self.p(0.45, 0.5)
        h = q(self.u * 0.55)
        soothe = self.ramp(2.6, 3.0)
        self.put(surf, self.S.glow(q(self.u * 0.5), P.CALM, 120), arm, 200 * soothe)
        self.put(surf, self.S.arm_skin(h, False), arm)
        self.put(surf, self.S.arm_skin(h, True), arm, 255 * (1 - 0.85 * soothe))
        go = self.ramp(0.8, 1.5)
        leave = self.ramp(4.5, 1.5)
        tube_home, over = self.p(0.86, 0.32), self.off(arm, -0.03, -0.3)
        pos = lerp2(tube_home, over, go - leave)
        pos = (pos[0] + self.u * 0.06 * self.wave(2.5) * go * (1 - leave), pos[1])
        self.put(surf, self.S.cream_tube(q(self.u * 0.3)), pos)
        self.text(surf, N_("soothing cream"), self.below(tube_home, -0.24), 0.07, 255 * self.ramp(0.5, 0.8))

    def d_inflammation(self, surf) -> None:
        calm = self.ramp(3.0, 2.5)
        organs = (
            (self.S.lungs(q(self.u * 0.58)), self.p(0.28, 0.47)),
            (self.S.intestines(q(self.u * 0.5)), self.p(0.56, 0.5)),
        )
        for k, (spr, pos) in enumerate(organs):
            self.put(
                surf, self.S.glow(q(self.u * 0.42), P.INFLAMED, 150), pos, (1 - calm) * (150 + 25 * self.wave(3.5, k))
            )
            self.put(surf, self.S.glow(q(self.u * 0.42), P.CALM, 130), pos, 200 * calm)
            self.put(surf, spr, pos)
            self.put(surf, self.S.glow(q(self.u * 0.26), P.INFLAMED, 110), pos, (1 - calm) * 120)
        nurse = self.p(0.84, 0.9)
        self.put_person(surf, self.S.person(q(self.u * 0.72), "nurse", 0), nurse, self.ramp(1.2, 1.0))
        self.put(
            surf,
            self.S.bubble(q(self.u * 0.08), "heart"),
            (nurse[0] + self.u * 0.2, nurse[1] - self.u * 0.8),
            255 * self.ramp(2.2, 0.8),
        )

    def spots_inflammation(self):
        nurse = self.p(0.84, 0.9)
        return {
            "lungs": (self.p(0.28, 0.47), self.u * 0.3),
            "gut": (self.p(0.56, 0.5), self.u * 0.26),
            "nurse": ((nurse[0], nurse[1] - self.u * 0.36), self.u * 0.24),
        }

    def d_care_team(self, surf) -> None:
        pat = self.p(0.2, 0.9)
        self.put_at(surf, self.S.person(q(self.u * 0.68), "patient", 1), pat)
        self.put(
            surf,
            self.S.bubble(q(self.u * 0.085), "..."),
            (pat[0] + self.u * 0.2, pat[1] - self.u * 0.8 + 0.01 * self.u * self.wave(3.0)),
            255 * self.ramp(0.4, 0.8),
        )
        team = (("doctor", 2, 0.52), ("nurse", 0, 0.68), ("helper", 3, 0.84))
        for i, (role, skin, fx) in enumerate(team):
            nod = 0.008 * self.u * self.wave(2.4, i * 1.3)
            pos = self.p(fx, 0.9)
            self.put_person(
                surf, self.S.person(q(self.u * 0.74), role, skin), (pos[0], pos[1] + nod), self.ramp(0.2 + 0.3 * i, 0.8)
            )
        lead = self.p(0.68, 0.9)
        self.put(
            surf,
            self.S.bubble(q(self.u * 0.085), "heart"),
            (lead[0] + self.u * 0.2, lead[1] - self.u * 0.86),
            255 * self.ramp(2.0, 0.8),
        )

    # ------------------------------------------------------------ hands-on
    def step_pos(self, i: int):
        return self.icon_pos(i)

    def step_r(self, i: int) -> float:
        return self.u * 0.12
