"""One report for many kiosks: files and folders merged, damaged ones listed; the learning
section; the CSV of one row per question."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import MINIMAL
from test_report import NOW, TagChecker, text_of

from game.core.content import Content
from game.core.learning import PairCounts
from game.core.stats import LevelCounts, Statistics
from game.report import main_report, render_report, write_report

PAIRS_NONE = {"right_right": 0, "right_wrong": 0, "wrong_right": 0, "wrong_wrong": 0}


def kiosk_file(folder: Path, name: str, kiosk: str, visits: int, pairs: dict[str, int]) -> Path:
    data = {
        "format": "immunoquest-statistics",
        "schema": 2,
        "questions": {
            "wi-1": {
                "shown": visits,
                "answered": visits,
                "right_first_time": 1,
                "wrong": {"Your hair": visits - 1},
                "pairs": pairs,
            }
        },
        "levels": {"what-is-immunotherapy": {"started": visits, "finished": 1, "total_score": 100, "pairs": pairs}},
        "days": {"2025-03-10": {"sessions": visits, "seconds": 60 * visits}},
        "languages": {"en": visits},
        "kiosks": {kiosk: visits},
        "kiosk_name": kiosk,
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def old_file(folder: Path, visits: int) -> Path:
    """A file from before kiosk names and pairs (schema 1)."""
    data = {
        "format": "immunoquest-statistics",
        "schema": 1,
        "questions": {"wi-2": {"shown": visits, "answered": visits, "right_first_time": visits, "wrong": {}}},
        "levels": {},
        "days": {"2025-03-11": {"sessions": visits, "seconds": 30}},
    }
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "statistics.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_folder_of_kiosks_is_merged_and_bad_files_are_listed(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "copied"
    kiosk_file(folder, "oncology.json", "Oncology", 5, {**PAIRS_NONE, "wrong_right": 3})
    kiosk_file(folder / "ward", "statistics.json", "Ward 3", 4, {**PAIRS_NONE, "right_right": 2})
    old = old_file(folder / "old", 3)
    (folder / "broken.json").write_text("{ not json")
    (folder / "preferences.json").write_text('{"volume": 30}')
    out, table = tmp_path / "r.html", tmp_path / "r.csv"
    args = ["--report", "--stats", str(folder), "--out", str(out), "--csv", str(table), "--content", str(MINIMAL)]
    assert main_report(args) == 0
    err = capsys.readouterr().err
    assert "broken.json" in err and "preferences.json" in err
    words = text_of(out.read_text(encoding="utf-8"))
    assert "Visits 12 " in words  # 5 + 4 + 3: the totals are sums
    assert "Oncology 5 42 %" in words and "Ward 3 4 33 %" in words
    assert f"{old} 3 25 %" in words  # a file without a kiosk name is named after itself
    assert "All kiosks 12 100 %" in words
    assert "Made from 3 statistics files" in words
    assert "2 files could not be used" in words
    assert "broken.json: not a readable statistics file" in words
    assert "preferences.json: not a readable statistics file" in words
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["level", "id", "prompt"] and len(rows) == 1 + 2  # one row per question
    wi1 = dict(zip(rows[0], rows[1], strict=True))
    assert (wi1["id"], wi1["shown"], wi1["right_first_time"], wi1["wrong_right"]) == ("wi-1", "9", "2", "3")
    assert (wi1["most_chosen_wrong"], wi1["most_chosen_wrong_times"], wi1["right_right"]) == ("Your hair", "7", "2")
    assert wi1["prompt"] == "What does immunotherapy help?" and wi1["level"] == "what-is-immunotherapy"


def test_several_files_are_merged_the_same_in_any_order(tmp_path: Path) -> None:
    a = kiosk_file(tmp_path, "a.json", "A", 5, {**PAIRS_NONE, "wrong_right": 3})
    b = kiosk_file(tmp_path, "b.json", "B", 4, {**PAIRS_NONE, "right_wrong": 1})
    one = write_report([a, b, a], tmp_path / "1.html", None, now=NOW)  # a named twice counts once
    two = write_report([b, a], tmp_path / "2.html", None, now=NOW)
    assert one.stats == two.stats and one.stats.kiosks == {"A": 5, "B": 4}
    assert (tmp_path / "1.html").read_text() == (tmp_path / "2.html").read_text()


def test_when_no_file_reads_the_report_command_exits_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "broken.json").write_text("[]")
    out = tmp_path / "r.html"
    assert main_report(["--stats", str(tmp_path), "--out", str(out), "--content", str(MINIMAL)]) == 2
    assert "broken.json: not a readable statistics file" in capsys.readouterr().err
    assert not out.exists()


def test_the_learning_section_gives_percentages_gain_p_and_a_sentence(minimal_content: Content) -> None:
    stats = Statistics(levels={"what-is-immunotherapy": LevelCounts(30, 30, 0, PairCounts(10, 1, 14, 4))})
    page = render_report(stats, minimal_content, NOW)
    section = page[page.index('id="learned"') : page.index('id="missed"')]
    words = text_of(section)
    # 11 of 29 right before (38 %), 24 after (83 %); g = (82.76 - 37.93) / 62.07 = 0.72; p(1, 14) = 0.00098
    sentence = "Before the lesson 38 % knew this; after it, 83 %. A change this large is very unlikely to be chance."
    assert sentence in words
    assert "What is immunotherapy? Before the lesson 38 %" in words
    assert "29 38 % 83 % 0.72 p &lt; 0.001" in words
    assert "All levels together" in words
    chart = section[section.index("<svg") : section.index("</svg>")]
    assert 'class="before" rx="4"' in chart and 'width="243" height="28" class="before"' in chart  # 38 % of 640
    assert 'width="530" height="28" class="after"' in chart  # 83 % of 640
    assert "no comparison group" in words
    checker = TagChecker()
    checker.feed(page)
    checker.close()
    assert checker.errors == [] and checker.stack == []


def test_with_few_changed_pairs_the_report_says_too_few_to_tell(minimal_content: Content) -> None:
    stats = Statistics(levels={"what-is-immunotherapy": LevelCounts(9, 9, 0, PairCounts(5, 1, 8, 0))})
    words = text_of(render_report(stats, minimal_content, NOW))
    assert "Too few visits to tell yet." in words and "too few visits to tell yet" in words
    assert "p =" not in words


def test_without_pairs_the_learning_section_says_so(minimal_content: Content) -> None:
    words = text_of(render_report(Statistics(), minimal_content, NOW))
    assert "What visitors learned" in words
    assert "No visitor has answered a question both before and after its lesson yet." in words
