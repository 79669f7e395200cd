"""The app: one window, one loop, one stack of scenes.

``App.frame(events, dt)`` is the whole of one frame: turn events into actions, hand
them to the top scene, advance time, and draw only if something changed. The real
loop, the tests, the capture tour and the benchmark all call it, so they exercise
the same code.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.core.content import Content, Level
from game.core.progress import FILE_NAME as PROGRESS_FILE
from game.core.progress import ProgressStore
from game.core.settings import Settings, load_preferences, save_preferences
from game.core.stats import StatsStore
from game.shell.actions import Act, Action, InputMapper
from game.shell.art.sprites import CharacterSheet
from game.shell.audio import NullAudio, open_audio
from game.shell.scene import CrossFade, Scene
from game.shell.speech import NullSpeaker, Speaker
from game.shell.theme import PALETTES, too_small
from game.shell.ui import Ui

log = logging.getLogger(__name__)

FPS = 60
IDLE_FPS = 20  # nothing moves: wake less often, a kiosk runs all day
MAX_DT = 0.1  # a long stall (window dragged, machine busy) must not jump animations
OPERATOR_HOLD_S = 5.0  # hold the top-left corner this long to reach the PIN pad
OPERATOR_CORNER = 96  # px at 1280x720: the corner that starts the hold
PREFERENCES_FILE = "preferences.json"


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
        self.kiosk = options.settings.kiosk
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
        self.ui = Ui()
        # One character sheet for every scene: sprites are drawn once and shared.
        self.sheet = CharacterSheet()
        self.mapper = InputMapper()
        self.stack: list[Scene] = []
        self.transition: CrossFade | None = None
        self.keyboard_used = False
        self.running = True
        self.dirty = True
        self.now = 0.0
        self.frames_drawn = 0
        self.faults: list[str] = []  # tracebacks of errors recovered from (tests assert none)
        self.last_input = 0.0
        self.corner_since: float | None = None
        self.pin_failures = 0
        self.pin_locked_until = 0.0
        self.stats = StatsStore(None)  # counts in memory; a kiosk is given one that saves
        self.start_session()

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
        self.apply_settings(self.settings, save=False)

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
        if self.settings.read_aloud:
            self.speaker.say(lines)

    def sound(self, name: str) -> None:
        self.audio.play(name)

    # the stack
    @property
    def top(self) -> Scene:
        return self.stack[-1]

    def push(self, scene: Scene) -> None:
        self._fade()
        self.stack.append(scene)
        scene.enter()
        self.dirty = True

    def pop(self) -> None:
        if len(self.stack) <= 1:
            return
        self._fade()
        self.stack.pop().exit()
        self.top.resume()
        self.dirty = True

    def replace(self, scene: Scene) -> None:
        """Navigate: the whole stack gives way to ``scene``."""
        self._fade()
        while self.stack:
            self.stack.pop().exit()
        self.stack.append(scene)
        scene.enter()
        self.dirty = True

    def replace_top_with(self, scene: Scene) -> None:
        """Swap the top scene for ``scene`` (the PIN pad becomes the staff menu)."""
        self._fade()
        self.stack.pop().exit()
        self.stack.append(scene)
        scene.enter()
        self.dirty = True

    def _fade(self) -> None:
        if self.stack and self.frames_drawn:
            duration = 0.2 if self.reduced_motion else 0.3
            self.transition = CrossFade(self.screen.copy(), duration)

    def dimmed_copy_below(self, scene: Scene) -> pygame.Surface:
        """What lies under an overlay, drawn once and dimmed. Nothing below an overlay
        changes while it is on top, so the overlay blits this instead of having every
        scene below it drawn again, and a full-screen alpha blend, on each frame."""
        below = self.stack[: self.stack.index(scene)] if scene in self.stack else self.stack
        copy = pygame.Surface(self.screen.get_size())
        copy.fill(self.ui.palette.background)
        if below:
            below[-1].draw(copy)  # every scene draws the whole screen (an overlay, its own backdrop)
        scrim = pygame.Surface(copy.get_size(), pygame.SRCALPHA)
        scrim.fill(self.ui.palette.scrim)
        copy.blit(scrim, (0, 0))
        return copy

    def quit(self) -> None:
        self.running = False

    def home(self) -> None:
        """Back to the first screen: the attract loop on a kiosk, else the title."""
        if self.kiosk:
            from game.shell.scenes.kiosk import AttractScene

            self.replace(AttractScene(self))
        else:
            from game.shell.scenes.title import TitleScene

            self.replace(TitleScene(self))

    def reset_session(self) -> None:
        """Kiosk: forget the last visitor completely and show the attract loop."""
        self.speaker.stop()
        self.stats.session_ended()
        self.start_session()
        self.home()

    # one frame
    def frame(self, events: list[pygame.event.Event], dt: float) -> bool:
        """Handle ``events``, advance ``dt`` seconds, draw if needed; True if drawn."""
        dt = min(max(dt, 0.0), MAX_DT)
        self.now += dt
        try:
            for event in events:
                action = self.mapper.map(event, self.screen.get_size(), self.now)
                if action is not None:
                    self.act(action)
            self.watch_idle_and_operator()
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
        self.last_input = self.now
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
        if kind is Act.BACK and self.kiosk and self.top.name in ("attract", "title", "unavailable"):
            return
        self.track_corner(action)
        if kind in (Act.CHOOSE, Act.FOCUS_NEXT, Act.FOCUS_PREV, Act.UP, Act.DOWN, Act.LEFT, Act.RIGHT):
            self.keyboard_used = True
        elif kind is Act.POINTER_DOWN:
            self.keyboard_used = False
        if self.too_small:
            return
        self.top.handle(action)

    def track_corner(self, action: Action) -> None:
        """The operator's touch gesture: a press held in the top-left corner."""
        corner = self.ui.px(OPERATOR_CORNER)
        in_corner = action.pos[0] < corner and action.pos[1] < corner
        if action.kind is Act.POINTER_DOWN:
            self.corner_since = self.now if in_corner else None
        elif action.kind is Act.POINTER_UP or (action.kind is Act.POINTER_MOVE and not in_corner):
            self.corner_since = None

    def watch_idle_and_operator(self) -> None:
        if self.corner_since is not None and self.now - self.corner_since >= OPERATOR_HOLD_S:
            self.corner_since = None
            self.operator_gesture()
        if self.speaker.busy:
            self.last_input = self.now  # idle time pauses while something is read aloud
        if not self.kiosk or self.top.name in ("attract", "still-there", "pin-pad", "operator", "unavailable"):
            return
        if self.now - self.last_input >= self.settings.idle_timeout:
            from game.shell.scenes.kiosk import StillThereScene

            self.push(StillThereScene(self))

    def operator_gesture(self) -> None:
        if not self.kiosk or not self.settings.operator_pin:
            return  # no PIN configured: operator exit is off
        if self.top.name in ("pin-pad", "operator"):
            return
        from game.shell.scenes.kiosk import PinPadScene

        self.push(PinPadScene(self))

    def resize(self, size: tuple[int, int]) -> None:
        if self.screen.get_size() != size and pygame.display.get_surface() is self.screen:
            flags = pygame.FULLSCREEN if self.kiosk or self.options.fullscreen else pygame.RESIZABLE
            self.screen = pygame.display.set_mode(size, flags)
        self.ui.resize(self.screen.get_size())
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
        surface = self.screen
        if self.too_small:
            surface.fill(self.ui.palette.background)
            rect = surface.get_rect().inflate(-8, -8)
            block = self.ui.text.fit("Please make the window larger.", 18, max(8, rect.width), max(8, rect.height))
            self.ui.text.draw_block(surface, block, rect, self.ui.palette.text, "center", "middle")
        else:
            self.top.draw(surface)  # overlays draw a dimmed copy of what is below them
            if self.transition is not None:
                self.transition.draw(surface)
                if self.transition.done:
                    self.transition = None
        pygame.display.flip()
        self.dirty = False
        self.frames_drawn += 1

    def recover(self, trace: str) -> None:
        """Something broke inside a scene: log it and start again from the first screen."""
        log.error("unexpected error; returning to the first screen\n%s", trace)
        self.faults.append(trace)
        self.transition = None
        self.stack.clear()
        try:
            if self.kiosk:
                self.start_session()
            self.home()
        except Exception:
            from game.shell.scenes.kiosk import UnavailableScene

            log.exception("the first screen failed too")
            self.stack.clear()
            self.stack.append(UnavailableScene(self, "The first screen failed; see the log."))
            self.top.enter()
        self.dirty = True

    # the real loop
    def run(self, stop_requested: Callable[[], bool] = lambda: False) -> None:
        """The real loop, until the player quits or ``stop_requested()`` (a stop signal)."""
        if self.options.content_error and not self.content.levels:
            from game.shell.scenes.kiosk import UnavailableScene

            self.replace(UnavailableScene(self, self.options.content_error))
        else:
            self.home()
        clock = pygame.time.Clock()
        fps = FPS
        try:
            while self.running and not stop_requested():
                # Clock.tick sleeps rather than spins; when nothing moves we wake less often.
                dt = clock.tick(fps) / 1000
                drawn = self.frame(pygame.event.get(), dt)
                fps = FPS if drawn or self.needs_redraw() else IDLE_FPS
        finally:
            self.speaker.close()
            self.stats.flush()
