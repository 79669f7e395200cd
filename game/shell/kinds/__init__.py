"""Each question kind's controls and feedback lines: ``game.shell.kinds.<name>`` for every
kind in the one table, ``game.core.kinds.SPECS``. Also the one way to answer a question
right or wrong by pressing its controls, shared by the bench, the capture tour and tests."""

from __future__ import annotations

import importlib
from functools import cache

from game.core.quiz import AskedQuestion
from game.shell.kinds.base import KindShell, Press


@cache
def shell_of(kind: str) -> KindShell:
    shell = importlib.import_module(f"game.shell.kinds.{kind}").SHELL
    assert isinstance(shell, KindShell)
    return shell


def answer_presses(asked: AskedQuestion, right: bool) -> list[Press]:
    """The controls to press in turn (name, number key) to answer ``asked`` right or wrong."""
    return shell_of(asked.question.kind).presses(asked, right)
