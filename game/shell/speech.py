"""Read-aloud: captions, questions with their options, and feedback, spoken on a thread.

``pyttsx3`` (the optional ``[speech]`` extra) speaks through SAPI5 on Windows,
NSSpeechSynthesizer on macOS and espeak-ng on Linux. Its ``runAndWait`` blocks, so
it runs on a worker thread and the frame loop never waits. Each new screen replaces
what is being said. With no engine, ``NullSpeaker`` keeps the game running and the
settings screen says read-aloud is not available.

Only the worker thread ever touches the engine. Asking an engine to stop from another
thread is not safe: espeak-ng's cancel blocked forever on a machine with no sound
device, which froze the whole game. So ``stop`` only raises a generation counter and
empties the queue; the worker speaks one sentence at a time and drops the rest of an
old screen at the next sentence boundary.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(lines: list[str]) -> list[str]:
    """Split ``lines`` into sentences so that stopping is never more than one sentence late."""
    return [part for line in lines for part in _SENTENCE_END.split(line.strip()) if part]


class Speaker(Protocol):
    available: bool

    def say(self, lines: list[str]) -> None:
        """Stop whatever is being said and say ``lines`` in order."""

    def stop(self) -> None:
        """Stop speaking at the next sentence; never waits for the engine."""

    @property
    def busy(self) -> bool:
        """True while something is being said."""

    def close(self) -> None:
        """Stop the worker for good."""


class NullSpeaker:
    available = False
    busy = False

    def say(self, lines: list[str]) -> None:
        pass

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass


class ThreadedSpeaker:
    """Speaks with an engine made by ``make_engine`` (pyttsx3-like) on its own thread."""

    available = True

    def __init__(self, make_engine: Callable[[], Any]) -> None:
        self._jobs: queue.Queue[list[str] | None] = queue.Queue()
        self._engine: Any = None
        self._busy = threading.Event()
        self._generation = 0
        self._lock = threading.Lock()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._work, args=(make_engine,), name="speech", daemon=True)
        self._thread.start()
        self._ready.wait(timeout=5)
        if self._engine is None:
            self.available = False

    @property
    def busy(self) -> bool:
        return self._busy.is_set() or not self._jobs.empty()

    def say(self, lines: list[str]) -> None:
        self.stop()
        self._jobs.put([line for line in lines if line])

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
        while True:
            try:
                self._jobs.get_nowait()
            except queue.Empty:
                break

    def close(self) -> None:
        self.stop()
        self._jobs.put(None)

    def _work(self, make_engine: Callable[[], Any]) -> None:
        try:
            self._engine = make_engine()
        except Exception as exc:
            log.info("read-aloud not available: %s", exc)
        self._ready.set()
        if self._engine is None:
            return
        while True:
            lines = self._jobs.get()
            if lines is None:
                return
            with self._lock:
                generation = self._generation
            self._busy.set()
            try:
                for line in sentences(lines):
                    if generation != self._generation:
                        break
                    self._engine.say(line)
                    self._engine.runAndWait()
            except Exception:
                log.exception("speech engine failed")
            finally:
                self._busy.clear()


def open_speaker() -> Speaker:
    """pyttsx3 if it is installed and finds a voice, else silence."""
    try:
        import pyttsx3
    except ImportError:
        log.info("pyttsx3 not installed; read-aloud not available")
        return NullSpeaker()
    speaker = ThreadedSpeaker(pyttsx3.init)
    return speaker if speaker.available else NullSpeaker()
