"""After an answer: right or not (icon, word and colour together), the right answer,
why, and after a miss a way to watch the lesson again."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.quiz import AskedQuestion, Outcome, Response
from game.shell.scenes.level_screen import LevelScreen
from game.shell.ui import Button, draw_icon

if TYPE_CHECKING:
    from game.shell.app import App
    from game.shell.scenes.level import LevelPlay


class FeedbackScene(LevelScreen):
    """Right or not (icon, word and colour together), the right answer, and why."""

    name = "feedback"

    def __init__(self, app: App, play: LevelPlay, asked: AskedQuestion, response: Response, outcome: Outcome) -> None:
        super().__init__(app, play)
        self.asked = asked
        self.response = response
        self.outcome = outcome
        q = asked.question
        self.next_button = Button("Next", play.next, "primary", name="next")
        self.watch_button = Button("Watch again", lambda: play.watch_again(q.replay), name="watch-again")
        self.buttons = [self.next_button, self.pause_button]
        if not outcome.correct:
            self.buttons.insert(0, self.watch_button)
        self.banner = pygame.Rect(0, 0, 0, 0)
        self.prompt_rect = pygame.Rect(0, 0, 0, 0)
        self.answer_rect = pygame.Rect(0, 0, 0, 0)
        self.explain_rect = pygame.Rect(0, 0, 0, 0)
        self.chosen_rect = pygame.Rect(0, 0, 0, 0)

    def enter(self) -> None:
        super().enter()
        self.focus = self.next_button
        verdict = "Right!" if self.outcome.correct else "Not quite."
        self.app.speak([verdict, "The answer: " + self.answer_lines, self.asked.question.explain])

    def screen_text(self) -> tuple[str, ...]:
        return (self.asked.question.correct_text, self.asked.question.explain)

    @property
    def answer_lines(self) -> str:
        q = self.asked.question
        return q.correct_text if q.kind in ("choice", "truefalse") else "\n" + q.correct_text

    @property
    def chosen_text(self) -> str:
        if self.outcome.correct:
            return ""
        if self.response is None:
            return "Time ran out. That is fine: here is the answer."
        if self.asked.question.kind not in ("choice", "truefalse"):
            return ""
        shown = self.response if isinstance(self.response, str) else ("True" if self.response else "False")
        return f"You chose: {shown}"

    def layout(self) -> None:
        super().layout()
        ui = self.ui
        area = self.content_rect
        gap = ui.px(ui.m.gap)
        control = ui.control_height()
        q = self.asked.question
        banner_h = max(control, int(ui.type_size("title") * 1.3))
        self.banner = pygame.Rect(area.left, area.top, area.width, banner_h)
        buttons = pygame.Rect(area.left, area.bottom - control, area.width, control)
        room = buttons.top - self.banner.bottom - 3 * gap
        # Space goes first to the explanation, then the answer, then what was chosen, and
        # last to the question repeated in small type (left out when the screen is full).
        explain_h = ui.text.fit(q.explain, ui.type_size("body"), area.width - ui.px(36), 10_000).height + ui.px(28)
        answer_text = "The answer: " + self.answer_lines
        answer_h = ui.text.fit(answer_text, ui.type_size("body"), area.width - ui.px(100), 10_000, True).height
        answer_h = min(answer_h + ui.px(24), max(control, room - explain_h))
        chosen_h = int(ui.type_size("body") * 1.4) if self.chosen_text else 0
        if answer_h + chosen_h + explain_h > room:
            chosen_h = 0
        prompt_h = ui.text.fit(q.prompt, ui.type_size("small"), area.width, 10_000).height
        if answer_h + chosen_h + explain_h + prompt_h + gap > room:
            prompt_h = 0
        self.prompt_rect = pygame.Rect(area.left, self.banner.bottom + gap // 2, area.width, prompt_h)
        top = self.prompt_rect.bottom + (gap // 2 if prompt_h else 0)
        self.answer_rect = pygame.Rect(area.left, top, area.width, answer_h)
        self.chosen_rect = pygame.Rect(area.left, self.answer_rect.bottom + gap // 2, area.width, chosen_h)
        top = self.chosen_rect.bottom + gap
        self.explain_rect = pygame.Rect(area.left, top, area.width, buttons.top - gap - top)
        bw = min(ui.px(320), (area.width - gap) // 2)
        self.next_button.rect = pygame.Rect(buttons.right - bw, buttons.top, bw, control)
        self.watch_button.rect = pygame.Rect(buttons.left, buttons.top, bw, control)

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        p = ui.palette
        self.draw_bar(surface)
        right = self.outcome.correct
        fill, ink = (p.right, p.on_right) if right else (p.wrong, p.on_wrong)
        ui.panel(surface, self.banner, fill)
        d = self.banner.height - ui.px(20)
        icon = pygame.Rect(self.banner.left + ui.px(16), self.banner.top + ui.px(10), d, d)
        draw_icon(surface, "check" if right else "cross", icon, ink, ui.px(7))
        word = "Right!" if right else "Not quite"
        if right and self.outcome.points:
            word += f"  +{self.outcome.points} points"
            if self.outcome.streak > 1:
                word += f" ({self.outcome.streak} in a row)"
        text_rect = pygame.Rect(
            icon.right + ui.px(16), self.banner.top, self.banner.right - icon.right - ui.px(32), self.banner.height
        )
        ui.draw_text(surface, word, "title", text_rect, ink, bold=True, valign="middle")
        if self.prompt_rect.height:
            ui.draw_text(surface, self.asked.question.prompt, "small", self.prompt_rect, p.text_muted)
        ui.panel(surface, self.answer_rect, p.surface)
        pygame.draw.rect(surface, p.right, self.answer_rect, ui.px(5), border_radius=ui.px(ui.m.radius))
        mark = pygame.Rect(self.answer_rect.left + ui.px(14), self.answer_rect.top + ui.px(12), ui.px(36), ui.px(36))
        draw_icon(surface, "check", mark, p.right, ui.px(5))
        inner = pygame.Rect(
            mark.right + ui.px(14),
            self.answer_rect.top + ui.px(12),
            self.answer_rect.width - ui.px(100),
            self.answer_rect.height - ui.px(24),
        )
        ui.draw_text(surface, "The answer: " + self.answer_lines, "body", inner, bold=True, valign="middle")
        if self.chosen_text and self.chosen_rect.height:
            mark = pygame.Rect(self.chosen_rect.left + ui.px(14), self.chosen_rect.top + ui.px(4), ui.px(28), ui.px(28))
            draw_icon(surface, "cross", mark, p.wrong, ui.px(4))
            rect = self.chosen_rect.move(ui.px(60), 0)
            rect.width -= ui.px(60)
            ui.draw_text(surface, self.chosen_text, "body", rect, p.text_muted, valign="middle")
        ui.panel(surface, self.explain_rect, p.surface_alt)
        ui.draw_text(surface, self.asked.question.explain, "body", self.explain_rect.inflate(-ui.px(36), -ui.px(28)))
        self.draw_buttons(surface)
