"""Nothing from a file or the database reaches the terminal raw: a round name, an area name and a
reflection holding OSC 52 (set the clipboard), CSI 2J (clear the screen) and OSC 0 (retitle the window)
are shown with their control characters made visible on every screen (menu, interview round choice,
dashboard, review), and the terminal obeys none of them."""
import re
import sqlite3
import subprocess

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO, WELCOME

OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J"
TITLE = "\x1b]0;PWNED\x07"
HOSTILE = OSC52 + "X" + CLEAR + "Y" + TITLE
# The visible form: ESC as U+241B, BEL as U+2407 (TerminalText).
SHOWN = "\u241b]52;c;cm0gLXJmIH4=\u2407X\u241b[2JY\u241b]0;PWNED\u2407"
# Colour and attribute changes (SGR) are the program's own; every other escape sequence is not.
SGR = re.compile(r"\x1b\[[0-9;:]*m")


def prepare(db_path):
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO))
    subprocess.run([str(BINARY), "demo", "--db", str(db_path), "--responses", "400", "--seed", "9"],
                   check=True, env=environment, capture_output=True)
    connection = sqlite3.connect(str(db_path))
    with connection:
        # Every round gets a hostile name, so whichever a screen shows first carries it.
        for (round_id,) in connection.execute("SELECT id FROM rounds").fetchall():
            connection.execute("UPDATE rounds SET name = ? WHERE id = ?", (f"R{round_id}" + HOSTILE, round_id))
        connection.execute("UPDATE areas SET name = ? WHERE code = 'GB001401'", ("Centrum" + HOSTILE,))
        response_id, area_code = connection.execute(
            "SELECT id, area_code FROM responses WHERE status = 'completed' ORDER BY key LIMIT 1").fetchone()
        connection.execute("UPDATE areas SET name = ? WHERE code = ?", ("Wijkje" + HOSTILE, area_code))
        connection.execute("INSERT INTO reflections (response_id, prompt_id, text) VALUES (?, 'improve', ?)",
                           (response_id, "Meer groen" + HOSTILE + " in de straat."))
    connection.close()


def assert_clean(tui, where):
    """The pane holds no escape sequence but the program's colours, shows the names' visible forms,
    kept its title and got no clipboard buffer."""
    coloured = tui.tmux("capture-pane", "-e", "-p", "-t", tui.session).stdout
    stray = SGR.sub("", coloured)
    assert "\x1b" not in stray, f"{where}: an escape sequence other than colour on the screen: {stray!r}"
    assert "\u241b]52;" in tui.screen(), f"{where}: the visible form is shown\n{tui.screen()}"
    assert "PWNED" not in tui.pane("pane_title"), f"{where}: the window title was changed"
    assert tui.tmux("list-buffers").stdout.strip() == "", f"{where}: OSC 52 reached tmux's clipboard"


def test_hostile_names_and_reflections_stay_visible_text_on_every_screen(tui, db_path):
    prepare(db_path)
    tui.tmux("set-option", "-g", "set-clipboard", "on", check=False)

    # The menu names the open round.
    tui.start(width=120)
    menu = tui.wait_for("Nieuw gesprek")
    assert SHOWN[:20] in menu
    assert_clean(tui, "menu")
    # The interview's round choice lists every open round.
    tui.send("1")
    tui.wait_for(WELCOME)
    tui.send("Enter")
    choice = tui.wait_for("Uw vrijwilligerscode")
    assert re.search(r"R\d\u241b\]52;c;cm0gLXJmIH4=\u2407X\u241b\[2JY", choice), choice
    assert_clean(tui, "round choice")
    tui.kill()

    # The dashboard: the round in the header, the gebied in the overview and on its area screen.
    tui.start("dashboard", idle=None, width=160, height=40)
    overview = tui.wait_for("Centrum\u241b")
    assert "Centrum" + SHOWN[:30] in overview, overview
    assert_clean(tui, "dashboard overview")
    tui.send("Down", "Enter")
    area = tui.wait_for("95%-int.")
    assert "Centrum\u241b]52;" in area, area
    assert_clean(tui, "dashboard area")
    tui.send("q")
    tui.wait_dead()
    tui.kill()

    # The review: the reflection and its wijk.
    tui.start("review", idle=None, width=160, height=40)
    review = tui.wait_for("Meer groen")
    assert "Meer groen" + SHOWN in review.replace("\n", ""), review
    assert "Wijkje\u241b]52;" in review, review
    assert_clean(tui, "review")
    tui.send("q")
