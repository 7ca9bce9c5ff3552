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


def test_the_area_screen_says_who_was_reached_and_shows_the_monitor_figures(tui, db_path, tmp_path):
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO))

    def wijkweb(*arguments):
        subprocess.run([str(BINARY), *arguments, "--db", str(db_path)], check=True, env=environment, capture_output=True)

    wijkweb("demo", "--responses", "600", "--seed", "9", "--no-previous")
    round_name = subprocess.run([str(BINARY), "round", "list", "--db", str(db_path)], env=environment, capture_output=True,
                                text=True).stdout.splitlines()[0].split("\t")[0]
    wijken = [line.split(",")[1] for line in (REPO / "Areas" / "groningen.csv").read_text().splitlines() if line.startswith("wijk,")]
    population = tmp_path / "bevolking.csv"
    population.write_text("code,Mannen,Vrouwen,k_15Tot25Jaar,k_25Tot45Jaar,k_45Tot65Jaar,k_65JaarOfOuder\n"
                          + "".join(f"{code},1000,1000,1200,300,300,200\n" for code in wijken))
    wijkweb("round", "population", round_name, str(population))
    monitor = tmp_path / "monitor.csv"
    monitor.write_text("area_code,indicator_id,label_nl,label_en,value,unit,year,source,dimension,higher_is_better\n"
                       "GM0014,ggd_eenzaam,Ernstig eenzaam,Severely lonely,11.2,%,2022,GGD,mentaal_welbevinden,0\n")
    wijkweb("indicators", "import", str(monitor))
    tui.start("dashboard", idle=None)
    tui.wait_for("Groningen", timeout=120)  # reach needs the sex and age breakdowns first
    tui.send("Enter")
    screen = tui.wait_for("Bereik:", timeout=60)
    assert "ondervertegenwoordigd" in screen
    tui.wait_for("Ernstig eenzaam: 11,2 %")
    tui.send("F2")
    tui.wait_for("Severely lonely: 11.2 %")
    tui.send("q")
    tui.wait_dead()
