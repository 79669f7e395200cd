"""Spot questions: tap the thing in the scene. Loading and checks, hit areas, and one
answered right and wrong by touch, mouse, keyboard focus ring and number keys."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from driver import Driver

from game.core.catalog import SCENE_TARGETS, TARGET_LABELS, TARGET_NAMED
from game.core.loader import load_content
from game.core.quiz import AskedQuestion
from game.shell.art import make_scene_art
from game.shell.kinds.spot import MIN_GAP, MIN_HIT, hit_areas

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = {lang: load_content(ROOT / name) for lang, name in (("en", "questions.yaml"), ("es", "questions.es.yaml"))}
SHIPPED_SPOTS = [q.id for q in SHIPPED["en"].questions if q.kind == "spot"]
SPOT = """      - question: ci-tap
        kind: spot
        prompt: Tap the brake that holds the T-cell back.
        cue: {cue}
        answer: {answer}
        explain: Checkpoints act like brakes. They can hold immune cells back from attacking cancer.
        source: types
        replay: ci-brakes
"""
AFTER = "      - question: ci-3\n"


def content_with_spot(tmp_path: Path, cue: str = "brake", answer: str = "brake") -> Path:
    text = (ROOT / "questions.yaml").read_text(encoding="utf-8")
    assert AFTER in text
    path = tmp_path / "spot.yaml"
    path.write_text(text.replace(AFTER, SPOT.format(cue=cue, answer=answer) + AFTER, 1), encoding="utf-8")
    return path


def check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "run.py", "--check", str(path)], cwd=ROOT, capture_output=True, text=True)


def spot_line(path: Path, field: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("      - question: ci-tap")
    return next(i for i in range(start, len(lines)) if lines[i].strip().startswith(field + ":")) + 1


def test_a_spot_question_loads_and_checks_ok(tmp_path: Path) -> None:
    path = content_with_spot(tmp_path)
    q = next(q for q in load_content(path).questions if q.id == "ci-tap")
    assert (q.kind, q.cue, q.answer, q.choices) == ("spot", "brake", "brake", SCENE_TARGETS["brakes"]["brake"])
    done = check(path)
    assert done.returncode == 0 and "spot" in done.stdout, done


@pytest.mark.parametrize(
    ("cue", "answer", "field", "says"),
    [
        ("nowhere", "brake", "cue", 'no spot cue "nowhere"; its spot cues are: brake'),
        ("brake", "unicorn", "answer", 'answer "unicorn" is no target of cue "brake"; the targets there are: t-cell'),
        ("brake", "antibody", "answer", 'answer "antibody" is not shown at cue "brake"'),
    ],
)
def test_a_wrong_cue_or_target_exits_2_with_file_and_line(tmp_path: Path, cue, answer, field, says) -> None:  # type: ignore[no-untyped-def]
    path = content_with_spot(tmp_path, cue, answer)
    done = check(path)
    assert done.returncode == 2, done
    assert f"spot.yaml:{spot_line(path, field)}: " in done.stderr and says in done.stderr, done.stderr


def test_every_target_has_a_label_and_a_place_in_its_scene() -> None:
    pygame.font.init()
    assert set(TARGET_NAMED) == set(TARGET_LABELS)
    for scene, cues in SCENE_TARGETS.items():
        art = make_scene_art(scene, reduced_motion=True)
        for cue, names in cues.items():
            assert len(names) >= 3 and all(n in TARGET_LABELS for n in names)
            art.show_spot(cue)  # type: ignore[attr-defined]
            assert set(art.spots(pygame.Rect(0, 0, 800, 400))) == set(names), (scene, cue)  # type: ignore[attr-defined]


def test_every_level_has_a_spot_question_in_every_language() -> None:
    for content in SHIPPED.values():
        for level in content.levels:
            assert any(q.kind == "spot" for q in level.questions), level.id


def test_hit_areas_grow_small_sprites_and_never_overlap() -> None:
    boxes = hit_areas([((100, 100), 5), ((130, 100), 40), ((300, 100), 10)], 48, 12)
    assert all(b.width >= 48 and b.height >= 48 for b in boxes)
    assert not any(
        a.inflate(11, 11).colliderect(b.inflate(11, 11)) for i, a in enumerate(boxes) for b in boxes[i + 1 :]
    )


def start_spot(
    make_app, tmp_path, size=(1280, 720), text_size=100, reduced_motion=True, qid="ci-tap", content=None, **settings
):  # type: ignore[no-untyped-def]
    """The app showing spot question ``qid`` (default: the fixture's, in a copy of the content)."""
    from game.bench import whole_level

    content = content if content is not None else load_content(content_with_spot(tmp_path))
    app = make_app(
        content, size=size, data_dir=tmp_path, reduced_motion=reduced_motion, text_size=text_size, **settings
    )
    level = next(lv for lv in content.levels if any(q.id == qid for q in lv.questions))
    play = whole_level(app, level)
    steps = play.session.steps
    asked = next(s for s in steps if isinstance(s, AskedQuestion) and s.question.id == qid)
    play.session.index = steps.index(asked)
    play.show_current()
    app.frame([], 0.1)
    assert app.top.name == "question-spot"
    warm(app)
    return app, asked


def warm(app) -> None:  # type: ignore[no-untyped-def]
    """Let the top screen's picture be drawn between frames, as the real loop does, then show it."""
    for _ in range(1000):
        if app.top.ready():
            break
        app.idle(0.05)
    assert app.top.ready()
    app.frame([], 0.1)


@pytest.mark.parametrize("qid", SHIPPED_SPOTS)
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (720, 1280)])
@pytest.mark.parametrize("text_size", [100, 200])
def test_targets_are_big_enough_apart_and_inside_the_picture(make_app, tmp_path, size, text_size, qid) -> None:  # type: ignore[no-untyped-def]
    app, asked = start_spot(make_app, tmp_path, size, text_size, qid=qid, content=SHIPPED["en"])
    scene = app.top
    targets = [scene.find(f"target-{name}") for name in asked.options]
    rects = [t.rect for t in targets]
    assert all(r.width >= MIN_HIT and r.height >= MIN_HIT for r in rects), rects
    apart = MIN_GAP - 1
    assert not any(
        a.inflate(apart, apart).colliderect(b.inflate(apart, apart))
        for i, a in enumerate(rects)
        for b in rects[i + 1 :]
    ), rects
    for t in targets:
        assert t.rect.collidepoint(t.centre), t.name  # type: ignore[attr-defined]
        assert scene.controls.scene_rect.contains(t.rect), (t.name, t.rect, scene.controls.scene_rect)
        assert not any(t.rect.colliderect(b.rect) for b in scene.buttons if b not in targets)


@pytest.mark.parametrize("way", ["touch", "mouse", "keyboard", "numbers"])
@pytest.mark.parametrize("right", [True, False])
def test_a_spot_question_answered_every_way(make_app, tmp_path, way, right) -> None:  # type: ignore[no-untyped-def]
    app, asked = start_spot(make_app, tmp_path)
    driver = Driver(app, "keyboard" if way == "numbers" else way)
    name = "brake" if right else "cancer-cell"
    target = app.top.find(f"target-{name}")
    if way == "keyboard":
        driver.focus_on(target)  # Tab moves the ring from target to target
        driver.key(pygame.K_RETURN)
    else:
        driver.press(target, asked.options.index(name) + 1)
    assert app.top.name == "feedback"
    assert app.top.outcome.correct is right  # type: ignore[attr-defined]
    if right:
        assert app.top.answer_text == "That is the brake."  # type: ignore[attr-defined]
    else:
        assert app.top.answer_text == "The answer: brake"  # type: ignore[attr-defined]
        assert app.top.chosen_text == "That is the cancer cell."  # type: ignore[attr-defined]
        assert app.top.find("watch-again")
    counts = app.stats.stats.questions["ci-tap"]
    assert counts.wrong == ({} if right else {"cancer-cell": 1})


def test_a_tap_on_empty_space_says_kindly_to_tap_a_picture_and_counts_for_nothing(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, asked = start_spot(make_app, tmp_path)
    scene = app.top
    area = scene.controls.scene_rect
    targets = [scene.find(f"target-{n}").rect for n in asked.options]
    empty = next(
        (x, y)
        for x in range(area.left + 5, area.right, 20)
        for y in range(area.top + 5, area.bottom, 20)
        if not any(r.collidepoint(x, y) for r in targets)
    )
    Driver(app, "touch").tap(empty)
    assert app.top is scene and scene.hint_text == "Tap one of the pictures."
    assert app.stats.stats.questions["ci-tap"].answered == 0


def test_the_scene_draws_no_labels_that_would_give_the_answer_away(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, _ = start_spot(make_app, tmp_path)
    art = app.top.controls.art
    labels: list[str] = []
    real = art.S.label
    art.S.label = lambda text, px: labels.append(text) or real(text, px)
    app.top.draw(app.screen)
    assert labels == []
    art.set_cue("brake")  # a lesson showing the same cue names things again
    art.draw(app.screen, app.top.controls.scene_rect)
    assert labels


@pytest.mark.parametrize("size", [(1280, 720), (720, 1280)])
def test_not_quite_rings_the_tapped_and_the_right_target_in_the_picture(make_app, tmp_path, size) -> None:  # type: ignore[no-untyped-def]
    app, _ = start_spot(make_app, tmp_path, size)
    app.top.find("target-t-cell").on_press()
    for _ in range(10):  # past the cross-fade
        app.frame([], 0.1)
    fb = app.top
    warm(app)
    assert fb.name == "feedback" and fb.picture_rect.height > 0
    spots = fb.play.art.spots(fb.picture_rect)
    p, ui = app.ui.palette, app.ui
    width = max(3, ui.px(6))
    for name, colour, side in (("brake", p.right, 1), ("t-cell", p.wrong, -1)):  # the outer sides: rings touch
        (x, y), r = spots[name]
        ring = (int(x + side * (int(r) + ui.px(8) - width // 2)), int(y))
        assert tuple(app.screen.get_at(ring))[:3] == tuple(colour)[:3], name


def test_the_staff_report_says_which_picture_was_tapped(tmp_path: Path) -> None:
    from game.core.stats import QuestionCounts
    from game.report import _wrong_text

    q = next(q for q in load_content(content_with_spot(tmp_path)).questions if q.id == "ci-tap")
    assert _wrong_text(QuestionCounts(answered=3, wrong={"cancer-cell": 2}), q) == "tapped the cancer cell (2 times)"


def test_back_from_watch_again_the_feedback_picture_shows_the_question_cue_again(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, _ = start_spot(make_app, tmp_path)
    app.top.find("target-t-cell").on_press()
    app.frame([], 0.1)
    art = app.top.play.art
    app.top.find("watch-again").on_press()
    app.frame([], 0.1)
    art.set_cue("approach")  # a replayed lesson may show another cue of the scene
    app.top.find("next").on_press()
    for _ in range(3):
        app.frame([], 0.1)
    assert app.top.name == "feedback" and (art.cue, art.spotting) == ("brake", True)


def test_a_moving_spot_question_redraws_only_its_picture_and_that_matches_a_full_draw(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app, _ = start_spot(make_app, tmp_path, reduced_motion=False)
    for _ in range(3):
        app.frame([], 0.1)
    assert app.updated_rects == [app.top.controls.scene_rect]
    partial = app.screen.copy()
    app.top.draw(app.screen)
    assert pygame.image.tobytes(partial, "RGB") == pygame.image.tobytes(app.screen, "RGB")


def test_the_first_frames_of_a_spot_question_build_no_sprite(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The picture is drawn at another size than the lesson's: its sprites are made
    between frames (App.idle), and until then its backdrop colour stands in for it."""
    from game.bench import whole_level

    content = load_content(content_with_spot(tmp_path))
    app = make_app(content, size=(1280, 720), data_dir=tmp_path, reduced_motion=False)
    cache = app.sheet.cache
    play = whole_level(app, next(lv for lv in content.levels if lv.scene == "brakes"))
    steps = play.session.steps
    play.session.index = steps.index(
        next(s for s in steps if isinstance(s, AskedQuestion) and s.question.id == "ci-tap")
    )
    play.show_current()
    app.transition = None
    for _ in range(120):  # two seconds of the question
        builds = cache.builds
        app.frame([], 1 / 60)
        assert cache.builds == builds
        app.idle(0.006)
    assert app.top.ready()


def test_the_spot_feedback_picture_builds_no_sprite_in_a_frame_and_redraws_only_itself(make_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The feedback shows the picture smaller than the question: its sprites are made
    between frames too (the backdrop stands in), then only the picture is redrawn."""
    app, _ = start_spot(make_app, tmp_path, reduced_motion=False)
    cache = app.sheet.cache
    app.top.find("target-t-cell").on_press()
    app.transition = None
    for _ in range(120):  # two seconds of the feedback
        builds = cache.builds
        app.frame([], 1 / 60)
        assert cache.builds == builds
        app.idle(0.006)
    fb = app.top
    assert fb.name == "feedback" and fb.ready()
    app.frame([], 1 / 60)
    app.frame([], 1 / 60)
    assert app.updated_rects == [fb.picture_rect]
    partial = app.screen.copy()
    fb.draw(app.screen)
    assert pygame.image.tobytes(partial, "RGB") == pygame.image.tobytes(app.screen, "RGB")


@pytest.mark.parametrize("qid", SHIPPED_SPOTS)
@pytest.mark.parametrize(
    ("size", "text_size"),
    [((720, 1280), 100), ((720, 1280), 200), ((1280, 720), 100), ((1280, 720), 200), ((1920, 1080), 100)],
)
def test_the_spot_feedback_keeps_its_explanation_full_size_and_a_picture_only_where_it_fits(
    make_app, tmp_path, qid, size, text_size
) -> None:  # type: ignore[no-untyped-def]
    app, _ = start_spot(make_app, tmp_path, size, text_size, qid=qid, content=SHIPPED["en"])
    from game.shell.kinds import answer_presses

    name, _number = answer_presses(app.top.asked, right=False)[0]
    app.top.find(name).on_press()
    fb, ui = app.top, app.ui
    assert fb.name == "feedback"
    text = ui.text.fit(fb.asked.question.explain, ui.type_size("body"), fb.explain_rect.width - ui.px(36), 10_000)
    assert text.height + ui.px(28) <= fb.explain_rect.height, (qid, text.height, fb.explain_rect)
    assert fb.picture_rect.height or text_size > 100, qid  # at the usual size the picture is always there
    if fb.picture_rect.height:
        assert fb.picture_rect.height >= 150 and not fb.picture_rect.colliderect(fb.explain_rect)


@pytest.mark.parametrize("scene", sorted(SCENE_TARGETS))
def test_no_scene_names_anything_while_a_spot_question_shows_it(scene) -> None:  # type: ignore[no-untyped-def]
    """The scene's own labels would give the answer away: every spot cue draws none."""
    pygame.font.init()
    art = make_scene_art(scene, reduced_motion=False)
    surface = pygame.Surface((800, 400))
    labels: list[str] = []
    real = art.S.label
    art.S.label = lambda text, px: labels.append(text) or real(text, px)  # type: ignore[method-assign]
    for cue in SCENE_TARGETS[scene]:
        art.show_spot(cue)  # type: ignore[attr-defined]
        for _ in range(5):  # (the brakes test below shows the same cue labelled in a lesson)
            art.draw(surface, surface.get_rect())
            art.update(0.5)
        assert labels == [], (scene, cue, labels)


@pytest.mark.parametrize("kiosk", [False, True])
def test_the_hint_speaks_of_number_keys_only_where_there_are_keys(make_app, tmp_path, kiosk) -> None:  # type: ignore[no-untyped-def]
    app, _ = start_spot(make_app, tmp_path, kiosk=kiosk)
    said = (
        "Tap the picture the question names." if kiosk else "Tap the picture the question names, or press its number."
    )
    assert app.top.hint_text == said
