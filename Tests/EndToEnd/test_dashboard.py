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


def test_dashboard_breaks_an_area_down_by_kind_and_by_a_theme_module(tui, db_path):
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO))
    subprocess.run([str(BINARY), "demo", "--db", str(db_path), "--responses", "800", "--seed", "9", "--no-previous",
                    "--module", "digitale-vaardigheden"], check=True, env=environment, capture_output=True)
    tui.start("dashboard", idle=None)
    tui.wait_for("Groningen")
    tui.send("Enter")  # the gemeente
    tui.wait_for("95%-int.")
    # b cycles age, sex, household, the module's question, then the kind of area.
    tui.send("b", "b", "b", "b")
    tui.wait_for("Kunt u zaken online regelen", timeout=180)  # four breakdowns computed on a busy machine
    tui.wait_for("met hulp van iemand", timeout=60)
    tui.send("b")
    tui.wait_for("Soort gebied", timeout=60)
    screen = tui.wait_for(re.compile(r"^\s*stadswijk\s+\d+", re.MULTILINE), timeout=60)
    assert re.search(r"^\s*dorp\s+\d+", screen, re.MULTILINE), screen
    assert re.search(r"^\s*stadswijk\s+\d+", screen, re.MULTILINE), screen
    tui.send("q")
    tui.wait_dead()
