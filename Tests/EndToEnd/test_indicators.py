"""Monitor indicators end to end: import (line-numbered errors, hostile strings, nothing stored on error),
list beside the gemeente, export as a file of their own, and the report's section checked with pdftotext."""
import csv
import io
import sqlite3
import subprocess

import pytest

from conftest import demo_database, run_checked as run

HEADER = "area_code,indicator_id,label_nl,label_en,value,unit,year,source,dimension,higher_is_better\n"
GOOD = HEADER + "\n".join([
    "WK001400,ggd_eenzaam,Ernstig eenzaam,Severely lonely,14.5,%,2022,GGD Monitor,mentaal_welbevinden,0",
    "GM0014,ggd_eenzaam,Ernstig eenzaam,Severely lonely,11.2,%,2022,GGD Monitor,mentaal_welbevinden,0",
    "WK001400,cbs_vrijwilliger,Doet vrijwilligerswerk,Volunteers,-3.5,procentpunt,2023,CBS,meedoen,1",
    "WK001400,msk_mantelzorg,Geeft mantelzorg,Gives informal care,12,%,2021,Monitor Sociale Kracht,meedoen,0",
]) + "\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_database(tmp_path_factory, "indicators", "--responses", "600", "--seed", "4", "--no-previous")


def test_import_list_and_export(db, tmp_path):
    good = tmp_path / "monitor.csv"
    good.write_text(GOOD)
    assert "4 indicator values for 2 areas imported" in run("indicators", "import", "--db", str(db), str(good)).stdout
    listed = run("indicators", "list", "--db", str(db), "--area", "WK001400").stdout
    assert "Ernstig eenzaam: 14,5 % (gemeente 11,2 %) · GGD Monitor 2022" in listed
    assert "Doet vrijwilligerswerk: -3,5 procentpunt · CBS 2023" in listed
    english = run("indicators", "list", "--db", str(db), "--area", "WK001400", "--language", "en").stdout
    assert "Severely lonely: 14.5 % (municipality 11.2 %)" in english
    out = tmp_path / "indicatoren.csv"
    run("indicators", "export", "--db", str(db), "--out", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert len(rows) == 4 and {row["indicator_id"] for row in rows} == {"ggd_eenzaam", "cbs_vrijwilliger", "msk_mantelzorg"}
    assert next(row for row in rows if row["indicator_id"] == "cbs_vrijwilliger")["value"] == "-3.5000"
    audit = sqlite3.connect(db).execute("SELECT detail FROM audit WHERE action = 'indicators'").fetchall()
    assert audit and "4 indicator values from monitor.csv" in audit[-1][0]


def test_bad_lines_are_named_and_nothing_is_stored(db, tmp_path):
    before = sqlite3.connect(db).execute("SELECT count(*) FROM indicators").fetchone()[0]
    bad = tmp_path / "fout.csv"
    bad.write_text(HEADER + "WK999999,a,A,A,1,%,2022,CBS,meedoen,1\n"
                   + "WK001400,b,B,B,veel,%,2022,CBS,meedoen,1\n"
                   + "WK001400,c,\x1b]0;pwned\x07C,C,1,%,2022,CBS,meedoen,1\n"
                   + "WK001401,d,D,D,1,%,2022,CBS,meedoen,1\n")
    result = run("indicators", "import", "--db", str(db), str(bad), check=False)
    assert result.returncode != 0
    assert "Nothing was imported" in result.stderr
    assert "fout.csv:2:" in result.stderr and "WK999999" in result.stderr
    assert "fout.csv:3:" in result.stderr and "veel" in result.stderr
    assert "fout.csv:4:" in result.stderr and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "fout.csv:5:" not in result.stderr
    assert sqlite3.connect(db).execute("SELECT count(*) FROM indicators").fetchone()[0] == before


def test_the_report_shows_the_indicators_beside_the_gemeente(db, tmp_path):
    good = tmp_path / "monitor.csv"
    good.write_text(GOOD)
    run("indicators", "import", "--db", str(db), str(good))
    round_name = run("round", "list", "--db", str(db)).stdout.splitlines()[0].split("\t")[0]
    pdf = tmp_path / "rapport.pdf"
    run("report", "--db", str(db), "--round", round_name, "--area", "WK001400", "--format", "pdf", "--out", str(pdf))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Cijfers uit de monitor" in text
    assert "Ernstig eenzaam: 14,5 % (gemeente 11,2 %) · GGD Monitor 2022" in text
    assert "Geeft mantelzorg: 12,0 % · Monitor Sociale Kracht 2021" in text
    other = tmp_path / "ander.pdf"
    run("report", "--db", str(db), "--round", round_name, "--area", "WK001401", "--format", "pdf", "--out", str(other))
    assert "Cijfers uit de monitor" not in subprocess.run(["pdftotext", str(other), "-"], capture_output=True, text=True).stdout


def test_the_profile_workbook_carries_the_indicators_in_a_sheet_of_their_own(db, tmp_path):
    from test_export import read_xlsx

    good = tmp_path / "monitor.csv"
    good.write_text(GOOD)
    run("indicators", "import", "--db", str(db), str(good))
    path = tmp_path / "profiel.xlsx"
    run("export", "profiles", "--db", str(db), "--format", "xlsx", "--out", str(path))
    sheets = read_xlsx(path)
    assert set(sheets) == {"profiel", "indicatoren"}
    rows = sheets["indicatoren"]
    header = [rows[0][column][0] for column in sorted(rows[0])]
    assert header == GOOD.splitlines()[0].split(",")
    values = {row[1][0]: row for row in rows[1:] if row[0][0] == "WK001400"}
    assert values["cbs_vrijwilliger"][4][0] == -3.5 and values["ggd_eenzaam"][6][0] == 2022
