"""The dashboard driven in tmux on a demo database: overview, an area, a breakdown, back, quit."""
import re
import subprocess

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO


def test_dashboard_overview_area_and_breakdown(tui, db_path):
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO))
    subprocess.run([str(BINARY), "demo", "--db", str(db_path), "--responses", "400", "--seed", "9"],
                   check=True, env=environment, capture_output=True)
    tui.start("dashboard", idle=None)
    screen = tui.wait_for("Groningen")
    assert "Wijkprofielen" in screen
    # Small groups are suppressed on the overview: a "*" in a row's cells, not only in the legend below.
    rows = [line for line in screen.splitlines() if "onderdrukt" not in line]
    assert any(re.search(r"(^|\s)\*(\s|$)", line) for line in rows), screen
    tui.send("Down", "Enter")
    tui.wait_for("95%-int.")
    tui.send("b")
    tui.wait_for("Hoe oud bent u?")
    tui.wait_for("15 tot en met 24 jaar")
    tui.send("Escape")
    tui.wait_for("Enter: details")
    tui.send("q")
    tui.wait_dead()
