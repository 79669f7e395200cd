""" "What do you think?": one of the level's questions, asked before its first lesson.

Unscored and friendly: any answer is fine, nothing says right or wrong ("Let's find
out!"), and Skip is always there. The same question comes again, its options
reshuffled, in the level's quiz; LevelPlay pairs the two answers for the anonymous
before/after counts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.quiz import AskedQuestion
from game.shell.kinds.truefalse import TRUTH_LABELS  # the words for the two values, kept in one place
from game.shell.scenes.level_screen import LevelScreen
from game.shell.ui import Button, grid

if TYPE_CHECKING:
    from game.shell.app import App
    from game.shell.scenes.level import LevelPlay


class GuessScene(LevelScreen):
    """The level's before question; after an answer (or Skip) the first lesson follows."""

    name = "guess"

    def __init__(self, app: App, play: LevelPlay, asked: AskedQuestion) -> None:
        super().__init__(app, play)
        self.asked = asked
        self.answered = False
        self.heading_rect = pygame.Rect(0, 0, 0, 0)
        self.prompt_rect = pygame.Rect(0, 0, 0, 0)
        self.note_rect = pygame.Rect(0, 0, 0, 0)
        self.option_buttons = [
            Button(self.option_label(text), self._answerer(text), badge=str(i), name=f"option-{i}")
            for i, text in enumerate(asked.options, 1)
        ]
        self.skip_button = Button(self._("Skip"), self.go_on, name="skip")
        self.next_button = Button(self._("Next"), self.go_on, "primary", name="next")
        self.buttons = [*self.option_buttons, self.skip_button, self.pause_button]

    def option_label(self, value: str) -> str:
        return self._(TRUTH_LABELS[value]) if self.asked.question.kind == "truefalse" else value

    def _answerer(self, text: str):  # type: ignore[no-untyped-def]
        kind = self.asked.question.kind
        return lambda: self.guess(text if kind == "choice" else text == "True")

    def enter(self) -> None:
        super().enter()
        options = [f"{i}: {self.option_label(text)}." for i, text in enumerate(self.asked.options, 1)]
        self.app.speak([self._("What do you think?"), self.asked.question.prompt, *options])

    def screen_text(self) -> tuple[str, ...]:
        return (self.asked.question.prompt, *self.asked.options)

    def guess(self, response: str | bool) -> None:
        """Keep the guess (in memory, for the pair) and say only "Let's find out!"."""
        self.play.guessed(self.asked, response)
        self.answered = True
        self.buttons = [self.next_button, self.pause_button]
        self.focus = self.next_button
        self.layout()
        self.app.speak([self._("Let's find out!")])

    def go_on(self) -> None:
        self.play.show_current()

    def layout(self) -> None:
        super().layout()
        ui = self.ui
        area = self.content_rect
        gap = ui.px(ui.m.gap)
        control = ui.control_height()
        heading_h = int(ui.type_size("heading") * 1.5)
        self.heading_rect = pygame.Rect(area.left, area.top, area.width, heading_h)
        prompt_h = ui.text.fit(
            self.asked.question.prompt, ui.type_size("heading"), area.width - ui.px(36), 10_000, True
        ).height
        prompt_h = min(prompt_h + ui.px(28), area.height // 3)
        self.prompt_rect = pygame.Rect(area.left, self.heading_rect.bottom + gap // 2, area.width, prompt_h)
        top = self.prompt_rect.bottom + gap
        bottom_w = min(ui.px(300), (area.width - gap) // 2)
        bottom = pygame.Rect(area.right - bottom_w, area.bottom - control, bottom_w, control)
        self.skip_button.rect = bottom
        self.next_button.rect = bottom
        space = pygame.Rect(area.left, top, area.width, bottom.top - gap - top)
        self.note_rect = space
        n = len(self.option_buttons)
        columns = 2 if (n > 3 or self.asked.question.kind == "truefalse") and not ui.portrait else 1
        rows = -(-n // columns)
        cell_h = min((space.height - gap * (rows - 1)) // rows, int(control * 1.6))
        used = pygame.Rect(space.left, space.top, space.width, rows * cell_h + (rows - 1) * gap)
        for button, rect in zip(self.option_buttons, grid(used, n, columns, gap), strict=True):
            button.rect = rect

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        self.draw_bar(surface)
        heading = self._("What do you think?") if not self.answered else self._("Thank you!")
        hint = self._("Just a guess is fine.") if not self.answered else ""
        ui.draw_text(surface, f"{heading} {hint}".strip(), "body", self.heading_rect, bold=True, valign="middle")
        ui.panel(surface, self.prompt_rect)
        inner = self.prompt_rect.inflate(-ui.px(36), -ui.px(20))
        ui.draw_text(surface, self.asked.question.prompt, "heading", inner, bold=True, valign="middle")
        if self.answered:
            ui.draw_text(surface, self._("Let's find out!"), "title", self.note_rect, bold=True, align="center",
                         valign="middle")  # fmt: skip
        self.draw_buttons(surface)
