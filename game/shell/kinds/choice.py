"""Choice: one button per choice; pressing one answers."""

from __future__ import annotations

import pygame

from game.core.i18n import N_
from game.core.kinds import spec_of
from game.core.quiz import AskedQuestion
from game.shell.kinds.base import KindControls, KindShell, Press
from game.shell.ui import Button, grid


class ChoiceControls(KindControls):
    instruction = N_("Choose one answer.")

    def label(self, value: str) -> str:
        return value

    def value(self, option: str) -> object:
        """The response an option gives."""
        return option

    def buttons(self) -> list[Button]:
        return [
            Button(self.label(text), self._answerer(text), badge=str(i), name=f"option-{i}")
            for i, text in enumerate(self.asked.options, 1)
        ]

    def _answerer(self, text: str):  # type: ignore[no-untyped-def]
        return lambda: self.scene.submit(self.value(text))  # type: ignore[arg-type]

    def spoken(self) -> list[str]:
        return [f"{i}: {self.label(text)}." for i, text in enumerate(self.asked.options, 1)]

    def columns(self, n: int) -> int:
        return 2 if n > 3 and not self.scene.ui.portrait else 1

    def cells(self, options: pygame.Rect) -> list[pygame.Rect]:
        ui = self.scene.ui
        gap = ui.px(ui.m.gap)
        n = len(self.asked.options)
        columns = self.columns(n)
        rows = -(-n // columns)
        cell_h = min((options.height - gap * (rows - 1)) // rows, int(ui.control_height() * 1.6))
        used = pygame.Rect(options.left, options.top, options.width, rows * cell_h + (rows - 1) * gap)
        return grid(used, n, columns, gap)


class ChoiceShell(KindShell):
    controls = ChoiceControls

    def chosen_text(self, fb) -> str:  # type: ignore[no-untyped-def]
        return fb._("You chose: {choice}", choice=fb.response)

    def presses(self, asked: AskedQuestion, right: bool) -> list[Press]:
        spec = spec_of(asked.question.kind)
        want = (spec.right_response if right else spec.wrong_response)(asked.question, asked.options)
        n = next(i for i, option in enumerate(asked.options, 1) if _means(asked, option) == want)
        return [(f"option-{n}", n)]


def _means(asked: AskedQuestion, option: str) -> object:
    return (option == "True") if asked.question.kind == "truefalse" else option


SHELL = ChoiceShell()
