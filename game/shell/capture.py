"""``--capture DIR``: play a scripted tour headless and save a PNG of every screen.

The tour presses the same buttons a player would, through ``App.act``, so the
pictures show the real screens in their real states.
"""

from __future__ import annotations

import os
from pathlib import Path

from game.core.quiz import AskedQuestion
from game.shell.actions import Act, Action


def capture_tour(options: object, out_dir: Path) -> list[Path]:
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.shell.app import App, Options

    assert isinstance(options, Options)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    sizes = [options.size] if options.size != (1280, 720) else [(1280, 720), (1920, 1080)]
    for size in sizes:
        opts = Options(**{**options.__dict__, "size": size, "data_dir": None, "seed": options.seed or 7})
        app = App(opts, pygame.display.set_mode(size))
        written += Tour(app, out_dir, f"{size[0]}x{size[1]}").run()
    pygame.quit()
    return written


class Tour:
    def __init__(self, app: object, out_dir: Path, suffix: str) -> None:
        from game.shell.app import App

        assert isinstance(app, App)
        self.app = app
        self.out_dir = out_dir
        self.suffix = suffix
        self.written: list[Path] = []
        self.kinds_done: set[tuple[str, bool]] = set()

    def shot(self, name: str) -> None:
        import pygame

        self.app.transition = None
        self.app.dirty = True
        self.app.frame([], 0.5)
        path = self.out_dir / f"{name}-{self.suffix}.png"
        pygame.image.save(self.app.screen, str(path))
        self.written.append(path)

    def press(self, name: str) -> None:
        self.app.top.find(name).on_press()
        self.app.frame([], 0.3)

    def run(self) -> list[Path]:
        from game.shell.scenes.title import TitleScene

        app = self.app
        app.replace(TitleScene(app))
        self.shot("title")
        self.press("start")
        self.shot("level-select")
        levels = app.content.levels
        for index, level in enumerate(levels[:1] or levels):
            self.play_level(level, first=index == 0)
        return self.written

    def play_level(self, level: object, first: bool) -> None:
        from game.shell.scenes.level import LevelPlay

        app = self.app
        play = LevelPlay(app, level)  # type: ignore[arg-type]
        # Make sure every kind appears: ask the whole pool on this tour.
        from game.core.quiz import QuizSession, plan_steps
        import dataclasses

        full = dataclasses.replace(play.level, ask=len(play.level.questions))
        play.session = QuizSession(full, plan_steps(full, app.rng))
        play.begin()
        lesson_shots = 0
        answer_right = True
        while app.top.name != "results":
            top = app.top
            step = play.session.current
            if top.name == "lesson":
                if lesson_shots < 2:
                    self.shot(f"lesson-{lesson_shots + 1}")
                    lesson_shots += 1
                app.frame([], 25.0)  # let any hands-on moment finish itself
                self.press("next")
            elif top.name.startswith("question") and isinstance(step, AskedQuestion):
                kind = step.question.kind
                key = (kind, answer_right)
                if key not in self.kinds_done:
                    self.shot(f"question-{kind}")
                self.answer(step, right=answer_right)
                if key not in self.kinds_done:
                    self.kinds_done.add(key)
                    self.shot(f"feedback-{kind}-{'right' if answer_right else 'wrong'}")
                    if not answer_right and top.name != "lesson":
                        self.press("watch-again")
                        self.shot("watch-again")
                        self.press("next")
                answer_right = not answer_right
                if app.top.name == "feedback" and app.top.buttons:
                    pass
                if app.top.name == "feedback":
                    self.app.act(Action(Act.BACK))
                    if app.top.name == "pause":
                        self.shot("pause")
                        self.press("resume")
                    self.press("next")
            else:
                raise RuntimeError(f"tour stuck on {top.name}")
        self.shot("results")

    def answer(self, step: AskedQuestion, right: bool) -> None:
        scene = self.app.top
        q = step.question
        if q.kind in ("choice", "truefalse"):
            correct = q.answer if q.kind == "choice" else ("True" if q.truth else "False")
            for i, option in enumerate(step.options, 1):
                if (option == correct) == right:
                    self.press(f"option-{i}")
                    return
        elif q.kind == "order":
            items = list(q.items) if right else list(reversed(q.items))
            for item in items[:-1]:
                self.press(f"option-{step.options.index(item) + 1}")
            self.shot(f"question-{q.kind}-in-progress") if (q.kind, right) not in self.kinds_done else None
            self.press(f"option-{step.options.index(items[-1]) + 1}")
            self.press("check")
        else:
            rights = [r for _, r in q.pairs]
            if not right:
                rights = rights[1:] + rights[:1]
            for n, (left, _) in enumerate(q.pairs, 1):
                self.press(f"left-{n}")
                self.press(f"right-{step.options.index(rights[n - 1]) + 1}")
            self.press("check")
        del scene
