"""Match: 3 or 4 pairs; the player pairs each left item with its right one."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

import yaml

from game.core.kinds.base import KindSpec, Problem, Response, shuffled
from game.core.strictyaml import Reader

if TYPE_CHECKING:
    from game.core.content import Question

MAX_PAIR = 40
WRONG_PAIRS = "wrong pairs"


class MatchSpec(KindSpec):
    name = "match"
    fields = ("pairs",)
    label_meanings: ClassVar[dict[str, str]] = {WRONG_PAIRS: "matched the wrong pairs"}

    def read(self, r: Reader, f: dict[str, yaml.Node], what: str, scene: str | None) -> dict[str, object] | None:
        node = f["pairs"]
        rows = r.sequence(node, f"{what}: pairs")
        if rows is None:
            return None
        if not 3 <= len(rows) <= 4:
            r.problem(node, f"{what}: pairs should have 3 or 4 pairs, not {len(rows)}")
            return None
        pairs = [r.text_list(row, f"{what}: pair {i}", MAX_PAIR, 2, 2) for i, row in enumerate(rows, 1)]
        if any(p is None for p in pairs):
            return None
        clean = [(p[0], p[1]) for p in pairs if p is not None]
        for side, name in ((0, "left"), (1, "right")):
            words = [p[side].casefold() for p in clean]
            if len(set(words)) != len(words):
                r.problem(node, f"{what}: two pairs have the same {name} side; every item must differ")
                return None
        return {"pairs": tuple(clean)}

    def options(self, q: Question, rng: random.Random) -> tuple[str, ...]:
        return shuffled(tuple(right for _, right in q.pairs), rng, avoid_written=True)

    def is_correct(self, q: Question, response: Response) -> bool:
        return isinstance(response, tuple) and set(response) == set(q.pairs)

    def correct_text(self, q: Question) -> str:
        return "\n".join(f"{left} – {right}" for left, right in q.pairs)

    def wrong_label(self, q: Question, response: Response) -> str:
        return WRONG_PAIRS

    def compare(self, ours: Question, theirs: Question, problem: Problem) -> None:
        if len(ours.pairs) != len(theirs.pairs):
            problem("pairs", f'question "{ours.id}": {len(theirs.pairs)} pairs; the English file has {len(ours.pairs)}')

    def translated(self, q: Question, change: Callable[[str], str]) -> dict[str, object]:
        return {"pairs": tuple((change(a), change(b)) for a, b in q.pairs)}

    def right_response(self, q: Question, options: tuple[str, ...]) -> Response:
        return q.pairs

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Response:
        rights = [r for _, r in q.pairs]
        return tuple((left, right) for (left, _), right in zip(q.pairs, rights[1:] + rights[:1]))
