"""A practice round: missed questions asked again through the level's own question and
feedback screens, scored apart from the levels (no stars, no best score), each answer
moving its question's Leitner box (``game.core.practice``)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from game.core.content import Level, Question
from game.core.practice import draw_round
from game.core.quiz import AskedQuestion, QuizSession, Response, ask_again
from game.shell.art import make_scene_art
from game.shell.scenes.feedback import FeedbackScene
from game.shell.scenes.level import LevelPlay

if TYPE_CHECKING:
    from game.shell.app import App

PRACTICE_ID = "practice"


def practice_questions(app: App) -> list[tuple[Level, Question]]:
    """This round's questions (lowest box first) with the level each comes from."""
    where = {q.id: (level, q) for level in app.content.levels for q in level.questions}
    boxes = {qid: box for qid, box in app.progress.missed_boxes().items() if qid in where}
    return [where[qid] for qid in draw_round(boxes, app.rng)]


class PracticePlay(LevelPlay):
    """One practice round. Each question is shown inside its own level (its title in the
    bar, its scene for "Watch again"); the round's score is its own."""

    def __init__(self, app: App, chosen: list[tuple[Level, Question]]) -> None:
        super().__init__(app, chosen[0][0])
        self.levels = [level for level, _ in chosen]
        steps = tuple(ask_again(q, app.rng) for _, q in chosen)
        round_level = dataclasses.replace(chosen[0][0], id=PRACTICE_ID, steps=tuple(q for _, q in chosen))
        self.session = QuizSession(round_level, steps)
        self.chosen = chosen

    def begin(self) -> None:
        self.show_current()  # no "What do you think?" question, no level counted as started

    def show_current(self) -> None:
        index = self.session.index
        if index < len(self.levels) and self.levels[index] is not self.level:
            self.level = self.levels[index]  # the level this question comes from
            self.number = self.app.content.levels.index(self.level) + 1
            self.art = make_scene_art(self.level.scene, self.app.reduced_motion, self.app.sheet, self.app.tr)
            self._warming, self._warmed_for = None, None
        super().show_current()

    def answer(self, asked: AskedQuestion, response: Response, elapsed: float = 0.0, limit: float = 0.0) -> None:
        """Score it (no speed points: practice has no race) and move its box; not counted in the statistics."""
        outcome = self.session.answer(response)
        self.app.progress.practised(asked.question.id, outcome.correct)
        self.app.sound("right" if outcome.correct else "miss")
        self.app.replace(FeedbackScene(self.app, self, asked, response, outcome))

    def restart(self) -> None:
        start_practice(self.app)

    def finish(self) -> None:
        self.app.go("practice-results", self.session.result())

    @property
    def progress_text(self) -> str:
        s = self.session
        return self.app.tr.gettext("Practice: {number} of {total}", number=s.question_number, total=s.asked_count)


def start_practice(app: App) -> None:
    """A new practice round, or the level select if nothing is left to practise."""
    chosen = practice_questions(app)
    if chosen:
        PracticePlay(app, chosen).begin()
    else:
        app.go("level-select")
