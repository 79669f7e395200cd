"""Where the game keeps its files, and how it writes them without ever half-writing."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)
APP_NAME = "ImmunoQuest"


def default_data_dir() -> Path:
    """XDG data home on Linux, %APPDATA% on Windows, Application Support on macOS."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so a crash leaves the old file or the new one, never half.

    The temporary file lives in the same folder so ``os.replace`` is a rename on one disk.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as tmp:
            tmp.write(text)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def write_json_atomically(path: Path, data: Any) -> None:
    write_atomically(path, json.dumps(data, indent=2, sort_keys=True) + "\n")


def move_aside(path: Path, now: float, why: Exception, what: str) -> None:
    """A damaged file is kept as ``<name>.corrupt-<time>`` for a person to look at, and
    the game starts that file afresh; ``what`` says in the log what was lost."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    try:
        path.replace(aside)
        log.warning("%s was damaged (%s); moved it to %s and %s", path.name, why, aside, what)
    except OSError as exc:
        log.warning("%s was damaged (%s) and could not be moved aside: %s", path.name, why, exc)
