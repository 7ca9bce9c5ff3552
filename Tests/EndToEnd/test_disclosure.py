"""Disclosure control of the published profile, attacked independently (disclosure_attack.py: every
published figure as a linear constraint, scipy's HiGHS for the tightest bounds), with the three
reproductions of issue #14 as regression tests."""
import json
import os
import re
import sqlite3
import subprocess

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT
from disclosure_attack import RESPONDENTS, Publication, attack, published, true_groups, unprotected


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


PUBLICATIONS = {}


def publication_of(db, round_name):
    """Wijkweb's publication of a round (every breakdown), computed once per database in this module."""
    if (db, round_name) not in PUBLICATIONS:
        PUBLICATIONS[(db, round_name)] = published(BINARY, db, round_name, CLEAN_ENVIRONMENT)
    return PUBLICATIONS[(db, round_name)]


# The attacker's model of a publication of exact figures hidden table by table (Wijkweb's earlier rule).
EXACT = dict(count_slack=0, sum_slack=0, hidden_means_small=False)


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
    documents = publication_of(db, round_name)
    for part, dimension in subsystems:
        # Every hidden cell and every small group (1 to minimum - 1 respondents) of the part and dimension:
        # shared feasible solutions clear most at once, each other group gets linear programs of its own
        # (a few seconds in all). `wijkweb disclosure-check` attacks every part and dimension.
        disclosures, checked, _ = attack(db, documents, round_name, part, dimension)
        assert checked > 400, f"the demo has small groups to attack: {checked}"
        assert disclosures == [], disclosures


HIERARCHY_MINUS_BREAKDOWN = [("WK001411", None, None, 1), ("WK001411", "sex", "man", -1), ("GB001405", "sex", "vrouw", -1),
                             ("WK001412", "sex", "vrouw", 1), ("WK001413", "sex", "vrouw", 1), ("WK001414", "sex", "vrouw", 1)]


def test_issue_reproduction_hierarchy_minus_breakdown_finds_one_resident_in_exact_figures(folder):
    """The positive control of the reproduction below: the same expression on exact figures (the raw
    responses, hidden table by table) pins the one resident of Noordoost who is neither man nor vrouw,
    with the mean of every dimension."""
    db = demo(folder, 5000, 42)
    round_name = newest_round(db)
    documents = unprotected(db, round_name, 10)
    for dimension in ["lichaamsfuncties", "zingeving"]:
        publication = Publication(db, documents, "health", dimension, **EXACT)
        count_expression, sum_expression = {}, {}
        for area, breakdown, category, sign in HIERARCHY_MINUS_BREAKDOWN:
            publication.cell("n", area, breakdown, category, sign=sign, into=count_expression)
            publication.cell("s", area, breakdown, category, sign=sign, into=sum_expression)
        low, high = publication.bounds(count_expression)
        assert abs(low - 1) < 1e-6 and abs(high - 1) < 1e-6, f"{dimension}: [{low}, {high}]"
        truth = true_groups(db, round_name, "health", dimension)
        mean = truth[("WK001411", "sex", "anders")][1] / truth[("WK001411", "sex", "anders")][0]
        mean_low, mean_high = publication.mean_bounds(count_expression, sum_expression)
        assert mean - 0.5 < mean_low <= mean <= mean_high < mean + 0.5, (dimension, mean, mean_low, mean_high)


def test_issue_reproduction_hierarchy_minus_breakdown_gives_noise_not_one_resident(folder):
    """n = Noordoost - Noordoost man - (Oost vrouw - Noorddijk vrouw - Meerdorpen vrouw - Meerstad vrouw)
    was exactly 1."""
    db = demo(folder, 5000, 42)
    round_name = newest_round(db)
    documents = publication_of(db, round_name)
    terms = HIERARCHY_MINUS_BREAKDOWN

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


def hidden_small_cell(db, round_name, documents, part, dimension):
    """A hidden cell of Wijkweb's publication with 1 to minimum - 1 respondents (a breakdown category of a
    wijk), with its true count and sum."""
    publication = Publication(db, documents, part, dimension)
    truth = true_groups(db, round_name, part, dimension)
    for breakdown in ["sex", "age", "household"]:
        for figure in documents[breakdown]["figures"]:
            if (figure["part"], figure["dimension"]) != (part, dimension) or not figure["suppressed"] or figure["category"] is None:
                continue
            codes = publication.subtree(figure["area_code"])
            count = sum(truth[(code, breakdown, figure["category"])][0] for code in codes)
            total = sum(truth[(code, breakdown, figure["category"])][1] for code in codes)
            if 1 <= count < publication.minimum and figure["area_code"].startswith("WK"):
                return figure["area_code"], breakdown, figure["category"], count, total
    raise AssertionError("the demo has a hidden small cell")


@pytest.mark.parametrize("leak", ["hidden cell", "complement in the parent"])
def test_the_attack_finds_a_group_when_one_figure_too_many_is_published(folder, leak):
    """The attack is not vacuous: Wijkweb's publication plus one exact figure that should have been
    hidden (the hidden cell's own n and mean, or the exact n and mean of the rest of its parent, next to
    the parent's exact figure) gives the hidden group away, and the attack says so; without the leak it
    finds nothing for the same group."""
    db = demo(folder, 200, 42)
    round_name = newest_round(db)
    documents = publication_of(db, round_name)
    part, dimension = "health", "lichaamsfuncties"
    area, breakdown, category, count, total = hidden_small_cell(db, round_name, documents, part, dimension)
    truth = true_groups(db, round_name, part, dimension)

    def group(publication):
        return [(f"{area}/{breakdown}={category} (the leaked group)", publication.cell("n", area, breakdown, category),
                 publication.cell("s", area, breakdown, category), count, total)]

    def leaked(publication):
        cell_n, cell_s = publication.cell("n", area, breakdown, category), publication.cell("s", area, breakdown, category)
        if leak == "hidden cell":
            publication.figure(cell_n, cell_s, count, total / count, publication.minimum, count_slack=0, sum_slack=0)
            return
        parent_n, parent_s = publication.cell("n", area, None, None), publication.cell("s", area, None, None)
        parent_count = sum(truth[(code, None, None)][0] for code in publication.subtree(area))
        parent_total = sum(truth[(code, None, None)][1] for code in publication.subtree(area))
        publication.figure(parent_n, parent_s, parent_count, parent_total / parent_count, publication.minimum,
                           count_slack=0, sum_slack=0)
        rest_n = {key: parent_n.get(key, 0) - cell_n.get(key, 0) for key in set(parent_n) | set(cell_n)}
        rest_s = {key: parent_s.get(key, 0) - cell_s.get(key, 0) for key in set(parent_s) | set(cell_s)}
        publication.figure(rest_n, rest_s, parent_count - count, (parent_total - total) / (parent_count - count),
                           publication.minimum, count_slack=0, sum_slack=0)

    found, checked, _ = attack(db, documents, round_name, part, dimension, extra_targets=group, limit=1, leak=leaked)
    assert checked == 1
    assert len(found) == 1 and "the leaked group" in found[0] and f"n = {count} pinned" in found[0], found
    found, checked, _ = attack(db, documents, round_name, part, dimension, extra_targets=group, limit=1)
    assert checked == 1 and found == [], found


def test_issue_reproduction_lowered_minimum_gives_groups_away_in_exact_figures_not_in_wijkweb(folder):
    """`--min-group 5` used to publish groups of 5 to 9 next to the plain run. On exact figures (the raw
    responses, hidden table by table) the attack pins such groups down; Wijkweb's runs with --min-group 5
    (raised to the round's minimum) and 13 next to the plain run give the attack nothing on the same areas."""
    db = demo(folder, 5000, 42)
    round_name = newest_round(db)
    part, dimension = "health", "lichaamsfuncties"
    plain, lowered = unprotected(db, round_name, 10), unprotected(db, round_name, 5)
    found, checked, _ = attack(db, {None: plain[None], "household": plain["household"]}, round_name, part, dimension,
                               extra_documents=[(None, lowered[None]), ("household", lowered["household"])],
                               select=lambda name: "shown cell" in name, limit=6, **EXACT)
    assert checked == 6 and len(found) == 6, found
    assert all("pinned down" in finding for finding in found), found

    documents = publication_of(db, round_name)
    runs = []
    for minimum in ("5", "13"):
        document = json.loads(run("profile", "--db", str(db), "--round", round_name, "--by", "household",
                                  "--min-group", minimum, "--format", "json"))
        assert document["minimum_group_size"] == max(10, int(minimum))
        runs.append(("household", document))
    wijken = {"GB001402", "WK001402", "WK001403", "WK001404"}
    found, checked, _ = attack(db, {None: documents[None], "household": documents["household"]}, round_name, part, dimension,
                               extra_documents=runs, select=lambda name: name.split("/")[0] in wijken)
    assert checked >= 6, checked
    assert found == [], found


def test_issue_reproduction_previous_round_differences_give_hidden_areas_away_in_exact_figures_not_in_wijkweb(folder):
    """The earlier round (minimum 20) attacked together with this round's "t.o.v. vorige ronde": when the
    difference is taken against the earlier round's exact mean whatever its minimum (as before), the attack
    bounds the mean of areas hidden in the earlier round to within ±0.5; with Wijkweb's differences (the
    earlier round's own published mean, only where it is shown) it finds nothing."""
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
    part, dimension = "health", "zingeving"
    truth = true_groups(db, previous_name, part, dimension)

    def differences(publication, derived):
        """This round's difference minus its own mean: a mean of the earlier round's group, which is not
        empty (a difference is only shown where the earlier round has respondents)."""
        for area, mean, slack in derived:
            count = publication.cell("n", area, None, None)
            publication.rows.append((count, 1, float("inf")))
            publication._mean(publication.cell("s", area, None, None), count, mean, 1e-9 if slack == 0 else 1e-4, slack)

    # Before: the difference with the earlier round's exact mean, wherever this round shows the area.
    now = unprotected(db, round_name, 10)[None]
    exact = []
    for figure in now["figures"]:
        if (figure["part"], figure["dimension"]) != (part, dimension) or figure["suppressed"]:
            continue
        codes = Publication(db, {None: now}, part, dimension).subtree(figure["area_code"])
        count = sum(truth[(code, None, None)][0] for code in codes)
        if count:
            exact.append((figure["area_code"], sum(truth[(code, None, None)][1] for code in codes) / count, 0))
    before = unprotected(db, previous_name, 20)[None]
    found, checked, _ = attack(db, {None: before}, previous_name, part, dimension, select=lambda name: "hidden cell" in name,
                               leak=lambda publication: differences(publication, exact), **EXACT)
    assert checked > 3, checked
    assert any("bounded" in finding for finding in found), (checked, found)

    # Wijkweb: the differences of this round's publication.
    published_now = json.loads(run("profile", "--db", str(db), "--round", round_name, "--format", "json"))
    derived = [(f["area_code"], f["mean"] - f["diff_previous"], 10.0) for f in published_now["figures"]
               if (f["part"], f["dimension"]) == (part, dimension) and f["diff_previous"] is not None]
    assert derived
    earlier = json.loads(run("profile", "--db", str(db), "--round", previous_name, "--format", "json"))
    assert earlier["minimum_group_size"] == 20
    found, checked, _ = attack(db, {None: earlier}, previous_name, part, dimension, select=lambda name: "hidden cell" in name,
                               leak=lambda publication: differences(publication, derived))
    assert checked > 3, checked
    assert found == [], found


@pytest.mark.parametrize("responses,seed", [(200, 42), (120, 5)])
def test_the_coordinators_disclosure_check_finds_nothing_on_seeded_demo_rounds(folder, responses, seed):
    """`wijkweb disclosure-check` (GLPK, every part, dimension, breakdown and small group) on two seeded
    demo rounds: exit 0 and no disclosure (its unit tests show it finds exact figures)."""
    db = demo(folder, responses, seed)
    round_name = newest_round(db)
    result = subprocess.run([str(BINARY), "disclosure-check", "--db", str(db), "--round", round_name, "--language", "en"],
                            capture_output=True, text=True, env=CLEAN_ENVIRONMENT, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    match = re.search(r"(\d+) small groups attacked, 0 disclosed", result.stdout)
    assert match and int(match.group(1)) > 1000, result.stdout


@pytest.mark.parametrize("option", [["--area", "WK001411"], ["--level", "wijk"], ["--by", "age"], ["--weighted"],
                                    ["--min-group", "12"]])
def test_diagnostics_refuses_the_options_it_cannot_honour(folder, option):
    """--diagnostics (Cronbach's alpha of the whole round) used to ignore --area, --level, --by and --weighted
    silently; it refuses them plainly, naming the option."""
    db = demo(folder, 120, 5)
    result = subprocess.run([str(BINARY), "profile", "--db", str(db), "--diagnostics", *option],
                            capture_output=True, text=True, env=CLEAN_ENVIRONMENT, timeout=120)
    assert result.returncode != 0
    assert "--diagnostics" in result.stderr and option[0] in result.stderr, result.stderr
    assert "\x1b" not in result.stderr and "Traceback" not in result.stderr
    plain = subprocess.run([str(BINARY), "profile", "--db", str(db), "--diagnostics", "--format", "csv"],
                           capture_output=True, text=True, env=CLEAN_ENVIRONMENT, timeout=120)
    assert plain.returncode == 0 and plain.stdout.strip(), plain.stderr
