"""Did visitors learn? Before/after pairs, the normalized gain and an exact McNemar test.

Pure arithmetic, no pygame: the staff report and the statistics file use it. A pair is
one visitor's answer to a question before its lesson and again after; only the four
totals are ever kept, never who gave them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from math import comb

from game.core.quiz import AskedQuestion

# Fewer pairs that changed (right to wrong plus wrong to right) than this, and the
# report says "too few visits to tell yet" instead of a p-value.
MIN_CHANGED_PAIRS = 10
PAIR_KEYS = ("right_right", "right_wrong", "wrong_right", "wrong_wrong")
BEFORE_KINDS = ("choice", "truefalse")  # a guess is one tap; order and match are not guesses


@dataclass
class PairCounts:
    """Before/after outcomes: right then right, right then wrong, and so on."""

    right_right: int = 0
    right_wrong: int = 0
    wrong_right: int = 0
    wrong_wrong: int = 0

    def add(self, before_right: bool, after_right: bool) -> None:
        if before_right:
            if after_right:
                self.right_right += 1
            else:
                self.right_wrong += 1
        elif after_right:
            self.wrong_right += 1
        else:
            self.wrong_wrong += 1

    def plus(self, other: PairCounts) -> PairCounts:
        return PairCounts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, int, int, int]:
        return (self.right_right, self.right_wrong, self.wrong_right, self.wrong_wrong)

    def to_json(self) -> dict[str, int]:
        return dict(zip(PAIR_KEYS, self.as_tuple(), strict=True))

    @property
    def total(self) -> int:
        return sum(self.as_tuple())

    @property
    def changed(self) -> int:
        return self.right_wrong + self.wrong_right

    @property
    def right_before(self) -> int:
        return self.right_right + self.right_wrong

    @property
    def right_after(self) -> int:
        return self.right_right + self.wrong_right

    def percent_before(self) -> float | None:
        return 100 * self.right_before / self.total if self.total else None

    def percent_after(self) -> float | None:
        return 100 * self.right_after / self.total if self.total else None

    def gain(self) -> float | None:
        before, after = self.percent_before(), self.percent_after()
        if before is None or after is None:
            return None
        return normalized_gain(before, after)

    def p_value(self) -> float | None:
        """McNemar's exact p, or None when too few pairs changed to tell."""
        if self.changed < MIN_CHANGED_PAIRS:
            return None
        return mcnemar_exact_p(self.right_wrong, self.wrong_right)


def mcnemar_exact_p(right_to_wrong: int, wrong_to_right: int) -> float:
    """Two-sided exact McNemar test: the binomial test of the discordant pairs against 1/2.

    Twice the smaller tail, capped at 1 (the usual exact form). 1 and 8 give 0.039.
    """
    if right_to_wrong < 0 or wrong_to_right < 0:
        raise ValueError("counts cannot be negative")
    n = right_to_wrong + wrong_to_right
    if n == 0:
        return 1.0
    k = min(right_to_wrong, wrong_to_right)
    tail = sum(comb(n, i) for i in range(k + 1))  # exact integers: no rounding until the end
    return min(1.0, 2 * tail / 2**n)


def normalized_gain(before: float, after: float) -> float | None:
    """Hake's normalized gain g = (after - before) / (100 - before), in percent right.

    The share of what there was left to learn that was learnt; None when everyone was
    already right before (nothing left to learn). Negative when fewer were right after.
    """
    if not (0 <= before <= 100 and 0 <= after <= 100):
        raise ValueError("percentages must be 0 to 100")
    if before >= 100:
        return None
    return (after - before) / (100 - before)


def plain_sentence(pairs: PairCounts) -> str:
    """What a nurse can read aloud: the two percentages and whether chance could explain it."""
    before, after = pairs.percent_before(), pairs.percent_after()
    if before is None or after is None:
        return "No visitor has answered this before and after the lesson yet."
    said = f"Before the lesson {round(before)} % knew this; after it, {round(after)} %."
    p = pairs.p_value()
    if p is None:
        return f"{said} Too few visits to tell yet."
    if p < 0.01:
        verdict = "A change this large is very unlikely to be chance."
    elif p < 0.05:
        verdict = "A change this large is unlikely to be chance."
    else:
        verdict = "A change like this could well be chance."
    return f"{said} {verdict}"


class Pairing:
    """One level play's before answers, in memory only, until its quiz answers them again.

    ``guessed`` keeps whether the "What do you think?" answer was right; ``answered``
    returns the pair (before, after) the first time the same question is answered in the
    quiz, and forgets it, so a pair is counted once. Nothing here is ever written: when the
    level ends (or the visitor leaves) the object is dropped with what it holds.
    """

    def __init__(self) -> None:
        self._before: dict[str, bool] = {}

    def guessed(self, question_id: str, right: bool) -> None:
        self._before[question_id] = right

    def answered(self, question_id: str, right: bool) -> tuple[bool, bool] | None:
        before = self._before.pop(question_id, None)
        return None if before is None else (before, right)

    def __len__(self) -> int:
        return len(self._before)


def before_question(steps: Sequence[object]) -> AskedQuestion | None:
    """The level's "What do you think?" question: one the quiz of this play will ask (a
    choice or true/false), its options reshuffled so the quiz does not show the same order.

    Chosen and shuffled by a generator seeded from this play's questions, not the game's
    own, so turning it on or off changes nothing else a seeded play does.
    """
    asked = [s for s in steps if isinstance(s, AskedQuestion) and s.question.kind in BEFORE_KINDS]
    if not asked:
        return None
    rng = random.Random("|".join(a.question.id + ":" + ",".join(a.options) for a in asked))
    chosen = rng.choice(asked)
    if chosen.question.kind == "truefalse" or len(chosen.options) < 2:
        return chosen  # True, False: a fixed order people expect
    options = list(chosen.options)
    while tuple(options) == chosen.options:
        rng.shuffle(options)
    return AskedQuestion(chosen.question, tuple(options))
