"""Level 1, played to its results screen by keyboard alone, mouse alone and touch alone."""

from __future__ import annotations

import pytest
from driver import Driver

from game.core.progress import ProgressStore
from game.shell.scenes.level import LevelPlay


@pytest.mark.parametrize("way", ["keyboard", "mouse", "touch"])
def test_level_one_plays_through_and_its_best_survives_a_restart(way, shipped_content, make_app, tmp_path):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, data_dir=tmp_path)
    from game.shell.scenes.title import TitleScene

    app.replace(TitleScene(app))
    driver = Driver(app, way)
    driver.press(app.top.find("start"))
    assert app.top.name == "level-select"
    driver.press(app.top.find(shipped_content.levels[0].id), 1)
    driver.play_level("all")
    level = shipped_content.levels[0]
    result = app.top.result  # type: ignore[attr-defined]
    expected = sum(100 + min(20 * i, 100) for i in range(level.ask))
    assert (result.correct, result.asked, result.score, result.stars) == (level.ask, level.ask, expected, 3)
    saved = ProgressStore(tmp_path / "progress.json").get(level.id)
    assert (saved.best_score, saved.stars) == (expected, 3)


def test_a_mixed_play_scores_streaks_and_lists_what_to_remember(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    LevelPlay(app, shipped_content.levels[0]).begin()
    Driver(app, "mouse").play_level("RRWRRR")
    result = app.top.result  # type: ignore[attr-defined]
    assert (result.correct, result.score, result.stars) == (5, 100 + 120 + 100 + 120 + 140, 2)
    assert len(result.missed) == 1
    assert result.missed[0].explain in app.top.remember_text  # type: ignore[attr-defined]


def test_a_touch_counts_once_although_sdl_also_sends_a_mouse_copy(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    presses = []
    from game.shell.scenes.title import TitleScene

    app.replace(TitleScene(app))
    about = app.top.find("about")
    about.on_press = lambda: presses.append(1)  # type: ignore[method-assign]
    Driver(app, "touch").tap(about.rect.center)
    assert presses == [1]
