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
# Among a language's voices, the one that suits our readers best: Spanish for the Americas.
PREFERRED_VOICES = {"es": ("es-419", "es-mx", "es-us")}


def voice_tags(voice: Any) -> list[str]:
    """The language tags a pyttsx3 voice says it speaks, lower case with hyphens ("es-419").

    espeak-ng lists languages as bytes with a priority byte first (b"\x05es-419") and ids such
    as "roa/es-419"; SAPI5 and macOS give "es_MX"-style strings or only a name."""
    tags = []
    for entry in getattr(voice, "languages", None) or []:
        text = entry.decode("utf-8", "replace") if isinstance(entry, bytes) else str(entry)
        tags.append(re.sub(r"^[^A-Za-z]+", "", text).lower().replace("_", "-"))
    vid = str(getattr(voice, "id", "") or "")
    tags.append(re.split(r"[/\\]", vid)[-1].lower().replace("_", "-"))
    return [t for t in tags if t]


def pick_voice(voices: list[Any], code: str) -> Any | None:
    """The voice for language ``code`` ("es"), preferring ``PREFERRED_VOICES``; None if none speaks it."""
    speaking = [v for v in voices if any(t == code or t.startswith(code + "-") for t in voice_tags(v))]
    for preferred in PREFERRED_VOICES.get(code, ()):
        for voice in speaking:
            if preferred in voice_tags(voice):
                return voice
    exact = [v for v in speaking if code in voice_tags(v)]
    return (exact or speaking or [None])[0]


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

    def use_language(self, code: str) -> bool:
        """Speak ``code`` from now on; False if no voice speaks it (then say nothing)."""


class NullSpeaker:
    available = False
    busy = False

    def use_language(self, code: str) -> bool:
        return False

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
        self._voices: list[Any] | None = None  # None: the engine cannot list them
        self._wanted_voice: str | None = None  # set by the game; applied on the worker thread
        self._voice_set: str | None = None
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

    def use_language(self, code: str) -> bool:
        if self._voices is None:
            return True  # an engine that lists no voices speaks with its one voice
        voice = pick_voice(self._voices, code)
        if voice is None:
            log.info("no read-aloud voice for language %s", code)
            return False
        self._wanted_voice = str(voice.id)
        return True

    def _work(self, make_engine: Callable[[], Any]) -> None:
        try:
            self._engine = make_engine()
            if hasattr(self._engine, "getProperty"):
                self._voices = list(self._engine.getProperty("voices") or [])
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
                wanted = self._wanted_voice
                if wanted is not None and wanted != self._voice_set:
                    self._engine.setProperty("voice", wanted)
                    self._voice_set = wanted
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
