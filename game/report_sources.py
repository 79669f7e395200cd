"""Many kiosks, one report: read statistics files and folders, merge what reads, list the rest.

A hospital copies each kiosk's ``statistics.json`` (or whole data folders) to one place
and runs ``--report --stats DIR`` or ``--stats a.json b.json``. Every file that reads
is merged exactly (``game.core.stats.merge``); a damaged or foreign file is named,
skipped and listed in the report, and the others still count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import reduce
from pathlib import Path

from game.core.stats import Statistics, merge, read_statistics


@dataclass
class Sources:
    """What was read: the merged statistics, the files used, and the files skipped (and why)."""

    stats: Statistics = field(default_factory=Statistics)
    read: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)


def statistics_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, and every ``*.json`` file in (or below) each folder named, once each."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        inside = sorted(p for p in path.rglob("*.json") if p.is_file()) if path.is_dir() else [path]
        for file in inside:
            key = file.resolve()
            if key not in seen:  # the same file named twice (a folder and a file in it) counts once
                seen.add(key)
                found.append(file)
    return found


def read_one(path: Path) -> Statistics | str:
    """The statistics in ``path``, or a short reason for staff why it was skipped."""
    try:
        return read_statistics(path)
    except FileNotFoundError:
        return "there is no such file"
    except UnicodeDecodeError:
        return "not a statistics file (not UTF-8 text)"
    except OSError as exc:
        return f"cannot read the file ({exc.strerror or exc})"
    except (ValueError, TypeError, AttributeError, RecursionError) as exc:
        return f"not a readable statistics file ({exc})"


def gather(paths: Iterable[Path]) -> Sources:
    """Read every statistics file in ``paths`` and merge them; order does not matter."""
    sources = Sources()
    parts: list[Statistics] = []
    for path in statistics_files(paths):
        stats = read_one(path)
        if isinstance(stats, str):
            sources.skipped.append((path, stats))
            continue
        parts.append(with_kiosk_names(stats, path))
        sources.read.append(path)
    sources.stats = reduce(merge, parts, Statistics())
    sources.read.sort(key=str)  # listed the same whatever order they were named in
    sources.skipped.sort(key=lambda item: str(item[0]))
    return sources


def with_kiosk_names(stats: Statistics, path: Path) -> Statistics:
    """Every visit of the file under a kiosk name: an unnamed kiosk (or a file from before
    kiosk names) is called after its file, so two unnamed kiosks do not look like one."""
    unnamed = str(path)
    kiosks: dict[str, int] = {}
    for name, visits in stats.kiosks.items():
        label = name or unnamed
        kiosks[label] = kiosks.get(label, 0) + visits
    missing = stats.sessions - sum(kiosks.values())
    if missing > 0:
        kiosks[stats.kiosk_name or unnamed] = kiosks.get(stats.kiosk_name or unnamed, 0) + missing
    stats.kiosks = kiosks
    return stats
