"""Shared helpers for the end-to-end tests: the real wijkweb binary driven in a private tmux server.

Every test gets its own tmux socket and its own database under pytest's tmp_path. Screens are never
waited for with fixed sleeps: `Tui.wait_for` polls `tmux capture-pane` until the text is there.
"""

import math
import os
import re
import shlex
import signal
import sqlite3
import subprocess
import time
import uuid
import ctypes
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("WIJKWEB_BIN") or REPO / ".build" / "debug" / "wijkweb")
QUESTIONNAIRE = REPO / "Questionnaires" / "positieve-gezondheid-wijk.yaml"

POLL_SECONDS = 0.05
SETTLE_SECONDS = 0.01

# The environment tmux (and so wijkweb) starts with. os.environ, not the C environment: under pytest,
# readline may have exported COLUMNS=80 and LINES=24 behind Python's back, and ncurses would then draw
# 80x24 whatever the pane's size. TMUX is dropped so the tests also run inside a tmux session.
CLEAN_ENVIRONMENT = {
    key: value for key, value in os.environ.items() if key not in {"COLUMNS", "LINES", "TMUX", "TMUX_PANE"}
}

# The statements in interview order: the six dimensions in the questionnaire's order, 7 statements
# each in "Mijn gezondheid" (h-...) and 4 each in "Mijn wijk" (n-...).
DIMENSIONS = [
    ("lf", "lichaamsfuncties", "Lichaamsfuncties"),
    ("mw", "mentaal_welbevinden", "Mentaal welbevinden"),
    ("zi", "zingeving", "Zingeving"),
    ("kl", "kwaliteit_van_leven", "Kwaliteit van leven"),
    ("me", "meedoen", "Meedoen"),
    ("df", "dagelijks_functioneren", "Dagelijks functioneren"),
]
PARTS = [("health", "h", 7, "Mijn gezondheid"), ("neighbourhood", "n", 4, "Mijn wijk")]
ITEM_IDS = [f"{prefix}-{code}-{n}" for _, prefix, per, _ in PARTS for code, _, _ in DIMENSIONS for n in range(1, per + 1)]
TOTAL_ITEMS = len(ITEM_IDS)  # 66
PART1_ITEMS = 7 * len(DIMENSIONS)  # 42

DEMOGRAPHIC_QUESTIONS = ["Hoe oud bent u?", "Wat is uw geslacht?", "Met wie woont u samen?"]
WELCOME = "Druk op Enter om te beginnen."
# The receipt code as the saved screen shows it: "M Z C Q - 4 F B K".
SPACED_RECEIPT = re.compile(r"(?<![A-Z0-9])((?:(?:[A-Z0-9] ){4}- ){3}(?:[A-Z0-9] ){3}[A-Z0-9])(?![A-Z0-9])")


def item_progress(k, language="nl"):
    return f"Stelling {k} van {TOTAL_ITEMS}" if language == "nl" else f"Statement {k} of {TOTAL_ITEMS}"


def statement_text(item_id, language="nl"):
    """The wording of a statement, read from the questionnaire file."""
    source = QUESTIONNAIRE.read_text(encoding="utf-8")
    match = re.search(
        rf"- id: {re.escape(item_id)}\s*\n(?:[^\n]*\n)*?\s+text:\s*\n(?:\s+\w\w: \"[^\"]*\"\s*\n)*?\s+{language}: \"([^\"]*)\"",
        source)
    assert match, f"statement {item_id} not found in {QUESTIONNAIRE}"
    return match.group(1)


def flat(screen):
    """The screen's words on one line, so wrapped sentences can be matched."""
    return " ".join(screen.split())


def digit_keys(value):
    """The keys that put `value` (0..10, or None for weet niet) on the slider and confirm it."""
    if value is None:
        return ["w"]
    if value == 10:
        return ["1", "0", "Enter"]
    return [str(value), "Enter"]


class Tui:
    """One wijkweb (or a shell) in a private tmux server of its own."""

    def __init__(self, workdir: Path, db_path: Path):
        self.workdir = workdir
        self.db_path = db_path
        self.socket = f"wijkweb-e2e-{os.getpid()}-{uuid.uuid4().hex[:10]}"
        self.session = "e2e"
        self.config = workdir / "tmux.conf"
        # The pane stays after the program ends, so a crash or an error message can be read.
        self.config.write_text("set -g remain-on-exit on\nset -g history-limit 2000\n")
        self.running = False

    # tmux plumbing

    def tmux(self, *args, check=True):
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", str(self.config), *args],
            capture_output=True, text=True, timeout=20, env=CLEAN_ENVIRONMENT)
        if check and result.returncode != 0:
            raise AssertionError(f"tmux {' '.join(args)} failed: {result.stderr.strip()}")
        return result

    def environment(self, extra=None):
        env = {
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            "WIJKWEB_DB": str(self.db_path),
            # Questionnaires/ and Areas/ of this checkout; a binary built elsewhere (--scratch-path)
            # would not find them beside itself.
            "WIJKWEB_DATA": str(REPO),
            "HOME": str(self.workdir),
            "XDG_DATA_HOME": str(self.workdir / "xdg"),
        }
        env.update(extra or {})
        return env

    def _new_session(self, argv, width, height, extra_env=None):
        assert not self.running, "the session is already running; call kill() first"
        flags = []
        for key, value in self.environment(extra_env).items():
            flags += ["-e", f"{key}={value}"]
        # More than one argument: tmux runs the command directly, so the pane's process is the program itself.
        self.tmux("new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), *flags,
                  "-c", str(self.workdir), *argv)
        self.running = True

    def start(self, *args, idle=600, width=100, height=30, extra_env=None):
        """Starts `wijkweb ARGS --idle IDLE` as the pane's process."""
        assert BINARY.exists(), f"wijkweb binary not found at {BINARY}; build it or set WIJKWEB_BIN"
        argv = [str(BINARY), *args]
        if idle is not None:
            argv += ["--idle", str(idle)]
        self._new_session(argv, width, height, extra_env)

    def start_shell(self, width=100, height=30):
        """Starts a plain bash in the pane, with the prompt `E2E$ `."""
        self._new_session(["bash", "--norc", "--noprofile", "-i"], width, height, {"PS1": "E2E$ "})

    def kill(self):
        """Ends the tmux server and whatever runs in it."""
        if self.running:
            socket_path = self.tmux("display-message", "-p", "#{socket_path}", check=False).stdout.strip()
            self.tmux("kill-server", check=False)
            self.running = False
            if socket_path.endswith(self.socket):
                Path(socket_path).unlink(missing_ok=True)

    def send(self, *keys):
        """tmux key names (Enter, BSpace, Tab, Escape, F2, C-c, Left) and single characters."""
        self.tmux("send-keys", "-t", self.session, *keys)

    def type(self, text):
        """Types `text` literally."""
        self.tmux("send-keys", "-t", self.session, "-l", text)

    def resize(self, width, height):
        self.tmux("resize-window", "-t", self.session, "-x", str(width), "-y", str(height))

    # Looking at the screen

    def screen(self, history=False):
        args = ["capture-pane", "-p", "-t", self.session]
        if history:
            args += ["-S", "-"]
        return self.tmux(*args).stdout

    def pane(self, field):
        return self.tmux("display-message", "-p", "-t", self.session, f"#{{{field}}}").stdout.strip()

    def pane_pid(self):
        return int(self.pane("pane_pid"))

    def pane_dead(self):
        return self.pane("pane_dead") == "1"

    def _describe(self, screen):
        dead = ""
        try:
            if self.pane_dead():
                dead = f"\n(the program has ended, status {self.pane('pane_dead_status')})"
        except AssertionError:
            pass
        return f"---- screen ----\n{screen}\n----------------{dead}"

    def wait_until(self, predicate, what, timeout=10):
        """Polls the screen until `predicate(screen)` holds on a settled screen; returns that screen.

        tmux may show a frame half drawn (the new progress line above the old statement), so a match
        only counts when a second capture a moment later is identical."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if predicate(screen):
                time.sleep(SETTLE_SECONDS)
                again = self.screen()
                if again == screen:
                    return screen
                continue
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {what}\n{self._describe(screen)}")
            time.sleep(POLL_SECONDS)

    def wait_for(self, text, timeout=10):
        """Waits until `text` (a string or a compiled regex) is on the screen; returns the screen."""
        if isinstance(text, re.Pattern):
            return self.wait_until(lambda screen: text.search(screen), f"/{text.pattern}/", timeout)
        return self.wait_until(lambda screen: text in screen, repr(text), timeout)

    def wait_gone(self, text, timeout=10):
        return self.wait_until(lambda screen: text not in screen, f"{text!r} to disappear", timeout)

    def wait_dead(self, timeout=10):
        deadline = time.monotonic() + timeout
        while not self.pane_dead():
            if time.monotonic() > deadline:
                raise AssertionError(f"the program did not end within {timeout} s\n{self._describe(self.screen())}")
            time.sleep(POLL_SECONDS)

    # The interview, step by step

    def begin_interview(self, volunteer="V12", area="Beij", area_match="Beijum", demographics=("2", "3", "6")):
        """From the welcome screen to the first statement; returns when "Stelling 1 van 66" is shown,
        with the area screen as it was when Enter chose the first match."""
        self.wait_for(WELCOME)
        self.send("Enter")
        self.wait_for("Uw vrijwilligerscode")
        # The code of today may be remembered from an earlier interview: clear it first.
        self.send(*["BSpace"] * 12)
        self.type(volunteer)
        self.send("Enter")
        self.wait_for("Toestemming")
        self.send("j")
        self.wait_for("Waar woont u?")
        self.type(area)
        # The whole query is shown (not just its first letters) and the list matches it.
        self.wait_for(re.compile(rf"^\s*> {re.escape(area)}$", re.MULTILINE))
        area_screen = self.wait_for(area_match)
        self.send("Enter")
        for question, digit in zip(DEMOGRAPHIC_QUESTIONS, demographics):
            self.wait_for(question)
            self.send(digit)
        self.wait_for(item_progress(1))
        return area_screen

    def answer(self, k, value, check_statement=False):
        """Answers statement k (1-based) once its screen is shown: a score 0..10, or None for weet niet.
        With check_statement, the screen must show the wording of item ITEM_IDS[k - 1]."""
        screen = self.wait_for(item_progress(k))
        if check_statement:
            text = statement_text(ITEM_IDS[k - 1])
            assert text in flat(screen), f"statement {k} should be {ITEM_IDS[k - 1]}: {text!r}\n{screen}"
        self.send(*digit_keys(value))

    def answer_all(self, values, first=1, check_statements=False):
        """Answers statements first, first+1, ... with `values`, each after its screen is shown."""
        for k, value in enumerate(values, start=first):
            self.answer(k, value, check_statements)

    def answer_statements(self, values, first=1):
        """Like answer_all, passing the web of "Mijn gezondheid" when more statements follow it."""
        for k, value in enumerate(values, start=first):
            self.answer(k, value)
            if k == PART1_ITEMS and k < first + len(values) - 1:
                self.wait_for("Uw spinnenweb: Mijn gezondheid")
                self.send("Enter")

    def complete_interview(self, values, first=1, reflections=("",) * 5):
        """Answers statements first..66 with `values` (passing both webs), the reflections, and saves on
        the summary; returns the saved screen."""
        assert len(values) == TOTAL_ITEMS - first + 1
        self.answer_statements(values, first)
        self.reflect(reflections)
        self.send("Enter")
        return self.wait_for("Uw bewijsnummer:")

    def kill_program(self):
        """kill -9 of the pane's process, which must be wijkweb itself; returns once it is gone."""
        pid = self.pane_pid()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0].decode()
        assert Path(command).name == BINARY.name, f"the pane runs {command}, not wijkweb"
        os.kill(pid, signal.SIGKILL)
        self.wait_dead()

    def reflect(self, texts):
        """From the second web to the summary: types each reflection and goes on with Tab."""
        self.wait_for("Uw spinnenweb: Mijn wijk")
        self.send("Enter")
        for index, text in enumerate(texts, start=1):
            self.wait_for(f"Vraag {index} van {len(texts)}")
            if text:
                self.type(text)
                self.wait_for(text[-20:])
            self.send("Tab")
        self.wait_for("Samenvatting")


@pytest.fixture
def db_path(tmp_path):
    """A database path in a folder that does not exist yet, so wijkweb creates both."""
    path = tmp_path / "gegevens" / "wijkweb.sqlite"
    assert not path.parent.exists()
    return path


@pytest.fixture
def tui(tmp_path, db_path):
    screen = Tui(tmp_path, db_path)
    yield screen
    screen.kill()


def query(db_path, sql, params=()):
    """Rows of `sql` against the database, read while wijkweb runs (WAL) or after it ended."""
    connection = sqlite3.connect(str(db_path), timeout=10)
    try:
        connection.execute("PRAGMA query_only = 1")
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


# Storage layouts. While an interview is in progress, every confirmed answer is a row in `answers` and
# every question about the resident a row in `demographics`. Completed responses were first kept that way
# too, with 12 rows per response in `dimension_scores`; since the sources of 23 Nov (commits 8b3a701 and
# 1658878) a completed response packs its answers and demographics into `responses.packed_answers` /
# `packed_demographics` (AnswerCodec: one character per statement, 0-9, X = 10, - = weet niet,
# . = no answer), its rows are removed, and its scores are one `part_scores` row per part. The helpers
# below read either layout and return the same values, so the tests check what was stored, not where.
# (Later the same day, a46b8e9 gave `responses` an integer `key` that `part_scores` refers to.)


def tables(db_path):
    return {name for (name,) in query(db_path, "SELECT name FROM sqlite_master WHERE type = 'table'")}


def columns(db_path, table):
    return [row[1] for row in query(db_path, f"PRAGMA table_info({table})")]


REFERENCE_COLUMNS = ("response_id", "response_key")


def response_refs(db_path, response_id):
    """How other tables refer to a response: {"response_id": id, "response_key": key} (the key only
    when `responses` has one). Read it before the response is deleted."""
    refs = {"response_id": response_id}
    if "key" in columns(db_path, "responses"):
        rows = query(db_path, "SELECT key FROM responses WHERE id = ?", (response_id,))
        assert rows, f"no response {response_id}"
        refs["response_key"] = rows[0][0]
    return refs


def rows_of_response(db_path, refs):
    """{table: its rows for the response} over every table that refers to responses (a response_id or
    response_key column), `responses` itself included."""
    found = {"responses": query(db_path, "SELECT * FROM responses WHERE id = ?", (refs["response_id"],))}
    for table in sorted(tables(db_path) - {"responses"}):
        for column in REFERENCE_COLUMNS:
            if column in columns(db_path, table):
                found[table] = query(db_path, f"SELECT * FROM {table} WHERE {column} = ? ORDER BY 1, 2, 3",
                                     (refs.get(column),))
    return found


def only_response_id(db_path):
    rows = query(db_path, "SELECT id FROM responses")
    assert len(rows) == 1, f"expected one response, found {rows}"
    return rows[0][0]


def _packed(db_path, response_id, column):
    if column not in columns(db_path, "responses"):
        return None
    rows = query(db_path, f"SELECT {column} FROM responses WHERE id = ?", (response_id,))
    return rows[0][0] if rows else None


def answers_of(db_path, response_id=None):
    """{item_id: value or None for weet niet} of one response (the only one when response_id is None).
    Fails when an item is stored twice, or both as rows and packed."""
    response_id = response_id or only_response_id(db_path)
    rows = query(db_path, "SELECT item_id, value FROM answers WHERE response_id = ?", (response_id,))
    item_ids = [item_id for item_id, _ in rows]
    assert len(item_ids) == len(set(item_ids)), f"an item is stored twice: {sorted(item_ids)}"
    packed = _packed(db_path, response_id, "packed_answers")
    if packed is None:
        return dict(rows)
    assert rows == [], "a completed response keeps answer rows next to its packed answers"
    assert len(packed) == TOTAL_ITEMS, f"packed answers {packed!r} should have one character per statement"
    decoded = {}
    for item_id, character in zip(ITEM_IDS, packed):
        assert character in "0123456789X-.", f"unexpected character {character!r} in {packed!r}"
        if character != ".":
            decoded[item_id] = None if character == "-" else 10 if character == "X" else int(character)
    return decoded


def demographics_of(db_path, response_id):
    """{question_id: choice_id or None for "zeg ik liever niet"}."""
    rows = query(db_path, "SELECT question_id, choice_id FROM demographics WHERE response_id = ?", (response_id,))
    packed = _packed(db_path, response_id, "packed_demographics")
    if packed is None:
        return dict(rows)
    assert rows == [], "a completed response keeps demographic rows next to its packed ones"
    pairs = [pair.split("=", 1) for pair in packed.split(";") if pair]
    return {question: choice or None for question, choice in pairs}


def scores_of(db_path, response_id):
    """{(part_id, dimension): (score, answered, total)}; answered and total are None where not stored."""
    if "dimension_scores" in tables(db_path):
        rows = query(db_path, "SELECT part_id, dimension, score, answered, total FROM dimension_scores "
                              "WHERE response_id = ?", (response_id,))
        scores = {(part, dimension): (score, answered, total) for part, dimension, score, answered, total in rows}
        assert len(scores) == len(rows)
        return scores
    assert "part_scores" in tables(db_path), "no table with dimension scores"
    dimensions = [dimension for _, dimension, _ in DIMENSIONS]
    selected = ", ".join(f"p.{dimension}" for dimension in dimensions)
    if "response_key" in columns(db_path, "part_scores"):
        sql = f"SELECT p.part_id, {selected} FROM part_scores p JOIN responses r ON r.key = p.response_key WHERE r.id = ?"
    else:
        sql = f"SELECT p.part_id, {selected} FROM part_scores p WHERE p.response_id = ?"
    rows = query(db_path, sql, (response_id,))
    return {(row[0], dimension): (score, None, None) for row in rows for dimension, score in zip(dimensions, row[1:])}


def expected_scores(values_by_item, min_share=0.5):
    """{(part_id, dimension): (mean or None, answered, total)} under the questionnaire's rule: the mean of
    the answered statements when at least half of the dimension's statements were answered."""
    scores = {}
    for part_id, prefix, per, _ in PARTS:
        for code, dimension, _ in DIMENSIONS:
            ids = [f"{prefix}-{code}-{n}" for n in range(1, per + 1)]
            answered = [values_by_item[i] for i in ids if values_by_item.get(i) is not None]
            mean = sum(answered) / len(answered) if answered and len(answered) >= min_share * per else None
            scores[(part_id, dimension)] = (mean, len(answered), per)
    return scores


def format_score(score):
    """A score as the web and the summary show it: one decimal with a comma ("3,8"), "–" for none."""
    if score is None:
        return "–"
    tenths = math.floor(score * 10 + 0.5)
    return f"{tenths // 10},{tenths % 10}"


def assert_scores(db_path, response_id, values_by_item):
    """The stored dimension scores are 12 (6 per part) and each is the mean the test computes."""
    stored = scores_of(db_path, response_id)
    expected = expected_scores(values_by_item)
    assert set(stored) == set(expected), f"expected 12 dimension scores (6 per part), found {sorted(stored)}"
    for key, (mean, answered, total) in expected.items():
        score, stored_answered, stored_total = stored[key]
        if stored_answered is not None:
            assert (stored_answered, stored_total) == (answered, total), f"{key}: answered/total"
        if mean is None:
            assert score is None, f"{key}: fewer than half answered, so no score expected, got {score}"
        else:
            assert score == pytest.approx(mean, abs=1e-9), f"{key}: stored {score}, expected mean {mean}"


def shell_quote(*parts):
    return " ".join(shlex.quote(str(part)) for part in parts)


def dutch_and_english_only(tmp_path):
    """A data folder with this checkout's questionnaires and areas but no further language files: for
    tests of switching between Dutch and English, which the shipped draft languages would join."""
    data = tmp_path / "nl-en-data"
    (data / "Languages").mkdir(parents=True)
    (data / "Questionnaires").symlink_to(REPO / "Questionnaires")
    (data / "Areas").symlink_to(REPO / "Areas")
    return str(data)


# Receipt hashes as the store makes them (ReceiptHash): Argon2id, 2 passes over 19 MiB, 32 bytes, a salt
# of 16 bytes per response; the first group of the code is the locator. The code itself is stored nowhere.
_SODIUM = ctypes.CDLL("libsodium.so.23")
_SODIUM.sodium_init()


def sign_ed25519(message, secret_key):
    """libsodium's detached Ed25519 signature of `message` (bytes) with a 64-byte secret key."""
    signature = ctypes.create_string_buffer(64)
    assert _SODIUM.crypto_sign_detached(signature, None, message, ctypes.c_ulonglong(len(message)), secret_key) == 0
    return signature.raw


def verify_ed25519(signature, message, public_key):
    return _SODIUM.crypto_sign_verify_detached(signature, message, ctypes.c_ulonglong(len(message)), public_key) == 0


def receipt_hash(code, salt):
    out = ctypes.create_string_buffer(32)
    data = code.encode()
    assert _SODIUM.crypto_pwhash(out, ctypes.c_ulonglong(32), data, ctypes.c_ulonglong(len(data)), salt,
                                 ctypes.c_ulonglong(2), ctypes.c_size_t(19 * 1048576), ctypes.c_int(2)) == 0
    return out.raw


def receipt_proves(db, response_id, code):
    """Whether `code` is the receipt code of the response, as a withdrawal checks it."""
    rows = query(db, "SELECT receipt_code, receipt_locator, receipt_salt, receipt_hash FROM responses WHERE id = ?",
                 (response_id,))
    if len(rows) != 1 or rows[0][0] is not None or rows[0][2] is None:
        return False
    _, locator, salt, stored = rows[0]
    return locator == code[:4] and receipt_hash(code, salt) == stored


def set_receipt(dbs, response_id, code):
    """Gives a response the receipt code `code` in every database of `dbs` (one salt, as a merged copy has)."""
    salt = os.urandom(16)
    for db in dbs:
        with sqlite3.connect(db) as connection:
            connection.execute("UPDATE responses SET receipt_locator = ?, receipt_salt = ?, receipt_hash = ? WHERE id = ?",
                               (code[:4], salt, receipt_hash(code, salt), response_id))


def run_checked(*arguments, check=True):
    """The program with `arguments` in the clean environment; with `check`, a failure fails the test."""
    result = subprocess.run([str(BINARY), *map(str, arguments)], capture_output=True, text=True, env=CLEAN_ENVIRONMENT, timeout=600)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def demo_database(tmp_path_factory, name, *demo_arguments):
    """A demo database in an owner-only folder of its own, made with `wijkweb demo` and `demo_arguments`."""
    folder = tmp_path_factory.mktemp(name)
    os.chmod(folder, 0o700)
    path = folder / "demo.db"
    run_checked("demo", "--db", str(path), *demo_arguments)
    return path
