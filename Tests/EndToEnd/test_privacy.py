"""Privacy at the laptop: a reflection that looks like personal data is warned about before it is stored
(the volunteer may keep it; the reviewer decides), and a database other users can read is refused."""

import subprocess

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO, TOTAL_ITEMS, flat, query


def test_a_reflection_with_an_email_address_or_a_name_is_warned_about_before_it_is_stored(tui, db_path):
    tui.start("interview")
    tui.begin_interview()
    tui.answer_statements([6] * TOTAL_ITEMS)
    tui.wait_for("Uw spinnenweb: Mijn wijk")
    tui.send("Enter")
    tui.wait_for("Vraag 1 van 5")
    tui.type("Mail mij op jan@example.nl")
    tui.wait_for("jan@example.nl")
    tui.send("Tab")
    warned = flat(tui.wait_for("Let op"))
    assert '"jan@example.nl" lijkt een e-mailadres' in warned, warned
    assert "Vraag 1 van 5" in warned
    assert query(db_path, "SELECT count(*) FROM reflections") == [(0,)], "stored before the volunteer decided"
    # A second Tab keeps it: the reviewer decides later.
    tui.send("Tab")
    tui.wait_for("Vraag 2 van 5")
    assert query(db_path, "SELECT text FROM reflections") == [("Mail mij op jan@example.nl",)]

    # A name: the volunteer takes it out instead, and the text is stored without a second warning.
    tui.type("Mijn buurvrouw Ans helpt.")
    tui.wait_for("Ans helpt.")
    tui.send("Tab")
    assert '"Ans" lijkt een naam' in flat(tui.wait_for("Let op"))
    tui.send(*["BSpace"] * len(" Ans helpt."))
    tui.type(" helpt.")
    tui.wait_for("buurvrouw helpt.")
    tui.send("Tab")
    tui.wait_for("Vraag 3 van 5")
    assert sorted(text for (text,) in query(db_path, "SELECT text FROM reflections")) == [
        "Mail mij op jan@example.nl", "Mijn buurvrouw helpt."]

    # English wording after F2.
    tui.send("F2")
    tui.wait_for("Question 3 of 5")
    tui.type("Call 06-12345678")
    tui.wait_for("06-12345678")
    tui.send("Tab")
    assert '"06-12345678" looks like a phone number' in flat(tui.wait_for("Note:"))


def test_a_database_other_users_can_read_is_refused_with_the_fix(tmp_path):
    db = tmp_path / "gegevens" / "wijkweb.sqlite"
    env = {**CLEAN_ENVIRONMENT, "WIJKWEB_DATA": str(REPO), "HOME": str(tmp_path)}
    # `areas list` starts a database (commands that only read, such as check, never create one).
    assert subprocess.run([str(BINARY), "areas", "list", "--db", str(db)], capture_output=True, env=env).returncode == 0
    db.chmod(0o644)
    result = subprocess.run([str(BINARY), "check", "--db", str(db)], capture_output=True, text=True, env=env)
    assert result.returncode != 0
    assert f"The database {db} can be read by other users (mode 0644)" in result.stderr, result.stderr
    assert f"Run: chmod 600 {db}" in result.stderr
    db.chmod(0o600)
    assert subprocess.run([str(BINARY), "check", "--db", str(db)], capture_output=True, env=env).returncode == 0
