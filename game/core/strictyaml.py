"""Read a YAML file that a person edits, strictly, into checked plain values.

PyYAML's safe loader is the parser, but we never let it build Python objects: we
compose the node tree and walk it ourselves. That is what lets us reject what PyYAML
would silently accept (duplicate keys overwrite, ``yes``/``no``/``on``/``off`` become
booleans, aliases can expand without bound) and name the line of every mistake.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

from game.core.errors import FileProblems, Problem

MAX_FILE_BYTES = 1_000_000
_STR = "tag:yaml.org,2002:str"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_NULL = "tag:yaml.org,2002:null"
_FLOAT = "tag:yaml.org,2002:float"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_KNOWN_TAGS = {_STR, _BOOL, _INT, _NULL, _FLOAT, _SEQ, _MAP}

T = TypeVar("T")


class _NoAliasLoader(yaml.SafeLoader):
    """A composer that stops at the first anchor or alias: editors never need them,
    and an alias bomb (a few lines that expand to billions of nodes) is then harmless."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                problem="aliases (*name) are not allowed; write the value out in full",
                problem_mark=event.start_mark,  # type: ignore[arg-type]  # PyYAML's C and Python marks
            )
        if getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(
                problem="anchors (&name) are not allowed; write the value out in full",
                problem_mark=event.start_mark,  # type: ignore[arg-type]
            )
        return super().compose_node(parent, index)


def read_document(path: Path, label: str | None = None) -> tuple[yaml.Node, str]:
    """Parse ``path`` into a node tree; raise FileProblems for anything unreadable.

    ``label`` is how the file is named in messages (default: the path as given).
    """
    name = label or str(path)
    try:
        if path.is_dir():
            raise FileProblems([Problem(name, None, "this is a folder, not a file")])
        if path.exists() and not path.is_file():  # a pipe or device could block or never end
            raise FileProblems([Problem(name, None, "this is not an ordinary file; give the path of a .yaml file")])
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileProblems([Problem(name, None, f"the file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")])
        with path.open("rb") as f:
            raw = f.read(MAX_FILE_BYTES + 1)  # never more, even if the file grows while we read
        if len(raw) > MAX_FILE_BYTES:
            raise FileProblems([Problem(name, None, f"the file is over the limit of {MAX_FILE_BYTES:,} bytes")])
    except FileNotFoundError:
        raise FileProblems([Problem(name, None, "file not found")]) from None
    except OSError as exc:
        raise FileProblems([Problem(name, None, f"cannot read the file ({exc.strerror})")]) from None
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark is fine
    except UnicodeDecodeError as exc:
        bad_line = raw[: exc.start].count(b"\n") + 1
        raise FileProblems([Problem(name, bad_line, "this line is not UTF-8 text; save the file as UTF-8")]) from None
    if not text.strip():
        raise FileProblems([Problem(name, None, "the file is empty")])
    try:
        node = yaml.compose(text, Loader=_NoAliasLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = " ".join(p for p in (exc.context, exc.problem) if p) or "not valid YAML"
        raise FileProblems([Problem(name, line, f"YAML syntax: {what}")]) from None
    except yaml.YAMLError as exc:
        raise FileProblems([Problem(name, None, f"YAML syntax: {exc}")]) from None
    if node is None:
        raise FileProblems([Problem(name, None, "the file is empty")])
    return node, name


def line_of(node: yaml.Node) -> int:
    """The 1-based line a node starts on."""
    return int(node.start_mark.line) + 1


class Reader:
    """Walks a composed node tree, turning nodes into values and collecting problems."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node | None, message: str) -> None:
        self.problems.append(Problem(self.name, line_of(node) if node is not None else None, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise FileProblems(self.problems)

    def _tag_ok(self, node: yaml.Node, what: str) -> bool:
        if node.tag not in _KNOWN_TAGS:
            self.problem(node, f"{what}: tags such as {node.tag!r} are not allowed")
            return False
        return True

    def mapping(
        self,
        node: yaml.Node,
        what: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> dict[str, yaml.Node] | None:
        """The fields of a mapping node, after checking for unknown, missing and repeated keys."""
        if not self._tag_ok(node, what):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} should be a set of 'key: value' lines")
            return None
        fields: dict[str, yaml.Node] = {}
        allowed = set(required) | set(optional)
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str) or key_node.tag != _STR:
                self.problem(key_node, f"{what}: a key must be a plain word")
                continue
            if key in fields:
                self.problem(
                    key_node,
                    f"{what}: '{key}' appears twice (first on line {line_of(fields[key])}); keep one",
                )
                continue
            if key not in allowed:
                hint = _closest(key, allowed)
                known = f"did you mean '{hint}'?" if hint else "known keys: " + ", ".join(sorted(allowed))
                self.problem(key_node, f"{what}: unknown key '{key}'; {known}")
                continue
            fields[key] = value_node
        for key in required:
            if key not in fields:
                self.problem(node, f"{what}: '{key}' is missing")
        return fields

    def text(self, node: yaml.Node, what: str, max_len: int | None = None) -> str | None:
        """A non-empty string; numbers, booleans and lists are refused."""
        if not self._tag_ok(node, what):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problem(node, f"{what} should be text, not a list or a block of keys")
            return None
        if node.tag == _BOOL and node.style is None:
            self.problem(node, f"{what}: '{node.value}' reads as true/false; put it in quotes to mean text")
            return None
        if node.tag != _STR:
            self.problem(node, f"{what} should be text; put '{node.value}' in quotes if you mean it as text")
            return None
        value = " ".join(node.value.split())
        if not value:
            self.problem(node, f"{what} is empty")
            return None
        if max_len is not None and len(value) > max_len:
            self.problem(
                node,
                f"{what} is {len(value)} characters; at most {max_len} fit on the screen, please shorten it",
            )
            return None
        return value

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        """``true`` or ``false`` only: yes/no/on/off are refused as ambiguous."""
        if not self._tag_ok(node, what):
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL and node.style is None:
            word = node.value.lower()
            if word in ("true", "false"):
                return word == "true"
        self.problem(node, f"{what} should be true or false, not '{_show(node)}'")
        return None

    def integer(self, node: yaml.Node, what: str, low: int, high: int) -> int | None:
        if not self._tag_ok(node, what):
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _INT and node.style is None:
            try:
                value = int(node.value.replace("_", ""), 10)
            except ValueError:
                value = None
            if value is not None and low <= value <= high:
                return value
        self.problem(node, f"{what} should be a whole number from {low} to {high}, not '{_show(node)}'")
        return None

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node] | None:
        if not self._tag_ok(node, what):
            return None
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, f"{what} should be a list, written [a, b] or as '- ' lines")
            return None
        return list(node.value)

    def text_list(self, node: yaml.Node, what: str, max_len: int, min_items: int, max_items: int) -> list[str] | None:
        items = self.sequence(node, what)
        if items is None:
            return None
        if not min_items <= len(items) <= max_items:
            self.problem(node, f"{what} should have {min_items} to {max_items} entries, not {len(items)}")
            return None
        values = [self.text(item, f"{what} entry {i}", max_len) for i, item in enumerate(items, 1)]
        if any(v is None for v in values):
            return None
        clean = [v for v in values if v is not None]
        seen: set[str] = set()
        for item, value in zip(items, clean):
            if value.casefold() in seen:
                self.problem(item, f"{what}: '{value}' appears twice; every entry must differ")
                return None
            seen.add(value.casefold())
        return clean

    def each(self, nodes: list[yaml.Node], read: Callable[[yaml.Node], T | None]) -> list[T]:
        """Read every node, keeping the ones that passed."""
        out = []
        for node in nodes:
            value = read(node)
            if value is not None:
                out.append(value)
        return out


def _show(node: yaml.Node) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else "a list or block"


def _closest(word: str, options: set[str]) -> str | None:
    match = difflib.get_close_matches(word, sorted(options), n=1, cutoff=0.6)
    return match[0] if match else None


def display_path(path: Path) -> str:
    """How a file is named in messages: as the user gave it; an absolute path inside the
    working folder (the default questions.yaml) is shortened to the part below it. Never
    a long climb like ``../../../x.yaml`` to a file the user named by its full path."""
    path = Path(path)
    if not path.is_absolute():
        return str(path)
    try:
        return str(path.relative_to(Path.cwd()))
    except (ValueError, OSError):  # outside the working folder (or it is gone)
        return str(path)
