"""Languages, found by their files alone, and the translator the app hands to every screen.

A language is offered when two files exist:

- a gettext catalog ``<locale>/<lang>/LC_MESSAGES/immunoquest.po`` (the interface text), and
- a content file ``questions.<lang>.yaml`` beside ``questions.yaml`` (lessons and questions).

English needs neither: its interface text is the source text (the msgids) and its content
is ``questions.yaml`` itself. Catalogs are searched in the game's own ``game/locale`` and in a
``locale`` folder beside the content file, so a clinic can add a language next to its
``questions.yaml`` without touching the installed game.

The ``.po`` is read with Babel and compiled in memory at start-up into a standard
``gettext.GNUTranslations`` (plural forms, contexts): there is no compile step to forget and
no ``.mo`` file that could fall out of step with its ``.po``.

Pure: no pygame. No globals: the app owns one ``Translator`` per language and passes the
chosen one to scenes and art; nothing is installed into ``builtins``.
"""

from __future__ import annotations

import gettext
import io
import logging
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.core.errors import FileProblems, Problem
from game.core.strictyaml import display_path

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

log = logging.getLogger(__name__)

DOMAIN = "immunoquest"
SOURCE_LANGUAGE = "en"
GAME_LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
# A language's own name ("English", "Español") is its catalog's translation of the msgid
# "English" in the context "the name of this language, written in this language" (see ``name``).
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


def N_(text: str) -> str:
    """Mark ``text`` for extraction where it is defined; it is translated where it is shown."""
    return text


class Translator:
    """gettext and ngettext for one language, with named placeholders (``{count}``)."""

    def __init__(self, language: str, translations: gettext.NullTranslations | None = None) -> None:
        self.language = language
        self._t = translations or gettext.NullTranslations()

    def gettext(self, message: str, **names: object) -> str:
        text = self._t.gettext(message)
        return text.format(**names) if names else text

    def ngettext(self, singular: str, plural: str, n: int, **names: object) -> str:
        text = self._t.ngettext(singular, plural, n)
        return text.format(**names) if names else text

    def pgettext(self, context: str, message: str) -> str:
        return self._t.pgettext(context, message)

    @property
    def name(self) -> str:
        """The language's own name, as its catalog writes it ("English", "Español")."""
        # TRANSLATORS: write the name of your language in your language: Español, Français.
        return self.pgettext("the name of this language, written in this language", "English")

    def wrap(self, text: str) -> str:
        """Content text as this language shows it (only the pseudo-language changes it)."""
        return text


def read_catalog(path: Path, language: str) -> Translator:
    """The catalog in ``path`` (a ``.po`` file), compiled in memory; raises ValueError if unreadable."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    try:
        with path.open("rb") as f:
            catalog = read_po(f, locale=language, domain=DOMAIN, abort_invalid=True)
    except (OSError, PoFileError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read the catalog: {exc}") from exc
    problems = placeholder_problems(catalog, display_path(path))
    if problems:
        raise FileProblems(problems)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # fuzzy entries are left out, as msgfmt does
    buffer.seek(0)
    return Translator(language, gettext.GNUTranslations(buffer))


def _placeholders(text: str) -> set[str] | None:
    """The ``{names}`` in ``text``; None if its braces do not parse (a stray ``{``)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def placeholder_problems(catalog: Catalog, shown_path: str) -> list[Problem]:
    """Translations whose ``{placeholders}`` the game could not fill: a typo such as
    ``{cuenta}`` for ``{count}`` would otherwise fail on the screen that shows it."""
    problems: list[Problem] = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple | list) else (message.id,)
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        allowed: set[str] = set()
        for text in ids:
            allowed |= _placeholders(text) or set()
        for text in strings:
            found = _placeholders(text)
            if found is None:
                what = "a { or } that is not part of a {name}: write {{ or }} for a brace"
            elif not found <= allowed:
                unknown = ", ".join("{" + name + "}" for name in sorted(found - allowed))
                known = ", ".join("{" + name + "}" for name in sorted(allowed)) or "none"
                what = f"{unknown} is not a placeholder of the English text (it has: {known})"
            else:
                continue
            problems.append(Problem(shown_path, message.lineno, f'msgid "{ids[0]}": {what}'))
    return problems


# --- the pseudo-language, for tests: every string visibly translated, and 40 % longer -------

_ACCENTED = str.maketrans(
    "aceinorsuyACEINORSUY",
    "àçéîñöŕšûýÀÇÉÎÑÖŔŠÛÝ",
)
_PLACEHOLDER = re.compile(r"(\{[a-z_]+\})")
PSEUDO_OPEN, PSEUDO_CLOSE = "[", "]"


def pseudo(text: str) -> str:
    """``text`` accented, lengthened by about 40 % and wrapped in brackets; placeholders kept."""
    if not text.strip():
        return text
    parts = _PLACEHOLDER.split(text)
    body = "".join(part if _PLACEHOLDER.fullmatch(part) else part.translate(_ACCENTED) for part in parts)
    letters = sum(1 for c in text if c.isalpha())
    padding = "~" * max(1, round(letters * 0.4))
    return "\n".join(f"{PSEUDO_OPEN}{line}{padding}{PSEUDO_CLOSE}" for line in body.split("\n"))


class PseudoTranslator(Translator):
    """Every message and every content string through ``pseudo``: text that escaped
    translation shows without brackets, and a layout that breaks when text grows, breaks."""

    def __init__(self) -> None:
        super().__init__("qps")

    def gettext(self, message: str, **names: object) -> str:
        text = pseudo(message)
        return text.format(**names) if names else text

    def ngettext(self, singular: str, plural: str, n: int, **names: object) -> str:
        text = pseudo(singular if n == 1 else plural)
        return text.format(**names) if names else text

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)

    def wrap(self, text: str) -> str:
        return pseudo(text)


# --- finding languages by their files ------------------------------------------------------


@dataclass(frozen=True)
class LanguageFiles:
    """Where one language's two files are (English: the source text and questions.yaml)."""

    code: str
    content: Path
    catalog: Path | None  # None: the source language, which needs no catalog


def catalog_path(locale_dir: Path, code: str) -> Path:
    return locale_dir / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def content_path_for(content: Path, code: str) -> Path:
    """``questions.yaml`` -> ``questions.es.yaml`` beside it."""
    if code == SOURCE_LANGUAGE:
        return content
    return content.with_name(f"{content.stem}.{code}{content.suffix}")


def locale_dirs(content: Path) -> tuple[Path, ...]:
    """Where catalogs are looked for: the game's own, then a ``locale`` folder beside the content."""
    beside = content.resolve().parent / "locale"
    return (GAME_LOCALE_DIR,) if beside == GAME_LOCALE_DIR.resolve() else (GAME_LOCALE_DIR, beside)


def find_languages(content: Path, search: Iterable[Path] | None = None) -> dict[str, LanguageFiles]:
    """Every language with both its files, English first, then by code.

    A catalog without its content file (or the reverse) is logged and left out: the game
    never mixes a translated interface with English lessons.
    """
    catalogs: dict[str, Path] = {}
    for folder in search if search is not None else locale_dirs(content):
        if not folder.is_dir():
            continue
        for child in sorted(folder.iterdir()):
            if LANGUAGE_CODE.match(child.name) and catalog_path(folder, child.name).is_file():
                catalogs.setdefault(child.name, catalog_path(folder, child.name))
    contents = {
        match.group(1): path
        for path in sorted(content.parent.glob(f"{content.stem}.*{content.suffix}"))
        if (match := re.fullmatch(rf"{re.escape(content.stem)}\.([^.]+){re.escape(content.suffix)}", path.name))
        and LANGUAGE_CODE.match(match.group(1))
    }
    # English's catalog is optional: its msgids are the English text (a catalog may reword them).
    found = {SOURCE_LANGUAGE: LanguageFiles(SOURCE_LANGUAGE, content, catalogs.get(SOURCE_LANGUAGE))}
    for code in sorted(set(catalogs) | set(contents)):
        if code == SOURCE_LANGUAGE:
            continue
        if code not in contents:
            log.warning("language %s has a catalog but no %s; it is not offered", code, content_path_for(content, code))
        elif code not in catalogs:
            log.warning("language %s has %s but no catalog %s.po; it is not offered", code, contents[code].name, DOMAIN)
        else:
            found[code] = LanguageFiles(code, contents[code], catalogs[code])
    return found


def load_translator(files: LanguageFiles) -> Translator:
    if files.catalog is None:
        return Translator(files.code)
    return read_catalog(files.catalog, files.code)


def names_in_their_own_language(translators: Mapping[str, Translator]) -> dict[str, str]:
    return {code: t.name for code, t in translators.items()}
