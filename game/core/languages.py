"""The languages this run of the game offers: each one's translator and content, checked.

``load_languages`` finds languages by their files (``game.core.i18n.find_languages``), reads
each catalog and each translated content file, and checks the translation is parallel to
the English file (``game.core.parallel``). A language with any problem is left out and its
problems are returned, each as ``file:line``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.core.content import Content
from game.core.errors import FileProblems, Problem
from game.core.i18n import SOURCE_LANGUAGE, LanguageFiles, Translator, find_languages, load_translator
from game.core.parallel import load_translation
from game.core.strictyaml import display_path


@dataclass(frozen=True)
class Language:
    """One offered language: its interface text and its lessons and questions."""

    code: str
    translator: Translator
    content: Content

    @property
    def name(self) -> str:
        """The language's own name: "English", "Español"."""
        return self.translator.name


def english_only(content: Content) -> dict[str, Language]:
    return {SOURCE_LANGUAGE: Language(SOURCE_LANGUAGE, Translator(SOURCE_LANGUAGE), content)}


def load_languages(
    content_path: Path, english: Content, search: list[Path] | None = None
) -> tuple[dict[str, Language], list[Problem]]:
    """Every language whose two files are right, English first; and the problems of the rest."""
    languages = english_only(english)
    problems: list[Problem] = []
    for code, files in find_languages(content_path, search).items():
        if code == SOURCE_LANGUAGE:
            try:
                languages[code] = Language(code, load_translator(files), english)
            except ValueError as exc:
                problems.append(Problem(display_path(files.catalog or files.content), None, str(exc)))
            except FileProblems as rejected:
                problems += rejected.problems
            continue
        language, found = load_language(files, english)
        problems += found
        if language is not None:
            languages[code] = language
    return languages, problems


def load_language(files: LanguageFiles, english: Content) -> tuple[Language | None, list[Problem]]:
    problems: list[Problem] = []
    translator: Translator | None = None
    content: Content | None = None
    try:
        translator = load_translator(files)
    except ValueError as exc:
        problems.append(Problem(display_path(files.catalog or files.content), None, str(exc)))
    except FileProblems as found:
        problems += found.problems
    if translator is not None and translator.name == "English" and files.code != SOURCE_LANGUAGE:
        problems.append(
            Problem(
                display_path(files.catalog or files.content),
                None,
                'the catalog does not name its language: translate the msgid "English" '
                '(msgctxt "the name of this language, written in this language") with the name in that language',
            )
        )
    try:
        content = load_translation(english, files.content)
    except FileProblems as found:
        problems += found.problems
    if problems or translator is None or content is None:
        return None, problems
    return Language(files.code, translator, content), []
