"""True/false: two buttons, True and False, side by side on a wide screen."""

from __future__ import annotations

from game.core.i18n import N_
from game.shell.kinds.choice import ChoiceControls, ChoiceShell

# A true/false question's two values, "True" and "False", and the words the player reads.
TRUTH_LABELS = {"True": N_("True"), "False": N_("False")}


class TrueFalseControls(ChoiceControls):
    instruction = N_("Is this true or false?")

    def label(self, value: str) -> str:
        return self._(TRUTH_LABELS[value])

    def value(self, option: str) -> object:
        return option == "True"

    def columns(self, n: int) -> int:
        return 1 if self.scene.ui.portrait else 2


class TrueFalseShell(ChoiceShell):
    controls = TrueFalseControls

    def answer_lines(self, fb) -> str:  # type: ignore[no-untyped-def]
        return fb.truth_label(fb.asked.question.truth)

    def chosen_text(self, fb) -> str:  # type: ignore[no-untyped-def]
        return fb._("You chose: {choice}", choice=fb.truth_label(bool(fb.response)))


SHELL = TrueFalseShell()
