#!/usr/bin/env python3
"""The monkey at scale (outside CI): seeded random input through the real app.

    .venv/bin/python scripts/monkey.py [--events 1000000] [--per-seed 12500] [--seed 1000]

Plays seed after seed (normal and kiosk mode in turn) with the monkey of
tests/test_monkey.py: keys, clicks, drags, touches, resizes, focus changes and close
requests through ``App.frame``, under SDL's dummy drivers. Any error the game recovers
from still counts as a fault; the first one stops the run with its seed, the way to
replay it, and the traceback. Prints the events per second at the end (and as it goes).
Exit 0 with zero faults, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the monkey lives beside the tests

import pytest  # noqa: E402
from test_monkey import Monkey  # noqa: E402

from game.core.loader import load_content  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--events", type=int, default=1_000_000, help="events in all (default 1,000,000)")
    p.add_argument("--per-seed", type=int, default=12_500, help="events per seed before a fresh game (default 12,500)")
    p.add_argument("--seed", type=int, default=1000, help="the first seed (default 1000)")
    p.add_argument("--content", type=Path, default=ROOT / "questions.yaml")
    args = p.parse_args()
    content = load_content(args.content)
    visits: Counter[str] = Counter()
    events = seeds = restarts = 0
    started = last_note = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="immunoquest-monkey-") as tmp:
        seed = args.seed
        while events < args.events:
            kiosk = seed % 2 == 1
            data_dir = Path(tmp) / f"seed-{seed}"
            data_dir.mkdir()
            count = min(args.per_seed, args.events - events)
            try:
                monkey = Monkey(content, data_dir, seed, kiosk)
                monkey.run(count)
            except pytest.fail.Exception as failed:  # a fault: the message names the seed
                print(f"FAULT after {events} events (seed {seed}, {'kiosk' if kiosk else 'normal'}):\n{failed}")
                print(
                    f"replay: MONKEY_SEED={seed} MONKEY_MODE={'kiosk' if kiosk else 'normal'} MONKEY_EVENTS={count} "
                    ".venv/bin/python -m pytest tests/test_monkey.py -k replay"
                )
                return 1
            events += monkey.events
            restarts += monkey.restarts
            visits.update(monkey.visits)
            seeds += 1
            seed += 1
            now = time.perf_counter()
            if now - last_note > 60:
                last_note = now
                print(f"{events:,} events, {seeds} seeds, {events / (now - started):,.0f} events/s", flush=True)
    seconds = time.perf_counter() - started
    print(
        f"{events:,} events in {seconds:,.0f} s ({events / seconds:,.0f} events/s), {seeds} seeds "
        f"(normal and kiosk), {restarts} quits and restarts, 0 faults; screens reached: {len(visits)}"
    )
    print("visits: " + ", ".join(f"{name} {n}" for name, n in sorted(visits.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
