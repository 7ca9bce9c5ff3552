"""An independent attack on a round's published profile, written without Wijkweb's code: every figure that
`wijkweb profile --format json` publishes for a round (all levels, no breakdown and each breakdown, both
parts, the comparisons with the rest of the parent and of the gemeente) becomes a linear constraint on the
unknown counts and score sums of the residents, and linear programming (scipy's HiGHS) finds the tightest
bounds an attacker can prove on any group.

The model of what a published figure says, from Docs/disclosure.md (the published method parameters):
- a shown figure: the true n is at least the minimum and within 2 of the published n; the true sum of
  scores is within 10 of published mean x true n (mean rounded to 4 decimals in the JSON);
- a hidden figure: the true n is at most minimum + 1 (hidden exactly below the minimum, or perturbed
  below it);
- a comparison with the rest of the parent or the gemeente: the rest (parent or gemeente minus the area)
  has at least the minimum and its sum is within 10 of (mean - difference) x its true n.
The numbers of respondents (the `respondents` column: everyone with at least one score in the part) are
attacked as their own subsystem, dimension RESPONDENTS: counts only, shown or hidden like any figure.
The unknowns are, per area where a response can be recorded and per breakdown category (and "no answer"),
the count and the score sum, with every breakdown adding up to the same area total and 0 <= sum <= 10 n.
"""

import json
import sqlite3
import subprocess
from collections import defaultdict

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix, vstack

BREAKDOWNS = ["age", "sex", "household"]
NONE = "_none"
ROUNDING = 5e-5  # the JSON's four decimals
RESPONDENTS = "respondents"
DIMENSIONS = ["lichaamsfuncties", "mentaal_welbevinden", "zingeving", "kwaliteit_van_leven", "meedoen",
              "dagelijks_functioneren"]


def cells(document, part, dimension):
    """The published cells of a part and dimension; for RESPONDENTS, the number of respondents of each area
    and category (repeated on every dimension's row: taken from the first dimension's) as count-only cells."""
    for figure in document["figures"]:
        if figure["part"] != part:
            continue
        if dimension != RESPONDENTS:
            if figure["dimension"] == dimension:
                yield figure
        elif figure["dimension"] == DIMENSIONS[0]:
            yield {"area_code": figure["area_code"], "category": figure["category"], "part": part, "dimension": RESPONDENTS,
                   "suppressed": figure["respondents"] is None, "n": figure["respondents"], "mean": None}


def published(binary, db, round_name, environment):
    """Every published figure of the round: {breakdown or None: [figure, ...]}."""
    result = {}
    for breakdown in [None] + BREAKDOWNS:
        arguments = [str(binary), "profile", "--db", str(db), "--round", round_name, "--format", "json"]
        if breakdown:
            arguments += ["--by", breakdown]
        out = subprocess.run(arguments, capture_output=True, text=True, env=environment, timeout=300, check=True).stdout
        document = json.loads(out)
        result[breakdown] = document
    return result


class Publication:
    """The linear program of one part and dimension of a round."""

    def __init__(self, db, documents, part, dimension):
        self.part = part
        self.dimension = dimension
        self.minimum = documents[None]["minimum_group_size"]
        connection = sqlite3.connect(db)
        self.parents = dict(connection.execute("SELECT code, parent_code FROM areas").fetchall())
        connection.close()
        self.children = defaultdict(list)
        for code, parent in self.parents.items():
            if parent:
                self.children[parent].append(code)
        self.categories = {}
        for breakdown in BREAKDOWNS:
            seen = {f["category"] for f in documents[breakdown]["figures"] if f["category"] is not None}
            self.categories[breakdown] = sorted(seen) + [NONE]
        # Variables: per area, its total count and sum, then per breakdown and category a count and a sum.
        self.index = {}
        for area in sorted(self.parents):
            self._variable(("n", area, None, None))
            self._variable(("s", area, None, None))
            for breakdown in BREAKDOWNS:
                for category in self.categories[breakdown]:
                    self._variable(("n", area, breakdown, category))
                    self._variable(("s", area, breakdown, category))
        self.rows = []  # (coefficients {variable: c}, low, high)
        for area in self.parents:
            self.rows.append(({self.index[("s", area, None, None)]: 1, self.index[("n", area, None, None)]: -10}, -np.inf, 0))
            for breakdown in BREAKDOWNS:
                for kind in "ns":
                    row = {self.index[(kind, area, None, None)]: -1}
                    for category in self.categories[breakdown]:
                        row[self.index[(kind, area, breakdown, category)]] = 1
                    self.rows.append((row, 0, 0))
                for category in self.categories[breakdown]:
                    self.rows.append(({self.index[("s", area, breakdown, category)]: 1,
                                       self.index[("n", area, breakdown, category)]: -10}, -np.inf, 0))
        for breakdown, document in documents.items():
            for figure in cells(document, part, dimension):
                if breakdown is not None and figure["category"] is None:
                    continue  # the same figures as without a breakdown
                self._figure(figure, breakdown)

    def _variable(self, key):
        self.index[key] = len(self.index)

    def subtree(self, area):
        result, stack = [], [area]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(self.children[current])
        return result

    def cell(self, kind, area, breakdown, category, sign=1, into=None):
        """The linear expression of a group's count ("n") or sum ("s"): everyone recorded in the area or
        below it, in the category."""
        into = {} if into is None else into
        for code in self.subtree(area):
            key = self.index[(kind, code, breakdown, category)] if breakdown else self.index[(kind, code, None, None)]
            into[key] = into.get(key, 0) + sign
        return into

    def _figure(self, figure, breakdown):
        area, category, minimum = figure["area_code"], figure["category"], self.minimum
        count = self.cell("n", area, breakdown, category)
        if figure["suppressed"] or figure["n"] is None:
            self.rows.append((count, 0, minimum + 1))
            return
        published_n, mean = figure["n"], figure["mean"]
        self.rows.append((count, max(minimum, published_n - 2), published_n + 2))
        if mean is None:
            return  # a number of respondents: a count only
        self._mean(self.cell("s", area, breakdown, category), count, mean, ROUNDING)
        for column, other in (("diff_parent", self.parents.get(area)), ("diff_rest", self._root(area))):
            if figure[column] is None or other is None:
                continue
            rest_count = self.cell("n", other, breakdown, category, into=None)
            self.cell("n", area, breakdown, category, sign=-1, into=rest_count)
            rest_sum = self.cell("s", other, breakdown, category)
            self.cell("s", area, breakdown, category, sign=-1, into=rest_sum)
            self.rows.append((rest_count, minimum, np.inf))
            self._mean(rest_sum, rest_count, mean - figure[column], 2 * ROUNDING)

    def _root(self, area):
        root = area
        while self.parents.get(root):
            root = self.parents[root]
        return None if root == area else root

    def _mean(self, total, count, mean, tolerance):
        """|sum - mean x n| <= 10 (+ rounding of the mean x n)."""
        for low_mean, sign in ((mean - tolerance, 1), (mean + tolerance, -1)):
            row = dict(total)
            for key, value in count.items():
                row[key] = row.get(key, 0) - low_mean * value
            # sum - (mean - tol) n >= -10  and  sum - (mean + tol) n <= 10
            self.rows.append((row, -10, np.inf) if sign == 1 else (row, -np.inf, 10))

    def _program(self):
        """The constraints as A x <= b (built once)."""
        if getattr(self, "_built", None) is None:
            rows, cols, data, lows, highs = [], [], [], [], []
            for number, (row, low, high) in enumerate(self.rows):
                for key, value in row.items():
                    rows.append(number)
                    cols.append(key)
                    data.append(value)
                lows.append(low)
                highs.append(high)
            matrix = coo_matrix((data, (rows, cols)), shape=(len(self.rows), len(self.index))).tocsr()
            lows, highs = np.array(lows, dtype=float), np.array(highs, dtype=float)
            self._built = (vstack([matrix[np.isfinite(highs)], -matrix[np.isfinite(lows)]]).tocsr(),
                           np.concatenate([highs[np.isfinite(highs)], -lows[np.isfinite(lows)]]))
        return self._built

    def bound(self, expression, maximum):
        """The largest (or smallest) value of a linear expression over everything the figures allow."""
        a_ub, b_ub = self._program()
        objective = np.zeros(len(self.index))
        for key, value in expression.items():
            objective[key] = -value if maximum else value
        result = linprog(objective, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
        assert result.status == 0, f"the published figures admit no solution ({result.message}): the model is wrong"
        return -result.fun if maximum else result.fun

    def bounds(self, expression):
        """The smallest and largest value of a linear expression over everything the figures allow."""
        a_ub, b_ub = self._program()
        objective = np.zeros(len(self.index))
        for key, value in expression.items():
            objective[key] = value
        found = []
        for sign in (1, -1):
            result = linprog(sign * objective, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
            assert result.status == 0, f"the published figures admit no solution ({result.message}): the model is wrong"
            found.append(sign * result.fun)
        return found[0], found[1]


def true_groups(db, round_name, part, dimension):
    """The real count and sum of every (area recorded, breakdown, category) group, from the database."""
    connection = sqlite3.connect(db)
    if dimension == RESPONDENTS:
        score, answered = "0.0", "(" + " OR ".join(f"s.{name} IS NOT NULL" for name in DIMENSIONS) + ")"
    else:
        score, answered = f"s.{dimension}", f"s.{dimension} IS NOT NULL"
    rows = connection.execute(f"""
        SELECT s.area_code, r.packed_demographics, {score} FROM part_scores s JOIN responses r ON r.key = s.response_key
        WHERE s.round_id = (SELECT id FROM rounds WHERE name = ?) AND s.part_id = ? AND {answered}""",
                              (round_name, part)).fetchall()
    connection.close()
    groups = defaultdict(lambda: [0, 0.0])
    for area, packed, score in rows:
        answers = dict(pair.split("=", 1) for pair in (packed or "").split(";") if "=" in pair)
        groups[(area, None, None)][0] += 1
        groups[(area, None, None)][1] += score
        for breakdown in BREAKDOWNS:
            key = (area, breakdown, answers.get(breakdown) or NONE)
            groups[key][0] += 1
            groups[key][1] += score
    return groups


def assert_truth_is_feasible(publication, truth):
    """The model's check: the residents' true counts and sums satisfy every constraint the published
    figures give (else the program would bound the wrong thing)."""
    x = np.zeros(len(publication.index))
    for (area, breakdown, category), (count, total) in truth.items():
        if breakdown is not None and category not in publication.categories[breakdown]:
            category = NONE
        for kind, value in (("n", count), ("s", total)):
            key = (kind, area, breakdown, category)
            assert key in publication.index, f"{key}: a group of the database the model does not know"
            x[publication.index[key]] += value
    a_ub, b_ub = publication._program()
    slack = b_ub - a_ub @ x
    worst = int(np.argmin(slack))
    assert slack[worst] >= -1e-6, f"the true counts and sums break constraint {worst} by {-slack[worst]}: the model is wrong"


def certify_not_pinned(publication, targets, rounds=6):
    """The targets that one shared feasible solution already shows to be not pinned down: minimising the
    sum of the remaining targets' counts over everything the figures allow gives a point where many of them
    are 0 (below 1 and at least 1 under the true count), which bounds each one's minimum as well as its own
    linear program would. Returns the targets left for a program of their own."""
    a_ub, b_ub = publication._program()
    remaining = list(targets)
    for _ in range(rounds):
        if not remaining:
            break
        objective = np.zeros(len(publication.index))
        for _, count_expression, _, _, _ in remaining:
            for key, value in count_expression.items():
                objective[key] += value
        result = linprog(objective, A_ub=a_ub, b_ub=b_ub, bounds=(0, None), method="highs")
        assert result.status == 0, f"the published figures admit no solution ({result.message}): the model is wrong"
        left = []
        for target in remaining:
            _, count_expression, _, count, _ = target
            value = sum(result.x[key] * coefficient for key, coefficient in count_expression.items())
            if not (value < 1 - 1e-6 and count - value >= 1 - 1e-6):
                left.append(target)
        if len(left) == len(remaining):
            break
        remaining = left
    return remaining


def attack(db, documents, round_name, part, dimension, extra_targets=(), limit=None):
    """Bounds on every small group (1 to minimum - 1 respondents): every hidden published cell and each
    recorded-area x category group; `extra_targets` adds named expressions. With `limit`, the hidden cells
    and then the smallest groups first, up to `limit`. Groups that shared feasible solutions already show
    to be not pinned down (`certify_not_pinned`) need no program of their own; every other group gets its
    own bounds. Returns the list of disclosures found, the number of groups checked and the program."""
    publication = Publication(db, documents, part, dimension)
    truth = true_groups(db, round_name, part, dimension)
    assert_truth_is_feasible(publication, truth)
    minimum = publication.minimum
    atoms = []
    for (area, breakdown, category), (count, total) in sorted(truth.items(), key=lambda item: (item[1][0], str(item[0]))):
        if breakdown is None or not 1 <= count < minimum:
            continue
        if category not in publication.categories[breakdown]:
            category = NONE
        key = ("n", area, breakdown, category)
        atoms.append((f"{area}/{breakdown}={category}", {publication.index[key]: 1},
                      {publication.index[("s", area, breakdown, category)]: 1}, count, total))
    targets = []
    for breakdown, document in documents.items():
        for figure in cells(document, part, dimension):
            if not figure["suppressed"]:
                continue
            if breakdown is not None and figure["category"] is None:
                continue
            area, category = figure["area_code"], figure["category"]
            codes = publication.subtree(area)
            count = sum(truth[(code, breakdown, category) if breakdown else (code, None, None)][0] for code in codes)
            total = sum(truth[(code, breakdown, category) if breakdown else (code, None, None)][1] for code in codes)
            if 1 <= count < minimum:
                targets.append((f"{area}/{breakdown}={category} (hidden cell)",
                                publication.cell("n", area, breakdown, category),
                                publication.cell("s", area, breakdown, category), count, total))
    targets.sort(key=lambda target: target[3])
    targets = list(extra_targets) + targets + atoms
    if limit is not None:
        targets = targets[:limit]
    disclosures = []
    for name, count_expression, sum_expression, count, total in certify_not_pinned(publication, targets):
        low = publication.bound(count_expression, maximum=False)
        assert low <= count + 1e-6, f"{name}: the true count {count} is below the bound {low}: the model is wrong"
        if low < 1 - 1e-6 and count - low >= 1 - 1e-6:
            continue  # not pinned (its true size is at least 1 above the bound), and it may be empty: no mean
        high = publication.bound(count_expression, maximum=True)
        assert low - 1e-6 <= count <= high + 1e-6, f"{name}: the true count {count} is outside [{low}, {high}]: the model is wrong"
        if high - low < 1 - 1e-6:
            disclosures.append(f"{name}: n = {count} pinned down to [{low:.2f}, {high:.2f}]")
            continue
        if sum_expression is not None and dimension != RESPONDENTS and low >= 1 - 1e-6:
            sum_low, sum_high = publication.bounds(sum_expression)
            if sum_high / low - sum_low / high < 1:
                disclosures.append(f"{name}: mean {total / count:.2f} bounded to within 0.5")
    return disclosures, len(targets), publication
