"""Who was reached: `wijkweb reach` against an independent computation from the database and the
population file, the numbers approached read with line-numbered errors, and the report's footer line."""
import csv
import io
import random
import sqlite3
import subprocess

import pytest

from conftest import demo_database, run_checked as run, REPO

SEX = {"man": 0, "vrouw": 1}
AGE = {"15-24": 0, "25-44": 1, "45-64": 2, "65-74": 3, "75+": 3}
GROUPS = ["men", "women", "15-24", "25-44", "45-64", "65+"]


@pytest.fixture(scope="module")
def reached(tmp_path_factory):
    db = demo_database(tmp_path_factory, "reach", "--responses", "2500", "--seed", "11", "--no-previous")
    folder = db.parent
    round_name = run("round", "list", "--db", str(db)).stdout.splitlines()[0].split("\t")[0]
    random.seed(3)
    wijken = [line.split(",")[1] for line in (REPO / "Areas" / "groningen.csv").read_text().splitlines() if line.startswith("wijk,")]
    # Far older than the demo's respondents: the young are under-represented.
    population = {code: ([random.randint(1000, 2000), random.randint(1000, 2000)],
                         [random.randint(1000, 1500), random.randint(300, 600), random.randint(300, 600), random.randint(300, 600)])
                  for code in wijken}
    path = folder / "bevolking.csv"
    lines = ["code,Mannen,Vrouwen,k_15Tot25Jaar,k_25Tot45Jaar,k_45Tot65Jaar,k_65JaarOfOuder"]
    lines += [f"{code},{sex[0]},{sex[1]},{','.join(map(str, age))}" for code, (sex, age) in population.items()]
    path.write_text("\n".join(lines) + "\n")
    run("round", "population", "--db", str(db), round_name, str(path))
    return db, round_name, population, folder


def true_counts(db, wijk):
    """Respondents with a health score, by sex and age band, in the wijk and its buurten (independently)."""
    connection = sqlite3.connect(db)
    parents = dict(connection.execute("SELECT code, parent_code FROM areas"))
    sex, age = [0, 0], [0, 0, 0, 0]
    for area, packed in connection.execute(
            "SELECT s.area_code, r.packed_demographics FROM part_scores s JOIN responses r ON r.key = s.response_key "
            "WHERE s.part_id = 'health' AND r.sealed IS NULL"):
        while area is not None and area != wijk:
            area = parents.get(area)
        if area != wijk:
            continue
        answers = dict(pair.split("=", 1) for pair in (packed or "").split(";") if "=" in pair)
        if answers.get("sex") in SEX:
            sex[SEX[answers["sex"]]] += 1
        if answers.get("age") in AGE:
            age[AGE[answers["age"]]] += 1
    return sex, age


def test_reach_matches_an_independent_computation(reached):
    db, round_name, population, _ = reached
    out = run("reach", "--db", str(db), "--round", round_name, "--format", "csv", "--level", "wijk").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    by_area = {}
    for row in rows:
        by_area.setdefault(row["area_code"], {})[row["group"]] = row
    assert set(by_area) == set(population)
    checked = flagged = 0
    for wijk, (pop_sex, pop_age) in population.items():
        sex, age = true_counts(db, wijk)
        for index, group in enumerate(GROUPS):
            row = by_area[wijk][group]
            pop = (pop_sex + pop_age)[index]
            pop_total = sum(pop_sex) if index < 2 else sum(pop_age)
            assert int(row["group_population"]) == pop
            assert abs(float(row["population_share"]) - pop / pop_total) < 1e-3
            truth = (sex + age)[index]
            counts = sex if index < 2 else age
            if row["group_respondents"]:
                # The published count is the true one perturbed by at most 2 (the cell-key method).
                assert abs(int(row["group_respondents"]) - truth) <= 2 * (2 if group == "65+" else 1), (wijk, group, row, truth)
            if row["respondent_share"]:
                share = truth / sum(counts)
                published = float(row["respondent_share"])
                assert abs(published - share) <= 0.1, (wijk, group, published, share)
                ratio = share / (pop / pop_total)
                # Away from the threshold the verdict is the same as the exact computation's.
                if abs(ratio * 1.5 - 1) > 0.25:
                    assert row["under_represented"] == ("1" if ratio * 1.5 < 1 else "0"), (wijk, group, ratio, row)
                    checked += 1
            flagged += row["under_represented"] == "1"
    assert checked > 20
    assert flagged > 0 and all(by_area[w]["15-24"]["under_represented"] == "1" for w in population
                               if by_area[w]["15-24"]["respondent_share"]), "the young are under-represented in every wijk"


def test_factor_and_approached_give_response_rates_and_fewer_groups(reached):
    db, round_name, population, folder = reached
    wijk = sorted(population)[0]
    approached = folder / "benaderd.csv"
    approached.write_text(f"code,approached\n{wijk},1000\n")
    out = run("reach", "--db", str(db), "--round", round_name, "--format", "csv", "--approached", str(approached),
              "--factor", "100").stdout
    rows = [row for row in csv.DictReader(io.StringIO(out))]
    assert all(row["under_represented"] == "0" for row in rows), "nothing is 100 times under-represented"
    mine = [row for row in rows if row["area_code"] == wijk]
    assert mine and abs(float(mine[0]["response_rate"]) - int(mine[0]["respondents"]) / 1000) < 1e-3
    assert all(row["response_rate"] == "" for row in rows if row["area_code"] != wijk)
    table = run("reach", "--db", str(db), "--round", round_name, "--approached", str(approached), "--level", "wijk").stdout
    assert "respons" in table and "ondervertegenwoordigd" in table


def test_a_bad_approached_file_is_refused_by_line(reached):
    db, round_name, _, folder = reached
    bad = folder / "fout.csv"
    bad.write_text("code,approached\nWK001400,veel\nWK999999,10\n\x1b[2JWK001401,5\n")
    result = run("reach", "--db", str(db), "--round", round_name, "--approached", str(bad), check=False)
    assert result.returncode != 0
    assert ":2:" in result.stderr and "veel" in result.stderr
    assert ":3:" in result.stderr and "WK999999" in result.stderr
    assert ":4:" in result.stderr and "\x1b" not in result.stderr
    assert run("reach", "--db", str(db), "--factor", "0.5", check=False).returncode != 0


def test_the_report_footer_says_who_was_reached(reached, tmp_path):
    db, round_name, population, _ = reached
    wijk = sorted(population)[0]
    pdf = tmp_path / "rapport.pdf"
    run("report", "--db", str(db), "--round", round_name, "--area", wijk, "--format", "pdf", "--out", str(pdf))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Bereik:" in flat and "inwoners van 15 jaar en ouder" in flat
    assert "ondervertegenwoordigd: 15-24" in flat
    subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
