"""The staff report: one offline HTML page with the right numbers, from a known statistics file."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import MINIMAL

from game.core.content import Content
from game.core.stats import Statistics
from game.report import main_report, render_report, write_report

NOW = dt.datetime(2025, 3, 12, 9, 30)
KNOWN = {
    "format": "immunoquest-statistics",
    "schema": 1,
    "questions": {
        "wi-1": {"shown": 12, "answered": 10, "right_first_time": 3, "wrong": {"Your hair": 5, "Your eyesight": 2}},
        "wi-2": {"shown": 10, "answered": 10, "right_first_time": 8, "wrong": {"True": 2}},
        "gone-1": {"shown": 4, "answered": 4, "right_first_time": 4, "wrong": {}},
        "rare-1": {"shown": 2, "answered": 2, "right_first_time": 0, "wrong": {"Maybe": 2}},
    },
    "levels": {"what-is-immunotherapy": {"started": 9, "finished": 6, "total_score": 2400}},
    "days": {"2025-03-10": {"sessions": 3, "seconds": 600}, "2025-03-11": {"sessions": 5, "seconds": 1400}},
}


@pytest.fixture
def stats_file(tmp_path: Path) -> Path:
    path = tmp_path / "statistics.json"
    path.write_text(json.dumps(KNOWN), encoding="utf-8")
    return path


def report_of(stats_file: Path, content: Content | None, tmp_path: Path) -> str:
    out = tmp_path / "out" / "report.html"
    write_report(stats_file, out, content, now=NOW)
    return out.read_text(encoding="utf-8")


def text_of(page: str) -> str:
    """The page's words, tags removed and spaces collapsed, as a reader sees them."""
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


class TagChecker(HTMLParser):
    """Checks that every element that must be closed is closed, in order."""

    VOID = frozenset({"meta", "br", "rect", "link", "img", "hr", "input", "line", "path"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.seen: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def test_the_report_has_the_expected_totals(stats_file: Path, minimal_content: Content, tmp_path: Path) -> None:
    words = text_of(report_of(stats_file, minimal_content, tmp_path))
    assert "Visits 8 " in words
    assert "Average visit 4 min 10 s " in words  # 2000 s over 8 visits
    assert "Questions answered 26 " in words
    assert "Right first time 58 % " in words  # 15 of 26
    assert "Visits from Mon 10 Mar 2025 to Tue 11 Mar 2025." in words


def test_the_most_missed_question_comes_first_with_its_most_chosen_wrong_answer(
    stats_file: Path, minimal_content: Content, tmp_path: Path
) -> None:
    page = report_of(stats_file, minimal_content, tmp_path)
    chart = page[page.index("<svg") : page.index("</svg>")]
    words = text_of(chart)
    assert words.index("1. What does immunotherapy help?") < words.index("2. Immunotherapy works the same way")
    assert "70 % missed (7 of 10)" in words
    assert "Most chosen wrong answer: “Your hair” (5 times)" in words
    assert "20 % missed (2 of 10)" in words and "“True” (2 times)" in words
    assert 'width="448"' in chart  # 70 % of the 640-pixel bar
    assert chart.count('class="bar"') == 2  # rare-1 (2 answers) and gone-1 (no misses) are left out
    table = text_of(page[page.index("</svg>") : page.index('id="levels"')])
    assert "What does immunotherapy help? 70 % 7 of 10 “Your hair” (5 times) Your immune system" in table


def test_the_levels_table_has_started_finished_and_average_score(
    stats_file: Path, minimal_content: Content, tmp_path: Path
) -> None:
    words = text_of(report_of(stats_file, minimal_content, tmp_path))
    assert "What is immunotherapy? 9 6 67 % 400" in words


def test_the_days_table_has_visits_and_their_average_length(
    stats_file: Path, minimal_content: Content, tmp_path: Path
) -> None:
    words = text_of(report_of(stats_file, minimal_content, tmp_path))
    assert "Tue 11 Mar 2025 5 4 min 40 s Mon 10 Mar 2025 3 3 min 20 s" in words


def test_without_content_the_report_names_questions_by_id(stats_file: Path, tmp_path: Path) -> None:
    words = text_of(report_of(stats_file, None, tmp_path))
    assert "Question “wi-1” (its text is not in the content)" in words
    assert "what-is-immunotherapy 9 6 67 % 400" in words


def test_the_page_is_well_formed_and_self_contained(stats_file: Path, minimal_content: Content, tmp_path: Path) -> None:
    page = report_of(stats_file, minimal_content, tmp_path)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    checker = TagChecker()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []
    for tag in ("html", "head", "title", "style", "body", "main", "h1", "svg", "table"):
        assert tag in checker.seen
    assert '<meta charset="utf-8">' in page
    lowered = page.lower()
    for outside in ("http", "src=", "href=", "<script", "<link", "@import", "url(", "<img", "<iframe"):
        assert outside not in lowered, outside


def test_every_text_from_a_file_is_escaped(tmp_path: Path) -> None:
    data = json.loads(json.dumps(KNOWN))
    data["questions"]['<img src="http://x">'] = {
        "shown": 5, "answered": 5, "right_first_time": 0, "wrong": {"<script>alert(1)</script>": 5},
    }  # fmt: skip
    data["levels"]["<b>level</b>"] = {"started": 1, "finished": 0, "total_score": 0}
    path = tmp_path / "statistics.json"
    path.write_text(json.dumps(data))
    page = report_of(path, None, tmp_path)
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;level&lt;/b&gt;" in page


def test_order_and_match_mistakes_are_said_in_words(tmp_path: Path) -> None:
    data = json.loads(json.dumps(KNOWN))
    data["questions"] = {
        "o": {"shown": 4, "answered": 4, "right_first_time": 1, "wrong": {"wrong order": 3}},
        "m": {"shown": 4, "answered": 4, "right_first_time": 2, "wrong": {"wrong pairs": 2}},
    }
    path = tmp_path / "statistics.json"
    path.write_text(json.dumps(data))
    words = text_of(report_of(path, None, tmp_path))
    assert "put the steps in the wrong order (3 times)" in words
    assert "matched the wrong pairs (2 times)" in words


def test_an_empty_statistics_file_gives_a_calm_page(minimal_content: Content) -> None:
    page = render_report(Statistics(), minimal_content, NOW)
    words = text_of(page)
    assert "No visits counted yet." in words
    assert "No question has been missed yet" in words
    assert "No level has been started yet." in words
    assert "<svg" not in page


def test_report_command_writes_report_html_in_the_current_folder(
    stats_file: Path, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    work = tmp_path / "here"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main_report(["--report", "--data-dir", str(stats_file.parent), "--content", str(MINIMAL)]) == 0
    words = text_of((work / "report.html").read_text(encoding="utf-8"))
    assert "What does immunotherapy help?" in words and "Visits 8 " in words
    assert "report.html" in capsys.readouterr().out


def test_report_command_reads_the_statistics_folder_from_the_settings(stats_file: Path, tmp_path: Path) -> None:
    settings = tmp_path / "kiosk.yaml"
    settings.write_text(f'statistics: "{stats_file.parent}"\n')
    out = tmp_path / "r.html"
    empty = tmp_path / "empty-data"
    args = ["--settings", str(settings), "--data-dir", str(empty), "--out", str(out), "--content", str(MINIMAL)]
    assert main_report(args) == 0
    assert "Visits 8 " in text_of(out.read_text(encoding="utf-8"))


def test_report_command_without_statistics_exits_2_and_says_why(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "r.html"
    assert main_report(["--data-dir", str(tmp_path), "--out", str(out), "--content", str(MINIMAL)]) == 2
    assert "no statistics file here yet" in capsys.readouterr().err
    assert not out.exists()


def test_report_command_on_a_damaged_file_exits_2_and_leaves_the_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    damaged = tmp_path / "statistics.json"
    damaged.write_text("{ not json")
    out = tmp_path / "r.html"
    assert main_report(["--stats", str(damaged), "--out", str(out), "--content", str(MINIMAL)]) == 2
    assert "not a readable statistics file" in capsys.readouterr().err
    assert damaged.read_text() == "{ not json"  # the report only reads; the kiosk decides about damage
    assert not out.exists()


def test_report_command_with_a_bad_settings_file_exits_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    settings = tmp_path / "kiosk.yaml"
    settings.write_text("statistcs: here\n")
    assert main_report(["--settings", str(settings), "--out", str(tmp_path / "r.html")]) == 2
    assert "did you mean 'statistics'?" in capsys.readouterr().err


def test_the_report_shows_visits_by_language(minimal_content: Content) -> None:
    stats = Statistics(languages={"en": 12, "es": 5})
    page = render_report(stats, minimal_content, NOW)
    assert "Visits by language" in page and "en 12 · es 5" in page
    assert "Visits by language" not in render_report(Statistics(), minimal_content, NOW)
