"""Spot: the level's scene at the question's cue; the player taps the thing the prompt names.

Each target is a button whose hit area is the sprite's box, grown to at least ``MIN_HIT``
pixels and trimmed so no two overlap; it draws no box, only a number badge above the
sprite and, when focused, a ring around it. Tab and the arrows move the ring, Enter picks,
number keys pick by badge; a tap on empty space only says to tap a picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.core.catalog import TARGET_LABELS, TARGET_NAMED
from game.core.i18n import N_
from game.core.quiz import AskedQuestion
from game.shell.actions import Act, Action
from game.shell.kinds.base import KindControls, KindShell, Press
from game.shell.scenes.lesson import MIN_SCENE_PX
from game.shell.ui import Button, Ui

MIN_HIT = 48  # pixels: the smallest hit area, whatever the screen
MIN_GAP = 12  # pixels between two hit areas, as between any two controls


@dataclass(eq=False)
class TargetButton(Button):
    """A target on the picture: its hit area is ``rect``; the sprite is ``centre``, ``radius``."""

    centre: tuple[int, int] = (0, 0)
    radius: int = 0
    area: pygame.Rect = field(default_factory=lambda: pygame.Rect(0, 0, 0, 0))  # the picture

    def draw(self, surface: pygame.Surface, ui: Ui, focused: bool, pressed: bool) -> None:
        p = ui.palette
        if focused or pressed:
            width = ui.px(ui.m.focus_width) + 1
            pygame.draw.circle(surface, p.focus, self.centre, self.radius + ui.px(10), width)
        d = max(ui.px(30), int(ui.type_size("small") * 1.2))
        badge = pygame.Rect(0, 0, d, d)
        # above the sprite, over its middle: it cannot be read as a neighbour's number
        badge.midbottom = (self.centre[0], self.centre[1] - self.radius - ui.px(4))
        if badge.top < self.area.top:  # no room above: below it
            badge.midtop = (self.centre[0], self.centre[1] + self.radius + ui.px(4))
        badge.clamp_ip(self.area)
        pygame.draw.circle(surface, p.primary, badge.center, d // 2)
        pygame.draw.circle(surface, p.on_primary, badge.center, d // 2, max(1, ui.px(2)))
        ui.draw_text(surface, self.badge, "small", badge, p.on_primary, bold=True, align="center", valign="middle")


def hit_areas(spots: list[tuple[tuple[float, float], float]], least: int, gap: int) -> list[pygame.Rect]:
    """A box per sprite (centre, radius), at least ``least`` wide and high, ``gap`` apart:
    the smallest sprites are placed first and keep their boxes; a bigger one that would
    overlap gives up the side that faces the smaller (it has room to spare), or if that
    would leave it too small, moves off it."""
    boxes: dict[int, pygame.Rect] = {}
    for i in sorted(range(len(spots)), key=lambda k: spots[k][1]):
        (x, y), r = spots[i]
        side = max(least, int(2 * r))
        box = pygame.Rect(0, 0, side, side)
        box.center = (int(x), int(y))
        for placed in boxes.values():
            other = placed.inflate(2 * gap, 2 * gap)
            if not box.colliderect(other):
                continue
            cuts = {
                "left": other.right - box.left,
                "right": box.right - other.left,
                "top": other.bottom - box.top,
                "bottom": box.bottom - other.top,
            }
            edge = min(cuts, key=lambda e: cuts[e])
            # trimmed, but never below ``least``: then it moves off the other box instead
            if edge in ("left", "right"):
                box.width = max(least, box.width - cuts[edge])
                if edge == "left":
                    box.left = other.right
                else:
                    box.right = other.left
            else:
                box.height = max(least, box.height - cuts[edge])
                if edge == "top":
                    box.top = other.bottom
                else:
                    box.bottom = other.top
        boxes[i] = box
    return [boxes[i] for i in range(len(spots))]


class SpotControls(KindControls):
    instruction = N_("Tap the picture the question names, or press its number.")
    touch_instruction = N_("Tap the picture the question names.")  # a kiosk has no keys to press

    def __init__(self, scene) -> None:  # type: ignore[no-untyped-def]
        super().__init__(scene)
        self.art = scene.play.art
        self.art.reduced_motion = scene.app.reduced_motion
        self.art.show_spot(self.asked.question.cue)  # settled, one of each target, no labels
        self.scene_rect = pygame.Rect(0, 0, 0, 0)
        self.missed = False  # a tap on empty space: the hint says to tap a picture
        self.targets: list[TargetButton] = []
        self._picture_ready = False  # the cue's sprites at this size are drawn (see idle)

    def label(self, name: str) -> str:
        return self._(TARGET_LABELS[name])

    def buttons(self) -> list[Button]:
        self.targets = [
            TargetButton(self.label(name), self._picker(name), badge=str(i), name=f"target-{name}")
            for i, name in enumerate(self.asked.options, 1)
        ]
        return list(self.targets)

    def _picker(self, name: str):  # type: ignore[no-untyped-def]
        return lambda: self.scene.submit(name)

    def spoken(self) -> list[str]:
        return [f"{i}: {self.label(name)}." for i, name in enumerate(self.asked.options, 1)]

    def screen_text(self) -> tuple[str, ...]:
        return tuple(self.label(name) for name in self.asked.options)

    def hint(self) -> str:
        if self.missed:
            return self._("Tap one of the pictures.")
        return self._(self.touch_instruction if self.scene.app.kiosk else self.instruction)

    def cells(self, options: pygame.Rect) -> list[pygame.Rect]:
        self.scene_rect = options
        spots = self.art.spots(options)
        placed = [spots[name] for name in self.asked.options]
        for button, ((x, y), r) in zip(self.targets, placed):
            button.centre, button.radius, button.area = (int(x), int(y)), int(r), options.copy()
        ui = self.scene.ui
        return hit_areas(placed, max(MIN_HIT, ui.px(MIN_HIT)), max(MIN_GAP, ui.px(MIN_GAP)))

    def handle(self, action: Action) -> bool:
        scene = self.scene
        if action.kind is Act.POINTER_UP and scene.pressed is None and scene.button_at(action.pos) is None:
            if self.scene_rect.collidepoint(action.pos) and not self.missed:
                self.missed = True
                scene.app.dirty = True
                scene.app.speak([self.hint()])
            return True
        return False

    def idle(self, budget_s: float) -> bool:
        """The picture is drawn at another size than the lesson's: its sprites are made
        between frames, as a lesson's are, so no frame of the question stalls on them."""
        self.scene.play.warm_up(self.scene_rect, self.asked.question.cue, budget_s)
        return True

    def picture_ready(self) -> bool:
        if not self._picture_ready and min(self.scene_rect.size) >= MIN_SCENE_PX:
            self._picture_ready = self.art.is_ready(self.scene_rect)
        return self._picture_ready

    def update(self, dt: float) -> None:
        self.art.update(dt)

    def animating(self) -> bool:
        # Until the picture is ready, each frame asks (draw_changed) and shows it at once.
        return bool(self.art.is_animating()) or not self._picture_ready

    def draw(self, surface: pygame.Surface) -> None:
        # Until its sprites are drawn (a few frames) the backdrop colour stands in for it.
        if self.picture_ready():
            self.art.draw(surface, self.scene_rect)

    def draw_changed(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        """Only the scene moves: redraw it and the badges and ring on it."""
        scene = self.scene
        if not self.picture_ready():
            return []
        self.art.draw(surface, self.scene_rect)
        old_clip = surface.get_clip()
        surface.set_clip(self.scene_rect)
        show_focus = scene.app.keyboard_used
        for target in self.targets:
            target.draw(surface, scene.ui, show_focus and target is scene.focus, target is scene.pressed)
        surface.set_clip(old_clip)
        return [self.scene_rect.copy()]


class SpotShell(KindShell):
    controls = SpotControls
    has_picture = True

    def enter_picture(self, fb) -> None:  # type: ignore[no-untyped-def]
        art = fb.play.art  # a replayed lesson may have moved it to another cue
        art.reduced_motion = fb.app.reduced_motion
        art.show_spot(fb.asked.question.cue)

    def update_picture(self, fb, dt: float) -> None:  # type: ignore[no-untyped-def]
        fb.play.art.update(dt)

    def idle_picture(self, fb, budget_s: float) -> bool:  # type: ignore[no-untyped-def]
        """The picture is smaller than the question's: its sprites too are made between frames."""
        fb.play.warm_up(fb.picture_rect, fb.asked.question.cue, budget_s)
        return True

    def picture_ready(self, fb) -> bool:  # type: ignore[no-untyped-def]
        return min(fb.picture_rect.size) >= MIN_SCENE_PX and bool(fb.play.art.is_ready(fb.picture_rect))

    def draw_picture(self, fb, surface: pygame.Surface, rect: pygame.Rect) -> None:  # type: ignore[no-untyped-def]
        """The scene with the right target ringed and named; after a miss, the one tapped too."""
        art, ui, p = fb.play.art, fb.ui, fb.ui.palette
        art.draw(surface, rect)
        spots = art.spots(rect)
        q = fb.asked.question
        marks = [(q.answer, p.right)]
        if isinstance(fb.response, str) and fb.response != q.answer and fb.response in spots:
            marks.insert(0, (fb.response, p.wrong))
        # The names on the picture repeat the answer lines above it, so they stay small
        # enough to leave the picture visible (a tenth of its height at most).
        size = max(12, min(ui.type_size("small"), rect.height // 10))
        font = ui.text.font(size, True)
        for name, colour in marks:
            (x, y), r = spots[name]
            pygame.draw.circle(surface, colour, (int(x), int(y)), int(r) + ui.px(8), max(3, ui.px(6)))
            label = fb._(TARGET_LABELS[name])
            box = pygame.Rect(0, 0, min(rect.width, font.size(label)[0] + size), int(size * 1.6))
            if colour == p.right:  # the right one's name below it, the tapped one's above: never on top of each other
                box.midtop = (int(x), int(y + r) + ui.px(12))
            else:
                box.midbottom = (int(x), int(y - r) - ui.px(12))
            box.clamp_ip(rect)
            ui.panel(surface, box, p.surface)
            pygame.draw.rect(surface, colour, box, max(2, ui.px(3)), border_radius=ui.px(ui.m.radius))
            block = ui.text.fit(label, size, box.width, box.height, bold=True)
            ui.text.draw_block(surface, block, box, p.text, "center", "middle")

    def answer_lines(self, fb) -> str:  # type: ignore[no-untyped-def]
        return fb._(TARGET_LABELS[fb.asked.question.answer])

    def answer_text(self, fb) -> str:  # type: ignore[no-untyped-def]
        """A right tap is named back to the player ("That is the brake."), with the ring."""
        if fb.outcome.correct:
            return fb._(TARGET_NAMED[fb.asked.question.answer])
        return super().answer_text(fb)

    def chosen_text(self, fb) -> str:  # type: ignore[no-untyped-def]
        name = fb.response if isinstance(fb.response, str) else ""
        return fb._(TARGET_NAMED[name]) if name in TARGET_NAMED else name

    def presses(self, asked: AskedQuestion, right: bool) -> list[Press]:
        name = asked.question.answer if right else next(o for o in asked.options if o != asked.question.answer)
        return [(f"target-{name}", asked.options.index(name) + 1)]


SHELL = SpotShell()
