"""A question of any kind (choice, true/false, order, match), by touch, mouse or keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.i18n import N_
from game.core.quiz import AskedQuestion, Response
from game.shell.scenes.level_screen import LevelScreen
from game.shell.ui import Button, grid, row, stack

if TYPE_CHECKING:
    from game.shell.app import App
    from game.shell.scenes.level import LevelPlay


ORDINALS = (N_("1st"), N_("2nd"), N_("3rd"), N_("4th"), N_("5th"))
_INSTRUCTIONS = {
    "choice": N_("Choose one answer."),
    "truefalse": N_("Is this true or false?"),
    "order": N_("Tap the steps in the order they happen. Then press Check."),
    "match": N_("Tap an item on the left, then the one it goes with on the right. Then press Check."),
}
# A true/false question's two values, "True" and "False", and the words the player reads.
TRUTH_LABELS = {"True": N_("True"), "False": N_("False")}


class QuestionScene(LevelScreen):
    """A question of any kind; pressing an answer (or Check) hands it to the session."""

    name = "question"

    def __init__(self, app: App, play: LevelPlay, asked: AskedQuestion) -> None:
        super().__init__(app, play)
        self.asked = asked
        self.kind = asked.question.kind
        self.prompt_rect = pygame.Rect(0, 0, 0, 0)
        self.hint_rect = pygame.Rect(0, 0, 0, 0)
        self.order: list[str] = []  # order questions: items placed so far
        self.pairs: dict[str, str] = {}  # match questions: left -> right
        self.picked_left: str | None = None
        self.option_buttons: list[Button] = []
        self.slot_rects: list[pygame.Rect] = []
        settings = app.settings
        self.limit = float(settings.timer) if settings.mode == "challenge" and settings.timer else 0.0
        self.elapsed = 0.0
        self.timer_rect = pygame.Rect(0, 0, 0, 0)
        self.check_button = Button(self._("Check"), self.check, "primary", name="check")
        self.clear_button = Button(self._("Start over"), self.clear, name="clear")
        self.name = f"question-{self.kind}"
        self._build()

    # building the controls
    def _build(self) -> None:
        a = self.asked
        if self.kind in ("choice", "truefalse"):
            self.option_buttons = [
                Button(self.option_label(text), self._answerer(text), badge=str(i), name=f"option-{i}")
                for i, text in enumerate(a.options, 1)
            ]
            extra: list[Button] = []
        elif self.kind == "order":
            self.option_buttons = [
                Button(text, self._placer(text), badge=str(i), name=f"option-{i}")
                for i, text in enumerate(a.options, 1)
            ]
            extra = [self.clear_button, self.check_button]
        else:
            lefts = [Button(t, self._left_picker(t), badge=str(i), name=f"left-{i}") for i, t in enumerate(a.lefts, 1)]
            n = len(lefts)
            rights = [
                Button(t, self._right_picker(t), badge=str(n + i), name=f"right-{i}")
                for i, t in enumerate(a.options, 1)
            ]
            self.option_buttons = lefts + rights
            extra = [self.clear_button, self.check_button]
        self.buttons = [*self.option_buttons, *extra, self.pause_button]
        self._refresh()

    def option_label(self, value: str) -> str:
        """What the player reads on an option: a choice as written, True/False translated."""
        return self._(TRUTH_LABELS[value]) if self.kind == "truefalse" else value

    def _answerer(self, text: str):  # type: ignore[no-untyped-def]
        return lambda: self.submit(text if self.kind == "choice" else text == "True")

    def _placer(self, text: str):  # type: ignore[no-untyped-def]
        return lambda: self.place(text)

    def _left_picker(self, text: str):  # type: ignore[no-untyped-def]
        return lambda: self.pick_left(text)

    def _right_picker(self, text: str):  # type: ignore[no-untyped-def]
        return lambda: self.pick_right(text)

    def enter(self) -> None:
        super().enter()
        q = self.asked.question
        if q.kind == "match":
            options = [f"{left}." for left in self.asked.lefts] + [f"{right}." for right in self.asked.options]
        else:
            options = [f"{i}: {self.option_label(text)}." for i, text in enumerate(self.asked.options, 1)]
        self.app.speak([q.prompt, *options])
        self.app.stats.question_shown(q.id)

    def screen_text(self) -> tuple[str, ...]:
        q = self.asked.question
        return (q.prompt, *self.asked.options, *self.asked.lefts)

    def update(self, dt: float) -> None:
        super().update(dt)
        if not self.limit:
            return
        before = int(self.elapsed)
        self.elapsed += dt  # the pause menu sits on top, so pausing stops this clock
        if int(self.elapsed) != before:
            self.app.dirty = True
        if self.elapsed >= self.limit:
            self.submit(None)

    @property
    def seconds_left(self) -> int:
        return max(0, int(self.limit - self.elapsed + 0.999))

    # the player's moves
    def submit(self, response: Response) -> None:
        self.play.answer(self.asked, response, self.elapsed, self.limit)

    def place(self, item: str) -> None:
        if item in self.order:
            self.order.remove(item)
        else:
            self.order.append(item)
        self._refresh()

    def pick_left(self, left: str) -> None:
        if left in self.pairs:
            del self.pairs[left]
            self.picked_left = left
        else:
            self.picked_left = None if self.picked_left == left else left
        self._refresh()

    def pick_right(self, right: str) -> None:
        for left, r in list(self.pairs.items()):
            if r == right:
                del self.pairs[left]
        if self.picked_left is not None:
            self.pairs[self.picked_left] = right
            self.picked_left = None
        self._refresh()

    def clear(self) -> None:
        self.order.clear()
        self.pairs.clear()
        self.picked_left = None
        self._refresh()

    def check(self) -> None:
        if self.kind == "order" and len(self.order) == len(self.asked.options):
            self.submit(tuple(self.order))
        elif self.kind == "match" and len(self.pairs) == len(self.asked.lefts):
            self.submit(tuple(self.pairs.items()))

    def _refresh(self) -> None:
        """Show what has been placed or paired so far on the buttons themselves."""
        if self.kind == "order":
            for b in self.option_buttons:
                placed = b.label in self.order
                b.style = "selected" if placed else "secondary"
                b.tag = self._(ORDINALS[self.order.index(b.label)]) if placed else ""
            self.check_button.enabled = len(self.order) == len(self.asked.options)
        elif self.kind == "match":
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
            self.check_button.enabled = len(self.pairs) == len(self.asked.lefts)
        self.clear_button.enabled = bool(self.order or self.pairs or self.picked_left)
        if self.check_button.enabled and self.kind in ("order", "match"):
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
        if self.kind in ("order", "match"):
            bottom -= control + gap
            bw = min(ui.px(300), (area.width - gap) // 2)
            self.check_button.rect = pygame.Rect(area.right - bw, area.bottom - control, bw, control)
            self.clear_button.rect = pygame.Rect(area.left, area.bottom - control, bw, control)
        options = pygame.Rect(area.left, options_top, area.width, bottom - options_top)
        n = len(self.option_buttons)
        if self.kind == "match":
            half = n // 2
            if ui.portrait:
                cells = grid(options, n, 1, gap)
            else:
                left_col, right_col = row(options, 2, ui.px(48))
                cells = _column(left_col, half, control, gap) + _column(right_col, half, control, gap)
        elif self.kind == "order":
            cells = _column(options, n, control, gap)
        else:
            columns = 2 if n > 3 and not ui.portrait else 1
            if self.kind == "truefalse" and not ui.portrait:
                columns = 2
            rows = -(-n // columns)
            cell_h = min((options.height - gap * (rows - 1)) // rows, int(control * 1.6))
            used = pygame.Rect(options.left, options.top, options.width, rows * cell_h + (rows - 1) * gap)
            cells = grid(used, n, columns, gap)
        for button, rect in zip(self.option_buttons, cells):
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
        self.draw_buttons(surface)

    @property
    def hint_text(self) -> str:
        if self.kind == "match" and self.picked_left is not None:
            return self._('Now tap what goes with "{item}".', item=self.picked_left)
        return self._(_INSTRUCTIONS[self.kind])


def _column(rect: pygame.Rect, count: int, control: int, gap: int) -> list[pygame.Rect]:
    height = min((rect.height - gap * (count - 1)) // max(1, count), int(control * 1.4))
    return stack(rect, [height] * count, gap)
