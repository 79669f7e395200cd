"""The content loader: every malformed case is refused with its line, kindly."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, MINIMAL, ROOT, SHIPPED

from game.core.errors import FileProblems
from game.core.loader import load_content

BAD = FIXTURES / "malformed"

# file -> (line of the first problem, words the message must contain)
CASES: dict[str, tuple[int | None, str]] = {
    "alias-bomb.yaml": (1, "anchors"),
    "alias.yaml": (5, "aliases"),
    "anchor.yaml": (4, "anchors"),
    "answer-not-choice.yaml": (16, 'answer "Blue" is not one of its choices'),
    "ask-too-big.yaml": (7, "ask is 9 but the level has only 2 questions"),
    "bad-source.yaml": (18, 'source "Wikipedia" is not a section'),
    "duplicate-key.yaml": (15, "'prompt' appears twice"),
    "duplicate-lesson-id.yaml": (19, 'lesson id "meet-t-cells" is used twice'),
    "duplicate-question-id.yaml": (19, 'question id "wi-1" is used twice'),
    "empty-prompt.yaml": (14, "prompt is empty"),
    "empty.yaml": (None, "the file is empty"),
    "match-repeated.yaml": (22, "same left side"),
    "match-too-few.yaml": (22, "pairs should have 3 or 4 pairs"),
    "missing-field.yaml": (12, "'explain' is missing"),
    "no-questions.yaml": (9, "has no questions"),
    "no-hands-on-lesson.yaml": (9, 'add a lesson with cue "hidden"'),
    "not-utf8.yaml": (15, "not UTF-8"),
    "number-prompt.yaml": (14, "prompt should be text"),
    "order-repeated.yaml": (22, "'first' appears twice"),
    "order-too-few.yaml": (22, "items should have 3 to 5 entries"),
    "python-tag.yaml": (14, "tags such as"),
    "replay-unknown.yaml": (25, 'replay "no-such-lesson" names no lesson'),
    "string-for-list.yaml": (15, "choices should be a list"),
    "syntax-error.yaml": (16, "YAML syntax"),
    "too-long.yaml": (14, "at most 150 fit on the screen"),
    "truefalse-yes.yaml": (22, "should be true or false"),
    "unknown-cue.yaml": (10, 'has no cue "dance"'),
    "unknown-key.yaml": (14, "unknown key 'promt'; did you mean 'prompt'?"),
    "unknown-kind.yaml": (20, 'unknown kind "essay"'),
    "unknown-scene.yaml": (6, 'unknown scene "spaceship"'),
    "unquoted-yes.yaml": (15, "'yes' reads as true/false"),
    "wrong-schema.yaml": (1, "schema 7 is not supported"),
}


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        load_content(path)
    return [str(p) for p in caught.value.problems]


def test_every_fixture_has_an_expectation() -> None:
    on_disk = {p.name for p in BAD.glob("*.yaml")} - {"bom-crlf-ok.yaml"}
    assert on_disk == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_file_is_refused_with_its_line(name: str) -> None:
    line, words = CASES[name]
    messages = problems_of(BAD / name)
    where = f"{name}:{line}: " if line is not None else f"{name}: "
    assert any(where in m and words in m for m in messages), messages


def test_one_mistake_gives_one_message_not_a_cascade() -> None:
    assert len(problems_of(BAD / "answer-not-choice.yaml")) == 1
    assert len(problems_of(BAD / "unknown-cue.yaml")) == 1


def test_all_mistakes_are_reported_at_once(tmp_path: Path) -> None:
    text = (
        MINIMAL.read_text()
        .replace("scene: patrol", "scene: nowhere")
        .replace("answer: Your immune system", "answer: Blue")
    )
    path = tmp_path / "two.yaml"
    path.write_text(text)
    messages = problems_of(path)
    assert len(messages) == 2
    assert any(":6:" in m for m in messages) and any(":16:" in m for m in messages)


def test_bom_and_crlf_are_fine() -> None:
    assert len(load_content(BAD / "bom-crlf-ok.yaml").questions) == 2


def test_python_tag_is_never_executed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    problems_of(BAD / "python-tag.yaml")
    assert not (tmp_path / "pwned.txt").exists()


def test_alias_bomb_is_refused_quickly() -> None:
    start = time.perf_counter()
    problems_of(BAD / "alias-bomb.yaml")
    assert time.perf_counter() - start < 2


def test_big_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("# padding\n" * 120_000)
    assert "the limit is 1,000,000" in problems_of(path)[0]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert problems_of(tmp_path / "nope.yaml")[0].endswith("file not found")
    assert problems_of(tmp_path)[0].endswith("this is a folder, not a file")


def test_default_replay_is_the_lesson_before(minimal_content) -> None:  # type: ignore[no-untyped-def]
    first = minimal_content.levels[0].questions[0]
    assert first.replay == "meet-t-cells"


def test_shipped_content_loads() -> None:
    content = load_content(SHIPPED)
    assert len(content.levels) >= 1
    assert {q.kind for q in content.questions} >= {"choice", "truefalse"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), *args], capture_output=True, text=True, timeout=60, cwd=ROOT
    )


def test_check_command_accepts_the_shipped_file() -> None:
    done = run_cli("--check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("OK: ") and "questions (kinds: " in done.stdout


@pytest.mark.parametrize("name", ["syntax-error.yaml", "not-utf8.yaml", "alias-bomb.yaml", "python-tag.yaml"])
def test_check_command_refuses_without_traceback(name: str) -> None:
    done = run_cli("--check", str(BAD / name))
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and f"{name}:" in done.stderr


def test_game_refuses_to_start_on_a_bad_file(tmp_path: Path) -> None:
    done = run_cli("--content", str(BAD / "unknown-kind.yaml"), "--data-dir", str(tmp_path))
    assert done.returncode == 2
    assert "unknown kind" in done.stderr and "Traceback" not in done.stderr
