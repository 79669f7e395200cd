"""Languages: catalogs, translated content kept parallel to English, choosing a language, and a
third language added by files alone.

The fixture folder ``tests/fixtures/languages`` holds a tiny ``questions.yaml`` with Spanish and
French counterparts; French brings its own catalog in ``locale/``, Spanish uses the game's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SHIPPED

from game.core.i18n import GAME_LOCALE_DIR, Translator, find_languages, pseudo, read_catalog
from game.core.languages import load_languages
from game.core.loader import load_content

ROOT = Path(__file__).resolve().parent.parent
LANGS = Path(__file__).resolve().parent / "fixtures" / "languages"
ES_PO = GAME_LOCALE_DIR / "es" / "LC_MESSAGES" / "immunoquest.po"
POT = GAME_LOCALE_DIR / "immunoquest.pot"


def run_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "run.py"), "--check", str(path)], capture_output=True, text=True, cwd=ROOT
    )


@pytest.fixture
def langs(tmp_path: Path) -> Path:
    """A copy of the language fixtures that a test may break."""
    folder = tmp_path / "content"
    shutil.copytree(LANGS, folder)
    return folder


@pytest.fixture(autouse=True)
def keep_root_logging():  # type: ignore[no-untyped-def]
    """``main`` sets up logging handlers; take them away again so later tests log normally."""
    import logging

    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def fixture_languages():  # type: ignore[no-untyped-def]
    english = load_content(LANGS / "questions.yaml")
    languages, problems = load_languages(LANGS / "questions.yaml", english)
    assert problems == []
    return english, languages


# --- catalogs ---------------------------------------------------------------------------


def test_spanish_catalog_translates_with_plurals_and_named_placeholders() -> None:
    es = read_catalog(ES_PO, "es")
    assert es.name == "Español"
    assert es.gettext("Next") == "Siguiente"
    assert es.gettext("Level {number}: {title}", number=3, title="X") == "Nivel 3: X"
    assert es.ngettext("{count} second", "{count} seconds", 1, count=1) == "1 segundo"
    assert es.ngettext("{count} second", "{count} seconds", 30, count=30) == "30 segundos"
    assert Translator("en").name == "English"


def test_every_msgid_in_the_code_is_in_the_template_and_translated_in_spanish() -> None:
    """A string added to the code without re-extracting (or without a Spanish translation) fails here."""
    from babel.messages.extract import extract_from_dir
    from babel.messages.pofile import read_po

    in_code = {
        (context, message if isinstance(message, str) else message[0])
        for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT / "game"), method_map=[("**.py", "python")]
        )
    }
    with POT.open("rb") as f:
        template = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(f) if m.id}
    assert in_code - template == set(), "run pybabel extract (README, Languages)"
    with ES_PO.open("rb") as f:
        spanish = read_po(f)
    untranslated = [
        m.id for m in spanish if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    assert untranslated == []
    missing = template - {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in spanish if m.id}
    assert missing == set(), "run pybabel update (README, Languages)"


def test_spanish_feedback_never_says_incorrect() -> None:
    text = ES_PO.read_text(encoding="utf-8").lower()
    assert "incorrect" not in text
    assert 'msgstr "no exactamente"' in text


def test_spanish_catalog_addresses_the_reader_as_usted() -> None:
    text = ES_PO.read_text(encoding="utf-8")
    for informal in (" tú ", " tu ", "Toca ", "Elige ", "Presiona ", "Pulsa ", "tienes", "puedes"):
        assert informal not in text, informal


def test_a_catalog_without_its_content_file_is_not_offered(langs: Path) -> None:
    (langs / "questions.es.yaml").unlink()
    found = find_languages(langs / "questions.yaml")
    assert list(found) == ["en", "fr"]  # Spanish has a catalog (the game's) but no content file


# --- translated content must be parallel to English --------------------------------------


def test_check_prints_one_ok_line_per_language() -> None:
    done = run_check(LANGS / "questions.yaml")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == ["en (English)", "es (Español)", "fr (Français)"]
    assert all(line.startswith("OK: ") for line in lines)


BREAKAGES = {
    # name: (text to find in questions.es.yaml, its replacement, line of the problem, words in the message)
    "missing question": (
        "      - question: wi-2\n        kind: truefalse\n"
        "        prompt: La inmunoterapia funciona igual que la quimioterapia.\n"
        "        answer: false\n        explain: La quimioterapia mata las células cancerosas. "
        "La inmunoterapia ayuda a su cuerpo a hacerlo.\n        source: what-is\n",
        "",
        15,
        'step "wi-2" is missing',
    ),
    "extra question": (
        "      - question: wi-3\n",
        "      - question: wi-9\n        kind: truefalse\n        prompt: Una pregunta de más.\n        answer: true\n"
        "        explain: No está en el archivo en inglés.\n        source: what-is\n      - question: wi-3\n",
        31,
        'step "wi-9" is not in the English file',
    ),
    "swapped answer": (
        "        choices: [Su sistema inmunitario, Su cabello, Su vista]",
        "        choices: [Su cabello, Su sistema inmunitario, Su vista]",
        22,
        'question "wi-1": the answer is choice 2; in the English file it is choice 1',
    ),
    "fewer order items": (
        "        items: [Evaluación, Pruebas, Infusión, Controles]",
        "        items: [Evaluación, Infusión, Controles]",
        34,
        'question "wi-3": 3 items; the English file has 4',
    ),
    "out of step": (
        "question: wi-2|question: wi-3|question: wi-X",
        "question: wi-X|question: wi-2|question: wi-3",
        25,
        'step "wi-3" is out of step: the English file has "wi-2" in its place',
    ),
    "truth flipped": (
        "        answer: false\n        explain: La quimio",
        "        answer: true\n        explain: La quimio",
        28,
        'question "wi-2": the answer is true; the English file says false',
    ),
}


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_a_translation_out_of_step_with_english_exits_2_with_file_and_line(langs: Path, name: str) -> None:
    find, replace, line, words = BREAKAGES[name]
    path = langs / "questions.es.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in zip(find.split("|"), replace.split("|")):  # "a|b": a then b, for swaps
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    done = run_check(langs / "questions.yaml")
    assert done.returncode == 2
    assert f"questions.es.yaml:{line}: {words}" in done.stderr, done.stderr
    assert "OK: fr" in done.stdout  # the other languages are still checked


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ('msgstr[1] "{cuenta} secondes"', "{cuenta} is not a placeholder of the English text (it has: {count})"),
        ('msgstr[1] "{count secondes"', "a { or } that is not part of a {name}"),
    ],
)
def test_a_catalog_placeholder_the_game_cannot_fill_exits_2_with_file_and_line(
    langs: Path, bad: str, words: str
) -> None:
    # A translator's typo in a {placeholder} would otherwise fail on the screen that shows it.
    path = langs / "locale" / "fr" / "LC_MESSAGES" / "immunoquest.po"
    text = path.read_text(encoding="utf-8")
    assert 'msgstr[1] "{count} secondes"' in text
    path.write_text(text.replace('msgstr[1] "{count} secondes"', bad), encoding="utf-8")
    done = run_check(langs / "questions.yaml")
    assert done.returncode == 2
    assert f'immunoquest.po:27: msgid "{{count}} second": {words}' in done.stderr, done.stderr
    assert "OK: es" in done.stdout  # the other languages are still checked


def test_a_missing_glossary_is_reported(langs: Path) -> None:
    path = langs / "questions.fr.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("glossary:"), text.index("levels:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    done = run_check(langs / "questions.yaml")
    assert done.returncode == 2
    assert "questions.fr.yaml: the glossary is missing" in done.stderr


def test_the_game_will_not_start_on_a_broken_translation_but_a_kiosk_leaves_it_out(langs: Path, tmp_path: Path) -> None:
    path = langs / "questions.es.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("question: wi-3", "question: wi-4"), encoding="utf-8")
    from game.cli import main

    assert main(["--content", str(langs / "questions.yaml"), "--data-dir", str(tmp_path), "--language", "es"]) == 2


def test_language_option_must_name_a_language_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    assert main(["--content", str(LANGS / "questions.yaml"), "--data-dir", str(tmp_path), "--language", "de"]) == 2
    assert "the languages found are: en, es, fr" in capsys.readouterr().err


def test_settings_file_language_must_be_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from game.cli import main

    settings = tmp_path / "settings.yaml"
    settings.write_text("language: es\nlanguages: [en, es, de]\n", encoding="utf-8")
    args = ["--content", str(LANGS / "questions.yaml"), "--data-dir", str(tmp_path), "--settings", str(settings)]
    assert main([*args, "--capture", str(tmp_path / "shots")]) == 2
    assert "settings.yaml:2: languages: there is no language 'de'" in capsys.readouterr().err


# --- choosing a language, and playing in it ----------------------------------------------


def press(app, name: str) -> None:  # type: ignore[no-untyped-def]
    app.top.find(name).on_press()
    app.frame([], 0.05)


def test_title_offers_each_other_language_named_in_itself_and_switches(make_app) -> None:  # type: ignore[no-untyped-def]
    english, languages = fixture_languages()
    app = make_app(english, translations=languages)
    app.home()
    labels = {b.name: b.label for b in app.top.buttons}
    assert labels["language-es"] == "Español" and labels["language-fr"] == "Français"
    assert "language-en" not in labels
    press(app, "language-es")
    labels = {b.name: b.label for b in app.top.buttons}
    assert labels["start"] == "Empezar" and labels["language-en"] == "English"
    assert app.content.levels[0].title == "¿Qué es la inmunoterapia?"
    # remembered outside kiosk mode
    fresh = make_app(english, translations=languages)
    assert fresh.language == "es"


def test_a_third_language_by_files_alone_is_offered_and_played(make_app) -> None:  # type: ignore[no-untyped-def]
    """French: questions.fr.yaml and locale/fr/.../immunoquest.po, and no code change."""
    english, languages = fixture_languages()
    app = make_app(english, translations=languages, language="fr")
    app.home()
    assert app.top.find("start").label == "Commencer"
    press(app, "start")
    press(app, "what-is-immunotherapy")
    assert app.top.name == "lesson" and app.top.lesson.caption.startswith("Votre corps")
    while app.top.showing_me:  # the hands-on moment, by keyboard
        press(app, "next")
    assert app.top.find("next").label == "Suivant"
    for _ in range(30):  # the hands-on moment by keyboard, then on through the questions
        if app.top.name == "results":
            break
        scene = app.top
        if scene.name.startswith("question"):
            q = scene.asked.question
            if q.kind == "choice":
                press(app, f"option-{scene.asked.options.index(q.answer) + 1}")
            elif q.kind == "truefalse":
                press(app, f"option-{scene.asked.options.index('True' if q.truth else 'False') + 1}")
            else:
                for item in q.items:
                    press(app, f"option-{scene.asked.options.index(item) + 1}")
                press(app, "check")
            assert app.top.name == "feedback" and app.top._("Right!") == "Bravo !"
        press(app, "next")
    assert app.top.name == "results"
    assert app.faults == []


def test_spanish_plays_a_level_by_keyboard_with_spanish_words(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.shell.actions import Act, Action

    english, languages = fixture_languages()
    app = make_app(english, translations=languages, language="es")
    app.home()
    seen: set[str] = set()
    for _ in range(200):
        if app.top.name == "results":
            break
        scene = app.top
        seen |= {b.label for b in scene.buttons}
        if scene.name == "question-truefalse":
            assert [b.label for b in scene.option_buttons] == ["Verdadero", "Falso"]
            app.act(Action(Act.CHOOSE, number=1))  # "Verdadero": wrong for wi-2
            assert app.top.name == "feedback"
            assert app.top.answer_text == "La respuesta: Falso"
            assert app.top.chosen_text == "Usted eligió: Verdadero"
        elif scene.name == "question-choice":
            q = scene.asked.question
            app.act(Action(Act.CHOOSE, number=scene.asked.options.index(q.answer) + 1))
        elif scene.name == "question-order":
            for item in scene.asked.question.items:
                app.act(Action(Act.CHOOSE, number=scene.asked.options.index(item) + 1))
            app.act(Action(Act.SELECT))
        else:
            app.act(Action(Act.SELECT))
        app.frame([], 0.05)
    assert app.top.name == "results"
    assert {"Siguiente", "Pausa", "Empezar", "Muéstreme"} <= seen
    assert "Comprobar" in seen
    assert app.faults == []


def test_settings_has_a_language_row_that_switches_every_word(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.shell.scenes.settings import SettingsScene

    english, languages = fixture_languages()
    app = make_app(english, translations=languages)
    app.home()
    app.push(SettingsScene(app))
    assert app.top.find("language").value == "English"
    press(app, "language")
    assert app.language == "es"
    assert app.top.name == "settings" and app.top.find("language").value == "Español"
    assert app.top.find("done").label == "Listo"
    press(app, "done")
    assert app.top.name == "title" and app.top.find("start").label == "Empezar"


def test_a_kiosk_visitor_chooses_on_the_attract_loop_and_the_reset_returns_to_the_default(make_app) -> None:  # type: ignore[no-untyped-def]
    from game.shell.actions import Act, Action

    english, languages = fixture_languages()
    app = make_app(english, translations=languages, kiosk=True, data_dir=None)  # every language found
    app.home()
    attract = app.top
    assert attract.name == "attract"
    words = set()
    for _ in range(3):
        words.add(attract.invitation)
        for _ in range(41):  # a little over 4 s
            app.frame([], 0.1)
    assert words == {"Touch anywhere to start", "Toque la pantalla para empezar", "Touchez l'écran pour commencer"}
    button = attract.find("language-es")
    assert button.label == "Español"
    app.act(Action(Act.POINTER_DOWN, pos=button.rect.center))
    app.act(Action(Act.POINTER_UP, pos=button.rect.center))
    assert app.top.name == "title" and app.language == "es"
    assert app.top.find("start").label == "Empezar"
    app.reset_session()
    assert app.language == "en" and app.top.name == "attract"
    assert app.stats.stats.languages == {"es": 1}


def test_kiosk_offers_the_languages_the_settings_file_names(make_app) -> None:  # type: ignore[no-untyped-def]
    english, languages = fixture_languages()
    app = make_app(english, translations=languages, kiosk=True, data_dir=None, languages=("es", "en"), language="es")
    app.home()
    assert [b.name for b in app.top.buttons] == ["language-es", "language-en"]
    assert app.language == "es"


# --- pseudo-language -----------------------------------------------------------------------


def test_pseudo_wraps_lengthens_and_keeps_placeholders() -> None:
    text = pseudo("Level {number}: {title}")
    assert text.startswith("[") and text.endswith("]")
    assert "{number}" in text and "{title}" in text
    assert len(pseudo("Touch anywhere to start")) >= 1.3 * len("Touch anywhere to start")
    assert pseudo("a\nb").count("[") == 2  # each line wrapped, so wrapped text still shows its brackets


# --- the shipped Spanish content (questions.es.yaml beside questions.yaml), when it is there ---


@pytest.mark.parametrize("way", ["keyboard", "mouse", "touch"])
def test_every_level_plays_in_spanish_with_read_aloud(way: str, make_app) -> None:  # type: ignore[no-untyped-def]
    from driver import Driver

    english = load_content(SHIPPED)
    languages, problems = load_languages(SHIPPED, english)
    assert problems == [] and "es" in languages
    spoken: list[str] = []

    class Speaker:
        available, busy = True, False

        def say(self, lines: list[str]) -> None:
            spoken.extend(lines)

        def stop(self) -> None:
            pass

        def close(self) -> None:
            pass

        def use_language(self, code: str) -> bool:
            return code == "es"

    app = make_app(english, translations=languages, language="es", read_aloud=True, speaker_factory=Speaker)
    app.home()
    driver = Driver(app, way)
    for n, _level in enumerate(app.content.levels, start=1):
        driver.press(app.top.find("start") if app.top.name == "title" else app.top.find("levels"))
        card = app.top.cards[n - 1]  # type: ignore[attr-defined]
        if way != "keyboard":  # a finger or a mouse turns the pages of cards to reach it
            while card not in app.top.buttons:
                driver.press(app.top.find("next-page"))
        driver.press(card, n)
        driver.play_level("all")
        assert app.top.name == "results" and app.top.result.stars == 3  # type: ignore[attr-defined]
    assert app.faults == []
    assert "¡Correcto!" in spoken and any("inmun" in line for line in spoken)


def test_a_spanish_wrong_choice_is_counted_as_the_english_choice_for_the_staff_report(make_app) -> None:  # type: ignore[no-untyped-def]
    english, languages = fixture_languages()
    app = make_app(english, translations=languages, language="es")
    app.home()
    press(app, "start")
    press(app, "what-is-immunotherapy")
    while app.top.name == "lesson":
        press(app, "next")
    assert app.top.name == "question-choice"
    wrong = app.top.asked.options.index("Su cabello") + 1
    press(app, f"option-{wrong}")
    assert app.stats.stats.questions["wi-1"].wrong == {"Your hair": 1}


def test_spanish_interface_sentences_are_easy_to_read() -> None:
    """INFLESZ (Szigriszt-Pazos, textstat 0.7.8): no message of 10 or more words below 55."""
    import re

    textstat = pytest.importorskip("textstat")
    from babel.messages.pofile import read_po

    textstat.set_lang("es")
    with ES_PO.open("rb") as f:
        catalog = read_po(f)
    hard = []
    for message in catalog:
        if not message.id:
            continue
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            plain = re.sub(r"\{\w+\}", "5", text)
            if len(plain.split()) >= 10 and textstat.szigriszt_pazos(plain) < 55:
                hard.append(text)
    assert hard == []
