"""Dorpen beside stadswijken: `profile --by-kind` on a demo round over the shipped Groningen list, checked
against the kinds of the area file and the scores in the database, computed here independently. (The
disclosure audit over the kind breakdown runs in WijkwebProfilesTests/AreaKindProfileTests.)"""
import csv
import io
import sqlite3

import pytest

from conftest import demo_database, run_checked as run, REPO


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return demo_database(tmp_path_factory, "kinds", "--responses", "1500", "--seed", "5")


def kinds_from_area_file():
    """Each area's own kind, then the nearest ancestor's for those without one (a kern is not a kind to compare by)."""
    rows = list(csv.DictReader(open(REPO / "Areas" / "groningen.csv", encoding="utf-8")))
    parent = {row["code"]: row["parent_code"] for row in rows}
    own = {row["code"]: row["kind"] for row in rows if row["kind"] and row["kind"] != "kern"}
    result = {}
    for code in parent:
        current = code
        while current and current not in own:
            current = parent.get(current)
        if current:
            result[code] = own[current]
    return result


def test_profile_by_kind_gives_the_gemeentes_dorpen_and_stadswijken_within_the_protection(db):
    out = run("profile", "--db", str(db), "--by-kind", "--format", "csv", "--level", "gemeente").stdout
    rows = [row for row in csv.DictReader(io.StringIO(out))]
    assert rows and all(row["breakdown"] == "area_kind" for row in rows)
    published = {row["category"]: row for row in rows
                 if row["part"] == "health" and row["dimension"] == "zingeving" and row["area_code"] == "GM0014"}
    assert {"dorp", "stadswijk"} <= set(published)

    kinds = kinds_from_area_file()
    connection = sqlite3.connect(db)
    scores = {"dorp": [], "stadswijk": []}
    round_id = connection.execute("SELECT id FROM rounds ORDER BY starts_on DESC, id DESC LIMIT 1").fetchone()[0]
    for area, score in connection.execute(
            "SELECT s.area_code, s.zingeving FROM part_scores s JOIN responses r ON r.key = s.response_key "
            "WHERE s.round_id = ? AND s.part_id = 'health' AND s.zingeving IS NOT NULL AND r.sealed IS NULL", (round_id,)):
        kind = kinds.get(area)
        if kind in scores:
            scores[kind].append(score)
    for kind, values in scores.items():
        row = published[kind]
        assert len(values) >= 10
        assert row["suppressed"] == "0"
        n = int(row["n"])
        assert abs(n - len(values)) <= 2, (kind, n, len(values))
        mean = sum(values) / len(values)
        assert abs(float(row["mean"]) - mean) <= 10 / n + 0.01, (kind, row["mean"], mean)
    assert published["dorp"]["mean"] != published["stadswijk"]["mean"]


def test_by_kind_and_by_are_one_breakdown_and_the_table_names_the_kinds(db):
    refused = run("profile", "--db", str(db), "--by-kind", "--by", "age", check=False)
    assert refused.returncode != 0
    assert "--by-kind and --by" in refused.stderr
    table = run("profile", "--db", str(db), "--by-kind", "--level", "gemeente").stdout
    assert "dorp" in table and "stadswijk" in table

