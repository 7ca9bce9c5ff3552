"""An interview killed with SIGKILL keeps every confirmed answer and can be resumed or discarded."""

import re

from conftest import (
    ITEM_IDS, SPACED_RECEIPT, TOTAL_ITEMS, WELCOME, answers_of, assert_scores, demographics_of, item_progress, query,
    receipt_proves, response_refs, rows_of_response,
)

WEET_NIET = {5, 17, 30, 50}
TYPED = [None if k in WEET_NIET else k % 11 for k in range(1, TOTAL_ITEMS + 1)]
BEFORE_KILL = 20


def test_killed_interview_resumes_on_the_next_statement(tui, db_path):
    tui.start("interview")
    tui.begin_interview()
    tui.answer_all(TYPED[:BEFORE_KILL])
    # The next statement on screen proves the 20th answer was stored.
    tui.wait_for(item_progress(BEFORE_KILL + 1))
    tui.kill_program()

    responses = query(db_path, "SELECT id, status FROM responses")
    assert len(responses) == 1 and responses[0][1] == "in_progress", responses
    response_id = responses[0][0]
    assert answers_of(db_path, response_id) == dict(zip(ITEM_IDS[:BEFORE_KILL], TYPED[:BEFORE_KILL]))
    assert query(db_path, "SELECT count(*) FROM demographics WHERE response_id = ?", (response_id,)) == [(3,)]
    # Raw rows: one per confirmed statement, nothing for the statement on screen.
    assert query(db_path, "SELECT count(*), count(DISTINCT item_id) FROM answers") == [(BEFORE_KILL, BEFORE_KILL)]

    tui.kill()
    tui.start("interview")
    offer = tui.wait_for("Onderbroken gesprek")
    assert "h = hervatten" in offer
    stored = re.search(r"(\d+) stellingen beantwoord", offer)
    # The count covers the statements answered (20), not the questions about the resident.
    assert stored and int(stored.group(1)) == BEFORE_KILL, offer
    tui.send("h")
    resumed = tui.wait_for(item_progress(BEFORE_KILL + 1))
    assert "Eerder gekozen" not in resumed, "statement 21 was never answered"
    assert "Kies een cijfer van 0 tot en met 10." in resumed

    # The answers before the kill are back in the interview: one statement back shows the earlier score
    # on the slider, and Enter confirms it unchanged.
    tui.send("BSpace")
    back = tui.wait_for(item_progress(BEFORE_KILL))
    assert f"Eerder gekozen: {TYPED[BEFORE_KILL - 1]}" in back
    assert f"[{TYPED[BEFORE_KILL - 1]}]" in back
    tui.send("Enter")

    saved = tui.complete_interview(TYPED[BEFORE_KILL:], first=BEFORE_KILL + 1,
                                   reflections=["", "Vaker naar buiten.", "", "", ""])
    receipt = SPACED_RECEIPT.search(saved).group(1).replace(" ", "")

    assert query(db_path, "SELECT id, status FROM responses") == [(response_id, "completed")]
    assert receipt_proves(db_path, response_id, receipt)
    assert query(db_path, "SELECT count(*) FROM responses WHERE status = 'in_progress'") == [(0,)]
    assert query(db_path, "SELECT item_id, count(*) FROM answers GROUP BY item_id HAVING count(*) <> 1") == []
    # 66 answers, each once (answers_of fails on a duplicate), with the values typed before and after the kill.
    stored = answers_of(db_path, response_id)
    assert len(stored) == TOTAL_ITEMS
    assert stored == dict(zip(ITEM_IDS, TYPED))
    # The scores cover the answers from before the kill as well.
    assert_scores(db_path, response_id, dict(zip(ITEM_IDS, TYPED)))
    assert demographics_of(db_path, response_id) == {"age": "25-44", "sex": "anders", "household": None}
    assert query(db_path, "SELECT prompt_id, text FROM reflections") == [("change", "Vaker naar buiten.")]

    # Nothing is left to resume.
    tui.send("Enter")
    tui.wait_for(WELCOME)
    tui.kill()
    tui.start("interview")
    screen = tui.wait_for(WELCOME)
    assert "Onderbroken gesprek" not in screen


def test_discarding_an_interrupted_interview_removes_it_entirely(tui, db_path):
    tui.start("interview")
    # A completed interview first: discarding the interrupted one must leave it alone.
    tui.begin_interview(volunteer="V7")
    saved = tui.complete_interview([3] * TOTAL_ITEMS, reflections=["Rust.", "", "", "", ""])
    kept_receipt = SPACED_RECEIPT.search(saved).group(1).replace(" ", "")
    tui.send("Enter")

    # The interrupted one: every statement, the questions about the resident and one reflection stored.
    tui.begin_interview(volunteer="V12")
    tui.answer_statements(TYPED)
    tui.wait_for("Uw spinnenweb: Mijn wijk")
    tui.send("Enter")
    tui.wait_for("Vraag 1 van 5")
    tui.type("Weggooien graag.")
    tui.send("Tab")
    tui.wait_for("Vraag 2 van 5")
    tui.kill_program()

    (interrupted_id,) = query(db_path, "SELECT id FROM responses WHERE status = 'in_progress'")[0]
    (kept_id,) = query(db_path, "SELECT id FROM responses WHERE status = 'completed'")[0]
    interrupted = response_refs(db_path, interrupted_id)
    kept = response_refs(db_path, kept_id)
    before = rows_of_response(db_path, interrupted)
    assert {"answers", "demographics", "reflections"} <= set(before), sorted(before)
    assert [len(before[table]) for table in ("responses", "answers", "demographics", "reflections")] == [
        1, TOTAL_ITEMS, 3, 1]
    kept_rows = rows_of_response(db_path, kept)
    assert answers_of(db_path, kept_id) == dict.fromkeys(ITEM_IDS, 3)

    tui.kill()
    tui.start("interview")
    tui.wait_for("h = hervatten")
    # "w" asks first; "n" goes back to the offer without discarding anything.
    tui.send("w")
    tui.wait_for("Weet u zeker")
    tui.send("n")
    tui.wait_for("h = hervatten")
    assert query(db_path, "SELECT count(*) FROM responses WHERE id = ?", (interrupted_id,)) == [(1,)]
    tui.send("w")
    tui.wait_for("Weet u zeker")
    tui.send("j")
    screen = tui.wait_for(WELCOME)
    assert "Onderbroken gesprek" not in screen

    # No row of it is left in any table.
    after = rows_of_response(db_path, interrupted)
    assert set(after) == set(before)
    assert {table: rows for table, rows in after.items() if rows} == {}
    assert query(db_path, "SELECT count(*) FROM reflections WHERE text = 'Weggooien graag.'") == [(0,)]
    # The completed interview is untouched.
    assert query(db_path, "SELECT id, status FROM responses") == [(kept_id, "completed")]
    assert receipt_proves(db_path, kept_id, kept_receipt)
    assert rows_of_response(db_path, kept) == kept_rows

    # The next start goes straight to the welcome screen.
    tui.kill()
    tui.start("interview")
    screen = tui.wait_for(WELCOME)
    assert "Onderbroken gesprek" not in screen


def test_ctrl_c_then_resume_from_the_main_menu(tui, db_path):
    tui.start("interview")
    tui.begin_interview()
    tui.answer_all([7, 8, None])
    tui.wait_for(item_progress(4))
    tui.send("C-c")
    tui.wait_dead()
    assert query(db_path, "SELECT status FROM responses") == [("in_progress",)]

    # `wijkweb` alone: the menu offers resuming, and 2 goes straight back to statement 4.
    tui.kill()
    tui.start()
    menu = tui.wait_for("Gesprek hervatten")
    assert "Nieuw gesprek" in menu
    tui.send("2")
    screen = tui.wait_for(item_progress(4))
    assert "Eerder gekozen" not in screen
    tui.send("5", "Enter")
    tui.wait_for(item_progress(5))
    assert answers_of(db_path) == {"h-lf-1": 7, "h-lf-2": 8, "h-lf-3": None, "h-lf-4": 5}
