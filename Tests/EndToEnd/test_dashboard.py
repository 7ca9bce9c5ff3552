"""The dashboard driven in tmux on a demo database: overview, an area, a breakdown, back, quit."""
import re
import subprocess

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO
from test_weighting import weighted_db  # noqa: F401  (a fixture)


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
    # The breakdown is computed when first asked for: seconds in a debug build on a busy machine.
    tui.wait_for("15 tot en met 24 jaar", timeout=90)
    tui.send("Escape")
    tui.wait_for("Enter: details")
    tui.send("q")
    tui.wait_dead()


def test_dashboard_switches_to_the_weighted_view_of_profile_weighted(tui, weighted_db):
    """w shows the same protected weighted figures as `profile --weighted`; the screen says which view it shows."""
    import csv
    import io
    db_path, round_name, _ = weighted_db
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO))

    def gemeente_means(*extra):
        out = subprocess.run([str(BINARY), "profile", "--db", str(db_path), "--round", round_name, "--format", "csv", *extra],
                             check=True, env=environment, capture_output=True, text=True).stdout
        rows = [row for row in csv.DictReader(io.StringIO(out))
                if row["level"] == "gemeente" and row["part"] == "health" and not row["category"]]
        return [f"{float(row['mean']):.1f}".replace(".", ",") for row in rows]

    plain, weighted = gemeente_means(), gemeente_means("--weighted")
    assert plain != weighted, "the population moves the gemeente's means"
    tui.start("dashboard", "--round", round_name, idle=None, width=120, height=40)
    screen = tui.wait_for("Groningen")
    assert "ongewogen" in screen and "w: gewogen" in screen and "geen bevolking" not in screen

    def first_row(screen):
        line = next(line for line in screen.splitlines() if line.strip().startswith("Groningen"))
        return re.findall(r"\d+,\d", line)

    assert first_row(screen) == plain, screen
    tui.send("w")
    # Computing the weighted publication takes a few seconds on a busy machine (a debug build).
    screen = tui.wait_for("gewogen naar de bevolking", timeout=90)
    assert "w: ongewogen" in screen
    assert first_row(screen) == weighted, screen
    tui.send("Enter")
    area = tui.wait_for("95%-int.")
    assert "gewogen naar de bevolking" in area
    tui.send("Escape")
    tui.wait_for("Enter: details")
    tui.send("w")
    screen = tui.wait_for("w: gewogen")
    assert first_row(screen) == plain
    tui.send("q")
    tui.wait_dead()


def test_dashboard_says_when_no_population_is_loaded(tui, db_path):
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO))
    subprocess.run([str(BINARY), "demo", "--db", str(db_path), "--responses", "400", "--seed", "9"],
                   check=True, env=environment, capture_output=True)
    tui.start("dashboard", idle=None)
    screen = tui.wait_for("Groningen")
    assert "ongewogen (geen bevolking)" in screen and "w: gewogen" not in screen
    tui.send("w")
    screen = tui.wait_for("ongewogen (geen bevolking)")
    assert "gewogen naar de bevolking" not in screen
    tui.send("q")
    tui.wait_dead()
