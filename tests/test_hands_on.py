"""Every level's hands-on moment, done in the game by touch, by mouse and by keyboard alone."""

from __future__ import annotations

import pygame
import pytest
from driver import Driver

from game.shell.scenes.level import LessonScene, LevelPlay


def open_hands_on(app, content, index: int):  # type: ignore[no-untyped-def]
    level = content.levels[index]
    play = LevelPlay(app, level)
    lesson = next((ls for ls in level.lessons if ls.cue == play.art.hands_on_cue), None)
    assert lesson is not None, f"level {level.id} has no lesson on its hands-on cue '{play.art.hands_on_cue}'"
    app.replace(LessonScene(app, play, lesson))
    app.frame([], 0.1)
    return app.top


@pytest.mark.parametrize("way", ["touch", "mouse", "keyboard"])
@pytest.mark.parametrize("index", range(8))
def test_hands_on_moment_completes_by_hand(way, index, shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    scene = open_hands_on(app, shipped_content, index)
    assert scene.hands_on and scene.find("next").label == "Show me"
    driver = Driver(app, way)
    for _ in range(30):
        if scene.art.hands_on_done:
            break
        if way == "keyboard":
            driver.key(pygame.K_RETURN)
        else:
            targets = scene.art.hands_on_targets()
            assert targets, "the scene offers nothing to tap"
            driver.tap(targets[0])
    assert scene.art.hands_on_done
    assert app.frames_drawn and app.top is scene
    for _ in range(3):
        app.frame([], 0.1)
    assert scene.find("next").label == "Next"


def test_hands_on_moment_finishes_by_itself(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    scene = open_hands_on(app, shipped_content, 1)
    for _ in range(60):  # 6 s: a hint, not yet done
        app.frame([], 0.1)
    assert scene.art.show_hint and not scene.art.hands_on_done
    assert scene.art.hands_on_hint in scene.task_text
    for _ in range(150):
        app.frame([], 0.1)
    assert scene.art.hands_on_done


def test_the_art_and_the_loader_agree_on_the_hands_on_cues() -> None:
    from game.core.catalog import HANDS_ON_CUES, SCENE_CUES
    from game.shell.art import make_scene_art

    for name in SCENE_CUES:
        assert make_scene_art(name).hands_on_cue == HANDS_ON_CUES[name]
