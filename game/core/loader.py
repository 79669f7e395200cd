"""Load ``questions.yaml`` strictly and kindly: every mistake, with its line, at once."""

from __future__ import annotations

from pathlib import Path

import yaml

from game.core.catalog import ARTICLE_SECTIONS, HANDS_ON_CUES, SCENE_CUES
from game.core.content import Content, GlossaryEntry, Lesson, Level, Question, Step
from game.core.kinds import SPECS
from game.core.strictyaml import Reader, display_path, line_of, read_document

SCHEMA = 1

# Longest text (in characters) that still fits its box on the smallest supported screen.
MAX_LEN = {
    "id": 40,
    "title": 40,
    "summary": 70,
    "caption": 200,
    "prompt": 150,
    "explain": 240,
    "term": 30,
    "meaning": 200,
    "about": 300,
    "ask_your_team": 100,
}
ASK_YOUR_TEAM_COUNT = (5, 8)  # the card of questions for the care team: enough to help, few enough to read

_COMMON = ("question", "kind", "prompt", "explain", "source")


def load_content(path: Path | str, label: str | None = None) -> Content:
    """The content in ``path``; raises FileProblems listing every mistake."""
    path = Path(path)
    root, name = read_document(path, label or display_path(path))
    reader = Reader(name)
    content = _ContentReader(reader).read(root)
    reader.raise_if_any()
    assert content is not None  # no problems means every part was read
    return Content(content.levels, content.glossary, content.about, content.ask_your_team, source_path=str(path))


class _ContentReader:
    """Reads the node tree of a content file, reporting problems to one Reader."""

    def __init__(self, reader: Reader) -> None:
        self.r = reader
        self.level_ids: dict[str, int] = {}
        self.step_ids: dict[str, int] = {}

    def read(self, root: yaml.Node) -> Content | None:
        r = self.r
        fields = r.mapping(root, "the file", ("schema", "levels"), ("glossary", "about", "ask_your_team"))
        if fields is None:
            return None
        if "schema" in fields:
            schema = r.integer(fields["schema"], "schema", 0, 1000)
            if schema is not None and schema != SCHEMA:
                r.problem(fields["schema"], f"schema {schema} is not supported; this game reads schema {SCHEMA}")
        levels: list[Level] = []
        if "levels" in fields:
            nodes = r.sequence(fields["levels"], "levels")
            if nodes == []:
                r.problem(fields["levels"], "levels: the list is empty; add at least one level")
            levels = r.each(nodes or [], self.level)
        glossary: list[GlossaryEntry] = []
        if "glossary" in fields:
            glossary = r.each(r.sequence(fields["glossary"], "glossary") or [], self.glossary_entry)
        about: list[str] = []
        if "about" in fields:
            about = r.text_list(fields["about"], "about", MAX_LEN["about"], 1, 6) or []
        ask: list[str] = []
        if "ask_your_team" in fields:
            low, high = ASK_YOUR_TEAM_COUNT
            ask = r.text_list(fields["ask_your_team"], "ask_your_team", MAX_LEN["ask_your_team"], low, high) or []
        return Content(tuple(levels), tuple(glossary), tuple(about), tuple(ask))

    def _claim(self, seen: dict[str, int], node: yaml.Node, kind: str, value: str) -> None:
        if value in seen:
            self.r.problem(node, f'{kind} id "{value}" is used twice (first on line {seen[value]})')
        else:
            seen[value] = line_of(node)

    def level(self, node: yaml.Node) -> Level | None:
        r = self.r
        f = r.mapping(node, "level", ("id", "title", "summary", "scene", "steps"), ("ask",))
        if f is None or "id" not in f:
            return None
        level_id = r.text(f["id"], "level id", MAX_LEN["id"])
        if level_id is None:
            return None
        what = f'level "{level_id}"'
        self._claim(self.level_ids, f["id"], "level", level_id)
        title = r.text(f["title"], f"{what}: title", MAX_LEN["title"]) if "title" in f else None
        summary = r.text(f["summary"], f"{what}: summary", MAX_LEN["summary"]) if "summary" in f else None
        scene = r.text(f["scene"], f"{what}: scene") if "scene" in f else None
        if scene is not None and scene not in SCENE_CUES:
            r.problem(f["scene"], f'{what}: unknown scene "{scene}"; the scenes are: {", ".join(SCENE_CUES)}')
            scene = None
        if "steps" not in f:
            return None
        step_nodes = r.sequence(f["steps"], f"{what}: steps")
        if step_nodes is None:
            return None
        steps: list[Step] = []
        replays: list[tuple[yaml.Node, Question]] = []
        last_lesson = ""
        for step_node in step_nodes:
            step = self.step(step_node, what, scene, last_lesson, replays)
            lesson_id = _keys(step_node).get("lesson")
            if isinstance(lesson_id, yaml.ScalarNode):
                last_lesson = " ".join(str(lesson_id.value).split())
            if step is not None:
                steps.append(step)
        lesson_ids = self.lesson_ids_in(step_nodes)
        for replay_node, question in replays:
            if question.replay not in lesson_ids:
                r.problem(
                    replay_node,
                    f'question "{question.id}": replay "{question.replay}" names no lesson of {what}'
                    if question.replay
                    else f'question "{question.id}": no lesson comes before it, so give it a replay',
                )
        if scene is not None and len(steps) == len(step_nodes):
            cue = HANDS_ON_CUES[scene]
            if not any(isinstance(s, Lesson) and s.cue == cue for s in steps):
                r.problem(
                    f["steps"],
                    f'{what}: add a lesson with cue "{cue}"; that is where the player\'s hands-on moment happens',
                )
        pool = sum(1 for n in step_nodes if "question" in _keys(n))
        if pool == 0:
            r.problem(f["steps"], f"{what} has no questions; add at least one")
        ask = pool
        if "ask" in f:
            value = r.integer(f["ask"], f"{what}: ask", 1, 1000)
            if value is not None and pool and value > pool:
                r.problem(f["ask"], f"{what}: ask is {value} but the level has only {pool} questions")
            elif value is not None:
                ask = value
        if title is None or summary is None or scene is None:
            return None
        return Level(level_id, title, summary, scene, ask, tuple(steps))

    def lesson_ids_in(self, step_nodes: list[yaml.Node]) -> set[str]:
        """Ids of every lesson step, even one with other mistakes, so replays are judged fairly."""
        ids = set()
        for node in step_nodes:
            id_node = _keys(node).get("lesson")
            if isinstance(id_node, yaml.ScalarNode):
                ids.add(" ".join(str(id_node.value).split()))
        return ids

    def step(
        self,
        node: yaml.Node,
        level: str,
        scene: str | None,
        last_lesson: str,
        replays: list[tuple[yaml.Node, Question]],
    ) -> Step | None:
        r = self.r
        if isinstance(node, yaml.MappingNode):
            keys = _keys(node)
            if "lesson" in keys:
                return self.lesson(node, level, scene)
            if "question" in keys:
                return self.question(node, level, scene, last_lesson, replays)
        r.problem(node, f"{level}: each step starts with 'lesson: <id>' or 'question: <id>'")
        return None

    def lesson(self, node: yaml.Node, level: str, scene: str | None) -> Lesson | None:
        r = self.r
        id_node = _keys(node).get("lesson")
        label = f'lesson "{id_node.value}"' if isinstance(id_node, yaml.ScalarNode) else f"{level}: lesson"
        f = r.mapping(node, label, ("lesson", "cue", "caption"))
        if f is None or "lesson" not in f:
            return None
        lesson_id = r.text(f["lesson"], f"{level}: lesson id", MAX_LEN["id"])
        if lesson_id is None:
            return None
        what = f'lesson "{lesson_id}"'
        self._claim(self.step_ids, f["lesson"], "lesson", lesson_id)
        cue = r.text(f["cue"], f"{what}: cue") if "cue" in f else None
        if cue is not None and scene is not None and cue not in SCENE_CUES[scene]:
            cues = ", ".join(SCENE_CUES[scene])
            r.problem(f["cue"], f'{what}: the scene "{scene}" has no cue "{cue}"; its cues are: {cues}')
            cue = None
        caption = r.text(f["caption"], f"{what}: caption", MAX_LEN["caption"]) if "caption" in f else None
        if cue is None or caption is None:
            return None
        return Lesson(lesson_id, cue, caption)

    def question(
        self,
        node: yaml.Node,
        level: str,
        scene: str | None,
        last_lesson: str,
        replays: list[tuple[yaml.Node, Question]],
    ) -> Question | None:
        r = self.r
        keys = _keys(node)
        id_node = keys.get("question")
        label = f'question "{id_node.value}"' if isinstance(id_node, yaml.ScalarNode) else f"{level}: question"
        kind_node = keys.get("kind")
        kind = r.text(kind_node, f"{label}: kind") if kind_node is not None else None
        if kind is not None and kind not in SPECS:
            r.problem(kind_node, f'{label}: unknown kind "{kind}"; the kinds are: {", ".join(SPECS)}')
            return None
        every_field = tuple(dict.fromkeys(name for spec in SPECS.values() for name in spec.fields))
        extra = SPECS[kind].fields if kind else every_field
        required = (*_COMMON, *extra) if kind else ("question", "kind")
        optional = ("replay",) if kind else (*_COMMON, *extra, "replay")
        f = r.mapping(node, label, required, optional)
        if f is None or "question" not in f:
            return None
        question_id = r.text(f["question"], f"{level}: question id", MAX_LEN["id"])
        if question_id is None:
            return None
        self._claim(self.step_ids, f["question"], "question", question_id)
        if kind is None:
            return None
        what = f'question "{question_id}"'
        prompt = r.text(f["prompt"], f"{what}: prompt", MAX_LEN["prompt"]) if "prompt" in f else None
        explain = r.text(f["explain"], f"{what}: explain", MAX_LEN["explain"]) if "explain" in f else None
        source = r.text(f["source"], f"{what}: source") if "source" in f else None
        if source is not None and source not in ARTICLE_SECTIONS:
            sections = "; ".join(f"{sid} ({heading})" for sid, heading in ARTICLE_SECTIONS.items())
            r.problem(f["source"], f'{what}: source "{source}" is not a section id of the article: {sections}')
            source = None
        replay = last_lesson
        if "replay" in f:
            replay = r.text(f["replay"], f"{what}: replay", MAX_LEN["id"]) or ""
        answer_parts = self.answer(kind, f, what, scene)
        if prompt is None or explain is None or source is None or answer_parts is None:
            return None
        question = Question(question_id, kind, prompt, explain, source, replay, **answer_parts)  # type: ignore[arg-type]
        replays.append((f.get("replay", f["question"]), question))
        return question

    def answer(self, kind: str, f: dict[str, yaml.Node], what: str, scene: str | None) -> dict[str, object] | None:
        """The kind-specific fields of a question, checked by the kind's spec."""
        spec = SPECS[kind]
        if any(key not in f for key in spec.fields):
            return None
        return spec.read(self.r, f, what, scene)

    def glossary_entry(self, node: yaml.Node) -> GlossaryEntry | None:
        r = self.r
        f = r.mapping(node, "glossary entry", ("term", "meaning"), ("also",))
        if f is None or "term" not in f or "meaning" not in f:
            return None
        term = r.text(f["term"], "glossary term", MAX_LEN["term"])
        meaning = r.text(f["meaning"], f'glossary "{term}": meaning', MAX_LEN["meaning"])
        also: list[str] | None = []
        if "also" in f:
            also = r.text_list(f["also"], f'glossary "{term}": also', MAX_LEN["term"], 1, 6)
        if term is None or meaning is None or also is None:
            return None
        return GlossaryEntry(term, meaning, tuple(also))


def _keys(node: yaml.Node) -> dict[str, yaml.Node]:
    """The fields of a mapping node by key, without any checking (for a first look)."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode) and isinstance(k.value, str)}
