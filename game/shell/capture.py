"""``--capture DIR``: play a scripted tour headless and save a PNG of every screen.

The tour presses the same buttons a player would, so the pictures show the real
screens in their real states: every question kind unanswered, answered right and
answered wrong, the feedback, a replayed lesson, the pause menu and the results.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from game.core.content import Level
from game.core.quiz import AskedQuestion, QuizSession, plan_steps
from game.shell.app import App, Options
from game.shell.audio import NullAudio


def capture_tour(options: Options, out_dir: Path) -> list[Path]:
    """Write the tour's PNGs, then the comfort, kiosk and scene pictures.

    At the asked size, or by default at 1280x720 and 1920x1080; the comfort variants
    (200 % text in both themes) and kiosk screens in landscape and portrait.
    """
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    default = options.size == (1280, 720)
    sizes = [(1280, 720), (1920, 1080)] if default else [options.size]
    orientations = [(1280, 720), (720, 1280)] if default else [options.size]

    def app_for(size: tuple[int, int], **settings: object) -> App:
        opts = dataclasses.replace(
            options,
            size=size,
            data_dir=None,
            seed=options.seed or 7,
            settings=dataclasses.replace(options.settings, **settings),  # type: ignore[arg-type]
        )
        return App(opts, pygame.display.set_mode(size), audio=NullAudio())

    for size in sizes:
        written += Tour(app_for(size), out_dir, f"{size[0]}x{size[1]}").run()
    for size in orientations:
        for theme in ("standard", "high-contrast"):
            suffix = f"200-{theme}-{size[0]}x{size[1]}"
            written += Tour(app_for(size, text_size=200, theme=theme), out_dir, suffix).comfort()
        written += Tour(app_for(size, kiosk=True, operator_pin="0000"), out_dir, f"{size[0]}x{size[1]}").kiosk()
        written += Tour(app_for(size), out_dir, f"{size[0]}x{size[1]}").scenes()
    pygame.quit()
    return written


class Tour:
    """Walks through the game by pressing buttons, taking a picture of each new screen."""

    def __init__(self, app: App, out_dir: Path, suffix: str) -> None:
        self.app = app
        self.out_dir = out_dir
        self.suffix = suffix
        self.written: list[Path] = []
        self.seen: set[str] = set()

    def shot(self, name: str) -> None:
        import pygame

        self.app.transition = None
        for _ in range(1000):  # the scene's sprites, drawn between frames in the real loop
            if self.app.top.ready():
                break
            self.app.idle(0.05)
        self.app.dirty = True
        self.app.frame([], 0.05)
        path = self.out_dir / f"{name}-{self.suffix}.png"
        pygame.image.save(self.app.screen, str(path))
        self.written.append(path)

    def shot_once(self, name: str) -> None:
        if name not in self.seen:
            self.seen.add(name)
            self.shot(name)

    def press(self, name: str) -> None:
        self.app.top.find(name).on_press()
        self.app.frame([], 0.05)

    def run(self) -> list[Path]:
        from game.shell.scenes.title import TitleScene

        app = self.app
        app.replace(TitleScene(app))
        self.shot("title")
        self.press("about")
        self.shot("about")
        self.press("back")
        self.care_card()
        self.press("start")
        self.shot("level-select")
        kinds = {q.kind for q in app.content.questions}
        wanted = {f"feedback-{k}-{v}" for k in kinds for v in ("right", "wrong")}
        for level in app.content.levels:  # until every kind was pictured right and wrong
            self.play_level(level)
            if wanted <= self.seen:
                break
        if level is not app.content.levels[-1]:  # the last level's results offer the care-team card
            self.play_level(app.content.levels[-1])
        self.shot("results-last-level")
        self.practice()
        return self.written

    def practice(self) -> None:
        """A practice round of what the tour missed, from the results, then the level select offering more."""
        app = self.app
        if not app.progress.missed_boxes():
            return
        self.press("practise")
        for _ in range(20):
            if app.top.name == "practice-results":
                break
            step = getattr(app.top, "asked", None)
            assert isinstance(step, AskedQuestion)
            self.shot_once("practice-question")
            self.answer(step, right=True, picture_progress=False)
            self.shot_once("practice-feedback")
            self.press("next")
        self.shot("practice-results")
        self.press("levels")
        self.shot("level-select-practise")

    def comfort(self) -> list[Path]:
        """Settings and one question of each kind, at the app's text size and theme."""
        from game.shell.scenes.settings import SettingsScene
        from game.shell.scenes.title import TitleScene

        app = self.app
        app.replace(TitleScene(app))
        self.shot("title")
        app.push(SettingsScene(app))
        self.shot("settings")
        app.pop()
        self.care_card()
        self.press("start")
        self.shot("level-select")
        self.play_level(app.content.levels[2])
        return self.written

    def kiosk(self) -> list[Path]:
        """The attract loop, the still-there countdown and the staff PIN pad."""
        from game.shell.scenes.kiosk import StillThereScene

        app = self.app
        app.home()
        self.app.frame([], 0.1)
        self.shot("kiosk-attract")
        for _ in range(30):
            app.frame([], 0.1)
        self.press_anywhere()
        self.shot("kiosk-title")
        self.care_card("kiosk-")
        app.push(StillThereScene(app))
        self.shot("kiosk-still-there")
        app.pop()
        app.operator_gesture()
        for digit in "12":
            self.press(f"digit-{digit}")
        self.shot("kiosk-pin-pad")
        return self.written

    def care_card(self, prefix: str = "") -> None:
        """The questions for the care team, from the title, every page of them; back to the title."""
        if not self.app.content.ask_your_team:
            return
        self.press("care-card")
        self.shot(f"{prefix}care-card")
        for page in range(2, len(getattr(self.app.top, "pages", [])) + 1):
            self.press("more")
            self.shot(f"{prefix}care-card-{page}")
        self.press("back")

    def press_anywhere(self) -> None:
        from game.shell.actions import Act, Action

        self.app.act(Action(Act.POINTER_DOWN, pos=(300, 300)))
        self.app.act(Action(Act.POINTER_UP, pos=(300, 300)))
        self.app.frame([], 0.1)

    def scenes(self) -> list[Path]:
        """Each level's scene at three moments: its start, its middle, after the hands-on moment;
        and its spot questions."""
        from game.shell.scenes.level import LessonScene, LevelPlay

        app = self.app
        for level in app.content.levels:
            play = LevelPlay(app, level)
            lessons = level.lessons
            hands_on = next((ls for ls in lessons if ls.cue == play.art.hands_on_cue), None)
            app.replace(LessonScene(app, play, lessons[0]))
            for _ in range(6):
                app.frame([], 0.1)
            self.shot(f"scene-{level.scene}-start")
            middle = lessons[len(lessons) // 2]
            app.replace(LessonScene(app, play, middle))
            for _ in range(15):
                app.frame([], 0.1)
            self.shot(f"scene-{level.scene}-middle")
            if hands_on is not None:
                app.replace(LessonScene(app, play, hands_on))
                for _ in range(40):
                    if not getattr(app.top, "showing_me", False):
                        break
                    self.press("next")
                    for _ in range(10):  # let each step's animation play out
                        app.frame([], 0.1)
                for _ in range(10):
                    app.frame([], 0.1)
                self.shot(f"scene-{level.scene}-after-hands-on")
            self.spot_questions(level)
        return self.written

    def spot_questions(self, level: Level) -> None:
        """Each spot question of ``level``: unanswered, answered right and not quite."""
        from game.shell.kinds import answer_presses
        from game.shell.scenes.level import LevelPlay

        app = self.app
        full = dataclasses.replace(level, ask=len(level.questions))
        for question in (q for q in level.questions if q.kind == "spot"):
            for verdict in ("unanswered", "right", "not-quite"):
                play = LevelPlay(app, level)
                play.session = QuizSession(full, plan_steps(full, app.rng))
                steps = play.session.steps
                asked = next(s for s in steps if isinstance(s, AskedQuestion) and s.question.id == question.id)
                play.session.index = steps.index(asked)
                play.show_current()
                for _ in range(10):
                    app.frame([], 0.1)
                if verdict != "unanswered":
                    for name, _number in answer_presses(asked, right=verdict == "right"):
                        self.press(name)
                self.shot(f"spot-{question.id}-{verdict}")

    def play_level(self, level: Level) -> None:
        from game.shell.scenes.level import LevelPlay

        app = self.app
        play = LevelPlay(app, level)
        # Ask the whole pool on the tour so every kind in the level is pictured.
        full = dataclasses.replace(level, ask=len(level.questions))
        play.session = QuizSession(full, plan_steps(full, app.rng))
        play.begin()
        lessons = 0
        for _ in range(200):
            if app.top.name == "results":
                break
            step = play.session.current
            if app.top.name == "guess":  # the level's "What do you think?" question
                self.shot_once("guess")
                self.press("option-1")
                self.shot_once("guess-answered")
                self.press("next")
            elif app.top.name == "lesson":
                lessons += 1
                if lessons <= 2:
                    self.shot_once(f"lesson-{lessons}")
                app.frame([], 0.1)
                while app.top.name == "lesson" and getattr(app.top, "showing_me", False):
                    self.press("next")  # the hands-on moment, done the keyboard way
                if lessons == 1:
                    self.shot_once("lesson-hands-on-done")
                self.press("next")
            elif isinstance(step, AskedQuestion):
                kind = step.question.kind
                self.question(step, right=f"feedback-{kind}-right" not in self.seen)
        self.shot_once("results")

    def question(self, step: AskedQuestion, right: bool) -> None:
        kind = step.question.kind
        first_of_kind = f"question-{kind}" not in self.seen
        self.shot_once(f"question-{kind}")
        self.answer(step, right, picture_progress=first_of_kind)
        verdict = "right" if right else "wrong"
        if f"feedback-{kind}-{verdict}" not in self.seen:
            self.shot_once(f"feedback-{kind}-{verdict}")
            if not right and "watch-again" not in self.seen:
                self.press("watch-again")
                self.shot_once("watch-again")
                self.press("next")
        if "pause" not in self.seen:
            self.press("pause")
            self.shot_once("pause")
            self.press("resume")
        self.press("next")

    def answer(self, step: AskedQuestion, right: bool, picture_progress: bool) -> None:
        from game.shell.kinds import answer_presses

        presses = answer_presses(step, right)
        for i, (name, _) in enumerate(presses):
            self.press(name)
            if picture_progress and len(presses) > 2 and i == (len(presses) - 1) // 2:
                self.shot_once(f"question-{step.question.kind}-in-progress")
