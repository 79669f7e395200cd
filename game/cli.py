"""The command line: parse arguments, then hand over to one function per mode."""

from __future__ import annotations

import argparse
import dataclasses
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from game.core.content import Content
from game.core.errors import FileProblems
from game.core.i18n import content_path_for
from game.core.languages import load_languages
from game.core.loader import load_content
from game.core.settings import KIOSK_VOLUME, Settings
from game.core.settings_file import check_languages, check_levels
from game.core.stats import statistics_path
from game.core.storage import default_data_dir, remove_temporaries, write_atomically
from game.core.strictyaml import display_path

if TYPE_CHECKING:
    from game.shell.app import Options

log = logging.getLogger("game")
DEFAULT_CONTENT = Path(__file__).resolve().parent.parent / "questions.yaml"
EXIT_BAD_FILE = 2
LAST_GOOD = "last-good-questions.yaml"
LAST_GOOD_SETTINGS = "last-good-settings.yaml"


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a size like 1280x720") from None
    if not (100 <= w <= 10_000 and 100 <= h <= 10_000):
        raise argparse.ArgumentTypeError(f"'{text}': width and height must be 100 to 10000 pixels")
    return w, h


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="immunoquest", description="ImmunoQuest: learn how immunotherapy helps fight cancer."
    )
    p.add_argument(
        "--check", nargs="?", const=str(DEFAULT_CONTENT), metavar="FILE", help="check a content file and exit"
    )
    p.add_argument("--content", default=str(DEFAULT_CONTENT), metavar="FILE", help="play this content file")
    p.add_argument(
        "--data-dir", metavar="DIR", help="where progress and logs are kept (default: your user data folder)"
    )
    p.add_argument("--seed", type=int, help="make the questions and their order repeatable")
    p.add_argument("--size", type=parse_size, default=(1280, 720), metavar="WxH", help="window size (default 1280x720)")
    p.add_argument("--fullscreen", action="store_true", help="fill the screen")
    p.add_argument("--reduced-motion", action="store_true", help="still pictures instead of movement")
    p.add_argument("--text-size", type=int, choices=(100, 150, 200), help="text size in percent")
    p.add_argument("--settings", metavar="FILE", help="the clinic's settings file (see settings.example.yaml)")
    p.add_argument(
        "--check-settings", metavar="FILE", help="check a settings file (and its levels against --content) and exit"
    )
    p.add_argument("--kiosk", action="store_true", help="unattended clinic kiosk: fullscreen, touch first, no exit")
    p.add_argument("--report", action="store_true", help="write the staff report (see --report --help)")
    p.add_argument(
        "--capture", metavar="DIR", help="write a screenshot of every screen to DIR and exit (no window needed)"
    )
    p.add_argument(
        "--bench", action="store_true", help="measure drawing time, start-up, memory and idle CPU (no window) and exit"
    )
    p.add_argument("--frames", type=int, default=600, metavar="N", help="frames per screen for --bench (default 600)")
    p.add_argument(
        "--demo-stats", metavar="FILE", help="write a statistics file as if visitors had played (see --visits) and exit"
    )
    p.add_argument("--visits", type=int, default=100, metavar="N", help="visitors for --demo-stats (default 100)")
    p.add_argument("--language", metavar="CODE", help="play in this language, e.g. en or es (see README, Languages)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # keep --check output to the point
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--report" in argv:
        from game.report import main_report

        return main_report(argv)
    args = build_parser().parse_args(argv)
    if args.check_settings is not None:
        return check_settings(Path(args.check_settings), Path(args.content))
    if args.check is not None:
        return check(Path(args.check), Path(args.settings) if args.settings else None)
    if args.demo_stats is not None:
        return demo_stats(Path(args.demo_stats), Path(args.content), args.visits, args.seed or 0)
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    setup_logging(data_dir)
    settings_path = Path(args.settings) if args.settings else None
    loaded = load_settings_or_report(settings_path, args, data_dir)
    if loaded is None:
        return EXIT_BAD_FILE
    settings, settings_error = loaded
    remove_temporaries(data_dir, statistics_path(settings, data_dir).parent)  # left by a kill or a power cut
    content_path = Path(args.content)
    if settings.kiosk:
        content, error = kiosk_content(content_path, data_dir)
        error = "\n".join(e for e in (settings_error, error) if e)
    else:
        checked, error = load_or_report(content_path, "the game did not start"), ""
        if checked is None:
            return EXIT_BAD_FILE
        content = checked
    languages, language_problems = load_languages(content_path, content)
    if language_problems and not settings.kiosk:
        report(FileProblems(language_problems), "the game did not start")
        return EXIT_BAD_FILE
    for problem in language_problems:
        log.error("%s (this language is left out)", problem)
    if args.language:
        if args.language not in languages:
            print(
                f"--language {args.language}: not available; the languages found are: {', '.join(languages)} "
                "(a language needs a catalog and a content file: see README, Languages)",
                file=sys.stderr,
            )
            return EXIT_BAD_FILE
        settings = dataclasses.replace(settings, language=args.language)
    if settings_path is not None and (settings.languages or settings.language != "en"):
        problems = check_languages(settings, languages, settings_path)
        if problems and not settings.kiosk:
            report(FileProblems(problems), "the game did not start")
            return EXIT_BAD_FILE
        for problem in problems:
            log.error("%s (the game uses the languages it has)", problem)
    if settings_path is not None and settings.levels:
        problems = check_levels(settings, [level.id for level in content.levels], settings_path)
        if problems and not settings.kiosk:
            report(FileProblems(problems), "the game did not start")
            return EXIT_BAD_FILE
        for problem in problems:
            log.error("%s (this level is left out)", problem)
    from game.shell.app import Options  # pygame loads only when a window is wanted

    options = Options(
        content=content,
        data_dir=data_dir,
        settings=settings,
        size=args.size,
        seed=args.seed,
        fullscreen=args.fullscreen,
        content_error=error,
        reload_content=lambda: reload_content(content_path, data_dir),
        languages=languages,
    )
    if args.capture:
        from game.shell.capture import capture_tour

        written = capture_tour(options, Path(args.capture))
        print(f"wrote {len(written)} screenshots to {args.capture}")
        return 0
    if args.bench:
        from game.bench import run_bench

        return run_bench(options, max(1, args.frames))
    return play(options)


def load_settings_or_report(path: Path | None, args: argparse.Namespace, data_dir: Path) -> tuple[Settings, str] | None:
    """The clinic's settings with command-line overrides on top, and any error for staff.

    Outside kiosk mode a bad settings file stops the game (None, after printing every
    problem). A kiosk logs the problems and runs on the last settings file that passed,
    or on the defaults, so the waiting room never sees a blank screen.
    """
    from game.core.settings_file import asks_for_kiosk, read_settings

    settings, error, file_set_volume, as_kiosk = Settings(), "", False, args.kiosk
    if path is not None:
        try:
            settings, lines = read_settings(path)
            file_set_volume = "volume" in lines.keys
            keep_last_good(path, data_dir / LAST_GOOD_SETTINGS)
        except FileProblems as problems:
            fallback = last_good_settings(data_dir)
            as_kiosk = args.kiosk or asks_for_kiosk(path)  # kiosk: true in the file counts as --kiosk
            if not (as_kiosk or (fallback is not None and fallback.kiosk)):
                report(problems, "the game did not start")
                return None
            error = str(problems)
            log.error(
                "settings file rejected; running on %s:\n%s", "the last good copy" if fallback else "defaults", error
            )
            settings = fallback or Settings()
    overrides: dict[str, object] = {}
    if as_kiosk:
        overrides["kiosk"] = True
        if not file_set_volume:
            overrides["volume"] = KIOSK_VOLUME  # a waiting room is a quiet place
    if args.reduced_motion:
        overrides["reduced_motion"] = True
    if args.text_size is not None:
        overrides["text_size"] = args.text_size
    return dataclasses.replace(settings, **overrides), error  # type: ignore[arg-type]


def last_good_settings(data_dir: Path) -> Settings | None:
    from game.core.settings_file import load_settings

    try:
        return load_settings(data_dir / LAST_GOOD_SETTINGS)
    except FileProblems:
        return None


def keep_last_good(source: Path, copy: Path) -> None:
    """Keep a copy of a file that passed its checks, for a kiosk to fall back on."""
    try:
        write_atomically(copy, source.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        log.warning("could not keep a last good copy of %s: %s", source, exc)


def kiosk_content(path: Path, data_dir: Path) -> tuple[Content, str]:
    """A kiosk never shows nothing: the content, else the last copy that passed, else none."""
    result = reload_content(path, data_dir)
    if not isinstance(result, str):
        return result, ""
    log.error("content file rejected; trying the last good copy:\n%s", result)
    try:
        return load_content(data_dir / LAST_GOOD, label=f"{path} (last good copy)"), result
    except FileProblems:
        log.error("no usable last good copy of the content either")
        return Content(levels=()), result


def reload_content(path: Path, data_dir: Path) -> Content | str:
    """Load the content; on success keep a copy as the last good one. Errors come back as text."""
    try:
        content = load_content(path)
    except FileProblems as problems:
        return str(problems)
    keep_last_good(path, data_dir / LAST_GOOD)
    return content


def demo_stats(out: Path, content_path: Path, visits: int, seed: int) -> int:
    """``--demo-stats FILE``: simulated visitors play the real game headless; their counts go to FILE."""
    from game.demo import write_demo_stats

    content = load_or_report(content_path, "no statistics were written")
    if content is None:
        return EXIT_BAD_FILE
    if not 1 <= visits <= 100_000:
        print("--visits: give 1 to 100000 visitors", file=sys.stderr)
        return EXIT_BAD_FILE
    stats = write_demo_stats(out, content, visits, seed)
    print(f"wrote the statistics of {stats.stats.sessions} simulated visits to {out.resolve()}")
    return 0


def check(path: Path, settings_path: Path | None = None) -> int:
    """``--check [FILE] [--settings FILE]``: the content file, and the settings file if given."""
    from game.core.settings_file import looks_like_settings, top_level_keys

    if looks_like_settings(top_level_keys(path)):
        print(
            f"{display_path(path)}: this is a settings file, not a content file; "
            f"check it with: --check-settings {path}",
            file=sys.stderr,
        )
        return EXIT_BAD_FILE
    content = load_or_report(path, "fix them and check again")
    languages_ok = content is not None
    if content is not None:
        # One OK line per language: English, then every translation found beside it.
        languages, problems = load_languages(path, content)
        for language in languages.values():
            line = language.content.summary_line().replace("OK: ", f"OK: {language.code} ({language.name}): ", 1)
            print(f"{line} in {display_path(content_path_for(path, language.code))}")
        if problems:
            report(FileProblems(problems), "fix them and check again")
            languages_ok = False
    if settings_path is None:
        return 0 if languages_ok else EXIT_BAD_FILE
    settings_ok = check_settings(settings_path, path, content) == 0
    return 0 if languages_ok and settings_ok else EXIT_BAD_FILE


def check_settings(path: Path, content_path: Path, content: Content | None = None) -> int:
    """``--check-settings FILE``: every mistake as ``file:line``, exit 2; or OK, exit 0.

    The levels it names are checked against the content file (``--content``) when that
    loads; its own problems are ``--check``'s to report."""
    from game.core.settings_file import CONTENT_KEYS, read_settings, top_level_keys

    label = display_path(path)
    if top_level_keys(path) & set(CONTENT_KEYS):
        print(f"{label}: this is a content file, not a settings file; check it with: --check {path}", file=sys.stderr)
        return EXIT_BAD_FILE
    try:
        settings, lines = read_settings(path)
    except FileProblems as problems:
        report(problems, "fix them and check again")
        return EXIT_BAD_FILE
    levels_note = ""
    names_languages = bool(settings.languages) or settings.language != "en"
    if settings.levels or names_languages:
        if content is None:
            try:
                content = load_content(content_path)
            except FileProblems:
                levels_note = (
                    f"; its levels and languages were not checked: {display_path(content_path)} has problems"
                    " (see --check)"
                )
        if content is not None:
            unknown = check_levels(settings, [level.id for level in content.levels], path, lines)
            if names_languages:
                unknown += check_languages(settings, load_languages(content_path, content)[0], path)
            if unknown:
                report(FileProblems(unknown), "fix them and check again")
                return EXIT_BAD_FILE
    kiosk = "kiosk mode" if settings.kiosk else "not a kiosk (kiosk: false)"
    print(f"OK: {label}: {len(lines.keys)} settings, {kiosk}{levels_note}")
    return 0


def load_or_report(path: Path, then: str) -> Content | None:
    """The content, or None after printing every problem to stderr and ``then``."""
    try:
        return load_content(path)
    except FileProblems as problems:
        report(problems, then)
        return None


def report(problems: FileProblems, then: str) -> None:
    """Every problem as ``file:line: ...``, then how many and what happens now."""
    for problem in problems.problems:
        print(problem, file=sys.stderr)
    count = len(problems.problems)
    print(f"{count} problem{'s' if count != 1 else ''} found; {then}.", file=sys.stderr)


def play(options: Options) -> int:
    from game.shell.app import App
    from game.shell.signals import StopSignals

    os.environ.setdefault("SDL_VIDEO_CENTERED", "1")
    import pygame

    with StopSignals() as stop:  # made before the display opens, so SDL leaves the signals to it
        app = App(options)
        if app.kiosk:
            from game.core.stats import StatsStore

            app.stats = StatsStore(
                statistics_path(options.settings, options.data_dir or default_data_dir()),
                kiosk_name=options.settings.kiosk_name,
            )
        try:
            app.run(lambda: stop.requested)
        finally:
            pygame.quit()
    return 0


def setup_logging(data_dir: Path) -> None:
    """Warnings to the terminal; everything, with tracebacks, to a rotating log file."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    root.addHandler(console)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            data_dir / "immunoquest.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    except OSError as exc:
        log.warning("cannot write a log file in %s: %s", data_dir, exc)
