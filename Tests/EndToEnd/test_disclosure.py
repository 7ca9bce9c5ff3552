"""Disclosure control of the published profile, attacked independently (disclosure_attack.py: every
published figure as a linear constraint, scipy's HiGHS for the tightest bounds), with the three
reproductions of issue #14 as regression tests."""
import json
import os
import sqlite3
import subprocess

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT
from disclosure_attack import RESPONDENTS, Publication, attack, published


def run(*arguments):
    result = subprocess.run([str(BINARY), *arguments], capture_output=True, text=True, env=CLEAN_ENVIRONMENT, timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


def demo(folder, responses, seed):
    folder.mkdir(mode=0o700, exist_ok=True)
    db = folder / f"demo-{responses}-{seed}.db"
    if not db.exists():
        run("demo", "--db", str(db), "--responses", str(responses), "--seed", str(seed))
    return db


def newest_round(db):
    return run("round", "list", "--db", str(db)).splitlines()[0].split("\t")[0]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("disclosure")
    os.chmod(path, 0o700)
    return path


@pytest.mark.parametrize("responses,seed,subsystems", [
    (200, 42, [("health", "lichaamsfuncties"), ("neighbourhood", "meedoen")]),
    (400, 3, [("health", "mentaal_welbevinden"), ("health", RESPONDENTS)]),
])
def test_no_small_group_is_pinned_down_across_levels_breakdowns_and_comparisons(folder, responses, seed, subsystems):
    db = demo(folder, responses, seed)
    round_name = newest_round(db)
    documents = published(BINARY, db, round_name, CLEAN_ENVIRONMENT)
    for part, dimension in subsystems:
        # Every hidden cell and every small group (1 to minimum - 1 respondents) of the part and dimension:
        # shared feasible solutions clear most at once, each other group gets linear programs of its own
        # (a few seconds in all). `wijkweb disclosure-check` attacks every part and dimension.
        disclosures, checked, _ = attack(db, documents, round_name, part, dimension)
        assert checked > 400, f"the demo has small groups to attack: {checked}"
        assert disclosures == [], disclosures


def test_issue_reproduction_hierarchy_minus_breakdown_gives_noise_not_one_resident(folder):
    """n = Noordoost - Noordoost man - (Oost vrouw - Noorddijk - Meerdorpen - Meerstad) was exactly 1."""
    db = demo(folder, 5000, 42)
    round_name = newest_round(db)
    documents = published(BINARY, db, round_name, CLEAN_ENVIRONMENT)
    terms = [("WK001411", None, None, 1), ("WK001411", "sex", "man", -1), ("GB001405", "sex", "vrouw", -1),
             ("WK001412", None, None, 1), ("WK001413", None, None, 1), ("WK001414", None, None, 1)]

    def figure(area, breakdown, category, dimension):
        return next(f for f in documents[breakdown]["figures"] if f["area_code"] == area and f["category"] == category
                    and f["part"] == "health" and f["dimension"] == dimension)

    for dimension in ["lichaamsfuncties", "zingeving"]:
        publication = Publication(db, documents, "health", dimension)
        count_expression, sum_expression = {}, {}
        for area, breakdown, category, sign in terms:
            publication.cell("n", area, breakdown, category, sign=sign, into=count_expression)
            publication.cell("s", area, breakdown, category, sign=sign, into=sum_expression)
        low, high = publication.bounds(count_expression)
        assert high - low >= 4, f"{dimension}: the group is bounded to [{low}, {high}]"
        sum_low, sum_high = publication.bounds(sum_expression)
        assert sum_high - sum_low >= 20, f"{dimension}: the group's score sum is bounded to [{sum_low}, {sum_high}]"
        # The attack's own arithmetic on the published counts no longer has to give the true group.
        shown = [figure(area, breakdown, category, dimension) for area, breakdown, category, _ in terms]
        assert all(not f["suppressed"] for f in shown)


def test_issue_reproduction_min_group_only_raises_and_two_runs_add_nothing(folder):
    """--min-group 5 showed wijken of 6; a plain run and one with --min-group 13 together gave 6 residents."""
    db = demo(folder, 5000, 42)
    round_name = newest_round(db)
    lowered = json.loads(run("profile", "--db", str(db), "--round", round_name, "--level", "wijk", "--min-group", "5",
                             "--format", "json"))
    assert lowered["minimum_group_size"] == 10
    assert all(f["suppressed"] or f["n"] >= 10 for f in lowered["figures"])
    plain = json.loads(run("profile", "--db", str(db), "--round", round_name, "--by", "household", "--area", "GB001402",
                           "--format", "json"))
    raised = json.loads(run("profile", "--db", str(db), "--round", round_name, "--by", "household", "--area", "GB001402",
                            "--min-group", "13", "--format", "json"))
    assert raised["minimum_group_size"] == 13
    key = lambda f: (f["part"], f["dimension"], f["category"])
    plain_figures = {key(f): f for f in plain["figures"]}
    compared = 0
    for figure in raised["figures"]:
        if figure["suppressed"]:
            continue
        before = plain_figures[key(figure)]
        for column in ("n", "mean", "sd", "ci_low", "ci_high", "median", "share_below_5_5"):
            assert figure[column] == before[column], (key(figure), column)
        compared += 1
    assert compared > 20
    assert any(f["suppressed"] for f in raised["figures"]) or raised["minimum_group_size"] == 13


def test_issue_reproduction_previous_round_keeps_its_own_minimum(folder):
    """Areas hidden in the earlier round (minimum 20) came back from "t.o.v. vorige ronde" minus the mean."""
    db = demo(folder, 1000, 2)
    round_name = newest_round(db)
    connection = sqlite3.connect(db)
    current = connection.execute("SELECT id, starts_on FROM rounds WHERE name = ?", (round_name,)).fetchone()
    previous_name = connection.execute("""
        SELECT name FROM rounds r WHERE starts_on < ? AND id != ?
          AND EXISTS (SELECT 1 FROM responses WHERE round_id = r.id AND status = 'completed')
        ORDER BY starts_on DESC LIMIT 1""", (current[1], current[0])).fetchone()[0]
    connection.execute("UPDATE rounds SET min_group_size = 20 WHERE name = ?", (previous_name,))
    connection.commit()
    connection.close()
    now = json.loads(run("profile", "--db", str(db), "--round", round_name, "--format", "json"))
    before = json.loads(run("profile", "--db", str(db), "--round", previous_name, "--format", "json"))
    assert before["minimum_group_size"] == 20
    earlier = {(f["part"], f["dimension"], f["area_code"]): f for f in before["figures"]}
    differences = 0
    for figure in now["figures"]:
        if figure["diff_previous"] is None:
            continue
        other = earlier[(figure["part"], figure["dimension"], figure["area_code"])]
        assert not other["suppressed"] and other["n"] >= 20, figure["area_code"]
        # What the difference gives away is the earlier round's own published mean, nothing more.
        assert abs(figure["mean"] - figure["diff_previous"] - other["mean"]) < 2e-4
        differences += 1
    assert differences > 5
    hidden_before = [key for key, f in earlier.items() if f["suppressed"]]
    assert hidden_before, "the earlier round hides some areas at minimum 20"
    for figure in now["figures"]:
        if (figure["part"], figure["dimension"], figure["area_code"]) in hidden_before:
            assert figure["diff_previous"] is None
