"""Read ``settings.yaml``, the clinic's set-up, as strictly and kindly as the content file.

Every key is optional and falls back to the default in ``game.core.settings.Settings``.
Every mistake is reported at once as ``file:line: what is wrong, what was expected``.
The ``levels`` list can only be checked against the content, which is loaded later:
``check_levels`` does that and points at the line of each unknown level id.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from game.core.errors import FileProblems, Problem
from game.core.settings import KIOSK_VOLUME, LANGUAGE_CODE, MODES, TEXT_SIZES, THEMES, TIMER_RANGE, Settings
from game.core.strictyaml import MAX_FILE_BYTES, Reader, display_path, line_of, read_document

FIELDS = tuple(f.name for f in dataclasses.fields(Settings))
IDLE_TIMEOUT_RANGE = (15, 3600)  # seconds; under 15 the overlay would interrupt people still reading
COUNTDOWN_RANGE = (20, 300)  # seconds; at least 20 so a slow reader can still answer "I'm still here"
PIN_DIGITS = (4, 8)
KIOSK_NAME_CHARS = 40  # fits a column of the staff report
_NULL = "tag:yaml.org,2002:null"
_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"


@dataclass(frozen=True)
class SettingsLines:
    """Where things were written in the settings file, for problems found after loading.

    ``keys`` maps each key that was set to its line; ``levels`` holds the line of each
    entry of the ``levels`` list, in order.
    """

    label: str
    keys: dict[str, int] = dataclasses.field(default_factory=dict)
    levels: tuple[int, ...] = ()


def load_settings(path: Path) -> Settings:
    """The settings in ``path``; raises FileProblems listing every mistake."""
    return read_settings(path)[0]


def read_settings(path: Path) -> tuple[Settings, SettingsLines]:
    """The settings in ``path`` and the lines they came from; raises FileProblems."""
    path = Path(path)
    root, label = read_document(path, display_path(path))
    reader = Reader(label)
    values, lines = _SettingsReader(reader, path).read(root)
    reader.raise_if_any()
    if values.get("kiosk") and "volume" not in values:
        values["volume"] = KIOSK_VOLUME  # a waiting room is a quiet place
    return Settings(**values), lines


# A top-level line that asks for kiosk mode, found even in a file with other mistakes.
# yes/on count here, though the checker wants true: whoever wrote them meant a kiosk.
_KIOSK_LINE = re.compile(r"kiosk\s*:\s*(true|yes|on)\s*(#.*)?", re.IGNORECASE)
# Keys only a content file has: a settings file given to --check is named as such.
CONTENT_KEYS = ("schema", "about", "glossary")


def asks_for_kiosk(path: Path) -> bool:
    """Whether a settings file, even one with mistakes, says ``kiosk: true``: the game
    then behaves as with ``--kiosk`` (runs on the last good settings, the problems logged)
    instead of stopping in the waiting room."""
    try:
        if not Path(path).is_file():
            return False
        with Path(path).open("rb") as f:
            text = f.read(MAX_FILE_BYTES).decode("utf-8-sig", errors="replace")
    except OSError:
        return False
    return any(_KIOSK_LINE.fullmatch(line.rstrip()) for line in text.splitlines())


def top_level_keys(path: Path) -> set[str]:
    """The top-level keys of a YAML file (empty if it cannot be read as a set of keys)."""
    try:
        root, _ = read_document(Path(path))
    except FileProblems:
        return set()
    if not isinstance(root, yaml.MappingNode):
        return set()
    return {k.value for k, _ in root.value if isinstance(k, yaml.ScalarNode) and isinstance(k.value, str)}


def looks_like_settings(keys: set[str]) -> bool:
    """Top-level keys of a settings file rather than a content file (``levels`` is both)."""
    return bool(keys & (set(FIELDS) - {"levels"})) and not keys & set(CONTENT_KEYS)


def check_levels(
    settings: Settings,
    level_ids: Iterable[str],
    path: Path,
    lines: SettingsLines | None = None,
) -> list[Problem]:
    """Problems for each id in ``settings.levels`` that the content does not have.

    ``lines`` is what ``read_settings`` returned; without it the file is read again
    to find the lines (it passed ``load_settings``, so this cannot fail in practice).
    """
    known = list(level_ids)
    if lines is None:
        lines = _lines_only(Path(path))
    problems = []
    for i, level_id in enumerate(settings.levels):
        if level_id in known:
            continue
        line = lines.levels[i] if i < len(lines.levels) else lines.keys.get("levels")
        hint = difflib.get_close_matches(level_id, known, n=1, cutoff=0.6)
        expected = f"did you mean '{hint[0]}'?" if hint else "the levels are: " + ", ".join(known)
        problems.append(Problem(lines.label, line, f"levels: the content has no level '{level_id}'; {expected}"))
    return problems


def check_languages(settings: Settings, available: Iterable[str], path: Path) -> list[Problem]:
    """Problems for a ``language`` or ``languages`` entry that has no catalog and content file."""
    known = list(available)
    lines = _lines_only(Path(path))
    problems = []
    for key, codes in (("language", (settings.language,)), ("languages", settings.languages)):
        for code in codes:
            if code not in known and key in lines.keys:
                problems.append(
                    Problem(
                        lines.label,
                        lines.keys[key],
                        f"{key}: there is no language '{code}' (it needs a catalog and a content file); "
                        f"the languages found are: {', '.join(known)}",
                    )
                )
    return problems


def _lines_only(path: Path) -> SettingsLines:
    label = display_path(path)
    try:
        root, label = read_document(path, label)
    except FileProblems:
        return SettingsLines(label)
    return _SettingsReader(Reader(label), path).read(root)[1]


class _SettingsReader:
    """Turns the node tree of a settings file into ``Settings`` keyword arguments."""

    def __init__(self, reader: Reader, path: Path) -> None:
        self.r = reader
        self.folder = path.parent

    def read(self, root: yaml.Node) -> tuple[dict[str, Any], SettingsLines]:
        r = self.r
        fields = r.mapping(root, "the settings file", (), FIELDS)
        if fields is None:
            return {}, SettingsLines(r.name)
        values: dict[str, Any] = {}
        level_lines: tuple[int, ...] = ()
        for key, node in fields.items():
            if node.tag == _NULL and isinstance(node, yaml.ScalarNode):
                r.problem(node, f"{key} has no value; write one, or delete the line to use the default")
                continue
            value = self.value(key, node)
            if value is not None:
                values[key] = value
            if key == "levels" and isinstance(node, yaml.SequenceNode):
                level_lines = tuple(line_of(item) for item in node.value)
        offered = values.get("languages")
        if offered and values.get("language", "en") not in offered:
            r.problem(
                fields.get("language", fields["languages"]),
                f"language: '{values.get('language', 'en')}' is not among languages [{', '.join(offered)}]; "
                "the game starts in the language, so list it there too",
            )
        return values, SettingsLines(r.name, {k: line_of(n) for k, n in fields.items()}, level_lines)

    def value(self, key: str, node: yaml.Node) -> object | None:
        r = self.r
        if key in ("kiosk", "sound", "read_aloud", "reduced_motion", "before_after"):
            return r.boolean(node, key)
        if key == "idle_timeout":
            return r.integer(node, "idle_timeout (seconds)", *IDLE_TIMEOUT_RANGE)
        if key == "countdown":
            return r.integer(node, "countdown (seconds)", *COUNTDOWN_RANGE)
        if key == "volume":
            return r.integer(node, "volume (percent)", 0, 100)
        if key == "operator_pin":
            return self.pin(node)
        if key == "levels":
            return self.levels(node)
        if key == "language":
            return self.language(node, key)
        if key == "languages":
            return self.languages(node)
        if key == "statistics":
            return self.folder_path(node)
        if key == "kiosk_name":
            return self.kiosk_name(node)
        if key == "text_size":
            return self.text_size(node)
        if key == "theme":
            return self.choice(node, key, THEMES, "the themes are: " + ", ".join(THEMES))
        if key == "mode":
            return self.choice(node, key, MODES, "the modes are: " + ", ".join(MODES))
        if key == "timer":
            return self.timer(node)
        raise AssertionError(f"no reader for settings key {key!r}")  # FIELDS and this list disagree

    def pin(self, node: yaml.Node) -> str | None:
        # The PIN is never repeated in a message: the log and the terminal may be seen by visitors.
        r = self.r
        low, high = PIN_DIGITS
        if isinstance(node, yaml.ScalarNode) and node.tag in (_INT, _FLOAT) and node.style is None:
            r.problem(
                node,
                'operator_pin must be in quotes, like "0482": written without quotes it is read as a number, '
                "and a number loses its leading zeros",
            )
            return None
        if not (isinstance(node, yaml.ScalarNode) and node.tag == _STR):
            r.problem(node, f'operator_pin should be {low} to {high} digits in quotes, like "0482"')
            return None
        if node.style not in ("'", '"'):
            r.problem(node, 'operator_pin must be in quotes, like "0482", so it is always read as digits')
            return None
        pin = str(node.value)
        if pin == "":
            return ""  # written out as "": operator exit is off, as when the key is left out
        if not (pin.isascii() and pin.isdigit() and low <= len(pin) <= high):
            r.problem(
                node,
                f'operator_pin should be {low} to {high} digits (0 to 9) in quotes, like "0482"; '
                f"it has {len(pin)} characters" + ("" if pin.isascii() and pin.isdigit() else ", not all digits"),
            )
            return None
        return pin

    def levels(self, node: yaml.Node) -> tuple[str, ...] | None:
        r = self.r
        items = r.sequence(node, "levels")
        if items is None:
            return None
        ids: list[str] = []
        first_line: dict[str, int] = {}
        ok = True
        for item in items:
            level_id = r.text(item, "levels: each entry (a level id)")
            if level_id is None:
                ok = False
            elif level_id in first_line:
                r.problem(item, f"levels: '{level_id}' is listed twice (first on line {first_line[level_id]})")
                ok = False
            else:
                first_line[level_id] = line_of(item)
                ids.append(level_id)
        return tuple(ids) if ok else None

    def language(self, node: yaml.Node, what: str) -> str | None:
        code = self.r.text(node, what)
        if code is not None and not LANGUAGE_CODE.match(code):
            self.r.problem(node, f"{what}: '{code}' is not a language code; write two letters, like en or es")
            return None
        return code

    def languages(self, node: yaml.Node) -> tuple[str, ...] | None:
        items = self.r.sequence(node, "languages")
        if items is None:
            return None
        codes = [self.language(item, "languages") for item in items]
        if any(code is None for code in codes):
            return None
        if len(set(codes)) != len(codes):
            self.r.problem(node, "languages: a language is listed twice")
            return None
        return tuple(c for c in codes if c is not None)

    def choice(self, node: yaml.Node, key: str, allowed: tuple[str, ...], expected: str) -> str | None:
        word = self.r.text(node, key)
        if word is None:
            return None
        if word not in allowed:
            hint = difflib.get_close_matches(word, allowed, n=1, cutoff=0.6)
            guess = f"did you mean '{hint[0]}'? " if hint and len(allowed) > 1 else ""
            self.r.problem(node, f"{key}: '{word}' is not available; {guess}{expected}")
            return None
        return word

    def folder_path(self, node: yaml.Node) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR and not node.value.strip():
            return ""  # written out as "": the data folder, as when the key is left out
        text = self.r.text(node, "statistics (a folder)")
        if text is None:
            return None
        folder = Path(text).expanduser()
        if not folder.is_absolute():
            folder = (self.folder / folder).resolve()  # relative to the settings file, not to where it is run
        if folder.exists() and not folder.is_dir():
            self.r.problem(node, f"statistics should name a folder, but {folder} is a file")
            return None
        return str(folder)

    def kiosk_name(self, node: yaml.Node) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == _STR and not node.value.strip():
            return ""  # written out as "": unnamed, as when the key is left out
        name = self.r.text(node, 'kiosk_name (a short name, like "Oncology 2nd floor")', KIOSK_NAME_CHARS)
        if name is not None and not name.isprintable():
            self.r.problem(node, "kiosk_name: use letters, digits and spaces only (no control characters)")
            return None
        return name

    def text_size(self, node: yaml.Node) -> int | None:
        sizes = ", ".join(str(s) for s in TEXT_SIZES)
        value = self.r.integer(node, f"text_size (percent: {sizes})", min(TEXT_SIZES), max(TEXT_SIZES))
        if value is not None and value not in TEXT_SIZES:
            self.r.problem(node, f"text_size should be one of {sizes}, not {value}")
            return None
        return value

    def timer(self, node: yaml.Node) -> int | None:
        low, high = TIMER_RANGE
        value = self.r.integer(node, f"timer (0 for off, or {low} to {high} seconds)", 0, high)
        if value is not None and 0 < value < low:
            self.r.problem(node, f"timer should be 0 (off) or {low} to {high} seconds, not {value}")
            return None
        return value
