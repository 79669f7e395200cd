"""After an answer: right or not (icon, word and colour together), the right answer,
why, and after a miss a way to watch the lesson again."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.quiz import AskedQuestion, Outcome, Response
from game.shell.kinds import shell_of
from game.shell.scenes.level_screen import LevelScreen
from game.shell.ui import Button, draw_icon

if TYPE_CHECKING:
    from game.shell.app import App
    from game.shell.scenes.level import LevelPlay


# A picture shorter than this (large text on an upright screen) is left out: the
# explanation keeps its full size, and the answer line still names the right thing.
MIN_PICTURE_PX = 150


class FeedbackScene(LevelScreen):
    """Right or not (icon, word and colour together), the right answer, and why."""

    name = "feedback"

    def __init__(self, app: App, play: LevelPlay, asked: AskedQuestion, response: Response, outcome: Outcome) -> None:
        super().__init__(app, play)
        self.asked = asked
        self.response = response
        self.outcome = outcome
        q = asked.question
        self.next_button = Button(self._("Next"), play.next, "primary", name="next")
        self.watch_button = Button(self._("Watch again"), lambda: play.watch_again(q.replay), name="watch-again")
        self.buttons = [self.next_button, self.pause_button]
        if not outcome.correct:
            self.buttons.insert(0, self.watch_button)
        self.banner = pygame.Rect(0, 0, 0, 0)
        self.prompt_rect = pygame.Rect(0, 0, 0, 0)
        self.answer_rect = pygame.Rect(0, 0, 0, 0)
        self.explain_rect = pygame.Rect(0, 0, 0, 0)
        self.picture_rect = pygame.Rect(0, 0, 0, 0)  # kinds that show the answer in a picture
        self._picture_ready = False  # its sprites at this size are drawn (see idle)
        self.shell = shell_of(q.kind)
        self.chosen_rect = pygame.Rect(0, 0, 0, 0)
        self.chosen_shown = ""  # chosen_text or its one-line summary, whichever the layout had room for
        self.side_by_side = False  # the player's list beside the answer rather than under it

    def enter(self) -> None:
        super().enter()
        self.shell.enter_picture(self)
        self._picture_ready = False
        self.focus = self.next_button
        verdict = self._("Right!") if self.outcome.correct else self._("Not quite.")
        # After a miss, what the player gave comes first, in one line (empty when right).
        said = [verdict, self.chosen_summary, self.answer_text, self.asked.question.explain]
        self.app.speak(said)

    def resume(self) -> None:
        self.shell.enter_picture(self)  # "Watch again" showed a lesson's cue in the same scene
        self._picture_ready = False
        super().resume()

    def update(self, dt: float) -> None:
        super().update(dt)
        self.shell.update_picture(self, dt)

    def needs_redraw(self) -> bool:
        # a picture moves, or waits for its sprites (each frame asks; see draw_changed)
        return self.picture_rect.height > 0 and (not self._picture_ready or self.play.art.is_animating())

    def idle(self, budget_s: float) -> None:
        if not (self.picture_rect.height > 0 and self.shell.idle_picture(self, budget_s)):
            super().idle(budget_s)

    def ready(self) -> bool:
        if not self._picture_ready and self.picture_rect.height > 0:
            self._picture_ready = self.shell.picture_ready(self)
            self.app.dirty |= self._picture_ready  # show it now, even if nothing in it moves
        return self._picture_ready or self.picture_rect.height == 0

    def draw_changed(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        """Only the picture moves: redraw it alone (until its sprites are drawn, nothing)."""
        if self.picture_rect.height == 0 or not self.ready():
            return []
        old_clip = surface.get_clip()
        surface.set_clip(self.picture_rect)
        self.shell.draw_picture(self, surface, self.picture_rect)
        surface.set_clip(old_clip)
        return [self.picture_rect.copy()]

    def screen_text(self) -> tuple[str, ...]:
        return (self.asked.question.correct_text, self.asked.question.explain)

    def truth_label(self, value: bool) -> str:
        return self._("True") if value else self._("False")

    @property
    def answer_lines(self) -> str:
        return shell_of(self.asked.question.kind).answer_lines(self)

    @property
    def answer_text(self) -> str:
        return shell_of(self.asked.question.kind).answer_text(self)

    @property
    def chosen_text(self) -> str:
        """What the player gave, after a miss: the choice, or their order or pairs one per line."""
        if self.outcome.correct:
            return ""
        if self.response is None:
            return self._("Time ran out. That is fine: here is the answer.")
        return shell_of(self.asked.question.kind).chosen_text(self)

    @property
    def chosen_summary(self) -> str:
        """One line about what the player gave, for screens with no room for the whole of it."""
        if self.outcome.correct or self.response is None:
            return self.chosen_text
        return shell_of(self.asked.question.kind).chosen_summary(self)

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
        answer_text = self.answer_text
        body = ui.type_size("body")

        def answer_height(width: int) -> int:
            return ui.text.fit(answer_text, body, width - ui.px(100), 10_000, True).height + ui.px(24)

        def chosen_height(text: str, width: int) -> int:
            return max(int(body * 1.4), ui.text.fit(text, body, width - ui.px(60), 10_000).height + ui.px(8))

        # What the player gave goes under the answer; a list that does not fit there goes beside
        # it on a wide screen; else one line that counts the misses; else nothing.
        answer_h = min(answer_height(area.width), max(control, room - explain_h))  # shrinks its text if it must
        half = (area.width - gap) // 2
        self.chosen_shown, self.side_by_side, chosen_h = "", False, 0
        under = chosen_height(self.chosen_text, area.width) if self.chosen_text else 0
        if under and answer_h + under + explain_h <= room:
            self.chosen_shown, chosen_h = self.chosen_text, under
        elif "\n" in self.chosen_text and not ui.portrait:
            both = max(answer_height(half), chosen_height(self.chosen_text, half) + ui.px(4))
            if both + explain_h <= room:
                self.chosen_shown, self.side_by_side, chosen_h, answer_h = self.chosen_text, True, both, both
        if not self.chosen_shown and self.chosen_summary:
            summary_h = chosen_height(self.chosen_summary, area.width)
            if answer_h + summary_h + explain_h <= room:
                self.chosen_shown, chosen_h = self.chosen_summary, summary_h
        used = answer_h if self.side_by_side else answer_h + chosen_h
        prompt_h = ui.text.fit(q.prompt, ui.type_size("small"), area.width, 10_000).height
        if used + explain_h + prompt_h + gap > room:
            prompt_h = 0
        self.prompt_rect = pygame.Rect(area.left, self.banner.bottom + gap // 2, area.width, prompt_h)
        top = self.prompt_rect.bottom + (gap // 2 if prompt_h else 0)
        if self.side_by_side:
            self.answer_rect = pygame.Rect(area.left, top, half, answer_h)
            self.chosen_rect = pygame.Rect(area.right - half, top, half, chosen_h)
        else:
            self.answer_rect = pygame.Rect(area.left, top, area.width, answer_h)
            self.chosen_rect = pygame.Rect(area.left, self.answer_rect.bottom + gap // 2, area.width, chosen_h)
        top = self.chosen_rect.bottom + gap
        self.explain_rect = pygame.Rect(area.left, top, area.width, buttons.top - gap - top)
        self.picture_rect = pygame.Rect(0, 0, 0, 0)
        self._picture_ready = False
        if self.shell.has_picture:
            self.place_picture(self.explain_rect, gap)
        bw = min(ui.px(320), (area.width - gap) // 2)
        self.next_button.rect = pygame.Rect(buttons.right - bw, buttons.top, bw, control)
        self.watch_button.rect = pygame.Rect(buttons.left, buttons.top, bw, control)

    def place_picture(self, rest: pygame.Rect, gap: int) -> None:
        """The picture shares the explanation's room: under it on an upright screen, beside
        it on a wide one. The explanation keeps its full text size; where that leaves the
        picture too little room (large text), the picture is left out."""
        ui, explain = self.ui, self.asked.question.explain

        def need(width: int) -> int:
            return ui.text.fit(explain, ui.type_size("body"), width - ui.px(36), 10_000).height + ui.px(28)

        least = max(MIN_PICTURE_PX, ui.px(MIN_PICTURE_PX))
        if ui.portrait:
            tall = need(rest.width)
            left = rest.height - tall - gap
            if left >= least:
                self.explain_rect = pygame.Rect(rest.left, rest.top, rest.width, tall)
                self.picture_rect = pygame.Rect(rest.left, rest.top + tall + gap, rest.width, left)
        else:
            half = (rest.width - gap) // 2
            if need(half) <= rest.height and rest.height >= least:
                self.explain_rect = pygame.Rect(rest.left, rest.top, half, rest.height)
                self.picture_rect = pygame.Rect(rest.right - half, rest.top, half, rest.height)

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
        word = self._("Right!") if right else self._("Not quite")
        if right and self.outcome.points:
            word += "  " + self._("+{points} points", points=self.outcome.points)
            if self.outcome.streak > 1:
                word += " " + self.ngettext(
                    "({count} in a row)", "({count} in a row)", self.outcome.streak, count=self.outcome.streak
                )
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
        valign = "top" if self.side_by_side else "middle"  # beside the player's list, both start at the top
        ui.draw_text(surface, self.answer_text, "body", inner, bold=True, valign=valign)
        if self.chosen_shown and self.chosen_rect.height:
            # Beside the answer, the first lines line up with "The answer:".
            top = self.chosen_rect.top + (ui.px(12) if self.side_by_side else ui.px(4))
            mark = pygame.Rect(self.chosen_rect.left + ui.px(14), top + ui.px(2), ui.px(28), ui.px(28))
            draw_icon(surface, "cross", mark, p.wrong, ui.px(4))
            rect = pygame.Rect(
                self.chosen_rect.left + ui.px(60),
                top,
                self.chosen_rect.width - ui.px(60),
                self.chosen_rect.bottom - top,
            )
            ui.draw_text(surface, self.chosen_shown, "body", rect, p.text_muted)
        ui.panel(surface, self.explain_rect, p.surface_alt)
        ui.draw_text(surface, self.asked.question.explain, "body", self.explain_rect.inflate(-ui.px(36), -ui.px(28)))
        if self.picture_rect.height > 0 and self.ready():  # until then the backdrop stands in
            self.shell.draw_picture(self, surface, self.picture_rect)
        self.draw_buttons(surface)
