"""True/false: a statement, and whether it is true."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import yaml

from game.core.kinds.base import OTHER_LABEL, KindSpec, Problem, Response
from game.core.strictyaml import Reader

if TYPE_CHECKING:
    from game.core.content import Question


class TrueFalseSpec(KindSpec):
    name = "truefalse"
    fields = ("answer",)

    def read(self, r: Reader, f: dict[str, yaml.Node], what: str, scene: str | None) -> dict[str, object] | None:
        truth = r.boolean(f["answer"], f"{what}: answer")
        return None if truth is None else {"truth": truth}

    def options(self, q: Question, rng: random.Random) -> tuple[str, ...]:
        return ("True", "False")  # a fixed order people expect

    def is_correct(self, q: Question, response: Response) -> bool:
        return response is q.truth

    def correct_text(self, q: Question) -> str:
        return "True" if q.truth else "False"

    def wrong_label(self, q: Question, response: Response) -> str:
        return ("True" if response else "False") if isinstance(response, bool) else OTHER_LABEL

    def compare(self, ours: Question, theirs: Question, problem: Problem) -> None:
        if ours.truth != theirs.truth:
            problem(
                "answer",
                f'question "{ours.id}": the answer is {str(theirs.truth).lower()}; '
                f"the English file says {str(ours.truth).lower()}",
            )

    def right_response(self, q: Question, options: tuple[str, ...]) -> Response:
        return q.truth

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Response:
        return not q.truth
