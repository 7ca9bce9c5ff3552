"""Responses past retention are deleted only when an interview session starts and by `purge`: read-only
commands (check, profile, export, audit, round list) leave everything as it is."""
import sqlite3
import subprocess

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO, query

ENVIRONMENT = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), LANG="C.UTF-8")


def wijkweb(db_path, *arguments, input_text=None):
    result = subprocess.run([str(BINARY), *arguments, "--db", str(db_path)], capture_output=True, text=True,
                            env=ENVIRONMENT, input=input_text, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def expired_round(db_path):
    """A demo round whose retention ended long ago, with its responses still stored."""
    wijkweb(db_path, "demo", "--responses", "30", "--seed", "2", "--round", "Oud", "--no-previous")
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE rounds SET starts_on = '2020-01-01', ends_on = '2020-02-01', retention_days = 30 "
                           "WHERE name = 'Oud'")
    return query(db_path, "SELECT count(*) FROM responses r JOIN rounds o ON o.id = r.round_id WHERE o.name = 'Oud'")


def stored(db_path):
    return query(db_path, "SELECT count(*) FROM responses r JOIN rounds o ON o.id = r.round_id WHERE o.name = 'Oud'")


def test_read_only_commands_delete_nothing_and_the_interview_purges_as_it_starts(db_path):
    before = expired_round(db_path)
    assert before[0][0] == 30
    for command in (["check"], ["profile", "--round", "Oud", "--format", "csv"], ["audit"], ["round", "list"],
                    ["round", "show", "Oud"]):
        result = wijkweb(db_path, *command)
        assert "past retention" not in result.stderr
    assert stored(db_path) == before
    assert query(db_path, "SELECT count(*) FROM audit WHERE action = 'purge'") == [(0,)]

    # An interview session starts by deleting what is past retention, and says so once.
    result = wijkweb(db_path, "interview", "--plain", input_text="q\n")
    assert 'round "Oud": 30 responses deleted (past retention)' in result.stderr
    assert stored(db_path) == [(0,)]


def test_purge_deletes_on_request(db_path):
    expired_round(db_path)
    result = wijkweb(db_path, "purge")
    assert 'round "Oud": 30 responses deleted (past retention)' in result.stdout
    assert stored(db_path) == [(0,)]


def test_check_prints_the_schema_version_of_the_last_migration(db_path):
    wijkweb(db_path, "areas", "list")
    out = wijkweb(db_path, "check").stdout
    version = next(line for line in out.splitlines() if line.startswith("schema: "))
    assert version == "schema: 16 (v15-score-columns)"
    assert BINARY.exists()
    assert subprocess.run([str(BINARY), "--version"], capture_output=True, text=True).stdout.splitlines()[1] == \
        "schema 16 (v15-score-columns)"
