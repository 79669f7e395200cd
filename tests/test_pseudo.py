"""The pseudo-language: every catalog and content string wrapped in brackets and 40 % longer.

The capture tour visits every screen in it. Any drawn text with letters outside brackets
escaped translation (the test names it and its screen); any text that did not fit its box
even at the smallest size is a layout that would break in a longer language such as Spanish.
And every character of every catalog and content string has a glyph in the fonts in use.
"""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest
from conftest import SHIPPED

from game.core.i18n import GAME_LOCALE_DIR, PseudoTranslator, pseudo
from game.core.languages import Language
from game.core.loader import load_content
from game.core.parallel import map_texts

BRACKETED = re.compile(r"\[[^\[\]]*\]")
NOT_WORDS = {"ImmunoQuest"}  # the game's name is the same in every language


def untranslated(text: str) -> bool:
    """True if ``text`` has letters outside the pseudo-language's brackets."""
    rest = text
    while True:
        stripped = BRACKETED.sub("", rest)
        if stripped == rest:
            break
        rest = stripped
    return any(c.isalpha() for c in rest) and text not in NOT_WORDS


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> dict[str, set[str]]:
    """Every string drawn, by the screen it was drawn on (the top scene's name)."""
    from game.shell.art.sprites import CharacterSheet
    from game.shell.ui import Ui

    seen: dict[str, set[str]] = {}
    screen = {"name": "?"}

    def record(text: str) -> None:
        seen.setdefault(screen["name"], set()).add(text)

    draw_text, block, label = Ui.draw_text, Ui.block, CharacterSheet.label

    def draw_text_spy(self, surface, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        record(text)
        return draw_text(self, surface, text, *args, **kwargs)

    def block_spy(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        record(text)
        return block(self, text, *args, **kwargs)

    def label_spy(self, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        record(text)
        return label(self, text, *args, **kwargs)

    monkeypatch.setattr(Ui, "draw_text", draw_text_spy)
    monkeypatch.setattr(Ui, "block", block_spy)
    monkeypatch.setattr(CharacterSheet, "label", label_spy)
    monkeypatch.setattr(pygame.image, "save", lambda *a, **k: None)  # the pictures are not needed
    seen["__screen__"] = screen  # type: ignore[assignment]
    return seen


def test_every_screen_in_the_pseudo_language_is_translated_and_fits(drawn, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from game.core.settings import Settings
    from game.shell.app import App, Options
    from game.shell.audio import NullAudio
    from game.shell.capture import Tour

    content = load_content(SHIPPED)
    languages = {"qps": Language("qps", PseudoTranslator(), map_texts(content, pseudo))}
    screen = drawn.pop("__screen__")
    overflows: set[str] = set()

    def tour(size: tuple[int, int], **fields: object) -> Tour:
        settings = dataclasses.replace(Settings(), language="qps", **fields)  # type: ignore[arg-type]
        options = Options(content=content, data_dir=None, settings=settings, size=size, seed=7, languages=languages)
        app = App(options, pygame.display.set_mode(size), audio=NullAudio())
        frame = app.frame

        def frame_spy(events, dt):  # type: ignore[no-untyped-def]
            screen["name"] = app.top.name if app.stack else "?"
            return frame(events, dt)

        app.frame = frame_spy  # type: ignore[method-assign]
        real_draw = app.draw

        def draw_spy() -> None:
            screen["name"] = app.top.name if app.stack else "?"
            real_draw()
            overflows.update(app.ui.text.overflows)

        app.draw = draw_spy  # type: ignore[method-assign]
        return Tour(app, tmp_path, "qps")

    tour((1280, 720)).run()
    tour((1280, 720), text_size=200).comfort()
    tour((720, 1280), text_size=200).comfort()
    tour((1280, 720), kiosk=True, operator_pin="0000").kiosk()
    tour((1280, 720)).scenes()
    escaped = sorted(f"{name}: {text!r}" for name, texts in drawn.items() for text in texts if untranslated(text))
    assert escaped == [], "text that escaped translation:\n" + "\n".join(escaped)
    assert sum(len(t) for t in drawn.values()) > 300  # the spy saw the screens
    assert overflows == set(), "text that does not fit, 40 % longer:\n" + "\n".join(sorted(overflows))


def test_untranslated_is_caught() -> None:
    assert untranslated("Next")
    assert untranslated("[Ñéxţ~~] and more")
    assert not untranslated("[Ñéxţ~~]")
    assert not untranslated("[Ļévéļ 1: [Ŵĥàţ~]~~]")
    assert not untranslated("100 %") and not untranslated("1")


def all_texts() -> dict[str, str]:
    """Every catalog msgid and msgstr, and every content text, by where it comes from."""
    from babel.messages.pofile import read_po

    texts: dict[str, str] = {}
    for po in sorted(GAME_LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        with po.open("rb") as f:
            for m in read_po(f):
                for part in (m.id, m.string):
                    for text in part if isinstance(part, tuple) else (part,):
                        if text:
                            texts[text] = str(po.relative_to(GAME_LOCALE_DIR))
    root = SHIPPED.parent
    fixtures = Path(__file__).resolve().parent / "fixtures" / "languages"
    for path in [SHIPPED, *root.glob("questions.*.yaml"), *fixtures.glob("questions*.yaml")]:
        content = load_content(path)
        map_texts(content, lambda t, where=path.name: texts.setdefault(t, where) and t)
    return texts


def has_glyph(font: pygame.font.Font, c: str) -> bool:
    """``Font.metrics`` gives None for a missing glyph on some SDL_ttf versions; on others it
    gives the metrics of the font's "missing" box, so a character that draws exactly like a
    private-use character (which no font we ship has) is missing too."""
    metrics = font.metrics(c)[0]
    if metrics is None:
        return False
    missing = "\ue000"
    if metrics != font.metrics(missing)[0]:
        return True
    draw = lambda text: pygame.image.tobytes(font.render(text, True, (0, 0, 0), (255, 255, 255)), "RGB")  # noqa: E731
    return draw(c) != draw(missing)


def test_the_glyph_check_can_tell_a_missing_glyph() -> None:
    from game.shell.text import TextRenderer

    pygame.font.init()
    font = TextRenderer().font(24)
    assert has_glyph(font, "ñ") and has_glyph(font, "¿")
    assert not has_glyph(font, "漢")


def test_every_character_has_a_glyph_in_the_fonts_in_use() -> None:
    """No tofu boxes: every character of every catalog and content string draws as itself."""
    from game.shell.art.sprites import CharacterSheet
    from game.shell.text import TextRenderer

    pygame.font.init()
    fonts = {
        "text": TextRenderer().font(24),
        "bold text": TextRenderer().font(24, True),
        "scene labels": CharacterSheet().font(24),
    }
    texts = all_texts()
    characters = {c: where for text, where in texts.items() for c in text if not c.isspace()}
    missing = [
        f"{name}: {c!r} (U+{ord(c):04X}, from {where})"
        for name, font in fonts.items()
        for c, where in sorted(characters.items())
        if not has_glyph(font, c)
    ]
    assert missing == []
    assert {"ñ", "á", "¿", "¡", "«", "º"} <= set(characters)  # the Spanish catalog was read
