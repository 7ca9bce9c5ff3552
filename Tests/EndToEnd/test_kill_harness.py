"""The short form of the kill harness (Tests/Faults/kill_harness.py): 20 SIGKILLs at random moments of an
interview, each followed by `wijkweb check`, a look at the stored answers and a resume."""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "Faults"))

import kill_harness  # noqa: E402

KILLS = int(os.environ.get("WIJKWEB_KILLS", "20"))


def test_twenty_random_kills_lose_nothing_confirmed(tmp_path):
    seed = int(os.environ.get("WIJKWEB_KILL_SEED", "0")) or int(time.time())
    lines = []
    survived, made, failures, _ = kill_harness.run(KILLS, seed, tmp_path, log=lines.append)
    assert failures == [], f"seed {seed}: " + "\n".join(failures)
    assert (survived, made) == (KILLS, KILLS)
