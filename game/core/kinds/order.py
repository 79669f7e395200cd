"""Order: 3 to 5 steps, written in the order they happen."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

import yaml

from game.core.kinds.base import KindSpec, Problem, Response, shuffled
from game.core.strictyaml import Reader

if TYPE_CHECKING:
    from game.core.content import Question

MAX_ITEM = 50
WRONG_ORDER = "wrong order"


class OrderSpec(KindSpec):
    name = "order"
    fields = ("items",)
    label_meanings: ClassVar[dict[str, str]] = {WRONG_ORDER: "put the steps in the wrong order"}

    def read(self, r: Reader, f: dict[str, yaml.Node], what: str, scene: str | None) -> dict[str, object] | None:
        items = r.text_list(f["items"], f"{what}: items", MAX_ITEM, 3, 5)
        return None if items is None else {"items": tuple(items)}

    def options(self, q: Question, rng: random.Random) -> tuple[str, ...]:
        return shuffled(q.items, rng, avoid_written=True)

    def is_correct(self, q: Question, response: Response) -> bool:
        return isinstance(response, tuple) and tuple(response) == q.items

    def correct_text(self, q: Question) -> str:
        return "\n".join(f"{i}. {item}" for i, item in enumerate(q.items, 1))

    def wrong_label(self, q: Question, response: Response) -> str:
        return WRONG_ORDER

    def compare(self, ours: Question, theirs: Question, problem: Problem) -> None:
        if len(ours.items) != len(theirs.items):
            problem("items", f'question "{ours.id}": {len(theirs.items)} items; the English file has {len(ours.items)}')

    def translated(self, q: Question, change: Callable[[str], str]) -> dict[str, object]:
        return {"items": tuple(change(i) for i in q.items)}

    def right_response(self, q: Question, options: tuple[str, ...]) -> Response:
        return q.items

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Response:
        return tuple(reversed(q.items))
