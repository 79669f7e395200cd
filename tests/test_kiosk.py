"""Kiosk mode: the attract loop, idle reset, the staff PIN, quit events, never down."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pygame
import pytest
from conftest import MINIMAL
from driver import Driver

from game.shell.actions import Act, Action
from game.shell.scenes.level import LevelPlay


def kiosk_app(make_app, content, **fields):  # type: ignore[no-untyped-def]
    fields.setdefault("operator_pin", "2468")
    fields.setdefault("idle_timeout", 30)
    app = make_app(content, kiosk=True, **fields)
    app.home()
    app.frame([], 0.1)
    return app


def tick(app, seconds: float) -> None:  # type: ignore[no-untyped-def]
    for _ in range(round(seconds / 0.1)):
        app.frame([], 0.1)


def key(app, k: int, mod: int = 0) -> None:  # type: ignore[no-untyped-def]
    app.frame([pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)], 0.1)
    tick(app, 0.3)


def test_kiosk_starts_on_the_attract_loop_and_a_touch_starts_the_game(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content)
    assert app.top.name == "attract"
    Driver(app, "touch").tap((640, 500))
    assert app.top.name == "title"
    assert "quit" not in [b.name for b in app.top.buttons]


def test_quit_events_do_nothing_in_kiosk_mode(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content)
    Driver(app, "touch").tap((640, 500))
    app.frame([pygame.event.Event(pygame.QUIT)], 0.1)
    key(app, pygame.K_F4, pygame.KMOD_ALT)
    key(app, pygame.K_ESCAPE)
    assert app.running and app.top.name == "title"


def test_idle_visitor_gets_a_countdown_then_a_full_reset(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content, idle_timeout=30, countdown=20)
    fresh = app.visitor_state()
    Driver(app, "touch").tap((640, 500))
    app.top.find("settings").on_press()
    app.top.find("text").on_press()  # the visitor makes the text bigger ...
    app.top.find("done").on_press()
    LevelPlay(app, shipped_content.levels[0]).begin()  # ... and starts a level
    Driver(app, "mouse").play_level("all")
    assert app.settings.text_size == 150 and app.progress.get(shipped_content.levels[0].id).stars == 3
    tick(app, 29.5)
    assert app.top.name == "results"
    tick(app, 1.0)
    assert app.top.name == "still-there"
    assert "20 seconds" in app.top.body
    tick(app, 19.0)
    assert app.top.name == "still-there"
    tick(app, 1.5)
    assert app.top.name == "attract"
    assert app.visitor_state() == fresh


def test_im_still_here_keeps_the_visitor(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content, idle_timeout=30)
    Driver(app, "touch").tap((640, 500))
    tick(app, 31)
    assert app.top.name == "still-there"
    Driver(app, "touch").tap(app.top.find("still-here").rect.center)
    assert app.top.name == "title"
    tick(app, 25)
    assert app.top.name == "title"


def test_idle_time_waits_while_read_aloud_is_speaking(shipped_content, make_app):  # type: ignore[no-untyped-def]
    from test_speech import FakeSpeaker

    speaker = FakeSpeaker(seconds_per_line=100)
    app = make_app(shipped_content, kiosk=True, idle_timeout=30, read_aloud=True, speaker_factory=lambda: speaker)
    app.home()
    Driver(app, "touch").tap((640, 500))
    LevelPlay(app, shipped_content.levels[0]).begin()
    speaker.clock = lambda: app.now
    app.speak(["a long caption"])
    tick(app, 60)
    assert app.top.name == "lesson"


def test_operator_keys_open_the_pin_pad_and_the_right_pin_the_staff_menu(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content)
    key(app, pygame.K_q, pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_SHIFT)
    assert app.top.name == "pin-pad"
    for digit in "2468":
        key(app, getattr(pygame, f"K_{digit}"))
    app.top.find("enter").on_press()
    assert app.top.name == "operator"
    app.top.find("quit").on_press()
    assert not app.running


def test_holding_the_top_left_corner_five_seconds_opens_the_pin_pad(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content)
    app.act(Action(Act.POINTER_DOWN, pos=(10, 10)))
    tick(app, 4.5)
    assert app.top.name == "attract"
    tick(app, 1.0)
    assert app.top.name == "pin-pad"


def test_a_short_corner_touch_does_not_open_it(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content)
    app.act(Action(Act.POINTER_DOWN, pos=(10, 10)))
    tick(app, 1)
    app.act(Action(Act.POINTER_UP, pos=(10, 10)))
    tick(app, 6)
    assert app.top.name != "pin-pad"


def test_three_wrong_pins_lock_the_pad_for_a_minute(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content)
    app.operator_gesture()
    pad = app.top
    for _ in range(3):
        for d in "1111":
            pad.find(f"digit-{d}").on_press()
        pad.find("enter").on_press()
    assert pad.locked and "Locked" in (tick(app, 0.1) or pad.message)
    for d in "2468":
        pad.find(f"digit-{d}").on_press()
    pad.find("enter").on_press()
    assert app.top is pad  # the right PIN is refused while locked
    tick(app, 61)
    for d in "2468":
        pad.find(f"digit-{d}").on_press()
    pad.find("enter").on_press()
    assert app.top.name == "operator"


def test_no_pin_means_no_operator_exit(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content, operator_pin="")
    key(app, pygame.K_q, pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_SHIFT)
    app.act(Action(Act.POINTER_DOWN, pos=(10, 10)))
    tick(app, 6)
    assert app.top.name == "attract"


def test_a_scene_that_raises_returns_to_attract_within_three_seconds(shipped_content, make_app, caplog):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content)
    LevelPlay(app, shipped_content.levels[0]).begin()

    def boom(dt: float) -> None:
        raise RuntimeError("scene fault")

    app.top.update = boom  # type: ignore[method-assign]
    tick(app, 0.1)
    assert app.top.name == "attract"
    assert "scene fault" in caplog.text and app.faults


def test_the_log_file_gets_the_traceback(shipped_content, make_app, tmp_path):  # type: ignore[no-untyped-def]
    import logging

    from game.cli import setup_logging

    setup_logging(tmp_path)
    app = kiosk_app(make_app, shipped_content)
    app.top.update = lambda dt: 1 / 0  # type: ignore[method-assign]
    tick(app, 0.1)
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_text = (tmp_path / "immunoquest.log").read_text()
    assert "ZeroDivisionError" in log_text and "Traceback" in log_text


def test_kiosk_plays_any_level_and_saves_no_progress(shipped_content, make_app, tmp_path):  # type: ignore[no-untyped-def]
    app = kiosk_app(make_app, shipped_content, mode="challenge")
    assert all(app.is_unlocked(level) for level in shipped_content.levels)
    LevelPlay(app, shipped_content.levels[-1]).begin()
    Driver(app, "touch").play_level("all")
    assert not (tmp_path / "progress.json").exists()


def test_kiosk_falls_back_to_the_last_good_content(tmp_path: Path) -> None:
    from game.cli import LAST_GOOD, kiosk_content

    good = tmp_path / "good.yaml"
    good.write_text(MINIMAL.read_text())
    content, error = kiosk_content(good, tmp_path)
    assert not error and (tmp_path / LAST_GOOD).exists()
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL.read_text().replace("scene: patrol", "scene: nowhere"))
    fallback, error = kiosk_content(bad, tmp_path)
    assert fallback.levels == content.levels
    assert "bad.yaml:6:" in error


def test_with_no_good_copy_the_kiosk_shows_a_calm_notice(tmp_path: Path, make_app) -> None:  # type: ignore[no-untyped-def]
    from game.cli import kiosk_content

    bad = tmp_path / "bad.yaml"
    bad.write_text("levels: [")
    content, error = kiosk_content(bad, tmp_path)
    assert not content.levels and "YAML syntax" in error
    app = make_app(content, kiosk=True, operator_pin="1234")
    app.options.content_error = error
    from game.shell.scenes.kiosk import UnavailableScene

    app.replace(UnavailableScene(app, error))
    tick(app, 1)
    assert app.top.name == "unavailable" and "YAML" not in app.top.body  # the error is for staff only
    app.operator_gesture()
    for d in "1234":
        app.top.find(f"digit-{d}").on_press()
    app.top.find("enter").on_press()
    assert "YAML syntax" in app.top.body


def test_outside_kiosk_mode_quit_is_honoured(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    app.home()
    app.frame([pygame.event.Event(pygame.QUIT)], 0.1)
    assert not app.running


@pytest.mark.parametrize("pin", ["", "2468"])
def test_operator_gesture_does_nothing_outside_kiosk(shipped_content, make_app, pin):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, operator_pin=pin)
    app.home()
    app.operator_gesture()
    assert app.top.name == "title"
    assert dataclasses.replace(app.settings) == app.settings
