"""Sealed rounds through the real binary: team keys, interviews sealed at completion, sealed bundles that
travel unread, and the key that opens them on import."""

import json
import os
import sqlite3
import subprocess

from conftest import BINARY, CLEAN_ENVIRONMENT, TOTAL_ITEMS, query
from test_bundles import enrol

PART_ONE = 42
PASSPHRASE = "vier reigers boven het Zuidlaardermeer"
SECRET = "Zeldzaam-woord paarse olifant danst op de Vismarkt"
INTERVIEWS = 5


def run(*args, check=None):
    """Runs wijkweb without a passphrase in the environment; returns (exit status, stdout, stderr)."""
    environment = {k: v for k, v in os.environ.items() if k != "WIJKWEB_PASSPHRASE"}
    done = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, env=environment,
                          stdin=subprocess.DEVNULL, timeout=120)
    if check is not None:
        assert done.returncode == check, (args, done.stdout, done.stderr)
    return done.returncode, done.stdout, done.stderr


def plain_interview(db, lines):
    environment = {k: v for k, v in CLEAN_ENVIRONMENT.items() if k not in {"TERM", "WIJKWEB_PASSPHRASE"}}
    done = subprocess.run([str(BINARY), "interview", "--plain", "--db", str(db)], input="\n".join(lines) + "\n",
                          capture_output=True, text=True, env=environment, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def interview_lines(index):
    values = [str((k * 3 + index) % 11) for k in range(1, TOTAL_ITEMS + 1)]
    lines = ["", "V12" if index == 0 else "", "j", "beijum", "1", "2", "2", "1"]
    lines += values[:PART_ONE] + [""] + values[PART_ONE:] + [""]
    reflection = SECRET if index == 0 else f"Gewone wens nummer {index}"
    return lines + ["", reflection, "", "", "", "", "q"]


def snapshot(db):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {table: sorted(map(repr, connection.execute(f"SELECT * FROM {table}").fetchall()))
                for table in ["responses", "reflections", "part_scores", "rounds"]}
    finally:
        connection.close()


def test_a_sealed_round_keeps_answers_unreadable_until_the_key_opens_them(tmp_path):
    os.chmod(tmp_path, 0o700)
    passphrase_file = tmp_path / "zin.txt"
    passphrase_file.write_text(PASSPHRASE + "\n")
    wrong_file = tmp_path / "fout.txt"
    wrong_file.write_text("niet de goede zin\n")

    # The key pair, with its warning and a paper backup that restores to the same key.
    team = tmp_path / "team"
    status, out, err = run("keys", "create", "--out", team, "--passphrase-file", passphrase_file,
                           "--paper", tmp_path / "papier.txt", check=0)
    assert "lost for good" in err
    key_file, public_file = tmp_path / "team.key", tmp_path / "team.pub"
    assert os.stat(key_file).st_mode & 0o077 == 0, "the key file is owner-only"
    assert public_file.read_text().startswith("WIJKWEB-PUBLIC-KEY 1\n")
    paper = (tmp_path / "papier.txt").read_text()
    assert "WIJKWEB-PAPER-KEY 1" in paper and "CHECKSUM:" in paper and "keys restore" in paper
    run("keys", "restore", "--paper", tmp_path / "papier.txt", "--out", tmp_path / "terug", check=0)
    assert (tmp_path / "terug.key").read_bytes() == key_file.read_bytes()
    assert (tmp_path / "terug.pub").read_bytes() == public_file.read_bytes()

    # A laptop with a sealed round (the seeded round closed, so the interview offers the sealed one).
    laptop = tmp_path / "laptop" / "wijkweb.sqlite"
    run("areas", "list", "--db", laptop, check=0)  # starts the database; check only reads
    for (name,) in query(laptop, "SELECT name FROM rounds"):
        run("round", "close", name, "--db", laptop, check=0)
    # The laptop belongs to the team, whose key makes the round.
    enrol(tmp_path, laptop, "laptop", key_file, passphrase_file)
    status, out, err = run("round", "create", "Verzegeld", "--seal-to", public_file, "--min-group", "5", "--db", laptop,
                           "--key", key_file, "--passphrase-file", passphrase_file, check=0)
    assert "sealed to" in out
    for index in range(INTERVIEWS):
        out = plain_interview(laptop, interview_lines(index))
        assert "Uw bewijsnummer: " in out

    # Counted, but nothing readable: no answers, no scores, no reflections.
    assert query(laptop, "SELECT count(*) FROM responses WHERE status = 'completed' AND sealed IS NOT NULL") == [(INTERVIEWS,)]
    assert query(laptop, "SELECT count(*) FROM responses WHERE packed_answers IS NOT NULL OR packed_demographics IS NOT NULL") == [(0,)]
    for table in ["reflections", "part_scores", "answers", "demographics"]:
        assert query(laptop, f"SELECT count(*) FROM {table}") == [(0,)], table
    status, out, err = run("round", "show", "Verzegeld", "--db", laptop, check=0)
    assert f"responses: {INTERVIEWS} completed" in out and f"sealed: {INTERVIEWS} of the completed" in out
    status, out, err = run("check", "--db", laptop, check=0)
    assert "integrity: ok" in out and f"sealed: {INTERVIEWS}" in out

    bundle = tmp_path / "laptop.bundle"
    status, out, err = run("bundle", "export", "--db", laptop, "--out", bundle, check=0)
    assert "(encrypted)" not in out, "a plain bundle, so its bytes can be searched"

    # A laptop without the key: stores them sealed, does not count them in profiles, and says so.
    relay = tmp_path / "relay" / "wijkweb.sqlite"
    enrol(tmp_path, relay, "relay", key_file, passphrase_file)
    status, out, err = run("bundle", "import", bundle, "--db", relay, check=0)
    assert "new: 5" in out and "sealed: 5" in out
    status, out, err = run("profile", "--db", relay, "--round", "Verzegeld", "--format", "json")
    assert f"{INTERVIEWS} sealed responses not counted; import them with the key" in err
    # The note follows --language when it is given.
    status, out, err = run("profile", "--db", relay, "--round", "Verzegeld", "--format", "json", "--language", "nl")
    assert f"{INTERVIEWS} verzegelde vragenlijsten niet meegeteld" in err and "sealed" not in err
    status, out, err = run("profile", "--db", relay, "--round", "Verzegeld", "--format", "json", "--language", "en")
    assert f"{INTERVIEWS} sealed responses not counted; import them with the key" in err
    status, out, err = run("export", "responses", "--db", relay, "--round", "Verzegeld", "--format", "json",
                           "--out", tmp_path / "relay.json", check=0)
    assert f"{INTERVIEWS} sealed responses not exported" in err and out.startswith("0 responses")

    # A wrong passphrase: a plain refusal, nothing changed.
    before = snapshot(relay)
    status, out, err = run("bundle", "import", bundle, "--db", relay, "--key", key_file, "--key-passphrase-file", wrong_file)
    assert status != 0 and "passphrase is wrong" in err and "Traceback" not in err and "Nothing was changed" in err
    status, out, err = run("unseal", "--db", relay, "--key", key_file, "--passphrase-file", wrong_file)
    assert status != 0 and "passphrase is wrong" in err
    assert snapshot(relay) == before

    # The team's machine: the bundle opened with the key on import; the profile counts all five.
    team_db = tmp_path / "team" / "wijkweb.sqlite"
    enrol(tmp_path, team_db, "team-machine", key_file, passphrase_file)
    status, out, err = run("bundle", "import", bundle, "--db", team_db, "--key", key_file,
                           "--key-passphrase-file", passphrase_file, check=0)
    assert f"new: {INTERVIEWS}" in out and "sealed:" not in out
    assert query(team_db, "SELECT count(*) FROM responses WHERE sealed IS NOT NULL") == [(0,)]
    assert (SECRET,) in query(team_db, "SELECT text FROM reflections")
    assert query(team_db, "SELECT count(DISTINCT response_key) FROM part_scores") == [(INTERVIEWS,)]
    status, out, err = run("profile", "--db", team_db, "--round", "Verzegeld", "--format", "json", check=0)
    assert "sealed responses not counted" not in err
    # Published counts carry the cell-key perturbation (Docs/disclosure.md): within 2 of the five, or hidden
    # when the perturbed count falls below the minimum of 5.
    counts = {f["n"] for f in json.loads(out)["figures"] if f["category"] is None}
    assert counts and all(n is None or abs(n - INTERVIEWS) <= 2 for n in counts), counts

    # The answers as they were given, now readable: none of it was readable on the laptop or in the bundle.
    packed = [row[0] for row in query(team_db, "SELECT packed_answers FROM responses")]
    assert len(packed) == INTERVIEWS and all(len(p) == TOTAL_ITEMS for p in packed)
    files = [laptop, laptop.with_name(laptop.name + "-wal"), bundle]
    for path in files:
        if path.exists():
            raw = path.read_bytes()
            assert SECRET.encode() not in raw and b"paarse olifant" not in raw, path
            for answers in packed:
                assert answers.encode() not in raw, path

    # The relay laptop opens what it holds with `unseal`.
    status, out, err = run("unseal", "--db", relay, "--key", key_file, "--passphrase-file", passphrase_file, check=0)
    assert f"unsealed: {INTERVIEWS}" in out
    assert (SECRET,) in query(relay, "SELECT text FROM reflections")
    status, out, err = run("profile", "--db", relay, "--round", "Verzegeld", "--format", "json", check=0)
    assert "sealed responses not counted" not in err


def test_keys_create_asks_the_passphrase_twice_without_echo_and_offers_a_paper_backup(tui, tmp_path):
    tui.start("keys", "create", "--out", str(tmp_path / "team"), idle=None, width=250)
    tui.wait_for("Passphrase:")
    assert "the sealed responses are lost for good" in tui.screen()
    tui.type("geheime zin van het team")
    tui.send("Enter")
    tui.wait_for("Passphrase again:")
    tui.type("geheime zin van het team")
    tui.send("Enter")
    tui.wait_for("paper backup of the key")
    tui.type("j")
    tui.send("Enter")
    tui.wait_for("paper backup written to")
    assert "geheime zin" not in tui.screen(history=True), "the passphrase was echoed"
    assert (tmp_path / "team.key").exists() and (tmp_path / "team.pub").exists()
    paper = tmp_path / "team.paper.txt"
    assert os.stat(paper).st_mode & 0o077 == 0
    run("keys", "restore", "--paper", paper, "--out", tmp_path / "terug", check=0)
    assert (tmp_path / "terug.key").read_bytes() == (tmp_path / "team.key").read_bytes()


def test_a_mistyped_paper_backup_is_refused_and_writes_nothing(tmp_path):
    passphrase_file = tmp_path / "zin.txt"
    passphrase_file.write_text(PASSPHRASE + "\n")
    run("keys", "create", "--out", tmp_path / "team", "--passphrase-file", passphrase_file,
        "--paper", tmp_path / "papier.txt", check=0)
    lines = (tmp_path / "papier.txt").read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("03: "))
    swapped = "B" if lines[index][4] != "B" else "C"
    lines[index] = lines[index][:4] + swapped + lines[index][5:]
    (tmp_path / "fout.txt").write_text("\n".join(lines) + "\n")
    status, out, err = run("keys", "restore", "--paper", tmp_path / "fout.txt", "--out", tmp_path / "terug")
    assert status != 0 and "line 3" in err and "typing error" in err and "Traceback" not in err
    assert not (tmp_path / "terug.key").exists()
