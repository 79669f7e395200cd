"""Hypothesis mutates the shipped ``questions.yaml``; the loader must never crash.

Whatever an editor does to the file (delete, repeat or swap lines, break the
indentation, type stray characters or YAML punctuation, write yes/no/numbers where
text belongs, save half a file), ``load_content`` either returns content or raises
``FileProblems`` with messages for the person. Any other exception is a bug.

Loading the whole file takes about 0.1 s, so most examples mutate the file cut down
to its header and one or two consecutive levels (cutting is itself an edit people
make); one example in eight mutates the whole file.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from conftest import SHIPPED
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.content import Content
from game.core.errors import FileProblems
from game.core.loader import load_content

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "500"))  # fewer for a quick run (the classic-pygame CI)
LINES = SHIPPED.read_text(encoding="utf-8").splitlines(keepends=True)
LEVEL_STARTS = [i for i, line in enumerate(LINES) if re.match(r"\s*- id: ", line)]
HEADER = LINES[: LEVEL_STARTS[0]]
LEVELS = [LINES[a:b] for a, b in zip(LEVEL_STARTS, [*LEVEL_STARTS[1:], len(LINES)])]
OPS = ["delete", "duplicate", "swap", "indent", "insert", "scalar", "scalar", "retype", "collapse", "truncate", "join"]
SHAPES = ["[]", "{}", "[x]", "[x, x]", "[[a, b]]", "[1, 2, 3]", "{a: b}", "", "~", "- x", "[yes, no]", "[a, [b]]"]
PUNCTUATION = ":-[]{},&*!|>'\"%@`#?~\t\n\\ "
SCALARS = [
    "yes", "no", "on", "off", "true", "false", "True", "null", "~", "0", "-1", "1.5", "1e9", "0x1F", "0o17",
    ".inf", ".nan", "''", '""', "[]", "{}", "-", "*a", "&a x", "!!python/name:os.system", "!!binary aGk=",
    "!custom x", "? x", "|", ">-", "2024-01-01", "12:30:00", "=", "<<", "é" * 300, "x" * 5000,
]  # fmt: skip


@st.composite
def base_text(draw: st.DrawFn) -> list[str]:
    """The whole file, or its header and one or two consecutive levels."""
    if draw(st.integers(0, 7)) == 0:
        return list(LINES)
    first = draw(st.integers(0, len(LEVELS) - 1))
    count = draw(st.integers(1, 2))
    return HEADER + [line for level in LEVELS[first : first + count] for line in level]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    lines = draw(base_text())
    for _ in range(draw(st.integers(1, 6))):
        if not lines:
            break
        op = draw(st.sampled_from(OPS))
        valued = [k for k, line in enumerate(lines) if ": " in line or line.lstrip().startswith("- ")]
        if op in ("scalar", "retype") and valued:
            i = draw(st.sampled_from(valued))  # a line that holds a value
        else:
            i = draw(st.integers(0, len(lines) - 1))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            line = lines[i]
            body = line.lstrip(" ")
            spaces = draw(st.integers(0, 12))
            lines[i] = draw(st.sampled_from([" " * spaces, "\t", " \t"])) + body
        elif op == "insert":
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            chars = draw(st.text(alphabet=st.sampled_from(PUNCTUATION) | st.characters(), min_size=1, max_size=4))
            lines[i] = line[:at] + chars + line[at:]
        elif op in ("scalar", "retype"):
            line = lines[i]
            value = draw(st.sampled_from(SCALARS if op == "scalar" else SHAPES))
            if ": " in line:
                lines[i] = f"{line.split(': ', 1)[0]}: {value}\n"
            else:
                lines[i] = re.sub(r"- .*", "- " + value.replace("\n", "\\n"), line)
        elif op == "collapse":  # a block ("key:" and the lines under it) becomes one flow value
            blocks = [k for k, line in enumerate(lines) if line.rstrip().endswith(":")]
            if blocks:
                k = draw(st.sampled_from(blocks))
                indent = len(lines[k]) - len(lines[k].lstrip())
                end = k + 1
                while end < len(lines) and (
                    len(lines[end]) - len(lines[end].lstrip()) > indent or not lines[end].strip()
                ):
                    end += 1
                lines[k:end] = [f"{lines[k].rstrip()} {draw(st.sampled_from(SHAPES))}\n"]
        elif op == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i].rstrip("\n") + " " + lines[i + 1]]
        else:  # truncate the file at a character inside this line
            lines = [*lines[:i], lines[i][: draw(st.integers(0, len(lines[i])))]]
    return "".join(lines)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same examples every run, so CI is repeatable
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
@given(text=mutated())
def test_a_mutated_content_file_loads_or_is_refused_kindly(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "questions.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            content = load_content(path)
        except FileProblems as problems:
            assert problems.problems, "refused without saying why"
            for problem in problems.problems:
                assert problem.message and "Traceback" not in problem.message
                assert problem.line is None or 1 <= problem.line <= text.count("\n") + 2, problem
            return
        assert isinstance(content, Content) and content.levels


def test_the_mutations_can_be_refused_and_the_shipped_file_loads() -> None:
    """The fuzz test's two outcomes both happen: it is not vacuous."""
    assert load_content(SHIPPED).levels
    broken = "".join(HEADER + LEVELS[0]).replace("kind: choice", "kind: yes", 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "questions.yaml"
        path.write_text(broken, encoding="utf-8")
        try:
            load_content(path)
        except FileProblems:
            return
    raise AssertionError("a level with 'kind: yes' was accepted")
