"""A whole interview by keystrokes, and what it leaves in the database and on the screen."""

import re
import stat

from conftest import (
    DIMENSIONS, ITEM_IDS, PART1_ITEMS, PARTS, SPACED_RECEIPT, TOTAL_ITEMS, WELCOME, answers_of, assert_scores,
    demographics_of, expected_scores, format_score, only_response_id, query, receipt_proves,
)

# Statement k gets score k % 11 (so 10 is typed as "1" "0" at k = 10, 21, 32, 43, 54), except these,
# answered with "w" (weet niet). Statements 63..66 are the four of "Mijn wijk | Dagelijks functioneren":
# with three of them weet niet, fewer than half are answered and that dimension gets no score.
WEET_NIET = {5, 17, 44, 63, 64, 65}
TYPED = [None if k in WEET_NIET else k % 11 for k in range(1, TOTAL_ITEMS + 1)]
REFLECTIONS = [
    "Dat mijn kleinkinderen vaker langskomen.",
    "Meer bewegen, één keer per week zwemmen.",
    "",
    "Meer groen en bankjes bij de speeltuin.",
    "Een koffieochtend in het buurthuis.",
]
PROMPT_IDS = ["matters", "change", "help", "improve", "contribute"]


def web_labels(part_index, scores):
    part_id = PARTS[part_index][0]
    return [f"{name} {format_score(scores[(part_id, dimension)][0])}" for _, dimension, name in DIMENSIONS]


def test_complete_interview_is_stored_exactly_as_typed(tui, db_path):
    assert not db_path.parent.exists()
    tui.start("interview")
    area_screen = tui.begin_interview(area="Beij", area_match="Beijum", demographics=("2", "3", "6"))
    chosen_area = re.search(r"^\s*> Beijum.*\s([A-Z]{2}\d{4,})\s*$", area_screen, re.MULTILINE)
    assert chosen_area, f"no area code next to the first match:\n{area_screen}"

    expected = dict(zip(ITEM_IDS, TYPED))
    scores = expected_scores(expected)

    tui.answer_all(TYPED[:PART1_ITEMS], check_statements=True)
    web = tui.wait_for("Uw spinnenweb: Mijn gezondheid")
    for label in web_labels(0, scores):
        assert label in web, f"the web of part 1 should show {label!r}\n{web}"
    tui.send("Enter")

    tui.answer_all(TYPED[PART1_ITEMS:], first=PART1_ITEMS + 1, check_statements=True)
    web = tui.wait_for("Uw spinnenweb: Mijn wijk")
    for label in web_labels(1, scores):
        assert label in web, f"the web of part 2 should show {label!r}\n{web}"

    tui.reflect(REFLECTIONS)
    summary = tui.screen()
    answered = sum(value is not None for value in TYPED)
    assert f"{answered} van de {TOTAL_ITEMS} stellingen beantwoord, {len(WEET_NIET)} keer weet niet." in summary
    assert "4 van de 5 vragen om na te denken beantwoord." in summary
    for _, dimension, name in DIMENSIONS:
        health = format_score(scores[("health", dimension)][0])
        neighbourhood = scores[("neighbourhood", dimension)][0]
        neighbourhood = "geen score" if neighbourhood is None else format_score(neighbourhood)
        assert re.search(rf"{name}\s+{re.escape(health)}\s+{re.escape(neighbourhood)}\s*$", summary, re.MULTILINE), (
            f"summary line for {name} should read {health} / {neighbourhood}\n{summary}")
    # Until Enter on the summary, the interview is not completed.
    assert query(db_path, "SELECT status FROM responses") == [("in_progress",)]

    tui.send("Enter")
    saved = tui.wait_for("Uw bewijsnummer:")
    assert "Opgeslagen" in saved
    shown = SPACED_RECEIPT.search(saved)
    assert shown, f"no receipt code on the saved screen\n{saved}"
    receipt = shown.group(1).replace(" ", "")

    responses = query(db_path, "SELECT id, status, receipt_code, area_code, volunteer_code, language, position, "
                               "completed_at FROM responses")
    assert len(responses) == 1, responses
    response_id, status, receipt_code, area_code, volunteer_code, language, position, completed_at = responses[0]
    assert status == "completed"
    assert receipt_code is None and receipt_proves(db_path, response_id, receipt)
    assert area_code == chosen_area.group(1)
    assert volunteer_code == "V12"
    assert language == "nl"
    assert position is None
    assert completed_at

    # All 66 answers, exactly as typed, weet niet as NULL (see conftest for the two storage layouts).
    stored = answers_of(db_path, response_id)
    assert len(stored) == TOTAL_ITEMS
    assert stored == expected
    assert sorted(item for item, value in stored.items() if value is None) == sorted(
        ITEM_IDS[k - 1] for k in WEET_NIET)

    assert_scores(db_path, response_id, expected)

    # 2 = 25 tot en met 44 jaar, 3 = anders, 6 = zeg ik liever niet (stored as no answer).
    assert demographics_of(db_path, response_id) == {"age": "25-44", "sex": "anders", "household": None}

    reflections = dict(query(db_path, "SELECT prompt_id, text FROM reflections WHERE response_id = ?",
                             (response_id,)))
    assert reflections == {prompt: text for prompt, text in zip(PROMPT_IDS, REFLECTIONS) if text}

    # Privacy: Enter on the saved screen starts over and the receipt code is gone from the screen.
    tui.send("Enter")
    welcome = tui.wait_for(WELCOME)
    for screen in (welcome, tui.screen(history=True)):
        assert shown.group(1) not in screen
        assert receipt not in screen

    # The database and the folder it was created in are the owner's only.
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    for path in [db_path, *db_path.parent.glob(db_path.name + "-*")]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, f"{path.name} should be 0600"


def test_saved_screen_clears_itself_after_idle_time(tui, db_path):
    # Every key comes within a fraction of a second, so only the saved screen sits idle for 4 s.
    tui.start("interview", idle=4)
    tui.begin_interview()
    tui.answer_all([None] * PART1_ITEMS)
    tui.wait_for("Uw spinnenweb: Mijn gezondheid")
    tui.send("Enter")
    tui.answer_all([None] * (TOTAL_ITEMS - PART1_ITEMS), first=PART1_ITEMS + 1)
    tui.reflect([""] * 5)
    assert "0 van de 66 stellingen beantwoord, 66 keer weet niet." in tui.screen()
    tui.send("Enter")
    saved = tui.wait_for("Uw bewijsnummer:")
    spaced = SPACED_RECEIPT.search(saved).group(1)
    assert receipt_proves(db_path, query(db_path, "SELECT id FROM responses")[0][0], spaced.replace(" ", ""))
    # No key: after the idle time the welcome screen is back and the code is gone.
    welcome = tui.wait_for(WELCOME, timeout=15)
    assert spaced not in welcome
    response_id = only_response_id(db_path)
    assert answers_of(db_path, response_id) == dict.fromkeys(ITEM_IDS)
    assert_scores(db_path, response_id, dict.fromkeys(ITEM_IDS))  # no statement answered: no scores at all
