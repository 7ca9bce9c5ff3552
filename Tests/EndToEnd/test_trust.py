"""Team identity and enrolment through the real binary: a laptop alone is its own team; the team key
enrols it; then only the team key makes rounds; a crafted certificate changes nothing."""

import json
import sqlite3
import time

from conftest import query
from test_bundles import enrol, laptop, run, snapshot, team_key

def test_a_laptop_alone_is_its_own_team_until_the_team_enrols_it(tmp_path):
    db = laptop(tmp_path, "a", seed=70, responses=3, team=False)
    status, out, _ = run("device", "show", "--db", db, check=0)
    assert "local team" in out
    # Alone, the laptop makes its own rounds.
    run("round", "create", "--db", db, "Alleen", check=0)

    enrol(tmp_path, db, "a")
    status, out, _ = run("device", "show", "--db", db, check=0)
    assert "local team" not in out and "certificate: issued" in out
    status, out, err = run("audit", "--db", db, check=0)
    assert "device-enrolled" in out

    # Enrolled, only the team key makes rounds.
    before = snapshot(db)
    status, _, err = run("round", "create", "--db", db, "Zelf bedacht")
    assert status != 0 and "rounds come from the team" in err and err.count("\n") == 1, err
    assert snapshot(db) == before
    key, passphrase = team_key(tmp_path)
    run("round", "create", "--db", db, "Van het team", "--key", key, "--passphrase-file", passphrase, check=0)
    status, out, _ = run("round", "list", "--db", db, check=0)
    assert "Van het team" in out and "Zelf bedacht" not in out


def test_a_certificate_for_another_laptop_or_changed_is_refused_and_changes_nothing(tmp_path):
    a = laptop(tmp_path, "a", seed=71, responses=2, team=False)
    b = laptop(tmp_path, "b", seed=72, responses=2, team=False)
    certificate = enrol(tmp_path, a, "a")
    before = snapshot(b)
    status, _, err = run("device", "enrol", "--db", b, "--certificate", certificate)
    assert status != 0 and "not for this laptop" in err and err.count("\n") == 1, err
    assert snapshot(b) == before

    # b's own request, its certificate then changed to name the device of a: the signature does not hold.
    key, passphrase = team_key(tmp_path)
    _, request, _ = run("device", "enrol", "--db", b, check=0)
    good = tmp_path / "b.cert"
    run("team", "enrol-device", request.strip(), "--key", key, "--passphrase-file", passphrase, "--out", good, check=0)
    header, body = good.read_text().splitlines()
    changed = json.loads(body)
    changed["issued_at"] = "2020-01-01T00:00:00Z"
    forged = tmp_path / "forged.cert"
    forged.write_text(header + "\n" + json.dumps(changed) + "\n")
    status, _, err = run("device", "enrol", "--db", b, "--certificate", forged)
    assert status != 0 and "signature" in err and err.count("\n") == 1, err
    assert snapshot(b) == before
    status, out, _ = run("device", "show", "--db", b, check=0)
    assert "local team" in out

    # A mistyped request is caught by its checksum, and nothing is signed.
    typo = request.strip()[:-1] + ("0" if request.strip()[-1] != "0" else "1")
    status, out, err = run("team", "enrol-device", typo, "--key", key, "--passphrase-file", passphrase)
    assert status != 0 and "checksum" in err and out == ""


def canonical(db):
    """What bundles carry, without local keys and times: completed responses, reflections, withdrawals, rounds."""
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return [connection.execute(sql).fetchall() for sql in [
            "SELECT id, device_id, completed_at, packed_answers, sealed FROM responses WHERE status = 'completed' ORDER BY id",
            "SELECT response_id, prompt_id, text FROM reflections WHERE response_id IN "
            "(SELECT id FROM responses WHERE status = 'completed') ORDER BY response_id, prompt_id",
            "SELECT response_id, withdrawn_at, device_id FROM tombstones ORDER BY response_id",
            "SELECT name, questionnaire_hash, min_group_size FROM rounds WHERE name = 'Najaar test'"]]
    finally:
        connection.close()


def device_of(db):
    return query(db, "SELECT value FROM meta WHERE key = 'device_id'")[0][0]


def test_four_machines_with_one_laptop_revoked_halfway_end_the_same_in_every_order(tmp_path):
    team, a, b, c = (laptop(tmp_path, name, seed=90 + i, responses=3) for i, name in enumerate(["team", "a", "b", "c"]))
    bundles = {}

    def export(db, name):
        bundles[name] = tmp_path / f"{name}.bundle"
        run("bundle", "export", "--db", db, "--out", bundles[name], check=0)

    for db, name in [(team, "t1"), (a, "a1"), (b, "b1"), (c, "c1")]:
        export(db, name)
    revoked = device_of(c)
    key, passphrase = team_key(tmp_path)
    # Times have whole seconds, and a bundle made in the second of the revocation counts as after it.
    time.sleep(1.1)
    before = snapshot(team)
    status, out, err = run("team", "revoke-device", revoked, "--db", team, "--key", key, "--passphrase-file", passphrase)
    assert status == 0 and "revoked from" in out, err
    assert snapshot(team)["responses"] == before["responses"]
    revoked_at = query(team, "SELECT list FROM revocation_list")[0][0]
    revoked_at = json.loads(revoked_at)["entries"][0]["revoked_at"]
    time.sleep(1.1)

    # Laptop C goes on after its revocation (it does not know yet): two interviews completed on it later
    # (demo responses carry the device "demo"; these two are C's own).
    later = [row[0] for row in query(c, "SELECT id FROM responses WHERE status = 'completed' ORDER BY id LIMIT 2")]
    with sqlite3.connect(c) as connection:
        connection.executemany("UPDATE responses SET completed_at = '2099-01-01T00:00:00Z', device_id = ? WHERE id = ?",
                               [(revoked, i) for i in later])
    export(c, "c2")
    # A relay that has not heard of the revocation takes them, and passes them on in its own signed bundle.
    status, out, err = run("bundle", "import", "--db", a, bundles["c2"])
    assert status == 0 and "new: 3" in out, err
    export(a, "a2")
    export(team, "t2")  # carries the revocation list

    # The team's machine refuses C's new bundle whole, and C's later records inside A's bundle one by one.
    status, _, err = run("bundle", "import", "--db", team, bundles["c2"])
    assert status != 0 and "revoked" in err and err.count("\n") == 1, err
    status, out, err = run("bundle", "import", "--db", team, bundles["a2"])
    assert status == 0 and "refused: 2 responses completed by a revoked device" in out, out + err

    fresh = []
    for index in range(3):
        db = tmp_path / f"fresh{index}" / "wijkweb.sqlite"
        enrol(tmp_path, db, f"fresh{index}")
        fresh.append(db)
    names = ["t1", "a1", "b1", "c1", "c2", "a2", "t2"]
    orders = {team: names, a: names[::-1], b: ["t2"] + names[:-1], c: ["c2", "a2", "t1", "t2", "b1", "a1", "c1"],
              fresh[0]: names, fresh[1]: names[::-1], fresh[2]: ["a2", "t2", "c2", "c1", "b1", "t1", "a1"]}
    for db, order in orders.items():
        for name in order:
            status, out, err = run("bundle", "import", "--db", db, bundles[name])
            assert status == 0 or (name == "c2" and "revoked" in err), (name, out, err)
    dumps = {str(db): canonical(db) for db in orders}
    first = canonical(team)
    assert all(dump == first for dump in dumps.values()), "every machine ends the same"
    responses = first[0]
    assert len(responses) == 4 * 3
    assert not [r for r in responses if r[1] == revoked and r[2] >= revoked_at], "nothing of C after its revocation"
    # The two ids are held in their content from before the revocation (C's first bundle), not the later one.
    assert [r[1:3] for r in responses if r[0] in later] == [("demo", r[2]) for r in responses if r[0] in later]
    assert all(r[2] < revoked_at for r in responses if r[0] in later)
    # Every machine now holds the list and says so.
    status, out, _ = run("device", "show", "--db", fresh[1], check=0)
    assert f"revoked devices (list 1): {revoked}" in out


def test_a_relay_cannot_change_or_invent_what_it_forwards(tmp_path):
    from test_hostile_bundles import read_bundle, write_bundle

    team = laptop(tmp_path, "team", seed=110, responses=2)
    a = laptop(tmp_path, "a", seed=111, responses=3)
    relay = laptop(tmp_path, "relay", seed=112, responses=2)
    origin = device_of(a)
    # Two of A's responses are interviews of A's own (demo responses carry the device "demo").
    with sqlite3.connect(a) as connection:
        connection.execute("UPDATE responses SET device_id = ?, volunteer_code = 'V12' WHERE id IN "
                           "(SELECT id FROM responses ORDER BY id LIMIT 2)", (origin,))
    own = [row[0] for row in query(a, "SELECT id FROM responses WHERE device_id = ? ORDER BY id", (origin,))]
    assert len(own) == 2
    run("bundle", "export", "--db", a, "--out", tmp_path / "a.bundle", check=0)
    status, out, err = run("bundle", "import", "--db", relay, tmp_path / "a.bundle")
    assert status == 0 and "new: 3" in out, err
    run("bundle", "export", "--db", relay, "--out", tmp_path / "relay.bundle", check=0)
    manifest, records = read_bundle(tmp_path / "relay.bundle")
    assert manifest["device_id"] == device_of(relay)
    forwarded = {r["id"]: r for r in records if r["type"] == "response" and r["id"] in own}
    assert {r["signed_by"] for r in forwarded.values()} == {"device"} and {r["device_id"] for r in forwarded.values()} == {origin}

    def refused(path, words):
        before, entries = canonical(team), query(team, "SELECT count(*) FROM audit WHERE action = 'bundle-refused'")[0][0]
        everything = snapshot(team)
        status, out, err = run("bundle", "import", "--db", team, path)
        assert status != 0 and words in err and err.count("\n") == 1 and out == "", err
        assert canonical(team) == before
        assert {k: v for k, v in snapshot(team).items() if k != "audit"} == {k: v for k, v in everything.items() if k != "audit"}
        assert query(team, "SELECT count(*) FROM audit WHERE action = 'bundle-refused'")[0][0] == entries + 1

    # The relay changes one answer of A's interview and signs its bundle with its own valid key: refused.
    target = own[0]
    changed = [dict(r, packed_answers=("1" if r["packed_answers"][0] != "1" else "2") + r["packed_answers"][1:])
               if r.get("id") == target else r for r in records]
    write_bundle(tmp_path / "changed.bundle", manifest, changed)
    refused(tmp_path / "changed.bundle", f"response {target} does not carry a valid signature of the device that completed it")
    # Claiming the team signed it changes nothing.
    claimed = [dict(r, signed_by="team") if r.get("id") == target else r for r in changed]
    write_bundle(tmp_path / "claimed.bundle", manifest, claimed)
    refused(tmp_path / "claimed.bundle", "does not carry a valid signature")
    # A withdrawal the relay makes up in A's name: refused.
    forged = records + [{"type": "tombstone", "response_id": own[1], "withdrawn_at": "2026-11-20T10:00:00Z", "device_id": origin,
                         "receipt_code": "ABCD-EFGH-JKMN-PQRS", "signature": ""}]
    write_bundle(tmp_path / "withdrawal.bundle", manifest, forged, record_keys=[device_of(relay)])
    refused(tmp_path / "withdrawal.bundle", f"the withdrawal of response {own[1]} does not carry a valid signature")
    # Unchanged, A's interviews pass through the relay with A's signature.
    status, out, err = run("bundle", "import", "--db", team, tmp_path / "relay.bundle")
    assert status == 0 and "new: 5" in out, out + err
    assert query(team, "SELECT device_id, record_signer FROM responses WHERE id = ?", (target,)) == [(origin, "device")]
    # Records without their own signature (Wijkweb before record signatures) only with --accept-unsigned, loudly.
    b = laptop(tmp_path, "b", seed=113, responses=1)
    bare = [{k: v for k, v in r.items() if k not in ("signature", "signed_by")} for r in records]
    write_bundle(tmp_path / "bare.bundle", manifest, bare)
    status, out, err = run("bundle", "import", "--db", b, tmp_path / "bare.bundle")
    assert status != 0 and "--accept-unsigned" in err and err.count("\n") == 1, err
    status, out, err = run("bundle", "import", "--db", b, tmp_path / "bare.bundle", "--accept-unsigned")
    assert status == 0 and "NO SIGNATURE" in err and "new: 5" in out, out + err
    assert query(b, "SELECT count(*) FROM audit WHERE action = 'bundle-unsigned-accepted'")[0][0] == 1
    assert query(b, "SELECT record_signer FROM responses WHERE id = ?", (target,)) == [(None,)]
    # The signed copy arriving later lends them their origin's signature.
    status, out, err = run("bundle", "import", "--db", b, tmp_path / "relay.bundle")
    assert status == 0 and "already present: 5" in out, out + err
    assert query(b, "SELECT record_signer FROM responses WHERE id = ?", (target,)) == [("device",)]
