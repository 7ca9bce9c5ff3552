"""The two measuring hooks the benchmark suite (Benchmarks/) uses: `wijkweb bench-interview` and
WIJKWEB_FIRST_DRAW_REPORT."""

import json
import subprocess
import time

from conftest import BINARY, WELCOME, query


def test_bench_interview_completes_scripted_interviews_and_reports_latency(db_path):
    result = subprocess.run([str(BINARY), "bench-interview", "--db", str(db_path), "--keys", "300", "--width", "100",
                             "--height", "30"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["terminal"] == "memory" and (figures["width"], figures["height"]) == (100, 30)
    assert figures["keys"] >= 300 and figures["interviews"] >= 2
    assert 0 < figures["p50_us"] <= figures["p99_us"] <= figures["max_us"]
    assert 0 < figures["cpu_p50_us"] <= figures["cpu_p99_us"]
    # Every scripted interview was stored as a completed response.
    assert query(db_path, "SELECT count(*) FROM responses WHERE status = 'completed'") == [(figures["interviews"],)]


def test_bench_interview_is_hidden_from_help():
    assert "bench-interview" not in subprocess.run([str(BINARY), "--help"], capture_output=True, text=True).stdout


def test_first_draw_report_holds_the_time_of_the_first_screen(tui, tmp_path):
    report = tmp_path / "first-draw"
    started = time.time()
    tui._new_session([str(BINARY), "interview", "--db", str(tui.db_path)], 100, 30,
                     {"WIJKWEB_FIRST_DRAW_REPORT": str(report)})
    tui.wait_for(WELCOME)
    deadline = time.time() + 10
    while not (report.exists() and report.read_text().strip()) and time.time() < deadline:
        time.sleep(0.05)
    drawn = float(report.read_text())
    assert started < drawn < time.time()
