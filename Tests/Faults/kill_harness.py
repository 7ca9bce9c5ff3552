#!/usr/bin/env python3
"""Kill harness: drives a scripted interview of the real wijkweb binary in tmux and kills it with SIGKILL
at random moments, then checks that nothing confirmed was lost.

    python3 Tests/Faults/kill_harness.py --kills 300 [--seed 7] [--keep]

Every round of the harness starts `wijkweb interview` on one database, resumes whatever the previous kill
left behind, answers a random number of statements (random scores, sometimes "weet niet"), sends the keys
of one more answer and kills the program after a random delay of 0 to 150 ms, so kills land before,
during and after the write of that answer. Some rounds are killed while the interview is being set up
(volunteer code, consent, area, questions about the resident) or after the last statement (webs,
reflections, the summary's save). After each kill:

1. `wijkweb check --db DB` exits 0 (integrity ok);
2. every answer that was shown as confirmed on screen (the screen had moved on to the next statement) is
   stored exactly once with the typed value; the only other answer allowed is the one being typed at the
   kill, with its typed value;
3. the next start offers the interrupted interview with the right count of statements answered, and `h`
   continues on the screen of the stored position: the statement after the last stored answer.

Kills survived / kills made is printed at the end; the exit status is 1 when any kill was not survived.
The short form runs in CI as Tests/EndToEnd/test_kill_harness.py.
"""

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "EndToEnd"))

from conftest import (  # noqa: E402  (the path above must be set first)
    BINARY, CLEAN_ENVIRONMENT, DEMOGRAPHIC_QUESTIONS, ITEM_IDS, PART1_ITEMS, TOTAL_ITEMS, WELCOME, Tui, answers_of,
    digit_keys, item_progress, query,
)

OFFER = "Onderbroken gesprek"
REFLECTIONS = 5


class NotSurvived(AssertionError):
    """A kill left the database or the interview in a state it must never be in."""


def expect(condition, message):
    if not condition:
        raise NotSurvived(message)


def screen_for_position(position):
    """The text the screen shows for a stored position (InterviewState.Step.positionCode)."""
    fields = position.split(":")
    if fields[0] == "item":
        part, index = int(fields[1]), int(fields[2])
        return item_progress(part * PART1_ITEMS + index + 1)
    if fields[0] == "web":
        return "Uw spinnenweb: Mijn gezondheid" if fields[1] == "0" else "Uw spinnenweb: Mijn wijk"
    if fields[0] == "reflection":
        return f"Vraag {int(fields[1]) + 1} van {REFLECTIONS}"
    if fields[0] == "summary":
        return "Samenvatting"
    if fields[0] == "demographic":
        return DEMOGRAPHIC_QUESTIONS[int(fields[1])]
    return "Waar woont u?"


class Harness:
    def __init__(self, workdir: Path, seed: int, log=print):
        self.random = random.Random(seed)
        self.workdir = workdir
        self.db_path = workdir / "gegevens" / "wijkweb.sqlite"
        self.tui = Tui(workdir, self.db_path)
        self.log = log
        # What the screen showed as confirmed for the interview in progress: {item_id: value}.
        self.confirmed = {}
        # The answer whose keys were sent when the program was killed: (item_id, value) or None.
        self.in_flight = None
        self.completed = 0

    # Driving the interview

    def next_statement(self):
        """1-based number of the first statement not confirmed."""
        return len(self.confirmed) + 1

    def start(self):
        """Starts the program; resumes an interrupted interview (checking the offer) or begins a new one,
        with a kill part-way through setting up now and then. Returns False when killed there."""
        self.tui.start("interview")
        screen = self.tui.wait_until(lambda s: OFFER in s or WELCOME in s, "the resume offer or the welcome screen")
        in_progress = query(self.db_path, "SELECT id, position FROM responses WHERE status = 'in_progress'")
        if OFFER not in screen:
            expect(in_progress == [], f"an interview in progress was not offered for resuming: {in_progress}")
            self.confirmed = {}
            return self.begin()
        expect(len(in_progress) == 1, f"expected one interview in progress, found {in_progress}")
        response_id, position = in_progress[0]
        counted = re.search(r"(\d+) stellingen beantwoord", screen)
        expect(counted and int(counted.group(1)) == len(self.confirmed),
               f"the offer counts {counted and counted.group(1)} statements, {len(self.confirmed)} are stored\n{screen}")
        self.tui.send("h")
        shown = screen_for_position(position)
        self.tui.wait_for(shown)
        if position.startswith("item:"):
            expect(shown == item_progress(self.next_statement()),
                   f"resumed at {shown!r}, but {len(self.confirmed)} statements are stored")
        if position in ("area",) or position.startswith("demographic:"):
            return self.finish_setup(position)
        if position.startswith("web:"):
            self.tui.send("Enter")
            if position == "web:0":
                self.tui.wait_for(item_progress(PART1_ITEMS + 1))
        return True

    def maybe_kill(self, chance):
        """Kills the program after a random short delay with the given chance; True when killed."""
        if self.random.random() >= chance:
            return False
        time.sleep(self.random.uniform(0, 0.15))
        self.tui.kill_program()
        return True

    def begin(self):
        """Welcome to statement 1, with a chance of a kill after any key."""
        chance = 0.04
        self.tui.send("Enter")
        self.tui.wait_for("Uw vrijwilligerscode")
        self.tui.send(*["BSpace"] * 12)
        self.tui.type("V12")
        self.tui.send("Enter")
        if self.maybe_kill(chance):
            return False
        self.tui.wait_for("Toestemming")
        self.tui.send("j")
        if self.maybe_kill(chance):
            return False
        self.tui.wait_for("Waar woont u?")
        return self.finish_setup("area")

    def finish_setup(self, position):
        """From the area screen or a question about the resident to statement 1."""
        chance = 0.04
        first = 0
        if position == "area":
            self.tui.type("Beij")
            self.tui.wait_for("Beijum")
            self.tui.send("Enter")
            if self.maybe_kill(chance):
                return False
        else:
            first = int(position.split(":")[1])
        for question, digit in list(zip(DEMOGRAPHIC_QUESTIONS, ("2", "3", "6")))[first:]:
            self.tui.wait_for(question)
            self.tui.send(digit)
            if self.maybe_kill(chance):
                return False
        self.tui.wait_for(item_progress(1))
        return True

    def random_value(self):
        return None if self.random.random() < 0.1 else self.random.randint(0, 10)

    def answer_then_kill(self):
        """Answers a random number of statements, then sends one more and kills during it."""
        for _ in range(self.random.randint(0, 12)):
            k = self.next_statement()
            if k > TOTAL_ITEMS:
                return self.finish_then_kill()
            value = self.random_value()
            self.tui.wait_for(item_progress(k))
            self.tui.send(*digit_keys(value))
            # Confirmed once the screen has moved on.
            if k == PART1_ITEMS:
                self.tui.wait_for("Uw spinnenweb: Mijn gezondheid")
                self.confirmed[ITEM_IDS[k - 1]] = value
                self.tui.send("Enter")
            elif k == TOTAL_ITEMS:
                self.tui.wait_for("Uw spinnenweb: Mijn wijk")
                self.confirmed[ITEM_IDS[k - 1]] = value
                return self.finish_then_kill()
            else:
                self.tui.wait_for(item_progress(k + 1))
                self.confirmed[ITEM_IDS[k - 1]] = value
        k = self.next_statement()
        if k > TOTAL_ITEMS:
            return self.finish_then_kill()
        self.tui.wait_for(item_progress(k))
        value = self.random_value()
        self.in_flight = (ITEM_IDS[k - 1], value)
        self.tui.send(*digit_keys(value))
        time.sleep(self.random.uniform(0, 0.15))
        self.tui.kill_program()

    def finish_then_kill(self):
        """After the last statement: the second web, the reflections and the save, killed at a random key.
        When the save is reached before the kill, the response must be completed with every answer."""
        keys = [("Enter", None)]
        for index in range(REFLECTIONS):
            keys.append(("type", f"Vraag {index + 1} van {REFLECTIONS}"))
            keys.append(("Tab", None))
        keys.append(("Enter", "Samenvatting"))
        stop = self.random.randint(1, len(keys))
        self.tui.wait_until(lambda s: "Uw spinnenweb: Mijn wijk" in s or "Vraag" in s or "Samenvatting" in s,
                            "the second web, a reflection or the summary")
        # A resumed interview may already be past the web: start from the screen it shows.
        screen = self.tui.screen()
        start = 0
        match = re.search(rf"Vraag (\d) van {REFLECTIONS}", screen)
        if "Samenvatting" in screen:
            start = len(keys) - 1
        elif match:
            start = 1 + 2 * (int(match.group(1)) - 1)
        for key, wait in keys[start:max(stop, start + 1)]:
            if wait:
                self.tui.wait_for(wait)
            if key == "type":
                self.tui.type("Meer bankjes.")
            else:
                self.tui.send(key)
        if stop >= len(keys):
            self.tui.wait_for("Uw bewijsnummer:")
            self.completed += 1
        time.sleep(self.random.uniform(0, 0.15))
        self.tui.kill_program()

    # Checking after a kill

    def check(self):
        result = subprocess.run([str(BINARY), "check", "--db", str(self.db_path)], capture_output=True, text=True,
                                timeout=60, env={**CLEAN_ENVIRONMENT, "HOME": str(self.workdir)})
        expect(result.returncode == 0 and "integrity: ok" in result.stdout,
               f"wijkweb check failed ({result.returncode}): {result.stdout}{result.stderr}")
        in_progress = query(self.db_path, "SELECT id FROM responses WHERE status = 'in_progress'")
        expect(len(in_progress) <= 1, f"more than one interview in progress: {in_progress}")
        duplicates = query(self.db_path, "SELECT response_id, item_id, count(*) FROM answers "
                                         "GROUP BY response_id, item_id HAVING count(*) > 1")
        expect(duplicates == [], f"answers stored more than once: {duplicates}")
        if not in_progress:
            # Either nothing was begun, or the interview was completed: then it holds every answer.
            if len(self.confirmed) == TOTAL_ITEMS:
                (latest,) = query(self.db_path, "SELECT id FROM responses WHERE status = 'completed' "
                                                "ORDER BY key DESC LIMIT 1")[0]
                stored = answers_of(self.db_path, latest)
                expect(stored == self.confirmed, "the completed response does not hold the typed answers")
            else:
                expect(self.confirmed == {}, f"{len(self.confirmed)} confirmed answers vanished with their interview")
            self.confirmed = {}
            self.in_flight = None
            return
        stored = answers_of(self.db_path, in_progress[0][0])
        for item_id, value in self.confirmed.items():
            expect(item_id in stored, f"confirmed answer {item_id} = {value} is not stored")
            expect(stored[item_id] == value, f"{item_id} was confirmed as {value}, stored as {stored[item_id]}")
        extra = {item_id: value for item_id, value in stored.items() if item_id not in self.confirmed}
        allowed = dict([self.in_flight]) if self.in_flight else {}
        expect(all(allowed.get(item_id, object()) == value for item_id, value in extra.items()),
               f"stored answers that were never typed: {extra} (being typed: {self.in_flight})")
        self.confirmed = {item_id: stored[item_id] for item_id in ITEM_IDS if item_id in stored}
        expect(list(self.confirmed) == ITEM_IDS[:len(self.confirmed)], "the stored answers are not a prefix")
        self.in_flight = None

    # One kill

    def one_kill(self):
        self.tui.kill()
        if self.start():
            self.answer_then_kill()
        self.check()


def run(kills, seed, workdir: Path, log=print):
    """Makes `kills` kills; returns (survived, made, failures)."""
    harness = Harness(workdir, seed, log)
    survived, failures = 0, []
    try:
        for number in range(1, kills + 1):
            try:
                harness.one_kill()
                survived += 1
            except AssertionError as failure:
                failures.append(f"kill {number}: {failure}")
                log(f"kill {number}: NOT SURVIVED: {failure}")
                # Go on from whatever the database now holds.
                harness.confirmed = {}
                rows = query(harness.db_path, "SELECT id FROM responses WHERE status = 'in_progress'")
                if rows:
                    stored = answers_of(harness.db_path, rows[0][0])
                    harness.confirmed = {i: stored[i] for i in ITEM_IDS if i in stored}
                harness.in_flight = None
            if number % 25 == 0:
                log(f"{number} kills, {survived} survived, {harness.completed} interviews completed")
    finally:
        harness.tui.kill()
    return survived, kills, failures, harness.completed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock, printed)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder with the database")
    arguments = parser.parse_args()
    seed = arguments.seed if arguments.seed is not None else int(time.time())
    workdir = Path(tempfile.mkdtemp(prefix="wijkweb-kills-"))
    print(f"seed {seed}, work folder {workdir}")
    began = time.monotonic()
    survived, made, failures, completed = run(arguments.kills, seed, workdir)
    print(f"kills survived / kills made: {survived} / {made} ({completed} interviews completed, "
          f"{time.monotonic() - began:.0f} s, seed {seed})")
    for failure in failures:
        print(failure)
    if not arguments.keep:
        subprocess.run(["rm", "-rf", str(workdir)], check=False)
    sys.exit(0 if survived == made else 1)


if __name__ == "__main__":
    main()
