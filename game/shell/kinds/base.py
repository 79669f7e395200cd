"""What every question kind shows: its controls on the question screen and its lines on
the feedback screen. One module per kind in this package, named as the kind is in
``game.core.kinds.SPECS``; the question and feedback screens hold only what kinds share.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.core.quiz import AskedQuestion, Response
from game.shell.ui import Button, stack

if TYPE_CHECKING:
    from game.shell.actions import Action
    from game.shell.scenes.feedback import FeedbackScene
    from game.shell.scenes.question import QuestionScene

Press = tuple[str, int | None]  # a control's name, and the number key that also presses it


class KindControls:
    """The controls of one question on its screen (one object per screen: it holds the
    player's moves so far)."""

    instruction = ""  # marked with N_; the hint under the prompt
    checks = False  # the answer is built up, then handed in with Check (and Start over)

    def __init__(self, scene: QuestionScene) -> None:
        self.scene = scene
        self.asked = scene.asked
        self._ = scene._

    def buttons(self) -> list[Button]:
        """The option buttons, in the order Tab visits them."""
        raise NotImplementedError

    def spoken(self) -> list[str]:
        """What read-aloud says after the prompt."""
        return [f"{i}: {text}." for i, text in enumerate(self.asked.options, 1)]

    def screen_text(self) -> tuple[str, ...]:
        return self.asked.options

    def refresh(self) -> None:
        """Show the moves so far on the controls."""

    def started(self) -> bool:
        """Whether there is anything for Start over to undo."""
        return False

    def clear(self) -> None:
        pass

    def ready(self) -> Response | None:
        """The answer Check hands in, or None while it is not complete."""
        return None

    def hint(self) -> str:
        return self._(self.instruction)

    def cells(self, options: pygame.Rect) -> list[pygame.Rect]:
        """Where the option buttons go inside ``options``."""
        raise NotImplementedError

    def handle(self, action: Action) -> bool:
        """A move the buttons do not take (a tap on a picture); True if used."""
        return False

    def idle(self, budget_s: float) -> bool:
        """Work ahead of need between frames (a picture's sprites); True if it used the time."""
        return False

    def picture_ready(self) -> bool:
        """True once everything these controls show is drawn (see ``idle``)."""
        return True

    def update(self, dt: float) -> None:
        pass

    def animating(self) -> bool:
        """True while something the controls draw moves by itself."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """Anything drawn besides the buttons."""

    def draw_changed(self, surface: pygame.Surface) -> list[pygame.Rect] | None:
        """Redraw only what moved by itself (see ``Scene.draw_changed``); None: all of it."""
        return None


class KindShell:
    """A kind's controls class, its feedback lines and how to answer it by presses."""

    controls: type[KindControls] = KindControls
    has_picture = False  # the feedback shows the answer in a picture beside the explanation

    def enter_picture(self, fb: FeedbackScene) -> None:
        """Make the picture ready when the feedback screen (re)appears."""

    def update_picture(self, fb: FeedbackScene, dt: float) -> None:
        pass

    def idle_picture(self, fb: FeedbackScene, budget_s: float) -> bool:
        """Draw the picture's sprites ahead of need, between frames; True if it used the time."""
        return False

    def picture_ready(self, fb: FeedbackScene) -> bool:
        """True once drawing the picture builds no new sprite (see ``idle_picture``)."""
        return True

    def draw_picture(self, fb: FeedbackScene, surface: pygame.Surface, rect: pygame.Rect) -> None:
        pass

    def answer_lines(self, fb: FeedbackScene) -> str:
        """The right answer as the feedback screen shows it after "The answer:"."""
        return fb.asked.question.correct_text

    def answer_text(self, fb: FeedbackScene) -> str:
        """The line that gives the right answer on the feedback screen."""
        return fb._("The answer: {answer}", answer=self.answer_lines(fb))

    def chosen_text(self, fb: FeedbackScene) -> str:
        """What the player gave, after a miss (not a timeout)."""
        return ""

    def chosen_summary(self, fb: FeedbackScene) -> str:
        """One line for ``chosen_text`` where there is no room for all of it."""
        return self.chosen_text(fb)

    def presses(self, asked: AskedQuestion, right: bool) -> list[Press]:
        """The controls to press, in turn, to answer ``asked`` right (or wrong)."""
        raise NotImplementedError


def column(rect: pygame.Rect, count: int, control: int, gap: int) -> list[pygame.Rect]:
    height = min((rect.height - gap * (count - 1)) // max(1, count), int(control * 1.4))
    return stack(rect, [height] * count, gap)
