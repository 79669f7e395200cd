"""The care-team card as a printable handout: the last part of the staff report.

One section per language the game offers, each printed on a page of its own (CSS
``page-break-before``), in large print with room to write the answers, so staff can put
copies in the waiting room. The words are the card screen's own, from the same catalogs
and content files; every text is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from game.core.care_card import HEADING, INTRO, NOT_ADVICE
from game.core.languages import Language

CSS = """
.handouts-note { margin-top: 2.5rem; }
.handout { border-top: 3px solid #d7e4ea; margin-top: 2rem; padding-top: 1rem; }
.handout h2 { font-size: 2rem; border: none; margin: 0 0 .6rem; }
.handout .intro { font-size: 1.3rem; max-width: none; }
.handout ol { font-size: 1.45rem; line-height: 1.35; padding-left: 2.2rem; margin: .8rem 0; }
.handout li { margin: 0 0 .35rem; padding-left: .3rem; }
.handout li::after { content: ""; display: block; height: 1.5rem; border-bottom: 1px solid #8a8a8a; }
.handout .not-advice { font-size: 1rem; color: #3b3b3b; margin-top: 1rem; }
@media print {
  .handouts-note { display: none; }
  .handout { page-break-before: always; break-before: page; break-inside: avoid; border: none;
    margin: 0; padding: 0; }
  .handout h2 { font-size: 28pt; }
  .handout .intro { font-size: 17pt; }
  .handout ol { font-size: 19pt; }
  .handout li::after { height: 12pt; }
  .handout .not-advice { font-size: 13pt; }
}
"""


def render_handouts(languages: Iterable[Language]) -> str:
    """The handout sections, one per language that has a card; empty if none has."""
    sections = [_section(language) for language in languages if language.content.ask_your_team]
    if not sections:
        return ""
    note = (
        '<p class="handouts-note small">The pages below are the "Questions for your care team" card in each '
        "language, as the game shows it. When you print this report each one comes out on a page of its own: "
        "print those pages for the waiting room.</p>"
    )
    return "\n".join([note, *sections])


def _section(language: Language) -> str:
    tr = language.translator
    items = "\n".join(f"<li>{escape(q)}</li>" for q in language.content.ask_your_team)
    return (
        f'<section class="handout" lang="{escape(language.code)}">\n'
        f"<h2>{escape(tr.gettext(HEADING))}</h2>\n"
        f'<p class="intro">{escape(tr.gettext(INTRO))}</p>\n'
        f"<ol>\n{items}\n</ol>\n"
        f'<p class="not-advice">{escape(tr.gettext(NOT_ADVICE))}</p>\n'
        "</section>"
    )
