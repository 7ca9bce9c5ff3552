"""`wijkweb agenda`: every command end to end against the real binary and its database.

Recognition, opgaven, actions (status changes), the ondergrens; every change dated and in the audit log;
hostile strings (personal data, escape codes) refused with one sentence and nothing stored; the export in
CSV (formula-safe), XLSX and JSON read back; the import all or nothing with line-numbered problems.
"""
import csv
import io
import json
import os
import sqlite3
import subprocess
import zipfile
import xml.etree.ElementTree as ET

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO, query

ENVIRONMENT = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), TZ="UTC", LANG="C.UTF-8")
ROUND = "Demo 2026"
PREVIOUS = "Demo 2026 (vorig jaar)"
AREA = "WK001411"


def wijkweb(db_path, *arguments, check=True):
    result = subprocess.run([str(BINARY), *arguments, "--db", str(db_path)], capture_output=True, text=True,
                            env=ENVIRONMENT, timeout=120)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def refused(db_path, *arguments):
    """Runs a command that must fail with one plain sentence and change nothing in the agenda."""
    before = agenda_rows(db_path)
    result = wijkweb(db_path, *arguments, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "\x1b" not in result.stdout + result.stderr
    assert agenda_rows(db_path) == before
    return lines[0]


def agenda_rows(db_path):
    return [query(db_path, f"SELECT * FROM {table} ORDER BY 1, 2") for table in
            ("agenda_recognitions", "agenda_tasks", "agenda_actions", "agenda_floors")]


@pytest.fixture
def demo(db_path):
    wijkweb(db_path, "demo", "--responses", "400", "--seed", "5")
    return db_path


def test_each_change_is_stored_dated_and_audited(demo):
    wijkweb(demo, "agenda", "recognition", "--area", AREA, "--round", PREVIOUS, "--dimension", "meedoen", "--value", "deels",
            "--note", "eenzaamheid herkend, vervoer niet")
    assert "opgave 1 added" in wijkweb(demo, "agenda", "opgave", "add", "--area", AREA, "--round", PREVIOUS, "--dimension",
                                       "meedoen", "--text", "Meer plekken om elkaar te ontmoeten").stdout
    assert "action 1 added" in wijkweb(demo, "agenda", "action", "add", "--area", AREA, "--round", PREVIOUS, "--dimension",
                                       "meedoen", "--what", "Koffieochtend in de buurtkamer", "--who", "buurtteam",
                                       "--due", "2027-03-01").stdout
    wijkweb(demo, "agenda", "action", "update", "1", "--status", "bezig", "--by", "GT3")
    wijkweb(demo, "agenda", "opgave", "update", "1", "--text", "Meer ontmoetingsplekken")
    wijkweb(demo, "agenda", "ondergrens", "--area", AREA, "--dimension", "meedoen", "--value", "6,5", "--agreed-by",
            "wijkdialoog Noordoost", "--agreed-on", "2026-11-20")
    assert query(demo, "SELECT status, who, due_on FROM agenda_actions") == [("bezig", "buurtteam", "2027-03-01")]
    assert query(demo, "SELECT text FROM agenda_tasks") == [("Meer ontmoetingsplekken",)]
    assert query(demo, "SELECT value, agreed_by, agreed_on FROM agenda_floors") == [(6.5, "wijkdialoog Noordoost", "2026-11-20")]
    for table in ("agenda_recognitions", "agenda_tasks", "agenda_actions", "agenda_floors"):
        assert all(row[0].startswith("20") for row in query(demo, f"SELECT changed_at FROM {table}"))
    audit = query(demo, "SELECT actor, action, detail FROM audit WHERE action LIKE 'agenda-%' ORDER BY id")
    assert [row[1] for row in audit] == ["agenda-recognition", "agenda-opgave", "agenda-actie", "agenda-actie",
                                         "agenda-opgave", "agenda-ondergrens"]
    assert audit[3] == ("GT3", "agenda-actie", "action 1: status open -> bezig")
    shown = wijkweb(demo, "agenda", "show", "--area", AREA, "--round", PREVIOUS).stdout
    assert "Wijkagenda Noordoost (WK001411) – Demo 2026 (vorig jaar)" in shown
    assert "Meedoen: deels – eenzaamheid herkend, vervoer niet" in shown
    assert "[1] Meedoen: Meer ontmoetingsplekken" in shown
    assert "[1] Meedoen: Koffieochtend in de buurtkamer – buurtteam, vóór 2027-03-01 (bezig)" in shown
    assert "Meedoen: ondergrens 6,5, afgesproken door wijkdialoog Noordoost op 2026-11-20" in shown
    assert "Zingeving: geen ondergrens afgesproken" in shown
    english = wijkweb(demo, "agenda", "show", "--area", AREA, "--round", PREVIOUS, "--language", "en").stdout
    assert "Koffieochtend in de buurtkamer – buurtteam, by 2027-03-01 (in progress)" in english
    assert "Zingeving: no agreed floor" in english or "Meaningfulness: no agreed floor" in english


def test_names_contact_details_and_escape_codes_are_refused(demo):
    add = ["agenda", "action", "add", "--area", AREA, "--dimension", "meedoen", "--what", "Koffie", "--due", "2027-03-01"]
    assert "never people" in refused(demo, *add, "--who", "Anna van der Berg")
    assert "phone number" in refused(demo, *add, "--who", "buurtteam, 06-12345678")
    assert "e-mail" in refused(demo, *add, "--who", "info@buurtteam.nl")
    assert "control character" in refused(demo, *add, "--who", "buurtteam\x1b]52;c;ZWNobw==\x07")
    assert "not a day" in refused(demo, *add, "--who", "buurtteam", "--due", "2027-02-30")
    assert "address" in refused(demo, "agenda", "opgave", "add", "--area", AREA, "--dimension", "meedoen", "--text",
                                "Bankje bij Hoofdstraat 12")
    assert "1001 characters" in refused(demo, "agenda", "opgave", "add", "--area", AREA, "--dimension", "meedoen",
                                        "--text", "x" * 1001)
    assert "no dimension" in refused(demo, "agenda", "opgave", "add", "--area", AREA, "--dimension", "geluk", "--text", "x")
    assert "no area" in refused(demo, "agenda", "opgave", "add", "--area", "XX1", "--dimension", "meedoen", "--text", "x")
    assert "0 to 10" in refused(demo, "agenda", "ondergrens", "--area", AREA, "--dimension", "meedoen", "--value", "11",
                                "--agreed-by", "wijkdialoog", "--agreed-on", "2026-11-20")
    assert "no status" in refused(demo, *add, "--who", "buurtteam", "--status", "half")
    assert "There is no action 7" in refused(demo, "agenda", "action", "update", "7", "--status", "klaar")
    assert query(demo, "SELECT count(*) FROM audit WHERE action LIKE 'agenda-%'") == [(0,)]


def fill(demo):
    wijkweb(demo, "agenda", "recognition", "--area", AREA, "--round", PREVIOUS, "--dimension", "zingeving", "--value", "ja")
    wijkweb(demo, "agenda", "opgave", "add", "--area", AREA, "--round", PREVIOUS, "--dimension", "meedoen",
            "--text=-Minder eenzaamheid, \"samen\" eten")
    wijkweb(demo, "agenda", "action", "add", "--area", AREA, "--round", PREVIOUS, "--dimension", "meedoen", "--what",
            "=HYPERLINK(\"http://x\") koffie", "--who", "@buurtteam", "--due", "2027-03-01", "--note", "+elke week")
    wijkweb(demo, "agenda", "action", "add", "--area", "WK001412", "--round", ROUND, "--dimension", "zingeving", "--what",
            "Cursus", "--who", "bibliotheek", "--due", "2027-05-01", "--status", "klaar")
    wijkweb(demo, "agenda", "ondergrens", "--area", AREA, "--dimension", "meedoen", "--value", "5.5", "--agreed-by",
            "wijkdialoog", "--agreed-on", "2026-11-20")


def test_export_csv_is_formula_safe_and_reads_back_into_another_database(demo, tmp_path):
    fill(demo)
    out = tmp_path / "agenda.csv"
    assert "5 agenda lines written" in wijkweb(demo, "agenda", "export", "--format", "csv", "--out", str(out)).stdout
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [row["kind"] for row in rows] == ["ondergrens", "herkenning", "opgave", "actie", "actie"]
    assert [row["round"] for row in rows] == ["", PREVIOUS, PREVIOUS, PREVIOUS, ROUND]
    for row in rows:
        for value in row.values():
            assert not value or value[0] not in "=+-@", row
    assert rows[3]["text"] == "'=HYPERLINK(\"http://x\") koffie"
    assert rows[3]["who"] == "'@buurtteam" and rows[3]["note"] == "'+elke week"
    assert rows[0]["value"] == "5.5" and rows[0]["area_name"] == "Noordoost"
    # Into a fresh database with the same areas and rounds: the same agenda, and again changes nothing.
    other = tmp_path / "ander" / "wijkweb.sqlite"
    wijkweb(other, "demo", "--responses", "20", "--seed", "9")
    first = wijkweb(other, "agenda", "import", str(out)).stdout
    assert "5 added, 0 updated, 0 unchanged" in first
    assert "0 added, 0 updated, 5 unchanged" in wijkweb(other, "agenda", "import", str(out)).stdout
    again = tmp_path / "again.csv"
    wijkweb(other, "agenda", "export", "--format", "csv", "--out", str(again))
    strip = lambda text: [line.rsplit(",", 1)[0] for line in text.splitlines()]
    assert strip(again.read_text(encoding="utf-8")) == strip(out.read_text(encoding="utf-8"))
    assert query(other, "SELECT what, who, note FROM agenda_actions WHERE area_code = ?", (AREA,)) == [
        ("=HYPERLINK(\"http://x\") koffie", "@buurtteam", "+elke week")]
    assert query(other, "SELECT count(*) FROM audit WHERE action = 'agenda-import'") == [(2,)]


def test_export_json_and_xlsx(demo, tmp_path):
    fill(demo)
    wijkweb(demo, "agenda", "export", "--format", "json", "--out", str(tmp_path / "a.json"))
    lines = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["agenda"]
    assert [line["kind"] for line in lines] == ["ondergrens", "herkenning", "opgave", "actie", "actie"]
    assert lines[0]["value"] == 5.5 and lines[0]["round"] is None
    assert lines[3]["text"] == "=HYPERLINK(\"http://x\") koffie" and lines[3]["status"] == "open"
    wijkweb(demo, "agenda", "export", "--format", "xlsx", "--out", str(tmp_path / "a.xlsx"))
    with zipfile.ZipFile(tmp_path / "a.xlsx") as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        # Constant-memory mode writes texts inline in the sheet.
        strings = sheet + (book.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in book.namelist() else "")
    assert "<f>" not in sheet, "no cell is a formula"
    assert "HYPERLINK" in strings and "wijkdialoog" in strings
    assert "<v>5.5</v>" in sheet
    refused_out = wijkweb(demo, "agenda", "export", "--format", "xlsx", "--out", str(tmp_path / "a.xlsx"), check=False)
    assert refused_out.returncode == 1 and "--force" in refused_out.stderr


def test_import_is_all_or_nothing_with_every_problem_by_line(demo, tmp_path):
    header = "kind,area_code,area_name,round,dimension,recognition,text,who,due,status,note,value,agreed_by,agreed_on,changed_at"
    good = f"opgave,{AREA},,{ROUND},meedoen,,Meer groen,,,,,,,,"
    hostile = "\n".join([
        header,
        good,
        f"actie,{AREA},,{ROUND},meedoen,,Koffie,Piet Pietersen,2027-01-01,open,,,,,",
        f"opgave,{AREA},,{ROUND},meedoen,,\"Groen\x1b[2J\",,,,,,,,",
        f"actie,{AREA},,{ROUND},meedoen,,Koffie,buurtteam,morgen,open,,,,,",
        f"ondergrens,{AREA},,,meedoen,,,,,,,12,groep,2026-01-01,",
        f"opgave,XX99,,{ROUND},meedoen,,Iets,,,,,,,,",
        f"opgave,{AREA},,Nooit,meedoen,,Iets,,,,,,,,",
    ]) + "\n"
    path = tmp_path / "slecht.csv"
    path.write_text(hostile, encoding="utf-8")
    result = wijkweb(demo, "agenda", "import", str(path), check=False)
    assert result.returncode == 1
    assert "6 problem(s); nothing was imported" in result.stderr
    for line in (3, 4, 5, 6, 7, 8):
        assert f"slecht.csv:{line}: " in result.stdout
    assert "\x1b" not in result.stdout + result.stderr
    assert agenda_rows(demo) == [[], [], [], []]
    path.write_text(header + "\n" + good + "\n", encoding="utf-8")
    assert "1 added" in wijkweb(demo, "agenda", "import", str(path)).stdout
    assert query(demo, "SELECT text FROM agenda_tasks") == [("Meer groen",)]


def pdf_pages(path):
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def published_mean(db_path, area, part, dimension):
    """The area's mean as the protected publication gives it (`wijkweb profile`), printed with a comma."""
    out = wijkweb(db_path, "profile", "--round", ROUND, "--area", area, "--format", "json").stdout
    figure = next(f for f in json.loads(out)["figures"] if f["area_code"] == area and f["part"] == part
                  and f["dimension"] == dimension and f["category"] is None)
    assert not figure["suppressed"]
    return f"{figure['mean']:.1f}".replace(".", ",")


def test_the_report_shows_the_ondergrens_and_what_was_agreed_last_time(demo, tmp_path):
    # An ondergrens above the published mean of meedoen and one far below that of zingeving.
    wijkweb(demo, "agenda", "ondergrens", "--area", AREA, "--dimension", "meedoen", "--value", "9,5", "--agreed-by",
            "wijkdialoog Noordoost", "--agreed-on", "2026-11-20")
    wijkweb(demo, "agenda", "ondergrens", "--area", AREA, "--dimension", "zingeving", "--value", "1", "--agreed-by",
            "wijkdialoog Noordoost", "--agreed-on", "2026-11-20")
    wijkweb(demo, "agenda", "recognition", "--area", AREA, "--round", PREVIOUS, "--dimension", "meedoen", "--value", "deels")
    wijkweb(demo, "agenda", "opgave", "add", "--area", AREA, "--round", PREVIOUS, "--dimension", "meedoen", "--text",
            "Meer plekken om elkaar te ontmoeten")
    for index in range(6):
        wijkweb(demo, "agenda", "action", "add", "--area", AREA, "--round", PREVIOUS, "--dimension", "meedoen", "--what",
                f"Actie nummer {index + 1} met een wat langere omschrijving van wat er gebeurt in de buurtkamer",
                "--who", "buurtteam", "--due", "2027-03-01")
    wijkweb(demo, "agenda", "action", "update", "2", "--status", "klaar")
    # An action of this round is not "last time".
    wijkweb(demo, "agenda", "action", "add", "--area", AREA, "--round", ROUND, "--dimension", "meedoen", "--what",
            "Pas na deze ronde", "--who", "buurtteam", "--due", "2027-06-01")
    out = tmp_path / "rapport.pdf"
    result = wijkweb(demo, "report", "--round", ROUND, "--area", AREA, "--out", str(out))
    pages = pdf_pages(out)
    assert len(pages) == 2, "the agenda does not fit beside the figures: a second page for the area"
    assert f"{out}: 2 pagina('s)" in result.stderr
    everything = "\n".join(pages)
    meedoen = published_mean(demo, AREA, "health", "meedoen")
    zingeving = published_mean(demo, AREA, "health", "zingeving")
    assert f"▼ Meedoen {meedoen} onder de ondergrens 9,5" in everything
    assert f"Zingeving {zingeving}, ondergrens 1,0" in everything
    assert "▼ Zingeving" not in everything
    assert "Geen ondergrens afgesproken: Lichaamsfuncties, Mentaal welbevinden, Kwaliteit van leven, Dagelijks functioneren" in everything
    assert "Vastgelegd: wijkdialoog Noordoost, 2026-11-20." in everything
    assert "Onvoldoende" in pages[0], "the share below 5.5 stays a figure of its own"
    assert "Noordoost (vervolg)" in pages[1] and "pagina 2 van 2" in pages[1]
    assert "Afgesproken vorige keer" in pages[1]
    assert "Uit de wijkdialoog over Demo 2026 (vorig jaar)" in pages[1]
    assert "Herkend" in pages[1] and "Meedoen: deels" in pages[1]
    assert "Meer plekken om elkaar te ontmoeten" in pages[1]
    assert "buurtteam, vóór 2027-03-01 (klaar)" in " ".join(pages[1].split())
    assert "Actie nummer 6" in pages[1]
    assert "Pas na deze ronde" not in everything
    # The English report says the same.
    english = tmp_path / "report-en.pdf"
    wijkweb(demo, "report", "--round", ROUND, "--area", AREA, "--out", str(english), "--language", "en")
    text = "\n".join(pdf_pages(english))
    assert "Agreed last time" in text and "below the agreed floor 9.5" in text
    # Drawn: the page renders to an image with the dashed segments (looked at by hand; here it must render).
    subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", str(out), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").stat().st_size > 10_000


def test_an_area_without_an_ondergrens_says_so(demo, tmp_path):
    out = tmp_path / "rapport.pdf"
    wijkweb(demo, "report", "--round", ROUND, "--area", AREA, "--out", str(out))
    pages = pdf_pages(out)
    assert len(pages) == 1
    assert "Geen ondergrens afgesproken." in pages[0]
    assert "Afgesproken vorige keer" not in pages[0]


def test_the_agenda_screen_records_a_meeting_by_keyboard(tui, demo):
    """`wijkweb agenda edit` in tmux at 80x24: an opgave, an action (a name refused, then a role), a status
    change with s, recognition and ondergrens of a dimension; all stored, dated and audited; English with F2."""
    tui.start("agenda", "edit", "--area", AREA, "--round", PREVIOUS, "--by", "GT5", idle=None, width=80, height=24)
    screen = tui.wait_for("Wijkagenda Noordoost – Demo 2026 (vorig jaar)")
    assert "+ nieuwe opgave" in screen and "+ nieuwe actie" in screen and "Esc: stop" in screen
    # A new opgave.
    tui.send("n")
    tui.wait_for("Tab, pijltjes: veld")
    tui.send("Right", "Tab")  # the dimension after the first: mentaal welbevinden
    tui.type("Rust en veiligheid op straat")
    tui.wait_for("Rust en veiligheid op straat_")
    tui.send("Enter")
    screen = tui.wait_for("Bewaard.")
    assert "Mentaal welbevinden: Rust en veiligheid op straat" in screen
    # A new action whose "who" is a person's name: refused, the form stays, nothing stored.
    tui.send("t")
    tui.wait_for("Wie (rol of organisatie)")
    tui.send("Tab")
    tui.type("Avondwandeling met buren")
    tui.send("Tab")
    tui.type("Jan Jansen")
    tui.send("Tab")
    tui.type("2027-04-01")
    tui.wait_for("2027-04-01_")
    tui.send("Enter")
    screen = tui.wait_for("Niet bewaard")
    assert "lijkt een naam" in screen, screen
    assert query(demo, "SELECT count(*) FROM agenda_actions") == [(0,)]
    # Back to "who", replace it by a role, save.
    tui.send("Up")
    for _ in range(len("Jan Jansen")):
        tui.send("BSpace")
    tui.type("wijkagent")
    tui.wait_for("wijkagent_")
    tui.send("Enter")
    screen = tui.wait_for("Bewaard.")
    assert "[open] Avondwandeling met buren – wijkagent, 2027-04-01" in screen
    # s moves the selected action's status on.
    tui.send("End", "Up")
    tui.wait_until(lambda s: ">[open] Avondwandeling" in s, "the action selected")
    tui.send("s")
    tui.wait_for("[bezig] Avondwandeling")
    # Recognition and ondergrens of Meedoen (the fifth row).
    tui.send("Home", "Down", "Down", "Down", "Down", "Enter")
    tui.wait_for("Afgesproken door (groep)")
    tui.send("Right", "Right", "Tab")  # deels
    tui.type("eenzaamheid herkend")
    tui.send("Tab")
    tui.type("6,5")
    tui.send("Tab")
    tui.type("wijkdialoog Noordoost")
    tui.send("Tab")
    tui.type("2026-11-20")
    tui.wait_for("2026-11-20_")
    tui.send("Enter")
    screen = tui.wait_for("Bewaard.")
    assert "Herkend: deels" in screen and "Ondergrens: 6,5" in screen
    # Everything fits the 80x24 screen and the keys line is whole.
    assert all(len(line) <= 80 for line in screen.splitlines())
    tui.send("F2")
    screen = tui.wait_for("arrows: choose")
    assert "Recognised: partly" in screen and "Agreed floor: 6.5" in screen, screen
    tui.send("Escape")
    tui.wait_dead()
    assert query(demo, "SELECT dimension, text FROM agenda_tasks") == [("mentaal_welbevinden", "Rust en veiligheid op straat")]
    assert query(demo, "SELECT what, who, due_on, status FROM agenda_actions") == [
        ("Avondwandeling met buren", "wijkagent", "2027-04-01", "bezig")]
    assert query(demo, "SELECT dimension, recognition, note FROM agenda_recognitions") == [("meedoen", "deels", "eenzaamheid herkend")]
    assert query(demo, "SELECT value, agreed_by, agreed_on FROM agenda_floors") == [(6.5, "wijkdialoog Noordoost", "2026-11-20")]
    actions = query(demo, "SELECT actor, action FROM audit WHERE action LIKE 'agenda-%' ORDER BY id")
    assert actions == [("GT5", "agenda-opgave"), ("GT5", "agenda-actie"), ("GT5", "agenda-actie"),
                       ("GT5", "agenda-recognition"), ("GT5", "agenda-ondergrens")]


def test_commands_that_read_the_agenda_never_create_a_database(tmp_path):
    missing = tmp_path / "typefout" / "wijkweb.sqlite"
    for command in (["agenda", "show"], ["agenda", "export", "--format", "csv", "--out", str(tmp_path / "a.csv")],
                    ["agenda", "import", str(tmp_path / "a.csv")],
                    ["agenda", "opgave", "add", "--area", AREA, "--dimension", "meedoen", "--text", "x"]):
        result = wijkweb(missing, *command, check=False)
        assert result.returncode == 1 and f"There is no database at {missing}" in result.stderr, (command, result.stderr)
        assert not missing.parent.exists() and not (tmp_path / "a.csv").exists()
