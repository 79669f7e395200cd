"""A lesson beat: the level's animated scene at one cue, its caption, and, on the
scene's hands-on cue, something for the player to do with their own hands."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.content import Lesson
from game.shell.scenes.level_screen import LevelScreen
from game.shell.ui import Button, stack

MIN_SCENE_PX = 16  # below this the animated scene is left out rather than squeezed

if TYPE_CHECKING:
    from game.shell.app import App
    from game.shell.scenes.level import LevelPlay


class LessonScene(LevelScreen):
    """A lesson beat: the level's animated scene at one cue, with its caption."""

    name = "lesson"

    def __init__(self, app: App, play: LevelPlay, lesson: Lesson, replay: bool = False) -> None:
        super().__init__(app, play)
        self.lesson = lesson
        self.replay = replay
        self.art = play.art
        self.hands_on = not replay and not play.hands_on_done and lesson.cue == self.art.hands_on_cue
        self.next_button = Button("", self.next, "primary", name="next")
        self.replay_button = Button(self._("Replay scene"), self.replay_beat, name="replay")
        self.buttons = [self.replay_button, self.next_button, self.pause_button]
        self.scene_rect = pygame.Rect(0, 0, 0, 0)
        self.caption_rect = pygame.Rect(0, 0, 0, 0)
        self.task_rect = pygame.Rect(0, 0, 0, 0)
        self.band = pygame.Rect(0, 0, 0, 0)
        self._shown_hint = False
        self._scene_ready = False  # the cue's first frame is drawn (App.idle warms it)
        self._drawn_words: tuple[str, str] = ("", "")  # the task line and Next's label, as last drawn

    def enter(self) -> None:
        self.art.reduced_motion = self.app.reduced_motion
        self.art.set_cue(self.lesson.cue)
        if self.hands_on:
            self.art.start_hands_on()
        super().enter()
        self.focus = self.next_button
        self._label_next()
        self.app.speak([self.lesson.caption, self.task_text])

    def screen_text(self) -> tuple[str, ...]:
        return (self.lesson.caption,)

    def next(self) -> None:
        if self.hands_on and not self.art.hands_on_done:
            self.art.hands_on_key()
            return
        if self.replay:
            self.app.pop()
        else:
            self.play.next()

    def replay_beat(self) -> None:
        self.art.set_cue(self.lesson.cue)
        self.app.speak([self.lesson.caption])

    def pointer_down(self, pos: tuple[int, int]) -> None:
        if self.hands_on and self.scene_rect.collidepoint(pos):
            self.art.pointer_down(pos)

    def pointer_move(self, pos: tuple[int, int]) -> None:
        if self.hands_on:
            self.art.pointer_move(pos)

    def pointer_up(self, pos: tuple[int, int]) -> None:
        if self.hands_on:
            self.art.pointer_up(pos)

    def idle(self, budget_s: float) -> None:
        self.play.warm_up(self.scene_rect, self.lesson.cue, budget_s)

    def ready(self) -> bool:
        if not self._scene_ready and min(self.scene_rect.size) >= MIN_SCENE_PX:
            self._scene_ready = self.art.is_ready(self.scene_rect)
        return self._scene_ready

    def update(self, dt: float) -> None:
        self.art.update(dt)
        self._label_next()
        if self.hands_on and self.art.hands_on_done:
            self.play.hands_on_done = True

    def _label_next(self) -> None:
        """Next says what it will do: finish the hands-on moment, return, or move on."""
        if self.replay:
            self.next_button.label = self._("Back to my answer")
        else:
            self.next_button.label = self._("Show me") if self.showing_me else self._("Next")

    @property
    def showing_me(self) -> bool:
        """Next does the hands-on moment's next step (its label says "Show me")."""
        return not self.replay and self.hands_on and not self.art.hands_on_done

    def needs_redraw(self) -> bool:
        return self.art.is_animating() or (self.hands_on and not self.art.hands_on_done)

    @property
    def task_text(self) -> str:
        art = self.art
        if not self.hands_on:
            return ""
        _ = self._
        if art.hands_on_done:
            return _("Well done! Press Next when you are ready.")
        text = _("Your turn: {task}", task=_(art.hands_on_prompt))
        if art.show_hint:
            text += " " + _(art.hands_on_hint)
        if self.app.keyboard_used:  # keys mean nothing on a touch screen, so say them only to key users
            text += f" ({_(art.hands_on_keyboard)})"
        return text

    def layout(self) -> None:
        super().layout()
        ui = self.ui
        area = self.content_rect
        gap = ui.px(ui.m.gap)
        control = ui.control_height()
        pad = ui.px(18)
        text_w = area.width - 2 * pad
        # The band fits the level's longest caption and the hands-on line, so the scene keeps
        # one size through the level: it does not jump, and its sprites are drawn only once.
        captions = [lesson.caption for lesson in self.play.level.lessons]
        caption_h = max(ui.text.fit(c, ui.type_size("body"), text_w, 10_000).height for c in captions)
        task_h = int(ui.type_size("small") * 1.3) * (3 if ui.portrait or ui.text_scale > 1 else 2)
        band_h = caption_h + task_h + 2 * pad + gap
        if not self.hands_on:
            task_h = 0
        min_scene = area.height // 3
        band_h = min(band_h, area.height - control - 2 * gap - min_scene)
        buttons = pygame.Rect(area.left, area.bottom - control, area.width, control)
        self.band = pygame.Rect(area.left, buttons.top - gap - band_h, area.width, band_h)
        self.scene_rect = pygame.Rect(area.left, area.top, area.width, self.band.top - gap - area.top)
        inner = self.band.inflate(-2 * pad, -2 * pad)
        self.caption_rect, self.task_rect = stack(inner, [inner.height - task_h - (gap if task_h else 0), task_h], gap)
        if not self.hands_on:
            self.caption_rect = inner
        bw = min(ui.px(320), (area.width - gap) // 2)
        self.next_button.rect = pygame.Rect(buttons.right - bw, buttons.top, bw, control)
        self.replay_button.rect = pygame.Rect(buttons.left, buttons.top, bw, control)

    def draw_changed(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        """Only the scene moves: redraw its rectangle (its backdrop covers it all),
        unless the words below changed (the hint appeared, the moment was done)."""
        if self._drawn_words != (self.task_text, self.next_button.label):
            return None
        if min(self.scene_rect.size) < MIN_SCENE_PX or not self.ready():
            return []
        self.art.draw(surface, self.scene_rect)
        return [self.scene_rect.copy()]

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        self.draw_bar(surface)
        self._drawn_words = (self.task_text, self.next_button.label)
        # A tiny window leaves no room for the scene; until its sprites are drawn (between
        # frames, see idle) the backdrop colour stands in for it, for a frame or two.
        if min(self.scene_rect.size) >= MIN_SCENE_PX and self.ready():
            self.art.draw(surface, self.scene_rect)
        ui.panel(surface, self.band, ui.palette.surface_alt)
        ui.draw_text(surface, self.lesson.caption, "body", self.caption_rect)
        if self.task_rect.height:
            ui.draw_text(surface, self.task_text, "small", self.task_rect, ui.palette.primary, bold=True)
        self.draw_buttons(surface)
