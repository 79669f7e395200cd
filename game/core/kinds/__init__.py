"""The one table of question kinds.

Each kind has two homes: its core spec here (``game.core.kinds.<name>``) and its controls
and feedback lines in ``game.shell.kinds.<name>``. Adding a kind is those two modules
plus one line in ``SPECS``.
"""

from __future__ import annotations

from game.core.kinds.base import KindSpec
from game.core.kinds.choice import ChoiceSpec
from game.core.kinds.match import MatchSpec
from game.core.kinds.order import OrderSpec
from game.core.kinds.spot import SpotSpec
from game.core.kinds.truefalse import TrueFalseSpec

SPECS: dict[str, KindSpec] = {
    spec.name: spec
    for spec in (
        ChoiceSpec(),
        TrueFalseSpec(),
        OrderSpec(),
        MatchSpec(),
        SpotSpec(),
    )
}


def spec_of(kind: str) -> KindSpec:
    return SPECS[kind]
