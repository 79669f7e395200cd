"""What every question kind tells the rest of the game, in one place per kind.

A kind's core spec (this base class, subclassed once per kind in this package) knows its
fields in the content file and how to read and check them, how a play shuffles its options,
what counts as right, the right answer and a wrong one in words (for feedback, read-aloud
and the staff statistics) and how a translation must stay parallel to the English file.
Pure logic, no pygame; the kind's controls live in ``game.shell.kinds.<name>``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

import yaml

from game.core.strictyaml import Reader

if TYPE_CHECKING:
    from game.core.content import Question

Response = str | bool | tuple[str, ...] | tuple[tuple[str, str], ...] | None  # None: time ran out
OTHER_LABEL = "other answers"  # a wrong answer the content did not offer (never stored as typed)
Problem = Callable[[str, str], None]  # (field of the question, message)


class KindSpec:
    name = ""
    fields: tuple[str, ...] = ()  # the kind's own fields in the content file, all required
    # fixed statistics labels of this kind and what they mean in the staff report
    label_meanings: ClassVar[dict[str, str]] = {}
    # a level with questions of this kind always asks one of them (drawn like the rest)
    always_asked: ClassVar[bool] = False

    def read(self, r: Reader, f: dict[str, yaml.Node], what: str, scene: str | None) -> dict[str, object] | None:
        """The kind's fields of a question of a level showing ``scene`` (None: unknown), checked;
        None after reporting a problem to ``r``."""
        raise NotImplementedError

    def options(self, q: Question, rng: random.Random) -> tuple[str, ...]:
        """The options as this play shows them (shuffled where that is fair)."""
        raise NotImplementedError

    def is_correct(self, q: Question, response: Response) -> bool:
        raise NotImplementedError

    def correct_text(self, q: Question) -> str:
        """The right answer in words, for feedback and the results screen."""
        raise NotImplementedError

    def wrong_label(self, q: Question, response: Response) -> str:
        """What the statistics count for a wrong answer: only text the content offered."""
        raise NotImplementedError

    def compare(self, ours: Question, theirs: Question, problem: Problem) -> None:
        """Report how a translated question (``theirs``) is not parallel to the English one."""

    def in_source(self, q: Question, english: Question, response: Response) -> Response:
        """``response`` to the translated ``q`` as the same answer to the English question."""
        return response

    def translated(self, q: Question, change: Callable[[str], str]) -> dict[str, object]:
        """The kind's fields with ``change`` applied to every text a player reads."""
        return {}

    def right_response(self, q: Question, options: tuple[str, ...]) -> Response:
        """A right answer, for the bench, the capture tour and tests."""
        raise NotImplementedError

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Response:
        """A wrong answer (not a timeout), for the bench, the capture tour and tests."""
        raise NotImplementedError


def shuffled(written: tuple[str, ...], rng: random.Random, avoid_written: bool) -> tuple[str, ...]:
    """``written`` shuffled; with ``avoid_written``, never (if it can help it) in written order."""
    options = list(written)
    for _ in range(8):  # an order question shown already in order would be a free point
        rng.shuffle(options)
        if not avoid_written or tuple(options) != written:
            break
    return tuple(options)
