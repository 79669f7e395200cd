"""Practise what you missed: the Leitner moves, the progress file, a kiosk visit, and a
player who misses a question in a level and practises it until it leaves the list."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from driver import Driver

from game.core import practice
from game.core.progress import LevelProgress, ProgressStore
from game.core.quiz import AskedQuestion, plan_steps
from game.shell.scenes.level import LevelPlay


# the Leitner moves
def test_a_miss_puts_a_question_in_box_one_even_from_a_higher_box() -> None:
    assert practice.missed({}, "q") == {"q": 1}
    assert practice.missed({"q": 3, "r": 2}, "q") == {"q": 1, "r": 2}


def test_right_answers_in_practice_move_it_up_and_the_third_takes_it_off_the_list() -> None:
    boxes: dict[str, int] = {"q": 1, "r": 2}
    boxes = practice.practised(boxes, "q", True)
    assert boxes == {"q": 2, "r": 2}
    boxes = practice.practised(boxes, "q", True)
    assert boxes == {"q": 3, "r": 2}
    boxes = practice.practised(boxes, "q", True)
    assert boxes == {"r": 2}


def test_a_wrong_answer_in_practice_goes_back_to_box_one() -> None:
    assert practice.practised({"q": 3}, "q", False) == {"q": 1}
    assert practice.practised({"q": 1}, "q", False) == {"q": 1}


def test_practice_of_a_question_not_on_the_list_changes_nothing() -> None:
    assert practice.practised({"q": 2}, "other", True) == {"q": 2}
    assert practice.practised({"q": 2}, "other", False) == {"q": 2}


def test_a_round_draws_the_lowest_box_first_at_most_its_size_and_repeatably() -> None:
    boxes = {"a": 3, "b": 1, "c": 2, "d": 1, "e": 3, "f": 2, "g": 1}
    drawn = practice.draw_round(boxes, random.Random(4), size=5)
    assert len(drawn) == 5
    assert sorted(drawn[:3]) == ["b", "d", "g"] and sorted(drawn[3:]) == ["c", "f"]
    assert drawn == practice.draw_round(boxes, random.Random(4), size=5)
    assert practice.draw_round({}, random.Random(1)) == []


@pytest.mark.parametrize("bad", [[], {"q": 0}, {"q": 4}, {"q": "1"}, {"q": True}])
def test_a_damaged_missed_list_is_not_read(bad: object) -> None:
    with pytest.raises(ValueError):
        practice.parse_boxes(bad)


def test_a_level_plan_takes_the_questions_in_first_before_any_drawn(shipped_content) -> None:  # type: ignore[no-untyped-def]
    level = shipped_content.levels[-1]
    wanted = [level.questions[-1].id, level.questions[0].id]
    for seed in range(6):
        asked = [s.question.id for s in plan_steps(level, random.Random(seed), wanted) if isinstance(s, AskedQuestion)]
        assert set(wanted) <= set(asked) and len(asked) == level.ask


# where the list is kept
def test_the_missed_list_survives_a_restart_and_old_files_still_load(tmp_path: Path) -> None:
    path = tmp_path / "progress.json"
    path.write_text(json.dumps({"schema": 1, "levels": {"a": {"best_score": 300, "stars": 1}}}))  # before practice
    store = ProgressStore(path)
    assert store.get("a") == LevelProgress(300, 1) and store.missed_boxes() == {}
    store.missed("q1")
    store.missed("q2")
    store.practised("q2", True)
    again = ProgressStore(path)
    assert again.missed_boxes() == {"q1": 1, "q2": 2}
    assert again.get("a") == LevelProgress(300, 1)
    assert list(tmp_path.iterdir()) == [path]  # written whole (atomically), nothing left beside it


def test_a_kiosk_keeps_the_list_for_the_visit_only(shipped_content, make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, kiosk=True, operator_pin="1234")
    LevelPlay(app, shipped_content.levels[0]).begin()
    Driver(app, "mouse").play_level("WRRRRR")
    assert len(app.progress.missed_boxes()) == 1
    assert app.top.find("practise").label == "Practise what you missed (1)"
    assert not (tmp_path / "progress.json").exists()
    app.reset_session()
    assert app.progress.missed_boxes() == {}


# a player, end to end
def practise_round(driver: Driver, right: bool = True) -> None:
    app = driver.app
    for _ in range(40):
        scene = app.top
        if scene.name == "practice-results":
            return
        if scene.name == "feedback":
            driver.press(scene.find("next"))
        else:
            assert scene.name.startswith("question"), scene.name
            assert app.top.play.progress_text.startswith("Practice: ")  # type: ignore[attr-defined]
            driver.answer(scene, scene.asked, right)  # type: ignore[attr-defined]
    raise AssertionError("the practice round never ended")


def test_a_miss_practised_right_three_times_leaves_the_list(shipped_content, make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, data_dir=tmp_path)
    level = shipped_content.levels[0]
    driver = Driver(app, "mouse")
    LevelPlay(app, level).begin()
    driver.play_level("WRRRRR")
    missed_id = app.top.result.missed[0].id  # type: ignore[attr-defined]
    best = app.progress.get(level.id)
    button = app.top.find("practise")
    assert button.label == "Practise what you missed (1)"
    driver.press(button)
    practise_round(driver)
    assert app.top.left_text == "1 question left to practise"  # type: ignore[attr-defined]
    assert ProgressStore(tmp_path / "progress.json").missed_boxes() == {missed_id: 2}
    driver.press(app.top.find("practise"))  # "Practise again"
    practise_round(driver, right=False)  # a miss in practice: back to box 1
    assert ProgressStore(tmp_path / "progress.json").missed_boxes() == {missed_id: 1}
    for box in (2, 3):
        driver.press(app.top.find("practise"))
        practise_round(driver)
        assert app.progress.missed_boxes() == {missed_id: box}
    driver.press(app.top.find("practise"))
    practise_round(driver)
    assert app.top.left_text == "Nothing left to practise. Well done!"  # type: ignore[attr-defined]
    assert [b.name for b in app.top.buttons] == ["levels"]
    assert ProgressStore(tmp_path / "progress.json").missed_boxes() == {}
    assert app.progress.get(level.id) == best  # practice changes no stars and no best score
    driver.press(app.top.find("levels"))
    assert app.top.name == "level-select"
    assert all(b.name != "practise" for b in app.top.buttons)


def test_level_select_offers_practice_and_the_last_level_asks_missed_first(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    last = shipped_content.levels[-1]
    for question in last.questions[-2:]:
        app.progress.missed(question.id)
    app.go("level-select")
    assert app.top.find("practise").label == "Practise what you missed (2)"
    for _ in range(4):
        asked = {s.question.id for s in LevelPlay(app, last).session.steps if isinstance(s, AskedQuestion)}
        assert {q.id for q in last.questions[-2:]} <= asked


def test_a_question_gone_from_the_content_is_not_offered(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    app.progress.missed("a-question-removed-from-the-file")
    app.go("level-select")
    assert all(b.name != "practise" for b in app.top.buttons)
    app.progress.missed(shipped_content.levels[0].questions[0].id)
    app.go("level-select")
    assert app.top.find("practise").label == "Practise what you missed (1)"


@pytest.mark.parametrize("way", ["mouse", "keyboard"])
def test_every_kind_can_be_practised_the_spot_question_included(shipped_content, make_app, way, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # Practice shows a question away from its level's play: each kind must still draw its
    # controls there (the spot question its scene), and answer right and wrong.
    level = next(lv for lv in shipped_content.levels if any(q.kind == "spot" for q in lv.questions))
    missed = {q.kind: q.id for q in level.questions}  # one question of every kind the level has
    app = make_app(shipped_content, data_dir=tmp_path)
    for qid in missed.values():
        app.progress.missed(qid)
    driver = Driver(app, way)
    app.go("practice")
    for _ in range(2):  # the first round right, then again (the list is not empty yet)
        practise_round(driver)
        assert app.top.name == "practice-results"
        driver.press(app.top.find("practise"))
    assert app.faults == []
