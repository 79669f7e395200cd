"""The "What do you think?" question before a level's lessons, and its pair in the statistics."""

from __future__ import annotations

import json
from pathlib import Path

from game.core.content import Content
from game.core.learning import before_question
from game.core.quiz import AskedQuestion, plan_steps
from game.core.stats import StatsStore
from game.shell.scenes.level import LevelPlay


def _option(asked: AskedQuestion, right: bool) -> str:
    q = asked.question
    correct = q.answer if q.kind == "choice" else ("True" if q.truth else "False")
    n = next(i for i, option in enumerate(asked.options, 1) if (option == correct) == right)
    return f"option-{n}"


def test_the_before_question_is_one_the_quiz_asks_with_options_reshuffled(shipped_content: Content) -> None:
    import random

    for level in shipped_content.levels:
        steps = plan_steps(level, random.Random(3))
        guess = before_question(steps)
        assert guess is not None
        later = next(s for s in steps if isinstance(s, AskedQuestion) and s.question.id == guess.question.id)
        assert guess.question.kind in ("choice", "truefalse")
        assert sorted(guess.options) == sorted(later.options)
        if guess.question.kind == "choice":
            assert guess.options != later.options
        assert before_question(steps) == guess  # the same play always gets the same one


def test_a_wrong_guess_then_a_right_answer_is_one_wrong_to_right_pair(
    shipped_content: Content, make_app, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, before_after=True)
    path = tmp_path / "stats" / "statistics.json"
    app.stats = StatsStore(path, kiosk_name="Test kiosk")
    level = shipped_content.levels[0]
    play = LevelPlay(app, level)
    play.begin()
    assert app.top.name == "guess"
    guess = app.top.asked
    app.top.find(_option(guess, right=False)).on_press()
    app.frame([], 0.05)
    assert app.top.name == "guess" and app.top.answered  # "Let's find out!"
    assert [b.name for b in app.top.buttons] == ["next", "pause"]  # no right or wrong shown
    app.top.find("next").on_press()
    for _ in range(200):
        if app.top.name == "results":
            break
        step = play.session.current
        if app.top.name == "lesson":
            app.top.find("next").on_press()
        elif app.top.name.startswith("question"):
            assert isinstance(step, AskedQuestion)
            if step.question.id == guess.question.id:
                app.top.find(_option(step, right=True)).on_press()
            else:
                play.answer(step, None)  # the others as if time ran out
        elif app.top.name.startswith("feedback"):
            app.top.find("next").on_press()
        app.frame([], 0.05)
    assert app.top.name == "results"
    app.stats.flush()
    data = json.loads(path.read_text())
    pairs = {"right_right": 0, "right_wrong": 0, "wrong_right": 1, "wrong_wrong": 0}
    assert data["questions"][guess.question.id]["pairs"] == pairs
    assert data["levels"][level.id]["pairs"] == pairs
    others = [q["pairs"] for qid, q in data["questions"].items() if qid != guess.question.id]
    assert all(sum(p.values()) == 0 for p in others)


def test_skip_goes_to_the_first_lesson_and_counts_no_pair(shipped_content: Content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, before_after=True)
    play = LevelPlay(app, shipped_content.levels[0])
    play.begin()
    app.top.find("skip").on_press()
    app.frame([], 0.05)
    assert app.top.name == "lesson"
    assert len(play.pairing) == 0


def test_the_setting_turns_it_off(shipped_content: Content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, before_after=False)
    LevelPlay(app, shipped_content.levels[0]).begin()
    assert app.top.name == "lesson"


def test_the_settings_screen_turns_it_off(shipped_content: Content, make_app) -> None:  # type: ignore[no-untyped-def]
    from game.shell.scenes.settings import SettingsScene

    app = make_app(shipped_content, before_after=True)
    app.home()
    app.push(SettingsScene(app))
    app.frame([], 0.1)
    row = app.top.find("guess-first")
    assert row.value == "On"
    row.on_press()
    assert app.settings.before_after is False and app.top.find("guess-first").value == "Off"
    LevelPlay(app, shipped_content.levels[0]).begin()
    assert app.top.name == "lesson"
