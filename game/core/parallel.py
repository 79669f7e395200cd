"""Is a translated content file (``questions.es.yaml``) in step with ``questions.yaml``?

The translation must have the same levels, lessons and questions, with the same ids, kinds,
scenes, cues and order; each ``answer`` the same choice by position; the same number of
choices, ``order`` items and ``match`` pairs; and a glossary and about text when the English
file has them. Every difference is a ``file:line`` problem naming the id, all at once.
The translated file is first checked on its own, by the same loader as the English one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import yaml

from game.core.content import Content, GlossaryEntry, Lesson, Level, Question
from game.core.errors import FileProblems, Problem
from game.core.kinds import spec_of
from game.core.loader import load_content
from game.core.strictyaml import display_path, line_of, read_document


def load_translation(english: Content, path: Path) -> Content:
    """The translated content in ``path``; raises FileProblems if it has mistakes of its own
    or is not parallel to ``english``."""
    translated = load_content(path)
    root, label = read_document(path, display_path(path))
    problems = parallel_problems(english, translated, _Lines(root), label)
    if problems:
        raise FileProblems(problems)
    return translated


class _Lines:
    """The line of each level, step and field in a content file's node tree (1-based)."""

    def __init__(self, root: yaml.Node) -> None:
        self.top: dict[str, int] = {}
        self.levels: dict[str, int] = {}
        self.steps: dict[str, int] = {}
        self.fields: dict[tuple[str, str], int] = {}  # (level or step id, field) -> line
        top = _keys(root)
        self.top = {key: line_of(node) for key, node in top.items()}
        levels = top.get("levels")
        for level in levels.value if isinstance(levels, yaml.SequenceNode) else []:
            f = _keys(level)
            level_id = _scalar(f.get("id"))
            if level_id is None:
                continue
            self.levels[level_id] = line_of(f["id"])
            self.fields.update({(level_id, k): line_of(v) for k, v in f.items()})
            steps = f.get("steps")
            for step in steps.value if isinstance(steps, yaml.SequenceNode) else []:
                s = _keys(step)
                step_id = _scalar(s.get("lesson")) or _scalar(s.get("question"))
                if step_id is not None:
                    self.steps[step_id] = line_of(step)
                    self.fields.update({(step_id, k): line_of(v) for k, v in s.items()})

    def of_level(self, level_id: str, field: str = "id") -> int | None:
        return self.fields.get((level_id, field), self.levels.get(level_id))

    def of_step(self, step_id: str, field: str = "") -> int | None:
        return self.fields.get((step_id, field), self.steps.get(step_id))


def parallel_problems(english: Content, translated: Content, lines: _Lines, label: str) -> list[Problem]:
    problems: list[Problem] = []

    def problem(line: int | None, message: str) -> None:
        problems.append(Problem(label, line, message))

    _compare_ids(
        [level.id for level in english.levels],
        [level.id for level in translated.levels],
        "level",
        lambda i: lines.of_level(i),
        lines.top.get("levels"),
        problem,
    )
    theirs = {level.id: level for level in translated.levels}
    for level in english.levels:
        if level.id in theirs:
            _compare_level(level, theirs[level.id], lines, problem)
    for key, what in (("glossary", "the glossary"), ("about", "the about text")):
        if getattr(english, key) and not getattr(translated, key):
            problem(None, f"{what} is missing; the English file has it, so translate it too")
    if english.ask_your_team and not translated.ask_your_team:
        problem(
            lines.top.get("levels"),
            "ask_your_team (the questions for the care team) is missing; the English file has it, "
            "so translate it too and put it before levels:",
        )
    if english.glossary and translated.glossary and len(english.glossary) != len(translated.glossary):
        problem(
            lines.top.get("glossary"),
            f"the glossary has {len(translated.glossary)} entries; the English file has {len(english.glossary)}",
        )
    mine, yours = len(english.ask_your_team), len(translated.ask_your_team)
    if mine and yours and mine != yours:
        problem(
            lines.top.get("ask_your_team"),
            f"ask_your_team has {yours} questions; the English file has {mine} (translate each one, in the same order)",
        )
    return problems


def _compare_ids(
    ours: list[str],
    theirs: list[str],
    kind: str,
    line: Callable[[str], int | None],
    fallback: int | None,
    problem: Callable[[int | None, str], None],
) -> None:
    """Missing, extra and out-of-order ids, each named."""
    for i, item in enumerate(ours):
        if item not in theirs:
            before = f'after "{ours[i - 1]}"' if i else "first"
            problem(fallback, f'{kind} "{item}" is missing; the English file has it {before}')
    for item in theirs:
        if item not in ours:
            problem(line(item), f'{kind} "{item}" is not in the English file; remove it or fix its id')
    common_ours = [i for i in ours if i in theirs]
    common_theirs = [i for i in theirs if i in ours]
    for mine, yours in zip(common_ours, common_theirs):
        if mine != yours:
            problem(line(yours), f'{kind} "{yours}" is out of step: the English file has "{mine}" in its place')
            break  # one out-of-step item shifts all the rest; the first says where to look


def _compare_level(ours: Level, theirs: Level, lines: _Lines, problem: Callable[[int | None, str], None]) -> None:
    what = f'level "{ours.id}"'
    if ours.scene != theirs.scene:
        problem(
            lines.of_level(ours.id, "scene"), f'{what}: scene is "{theirs.scene}"; the English file has "{ours.scene}"'
        )
    if ours.ask != theirs.ask:
        problem(lines.of_level(ours.id, "ask"), f"{what}: ask is {theirs.ask}; the English file has {ours.ask}")
    _compare_ids(
        [s.id for s in ours.steps],
        [s.id for s in theirs.steps],
        "step",
        lambda i: lines.of_step(i),
        lines.of_level(ours.id, "steps"),
        problem,
    )
    steps = {s.id: s for s in theirs.steps}
    for step in ours.steps:
        other = steps.get(step.id)
        if other is None:
            continue
        if isinstance(step, Lesson) != isinstance(other, Lesson):
            kind = "a lesson" if isinstance(step, Lesson) else "a question"
            problem(lines.of_step(step.id), f'"{step.id}" is {kind} in the English file')
        elif isinstance(step, Lesson) and isinstance(other, Lesson):
            if step.cue != other.cue:
                problem(
                    lines.of_step(step.id, "cue"),
                    f'lesson "{step.id}": cue is "{other.cue}"; the English file has "{step.cue}"',
                )
        elif isinstance(step, Question) and isinstance(other, Question):
            _compare_question(step, other, lines, problem)


def _compare_question(
    ours: Question, theirs: Question, lines: _Lines, problem: Callable[[int | None, str], None]
) -> None:
    what = f'question "{ours.id}"'
    if ours.kind != theirs.kind:
        problem(lines.of_step(ours.id, "kind"), f'{what}: kind is "{theirs.kind}"; the English file has "{ours.kind}"')
        return
    if ours.source != theirs.source:
        problem(
            lines.of_step(ours.id, "source"),
            f'{what}: source is "{theirs.source}"; the English file cites "{ours.source}"',
        )
    if ours.replay != theirs.replay:
        problem(
            lines.of_step(ours.id, "replay"),
            f'{what}: replays "{theirs.replay}"; the English file replays "{ours.replay}"',
        )
    spec_of(ours.kind).compare(ours, theirs, lambda name, message: problem(lines.of_step(ours.id, name), message))


def in_source_language(source: Content, question: Question, response: object) -> tuple[Question, object]:
    """The English question and, for a choice, the English choice in the same position: the
    staff report counts every visitor's wrong answers together, whatever their language."""
    english = next((q for q in source.questions if q.id == question.id), None)
    if english is None:
        return question, response
    return english, spec_of(question.kind).in_source(question, english, response)  # type: ignore[arg-type]


def map_texts(content: Content, change: Callable[[str], str]) -> Content:
    """``content`` with ``change`` applied to every text a player reads (ids and values kept)."""

    def question(q: Question) -> Question:
        return dataclasses.replace(
            q,
            prompt=change(q.prompt),
            explain=change(q.explain),
            **spec_of(q.kind).translated(q, change),  # type: ignore[arg-type]
        )

    def level(lv: Level) -> Level:
        steps = tuple(
            dataclasses.replace(s, caption=change(s.caption)) if isinstance(s, Lesson) else question(s)
            for s in lv.steps
        )
        return dataclasses.replace(lv, title=change(lv.title), summary=change(lv.summary), steps=steps)

    glossary = tuple(
        GlossaryEntry(change(g.term), change(g.meaning), tuple(change(a) for a in g.also)) for g in content.glossary
    )
    return dataclasses.replace(
        content,
        levels=tuple(level(lv) for lv in content.levels),
        glossary=glossary,
        about=tuple(change(a) for a in content.about),
        ask_your_team=tuple(change(a) for a in content.ask_your_team),
    )


def _keys(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode) and isinstance(k.value, str)}


def _scalar(node: yaml.Node | None) -> str | None:
    if isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
        return " ".join(node.value.split())
    return None
