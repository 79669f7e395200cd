"""Quality rules for the teaching content in questions.yaml.

These tests read the shipped file with plain PyYAML, so they do not depend on the
game engine or its loader. They check that the content stays faithful to its one
source article, readable for anxious patients with little schooling, short enough
for the screen, and fair as a quiz.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

CONTENT = Path(__file__).resolve().parent.parent / "questions.yaml"

# The article's section ids and headings (a copy, so the test does not lean on the engine).
HEADINGS = {
    "opening": "How Does Immunotherapy Help The Immune System Fight Cancer?",  # the opening paragraphs
    "what-is": "What is Immunotherapy?",
    "types": "Types of Immunotherapy",
    "benefits": "Benefits of Immunotherapy",
    "process": "Immunotherapy Process",
    "side-effects": "Side Effects and Management",
    "faq": "Frequently Asked Questions",
}

# The eight levels, in play order, with their scene and the cues that scene can show.
LEVELS = (
    ("what-is-immunotherapy", "patrol", ("patrol", "hidden", "reveal", "attack", "boost", "target")),
    ("checkpoint-inhibitors", "brakes", ("approach", "brake", "inhibitor", "release", "attack")),
    ("car-t", "car-t", ("collect", "lab", "multiply", "infuse", "seek")),
    ("antibodies", "antibodies", ("lab-made", "latch", "mark", "find")),
    ("benefits", "benefits", ("shrink", "gentler", "remission", "memory")),
    ("treatment-journey", "journey", ("assessment", "tests", "infusion", "checkups")),
    ("side-effects", "side-effects", ("fatigue", "skin", "inflammation", "care-team")),
    ("questions-people-ask", "finale", ("questions", "cancers", "timing", "lasting", "celebrate")),
)

KINDS = ("choice", "truefalse", "order", "match", "spot")

TOP_KEYS = {"schema", "about", "ask_your_team", "glossary", "levels"}
GLOSSARY_KEYS = {"term", "also", "meaning"}
LEVEL_KEYS = {"id", "title", "summary", "scene", "ask", "steps"}
LESSON_KEYS = {"lesson", "cue", "caption"}
QUESTION_COMMON = {"question", "kind", "prompt", "explain", "source", "replay"}
QUESTION_KEYS = {
    "choice": QUESTION_COMMON | {"choices", "answer"},
    "truefalse": QUESTION_COMMON | {"answer"},
    "order": QUESTION_COMMON | {"items"},
    "match": QUESTION_COMMON | {"pairs"},
    "spot": QUESTION_COMMON | {"cue", "answer"},  # cue and answer are names, checked by the loader
}

# Screen limits, in characters.
MAX_LEN = {
    "title": 40,
    "summary": 70,
    "caption": 200,
    "prompt": 150,
    "choice": 60,
    "explain": 240,
    "item": 50,
    "match": 40,
    "term": 30,
    "meaning": 200,
    "about": 300,
    "ask_your_team": 100,
}

MAX_GRADE_EACH = 8.0  # Flesch-Kincaid grade for any text of ten words or more
MAX_GRADE_LEVEL = 6.0  # for a level's prompts, explanations and captions together
MAX_SENTENCE_WORDS = 20

# Words that promise more than the article does.
FORBIDDEN = (
    r"\bcures?\b",
    r"\bcured\b",
    r"\balways works\b",
    r"\bguarantee",
    r"100\s*%",
    r"\bmiracle",
    r"\ball of the above\b",
    r"\bnone of the above\b",
)

# American spellings the game must not use (it is written in British English).
AMERICAN = (
    r"\btumors?\b",
    r"\bdefenses?\b",
    r"\bcolors?\b",
    r"\bcenters?\b",
    r"\bbehaviors?\b",
    r"\bfavorite",
    r"\bgray\b",
    r"\bhospitalized\b",
)
IZE_OK = {"size", "sizes", "sized", "prize", "prizes", "seize", "seized"}

CARE_TEAM_REMINDER = re.compile(r"\btell your care team\b", re.IGNORECASE)

# A test-wise player picks the longest (or, once that is fixed, the shortest) option without
# reading. In at most this share of choice questions may the answer be the longest option, and
# in at most this share the shortest (by characters; a tie counts for the answer).
MAX_ANSWER_LONGEST = 0.40
MAX_ANSWER_SHORTEST = 0.40

# Wrong options nobody would pick, so they only make the quiz easier to guess. A deny-list of
# the kinds once found here; it cannot judge a new option, a reviewer still has to.
ABSURD_OPTIONS = (
    r"\btoo (?:cold|hot|warm)\b",
    r"\b(?:fall|falls|stay|stays) asleep\b",
    r"\bon purpose\b",
    r"\bsleep more\b",
    r"\bmake (?:the|your) tumour grow\b",
    r"\bstronger bones\b",
    r"\bbetter eyesight\b",
    r"\ba plant\b",
)


# ---------------------------------------------------------------- helpers


def load():
    with CONTENT.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@pytest.fixture(scope="module")
def content():
    return load()


def lessons(level):
    return [step for step in level["steps"] if "lesson" in step]


def questions(level):
    return [step for step in level["steps"] if "question" in step]


def all_questions(data):
    return [q for level in data["levels"] for q in questions(level)]


def question_texts(q):
    """Every piece of text a player reads in a question, the explanation included."""
    texts = [q["prompt"], q["explain"]]
    texts += q.get("choices", [])
    texts += q.get("items", [])
    for pair in q.get("pairs", []):
        texts += list(pair)
    return texts


def all_texts(data):
    """(where, text) for every string a player can read."""
    out = [(f"about[{i}]", text) for i, text in enumerate(data["about"])]
    out += [(f"ask_your_team[{i}]", text) for i, text in enumerate(data["ask_your_team"])]
    for entry in data["glossary"]:
        out.append((f"glossary {entry['term']}", entry["term"]))
        out.append((f"glossary {entry['term']} meaning", entry["meaning"]))
        out += [(f"glossary {entry['term']} also", also) for also in entry.get("also", [])]
    for level in data["levels"]:
        out.append((f"{level['id']} title", level["title"]))
        out.append((f"{level['id']} summary", level["summary"]))
        for step in level["steps"]:
            if "lesson" in step:
                out.append((step["lesson"], step["caption"]))
            else:
                out += [(step["question"], text) for text in question_texts(step)]
    return out


def graded_texts(data):
    """(where, text) for every prose string: prompts, explanations, captions and the rest."""
    out = [(f"about[{i}]", text) for i, text in enumerate(data["about"])]
    out += [(f"ask_your_team[{i}]", text) for i, text in enumerate(data["ask_your_team"])]
    out += [(f"glossary {e['term']}", e["meaning"]) for e in data["glossary"]]
    for level in data["levels"]:
        for step in level["steps"]:
            if "lesson" in step:
                out.append((step["lesson"], step["caption"]))
            else:
                out.append((step["question"] + " prompt", step["prompt"]))
                out.append((step["question"] + " explain", step["explain"]))
    return out


def level_text(level):
    parts = []
    for step in level["steps"]:
        if "lesson" in step:
            parts.append(step["caption"])
        else:
            parts += [step["prompt"], step["explain"]]
    return " ".join(parts)


def words(text):
    return text.split()


def sentences(text):
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def term_pattern(form):
    # A whole-word match, allowing a plural ending: "T-cell" finds "T-cells" but not "CAR-T cell".
    return re.compile(r"(?<![\w-])" + re.escape(form) + r"(?:s|es)?(?![\w-])", re.IGNORECASE)


def normalise(text):
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


# ---------------------------------------------------------------- file format


def test_file_is_plain_yaml_without_duplicate_keys_or_aliases():
    text = CONTENT.read_text(encoding="utf-8")
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        assert not isinstance(event, yaml.AliasEvent), f"alias at {event.start_mark}"
        assert getattr(event, "anchor", None) is None, f"anchor at {event.start_mark}"
        if isinstance(event, yaml.ScalarEvent) and event.style is None:
            # Unquoted YAML 1.1 booleans are ambiguous; only true/false are allowed, for answers.
            bad = {"yes", "no", "on", "off", "y", "n"}
            assert event.value.lower() not in bad, f"unquoted {event.value!r} at {event.start_mark}"

    def walk(node):
        if isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value]
            dupes = [k for k, n in Counter(keys).items() if n > 1]
            assert not dupes, f"duplicate keys {dupes} at {node.start_mark}"
            for key, value in node.value:
                walk(key)
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                walk(child)

    walk(yaml.compose(text, Loader=yaml.SafeLoader))


def test_only_known_keys_and_string_text(content):
    assert set(content) == TOP_KEYS
    assert content["schema"] == 1
    assert isinstance(content["about"], list) and 2 <= len(content["about"]) <= 4
    assert all(isinstance(p, str) for p in content["about"])
    assert isinstance(content["ask_your_team"], list) and 5 <= len(content["ask_your_team"]) <= 8
    assert all(isinstance(q, str) for q in content["ask_your_team"])
    for entry in content["glossary"]:
        assert set(entry) <= GLOSSARY_KEYS and {"term", "meaning"} <= set(entry), entry
        assert isinstance(entry["term"], str) and isinstance(entry["meaning"], str), entry
        assert all(isinstance(a, str) for a in entry.get("also", [])), entry
    for level in content["levels"]:
        assert set(level) == LEVEL_KEYS, level.get("id")
        for key in ("id", "title", "summary", "scene"):
            assert isinstance(level[key], str), (level["id"], key)
        for step in level["steps"]:
            if "lesson" in step:
                assert set(step) == LESSON_KEYS, step
                assert all(isinstance(step[k], str) for k in LESSON_KEYS), step
                continue
            assert "question" in step, step
            assert step.get("kind") in KINDS, step
            assert set(step) == QUESTION_KEYS[step["kind"]], step["question"]
            for key in QUESTION_COMMON:
                assert isinstance(step[key], str), (step["question"], key)
            if step["kind"] == "truefalse":
                assert isinstance(step["answer"], bool), step["question"]
            else:
                texts = question_texts(step)
                assert all(isinstance(t, str) for t in texts), step["question"]
                if step["kind"] == "choice":
                    assert isinstance(step["answer"], str), step["question"]


# ---------------------------------------------------------------- structure


def test_levels_are_the_eight_fixed_ones_in_order(content):
    got = [(level["id"], level["scene"]) for level in content["levels"]]
    assert got == [(level_id, scene) for level_id, scene, _ in LEVELS]
    for level in content["levels"]:
        assert level["ask"] == 6, level["id"]


def test_each_lesson_cue_belongs_to_its_scene(content):
    cues = {level_id: set(c) for level_id, _, c in LEVELS}
    for level in content["levels"]:
        for lesson in lessons(level):
            assert lesson["cue"] in cues[level["id"]], (lesson["lesson"], lesson["cue"])


def test_every_level_has_three_to_six_lessons_and_nine_questions(content):
    for level in content["levels"]:
        assert 3 <= len(lessons(level)) <= 6, level["id"]
        assert len(questions(level)) >= 9, level["id"]
        assert len(questions(level)) >= level["ask"], level["id"]
        assert "lesson" in level["steps"][0], f"{level['id']} must open with a lesson"


def test_at_least_72_questions_and_all_kinds_used(content):
    qs = all_questions(content)
    assert len(qs) >= 72
    kinds = Counter(q["kind"] for q in qs)
    assert set(kinds) == set(KINDS), kinds
    assert kinds["order"] >= 1, kinds
    assert kinds["match"] >= 2, kinds


def test_ids_are_unique_across_the_file(content):
    ids = []
    for level in content["levels"]:
        for step in level["steps"]:
            ids.append(step.get("lesson") or step.get("question"))
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes, dupes


def test_replay_names_an_earlier_lesson_of_the_same_level(content):
    for level in content["levels"]:
        seen = set()
        for step in level["steps"]:
            if "lesson" in step:
                seen.add(step["lesson"])
            else:
                assert step["replay"] in seen, (
                    f"{step['question']}: replay {step['replay']!r} is not a lesson taught before it in {level['id']}"
                )


def test_question_shapes(content):
    for q in all_questions(content):
        qid = q["question"]
        if q["kind"] == "choice":
            choices = q["choices"]
            assert 2 <= len(choices) <= 6, qid
            assert len(set(map(normalise, choices))) == len(choices), f"{qid}: repeated choice"
            assert choices.count(q["answer"]) == 1, f"{qid}: answer must be exactly one choice"
        elif q["kind"] == "order":
            assert 3 <= len(q["items"]) <= 5, qid
            assert len(set(q["items"])) == len(q["items"]), qid
        elif q["kind"] == "match":
            pairs = q["pairs"]
            assert 3 <= len(pairs) <= 4, qid
            assert all(isinstance(p, list) and len(p) == 2 for p in pairs), qid
            assert len({p[0] for p in pairs}) == len(pairs), qid
            assert len({p[1] for p in pairs}) == len(pairs), qid


def test_no_duplicate_prompts(content):
    prompts = [normalise(q["prompt"]) for q in all_questions(content)]
    dupes = [p for p, n in Counter(prompts).items() if n > 1]
    assert not dupes, dupes


def test_choice_answer_positions_are_balanced(content):
    positions = Counter(q["choices"].index(q["answer"]) for q in all_questions(content) if q["kind"] == "choice")
    total = sum(positions.values())
    assert total, "no choice questions"
    for position, count in positions.items():
        assert count / total <= 0.40, f"position {position} holds {count}/{total}: {positions}"


def answer_length_ranks(data):
    """(questions where the answer is the longest choice, ... the shortest, choice questions)."""
    longest = shortest = total = 0
    for q in all_questions(data):
        if q["kind"] != "choice":
            continue
        sizes = [len(choice) for choice in q["choices"]]
        answer = len(q["answer"])
        longest += answer == max(sizes)
        shortest += answer == min(sizes)
        total += 1
    return longest, shortest, total


def test_the_answer_is_not_usually_the_longest_or_shortest_choice(content):
    longest, shortest, total = answer_length_ranks(content)
    assert total, "no choice questions"
    assert longest / total <= MAX_ANSWER_LONGEST, f"the answer is the longest choice in {longest} of {total}"
    assert shortest / total <= MAX_ANSWER_SHORTEST, f"the answer is the shortest choice in {shortest} of {total}"


def absurd_options(data, patterns):
    """(question, option) for every wrong choice that matches one of the patterns."""
    return [
        (q["question"], choice)
        for q in all_questions(data)
        if q["kind"] == "choice"
        for choice in q["choices"]
        if choice != q["answer"] and any(re.search(p, choice, re.IGNORECASE) for p in patterns)
    ]


def test_no_wrong_option_is_absurd_on_its_face(content):
    found = absurd_options(content, ABSURD_OPTIONS)
    assert not found, found


def test_true_and_false_answers_are_both_common(content):
    answers = Counter(q["answer"] for q in all_questions(content) if q["kind"] == "truefalse")
    total = sum(answers.values())
    assert answers[True] / total <= 0.65 and answers[False] / total <= 0.65, answers


# ---------------------------------------------------------------- faithful to the article


def test_every_source_is_an_article_section_id(content):
    for q in all_questions(content):
        assert q["source"] in HEADINGS, (q["question"], q["source"])


def test_every_section_is_tested_three_times_and_taught_by_a_lesson(content):
    lesson_ids = {lesson["lesson"] for level in content["levels"] for lesson in lessons(level)}
    tested = Counter(q["source"] for q in all_questions(content))
    taught = {}  # heading -> the lessons its questions send the player back to
    for q in all_questions(content):
        if q["replay"] in lesson_ids:
            taught.setdefault(q["source"], set()).add(q["replay"])
    for heading in HEADINGS:
        assert tested[heading] >= 3, f"{heading!r} is tested by {tested[heading]} questions"
        assert taught.get(heading), f"no lesson teaches {heading!r}"


def test_no_hype_or_absolute_promises(content):
    for where, text in all_texts(content):
        for pattern in FORBIDDEN:
            assert not re.search(pattern, text, re.IGNORECASE), f"{where}: {pattern!r} in {text!r}"


def test_no_numbers_but_the_infusion_length(content):
    # The article gives no success rates; the only number it gives is how long an infusion lasts.
    for where, text in all_texts(content):
        bare = text.replace("30 minutes", "")
        assert not re.search(r"\d|%|\bper ?cent\b", bare, re.IGNORECASE), f"{where}: {text!r}"


def test_side_effect_explanations_end_by_pointing_to_the_care_team(content):
    # The reminder belongs to the side-effects level, where the article talks about care;
    # repeated in every level it became noise, so other levels must not carry it.
    for level in content["levels"]:
        for q in questions(level):
            reminded = bool(CARE_TEAM_REMINDER.search(q["explain"]))
            if level["id"] == "side-effects":
                last = sentences(q["explain"])[-1]
                assert CARE_TEAM_REMINDER.search(last), f"{q['question']}: {q['explain']!r}"
            else:
                assert not reminded, f"{q['question']}: the reminder is for the side-effects level only"
        if level["id"] != "side-effects":
            for lesson in lessons(level):
                assert not CARE_TEAM_REMINDER.search(lesson["caption"]), lesson["lesson"]


def test_the_care_team_card_asks_in_the_first_person_about_each_topic(content):
    # Questions a patient reads out to their own care team: "Is immunotherapy a choice for my cancer?"
    card = content["ask_your_team"]
    for question in card:
        assert question.endswith("?") and len(sentences(question)) == 1, question
        assert re.search(r"\b(I|my|me|we)\b", question), f"not in the first person: {question!r}"
    topics = ("choice for my cancer", "how is it given", "session", "side effects", "call", "working", "results")
    joined = " ".join(card).lower()
    assert [t for t in topics if t not in joined] == []


def test_no_long_runs_copied_from_the_article():
    article = CONTENT.parent.parent / "shared" / "source" / "immunotherapy-article.txt"
    if not article.exists():
        pytest.skip("the source article is not beside the repository")
    data = load()

    def grams(text, n=8):
        w = normalise(text.replace("’", "'")).split()
        return {tuple(w[i : i + n]) for i in range(len(w) - n + 1)}

    source = grams(article.read_text(encoding="utf-8"))
    for where, text in all_texts(data):
        copied = grams(text) & source
        assert not copied, f"{where} copies the article: {' '.join(sorted(copied)[0])!r}"


# ---------------------------------------------------------------- plain language


def test_screen_length_limits(content):
    problems = []

    def check(kind, where, text):
        if len(text) > MAX_LEN[kind]:
            problems.append(f"{where} {kind} has {len(text)} > {MAX_LEN[kind]}: {text!r}")

    for i, paragraph in enumerate(content["about"]):
        check("about", f"about[{i}]", paragraph)
    for i, question in enumerate(content["ask_your_team"]):
        check("ask_your_team", f"ask_your_team[{i}]", question)
    for entry in content["glossary"]:
        check("term", entry["term"], entry["term"])
        check("meaning", entry["term"], entry["meaning"])
    for level in content["levels"]:
        check("title", level["id"], level["title"])
        check("summary", level["id"], level["summary"])
        for step in level["steps"]:
            if "lesson" in step:
                check("caption", step["lesson"], step["caption"])
                continue
            qid = step["question"]
            check("prompt", qid, step["prompt"])
            check("explain", qid, step["explain"])
            for choice in step.get("choices", []):
                check("choice", qid, choice)
            for item in step.get("items", []):
                check("item", qid, item)
            for pair in step.get("pairs", []):
                for side in pair:
                    check("match", qid, side)
    assert not problems, "\n".join(problems)


def test_captions_and_explanations_are_short(content):
    for level in content["levels"]:
        for step in level["steps"]:
            if "lesson" in step:
                n = len(sentences(step["caption"]))
                assert 1 <= n <= 3, f"{step['lesson']}: {n} sentences"
            else:
                n = len(sentences(step["explain"]))
                assert 1 <= n <= 3, f"{step['question']}: {n} sentences"
    for entry in content["glossary"]:
        assert 1 <= len(sentences(entry["meaning"])) <= 2, entry["term"]


def test_sentences_have_at_most_twenty_words(content):
    long = [
        f"{where}: {sentence!r}"
        for where, text in all_texts(content)
        for sentence in sentences(text)
        if len(words(sentence)) > MAX_SENTENCE_WORDS
    ]
    assert not long, "\n".join(long)


def test_each_text_reads_at_grade_eight_or_below(content):
    textstat = pytest.importorskip("textstat")
    hard = []
    for where, text in graded_texts(content):
        if len(words(text)) >= 10:
            grade = textstat.flesch_kincaid_grade(text)
            if grade > MAX_GRADE_EACH:
                hard.append(f"{where}: grade {grade:.1f}: {text!r}")
    assert not hard, "\n".join(hard)


def test_each_level_reads_at_grade_six_or_below(content):
    textstat = pytest.importorskip("textstat")
    for level in content["levels"]:
        grade = textstat.flesch_kincaid_grade(level_text(level))
        assert grade <= MAX_GRADE_LEVEL, f"{level['id']}: grade {grade:.2f}"


def test_british_spelling(content):
    for where, text in all_texts(content):
        for pattern in AMERICAN:
            assert not re.search(pattern, text, re.IGNORECASE), f"{where}: {text!r}"
        for word in re.findall(r"[A-Za-z]+iz(?:e|es|ed|ing)\b", text):
            assert word.lower() in IZE_OK, f"{where}: {word!r} (use -ise)"


# ---------------------------------------------------------------- glossary


def test_glossary_has_at_least_twelve_unique_entries(content):
    terms = [normalise(entry["term"]) for entry in content["glossary"]]
    assert len(terms) >= 12
    assert len(set(terms)) == len(terms)


def test_glossary_terms_are_taught_before_questions_use_them(content):
    forms = {
        entry["term"]: [term_pattern(f) for f in [entry["term"], *entry.get("also", [])]]
        for entry in content["glossary"]
    }

    def mentions(text):
        return {term for term, patterns in forms.items() if any(p.search(text) for p in patterns)}

    taught = set()
    early = []
    for level in content["levels"]:  # play order: levels in order, then steps in order
        for step in level["steps"]:
            if "lesson" in step:
                taught |= mentions(step["caption"])
                continue
            for text in question_texts(step):
                for term in mentions(text) - taught:
                    early.append(f"{step['question']} uses {term!r} before any lesson: {text!r}")
    assert not early, "\n".join(sorted(set(early)))
