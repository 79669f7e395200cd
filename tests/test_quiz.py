"""Scoring, streaks, stars and the seeded shuffle: pure logic, no window."""

from __future__ import annotations

import dataclasses
import random

from game.core.content import Lesson, Level, Question
from game.core.quiz import AskedQuestion, QuizSession, plan_steps, speed_points, stars_for, streak_points


def make_level(n: int = 6, ask: int | None = None) -> Level:
    steps: list[Lesson | Question] = [Lesson("intro", "patrol", "Hello.")]
    for i in range(n):
        steps.append(
            Question(
                f"q{i}",
                "choice",
                f"Prompt {i}?",
                "Because.",
                "what-is",
                "intro",
                choices=("a", "b", "c"),
                answer="a",
            )
        )
    return Level("lvl", "Level", "Summary", "patrol", ask or n, tuple(steps))


def play(session: QuizSession, pattern: str) -> list[int]:
    """Answer each question right (R) or wrong (W); returns points per answer."""
    points = []
    for mark in pattern:
        while not isinstance(session.current, AskedQuestion):
            session.advance()
        points.append(session.answer("a" if mark == "R" else "b").points)
        session.advance()
    return points


def test_streak_bonus_grows_by_20_and_caps_at_100() -> None:
    assert [streak_points(s) for s in range(1, 9)] == [100, 120, 140, 160, 180, 200, 200, 200]


def test_a_miss_resets_the_streak() -> None:
    session = QuizSession.start(make_level(6), random.Random(1))
    assert play(session, "RRWRRR") == [100, 120, 0, 100, 120, 140]
    assert session.result().score == 580


def test_stars_thresholds() -> None:
    assert [stars_for(c, 6) for c in range(7)] == [0, 0, 0, 1, 1, 2, 3]
    assert stars_for(4, 5) == 2 and stars_for(8, 10) == 2 and stars_for(7, 10) == 1
    assert stars_for(0, 0) == 0


def test_result_lists_missed_questions() -> None:
    session = QuizSession.start(make_level(3), random.Random(1))
    play(session, "RWR")
    result = session.result()
    assert (result.correct, result.asked, result.stars) == (2, 3, 1)
    assert [q.id for q in result.missed] == ["q1"]


def test_speed_points_halve_at_the_limit() -> None:
    assert speed_points(0, 30) == 100 and speed_points(30, 30) == 50 and speed_points(15, 30) == 75
    assert speed_points(99, 30) == 50


def test_ask_draws_a_subset_in_file_order_and_keeps_lessons() -> None:
    level = make_level(9, ask=6)
    steps = plan_steps(level, random.Random(3))
    asked = [s.question.id for s in steps if isinstance(s, AskedQuestion)]
    assert len(asked) == 6 and asked == sorted(asked, key=lambda i: int(i[1:]))
    assert isinstance(steps[0], Lesson)


def test_same_seed_same_play_other_seed_other_play() -> None:
    level = make_level(9, ask=6)

    def shape(seed: int) -> list[tuple[str, tuple[str, ...]]]:
        return [
            (s.question.id, s.options) for s in plan_steps(level, random.Random(seed)) if isinstance(s, AskedQuestion)
        ]

    assert shape(5) == shape(5)
    assert any(shape(5) != shape(s) for s in range(6, 12))


def test_order_question_is_never_shown_already_in_order() -> None:
    q = Question("o", "order", "Order?", "Why.", "Immunotherapy Process", "intro", items=("a", "b", "c"))
    level = Level("l", "L", "S", "journey", 1, (Lesson("intro", "tests", "Hi."), q))
    for seed in range(50):
        steps = plan_steps(level, random.Random(seed))
        assert steps[1].options != ("a", "b", "c")  # type: ignore[union-attr]


def test_each_kind_checks_its_answer() -> None:
    tf = AskedQuestion(Question("t", "truefalse", "P", "E", "S", "r", truth=False), ("True", "False"))
    assert tf.is_correct(False) and not tf.is_correct(True)
    order = AskedQuestion(Question("o", "order", "P", "E", "S", "r", items=("a", "b", "c")), ("c", "a", "b"))
    assert order.is_correct(("a", "b", "c")) and not order.is_correct(("b", "a", "c"))
    pairs = (("x", "1"), ("y", "2"), ("z", "3"))
    match = AskedQuestion(Question("m", "match", "P", "E", "S", "r", pairs=pairs), ("3", "1", "2"))
    assert match.is_correct((("z", "3"), ("x", "1"), ("y", "2")))
    assert not match.is_correct((("x", "2"), ("y", "1"), ("z", "3")))


def test_a_question_cannot_be_answered_twice() -> None:
    session = QuizSession.start(make_level(2), random.Random(1))
    session.advance()
    session.answer("a")
    try:
        session.answer("a")
    except ValueError:
        pass
    else:  # pragma: no cover - the assertion below reports it
        raise AssertionError("a second answer was accepted")
    assert session.score == 100


def test_shipped_levels_plan_their_ask(shipped_content) -> None:  # type: ignore[no-untyped-def]
    for level in shipped_content.levels:
        steps = plan_steps(level, random.Random(0))
        assert sum(isinstance(s, AskedQuestion) for s in steps) == level.ask
        assert dataclasses.replace(level) == level


def test_every_kind_in_the_one_table_has_a_shell_module_and_a_right_and_wrong_answer() -> None:
    from game.core.kinds import SPECS
    from game.core.loader import load_content
    from game.shell.kinds import shell_of

    content = load_content("questions.yaml")
    for kind, spec in SPECS.items():
        assert spec.name == kind and shell_of(kind).controls.instruction, kind
        question = next((q for q in content.questions if q.kind == kind), None)
        if question is None:
            continue
        asked = AskedQuestion(question, spec.options(question, random.Random(1)))
        assert asked.is_correct(spec.right_response(question, asked.options)), kind
        assert not asked.is_correct(spec.wrong_response(question, asked.options)), kind


def test_a_level_with_a_spot_question_always_asks_one(shipped_content) -> None:  # type: ignore[no-untyped-def]
    """The scene's own question is asked in every play, whichever others are drawn."""
    for level in shipped_content.levels:
        spots = {q.id for q in level.questions if q.kind == "spot"}
        assert spots, level.id
        for seed in range(30):
            asked = [s.question.id for s in plan_steps(level, random.Random(seed)) if isinstance(s, AskedQuestion)]
            assert len(asked) == level.ask and spots & set(asked), (level.id, seed)
