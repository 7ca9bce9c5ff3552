"""Crafted bundles, with every checksum recomputed so only the rules of trust stop them: each is refused
with one sentence (or its bad records are refused and counted), the database is unchanged but for the
audit entry, and no escape sequence from a file reaches stdout or stderr."""

import base64
import hashlib
import json
import os
import sqlite3
import uuid

from conftest import TOTAL_ITEMS, query
from conftest import sign_ed25519
from test_bundles import DEVICE_KEYS, enrol, laptop, run, snapshot

ESC = "\x1b"
OSC52 = ESC + "]52;c;cm0gLXJmIH4=\x07"
CLEAR = ESC + "[2J"
TITLE = ESC + "]0;gehackt" + ESC + "\\"
HOSTILE = OSC52 + CLEAR + TITLE


def read_bundle(path):
    lines = path.read_bytes().decode().split("\n")
    assert lines[0] == "WIJKWEB-BUNDLE 1" and lines[-1] == ""
    return json.loads(lines[1]), [json.loads(line) for line in lines[2:-2]]


def trust_message(domain, fields):
    """The bytes a Wijkweb signature covers (`TrustMessage`): the domain line, then each field as length:value."""
    message = (domain + "\n").encode()
    for field in fields:
        value = field.encode()
        message += str(len(value)).encode() + b":" + value + b"\n"
    return message


def optional(record, key):
    return "-" if record.get(key) is None else "=" + record[key]


def record_message(record):
    """The bytes a record's own signature covers (`RecordSignature.message`)."""
    if record["type"] == "tombstone":
        return trust_message("WIJKWEB-WITHDRAWAL-SIGNATURE 1", [record["response_id"], record["withdrawn_at"], record["device_id"],
                                                                optional(record, "receipt_code")])
    fields = [record["id"], record["round"], record["questionnaire_id"], str(record["questionnaire_version"]),
              record["questionnaire_hash"], record["device_id"], record["volunteer_code"], record["language"],
              optional(record, "language_status"), optional(record, "area_code"), record["status"], record["started_at"],
              record["completed_at"], optional(record, "receipt_code"), optional(record, "receipt_locator"),
              optional(record, "receipt_salt"), optional(record, "receipt_hash"), record["packed_answers"],
              record["packed_demographics"], optional(record, "sealed")]
    for reflection in sorted(record.get("reflections", []), key=lambda f: f["prompt_id"]):
        fields += [reflection["prompt_id"], reflection["text"]]
    return trust_message("WIJKWEB-RESPONSE-SIGNATURE 1", fields)


def record_signer(record):
    """The device whose key signs `record` (its origin, or the generator of demo data), or None for the team."""
    if record["type"] == "tombstone":
        return record["device_id"]
    signed_by = record.get("signed_by") or ""
    if signed_by == "device":
        return record["device_id"]
    return signed_by[len("generator:"):] if signed_by.startswith("generator:") else None


def write_bundle(path, manifest, records, sign=True, record_keys=None):
    """A bundle with every checksum and count recomputed, as an attacker with the format would write it, and
    (with `sign`) signed again with the device key of the laptop that made it, as one who took that laptop's
    database could: so only the rules after the signature stop it. That attacker signs again the records
    whose signing device is in `record_keys` (by default that laptop alone): a relay holds no other key."""
    if sign:
        holders = {manifest.get("device_id")} if record_keys is None else set(record_keys)
        records = [dict(r, signature=base64.b64encode(sign_ed25519(record_message(r), DEVICE_KEYS[record_signer(r)])).decode())
                   if r["type"] in ("response", "tombstone") and "signature" in r and record_signer(r) in holders
                   and record_signer(r) in DEVICE_KEYS else r
                   for r in records]
    record_bytes = b"".join(json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"
                            for r in records)
    manifest = dict(manifest)
    manifest["records_sha256"] = hashlib.sha256(record_bytes).hexdigest()
    manifest["rounds"] = [r["name"] for r in records if r["type"] == "round"]
    kinds = [r["type"] for r in records]
    manifest["counts"] = {"questionnaires": kinds.count("questionnaire"), "rounds": kinds.count("round"),
                          "responses": kinds.count("response"), "tombstones": kinds.count("tombstone"),
                          "reflections": sum(len(r.get("reflections", [])) for r in records if r["type"] == "response")}
    if sign and manifest.get("device_id") in DEVICE_KEYS:
        message = trust_message("WIJKWEB-BUNDLE-SIGNATURE 1", [str(manifest["format"]), manifest["device_id"],
                                                                manifest["created_at"], manifest.get("since") or "",
                                                                manifest["records_sha256"]])
        manifest["signature"] = base64.b64encode(sign_ed25519(message, DEVICE_KEYS[manifest["device_id"]])).decode()
    body = b"WIJKWEB-BUNDLE 1\n" + json.dumps(manifest, sort_keys=True, separators=(",", ":"),
                                               ensure_ascii=False).encode() + b"\n" + record_bytes
    path.write_bytes(body + b"WIJKWEB-BUNDLE-END " + hashlib.sha256(body).hexdigest().encode() + b"\n")


def without_audit(db):
    return {table: rows for table, rows in snapshot(db).items() if table != "audit"}


def refused_entries(db):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT detail FROM audit WHERE action = 'bundle-refused'").fetchall()


def exported(tmp_path, db, name="a.bundle"):
    path = tmp_path / name
    run("bundle", "export", "--db", db, "--out", path, check=0)
    return path


def assert_refused_plainly(tmp_path, db, path, words):
    before = without_audit(db)
    entries = len(refused_entries(db))
    status, out, err = run("bundle", "import", "--db", db, path)
    assert status != 0 and words in err, err
    assert ESC not in out + err and "Traceback" not in err
    assert err.count("\n") == 1, f"one sentence: {err!r}"
    assert without_audit(db) == before
    assert len(refused_entries(db)) == entries + 1


def test_a_hostile_round_name_or_reflection_is_refused_without_reaching_the_terminal(tmp_path):
    a = laptop(tmp_path, "a", seed=60, responses=8)
    b = laptop(tmp_path, "b", seed=61, responses=3)
    manifest, records = read_bundle(exported(tmp_path, a))

    renamed = [dict(r, name="Najaar" + HOSTILE) if r["type"] == "round" else
               dict(r, round="Najaar" + HOSTILE) if r["type"] == "response" else r for r in records]
    write_bundle(tmp_path / "name.bundle", manifest, renamed)
    assert_refused_plainly(tmp_path, b, tmp_path / "name.bundle", "control characters")

    empty = [dict(r, name="") if r["type"] == "round" else dict(r, round="") if r["type"] == "response" else r
             for r in records]
    write_bundle(tmp_path / "empty.bundle", manifest, empty)
    assert_refused_plainly(tmp_path, b, tmp_path / "empty.bundle", "has no name")

    responses = [r for r in records if r["type"] == "response"]
    prompt = "matters"
    reflected = [dict(r, reflections=[{"prompt_id": prompt, "text": "Mooi" + HOSTILE, "review_status": "unreviewed",
                                       "dimensions": ""}]) if r is responses[0] else r for r in records]
    write_bundle(tmp_path / "reflection.bundle", manifest, reflected)
    assert_refused_plainly(tmp_path, b, tmp_path / "reflection.bundle", "control characters")

    long = [dict(r, reflections=[{"prompt_id": prompt, "text": "x" * 1001, "review_status": "unreviewed",
                                  "dimensions": ""}]) if r is responses[0] else r for r in records]
    write_bundle(tmp_path / "long.bundle", manifest, long)
    status, _, err = run("bundle", "import", "--db", b, tmp_path / "long.bundle")
    assert status != 0 and "at most 1000" in err

    # The audit log records each refusal, and shows it without the escape sequences.
    status, out, err = run("audit", "--db", b)
    assert status == 0 and out.count("bundle-refused") == 4 and ESC not in out + err, out


def test_names_already_in_a_database_are_printed_with_control_characters_visible(tmp_path):
    db = laptop(tmp_path, "a", seed=62, responses=12)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE rounds SET name = ? WHERE name = 'Najaar test'", ("Najaar" + HOSTILE,))
        connection.execute("UPDATE areas SET name = name || ? ", (HOSTILE,))
    name = "Najaar" + HOSTILE
    outputs = [run("round", "list", "--db", db), run("round", "show", "--db", db, name),
               run("round", "show", "--db", db, "Onbekend" + HOSTILE), run("profile", "--db", db),
               run("profile", "--db", db, "--round", name, "--format", "csv"), run("areas", "list", "--db", db),
               run("export", "responses", "--db", db, "--round", name, "--format", "csv", "--out", tmp_path / "r.csv"),
               run("audit", "--db", db)]
    for status, out, err in outputs:
        assert ESC not in out + err, (out, err)
    assert "Najaar\u241b]52;c;" in outputs[0][1]
    assert outputs[1][0] == 0 and "\u241b[2J" in outputs[1][1]
    assert outputs[3][0] == 0, outputs[3][2]
    assert outputs[5][0] == 0 and "\u241b" in outputs[5][1], outputs[5]
    assert outputs[6][0] == 0, outputs[6][2]


def test_forged_withdrawals_are_refused_counted_and_reported(tmp_path):
    a = laptop(tmp_path, "a", seed=63, responses=10)
    b = laptop(tmp_path, "b", seed=64, responses=1)
    bundle = exported(tmp_path, a)
    run("bundle", "import", "--db", b, bundle, check=0)
    manifest, records = read_bundle(bundle)
    ids = [r["id"] for r in records if r["type"] == "response"]
    forged = [r for r in records if r["type"] in {"questionnaire", "round"}]
    # Entered (and signed) with laptop a's own key, as one who took its database could: the receipt codes stop them.
    forged += [{"type": "tombstone", "response_id": i, "withdrawn_at": "2026-11-20T10:00:00Z", "device_id": manifest["device_id"],
                "receipt_code": "ABCD-EFGH-JKMN-PQRS", "signature": ""} for i in ids]
    write_bundle(tmp_path / "forged.bundle", manifest, forged)
    before = without_audit(b)
    status, out, err = run("bundle", "import", "--db", b, tmp_path / "forged.bundle")
    assert status == 0, err
    assert f"withdrawals refused: {len(ids)}" in out and "withdrawn: 0" in out
    assert f"{len(ids)} because its receipt code does not match the response" in out
    assert without_audit(b) == before
    status, out, _ = run("bundle", "export", "--db", b, "--out", tmp_path / "onward.bundle")
    assert status == 0 and "0 withdrawals" in out, out


def test_a_plain_bundle_cannot_replace_sealed_responses_and_a_bad_blob_does_not_block_unsealing(tmp_path):
    from test_sealed import PASSPHRASE as KEY_PASSPHRASE, interview_lines, plain_interview

    os.chmod(tmp_path, 0o700)
    passphrase_file = tmp_path / "zin.txt"
    passphrase_file.write_text(KEY_PASSPHRASE + "\n")
    run("keys", "create", "--out", tmp_path / "team", "--passphrase-file", passphrase_file, check=0)
    laptop_db = tmp_path / "laptop" / "wijkweb.sqlite"
    run("areas", "list", "--db", laptop_db, check=0)
    for (name,) in query(laptop_db, "SELECT name FROM rounds"):
        run("round", "close", name, "--db", laptop_db, check=0)
    key = tmp_path / "team.key"
    enrol(tmp_path, laptop_db, "laptop", key, passphrase_file)
    run("round", "create", "Verzegeld", "--seal-to", tmp_path / "team.pub", "--min-group", "5", "--db", laptop_db,
        "--key", key, "--passphrase-file", passphrase_file, check=0)
    for index in range(2):
        plain_interview(laptop_db, interview_lines(index))
    manifest, records = read_bundle(exported(tmp_path, laptop_db))
    relay = tmp_path / "relay" / "wijkweb.sqlite"
    enrol(tmp_path, relay, "relay", key, passphrase_file)
    run("bundle", "import", "--db", relay, tmp_path / "a.bundle", check=0)

    # The attack of issue 13: the sealed response without its `sealed` field, with answers of the
    # attacker and a reflection marked publishable, in a plain bundle and with no key.
    forged = []
    for record in records:
        if record["type"] == "response" and not forged_ids(forged):
            record = {k: v for k, v in record.items() if k != "sealed"}
            record.update(packed_answers="0" * TOTAL_ITEMS, packed_demographics="",
                          reflections=[{"prompt_id": "matters", "text": "Verzonnen", "review_status": "publishable",
                                        "dimensions": ""}])
        forged.append(record)
    write_bundle(tmp_path / "forged.bundle", manifest, forged)
    assert_refused_plainly(tmp_path, relay, tmp_path / "forged.bundle", "is sealed")

    # One blob that does not open (random bytes) among the sealed ones: reported by id, the rest opens.
    bad = dict(next(r for r in records if r["type"] == "response"))
    bad["id"] = str(uuid.uuid4())
    bad["sealed"] = base64.b64encode(os.urandom(300)).decode()
    for field in ["receipt_locator", "receipt_salt", "receipt_hash"]:
        bad.pop(field, None)
    write_bundle(tmp_path / "bad.bundle", manifest, records + [bad])
    run("bundle", "import", "--db", relay, tmp_path / "bad.bundle", check=0)
    status, out, err = run("unseal", "--db", relay, "--key", tmp_path / "team.key", "--passphrase-file", passphrase_file)
    assert status == 0, err
    assert "unsealed: 2" in out and f"not opened: response {bad['id']}" in out
    assert query(relay, "SELECT id FROM responses WHERE sealed IS NOT NULL") == [(bad["id"],)]


def forged_ids(records):
    return [r for r in records if r["type"] == "response" and "sealed" not in r]


def test_unsigned_altered_and_foreign_bundles_are_refused_before_anything_else(tmp_path):
    a = laptop(tmp_path, "a", seed=80, responses=4)
    b = laptop(tmp_path, "b", seed=81, responses=2)
    manifest, records = read_bundle(exported(tmp_path, a))
    assert manifest["certificate"]["device_id"] == manifest["device_id"] and manifest["signature"]

    # The signature and certificate removed, checksums recomputed: a bundle of nobody.
    bare = {k: v for k, v in manifest.items() if k not in ("signature", "certificate")}
    write_bundle(tmp_path / "unsigned.bundle", bare, records, sign=False)
    assert_refused_plainly(tmp_path, b, tmp_path / "unsigned.bundle", "not signed")

    # One score changed, every checksum recomputed, the old signature kept: altered after signing.
    responses = [r for r in records if r["type"] == "response"]
    altered = [dict(r, volunteer_code="V99") if r is responses[0] else r for r in records]
    write_bundle(tmp_path / "altered.bundle", manifest, altered, sign=False)
    assert_refused_plainly(tmp_path, b, tmp_path / "altered.bundle", "changed after the laptop signed it")

    # Signed by a laptop that is not in the team (a laptop alone, its own team), naming itself.
    stranger = laptop(tmp_path, "stranger", seed=82, responses=2, team=False)
    foreign_manifest, foreign_records = read_bundle(exported(tmp_path, stranger, "stranger.bundle"))
    assert_refused_plainly(tmp_path, b, tmp_path / "stranger.bundle", "not a device of this machine's team")

    # The stranger's records under the certificate of an enrolled laptop, signed with the stranger's key.
    borrowed = dict(foreign_manifest, certificate=manifest["certificate"], device_id=manifest["device_id"])
    write_bundle(tmp_path / "borrowed.bundle", borrowed, foreign_records, sign=False)
    assert_refused_plainly(tmp_path, b, tmp_path / "borrowed.bundle", "changed after the laptop signed it")
    assert len(refused_entries(b)) == 4


def test_a_bundle_of_the_previous_version_needs_accept_unsigned_and_brings_no_round(tmp_path):
    a = laptop(tmp_path, "a", seed=83, responses=3)
    b = laptop(tmp_path, "b", seed=84, responses=2)
    manifest, records = read_bundle(exported(tmp_path, a))
    old = {k: v for k, v in manifest.items() if k not in ("signature", "certificate")}
    old_records = [{k: v for k, v in r.items() if k != "team_signature"} for r in records]
    write_bundle(tmp_path / "old.bundle", old, old_records, sign=False)
    assert_refused_plainly(tmp_path, b, tmp_path / "old.bundle", "--accept-unsigned")

    status, out, err = run("bundle", "import", "--db", b, tmp_path / "old.bundle", "--accept-unsigned")
    assert status == 0 and "NOT SIGNED" in err and "new: 3" in out, err
    status, out, _ = run("audit", "--db", b, check=0)
    assert "bundle-unsigned-accepted" in out

    # A round this machine does not hold does not come in without the team's signature.
    c = laptop(tmp_path, "c", seed=85, responses=2)
    renamed = [dict(r, name="Nieuw") if r["type"] == "round" else dict(r, round="Nieuw") if r["type"] == "response" else r
               for r in old_records]
    write_bundle(tmp_path / "new-round.bundle", old, renamed, sign=False)
    before = without_audit(c)
    status, _, err = run("bundle", "import", "--db", c, tmp_path / "new-round.bundle", "--accept-unsigned")
    assert status != 0 and "rounds come from the team" in err and err.count("\n") == 1, err
    assert without_audit(c) == before


def test_a_round_made_alone_reaches_the_team_only_once_the_team_accepts_it(tmp_path):
    from test_bundles import accept_round, enrol

    team = laptop(tmp_path, "team", seed=86, responses=2)
    alone = laptop(tmp_path, "alone", seed=87, responses=3, team=False)
    run("round", "create", "--db", alone, "Eigen ronde", check=0)
    enrol(tmp_path, alone, "alone")
    # Its bundle carries "Najaar test", made alone and so signed by nobody the team knows.
    assert_refused_plainly(tmp_path, team, exported(tmp_path, alone, "alone.bundle"),
                           "does not carry a valid signature of this machine's team")
    accept_round(tmp_path, alone, "Najaar test")
    status, out, err = run("bundle", "import", "--db", team, exported(tmp_path, alone, "accepted.bundle"))
    assert status == 0 and "new: 3" in out, err

    # A round file changed after the team signed it is refused, and changes nothing.
    path = tmp_path / "round.txt"
    run("round", "export", "--db", alone, "Najaar test", "--out", path, check=0)
    header, round_line, questionnaire_line = path.read_text().splitlines()
    changed = json.loads(round_line)
    changed["min_group_size"] = 5
    path.write_text("\n".join([header, json.dumps(changed), questionnaire_line]) + "\n")
    before = without_audit(team)
    status, _, err = run("round", "import", "--db", team, path)
    assert status != 0 and "signature" in err and err.count("\n") == 1, err
    assert without_audit(team) == before
