"""Before/after statistics: McNemar's exact test, the normalized gain, and merging many kiosks."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from game.core.learning import PairCounts, Pairing, mcnemar_exact_p, normalized_gain, plain_sentence
from game.core.stats import DayCounts, LevelCounts, QuestionCounts, Statistics, StatsStore, merge


@pytest.mark.parametrize(
    ("right_to_wrong", "wrong_to_right", "p"),
    [
        (1, 8, 0.0390625),  # the example: 2 * (1 + 9) / 2**9
        (8, 1, 0.0390625),  # two-sided: the direction does not matter
        (0, 10, 2 / 1024),
        (5, 5, 1.0),  # a tie: capped at 1
        (3, 12, 0.03515625),  # 2 * (1 + 15 + 105 + 455) / 2**15, as R's binom.test
        (0, 0, 1.0),
        (10, 30, 0.002221),  # R: binom.test(10, 40)$p.value = 0.002221
    ],
)
def test_mcnemar_exact_p_matches_known_values(right_to_wrong: int, wrong_to_right: int, p: float) -> None:
    assert mcnemar_exact_p(right_to_wrong, wrong_to_right) == pytest.approx(p, abs=5e-7)


def test_mcnemar_refuses_negative_counts() -> None:
    with pytest.raises(ValueError):
        mcnemar_exact_p(-1, 3)


@pytest.mark.parametrize(
    ("before", "after", "g"),
    [(40, 70, 0.5), (41, 86, 45 / 59), (0, 100, 1.0), (50, 50, 0.0), (60, 40, -0.5), (90, 100, 1.0)],
)
def test_normalized_gain(before: float, after: float, g: float) -> None:
    assert normalized_gain(before, after) == pytest.approx(g)


def test_no_gain_when_everyone_knew_it_already() -> None:
    assert normalized_gain(100, 100) is None
    with pytest.raises(ValueError):
        normalized_gain(-1, 50)


def test_pairs_count_and_summarise() -> None:
    pairs = PairCounts()
    for before, after in [(True, True)] * 3 + [(True, False)] + [(False, True)] * 8 + [(False, False)] * 2:
        pairs.add(before, after)
    assert pairs.as_tuple() == (3, 1, 8, 2)
    assert (pairs.total, pairs.changed, pairs.right_before, pairs.right_after) == (14, 9, 4, 11)
    assert pairs.p_value() is None  # 9 changed pairs: too few to tell
    assert "Too few visits to tell yet" in plain_sentence(pairs)
    pairs.add(False, True)
    assert pairs.p_value() == pytest.approx(mcnemar_exact_p(1, 9))
    assert plain_sentence(pairs) == (
        "Before the lesson 27 % knew this; after it, 80 %. A change this large is unlikely to be chance."  # p = 0.021
    )


def _random_stats(rng: random.Random, name: str) -> Statistics:
    stats = Statistics(kiosk_name=name)
    for qid in rng.sample(["a", "b", "c", "d"], 2):
        stats.questions[qid] = QuestionCounts(
            rng.randrange(50),
            rng.randrange(50),
            rng.randrange(20),
            {label: rng.randrange(1, 9) for label in rng.sample(["x", "y", "z"], 2)},
            PairCounts(*(rng.randrange(9) for _ in range(4))),
        )
    for lid in rng.sample(["l1", "l2", "l3"], 2):
        stats.levels[lid] = LevelCounts(rng.randrange(9), rng.randrange(9), rng.randrange(900), PairCounts(1, 2, 3, 4))
    for day in rng.sample(["2025-01-01", "2025-01-02", "2025-01-03"], 2):
        stats.days[day] = DayCounts(rng.randrange(9), rng.randrange(900))
    stats.languages = {"en": rng.randrange(9), rng.choice(["es", "fr"]): rng.randrange(9)}
    stats.kiosks = {name: rng.randrange(9)}
    return stats


def _flat(stats: Statistics) -> dict[str, int]:
    """Every count in the file, by its path in the JSON."""
    out: dict[str, int] = {}

    def walk(prefix: str, value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}/{key}", inner)
        elif isinstance(value, int):
            out[prefix] = value

    walk("", stats.to_json())
    out.pop("/schema")
    return out


@pytest.mark.parametrize("seed", range(5))
def test_merging_is_exact_and_order_does_not_matter(seed: int) -> None:
    rng = random.Random(seed)
    a, b, c = (_random_stats(rng, name) for name in ("hall", "ward", "hall"))
    assert merge(a, merge(b, c)) == merge(merge(a, b), c)
    assert merge(a, b) == merge(b, a)
    merged = merge(merge(a, b), c)
    parts = [_flat(s) for s in (a, b, c)]
    total = _flat(merged)
    assert set(total) == set().union(*parts)
    for key, value in total.items():
        assert value == sum(part.get(key, 0) for part in parts), key
    assert merged.kiosks == {"hall": a.kiosks["hall"] + c.kiosks["hall"], "ward": b.kiosks["ward"]}
    assert merged.kiosk_name == ""
    assert merge(a, c).kiosk_name == "hall"
    assert Statistics.from_json(merged.to_json()) == merged  # a merged file reads back the same


def test_a_pair_is_counted_for_the_question_and_its_level(tmp_path: Path) -> None:
    path = tmp_path / "statistics.json"
    store = StatsStore(path, kiosk_name="Oncology 2nd floor")
    store.session_started()
    store.before_after("q1", "car-t", before_right=False, after_right=True)
    store.before_after("q2", "car-t", before_right=True, after_right=True)
    store.flush()
    data = json.loads(path.read_text())
    assert data["questions"]["q1"]["pairs"] == {"right_right": 0, "right_wrong": 0, "wrong_right": 1, "wrong_wrong": 0}
    assert data["levels"]["car-t"]["pairs"] == {"right_right": 1, "right_wrong": 0, "wrong_right": 1, "wrong_wrong": 0}
    assert data["kiosk_name"] == "Oncology 2nd floor"
    assert data["kiosks"] == {"Oncology 2nd floor": 1}


def test_statistics_of_schema_1_still_read() -> None:
    old = {
        "format": "immunoquest-statistics",
        "schema": 1,
        "questions": {"q": {"shown": 3, "answered": 2, "right_first_time": 1, "wrong": {"No": 1}}},
        "levels": {"l": {"started": 2, "finished": 1, "total_score": 90}},
        "days": {"2025-01-01": {"sessions": 2, "seconds": 60}},
        "languages": {"en": 2},
    }
    stats = Statistics.from_json(old)
    assert stats.questions["q"].pairs == PairCounts()
    assert stats.levels["l"].pairs == PairCounts()
    assert (stats.kiosks, stats.kiosk_name, stats.sessions) == ({}, "", 2)


def test_damaged_pairs_are_refused() -> None:
    data = Statistics().to_json()
    data["questions"] = {
        "q": {"shown": 1, "answered": 1, "right_first_time": 1, "wrong": {}, "pairs": {"right_right": -1}}
    }
    with pytest.raises(ValueError, match="right_right"):
        Statistics.from_json(data)


def test_pairing_gives_each_pair_once_and_forgets_it() -> None:
    pairing = Pairing()
    assert pairing.answered("q1", True) is None  # no before answer: no pair (e.g. Skip)
    pairing.guessed("q1", False)
    assert len(pairing) == 1
    assert pairing.answered("q2", True) is None
    assert pairing.answered("q1", True) == (False, True)
    assert pairing.answered("q1", True) is None and len(pairing) == 0
