"""Spot: the level's scene at one cue; the player taps the thing the prompt names."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING, ClassVar

import yaml

from game.core.catalog import SCENE_TARGETS, TARGET_LABELS
from game.core.kinds.base import OTHER_LABEL, KindSpec, Problem, Response
from game.core.strictyaml import Reader

if TYPE_CHECKING:
    from game.core.content import Question

MIN_OTHERS = 2  # a spot question shows at least this many targets besides the answer


class SpotSpec(KindSpec):
    name = "spot"
    fields = ("cue", "answer")
    # the staff report says what a visitor tapped in words, not by the target's name
    label_meanings: ClassVar[dict[str, str]] = {name: f"tapped the {label}" for name, label in TARGET_LABELS.items()}
    # pointing at the picture is the strongest check that the scene was understood
    always_asked = True

    def read(self, r: Reader, f: dict[str, yaml.Node], what: str, scene: str | None) -> dict[str, object] | None:
        cue = r.text(f["cue"], f"{what}: cue")
        answer = r.text(f["answer"], f"{what}: answer")
        if cue is None or answer is None or scene is None:
            return None
        cues = SCENE_TARGETS.get(scene, {})
        if cue not in cues:
            listed = ", ".join(cues) or "none yet"
            r.problem(f["cue"], f'{what}: the scene "{scene}" has no spot cue "{cue}"; its spot cues are: {listed}')
            return None
        if answer not in cues[cue]:
            where = "is not shown at" if answer in TARGET_LABELS else "is no target of"
            r.problem(
                f["answer"],
                f'{what}: answer "{answer}" {where} cue "{cue}"; the targets there are: {", ".join(cues[cue])}',
            )
            return None
        if len(cues[cue]) < MIN_OTHERS + 1:
            r.problem(f["cue"], f'{what}: cue "{cue}" shows too few targets to choose from')
            return None
        return {"cue": cue, "answer": answer, "choices": cues[cue]}  # choices: the targets shown

    def options(self, q: Question, rng: random.Random) -> tuple[str, ...]:
        return q.choices  # in place on the picture; numbered in the catalog's order

    def is_correct(self, q: Question, response: Response) -> bool:
        return response == q.answer

    def correct_text(self, q: Question) -> str:
        return TARGET_LABELS[q.answer]

    def wrong_label(self, q: Question, response: Response) -> str:
        return response if isinstance(response, str) and response in q.choices else OTHER_LABEL

    def compare(self, ours: Question, theirs: Question, problem: Problem) -> None:
        for name in ("cue", "answer"):
            mine, yours = getattr(ours, name), getattr(theirs, name)
            if mine != yours:
                problem(
                    name,
                    f'question "{ours.id}": {name} is "{yours}"; the English file has "{mine}" (names stay as written)',
                )

    def right_response(self, q: Question, options: tuple[str, ...]) -> Response:
        return q.answer

    def wrong_response(self, q: Question, options: tuple[str, ...]) -> Response:
        return next(o for o in options if o != q.answer)
