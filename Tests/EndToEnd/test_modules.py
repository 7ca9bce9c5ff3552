"""Theme modules end to end: a round with modules switched on, its questions as a breakdown of the
profile, the language files' module sections checked by `wijkweb languages`."""
import csv
import io
import sqlite3

import pytest

from conftest import demo_database, run_checked as run


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_database(tmp_path_factory, "modules", "--responses", "800", "--seed", "8", "--no-previous",
        "--module", "mantelzorg", "--module", "vrijwilligerswerk")


def demo_round(db):
    return next(line.split("\t")[0] for line in run("round", "list", "--db", str(db)).stdout.splitlines() if line.startswith("Demo"))


def test_round_create_switches_modules_on_and_refuses_unknown_ones(db):
    out = run("round", "create", "--db", str(db), "Najaar modules", "--module", "eenzaamheid",
              "--module", "digitale-vaardigheden").stdout
    assert "modules eenzaamheid, digitale-vaardigheden" in out
    refused = run("round", "create", "--db", str(db), "Fout", "--module", "\x1b[2Jgeheim", check=False)
    assert refused.returncode != 0
    assert "no theme module" in refused.stderr and "\x1b" not in refused.stderr
    twice = run("round", "create", "--db", str(db), "Twee", "--module", "mantelzorg", "--module", "mantelzorg", check=False)
    assert twice.returncode != 0 and "twice" in twice.stderr


def test_profile_by_a_module_question_matches_the_answers_in_the_database(db):
    out = run("profile", "--db", str(db), "--round", demo_round(db), "--by", "mantelzorg_geeft", "--format", "csv",
              "--level", "gemeente").stdout
    rows = [row for row in csv.DictReader(io.StringIO(out))
            if row["part"] == "health" and row["dimension"] == "meedoen" and row["category"] in ("ja", "nee")]
    assert {row["category"] for row in rows} == {"ja", "nee"}
    # Independently: the answers as stored (packed "question=choice;..."), with the part scores.
    connection = sqlite3.connect(db)
    counts = {"ja": 0, "nee": 0}
    for packed, score in connection.execute(
            "SELECT r.packed_demographics, s.meedoen FROM part_scores s JOIN responses r ON r.key = s.response_key "
            "WHERE s.part_id = 'health' AND s.meedoen IS NOT NULL"):
        answers = dict(pair.split("=", 1) for pair in (packed or "").split(";") if "=" in pair)
        if answers.get("mantelzorg_geeft") in counts:
            counts[answers["mantelzorg_geeft"]] += 1
    for row in rows:
        assert abs(int(row["n"]) - counts[row["category"]]) <= 2, (row["category"], row["n"], counts)
    unknown = run("profile", "--db", str(db), "--round", demo_round(db), "--by", "eenzaam_terecht", check=False)
    assert unknown.returncode != 0 and "asks no question" in unknown.stderr


def test_the_languages_command_checks_the_module_sections():
    out = run("languages").stdout
    assert "Incomplete" not in out
