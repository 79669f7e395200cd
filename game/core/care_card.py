"""The words around the care-team card, shared by its screen and the report's printed handout.

Marked with ``N_`` here and translated where they are shown (the screen's or the report's
translator), so a clinic's printed card says exactly what the screen says.
"""

from __future__ import annotations

from game.core.i18n import N_

HEADING = N_("Questions for your care team")
INTRO = N_("You can ask your own care team these questions at your next visit.")
PHOTO = N_("You may take a photo of this screen.")
NOT_ADVICE = N_("ImmunoQuest is a game. It teaches the basics of immunotherapy. It does not give medical advice.")
