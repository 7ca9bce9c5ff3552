"""The central PostgreSQL database through the real binary: schema, roles enforced by PostgreSQL, TLS
defaults and `sync --to`. A throwaway cluster (Tests/Central/pg_cluster.sh) runs for the session on a Unix
socket in a temporary folder and on a free loopback port (without TLS), and is removed at the end."""

import os
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
    add_role(cluster, database, "device", names["device"])
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
    add_role(cluster, database, "device", device)
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
    team, device = f"team_{suffix}", f"device_{suffix}"
    gebied = cluster.value(database, "SELECT code FROM wijkweb.areas WHERE level = 'gebied' ORDER BY code LIMIT 1")
    add_role(cluster, database, "team", team, "--gebied", gebied)
    add_role(cluster, database, "device", device)
    deadlocks_before = int(cluster.value("postgres", f"SELECT deadlocks FROM pg_stat_database WHERE datname = '{database}'"))
    environment = {k: v for k, v in os.environ.items() if k not in {"WIJKWEB_CENTRAL", "PGSSLMODE"}}
    environment["PGPASSWORD"] = ROLE_PASSWORD
    syncs = [subprocess.Popen([str(BINARY), "sync", "--db", str(db), "--to", cluster.url(database, device), "--batch", "100"],
                              env=environment, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for db in laptops for _ in range(4)]
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
