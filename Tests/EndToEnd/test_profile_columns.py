"""Profiles read a columnar copy of the part scores (`score_columns`); it must give byte for byte the JSON
of reading the rows (`--row-store`), and stay exact through imports, withdrawals, purges and tampering."""
import sqlite3
import subprocess

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO, query, set_receipt

ENVIRONMENT = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), LANG="C.UTF-8")
# Whole publications: every level, without and with a breakdown (of one part).
PROFILES = [[], ["--by", "household", "--part", "health"]]


def wijkweb(db_path, *arguments):
    result = subprocess.run([str(BINARY), *arguments, "--db", str(db_path)], capture_output=True, env=ENVIRONMENT,
                            timeout=300)
    assert result.returncode == 0, (result.stdout + result.stderr).decode(errors="replace")
    return result.stdout


def assert_same_as_rows(db_path, round_name=None):
    chosen = ["--round", round_name] if round_name else []
    for arguments in PROFILES:
        columns = wijkweb(db_path, "profile", "--format", "json", *chosen, *arguments)
        rows = wijkweb(db_path, "profile", "--format", "json", "--row-store", *chosen, *arguments)
        assert columns == rows, f"profile {' '.join(arguments)}: the columnar copy differs from the rows"
        assert b'"n"' in columns or b'"suppressed"' in columns


def total_n(db_path):
    return wijkweb(db_path, "profile", "--format", "csv", "--level", "gemeente", "--part", "health")


def test_the_columnar_copy_gives_the_json_of_the_rows_through_every_change(db_path, tmp_path):
    wijkweb(db_path, "demo", "--responses", "1200", "--seed", "4")
    # The demo leaves every block built: nothing is read from the rows.
    assert query(db_path, "SELECT count(*) FROM score_columns_stale") == [(0,)]
    assert query(db_path, "SELECT count(*) > 0 FROM score_columns") == [(1,)]
    assert_same_as_rows(db_path)
    previous = query(db_path, "SELECT name FROM rounds ORDER BY starts_on LIMIT 1")[0][0]
    assert_same_as_rows(db_path, previous)

    # A withdrawal deletes a response: its block is marked, and the next profile no longer counts it.
    before = total_n(db_path)
    response_id = query(db_path, "SELECT r.id FROM responses r JOIN rounds o ON o.id = r.round_id "
                                 "ORDER BY o.starts_on DESC, r.key LIMIT 1")[0][0]
    set_receipt([db_path], response_id, "K7MP-3QXA-9RTW-HN4C")
    round_id, key = query(db_path, "SELECT round_id, key FROM responses WHERE id = ?", (response_id,))[0]
    assert query(db_path, "SELECT count(*) FROM score_columns WHERE round_id = ? AND block = ?", (round_id, key >> 14)) == [(1,)]
    wijkweb(db_path, "withdraw", "K7MP-3QXA-9RTW-HN4C")
    assert query(db_path, "SELECT count(*) FROM score_columns_stale") == [(1,)]
    # The withdrawn scores leave no copy behind: the block that held them is gone until it is rebuilt.
    assert query(db_path, "SELECT count(*) FROM score_columns WHERE round_id = ? AND block = ?", (round_id, key >> 14)) == [(0,)]
    assert_same_as_rows(db_path)
    assert total_n(db_path) != before
    assert query(db_path, "SELECT count(*) FROM score_columns_stale") == [(0,)], "the profile rebuilt the block"

    # Responses removed by SQL (a purge, or another tool) are caught the same way, cascades included.
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("DELETE FROM responses WHERE key % 7 = 3")
        connection.execute("UPDATE responses SET packed_demographics = 'age=65+' WHERE key % 11 = 5")
    assert_same_as_rows(db_path)

    # A purge past retention empties the earlier round's blocks.
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE rounds SET starts_on = '2020-01-01', ends_on = '2020-02-01', retention_days = 30 "
                           "WHERE name = ?", (previous,))
    wijkweb(db_path, "purge")
    of_previous = "FROM {} s JOIN rounds o ON o.id = s.round_id WHERE o.name = ?"
    assert query(db_path, "SELECT count(*) " + of_previous.format("score_columns_stale"), (previous,)) == [(1,)]
    assert query(db_path, "SELECT count(*) " + of_previous.format("score_columns"), (previous,)) == [(0,)], \
        "nothing past retention is left in the copy"
    assert_same_as_rows(db_path)
    assert query(db_path, "SELECT count(*) " + of_previous.format("score_columns"), (previous,)) == [(0,)]


def test_check_rebuilds_a_damaged_or_altered_copy(db_path):
    wijkweb(db_path, "demo", "--responses", "600", "--seed", "6", "--no-previous")
    assert "score columns: 1 blocks checked against the part scores, all up to date" in wijkweb(db_path, "check").decode()
    truth = wijkweb(db_path, "profile", "--format", "json", "--row-store")
    # Garbage instead of a block: the profile reads that block's rows and gives the same figures.
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE score_columns SET data = x'5753430100'")
    assert wijkweb(db_path, "profile", "--format", "json") == truth
    out = wijkweb(db_path, "check").decode()
    assert "1 differed and were rebuilt" in out and "integrity: ok" in out, out
    assert wijkweb(db_path, "profile", "--format", "json") == truth
    # A well-formed copy of other data (altered behind wijkweb's back, without a stale mark) is found by check.
    with sqlite3.connect(db_path) as connection:
        data = connection.execute("SELECT data FROM score_columns").fetchone()[0]
        connection.execute("UPDATE score_columns SET data = ?", (data[:-8] + bytes(8),))
    assert "1 differed and were rebuilt" in wijkweb(db_path, "check").decode()
    assert wijkweb(db_path, "profile", "--format", "json") == truth


def test_the_columnar_copy_follows_signed_bundles_relays_and_withdrawals(tmp_path):
    """Signed bundle import (records with their origin device's signature), a relay's bundle and a signed
    withdrawal arriving in a bundle all mark their blocks, and the copy stays equal to the rows."""
    from test_bundles import laptop, run
    team, a, c = (laptop(tmp_path, name, seed=40 + i, responses=300) for i, name in enumerate(["team", "a", "c"]))
    for db in (team, a, c):
        assert query(db, "SELECT count(*) FROM score_columns_stale") == [(0,)]
    bundles = {}
    for db, name in [(a, "a1"), (c, "c1")]:
        bundles[name] = tmp_path / f"{name}.bundle"
        run("bundle", "export", "--db", db, "--out", bundles[name], check=0)
    before = total_n(team)
    run("bundle", "import", "--db", team, bundles["a1"], check=0)
    assert query(team, "SELECT count(*) FROM score_columns_stale") == [(1,)], "the imported rows marked their block"
    assert_same_as_rows(team, "Najaar test")
    assert total_n(team) != before
    assert query(team, "SELECT count(*) FROM score_columns_stale") == [(0,)]
    # A relays C's responses to the team in its own bundle.
    run("bundle", "import", "--db", a, bundles["c1"], check=0)
    bundles["a2"] = tmp_path / "a2.bundle"
    run("bundle", "export", "--db", a, "--out", bundles["a2"], check=0)
    run("bundle", "import", "--db", team, bundles["a2"], check=0)
    assert_same_as_rows(team, "Najaar test")
    with_c = total_n(team)
    # A resident of A withdraws; A's next bundle carries the signed withdrawal and the team deletes the response.
    response_id = query(a, "SELECT id FROM responses ORDER BY id LIMIT 1")[0][0]
    set_receipt([a, team], response_id, "K7MP-3QXA-9RTW-HN4C")
    wijkweb(a, "withdraw", "K7MP-3QXA-9RTW-HN4C")
    bundles["a3"] = tmp_path / "a3.bundle"
    run("bundle", "export", "--db", a, "--out", bundles["a3"], check=0)
    status, out, err = run("bundle", "import", "--db", team, bundles["a3"])
    assert status == 0 and "withdrawn: 1" in out, out + err
    assert query(team, "SELECT count(*) FROM responses WHERE id = ?", (response_id,)) == [(0,)]
    assert query(team, "SELECT count(*) FROM score_columns_stale") == [(1,)]
    assert_same_as_rows(team, "Najaar test")
    assert total_n(team) != with_c
