"""Resource faults: a read-only database, a full disk, a second Wijkweb on the same database, a missing or
unreadable questionnaire, a damaged database file. Each gives a plain message and a non-zero exit status,
never a stack trace or SQLite's own words, and leaves what was stored before untouched."""

import hashlib
import os
import random
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO, TOTAL_ITEMS, Tui, answers_of, item_progress, query

NOBODY = 65534
NOT_PLAIN = ["SQLite error", "Fatal error", "Stack dump", "Traceback", "DatabaseError", "Error Domain", "Optional(",
             "Swift.", "0x0000"]


def run(*args, env=None, user=None, timeout=120):
    """Runs wijkweb ARGS (as `nobody` when user is given); returns the CompletedProcess."""
    argv = [str(BINARY), *map(str, args)]
    if user is not None:
        argv = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *argv]
    environment = {**CLEAN_ENVIRONMENT, "WIJKWEB_DATA": str(REPO), "LANG": "C.UTF-8"}
    environment.pop("WIJKWEB_DB", None)
    environment.update(env or {})
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, env=environment)


def assert_plain_failure(result, *expected):
    """A non-zero status and one plain message on stderr holding each of `expected`."""
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"expected a failure, got status 0:\n{output}"
    for bad in NOT_PLAIN:
        assert bad not in output, f"not a plain message ({bad}):\n{output}"
    for text in expected:
        assert text in output, f"{text!r} not in:\n{output}"


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def counts(db):
    return query(db, "SELECT status, count(*) FROM responses GROUP BY status ORDER BY status")


@pytest.fixture
def demo_db(tmp_path):
    """An owner-only database with 60 synthetic completed responses."""
    folder = tmp_path / "gegevens"
    db = folder / "wijkweb.sqlite"
    result = run("demo", "--db", db, "--responses", 60, "--seed", 3, "--no-previous")
    assert result.returncode == 0, result.stderr
    return db


# Damaged database files


def damage(db, how):
    data = bytearray(db.read_bytes())
    rng = random.Random(11)
    if how == "random-bytes":
        db.write_bytes(bytes(rng.getrandbits(8) for _ in range(len(data))))
    elif how == "truncated-half":
        db.write_bytes(bytes(data[: len(data) // 2]))
    elif how == "truncated-header":
        db.write_bytes(bytes(data[:50]))
    elif how == "text-file":
        db.write_text("level,code,name\nwijk,WK0014,Centrum\n")
    elif how == "pages-overwritten":
        page = 4096
        for offset in range(2 * page, min(len(data), 12 * page)):
            data[offset] = rng.getrandbits(8)
        db.write_bytes(bytes(data))
    elif how == "empty-header-kept":
        data[100:] = bytes(len(data) - 100)
        db.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["random-bytes", "truncated-half", "truncated-header", "text-file", "pages-overwritten",
                                 "empty-header-kept"])
def test_a_damaged_database_is_named_plainly_and_left_as_it_is(demo_db, how):
    damage(demo_db, how)
    before = digest(demo_db)
    damaged_pages = demo_db.read_bytes()[2 * 4096:12 * 4096]
    for command in (["check"], ["profile"], ["round", "list"], ["demo", "--responses", "5"]):
        result = run(*command, "--db", demo_db)
        assert_plain_failure(result, str(demo_db))
        output = result.stdout + result.stderr
        assert "damaged" in output or "not a Wijkweb database" in output, output
        assert "Restore a backup" in output, output
    # Said in Dutch under --language nl, whichever way the damage is found (before or by SQLite).
    result = run("check", "--db", demo_db, "--language", "nl")
    assert_plain_failure(result, str(demo_db), "beschadigd", "Zet een reservekopie terug")
    said = result.stderr.replace(str(demo_db), "")
    assert "damaged" not in said and "Restore" not in said, result.stderr
    if how == "pages-overwritten":
        # The header is sound, so SQLite opens the file and GRDB sets up its WAL (a CREATE and DROP of a
        # table, written to the schema page and the free list) before a damaged page is read. The damaged
        # pages themselves are never written.
        assert demo_db.read_bytes()[2 * 4096:12 * 4096] == damaged_pages
    else:
        assert digest(demo_db) == before, "a damaged database must be left for the coordinator, untouched"


def test_a_damaged_database_stops_the_interview_before_the_screen(demo_db, tmp_path):
    damage(demo_db, "random-bytes")
    tui = Tui(tmp_path, demo_db)
    try:
        tui.start("interview")
        tui.wait_dead()
        screen = tui.screen()
        assert "not a Wijkweb database or is damaged" in " ".join(screen.split()), screen
        assert tui.pane("pane_dead_status") != "0"
    finally:
        tui.kill()


# Read-only database


@pytest.fixture
def nobody_folder():
    """A folder `nobody` owns, under a parent it can enter (pytest's tmp_path is root's alone)."""
    if os.geteuid() != 0:
        pytest.skip("needs root to run wijkweb as another user (root itself may write read-only files)")
    parent = Path(tempfile.mkdtemp(prefix="wijkweb-nobody-"))
    parent.chmod(0o711)
    folder = parent / "gegevens"
    folder.mkdir(mode=0o700)
    os.chown(folder, NOBODY, NOBODY)
    yield folder
    shutil.rmtree(parent, ignore_errors=True)


def test_a_read_only_database_file_is_refused_plainly(nobody_folder):
    db = nobody_folder / "wijkweb.sqlite"
    assert run("demo", "--db", db, "--responses", 10, "--no-previous", user=NOBODY).returncode == 0
    db.chmod(0o400)
    before = digest(db)
    for command in (["check"], ["demo", "--responses", "5"], ["interview"]):
        result = run(*command, "--db", db, user=NOBODY)
        assert_plain_failure(result, f"The database {db} is read-only (mode 0400)", f"chmod 600 {db}")
    result = run("check", "--db", db, "--language", "nl", user=NOBODY)
    assert_plain_failure(result, f"De database {db} is alleen-lezen (modus 0400)", f"Voer uit: chmod 600 {db}")
    assert digest(db) == before
    db.chmod(0o600)
    result = run("check", "--db", db, user=NOBODY)
    assert result.returncode == 0 and "10 completed" in result.stdout, result.stdout + result.stderr


def test_a_read_only_folder_is_refused_plainly(nobody_folder):
    db = nobody_folder / "wijkweb.sqlite"
    assert run("demo", "--db", db, "--responses", 10, "--no-previous", user=NOBODY).returncode == 0
    nobody_folder.chmod(0o500)
    before = digest(db)
    result = run("check", "--db", db, user=NOBODY)
    assert_plain_failure(result, f"The folder {nobody_folder} of the database is read-only (mode 0500)")
    result = run("check", "--db", db, "--language", "nl", user=NOBODY)
    assert_plain_failure(result, f"De map {nobody_folder} van de database is alleen-lezen (modus 0500)")
    # A database that does not exist yet cannot be made there either (by a command that makes one).
    result = run("areas", "list", "--db", nobody_folder / "nieuw.sqlite", user=NOBODY)
    assert_plain_failure(result, "Cannot create the database file", "--db PATH")
    nobody_folder.chmod(0o700)
    assert digest(db) == before


@pytest.fixture
def tmpfs(tmp_path):
    """A 2 MB tmpfs at tmp_path/disk; skips when mounting is not permitted."""
    mountpoint = tmp_path / "disk"
    mountpoint.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(mountpoint)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({result.stderr.strip()}); the full-disk and read-only file "
                    "system tests need root in a machine or container that allows mount")
    yield mountpoint
    subprocess.run(["umount", "-l", str(mountpoint)], check=False)


def test_a_read_only_file_system_is_refused_plainly(tmpfs):
    db = tmpfs / "gegevens" / "wijkweb.sqlite"
    assert run("demo", "--db", db, "--responses", 10, "--no-previous").returncode == 0
    before = digest(db)
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    try:
        for command in (["check"], ["demo", "--responses", "5"]):
            result = run(*command, "--db", db)
            assert_plain_failure(result, "read-only file system", "--db PATH")
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=True)
    assert digest(db) == before


# A full disk


def fill(folder):
    """Fills the file system of `folder`; returns the filler file."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (65536, 4096, 512):
            try:
                while True:
                    os.write(descriptor, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(descriptor)
    return filler


def test_a_full_disk_stops_a_command_plainly_and_keeps_what_was_stored(tmpfs):
    db = tmpfs / "gegevens" / "wijkweb.sqlite"
    assert run("demo", "--db", db, "--responses", 20, "--no-previous").returncode == 0
    stored = counts(db)
    filler = fill(tmpfs)
    result = run("demo", "--db", db, "--responses", 5000, "--no-previous")
    assert_plain_failure(result, "is full", "Free some space")
    filler.unlink()
    check = run("check", "--db", db)
    assert check.returncode == 0 and "integrity: ok" in check.stdout, check.stdout + check.stderr
    assert counts(db) == stored, "a failed command must not leave half its rows"


def test_a_full_disk_during_the_interview_says_so_and_the_answer_is_saved_once_space_is_free(tmpfs, tmp_path):
    db = tmpfs / "gegevens" / "wijkweb.sqlite"
    tui = Tui(tmp_path, db)
    try:
        tui.start("interview")
        tui.begin_interview()
        tui.answer_all([4, 5, 6])
        tui.wait_for(item_progress(4))
        filler = fill(tmpfs)
        # Fill what SQLite may still have free inside its files: a few answers may still fit.
        screen = None
        for k in range(4, 30):
            tui.wait_for(item_progress(k))
            tui.send("7", "Enter")
            screen = tui.wait_until(lambda s: item_progress(k + 1) in s or "Niet opgeslagen" in s,
                                    "the next statement or a save failure")
            if "Niet opgeslagen" in screen:
                break
        assert "Niet opgeslagen" in screen and "schijf is vol" in " ".join(screen.split()), screen
        assert item_progress(k) in screen, "the interview stays on the statement that was not saved"
        filler.unlink()
        tui.send("Enter")
        tui.wait_for(item_progress(k + 1))
        tui.kill_program()
        stored = answers_of(db)
        assert len(stored) == k and stored["h-lf-1"] == 4 and all(v == 7 for v in list(stored.values())[3:])
        check = run("check", "--db", db)
        assert check.returncode == 0 and "integrity: ok" in check.stdout, check.stdout + check.stderr
    finally:
        tui.kill()


# A second Wijkweb on the same database


def test_two_commands_writing_at_once_both_finish_or_say_another_wijkweb_is_busy(demo_db):
    before = dict(counts(demo_db))["completed"]
    results = [None, None]

    def write(index):
        results[index] = run("demo", "--db", demo_db, "--responses", 3000, "--seed", 20 + index, "--no-previous",
                             "--round", f"Gelijktijdig {index}")

    threads = [threading.Thread(target=write, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    added = 0
    for result in results:
        if result.returncode == 0:
            added += 3000
        else:
            assert_plain_failure(result, "another Wijkweb")
    check = run("check", "--db", demo_db)
    assert check.returncode == 0 and "integrity: ok" in check.stdout, check.stdout + check.stderr
    assert dict(counts(demo_db))["completed"] == before + added


def test_a_second_interview_on_the_same_database_is_refused_while_the_first_runs(demo_db, tmp_path):
    first = Tui(tmp_path, demo_db)
    second_folder = tmp_path / "tweede"
    second_folder.mkdir()
    second = Tui(second_folder, demo_db)
    try:
        first.start("interview")
        first.begin_interview()
        first.answer_all([2, 3])
        first.wait_for(item_progress(3))
        # The second must not offer the first one's live interview for resuming, nor write into it.
        second.start("interview", width=300)
        second.wait_dead()
        message = " ".join(second.screen(history=True).split())
        assert "Another Wijkweb is doing an interview" in message, message
        assert second.pane("pane_dead_status") != "0"
        # The first goes on undisturbed.
        first.answer_all([4], first=3)
        first.wait_for(item_progress(4))
        (response,) = query(demo_db, "SELECT id FROM responses WHERE status = 'in_progress'")[0]
        assert answers_of(demo_db, response) == {"h-lf-1": 2, "h-lf-2": 3, "h-lf-3": 4}
        # Once the first has ended, the second may start and offers the interrupted interview.
        first.kill_program()
        second.kill()
        second.start("interview")
        second.wait_for("Onderbroken gesprek")
    finally:
        first.kill()
        second.kill()


# Questionnaire files


def test_a_missing_questionnaire_file_is_named_plainly(tmp_path):
    result = run("questionnaire", "check", tmp_path / "bestaat-niet.yaml")
    assert_plain_failure(result, "bestaat-niet.yaml")


def test_a_folder_or_binary_given_as_questionnaire_is_named_plainly(tmp_path):
    result = run("questionnaire", "check", tmp_path)
    assert_plain_failure(result, str(tmp_path))
    binary = tmp_path / "kapot.yaml"
    binary.write_bytes(bytes([0xFF, 0xFE, 0x00, 0x80]) * 100)
    result = run("questionnaire", "check", binary)
    assert_plain_failure(result, "kapot.yaml")


def test_an_unreadable_questionnaire_file_is_named_plainly(nobody_folder):
    source = REPO / "Questionnaires" / "positieve-gezondheid-wijk.yaml"
    copy = nobody_folder / "vragenlijst.yaml"
    shutil.copy(source, copy)
    os.chown(copy, NOBODY, NOBODY)
    copy.chmod(0o000)
    result = run("questionnaire", "check", copy, user=NOBODY)
    assert_plain_failure(result, str(copy))


def test_a_missing_default_questionnaire_stops_the_first_start_plainly(tmp_path):
    data = tmp_path / "data"
    (data / "Questionnaires").mkdir(parents=True)
    shutil.copytree(REPO / "Areas", data / "Areas")
    db = tmp_path / "gegevens" / "wijkweb.sqlite"
    # The first start is a command that makes a database (check only reads, and never creates one).
    result = run("areas", "list", "--db", db, env={"WIJKWEB_DATA": str(data)})
    assert_plain_failure(result, "positieve-gezondheid-wijk.yaml")
    # Nothing half-seeded: with the questionnaire back, the first start completes.
    shutil.copy(REPO / "Questionnaires" / "positieve-gezondheid-wijk.yaml", data / "Questionnaires")
    result = run("check", "--db", db, env={"WIJKWEB_DATA": str(data)})
    assert result.returncode == 0 and "integrity: ok" in result.stdout, result.stdout + result.stderr
    assert query(db, "SELECT count(*) FROM rounds") == [(1,)]
