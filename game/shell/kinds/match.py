"""Match: the player taps a left item, then the right one it goes with; then Check."""

from __future__ import annotations

import pygame

from game.core.i18n import N_
from game.core.kinds import spec_of
from game.core.quiz import AskedQuestion, Response
from game.shell.kinds.base import KindControls, KindShell, Press, column
from game.shell.ui import Button, grid, row


class MatchControls(KindControls):
    instruction = N_("Tap an item on the left, then the one it goes with on the right. Then press Check.")
    checks = True

    def __init__(self, scene) -> None:  # type: ignore[no-untyped-def]
        super().__init__(scene)
        self.pairs: dict[str, str] = {}  # left -> right
        self.picked_left: str | None = None
        self.option_buttons: list[Button] = []

    def buttons(self) -> list[Button]:
        a = self.asked
        lefts = [Button(t, self._left_picker(t), badge=str(i), name=f"left-{i}") for i, t in enumerate(a.lefts, 1)]
        n = len(lefts)
        rights = [
            Button(t, self._right_picker(t), badge=str(n + i), name=f"right-{i}") for i, t in enumerate(a.options, 1)
        ]
        self.option_buttons = lefts + rights
        return self.option_buttons

    def _left_picker(self, text: str):  # type: ignore[no-untyped-def]
        return lambda: self.pick_left(text)

    def _right_picker(self, text: str):  # type: ignore[no-untyped-def]
        return lambda: self.pick_right(text)

    def spoken(self) -> list[str]:
        return [f"{left}." for left in self.asked.lefts] + [f"{right}." for right in self.asked.options]

    def screen_text(self) -> tuple[str, ...]:
        return (*self.asked.options, *self.asked.lefts)

    def pick_left(self, left: str) -> None:
        if left in self.pairs:
            del self.pairs[left]
            self.picked_left = left
        else:
            self.picked_left = None if self.picked_left == left else left
        self.scene.refresh()

    def pick_right(self, right: str) -> None:
        for left, r in list(self.pairs.items()):
            if r == right:
                del self.pairs[left]
        if self.picked_left is not None:
            self.pairs[self.picked_left] = right
            self.picked_left = None
        self.scene.refresh()

    def refresh(self) -> None:
        badge_of = {b.label: b.badge for b in self.option_buttons}
        left_of = {right: left for left, right in self.pairs.items()}
        for b in self.option_buttons:
            if b.name.startswith("left-"):
                partner = self.pairs.get(b.label)
                b.style = "selected" if b.label == self.picked_left else ("primary" if partner else "secondary")
            else:
                partner = left_of.get(b.label)
                b.style = "primary" if partner else "secondary"
            # both sides name their partner
            b.tag = self._("with {number}", number=badge_of[partner]) if partner else ""

    def started(self) -> bool:
        return bool(self.pairs or self.picked_left)

    def clear(self) -> None:
        self.pairs.clear()
        self.picked_left = None

    def ready(self) -> Response | None:
        return tuple(self.pairs.items()) if len(self.pairs) == len(self.asked.lefts) else None

    def hint(self) -> str:
        if self.picked_left is not None:
            return self._('Now tap what goes with "{item}".', item=self.picked_left)
        return super().hint()

    def cells(self, options: pygame.Rect) -> list[pygame.Rect]:
        ui = self.scene.ui
        gap, control = ui.px(ui.m.gap), ui.control_height()
        n = len(self.option_buttons)
        if ui.portrait:
            return grid(options, n, 1, gap)
        left_col, right_col = row(options, 2, ui.px(48))
        return column(left_col, n // 2, control, gap) + column(right_col, n // 2, control, gap)


class MatchShell(KindShell):
    controls = MatchControls

    def answer_lines(self, fb) -> str:  # type: ignore[no-untyped-def]
        return "\n" + fb.asked.question.correct_text

    def given_pairs(self, fb) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
        """The player's pairs in the order the question lists its left items."""
        r = fb.response
        given: dict[str, str] = dict(p for p in r if isinstance(p, tuple)) if isinstance(r, tuple) else {}
        return [(left, given[left]) for left in fb.asked.lefts if left in given]

    def chosen_text(self, fb) -> str:  # type: ignore[no-untyped-def]
        lines = [f"{left} – {right}" for left, right in self.given_pairs(fb)] if isinstance(fb.response, tuple) else []
        return self.chosen_summary(fb) + ("\n" + "\n".join(lines) if lines else "")

    def chosen_summary(self, fb) -> str:  # type: ignore[no-untyped-def]
        q = fb.asked.question
        paired = dict(self.given_pairs(fb))
        matched = sum(1 for left, right in q.pairs if paired.get(left) == right)
        return fb._("Your pairs: {matched} of {total} right", matched=matched, total=len(q.pairs))

    def presses(self, asked: AskedQuestion, right: bool) -> list[Press]:
        spec = spec_of(asked.question.kind)
        pairs = (spec.right_response if right else spec.wrong_response)(asked.question, asked.options)
        partner = dict(pairs)  # type: ignore[arg-type]
        count = len(asked.lefts)
        steps: list[Press] = []
        for i, left in enumerate(asked.lefts, 1):
            n = asked.options.index(partner[left]) + 1
            steps += [(f"left-{i}", i), (f"right-{n}", count + n)]
        return [*steps, ("check", None)]


SHELL = MatchShell()
