"""Comfort and access: contrast, target sizes, reflow at 200 % text, cues beyond colour."""

from __future__ import annotations

import itertools

import pygame
import pytest

from game.core.settings import Settings
from game.shell.capture import Tour
from game.shell.theme import BOUNDARY_PAIRS, HIGH_CONTRAST, PALETTES, STANDARD, TEXT_PAIRS, contrast_ratio


def test_the_contrast_formula_matches_wcag_examples() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize(("name", "minimum"), [("standard", 4.5), ("high-contrast", 7.0)])
def test_every_text_pair_has_enough_contrast(name: str, minimum: float) -> None:
    palette = PALETTES[name]
    low = {
        f"{fg} on {bg}": round(contrast_ratio(getattr(palette, fg), getattr(palette, bg)), 2)
        for fg, bg in TEXT_PAIRS
        if contrast_ratio(getattr(palette, fg), getattr(palette, bg)) < minimum
    }
    assert not low


@pytest.mark.parametrize("palette", [STANDARD, HIGH_CONTRAST])
def test_boundaries_and_focus_ring_stand_out(palette) -> None:  # type: ignore[no-untyped-def]
    low = [f"{a} on {b}" for a, b in BOUNDARY_PAIRS if contrast_ratio(getattr(palette, a), getattr(palette, b)) < 3.0]
    assert not low


def walk_screens(app, tmp_path, check) -> None:  # type: ignore[no-untyped-def]
    """Visit every screen of the capture tour plus settings, calling ``check(name)`` on each."""
    tour = Tour(app, tmp_path, "t")
    original = tour.shot

    def shot(name: str) -> None:
        original(name)
        check(name)

    tour.shot = shot  # type: ignore[method-assign]
    tour.run()
    from game.shell.scenes.settings import SettingsScene

    app.push(SettingsScene(app))
    app.frame([], 0.1)
    check("settings")


SIZES = [(1280, 720), (1920, 1080), (720, 1280)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("text_size", [100, 200])
def test_controls_are_big_enough_and_apart(size, text_size, shipped_content, make_app, tmp_path):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, size=size, text_size=text_size)
    problems: list[str] = []

    def check(name: str) -> None:
        minimum = 48 * app.ui.scale
        buttons = [b for b in app.top.buttons if b.enabled]
        for b in buttons:
            if b.rect.width < minimum or b.rect.height < minimum:
                problems.append(f"{name}: {b.name} is {b.rect.size}")
        for a, b in itertools.combinations(buttons, 2):
            if a.rect.inflate(11, 11).colliderect(b.rect.inflate(11, 11)):
                problems.append(f"{name}: {a.name} and {b.name} are closer than 12 px")

    walk_screens(app, tmp_path, check)
    assert not problems


@pytest.mark.parametrize("size", [(1280, 720), (720, 1280), (1024, 768)])
@pytest.mark.parametrize("theme", ["standard", "high-contrast"])
def test_every_screen_reflows_at_200_percent_text(size, theme, shipped_content, make_app, tmp_path):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, size=size, text_size=200, theme=theme)
    clipped: list[str] = []

    def check(name: str) -> None:
        screen = app.screen.get_rect()
        clipped.extend(f"{name}: {b.name} off screen" for b in app.top.buttons if not screen.contains(b.rect))

    walk_screens(app, tmp_path, check)
    assert not app.ui.text.overflows, sorted(app.ui.text.overflows)[:5]
    assert not clipped


def test_right_and_wrong_differ_without_colour(shipped_content, make_app, tmp_path):  # type: ignore[no-untyped-def]
    """The feedback banner carries an icon and a word, so a greyscale picture still tells them apart."""
    app = make_app(shipped_content)
    pictures: dict[str, pygame.Surface] = {}

    def check(name: str) -> None:
        if name.startswith("feedback-choice"):
            banner = app.top.banner  # type: ignore[attr-defined]
            grey = (
                pygame.transform.grayscale(app.screen.subsurface(banner).copy())
                if hasattr(pygame.transform, "grayscale")
                else _grey(app.screen.subsurface(banner))
            )
            pictures[name] = grey

    walk_screens(app, tmp_path, check)
    right, wrong = pictures["feedback-choice-right"], pictures["feedback-choice-wrong"]

    # Compare the icon and word area only, after equalising brightness: the shapes differ.
    def shape(surface: pygame.Surface) -> list[bool]:
        w, h = surface.get_size()
        values = [surface.get_at((x, y))[0] for x in range(0, w // 3, 3) for y in range(0, h, 3)]
        middle = (max(values) + min(values)) / 2
        return [v > middle for v in values]

    a, b = shape(right), shape(wrong)
    assert sum(x != y for x, y in zip(a, b)) > len(a) * 0.05


def _grey(surface: pygame.Surface) -> pygame.Surface:
    out = surface.copy()
    w, h = out.get_size()
    for x in range(w):
        for y in range(h):
            r, g, b, _ = out.get_at((x, y))
            v = int(0.299 * r + 0.587 * g + 0.114 * b)
            out.set_at((x, y), (v, v, v))
    return out


def test_answer_buttons_carry_numbers(shipped_content, make_app, tmp_path):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    missing: list[str] = []

    def check(name: str) -> None:
        if name.startswith("question-"):
            missing.extend(
                b.name for b in app.top.buttons if b.name.startswith(("option-", "left-", "right-")) and not b.badge
            )

    walk_screens(app, tmp_path, check)
    assert not missing


def test_settings_persist_outside_kiosk_and_not_inside(shipped_content, make_app, tmp_path):  # type: ignore[no-untyped-def]
    from game.shell.scenes.settings import SettingsScene

    app = make_app(shipped_content, data_dir=tmp_path)
    app.home()
    app.push(SettingsScene(app))
    app.top.find("theme").on_press()
    app.top.find("text").on_press()
    assert app.ui.palette is HIGH_CONTRAST and app.ui.text_scale == 1.5
    again = make_app(shipped_content, data_dir=tmp_path)
    assert again.settings.theme == "high-contrast" and again.settings.text_size == 150
    kiosk_dir = tmp_path / "kiosk"
    kiosk = make_app(shipped_content, data_dir=kiosk_dir, kiosk=True)
    kiosk.apply_settings(Settings(kiosk=True, theme="high-contrast"))
    assert not (kiosk_dir / "preferences.json").exists()


def test_challenge_mode_times_questions_and_gives_speed_points(shipped_content, make_app):  # type: ignore[no-untyped-def]
    from driver import Driver

    from game.shell.scenes.level import LevelPlay

    app = make_app(shipped_content, mode="challenge", timer=30)
    LevelPlay(app, shipped_content.levels[0]).begin()
    driver = Driver(app, "keyboard")
    while not app.top.name.startswith("question"):
        driver.press(app.top.find("next"))
    question = app.top
    for _ in range(100):  # 10 s of thinking
        app.frame([], 0.1)
    assert question.seconds_left == 20  # type: ignore[attr-defined]
    app.top.find("pause").on_press()
    for _ in range(300):  # the pause menu stops the clock
        app.frame([], 0.1)
    app.top.find("resume").on_press()
    assert question.seconds_left == 20  # type: ignore[attr-defined]
    driver.answer(question, question.asked, True)  # type: ignore[attr-defined]
    assert app.top.outcome.points == 100 + round(100 * (1 - 10.6 / 30 / 2)) or app.top.outcome.points > 150  # type: ignore[attr-defined]


def test_a_question_that_times_out_counts_as_not_quite(shipped_content, make_app):  # type: ignore[no-untyped-def]
    from game.shell.scenes.level import LevelPlay

    app = make_app(shipped_content, mode="challenge", timer=15)
    play = LevelPlay(app, shipped_content.levels[0])
    play.begin()
    while not app.top.name.startswith("question"):
        app.top.find("next").on_press()
        app.frame([], 25)
        if app.top.name == "lesson" and app.top.find("next").label == "Next":
            app.top.find("next").on_press()
    for _ in range(160):
        app.frame([], 0.1)
    assert app.top.name == "feedback" and not app.top.outcome.correct  # type: ignore[attr-defined]
    assert "Time ran out" in app.top.chosen_text  # type: ignore[attr-defined]


def test_challenge_mode_unlocks_levels_in_order(shipped_content, make_app):  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, mode="challenge")
    levels = shipped_content.levels
    assert app.is_unlocked(levels[0]) and not app.is_unlocked(levels[1])
    app.progress.record(levels[0].id, 300, 1)
    assert app.is_unlocked(levels[1]) and not app.is_unlocked(levels[2])
    relaxed = make_app(shipped_content)
    assert all(relaxed.is_unlocked(level) for level in levels)
