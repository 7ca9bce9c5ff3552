"""`wijkweb export`: every format read back and compared with the database.

CSV with the csv module, XLSX by unzipping it and parsing the sheet XML, SPSS .sav with pyreadstat (the
Makefile's e2e target installs it), JSON with json. Profiles: suppressed figures carry no numbers, exactly
as `wijkweb profile` shows them. Free text: only what review marked publishable, the edited copy where
there is one.
"""
import csv
import datetime
import json
import math
import os
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
import zipfile

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT, ITEM_IDS, REPO, query

ROUND = "Export 2026"
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DIMENSIONS = ["lichaamsfuncties", "mentaal_welbevinden", "zingeving", "kwaliteit_van_leven", "meedoen",
              "dagelijks_functioneren"]
PARTS = ["health", "neighbourhood"]
LEVELS = ["gemeente", "gebied", "wijk", "buurt"]
DEMOGRAPHICS = ["age", "sex", "household"]
TEXTS = {
    # prompt, review status, text, redacted copy
    0: ("matters", "publishable", "Mijn kleinkinderen, en \"samen\" eten", None),
    1: ("change", "publishable_edited", "Buurman Jansen op nummer 12 helpt mij", "Een buurman helpt mij"),
    2: ("help", "not_publishable", "Mijn adres is Dorpsstraat 4", None),
    3: ("improve", "unreviewed", "Nog niet bekeken", None),
}


def environment():
    return dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), TZ="UTC", LANG="C.UTF-8")


def wijkweb(db_path, *args, check=True):
    result = subprocess.run([str(BINARY), *args, "--db", str(db_path)], capture_output=True, text=True,
                            env=environment(), timeout=120)
    if check:
        assert result.returncode == 0, f"wijkweb {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A database with a demo round of 300 responses and four reviewed (or not) reflections."""
    folder = tmp_path_factory.mktemp("export")
    db_path = folder / "gegevens" / "wijkweb.sqlite"
    wijkweb(db_path, "demo", "--responses", "300", "--seed", "11", "--round", ROUND, "--no-previous")
    connection = sqlite3.connect(str(db_path))
    with connection:
        ids = [row[0] for row in connection.execute(
            "SELECT r.id FROM responses r JOIN rounds o ON o.id = r.round_id WHERE o.name = ? ORDER BY r.key LIMIT 4",
            (ROUND,))]
        for index, (prompt, status, text, redacted) in TEXTS.items():
            connection.execute(
                "INSERT INTO reflections (response_id, prompt_id, text, review_status, redacted_text) VALUES (?, ?, ?, ?, ?)",
                (ids[index], prompt, text, status, redacted))
    connection.close()
    out = folder / "uit"
    out.mkdir(mode=0o700)
    return db_path, out, ids


PREFER_NOT_TO_SAY, NOT_ANSWERED = -1, -2


def area_numbers(codes):
    """The numbers of the areas of one level, as the codebook says: the digits of the CBS code (WK001411 is
    1411) when all codes have distinct ones, else their position in the order of the codes."""
    codes = sorted(set(codes))
    digits = [code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") for code in codes]
    numbers = [int(d) if d.isdigit() and int(d) > 0 else None for d in digits]
    if None not in numbers and len(set(numbers)) == len(numbers):
        return dict(zip(codes, numbers))
    return {code: index + 1 for index, code in enumerate(codes)}


def demographic_choices(db_path):
    """{question id: [choice id, ...]} in the questionnaire's order: the codes are 1, 2, ..."""
    import yaml
    source = query(db_path, "SELECT source FROM questionnaires WHERE id = 'positieve-gezondheid-wijk'")[0][0]
    document = yaml.safe_load(source)
    return {question["id"]: [str(choice["id"]) for choice in question["choices"]] for question in document["demographics"]}


def expected_rows(db_path):
    """{response id: {variable: value}} straight from the database: None for no value, 99 for weet niet,
    -1 for zeg ik liever niet and -2 for an unanswered question or an area level not given."""
    areas = {code: (level, parent) for code, level, parent in query(db_path, "SELECT code, level, parent_code FROM areas")}
    numbers = {level: area_numbers([code for code, (of, _) in areas.items() if of == level]) for level in LEVELS}
    choices = demographic_choices(db_path)
    rows = {}
    for key, rid, area, completed, answers, demographics in query(db_path, """
            SELECT r.key, r.id, r.area_code, r.completed_at, r.packed_answers, r.packed_demographics
            FROM responses r JOIN rounds o ON o.id = r.round_id WHERE o.name = ? AND r.status = 'completed'""", (ROUND,)):
        row = {"response_id": rid, "round": ROUND, "questionnaire_id": "positieve-gezondheid-wijk", "questionnaire_version": 1}
        lineage = {level: NOT_ANSWERED for level in LEVELS}
        code = area
        while code:
            level, parent = areas[code]
            lineage[level] = numbers[level][code]
            code = parent
        row.update(lineage)
        stamp = datetime.datetime.fromisoformat(completed.replace("Z", "+00:00"))
        row["completed_on"] = stamp.astimezone(datetime.timezone.utc).date().isoformat()
        chosen = dict(pair.split("=", 1) for pair in (demographics or "").split(";") if pair)
        for question in DEMOGRAPHICS:
            if question not in chosen:
                row[question] = NOT_ANSWERED
            elif chosen[question] == "":
                row[question] = PREFER_NOT_TO_SAY
            else:
                row[question] = choices[question].index(chosen[question]) + 1
        for item_id, character in zip(ITEM_IDS, answers):
            name = item_id.replace("-", "_")
            row[name] = None if character == "." else 99 if character == "-" else 10 if character == "X" else int(character)
        for part in PARTS:
            for dimension in DIMENSIONS:
                row[f"{part}_{dimension}"] = None
        for part, *scores in query(db_path, f"SELECT part_id, {', '.join(DIMENSIONS)} FROM part_scores WHERE response_key = ?",
                                   (key,)):
            for dimension, score in zip(DIMENSIONS, scores):
                row[f"{part}_{dimension}"] = score
        rows[rid] = row
    return rows


def column_index(reference):
    letters = "".join(ch for ch in reference if ch.isalpha())
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def read_xlsx(path):
    """{sheet name: [row as {column: (value, number format)}]}: strings as str, numbers as float."""
    ns = {"m": SHEET_NS}
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        shared = []
        if "xl/sharedStrings.xml" in names:
            for item in ET.fromstring(archive.read("xl/sharedStrings.xml")).findall("m:si", ns):
                shared.append("".join(t.text or "" for t in item.iter(f"{{{SHEET_NS}}}t")))
        styles = ET.fromstring(archive.read("xl/styles.xml"))
        formats = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(f"{{{SHEET_NS}}}numFmt")}
        cell_formats = [formats.get(int(xf.get("numFmtId", "0")), "General")
                        for xf in styles.find("m:cellXfs", ns).findall("m:xf", ns)]
        relations = {rel.get("Id"): rel.get("Target")
                     for rel in ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))}
        sheets = {}
        for sheet in ET.fromstring(archive.read("xl/workbook.xml")).find("m:sheets", ns):
            target = relations[sheet.get(f"{{{REL_NS}}}id")]
            member = target.lstrip("/") if target.startswith("/") else "xl/" + target
            rows = []
            for row in ET.fromstring(archive.read(member)).iter(f"{{{SHEET_NS}}}row"):
                cells = {}
                for cell in row.findall("m:c", ns):
                    kind = cell.get("t")
                    number_format = cell_formats[int(cell.get("s", "0"))]
                    if kind == "inlineStr":
                        value = "".join(t.text or "" for t in cell.iter(f"{{{SHEET_NS}}}t"))
                    elif kind == "s":
                        value = shared[int(cell.find("m:v", ns).text)]
                    elif kind in ("str", "b", "e"):
                        value = cell.find("m:v", ns).text
                    else:
                        v = cell.find("m:v", ns)
                        value = float(v.text) if v is not None else None
                    cells[column_index(cell.get("r"))] = (value, number_format)
                rows.append(cells)
            sheets[sheet.get("name")] = rows
    return sheets


def assert_same(expected, actual, where):
    if isinstance(expected, float) and actual is not None:
        assert float(actual) == pytest.approx(expected, rel=1e-12, abs=1e-12), where
    else:
        assert actual == expected, where


def test_csv_round_trip_with_codebook(demo):
    db_path, out, _ = demo
    path = out / "antwoorden.csv"
    result = wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "csv", "--out", str(path))
    assert "300 responses" in result.stdout
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "UTF-8 without a byte order mark"
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames
        rows = list(reader)
    expected = expected_rows(db_path)
    assert len(rows) == len(expected) == 300
    assert header[:9] == ["response_id", "round", "questionnaire_id", "questionnaire_version", *LEVELS, "completed_on"]
    assert not any(name.startswith("text_") for name in header), "no free text without --include-text"
    for row in rows:
        wanted = expected[row["response_id"]]
        assert set(wanted) == set(header)
        for name, value in wanted.items():
            if value is None:
                assert row[name] == "", (row["response_id"], name)
            elif isinstance(value, (int, float)):
                assert_same(float(value), float(row[name]), (row["response_id"], name))
            else:
                assert row[name] == value, (row["response_id"], name)
    assert any("99" in row.values() for row in rows), "weet niet is written as 99"

    with (out / "antwoorden-codebook.csv").open(newline="", encoding="utf-8") as handle:
        codebook = {row["variable"]: row for row in csv.DictReader(handle)}
    assert [name for name, row in codebook.items() if row["kind"] != "note"] == header
    notes = {name: row for name, row in codebook.items() if row["kind"] == "note"}
    sha = query(db_path, "SELECT content_hash FROM questionnaires WHERE id = 'positieve-gezondheid-wijk'")[0][0]
    assert sha in notes["note_questionnaire"]["label_en"] and "version 1" in notes["note_questionnaire"]["label_en"]
    assert "mean of the answered statements" in notes["note_scoring"]["label_en"]
    assert "Empty when fewer than 50%" in notes["note_scoring"]["label_en"]
    assert "-1 = prefer not to say" in notes["note_missing_codes"]["label_en"]
    assert "-2 = niet beantwoord" in notes["note_missing_codes"]["label_nl"]
    assert "Hyndman & Fan type 7" in notes["note_methods"]["label_en"] and "t distribution" in notes["note_methods"]["label_en"]
    assert "' in front" in notes["note_csv_formulas"]["label_en"]
    assert "wijk = district" in notes["note_areas"]["label_en"] and "buurt = neighbourhood" in notes["note_areas"]["label_en"]
    assert codebook["wijk"]["label_en"] == "District (wijk, code)" and codebook["gebied"]["label_en"] == "Area (gebied, code)"
    item = codebook["h_lf_1"]
    assert item["type"] == "integer" and item["missing_values"] == "99"
    assert "99=weet niet / niet van toepassing" in item["value_labels_nl"]
    assert "99=don't know / not applicable" in item["value_labels_en"]
    assert item["text_nl"] and item["text_en"] and item["label_nl"] and item["label_en"]
    assert codebook["age"]["value_labels_nl"].startswith("1=15 tot en met 24 jaar")
    assert "-1=zeg ik liever niet | -2=niet beantwoord" in codebook["age"]["value_labels_nl"]
    # A text field that starts with "-" gets the formula rule's quote, in the codebook too.
    assert codebook["age"]["missing_values"] == "'-1 -2" and codebook["buurt"]["missing_values"] == "'-2"
    assert any(row["age"] == "-1" for row in rows), "the demo has residents who prefer not to say"
    assert codebook["health_meedoen"]["type"] == "decimal"
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_xlsx_round_trip_numbers_as_numbers(demo):
    db_path, out, _ = demo
    path = out / "antwoorden.xlsx"
    wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "xlsx", "--out", str(path))
    sheets = read_xlsx(path)
    assert list(sheets) == ["gegevens", "codeboek"]
    data = sheets["gegevens"]
    header = [data[0][index][0] for index in range(len(data[0]))]
    expected = expected_rows(db_path)
    assert len(data) - 1 == len(expected)
    epoch = datetime.date(1899, 12, 30)
    for cells in data[1:]:
        row_id = cells[0][0]
        wanted = expected[row_id]
        for index, name in enumerate(header):
            value, number_format = cells.get(index, (None, "General"))
            expect = wanted[name]
            if name == "completed_on":
                assert "yyyy" in number_format, "the day is a date cell"
                assert (epoch + datetime.timedelta(days=value)).isoformat() == expect
            elif isinstance(expect, (int, float)):
                assert isinstance(value, float), f"{name} should be a number cell, found {value!r}"
                assert_same(float(expect), value, (row_id, name))
            else:
                assert value == expect, (row_id, name)
    codebook = sheets["codeboek"]
    assert codebook[0][0][0] == "variable"
    assert [row[0][0] for row in codebook[1:] if row.get(1, ("",))[0] != "note"] == header
    assert "note_scoring" in [row[0][0] for row in codebook[1:]]
    english = out / "answers.xlsx"
    wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "xlsx", "--out", str(english), "--language", "en")
    assert list(read_xlsx(english)) == ["data", "codebook"]


def test_sav_round_trip_with_labels_and_user_missing(demo):
    pyreadstat = pytest.importorskip("pyreadstat", reason="make e2e installs pyreadstat")
    db_path, out, _ = demo
    path = out / "antwoorden.sav"
    wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "sav", "--out", str(path))
    data, meta = pyreadstat.read_sav(str(path), user_missing=True, output_format="dict")
    expected = expected_rows(db_path)
    names = list(data)
    assert set(names) == set(next(iter(expected.values())))
    assert len(data["response_id"]) == len(expected)
    for index, row_id in enumerate(data["response_id"]):
        wanted = expected[row_id]
        for name in names:
            value, expect = data[name][index], wanted[name]
            if name == "completed_on":
                assert isinstance(value, datetime.date), "the day is an SPSS date"
                assert value.isoformat() == expect, (row_id, name)
            elif isinstance(expect, (int, float)):
                assert_same(float(expect), value, (row_id, name))
            elif expect is None:
                # System-missing numbers read back as None (or NaN), empty strings as "".
                assert value in (None, "") or (isinstance(value, float) and math.isnan(value)), (row_id, name)
            else:
                assert value == (expect or ""), (row_id, name)
    assert meta.column_names_to_labels["h_lf_1"] == "Lichaamsfuncties: je gezond voelen"
    assert meta.variable_value_labels["h_lf_1"][99.0] == "weet niet / niet van toepassing"
    age_75 = demographic_choices(db_path)["age"].index("75+") + 1
    assert meta.variable_value_labels["age"][float(age_75)] == "75 jaar of ouder"
    assert meta.variable_value_labels["age"][-1.0] == "zeg ik liever niet"
    assert meta.variable_value_labels["household"][-2.0] == "niet beantwoord"
    assert meta.variable_value_labels["buurt"], "buurt has value labels (code and name)"
    assert meta.missing_ranges["age"] == [{"lo": -1.0, "hi": -1.0}, {"lo": -2.0, "hi": -2.0}]
    assert meta.missing_ranges["buurt"] == [{"lo": -2.0, "hi": -2.0}]
    assert meta.variable_measure["age"] == "nominal"
    assert meta.missing_ranges["h_lf_1"] == [{"lo": 99.0, "hi": 99.0}]
    assert meta.original_variable_types["completed_on"] == "SDATE10"
    documents = " ".join(meta.notes) if isinstance(meta.notes, list) else str(meta.notes)
    assert "scoring:" in documents and "gemiddelde van de beantwoorde" in documents and "missing_codes:" in documents
    english = out / "answers.sav"
    wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "sav", "--out", str(english), "--language", "en")
    _, meta = pyreadstat.read_sav(str(english), metadataonly=True, output_format="dict")
    assert meta.column_names_to_labels["h_lf_1"] == "Bodily functions: feeling healthy"
    assert meta.variable_value_labels["h_lf_1"][99.0] == "don't know / not applicable"


def test_json_round_trip_and_schema(demo):
    db_path, out, _ = demo
    path = out / "antwoorden.json"
    wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "json", "--out", str(path))
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format"] == "wijkweb-responses" and document["format_version"] == 2
    assert document["prefer_not_to_say_code"] == -1 and document["not_answered_code"] == -2
    assert set(document["notes"]) == {"questionnaire", "scoring", "missing_codes", "areas", "methods", "csv_formulas"}
    assert document["questionnaire"]["sha256"] in document["notes"]["questionnaire"]["en"]
    assert document["round"] == ROUND and document["dont_know_code"] == 99
    assert document["questionnaire"]["id"] == "positieve-gezondheid-wijk"
    assert len(document["questionnaire"]["sha256"]) == 64
    expected = expected_rows(db_path)
    assert document["count"] == len(document["responses"]) == len(expected)
    names = [variable["name"] for variable in document["variables"]]
    for response in document["responses"]:
        assert list(response) == names
        wanted = expected[response["response_id"]]
        for name, value in response.items():
            if isinstance(wanted[name], int):
                assert isinstance(value, int) and value == wanted[name], name
            else:
                assert_same(wanted[name], value, (response["response_id"], name))
    item = next(variable for variable in document["variables"] if variable["name"] == "h_lf_1")
    assert item["missing_values"] == [99] and item["source"] == "h-lf-1" and item["text"]["en"]
    assert (REPO / "Docs" / "export-json.md").exists(), "the JSON schema is documented"


def test_include_text_exports_only_publishable_texts(demo):
    db_path, out, ids = demo
    for fmt in ("csv", "json", "xlsx", "sav"):
        path = out / f"met-tekst.{fmt}"
        wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", fmt, "--out", str(path), "--include-text")
    with (out / "met-tekst.csv").open(newline="", encoding="utf-8") as handle:
        rows = {row["response_id"]: row for row in csv.DictReader(handle)}
    assert rows[ids[0]]["text_matters"] == TEXTS[0][2]
    assert rows[ids[1]]["text_change"] == "Een buurman helpt mij", "the redacted copy, not the original"
    texts = [value for row in rows.values() for name, value in row.items() if name.startswith("text_") and value]
    assert sorted(texts) == sorted([TEXTS[0][2], "Een buurman helpt mij"])
    everything = "".join((out / f"met-tekst.{fmt}").read_bytes().decode("utf-8", "replace") for fmt in ("csv", "json"))
    for secret in ("Jansen", "Dorpsstraat", "Nog niet bekeken"):
        assert secret not in everything
    document = json.loads((out / "met-tekst.json").read_text(encoding="utf-8"))
    published = {r["response_id"]: r for r in document["responses"]}
    assert published[ids[1]]["text_change"] == "Een buurman helpt mij"
    assert published[ids[2]]["text_help"] is None
    sheet = read_xlsx(out / "met-tekst.xlsx")["gegevens"]
    cells = [value for row in sheet for value, _ in row.values() if isinstance(value, str)]
    assert TEXTS[0][2] in cells and "Een buurman helpt mij" in cells
    assert not any("Jansen" in cell or "Dorpsstraat" in cell for cell in cells)
    with zipfile.ZipFile(out / "met-tekst.xlsx") as archive:
        assert not any(b"Jansen" in archive.read(name) for name in archive.namelist())
    assert b"Jansen" not in (out / "met-tekst.sav").read_bytes()
    assert b"Dorpsstraat" not in (out / "met-tekst.sav").read_bytes()


def test_profiles_export_suppresses_tiny_areas(tmp_path):
    db_path = tmp_path / "gegevens" / "wijkweb.sqlite"
    # 40 responses over the wijken of Groningen: most wijken have fewer than 10 respondents.
    wijkweb(db_path, "demo", "--responses", "40", "--seed", "4", "--round", "Klein", "--no-previous")
    out = tmp_path / "uit"
    out.mkdir()
    counts = dict(query(db_path, """
        SELECT area_code, count(*) FROM responses r JOIN rounds o ON o.id = r.round_id
        WHERE o.name = 'Klein' GROUP BY area_code"""))
    on_screen = wijkweb(db_path, "profile", "--round", "Klein", "--format", "csv").stdout
    screen_rows = list(csv.DictReader(on_screen.splitlines()))
    for fmt in ("csv", "json", "xlsx"):
        wijkweb(db_path, "export", "profiles", "--round", "Klein", "--format", fmt, "--out", str(out / f"profiel.{fmt}"))
    with (out / "profiel.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == screen_rows, "the export holds exactly the figures of `wijkweb profile`"
    numeric = [name for name in rows[0] if name not in
               ("round", "part", "area_code", "area_name", "level", "dimension", "breakdown", "category", "weighted",
                "suppressed")]
    suppressed = [row for row in rows if row["suppressed"] == "1"]
    assert suppressed, "a round with tiny areas has suppressed figures"
    for row in suppressed:
        assert all(row[name] == "" for name in numeric), f"suppressed figure with numbers: {row}"
    tiny = {code for code, n in counts.items() if code and n < 10}
    assert tiny
    for row in rows:
        if row["area_code"] in tiny:
            assert row["suppressed"] == "1", f"{row['area_code']} has fewer than 10 respondents"
    shown = [row for row in rows if row["suppressed"] == "0" and row["n"]]
    assert shown and all(int(row["n"]) >= 10 for row in shown)

    document = json.loads((out / "profiel.json").read_text(encoding="utf-8"))
    assert len(document["figures"]) == len(rows)
    for figure in document["figures"]:
        if figure["suppressed"]:
            assert all(figure[name] is None for name in numeric), figure
    sheet = read_xlsx(out / "profiel.xlsx")["profiel"]
    header = [sheet[0][index][0] for index in range(len(sheet[0]))]
    assert header == list(rows[0])
    assert len(sheet) - 1 == len(rows)
    for cells, row in zip(sheet[1:], rows):
        by_name = {header[index]: value for index, (value, _) in cells.items()}
        if row["suppressed"] == "1":
            assert all(by_name.get(name) is None for name in numeric), by_name
        elif row["n"]:
            assert by_name["n"] == float(row["n"]) and isinstance(by_name["mean"], float)


def test_audit_atomic_writes_and_plain_errors(demo, tmp_path):
    db_path, out, _ = demo
    before = query(db_path, "SELECT count(*) FROM audit WHERE action = 'export'")[0][0]
    path = out / "audit.csv"
    wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "csv", "--out", str(path))
    entries = query(db_path, "SELECT action, detail FROM audit WHERE action = 'export' ORDER BY id")
    assert len(entries) == before + 1
    assert ROUND in entries[-1][1] and "300 rows" in entries[-1][1] and str(path) in entries[-1][1]

    refused = wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "csv", "--out", str(path), check=False)
    assert refused.returncode != 0 and "already exists" in refused.stderr and "--force" in refused.stderr
    wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "csv", "--out", str(path), "--force")

    missing = tmp_path / "bestaat-niet" / "uit.csv"
    failed = wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "csv", "--out", str(missing), check=False)
    assert failed.returncode != 0
    assert "does not exist" in failed.stderr and "Traceback" not in failed.stderr and "Fatal" not in failed.stderr
    assert not missing.parent.exists()

    if os.geteuid() != 0:
        locked = tmp_path / "alleen-lezen"
        locked.mkdir(mode=0o500)
        failed = wijkweb(db_path, "export", "responses", "--round", ROUND, "--format", "csv", "--out", str(locked / "x.csv"),
                         check=False)
        assert failed.returncode != 0 and "writable" in failed.stderr

    wrong = wijkweb(db_path, "export", "responses", "--round", "Bestaat niet", "--format", "csv", "--out", str(out / "y.csv"),
                    check=False)
    assert wrong.returncode != 0 and "no round" in wrong.stderr
    assert not (out / "y.csv").exists()
    assert not [name for name in os.listdir(out) if ".partial-" in name], "no temporary files are left behind"
    after = query(db_path, "SELECT count(*) FROM audit WHERE action = 'export'")[0][0]
    assert after == before + 2, "failed exports write no audit entry"
