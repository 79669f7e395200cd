"""The settings file: read strictly, every mistake refused with its line and what was expected."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

from game.core.errors import FileProblems
from game.core.settings import DEFAULT_VOLUME, KIOSK_VOLUME, Settings
from game.core.settings_file import check_levels, load_settings, read_settings
from game.core.strictyaml import display_path

BAD = FIXTURES / "settings"
EXAMPLE = ROOT / "settings.example.yaml"

# file -> (line of the problem, words the message must contain)
CASES: dict[str, tuple[int | None, str]] = {
    "anchor-alias.yaml": (2, "anchors (&name) are not allowed"),
    "bool-yes.yaml": (2, "kiosk should be true or false, not 'yes'"),
    "countdown-short.yaml": (3, "countdown (seconds) should be a whole number from 20 to 300, not '10'"),
    "duplicate-key.yaml": (3, "'kiosk' appears twice (first on line 1)"),
    "empty-value.yaml": (2, "volume has no value"),
    "empty.yaml": (None, "the file is empty"),
    "idle-timeout-range.yaml": (2, "idle_timeout (seconds) should be a whole number from 15 to 3600, not '5'"),
    "language.yaml": (1, "'Spanish' is not a language code; write two letters, like en or es"),
    "language-not-offered.yaml": (1, "language: 'fr' is not among languages [en, es]"),
    "levels-not-a-list.yaml": (2, "levels should be a list"),
    "levels-repeated.yaml": (4, "'car-t' is listed twice (first on line 2)"),
    "mode-typo.yaml": (1, "did you mean 'challenge'?"),
    "not-a-mapping.yaml": (1, "should be a set of 'key: value' lines"),
    "not-utf8.yaml": (2, "not UTF-8"),
    "pin-not-digits.yaml": (2, "operator_pin should be 4 to 8 digits"),
    "pin-too-short.yaml": (3, "operator_pin should be 4 to 8 digits"),
    "python-tag.yaml": (2, "tags such as"),
    "syntax-error.yaml": (3, "YAML syntax"),
    "text-size.yaml": (1, "text_size should be one of 100, 150, 200, not 120"),
    "timer-too-short.yaml": (2, "timer should be 0 (off) or 15 to 120 seconds, not 5"),
    "unknown-key.yaml": (3, "unknown key 'idle_timout'; did you mean 'idle_timeout'?"),
    "unknown-theme.yaml": (3, "theme: 'dark' is not available; the themes are: standard, high-contrast"),
    "unquoted-pin-leading-zero.yaml": (2, "loses its leading zeros"),
    "unquoted-pin.yaml": (3, "operator_pin must be in quotes"),
    "wrong-type.yaml": (2, "volume (percent) should be a whole number from 0 to 100, not 'loud'"),
}


def problems_of(path: Path) -> list[str]:
    with pytest.raises(FileProblems) as caught:
        load_settings(path)
    return [str(p) for p in caught.value.problems]


def write(tmp_path: Path, text: str, name: str = "settings.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_fixture_has_an_expectation() -> None:
    assert {p.name for p in BAD.glob("*.yaml")} == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_malformed_settings_are_refused_with_their_line(name: str) -> None:
    line, words = CASES[name]
    messages = problems_of(BAD / name)
    where = f"{name}:{line}: " if line is not None else f"{name}: "
    assert any(where in m and words in m for m in messages), messages


def test_one_mistake_gives_one_message() -> None:
    assert len(problems_of(BAD / "unknown-theme.yaml")) == 1
    assert len(problems_of(BAD / "unquoted-pin.yaml")) == 1


def test_all_mistakes_are_reported_at_once(tmp_path: Path) -> None:
    path = write(tmp_path, "kiosk: on\nidle_timeout: 9999\ntheme: blue\ncolour: red\nvolume: 20\n")
    messages = problems_of(path)
    assert [m.split(": ", 1)[0] for m in messages] == [f"{display_path(path)}:{n}" for n in (1, 2, 3, 4)]


def test_the_example_file_loads_with_every_default() -> None:
    # volume is left out on purpose in the example, so that kiosk mode gets its quieter default
    assert load_settings(EXAMPLE) == Settings()


def test_the_example_file_names_every_key_with_a_comment() -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    for field in dataclasses.fields(Settings):
        line = next((ln for ln in lines if re.match(rf"#? ?{field.name}:", ln)), None)
        assert line is not None, f"{field.name} is missing from settings.example.yaml"
        assert "#" in line.split(":", 1)[1], f"{field.name} has no comment"


def test_every_key_is_read(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "kiosk: true\nidle_timeout: 120\ncountdown: 30\noperator_pin: '04821'\nlevels: [car-t, antibodies]\n"
        "language: en\nstatistics: /tmp/stats\nvolume: 0\nsound: false\nread_aloud: true\ntext_size: 150\n"
        "theme: high-contrast\nreduced_motion: true\nmode: challenge\ntimer: 0\n",
    )
    assert load_settings(path) == Settings(
        kiosk=True,
        idle_timeout=120,
        countdown=30,
        operator_pin="04821",
        levels=("car-t", "antibodies"),
        language="en",
        statistics=str(Path("/tmp/stats").resolve()),
        volume=0,
        sound=False,
        read_aloud=True,
        text_size=150,
        theme="high-contrast",
        reduced_motion=True,
        mode="challenge",
        timer=0,
    )


def test_a_quoted_pin_keeps_its_leading_zero(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, 'operator_pin: "0007"\n')).operator_pin == "0007"


def test_an_unquoted_pin_of_digits_is_refused_even_when_yaml_would_keep_it_as_text(tmp_path: Path) -> None:
    # YAML reads 0482 as text (8 is not an octal digit) but 0123 as the number 83: one rule for both.
    messages = problems_of(write(tmp_path, "operator_pin: 0482\n"))
    assert len(messages) == 1 and "must be in quotes" in messages[0]


def test_a_wrong_pin_is_never_repeated_in_the_message(tmp_path: Path) -> None:
    for text in ('operator_pin: "98a76"\n', 'operator_pin: "987654321"\n', "operator_pin: 98765\n"):
        messages = problems_of(write(tmp_path, text))
        assert messages and not any("987" in m for m in messages), messages


def test_kiosk_mode_is_quieter_unless_the_file_sets_a_volume(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, "kiosk: true\n")).volume == KIOSK_VOLUME
    assert load_settings(write(tmp_path, "kiosk: false\n")).volume == DEFAULT_VOLUME
    assert load_settings(write(tmp_path, "kiosk: true\nvolume: 80\n")).volume == 80


def test_a_relative_statistics_folder_is_taken_from_the_settings_file(tmp_path: Path) -> None:
    path = write(tmp_path, "statistics: counts\n")
    assert load_settings(path).statistics == str((tmp_path / "counts").resolve())
    assert load_settings(write(tmp_path, 'statistics: ""\n')).statistics == ""


def test_statistics_must_not_name_a_file(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("x")
    messages = problems_of(write(tmp_path, "statistics: a-file\n"))
    assert any(":1: statistics should name a folder" in m for m in messages), messages


def test_an_empty_pin_means_no_operator_exit(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, 'kiosk: true\noperator_pin: ""\n')).operator_pin == ""


def test_unknown_levels_are_reported_on_their_own_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "kiosk: true\nlevels:\n  - car-t\n  - antibodys\n  - dancing\n")
    settings, lines = read_settings(path)
    known = ["what-is-immunotherapy", "car-t", "antibodies"]
    for problems in (check_levels(settings, known, path, lines), check_levels(settings, known, path)):
        messages = [str(p) for p in problems]
        assert len(messages) == 2, messages
        assert messages[0].startswith(f"{display_path(path)}:4: ") and "did you mean 'antibodies'?" in messages[0]
        assert messages[1].startswith(f"{display_path(path)}:5: ") and "no level 'dancing'" in messages[1]
        assert "the levels are: what-is-immunotherapy, car-t, antibodies" in messages[1]


def test_known_levels_give_no_problems(tmp_path: Path) -> None:
    path = write(tmp_path, "levels: [car-t, antibodies]\n")
    assert check_levels(load_settings(path), ["antibodies", "car-t"], path) == []


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    messages = problems_of(tmp_path / "nope.yaml")
    assert messages == [f"{display_path(tmp_path / 'nope.yaml')}: file not found"]


def test_kiosk_name_is_read_and_checked(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, 'kiosk_name: "Oncology  2nd floor"\n')).kiosk_name == "Oncology 2nd floor"
    assert load_settings(write(tmp_path, 'kiosk_name: ""\n')).kiosk_name == ""
    messages = problems_of(write(tmp_path, "volume: 10\nkiosk_name: " + "x" * 41 + "\n"))
    assert any(":2: kiosk_name" in m and "at most 40" in m for m in messages), messages
    messages = problems_of(write(tmp_path, "kiosk_name: [a, b]\n"))
    assert any(":1: kiosk_name" in m for m in messages), messages


def test_before_after_is_a_switch(tmp_path: Path) -> None:
    assert load_settings(write(tmp_path, "kiosk: true\n")).before_after is True
    assert load_settings(write(tmp_path, "before_after: false\n")).before_after is False
    messages = problems_of(write(tmp_path, "before_after: off\n"))
    assert any(":1: before_after should be true or false" in m for m in messages), messages
