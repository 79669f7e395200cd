"""Quality rules for the Spanish teaching content, questions.es.yaml.

The Spanish file is a translation: it must stay parallel to questions.yaml (same ids,
kinds, order and answers by position) and keep the English rules that make sense in
Spanish (screen lengths, short sentences, glossary terms taught before they are asked,
no hype, no numbers). Readability uses the Szigriszt-Pazos formula (the INFLESZ scale
for Spanish health materials) from textstat. The helpers are the English test's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import test_content_quality as en
import yaml

SPANISH = Path(__file__).resolve().parent.parent / "questions.es.yaml"

# Words that promise more than the article does, or answers that make a quiz unfair.
FORBIDDEN = (
    r"\bcura(?:s|r|do|da|ción)?\b",
    r"\bgarantiz",
    r"\bgarant[ií]a",
    r"\bsiempre funciona",
    r"\bmilagro",
    r"100\s*%",
    r"\btodas las anteriores\b",
    r"\bninguna de las anteriores\b",
)

# The last sentence of every side-effects explanation (the English "Tell your care team").
CARE_TEAM_REMINDER = re.compile(r"\bavise a su equipo de atención de salud\b", re.IGNORECASE)

# The English deny-list of wrong options nobody would pick, in Spanish.
ABSURD_OPTIONS = (
    r"\b(?:muy|demasiado) (?:fr[ií]o|caliente)\b",
    r"\b(?:se quedan|quedarse|se queda) dormid[oa]s?\b",
    r"\ba prop[óo]sito\b",
    r"\bdormir m[áa]s\b",
    r"\bhacer crecer el tumor\b",
    r"\bhuesos m[áa]s fuertes\b",
    r"\bver mejor\b",
    r"\buna planta\b",
)

MIN_SZIGRISZT_LEVEL = 65.0  # "bastante fácil" on the INFLESZ scale, for a level's text together
MIN_SZIGRISZT_EACH = 55.0  # "normal": the floor for any one text of ten words or more


def load() -> dict:
    with SPANISH.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def content() -> dict:
    return load()


@pytest.fixture(scope="module")
def english() -> dict:
    return en.load()


@contextmanager
def spanish_textstat() -> Iterator[Any]:
    """textstat in Spanish for a while; its language is module state, so it is put back
    afterwards (the English grade tests may run next in the same worker)."""
    textstat = pytest.importorskip("textstat")
    before = getattr(textstat.textstat, "_textstatistics__lang", "en_US")
    textstat.set_lang("es")
    try:
        yield textstat
    finally:
        textstat.set_lang(before)


@pytest.fixture
def textstat_es() -> Iterator[Any]:
    with spanish_textstat() as textstat:
        yield textstat


def steps(data: dict) -> list[dict]:
    return [step for level in data["levels"] for step in level["steps"]]


# ---------------------------------------------------------------- parallel to the English file


def test_file_keeps_the_english_file_format():
    # The English format test, on the Spanish file: plain YAML, no aliases, no duplicate keys.
    original = en.CONTENT
    en.CONTENT = SPANISH
    try:
        en.test_file_is_plain_yaml_without_duplicate_keys_or_aliases()
    finally:
        en.CONTENT = original


def test_only_known_keys_and_string_text(content):
    en.test_only_known_keys_and_string_text(content)


def test_levels_match_the_english_levels(content, english):
    fields = ("id", "scene", "ask")
    assert [[lv[f] for f in fields] for lv in content["levels"]] == [
        [lv[f] for f in fields] for lv in english["levels"]
    ]


def test_steps_match_the_english_steps_one_for_one(content, english):
    def shape(step: dict) -> tuple:
        if "lesson" in step:
            return ("lesson", step["lesson"], step["cue"])
        return ("question", step["question"], step["kind"], step["source"], step["replay"])

    for es_level, en_level in zip(content["levels"], english["levels"], strict=True):
        got = [shape(s) for s in es_level["steps"]]
        want = [shape(s) for s in en_level["steps"]]
        assert got == want, es_level["id"]


def test_answers_match_the_english_answers_by_position(content, english):
    for es_q, en_q in zip(steps(content), steps(english), strict=True):
        if "question" not in es_q:
            continue
        qid = es_q["question"]
        if es_q["kind"] == "choice":
            assert len(es_q["choices"]) == len(en_q["choices"]), qid
            assert es_q["choices"].count(es_q["answer"]) == 1, qid
            assert es_q["choices"].index(es_q["answer"]) == en_q["choices"].index(en_q["answer"]), qid
        elif es_q["kind"] == "truefalse":
            assert es_q["answer"] is en_q["answer"], qid
        elif es_q["kind"] == "spot":  # names of the scene's cue and target, never translated
            assert (es_q["cue"], es_q["answer"]) == (en_q["cue"], en_q["answer"]), qid
        elif es_q["kind"] == "order":
            assert len(es_q["items"]) == len(en_q["items"]), qid
            assert len(set(es_q["items"])) == len(es_q["items"]), qid
        else:
            assert len(es_q["pairs"]) == len(en_q["pairs"]), qid
            assert all(len(pair) == 2 for pair in es_q["pairs"]), qid
            assert len({p[0] for p in es_q["pairs"]}) == len({p[1] for p in es_q["pairs"]}) == len(es_q["pairs"]), qid


def test_glossary_and_about_match_the_english_ones(content, english):
    assert len(content["glossary"]) == len(english["glossary"])
    assert len(content["about"]) == len(english["about"])
    terms = [en.normalise(entry["term"]) for entry in content["glossary"]]
    assert len(set(terms)) == len(terms), "repeated glossary term"


def test_the_answer_is_not_usually_the_longest_or_shortest_choice(content):
    # Spanish words run longer than English ones, so the rule is checked on each file.
    en.test_the_answer_is_not_usually_the_longest_or_shortest_choice(content)


def test_no_wrong_option_is_absurd_on_its_face(content):
    found = en.absurd_options(content, ABSURD_OPTIONS)
    assert not found, found


def test_the_care_team_card_matches_the_english_one(content, english):
    assert len(content["ask_your_team"]) == len(english["ask_your_team"])
    for question in content["ask_your_team"]:
        assert question.startswith("¿") and question.endswith("?"), question


def test_no_duplicate_prompts_or_choices(content):
    en.test_no_duplicate_prompts(content)
    en.test_question_shapes(content)


# ---------------------------------------------------------------- faithful and plain


def test_no_hype_or_absolute_promises(content):
    for where, text in en.all_texts(content):
        for pattern in FORBIDDEN:
            assert not re.search(pattern, text, re.IGNORECASE), f"{where}: {pattern!r} in {text!r}"


def test_never_says_incorrecto(content):
    # A miss is "Casi" or "No exactamente" in the game; the content must not scold either.
    for where, text in en.all_texts(content):
        assert not re.search(r"\bincorrect[oa]s?\b", text, re.IGNORECASE), f"{where}: {text!r}"


def test_no_numbers_but_the_infusion_length(content):
    for where, text in en.all_texts(content):
        bare = text.replace("30 minutos", "")
        assert not re.search(r"\d|%|\bpor ?ciento\b", bare, re.IGNORECASE), f"{where}: {text!r}"


def test_side_effect_explanations_end_by_pointing_to_the_care_team(content):
    for level in content["levels"]:
        for q in en.questions(level):
            if level["id"] == "side-effects":
                last = en.sentences(q["explain"])[-1]
                assert CARE_TEAM_REMINDER.search(last), f"{q['question']}: {q['explain']!r}"
            else:
                assert not CARE_TEAM_REMINDER.search(q["explain"]), f"{q['question']}: side-effects level only"


def test_screen_length_limits(content):
    en.test_screen_length_limits(content)


def test_captions_and_explanations_are_short(content):
    en.test_captions_and_explanations_are_short(content)


def test_sentences_have_at_most_twenty_words(content):
    en.test_sentences_have_at_most_twenty_words(content)


def test_glossary_terms_are_taught_before_questions_use_them(content):
    en.test_glossary_terms_are_taught_before_questions_use_them(content)


def test_each_string_of_ten_words_or_more_is_readable(content, textstat_es):
    hard = []
    for where, text in en.all_texts(content):  # choices, items and pairs too
        if len(en.words(text)) >= 10:
            score = textstat_es.szigriszt_pazos(text)
            if score < MIN_SZIGRISZT_EACH:
                hard.append(f"{where}: {score:.1f}: {text!r}")
    assert not hard, "\n".join(hard)


def test_each_level_reads_bastante_facil(content, textstat_es):
    low = []
    for level in content["levels"]:
        score = textstat_es.szigriszt_pazos(en.level_text(level))
        if score < MIN_SZIGRISZT_LEVEL:
            low.append(f"{level['id']}: {score:.1f}")
    assert not low, ", ".join(low)


def test_spanish_scoring_leaves_textstat_in_english():
    sample = "Your immune system is your body's natural defence. It fights illness."
    textstat = pytest.importorskip("textstat")
    grade = textstat.flesch_kincaid_grade(sample)
    with spanish_textstat() as spanish:
        assert spanish.flesch_kincaid_grade(sample) != grade  # Spanish syllables: the switch is real
    assert textstat.flesch_kincaid_grade(sample) == grade


# ---------------------------------------------------------------- the font has every letter


def test_every_character_has_a_glyph_in_the_game_font(content):
    # pygame.font's Font.metrics gives the "missing" box's metrics for a missing letter (pygame-ce
    # 2.5.8), so it cannot tell; pygame.freetype's get_metrics gives None, on the same font file.
    freetype = pytest.importorskip("pygame.freetype")
    from game.shell.text import _font_files

    freetype.init()
    chars = "".join(sorted({ch for _, text in en.all_texts(content) for ch in text if not ch.isspace()}))
    missing = []
    for path in _font_files():
        font = freetype.Font(path, 24)
        missing += [f"{ch!r} (U+{ord(ch):04X}) in {path}" for ch, m in zip(chars, font.get_metrics(chars)) if m is None]
    assert not missing, "\n".join(missing)
