"""Practise what you missed: Leitner boxes of missed questions, by question id.

Pure logic, no pygame. A miss puts a question in box 1; a right answer in a practice
round moves it up one box, and after the right answer in the last box it leaves the
list; a wrong answer in practice puts it back in box 1. A right answer in a normal level
moves nothing: only practice does. A round draws from the lowest box first.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from game.core.content import Content

BOXES = 3  # three right answers in practice and a question leaves the list
ROUND_SIZE = 5  # questions in one practice round, at most

Boxes = Mapping[str, int]  # question id -> its box, 1 to BOXES


def missed(boxes: Boxes, question_id: str) -> dict[str, int]:
    """A miss in a level (or in practice): the question goes to box 1."""
    return {**boxes, question_id: 1}


def practised(boxes: Boxes, question_id: str, correct: bool) -> dict[str, int]:
    """A practice answer: right moves the question up a box (out of the list after the
    last one), wrong puts it back in box 1. A question not on the list is left off it."""
    new = dict(boxes)
    if question_id not in new:
        return new
    if not correct:
        new[question_id] = 1
    elif new[question_id] >= BOXES:
        del new[question_id]
    else:
        new[question_id] += 1
    return new


def draw_round(boxes: Boxes, rng: random.Random, size: int = ROUND_SIZE) -> list[str]:
    """The ids for one practice round: the lowest box first, shuffled within a box."""
    ids = sorted(boxes)
    rng.shuffle(ids)
    ids.sort(key=lambda qid: boxes[qid])  # stable: the shuffle stays within each box
    return ids[:size]


def in_content(boxes: Boxes, content: Content) -> dict[str, int]:
    """The boxes of questions the content still has (a question removed from the file is not offered)."""
    ids = {q.id for q in content.questions}
    return {qid: box for qid, box in boxes.items() if qid in ids}


def lowest_first(boxes: Boxes) -> list[str]:
    """Every id on the list, the lowest box first (for a level that asks missed questions first)."""
    return sorted(boxes, key=lambda qid: (boxes[qid], qid))


def parse_boxes(data: object) -> dict[str, int]:
    """The ``missed`` entry of a progress file; raises ValueError if it is not one."""
    if not isinstance(data, dict):
        raise ValueError("missed is not a mapping")
    out: dict[str, int] = {}
    for qid, box in data.items():
        if not (isinstance(qid, str) and isinstance(box, int) and not isinstance(box, bool) and 1 <= box <= BOXES):
            raise ValueError(f"bad missed entry {qid!r}")
        out[qid] = box
    return out
