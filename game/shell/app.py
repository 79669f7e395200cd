"""The app: one window, one loop, one stack of scenes.

Its parts live next to it: the stack (``stack.py``), where each screen leads
(``routes.py``: ``app.go("level-select")``) and the kiosk supervisor (``supervisor.py``:
idle watch, operator gesture, PIN lockout). The App keeps the visitor's session, the
loop, drawing and error recovery.

``App.frame(events, dt)`` is the whole of one frame: turn events into actions, hand
them to the top scene, advance time, and draw only if something changed. The real
loop, the tests, the capture tour and the benchmark all call it, so they exercise
the same code.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import logging
import random
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.core.content import Content, Level
from game.core.i18n import Translator
from game.core.languages import Language, english_only
from game.core.progress import FILE_NAME as PROGRESS_FILE
from game.core.progress import ProgressStore
from game.core.settings import Settings, load_preferences, save_preferences
from game.core.stats import StatsStore
from game.shell import routes
from game.shell.actions import Act, Action, InputMapper
from game.shell.art.cache import bytes_for
from game.shell.art.sprites import CharacterSheet
from game.shell.audio import NullAudio, open_audio
from game.shell.scene import CrossFade, Scene
from game.shell.speech import NullSpeaker, Speaker
from game.shell.stack import SceneStack
from game.shell.supervisor import KioskSupervisor
from game.shell.theme import PALETTES, too_small
from game.shell.ui import Ui

log = logging.getLogger(__name__)

FPS = 60
IDLE_FPS = 20  # nothing moves: wake less often, a kiosk runs all day
MAX_DT = 0.1  # a long stall (window dragged, machine busy) must not jump animations
# Between frames, the top scene may use what is left of the frame's time, at most this
# much, for work ahead of need (drawing the sprites of the next cue); a frame's own time
# goes to drawing only.
IDLE_WORK_S = 0.006
IDLE_MARGIN_S = 0.002  # left unused before the next frame is due
PREFERENCES_FILE = "preferences.json"


MMAP_THRESHOLD = 128 * 1024  # glibc's default: bigger blocks get pages of their own


def give_freed_pixels_back() -> None:
    """Make freed surfaces return their memory to the system (Linux, glibc).

    glibc serves big blocks with pages of their own, but after one is freed it raises
    that threshold to the block's size, so later screens and sprites come from the heap
    and stay with the process when freed: about 20 MB of a 1080p run. Fixing the
    threshold keeps every surface bigger than 128 KB on its own pages."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):  # another C library: nothing to tune
        ctypes.CDLL(None).mallopt(-3, MMAP_THRESHOLD)  # -3: M_MMAP_THRESHOLD


@dataclass
class Options:
    """How this run of the game was asked to behave (from the command line and settings)."""

    content: Content
    data_dir: Path | None  # None: keep nothing on disk
    settings: Settings = dataclasses.field(default_factory=Settings)
    size: tuple[int, int] = (1280, 720)
    seed: int | None = None
    fullscreen: bool = False
    content_error: str = ""  # kiosk: why the content could not be loaded (shown to staff only)
    reload_content: Callable[[], Content | str] | None = None  # kiosk operator menu: reload
    languages: dict[str, Language] = dataclasses.field(default_factory=dict)  # empty: English only


class App:
    def __init__(
        self,
        options: Options,
        surface: pygame.Surface | None = None,
        speaker_factory: Callable[[], Speaker] | None = None,
        audio: NullAudio | None = None,
    ) -> None:
        """Open the window (or draw on ``surface``, for tools that bring their own)."""
        self.options = options
        self.content = options.content
        # Every offered language's translator and content; the visitor's choice picks one.
        self.languages = options.languages or english_only(options.content)
        self.language = next(iter(self.languages))
        self.tr: Translator = self.languages[self.language].translator
        self.kiosk = options.settings.kiosk
        give_freed_pixels_back()
        pygame.display.init()
        pygame.font.init()
        if surface is None:
            fullscreen = options.fullscreen or self.kiosk
            flags = pygame.FULLSCREEN if fullscreen else pygame.RESIZABLE
            size = (0, 0) if fullscreen else options.size
            pygame.display.set_caption("ImmunoQuest")
            surface = pygame.display.set_mode(size, flags)
        if self.kiosk:
            pygame.mouse.set_visible(False)  # touch first: no arrow on the screen
        self.screen = surface
        self.audio = audio if audio is not None else open_audio()
        self._speaker_factory = speaker_factory
        self.speaker: Speaker = NullSpeaker()
        self.voice_ok = False  # the speaker has a voice for the language shown
        self.ui = Ui()
        # One character sheet for every scene: sprites are drawn once and shared.
        self.sheet = CharacterSheet(max_bytes=bytes_for(surface.get_size()))
        self.mapper = InputMapper()
        self.stack = SceneStack()
        self.transition: CrossFade | None = None
        self.keyboard_used = False
        self.running = True
        self.dirty = True
        self.now = 0.0
        self.frames_drawn = 0
        self.pixels_drawn = 0  # pixels painted by the last frame (0 if it drew nothing)
        self.updated_rects: list[pygame.Rect] = []  # what the last frame handed to SDL
        self._fade_target: pygame.Surface | None = None  # the screen a cross-fade blends to, reused
        self.faults: list[str] = []  # tracebacks of errors recovered from (tests assert none)
        self.supervisor = KioskSupervisor(self)  # idle watch, operator gesture, PIN lockout
        self.stats = StatsStore(None)  # counts in memory; a kiosk is given one that saves
        self.start_session()
        self.fade_target()  # made now, so the first cross-fade does not make 8 MB in a frame

    # the visitor's session: everything a kiosk reset forgets
    def start_session(self) -> None:
        """Fresh settings, progress and randomness, as at start-up."""
        base = self.options.settings
        prefs = self.preferences_path
        self.settings = load_preferences(prefs, base) if prefs is not None else base
        self.rng = random.Random(self.options.seed)
        data_dir = None if self.kiosk else self.options.data_dir
        self.progress = ProgressStore(data_dir / PROGRESS_FILE if data_dir is not None else None)
        self.keyboard_used = False
        self.use_language(self.settings.language)
        self.apply_settings(self.settings, save=False)

    @property
    def offered_languages(self) -> list[Language]:
        """The languages a visitor may choose, in the clinic's order (all found, by default)."""
        wanted = [self.languages[c] for c in self.settings.languages if c in self.languages]
        return wanted or list(self.languages.values())

    def use_language(self, code: str) -> None:
        """Show the game in ``code`` (or the first offered language if it is not offered)."""
        offered = {language.code: language for language in self.offered_languages}
        language = offered.get(code) or next(iter(offered.values()))
        self.language, self.tr, self.content = language.code, language.translator, language.content
        self.voice_ok = self.speaker.use_language(language.code)
        self.stats.visit_language(language.code)

    def choose_language(self, code: str) -> None:
        """The player picked a language: every screen built from now on speaks it; outside
        kiosk mode it is remembered with the other preferences."""
        self.use_language(code)
        self.apply_settings(dataclasses.replace(self.settings, language=self.language))

    def replace_content(self, content: Content) -> None:
        """The operator reloaded the English content file (translations are read at start-up)."""
        source = next(iter(self.languages.values()))
        self.languages[source.code] = dataclasses.replace(source, content=content)
        self.use_language(self.language)

    def visitor_state(self) -> dict[str, object]:
        """What one visitor could leave behind; equal to a fresh start's after a reset."""
        return {
            "settings": self.settings,
            "progress": self.progress.snapshot(),
            "screens": [scene.name for scene in self.stack],
            "rng": self.rng.getstate(),
            "keyboard_used": self.keyboard_used,
        }

    @property
    def preferences_path(self) -> Path | None:
        if self.kiosk or self.options.data_dir is None:
            return None  # kiosk: a visitor's changes last one session
        return self.options.data_dir / PREFERENCES_FILE

    def apply_settings(self, settings: Settings, save: bool = True) -> None:
        self.settings = settings
        self.ui.palette = PALETTES.get(settings.theme, PALETTES["standard"])
        self.ui.text_scale = settings.text_scale
        self.ui.resize(self.screen.get_size())
        self.audio.set_volume(settings.volume / 100, settings.sound)
        if settings.read_aloud and not self.speaker.available and self._speaker_factory is not None:
            self.speaker = self._speaker_factory()
        elif settings.read_aloud and not self.speaker.available:
            from game.shell.speech import open_speaker

            self.speaker = open_speaker()
        if settings.read_aloud:
            self.voice_ok = self.speaker.use_language(self.language)
        if not settings.read_aloud:
            self.speaker.stop()
        for scene in self.stack:
            scene.layout()
        self.dirty = True
        path = self.preferences_path
        if save and path is not None:
            save_preferences(path, settings)

    @property
    def reduced_motion(self) -> bool:
        return self.settings.reduced_motion

    @property
    def offered_levels(self) -> list[Level]:
        """The levels this clinic offers, in its order (all of them by default)."""
        wanted = self.settings.levels
        if not wanted:
            return list(self.content.levels)
        by_id = {level.id: level for level in self.content.levels}
        return [by_id[i] for i in wanted if i in by_id] or list(self.content.levels)

    def is_unlocked(self, level: Level) -> bool:
        """Challenge mode unlocks levels in order; relaxed play and kiosks open them all."""
        levels = self.offered_levels
        if self.kiosk or self.settings.mode != "challenge" or level not in levels:
            return True
        index = levels.index(level)
        return index == 0 or self.progress.get(levels[index - 1].id).stars > 0

    def speak(self, lines: list[str]) -> None:
        """Read ``lines`` aloud if the player asked for it; replaces what was being said."""
        if self.settings.read_aloud and self.voice_ok:  # never Spanish read by an English voice
            self.speaker.say(lines)

    def sound(self, name: str) -> None:
        self.audio.play(name)

    # the stack
    @property
    def top(self) -> Scene:
        return self.stack.top

    def go(self, route: str, *args: object) -> None:
        """Show the screen called ``route`` (see ``routes.py``): ``app.go("level-select")``."""
        routes.go(self, route, *args)

    def push(self, scene: Scene) -> None:
        self._fade()
        self.stack.push(scene)
        self.dirty = True

    def pop(self) -> None:
        if len(self.stack) <= 1:
            return
        self._fade()
        self.stack.pop()
        self.dirty = True

    def replace(self, scene: Scene) -> None:
        """Navigate: the whole stack gives way to ``scene``."""
        self._fade()
        self.stack.replace(scene)
        self.dirty = True

    def replace_top_with(self, scene: Scene) -> None:
        """Swap the top scene for ``scene`` (the PIN pad becomes the staff menu)."""
        self._fade()
        self.stack.replace_top(scene)
        self.dirty = True

    def _fade(self) -> None:
        """Fade from what is on screen now (the screen itself is the old picture) to the
        new top scene, which is drawn once into a surface kept for every fade."""
        if self.stack and self.frames_drawn:
            duration = 0.2 if self.reduced_motion else 0.3
            self.transition = CrossFade(duration)

    def fade_target(self) -> pygame.Surface:
        """The screen-sized surface the new scene is drawn into for a cross-fade (made once
        per window size, in the display's format)."""
        size = self.screen.get_size()
        if self._fade_target is None or self._fade_target.get_size() != size:
            self._fade_target = None  # let the old one go before the new one is made
            self._fade_target = self.screen_sized()
        return self._fade_target

    def screen_sized(self) -> pygame.Surface:
        """A new surface of the screen's size and pixel format (made so, not converted:
        a conversion would hold two screens' worth of memory for a moment)."""
        return pygame.Surface(self.screen.get_size(), 0, self.screen)

    def dimmed_copy_below(self, scene: Scene) -> pygame.Surface:
        """What lies under an overlay, drawn once and dimmed. Nothing below an overlay
        changes while it is on top, so the overlay blits this instead of having every
        scene below it drawn again, and a full-screen alpha blend, on each frame."""
        below = self.stack.below(scene)
        copy = self.screen_sized()
        copy.fill(self.ui.palette.background)
        if below:
            below[-1].draw(copy)  # every scene draws the whole screen (an overlay, its own backdrop)
        # The scrim laid over it, as two fills (copy * (1 - a) + scrim * a) rather than a
        # second screen-sized surface with an alpha channel.
        *rgb, alpha = self.ui.palette.scrim
        keep = 255 - alpha
        copy.fill((keep, keep, keep), special_flags=pygame.BLEND_RGB_MULT)
        copy.fill(tuple(round(c * alpha / 255) for c in rgb), special_flags=pygame.BLEND_RGB_ADD)
        return copy

    def quit(self) -> None:
        self.running = False

    def home(self) -> None:
        """Back to the first screen: the attract loop on a kiosk, else the title."""
        self.go("attract" if self.kiosk else "title")

    def reset_session(self) -> None:
        """Kiosk: forget the last visitor completely and show the attract loop."""
        self.speaker.stop()
        self.stats.session_ended()
        self.start_session()
        self.home()

    def idle(self, budget_s: float) -> None:
        """Spend up to ``budget_s`` on the top scene's work ahead of need (between frames)."""
        if not self.too_small and self.stack:
            try:
                self.top.idle(budget_s)
            except Exception:
                self.recover(traceback.format_exc())

    # one frame
    def frame(self, events: list[pygame.event.Event], dt: float) -> bool:
        """Handle ``events``, advance ``dt`` seconds, draw if needed; True if drawn."""
        dt = min(max(dt, 0.0), MAX_DT)
        self.now += dt
        self.pixels_drawn = 0
        self.updated_rects = []
        try:
            for event in events:
                action = self.mapper.map(event, self.screen.get_size(), self.now)
                if action is not None:
                    self.act(action)
            self.supervisor.watch()
            self.top.update(dt)
            self.stats.maybe_save()
            if self.transition is not None:
                self.transition.update(dt)
            return self.draw_if_needed()
        except Exception:
            self.recover(traceback.format_exc())
            return False

    def act(self, action: Action) -> None:
        """Hand one action to the game, as if the player had done it."""
        kind = action.kind
        if kind is Act.FOCUS_GAINED:
            return
        if kind is Act.HOVER:
            return
        self.supervisor.last_input = self.now
        self.dirty = True
        if kind is Act.RESIZE:
            self.resize(action.pos)
            return
        if kind is Act.QUIT:
            if not self.kiosk:  # a kiosk ignores the close button, Alt+F4 and friends
                self.quit()
            return
        if kind is Act.OPERATOR:
            self.operator_gesture()
            return
        if kind is Act.BACK and self.kiosk and self.top.kiosk_home:
            return
        self.supervisor.track_corner(action)
        if kind in (Act.CHOOSE, Act.FOCUS_NEXT, Act.FOCUS_PREV, Act.UP, Act.DOWN, Act.LEFT, Act.RIGHT):
            self.keyboard_used = True
        elif kind is Act.POINTER_DOWN:
            self.keyboard_used = False
        if self.too_small:
            return
        self.top.handle(action)

    def operator_gesture(self) -> None:
        self.supervisor.operator_gesture()

    # The PIN pad's lockout lives with the supervisor; the pad reads and counts it here.
    @property
    def pin_failures(self) -> int:
        return self.supervisor.pin_failures

    @pin_failures.setter
    def pin_failures(self, value: int) -> None:
        self.supervisor.pin_failures = value

    @property
    def pin_locked_until(self) -> float:
        return self.supervisor.pin_locked_until

    @pin_locked_until.setter
    def pin_locked_until(self, value: float) -> None:
        self.supervisor.pin_locked_until = value

    def resize(self, size: tuple[int, int]) -> None:
        if self.screen.get_size() != size and pygame.display.get_surface() is self.screen:
            flags = pygame.FULLSCREEN if self.kiosk or self.options.fullscreen else pygame.RESIZABLE
            self.screen = pygame.display.set_mode(size, flags)
        self.ui.resize(self.screen.get_size())
        self.sheet.cache.max_bytes = bytes_for(self.screen.get_size())
        self.fade_target()
        self.transition = None
        if self.too_small:
            return  # nothing is shown but the "make the window larger" note; lay out when it grows
        for scene in self.stack:
            scene.layout()

    @property
    def too_small(self) -> bool:
        return too_small(self.screen.get_size())

    def needs_redraw(self) -> bool:
        return self.dirty or self.transition is not None or self.top.needs_redraw()

    def draw_if_needed(self) -> bool:
        if not self.needs_redraw():
            return False
        self.draw()
        return True

    def draw(self) -> None:
        """Draw what changed and hand SDL just that: the whole screen after input or a
        change of screen, the scene's moving part when only it moves, a few blend steps
        during a cross-fade, nothing while a screen stands still."""
        surface = self.screen
        full = surface.get_rect()
        rects: list[pygame.Rect] | None
        if self.too_small:
            surface.fill(self.ui.palette.background)
            rect = surface.get_rect().inflate(-8, -8)
            block = self.ui.text.fit(
                self.tr.gettext("Please make the window larger."), 18, max(8, rect.width), max(8, rect.height)
            )
            self.ui.text.draw_block(surface, block, rect, self.ui.palette.text, "center", "middle")
            rects = [full]
        elif self.transition is not None:
            rects = self.draw_transition(self.transition)
        else:
            rects = None if self.dirty else self.top.draw_changed(surface)
            if rects is None:
                self.top.draw(surface)  # overlays draw a dimmed copy of what is below them
                rects = [full]
        self.updated_rects = rects
        self.pixels_drawn += sum(r.width * r.height for r in rects)
        if rects == [full]:
            pygame.display.flip()
        elif rects:
            pygame.display.update(rects)
        self.dirty = False
        self.frames_drawn += 1

    def draw_transition(self, fade: CrossFade) -> list[pygame.Rect]:
        """One frame of a cross-fade: the new scene is drawn once (again only after input),
        then each blend step lays it over the screen; frames between steps draw nothing."""
        target = self.fade_target()
        if self.dirty or not fade.target_drawn:
            self.top.draw(target)
            fade.target_drawn = True
            self.pixels_drawn += target.get_width() * target.get_height()
        drawn = fade.draw(self.screen, target)
        if fade.done:
            self.transition = None  # a moving scene goes on drawing its changes from here
        return [self.screen.get_rect()] if drawn else []

    def recover(self, trace: str) -> None:
        """Something broke inside a scene: log it and start again from the first screen."""
        log.error("unexpected error; returning to the first screen\n%s", trace)
        self.faults.append(trace)
        self.transition = None
        self.stack.reset()
        try:
            if self.kiosk:
                self.start_session()
            self.home()
        except Exception:
            log.exception("the first screen failed too")
            self.stack.reset(routes.make(self, "unavailable", "The first screen failed; see the log."))
        self.dirty = True

    # the real loop
    def run(self, stop_requested: Callable[[], bool] = lambda: False) -> None:
        """The real loop, until the player quits or ``stop_requested()`` (a stop signal)."""
        if self.options.content_error and not self.content.levels:
            self.go("unavailable", self.options.content_error)
        else:
            self.home()
        clock = pygame.time.Clock()
        fps = FPS
        try:
            while self.running and not stop_requested():
                # Clock.tick sleeps rather than spins; when nothing moves we wake less often.
                dt = clock.tick(fps) / 1000
                start = time.perf_counter()
                drawn = self.frame(pygame.event.get(), dt)
                fps = FPS if drawn or self.needs_redraw() else IDLE_FPS
                left = 1 / fps - (time.perf_counter() - start) - IDLE_MARGIN_S
                if left > 0:
                    self.idle(min(IDLE_WORK_S, left))
        finally:
            self.speaker.close()
            self.stats.flush()
