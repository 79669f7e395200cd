"""The teaching content as plain data: levels of lesson beats and questions.

Built by ``game.core.loader`` from ``questions.yaml``; read by the quiz session and
the screens. Immutable, so one loaded copy can be shared by everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from game.core.kinds import SPECS, spec_of

Kind = str  # a name in game.core.kinds.SPECS


@dataclass(frozen=True)
class Lesson:
    id: str
    cue: str
    caption: str


@dataclass(frozen=True)
class Question:
    """One question. Which fields matter depends on ``kind``:

    - choice: ``choices`` and ``answer`` (the exact text of the right choice);
    - truefalse: ``truth``;
    - order: ``items`` in the correct order;
    - match: ``pairs`` of (left, right);
    - spot: ``cue``, ``answer`` (the name of the target to tap) and ``choices`` (the targets shown).
    """

    id: str
    kind: Kind
    prompt: str
    explain: str
    source: str
    replay: str  # id of the lesson of the same level that teaches it
    choices: tuple[str, ...] = ()
    answer: str = ""
    truth: bool = False
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    cue: str = ""  # spot: the cue of the level's scene the question shows

    @property
    def correct_text(self) -> str:
        """The right answer in words, for feedback and the results screen."""
        return spec_of(self.kind).correct_text(self)


Step = Lesson | Question


@dataclass(frozen=True)
class Level:
    id: str
    title: str
    summary: str
    scene: str
    ask: int  # questions asked per play, drawn from the pool
    steps: tuple[Step, ...]

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(s for s in self.steps if isinstance(s, Question))

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        return tuple(s for s in self.steps if isinstance(s, Lesson))

    def lesson(self, lesson_id: str) -> Lesson:
        return next(s for s in self.lessons if s.id == lesson_id)


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    meaning: str
    also: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.term, *self.also)


@dataclass(frozen=True)
class Content:
    levels: tuple[Level, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    about: tuple[str, ...] = ()
    # questions a patient can take to their own care team (the card after the last level)
    ask_your_team: tuple[str, ...] = ()
    source_path: str = field(default="", compare=False)

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for level in self.levels for q in level.questions)

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)

    def terms_in(self, *texts: str) -> tuple[GlossaryEntry, ...]:
        """Glossary entries any of whose forms appear in ``texts`` (whole words, any case)."""
        joined = " ".join(texts)
        return tuple(entry for entry in self.glossary if any(_mentions(joined, form) for form in entry.forms))

    def summary_line(self) -> str:
        kinds = [kind for kind in SPECS if any(q.kind == kind for q in self.questions)]
        return f"OK: {len(self.levels)} levels, {len(self.questions)} questions (kinds: {', '.join(kinds)})"


def _mentions(text: str, form: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, re.IGNORECASE) is not None
