"""How frames are drawn (issue 14): only what changed, handed to SDL as rectangles; sprites
drawn between frames, never in one; a cross-fade that does not blend two full screens per
frame; cached surfaces in the display's format. Mechanisms, not timings."""

from __future__ import annotations

import pygame
import pytest

from game.shell.art.cache import SurfaceCache
from game.shell.scene import CrossFade

DT = 1 / 60


def _warm(app, frames: int = 1) -> None:  # type: ignore[no-untyped-def]
    """Frames as the real loop runs them: each followed by work between frames."""
    for _ in range(frames):
        app.frame([], DT)
        app.idle(0.006)


def _until_ready(app) -> None:  # type: ignore[no-untyped-def]
    for _ in range(5000):
        if app.top.ready():
            return
        app.idle(0.006)
    raise AssertionError("the scene never became ready")


def _lesson(app, content):  # type: ignore[no-untyped-def]
    from game.shell.scenes.level import LevelPlay

    play = LevelPlay(app, content.levels[0])
    play.begin()
    app.transition = None
    assert app.top.name == "lesson"
    return play


def test_a_still_screen_hands_sdl_nothing(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    from game.shell.scenes.title import TitleScene

    app = make_app(shipped_content)
    app.replace(TitleScene(app))
    app.transition = None
    app.frame([], DT)
    assert app.updated_rects == [app.screen.get_rect()]  # a new screen: all of it
    for _ in range(5):
        app.frame([], DT)
        assert app.updated_rects == [] and app.pixels_drawn == 0


def test_a_moving_scene_hands_sdl_only_its_own_rectangle(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, size=(1280, 720))
    _lesson(app, shipped_content)
    _until_ready(app)
    app.dirty = True
    app.frame([], DT)
    scene_rect = app.top.scene_rect
    assert app.top.art.is_animating()
    for _ in range(5):
        _warm(app)
        assert app.updated_rects == [scene_rect]
        assert app.pixels_drawn == scene_rect.width * scene_rect.height < 720 * 1280


def test_the_first_frames_of_a_lesson_build_no_sprite(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    """The scene's sprites are drawn between frames; until its first frame's are there,
    the lesson shows its backdrop colour there (for a frame or two, under the cross-fade)."""
    app = make_app(shipped_content, size=(1280, 720))
    cache = app.sheet.cache
    play = _lesson(app, shipped_content)
    for lesson in play.level.lessons[:2]:
        from game.shell.scenes.lesson import LessonScene

        app.replace(LessonScene(app, play, lesson))
        app.transition = None
        for _ in range(120):  # two seconds of the cue
            builds = cache.builds
            app.frame([], DT)
            assert cache.builds == builds, lesson.cue
            app.idle(0.006)
        assert app.top.ready()


def test_the_attract_loop_draws_the_next_scene_before_it_shows(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    from game.shell.scenes.kiosk import ATTRACT_SCENE_S

    app = make_app(shipped_content, size=(960, 540), kiosk=True)
    app.home()
    app.transition = None
    cache = app.sheet.cache
    first = app.top.art
    for _ in range(int(ATTRACT_SCENE_S / 0.1) + 20):
        builds = cache.builds
        app.frame([], 0.1)
        assert cache.builds == builds
        app.idle(0.006)
    assert app.top.art is not first  # it moved on to the next scene


def test_a_cross_fade_blends_a_few_steps_and_makes_no_screen_per_frame(shipped_content, make_app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from game.shell.scenes.about import AboutScene
    from game.shell.scenes.title import TitleScene

    app = make_app(shipped_content)
    app.replace(TitleScene(app))
    app.frame([], DT)
    made: list[tuple[int, int]] = []
    real = pygame.Surface

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, size, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            made.append(tuple(size))
            super().__init__(size, *args, **kwargs)

    monkeypatch.setattr(pygame, "Surface", Counting)
    area = app.screen.get_width() * app.screen.get_height()
    for scene in (AboutScene(app), TitleScene(app)):
        app.replace(scene)
        assert app.transition is not None
        painted = frames = 0
        while app.transition is not None:
            app.frame([], DT)
            painted += app.pixels_drawn
            frames += 1
        assert frames > CrossFade.STEPS  # frames between the steps draw nothing
        assert painted <= (CrossFade.STEPS + 1) * area  # the new screen once, then the steps
    assert app.screen.get_size() not in made


def test_a_cross_fade_ends_on_the_new_screen_exactly(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    from game.shell.scenes.about import AboutScene
    from game.shell.scenes.title import TitleScene

    app = make_app(shipped_content, size=(640, 360))
    app.replace(TitleScene(app))
    app.frame([], DT)
    app.replace(AboutScene(app))
    while app.transition is not None:
        app.frame([], DT)
    faded = pygame.image.tobytes(app.screen, "RGB")
    app.dirty = True
    app.frame([], DT)
    assert pygame.image.tobytes(app.screen, "RGB") == faded


@pytest.mark.parametrize(
    "make",
    [
        lambda: pygame.Surface((4, 4), 0, 24),
        lambda: pygame.Surface((4, 4), pygame.SRCALPHA, 32, (0xFF, 0xFF00, 0xFF0000, 0xFF000000)),
    ],
    ids=["opaque-24-bit", "alpha-abgr"],
)
def test_cached_surfaces_are_in_the_display_format(make, make_app, shipped_content) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, size=(64, 64))
    raw = make()
    cached = SurfaceCache().get("k", lambda: raw)
    expected = raw.convert_alpha() if raw.get_flags() & pygame.SRCALPHA else raw.convert()
    assert (cached.get_bitsize(), cached.get_masks()) == (expected.get_bitsize(), expected.get_masks())
    assert (cached.get_bitsize(), cached.get_masks()) != (raw.get_bitsize(), raw.get_masks())
    assert app.screen is pygame.display.get_surface()


def test_a_scene_is_ready_only_once_a_warm_up_has_played_its_cue_through() -> None:
    """Its first frame being drawn is not enough: later frames of the cue need more sprites
    (at 4K a warm-up that only led by a frame fell behind the animation)."""
    from game.shell.art import CharacterSheet, make_scene_art
    from game.shell.art.cache import BuildDeferred

    art = make_scene_art("patrol", sheet=CharacterSheet())
    rect = pygame.Rect(0, 0, 320, 180)
    probe = pygame.Surface((1, 1))

    def first_frame_drawn() -> bool:
        art.S.cache.build_budget = 0
        try:
            art.draw(probe, rect)
            return True
        except BuildDeferred:
            return False
        finally:
            art.S.cache.build_budget = None

    warming = art.warm_up(rect.size, rect, first_cue=art.cue)
    steps_to_first_frame = steps_to_ready = None
    for step, _ in enumerate(warming):
        if steps_to_first_frame is None and first_frame_drawn():
            steps_to_first_frame = step
        if art.is_ready(rect):
            steps_to_ready = step
            break
    assert steps_to_first_frame is not None and steps_to_ready is not None
    assert steps_to_ready >= steps_to_first_frame + art.warm_cue_s / art.warm_dt - 1
