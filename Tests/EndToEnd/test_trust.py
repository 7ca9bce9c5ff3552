"""Team identity and enrolment through the real binary: a laptop alone is its own team; the team key
enrols it; then only the team key makes rounds; a crafted certificate changes nothing."""

import json

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
