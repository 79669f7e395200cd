"""The fixed vocabulary the content file may use: scenes, their cues, article sections.

Kept in the pure core (no pygame) so the loader can check a content file without
opening a window. The art in ``game.shell.art`` draws exactly these scenes and cues;
a test keeps the two in step.
"""

from __future__ import annotations

from game.core.i18n import N_

# Each scene is one level's animation; each cue is a moment of it that a lesson beat can show.
SCENE_CUES: dict[str, tuple[str, ...]] = {
    "patrol": ("patrol", "hidden", "reveal", "attack", "boost", "target"),
    "brakes": ("approach", "brake", "inhibitor", "release", "attack"),
    "car-t": ("collect", "lab", "multiply", "infuse", "seek"),
    "antibodies": ("lab-made", "latch", "mark", "find"),
    "benefits": ("shrink", "gentler", "remission", "memory"),
    "journey": ("assessment", "tests", "infusion", "checkups"),
    "side-effects": ("fatigue", "skin", "inflammation", "care-team"),
    "finale": ("questions", "cancers", "timing", "lasting", "celebrate"),
}

# What a spot question may ask the player to tap: for a scene's cue, the things drawn there,
# by name, in the order read-aloud names them and number keys pick them. The art gives their
# places (``game.shell.art``, ``Stage.spots``); a test keeps the two in step.
SCENE_TARGETS: dict[str, dict[str, tuple[str, ...]]] = {
    "patrol": {"target": ("healthy-cell", "t-cell", "cancer-cell")},
    "brakes": {"brake": ("t-cell", "brake", "cancer-cell")},
    "car-t": {"lab": ("instructions", "t-cell", "car-t-cell")},
    "antibodies": {"mark": ("healthy-cell", "cancer-cell", "antibody")},
    "benefits": {"gentler": ("healthy-cell", "t-cell", "cancer-cell")},
    "journey": {"infusion": ("patient", "iv-bag", "clock")},
    "side-effects": {"inflammation": ("lungs", "gut", "nurse")},
    "finale": {"celebrate": ("t-cell", "car-t-cell", "memory-cell", "antibody")},
}

# Each target's name as the player reads it (translated where it is shown) ...
TARGET_LABELS: dict[str, str] = {
    "t-cell": N_("T-cell"),
    "brake": N_("brake"),
    "cancer-cell": N_("cancer cell"),
    "inhibitor": N_("inhibitor"),
    "antibody": N_("antibody"),
    "healthy-cell": N_("healthy cell"),
    "car-t-cell": N_("CAR-T cell"),
    "memory-cell": N_("memory cell"),
    "instructions": N_("new instructions"),
    "patient": N_("patient"),
    "iv-bag": N_("IV bag"),
    "clock": N_("clock"),
    "lungs": N_("lungs"),
    "gut": N_("gut"),
    "nurse": N_("nurse"),
}

# ... and as a whole sentence when the player has tapped it: a label alone cannot say
# "That is the brake" in every language ("Those are the lungs", "Ese es el freno").
TARGET_NAMED: dict[str, str] = {
    "t-cell": N_("That is the T-cell."),
    "brake": N_("That is the brake."),
    "cancer-cell": N_("That is the cancer cell."),
    "inhibitor": N_("That is the inhibitor."),
    "antibody": N_("That is the antibody."),
    "healthy-cell": N_("That is the healthy cell."),
    "car-t-cell": N_("That is the CAR-T cell."),
    "memory-cell": N_("That is the memory cell."),
    "instructions": N_("Those are the new instructions."),
    "patient": N_("That is the patient."),
    "iv-bag": N_("That is the IV bag."),
    "clock": N_("That is the clock."),
    "lungs": N_("Those are the lungs."),
    "gut": N_("That is the gut."),
    "nurse": N_("That is the nurse."),
}

# The cue of each scene where the player does something with their own hands; every
# level needs a lesson on it.
HANDS_ON_CUES: dict[str, str] = {
    "patrol": "hidden",
    "brakes": "inhibitor",
    "car-t": "lab",
    "antibodies": "latch",
    "benefits": "memory",
    "journey": "checkups",
    "side-effects": "fatigue",
    "finale": "celebrate",
}

# The article's sections by id, with their headings; every question names the id of the one
# it comes from. Ids, not headings, so a translated content file cites the same sections and
# the staff report can still show the heading.
ARTICLE_SECTIONS: dict[str, str] = {
    "opening": "How Does Immunotherapy Help The Immune System Fight Cancer?",  # before any heading
    "what-is": "What is Immunotherapy?",
    "types": "Types of Immunotherapy",
    "benefits": "Benefits of Immunotherapy",
    "process": "Immunotherapy Process",
    "side-effects": "Side Effects and Management",
    "faq": "Frequently Asked Questions",
}
