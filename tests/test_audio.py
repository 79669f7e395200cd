"""Sound effects: synthesised gently, and silence (not ALSA's complaints) with no device."""

from __future__ import annotations

import pytest

from game.shell import audio
from game.shell.audio import RATE, NullAudio, no_sound_device, synthesise


def test_a_note_starts_softly_and_never_clips() -> None:
    samples = synthesise([(440.0, 0.0, 0.5)])
    assert len(samples) == int(0.5 * RATE)
    assert max(abs(s) for s in samples) <= 12000  # well under 16-bit full scale: never harsh
    assert abs(samples[1]) < 200  # a 10 ms attack, no click at the start
    assert max(abs(s) for s in samples[-50:]) < max(abs(s) for s in samples[: RATE // 10]) / 10  # it fades


def _exists(*present: str):  # type: ignore[no-untyped-def]
    return lambda path: path in present


@pytest.mark.parametrize(
    ("platform", "env", "present", "silent"),
    [
        ("linux", {}, (), True),  # a container or a PC without speakers
        ("linux", {}, ("/dev/snd",), False),
        ("linux", {"XDG_RUNTIME_DIR": "/run/user/1000"}, ("/run/user/1000/pulse/native",), False),
        ("linux", {"XDG_RUNTIME_DIR": "/run/user/1000"}, ("/run/user/1000/pipewire-0",), False),
        ("linux", {"PULSE_SERVER": "tcp:host"}, (), False),
        ("linux", {"SDL_AUDIODRIVER": "dummy"}, (), False),  # the operator chose: let SDL try
        ("win32", {}, (), False),
        ("darwin", {}, (), False),
    ],
)
def test_sound_is_skipped_only_where_there_is_no_device(platform, env, present, silent) -> None:  # type: ignore[no-untyped-def]
    assert no_sound_device(platform, env, _exists(*present)) is silent


def test_no_device_means_silence_without_opening_the_mixer(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the mixer was opened")

    monkeypatch.setattr(audio, "no_sound_device", lambda: True)
    monkeypatch.setattr(audio.pygame.mixer, "init", refuse)
    sound = audio.open_audio()
    assert isinstance(sound, NullAudio) and not sound.available
    sound.play("right")  # nothing happens, nothing raises
    sound.set_volume(0.5, True)


def test_the_tests_run_no_audio_thread(make_app, minimal_content) -> None:  # type: ignore[no-untyped-def]
    """conftest keeps the mixer closed: SDL's audio thread calls back into Python (see there)."""
    app = make_app(minimal_content)
    app.sound("right")
    assert not app.audio.available and not audio.pygame.mixer.get_init()
