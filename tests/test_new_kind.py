"""A new question kind is two modules and one entry in ``SPECS``: nothing else in the game
names the kinds it knows. The test registers a kind the game has never seen ("toy", with a
choice's fields and controls) exactly that way, then checks, plays and counts a question of it."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from conftest import ROOT

from game.cli import check
from game.core.kinds import SPECS
from game.core.kinds.choice import ChoiceSpec
from game.core.loader import load_content
from game.core.quiz import AskedQuestion
from game.shell.kinds import answer_presses, shell_of
from game.shell.kinds.choice import ChoiceShell


class ToySpec(ChoiceSpec):
    name = "toy"


@pytest.fixture
def toy_kind(monkeypatch):  # type: ignore[no-untyped-def]
    """The two modules (a core spec, a shell module) and the one registration line."""
    shell = types.ModuleType("game.shell.kinds.toy")
    shell.SHELL = ChoiceShell()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "game.shell.kinds.toy", shell)
    monkeypatch.setitem(SPECS, "toy", ToySpec())
    shell_of.cache_clear()
    yield
    shell_of.cache_clear()


def content_with_toy(tmp_path: Path) -> Path:
    text = (ROOT / "questions.yaml").read_text(encoding="utf-8")
    old = "      - question: wi-1\n        kind: choice\n"
    assert old in text
    path = tmp_path / "toy.yaml"
    path.write_text(text.replace(old, "      - question: wi-1\n        kind: toy\n"), encoding="utf-8")
    return path


def test_without_its_registration_the_kind_is_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert check(content_with_toy(tmp_path)) == 2
    assert 'unknown kind "toy"' in capsys.readouterr().err


def test_a_registered_kind_is_checked_played_and_counted(toy_kind, make_app, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from game.bench import whole_level

    path = content_with_toy(tmp_path)
    assert check(path) == 0
    assert "toy" in capsys.readouterr().out
    content = load_content(path)
    level = next(lv for lv in content.levels if any(q.id == "wi-1" for q in lv.questions))
    for right in (True, False):
        app = make_app(content, data_dir=tmp_path / str(right))
        play = whole_level(app, level)
        steps = play.session.steps
        asked = next(s for s in steps if isinstance(s, AskedQuestion) and s.question.id == "wi-1")
        play.session.index = steps.index(asked)
        play.show_current()
        app.frame([], 0.1)
        for name, _number in answer_presses(asked, right):
            app.top.find(name).on_press()
        assert app.top.name == "feedback" and app.top.outcome.correct is right  # type: ignore[attr-defined]
        counts = app.stats.stats.questions["wi-1"]
        assert counts.answered == 1 and bool(counts.wrong) is not right
