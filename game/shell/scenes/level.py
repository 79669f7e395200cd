"""Playing a level: lesson beats with their animated scene, questions, and feedback.

``LevelPlay`` is the thread through one play: it owns the quiz session and the
level's animated scene, and moves the player from step to step by replacing the
screen. Each screen is a small scene of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.content import Lesson, Level
from game.core.quiz import AskedQuestion, Outcome, QuizSession, Response, speed_points
from game.shell.art import make_scene_art
from game.shell.scene import Scene
from game.shell.scenes.pause import PauseScene
from game.shell.ui import Button, draw_icon, grid, row, stack

if TYPE_CHECKING:
    from game.shell.app import App


class LevelPlay:
    """One play of one level, from its first step to its results."""

    def __init__(self, app: App, level: Level) -> None:
        self.app = app
        self.level = level
        self.number = app.content.levels.index(level) + 1 if level in app.content.levels else 1
        self.session = QuizSession.start(level, app.rng)
        self.art = make_scene_art(level.scene, app.reduced_motion)
        self.hands_on_done = False  # the hands-on moment happens once per play

    def begin(self) -> None:
        self.app.stats.level_started(self.level.id)
        self.show_current()

    def show_current(self) -> None:
        step = self.session.current
        if step is None:
            self.finish()
        elif isinstance(step, Lesson):
            self.app.replace(LessonScene(self.app, self, step))
        else:
            self.app.replace(QuestionScene(self.app, self, step))

    def next(self) -> None:
        self.session.advance()
        self.show_current()

    def answer(self, asked: AskedQuestion, response: Response, elapsed: float = 0.0, limit: float = 0.0) -> None:
        """Score the answer (with speed points in challenge mode) and show the feedback."""
        bonus = speed_points(elapsed, limit) if limit and asked.is_correct(response) else 0
        outcome = self.session.answer(response, bonus)
        self.app.stats.question_answered(asked.question, response, outcome.correct)
        self.app.sound("right" if outcome.correct else "miss")
        self.app.replace(FeedbackScene(self.app, self, asked, response, outcome))

    def watch_again(self, lesson_id: str) -> None:
        self.app.push(LessonScene(self.app, self, self.level.lesson(lesson_id), replay=True))

    def pause(self) -> None:
        self.app.push(PauseScene(self.app, self.restart))

    def restart(self) -> None:
        LevelPlay(self.app, self.level).begin()

    def finish(self) -> None:
        from game.shell.scenes.results import ResultsScene

        result = self.session.result()
        self.app.progress.record(result.level_id, result.score, result.stars)
        self.app.stats.level_finished(result.level_id, result.score)
        self.app.replace(ResultsScene(self.app, self.level, result))

    @property
    def progress_text(self) -> str:
        s = self.session
        if isinstance(s.current, AskedQuestion):
            return f"Question {s.question_number} of {s.asked_count}"
        return f"{s.question_number} of {s.asked_count} questions done"


class LevelScreen(Scene):
    """A screen inside a level: a top bar with the level's name, progress and Pause."""

    def __init__(self, app: App, play: LevelPlay) -> None:
        super().__init__(app)
        self.play = play
        self.pause_button = Button("Pause", play.pause, name="pause")
        self.words_button = Button("Words", self.show_words, name="words")
        self.bar = pygame.Rect(0, 0, 0, 0)
        self.bar_title = pygame.Rect(0, 0, 0, 0)
        self.bar_progress = pygame.Rect(0, 0, 0, 0)
        self.content_rect = pygame.Rect(0, 0, 0, 0)

    def back(self) -> None:
        self.play.pause()

    def screen_text(self) -> tuple[str, ...]:
        """The words on this screen, for the glossary button."""
        return ()

    @property
    def terms(self) -> tuple:  # type: ignore[type-arg]
        return self.app.content.terms_in(*self.screen_text())

    def show_words(self) -> None:
        from game.shell.scenes.glossary import GlossaryScene

        self.app.push(GlossaryScene(self.app, self.terms))

    def enter(self) -> None:
        super().enter()
        if self.terms and self.words_button not in self.buttons:
            self.buttons.insert(len(self.buttons) - 1, self.words_button)
            self.layout()

    def layout(self) -> None:
        ui = self.ui
        w, h = ui.size
        margin, gap = ui.px(ui.m.margin) // 2, ui.px(ui.m.gap)
        control = ui.control_height()
        self.bar = pygame.Rect(0, 0, w, control + 2 * margin)
        pause_w = max(ui.px(150), int(ui.type_size("body") * 4.2))
        self.pause_button.rect = pygame.Rect(w - margin - pause_w, margin, pause_w, control)
        self.words_button.rect = self.pause_button.rect.move(-pause_w - gap, 0)
        right = self.words_button.rect.left if self.words_button in self.buttons else self.pause_button.rect.left
        text_w = right - 2 * margin - gap
        half = pygame.Rect(2 * margin, margin, text_w, control)
        if ui.portrait:
            self.bar_title, self.bar_progress = half, pygame.Rect(0, 0, 0, 0)
        else:
            split = int(text_w * 0.6)
            self.bar_title = pygame.Rect(half.left, half.top, split, control)
            self.bar_progress = pygame.Rect(half.left + split + gap, half.top, text_w - split - gap, control)
        self.content_rect = pygame.Rect(
            2 * margin, self.bar.bottom + gap, w - 4 * margin, h - self.bar.bottom - gap - margin
        )

    def draw_bar(self, surface: pygame.Surface) -> None:
        ui = self.ui
        surface.fill(ui.palette.background)
        pygame.draw.rect(surface, ui.palette.surface, self.bar)
        pygame.draw.line(surface, ui.palette.border, self.bar.bottomleft, self.bar.bottomright, ui.px(2))
        title = f"Level {self.play.number}: {self.play.level.title}"
        ui.draw_text(surface, title, "small", self.bar_title, bold=True, valign="middle")
        if self.bar_progress.width:
            ui.draw_text(
                surface,
                self.play.progress_text,
                "small",
                self.bar_progress,
                ui.palette.text_muted,
                align="right",
                valign="middle",
            )


class LessonScene(LevelScreen):
    """A lesson beat: the level's animated scene at one cue, with its caption."""

    name = "lesson"

    def __init__(self, app: App, play: LevelPlay, lesson: Lesson, replay: bool = False) -> None:
        super().__init__(app, play)
        self.lesson = lesson
        self.replay = replay
        self.art = play.art
        self.hands_on = not replay and not play.hands_on_done and lesson.cue == self.art.hands_on_cue
        self.next_button = Button("Back to my answer" if replay else "Next", self.next, "primary", name="next")
        self.replay_button = Button("Play again", self.replay_beat, name="replay")
        self.buttons = [self.replay_button, self.next_button, self.pause_button]
        self.scene_rect = pygame.Rect(0, 0, 0, 0)
        self.caption_rect = pygame.Rect(0, 0, 0, 0)
        self.task_rect = pygame.Rect(0, 0, 0, 0)
        self.band = pygame.Rect(0, 0, 0, 0)
        self._shown_hint = False

    def enter(self) -> None:
        self.art.reduced_motion = self.app.reduced_motion
        self.art.set_cue(self.lesson.cue)
        if self.hands_on:
            self.art.start_hands_on()
        super().enter()
        self.focus = self.next_button
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

    def update(self, dt: float) -> None:
        self.art.update(dt)
        if self.hands_on and self.art.hands_on_done:
            self.play.hands_on_done = True
        if self.replay:
            self.next_button.label = "Back to my answer"
        else:
            self.next_button.label = "Show me" if self.hands_on and not self.art.hands_on_done else "Next"

    def needs_redraw(self) -> bool:
        return self.art.is_animating() or (self.hands_on and not self.art.hands_on_done)

    @property
    def task_text(self) -> str:
        art = self.art
        if not self.hands_on:
            return ""
        if art.hands_on_done:
            return "Well done! Press Next when you are ready."
        text = f"Your turn: {art.hands_on_prompt}"
        if art.show_hint:
            text += f" {art.hands_on_hint}"
        return text + f" ({art.hands_on_keyboard})"

    def layout(self) -> None:
        super().layout()
        ui = self.ui
        area = self.content_rect
        gap = ui.px(ui.m.gap)
        control = ui.control_height()
        pad = ui.px(18)
        text_w = area.width - 2 * pad
        caption_h = ui.text.fit(self.lesson.caption, ui.type_size("body"), text_w, 10_000).height
        task_h = (
            int(ui.type_size("small") * 1.3) * (3 if ui.portrait or ui.text_scale > 1 else 2) if self.hands_on else 0
        )
        band_h = caption_h + task_h + 2 * pad + (gap if task_h else 0)
        min_scene = area.height // 3
        band_h = min(band_h, area.height - control - 2 * gap - min_scene)
        buttons = pygame.Rect(area.left, area.bottom - control, area.width, control)
        self.band = pygame.Rect(area.left, buttons.top - gap - band_h, area.width, band_h)
        self.scene_rect = pygame.Rect(area.left, area.top, area.width, self.band.top - gap - area.top)
        inner = self.band.inflate(-2 * pad, -2 * pad)
        self.caption_rect, self.task_rect = stack(inner, [inner.height - task_h - (gap if task_h else 0), task_h], gap)
        bw = min(ui.px(320), (area.width - gap) // 2)
        self.next_button.rect = pygame.Rect(buttons.right - bw, buttons.top, bw, control)
        self.replay_button.rect = pygame.Rect(buttons.left, buttons.top, bw, control)

    def draw(self, surface: pygame.Surface) -> None:
        ui = self.ui
        self.draw_bar(surface)
        self.art.draw(surface, self.scene_rect)
        ui.panel(surface, self.band, ui.palette.surface_alt)
        ui.draw_text(surface, self.lesson.caption, "body", self.caption_rect)
        if self.task_rect.height:
            ui.draw_text(surface, self.task_text, "small", self.task_rect, ui.palette.primary, bold=True)
        self.draw_buttons(surface)


ORDINALS = ("1st", "2nd", "3rd", "4th", "5th")
_INSTRUCTIONS = {
    "choice": "Choose one answer.",
    "truefalse": "Is this true or false?",
    "order": "Tap the steps in the order they happen. Then press Check.",
    "match": "Tap an item on the left, then the one it goes with on the right. Then press Check.",
}


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
        self.check_button = Button("Check", self.check, "primary", name="check")
        self.clear_button = Button("Start over", self.clear, name="clear")
        self.name = f"question-{self.kind}"
        self._build()

    # building the controls
    def _build(self) -> None:
        a = self.asked
        if self.kind in ("choice", "truefalse"):
            self.option_buttons = [
                Button(text, self._answerer(text), badge=str(i), name=f"option-{i}")
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
            options = [f"{i}: {text}." for i, text in enumerate(self.asked.options, 1)]
        self.app.speak([q.prompt, *options])
        self.app.stats.question_shown(q.id)

    def screen_text(self) -> tuple[str, ...]:
        q = self.asked.question
        return (q.prompt, *self.asked.options, *self.asked.lefts)

    def update(self, dt: float) -> None:
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
                b.icon = ""
            self.check_button.enabled = len(self.order) == len(self.asked.options)
        elif self.kind == "match":
            paired_rights = set(self.pairs.values())
            for b in self.option_buttons:
                if b.name.startswith("left-"):
                    b.style = (
                        "selected"
                        if b.label == self.picked_left
                        else ("primary" if b.label in self.pairs else "secondary")
                    )
                else:
                    b.style = "primary" if b.label in paired_rights else "secondary"
            self.check_button.enabled = len(self.pairs) == len(self.asked.lefts)
        self.clear_button.enabled = bool(self.order or self.pairs or self.picked_left)
        if self.check_button.enabled and self.kind in ("order", "match"):
            self.focus = self.check_button  # all placed: Enter now checks the answer

    def pair_label(self, left: str) -> str:
        right = self.pairs.get(left)
        if right is None:
            return ""
        badge = next(b.badge for b in self.option_buttons if b.label == right and b.name.startswith("right-"))
        return badge

    # layout and drawing
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
            text = f"{self.seconds_left} s left"
            ui.draw_text(surface, text, "small", self.timer_rect, ui.palette.text, bold=True, align="right")
        self.draw_buttons(surface)
        if self.kind == "order":
            for b in self.option_buttons:
                if b.label in self.order:
                    self._draw_tag(surface, b.rect, ORDINALS[self.order.index(b.label)])
        elif self.kind == "match":
            for b in self.option_buttons:
                if b.name.startswith("left-") and b.label in self.pairs:
                    self._draw_tag(surface, b.rect, f"with {self.pair_label(b.label)}")

    def _draw_tag(self, surface: pygame.Surface, rect: pygame.Rect, text: str) -> None:
        """A white tag at the right end of a button: the place in the order, or the partner."""
        ui = self.ui
        w = min(ui.text.font(ui.type_size("body"), True).size(text)[0] + ui.px(24), rect.width // 3)
        tag = pygame.Rect(rect.right - w - ui.px(8), rect.top + ui.px(6), w, rect.height - ui.px(12))
        ui.panel(surface, tag, ui.palette.surface)
        ui.draw_text(surface, text, "body", tag, bold=True, align="center", valign="middle")

    @property
    def hint_text(self) -> str:
        base = _INSTRUCTIONS[self.kind]
        if self.kind == "match" and self.picked_left is not None:
            return f'Now tap what goes with "{self.picked_left}".'
        return base


def _column(rect: pygame.Rect, count: int, control: int, gap: int) -> list[pygame.Rect]:
    height = min((rect.height - gap * (count - 1)) // max(1, count), int(control * 1.4))
    return stack(rect, [height] * count, gap)


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
        banner_h = max(control, int(ui.type_size("title") * 1.3))
        self.banner = pygame.Rect(area.left, area.top, area.width, banner_h)
        buttons = pygame.Rect(area.left, area.bottom - control, area.width, control)
        text_w = area.width - ui.px(100)
        answer_h = ui.text.fit(
            "The answer: " + self.answer_lines, ui.type_size("body"), text_w, 10_000, True
        ).height + ui.px(24)
        chosen_h = int(ui.type_size("body") * 1.4) if self.chosen_text else 0
        answer_h = min(answer_h, area.height // 3)
        self.answer_rect = pygame.Rect(area.left, self.banner.bottom + gap, area.width, answer_h)
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
        text_rect = pygame.Rect(
            icon.right + ui.px(16), self.banner.top, self.banner.right - icon.right - ui.px(32), self.banner.height
        )
        ui.draw_text(surface, word, "title", text_rect, ink, bold=True, valign="middle")
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
        if self.chosen_text:
            mark = pygame.Rect(self.chosen_rect.left + ui.px(14), self.chosen_rect.top + ui.px(4), ui.px(28), ui.px(28))
            draw_icon(surface, "cross", mark, p.wrong, ui.px(4))
            rect = self.chosen_rect.move(ui.px(60), 0)
            rect.width -= ui.px(60)
            ui.draw_text(surface, self.chosen_text, "body", rect, p.text_muted, valign="middle")
        ui.panel(surface, self.explain_rect, p.surface_alt)
        ui.draw_text(surface, self.asked.question.explain, "body", self.explain_rect.inflate(-ui.px(36), -ui.px(28)))
        self.draw_buttons(surface)
