"""One play of a level: which questions are asked, in what shuffled form, and the score.

Pure logic, no pygame: the level screen asks the session what comes next, hands it
the player's response and shows the outcome it returns.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from game.core.content import Lesson, Level, Question
from game.core.kinds import spec_of
from game.core.kinds.base import Response as Response

POINTS_PER_ANSWER = 100
STREAK_STEP = 20  # bonus for each consecutive right answer after the first ...
STREAK_CAP = 100  # ... but never more than this per answer


@dataclass(frozen=True)
class AskedQuestion:
    """A question as this play shows it: its options in this play's shuffled order.

    ``options`` holds the choices (choice), True/False (truefalse), the items
    (order) or the right-hand items (match); for match, ``lefts`` keeps the left
    items in the order written.
    """

    question: Question
    options: tuple[str, ...]

    @property
    def lefts(self) -> tuple[str, ...]:
        return tuple(left for left, _ in self.question.pairs)

    def is_correct(self, response: Response) -> bool:
        if response is None:
            return False
        return spec_of(self.question.kind).is_correct(self.question, response)


Step = Lesson | AskedQuestion


@dataclass(frozen=True)
class Outcome:
    correct: bool
    points: int
    streak: int


@dataclass(frozen=True)
class LevelResult:
    level_id: str
    score: int
    correct: int
    asked: int
    stars: int
    missed: tuple[Question, ...]


def streak_points(streak: int) -> int:
    """Points for a right answer that makes a run of ``streak`` right answers in a row."""
    return POINTS_PER_ANSWER + min(STREAK_STEP * (streak - 1), STREAK_CAP)


def speed_points(elapsed: float, limit: float) -> int:
    """Challenge mode: extra points for a right answer given after ``elapsed`` of ``limit`` s.

    A slow right answer still earns half.
    """
    fraction = min(max(elapsed / limit, 0.0), 1.0)
    return round(100 * (1 - fraction / 2))


def stars_for(correct: int, asked: int) -> int:
    """1 star for at least half right, 2 for at least 80 %, 3 for all of them."""
    if asked <= 0:
        return 0
    if correct == asked:
        return 3
    if correct * 5 >= asked * 4:
        return 2
    if correct * 2 >= asked:
        return 1
    return 0


def plan_steps(level: Level, rng: random.Random, first: Sequence[str] = ()) -> tuple[Step, ...]:
    """Every lesson, and ``level.ask`` of its questions in file order, options shuffled.

    Questions whose ids are in ``first`` (in that order) are chosen before any drawn at random;
    then, for each kind that is always asked (the spot question), one of its questions.
    """
    pool = level.questions
    position = {q.id: i for i, q in enumerate(pool)}
    preferred = [position[qid] for qid in first if qid in position]
    for kind in sorted({q.kind for q in pool if spec_of(q.kind).always_asked}):
        if not any(pool[i].kind == kind for i in preferred):
            preferred.append(position[rng.choice([q.id for q in pool if q.kind == kind])])
    preferred = preferred[: level.ask]
    rest = [i for i in range(len(pool)) if i not in preferred]
    chosen = set(preferred) | set(rng.sample(rest, level.ask - len(preferred)))
    asked_ids = {pool[i].id for i in chosen}
    steps: list[Step] = []
    for step in level.steps:
        if isinstance(step, Lesson):
            steps.append(step)
        elif step.id in asked_ids:
            steps.append(AskedQuestion(step, spec_of(step.kind).options(step, rng)))
    return tuple(steps)


def ask_again(question: Question, rng: random.Random) -> AskedQuestion:
    """``question`` as a practice round shows it, options shuffled (by its kind's spec)."""
    return AskedQuestion(question, spec_of(question.kind).options(question, rng))


@dataclass
class QuizSession:
    """The state of one play of one level."""

    level: Level
    steps: tuple[Step, ...]
    index: int = 0
    score: int = 0
    streak: int = 0
    answers: list[tuple[AskedQuestion, bool]] = field(default_factory=list)

    @classmethod
    def start(cls, level: Level, rng: random.Random) -> QuizSession:
        return cls(level, plan_steps(level, rng))

    @property
    def current(self) -> Step | None:
        return self.steps[self.index] if self.index < len(self.steps) else None

    @property
    def finished(self) -> bool:
        return self.index >= len(self.steps)

    @property
    def asked_count(self) -> int:
        return sum(isinstance(s, AskedQuestion) for s in self.steps)

    @property
    def question_number(self) -> int:
        """1-based number of the current (or last) question among those asked."""
        upto = self.steps[: self.index + 1]
        return sum(isinstance(s, AskedQuestion) for s in upto)

    def answer(self, response: Response, bonus: int = 0) -> Outcome:
        """Score the current question; ``bonus`` adds speed points to a right answer."""
        step = self.current
        if not isinstance(step, AskedQuestion):
            raise ValueError("the current step is not a question")
        if any(asked is step for asked, _ in self.answers):
            raise ValueError("this question was already answered")
        correct = step.is_correct(response)
        self.streak = self.streak + 1 if correct else 0
        points = streak_points(self.streak) + bonus if correct else 0
        self.score += points
        self.answers.append((step, correct))
        return Outcome(correct, points, self.streak)

    def advance(self) -> None:
        if not self.finished:
            self.index += 1

    def result(self) -> LevelResult:
        correct = sum(ok for _, ok in self.answers)
        asked = self.asked_count
        missed = tuple(a.question for a, ok in self.answers if not ok)
        return LevelResult(self.level.id, self.score, correct, asked, stars_for(correct, asked), missed)
