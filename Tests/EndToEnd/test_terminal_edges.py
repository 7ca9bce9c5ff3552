"""Terminal edge cases: a dumb or unknown terminal, NO_COLOR, a non-UTF-8 locale, small and huge windows,
a resize to 20x10 in the middle of the interview and back, and bytes that are no UTF-8 at all. The program
never crashes and never loses its place."""

import pytest

from conftest import BINARY, TOTAL_ITEMS, WELCOME, answers_of, item_progress, query


def start(tui, width=100, height=30, **env):
    """Starts `wijkweb interview` with extra environment variables."""
    tui._new_session([str(BINARY), "interview", "--idle", "600"], width, height, env)


def assert_alive(tui):
    assert not tui.pane_dead(), f"the program ended:\n{tui.screen()}"


@pytest.mark.parametrize("term", ["dumb", "unknown-terminal-xyz"])
def test_a_dumb_or_unknown_terminal_gets_a_plain_message_or_a_working_screen(tui, db_path, term):
    start(tui, TERM=term)
    screen = tui.wait_until(lambda s: WELCOME in s or tui.pane_dead(), "the welcome screen or the program's end")
    if tui.pane_dead():
        message = " ".join(tui.screen(history=True).split())
        assert "terminal" in message.lower() and "TERM" in message, message
        assert "Fatal error" not in message and "Stack dump" not in message, message
        assert "--plain" not in message, "no such option"
        assert tui.pane("pane_dead_status") != "0"
    else:
        tui.begin_interview()
        tui.answer_all([6, 7])
        tui.wait_for(item_progress(3))
        assert answers_of(db_path) == {"h-lf-1": 6, "h-lf-2": 7}


def test_no_color_still_shows_the_slider_choice(tui, db_path):
    start(tui, NO_COLOR="1")
    tui.begin_interview()
    tui.send("7")
    screen = tui.wait_for("[7]")
    assert item_progress(1) in screen
    tui.send("Enter")
    tui.wait_for(item_progress(2))
    assert answers_of(db_path) == {"h-lf-1": 7}


def test_a_non_utf8_locale_falls_back_to_ascii(tui, db_path):
    start(tui, LANG="C", LC_ALL="C")
    tui.wait_for("Druk op Enter")
    tui.begin_interview()
    tui.answer_all([4, None, 9])
    screen = tui.wait_for(item_progress(4))
    assert_alive(tui)
    # Nothing on screen is a multi-byte character the C locale cannot show.
    assert all(ord(character) < 128 for character in screen), screen
    assert answers_of(db_path) == {"h-lf-1": 4, "h-lf-2": None, "h-lf-3": 9}


@pytest.mark.parametrize("size", [(80, 24), (300, 100)])
def test_the_interview_runs_in_small_and_huge_windows(tui, db_path, size):
    width, height = size
    start(tui, width=width, height=height)
    tui.begin_interview()
    tui.answer_all([1, 2, 3])
    screen = tui.wait_for(item_progress(4))
    assert "Kies een cijfer van 0 tot en met 10." in " ".join(screen.split())
    assert answers_of(db_path) == {"h-lf-1": 1, "h-lf-2": 2, "h-lf-3": 3}


def test_resizing_to_20x10_and_back_keeps_the_place_and_the_slider(tui, db_path):
    start(tui)
    tui.begin_interview()
    tui.answer_all([5, 6, 7, 8])
    tui.wait_for(item_progress(5))
    tui.send("3")
    tui.wait_for("[3]")
    for width, height in [(20, 10), (12, 5), (100, 30)]:
        tui.resize(width, height)
        tui.wait_until(lambda s: len(s.splitlines()[0]) <= width if s.splitlines() else True, "the resize")
        assert_alive(tui)
    # Back at full size: the same statement, the same unconfirmed score on the slider.
    screen = tui.wait_for(item_progress(5))
    assert "[3]" in screen, screen
    tui.send("Enter")
    tui.wait_for(item_progress(6))
    assert answers_of(db_path) == {"h-lf-1": 5, "h-lf-2": 6, "h-lf-3": 7, "h-lf-4": 8, "h-lf-5": 3}
    # Keys pressed while the window is tiny still count, and are stored.
    tui.resize(20, 10)
    tui.send("9", "Enter")
    tui.resize(100, 30)
    tui.wait_for(item_progress(7))
    assert answers_of(db_path)["h-lf-6"] == 9


def test_bytes_that_are_no_utf8_do_not_crash_a_text_field(tui, db_path):
    start(tui)
    tui.begin_interview()
    tui.answer_statements([5] * TOTAL_ITEMS)
    tui.wait_for("Uw spinnenweb: Mijn wijk")
    tui.send("Enter")
    tui.wait_for("Vraag 1 van 5")
    tui.type("Goed ")
    # Invalid UTF-8: a lone continuation byte, an overlong form, a truncated sequence, 0xff.
    tui.tmux("send-keys", "-t", tui.session, "-H", "80", "c0", "af", "e2", "82", "ff", "fe")
    tui.type("zo")
    tui.wait_for("zo")
    assert_alive(tui)
    tui.send("Tab")
    tui.wait_for("Vraag 2 van 5")
    (text,) = query(db_path, "SELECT text FROM reflections")[0]
    assert text.startswith("Goed ") and text.endswith("zo"), repr(text)
    text.encode("utf-8")  # what was stored is valid text


# Keys that are no answer, as the terminals send them: Home and End in tmux/screen/the Linux console,
# xterm and rxvt; Insert; Shift-Up; Ctrl-A; F13 in xterm and in the Linux console; a mouse click in the
# SGR and the X10 form; a focus report; an OSC reply.
STRAY_KEYS = [
    "\x1b[1~", "\x1b[4~", "\x1bOH", "\x1bOF", "\x1b[7~", "\x1b[8~",
    "\x1b[2~",
    "\x1b[1;2A",
    "\x01",
    "\x1b[1;2P", "\x1b[25~",
    "\x1b[<0;10;5M\x1b[<0;10;5m", "\x1b[M !!",
    "\x1b[I",
    "\x1b]11;rgb:0000/0000/0000\x07",
]


def send_stray_keys_and_check(tui, db_path, statement, stored_answers, stored_demographics):
    """Sends every stray key as raw bytes, then F1 so the screen proves all of them were read; the
    same statement shows, not paused, and nothing stored changed."""
    from conftest import answers_of, demographics_of, only_response_id

    for raw in STRAY_KEYS:
        tui.type(raw)
    tui.send("F1")
    tui.wait_for("Alle toetsen")
    tui.send("F1")
    screen = tui.wait_for(item_progress(statement))
    assert "gepauzeerd" not in screen
    assert_alive(tui)
    response_id = only_response_id(db_path)
    assert answers_of(db_path, response_id) == stored_answers
    assert demographics_of(db_path, response_id) == stored_demographics


def test_home_end_insert_shift_ctrl_f13_and_the_mouse_change_no_answer(tui, db_path):
    from conftest import answers_of, demographics_of, only_response_id

    start(tui)
    tui.begin_interview()
    response_id = only_response_id(db_path)
    demographics = demographics_of(db_path, response_id)
    assert len(demographics) == 3
    # On the first statement (where Home used to go back and answer the last demographic question).
    send_stray_keys_and_check(tui, db_path, 1, {}, demographics)
    tui.send("Escape")  # ...whereas a real Esc still goes back
    tui.wait_for("Met wie woont u samen?")
    tui.send("6")
    tui.answer(1, 7)
    tui.answer(2, 4)
    tui.wait_for(item_progress(3))
    stored = answers_of(db_path, response_id)
    assert stored == {"h-lf-1": 7, "h-lf-2": 4}
    send_stray_keys_and_check(tui, db_path, 3, stored, demographics)


def paste(tui, text):
    """Pastes `text` as a terminal does with bracketed paste on (tmux paste-buffer -p)."""
    tui.tmux("set-buffer", "-b", "e2e", text)
    tui.tmux("paste-buffer", "-p", "-b", "e2e", "-t", tui.session)


def test_a_paste_goes_into_a_text_and_does_nothing_on_a_statement(tui, db_path):
    from conftest import answers_of, only_response_id

    start(tui)
    tui.begin_interview()
    # A paste of "5" and a line break on a statement neither chooses nor confirms a score.
    paste(tui, "5\n")
    tui.send("F1")
    tui.wait_for("Alle toetsen")
    tui.send("F1")
    screen = tui.wait_for(item_progress(1))
    assert answers_of(db_path, only_response_id(db_path)) == {}
    assert "gepauzeerd" not in screen
    tui.answer_statements([5] * TOTAL_ITEMS)
    tui.wait_for("Uw spinnenweb: Mijn wijk")
    tui.send("Enter")
    tui.wait_for("Vraag 1 van 5")
    paste(tui, "Meer groen\nin de \x07wijk")
    tui.wait_for("in de wijk")
    tui.send("Tab")
    tui.wait_for("Vraag 2 van 5")
    (text,) = query(db_path, "SELECT text FROM reflections")[0]
    assert text == "Meer groen\nin de wijk", repr(text)
