"""--demo-stats: simulated visitors play the real game headless; two kiosks make one report."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import ROOT
from test_report import text_of

from game.cli import main
from game.core.loader import load_content
from game.report import main_report


def test_two_demo_kiosks_make_one_report_with_sums_and_learning(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["--demo-stats", str(a), "--visits", "5", "--seed", "1"]) == 0
    assert main(["--demo-stats", str(b), "--visits", "4", "--seed", "2"]) == 0
    one, two = json.loads(a.read_text()), json.loads(b.read_text())
    assert (one["kiosks"], two["kiosks"]) == ({"Demo kiosk 1": 5}, {"Demo kiosk 2": 4})
    pairs = [sum(level["pairs"].values()) for data in (one, two) for level in data["levels"].values()]
    assert sum(pairs) > 0  # the "What do you think?" questions were played and paired
    out, table = tmp_path / "r.html", tmp_path / "r.csv"
    assert main_report(["--report", "--stats", str(a), str(b), "--out", str(out), "--csv", str(table)]) == 0
    page = out.read_text(encoding="utf-8")
    words = text_of(page)
    assert "Visits 9 " in words and "Demo kiosk 1 5 " in words and "Demo kiosk 2 4 " in words
    answered = sum(q["answered"] for data in (one, two) for q in data["questions"].values())
    assert f"Questions answered {answered:,} " in words
    learned = page[page.index('id="learned"') : page.index('id="missed"')]
    assert "<svg" in learned and "All levels together" in learned
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8-sig"))))
    content = load_content(ROOT / "questions.yaml")
    assert len(rows) == 1 + len(content.questions)
    assert "simulated visits" in capsys.readouterr().out


def test_demo_visitors_tap_the_spot_questions_pictures_right_and_wrong(tmp_path: Path) -> None:
    """Every level asks its spot question; demo visitors answer it on the real screen,
    some right and some by tapping another picture (counted by the picture's name)."""
    out = tmp_path / "a.json"
    assert main(["--demo-stats", str(out), "--visits", "12", "--seed", "3"]) == 0
    data = json.loads(out.read_text())
    content = load_content(ROOT / "questions.yaml")
    spots = {q.id: q for q in content.questions if q.kind == "spot"}
    counts = {qid: data["questions"][qid] for qid in spots if qid in data["questions"]}
    assert sum(c["answered"] for c in counts.values()) > 0
    assert any(c["answered"] > sum(c["wrong"].values()) for c in counts.values())  # some right
    tapped = {name for c in counts.values() for name in c["wrong"]}
    assert tapped and all(n in spots[qid].choices for qid, c in counts.items() for n in c["wrong"])
