"""``--csv FILE``: one row per question for a spreadsheet, from the same merged statistics."""

from __future__ import annotations

import csv
import io

from game.core.content import Content
from game.core.learning import PAIR_KEYS
from game.core.stats import QuestionCounts, Statistics

HEADER = (
    "level",
    "id",
    "prompt",
    "shown",
    "answered",
    "right_first_time",
    "most_chosen_wrong",
    "most_chosen_wrong_times",
    *PAIR_KEYS,
)


def csv_text(stats: Statistics, content: Content | None) -> str:
    """Every question of the content in its order (counted or not), then any counted question
    the content no longer has (level and prompt left empty)."""
    rows: list[tuple[str, str, str]] = []
    if content is not None:
        rows = [(level.id, q.id, q.prompt) for level in content.levels for q in level.questions]
    known = {qid for _, qid, _ in rows}
    rows += [("", qid, "") for qid in sorted(stats.questions) if qid not in known]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # as spreadsheets expect
    writer.writerow(HEADER)
    for level_id, qid, prompt in rows:
        counts = stats.questions.get(qid, QuestionCounts())
        top = counts.most_chosen_wrong()
        writer.writerow(
            (
                level_id,
                qid,
                prompt,
                counts.shown,
                counts.answered,
                counts.right_first_time,
                top[0] if top else "",
                top[1] if top else 0,
                *counts.pairs.as_tuple(),
            )
        )
    return out.getvalue()
