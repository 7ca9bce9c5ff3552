"""Bundles, withdrawal and backup through the real binary: what an operator types and sees."""

import os
import sqlite3
import subprocess
import time

from conftest import BINARY, query, set_receipt

PASSPHRASE = "zeven bruggen over het Reitdiep"


def run(*args, env=None, check=None):
    """Runs wijkweb; returns (exit status, stdout, stderr)."""
    environment = {k: v for k, v in os.environ.items() if k != "WIJKWEB_PASSPHRASE"}
    environment.update(env or {})
    done = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, env=environment,
                          stdin=subprocess.DEVNULL, timeout=120)
    if check is not None:
        assert done.returncode == check, (args, done.stdout, done.stderr)
    return done.returncode, done.stdout, done.stderr


def report(stdout):
    """The counts an import prints, by name."""
    counts = {}
    for line in stdout.splitlines():
        name, _, value = line.partition(": ")
        if name in {"new", "already present", "withdrawn", "conflicts"}:
            counts[name] = int(value.split()[0])
    return counts


def snapshot(db):
    """Everything a bundle could change, as sorted rows (the audit log included)."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {table: sorted(map(repr, connection.execute(f"SELECT * FROM {table}").fetchall()))
                for table in ["responses", "reflections", "part_scores", "tombstones", "rounds", "questionnaires", "audit"]}
    finally:
        connection.close()


TEAM_PASSPHRASE = "vier meeuwen boven de Hunze"
# The device key of each laptop made here, by device id: the crafted-bundle tests sign with it, as an
# attacker who took an enrolled laptop's database could.
DEVICE_KEYS = {}


def team_key(tmp_path):
    """The gebiedsteam's key files (made once per test) and its passphrase file."""
    passphrase = tmp_path / "team-zin.txt"
    passphrase.write_text(TEAM_PASSPHRASE + "\n")
    if not (tmp_path / "team.key").exists():
        run("keys", "create", "--out", tmp_path / "team", "--passphrase-file", passphrase, check=0)
    return tmp_path / "team.key", passphrase


def register_device(db):
    """Keeps the device key of the laptop `db` for the crafted-bundle tests."""
    with sqlite3.connect(db) as connection:
        device = connection.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
        DEVICE_KEYS[device] = connection.execute("SELECT secret_key FROM device_identity").fetchone()[0]


def enrol(tmp_path, db, name, key=None, passphrase=None):
    """Enrols the laptop `db` (made now if new) into the test's team (or the team of `key`), the way a
    coordinator does; returns the certificate file."""
    if key is None:
        key, passphrase = team_key(tmp_path)
    status, request, err = run("device", "enrol", "--db", db, check=0)
    request = request.strip()
    assert "\n" not in request and request.startswith("WWE1.") and "team enrol-device" in err
    certificate = tmp_path / f"{name}.cert"
    run("team", "enrol-device", request, "--key", key, "--passphrase-file", passphrase, "--out", certificate, check=0)
    status, out, err = run("device", "enrol", "--db", db, "--certificate", certificate, check=0)
    assert "now belongs to team" in out
    register_device(db)
    return certificate


def accept_round(tmp_path, db, name):
    """The team accepts the round `name` the laptop made alone: it signs it, and the laptop keeps that signature."""
    key, passphrase = team_key(tmp_path)
    path = tmp_path / f"round-{abs(hash((str(db), name)))}.txt"
    run("round", "export", "--db", db, name, "--out", path, check=0)
    run("round", "import", "--db", db, path, "--key", key, "--passphrase-file", passphrase, check=0)
    path.unlink()


def laptop(tmp_path, name, seed, responses=30, team=True):
    """A laptop with demo responses in round "Najaar test"; with `team`, enrolled into the test's team,
    which accepted that round, so the laptops of one test exchange bundles."""
    db = tmp_path / name / "wijkweb.sqlite"
    run("demo", "--db", db, "--responses", responses, "--seed", seed, "--round", "Najaar test", "--no-previous", check=0)
    if team:
        enrol(tmp_path, db, name)
        accept_round(tmp_path, db, "Najaar test")
    register_device(db)
    return db


def test_bundles_travel_encrypted_merge_once_and_carry_a_withdrawal(tmp_path):
    a = laptop(tmp_path, "a", 1)
    b = laptop(tmp_path, "b", 2, responses=20)
    passphrase_file = tmp_path / "zin.txt"
    passphrase_file.write_text(PASSPHRASE + "\n")
    bundle = tmp_path / "a1.bundle"
    status, out, err = run("bundle", "export", "--db", a, "--passphrase-file", passphrase_file, "--out", bundle)
    assert status == 0, err
    assert "30 responses" in out and "(encrypted)" in out
    assert bundle.read_bytes().startswith(b"WIJKWEB-SEALED 1\n")
    assert os.stat(bundle).st_mode & 0o077 == 0, "a bundle is owner-only"
    assert run("bundle", "export", "--db", a, "--out", bundle)[0] != 0, "an existing file is not overwritten"

    status, out, err = run("bundle", "import", "--db", b, bundle, env={"WIJKWEB_PASSPHRASE": PASSPHRASE})
    assert status == 0, err
    assert report(out) == {"new": 30, "already present": 0, "withdrawn": 0, "conflicts": 0}, out
    before = snapshot(b)
    status, out, _ = run("bundle", "import", "--db", b, bundle, "--passphrase-file", passphrase_file)
    assert report(out) == {"new": 0, "already present": 30, "withdrawn": 0, "conflicts": 0}, out
    after = snapshot(b)
    assert {k: v for k, v in after.items() if k != "audit"} == {k: v for k, v in before.items() if k != "audit"}
    assert query(b, "SELECT count(*) FROM responses") == [(50,)]
    assert query(b, "SELECT count(*) FROM part_scores") == [(100,)], "imported responses have their part scores"
    status, out, _ = run("profile", "--db", b, "--round", "Najaar test", "--format", "csv")
    assert status == 0

    # A resident of laptop A withdraws with the code on their slip, typed loosely.
    response_id = query(a, "SELECT id FROM responses ORDER BY id LIMIT 1")[0][0]
    # (Demo responses have no receipt code; this one gets one on A and on B, which merged it.)
    set_receipt([a, b], response_id, "K7MP-3QXA-9RTW-HN4C")
    status, out, err = run("withdraw", "--db", a, "k7mp 3qxa 9rtw-hn4c")
    assert status == 0, err
    assert "withdrawn" in out
    assert query(a, "SELECT count(*) FROM responses WHERE id = ?", (response_id,)) == [(0,)]
    assert query(a, "SELECT response_id FROM tombstones") == [(response_id,)]
    status, _, err = run("withdraw", "--db", a, "K7MP-3QXA-9RTW-HN4C")
    assert status != 0 and "No response on this laptop has receipt code K7MP-3QXA-9RTW-HN4C" in err
    status, _, err = run("withdraw", "--db", a, "hallo")
    assert status != 0 and "not a receipt code" in err and "Traceback" not in err

    # The next bundle, since the previous one, carries the withdrawal to laptop B.
    second = tmp_path / "a2.bundle"
    status, out, err = run("bundle", "export", "--db", a, "--since", bundle, "--out", second,
                           env={"WIJKWEB_PASSPHRASE": PASSPHRASE})
    assert status == 0, err
    # Responses completed in the very second the previous bundle was made travel again (harmless).
    assert "1 withdrawals" in out, out
    status, out, err = run("bundle", "export", "--db", a, "--since", "2099-01-01", "--out", tmp_path / "later.bundle")
    assert status == 0 and "0 responses" in out and "1 withdrawals" in out, (out, err)
    status, _, err = run("bundle", "export", "--db", a, "--since", "gisteren", "--out", tmp_path / "x.bundle")
    assert status != 0 and "neither a time" in err
    status, out, _ = run("bundle", "import", "--db", b, second, env={"WIJKWEB_PASSPHRASE": PASSPHRASE})
    counts = report(out)
    assert counts["withdrawn"] == 1 and counts["new"] == 0 and counts["conflicts"] == 0, out
    status, out, _ = run("bundle", "import", "--db", b, bundle, env={"WIJKWEB_PASSPHRASE": PASSPHRASE})
    assert report(out) == {"new": 0, "already present": 29, "withdrawn": 0, "conflicts": 0}, out
    assert "not brought back" in out
    assert query(b, "SELECT count(*) FROM responses WHERE id = ?", (response_id,)) == [(0,)]
    actions = [row[0] for row in query(b, "SELECT action FROM audit")]
    assert actions.count("bundle-import") == 4
    assert "withdraw" in [row[0] for row in query(a, "SELECT action FROM audit")]
    status, out, _ = run("audit", "--db", a, check=0)
    assert "bundle-export" in out and "withdraw" in out


def test_damaged_cut_off_foreign_and_wrongly_locked_bundles_are_refused_untouched(tmp_path):
    a = laptop(tmp_path, "a", 3, responses=10)
    b = laptop(tmp_path, "b", 4, responses=10)
    plain = tmp_path / "plain.bundle"
    run("bundle", "export", "--db", a, "--out", plain, check=0)
    sealed = tmp_path / "sealed.bundle"
    run("bundle", "export", "--db", a, "--out", sealed, env={"WIJKWEB_PASSPHRASE": PASSPHRASE}, check=0)
    data = plain.read_bytes()
    before = snapshot(b)
    cases = {
        "flipped.bundle": data[:700] + bytes([data[700] ^ 0x20]) + data[701:],
        "cut.bundle": data[: len(data) // 2],
        "foreign.bundle": b"id,name\n1,Grietje\n",
        "empty.bundle": b"",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        status, out, err = run("bundle", "import", "--db", b, path)
        assert status != 0, name
        assert "Nothing was imported" in err and "Traceback" not in err and "Fatal" not in err, (name, err)
    status, _, err = run("bundle", "import", "--db", b, sealed, env={"WIJKWEB_PASSPHRASE": "verkeerd"})
    assert status != 0 and "passphrase is wrong" in err, err
    status, _, err = run("bundle", "import", "--db", b, sealed)
    assert status != 0 and "needs a passphrase" in err, err
    cut = tmp_path / "cut-sealed.bundle"
    cut.write_bytes(sealed.read_bytes()[:-5])
    status, _, err = run("bundle", "import", "--db", b, cut, env={"WIJKWEB_PASSPHRASE": PASSPHRASE})
    assert status != 0 and "Nothing was imported" in err, err
    status, _, err = run("bundle", "import", "--db", b, tmp_path / "missing.bundle")
    assert status != 0 and "Cannot read the bundle" in err
    assert snapshot(b) == before, "a refused bundle leaves the database as it was"


def test_a_backup_taken_while_another_process_writes_opens_and_passes_check(tmp_path):
    db = tmp_path / "live" / "wijkweb.sqlite"
    # `check` only reads and never creates a database; a first demo round makes it.
    run("demo", "--db", db, "--responses", "1", "--seed", "1000", "--round", "Start", "--no-previous", check=0)
    run("check", "--db", db, check=0)
    per_round = 4000
    script = " && ".join(
        f"{BINARY} demo --db {db} --responses {per_round} --seed {i} --round W{i} --no-previous >/dev/null" for i in range(12))
    writer = subprocess.Popen(["bash", "-c", script])
    backups = []
    try:
        while writer.poll() is None and len(backups) < 8:
            target = db.parent / f"backup-{len(backups)}.sqlite"
            status, _, err = run("backup", "--db", db, "--out", target)
            assert status == 0, err
            backups.append((target, writer.poll() is None))
            time.sleep(0.2)
    finally:
        writer.wait(timeout=300)
    assert writer.returncode == 0
    during = [path for path, writing in backups if writing]
    assert len(during) >= 2, "backups were taken while the other process wrote"
    for path in during:
        status, out, err = run("check", "--db", path)
        assert status == 0 and "integrity: ok" in out, (path, out, err)
        # Each demo batch is one transaction: a round in the copy is empty or complete, never half.
        for name, count, scores in query(path, """
                SELECT r.name, (SELECT count(*) FROM responses WHERE round_id = r.id),
                  (SELECT count(*) FROM part_scores WHERE round_id = r.id) FROM rounds r WHERE r.name LIKE 'W%'"""):
            assert count in (0, per_round) and scores == 2 * count, (path, name, count, scores)


def test_the_passphrase_is_asked_without_echo_on_a_terminal(tui, tmp_path, db_path):
    source = laptop(tmp_path, "bron", 5, responses=5)
    sealed = tmp_path / "asked.bundle"
    tui.start("bundle", "export", "--db", str(source), "--encrypt", "--out", str(sealed), idle=None)
    tui.wait_for("Passphrase:")
    tui.type(PASSPHRASE)
    tui.send("Enter")
    tui.wait_for("Passphrase again:")
    tui.type(PASSPHRASE)
    tui.send("Enter")
    screen = tui.wait_for("bundle written to")
    assert PASSPHRASE not in screen and "(encrypted)" in screen.replace("\n", ""), repr(screen)
    tui.kill()
    assert sealed.read_bytes().startswith(b"WIJKWEB-SEALED 1\n")

    # The receiving machine belongs to the same team (only then does it take the bundle).
    enrol(tmp_path, db_path, "ziel")
    tui.start("bundle", "import", str(sealed), idle=None)
    tui.wait_for("Passphrase:")
    tui.type(PASSPHRASE)
    tui.send("Enter")
    screen = tui.wait_for("conflicts: 0", timeout=20)
    assert "new: 5" in screen and PASSPHRASE not in screen
    assert query(db_path, "SELECT count(*) FROM responses WHERE volunteer_code = 'DEMO'") == [(5,)]
