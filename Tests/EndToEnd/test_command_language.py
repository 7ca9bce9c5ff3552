"""Every message of the commands that print follows `--language`: each command is run with `--language nl` and
`--language en`; the Dutch run may show no English word of the messages and the English run no Dutch one.
(Commands without a table or report keep English as their default, as before.)"""

import subprocess

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO, set_receipt

# Words of the messages in one language that never occur in the other's (paths and names below avoid them).
ENGLISH = ["written", "responses", "round ", "round:", "deleted", "imported", "created", "closed", "withdrawn", "integrity",
           "sealed", "backup", "already present", "conflicts", "new:", "figures", "page(s)", "done in", "nothing to do"]
DUTCH = ["geschreven", "vragenlijsten", "ronde", "verwijderd", "geïmporteerd", "aangemaakt", "gesloten", "ingetrokken",
         "integriteit", "verzegeld", "reservekopie", "al aanwezig", "conflicten", "nieuw:", "cijfers", "pagina", "klaar in",
         "niets te doen"]
NAME = "Wijkproef"


def wijkweb(*args):
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), TZ="UTC", LANG="C.UTF-8")
    result = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, env=environment, timeout=300)
    assert result.returncode == 0, f"wijkweb {' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_command_speaks_the_language_asked(tmp_path, language):
    db = tmp_path / "a" / "w.sqlite"
    expected = {  # command: (Dutch, English) text it must say
        "demo": ("demovragenlijsten", "demo responses"),
        "areas import": ("gebieden geïmporteerd uit", "areas from"),
        "round create": ("aangemaakt", "created"),
        "round close": ("gesloten", "closed"),
        "check": ("integriteit: in orde", "integrity: ok"),
        "export responses": ("vragenlijsten van ronde", "responses of round"),
        "export profiles": ("onderdrukt", "suppressed"),
        "report": ("pagina('s)", "page(s)"),
        "bundle export": ("bundel geschreven naar", "bundle written to"),
        "bundle import": ("al aanwezig: 60", "already present: 60"),  # 40 and the earlier round's 20
        "backup": ("reservekopie geschreven naar", "backup written to"),
        "withdraw": ("ingetrokken: vragenlijst met bewijscode", "withdrawn: response with receipt code"),
        "unseal": ("geen verzegelde vragenlijsten", "no sealed responses"),
        "purge": ("niets verwijderd", "nothing deleted"),
        "audit": ("", ""),
    }
    said = {
        "demo": wijkweb("demo", "--db", db, "--responses", "40", "--round", NAME, "--language", language),
        "areas import": wijkweb("areas", "import", "groningen", "--db", db, "--language", language),
        "round create": wijkweb("round", "create", "Extra", "--db", db, "--language", language),
        "round close": wijkweb("round", "close", "Extra", "--db", db, "--language", language),
        "check": wijkweb("check", "--db", db, "--language", language),
        "export responses": wijkweb("export", "responses", "--db", db, "--round", NAME, "--format", "csv",
                                    "--out", tmp_path / "uit.csv", "--language", language),
        "export profiles": wijkweb("export", "profiles", "--db", db, "--round", NAME, "--format", "csv",
                                   "--out", tmp_path / "tabel.csv", "--language", language),
        "report": wijkweb("report", "--db", db, "--round", NAME, "--all", "--out", tmp_path / "r.pdf", "--language", language),
        "bundle export": wijkweb("bundle", "export", "--db", db, "--out", tmp_path / "b.wwb", "--language", language),
        # Bundles are signed: a laptop of another team refuses them, so the laptop reads its own bundle back.
        "bundle import": wijkweb("bundle", "import", tmp_path / "b.wwb", "--db", db, "--language", language),
        "backup": wijkweb("backup", "--db", db, "--out", tmp_path / "kopie.sqlite", "--language", language),
    }
    import sqlite3
    with sqlite3.connect(db) as connection:
        response_id = connection.execute("SELECT id FROM responses WHERE status = 'completed' LIMIT 1").fetchone()[0]
    set_receipt([db], response_id, "K7MP-3QXA-9RTW-HN4C")
    said["withdraw"] = wijkweb("withdraw", "K7MP-3QXA-9RTW-HN4C", "--db", db, "--language", language)
    said["unseal"] = wijkweb("unseal", "--db", db, "--key", tmp_path / "geen.key", "--language", language)
    said["purge"] = wijkweb("purge", "--db", db, "--language", language)
    said["audit"] = wijkweb("audit", "--db", db, "--language", language)

    wrong = ENGLISH if language == "nl" else DUTCH
    for command, text in said.items():
        must = expected[command][0 if language == "nl" else 1]
        assert must in text, f"{command} --language {language} does not say {must!r}:\n{text}"
        # The audit log lists stored entries as data (actions, file names), not messages.
        if command == "audit":
            continue
        found = [word for word in wrong if word in text.lower()]
        assert not found, f"{command} --language {language} says {found}:\n{text}"


def test_without_language_the_messages_stay_english_as_before(tmp_path):
    db = tmp_path / "w.sqlite"
    assert "demo responses" in wijkweb("demo", "--db", db, "--responses", "20", "--round", NAME, "--no-previous")
    assert "integrity: ok" in wijkweb("check", "--db", db)
    said = wijkweb("export", "responses", "--db", db, "--format", "csv", "--out", tmp_path / "uit.csv")
    # The round chosen is said in the labels' language (Dutch by default), the result in English.
    assert f"ronde: {NAME}" in said and f'responses of round "{NAME}" written to' in said and " and " in said
