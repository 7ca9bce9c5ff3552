"""The central PostgreSQL database through the real binary: schema, roles enforced by PostgreSQL, TLS
defaults and `sync --to`. A throwaway cluster (Tests/Central/pg_cluster.sh) runs for the session on a Unix
socket in a temporary folder and on a free loopback port (without TLS), and is removed at the end."""

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from conftest import BINARY, REPO, receipt_hash, set_receipt

CLUSTER_SCRIPT = REPO / "Tests" / "Central" / "pg_cluster.sh"
SUPERUSER_PASSWORD = "superuser-" + uuid.uuid4().hex
ROLE_PASSWORD = "role-password-" + uuid.uuid4().hex


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    def __init__(self, folder, port):
        self.folder, self.port = folder, port

    def url(self, database, user="postgres"):
        return f"postgresql:///{database}?host={self.folder}&port={self.port}&user={user}"

    def psql(self, database, sql, user="postgres", password=SUPERUSER_PASSWORD):
        """Runs SQL as `user`; returns (exit status, rows as lists of strings, error text)."""
        environment = dict(os.environ, PGPASSWORD=password, PGCONNECT_TIMEOUT="10")
        done = subprocess.run(
            ["psql", "-X", "-q", "-tA", "-F", "\t", "-v", "ON_ERROR_STOP=1", "-h", self.folder, "-p", str(self.port),
             "-U", user, "-d", database, "-c", sql],
            capture_output=True, text=True, env=environment, stdin=subprocess.DEVNULL, timeout=60)
        rows = [line.split("\t") for line in done.stdout.splitlines() if line]
        return done.returncode, rows, done.stderr

    def value(self, database, sql, user="postgres", password=SUPERUSER_PASSWORD):
        status, rows, err = self.psql(database, sql, user, password)
        assert status == 0, (sql, user, err)
        return rows[0][0]

    def new_database(self):
        name = "w" + uuid.uuid4().hex[:12]
        status, _, err = self.psql("postgres", f"CREATE DATABASE {name}")
        assert status == 0, err
        return name


@pytest.fixture(scope="session")
def cluster():
    if not any(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
        pytest.fail("PostgreSQL is not installed: run `make deps` (Debian packages postgresql and libpq-dev).")
    folder = tempfile.mkdtemp(prefix="wijkweb-pg.")
    port = free_port()
    environment = dict(os.environ, PGPASSWORD=SUPERUSER_PASSWORD)
    subprocess.run([str(CLUSTER_SCRIPT), "start", folder, str(port)], check=True, env=environment,
                   stdin=subprocess.DEVNULL, timeout=180)
    try:
        yield Cluster(folder, port)
    finally:
        subprocess.run([str(CLUSTER_SCRIPT), "stop", folder], env=environment, stdin=subprocess.DEVNULL, timeout=120)


def run(*args, password=SUPERUSER_PASSWORD, env=None):
    """Runs wijkweb with the password in PGPASSWORD (never on the command line); (status, out, err)."""
    environment = {k: v for k, v in os.environ.items() if k not in {"PGPASSWORD", "WIJKWEB_CENTRAL", "PGSSLMODE"}}
    if password is not None:
        environment["PGPASSWORD"] = password
    environment.update(env or {})
    done = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, env=environment,
                          stdin=subprocess.DEVNULL, timeout=300)
    return done.returncode, done.stdout, done.stderr


def ok(*args, **kwargs):
    status, out, err = run(*args, **kwargs)
    assert status == 0, (args, out, err)
    return out


def laptop(tmp_path, responses, name="laptop", round_name="Najaar centraal", seed=1):
    db = tmp_path / name / "wijkweb.sqlite"
    ok("demo", "--db", db, "--responses", responses, "--seed", seed, "--round", round_name, "--no-previous")
    return db


def local(db, sql):
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def add_role(cluster, database, kind, name, *extra):
    return ok("central", f"add-{kind}", name, *extra, "--url", cluster.url(database),
              env={"WIJKWEB_NEW_ROLE_PASSWORD": ROLE_PASSWORD})


def add_device(cluster, database, name, db, *extra):
    """A device login bound to the laptop `db`'s enrolled device: its certificate, checked against the team
    identity of `db` (a demo laptop is its own team) before the server binds it."""
    certificate = Path(db).parent / f"{name}.cert"
    certificate.write_text(local(db, "SELECT certificate FROM device_identity WHERE id = 1")[0][0])
    return add_role(cluster, database, "device", name, "--certificate", certificate, "--trust-db", db, *extra)


def test_init_creates_the_schema_once_and_check_reports_its_version(cluster):
    database = cluster.new_database()
    first = ok("central", "init", "--url", cluster.url(database))
    assert "applied 1-model-and-roles" in first
    # The latest central migration (the list grows at the end; its name is not repeated here).
    applied = first.split("applied ")[1].split(";")[0].split(", ")
    version = applied[-1]
    assert first.strip().endswith(f"schema version {version}")
    second = ok("central", "init", "--url", cluster.url(database))
    assert f"up to date, schema version {version}" in second
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.schema_migrations") == str(len(applied))
    tables = {row[0] for row in cluster.psql(database, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'wijkweb'")[1]}
    assert {"areas", "questionnaires", "rounds", "responses", "part_scores", "reflections", "tombstones", "audit",
            "population", "team_areas", "schema_migrations"} <= tables
    assert f"schema version {version} (up to date)" in ok("central", "check", "--url", cluster.url(database))
    assert f"schema version {version} (up to date)" in ok("check", "--db", cluster.url(database))
    # A database migrated by a newer Wijkweb is refused and left as it is.
    cluster.value(database, "INSERT INTO wijkweb.schema_migrations (version) VALUES ('9-from-the-future'); SELECT 1")
    status, out, err = run("central", "init", "--url", cluster.url(database))
    assert status == 1 and "newer Wijkweb" in err
    status, out, err = run("check", "--db", cluster.url(database))
    assert status == 1 and "schema version 9-from-the-future, made by a newer Wijkweb" in err
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.schema_migrations") == str(len(applied) + 1)


def test_the_central_commands_speak_the_language_asked(cluster):
    """`central init`, `central check`, their refusals and the connection failures follow --language."""
    database = cluster.new_database()
    first = ok("central", "init", "--url", cluster.url(database), "--language", "nl")
    assert "centrale database " in first and ": toegepast 1-model-and-roles" in first and "; schemaversie " in first, first
    version = first.strip().rsplit(" ", 1)[1]
    assert f": bijgewerkt, schemaversie {version}" in ok("central", "init", "--url", cluster.url(database), "--language", "nl")
    checked = ok("central", "check", "--url", cluster.url(database), "--language", "nl")
    assert f"schemaversie {version} (bijgewerkt); verbonden als " in checked, checked
    assert f"schema version {version} (up to date); connected as " in ok("central", "check", "--url", cluster.url(database),
                                                                          "--language", "en")
    cluster.value(database, "INSERT INTO wijkweb.schema_migrations (version) VALUES ('9-from-the-future'); SELECT 1")
    status, out, err = run("central", "init", "--url", cluster.url(database), "--language", "nl")
    assert status == 1 and "Fout: De centrale database is bijgewerkt door een nieuwere Wijkweb (schema 9-from-the-future)" in err, err
    status, out, err = run("central", "check", "--url", cluster.url(database), "--language", "nl")
    assert status == 1 and "heeft schemaversie 9-from-the-future, gemaakt door een nieuwere Wijkweb" in err, err
    for language, expected in [("nl", ["Fout: Welke centrale database? Geef --url", "is geen postgresql://-URL en ook geen servicenaam",
                                       "Fout: Kan geen verbinding maken met de centrale database 127.0.0.1:1/"]),
                               ("en", ["Error: Which central database? Give --url", "is neither a postgresql:// URL nor a service name",
                                       "Error: Cannot connect to the central database 127.0.0.1:1/"])]:
        said = [run("central", "check", "--language", language)[2], run("central", "check", "--url", "geen adres!", "--language", language)[2],
                run("central", "check", "--url", "postgresql://127.0.0.1:1/x", "--language", language)[2]]
        for text, must in zip(said, expected):
            assert must in text, f"{must!r} not in {text!r}"
            assert ("Error" in text) == (language == "en") and ("Fout" in text) == (language == "nl"), text


def test_commands_for_a_laptop_file_refuse_a_central_url_and_create_nothing(cluster, tmp_path):
    url = cluster.url("postgres")
    done = subprocess.run([str(BINARY), "purge", "--db", url], capture_output=True, text=True, cwd=tmp_path,
                          stdin=subprocess.DEVNULL, timeout=60)
    assert done.returncode == 1 and "names the central database" in done.stderr and done.stdout == ""
    assert list(tmp_path.iterdir()) == [], "no folder named after the URL"


def test_a_tcp_host_gets_verify_full_unless_the_url_says_otherwise(cluster):
    shown = ok("central", "show-connection", "--url", "postgresql://wijkweb@db.gemeente.example/wijkweb")
    assert "sslmode=verify-full" in shown.splitlines()
    shown = ok("central", "show-connection", "--url", "postgresql://db.gemeente.example/wijkweb?sslmode=verify-ca&sslrootcert=/etc/ca.pem")
    assert "sslmode=verify-ca" in shown.splitlines() and "sslrootcert=/etc/ca.pem" in shown.splitlines()
    assert not any(line.startswith("sslmode=") for line in ok("central", "show-connection", "--url", cluster.url("postgres")).splitlines())
    # The test cluster has no TLS: over TCP without sslmode, Wijkweb does not connect at all.
    status, out, err = run("central", "check", "--url", f"postgresql://postgres@127.0.0.1:{cluster.port}/postgres")
    assert status == 1 and "SSL was required" in err, err
    status, out, err = run("central", "check", "--url", f"postgresql://postgres:{SUPERUSER_PASSWORD}@127.0.0.1:{cluster.port}/postgres")
    assert status == 1 and "contains a password" in err and SUPERUSER_PASSWORD not in err


def test_passwords_come_from_the_environment_or_a_prompt_never_the_command_line(cluster):
    database = cluster.new_database()
    ok("central", "init", "--url", cluster.url(database))
    # No PGPASSWORD, no password file and no terminal to ask on: a plain refusal, no hanging prompt.
    status, out, err = run("central", "check", "--url", cluster.url(database), password=None,
                           env={"PGPASSFILE": "/nonexistent"})
    assert status == 1 and "Cannot connect to the central database" in err and "password" in err
    # A password file in libpq's format works.
    with tempfile.NamedTemporaryFile("w", delete=False) as passfile:
        passfile.write(f"*:*:*:postgres:{SUPERUSER_PASSWORD}\n")
    os.chmod(passfile.name, 0o600)
    try:
        out = ok("central", "check", "--url", cluster.url(database), password=None, env={"PGPASSFILE": passfile.name})
        assert "up to date" in out
    finally:
        os.unlink(passfile.name)
    # A new role's password: from WIJKWEB_NEW_ROLE_PASSWORD or typed, never an option.
    status, out, err = run("central", "add-device", "laptop-zonder", "--url", cluster.url(database))
    assert status == 1 and "WIJKWEB_NEW_ROLE_PASSWORD" in err
    assert cluster.value(database, "SELECT count(*) FROM pg_roles WHERE rolname = 'laptop-zonder'") == "0"
    status, out, err = run("central", "add-device", "laptop-x", "--password", "geheim", "--url", cluster.url(database))
    assert status != 0 and "--password" in err


def publish_and_sync(cluster, tmp_path, responses):
    database = cluster.new_database()
    suffix = database[1:7]
    ok("central", "init", "--url", cluster.url(database))
    names = {kind: f"{kind}-{suffix}" for kind in ["admin", "device", "team", "researcher"]}
    add_role(cluster, database, "admin", names["admin"])
    db = laptop(tmp_path, responses)
    # The admin (not the superuser) publishes the laptop's areas, questionnaire and round.
    out = ok("central", "publish", "--db", db, "--url", cluster.url(database, names["admin"]), password=ROLE_PASSWORD)
    assert "37 areas, 1 questionnaires, 2 rounds added" in out, out
    add_device(cluster, database, names["device"], db)
    out = ok("sync", "--db", db, "--to", cluster.url(database, names["device"]), password=ROLE_PASSWORD)
    assert f"{responses} sent, 0 already there, 0 refused" in out
    return database, names, db


def test_each_role_may_do_only_its_own_part(cluster, tmp_path):
    database, names, db = publish_and_sync(cluster, tmp_path, 60)
    total = 60
    # The gebied with the most responses becomes the team's.
    gebied = cluster.value(database, """
        WITH RECURSIVE up (response_id, code, level) AS (
          SELECT r.id, a.code, a.level FROM wijkweb.responses r JOIN wijkweb.areas a ON a.code = r.area_code
          UNION ALL SELECT up.response_id, a.code, a.level FROM up JOIN wijkweb.areas c ON c.code = up.code JOIN wijkweb.areas a ON a.code = c.parent_code)
        SELECT code FROM up WHERE level = 'gebied' GROUP BY code ORDER BY count(*) DESC, code LIMIT 1""")
    own = int(cluster.value(database, f"""
        WITH RECURSIVE down (code) AS (SELECT '{gebied}'::text UNION ALL SELECT a.code FROM wijkweb.areas a JOIN down ON a.parent_code = down.code)
        SELECT count(*) FROM wijkweb.responses WHERE area_code IN (SELECT code FROM down)"""))
    assert 0 < own < total
    add_role(cluster, database, "team", names["team"], "--gebied", gebied)
    add_role(cluster, database, "researcher", names["researcher"])

    def as_role(kind, sql):
        return cluster.psql(database, sql, names[kind], ROLE_PASSWORD)

    def refused(kind, sql):
        status, rows, err = as_role(kind, sql)
        assert status != 0 and "permission denied" in err, (kind, sql, rows, err)

    def allowed(kind, sql):
        status, rows, err = as_role(kind, sql)
        assert status == 0, (kind, sql, err)
        return rows

    # A wrong password is refused: the roles are real logins.
    assert cluster.psql(database, "SELECT 1", names["device"], "not-the-password")[0] != 0

    # Device: submits, reads nothing back.
    for sql in ["SELECT count(*) FROM wijkweb.responses", "SELECT * FROM wijkweb.areas", "SELECT * FROM wijkweb.rounds",
                "SELECT * FROM wijkweb.reflections", "SELECT * FROM wijkweb.audit", "SELECT * FROM wijkweb.tombstones",
                "SELECT * FROM wijkweb_research.responses", "DELETE FROM wijkweb.responses",
                "INSERT INTO wijkweb.tombstones (response_id, withdrawn_at, device_id) VALUES ('x', now(), 'y')",
                "SELECT * FROM wijkweb.withdrawal_claims", "DELETE FROM wijkweb.withdrawal_claims",
                "SELECT wijkweb.apply_withdrawal('x')", "SELECT wijkweb.refuse_withdrawal('x', 'y')",
                "UPDATE wijkweb.rounds SET status = 'closed'"]:
        refused("device", sql)
    assert allowed("device", "SELECT outcome FROM wijkweb.submit('[]'::jsonb)") == []

    # Team: its own gebied only, no receipt hashes, withdrawal claims or device ids; reviews only there.
    assert allowed("team", "SELECT count(*) FROM wijkweb.responses") == [[str(own)]]
    assert allowed("team", "SELECT count(DISTINCT response_id) FROM wijkweb.part_scores") == [[str(own)]]
    for sql in ["SELECT receipt_hash FROM wijkweb.responses", "SELECT receipt_salt FROM wijkweb.responses",
                "SELECT receipt_locator FROM wijkweb.responses", "SELECT * FROM wijkweb.withdrawal_claims",
                "SELECT device_id FROM wijkweb.responses", "SELECT * FROM wijkweb.responses",
                "SELECT * FROM wijkweb.team_areas", "SELECT * FROM wijkweb.audit", "INSERT INTO wijkweb.areas VALUES ('X', 'buurt', 'X', NULL, '')",
                "DELETE FROM wijkweb.responses", "UPDATE wijkweb.reflections SET text = 'changed'",
                "SELECT * FROM wijkweb.submit('[]'::jsonb)", "SELECT * FROM wijkweb_research.responses",
                "SELECT wijkweb.apply_withdrawal('x')"]:
        refused("team", sql)
    # Demo responses carry no free text: give every response one, as a resident's reflection would arrive.
    cluster.value(database, """INSERT INTO wijkweb.reflections (response_id, prompt_id, text, area_code)
        SELECT id, 'wijk', 'Mijn straat ' || key, area_code FROM wijkweb.responses; SELECT 1""")
    reviewed = allowed("team", "UPDATE wijkweb.reflections SET review_status = 'publishable', reviewer = 'team' RETURNING 1")
    own_reflections = int(cluster.value(database, f"""
        SELECT count(*) FROM wijkweb.reflections f JOIN wijkweb.responses r ON r.id = f.response_id
        WHERE r.area_code IN (WITH RECURSIVE down (code) AS (SELECT '{gebied}'::text UNION ALL
          SELECT a.code FROM wijkweb.areas a JOIN down ON a.parent_code = down.code) SELECT code FROM down)"""))
    all_reflections = int(cluster.value(database, "SELECT count(*) FROM wijkweb.reflections"))
    assert len(reviewed) == own_reflections and 0 < own_reflections < all_reflections
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.reflections WHERE review_status = 'publishable'") == str(own_reflections)
    assert int(cluster.value(database, "SELECT count(*) FROM wijkweb.audit WHERE action = 'review'")) == own_reflections

    # Researcher: de-identified views only.
    assert allowed("researcher", "SELECT count(*) FROM wijkweb_research.responses") == [[str(total)]]
    assert allowed("researcher", "SELECT count(*) FROM wijkweb_research.reflections") == [[str(own_reflections)]]
    assert allowed("researcher", "SELECT pg_typeof(completed_on)::text FROM wijkweb_research.responses LIMIT 1") == [["date"]]
    columns = {row[0] for row in cluster.psql(database, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'wijkweb_research'")[1]}
    assert not columns & {"receipt_code", "receipt_locator", "receipt_salt", "receipt_hash", "device_id", "volunteer_code", "id",
                          "completed_at", "started_at", "received_from"}
    for sql in ["SELECT * FROM wijkweb.responses", "SELECT * FROM wijkweb.reflections", "SELECT * FROM wijkweb.part_scores",
                "SELECT * FROM wijkweb.areas", "SELECT * FROM wijkweb.withdrawal_claims", "SELECT wijkweb.apply_withdrawal('x')",
                "SELECT * FROM wijkweb.submit('[]'::jsonb)", "UPDATE wijkweb_research.responses SET area_code = NULL"]:
        status, rows, err = as_role("researcher", sql)
        assert status != 0 and ("permission denied" in err or "cannot" in err), (sql, err)

    # Admin: set-up, withdrawals; not a device.
    # Demo responses have no receipt codes: give one response the hash of the code its resident would hold.
    receipt, response_id = "K7MP-3QXA-9RTW-HN4C", local(db, "SELECT id FROM responses ORDER BY id LIMIT 1")[0][0]
    salt = os.urandom(16)
    cluster.value(database, f"""UPDATE wijkweb.responses SET receipt_locator = 'K7MP', receipt_salt = '\\x{salt.hex()}',
        receipt_hash = '\\x{receipt_hash(receipt, salt).hex()}' WHERE id = '{response_id}'; SELECT 1""")
    admin_url = cluster.url(database, names["admin"])
    # A code with the right locator that does not prove the hash withdraws nothing.
    status, out, err = run("central", "withdraw", "K7MP-3QXA-9RTW-HN4D", "--url", admin_url, password=ROLE_PASSWORD)
    assert status == 1 and "nothing was withdrawn" in err, (out, err)
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.responses WHERE id = '{response_id}'") == "1"
    out = ok("central", "withdraw", receipt.lower(), "--url", admin_url, password=ROLE_PASSWORD)
    assert response_id in out
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.responses WHERE id = '{response_id}'") == "0"
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.tombstones WHERE response_id = '{response_id}'") == "1"
    allowed("admin", "INSERT INTO wijkweb.areas (code, level, name) VALUES ('GM9999', 'gemeente', 'Proefgemeente')")
    allowed("admin", "UPDATE wijkweb.rounds SET status = 'closed'")
    refused("admin", "SELECT * FROM wijkweb.submit('[]'::jsonb)")
    refused("admin", "UPDATE wijkweb.responses SET area_code = NULL")
    # The withdrawn response cannot come back, and a closed round takes nothing new.
    status, out, err = run("sync", "--db", db, "--to", cluster.url(database, names["device"]), password=ROLE_PASSWORD)
    assert status == 0 and "0 sent, 0 already there, 0 refused" in out, (out, err)


def test_sync_sends_each_record_once_even_after_kill_9_and_says_what_it_refused(cluster, tmp_path):
    database = cluster.new_database()
    ok("central", "init", "--url", cluster.url(database))
    count = 400
    db = laptop(tmp_path, count)
    # Demo responses have no receipt codes: three residents hold one, as after an interview.
    first, second, third = (row[0] for row in local(db, "SELECT id FROM responses ORDER BY id LIMIT 3"))
    receipt, other_receipt = "K7MP-3QXA-9RTW-HN4C", "M4PZ-8RTW-2QXA-HN4C"
    set_receipt([db], first, receipt)
    set_receipt([db], second, other_receipt)
    ok("central", "publish", "--db", db, "--url", cluster.url(database))
    url = cluster.url(database)
    environment = {k: v for k, v in os.environ.items() if k != "WIJKWEB_CENTRAL"}
    environment["PGPASSWORD"] = SUPERUSER_PASSWORD
    process = subprocess.Popen([str(BINARY), "sync", "--db", str(db), "--to", url, "--batch", "1"], env=environment,
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if int(cluster.value(database, "SELECT count(*) FROM wijkweb.responses")) >= 20:
                break
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    on_server = int(cluster.value(database, "SELECT count(*) FROM wijkweb.responses"))
    confirmed = local(db, "SELECT count(*) FROM central_sent")[0][0]
    assert 0 < on_server < count, "the sync was killed half-way"
    assert confirmed <= on_server
    out = ok("sync", "--db", db, "--to", url)
    assert f"{count - on_server} sent, {on_server - confirmed} already there, 0 refused" in out, out
    assert cluster.psql(database, "SELECT count(*), count(DISTINCT id) FROM wijkweb.responses")[1] == [[str(count), str(count)]]
    server_ids = {row[0] for row in cluster.psql(database, "SELECT id FROM wijkweb.responses")[1]}
    assert server_ids == {row[0] for row in local(db, "SELECT id FROM responses WHERE status = 'completed'")}
    # Scores and reflections arrived with each response, exactly as on the laptop.
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.part_scores") == str(local(db, "SELECT count(*) FROM part_scores")[0][0])
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.reflections") == str(local(db, "SELECT count(*) FROM reflections")[0][0])
    assert cluster.value(database, "SELECT round(sum(meedoen)::numeric, 6) FROM wijkweb.part_scores") == \
        "%.6f" % local(db, "SELECT sum(meedoen) FROM part_scores")[0][0]
    # A repeated sync changes nothing.
    before = cluster.value(database, "SELECT count(*) FROM wijkweb.responses")
    assert "0 sent, 0 already there, 0 refused" in ok("sync", "--db", db, "--to", url)
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses") == before

    # The server keeps the receipt hashes as the laptop does, never a code.
    assert cluster.psql(database, f"""SELECT receipt_locator, encode(receipt_salt, 'hex'), encode(receipt_hash, 'hex')
        FROM wijkweb.responses WHERE id = '{first}'""")[1] == [[
        row[0], row[1].hex(), row[2].hex()] for row in local(db, f"SELECT receipt_locator, receipt_salt, receipt_hash FROM responses WHERE id = '{first}'")]

    # A withdrawal on the laptop travels with its code, waits on the server as a claim that deletes
    # nothing, and removes the server's copy once the admin's Wijkweb checked the code against the hash.
    ok("withdraw", "--db", db, receipt)
    # A forged withdrawal: the right locator, a wrong code, for another resident's response.
    forged = "M4PZ-8RTW-2QXA-HN4D"
    with sqlite3.connect(db) as connection:
        connection.execute("INSERT INTO tombstones (response_id, withdrawn_at, device_id, receipt_code) VALUES (?, '2026-11-28T10:00:00Z', 'x', ?)",
                           (second, forged))
    connection.close()
    assert "2 sent, 0 already there, 0 refused" in ok("sync", "--db", db, "--to", url)
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.responses WHERE id IN ('{first}', '{second}')") == "2"
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.withdrawal_claims") == "2"
    # A withdrawal without a code is refused by the server itself; one for a response not there yet waits.
    status, rows, err = cluster.psql(database, f"""SELECT outcome, reason FROM wijkweb.submit('[{{"kind": "withdrawal", "record":
        {{"response_id": "{third}", "withdrawn_at": "2026-11-28T10:00:00Z", "device_id": "x"}}}},
        {{"kind": "withdrawal", "record": {{"response_id": "{uuid.uuid4()}", "withdrawn_at": "2026-11-28T10:00:00Z",
          "device_id": "x", "receipt_code": "ABCD-EFGH-JKMN-PQRS"}}}}]'::jsonb)""")
    assert status == 0 and rows == [["refused", "a withdrawal needs the receipt code"], ["sent", ""]], (rows, err)
    out = ok("central", "apply-withdrawals", "--url", url)
    assert "1 applied, 1 refused (the receipt code does not prove the response), 1 waiting for their response" in out, out
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.responses WHERE id = '{first}'") == "0"
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.tombstones WHERE response_id = '{first}'") == "1"
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.responses WHERE id = '{second}'") == "1", "a forged withdrawal deletes nothing"
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.tombstones WHERE response_id = '{second}'") == "0"
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.part_scores WHERE response_id = '{second}'") != "0"
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.withdrawal_claims") == "1"
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.audit WHERE action = 'withdraw-refused'") == "1"
    # Run again: nothing more happens, and the forged claim does not come back from the laptop.
    assert "0 applied, 0 refused" in ok("central", "apply-withdrawals", "--url", url)
    assert "0 sent, 0 already there, 0 refused" in ok("sync", "--db", db, "--to", url)

    # Responses of a round the server does not have are refused with the reason, and offered again later.
    other = laptop(tmp_path, 5, name="other", round_name="Niet gepubliceerd", seed=7)
    status, out, err = run("sync", "--db", other, "--to", url)
    assert status == 0, err
    assert "0 sent, 0 already there, 5 refused" in out
    assert out.count('is not on the server') == 5
    assert "5 refused" in ok("sync", "--db", other, "--to", url)


def test_the_submit_function_refuses_crafted_records_plainly(cluster):
    database = cluster.new_database()
    ok("central", "init", "--url", cluster.url(database))
    cluster.value(database, """
        INSERT INTO wijkweb.areas (code, level, name) VALUES ('GM0014', 'gemeente', 'Groningen');
        INSERT INTO wijkweb.questionnaires (content_hash, id, version, source) VALUES ('h1', 'pg', 1, 'x');
        INSERT INTO wijkweb.rounds (name, questionnaire_hash, area_set, starts_on, ends_on) VALUES ('R', 'h1', 'groningen', '2026-01-01', '2026-12-31');
        SELECT 1""")

    def record(**changes):
        base = {"id": str(uuid.uuid4()), "round": "R", "questionnaire_id": "pg", "questionnaire_version": 1,
                "questionnaire_hash": "h1", "device_id": "d", "volunteer_code": "V1", "language": "nl", "area_code": "GM0014",
                "status": "completed", "started_at": "2026-11-23T10:00:00Z", "completed_at": "2026-11-23T10:20:00Z",
                "receipt_code": None, "packed_answers": "5", "packed_demographics": "", "scores": {"health": [5, 6, 7, 8, 9, 10]},
                "reflections": [{"prompt_id": "p", "text": "\u001b[2J", "review_status": "publishable"}]}
        base.update(changes)
        return base

    import json
    cases = [
        (record(), "sent", None),
        (record(round="Elders"), "refused", "is not on the server"),
        (record(area_code="GM0000"), "refused", "is not known"),
        (record(scores={"health": [5, 6, 7, 8, 9, 11]}), "refused", "out of range"),
        (record(scores={"health": [5, 6]}), "refused", "out of range"),
        (record(questionnaire_hash="h2"), "refused", "questionnaire differs"),
        (record(status="in_progress"), "refused", "not completed"),
        (record(id="../../etc"), "refused", "not a response id"),
        (record(started_at="gisteren"), "refused", "malformed record"),
        (record(sealed="AAAA", scores={}, reflections=[], packed_answers=""), "refused", "the round is not"),
        (record(receipt_code="K7MP-3QXA-9RTW-HN4C"), "refused", "receipt code in the clear"),
        (record(receipt_locator="K7MP", receipt_salt="AAAA", receipt_hash=None), "refused", "receipt hash is malformed"),
        (record(receipt_locator="K7MP", receipt_salt="AAAAAAAAAAAAAAAAAAAAAA==", receipt_hash="AAAA"), "refused", "receipt hash is malformed"),
        (record(receipt_locator="K7M'", receipt_salt="AAAAAAAAAAAAAAAAAAAAAA==",
                receipt_hash="AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="), "refused", "receipt hash is malformed"),
    ]
    payload = json.dumps([{"kind": "response", "record": r} for r, _, _ in cases])
    status, rows, err = cluster.psql(database, f"SELECT outcome, reason FROM wijkweb.submit($${payload}$$::jsonb)")
    assert status == 0, err
    for (sent, expected, reason), (outcome, said) in zip(cases, rows):
        assert outcome == expected, (sent, outcome, said)
        assert reason is None and said == "" or reason in said, (sent, said)
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses") == "1"
    # A laptop's own review is not taken over: free text starts unreviewed at the team.
    assert cluster.value(database, "SELECT review_status FROM wijkweb.reflections") == "unreviewed"
    # A response withdrawn on the server is settled, not refused again and again.
    withdrawn = record()
    cluster.value(database, f"INSERT INTO wijkweb.tombstones VALUES ('{withdrawn['id']}', now(), 'central'); SELECT 1")
    gone = json.dumps([{"kind": "response", "record": withdrawn}])
    assert cluster.psql(database, f"SELECT outcome FROM wijkweb.submit($${gone}$$::jsonb)")[1] == [["withdrawn"]]
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.responses WHERE id = '{withdrawn['id']}'") == "0"
    # The same record again is kept once.
    again = json.dumps([{"kind": "response", "record": cases[0][0]}])
    assert cluster.psql(database, f"SELECT outcome FROM wijkweb.submit($${again}$$::jsonb)")[1] == [["already"]]


def test_aggregates_are_computed_on_the_server_per_role_and_match_the_laptop(cluster, tmp_path):
    database, names, db = publish_and_sync(cluster, tmp_path, 400)
    import json
    out = ok("central", "aggregates", "--round", "Najaar centraal", "--url", cluster.url(database, names["admin"]), password=ROLE_PASSWORD)
    cells = [json.loads(line) for line in out.splitlines()]
    # The laptop's own sums, for the same cells; the server leaves out cells below the minimum group size.
    expected = {}
    for area, part, n, total, squares, count in local(db, """
            SELECT s.area_code, s.part_id, count(*), sum(s.meedoen), sum(s.meedoen * s.meedoen), count(s.meedoen)
            FROM part_scores s JOIN rounds r ON r.id = s.round_id WHERE r.name = 'Najaar centraal' GROUP BY 1, 2"""):
        expected[(area, part)] = (n, total, squares, count)
    minimum = local(db, "SELECT min_group_size FROM rounds WHERE name = 'Najaar centraal'")[0][0]
    meedoen = {(c["area"], c["part"]): c for c in cells if c["dimension"] == "meedoen"}
    assert set(meedoen) == {key for key, value in expected.items() if value[0] >= minimum} and meedoen
    for key, cell in meedoen.items():
        n, total, squares, count = expected[key]
        assert (cell["responses"], cell["count"]) == (n, count)
        assert abs(cell["sum"] - total) < 1e-9 and abs(cell["sum_of_squares"] - squares) < 1e-6
        assert sum(cell["histogram"]) == count and len(cell["histogram"]) == 11
    assert {c["dimension"] for c in cells} == {"lichaamsfuncties", "mentaal_welbevinden", "zingeving", "kwaliteit_van_leven",
                                               "meedoen", "dagelijks_functioneren"}
    # A team gets only its own gebied's cells; a device gets nothing.
    area = sorted(meedoen)[0][0]
    gebied = cluster.value(database, f"""
        WITH RECURSIVE up (code, level) AS (SELECT code, level FROM wijkweb.areas WHERE code = '{area}'
          UNION ALL SELECT a.code, a.level FROM wijkweb.areas a JOIN wijkweb.areas c ON a.code = c.parent_code JOIN up ON c.code = up.code)
        SELECT code FROM up WHERE level = 'gebied'""")
    add_role(cluster, database, "team", names["team"], "--gebied", gebied)
    out = ok("central", "aggregates", "--round", "Najaar centraal", "--url", cluster.url(database, names["team"]), password=ROLE_PASSWORD)
    team_areas = {json.loads(line)["area"] for line in out.splitlines()}
    assert area in team_areas and team_areas < {key[0] for key in meedoen}
    status, out, err = run("central", "aggregates", "--round", "Najaar centraal", "--url", cluster.url(database, names["device"]),
                           password=ROLE_PASSWORD)
    assert status == 1 and "permission denied" in err and out == ""


def test_concurrent_syncs_store_every_response_exactly_once(cluster, tmp_path):
    database = cluster.new_database()
    ok("central", "init", "--url", cluster.url(database))
    laptops = [laptop(tmp_path, 150, name=f"l{i}", seed=i + 1) for i in range(4)]
    ok("central", "publish", "--db", laptops[0], "--url", cluster.url(database))
    # Each laptop syncs twice at the same time (two processes racing on the same ids), all at once.
    environment = {k: v for k, v in os.environ.items() if k != "WIJKWEB_CENTRAL"}
    environment["PGPASSWORD"] = SUPERUSER_PASSWORD
    processes = [subprocess.Popen([str(BINARY), "sync", "--db", str(db), "--to", cluster.url(database), "--batch", "20"],
                                  env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for db in laptops for _ in range(2)]
    results = [process.communicate(timeout=240) + (process.returncode,) for process in processes]
    assert all(status == 0 and err == "" for _, err, status in results), results
    sent = sum(int(out.split(": ")[-1].split(" sent")[0]) for out, _, _ in results)
    assert sent == 600, results
    assert cluster.psql(database, "SELECT count(*), count(DISTINCT id) FROM wijkweb.responses")[1] == [["600", "600"]]
    ids = set()
    for db in laptops:
        ids |= {row[0] for row in local(db, "SELECT id FROM responses WHERE status = 'completed'")}
        assert local(db, "SELECT count(*) FROM central_sent")[0][0] == 150
    assert ids == {row[0] for row in cluster.psql(database, "SELECT id FROM wijkweb.responses")[1]}


def test_sealed_responses_travel_sealed(cluster, tmp_path):
    from test_sealed import PASSPHRASE, SECRET, interview_lines, plain_interview
    os.chmod(tmp_path, 0o700)
    passphrase_file = tmp_path / "zin.txt"
    passphrase_file.write_text(PASSPHRASE + "\n")
    ok("keys", "create", "--out", tmp_path / "team", "--passphrase-file", passphrase_file, env={"WIJKWEB_PASSPHRASE": ""})
    db = tmp_path / "laptop" / "wijkweb.sqlite"
    ok("areas", "list", "--db", db)
    for (name,) in local(db, "SELECT name FROM rounds"):
        ok("round", "close", name, "--db", db)
    ok("round", "create", "Verzegeld", "--seal-to", tmp_path / "team.pub", "--min-group", "5", "--db", db)
    for index in range(2):
        plain_interview(db, interview_lines(index))
    database = cluster.new_database()
    ok("central", "init", "--url", cluster.url(database))
    ok("central", "publish", "--db", db, "--round", "Verzegeld", "--url", cluster.url(database))
    assert "2 sent, 0 already there, 0 refused" in ok("sync", "--db", db, "--to", cluster.url(database))
    for response_id, sealed in local(db, "SELECT id, sealed FROM responses WHERE status = 'completed'"):
        on_server = cluster.value(database, f"SELECT encode(sealed, 'hex') FROM wijkweb.responses WHERE id = '{response_id}'")
        assert on_server == sealed.hex()
    assert cluster.psql(database, """SELECT count(*) FILTER (WHERE packed_answers IS NOT NULL OR packed_demographics IS NOT NULL),
        (SELECT count(*) FROM wijkweb.part_scores), (SELECT count(*) FROM wijkweb.reflections) FROM wijkweb.responses""")[1] == [["0", "0", "0"]]
    dump = subprocess.run(["pg_dump", "-h", cluster.folder, "-p", str(cluster.port), "-U", "postgres", database],
                          capture_output=True, text=True, env=dict(os.environ, PGPASSWORD=SUPERUSER_PASSWORD), timeout=60)
    assert dump.returncode == 0 and "Verzegeld" in dump.stdout and SECRET not in dump.stdout


def central_demo(cluster, tmp_path, responses=600, seed=4, round_name="Vergelijking"):
    """One demo loaded into a new central database and into a laptop file: (database, laptop file)."""
    database = cluster.new_database()
    ok("central", "init", "--url", cluster.url(database))
    out = ok("demo", "--db", cluster.url(database), "--responses", responses, "--seed", seed, "--round", round_name)
    assert f'round "{round_name}": {responses} demo responses on the central database' in out
    db = tmp_path / "vergelijk" / "wijkweb.sqlite"
    ok("demo", "--db", db, "--responses", responses, "--seed", seed, "--round", round_name)
    return database, db


def test_profile_on_the_central_database_is_the_laptops_byte_for_byte(cluster, tmp_path):
    database, db = central_demo(cluster, tmp_path)
    url = cluster.url(database)
    assert cluster.psql(database, "SELECT count(*) FROM wijkweb.responses")[1] == [["900"]]
    # The server computed every record key itself, the same as the laptop's (CellKey.recordKey).
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses WHERE record_key IS NULL") == "0"
    for args, output in [([], "json"), ([], "csv"), (["--by", "age"], "json"), (["--by", "sex", "--level", "gebied"], "csv"),
                         (["--min-group", "25", "--by", "household"], "json")]:
        central = ok("profile", "--db", url, "--round", "Vergelijking", "--format", output, *args)
        assert central == ok("profile", "--db", db, "--round", "Vergelijking", "--format", output, *args) and len(central) > 1000, args
    previous = ok("profile", "--db", url, "--round", "Vergelijking (vorig jaar)", "--format", "json")
    assert previous == ok("profile", "--db", db, "--round", "Vergelijking (vorig jaar)", "--format", "json")
    table = ok("profile", "--db", url, "--round", "Vergelijking", "--language", "en")
    assert table == ok("profile", "--db", db, "--round", "Vergelijking", "--language", "en") and len(table) > 1000
    assert ok("profile", "--db", url, "--diagnostics", "--format", "csv") == ok("profile", "--db", db, "--diagnostics", "--format", "csv")
    # A team reads its own gebied only (row-level security): the same figures there, no others, no error.
    names = {kind: f"{kind}_{uuid.uuid4().hex[:8]}" for kind in ("team", "admin")}
    gebied = cluster.value(database, "SELECT code FROM wijkweb.areas WHERE level = 'gebied' ORDER BY code LIMIT 1")
    add_role(cluster, database, "team", names["team"], "--gebied", gebied)
    status, out, err = run("profile", "--db", cluster.url(database, names["team"]), "--round", "Vergelijking", "--format", "json",
                           "--level", "gebied", password=ROLE_PASSWORD)
    assert status == 0, err
    import json
    seen = {figure["area_code"] for figure in json.loads(out)["figures"] if figure.get("mean") is not None}
    assert seen == {gebied}, seen



def test_remove_sent_keeps_only_what_withdrawing_needs_and_withdraw_still_works(cluster, tmp_path):
    database = cluster.new_database()
    ok("central", "init", "--url", cluster.url(database))
    url = cluster.url(database)
    db = laptop(tmp_path, 40, round_name="Opruimen")
    first, second = (row[0] for row in local(db, "SELECT id FROM responses ORDER BY id LIMIT 2"))
    receipt = "K7MP-3QXA-9RTW-HN4C"
    set_receipt([db], first, receipt)
    # Before the round is on the server every response is refused, so nothing may be removed.
    out = ok("sync", "--db", db, "--to", url, "--remove-sent")
    assert "0 sent, 0 already there, 40 refused" in out and "removed from this laptop: 0 responses" in out
    assert local(db, "SELECT count(*) FROM responses")[0][0] == 40
    ok("central", "publish", "--db", db, "--url", url)
    out = ok("sync", "--db", db, "--to", url, "--remove-sent")
    assert "40 sent, 0 already there, 0 refused" in out and "removed from this laptop: 40 responses" in out, out
    # No health data left on the laptop: no responses, scores, reflections; only the receipt hash of the
    # one response that had a code, without area, answers or times.
    assert local(db, "SELECT count(*) FROM responses")[0][0] == 0
    assert local(db, "SELECT count(*) FROM part_scores")[0][0] == 0
    assert local(db, "SELECT count(*) FROM reflections")[0][0] == 0
    assert [row[0] for row in local(db, "SELECT response_id FROM removed_after_sync")] == [first]
    assert [c[1] for c in local(db, "PRAGMA table_info(removed_after_sync)")] == ["response_id", "receipt_locator", "receipt_salt", "receipt_hash"]
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses") == "40"
    # A wrong code withdraws nothing; the resident's code still withdraws here, and the next sync takes
    # the withdrawal to the server, where the admin's check deletes the response.
    status, out, err = run("withdraw", "--db", db, "M4PZ-8RTW-2QXA-HN4C")
    assert status == 1 and "No response on this laptop has receipt code" in err
    out = ok("withdraw", "--db", db, receipt)
    assert "already on the central database; the withdrawal goes there with the next sync" in out
    assert local(db, "SELECT count(*) FROM removed_after_sync")[0][0] == 0
    assert "1 sent, 0 already there, 0 refused" in ok("sync", "--db", db, "--to", url)
    # The sync's result follows --language (nothing is left to send now).
    said = ok("sync", "--db", db, "--to", url, "--language", "nl")
    assert "synchronisatie naar" in said and "0 verstuurd, 0 al daar, 0 geweigerd" in said and "sent" not in said, said
    assert "1 applied" in ok("central", "apply-withdrawals", "--url", url)
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.responses WHERE id IN ('{first}', '{second}')") == "1"
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.tombstones WHERE response_id = '{first}'") == "1"
    status, _, err = run("withdraw", "--db", db, receipt)
    assert status == 1, "a second withdrawal finds nothing"
    # The round setting: every sync removes that round's confirmed responses, without --remove-sent.
    other = laptop(tmp_path, 12, name="tweede", round_name="Instelling", seed=5)
    ok("round", "create", "Blijft", "--db", other)
    ok("round", "remove-after-sync", "Instelling", "on", "--db", other)
    ok("central", "publish", "--db", other, "--url", url)
    out = ok("sync", "--db", other, "--to", url)
    assert "12 sent" in out and "removed from this laptop: 12 responses" in out, out
    assert local(other, "SELECT count(*) FROM responses")[0][0] == 0
    assert local(other, "SELECT count(*) FROM audit WHERE action = 'remove-sent'")[0][0] == 1
    status, _, err = run("round", "remove-after-sync", "Bestaat niet", "on", "--db", other)
    assert status == 1 and "There is no round" in err


def test_bundle_import_into_the_central_database_meets_the_same_checks(cluster, tmp_path):
    database = cluster.new_database()
    ok("central", "init", "--url", cluster.url(database))
    url = cluster.url(database)
    db = laptop(tmp_path, 30, round_name="Per stick")
    withdrawn = local(db, "SELECT id FROM responses ORDER BY id LIMIT 1")[0][0]
    set_receipt([db], withdrawn, "K7MP-3QXA-9RTW-HN4C")
    ok("withdraw", "--db", db, "K7MP-3QXA-9RTW-HN4C")
    bundle = tmp_path / "stick.wijkweb"
    ok("bundle", "export", "--db", db, "--out", bundle)
    # Signatures come first, checked by the team's own database (here the laptop's local team): without it,
    # or with a database of another team, nothing reaches the server.
    status, out, err = run("bundle", "import", "--db", url, bundle, "--trust-db", tmp_path / "nowhere.sqlite")
    assert status == 1 and "There is no database" in err
    other = laptop(tmp_path, 1, name="other", round_name="Ander team")
    status, out, err = run("bundle", "import", "--db", url, bundle, "--trust-db", other)
    assert status == 1 and "Nothing was imported" in err and out == "", err
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.withdrawal_claims") == "0"
    # The round is not on the server yet: every response is refused with the reason, nothing is kept.
    out = ok("bundle", "import", "--db", url, bundle, "--trust-db", db)
    assert "0 new, 0 already there, 0 withdrawn there, 29 refused" in out and out.count("is not on the server") == 29, out
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses") == "0"
    # A withdrawal needs no round: it waits as a claim for the admin's receipt-code check.
    assert "withdrawals: 1 kept for the admin's receipt-code check" in out
    ok("central", "publish", "--db", db, "--url", url)
    out = ok("bundle", "import", "--db", url, bundle, "--trust-db", db)
    assert "29 new, 0 already there, 0 withdrawn there, 0 refused" in out, out
    assert "withdrawals: 0 kept for the admin's receipt-code check, 1 already there" in out
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses") == "29"
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.withdrawal_claims WHERE response_id = '{withdrawn}'") == "1"
    # Scores arrived as the laptop has them; importing again changes nothing.
    assert cluster.value(database, "SELECT round(sum(zingeving)::numeric, 6) FROM wijkweb.part_scores") == \
        "%.6f" % local(db, "SELECT sum(zingeving) FROM part_scores")[0][0]
    assert "0 new, 29 already there" in ok("bundle", "import", "--db", url, bundle, "--trust-db", db)
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses") == "29"
    # A damaged file and a crafted one are refused with one plain sentence; nothing changes.
    damaged = tmp_path / "damaged.wijkweb"
    damaged.write_bytes(bundle.read_bytes()[:200] + b"\x1b[31m")
    status, out, err = run("bundle", "import", "--db", url, damaged, "--trust-db", db)
    assert status == 1 and "\x1b" not in err and "Nothing was imported" in err and out == "", err
    status, out, err = run("bundle", "import", "--db", url, bundle, "--trust-db", db, "--key", tmp_path / "team.key")
    assert status == 1 and "keeps sealed responses sealed" in err
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses") == "29"
    # Through the device role as a laptop's sync: the same function, the same checks.
    device = f"device_{database[1:7]}"
    add_device(cluster, database, device, db)
    out = ok("bundle", "import", "--db", cluster.url(database, device), bundle, "--trust-db", db, password=ROLE_PASSWORD)
    assert "0 new, 29 already there" in out


def test_reading_commands_take_the_central_database_and_give_the_laptops_files(cluster, tmp_path):
    import zipfile
    database, db = central_demo(cluster, tmp_path, responses=300, seed=6, round_name="Bestanden")
    url = cluster.url(database)
    os.chmod(tmp_path, 0o700)
    # Profile exports: csv and json byte for byte; xlsx the same but for its creation time (docProps/core.xml).
    for output in ["csv", "json", "xlsx"]:
        ok("export", "profiles", "--db", url, "--round", "Bestanden", "--format", output, "--out", tmp_path / f"central.{output}")
        ok("export", "profiles", "--db", db, "--round", "Bestanden", "--format", output, "--out", tmp_path / f"laptop.{output}")
    for output in ["csv", "json"]:
        assert (tmp_path / f"central.{output}").read_bytes() == (tmp_path / f"laptop.{output}").read_bytes(), output
    with zipfile.ZipFile(tmp_path / "central.xlsx") as central, zipfile.ZipFile(tmp_path / "laptop.xlsx") as laptop_:
        names = central.namelist()
        assert names == laptop_.namelist() and "docProps/core.xml" in names
        for name in names:
            if name != "docProps/core.xml":
                assert central.read(name) == laptop_.read(name), name
    # A report page: the same HTML.
    area = cluster.value(database, "SELECT code FROM wijkweb.areas WHERE level = 'gebied' ORDER BY code LIMIT 1")
    ok("report", "--db", url, "--round", "Bestanden", "--area", area, "--format", "html", "--out", tmp_path / "central.html")
    ok("report", "--db", db, "--round", "Bestanden", "--area", area, "--format", "html", "--out", tmp_path / "laptop.html")
    assert (tmp_path / "central.html").read_bytes() == (tmp_path / "laptop.html").read_bytes()
    # Rounds and areas as on the laptop.
    assert ok("round", "list", "--db", url) == ok("round", "list", "--db", db)
    assert ok("areas", "list", "--db", url) == ok("areas", "list", "--db", db)
    # The server's audit log names what was done and by which login.
    audit = ok("audit", "--db", url)
    assert audit.count("\tpostgres\texport\tprofiles of round \"Bestanden\"") == 3 and "\treport\tBestanden: html, 1 area(s)" in audit
    # Withdraw with the resident's receipt code on the central database: checked against the hash, applied.
    response = cluster.value(database, "SELECT id FROM wijkweb.responses ORDER BY id LIMIT 1")
    salt = os.urandom(16)
    code = "K7MP-3QXA-9RTW-HN4C"
    cluster.value(database, f"""UPDATE wijkweb.responses SET receipt_locator = 'K7MP', receipt_salt = '\\x{salt.hex()}',
        receipt_hash = '\\x{receipt_hash(code, salt).hex()}' WHERE id = '{response}'; SELECT 1""")
    status, out, err = run("withdraw", "--db", url, "M4PZ-8RTW-2QXA-HN4C")
    assert status == 1 and "nothing was withdrawn" in err
    assert f"response {response}" in ok("withdraw", "--db", url, code)
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.tombstones WHERE response_id = '{response}'") == "1"
    # A check of the schema, as before.
    assert "up to date" in ok("check", "--db", url)


def test_twenty_syncs_from_five_laptops_while_a_team_reads_profiles_and_reviews(cluster, tmp_path):
    """20 syncs at once (four per laptop, racing on the same ids) of 5 laptops with 2 000 responses each,
    while a team member runs `profile` and a reviewer reviews texts that keep arriving: every response is
    stored exactly once, nobody sees an error, and PostgreSQL reports no deadlock."""
    database = cluster.new_database()
    ok("central", "init", "--url", cluster.url(database))
    per_laptop, laptops_count = 2000, 5
    laptops = [laptop(tmp_path, per_laptop, name=f"buurthuis{i}", round_name="Druk", seed=100 + i) for i in range(laptops_count)]
    for db in laptops:
        # Some residents wrote a text, as after an interview: a reviewer reviews them as they arrive.
        with sqlite3.connect(db) as connection:
            connection.execute("""INSERT INTO reflections (response_id, prompt_id, text)
                SELECT id, 'wat-goed-gaat', 'De buurt is rustig' FROM responses ORDER BY id LIMIT 100""")
        connection.close()
    ok("central", "publish", "--db", laptops[0], "--url", cluster.url(database))
    suffix = database[1:7]
    team, devices = f"team_{suffix}", [f"device_{suffix}_{i}" for i in range(laptops_count)]
    gebied = cluster.value(database, "SELECT code FROM wijkweb.areas WHERE level = 'gebied' ORDER BY code LIMIT 1")
    add_role(cluster, database, "team", team, "--gebied", gebied)
    # One login per laptop, each bound to that laptop's enrolled device.
    for device, db in zip(devices, laptops):
        add_device(cluster, database, device, db)
    deadlocks_before = int(cluster.value("postgres", f"SELECT deadlocks FROM pg_stat_database WHERE datname = '{database}'"))
    environment = {k: v for k, v in os.environ.items() if k not in {"WIJKWEB_CENTRAL", "PGSSLMODE"}}
    environment["PGPASSWORD"] = ROLE_PASSWORD
    syncs = [subprocess.Popen([str(BINARY), "sync", "--db", str(db), "--to", cluster.url(database, device), "--batch", "100"],
                              env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for device, db in zip(devices, laptops) for _ in range(4)]
    profiles, reviews = [], 0
    while any(process.poll() is None for process in syncs):
        # The team member's profile, while responses arrive.
        profiles.append(run("profile", "--db", cluster.url(database, team), "--round", "Druk", "--level", "gebied", "--format", "csv",
                            password=ROLE_PASSWORD))
        # The reviewer marks what arrived in the team's gebied (row-level security decides which rows).
        status, rows, err = cluster.psql(database, """UPDATE wijkweb.reflections SET review_status = 'publishable', reviewer = 'R1',
            reviewed_at = now() WHERE review_status = 'unreviewed' RETURNING 1""", user=team, password=ROLE_PASSWORD)
        assert status == 0, err
        reviews += len(rows)
    results = [process.communicate(timeout=600) + (process.returncode,) for process in syncs]
    assert all(status == 0 and err == "" for _, err, status in results), results
    assert sum(int(out.split(": ")[-1].split(" sent")[0]) for out, _, _ in results) == per_laptop * laptops_count
    assert profiles and all(status == 0 and out.count("\n") > 1 and "Error" not in err for status, out, err in profiles), profiles[:1]
    total = per_laptop * laptops_count
    assert cluster.psql(database, "SELECT count(*), count(DISTINCT id) FROM wijkweb.responses")[1] == [[str(total), str(total)]]
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.part_scores") == str(2 * total)
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.reflections") == str(100 * laptops_count)
    ids = set()
    for db in laptops:
        ids |= {row[0] for row in local(db, "SELECT id FROM responses")}
        assert local(db, "SELECT count(*) FROM central_sent")[0][0] == per_laptop
    assert ids == {row[0] for row in cluster.psql(database, "SELECT id FROM wijkweb.responses")[1]}
    assert int(cluster.value("postgres", f"SELECT deadlocks FROM pg_stat_database WHERE datname = '{database}'")) == deadlocks_before
    # Every review is in the audit log; the team reviewed only its own gebied's texts.
    status, rows, err = cluster.psql(database, """UPDATE wijkweb.reflections SET review_status = 'publishable' WHERE review_status = 'unreviewed'
        RETURNING 1""", user=team, password=ROLE_PASSWORD)
    reviews += len(rows)
    assert reviews > 0 and cluster.value(database, "SELECT count(*) FROM wijkweb.audit WHERE action = 'review'") == str(reviews)
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.reflections WHERE review_status = 'publishable'") == str(reviews)
    # After all arrived the team still reads its gebied's figures.
    final = ok("profile", "--db", cluster.url(database, team), "--round", "Druk", "--area", gebied, "--format", "csv", password=ROLE_PASSWORD)
    assert final.count("\n") > 6


def population_file(path, seed):
    """A CBS-style population file for every wijk of Groningen (older and more female than the demo)."""
    import random
    generator = random.Random(seed)
    wijken = [line.split(",")[1] for line in (REPO / "Areas" / "groningen.csv").read_text().splitlines() if line.startswith("wijk,")]
    lines = ["WijkenEnBuurten,Mannen_6,Vrouwen_7,k_15Tot25Jaar_9,k_25Tot45Jaar_10,k_45Tot65Jaar_11,k_65JaarOfOuder_12"]
    lines += [f"{code},{generator.randint(1000, 2000)},{generator.randint(2000, 4000)},{generator.randint(100, 400)},"
              f"{generator.randint(300, 800)},{generator.randint(800, 1500)},{generator.randint(1500, 3000)}" for code in wijken]
    path.write_text("\n".join(lines) + "\n")
    return len(wijken)


def test_an_admin_sets_up_rounds_areas_and_population_on_the_central_database_as_on_a_laptop(cluster, tmp_path):
    database, db = central_demo(cluster, tmp_path, responses=3000, seed=5, round_name="Beheer")
    suffix = database[1:7]
    admin, team = f"admin_{suffix}", f"team_{suffix}"
    add_role(cluster, database, "admin", admin)
    gebied = cluster.value(database, "SELECT code FROM wijkweb.areas WHERE level = 'gebied' ORDER BY code LIMIT 1")
    add_role(cluster, database, "team", team, "--gebied", gebied)
    admin_url, team_url = cluster.url(database, admin), cluster.url(database, team)

    def as_admin(*args):
        return ok(*args, "--db", admin_url, password=ROLE_PASSWORD)

    def refused_for_team(*args):
        status, out, err = run(*args, "--db", team_url, password=ROLE_PASSWORD)
        assert status == 1 and "refused this for role" in err and "permission denied" in err, (args, out, err)

    # round show: the same lines as the laptop's for the same responses.
    assert as_admin("round", "show", "Beheer") == ok("round", "show", "Beheer", "--db", db)
    assert "3000" in as_admin("round", "show", "Beheer")

    # areas import: the laptop's command and checks; the new areas are on the server, the team may not.
    areas = tmp_path / "proef.csv"
    areas.write_text("level,code,name,parent_code,aliases\ngemeente,GM9998,Proefdorp,,\nwijk,WK999801,Proefwijk,GM9998,Het Dorp\n")
    out = as_admin("areas", "import", areas, "--language", "en")
    assert out == ok("areas", "import", areas, "--db", db, "--language", "en") and "2" in out
    assert cluster.value(database, "SELECT name || '/' || parent_code || '/' || aliases FROM wijkweb.areas WHERE code = 'WK999801'") == \
        "Proefwijk/GM9998/Het Dorp"
    assert ok("areas", "list", "--db", admin_url, password=ROLE_PASSWORD) == ok("areas", "list", "--db", db)
    broken = tmp_path / "kapot.csv"
    broken.write_text("level,code,name,parent_code,aliases\nwijk,WK999802,Wees,GM0000,\n")
    status, out, err = run("areas", "import", broken, "--db", admin_url, password=ROLE_PASSWORD)
    assert status == 1 and "nothing was imported" in err
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.areas WHERE code = 'WK999802'") == "0"
    refused_for_team("areas", "import", areas)

    # round create: the laptop's rules (name, dates, at least 5), the server's round; a name taken is refused.
    created = as_admin("round", "create", "Voorjaar centraal", "--area-set", "GM0014", "--starts", "2027-03-01", "--ends", "2027-05-31",
                       "--min-group", "12")
    assert created == ok("round", "create", "Voorjaar centraal", "--area-set", "GM0014", "--starts", "2027-03-01", "--ends", "2027-05-31",
                         "--min-group", "12", "--db", db)
    assert cluster.psql(database, """SELECT area_set, starts_on, ends_on, min_group_size, status FROM wijkweb.rounds
        WHERE name = 'Voorjaar centraal'""")[1] == [["GM0014", "2027-03-01", "2027-05-31", "12", "open"]]
    assert as_admin("round", "show", "Voorjaar centraal") == ok("round", "show", "Voorjaar centraal", "--db", db)
    status, out, err = run("round", "create", "Voorjaar centraal", "--db", admin_url, password=ROLE_PASSWORD)
    assert status == 1 and "already exists" in err
    status, out, err = run("round", "create", "Met sleutel", "--key", tmp_path / "team.key", "--db", admin_url, password=ROLE_PASSWORD)
    assert status == 1 and "leave out --key" in err
    status, out, err = run("round", "create", "Met sleutel", "--key", tmp_path / "team.key", "--db", admin_url, "--language", "nl",
                           password=ROLE_PASSWORD)
    assert status == 1 and "laat --key weg" in err
    refused_for_team("round", "create", "Van het team")
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.rounds WHERE name IN ('Met sleutel', 'Van het team')") == "0"

    # round close: closed on the server, listed as on the laptop; the team may not.
    refused_for_team("round", "close", "Voorjaar centraal")
    assert as_admin("round", "close", "Voorjaar centraal") == ok("round", "close", "Voorjaar centraal", "--db", db)
    assert cluster.value(database, "SELECT status FROM wijkweb.rounds WHERE name = 'Voorjaar centraal'") == "closed"
    assert ok("round", "list", "--db", admin_url, password=ROLE_PASSWORD) == ok("round", "list", "--db", db)
    status, out, err = run("round", "close", "Bestaat niet", "--db", admin_url, password=ROLE_PASSWORD)
    assert status == 1 and "There is no round" in err
    # Every change is in the server's audit log under the admin's login.
    actions = {row[0] for row in cluster.psql(database, f"SELECT action FROM wijkweb.audit WHERE actor = '{admin}'")[1]}
    assert {"areas-import", "round-create", "round-close"} <= actions

    # round population, then profile --weighted: the same weighted figures as on the laptop.
    population = tmp_path / "bevolking.csv"
    wijken = population_file(population, seed=3)
    refused_for_team("round", "population", "Beheer", population)
    out = as_admin("round", "population", "Beheer", population)
    assert out == ok("round", "population", "Beheer", population, "--db", db) and f"population of {wijken} areas" in out
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.population") == str(wijken)
    url = cluster.url(database)
    for args in [["--format", "json"], ["--format", "csv", "--level", "gebied"], ["--format", "json", "--by", "age"]]:
        weighted = ok("profile", "--db", url, "--round", "Beheer", "--weighted", *args)
        assert weighted == ok("profile", "--db", db, "--round", "Beheer", "--weighted", *args) and len(weighted) > 1000, args
        assert weighted != ok("profile", "--db", url, "--round", "Beheer", *args), "weighting moved the figures"
    # The team's weighted profile of its own gebied reads the population too (RLS keeps it to its gebied).
    team_profile = ok("profile", "--db", team_url, "--round", "Beheer", "--weighted", "--level", "gebied", "--format", "csv",
                      password=ROLE_PASSWORD)
    assert team_profile.count("\n") > 1


def test_a_researcher_exports_responses_de_identified_with_the_laptops_columns_and_codebook(cluster, tmp_path):
    import csv
    database, db = central_demo(cluster, tmp_path, responses=300, seed=9, round_name="Onderzoek")
    suffix = database[1:7]
    researcher, team = f"researcher_{suffix}", f"team_{suffix}"
    add_role(cluster, database, "researcher", researcher)
    gebied = cluster.value(database, "SELECT code FROM wijkweb.areas WHERE level = 'gebied' ORDER BY code LIMIT 1")
    add_role(cluster, database, "team", team, "--gebied", gebied)
    ids = [row[0] for row in local(db, "SELECT id FROM responses ORDER BY id LIMIT 6")]
    assert {row[0] for row in cluster.psql(database, "SELECT id FROM wijkweb.responses")[1]} == \
        {row[0] for row in local(db, "SELECT id FROM responses WHERE status = 'completed'")}
    # The same reviewed texts on both: publishable, edited, not publishable, unreviewed.
    decisions = [("publishable", None), ("publishable_edited", "Mijn straat [naam]"), ("not_publishable", None), ("unreviewed", None),
                 ("publishable", None), ("not_publishable", None)]
    with sqlite3.connect(db) as connection:
        for response_id, (status, redacted) in zip(ids, decisions):
            connection.execute("INSERT INTO reflections (response_id, prompt_id, text, review_status, redacted_text) VALUES (?, 'matters', ?, ?, ?)",
                               (response_id, f"Mijn straat Kerklaan {response_id[:4]}", status, redacted))
    connection.close()
    for response_id, (status, redacted) in zip(ids, decisions):
        cluster.value(database, f"""INSERT INTO wijkweb.reflections (response_id, prompt_id, text, review_status, redacted_text, area_code)
            SELECT id, 'matters', 'Mijn straat Kerklaan {response_id[:4]}', '{status}', {f"'{redacted}'" if redacted else 'NULL'}, area_code
            FROM wijkweb.responses WHERE id = '{response_id}'; SELECT 1""")
    researcher_url = cluster.url(database, researcher)
    out = ok("export", "responses", "--db", researcher_url, "--round", "Onderzoek", "--format", "csv", "--include-text",
             "--out", tmp_path / "central.csv", password=ROLE_PASSWORD)
    assert '300 responses of round "Onderzoek"' in out
    # The laptop's days in the time zone the central database's views use.
    ok("export", "responses", "--db", db, "--round", "Onderzoek", "--format", "csv", "--include-text", "--out", tmp_path / "laptop.csv",
       env={"TZ": "Europe/Amsterdam"})
    assert (tmp_path / "central-codebook.csv").read_bytes() == (tmp_path / "laptop-codebook.csv").read_bytes()
    central_text, laptop_text = (tmp_path / "central.csv").read_text(), (tmp_path / "laptop.csv").read_text()
    central, laptop_rows = list(csv.reader(central_text.splitlines())), list(csv.reader(laptop_text.splitlines()))
    assert central[0] == laptop_rows[0] and len(central) == 301
    column = central[0].index("response_id")

    def without_id(rows):
        return sorted(tuple(row[:column] + row[column + 1:]) for row in rows[1:])
    assert without_id(central) == without_id(laptop_rows)
    # De-identified: the server's response numbers, never a response id; only publishable text, the edited copy.
    assert all(row[column].isdigit() for row in central[1:])
    assert not any(response_id in central_text for response_id in {row[0] for row in local(db, "SELECT id FROM responses")})
    assert central_text.count("Mijn straat Kerklaan") == 2 and "Mijn straat [naam]" in central_text
    # Every format works on the central database.
    for output in ["json", "xlsx", "sav"]:
        ok("export", "responses", "--db", researcher_url, "--round", "Onderzoek", "--format", output, "--out", tmp_path / f"central.{output}",
           password=ROLE_PASSWORD)
        assert (tmp_path / f"central.{output}").stat().st_size > 10000, output
    json_text = (tmp_path / "central.json").read_text()
    assert not any(response_id in json_text for response_id in ids)
    # The export is in the server's audit log under the researcher's login.
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.audit WHERE actor = '{researcher}' AND action = 'export'") == "4"
    # A team's login does not export responses (not even of its gebied): PostgreSQL refuses, no file.
    status, out, err = run("export", "responses", "--db", cluster.url(database, team), "--round", "Onderzoek", "--format", "csv",
                           "--out", tmp_path / "team.csv", password=ROLE_PASSWORD)
    assert status == 1 and "permission denied" in err and not (tmp_path / "team.csv").exists(), err


def test_a_team_reviews_only_its_own_gebieds_texts_on_the_central_database(cluster, tmp_path, tui):
    database, _ = central_demo(cluster, tmp_path, responses=200, seed=10, round_name="Teksten")
    team = f"team_{database[1:7]}"
    gebied = cluster.value(database, "SELECT code FROM wijkweb.areas WHERE level = 'gebied' ORDER BY code LIMIT 1")
    add_role(cluster, database, "team", team, "--gebied", gebied)
    inside = f"""r.area_code IN (WITH RECURSIVE down (code) AS (SELECT '{gebied}'::text UNION ALL
        SELECT a.code FROM wijkweb.areas a JOIN down ON a.parent_code = down.code) SELECT code FROM down)"""
    # Three texts in the team's gebied and three elsewhere, in the order the review shows them.
    for label, where in [("Eigen", inside), ("Ander", f"NOT {inside}")]:
        cluster.value(database, f"""INSERT INTO wijkweb.reflections (response_id, prompt_id, text, area_code)
            SELECT id, 'matters', '{label} gebied tekst ' || row_number() OVER (ORDER BY completed_at, key), area_code FROM (
              SELECT r.id, r.area_code, r.completed_at, r.key FROM wijkweb.responses r WHERE {where} ORDER BY r.completed_at, r.key LIMIT 3) s;
            SELECT 1""")
    tui.start("review", "--db", cluster.url(database, team), "--reviewer", "GT3", idle=None, width=120, height=40,
              extra_env={"PGPASSWORD": ROLE_PASSWORD})
    screen = tui.wait_for("Eigen gebied tekst 1", timeout=30)
    assert "Ander gebied" not in screen
    tui.send("p")
    screen = tui.wait_for("Eigen gebied tekst 2")
    tui.send("n")
    tui.wait_for("Eigen gebied tekst 3")
    tui.send("q")
    tui.wait_dead()
    assert cluster.psql(database, "SELECT text, review_status, coalesce(reviewer, '') FROM wijkweb.reflections ORDER BY text")[1] == [
        ["Ander gebied tekst 1", "unreviewed", ""], ["Ander gebied tekst 2", "unreviewed", ""], ["Ander gebied tekst 3", "unreviewed", ""],
        ["Eigen gebied tekst 1", "publishable", "GT3"], ["Eigen gebied tekst 2", "not_publishable", "GT3"],
        ["Eigen gebied tekst 3", "unreviewed", ""]]
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.audit WHERE action = 'review' AND actor = '{team}'") == "2"
    # --all shows the reviewed texts again, still only the team's.
    tui.kill()
    tui.start("review", "--db", cluster.url(database, team), "--all", idle=None, width=120, height=40, extra_env={"PGPASSWORD": ROLE_PASSWORD})
    screen = tui.wait_for("Eigen gebied tekst 1", timeout=30)
    assert "Ander gebied" not in screen
    tui.send("q")
    tui.wait_dead()


def test_the_dashboard_on_the_central_database_shows_the_laptops_figures_and_a_team_its_gebied(cluster, tmp_path, tui):
    database, db = central_demo(cluster, tmp_path, responses=400, seed=9, round_name="Scherm")
    team = f"team_{database[1:7]}"
    gebied, name = cluster.psql(database, "SELECT code, name FROM wijkweb.areas WHERE level = 'gebied' ORDER BY code LIMIT 1")[1][0]
    add_role(cluster, database, "team", team, "--gebied", gebied)

    def overview(*args, env=None):
        tui.start("dashboard", *args, "--round", "Scherm", idle=None, width=160, height=45, extra_env=env)
        screen = tui.wait_for("Groningen", timeout=60)
        tui.send("q")
        tui.wait_dead()
        tui.kill()
        return screen

    laptop_screen = overview("--db", db)
    central_screen = overview("--db", cluster.url(database), env={"PGPASSWORD": SUPERUSER_PASSWORD})
    assert central_screen == laptop_screen and "Wijkprofielen" in central_screen
    # The team's login: its gebied has figures, the other gebieden none (row-level security).
    team_screen = overview("--db", cluster.url(database, team), env={"PGPASSWORD": ROLE_PASSWORD})
    assert team_screen != laptop_screen

    def figures(screen, area):
        line = next((line for line in screen.splitlines() if line.strip().startswith(area)), "")
        return re.findall(r"\d+,\d", line)
    assert figures(team_screen, name), team_screen
    others = [row[0] for row in cluster.psql(database, f"SELECT name FROM wijkweb.areas WHERE level = 'gebied' AND code <> '{gebied}'")[1]]
    assert any(figures(laptop_screen, other) for other in others)
    assert not any(figures(team_screen, other) for other in others), team_screen
    # An area's screen opens as on the laptop.
    tui.start("dashboard", "--db", cluster.url(database, team), "--round", "Scherm", idle=None, width=160, height=45,
              extra_env={"PGPASSWORD": ROLE_PASSWORD})
    tui.wait_for("Groningen", timeout=60)
    tui.send("Down", "Enter")
    tui.wait_for("95%-int.", timeout=60)
    tui.send("q")


def test_the_agenda_on_the_central_database_a_team_its_own_gebied_and_the_reports_ondergrens(cluster, tmp_path):
    database, db = central_demo(cluster, tmp_path, responses=400, seed=12, round_name="Agenda")
    team = f"team_{database[1:7]}"
    gebieden = [row[0] for row in cluster.psql(database, "SELECT code FROM wijkweb.areas WHERE level = 'gebied' ORDER BY code")[1]]
    gebied, other = gebieden[0], gebieden[1]
    add_role(cluster, database, "team", team, "--gebied", gebied)
    team_url = cluster.url(database, team)

    def both(*args):
        """The command on the central database as the team and on the laptop: the same output."""
        central = ok(*args, "--db", team_url, password=ROLE_PASSWORD)
        assert central == ok(*args, "--db", db), args
        return central

    both("agenda", "ondergrens", "--area", gebied, "--dimension", "meedoen", "--value", "6,5", "--agreed-by", "wijkdialoog Centrum",
         "--agreed-on", "2026-11-01", "--by", "GT3")
    both("agenda", "recognition", "--area", gebied, "--round", "Agenda", "--dimension", "zingeving", "--value", "deels",
         "--note", "Ouderen herkennen het, jongeren minder")
    assert "1" in both("agenda", "opgave", "add", "--area", gebied, "--round", "Agenda", "--dimension", "meedoen",
                       "--text", "Meer ontmoetingsplekken voor jongeren")
    assert cluster.psql(database, "SELECT area_code, dimension, value, agreed_by FROM wijkweb.agenda_floors")[1] == [
        [gebied, "meedoen", "6.5", "wijkdialoog Centrum"]]
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.audit WHERE actor = '{team}' AND action LIKE 'agenda-%'") == "3"
    # The same rules as on a laptop: no person's name in an opgave; an unknown area is refused.
    status, out, err = run("agenda", "opgave", "add", "--area", gebied, "--round", "Agenda", "--dimension", "meedoen",
                           "--text", "Bel mevrouw Jansen over de buurttuin", "--db", team_url, password=ROLE_PASSWORD)
    assert status == 1 and cluster.value(database, "SELECT count(*) FROM wijkweb.agenda_tasks") == "1", (out, err)
    status, out, err = run("agenda", "ondergrens", "--area", "GB999999", "--dimension", "meedoen", "--value", "6", "--agreed-by", "x y",
                           "--agreed-on", "2026-11-01", "--db", team_url, password=ROLE_PASSWORD)
    assert status == 1 and "There is no area GB999999" in err
    # Another gebied's agenda: PostgreSQL refuses the team's write, and the team does not see what the admin set there.
    status, out, err = run("agenda", "ondergrens", "--area", other, "--dimension", "meedoen", "--value", "6", "--agreed-by", "wijkdialoog",
                           "--agreed-on", "2026-11-01", "--db", team_url, password=ROLE_PASSWORD)
    assert status == 1 and "row-level security" in err, err
    ok("agenda", "ondergrens", "--area", other, "--dimension", "zingeving", "--value", "5", "--agreed-by", "wijkdialoog Noord",
       "--agreed-on", "2026-10-01", "--db", cluster.url(database))
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.agenda_floors") == "2"
    shown = ok("agenda", "show", "--round", "Agenda", "--db", team_url, password=ROLE_PASSWORD)
    assert "Meer ontmoetingsplekken voor jongeren" in shown and "wijkdialoog Noord" not in shown
    assert "wijkdialoog Noord" in ok("agenda", "show", "--round", "Agenda", "--db", cluster.url(database))
    # The report's ondergrens and agenda come from the central database as from the laptop's (the whole
    # gemeente's figures: as the database owner; the team's own report has the same ondergrens).
    ok("agenda", "ondergrens", "--area", other, "--dimension", "zingeving", "--value", "5", "--agreed-by", "wijkdialoog Noord",
       "--agreed-on", "2026-10-01", "--db", db)
    ok("report", "--db", cluster.url(database), "--round", "Agenda", "--area", gebied, "--format", "html", "--out", tmp_path / "central.html")
    ok("report", "--db", db, "--round", "Agenda", "--area", gebied, "--format", "html", "--out", tmp_path / "laptop.html")
    central_html = (tmp_path / "central.html").read_text()
    assert central_html == (tmp_path / "laptop.html").read_text()
    assert "6,5" in central_html and "wijkdialoog Centrum" in central_html
    ok("report", "--db", team_url, "--round", "Agenda", "--area", gebied, "--format", "html", "--out", tmp_path / "team.html",
       password=ROLE_PASSWORD)
    team_html = (tmp_path / "team.html").read_text()
    assert "6,5" in team_html and "wijkdialoog Centrum" in team_html
    # What still works on a team's database file only is refused in one sentence, in the language asked for.
    status, out, err = run("agenda", "export", "--format", "csv", "--out", tmp_path / "agenda.csv", "--db", team_url, "--language", "nl",
                           password=ROLE_PASSWORD)
    assert status == 1 and "is de centrale database" in err and "agenda show/recognition/opgave add/ondergrens" in err, err
    assert err.count("\n") == 1 and not (tmp_path / "agenda.csv").exists()
def test_reach_on_the_central_database_is_the_laptops_and_by_kind_is_refused_there(cluster, tmp_path):
    """The monitor's reach reads the central database through the same ProfileSource (the same figures as on
    the laptop); the central database keeps no kind of area, so `profile --by-kind` there says so in one
    sentence, in the command's language, instead of an empty or wrong breakdown."""
    database, db = central_demo(cluster, tmp_path, responses=800, seed=6)
    url = cluster.url(database)
    wijken = [line.split(",")[1] for line in (REPO / "Areas" / "groningen.csv").read_text().splitlines() if line.startswith("wijk,")]
    counts = {code: (1000 + 37 * index, 1100 + 11 * index, 900, 400 + index, 350, 300) for index, code in enumerate(wijken)}
    population = tmp_path / "bevolking.csv"
    population.write_text("code,Mannen,Vrouwen,k_15Tot25Jaar,k_25Tot45Jaar,k_45Tot65Jaar,k_65JaarOfOuder\n"
                          + "".join(f"{code},{','.join(map(str, row))}\n" for code, row in counts.items()))
    ok("round", "population", "--db", db, "Vergelijking", population)
    values = ", ".join(f"('{code}', {', '.join(map(str, row))})" for code, row in counts.items())
    status, _, err = cluster.psql(database, f"""
        INSERT INTO wijkweb.population (round_id, area_code, men, women, age_15_24, age_25_44, age_45_64, age_65_plus)
        SELECT r.id, v.* FROM wijkweb.rounds r, (VALUES {values}) AS v WHERE r.name = 'Vergelijking'""")
    assert status == 0, err
    for args in (["--format", "csv"], ["--language", "en"], ["--factor", "1.2", "--level", "wijk"]):
        central = ok("reach", "--db", url, "--round", "Vergelijking", *args)
        assert central == ok("reach", "--db", db, "--round", "Vergelijking", *args), args
        assert len(central.splitlines()) > len(wijken), central
    report = tmp_path / "bereik.pdf"
    ok("report", "--db", url, "--round", "Vergelijking", "--area", wijken[0], "--out", report)
    text = " ".join(subprocess.run(["pdftotext", str(report), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "Bereik:" in text and "respondenten van" in text
    # Kinds of area are a laptop's: the central database refuses --by-kind plainly, nl and en.
    for language, sentence in (("en", "The central database holds no kinds of area"), ("nl", "De centrale database kent geen soorten gebied")):
        status, out, err = run("profile", "--db", url, "--round", "Vergelijking", "--by-kind", "--language", language)
        assert status == 1 and out == "", (out, err)
        lines = [line for line in err.splitlines() if line.strip()]
        assert len(lines) == 1 and sentence in lines[0], err
    # On the laptop (Groningen's villages are marked dorp) the same command gives the breakdown.
    assert "dorp" in ok("profile", "--db", db, "--round", "Vergelijking", "--by-kind", "--format", "csv")


def test_a_device_login_submits_only_what_its_own_enrolled_device_signed(cluster, tmp_path):
    """add-device binds a login to one enrolled device (its team certificate, checked by the client first);
    wijkweb.submit then refuses, for that login, every record another device signed: PostgreSQL itself."""
    database = cluster.new_database()
    url = cluster.url(database)
    ok("central", "init", "--url", url)
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.schema_migrations WHERE version = '5-device-binding'") == "1"
    mine = laptop(tmp_path, 5, name="mine", round_name="Gebonden", seed=11)
    theirs = laptop(tmp_path, 4, name="theirs", round_name="Gebonden", seed=12)
    ok("central", "publish", "--db", mine, "--url", url)
    suffix = database[1:7]
    login, other_login = f"device_{suffix}", f"device2_{suffix}"
    roles = f"SELECT count(*) FROM pg_roles WHERE rolname IN ('{login}', '{other_login}')"

    # Without a certificate, with one of another team, or with a changed one: no login is created.
    status, out, err = run("central", "add-device", login, "--url", url, env={"WIJKWEB_NEW_ROLE_PASSWORD": ROLE_PASSWORD})
    assert status == 1 and "--certificate" in err and err.count("\n") == 1, err
    certificate = tmp_path / "mine.cert"
    certificate.write_text(local(mine, "SELECT certificate FROM device_identity WHERE id = 1")[0][0])
    status, out, err = run("central", "add-device", login, "--certificate", certificate, "--trust-db", theirs, "--url", url,
                           env={"WIJKWEB_NEW_ROLE_PASSWORD": ROLE_PASSWORD})
    assert status == 1 and "is not one of this team" in err and "Nothing was created" in err, err
    header, body = certificate.read_text().splitlines()
    changed = json.loads(body)
    changed["issued_at"] = "2020-01-01T00:00:00Z"
    forged = tmp_path / "forged.cert"
    forged.write_text(header + "\n" + json.dumps(changed) + "\n")
    status, out, err = run("central", "add-device", login, "--certificate", forged, "--trust-db", mine, "--url", url,
                           env={"WIJKWEB_NEW_ROLE_PASSWORD": ROLE_PASSWORD})
    assert status == 1 and "signature" in err and "\x1b" not in err, err
    assert cluster.value(database, roles) == "0"
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.device_bindings") == "0"

    # The honest certificate binds the login; a second login for the same device is refused.
    add_device(cluster, database, login, mine)
    mine_id = local(mine, "SELECT value FROM meta WHERE key = 'device_id'")[0][0]
    theirs_id = local(theirs, "SELECT value FROM meta WHERE key = 'device_id'")[0][0]
    assert cluster.psql(database, "SELECT role_name, device_id FROM wijkweb.device_bindings")[1] == [[login, mine_id]]
    status, out, err = run("central", "add-device", other_login, "--certificate", certificate, "--trust-db", mine, "--url", url,
                           env={"WIJKWEB_NEW_ROLE_PASSWORD": ROLE_PASSWORD})
    assert status == 1 and "has a login on the central database already" in err, err
    assert cluster.value(database, roles) == "1"
    # The device login reads nothing, not even the bindings.
    assert cluster.psql(database, "SELECT * FROM wijkweb.device_bindings", login, ROLE_PASSWORD)[0] != 0

    # Another laptop's responses through this login (sync, or its bundle): refused, nothing kept.
    out = ok("sync", "--db", theirs, "--to", cluster.url(database, login), password=ROLE_PASSWORD)
    assert "0 sent, 0 already there, 4 refused" in out, out
    assert out.count("not signed by the device this login is bound to") == 4, out
    bundle = tmp_path / "theirs.wijkweb"
    ok("bundle", "export", "--db", theirs, "--out", bundle)
    out = ok("bundle", "import", "--db", cluster.url(database, login), bundle, "--trust-db", theirs, password=ROLE_PASSWORD)
    assert "0 new, 0 already there, 0 withdrawn there, 4 refused" in out, out
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses") == "0"
    # Crafted by hand as a record of the other device (PostgreSQL cannot check Ed25519, but it knows who logs in).
    record = json.dumps([{"kind": "response", "record": {"id": str(uuid.uuid4()), "device_id": theirs_id, "signed_by": "device",
                                                          "round": "Gebonden", "status": "completed"}},
                         {"kind": "withdrawal", "record": {"response_id": str(uuid.uuid4()), "device_id": theirs_id,
                                                            "receipt_code": "K7MP-3QXA-9RTW-HN4C", "withdrawn_at": "2026-01-01T00:00:00Z"}}])
    rows = cluster.psql(database, f"SELECT outcome, reason FROM wijkweb.submit('{record}'::jsonb)", login, ROLE_PASSWORD)[1]
    assert rows == [["refused", "the record is not signed by the device this login is bound to"]] * 2, rows
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.withdrawal_claims") == "0"
    # A device login made around the command (no binding) submits nothing at all.
    cluster.psql(database, f"CREATE ROLE unbound_{suffix} LOGIN PASSWORD '{ROLE_PASSWORD}' IN ROLE wijkweb_device")
    out = ok("sync", "--db", mine, "--to", cluster.url(database, f"unbound_{suffix}"), password=ROLE_PASSWORD)
    assert "0 sent, 0 already there, 5 refused" in out and out.count("bound to no enrolled device") == 5, out

    # The honest path: its own laptop's responses through its own login are kept; the owner still imports any.
    out = ok("sync", "--db", mine, "--to", cluster.url(database, login), password=ROLE_PASSWORD)
    assert "5 sent, 0 already there, 0 refused" in out, out
    assert cluster.value(database, f"SELECT count(*) FROM wijkweb.responses") == "5"
    assert "4 new" in ok("bundle", "import", "--db", url, bundle, "--trust-db", theirs)
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses") == "9"


def test_a_revoked_device_gets_no_login(cluster, tmp_path):
    database = cluster.new_database()
    url = cluster.url(database)
    ok("central", "init", "--url", url)
    passphrase = tmp_path / "team-zin.txt"
    passphrase.write_text("een lange zin voor het team\n")
    ok("keys", "create", "--out", tmp_path / "team", "--passphrase-file", passphrase)
    db = laptop(tmp_path, 1, name="weg", seed=13)
    request = ok("device", "enrol", "--db", db).strip()
    certificate = tmp_path / "weg.cert"
    ok("team", "enrol-device", request, "--key", tmp_path / "team.key", "--passphrase-file", passphrase, "--out", certificate)
    ok("device", "enrol", "--db", db, "--certificate", certificate)
    device_id = local(db, "SELECT value FROM meta WHERE key = 'device_id'")[0][0]
    ok("team", "revoke-device", device_id, "--db", db, "--key", tmp_path / "team.key", "--passphrase-file", passphrase)
    status, out, err = run("central", "add-device", f"weg_{database[1:7]}", "--certificate", certificate, "--trust-db", db, "--url", url,
                           env={"WIJKWEB_NEW_ROLE_PASSWORD": ROLE_PASSWORD})
    assert status == 1 and "is revoked by the team since" in err and err.count("\n") == 1, err
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.device_bindings") == "0"


def test_a_relay_cannot_change_what_it_forwards_into_the_central_database(cluster, tmp_path):
    """A relay laptop changes one answer of another laptop's interview, recomputes every checksum and signs
    its bundle with its own valid key: `bundle import --db URL --trust-db` checks every record's origin
    signature with the one trust implementation first and sends nothing; the honest bundle goes in."""
    import test_bundles
    from test_hostile_bundles import read_bundle, write_bundle

    database = cluster.new_database()
    url = cluster.url(database)
    ok("central", "init", "--url", url)
    team = test_bundles.laptop(tmp_path, "team", seed=120, responses=1)
    a = test_bundles.laptop(tmp_path, "a", seed=121, responses=3)
    relay = test_bundles.laptop(tmp_path, "relay", seed=122, responses=2)
    origin = local(a, "SELECT value FROM meta WHERE key = 'device_id'")[0][0]
    with sqlite3.connect(a) as connection:
        connection.execute("UPDATE responses SET device_id = ?, volunteer_code = 'V12' WHERE id IN "
                           "(SELECT id FROM responses ORDER BY id LIMIT 1)", (origin,))
    connection.close()
    target = local(a, f"SELECT id FROM responses WHERE device_id = '{origin}'")[0][0]
    ok("bundle", "export", "--db", a, "--out", tmp_path / "a.bundle")
    ok("bundle", "import", "--db", relay, tmp_path / "a.bundle")
    ok("bundle", "export", "--db", relay, "--out", tmp_path / "relay.bundle")
    ok("central", "publish", "--db", relay, "--url", url)
    manifest, records = read_bundle(tmp_path / "relay.bundle")
    changed = [dict(r, packed_answers=("1" if r["packed_answers"][0] != "1" else "2") + r["packed_answers"][1:])
               if r.get("id") == target else r for r in records]
    write_bundle(tmp_path / "changed.bundle", manifest, changed)
    status, out, err = run("bundle", "import", "--db", url, tmp_path / "changed.bundle", "--trust-db", team)
    assert status == 1 and out == "" and f"response {target} does not carry a valid signature of the device that completed it" in err, err
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.responses") == "0"
    assert cluster.value(database, "SELECT count(*) FROM wijkweb.audit WHERE action = 'submit'") == "0"
    # The relay's honest bundle: every record checked against its own device's certificate, then kept.
    out = ok("bundle", "import", "--db", url, tmp_path / "relay.bundle", "--trust-db", team)
    assert "5 new, 0 already there, 0 withdrawn there, 0 refused" in out, out
    assert cluster.value(database, f"SELECT device_id FROM wijkweb.responses WHERE id = '{target}'") == origin
