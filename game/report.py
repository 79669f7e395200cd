"""The staff report: one offline HTML page made from the kiosk's anonymous statistics.

``python run.py --report [--out report.html] [--data-dir DIR]`` writes it. The page
needs nothing else: no scripts, no pictures from elsewhere, no web fonts; the chart is
inline SVG made here. Every text that comes from a file is escaped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from html import escape
from pathlib import Path

from game.core.content import Content, Question
from game.core.errors import FileProblems
from game.core.kinds import SPECS
from game.core.languages import Language, english_only, load_languages
from game.core.settings import Settings
from game.core.stats import QuestionCounts, Statistics, read_statistics, statistics_path
from game.core.storage import default_data_dir, write_atomically
from game.handout import CSS as HANDOUT_CSS
from game.handout import render_handouts
from game.report_learning import LEARNING_CSS, learning_section
from game.report_sources import Sources, gather, with_kiosk_names

DEFAULT_CONTENT = Path(__file__).resolve().parent.parent / "questions.yaml"
DEFAULT_OUT = Path("report.html")
EXIT_BAD_FILE = 2
CHART_ROWS = 10  # the most-missed questions shown
MIN_ANSWERS = 3  # fewer answers than this say little about a question
RECENT_DAYS = 14
PROMPT_CHARS = 80  # an SVG label does not wrap: longer prompts are shortened in the chart (not the table)


class StatisticsUnavailable(Exception):
    """The statistics file is missing or cannot be read; the message says which and why."""


def write_report(
    stats_path: Path | Sequence[Path],
    out: Path,
    content: Content | None,
    now: dt.datetime | None = None,
    csv_out: Path | None = None,
    languages: Iterable[Language] | None = None,
) -> Sources:
    """Write the HTML report for the statistics in ``stats_path`` to ``out`` (atomically).

    ``stats_path`` is one file, or several files and folders: those are merged, and a
    file that does not read is skipped and listed in the report. ``content`` supplies
    question prompts and level titles; without it ids are shown. ``csv_out`` also gets
    one row per question. ``languages`` (default: English alone) give the care-team card
    handout its pages. Raises StatisticsUnavailable when no statistics read at all
    (for one file: why), and OSError when ``out`` cannot be written.
    """
    if not isinstance(stats_path, Path):
        sources = gather(stats_path)
        if not sources.read:
            why = "; ".join(f"{path}: {problem}" for path, problem in sources.skipped)
            raise StatisticsUnavailable(why or "no statistics files were found there")
        _write(sources, out, content, now, csv_out, languages)
        return sources
    try:
        stats = read_statistics(stats_path)
    except FileNotFoundError:
        raise StatisticsUnavailable(
            f"{stats_path}: no statistics file here yet; statistics are counted in kiosk mode"
        ) from None
    except UnicodeDecodeError:
        raise StatisticsUnavailable(f"{stats_path}: this is not a statistics file (not UTF-8 text)") from None
    except OSError as exc:
        raise StatisticsUnavailable(f"{stats_path}: cannot read the file ({exc.strerror})") from None
    except (ValueError, RecursionError) as exc:
        raise StatisticsUnavailable(f"{stats_path}: this is not a readable statistics file ({exc})") from None
    sources = Sources(with_kiosk_names(stats, stats_path), [stats_path])
    _write(sources, out, content, now, csv_out, languages)
    return sources


def _write(
    sources: Sources,
    out: Path,
    content: Content | None,
    now: dt.datetime | None,
    csv_out: Path | None,
    languages: Iterable[Language] | None,
) -> None:
    page = render_report(sources.stats, content, now or dt.datetime.now(), languages, sources)
    write_atomically(out, page)
    if csv_out is not None:
        from game.report_csv import csv_text

        write_atomically(csv_out, "\ufeff" + csv_text(sources.stats, content))  # the mark tells Excel it is UTF-8


def render_report(
    stats: Statistics,
    content: Content | None,
    now: dt.datetime,
    languages: Iterable[Language] | None = None,
    sources: Sources | None = None,
) -> str:
    """The whole page as text, ending with the care-team card's handout, a printed page per
    language; ``sources`` adds the kiosks and the files read and skipped."""
    sections = [
        _totals(stats),
        _kiosks(stats, sources),
        learning_section(stats, content),
        _missed(stats, content),
        _levels(stats, content),
        _days(stats),
    ]
    period = _period(stats)
    if languages is None:
        languages = english_only(content).values() if content is not None else ()
    return _PAGE.format(
        css=_CSS + LEARNING_CSS + HANDOUT_CSS,
        handouts=render_handouts(languages),
        period=escape(period),
        generated=escape(now.strftime("%d %B %Y, %H:%M")),
        body="\n".join(sections),
    )


def main_report(argv: Sequence[str] | None = None) -> int:
    """``--report`` on the command line: write the page, print where; 0, or 2 with a message."""
    args = _parser().parse_args(argv)
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    settings = Settings()
    if args.settings:
        from game.core.settings_file import load_settings

        try:
            settings = load_settings(Path(args.settings))
        except FileProblems as problems:
            print(problems, file=sys.stderr)
            return EXIT_BAD_FILE
    stats_paths: Path | list[Path] = statistics_path(settings, data_dir)
    if args.stats:  # one file keeps today's behaviour; several files or a folder are merged
        named = [Path(p) for p in args.stats]
        stats_paths = named[0] if len(named) == 1 and not named[0].is_dir() else named
    content = _content_or_none(Path(args.content))
    languages = load_languages(Path(args.content), content)[0].values() if content is not None else None
    out = Path(args.out)
    csv_out = Path(args.csv) if args.csv else None
    try:
        sources = write_report(stats_paths, out, content, csv_out=csv_out, languages=languages)
    except StatisticsUnavailable as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_FILE
    except OSError as exc:
        print(f"{exc.filename or out}: cannot write ({exc.strerror or exc})", file=sys.stderr)
        return EXIT_BAD_FILE
    for path, problem in sources.skipped:
        print(f"skipped {path}: {problem}", file=sys.stderr)
    if len(sources.read) > 1:
        print(f"merged {len(sources.read)} statistics files")
    print(f"wrote the staff report to {out.resolve()}")
    if csv_out is not None:
        print(f"wrote one row per question to {csv_out.resolve()}")
    return 0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="immunoquest --report", description="Write the staff report as one HTML page.")
    p.add_argument("--report", action="store_true", help="(this mode)")
    p.add_argument("--out", default=str(DEFAULT_OUT), metavar="FILE", help="where to write it (default report.html)")
    p.add_argument("--data-dir", metavar="DIR", help="the data folder the kiosk uses (default: your user data folder)")
    p.add_argument("--settings", metavar="FILE", help="the kiosk's settings file, if it names a statistics folder")
    p.add_argument(
        "--stats",
        nargs="+",
        metavar="FILE_OR_DIR",
        help="read these statistics files instead; a folder means every .json file in it; several are merged",
    )
    p.add_argument("--csv", metavar="FILE", help="also write one row per question to FILE, for a spreadsheet")
    p.add_argument(
        "--content", default=str(DEFAULT_CONTENT), metavar="FILE", help="content for question and level names"
    )
    return p


def _content_or_none(path: Path) -> Content | None:
    from game.core.loader import load_content

    try:
        return load_content(path)
    except FileProblems as problems:
        first = problems.problems[0] if problems.problems else "unknown problem"
        print(f"note: the report shows ids, not question text, because the content did not load: {first}")
        return None


# --- the sections ---


def _totals(stats: Statistics) -> str:
    sessions = stats.sessions
    average = _duration(stats.session_seconds / sessions) if sessions else "–"
    answered = stats.answered
    right = f"{_percent(stats.right_first_time, answered)}" if answered else "–"
    cards = [
        ("Visits", f"{sessions:,}", "people who touched the screen to start"),
        ("Average visit", average, "from the first touch until the screen reset"),
        ("Questions answered", f"{answered:,}", "first answers only"),
        ("Right first time", right, "of the questions answered"),
    ]
    if stats.languages:  # which language each visit ended in: en 120 · es 45
        by_language = " · ".join(f"{code} {count:,}" for code, count in sorted(stats.languages.items()))
        cards.append(("Visits by language", by_language, "the language each visit was played in"))
    items = "\n".join(
        f'<div class="card"><div class="label">{escape(label)}</div><div class="number">{escape(number)}</div>'
        f'<div class="note">{escape(note)}</div></div>'
        for label, number, note in cards
    )
    return f'<section aria-labelledby="totals"><h2 id="totals">In total</h2><div class="cards">{items}</div></section>'


def _kiosks(stats: Statistics, sources: Sources | None) -> str:
    """Visits per kiosk beside the totals, and which files were read and skipped."""
    if sources is None or (len(sources.read) <= 1 and not sources.skipped and len(stats.kiosks) <= 1):
        return ""  # one kiosk: the totals say it all
    heading = '<h2 id="kiosks">Kiosks</h2>'
    total = sum(stats.kiosks.values())
    rows = "\n".join(
        f'<tr><td>{escape(name)}</td><td class="num">{visits:,}</td><td class="num">{_percent(visits, total)}</td></tr>'
        for name, visits in sorted(stats.kiosks.items(), key=lambda item: (-item[1], item[0]))
    )
    table = (
        '<table><thead><tr><th scope="col">Kiosk</th><th scope="col" class="num">Visits</th>'
        '<th scope="col" class="num">Share</th></tr></thead><tbody>'
        + rows
        + f'<tr><th scope="row">All kiosks</th><td class="num">{total:,}</td><td class="num">'
        f"{'100 %' if total else '–'}</td></tr></tbody></table>"
    )
    files = "".join(f"<li>{escape(str(path))}</li>" for path in sources.read)
    parts = [heading, table, f"<p>Made from {len(sources.read)} statistics files, added together:</p><ul>{files}</ul>"]
    if sources.skipped:
        skipped = "".join(f"<li>{escape(str(path))}: {escape(problem)}</li>" for path, problem in sources.skipped)
        many = len(sources.skipped) != 1
        parts.append(
            f'<p class="warning">{len(sources.skipped)} file{"s" if many else ""} could not be used and '
            f"{'are' if many else 'is'} left out of every number:</p><ul>{skipped}</ul>"
        )
    return f'<section aria-labelledby="kiosks">{"".join(parts)}</section>'


def most_missed(stats: Statistics, limit: int = CHART_ROWS) -> list[tuple[str, QuestionCounts]]:
    """Questions with a miss, most missed first (rate, then how often), among those answered enough."""
    rows = [(qid, q) for qid, q in stats.questions.items() if q.answered >= MIN_ANSWERS and q.missed > 0]
    rows.sort(key=lambda row: (-row[1].miss_rate, -row[1].answered, row[0]))
    return rows[:limit]


def _missed(stats: Statistics, content: Content | None) -> str:
    heading = '<h2 id="missed">Most-missed questions: what staff could explain</h2>'
    rows = most_missed(stats)
    if not rows:
        note = (
            f"No question has been missed yet by visitors (questions answered fewer than {MIN_ANSWERS} times "
            "are not shown)."
        )
        return f'<section aria-labelledby="missed">{heading}<p>{escape(note)}</p></section>'
    questions = {q.id: q for q in content.questions} if content else {}
    intro = (
        "The share of first answers that were wrong, for the questions visitors missed most. "
        f"Questions answered fewer than {MIN_ANSWERS} times are left out."
    )
    table_rows = []
    for qid, counts in rows:
        question = questions.get(qid)
        wrong = _wrong_text(counts, question)
        right = escape(question.correct_text) if question else "–"
        table_rows.append(
            f"<tr><td>{escape(_prompt(qid, question))}</td>"
            f'<td class="num">{_percent(counts.missed, counts.answered)}<br><span class="small">'
            f"{counts.missed} of {counts.answered}</span></td>"
            f"<td>{escape(wrong)}</td><td>{right}</td></tr>"
        )
    table = (
        '<table><caption>The same questions in full</caption><thead><tr><th scope="col">Question</th>'
        '<th scope="col" class="num">Missed</th><th scope="col">Most chosen wrong answer</th>'
        '<th scope="col">The right answer</th></tr></thead><tbody>' + "\n".join(table_rows) + "</tbody></table>"
    )
    return (
        f'<section aria-labelledby="missed">{heading}<p>{escape(intro)}</p>{_chart(rows, questions)}{table}</section>'
    )


def _chart(rows: list[tuple[str, QuestionCounts]], questions: dict[str, Question]) -> str:
    """A horizontal bar chart: each row the prompt, a bar of the miss rate, the top wrong answer."""
    width, left, bar_width, row_height = 960, 16, 640, 96
    height = row_height * len(rows) + 8
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="chart-title" preserveAspectRatio="xMinYMin meet">',
        '<title id="chart-title">Bar chart of the most-missed questions</title>',
    ]
    for i, (qid, counts) in enumerate(rows):
        y = i * row_height + 8
        rate = counts.miss_rate
        length = max(round(bar_width * rate), 2)
        prompt = _shorten(f"{i + 1}. {_prompt(qid, questions.get(qid))}", PROMPT_CHARS)
        wrong = _shorten("Most chosen wrong answer: " + _wrong_text(counts, questions.get(qid)), PROMPT_CHARS + 10)
        parts += [
            f'<text x="{left}" y="{y + 20}" class="prompt">{escape(prompt)}</text>',
            f'<rect x="{left}" y="{y + 32}" width="{bar_width}" height="26" class="track" rx="4"/>',
            f'<rect x="{left}" y="{y + 32}" width="{length}" height="26" class="bar" rx="4"/>',
            f'<text x="{left + bar_width + 14}" y="{y + 52}" class="rate">'
            f"{_percent(counts.missed, counts.answered)} missed ({counts.missed} of {counts.answered})</text>",
            f'<text x="{left}" y="{y + 80}" class="wrong">{escape(wrong)}</text>',
        ]
    parts.append("</svg>")
    return "\n".join(parts)


def _levels(stats: Statistics, content: Content | None) -> str:
    heading = '<h2 id="levels">Levels</h2>'
    order = [level.id for level in content.levels] if content else []
    titles = {level.id: level.title for level in content.levels} if content else {}
    ids = [lid for lid in order if lid in stats.levels] + sorted(lid for lid in stats.levels if lid not in order)
    if not ids:
        return f'<section aria-labelledby="levels">{heading}<p>No level has been started yet.</p></section>'
    rows = []
    for lid in ids:
        counts = stats.levels[lid]
        average = counts.average_score
        name = titles.get(lid, f"{lid} (no longer offered)" if content else lid)
        rows.append(
            f'<tr><td>{escape(name)}</td><td class="num">{counts.started:,}</td><td class="num">{counts.finished:,}'
            f'</td><td class="num">{_percent(counts.finished, counts.started) if counts.started else "–"}</td>'
            f'<td class="num">{"–" if average is None else f"{round(average):,}"}</td></tr>'
        )
    table = (
        '<table><thead><tr><th scope="col">Level</th><th scope="col" class="num">Started</th>'
        '<th scope="col" class="num">Finished</th><th scope="col" class="num">Finished, share</th>'
        '<th scope="col" class="num">Average score</th></tr></thead><tbody>' + "\n".join(rows) + "</tbody></table>"
    )
    note = "<p>The average score is over finished plays; a perfect level scores several hundred points.</p>"
    return f'<section aria-labelledby="levels">{heading}{table}{note}</section>'


def _days(stats: Statistics) -> str:
    heading = f'<h2 id="days">The last {RECENT_DAYS} days with visits</h2>'
    days = sorted(stats.days.items(), reverse=True)[:RECENT_DAYS]
    if not days:
        return f'<section aria-labelledby="days">{heading}<p>No visits have been counted yet.</p></section>'
    rows = "\n".join(
        f'<tr><td>{escape(_day_name(day))}</td><td class="num">{d.sessions:,}</td>'
        f'<td class="num">{_duration(d.seconds / d.sessions) if d.sessions else "–"}</td></tr>'
        for day, d in days
    )
    table = (
        '<table><thead><tr><th scope="col">Day</th><th scope="col" class="num">Visits</th>'
        '<th scope="col" class="num">Average visit</th></tr></thead><tbody>' + rows + "</tbody></table>"
    )
    return f'<section aria-labelledby="days">{heading}{table}</section>'


# --- small helpers ---


def _prompt(qid: str, question: Question | None) -> str:
    return question.prompt if question else f"Question “{qid}” (its text is not in the content)"


def _wrong_text(counts: QuestionCounts, question: Question | None) -> str:
    top = counts.most_chosen_wrong()
    if top is None:
        return "–"
    label, times = top
    # A fixed label means what its kind says; a question no longer in the content could be of any kind.
    specs = [SPECS[question.kind]] if question else list(SPECS.values())
    meaning = next((s.label_meanings[label] for s in specs if label in s.label_meanings), None)
    said = meaning or f"“{label}”"
    return f"{said} ({times} {'time' if times == 1 else 'times'})"


def _percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


def _duration(seconds: float) -> str:
    total = round(seconds)
    minutes, secs = divmod(total, 60)
    if minutes == 0:
        return f"{secs} s"
    return f"{minutes} min {secs:02d} s"


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _day_name(day: str) -> str:
    try:
        return dt.date.fromisoformat(day).strftime("%a %d %b %Y")
    except ValueError:
        return day


def _period(stats: Statistics) -> str:
    if not stats.days:
        return "No visits counted yet."
    first, last = min(stats.days), max(stats.days)
    return f"Visits from {_day_name(first)} to {_day_name(last)}."


_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f4ef; color: #1c1c1c;
  font: 20px/1.5 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; background: #fff; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .25rem; color: #14394f; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .6rem; color: #14394f; border-bottom: 3px solid #d7e4ea;
  padding-bottom: .2rem; }
p { margin: .4rem 0 1rem; max-width: 48rem; }
.lead { color: #3b3b3b; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1rem; }
.card { border: 2px solid #d7e4ea; border-radius: 10px; padding: .8rem 1rem; background: #f9fbfc; }
.card .label { font-weight: 600; color: #14394f; }
.card .number { font-size: 2.2rem; font-weight: 700; line-height: 1.2; color: #0f2d3f; }
.card .note, .small { font-size: .85rem; color: #4a4a4a; }
.chart { display: block; margin: .5rem 0 1.2rem; }
.chart .prompt { font: 600 19px "Segoe UI", Arial, "DejaVu Sans", sans-serif; fill: #1c1c1c; }
.chart .rate { font: 700 19px "Segoe UI", Arial, "DejaVu Sans", sans-serif; fill: #8a2c0d; }
.chart .wrong { font: 17px "Segoe UI", Arial, "DejaVu Sans", sans-serif; fill: #3b3b3b; }
.chart .track { fill: #eef2f4; }
.chart .bar { fill: #c2571a; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .3rem 0; color: #14394f; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #d5d5d5; }
thead th { border-bottom: 2px solid #14394f; }
.num { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) { background: #f7f7f5; }
footer { margin-top: 2.5rem; font-size: .85rem; color: #4a4a4a; }
@media print {
  body { background: #fff; font-size: 12pt; }
  main { max-width: none; padding: 0; }
  tr, svg, .card { break-inside: avoid; }
  h2, caption { break-after: avoid; }
  tbody tr:nth-child(even) { background: none; }
  .card { background: none; }
}
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ImmunoQuest: staff report</title>
<style>{css}</style>
</head>
<body>
<main>
<h1>ImmunoQuest: what visitors learned</h1>
<p class="lead">{period} Made on {generated}.</p>
{body}
<footer><p>These are anonymous totals counted by the waiting-room kiosk: no names, no typed text and no
record of any one visitor. Only a visitor's first answer to each question counts.</p></footer>
{handouts}
</main>
</body>
</html>
"""
