"""The procedural scene art: catalog coverage, drawing, hands-on moments, flashing, caching."""

from __future__ import annotations

import gc
import math
import os
import weakref

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame
import pytest

from game.core.catalog import SCENE_CUES
from game.shell.art import cache as art_cache
from game.shell.art import make_scene_art, scene_classes
from game.shell.art.base import HINT_AFTER_S, SceneArt
from game.shell.art.sprites import CharacterSheet

NAMES = sorted(SCENE_CUES)
LANDSCAPE = (1280, 720, pygame.Rect(32, 120, 1216, 400))
PORTRAIT = (1080, 1920, pygame.Rect(20, 300, 1040, 900))
TALL = (700, 1200, pygame.Rect(10, 10, 680, 1100))


@pytest.fixture(scope="module", autouse=True)
def _pygame():
    pygame.display.init()  # not pygame.init(): no mixer, no audio thread (see conftest)
    pygame.font.init()
    yield


def _bytes(surf: pygame.Surface) -> bytes:
    tobytes = getattr(pygame.image, "tobytes", None) or pygame.image.tostring
    return tobytes(surf, "RGB")


def _tap(art, pos) -> None:
    art.pointer_down(pos)
    art.pointer_up(pos)


# ---------------------------------------------------------------- catalog
def test_every_catalog_scene_exists_with_exactly_its_cues():
    assert set(scene_classes()) == set(SCENE_CUES)
    for name, cues in SCENE_CUES.items():
        art = make_scene_art(name)
        assert isinstance(art, SceneArt)
        assert art.name == name
        assert tuple(art.cues) == tuple(cues)
        assert art.hands_on_cue in cues
        for text in (art.hands_on_prompt, art.hands_on_hint, art.hands_on_keyboard):
            assert isinstance(text, str) and text.strip()


def test_unknown_scene_and_cue_are_refused():
    with pytest.raises(KeyError):
        make_scene_art("no-such-scene")
    with pytest.raises(ValueError):
        make_scene_art("patrol").set_cue("no-such-cue")


# ---------------------------------------------------------------- drawing
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT, TALL], ids=["landscape", "portrait", "tall"])
def test_every_cue_draws_inside_its_rect(name, size):
    w, h, rect = size
    surf = pygame.Surface((w, h))
    art = make_scene_art(name)
    for cue in art.cues:
        art.set_cue(cue)
        assert art.cue == cue and art.t == 0
        for _ in range(3):
            surf.fill((1, 2, 3))
            art.update(0.9)
            art.draw(surf, rect)
            assert surf.get_clip() == surf.get_rect()
            # nothing outside the rect is touched
            for x, y in (
                (rect.left - 1, rect.centery),
                (rect.right, rect.centery),
                (rect.centerx, rect.top - 1),
                (rect.centerx, rect.bottom),
            ):
                assert tuple(surf.get_at((x, y)))[:3] == (1, 2, 3)
            # and the scene actually painted the rect
            assert tuple(surf.get_at(rect.center))[:3] != (1, 2, 3)


@pytest.mark.parametrize("name", NAMES)
def test_draw_does_not_change_state(name):
    surf = pygame.Surface((640, 360))
    art = make_scene_art(name)
    art.start_hands_on()
    art.update(0.5)
    art.hands_on_key()
    art.update(0.3)
    for cue in [*list(art.cues), art.hands_on_cue]:
        if cue != art.hands_on_cue:
            art.set_cue(cue)
            art.update(1.3)
        before = art.state()
        art.draw(surf, surf.get_rect())
        first = _bytes(surf)
        art.draw(surf, surf.get_rect())
        assert art.state() == before
        assert _bytes(surf) == first


@pytest.mark.parametrize("name", NAMES)
def test_reduced_motion_settles_to_a_still_pose(name):
    surf = pygame.Surface((480, 270))
    art = make_scene_art(name, reduced_motion=True)
    for cue in art.cues:
        art.set_cue(cue)
        art.update(1.0)
        assert not art.is_animating()
        art.draw(surf, surf.get_rect())
        still = _bytes(surf)
        art.update(2.0)
        art.draw(surf, surf.get_rect())
        assert _bytes(surf) == still, cue
    art.start_hands_on()
    art.update(1.0)
    assert not art.is_animating()
    art.hands_on_key()
    assert art.is_animating()  # a short settle so the change is drawn
    art.update(1.0)
    assert not art.is_animating()


def test_full_motion_keeps_animating():
    for name in NAMES:
        art = make_scene_art(name)
        art.update(3.0)
        assert art.is_animating()


# ---------------------------------------------------------------- hands-on
@pytest.mark.parametrize("name", NAMES)
def test_hands_on_completes_by_keyboard(name):
    art = make_scene_art(name)
    assert art.hands_on_targets() == []
    art.start_hands_on()
    assert art.cue == art.hands_on_cue and art.hands_on_active and not art.hands_on_done
    presses = 0
    while not art.hands_on_done and presses < 10:
        art.hands_on_key()
        art.update(0.1)
        presses += 1
    assert art.hands_on_done
    assert presses == art.ho_steps
    assert art.hands_on_targets() == []


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT, TALL], ids=["landscape", "portrait", "tall"])
def test_hands_on_completes_by_tapping_targets(name, size):
    w, h, rect = size
    surf = pygame.Surface((w, h))
    art = make_scene_art(name)
    art.start_hands_on()
    art.draw(surf, rect)
    taps = 0
    while not art.hands_on_done and taps < 10:
        targets = art.hands_on_targets()
        assert targets
        for x, y in targets:
            assert rect.collidepoint(x, y), (name, x, y)
        _tap(art, targets[0])
        taps += 1
        art.update(0.3)
        art.draw(surf, rect)
    assert art.hands_on_done
    assert taps == art.ho_steps


@pytest.mark.parametrize("name", NAMES)
def test_targets_are_big_and_forgiving(name):
    surf = pygame.Surface((1280, 720))
    rect = LANDSCAPE[2]
    art = make_scene_art(name)
    art.start_hands_on()
    art.draw(surf, rect)
    for i in range(art.ho_steps):
        assert art.step_r(i) * 2 >= 48, (name, i)
    # a tap a little off-centre still counts
    x, y = art.hands_on_targets()[0]
    _tap(art, (x + 20, y - 15))
    assert len(art.done_at) == 1
    # a small wobble of the finger during a tap is still a tap
    x, y = art.hands_on_targets()[0] if art.hands_on_targets() else (x, y)
    if not art.hands_on_done:
        art.pointer_down((x, y))
        art.pointer_move((x + 8, y + 6))
        art.pointer_up((x + 10, y + 8))
        assert len(art.done_at) == 2


def test_tapping_empty_space_does_nothing():
    surf = pygame.Surface((1280, 720))
    art = make_scene_art("patrol")
    art.start_hands_on()
    art.draw(surf, LANDSCAPE[2])
    _tap(art, (LANDSCAPE[2].left + 5, LANDSCAPE[2].top + 5))
    assert not art.done_at and not art.hands_on_done


def test_brakes_inhibitor_can_be_dragged_onto_the_brake():
    surf = pygame.Surface((1280, 720))
    rect = LANDSCAPE[2]
    art = make_scene_art("brakes")
    art.start_hands_on()
    art.draw(surf, rect)
    start = art.hands_on_targets()[0]
    brake = tuple(int(v) for v in art.brake_pos())
    art.pointer_down(start)
    for k in range(1, 11):
        pos = (start[0] + (brake[0] - start[0]) * k // 10, start[1] + (brake[1] - start[1]) * k // 10)
        art.pointer_move(pos)
        art.draw(surf, rect)  # the shield follows the finger
        assert art.drag_pos == pos
    art.pointer_up(brake)
    assert art.hands_on_done


def test_brakes_drag_dropped_far_away_does_not_count_but_tap_does():
    surf = pygame.Surface((1280, 720))
    rect = LANDSCAPE[2]
    art = make_scene_art("brakes")
    art.start_hands_on()
    art.draw(surf, rect)
    start = art.hands_on_targets()[0]
    art.pointer_down(start)
    art.pointer_move((rect.left + 10, rect.bottom - 10))
    art.pointer_up((rect.left + 10, rect.bottom - 10))
    assert not art.hands_on_done and art.drag_pos is None
    _tap(art, start)
    assert art.hands_on_done


@pytest.mark.parametrize("name", NAMES)
def test_hands_on_completes_itself_and_hints(name):
    art = make_scene_art(name)
    art.start_hands_on(auto_complete_after=30.0)
    t = 0.0
    while t < HINT_AFTER_S - 0.2:
        art.update(0.1)
        t += 0.1
    assert not art.show_hint
    art.update(0.4)
    assert art.show_hint
    art.hands_on_key()
    assert not art.show_hint or art.hands_on_done
    art.start_hands_on(auto_complete_after=6.0)
    for _ in range(62):
        art.update(0.1)
    assert art.hands_on_done
    assert len(art.done_at) == art.ho_steps


def test_hint_is_visible_in_the_art():
    surf = pygame.Surface((640, 360))
    art = make_scene_art("patrol")
    art.start_hands_on()
    art.update(HINT_AFTER_S - 0.5)
    art.draw(surf, surf.get_rect())
    before = _bytes(surf)
    art.update(1.0)
    art.clock -= 1.0  # compare the same moment of the drift, with and without the hint
    art.t -= 1.0
    assert art.show_hint
    art.draw(surf, surf.get_rect())
    assert _bytes(surf) != before


# ---------------------------------------------------------------- flashing (WCAG 2.3.1)
def _lum(rgb) -> float:
    def lin(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb[:3]
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def _transitions(series: list[float], threshold: float = 0.1) -> list[int]:
    """Frames where luminance swings by >= threshold opposite to the previous swing."""
    out: list[int] = []
    ref = series[0]
    direction = 0
    for i, v in enumerate(series):
        if (direction == 1 and v > ref) or (direction == -1 and v < ref):
            ref = v  # follow the swing to its extreme
        if direction != 1 and v - ref >= threshold:
            direction, ref = 1, v
            out.append(i)
        elif direction != -1 and ref - v >= threshold:
            direction, ref = -1, v
            out.append(i)
    return out


def _flash_frames(art, surf, frames: int, step=None) -> list[list[float]]:
    w, h = surf.get_size()
    regions = [surf.get_rect()] + [
        pygame.Rect(x * w // 4, y * h // 3, w // 4, h // 3) for x in range(4) for y in range(3)
    ]
    series: list[list[float]] = [[] for _ in regions]
    for f in range(frames):
        if step:
            step(f)
        art.update(1 / 60)
        art.draw(surf, surf.get_rect())
        for k, r in enumerate(regions):
            series[k].append(_lum(pygame.transform.average_color(surf, r)))
    return series


def _max_in_window(frames: list[int], window: int = 60) -> int:
    best = 0
    for i, f in enumerate(frames):
        best = max(best, sum(1 for g in frames[i:] if g < f + window))
    return best


@pytest.mark.parametrize("name", NAMES)
def test_nothing_flashes_more_than_three_times_a_second(name):
    surf = pygame.Surface((320, 180))
    art = make_scene_art(name)
    runs = []
    for cue in art.cues:
        art.set_cue(cue)
        runs.append((cue, None))
    for cue, _ in runs:
        art.set_cue(cue)
        series = _flash_frames(art, surf, 120)
        for s in series:
            assert _max_in_window(_transitions(s)) <= 3, (name, cue)
    # the hands-on moment: fast key presses, then the hint pulsing
    art.start_hands_on(auto_complete_after=1e9)
    series = _flash_frames(art, surf, 120, lambda f: art.hands_on_key() if f % 20 == 10 else None)
    for s in series:
        assert _max_in_window(_transitions(s)) <= 3, (name, "hands-on")
    art.start_hands_on(auto_complete_after=1e9)
    art.update(HINT_AFTER_S)
    assert art.show_hint
    series = _flash_frames(art, surf, 120)
    for s in series:
        assert _max_in_window(_transitions(s)) <= 3, (name, "hint")


def test_flash_counter_catches_a_flashing_square():
    surf = pygame.Surface((320, 180))

    class Strobe:
        t = 0.0

        def update(self, dt):
            self.t += dt

        def draw(self, s, r):
            s.fill((255, 255, 255) if int(self.t * 10) % 2 else (0, 0, 0))

    series = _flash_frames(Strobe(), surf, 120)
    assert _max_in_window(_transitions(series[0])) > 3


# ---------------------------------------------------------------- caching and allocation
class _CountingSurface(pygame.Surface):
    made = 0

    def __init__(self, *a, **k):
        type(self).made += 1
        super().__init__(*a, **k)


def _play(art, surf, seconds: float, hands_on: bool) -> None:
    if hands_on:
        art.start_hands_on(auto_complete_after=1e9)
    frames = int(seconds * 20)
    for f in range(frames):
        if hands_on and f % 25 == 12:
            art.hands_on_key()
        art.update(0.05)
        art.draw(surf, surf.get_rect())


@pytest.mark.parametrize("name", NAMES)
def test_no_new_surface_per_frame_after_warm_up(name, monkeypatch):
    surf = pygame.Surface((640, 360))
    sheet = CharacterSheet()
    for cue in [*list(SCENE_CUES[name]), "hands-on"]:
        for run in ("warm", "measure"):
            art = make_scene_art(name, sheet=sheet)
            if cue != "hands-on":
                art.set_cue(cue)
            if run == "measure":
                builds = sheet.cache.builds
                _CountingSurface.made = 0
                monkeypatch.setattr(pygame, "Surface", _CountingSurface)
            _play(art, surf, 9.0, cue == "hands-on")
            if run == "measure":
                monkeypatch.setattr(pygame, "Surface", _CountingSurface.__mro__[1])
                assert sheet.cache.builds == builds, (name, cue)
                assert _CountingSurface.made == 0, (name, cue)


def test_cache_stays_bounded_and_forgets_old_sizes():
    small = art_cache.SurfaceCache(max_entries=5, max_bytes=10**9)
    for k in range(20):
        small.get(("k", k), lambda: pygame.Surface((4, 4)))
    assert len(small) == 5
    small = art_cache.SurfaceCache(max_entries=100, max_bytes=4 * 4 * 4 * 3)
    for k in range(20):
        small.get(("k", k), lambda: pygame.Surface((4, 4), pygame.SRCALPHA))
    assert small.bytes <= 4 * 4 * 4 * 3
    # many window sizes: a sheet shared by every scene never exceeds its limits
    sheet = CharacterSheet(max_bytes=8 * 1024 * 1024, max_entries=300)
    for w, h in ((320, 180), (640, 360), (800, 450), (1000, 800)):
        surf = pygame.Surface((w, h))
        for name in NAMES:
            art = make_scene_art(name, sheet=sheet)
            for cue in art.cues:
                art.set_cue(cue)
                art.update(2.0)
                art.draw(surf, surf.get_rect())
    assert sheet.cache.builds > 300  # the bounds were actually tested
    assert len(sheet.cache) <= 300
    assert sheet.cache.bytes <= 8 * 1024 * 1024


def test_sprite_sizes_are_quantised():
    sizes = {art_cache.q(x / 10) for x in range(100, 4000)}
    assert len(sizes) < 80


def test_prepare_leaves_state_alone():
    art = make_scene_art("brakes")
    art.set_cue("brake")
    art.update(1.0)
    before = art.state()
    art.prepare((320, 180))
    assert art.state() == before


# ---------------------------------------------------------------- the character sheet
def test_scenes_draw_from_the_sheet_they_are_given():
    sheet = CharacterSheet()
    a = make_scene_art("patrol", sheet=sheet)
    b = make_scene_art("finale", sheet=sheet)
    assert a.S is sheet and b.S is sheet
    c, d = make_scene_art("patrol"), make_scene_art("patrol")
    assert isinstance(c.S, CharacterSheet) and c.S is not d.S  # no sheet given: a private one
    a.draw(pygame.Surface((320, 180)), pygame.Rect(0, 0, 320, 180))
    assert len(sheet.cache) > 0 and len(c.S.cache) == 0


def test_sheet_bounds_are_constructor_parameters():
    default = CharacterSheet()
    # the whole game must stay under 120 MB at 1920x1080; the largest scene needs ~47 MB of sprites
    assert 45 * 2**20 <= default.cache.max_bytes <= 56 * 2**20
    sheet = CharacterSheet(max_bytes=2 * 2**20, max_entries=40, max_fonts=3)
    assert (sheet.cache.max_bytes, sheet.cache.max_entries) == (2 * 2**20, 40)
    for px in range(10, 30):
        sheet.font(px)
    assert len(sheet._fonts) == 3
    assert sheet.font(29) is sheet.font(29)


def test_nothing_in_the_art_package_keeps_state_at_module_level():
    import importlib
    import inspect
    import pkgutil

    import game.shell.art as package

    mutable = (
        pygame.Surface,
        pygame.font.Font,
        pygame.Rect,
        art_cache.SurfaceCache,
        CharacterSheet,
        dict,
        list,
        set,
        bytearray,
    )
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for attr, value in vars(module).items():
            if inspect.ismodule(value) or inspect.isclass(value) or callable(value) or attr.startswith("__"):
                continue
            assert not isinstance(value, mutable), f"{info.name}.{attr} is module-level state"


def test_art_draws_after_pygame_quit_and_a_new_display():
    surf = pygame.Surface((640, 360))
    art = make_scene_art("antibodies", sheet=CharacterSheet())
    art.draw(surf, surf.get_rect())  # "made in a lab": a label, so a font is cached
    old_font = weakref.ref(art.S.font(24))
    del art, surf
    gc.collect()  # what the old session made dies in it, not under the next one (see conftest)
    assert old_font() is None, "something outside the sheet still holds a font of the old session"
    pygame.quit()
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode((640, 360))
    fresh = make_scene_art("antibodies", sheet=CharacterSheet())
    for cue in fresh.cues:
        fresh.set_cue(cue)
        fresh.update(1.0)
        fresh.draw(screen, screen.get_rect())
    assert fresh.S.font(24).render("lab", True, (0, 0, 0)).get_width() > 0
    assert tuple(screen.get_at(screen.get_rect().center))[:3] != (0, 0, 0)


# ---------------------------------------------------------------- warm-up
def _steps(gen, limit: int = 100_000) -> int:
    n = 0
    for _ in gen:
        n += 1
        assert n < limit
    return n


def test_default_warm_up_has_nothing_to_do():
    art = make_scene_art("patrol")
    assert list(SceneArt.warm_up(art, (320, 180), pygame.Rect(0, 0, 320, 180))) == []


def test_warm_up_is_small_steps_that_never_touch_the_live_scene():
    art = make_scene_art("brakes")
    art.start_hands_on()
    art.update(1.2)
    before = art.state()
    gen = art.warm_up((640, 360), pygame.Rect(0, 0, 640, 360))
    assert art.state() == before  # nothing happens until the frame loop asks
    for k, _ in enumerate(gen):
        if k % 97 == 0:
            assert art.state() == before
    assert art.state() == before
    art.prepare((320, 180))
    assert art.state() == before


def test_warm_up_spreads_a_frame_over_several_steps():
    rect = pygame.Rect(0, 0, 640, 360)
    whole = make_scene_art("finale", sheet=CharacterSheet())
    whole.set_cue("celebrate")
    whole.draw(pygame.Surface(rect.size), rect)
    art = make_scene_art("finale", sheet=CharacterSheet())
    gen = art.warm_up(rect.size, rect, first_cue="celebrate")
    next(gen)
    assert 0 < art.S.cache.builds < whole.S.cache.builds


def test_warm_up_starts_with_the_cue_about_to_be_shown(monkeypatch):
    art = make_scene_art("car-t")
    cls = type(art)
    seen: list[str] = []
    real_set_cue, real_start = cls.set_cue, cls.start_hands_on

    def set_cue(self, cue):
        assert self is not art
        seen.append(cue)
        real_set_cue(self, cue)

    def start_hands_on(self, auto_complete_after=1e9):
        assert self is not art
        seen.append("hands-on")
        real_start(self, auto_complete_after)

    monkeypatch.setattr(cls, "set_cue", set_cue)
    monkeypatch.setattr(cls, "start_hands_on", start_hands_on)
    _steps(art.warm_up((320, 180), pygame.Rect(0, 0, 320, 180), first_cue="lab"))
    order = [c for i, c in enumerate(seen) if i == 0 or seen[i - 1] != c]
    assert order[:2] == ["lab", "hands-on"]
    assert set(seen) == set(art.cues) | {"hands-on"}
    with pytest.raises(ValueError):
        next(art.warm_up((320, 180), pygame.Rect(0, 0, 320, 180), first_cue="no-such-cue"))


@pytest.mark.parametrize("name", NAMES)
def test_after_warm_up_no_cue_renders_a_new_sprite(name):
    surf = pygame.Surface((640, 360))
    sheet = CharacterSheet()
    art = make_scene_art(name, sheet=sheet)
    assert _steps(art.warm_up(surf.get_size(), surf.get_rect())) > len(art.cues)
    builds = sheet.cache.builds
    for clock in (0.0, 1.9):
        for cue in [*list(art.cues), "hands-on"]:
            if cue != "hands-on":
                art.set_cue(cue)
            art.clock = clock
            _play(art, surf, 9.0, cue == "hands-on")
            assert sheet.cache.builds == builds, (name, cue, clock)


@pytest.mark.parametrize("name", ["car-t", "finale"])  # the two biggest sprite sets
def test_a_1080p_scene_fits_the_default_sheet_without_thrashing(name):
    screen = pygame.Surface((1920, 1080))
    rect = pygame.Rect(32, 200, 1856, 600)
    sheet = CharacterSheet()
    art = make_scene_art(name, sheet=sheet)
    _steps(art.warm_up(screen.get_size(), rect))
    # One scene is on screen at a time (levels change through the results screen), so
    # the sheet is sized by the largest scene (the finale, ~47 MB): every sprite stays.
    assert sheet.cache.builds == len(sheet.cache) + sheet.cache.taken
    builds = sheet.cache.builds
    for cue in art.cues:
        art.set_cue(cue)
        for _ in range(30):
            art.update(0.1)
            art.draw(screen, rect)
    assert sheet.cache.builds == builds


def test_only_portable_pygame_apis_are_used():
    """Nothing pygame-ce-only (or classic-only) sneaks into the art code."""
    import pathlib

    banned = ("FRect", "pygame.Window", "wraplength", "fblits", "get_just_pressed", "get_just_released")
    folder = pathlib.Path(__file__).resolve().parents[1] / "game" / "shell" / "art"
    for path in folder.glob("*.py"):
        text = path.read_text()
        for word in banned:
            assert word not in text, (path.name, word)


def test_step_positions_follow_the_drawn_rect():
    surf = pygame.Surface((1920, 1080))
    art = make_scene_art("car-t")
    art.start_hands_on()
    art.draw(surf, pygame.Rect(0, 0, 960, 400))
    a = art.hands_on_targets()
    art.draw(surf, pygame.Rect(500, 300, 960, 400))
    b = art.hands_on_targets()
    assert [(x + 500, y + 300) for x, y in a] == b
    assert math.dist(a[0], a[1]) > 48


@pytest.mark.parametrize("kind", ["blood", "lab", "clinic", "sky", "party"])
@pytest.mark.parametrize("size", [(1240, 300), (300, 900)])
def test_every_backdrop_fills_every_pixel(kind, size):
    """A band the gradient (or the sunburst's clipping) missed would show as black."""
    from game.shell.art.stage import background

    w, h = size
    tr = h > w
    surf = background(CharacterSheet(), kind, w, h, (tr, 0, h, min(w, h)))
    darkest = min(sum(surf.get_at((x, y))[:3]) for x in range(0, w, 7) for y in range(0, h, 7))
    assert darkest > 3 * 120, f"{kind} {size} has a dark hole"


def test_a_sprite_made_of_missing_sprites_waits_for_them_one_step_at_a_time():
    cache = art_cache.SurfaceCache()

    def part(n: int) -> pygame.Surface:
        return cache.get(("part", n), lambda: pygame.Surface((4, 4)))

    def whole() -> pygame.Surface:
        for n in range(3):
            part(n)
        return pygame.Surface((8, 8))

    steps = 0
    while ("whole",) not in cache._items:
        steps += 1
        cache.build_budget = 1
        try:
            if not cache.build_pending():
                cache.get(("whole",), whole)
        except art_cache.BuildDeferred:
            pass
        finally:
            cache.build_budget = None
        assert cache.builds <= steps  # never more than one new sprite per step
        assert steps < 10
    assert cache.builds == 4


class _BlitLog(pygame.Surface):
    """A surface that remembers where each blit landed."""

    def __init__(self, size) -> None:
        super().__init__(size)
        self.blits: list[tuple[pygame.Surface, pygame.Rect]] = []

    def blit(self, source, dest, *args, **kwargs):  # type: ignore[override]
        at = pygame.Rect(dest) if len(dest) == 4 else pygame.Rect(dest, source.get_size())
        self.blits.append((source, at))
        return super().blit(source, dest, *args, **kwargs)


@pytest.mark.parametrize("size", [LANDSCAPE, PORTRAIT, TALL], ids=["landscape", "portrait", "tall"])
def test_benefits_cells_are_never_cut_off_by_the_rect(size):
    w, h, rect = size
    sheet = CharacterSheet()
    art = make_scene_art("benefits", sheet=sheet)
    for hands_on in (False, True):
        for cue in art.cues:
            if hands_on:
                if cue != art.hands_on_cue:
                    continue
                art.start_hands_on(auto_complete_after=1e9)
            else:
                art.set_cue(cue)
            for k in range(60):
                surf = _BlitLog((w, h))
                art.draw(surf, rect)
                cells = {id(s) for key, s in sheet.cache._items.items() if key[0] == "tcell"}
                for source, at in surf.blits:
                    if id(source) in cells:
                        seen = source.get_bounding_rect(min_alpha=128).move(at.topleft)
                        assert rect.inflate(2, 2).contains(seen), (cue, round(art.t, 1), seen, rect)
                if hands_on and k % 10 == 9:
                    art.hands_on_key()
                art.update(0.25)


def test_a_part_taken_for_a_build_does_not_stay_in_the_cache():
    cache = art_cache.SurfaceCache()
    before = cache.bytes
    part = cache.take(("part",), lambda: pygame.Surface((64, 64)))
    assert part.get_size() == (64, 64)
    assert ("part",) not in cache._items and cache.bytes == before
    assert cache.builds == 1
