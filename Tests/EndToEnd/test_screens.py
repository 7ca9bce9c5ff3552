"""Screens around the statements: window size, language, going back, help, Ctrl-C and the idle pause."""

import re
import time

from conftest import (BINARY, WELCOME, answers_of, dutch_and_english_only, flat, item_progress, query, shell_quote,
                      statement_text)


def test_too_small_window_shows_a_message_until_it_is_resized(tui):
    tui.start("interview", width=60, height=20)
    screen = tui.wait_for("Het venster is te klein")
    assert "Het venster is te klein (60 x 20). Maak het minstens 80 x 24 tekens groot." in flat(screen)
    assert WELCOME not in screen

    tui.resize(100, 30)
    screen = tui.wait_for(WELCOME)
    assert "te klein" not in screen
    # Drawn for the new size: the rule under the title spans the 100 columns.
    assert "─" * 100 in screen


def test_resizing_during_a_statement_keeps_the_chosen_score(tui, db_path):
    tui.start("interview")
    tui.begin_interview()
    tui.send("6")
    tui.wait_for("[6]")
    tui.resize(70, 22)
    screen = tui.wait_for("Het venster is te klein (70 x 22)")
    assert "Stelling" not in screen and "[6]" not in screen
    tui.resize(100, 30)
    screen = tui.wait_for(item_progress(1))
    assert "[6]" in screen
    tui.send("Enter")
    tui.wait_for(item_progress(2))
    assert answers_of(db_path) == {"h-lf-1": 6}


def test_f2_switches_language_and_keeps_the_slider(tui, db_path, tmp_path):
    tui.start("interview", extra_env={"WIJKWEB_DATA": dutch_and_english_only(tmp_path)})
    tui.begin_interview()
    tui.send("7")
    tui.wait_for("[7]")

    tui.send("F2")
    screen = tui.wait_for(item_progress(1, "en"))
    assert "[7]" in screen
    assert statement_text("h-lf-1", "en") in flat(screen)
    assert "Stelling" not in screen and statement_text("h-lf-1", "nl") not in flat(screen)
    assert query(db_path, "SELECT language FROM responses") == [("en",)]
    assert answers_of(db_path) == {}, "switching language must not confirm the slider"

    tui.send("F2")
    screen = tui.wait_for(item_progress(1, "nl"))
    assert "[7]" in screen
    assert statement_text("h-lf-1", "nl") in flat(screen)
    assert query(db_path, "SELECT language FROM responses") == [("nl",)]

    tui.send("Enter")
    tui.wait_for(item_progress(2))
    assert answers_of(db_path) == {"h-lf-1": 7}


def test_backspace_goes_back_and_changes_an_answer(tui, db_path):
    tui.start("interview")
    tui.begin_interview()
    tui.answer_all([4, 6, 8])
    tui.wait_for(item_progress(4))
    assert answers_of(db_path) == {"h-lf-1": 4, "h-lf-2": 6, "h-lf-3": 8}

    tui.send("BSpace")
    screen = tui.wait_for(item_progress(3))
    assert "Eerder gekozen: 8" in screen
    assert "[8]" in screen, "the slider starts at the earlier answer"
    assert statement_text("h-lf-3") in flat(screen)
    tui.send("2", "Enter")
    screen = tui.wait_for(item_progress(4))
    assert "Eerder gekozen" not in screen
    assert answers_of(db_path) == {"h-lf-1": 4, "h-lf-2": 6, "h-lf-3": 2}
    assert query(db_path, "SELECT count(*) FROM answers") == [(3,)]

    # Esc goes back as well, and shows the changed answer.
    tui.send("Escape")
    screen = tui.wait_for(item_progress(3))
    assert "Eerder gekozen: 2" in screen
    tui.send("Enter")
    tui.wait_for(item_progress(4))
    assert answers_of(db_path) == {"h-lf-1": 4, "h-lf-2": 6, "h-lf-3": 2}


def test_help_screen_lists_the_keys_and_any_key_closes_it(tui, db_path):
    tui.start("interview")
    tui.begin_interview()
    tui.send("5")
    tui.wait_for("[5]")

    tui.send("?")
    screen = tui.wait_for("Alle toetsen")
    assert "Stelling" not in screen
    assert "Ctrl-C" in screen and "weet niet" in screen
    # The key that closes the help is not taken as an answer.
    tui.send("3")
    screen = tui.wait_for(item_progress(1))
    assert "[5]" in screen and "[3]" not in screen

    tui.send("F1")
    tui.wait_for("Alle toetsen")
    tui.send("Enter")
    screen = tui.wait_for(item_progress(1))
    assert "[5]" in screen
    assert answers_of(db_path) == {}, "closing the help with Enter must not confirm the slider"


def test_ctrl_c_stops_and_restores_the_terminal(tui, db_path, tmp_path):
    tui.start_shell()
    tui.wait_for("E2E$")
    tui.type("stty -g > stty-before.txt; " + shell_quote(BINARY, "interview", "--idle", "600"))
    tui.send("Enter")
    tui.begin_interview()
    tui.answer_all([4, None])
    tui.wait_for(item_progress(3))
    tui.send("9")  # on the slider, never confirmed
    tui.wait_for("[9]")
    assert tui.pane("alternate_on") == "1"

    tui.send("C-c")
    screen = tui.wait_gone("Stelling")
    assert "[9]" not in screen
    tui.type('echo "wijkweb-exit=$?"; stty -g > stty-after.txt; echo stty-done')
    tui.send("Enter")
    screen = tui.wait_for(re.compile(r"^stty-done$", re.MULTILINE))
    status = int(re.search(r"^wijkweb-exit=(\d+)$", screen, re.MULTILINE).group(1))
    assert status < 128, f"wijkweb ended by a signal (status {status})"
    # The shell echoes what is typed again, and the terminal modes are as before the program started.
    assert 'echo "wijkweb-exit=$?"' in screen
    assert tui.pane("alternate_on") == "0", "the program left the alternate screen on"
    assert tui.pane("cursor_flag") == "1", "the program left the cursor hidden"
    before = (tmp_path / "stty-before.txt").read_text().strip()
    after = (tmp_path / "stty-after.txt").read_text().strip()
    assert before and after == before, "terminal settings differ after Ctrl-C"

    assert query(db_path, "SELECT status FROM responses") == [("in_progress",)]
    assert answers_of(db_path) == {"h-lf-1": 4, "h-lf-2": None}


def test_idle_pause_hides_the_statement_until_enter(tui, db_path):
    tui.start("interview", idle=2)
    tui.begin_interview()
    tui.answer(1, 6)
    tui.wait_for(item_progress(2))
    tui.send("3")
    sent = time.monotonic()
    tui.wait_for("[3]")

    screen = tui.wait_for("Gesprek gepauzeerd", timeout=10)
    waited = time.monotonic() - sent
    assert waited >= 1.9, f"paused after {waited:.1f} s, before the idle time of 2 s"
    assert statement_text("h-lf-2") not in flat(screen)
    assert "Stelling" not in screen and "[3]" not in screen

    tui.send("Enter")
    screen = tui.wait_for(item_progress(2))
    assert statement_text("h-lf-2") in flat(screen)
    assert "[3]" in screen, "the score on the slider survives the pause"
    assert answers_of(db_path) == {"h-lf-1": 6}, "the Enter that ends the pause must not confirm the slider"
