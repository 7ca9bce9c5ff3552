#!/usr/bin/env python3
"""The Wijkweb benchmark suite (run it through Benchmarks/run).

Every figure is printed with the ratio to a baseline measured in the same run, so a busy machine moves
both alike. Times are medians over --runs runs; memory is the largest peak resident set size (max RSS) of
those runs, read from the child's own resource usage. Demo databases are cached in .build/bench-data,
keyed by the files that decide their content and by their size, so a second run starts at once.
"""

import argparse
import fcntl
import hashlib
import json
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / ".build" / "bench-data"
DIMENSIONS = ["lichaamsfuncties", "mentaal_welbevinden", "zingeving", "kwaliteit_van_leven", "meedoen",
              "dagelijks_functioneren"]
# The files that decide what `wijkweb demo` writes: a change to any of them makes new databases.
# (Not the schema: a cached database is brought up to the binary's schema by `wijkweb check` before use.)
DEMO_INPUTS = ["Sources/WijkwebStore/Store+Demo.swift",
               "Sources/WijkwebStore/Store+Setup.swift", "Sources/WijkwebCore/Demo/DemoGenerator.swift",
               "Sources/wijkweb/DemoCommand.swift", "Sources/wijkweb/AppSetup.swift",
               "Questionnaires/positieve-gezondheid-wijk.yaml", "Areas/groningen.csv"]

# Count and mean per wijk, part and dimension, straight from SQLite: buurten are mapped to their wijk
# through the areas table, as wijkweb rolls them up. Counts and sums are first grouped per area (one pass
# over the round's rows), then per wijk: about twice as fast here as joining every row to its wijk.
BASELINE_SQL = """
WITH wijk_of(area, wijk) AS (
  SELECT code, code FROM areas WHERE level = 'wijk'
  UNION ALL SELECT code, parent_code FROM areas WHERE level = 'buurt'),
per_area AS (
  SELECT area_code, part_id, {sums} FROM part_scores WHERE round_id = {round} GROUP BY area_code, part_id)
SELECT w.wijk, p.part_id, {means}
FROM per_area p JOIN wijk_of w ON w.area = p.area_code
GROUP BY w.wijk, p.part_id;
""".strip()

PANDAS_SCRIPT = """
import re, sys
import pandas as pd
frame = pd.read_csv(sys.argv[1])
scores = [c for c in frame.columns if re.fullmatch(r"[a-z]+_(%s)" % "|".join(sys.argv[2].split(",")), c)]
result = frame.groupby("wijk")[scores].agg(["count", "mean"])
print(result.to_csv(), end="")
"""

# The peers of the profile: the same groups (round, stored area code, part) and figures (count, mean,
# standard deviation, quartiles, median, share below 5.5 of each dimension) for both rounds, each in a fresh
# process reading its own native file made once from the same rows (untimed).
DUCKDB_SCRIPT = """
import sys, duckdb
dims = sys.argv[2].split(",")
figures = ", ".join(f"count({d}), avg({d}), stddev_samp({d}), quantile_cont({d}, [0.25, 0.5, 0.75]), "
                    f"avg(CASE WHEN {d} < 5.5 THEN 1.0 WHEN {d} IS NOT NULL THEN 0.0 END)" for d in dims)
con = duckdb.connect(sys.argv[1], read_only=True)
rows = con.execute(f"SELECT round_id, area_code, part_id, {figures} FROM scores GROUP BY ALL").fetchall()
print(len(rows))
"""

POLARS_SCRIPT = """
import sys, polars as pl
dims = sys.argv[2].split(",")
frame = pl.read_ipc(sys.argv[1])
figures = []
for d in dims:
  c = pl.col(d)
  figures += [c.count().alias(d + "_n"), c.mean().alias(d + "_mean"), c.std().alias(d + "_sd"),
              c.quantile(0.25, "linear").alias(d + "_q1"), c.median().alias(d + "_median"),
              c.quantile(0.75, "linear").alias(d + "_q3"), (c < 5.5).mean().alias(d + "_below")]
result = frame.group_by(["round_id", "area_code", "part_id"]).agg(figures)
print(result.height)
"""

# Makes the peers' native files from a CSV of the rows (round_id, area_code, part_id, six scores).
PEER_FILES_SCRIPT = """
import sys, duckdb, polars as pl
csv, duck, arrow, flat = sys.argv[1:5]
con = duckdb.connect(duck)
con.execute(f"CREATE TABLE scores AS SELECT * FROM read_csv('{csv}', header = true)")
con.close()
frame = pl.read_csv(csv, schema_overrides={"area_code": pl.Utf8, "part_id": pl.Utf8})
frame.write_ipc(arrow, compression="uncompressed")
# The scores alone as flat little-endian float64, six a row (NaN: no score): what "reading the scores
# once from memory" reads (wijkweb-bench scan).
frame.select(frame.columns[3:]).fill_null(float("nan")).to_numpy().astype("<f8").tofile(flat)
"""


def first_screen_milliseconds(argv, text=b"Enter", width=80, height=24, timeout=60):
  """Milliseconds from starting argv on a new pseudo-terminal of width x height to `text` appearing in
  what it writes there: what a volunteer waits for, measured from outside the program (no hook in it).
  None when the text does not appear within `timeout` seconds. The program is then sent Ctrl-C."""
  started = time.perf_counter()
  pid, fd = pty.fork()
  if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
    os.execve(str(argv[0]), [str(a) for a in argv], dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8"))
  seen = b""
  try:
    deadline = started + timeout
    while text not in seen:
      remaining = deadline - time.perf_counter()
      ready = select.select([fd], [], [], max(remaining, 0))[0] if remaining > 0 else []
      if not ready:
        return None
      try:
        chunk = os.read(fd, 65536)
      except OSError:
        return None
      if not chunk:
        return None
      seen += chunk
    return (time.perf_counter() - started) * 1000
  finally:
    try:
      os.write(fd, b"\x03")
      for _ in range(200):
        if os.waitpid(pid, os.WNOHANG)[0]:
          break
        time.sleep(0.025)
      else:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (OSError, ChildProcessError):
      pass
    os.close(fd)


class Child:
  """One finished child process: wall time, CPU time (user + system), peak RSS in MB, exit status, standard error."""

  def __init__(self, seconds, cpu, rss_mb, status, stderr):
    self.seconds, self.cpu, self.rss_mb, self.status, self.stderr = seconds, cpu, rss_mb, status, stderr


def run_child(argv, stdout_path=None, env=None):
  """Runs argv to completion, measuring its wall time, CPU time and its own peak RSS (os.wait4)."""
  with tempfile.TemporaryFile() as err, open(stdout_path or os.devnull, "wb") as out:
    start = time.perf_counter()
    process = subprocess.Popen([str(a) for a in argv], stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    err.seek(0)
    return Child(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, process.returncode,
                 err.read().decode(errors="replace"))


def summary(children):
  return {"seconds": statistics.median(c.seconds for c in children), "runs": [c.seconds for c in children],
          "cpu": statistics.median(c.cpu for c in children), "rss_mb": max(c.rss_mb for c in children)}


def peak_rss(argv):
  """Wall seconds and peak resident memory (MB, from `/usr/bin/time -v`) of one run of `argv`."""
  started = time.monotonic()
  done = subprocess.run(["/usr/bin/time", "-v", *map(str, argv)], capture_output=True, text=True)
  seconds = time.monotonic() - started
  if done.returncode != 0:
    raise CommandFailed(f"failed ({done.returncode}): {' '.join(map(str, argv))}\n{done.stderr.strip()[-2000:]}")
  line = next(line for line in done.stderr.splitlines() if "Maximum resident set size" in line)
  return {"seconds": seconds, "rss_mb": int(line.rsplit(":", 1)[1]) / 1024}


class CommandFailed(Exception):
  """A measured command exited with a failure; the message holds its command line and standard error."""


def checked(argv, stdout_path=None, env=None):
  child = run_child(argv, stdout_path, env)
  if child.status != 0:
    raise CommandFailed(f"failed ({child.status}): {' '.join(map(str, argv))}\n{child.stderr.strip()}")
  return child


def measure(argv, runs, before=None, stdout_path=None, env=None):
  """Median wall and CPU time and largest peak RSS over `runs` runs; `before()` runs untimed before each."""
  children = []
  for _ in range(runs):
    if before:
      before()
    children.append(checked(argv, stdout_path, env))
  return summary(children)


def measure_pair(contender, baseline, runs):
  """Like `measure` for two commands, alternating them run by run so that load from other jobs on the
  machine falls on both alike."""
  first, second = [], []
  for _ in range(runs):
    first.append(checked(contender))
    second.append(checked(baseline))
  return summary(first), summary(second)


def private_folder(path):
  """A folder only the owner can read: wijkweb refuses databases in group- or world-readable folders."""
  path.mkdir(parents=True, exist_ok=True)
  path.chmod(0o700)
  return path


def sqlite(db, sql):
  return subprocess.run(["sqlite3", str(db), sql], check=True, capture_output=True, text=True).stdout.strip()


def available(binary, *command):
  """Whether this build has `wijkweb COMMAND`: its --help succeeds and is its own (an unknown command
  falls through to the menu's help)."""
  result = subprocess.run([str(binary), *command, "--help"], capture_output=True, text=True)
  return result.returncode == 0 and f"wijkweb {' '.join(command)}" in result.stdout


class Suite:
  def __init__(self, args):
    self.args = args
    self.binary = Path(args.binary) if args.binary else ROOT / ".build" / "release" / "wijkweb"
    # The interview benchmark is its own program, built beside wijkweb.
    self.bench = self.binary.parent / "wijkweb-bench"
    self.rows = []
    self.checked = set()
    self.verdicts = []
    self.results = {}
    self.scratch = Path(tempfile.mkdtemp(prefix="wijkweb-bench-"))
    self.scratch.chmod(0o700)

  # Output

  def row(self, group, name, value, unit, baseline=None, baseline_value=None, ratio=None, note=""):
    if ratio is None and baseline_value:
      ratio = value / baseline_value
    self.rows.append((group, name, value, unit, baseline or "", baseline_value, ratio, note))
    self.results[f"{group}: {name}"] = {"value": value, "unit": unit, "baseline": baseline,
                                        "baseline_value": baseline_value, "ratio": ratio}
    print(f"  {name}: {format_value(value, unit)}"
          + (f"  (baseline {baseline}: {format_value(baseline_value, unit)}, ratio {ratio:.2f}x)" if ratio else "")
          + (f"  {note}" if note else ""), flush=True)

  def verdict(self, target, passed, measured):
    self.verdicts.append((target, passed, measured))

  def log(self, text):
    print(text, flush=True)

  # Set-up

  def build(self):
    if self.args.no_build:
      return
    self.log("Building the release binaries (as `make build`: swift build -c release --static-swift-stdlib)...")
    for product in ("wijkweb", "wijkweb-bench"):
      subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product], cwd=ROOT,
                     check=True)

  def data_key(self):
    digest = hashlib.sha256()
    for name in DEMO_INPUTS:
      path = ROOT / name
      digest.update(name.encode() + b"\0" + (path.read_bytes() if path.exists() else b""))
    return digest.hexdigest()[:12]

  def database(self, responses):
    """The cached demo database of `responses` responses (made now when missing), and the demo run's
    figures when it was made in this run."""
    folder = private_folder(DATA / f"{self.data_key()}-{responses}")
    db = folder / "wijkweb.sqlite"
    done = folder / "complete"
    made = None
    if not done.exists():
      for stale in folder.glob("wijkweb.sqlite*"):
        stale.unlink()
      self.log(f"Making the demo database of {responses} responses in {folder}...")
      made = measure([self.binary, "demo", "--db", db, "--responses", responses, "--seed", 1], 1)
      done.write_text(json.dumps(made))
    elif responses not in self.checked:
      # Untimed: migrates a database made by an earlier build and warms the page cache for every contender.
      child = run_child([self.binary, "check", "--db", db])
      if child.status != 0:
        raise SystemExit(f"wijkweb check failed on {db}: {child.stderr}")
    self.checked.add(responses)
    return db, made

  def round_of(self, db):
    """(id, name) of the demo's current round: the one made last."""
    round_id, name = sqlite(db, "SELECT id, name FROM rounds ORDER BY id DESC LIMIT 1").split("|", 1)
    return int(round_id), name

  def fresh_database(self, name):
    """An empty, seeded database in a new private folder of the scratch space."""
    folder = self.scratch / name
    if folder.exists():
      shutil.rmtree(folder)
    db = private_folder(folder) / "wijkweb.sqlite"
    child = run_child([self.binary, "check", "--db", db])
    if child.status != 0:
      raise SystemExit(f"could not make a fresh database: {child.stderr}")
    return db

  # The figures

  def profile_vs_sqlite(self, sizes):
    self.log("\n(1) wijkweb profile --level wijk --format json against sqlite3 (count and mean per wijk, part, dimension)")
    sums = ", ".join(f"count({d}) AS n_{d}, sum({d}) AS s_{d}" for d in DIMENSIONS)
    means = ", ".join(f"sum(n_{d}), sum(s_{d}) / sum(n_{d})" for d in DIMENSIONS)
    growth = []
    for responses in sizes:
      db, _ = self.database(responses)
      round_id, name = self.round_of(db)
      profile, baseline = measure_pair(
        [self.binary, "profile", "--db", db, "--round", name, "--level", "wijk", "--format", "json"],
        ["sqlite3", db, BASELINE_SQL.format(sums=sums, means=means, round=round_id)], self.args.runs)
      self.results[f"profile-{responses}"] = profile
      self.results[f"sqlite-{responses}"] = baseline
      self.row("profile", f"profile {responses:,}", profile["seconds"], "s", "sqlite3", baseline["seconds"])
      self.row("profile", f"profile {responses:,} (CPU time)", profile["cpu"], "s", "sqlite3 (CPU time)", baseline["cpu"])
      self.row("memory", f"profile {responses:,} max RSS", profile["rss_mb"], "MB", "sqlite3", baseline["rss_mb"])
      growth.append((responses, profile["seconds"], baseline["seconds"]))
    self.log("\n    growth of (1) with the responses:")
    for (n0, p0, s0), (n1, p1, s1) in zip(growth, growth[1:]):
      self.row("growth", f"profile {n0:,} -> {n1:,}", p1 / p0, "x", "sqlite3 growth", s1 / s0,
               note=f"(responses x{n1 // n0})")
    largest = sizes[-1]
    if f"profile-{largest}" in self.results:
      ratio = self.results[f"profile-{largest}"]["seconds"] / self.results[f"sqlite-{largest}"]["seconds"]
      self.verdict(f"profile at {largest:,} within 1.5x of sqlite3", ratio <= 1.5, f"{ratio:.2f}x")
    if 100_000 in sizes and largest >= 1_000_000:
      big, small = self.results[f"profile-{largest}"]["rss_mb"], self.results["profile-100000"]["rss_mb"]
      self.verdict(f"profile peak memory at {largest:,} under 150 MB", big < 150, f"{big:.1f} MB")
      self.verdict(f"profile peak memory at {largest:,} <= 1.5x its value at 100,000", big <= 1.5 * small,
                   f"{big:.1f} MB / {small:.1f} MB = {big / small:.2f}x")

  def peer_files(self, db, responses):
    """The peers' native files of the database's part scores (both rounds), made once next to the cached
    database: a DuckDB database, an Arrow IPC file for polars and the flat scores for the memory scan."""
    folder = db.parent
    files = {name: folder / f"scores.{name}" for name in ("duckdb", "arrow", "f64")}
    done = folder / "peers-complete"
    if not done.exists():
      self.log(f"Making the peers' files of {responses:,} responses (untimed)...")
      for path in files.values():
        path.unlink(missing_ok=True)
      csv = self.scratch / "scores.csv"
      with open(csv, "wb") as out:
        subprocess.run(["sqlite3", "-csv", "-header", db, "SELECT round_id, area_code, part_id, "
                        + ", ".join(DIMENSIONS) + " FROM part_scores ORDER BY round_id, response_key, part_id"],
                       check=True, stdout=out)
      subprocess.run([sys.executable, "-c", PEER_FILES_SCRIPT, csv, files["duckdb"], files["arrow"], files["f64"]], check=True)
      csv.unlink()
      done.write_text("")
    return files

  def peers(self, sizes):
    self.log("\n(6) wijkweb profile against DuckDB and polars on their own native files, and a scan of the scores in memory")
    dims = ",".join(DIMENSIONS)
    for responses in sizes:
      db, _ = self.database(responses)
      _, name = self.round_of(db)
      files = self.peer_files(db, responses)
      profile_argv = [self.binary, "profile", "--db", db, "--round", name, "--level", "wijk", "--format", "json"]
      contenders = {
        "DuckDB": [sys.executable, "-c", DUCKDB_SCRIPT, files["duckdb"], dims],
        "polars": [sys.executable, "-c", POLARS_SCRIPT, files["arrow"], dims],
        "scan of the scores in memory": [self.bench, "scan", "--file", files["f64"]],
      }
      # Alternating run by run (ABCD ABCD ...), so load from other jobs falls on every contender alike.
      runs = {label: [] for label in ["wijkweb", *contenders]}
      for _ in range(self.args.runs):
        runs["wijkweb"].append(checked(profile_argv))
        for label, argv in contenders.items():
          runs[label].append(checked(argv))
      profile = summary(runs["wijkweb"])
      note = f"({responses * 3 // 2:,} responses incl. the earlier round; load {os.getloadavg()[0]:.1f})"
      for label in contenders:
        peer = summary(runs[label])
        self.results[f"peer-{label}-{responses}"] = peer
        self.row("peers", f"profile {responses:,} vs {label}", profile["seconds"], "s", label, peer["seconds"],
                 note=f"{note}; CPU {profile['cpu']:.2f} s vs {peer['cpu']:.2f} s; max RSS {profile['rss_mb']:.0f} MB vs {peer['rss_mb']:.0f} MB")
      if responses >= 1_000_000:
        duck = self.results[f"peer-DuckDB-{responses}"]["seconds"]
        scan = self.results[f"peer-scan of the scores in memory-{responses}"]["seconds"]
        self.verdict(f"profile at {responses:,} at least 2x faster than DuckDB", profile["seconds"] * 2 <= duck,
                     f"{profile['seconds'] / duck:.2f}x DuckDB's time")
        self.verdict(f"profile at {responses:,} within 3x of reading the scores once from memory", profile["seconds"] <= 3 * scan,
                     f"{profile['seconds'] / scan:.2f}x")
      if responses == 100_000:
        same = subprocess.run([str(a) for a in profile_argv], capture_output=True).stdout == subprocess.run(
          [str(a) for a in profile_argv] + ["--row-store"], capture_output=True).stdout
        self.verdict("profile JSON at 100,000 byte for byte the same from the columnar copy and from the rows", same,
                     "identical" if same else "differs")
    largest = sizes[-1]
    db, _ = self.database(largest)
    _, name = self.round_of(db)
    times = [first_screen_milliseconds([self.binary, "dashboard", "--db", db, "--round", name], text=name.encode()[:4])
             for _ in range(self.args.runs)]
    if None in times:
      self.row("peers", f"dashboard start to first screen, {largest:,}", float("nan"), "ms", note="did not appear")
    else:
      opened = statistics.median(times)
      self.row("peers", f"dashboard start to first screen, {largest:,}", opened, "ms", "target", 300.0)
      self.verdict(f"dashboard opens a round of {largest:,} in under 0.3 s", opened < 300, f"{opened:.0f} ms")

  def pandas_route(self, responses):
    self.log(f"\n(2) export responses --format csv + pandas (read + group-by) against wijkweb profile, {responses:,} responses")
    db, _ = self.database(responses)
    _, name = self.round_of(db)
    csv = self.scratch / "responses.csv"
    runs = min(self.args.runs, self.args.heavy_runs)
    export = measure([self.binary, "export", "responses", "--db", db, "--round", name, "--format", "csv", "--out", csv,
                      "--force"], runs)
    pandas = measure([sys.executable, "-c", PANDAS_SCRIPT, csv, ",".join(DIMENSIONS)], runs)
    profile = self.results.get(f"profile-{responses}") or measure(
      [self.binary, "profile", "--db", db, "--round", name, "--level", "wijk", "--format", "json"], self.args.runs)
    route = export["seconds"] + pandas["seconds"]
    self.row("pandas", f"export csv {responses:,}", export["seconds"], "s")
    self.row("pandas", f"pandas read + group-by {responses:,}", pandas["seconds"], "s", note=f"max RSS {pandas['rss_mb']:.0f} MB")
    self.row("pandas", f"export + pandas {responses:,}", route, "s", "wijkweb profile", profile["seconds"])
    self.verdict(f"export + pandas at {responses:,} at least 5x slower than wijkweb profile", route >= 5 * profile["seconds"],
                 f"{route / profile['seconds']:.1f}x")

  def bulk(self, big, medium):
    self.log("\n(3) demo, exports, bundle import, report")
    runs = min(self.args.runs, self.args.heavy_runs)
    for responses in (medium, big):
      db, made = self.database(responses)
      if made is None:
        folder = self.scratch / f"demo-{responses}"

        def clear(folder=folder):
          if folder.exists():
            shutil.rmtree(folder)
          private_folder(folder)

        made = measure([self.binary, "demo", "--db", folder / "wijkweb.sqlite", "--responses", responses, "--seed", 1],
                       1 if responses >= 1_000_000 else runs, before=clear)
        shutil.rmtree(folder, ignore_errors=True)
      copy = self.scratch / "vacuum-copy.sqlite"
      vacuum = measure(["sqlite3", db, f"VACUUM INTO '{copy}'"], runs, before=lambda: copy.unlink(missing_ok=True))
      copy.unlink(missing_ok=True)
      self.results[f"demo-{responses}"] = made
      self.row("bulk", f"demo --responses {responses:,}", made["seconds"], "s", "sqlite3 VACUUM INTO (same file)",
               vacuum["seconds"], note=f"({responses * 3 // 2:,} responses incl. the earlier round)")
      self.row("memory", f"demo {responses:,} max RSS", made["rss_mb"], "MB")

    db, _ = self.database(medium)
    round_id, name = self.round_of(db)
    dump = self.scratch / "dump.csv"
    floor = measure(["sqlite3", "-csv", "-header", db, f"SELECT * FROM responses WHERE round_id = {round_id} AND status = 'completed'"],
                    runs, stdout_path=dump)
    for form in ("csv", "xlsx", "sav"):
      out = self.scratch / f"responses.{form}"
      result = measure([self.binary, "export", "responses", "--db", db, "--round", name, "--format", form, "--out", out,
                        "--force"], runs)
      self.row("bulk", f"export responses {medium:,} to {form}", result["seconds"], "s", "sqlite3 -csv dump of the rows",
               floor["seconds"], note=f"max RSS {result['rss_mb']:.0f} MB")

    if available(self.binary, "bundle", "import") and available(self.binary, "bundle", "export"):
      try:
        self.bundle_import(db, round_id, name, medium, runs)
      except CommandFailed as failure:
        self.failed(f"bundle import {medium:,}", failure)
    else:
      self.row("bulk", f"bundle import {medium:,}", float("nan"), "s", note="not available in this build")

    if available(self.binary, "report"):
      try:
        self.report(big, runs)
      except CommandFailed as failure:
        self.failed(f"report --all --format pdf {big:,}", failure)
    else:
      self.row("bulk", f"report --all --format pdf {big:,}", float("nan"), "s", note="not available in this build")

  def failed(self, name, failure):
    """A figure whose command failed: the table says so (first line of its message), the rest still runs."""
    self.log(f"    {failure}")
    lines = [line for line in str(failure).splitlines()[1:] if line.strip()] or [str(failure).splitlines()[0]]
    self.row("bulk", name, float("nan"), "s", note=f"failed: {lines[0][:100]}")

  def bundle_import(self, db, round_id, name, responses, runs):
    bundle = self.scratch / "round.bundle"
    bundle.unlink(missing_ok=True)
    exported = measure([self.binary, "bundle", "export", "--db", db, "--round", name, "--out", bundle], 1)
    self.row("bulk", f"bundle export {responses:,}", exported["seconds"], "s")
    children = []
    for _ in range(runs):
      target = self.fresh_database("import")
      children.append(checked([self.binary, "bundle", "import", bundle, "--db", target]))
    imported = summary(children)
    copy = self.scratch / "copy.sqlite"
    raw = measure(["sqlite3", copy, f"ATTACH '{db}' AS src; "
                   f"CREATE TABLE r AS SELECT * FROM src.responses WHERE round_id = {round_id}; "
                   f"CREATE TABLE s AS SELECT * FROM src.part_scores WHERE round_id = {round_id};"], runs,
                  before=lambda: copy.unlink(missing_ok=True))
    self.row("bulk", f"bundle import {responses:,}", imported["seconds"], "s", "sqlite3 copy of the same rows",
             raw["seconds"], note=f"max RSS {imported['rss_mb']:.0f} MB")

  def bundles(self, sizes):
    """(8) Bundle export and import at each size: peak memory by `/usr/bin/time -v` (it should not grow
    with the number of responses) and the import's time against a raw `sqlite3` copy of the same rows."""
    self.log("\n(8) bundle export and import of one round: peak memory (/usr/bin/time -v) by size, import against a sqlite3 row copy")
    peaks = {}
    for responses in sizes:
      db, _ = self.database(responses)
      round_id, name = self.round_of(db)
      bundle = self.scratch / f"round-{responses}.bundle"
      bundle.unlink(missing_ok=True)
      exported = peak_rss([self.binary, "bundle", "export", "--db", db, "--round", name, "--out", bundle])
      size_mb = bundle.stat().st_size / 1_048_576
      # The bundle is signed by the demo database's device: only a machine of the same team takes it, so
      # the target is a copy of that database emptied of its responses (untimed).
      folder = self.scratch / f"bundle-import-{responses}"
      shutil.rmtree(folder, ignore_errors=True)
      target = private_folder(folder) / "wijkweb.sqlite"
      sqlite(db, f"VACUUM INTO '{target}'")
      sqlite(target, "DELETE FROM answers; DELETE FROM demographics; DELETE FROM reflections; DELETE FROM part_scores; "
                     "DELETE FROM responses; DELETE FROM score_columns_stale; DELETE FROM score_columns; VACUUM;")
      imported = peak_rss([self.binary, "bundle", "import", bundle, "--db", target])
      held = int(sqlite(target, f"SELECT count(*) FROM responses r JOIN rounds o ON o.id = r.round_id WHERE o.name = '{name}'"))
      if held != responses:
        raise CommandFailed(f"bundle import of {responses:,} responses left {held:,} in the database")
      shutil.rmtree(folder, ignore_errors=True)
      copy = self.scratch / "copy.sqlite"
      copy.unlink(missing_ok=True)
      raw = peak_rss(["sqlite3", copy, f"ATTACH '{db}' AS src; "
                      f"CREATE TABLE r AS SELECT * FROM src.responses WHERE round_id = {round_id}; "
                      f"CREATE TABLE s AS SELECT * FROM src.part_scores WHERE round_id = {round_id};"])
      copy.unlink(missing_ok=True)
      bundle.unlink(missing_ok=True)
      self.results[f"bundle-{responses}"] = {"export": exported, "import": imported, "raw": raw, "size_mb": size_mb}
      self.row("bundles", f"bundle export {responses:,}", exported["seconds"], "s", note=f"max RSS {exported['rss_mb']:.0f} MB, file {size_mb:.0f} MB")
      self.row("bundles", f"bundle import {responses:,}", imported["seconds"], "s", "sqlite3 copy of the same rows", raw["seconds"],
               note=f"max RSS {imported['rss_mb']:.0f} MB")
      peaks[responses] = (exported["rss_mb"], imported["rss_mb"])
      self.log(f"    {responses:,}: export {exported['seconds']:.1f} s, max RSS {exported['rss_mb']:.0f} MB, file {size_mb:.0f} MB; "
               f"import {imported['seconds']:.1f} s, max RSS {imported['rss_mb']:.0f} MB; sqlite3 copy {raw['seconds']:.1f} s")
    if len(peaks) >= 2:
      small, large = min(peaks), max(peaks)
      for index, what in enumerate(("export", "import")):
        grown = peaks[large][index] - peaks[small][index]
        self.verdict(f"bundle {what} peak RSS does not grow from {small:,} to {large:,} responses (within 10%)",
                     grown <= 0.1 * peaks[small][index], f"{peaks[small][index]:.0f} MB -> {peaks[large][index]:.0f} MB")

  def report(self, responses, runs):
    db, _ = self.database(responses)
    _, name = self.round_of(db)
    pdf = self.scratch / "report.pdf"

    def clear():
      if pdf.is_dir():
        shutil.rmtree(pdf)
      pdf.unlink(missing_ok=True)

    report = measure([self.binary, "report", "--db", db, "--round", name, "--all", "--format", "pdf", "--out", pdf], runs,
                     before=clear)
    profile = measure([self.binary, "profile", "--db", db, "--round", name, "--format", "json"], runs)
    self.row("bulk", f"report --all --format pdf {responses:,}", report["seconds"], "s", "wijkweb profile (all areas)",
             profile["seconds"], note=f"max RSS {report['rss_mb']:.0f} MB")
    # The protected publication (cell-key perturbation, all levels, both parts, comparisons) with each
    # breakdown: what a dashboard breakdown costs before the engine's cache holds it.
    for breakdown in ("age", "sex", "household"):
      protected = measure([self.binary, "profile", "--db", db, "--round", name, "--by", breakdown, "--format", "json"], runs)
      self.row("bulk", f"protected publication --by {breakdown} {responses:,}", protected["seconds"], "s",
               "wijkweb profile (no breakdown)", profile["seconds"], note=f"max RSS {protected['rss_mb']:.0f} MB")

  def protection(self, responses):
    self.log(f"\n(5) the protected publication of a round of {responses:,} responses: all levels, both parts, the"
             " comparisons, cell-key perturbation; without a breakdown and with each of the three")
    db, _ = self.database(responses)
    _, name = self.round_of(db)
    total = 0.0
    slowest = 0.0
    for breakdown in (None, "age", "sex", "household"):
      argv = [self.binary, "profile", "--db", db, "--round", name, "--format", "json"] + (["--by", breakdown] if breakdown else [])
      figures = measure(argv, self.args.runs)
      label = f"--by {breakdown}" if breakdown else "no breakdown"
      self.results[f"protection-{breakdown or 'none'}-{responses}"] = figures
      self.row("protection", f"publication {label} {responses:,}", figures["seconds"], "s",
               note=f"CPU {figures['cpu']:.2f} s, max RSS {figures['rss_mb']:.0f} MB")
      total += figures["seconds"]
      slowest = max(slowest, figures["seconds"])
    self.row("protection", f"all four publications {responses:,}", total, "s")
    self.verdict(f"each protected publication at {responses:,} (all levels, one breakdown) within 5 s", slowest <= 5,
                 f"slowest {slowest:.2f} s, all four {total:.2f} s")

  def interview(self, big):
    self.log("\n(4) interview: key press to finished redraw (wijkweb-bench), start to first screen")
    if not self.bench.exists():
      self.row("interview", "key press to redraw", float("nan"), "ms", note="not available in this build")
      return
    worst = 0.0
    for width, height in ((80, 24), (200, 60)):
      db = self.fresh_database(f"interview-memory-{width}")
      out = self.scratch / "latency.json"
      child = run_child([self.bench, "interview", "--db", db, "--terminal", "memory", "--width", width,
                         "--height", height, "--keys", self.args.keys], stdout_path=out)
      if child.status != 0:
        raise SystemExit(f"wijkweb-bench interview failed: {child.stderr}")
      memory = json.loads(out.read_text())
      curses = self.curses_latency(width, height)
      for label, figures in (("memory", memory), ("ncurses", curses)):
        if figures is None:
          self.row("interview", f"{label} {width}x{height}", float("nan"), "ms", note="tmux run failed")
          continue
        p99 = figures["p99_us"] / 1000
        worst = max(worst, p99)
        self.row("interview", f"{label} {width}x{height} p50", figures["p50_us"] / 1000, "ms", "target", 5.0)
        self.row("interview", f"{label} {width}x{height} p99", p99, "ms", "target", 5.0,
                 note=f"max {figures['max_us'] / 1000:.1f} ms over {figures['keys']} keys; "
                      f"CPU time p50 {figures['cpu_p50_us'] / 1000:.2f} ms, p99 {figures['cpu_p99_us'] / 1000:.2f} ms")
    self.verdict("key press to redraw p99 under 5 ms (all terminals and sizes)", worst < 5, f"worst p99 {worst:.2f} ms")

    empty = self.fresh_database("first-draw-empty")
    db, _ = self.database(big)
    base = self.first_draw(empty)
    loaded = self.first_draw(db)
    if base is None or loaded is None:
      self.row("interview", f"start to first screen, {big:,}", float("nan"), "ms", note="tmux run failed")
      return
    self.row("interview", f"start to first screen, {big:,}", loaded, "ms", "empty database", base)
    self.verdict(f"start to first screen under 150 ms with {big:,}", loaded < 150, f"{loaded:.0f} ms")

  def tmux(self, *args, check=True):
    return subprocess.run(["tmux", "-L", f"wijkweb-bench-{os.getpid()}", *map(str, args)], capture_output=True, text=True,
                          check=check)

  def in_tmux(self, width, height, argv, done, timeout=120):
    """Runs argv in a detached tmux window of a fixed size until `done` exists; False on time-out."""
    env = ["env", "TERM=xterm-256color", "LANG=C.UTF-8"]
    self.tmux("new-session", "-d", "-x", width, "-y", height, *env, *argv)
    try:
      deadline = time.time() + timeout
      while not done.exists() and time.time() < deadline:
        time.sleep(0.01)
      return done.exists()
    finally:
      self.tmux("kill-server", check=False)

  def curses_latency(self, width, height):
    db = self.fresh_database(f"interview-curses-{width}")
    out = self.scratch / f"curses-{width}.json"
    partial = self.scratch / f"curses-{width}.json.part"
    for path in (out, partial):
      path.unlink(missing_ok=True)
    # The program writes the figures to a file, then the shell renames it: its appearance means done.
    script = (f"'{self.bench}' interview --db '{db}' --terminal curses --keys {self.args.keys} --out '{partial}'"
              f" && mv '{partial}' '{out}'")
    if not self.in_tmux(width, height, ["sh", "-c", script], out):
      return None
    figures = json.loads(out.read_text())
    if (figures["width"], figures["height"]) != (width, height):
      self.log(f"    note: the tmux window was {figures['width']}x{figures['height']}, not {width}x{height}")
    return figures

  def first_draw(self, db):
    """Median milliseconds from exec to the welcome screen on the terminal, over --runs runs."""
    times = []
    for run in range(self.args.runs):
      milliseconds = first_screen_milliseconds([self.binary, "interview", "--db", db])
      if milliseconds is None:
        return None
      times.append(milliseconds)
    return statistics.median(times)

  # Report

  # The central PostgreSQL database

  def central(self, sync_size, profile_size):
    """(7) sync of `sync_size` responses against `psql \\copy` of the same rows, and profile of
    `profile_size` responses on PostgreSQL against the same on SQLite, on a throwaway cluster
    (Tests/Central/pg_cluster.sh: a Unix socket, fsync off) started and removed here."""
    import socket
    import uuid
    if not any(Path("/usr/lib/postgresql").glob("*/bin/initdb")):
      self.log("\n(7) skipped: PostgreSQL is not installed (make deps)")
      return
    # Its own folder under the temporary directory: the postgres user may not enter the private scratch space.
    folder = Path(tempfile.mkdtemp(prefix="wijkweb-bench-pg."))
    with socket.socket() as probe:
      probe.bind(("127.0.0.1", 0))
      port = probe.getsockname()[1]
    password = uuid.uuid4().hex
    env = dict(os.environ, PGPASSWORD=password)
    env.pop("WIJKWEB_CENTRAL", None)
    script = ROOT / "Tests" / "Central" / "pg_cluster.sh"
    subprocess.run([str(script), "start", str(folder), str(port)], check=True, env=env, stdin=subprocess.DEVNULL)
    try:
      def url(database):
        return f"postgresql:///{database}?host={folder}&port={port}&user=postgres"

      def psql(database, *args):
        return subprocess.run(["psql", "-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-h", str(folder), "-p", str(port), "-U", "postgres",
                               "-d", database, *args], check=True, capture_output=True, text=True, env=env).stdout.strip()

      def new_database(name):
        psql("postgres", "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}")
        checked([self.binary, "central", "init", "--url", url(name)], env=env)
        return name

      self.log(f"\n(7) the central database: sync of {sync_size:,} responses against psql \\copy of the same rows")
      cached, _ = self.database(sync_size)
      # A copy: sync records what the server confirmed in the laptop's database, and the cache stays as made.
      db = private_folder(self.scratch / "laptop") / "wijkweb.sqlite"
      shutil.copyfile(cached, db)
      db.chmod(0o600)
      # The server refuses responses of closed rounds (the demo's earlier round): the open rounds' travel.
      total = int(sqlite(db, "SELECT count(*) FROM responses WHERE status = 'completed' AND round_id IN (SELECT id FROM rounds WHERE status = 'open')"))
      synced = new_database("bench_sync")
      checked([self.binary, "central", "publish", "--db", db, "--url", url(synced)], env=env)
      sync = checked([self.binary, "sync", "--db", db, "--to", url(synced), "--batch", "1000"], env=env)
      count = psql(synced, "-c", "SELECT count(*) FROM wijkweb.responses")
      if int(count) != total:
        raise CommandFailed(f"sync stored {count} of {total} responses")
      # The same rows as CSV files (untimed), then loaded with psql \\copy into a fresh database.
      copied = new_database("bench_copy")
      checked([self.binary, "central", "publish", "--db", db, "--url", url(copied)], env=env)
      server_ids = dict(line.split("|", 1)[::-1] for line in psql(copied, "-F", "|", "-c", "SELECT id, name FROM wijkweb.rounds").splitlines())
      server_round = "CASE " + " ".join(
        f"WHEN round_id = {local} THEN {server_ids[round_name]}"
        for local, round_name in (line.split("|", 1) for line in sqlite(db, "SELECT id, name FROM rounds").splitlines())) + " END"
      responses_csv, scores_csv = self.scratch / "responses.csv", self.scratch / "part_scores.csv"
      with open(responses_csv, "w") as out:
        subprocess.run(["sqlite3", "-csv", str(db), f"""SELECT id, {server_round}, questionnaire_id, questionnaire_version, questionnaire_hash,
          device_id, volunteer_code, language, area_code, started_at, completed_at, packed_answers, packed_demographics
          FROM responses WHERE status = 'completed' AND round_id IN (SELECT id FROM rounds WHERE status = 'open')"""], check=True, stdout=out)
      with open(scores_csv, "w") as out:
        subprocess.run(["sqlite3", "-csv", str(db), f"""SELECT r.id, s.part_id, {server_round.replace("round_id", "s.round_id")}, s.area_code,
          {", ".join("s." + d for d in DIMENSIONS)} FROM part_scores s JOIN responses r ON r.key = s.response_key
          WHERE s.round_id IN (SELECT id FROM rounds WHERE status = 'open')"""], check=True, stdout=out)
      copy = checked(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", port, "-U", "postgres", "-d", copied,
                      "-c", f"\\copy wijkweb.responses (id, round_id, questionnaire_id, questionnaire_version, questionnaire_hash, device_id, volunteer_code, language, area_code, started_at, completed_at, packed_answers, packed_demographics) FROM '{responses_csv}' CSV",
                      "-c", f"\\copy wijkweb.part_scores (response_id, part_id, round_id, area_code, {', '.join(DIMENSIONS)}) FROM '{scores_csv}' CSV"],
                     env=env)
      if psql(copied, "-c", "SELECT count(*) FROM wijkweb.responses") != count:
        raise CommandFailed("psql \\copy did not load the same rows")
      self.row("central", f"sync {total:,} (demo of {sync_size:,}, batch 1000)", sync.seconds, "s", "psql \\copy", copy.seconds)
      self.row("central", f"sync {total:,} throughput", total / sync.seconds, " responses/s", "psql \\copy", total / copy.seconds)

      self.log(f"\n(7) profile --level wijk --format json of {profile_size:,} responses: PostgreSQL against SQLite")
      db, _ = self.database(profile_size)
      _, name = self.round_of(db)
      central = new_database("bench_profile")
      load = checked([self.binary, "demo", "--db", url(central), "--responses", profile_size, "--seed", 1], env=env)
      self.row("central", f"demo --db postgresql:// {profile_size:,}", load.seconds, "s")
      # Alternating run by run, as measure_pair does, so load from other jobs falls on both alike.
      server_runs, laptop_runs = [], []
      for _ in range(self.args.runs):
        server_runs.append(checked([self.binary, "profile", "--db", url(central), "--round", name, "--level", "wijk", "--format", "json"],
                                   self.scratch / "central.json", env=env))
        laptop_runs.append(checked([self.binary, "profile", "--db", db, "--round", name, "--level", "wijk", "--format", "json"],
                                   self.scratch / "laptop.json"))
      if (self.scratch / "central.json").read_bytes() != (self.scratch / "laptop.json").read_bytes():
        raise CommandFailed("the profile on PostgreSQL differs from the one on SQLite")
      on_server, on_laptop = summary(server_runs), summary(laptop_runs)
      self.row("central", f"profile {profile_size:,} on PostgreSQL", on_server["seconds"], "s", "the same on SQLite", on_laptop["seconds"])
      self.row("central", f"profile {profile_size:,} on PostgreSQL (client CPU)", on_server["cpu"], "s", "the same on SQLite", on_laptop["cpu"])
      self.row("memory", f"profile {profile_size:,} on PostgreSQL max RSS", on_server["rss_mb"], "MB", "the same on SQLite", on_laptop["rss_mb"])
    finally:
      subprocess.run([str(script), "stop", str(folder)], env=env, stdin=subprocess.DEVNULL)

  def print_table(self):
    print("\n" + "=" * 100)
    print(f"{'figure':<44} {'value':>12}  {'baseline':<32} {'baseline':>10} {'ratio':>7}")
    for group, name, value, unit, baseline, baseline_value, ratio, note in self.rows:
      print(f"{name:<44} {format_value(value, unit):>12}  {baseline:<32} {format_value(baseline_value, unit):>10} "
            f"{(f'{ratio:.2f}x' if ratio else ''):>7}" + (f"  {note}" if note and ('not available' in note or note.startswith('failed')) else ""))
    print("\nTargets:")
    for target, passed, measured in self.verdicts:
      print(f"  {'PASS' if passed else 'MISS'}  {target}: {measured}")

  def markdown(self):
    lines = ["| figure | value | baseline | baseline value | ratio | note |", "|---|---:|---|---:|---:|---|"]
    for group, name, value, unit, baseline, baseline_value, ratio, note in self.rows:
      lines.append(f"| {name} | {format_value(value, unit)} | {baseline} | {format_value(baseline_value, unit)} | "
                   f"{f'{ratio:.2f}x' if ratio else ''} | {note} |")
    lines += ["", "| target | verdict | measured |", "|---|---|---|"]
    for target, passed, measured in self.verdicts:
      lines.append(f"| {target} | {'PASS' if passed else 'MISS'} | {measured} |")
    return "\n".join(lines) + "\n"


def format_value(value, unit):
  if value is None:
    return ""
  if value != value:
    return "n/a"
  if unit == "s":
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"
  if unit == "ms":
    return f"{value:.2f} ms"
  if unit == "MB":
    return f"{value:.1f} MB"
  return f"{value:.2f}{unit}"


def main():
  parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
  parser.add_argument("--runs", type=int, default=5, help="runs per figure (median time, largest max RSS); default 5")
  parser.add_argument("--heavy-runs", type=int, default=3, help="runs for exports, pandas, bundle and report; default 3")
  parser.add_argument("--sizes", default="10000,100000,1000000", help="response counts for (1); the largest is used for the rest")
  parser.add_argument("--keys", type=int, default=3000, help="key presses measured per interview benchmark")
  parser.add_argument("--only", default="profile,peers,pandas,bulk,protection,interview,central,bundles", help="which parts to run")
  parser.add_argument("--bundle-sizes", default="100000,200000", help="responses for (8): bundle export and import peak memory")
  parser.add_argument("--central-sizes", default="100000,1000000",
                      help="responses for (7): synced (against psql \\copy), and profiled on PostgreSQL against SQLite")
  parser.add_argument("--binary", help="a wijkweb binary to measure instead of building .build/release/wijkweb")
  parser.add_argument("--no-build", action="store_true", help="measure the binary as it is")
  parser.add_argument("--markdown", help="also write the table as Markdown to this file")
  parser.add_argument("--json", help="also write all figures as JSON to this file")
  args = parser.parse_args()
  sizes = sorted(int(s) for s in args.sizes.split(","))
  parts = set(args.only.split(","))
  medium = 100_000 if 100_000 in sizes else sizes[0]
  suite = Suite(args)
  try:
    suite.build()
    if not suite.binary.exists():
      raise SystemExit(f"no wijkweb binary at {suite.binary}")
    private_folder(DATA)
    print(f"wijkweb benchmarks, {time.strftime('%Y-%m-%d %H:%M %Z')}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    if "profile" in parts:
      suite.profile_vs_sqlite(sizes)
    if "peers" in parts:
      suite.peers(sizes)
    if "pandas" in parts:
      suite.pandas_route(sizes[-1])
    if "bulk" in parts:
      suite.bulk(sizes[-1], medium)
    if "protection" in parts:
      suite.protection(medium)
    if "interview" in parts:
      suite.interview(sizes[-1])
    if "bundles" in parts:
      suite.bundles([int(x) for x in args.bundle_sizes.split(",")])
    if "central" in parts:
      central_sizes = [int(x) for x in args.central_sizes.split(",")]
      suite.central(central_sizes[0], central_sizes[-1])
    suite.print_table()
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    if args.markdown:
      Path(args.markdown).write_text(suite.markdown())
    if args.json:
      Path(args.json).write_text(json.dumps({"results": suite.results, "verdicts": suite.verdicts}, indent=1, default=str))
  except CommandFailed as failure:
    raise SystemExit(str(failure))
  finally:
    shutil.rmtree(suite.scratch, ignore_errors=True)


if __name__ == "__main__":
  main()
