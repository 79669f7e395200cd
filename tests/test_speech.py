"""Read-aloud, with a fake engine: what would be said, in order, and that it stops."""

from __future__ import annotations

import time
from collections.abc import Callable

from driver import Driver

from game.shell.scenes.level import LevelPlay
from game.shell.speech import NullSpeaker, ThreadedSpeaker, sentences


class FakeSpeaker:
    """Records what the game asks to say; 'speaks' each line for ``seconds_per_line``."""

    available = True

    def __init__(self, seconds_per_line: float = 0.0) -> None:
        self.said: list[list[str]] = []
        self.stops = 0
        self.seconds_per_line = seconds_per_line
        self.clock: Callable[[], float] = lambda: 0.0
        self.started = 0.0

    def say(self, lines: list[str]) -> None:
        self.said.append([line for line in lines if line])
        self.started = self.clock()

    def stop(self) -> None:
        self.stops += 1
        self.started = -1e9

    @property
    def busy(self) -> bool:
        if not self.said:
            return False
        return self.clock() - self.started < self.seconds_per_line * len(self.said[-1])

    def close(self) -> None:
        pass

    def use_language(self, code: str) -> bool:
        self.language = code
        return code in self.voices

    voices = ("en", "es")


def test_lesson_question_and_feedback_are_spoken_in_order(shipped_content, make_app):  # type: ignore[no-untyped-def]
    speaker = FakeSpeaker()
    app = make_app(shipped_content, read_aloud=True, speaker_factory=lambda: speaker)
    level = shipped_content.levels[0]
    play = LevelPlay(app, level)
    play.begin()
    assert speaker.said[0][0] == level.steps[0].caption
    driver = Driver(app, "mouse")
    while not app.top.name.startswith("question"):
        driver.press(app.top.find("next"))
    asked = app.top.asked  # type: ignore[attr-defined]
    question_said = speaker.said[-1]
    assert question_said[0] == asked.question.prompt
    if asked.question.kind != "match":
        assert [line.split(": ", 1)[1].rstrip(".") for line in question_said[1:]] == list(asked.options)
    driver.answer(app.top, asked, True)
    assert speaker.said[-1][0] == "Right!"
    assert speaker.said[-1][-1] == asked.question.explain


def test_after_a_miss_what_the_player_chose_is_spoken_before_the_answer(shipped_content, make_app):  # type: ignore[no-untyped-def]
    speaker = FakeSpeaker()
    app = make_app(shipped_content, read_aloud=True, speaker_factory=lambda: speaker)
    LevelPlay(app, shipped_content.levels[0]).begin()
    driver = Driver(app, "mouse")
    while not app.top.name.startswith("question"):
        driver.press(app.top.find("next"))
    asked = app.top.asked  # type: ignore[attr-defined]
    driver.answer(app.top, asked, False)
    said = speaker.said[-1]
    assert said[0] == "Not quite."
    assert said[1].startswith(("You chose: ", "Your order: ", "Your pairs: "))
    assert said[2].startswith("The answer: ")


def test_nothing_is_spoken_when_read_aloud_is_off(shipped_content, make_app):  # type: ignore[no-untyped-def]
    speaker = FakeSpeaker()
    app = make_app(shipped_content, read_aloud=False, speaker_factory=lambda: speaker)
    LevelPlay(app, shipped_content.levels[0]).begin()
    assert speaker.said == []


def test_moving_on_drops_the_rest_of_what_was_being_said() -> None:
    said: list[str] = []

    class Engine:
        def say(self, line: str) -> None:
            said.append(line)

        def runAndWait(self) -> None:
            time.sleep(0.2)

    speaker = ThreadedSpeaker(Engine)
    speaker.say(["One. Two.", "Three."])
    time.sleep(0.05)
    speaker.say(["Next screen."])
    time.sleep(0.6)
    speaker.close()
    assert said[0] == "One."
    assert "Two." not in said and "Three." not in said  # the rest of the old screen was dropped
    assert said[-1] == "Next screen."


def test_the_game_never_asks_the_engine_to_stop_from_its_own_thread() -> None:
    """espeak-ng's cancel blocked forever with no sound device and froze the game."""
    import threading

    class Engine:
        def say(self, line: str) -> None:
            pass

        def runAndWait(self) -> None:
            time.sleep(0.3)

        def stop(self) -> None:
            threading.Event().wait()  # what espeak-ng did: never return

    speaker = ThreadedSpeaker(Engine)
    speaker.say(["A long caption being read."])
    time.sleep(0.05)
    moved_on = threading.Thread(target=lambda: (speaker.say(["The next screen."]), speaker.stop()), daemon=True)
    moved_on.start()
    moved_on.join(timeout=5)
    assert not moved_on.is_alive(), "say/stop waited on the engine"
    speaker.close()


def test_sentences_split_at_full_stops_questions_and_exclamations() -> None:
    assert sentences(["Right! Well done.", "", "Is it true? Yes."]) == ["Right!", "Well done.", "Is it true?", "Yes."]


def test_a_broken_engine_means_not_available_and_no_crash() -> None:
    def broken() -> None:
        raise RuntimeError("no espeak")

    speaker = ThreadedSpeaker(broken)
    assert not speaker.available
    speaker.say(["hello"])  # nothing happens, nothing raises
    assert not NullSpeaker().busy


def test_settings_say_when_read_aloud_is_not_available(shipped_content, make_app, monkeypatch):  # type: ignore[no-untyped-def]
    from game.shell.scenes import settings as settings_scene
    from game.shell.scenes.settings import SettingsScene

    monkeypatch.setattr(settings_scene, "speech_installed", lambda: False)
    app = make_app(shipped_content)
    app.home()
    app.push(SettingsScene(app))
    button = app.top.find("read-aloud")
    assert button.label.endswith("not available on this computer")
    button.on_press()
    assert not app.settings.read_aloud


class FakeVoice:
    def __init__(self, vid: str, languages: list[object]) -> None:
        self.id, self.name, self.languages = vid, vid, languages


ESPEAK_LIKE = [
    FakeVoice("gmw/en", [b"\x05en-gb"]),
    FakeVoice("roa/es", ["es"]),
    FakeVoice("roa/es-419", ["es-419"]),
    FakeVoice("roa/fr", ["fr"]),
]


def test_a_voice_is_picked_by_its_language_latin_american_spanish_first() -> None:
    from game.shell.speech import pick_voice

    assert pick_voice(ESPEAK_LIKE, "es").id == "roa/es-419"
    assert pick_voice(ESPEAK_LIKE, "en").id == "gmw/en"
    assert pick_voice(ESPEAK_LIKE, "fr").id == "roa/fr"
    assert pick_voice(ESPEAK_LIKE, "de") is None
    sapi_like = [FakeVoice(r"HKEY\Voices\TTS_MS_ES-MX_SABINA_11.0", [])]
    assert pick_voice(sapi_like, "en") is None


def test_the_speaker_switches_to_the_languages_voice_on_its_own_thread() -> None:
    spoken: list[tuple[str | None, str]] = []

    class Engine:
        voice: str | None = None

        def getProperty(self, name: str) -> object:
            return ESPEAK_LIKE if name == "voices" else self.voice

        def setProperty(self, name: str, value: str) -> None:
            self.voice = value

        def say(self, line: str) -> None:
            spoken.append((self.voice, line))

        def runAndWait(self) -> None:
            pass

    speaker = ThreadedSpeaker(Engine)
    assert speaker.use_language("es")
    speaker.say(["Hola."])
    assert not speaker.use_language("de")  # no German voice: the game says so, and says nothing
    for _ in range(200):
        if spoken:
            break
        time.sleep(0.01)
    speaker.close()
    assert spoken == [("roa/es-419", "Hola.")]


def test_with_no_voice_for_the_language_settings_say_so_in_it_and_nothing_is_read(make_app) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from game.core.languages import load_languages
    from game.core.loader import load_content
    from game.shell.scenes.settings import SettingsScene

    langs = Path(__file__).resolve().parent / "fixtures" / "languages" / "questions.yaml"
    english = load_content(langs)
    languages, _ = load_languages(langs, english)
    speaker = FakeSpeaker()
    speaker.voices = ("en",)  # an English voice only
    app = make_app(english, translations=languages, language="es", read_aloud=True, speaker_factory=lambda: speaker)
    app.home()
    app.push(SettingsScene(app))
    assert app.top.find("read-aloud").label == "Leer en voz alta: no hay voz en español en esta computadora"
    app.top.find("done").on_press()
    app.top.find("start").on_press()
    app.top.find("what-is-immunotherapy").on_press()
    assert app.top.name == "lesson"
    assert speaker.said == []  # never Spanish read with an English voice
    app.choose_language("en")
    app.speak(["Hello."])
    assert speaker.said == [["Hello."]]
