"""The App's parts (issue 14): routes instead of scenes importing each other, scenes that say
what they are instead of the App checking their names, a kiosk supervisor of its own."""

from __future__ import annotations

import ast
import pathlib

import pytest

from game.shell import routes
from game.shell.scene import Scene

SCENES = pathlib.Path(__file__).resolve().parents[1] / "game" / "shell" / "scenes"
BASES = {"game.shell.scenes.menu", "game.shell.scenes.level_screen"}  # base classes, not screens


def _runtime_imports(tree: ast.Module) -> set[str]:
    """Modules imported outside ``if TYPE_CHECKING:`` blocks."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            return
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


@pytest.mark.parametrize("path", sorted(p for p in SCENES.glob("*.py") if p.name not in ("__init__.py", "level.py")))
def test_no_scene_imports_another_scene(path: pathlib.Path) -> None:
    """Navigation goes through ``app.go(route)``; only base classes are imported. (``level.py``
    holds LevelPlay, the thread through a level, which makes the level's own screens.)"""
    imported = _runtime_imports(ast.parse(path.read_text()))
    scenes = {m for m in imported if m.startswith("game.shell.scenes.")}
    assert scenes <= BASES, (path.name, scenes - BASES)


@pytest.mark.parametrize("route", sorted(routes.SCREENS))
def test_every_route_leads_to_its_screen(route, shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, kiosk=route in ("attract", "still-there", "pin-pad"), operator_pin="1234")
    app.go("title")
    args: tuple[object, ...] = ()
    if route == "glossary":
        args = (shipped_content.glossary[:2],)
    elif route == "unavailable":
        args = ("questions.yaml:3: an example problem",)
    elif route == "results":
        from game.core.quiz import QuizSession

        level = shipped_content.levels[0]
        args = (level, QuizSession.start(level, app.rng).result())
    elif route == "practice-results":
        from game.core.quiz import LevelResult

        args = (LevelResult("practice", 200, 2, 3, 0, ()),)
    app.go(route, *args)
    assert app.top.name == route
    overlay = route in ("settings", "about", "care-card", "glossary", "still-there", "pin-pad")  # over the title
    assert len(app.stack) == (2 if overlay else 1)


def test_the_level_route_plays_a_level(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content)
    app.go("level", shipped_content.levels[1])
    assert app.top.name in ("lesson", "question") or app.top.name.startswith("question-")
    assert app.top.play.level is shipped_content.levels[1]  # type: ignore[attr-defined]


class _Quiet(Scene):
    name = "quiet"


class _Exempt(Scene):
    name = "quiet"  # the same name: only the declaration differs
    idle_exempt = True


@pytest.mark.parametrize(("scene", "interrupted"), [(_Quiet, True), (_Exempt, False)])
def test_the_idle_watch_reads_what_a_scene_declares_not_its_name(scene, interrupted, shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, kiosk=True, idle_timeout=30)
    app.replace(scene(app))
    for _ in range(400):  # 40 s without a touch (a frame advances at most 0.1 s)
        app.frame([], 0.1)
    assert (app.top.name == "still-there") is interrupted


@pytest.mark.parametrize(("staff", "opens"), [(False, True), (True, False)])
def test_the_operator_gesture_reads_what_a_scene_declares(staff, opens, shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, kiosk=True, operator_pin="1234")
    quiet = type("Somewhere", (Scene,), {"name": "pin-pad" if not staff else "anything", "staff_only": staff})
    app.replace(quiet(app))
    app.operator_gesture()
    assert (app.top.name == "pin-pad" and len(app.stack) == 2) is opens
