#!/usr/bin/env python3
"""Kill (SIGKILL) a process that is saving progress, statistics and preferences, again
and again, at random moments, and check after each kill that every file is whole and
readable or absent. CI does 200 kills (tests/test_powerloss.py); this does 1,000 by
default. POSIX only.

    .venv/bin/python scripts/powerloss.py [--kills N] [--seed N] [--dir DIR]

Exit 0 when no file was ever found half-written, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the harness lives beside the tests

from powerloss import kill_while_saving, temporaries  # noqa: E402

from game.core.storage import remove_temporaries  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kills", type=int, default=1000)
    p.add_argument("--seed", type=int, default=15)
    p.add_argument("--dir", type=Path, help="the folder to save in (default: a new temporary folder)")
    args = p.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="immunoquest-powerloss-"))
    folder.mkdir(parents=True, exist_ok=True)
    tally = kill_while_saving(folder, args.kills, args.seed)
    remove_temporaries(folder)
    print(f"{folder}: {tally.summary()}; temporary files after a start: {len(temporaries(folder))}")
    for problem in tally.problems:
        print(problem)
    return 1 if tally.problems or temporaries(folder) else 0


if __name__ == "__main__":
    sys.exit(main())
