"""Weighted profiles: a population file per wijk, raking by sex and age band, checked against an
independent raking written here in Python from the raw database rows."""
import json
import random
import sqlite3
import subprocess

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO

DIMENSIONS = ["lichaamsfuncties", "mentaal_welbevinden", "zingeving", "kwaliteit_van_leven", "meedoen",
              "dagelijks_functioneren"]
AGE_BAND = {"15-24": 0, "25-44": 1, "45-64": 2, "65-74": 3, "75+": 3}
SEX = {"man": 0, "vrouw": 1}


def run(*arguments, check=True):
    result = subprocess.run([str(BINARY), *arguments], capture_output=True, text=True, env=CLEAN_ENVIRONMENT,
                            timeout=120)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def rake(categories, margins, iterations=100):
    """Iterative proportional fitting, written independently of the Swift code."""
    weights = [1.0] * len(categories[0])
    population = sum(margins[0])
    targets = [[m * population / sum(margin) for m in margin] for margin in margins]
    for _ in range(iterations):
        for variable, target in enumerate(targets):
            sums = [0.0] * len(target)
            for weight, category in zip(weights, categories[variable]):
                sums[category] += weight
            weights = [w * (target[c] / sums[c] if sums[c] else 0) for w, c in zip(weights, categories[variable])]
    return weights


@pytest.fixture
def weighted_db(db_path):
    run("demo", "--db", str(db_path), "--responses", "3000", "--seed", "5")
    rounds = run("round", "list", "--db", str(db_path)).stdout.splitlines()
    round_name = rounds[0].split("\t")[0]
    random.seed(7)
    wijken = [line.split(",")[1] for line in (REPO / "Areas" / "groningen.csv").read_text().splitlines()
              if line.startswith("wijk,")]
    # Older and more female than the demo's respondents, so weighting moves the means.
    population = {code: ([random.randint(1000, 2000), random.randint(2000, 4000)],
                         [random.randint(100, 400), random.randint(300, 800), random.randint(800, 1500),
                          random.randint(1500, 3000)]) for code in wijken}
    path = db_path.parent / "bevolking.csv"
    lines = ["WijkenEnBuurten,Mannen_6,Vrouwen_7,k_15Tot25Jaar_9,k_25Tot45Jaar_10,k_45Tot65Jaar_11,k_65JaarOfOuder_12"]
    lines += [f"{code},{sex[0]},{sex[1]},{','.join(map(str, age))}" for code, (sex, age) in population.items()]
    path.write_text("\n".join(lines) + "\n")
    loaded = run("round", "population", "--db", str(db_path), round_name, str(path))
    assert f"population of {len(wijken)} areas loaded" in loaded.stdout
    return db_path, round_name, population


def expected_means(db_path, round_name, population):
    """Weighted mean per wijk and for the gemeente, part health, from the raw rows."""
    db = sqlite3.connect(db_path)
    round_id = db.execute("SELECT id FROM rounds WHERE name = ?", (round_name,)).fetchone()[0]
    rows = db.execute(f"""SELECT r.key, r.area_code, r.packed_demographics, {', '.join('s.' + d for d in DIMENSIONS)}
                          FROM responses r JOIN part_scores s ON s.response_key = r.key AND s.part_id = 'health'
                          WHERE r.round_id = ? AND r.status = 'completed'""", (round_id,)).fetchall()
    parents = dict(db.execute("SELECT code, parent_code FROM areas").fetchall())
    def owner(area):
        """The area itself or the nearest area above it with a population (buurten belong to their wijk)."""
        while area is not None and area not in population:
            area = parents.get(area)
        return area
    by_wijk = {}
    for key, area, packed, *scores in rows:
        area = owner(area)
        answers = dict(pair.split("=", 1) for pair in (packed or "").split(";") if "=" in pair)
        by_wijk.setdefault(area, []).append((SEX.get(answers.get("sex")), AGE_BAND.get(answers.get("age")), scores))
    weighted = {}
    for wijk, members in by_wijk.items():
        if wijk not in population:
            continue
        known = [m for m in members if m[0] is not None and m[1] is not None]
        raked = rake([[m[0] for m in known], [m[1] for m in known]], [population[wijk][0], population[wijk][1]])
        mean_weight = sum(raked) / len(raked)
        weighted[wijk] = [(w, m[2]) for w, m in zip(raked, known)] + \
                         [(mean_weight, m[2]) for m in members if m[0] is None or m[1] is None]
    def mean(pairs, dimension):
        values = [(w, s[dimension]) for w, s in pairs if s[dimension] is not None]
        return sum(w * x for w, x in values) / sum(w for w, _ in values)
    def effective(pairs, dimension):
        values = [w for w, s in pairs if s[dimension] is not None]
        return sum(values) ** 2 / sum(w * w for w in values)
    # The gemeente is raked to its own margins: the sum of its wijken's (every wijk has a row), over everyone
    # in it, not the sum of the wijken's weights.
    members = [item for items in by_wijk.values() for item in items]
    known = [m for m in members if m[0] is not None and m[1] is not None]
    total_sex = [sum(population[w][0][i] for w in population) for i in range(2)]
    total_age = [sum(population[w][1][i] for w in population) for i in range(4)]
    raked = rake([[m[0] for m in known], [m[1] for m in known]], [total_sex, total_age])
    mean_weight = sum(raked) / len(raked)
    everyone = [(w, m[2]) for w, m in zip(raked, known)] + [(mean_weight, m[2]) for m in members if m[0] is None or m[1] is None]
    def heaviest(pairs, dimension):
        """The largest share of the total weight one respondent has: the most one can move the mean by, per point."""
        values = [w for w, s in pairs if s[dimension] is not None]
        return max(values) / sum(values)
    return ({wijk: (mean(pairs, 0), effective(pairs, 0), heaviest(pairs, 0)) for wijk, pairs in weighted.items()},
            (mean(everyone, 0), effective(everyone, 0), heaviest(everyone, 0)))


def health_figures(output, dimension="lichaamsfuncties"):
    return {f["area_code"]: f for f in json.loads(output)["figures"]
            if f["part"] == "health" and f["dimension"] == dimension and f["category"] is None}


def test_weighted_profile_matches_an_independent_raking(weighted_db):
    db_path, round_name, population = weighted_db
    per_wijk, gemeente = expected_means(db_path, round_name, population)
    output = run("profile", "--db", str(db_path), "--round", round_name, "--weighted", "--format", "json").stdout
    assert json.loads(output)["weighted"] is True
    figures = health_figures(output)
    checked = 0
    for wijk, (mean, n_effective, heaviest) in per_wijk.items():
        figure = figures[wijk]
        if figure["suppressed"]:
            assert figure["mean"] is None
            continue
        assert figure["weighted"] is True
        # Published figures carry the cell-key perturbation (Docs/disclosure.md): the weighted mean is off by
        # at most 10 times the heaviest respondent's share of the weight (10/n unweighted) and the effective n
        # is scaled by n'/n, with n' within 2 of n.
        assert abs(figure["mean"] - mean) < 10 * heaviest + 1e-4, wijk
        assert abs(figure["n_effective"] - n_effective) < 2 * n_effective / (figure["n"] - 2) + 0.051, wijk
        assert figure["n_effective"] < figure["n"]
        checked += 1
    assert checked >= 10
    total = figures["GM0014"]
    assert abs(total["mean"] - gemeente[0]) < 10 * gemeente[2] + 1e-4
    assert abs(total["n_effective"] - gemeente[1]) < 2 * gemeente[1] / (total["n"] - 2) + 0.051
    # Buurten have no population rows of their own, so they have no weighted figures.
    assert all(f["mean"] is None for code, f in figures.items() if code.startswith("BU"))

    unweighted = run("profile", "--db", str(db_path), "--round", round_name, "--format", "json").stdout
    assert json.loads(unweighted)["weighted"] is False
    plain = health_figures(unweighted)["GM0014"]
    assert plain["n_effective"] == plain["n"]
    # The population is older and more female than the respondents: weighting changes the mean.
    assert abs(plain["mean"] - gemeente[0]) > 0.01


def test_every_output_says_whether_it_is_weighted(weighted_db):
    db_path, round_name, _ = weighted_db
    table = run("profile", "--db", str(db_path), "--round", round_name, "--weighted", "--area", "GM0014").stdout
    assert "gewogen naar de bevolking" in table and "effectieve n na weging (Kish)" in table
    assert "ongewogen" in run("profile", "--db", str(db_path), "--round", round_name, "--area", "GM0014").stdout
    csv = run("profile", "--db", str(db_path), "--round", round_name, "--weighted", "--format", "csv").stdout
    header, first = csv.splitlines()[:2]
    assert first.split(",")[header.split(",").index("weighted")] == "1"


def test_a_round_without_population_or_with_a_bad_file_is_refused_plainly(weighted_db, tmp_path):
    db_path, round_name, _ = weighted_db
    other = [line.split("\t")[0] for line in run("round", "list", "--db", str(db_path)).stdout.splitlines()][1]
    refused = run("profile", "--db", str(db_path), "--round", other, "--weighted", check=False)
    assert refused.returncode != 0 and "has no population file" in refused.stderr and "Traceback" not in refused.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text("code,Mannen,Vrouwen,k_15Tot25Jaar,k_25Tot45Jaar,k_45Tot65Jaar,k_65JaarOfOuder\nWK001400,10,veel,1,2,3,4\n")
    refused = run("round", "population", "--db", str(db_path), round_name, str(bad), check=False)
    assert refused.returncode != 0 and "bad.csv:2" in refused.stderr and "veel" in refused.stderr
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("code,Mannen,Vrouwen,k_15Tot25Jaar,k_25Tot45Jaar,k_45Tot65Jaar,k_65JaarOfOuder\nWK999999,10,10,1,2,3,4\n")
    refused = run("round", "population", "--db", str(db_path), round_name, str(unknown), check=False)
    assert refused.returncode != 0 and "WK999999" in refused.stderr
