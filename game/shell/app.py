"""The app: one window, one loop, one stack of scenes.

``App.frame(events, dt)`` is the whole of one frame: turn events into actions, hand
them to the top scene, advance time, and draw only if something changed. The real
loop, the tests, the capture tour and the benchmark all call it, so they exercise
the same code.
"""

from __future__ import annotations

import logging
import random
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import pygame

from game.core.content import Content
from game.core.progress import FILE_NAME as PROGRESS_FILE
from game.core.progress import ProgressStore
from game.shell.actions import Act, Action, InputMapper
from game.shell.scene import CrossFade, Scene
from game.shell.theme import MIN_WINDOW
from game.shell.ui import Ui

log = logging.getLogger(__name__)

FPS = 60
IDLE_FPS = 20  # nothing moves: wake less often, a kiosk runs all day
MAX_DT = 0.1  # a long stall (window dragged, machine busy) must not jump animations


@dataclass
class Options:
    """How this run of the game was asked to behave (from the command line)."""

    content: Content
    data_dir: Path | None  # None: keep nothing on disk
    size: tuple[int, int] = (1280, 720)
    seed: int | None = None
    fullscreen: bool = False
    reduced_motion: bool = False
    text_scale: float = 1.0
    extra: dict[str, object] = field(default_factory=dict)


class App:
    def __init__(self, options: Options, surface: pygame.Surface | None = None) -> None:
        """Open the window (or draw on ``surface``, for tools that bring their own)."""
        self.options = options
        self.content = options.content
        pygame.display.init()
        pygame.font.init()
        if surface is None:
            flags = pygame.FULLSCREEN if options.fullscreen else pygame.RESIZABLE
            size = (0, 0) if options.fullscreen else options.size
            pygame.display.set_caption("ImmunoQuest")
            surface = pygame.display.set_mode(size, flags)
        self.screen = surface
        self.ui = Ui(text_scale=options.text_scale)
        self.ui.resize(self.screen.get_size())
        self.reduced_motion = options.reduced_motion
        self.rng = random.Random(options.seed)
        progress_path = options.data_dir / PROGRESS_FILE if options.data_dir is not None else None
        self.progress = ProgressStore(progress_path)
        self.mapper = InputMapper()
        self.stack: list[Scene] = []
        self.transition: CrossFade | None = None
        self.keyboard_used = False
        self.running = True
        self.dirty = True
        self.now = 0.0
        self.frames_drawn = 0
        self.faults: list[str] = []  # tracebacks of errors recovered from (tests assert none)

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

    def replace_top(self, scene: Scene) -> None:
        self._fade()
        if self.stack:
            self.stack.pop().exit()
        self.stack.append(scene)
        scene.enter()
        self.dirty = True

    def _fade(self) -> None:
        if self.stack and self.frames_drawn:
            duration = 0.2 if self.reduced_motion else 0.3
            self.transition = CrossFade(self.screen.copy(), duration)

    def quit(self) -> None:
        self.running = False

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
            self.top.update(dt)
            if self.transition is not None:
                self.transition.update(dt)
            return self.draw_if_needed()
        except Exception:
            self.recover(traceback.format_exc())
            return False

    def act(self, action: Action) -> None:
        """Hand one action to the game, as if the player had done it."""
        if action.kind in (Act.HOVER, Act.FOCUS_GAINED):
            return
        self.dirty = True
        if action.kind is Act.RESIZE:
            self.resize(action.pos)
            return
        if action.kind is Act.QUIT:
            self.quit()
            return
        if action.kind in (Act.CHOOSE, Act.FOCUS_NEXT, Act.FOCUS_PREV, Act.UP, Act.DOWN, Act.LEFT, Act.RIGHT):
            self.keyboard_used = True
        elif action.kind is Act.POINTER_DOWN:
            self.keyboard_used = False
        if self.too_small:
            return
        self.top.handle(action)

    def resize(self, size: tuple[int, int]) -> None:
        if self.screen.get_size() != size and pygame.display.get_surface() is self.screen:
            self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.ui.resize(self.screen.get_size())
        self.transition = None
        for scene in self.stack:
            scene.layout()

    @property
    def too_small(self) -> bool:
        w, h = self.screen.get_size()
        return w < MIN_WINDOW[0] or h < MIN_WINDOW[1]

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
            self.ui.text.draw_block(
                surface,
                self.ui.text.fit("Please make the window larger.", 18, rect.width, rect.height),
                rect,
                self.ui.palette.text,
                "center",
                "middle",
            )
        else:
            first = max(i for i, s in enumerate(self.stack) if s.opaque or i == 0)
            for scene in self.stack[first:]:
                scene.draw(surface)
            if self.transition is not None:
                self.transition.draw(surface)
                if self.transition.done:
                    self.transition = None
        pygame.display.flip()
        self.dirty = False
        self.frames_drawn += 1

    def recover(self, trace: str) -> None:
        """Something broke inside a scene: log it and start again from the title."""
        log.error("unexpected error; returning to the title screen\n%s", trace)
        self.faults.append(trace)
        from game.shell.scenes.title import TitleScene

        self.transition = None
        self.stack.clear()
        self.stack.append(TitleScene(self))
        self.top.enter()
        self.dirty = True

    # the real loop
    def run(self) -> None:
        from game.shell.scenes.title import TitleScene

        self.replace(TitleScene(self))
        clock = pygame.time.Clock()
        fps = FPS
        while self.running:
            # Clock.tick sleeps rather than spins; when nothing moves we wake less often.
            dt = clock.tick(fps) / 1000
            drawn = self.frame(pygame.event.get(), dt)
            fps = FPS if drawn or self.needs_redraw() else IDLE_FPS
