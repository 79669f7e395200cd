"""Settings: how the clinic set the game up, and what the player chose.

``Settings`` is plain data. A clinic writes ``settings.yaml`` (read by
``game.core.settings_file``); a player changes the comfort options on the settings
screen, which outside kiosk mode are kept in ``preferences.json`` in the data folder.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.core.storage import write_json_atomically

log = logging.getLogger(__name__)

TEXT_SIZES = (100, 150, 200)
THEMES = ("standard", "high-contrast")
MODES = ("relaxed", "challenge")
TIMER_RANGE = (15, 120)  # seconds per question in challenge mode; 0 means off
KIOSK_VOLUME = 30
DEFAULT_VOLUME = 60


@dataclass(frozen=True)
class Settings:
    # set by the clinic (settings.yaml)
    kiosk: bool = False
    idle_timeout: int = 90  # seconds without input before "Are you still there?"
    countdown: int = 20  # seconds the "still there" question waits (at least 20)
    operator_pin: str = ""  # digits; empty: no operator exit in kiosk mode
    levels: tuple[str, ...] = ()  # level ids offered, in order; empty: all of them
    language: str = "en"  # the language the game starts in (a visitor may choose another)
    languages: tuple[str, ...] = ()  # languages offered, in order; empty: every one found
    statistics: str = ""  # where kiosk statistics go; empty: the data folder
    kiosk_name: str = ""  # names this kiosk in the statistics, for one report of many kiosks
    before_after: bool = True  # each level opens with a "What do you think?" question
    # the player's comfort options (the settings screen); the clinic sets their defaults
    volume: int = DEFAULT_VOLUME  # percent
    sound: bool = True
    read_aloud: bool = False
    text_size: int = 100  # percent
    theme: str = "standard"
    reduced_motion: bool = False
    mode: str = "relaxed"
    timer: int = 30  # seconds per question in challenge mode; 0 = off

    @property
    def text_scale(self) -> float:
        return self.text_size / 100


# The options a player may change on the settings screen (and that persist for them).
PLAYER_FIELDS = (
    "volume",
    "sound",
    "read_aloud",
    "text_size",
    "theme",
    "reduced_motion",
    "mode",
    "timer",
    "language",
    "before_after",
)
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")  # en, es, fr, pt_BR: a catalog folder's name


def valid_player_value(name: str, value: Any) -> bool:
    if name == "language":
        return isinstance(value, str) and LANGUAGE_CODE.match(value) is not None
    if name in ("sound", "read_aloud", "reduced_motion", "before_after"):
        return isinstance(value, bool)
    if isinstance(value, bool) or name in ("theme", "mode"):
        return {"theme": value in THEMES, "mode": value in MODES}.get(name, False)
    if not isinstance(value, int):
        return False
    if name == "volume":
        return 0 <= value <= 100
    if name == "text_size":
        return value in TEXT_SIZES
    if name == "timer":
        return value == 0 or TIMER_RANGE[0] <= value <= TIMER_RANGE[1]
    return False


def load_preferences(path: Path, base: Settings) -> Settings:
    """``base`` with the player's saved choices on top; anything odd in the file is ignored."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return base
    except (OSError, ValueError) as exc:
        log.warning("ignoring unreadable preferences %s: %s", path, exc)
        return base
    if not isinstance(data, dict):
        return base
    chosen = {k: v for k, v in data.items() if k in PLAYER_FIELDS and valid_player_value(k, v)}
    return dataclasses.replace(base, **chosen)


def save_preferences(path: Path, settings: Settings) -> None:
    data = {name: getattr(settings, name) for name in PLAYER_FIELDS}
    try:
        write_json_atomically(path, data)
    except OSError as exc:
        log.warning("could not save preferences to %s: %s", path, exc)
