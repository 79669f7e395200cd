"""A question of any kind, by touch, mouse or keys: the prompt, the hint, the timer and
Check; the kind's own controls come from ``game.shell.kinds``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.quiz import AskedQuestion, Response
from game.shell.kinds import shell_of
from game.shell.scenes.level_screen import LevelScreen
from game.shell.ui import Button

if TYPE_CHECKING:
    from game.shell.actions import Action
    from game.shell.app import App
    from game.shell.scenes.level import LevelPlay


class QuestionScene(LevelScreen):
    """A question of any kind; pressing an answer (or Check) hands it to the session."""

    name = "question"

    def __init__(self, app: App, play: LevelPlay, asked: AskedQuestion) -> None:
        super().__init__(app, play)
        self.asked = asked
        self.kind = asked.question.kind
        self.prompt_rect = pygame.Rect(0, 0, 0, 0)
        self.hint_rect = pygame.Rect(0, 0, 0, 0)
        settings = app.settings
        self.limit = float(settings.timer) if settings.mode == "challenge" and settings.timer else 0.0
        self.elapsed = 0.0
        self.timer_rect = pygame.Rect(0, 0, 0, 0)
        self.check_button = Button(self._("Check"), self.check, "primary", name="check")
        self.clear_button = Button(self._("Start over"), self.clear, name="clear")
        self.name = f"question-{self.kind}"
        self.controls = shell_of(self.kind).controls(self)
        self.option_buttons = self.controls.buttons()
        extra = [self.clear_button, self.check_button] if self.controls.checks else []
        self.buttons = [*self.option_buttons, *extra, self.pause_button]
        self.refresh()

    def enter(self) -> None:
        super().enter()
        q = self.asked.question
        self.app.speak([q.prompt, *self.controls.spoken()])
        self.app.stats.question_shown(q.id)

    def screen_text(self) -> tuple[str, ...]:
        return (self.asked.question.prompt, *self.controls.screen_text())

    def handle(self, action: Action) -> None:
        if not self.controls.handle(action):
            super().handle(action)

    def idle(self, budget_s: float) -> None:
        if not self.controls.idle(budget_s):
            super().idle(budget_s)

    def ready(self) -> bool:
        return self.controls.picture_ready()

    def update(self, dt: float) -> None:
        super().update(dt)
        self.controls.update(dt)
        if not self.limit:
            return
        before = int(self.elapsed)
        self.elapsed += dt  # the pause menu sits on top, so pausing stops this clock
        if int(self.elapsed) != before:
            self.app.dirty = True
        if self.elapsed >= self.limit:
            self.submit(None)

    def needs_redraw(self) -> bool:
        return self.controls.animating()

    def draw_changed(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        return self.controls.draw_changed(surface)  # a new second on the timer makes the app dirty

    @property
    def seconds_left(self) -> int:
        return max(0, int(self.limit - self.elapsed + 0.999))

    # the player's moves
    def submit(self, response: Response) -> None:
        self.play.answer(self.asked, response, self.elapsed, self.limit)

    def clear(self) -> None:
        self.controls.clear()
        self.refresh()

    def check(self) -> None:
        response = self.controls.ready()
        if response is not None:
            self.submit(response)

    def refresh(self) -> None:
        """Show the moves so far on the controls themselves."""
        self.controls.refresh()
        self.check_button.enabled = self.controls.ready() is not None
        self.clear_button.enabled = self.controls.started()
        if self.check_button.enabled and self.controls.checks:
            self.focus = self.check_button  # all placed: Enter now checks the answer

    def layout(self) -> None:
        super().layout()
        ui = self.ui
        area = self.content_rect
        gap = ui.px(ui.m.gap)
        control = ui.control_height()
        prompt_h = ui.text.fit(
            self.asked.question.prompt, ui.type_size("heading"), area.width - ui.px(36), 10_000, True
        ).height
        prompt_h = min(prompt_h + ui.px(28), area.height // 3)
        hint_h = int(ui.type_size("small") * 1.4) * (2 if ui.portrait or ui.text_scale > 1 else 1)
        self.prompt_rect = pygame.Rect(area.left, area.top, area.width, prompt_h)
        timer_w = int(ui.type_size("small") * 7) if self.limit else 0
        self.hint_rect = pygame.Rect(area.left, self.prompt_rect.bottom + gap // 2, area.width - timer_w, hint_h)
        self.timer_rect = pygame.Rect(self.hint_rect.right, self.hint_rect.top, timer_w, hint_h)
        options_top = self.hint_rect.bottom + gap // 2
        bottom = area.bottom
        if self.controls.checks:
            bottom -= control + gap
            bw = min(ui.px(300), (area.width - gap) // 2)
            self.check_button.rect = pygame.Rect(area.right - bw, area.bottom - control, bw, control)
            self.clear_button.rect = pygame.Rect(area.left, area.bottom - control, bw, control)
        options = pygame.Rect(area.left, options_top, area.width, bottom - options_top)
        for button, rect in zip(self.option_buttons, self.controls.cells(options)):
            button.rect = rect

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        self.draw_bar(surface)
        ui.panel(surface, self.prompt_rect)
        inner = self.prompt_rect.inflate(-ui.px(36), -ui.px(20))
        ui.draw_text(surface, self.asked.question.prompt, "heading", inner, bold=True, valign="middle")
        ui.draw_text(surface, self.hint_text, "small", self.hint_rect, ui.palette.text_muted)
        if self.limit:
            text = self.ngettext("{seconds} s left", "{seconds} s left", self.seconds_left, seconds=self.seconds_left)
            ui.draw_text(surface, text, "small", self.timer_rect, ui.palette.text, bold=True, align="right")
        self.controls.draw(surface)
        self.draw_buttons(surface)

    @property
    def hint_text(self) -> str:
        return self.controls.hint()
