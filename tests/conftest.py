"""Shared test setup: no screen, no sound card, and small helpers to drive the game.

SDL reads these variables when pygame initialises, so they are set here, before any
test module imports pygame.
"""

from __future__ import annotations

import gc
import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# IMMUNOQUEST_CONTENT runs the suite against another content file (for example a draft).
SHIPPED = Path(os.environ.get("IMMUNOQUEST_CONTENT", ROOT / "questions.yaml"))
MINIMAL = FIXTURES / "content" / "minimal.yaml"


@pytest.fixture(autouse=True)
def _free_pygame_objects_in_their_own_session():  # type: ignore[no-untyped-def]
    """After each test, free what it made while the pygame session that made it is still
    the current one. Apps, scenes and caches hold each other in cycles, so without this
    the garbage collector frees them at a random later moment: after a later test has
    quit and restarted pygame, or in the middle of another test's frame. Fonts, surfaces
    and sounds belong to the session that made them; pygame does not guard every way of
    freeing one under a later session (classic pygame has no check at all for fonts)."""
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def _no_audio_thread(monkeypatch):  # type: ignore[no-untyped-def]
    """Tests play no sound: ``open_audio`` finds no mixer and the game plays silently.

    Even with SDL's dummy audio driver an open mixer runs SDL's audio thread, which calls
    back into Python (pygame takes the GIL there) each time a sound ends. A 7-day soak
    crashed with a segfault in a thread with no Python frame while the main thread was
    collecting garbage: that thread, the only native one in a test, is what the flaky
    "segfault in flip" most likely was (there the main thread's frame was flip). No test
    needs it: tests/test_audio.py checks the sounds themselves."""
    import pygame

    def no_mixer(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise pygame.error("no audio in the tests")

    monkeypatch.setattr(pygame.mixer, "init", no_mixer)


@pytest.fixture
def shipped_content():  # type: ignore[no-untyped-def]
    from game.core.loader import load_content

    return load_content(SHIPPED)


@pytest.fixture
def minimal_content():  # type: ignore[no-untyped-def]
    from game.core.loader import load_content

    return load_content(MINIMAL)


@pytest.fixture
def make_app(tmp_path):  # type: ignore[no-untyped-def]
    """Build an App on the dummy display.

    ``make_app(content, size=..., data_dir=..., reduced_motion=True, kiosk=True, ...)``:
    keyword arguments that name a ``Settings`` field set it.
    """
    import dataclasses

    import pygame

    from game.core.settings import Settings
    from game.shell.app import App, Options

    def make(content, size=(1280, 720), data_dir=tmp_path, seed=1, speaker_factory=None, translations=None, **fields):  # type: ignore[no-untyped-def]
        # Levels open with the lesson, as they did before the "What do you think?" question;
        # tests/test_before_after.py and the capture tour turn that question on.
        fields.setdefault("before_after", False)
        settings = dataclasses.replace(Settings(), **fields)
        options = Options(
            content=content, data_dir=data_dir, settings=settings, size=size, seed=seed, languages=translations or {}
        )
        return App(options, pygame.display.set_mode(size), speaker_factory=speaker_factory)

    return make
