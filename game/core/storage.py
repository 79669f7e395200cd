"""Where the game keeps its files, and how it writes them without ever half-writing."""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs

log = logging.getLogger(__name__)
APP_NAME = "ImmunoQuest"
# What write_atomically's temporary files are called: ".<name>.<8 random characters>.tmp".
# Only files the game writes (.json, .yaml) are matched, so nobody else's are touched.
TEMPORARY = re.compile(r"\..+\.(json|yaml)\.[a-z0-9_]{8}\.tmp")


def default_data_dir() -> Path:
    """XDG data home on Linux, %APPDATA% on Windows, Application Support on macOS."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def write_atomically(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so a crash leaves the old file or the new one, never half.

    The temporary file lives in the same folder so ``os.replace`` is a rename on one disk;
    its data reaches the disk before the rename, and the folder after it, so a power cut
    at any moment leaves one whole file. A process killed mid-save leaves its temporary
    file behind: ``remove_temporaries`` clears them at the next start.
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
    sync_folder(path.parent)


def sync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk. POSIX only: Windows cannot open a
    folder as a file, and NTFS journals the rename itself."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the data itself is already on disk
    finally:
        os.close(fd)


def remove_temporaries(*folders: Path) -> int:
    """Delete the temporary files that saves interrupted by a kill or a power cut left
    in ``folders`` (a kiosk that loses power daily would collect hundreds); call it at
    start-up, before anything is saved. Returns how many went."""
    removed = 0
    for folder in dict.fromkeys(folders):  # once each, in order
        try:
            names = [entry.name for entry in os.scandir(folder) if entry.is_file(follow_symlinks=False)]
        except OSError:
            continue  # not there yet: nothing was left in it
        for name in names:
            if TEMPORARY.fullmatch(name):
                try:
                    (folder / name).unlink()
                    removed += 1
                except OSError as exc:
                    log.warning("could not remove %s, left by an interrupted save: %s", folder / name, exc)
    if removed:
        log.info("removed %d temporary file%s left by interrupted saves", removed, "s" if removed != 1 else "")
    return removed


def write_json_atomically(path: Path, data: Any) -> None:
    write_atomically(path, json_text(data))


def json_text(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


class BackgroundWriter:
    """Writes files atomically on a worker thread, so a slow disk never stalls a frame
    (an SD card's fsync can take tens of milliseconds). Each path keeps only the newest
    text handed in; ``on_error(path, exc)`` is called from the worker when a write fails.
    """

    def __init__(self, on_error: Callable[[Path, OSError], None] | None = None) -> None:
        self._pending: dict[Path, str] = {}
        self._writing = False
        self._closed = False
        self._changed = threading.Condition()
        self._on_error = on_error
        self._thread = threading.Thread(target=self._work, name="file-writer", daemon=True)
        self._thread.start()

    def submit(self, path: Path, text: str) -> None:
        with self._changed:
            if self._closed:
                raise RuntimeError("the writer is closed")
            self._pending[path] = text
            self._changed.notify_all()

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything handed in is written; False if ``timeout`` ran out first."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._pending and not self._writing, timeout)

    def close(self, timeout: float = 10.0) -> bool:
        """Write what is pending, then stop the worker."""
        done = self.flush(timeout)
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        self._thread.join(timeout)
        return done

    def _work(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending or self._closed)
                if not self._pending:
                    return  # closed and nothing left
                path, text = self._pending.popitem()
                self._writing = True
            try:
                write_atomically(path, text)
            except OSError as exc:
                if self._on_error is not None:
                    self._on_error(path, exc)
            finally:
                with self._changed:
                    self._writing = False
                    self._changed.notify_all()


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
