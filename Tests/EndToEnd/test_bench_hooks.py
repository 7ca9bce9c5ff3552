"""The benchmark suite's measurements (Benchmarks/): the separate `wijkweb-bench interview` program and
the start-to-first-screen timing from outside the program; the shipped wijkweb has no benchmark in it."""

import importlib.util
import json
import subprocess

from conftest import BINARY, REPO, query

BENCH = BINARY.parent / "wijkweb-bench"


def load_bench_module():
    spec = importlib.util.spec_from_file_location("bench", REPO / "Benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_interview_completes_scripted_interviews_and_reports_latency(db_path):
    subprocess.run([str(BINARY), "areas", "list", "--db", str(db_path)], check=True, capture_output=True)
    result = subprocess.run([str(BENCH), "interview", "--db", str(db_path), "--keys", "300", "--width", "100",
                             "--height", "30", "--slowest", "3"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["terminal"] == "memory" and (figures["width"], figures["height"]) == (100, 30)
    assert figures["keys"] >= 300 and figures["interviews"] >= 2
    assert 0 < figures["p50_us"] <= figures["p99_us"] <= figures["max_us"]
    assert 0 < figures["cpu_p50_us"] <= figures["cpu_p99_us"]
    # Every scripted interview was stored as a completed response.
    assert query(db_path, "SELECT count(*) FROM responses WHERE status = 'completed'") == [(figures["interviews"],)]
    # The slowest key presses are listed with the screen they were pressed on.
    slowest = result.stderr.strip().splitlines()
    assert len(slowest) == 3 and all(" us  " in line and " on " in line for line in slowest), slowest


def test_the_bench_refuses_a_database_wijkweb_did_not_make(tmp_path):
    result = subprocess.run([str(BENCH), "interview", "--db", str(tmp_path / "none.sqlite")], capture_output=True,
                            text=True)
    assert result.returncode != 0 and "wijkweb check --db" in result.stderr


def test_wijkweb_itself_has_no_benchmark_command():
    assert "bench" not in subprocess.run([str(BINARY), "--help"], capture_output=True, text=True).stdout
    result = subprocess.run([str(BINARY), "bench-interview", "--help"], capture_output=True, text=True)
    assert "scripted interviews" not in result.stdout + result.stderr


def test_start_to_first_screen_is_timed_on_a_terminal_from_outside(db_path):
    subprocess.run([str(BINARY), "areas", "list", "--db", str(db_path)], check=True, capture_output=True)
    milliseconds = load_bench_module().first_screen_milliseconds([BINARY, "interview", "--db", db_path])
    assert milliseconds is not None and 0 < milliseconds < 60_000
    # The program was ended with Ctrl-C: the interview lock is free again for the next start.
    again = load_bench_module().first_screen_milliseconds([BINARY, "interview", "--db", db_path])
    assert again is not None
    # A program that never shows the welcome screen gives no figure.
    assert load_bench_module().first_screen_milliseconds(["/bin/sleep", "5"], timeout=0.5) is None
