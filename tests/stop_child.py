"""A real game process for the stop tests: ``python tests/stop_child.py ARGS`` runs
``game.cli.main(ARGS)`` under SDL's dummy drivers, leaves something to save, and prints
``running`` once the frame loop is running with it.

In kiosk mode it starts a visitor's session with the keyboard (so the statistics have an
open session to close and save on the way out) and then sends the window's close
request, Alt+F4 and Esc, which a kiosk must ignore: ``running`` comes after those were
handled. In a window it changes a preference and records a level's result.
"""

from __future__ import annotations

import dataclasses
import os
import sys

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

import pygame

from game import cli
from game.shell.app import App


def key(k: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def main(argv: list[str]) -> int:
    kiosk = "--kiosk" in argv
    real_frame = App.frame
    frames = 0

    def frame(app: App, events: list[pygame.event.Event], dt: float) -> bool:
        nonlocal frames
        frames += 1
        if frames == 1:
            if kiosk:
                pygame.event.post(key(pygame.K_RETURN))  # touch anywhere to start: a session opens
            else:
                app.apply_settings(dataclasses.replace(app.settings, text_size=150))
                app.progress.record(app.content.levels[0].id, 300, 2)
        elif frames == 3 and kiosk:
            for event in (pygame.event.Event(pygame.QUIT), key(pygame.K_F4, pygame.KMOD_ALT), key(pygame.K_ESCAPE)):
                pygame.event.post(event)
        drawn = real_frame(app, events, dt)
        if frames == 5:
            assert app.running and app.top.name != "attract" if kiosk else app.running
            print("running", flush=True)
        return drawn

    App.frame = frame  # type: ignore[method-assign]
    return cli.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
