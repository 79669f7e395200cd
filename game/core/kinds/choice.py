"""Choice: one right answer among 2 to 6 written choices."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

import yaml

from game.core.kinds.base import OTHER_LABEL, KindSpec, Problem, Response, shuffled
from game.core.strictyaml import Reader

if TYPE_CHECKING:
    from game.core.content import Question

MAX_CHOICE = 60


class ChoiceSpec(KindSpec):
    name = "choice"
    fields = ("choices", "answer")

    def read(self, r: Reader, f: dict[str, yaml.Node], what: str, scene: str | None) -> dict[str, object] | None:
        choices = r.text_list(f["choices"], f"{what}: choices", MAX_CHOICE, 2, 6)
        answer = r.text(f["answer"], f"{what}: answer", MAX_CHOICE)
        if choices is None or answer is None:
            return None
        if answer not in choices:
            r.problem(f["answer"], f'{what}: answer "{answer}" is not one of its choices')
            return None
        return {"choices": tuple(choices), "answer": answer}

    def options(self, q: Question, rng: random.Random) -> tuple[str, ...]:
        return shuffled(q.choices, rng, avoid_written=False)

    def is_correct(self, q: Question, response: Response) -> bool:
        return response == q.answer

    def correct_text(self, q: Question) -> str:
        return q.answer

    def wrong_label(self, q: Question, response: Response) -> str:
        return response if isinstance(response, str) and response in q.choices else OTHER_LABEL

    def compare(self, ours: Question, theirs: Question, problem: Problem) -> None:
        what = f'question "{ours.id}"'
        if len(ours.choices) != len(theirs.choices):
            problem("choices", f"{what}: {len(theirs.choices)} choices; the English file has {len(ours.choices)}")
            return
        mine, yours = ours.choices.index(ours.answer) + 1, theirs.choices.index(theirs.answer) + 1
        if mine != yours:
            problem(
                "answer",
                f"{what}: the answer is choice {yours}; in the English file it is choice {mine} "
                "(keep the choices in the same order)",
            )

    def in_source(self, q: Question, english: Question, response: Response) -> Response:
        if isinstance(response, str) and response in q.choices:
            position = q.choices.index(response)
            if position < len(english.choices):
                return english.choices[position]
        return response

    def translated(self, q: Question, change: Callable[[str], str]) -> dict[str, object]:
        return {"choices": tuple(change(c) for c in q.choices), "answer": change(q.answer)}

    def right_response(self, q: Question, options: tuple[str, ...]) -> Response:
        return q.answer

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Response:
        return next(o for o in options if o != q.answer)
