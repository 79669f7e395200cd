"""The care-team card: questions a patient can take to their next visit.

Checked in the content files (5 to 8, lengths, kept parallel in Spanish, each mistake with
its ``file:line``), shown from the title and after the last level, read aloud, with a photo
line on a kiosk, fitting at 200 % text upright, and printed in the staff report's handout.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from conftest import ROOT, SHIPPED
from test_speech import FakeSpeaker

from game.core.errors import FileProblems
from game.core.languages import load_languages
from game.core.loader import load_content
from game.core.parallel import load_translation

SPANISH = SHIPPED.parent / "questions.es.yaml"


def card_lines(text: str) -> tuple[int, int]:
    """(line of ``ask_your_team:``, line of its first entry), 1-based."""
    lines = text.splitlines()
    key = next(i for i, line in enumerate(lines, 1) if line.startswith("ask_your_team:"))
    return key, key + 1


def problems_of(path: Path, load=load_content) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(FileProblems) as caught:
        load(path)
    return [str(p).replace(f"{path.parent}/", "") for p in caught.value.problems]


def card_entries(text: str) -> list[str]:
    _, first = card_lines(text)
    lines = text.splitlines()
    return [line for line in lines[first - 1 :] if line.startswith("  - ")][: len(load_content(SHIPPED).ask_your_team)]


def with_entries(text: str, entries: list[str]) -> str:
    """``text`` with the card's entry lines replaced by ``entries``."""
    old = card_entries(text)
    start = text.index(old[0])
    end = text.index(old[-1]) + len(old[-1])
    return text[:start] + "\n".join(entries) + text[end:]


# --- the content files -------------------------------------------------------------------


def test_the_shipped_card_loads_in_both_languages() -> None:
    english = load_content(SHIPPED)
    spanish = load_translation(english, SPANISH)
    assert 5 <= len(english.ask_your_team) <= 8
    assert len(spanish.ask_your_team) == len(english.ask_your_team)
    assert english.ask_your_team[0] == "Is immunotherapy a choice for my cancer?"


@pytest.mark.parametrize(("count", "words"), [(4, "not 4"), (9, "not 9")])
def test_too_few_or_too_many_questions_are_refused_with_the_line(tmp_path: Path, count: int, words: str) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    numbers = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    entries = [f"  - Question number {numbers[i]}?" for i in range(count)]
    path = tmp_path / "questions.yaml"
    path.write_text(with_entries(text, entries), encoding="utf-8")
    _, first = card_lines(text)
    assert f"questions.yaml:{first}: ask_your_team should have 5 to 8 entries, {words}" in problems_of(path)


def test_a_question_too_long_for_the_card_is_refused_with_its_line(tmp_path: Path) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    entries = card_entries(text)
    entries[2] = "  - " + "Could you tell me " * 6 + "how long it takes?"
    path = tmp_path / "questions.yaml"
    path.write_text(with_entries(text, entries), encoding="utf-8")
    _, first = card_lines(text)
    found = problems_of(path)
    assert any(p.startswith(f"questions.yaml:{first + 2}: ask_your_team entry 3") and "100" in p for p in found), found


def test_a_spanish_file_without_the_card_is_refused_with_a_line(tmp_path: Path) -> None:
    english = load_content(SHIPPED)
    text = SPANISH.read_text(encoding="utf-8")
    start = text.index("ask_your_team:")
    end = text.index("glossary:")
    path = tmp_path / "questions.es.yaml"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    levels_key = next(i for i, line in enumerate(lines, 1) if line.startswith("levels:"))
    levels_line = next(i for i, line in enumerate(lines, 1) if i > levels_key and line.startswith("  - "))
    found = problems_of(path, lambda p: load_translation(english, p))
    assert found == [
        f"questions.es.yaml:{levels_line}: ask_your_team (the questions for the care team) is missing; "
        "the English file has it, so translate it too and put it before levels:"
    ]


def test_a_spanish_card_with_a_question_less_is_refused_with_its_line(tmp_path: Path) -> None:
    english = load_content(SHIPPED)
    text = SPANISH.read_text(encoding="utf-8")
    key, _ = card_lines(text)
    path = tmp_path / "questions.es.yaml"
    path.write_text(with_entries(text, card_entries(text)[:-1]), encoding="utf-8")
    found = problems_of(path, lambda p: load_translation(english, p))
    n = len(english.ask_your_team)
    assert found == [f"questions.es.yaml:{key + 1}: ask_your_team has {n - 1} questions; the English file has {n} "
                     "(translate each one, in the same order)"]  # fmt: skip


def test_check_exits_2_naming_the_spanish_file_and_line(tmp_path: Path) -> None:
    shutil.copy(SHIPPED, tmp_path / "questions.yaml")
    text = SPANISH.read_text(encoding="utf-8")
    (tmp_path / "questions.es.yaml").write_text(with_entries(text, card_entries(text)[:-2]), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--check", str(tmp_path / "questions.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert re.search(r"questions\.es\.yaml:\d+: ask_your_team has \d questions", done.stderr), done.stderr
    assert "OK: en" in done.stdout


# --- the screen ----------------------------------------------------------------------------


@pytest.mark.parametrize("way", ["keyboard", "touch"])
def test_the_card_opens_from_the_title_is_read_aloud_and_goes_back(way: str, shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    from driver import Driver

    speaker = FakeSpeaker()
    app = make_app(shipped_content, read_aloud=True, speaker_factory=lambda: speaker)
    app.go("title")
    drive = Driver(app, way)
    drive.press(app.top.find("care-card"))
    card = app.top
    assert card.name == "care-card"
    questions = shipped_content.ask_your_team
    assert speaker.said[-1] == [
        "Questions for your care team",
        "You can ask your own care team these questions at your next visit.",
        *(f"{n}. {q}" for n, q in enumerate(questions, 1)),
    ]
    assert [q.split(". ", 1)[1] for page in card.pages for q in page] == list(questions)
    drive.press(card.find("back"))
    assert app.top.name == "title"


def test_the_card_is_offered_after_the_last_level_only(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    from driver import Driver

    app = make_app(shipped_content)
    drive = Driver(app, "keyboard")
    app.go("level", shipped_content.levels[-1])
    drive.play_level()
    results = app.top
    assert results.name == "results"
    button = results.find("care-card")
    assert results.buttons[0] is button and button.style == "primary"  # Enter opens it
    drive.key(pygame.K_RETURN)
    assert app.top.name == "care-card"
    drive.press(app.top.find("back"))
    assert app.top is results
    app.go("level", shipped_content.levels[0])
    drive.play_level()
    assert app.top.name == "results"
    assert "care-card" not in [b.name for b in app.top.buttons]


def test_on_a_kiosk_the_card_says_a_photo_is_welcome(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    photo = "You may take a photo of this screen."
    speaker = FakeSpeaker()
    kiosk = make_app(shipped_content, kiosk=True, read_aloud=True, speaker_factory=lambda: speaker)
    kiosk.go("care-card")
    assert kiosk.top.photo == photo and speaker.said[-1][-1] == photo
    assert kiosk.top.photo_rect.height > 0
    at_home = make_app(shipped_content, read_aloud=True, speaker_factory=lambda: speaker)
    at_home.go("care-card")
    assert at_home.top.photo == "" and photo not in speaker.said[-1]


@pytest.mark.parametrize("size", [(1280, 720), (720, 1280), (1920, 1080)])
def test_at_200_percent_every_question_is_on_a_page_inside_the_screen(size, shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, size=size, text_size=200)
    app.go("title")
    app.go("care-card")
    card = app.top
    screen = app.screen.get_rect()
    shown = []
    for _ in card.pages:
        app.frame([], 0.1)
        for rect in card.question_rects:
            assert card.list_rect.contains(rect)
        shown += card.pages[card.page]
        if len(card.pages) > 1:
            card.find("more").on_press()
    assert [q.split(". ", 1)[1] for q in shown] == list(shipped_content.ask_your_team)
    assert screen.contains(card.list_rect) and all(screen.contains(b.rect) for b in card.buttons)
    assert app.ui.text.overflows == set()


# --- the staff report's handout ------------------------------------------------------------


def test_the_report_ends_with_a_printed_page_per_language(shipped_content) -> None:  # type: ignore[no-untyped-def]
    from game.core.stats import Statistics
    from game.report import render_report

    languages, problems = load_languages(SHIPPED, shipped_content)
    assert problems == []
    page = render_report(Statistics(), shipped_content, dt.datetime(2025, 3, 12), languages.values())
    sections = re.findall(r'<section class="handout" lang="(\w+)">(.*?)</section>', page, re.S)
    assert [code for code, _ in sections] == list(languages)
    assert page.rindex("</footer>") < page.index('<section class="handout"')  # at the end
    for code, body in sections:
        items = re.findall(r"<li>(.*?)</li>", body)
        assert len(items) == len(languages[code].content.ask_your_team)
    assert "Preguntas para su equipo de salud" in dict(sections)["es"]
    print_css = page[page.index("@media print", page.index(".handout")) :]
    assert re.search(r"\.handout \{[^}]*page-break-before: always", print_css)


def test_a_card_of_several_pages_leads_on_to_the_last_then_back_to_the_first(shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    """The way on is the strong button until the last page; there Back is, and the
    other button offers the first questions again instead of a "More" that is not there."""
    app = make_app(shipped_content, size=(720, 1280), text_size=200)
    app.go("care-card")
    app.frame([], 0.1)
    card = app.top
    pages = len(card.pages)
    assert pages > 1
    seen = []
    for _ in range(pages):
        seen.append((card.more_button.label, card.more_button.style, card.back_button.style))
        card.find("more").on_press()
        app.frame([], 0.1)
    assert seen[:-1] == [("More questions", "primary", "secondary")] * (pages - 1)
    assert seen[-1] == ("First questions", "secondary", "primary")
    assert card.page == 0 and card.focus is card.more_button


@pytest.mark.parametrize("size", [(720, 1280), (1280, 720)])
def test_a_card_that_fits_one_page_grows_its_questions_to_fill_the_box(size, shipped_content, make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app(shipped_content, size=size, kiosk=True)
    app.go("care-card")
    app.frame([], 0.1)
    card = app.top
    assert len(card.pages) == 1 and card.list_size > app.ui.type_size("body")
    assert all(card.list_rect.contains(r) for r in card.question_rects)
    assert not any(a.colliderect(b) for i, a in enumerate(card.question_rects) for b in card.question_rects[i + 1 :])
