"""Sound effects, synthesised once at start-up: no sound files, nothing to license.

A soft chime for a right answer, a gentle neutral tone for a miss (never a buzzer),
a quiet click for buttons and a short fanfare for a finished level. With no audio
device the game plays on silently (``NullAudio``); nothing important is said only
by sound.
"""

from __future__ import annotations

import array
import logging
import math
import os
import sys
from collections.abc import Callable, Mapping

import pygame

log = logging.getLogger(__name__)
RATE = 22050

# name -> notes as (frequency Hz, start s, length s)
_SOUNDS: dict[str, list[tuple[float, float, float]]] = {
    "right": [(660.0, 0.0, 0.35), (880.0, 0.12, 0.45)],
    "miss": [(330.0, 0.0, 0.4)],
    "click": [(1200.0, 0.0, 0.03)],
    "fanfare": [(523.0, 0.0, 0.3), (659.0, 0.15, 0.3), (784.0, 0.3, 0.3), (1047.0, 0.45, 0.6)],
}


def synthesise(notes: list[tuple[float, float, float]], rate: int = RATE) -> array.array:
    """Mono 16-bit samples of soft sine notes with a gentle attack and decay."""
    length = max(start + dur for _, start, dur in notes)
    samples = [0.0] * int(length * rate)
    for freq, start, dur in notes:
        first = int(start * rate)
        count = int(dur * rate)
        for i in range(count):
            t = i / rate
            envelope = min(1.0, t / 0.01) * math.exp(-4.0 * t / dur)
            samples[first + i] += 0.3 * envelope * math.sin(2 * math.pi * freq * t)
    peak = max(1e-9, max(abs(s) for s in samples))
    scale = 12000 / max(1.0, peak)
    return array.array("h", (int(s * scale) for s in samples))


class NullAudio:
    """No audio device: every sound is silence."""

    available = False

    def play(self, name: str) -> None:
        pass

    def set_volume(self, volume: float, enabled: bool) -> None:
        pass


class Audio(NullAudio):
    available = True

    def __init__(self, channels: int) -> None:
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        for name, notes in _SOUNDS.items():
            samples = synthesise(notes)
            if channels == 2:
                stereo = array.array("h")
                for s in samples:
                    stereo.extend((s, s))
                samples = stereo
            self._sounds[name] = pygame.mixer.Sound(buffer=samples.tobytes())
        self._enabled = True

    def play(self, name: str) -> None:
        if self._enabled and name in self._sounds:
            self._sounds[name].play()

    def set_volume(self, volume: float, enabled: bool) -> None:
        self._enabled = enabled
        for sound in self._sounds.values():
            sound.set_volume(max(0.0, min(1.0, volume)))


def no_sound_device(
    platform: str = sys.platform,
    env: Mapping[str, str] = os.environ,
    exists: Callable[[str], bool] = os.path.exists,
) -> bool:
    """True on a Linux machine with no sound card and no sound server (a container, a
    kiosk PC without speakers), where SDL's attempt to open ALSA prints a screenful of
    errors before failing. Elsewhere, or if ``SDL_AUDIODRIVER`` chooses a driver, try."""
    if not platform.startswith("linux") or env.get("SDL_AUDIODRIVER") or env.get("PULSE_SERVER"):
        return False
    runtime = env.get("XDG_RUNTIME_DIR", "")
    servers = [os.path.join(runtime, "pulse", "native"), os.path.join(runtime, "pipewire-0")] if runtime else []
    return not any(exists(path) for path in ["/dev/snd", *servers])


def open_audio() -> NullAudio:
    """Real sound if the machine has a device, else silence (said once in the log)."""
    if no_sound_device():
        log.info("no sound card or sound server; playing silently")
        return NullAudio()
    try:
        pygame.mixer.init(frequency=RATE, size=-16, channels=2)
        init = pygame.mixer.get_init()
        if not init:
            raise pygame.error("mixer did not start")
        return Audio(init[2])
    except (pygame.error, OSError, ValueError) as exc:
        log.info("no audio device (%s); playing silently", exc)
        return NullAudio()
