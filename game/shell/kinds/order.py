"""Order: the player taps the steps in turn (each shows its place), then Check."""

from __future__ import annotations

import pygame

from game.core.i18n import N_
from game.core.quiz import AskedQuestion, Response
from game.shell.kinds.base import KindControls, KindShell, Press, column
from game.shell.ui import Button

ORDINALS = (N_("1st"), N_("2nd"), N_("3rd"), N_("4th"), N_("5th"))


class OrderControls(KindControls):
    instruction = N_("Tap the steps in the order they happen. Then press Check.")
    checks = True

    def __init__(self, scene) -> None:  # type: ignore[no-untyped-def]
        super().__init__(scene)
        self.order: list[str] = []  # items placed so far
        self.option_buttons: list[Button] = []

    def buttons(self) -> list[Button]:
        self.option_buttons = [
            Button(text, self._placer(text), badge=str(i), name=f"option-{i}")
            for i, text in enumerate(self.asked.options, 1)
        ]
        return self.option_buttons

    def _placer(self, text: str):  # type: ignore[no-untyped-def]
        return lambda: self.place(text)

    def place(self, item: str) -> None:
        if item in self.order:
            self.order.remove(item)
        else:
            self.order.append(item)
        self.scene.refresh()

    def refresh(self) -> None:
        for b in self.option_buttons:
            placed = b.label in self.order
            b.style = "selected" if placed else "secondary"
            b.tag = self._(ORDINALS[self.order.index(b.label)]) if placed else ""

    def started(self) -> bool:
        return bool(self.order)

    def clear(self) -> None:
        self.order.clear()

    def ready(self) -> Response | None:
        return tuple(self.order) if len(self.order) == len(self.asked.options) else None

    def cells(self, options: pygame.Rect) -> list[pygame.Rect]:
        ui = self.scene.ui
        return column(options, len(self.option_buttons), ui.control_height(), ui.px(ui.m.gap))


class OrderShell(KindShell):
    controls = OrderControls

    def answer_lines(self, fb) -> str:  # type: ignore[no-untyped-def]
        return "\n" + fb.asked.question.correct_text

    def given_lines(self, fb) -> list[str]:  # type: ignore[no-untyped-def]
        if not isinstance(fb.response, tuple):
            return []
        return [f"{i}. {item}" for i, item in enumerate(fb.response, 1)]

    def chosen_text(self, fb) -> str:  # type: ignore[no-untyped-def]
        lines = self.given_lines(fb)
        return self.chosen_summary(fb) + ("\n" + "\n".join(lines) if lines else "")

    def chosen_summary(self, fb) -> str:  # type: ignore[no-untyped-def]
        q = fb.asked.question
        given = tuple(fb.response) if isinstance(fb.response, tuple) else ()
        placed = sum(1 for mine, right in zip(given, q.items) if mine == right)
        return fb._("Your order: {placed} of {total} in the right place", placed=placed, total=len(q.items))

    def presses(self, asked: AskedQuestion, right: bool) -> list[Press]:
        items = asked.question.items if right else tuple(reversed(asked.question.items))
        steps: list[Press] = []
        for item in items:
            n = asked.options.index(item) + 1
            steps.append((f"option-{n}", n))
        return [*steps, ("check", None)]


SHELL = OrderShell()
