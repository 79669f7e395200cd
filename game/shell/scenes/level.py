"""Playing a level: ``LevelPlay`` is the thread through one play.

It owns the quiz session and the level's animated scene, and moves the player from
step to step by replacing the screen: lesson beats (``lesson.py``), questions
(``question.py``) and feedback (``feedback.py``), then the results.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pygame

from game.core.content import Lesson, Level
from game.core.learning import Pairing, before_question
from game.core.parallel import in_source_language
from game.core.practice import lowest_first
from game.core.quiz import AskedQuestion, QuizSession, Response, plan_steps, speed_points
from game.shell.art import make_scene_art
from game.shell.scenes.feedback import FeedbackScene
from game.shell.scenes.guess import GuessScene
from game.shell.scenes.lesson import MIN_SCENE_PX, LessonScene
from game.shell.scenes.pause import PauseScene
from game.shell.scenes.question import QuestionScene

if TYPE_CHECKING:
    from game.shell.app import App

WARM_UP_BUDGET_S = 0.003  # between two frames, spent drawing sprites ahead of need (App.idle gives more)
BUILD_SHARE = 0.5  # a new sprite is started only in this first share of the budget

__all__ = ["FeedbackScene", "LessonScene", "LevelPlay", "QuestionScene"]


class LevelPlay:
    """One play of one level, from its first step to its results."""

    def __init__(self, app: App, level: Level) -> None:
        self.app = app
        self.level = level
        self.number = app.content.levels.index(level) + 1 if level in app.content.levels else 1
        last = app.content.levels[-1] if app.content.levels else None
        first = lowest_first(app.progress.missed_boxes()) if level is last else []  # the review level
        self.session = QuizSession(level, plan_steps(level, app.rng, first))
        self.art = make_scene_art(level.scene, app.reduced_motion, app.sheet, app.tr)
        self.hands_on_done = False  # the hands-on moment happens once per play
        self._warming: Iterator[None] | None = None
        self._warmed_for: tuple[tuple[int, int], tuple[int, int, int, int]] | None = None
        self.pairing = Pairing()  # before answers, in memory until the quiz asks again

    def warm_up(self, rect: pygame.Rect, cue: str, budget_s: float = WARM_UP_BUDGET_S) -> None:
        """Draw the scene's sprites ahead of need, a few milliseconds between frames
        (``App.idle``), so no cue stalls on its first frame; starts again if the window
        changed size."""
        if rect.width < MIN_SCENE_PX or rect.height < MIN_SCENE_PX:
            return  # a window squeezed too small has no room for the scene: nothing to warm
        size = self.app.screen.get_size()
        key = (size, (rect.x, rect.y, rect.width, rect.height))
        if key != self._warmed_for:
            self._warmed_for = key
            self._warming = self.art.warm_up(size, rect.copy(), cue)
        self.keep_warming(budget_s)

    def keep_warming(self, budget_s: float = WARM_UP_BUDGET_S) -> None:
        """Go on with a warm-up a lesson started. Question and feedback screens do this
        too (between frames), so the scene is ready for the level's next lesson."""
        if self._warming is None:
            return
        if self.app.sheet.cache.advance(self._warming, budget_s, BUILD_SHARE):
            self._warming = None

    def begin(self) -> None:
        self.app.stats.level_started(self.level.id)
        guess = before_question(self.session.steps) if self.app.settings.before_after else None
        if guess is not None and self.session.index == 0:
            self.app.replace(GuessScene(self.app, self, guess))
        else:
            self.show_current()

    def guessed(self, asked: AskedQuestion, response: Response) -> None:
        """The before answer: kept in memory for its pair, never scored, never shown right or wrong."""
        self.pairing.guessed(asked.question.id, asked.is_correct(response))

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
        source = next(iter(self.app.languages.values())).content  # English: the report's language
        self.app.stats.question_answered(*in_source_language(source, asked.question, response), outcome.correct)  # type: ignore[arg-type]
        if not outcome.correct:  # to practise later; a right answer here moves no box, only practice does
            self.app.progress.missed(asked.question.id)
        pair = self.pairing.answered(asked.question.id, outcome.correct)
        if pair is not None:
            self.app.stats.before_after(asked.question.id, self.level.id, *pair)
        self.app.sound("right" if outcome.correct else "miss")
        self.app.replace(FeedbackScene(self.app, self, asked, response, outcome))

    def watch_again(self, lesson_id: str) -> None:
        self.app.push(LessonScene(self.app, self, self.level.lesson(lesson_id), replay=True))

    def pause(self) -> None:
        self.app.push(PauseScene(self.app, self.restart))

    def restart(self) -> None:
        LevelPlay(self.app, self.level).begin()

    def finish(self) -> None:
        result = self.session.result()
        self.app.progress.record(result.level_id, result.score, result.stars)
        self.app.stats.level_finished(result.level_id, result.score)
        self.app.go("results", self.level, result)

    @property
    def progress_text(self) -> str:
        s = self.session
        if isinstance(s.current, AskedQuestion):
            return self.app.tr.gettext("Question {number} of {total}", number=s.question_number, total=s.asked_count)
        return self.app.tr.ngettext(
            "{done} of {total} question done",
            "{done} of {total} questions done",
            s.asked_count,
            done=s.question_number,
            total=s.asked_count,
        )
