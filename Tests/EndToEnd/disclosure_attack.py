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
from scipy.sparse import coo_matrix, csr_matrix, hstack, vstack

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

    def __init__(self, db, documents, part, dimension, count_slack=2, sum_slack=10.0, hidden_means_small=True,
                 extra_documents=()):
        """`count_slack` and `sum_slack`: the largest change of a published count and sum (the published
        parameters of the cell-key method; 0 and 0 for a publication of exact figures). `hidden_means_small`:
        a hidden figure says its group is below the minimum (up to the slack); not so where cells are also
        hidden to protect others (secondary suppression). `extra_documents`: (breakdown, document) of more
        runs an attacker also has (another --min-group, say), each with its own minimum."""
        self.part = part
        self.dimension = dimension
        self.minimum = documents[None]["minimum_group_size"]
        self.count_slack, self.sum_slack, self.hidden_means_small = count_slack, sum_slack, hidden_means_small
        connection = sqlite3.connect(db)
        self.parents = dict(connection.execute("SELECT code, parent_code FROM areas").fetchall())
        connection.close()
        self.children = defaultdict(list)
        for code, parent in self.parents.items():
            if parent:
                self.children[parent].append(code)
        self.categories = {}
        for breakdown in BREAKDOWNS:
            seen = {f["category"] for document in [documents.get(breakdown)] + [d for b, d in extra_documents if b == breakdown]
                    if document for f in document["figures"] if f["category"] is not None}
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
        for breakdown, document in list(documents.items()) + list(extra_documents):
            for figure in cells(document, part, dimension):
                if breakdown is not None and figure["category"] is None:
                    continue  # the same figures as without a breakdown
                self._figure(figure, breakdown, document["minimum_group_size"])

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

    def _figure(self, figure, breakdown, minimum):
        area, category = figure["area_code"], figure["category"]
        count = self.cell("n", area, breakdown, category)
        if figure["suppressed"] or figure["n"] is None:
            if self.hidden_means_small:
                # Hidden exactly below the minimum, or perturbed below it.
                self.rows.append((count, 0, minimum - 1 + self.count_slack))
            return
        self.figure(count, self.cell("s", area, breakdown, category), figure["n"], figure["mean"], minimum)
        if figure["mean"] is None:
            return  # a number of respondents: a count only
        for column, other in (("diff_parent", self.parents.get(area)), ("diff_rest", self._root(area))):
            if figure[column] is None or other is None:
                continue
            rest_count = self.cell("n", other, breakdown, category, into=None)
            self.cell("n", area, breakdown, category, sign=-1, into=rest_count)
            rest_sum = self.cell("s", other, breakdown, category)
            self.cell("s", area, breakdown, category, sign=-1, into=rest_sum)
            self.rows.append((rest_count, minimum, np.inf))
            self._mean(rest_sum, rest_count, figure["mean"] - figure[column], 2 * ROUNDING)

    def _root(self, area):
        root = area
        while self.parents.get(root):
            root = self.parents[root]
        return None if root == area else root

    def figure(self, count, total, published_n, mean, minimum, count_slack=None, sum_slack=None, rounding=ROUNDING):
        """A shown figure of the group whose count and sum are the expressions `count` and `total`: its n
        within the count slack of the published n (and at least the minimum where it could be below it only
        by perturbation), its sum within the sum slack of mean x n. A mean None: a count only. The slacks
        default to the publication's."""
        count_slack = self.count_slack if count_slack is None else count_slack
        low = max(minimum, published_n - count_slack) if published_n >= minimum else max(0, published_n - count_slack)
        self.rows.append((count, low, published_n + count_slack))
        if mean is not None:
            self._mean(total, count, mean, rounding, sum_slack)

    def _mean(self, total, count, mean, tolerance, slack=None):
        """|sum - mean x n| <= the sum slack (+ rounding of the mean x n)."""
        slack = self.sum_slack if slack is None else slack
        for low_mean, sign in ((mean - tolerance, 1), (mean + tolerance, -1)):
            row = dict(total)
            for key, value in count.items():
                row[key] = row.get(key, 0) - low_mean * value
            # sum - (mean - tol) n >= -slack  and  sum - (mean + tol) n <= slack
            self.rows.append((row, -slack, np.inf) if sign == 1 else (row, -np.inf, slack))

    def _program(self):
        """The constraints as A x <= b (built once)."""
        if getattr(self, "_built_rows", None) != len(self.rows):  # built again when rows were added
            self._built_rows = len(self.rows)
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


    def mean_bounds(self, count_expression, sum_expression):
        """The smallest and largest mean (sum / n) of a group over everything the figures allow with at least
        one member: a linear-fractional program, solved exactly as a linear one by the Charnes-Cooper
        transformation (y = x / n, t = 1 / n: max sum(y) subject to A y <= b t, n(y) = 1, n(y) >= t)."""
        a_ub, b_ub = self._program()
        size = len(self.index)
        count = np.zeros(size)
        for key, value in count_expression.items():
            count[key] = value
        objective = np.zeros(size + 1)
        for key, value in sum_expression.items():
            objective[key] = value
        a = vstack([hstack([a_ub, csr_matrix(-b_ub.reshape(-1, 1))]),
                    csr_matrix(np.append(-count, 1.0).reshape(1, -1))]).tocsr()
        b = np.zeros(a.shape[0])
        a_eq, b_eq = csr_matrix(np.append(count, 0.0).reshape(1, -1)), np.array([1.0])
        found = []
        for sign in (1, -1):
            result = linprog(sign * objective, A_ub=a, b_ub=b, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
            assert result.status == 0, f"no member of the group is possible ({result.message})"
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


def attack(db, documents, round_name, part, dimension, extra_targets=(), limit=None, leak=None, minimum=None, select=None,
           **model):
    """Bounds on every small group (1 to minimum - 1 respondents): every hidden published cell and each
    recorded-area x category group; `extra_targets` adds named expressions (or a function of the
    publication that returns them). With `limit`, the hidden cells and then the smallest groups first, up
    to `limit`. Groups that shared feasible solutions already show to be not pinned down
    (`certify_not_pinned`) need no program of their own; every other group gets its own bounds.
    `model` goes to `Publication` (slacks, extra documents); `leak`, a function of the publication, adds
    figures that should not have been published; `minimum` (default the publication's) decides which
    groups are small; `select`, a function of a group's name, keeps only the groups it accepts. Returns the list of disclosures found, the number of groups checked and the program."""
    publication = Publication(db, documents, part, dimension, **model)
    if leak is not None:
        leak(publication)
    truth = true_groups(db, round_name, part, dimension)
    assert_truth_is_feasible(publication, truth)
    minimum = publication.minimum if minimum is None else minimum
    if callable(extra_targets):
        extra_targets = extra_targets(publication)
    atoms = []
    for (area, breakdown, category), (count, total) in sorted(truth.items(), key=lambda item: (item[1][0], str(item[0]))):
        if breakdown is None or not 1 <= count < minimum or publication.categories[breakdown] == [NONE]:
            continue  # (a breakdown none of the documents has: its categories are not variables of their own)
        if category not in publication.categories[breakdown]:
            category = NONE
        key = ("n", area, breakdown, category)
        atoms.append((f"{area}/{breakdown}={category}", {publication.index[key]: 1},
                      {publication.index[("s", area, breakdown, category)]: 1}, count, total))
    shown = defaultdict(bool)  # (breakdown, area, category): shown in any document
    for breakdown, document in list(documents.items()) + list(model.get("extra_documents", ())):
        for figure in cells(document, part, dimension):
            if breakdown is None or figure["category"] is not None:
                shown[(breakdown, figure["area_code"], figure["category"])] |= not figure["suppressed"]
    targets = []
    for (breakdown, area, category), is_shown in shown.items():
        codes = publication.subtree(area)
        count = sum(truth[(code, breakdown, category) if breakdown else (code, None, None)][0] for code in codes)
        total = sum(truth[(code, breakdown, category) if breakdown else (code, None, None)][1] for code in codes)
        if 1 <= count < minimum:
            # Hidden, or shown below the minimum (a publication that breaks the rule).
            targets.append((f"{area}/{breakdown}={category} ({'shown' if is_shown else 'hidden'} cell)",
                            publication.cell("n", area, breakdown, category),
                            publication.cell("s", area, breakdown, category), count, total))
    targets.sort(key=lambda target: target[3])
    targets = list(extra_targets) + targets + atoms
    if select is not None:
        targets = [target for target in targets if select(target[0])]
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
            mean_low, mean_high = publication.mean_bounds(count_expression, sum_expression)
            assert mean_low - 1e-6 <= total / count <= mean_high + 1e-6, f"{name}: the true mean is outside: the model is wrong"
            if mean_high - mean_low < 1:
                disclosures.append(f"{name}: mean {total / count:.2f} bounded to [{mean_low:.2f}, {mean_high:.2f}]")
    return disclosures, len(targets), publication


def per_table_suppression(parent, children, minimum):
    """Wijkweb's earlier rule, one table at a time (primary, then secondary suppression until the hidden
    part of the parent is empty or at least the minimum): which children to hide, and whether the parent is."""
    hidden = [count < minimum for count in children]
    if parent < minimum:
        return True, hidden
    hidden_total = max(0, parent - sum(children)) + sum(count for count, h in zip(children, hidden) if h)
    while 0 < hidden_total < minimum:
        shown = [index for index, h in enumerate(hidden) if not h]
        if not shown:
            return True, hidden
        smallest = min(shown, key=lambda index: (children[index], index))
        hidden[smallest] = True
        hidden_total += children[smallest]
    return False, hidden


def unprotected(db, round_name, minimum):
    """What a publication without the cell-key method gives: every figure of the round (all levels, no
    breakdown and each breakdown, both parts, every dimension and the numbers of respondents) with its exact
    n and mean, computed from the residents' own responses, hidden by Wijkweb's earlier rule (each table on
    its own: an area's children, an area's breakdown categories). Comparisons are left out. Returns
    {breakdown or None: document} in the format of `profile --format json`."""
    connection = sqlite3.connect(db)
    parents = dict(connection.execute("SELECT code, parent_code FROM areas").fetchall())
    connection.close()
    children = defaultdict(list)
    for code, parent in parents.items():
        if parent:
            children[parent].append(code)

    def subtree(area):
        result, stack = [], [area]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(children[current])
        return result

    documents = {breakdown: {"minimum_group_size": minimum, "figures": []} for breakdown in [None] + BREAKDOWNS}
    for part in ("health", "neighbourhood"):
        respondents = true_groups(db, round_name, part, RESPONDENTS)
        for dimension in DIMENSIONS:
            truth = true_groups(db, round_name, part, dimension)

            def group(groups, area, breakdown, category):
                keys = [(code, breakdown, category) if breakdown else (code, None, None) for code in subtree(area)]
                count = sum(groups[key][0] for key in keys if key in groups)
                return count, sum(groups[key][1] for key in keys if key in groups)

            for breakdown in [None] + BREAKDOWNS:
                categories = [None] + (sorted({key[2] for key in truth if key[1] == breakdown} - {NONE}) if breakdown else [])
                hidden = defaultdict(bool)
                for groups, kind in ((truth, "n"), (respondents, "r")):
                    for area in parents:
                        total = group(groups, area, None, None)[0]
                        hidden[(kind, area, None)] |= total < minimum
                        if children[area]:
                            parent_hidden, hidden_children = per_table_suppression(
                                total, [group(groups, child, None, None)[0] for child in children[area]], minimum)
                            for child, h in zip(children[area], hidden_children):
                                hidden[(kind, child, None)] |= h
                        if breakdown:
                            counts = [group(groups, area, breakdown, category)[0] for category in categories[1:]]
                            parent_hidden, hidden_cells = per_table_suppression(total, counts, minimum)
                            for category, h in zip(categories[1:], hidden_cells):
                                hidden[(kind, area, category)] |= h or parent_hidden
                for area in sorted(parents):
                    for category in categories:
                        count, total = group(truth, area, breakdown, category)
                        people = group(respondents, area, breakdown, category)[0]
                        shown = count > 0 and not hidden[("n", area, category)]
                        documents[breakdown]["figures"].append({
                            "area_code": area, "category": category, "part": part, "dimension": dimension,
                            "suppressed": not shown, "n": count if shown else None,
                            "mean": total / count if shown else None, "diff_parent": None, "diff_rest": None,
                            "respondents": people if people > 0 and not hidden[("r", area, category)] else None})
    return documents
