"""The settings screen shows each value apart from its name, between arrows, and steps
both ways: a tap on the row or Enter goes forward, the left arrow or the Left key back."""

from __future__ import annotations

import pygame
import pytest
from driver import Driver

from game.shell.scenes import settings as settings_scene
from game.shell.scenes.settings import HINT, SettingRow, SettingsScene


@pytest.fixture(autouse=True)
def speech_installed(monkeypatch):  # type: ignore[no-untyped-def]
    """Every row can change, whether or not this machine has the speech extra (CI has not);
    test_speech.py covers the row that says read-aloud is not available."""
    monkeypatch.setattr(settings_scene, "speech_installed", lambda: True)


def open_settings(app):  # type: ignore[no-untyped-def]
    app.home()
    app.push(SettingsScene(app))
    app.frame([], 0.1)
    return app.top


def test_each_row_shows_its_name_and_current_value_apart(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, text_size=150, mode="challenge", timer=45)
    scene = open_settings(app)
    shown = {row.name: (row.title, row.value) for row in scene.rows}
    assert shown["text"] == ("Text size", "150 %")
    assert shown["mode"] == ("Mode", "Challenge (timer, speed points)")
    assert shown["timer"] == ("Timer", "45 seconds")
    for row in scene.rows:
        assert row.steppable and row.chip.width and row.rect.contains(row.chip)
        assert not row.title_rect.colliderect(row.chip)


@pytest.mark.parametrize("way", ["mouse", "touch"])
def test_a_tap_on_a_row_steps_forward_and_on_its_left_arrow_back(way, shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    scene = open_settings(app)
    driver = Driver(app, way)
    row = scene.find("text")
    driver.tap(row.title_rect.center)
    assert app.settings.text_size == 150 and row.value == "150 %"
    driver.tap(row.chip.midright)  # the right arrow: forward too
    assert app.settings.text_size == 200
    back = scene.find("volume")
    driver.tap((back.chip.left + back.arrow_w // 2, back.chip.centery))
    assert app.settings.volume == 40 and back.value == "40 %"


def test_left_and_right_keys_step_the_focused_row_and_go_round(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    scene = open_settings(app)
    driver = Driver(app, "keyboard")
    assert scene.focus is scene.find("text")
    driver.key(pygame.K_RIGHT)
    assert app.settings.text_size == 150
    driver.key(pygame.K_LEFT)
    driver.key(pygame.K_LEFT)
    assert app.settings.text_size == 200  # back from the first value goes round to the last
    driver.key(pygame.K_RETURN)
    assert app.settings.text_size == 100
    driver.key(pygame.K_DOWN)  # Up and Down still move between rows
    assert app.top.focus is app.top.find("theme")
    driver.key(pygame.K_RIGHT)
    assert app.settings.theme == "high-contrast"


def test_rows_that_cannot_change_show_why_without_arrows(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, mode="relaxed")
    scene = open_settings(app)
    timer = scene.find("timer")
    assert isinstance(timer, SettingRow)
    assert not timer.enabled and not timer.steppable and not timer.chip.width
    assert timer.label == "Timer: only in Challenge mode"
    scene.change(scene.options[[o.name for o in scene.options].index("mode")], +1)
    assert timer.enabled and timer.steppable and timer.value == "30 seconds"


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (720, 1280)])
@pytest.mark.parametrize("text_size", [100, 150, 200])
def test_names_values_and_hint_fit_at_every_text_size(size, text_size, shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, size=size, text_size=text_size, mode="challenge")
    scene = open_settings(app)
    screen = app.screen.get_rect()
    assert scene.hint_rect.width and screen.contains(scene.hint_rect)
    assert not scene.hint_rect.colliderect(scene.done.rect)
    for row in scene.rows:
        assert screen.contains(row.rect)
        # the left-arrow target is a real target, not a sliver
        assert min(row.back_zone.size) >= 48 * min(1.0, app.ui.scale), (row.name, row.back_zone)
    assert not app.ui.text.overflows, sorted(app.ui.text.overflows)
    assert HINT.isascii()  # drawn arrows, not glyphs: Lato has no arrow characters


def test_the_value_box_draws_arrow_heads_in_text_colour(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    scene = open_settings(app)
    row = scene.find("sound")
    ink = app.ui.palette.text
    for x in (row.chip.left + row.arrow_w // 2, row.chip.right - row.arrow_w // 2):
        assert tuple(app.screen.get_at((x, row.chip.centery)))[:3] == ink
