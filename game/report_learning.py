"""The staff report's "What visitors learned" section: before/after pairs per level and overall.

Percent right before and after the lesson, the normalized gain g, McNemar's exact p
(or "too few visits to tell yet"), a sentence in plain words, and an inline SVG chart
of before and after bars. Every text from a file is escaped.
"""

from __future__ import annotations

from functools import reduce
from html import escape

from game.core.content import Content
from game.core.learning import MIN_CHANGED_PAIRS, PairCounts, plain_sentence
from game.core.stats import Statistics

OVERALL = "All levels together"
LABEL_CHARS = 60  # an SVG label does not wrap
OVERALL_CLASS = ' class="overall"'

LEARNING_CSS = """
.warning { font-weight: 600; color: #8a2c0d; }
.sentence { display: block; font-size: .85rem; line-height: 1.35; color: #4a4a4a; margin-top: .2rem; }
tr.overall td { font-weight: 700; border-top: 2px solid #14394f; }
tr.overall .sentence { font-weight: 400; }
.verdict { font-size: 1.15rem; font-weight: 600; color: #14394f; }
.chart .level { font: 600 19px "Segoe UI", Arial, "DejaVu Sans", sans-serif; fill: #1c1c1c; }
.chart .before { fill: #7b8f9c; }
.chart .after { fill: #1f7a4d; }
.chart .pct { font: 700 18px "Segoe UI", Arial, "DejaVu Sans", sans-serif; fill: #1c1c1c; }
.chart .key { font: 17px "Segoe UI", Arial, "DejaVu Sans", sans-serif; fill: #3b3b3b; }
"""


def level_rows(stats: Statistics, content: Content | None) -> list[tuple[str, PairCounts]]:
    """(level name, its pairs) for every level with pairs, in the content's order, then overall."""
    order = [level.id for level in content.levels] if content else []
    titles = {level.id: level.title for level in content.levels} if content else {}
    with_pairs = {lid: counts.pairs for lid, counts in stats.levels.items() if counts.pairs.total}
    ids = [lid for lid in order if lid in with_pairs] + sorted(lid for lid in with_pairs if lid not in order)
    rows = [(titles.get(lid, lid), with_pairs[lid]) for lid in ids]
    if rows:
        rows.append((OVERALL, reduce(PairCounts.plus, (pairs for _, pairs in rows), PairCounts())))
    return rows


def learning_section(stats: Statistics, content: Content | None) -> str:
    heading = '<h2 id="learned">What visitors learned</h2>'
    intro = (
        "Each level asks one question before its lesson and the same question again after it. "
        "A pair is one visitor's two answers; only the totals are kept."
    )
    rows = level_rows(stats, content)
    if not rows:
        note = "No visitor has answered a question both before and after its lesson yet."
        return f'<section aria-labelledby="learned">{heading}<p>{escape(intro)}</p><p>{escape(note)}</p></section>'
    overall = rows[-1][1]
    table_rows = "\n".join(
        f"<tr{OVERALL_CLASS if i == len(rows) - 1 else ''}><td>{escape(name)} "
        f'<span class="sentence">{escape(plain_sentence(pairs))}</span></td>'
        f'<td class="num">{pairs.total:,}</td><td class="num">{_pct(pairs.percent_before())}</td>'
        f'<td class="num">{_pct(pairs.percent_after())}</td><td class="num">{_gain(pairs)}</td>'
        f'<td class="num">{_p_text(pairs)}</td></tr>'
        for i, (name, pairs) in enumerate(rows)
    )
    table = (
        '<table><thead><tr><th scope="col">Level</th><th scope="col" class="num">Pairs</th>'
        '<th scope="col" class="num">Right before</th><th scope="col" class="num">Right after</th>'
        '<th scope="col" class="num">Gain g</th><th scope="col" class="num">Chance p</th></tr></thead><tbody>'
        + table_rows
        + "</tbody></table>"
    )
    how = (
        "Gain g is the share of what visitors did not know before that they knew after: 0 is no change, "
        "1 is everything learnt, below 0 is fewer right after. Chance p is how likely a change at least this "
        "large would be if the lesson made no difference (McNemar's exact test on the pairs that changed); "
        f"with fewer than {MIN_CHANGED_PAIRS} changed pairs it is not worked out. There is no comparison group, "
        "so this shows that answers changed, not that the game alone caused it."
    )
    return (
        f'<section aria-labelledby="learned">{heading}<p>{escape(intro)}</p>'
        f'<p class="verdict">{escape(plain_sentence(overall))}</p>{learning_chart(rows)}{table}'
        f'<p class="small">{escape(how)}</p></section>'
    )


def learning_chart(rows: list[tuple[str, PairCounts]]) -> str:
    """Two bars a row, before and after, each with its percent; a key at the top."""
    width, left, bar_width, row_height, top = 960, 16, 640, 112, 40
    height = top + row_height * len(rows) + 8
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="learned-title" preserveAspectRatio="xMinYMin meet">',
        '<title id="learned-title">Bar chart: percent right before and after the lesson, by level</title>',
        f'<rect x="{left}" y="10" width="22" height="22" class="before" rx="3"/>',
        f'<text x="{left + 30}" y="28" class="key">Right before the lesson</text>',
        f'<rect x="{left + 280}" y="10" width="22" height="22" class="after" rx="3"/>',
        f'<text x="{left + 310}" y="28" class="key">Right after it</text>',
    ]
    for i, (name, pairs) in enumerate(rows):
        y = top + i * row_height
        label = name if len(name) <= LABEL_CHARS else name[: LABEL_CHARS - 1].rstrip() + "…"
        parts.append(f'<text x="{left}" y="{y + 24}" class="level">{escape(label)} ({pairs.total:,} pairs)</text>')
        for j, (kind, percent) in enumerate((("before", pairs.percent_before()), ("after", pairs.percent_after()))):
            bar_y = y + 34 + j * 34
            length = max(round(bar_width * (percent or 0) / 100), 2)
            parts += [
                f'<rect x="{left}" y="{bar_y}" width="{bar_width}" height="28" class="track" rx="4"/>',
                f'<rect x="{left}" y="{bar_y}" width="{length}" height="28" class="{kind}" rx="4"/>',
                f'<text x="{left + bar_width + 14}" y="{bar_y + 21}" class="pct">{kind.capitalize()}: '
                f"{_pct(percent)}</text>",
            ]
    parts.append("</svg>")
    return "\n".join(parts)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{round(value)} %"


def _gain(pairs: PairCounts) -> str:
    g = pairs.gain()
    return "–" if g is None else f"{g:.2f}"


def _p_text(pairs: PairCounts) -> str:
    p = pairs.p_value()
    if p is None:
        return '<span class="small">too few visits to tell yet</span>'
    return "p &lt; 0.001" if p < 0.001 else f"p = {p:.3f}"
