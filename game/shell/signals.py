"""A clean stop on SIGTERM, SIGINT and SIGHUP, in every mode, kiosk included.

SDL turns SIGTERM and SIGINT into a QUIT event, the same event as the window's close
button, which a kiosk must ignore: ``systemctl stop``, a shutdown or ``kill`` would then
go unheard until systemd killed the game, and the statistics it saves on exit were lost.
So SDL is told to leave signals alone (``SDL_NO_SIGNAL_HANDLERS``, read when the display
starts) and Python's own handlers only note the request; the frame loop checks it once a
frame and leaves the normal way, through the code that saves what is unsaved.

One ``StopSignals`` belongs to one run of the game: no global state.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from types import FrameType, TracebackType
from typing import Any

log = logging.getLogger(__name__)

SDL_HINT = "SDL_NO_SIGNAL_HANDLERS"
# SIGHUP does not exist on Windows; there only SIGINT (Ctrl+C) and SIGBREAK reach a program.
NAMES = ("SIGTERM", "SIGINT", "SIGHUP", "SIGBREAK")


def stop_signals() -> list[signal.Signals]:
    """The stop signals this platform has."""
    return [getattr(signal, name) for name in NAMES if hasattr(signal, name)]


class StopSignals:
    """Notes a stop signal for the frame loop to act on.

    Use it as a context manager around the run, and make it before the display opens
    (``pygame.display.init``), so SDL sees the hint and installs no handlers of its own.
    Leaving the ``with`` block puts the previous handlers back.
    """

    def __init__(self) -> None:
        os.environ[SDL_HINT] = "1"  # SDL reads it at start-up; a later change is not seen
        self.received: signal.Signals | None = None
        self._previous: dict[signal.Signals, Any] = {}

    @property
    def requested(self) -> bool:
        return self.received is not None

    def _note(self, signum: int, frame: FrameType | None) -> None:
        # Runs in the main thread between two bytecodes: only note it; the loop does the rest.
        self.received = signal.Signals(signum)

    def install(self) -> StopSignals:
        if threading.current_thread() is not threading.main_thread():
            log.warning("stop signals not handled: the game was not started from the main thread")
            return self
        for sig in stop_signals():
            self._previous[sig] = signal.signal(sig, self._note)
        return self

    def restore(self) -> None:
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        self._previous.clear()

    def __enter__(self) -> StopSignals:
        return self.install()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.restore()
        if self.received is not None:
            log.info("stopped by %s; what was unsaved is saved", self.received.name)
