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


def failing(*args):
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), TZ="UTC", LANG="C.UTF-8")
    result = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, env=environment, timeout=300)
    assert result.returncode != 0, f"wijkweb {' '.join(map(str, args))} did not fail:\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


# Words of the failures in one language that never occur in the other's.
ENGLISH_ERRORS = ["error:", "there is no", "already exists", "choose", "nothing was", "cannot be imported", "must be",
                  "is not a date", "shows", "check --db"]
DUTCH_ERRORS = ["fout:", "er is geen", "bestaat al", "kies", "niets", "kan niet worden ingelezen", "moet", "geen datum",
                "toont", "controleer"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_failures_speak_the_language_asked(tmp_path, language):
    db = tmp_path / "w.sqlite"
    wijkweb("demo", "--db", db, "--responses", "20", "--round", NAME, "--no-previous")
    (tmp_path / "er.csv").write_text("er\n")
    (tmp_path / "kapot.wwb").write_bytes(b"WWB1" + b"\0" * 200)
    expected = {  # failure: (Dutch, English) text it must say
        "no round": ("Er is geen ronde \"Geen\"", "There is no round \"Geen\""),
        "no round (profile)": ("Er is geen ronde \"Geen\"; de rondes zijn", "There is no round \"Geen\"; the rounds are"),
        "no area": ("Er is geen gebied XX0", "There is no area XX0"),
        "no database": ("Er is geen database op", "There is no database at"),
        "empty database path": ("Het pad van de database is leeg", "The database path is empty"),
        "file exists": ("er.csv bestaat al; kies een andere naam, of voeg --force toe",
                        "er.csv already exists; choose another name, or add --force"),
        "round exists": (f"Er is al een ronde met de naam \"{NAME}\"", f"A round named \"{NAME}\" already exists"),
        "bundle refused": ("De bundel", "The bundle"),
        "bad format": ("--format moet csv, xlsx, sav of json zijn, niet doc", "--format must be csv, xlsx, sav or json, not doc"),
        "bad date": ("\"morgen\" is geen datum", "\"morgen\" is not a date"),
        "bad language": ("--language moet nl of en zijn, niet xx", "--language must be nl or en, not xx"),
    }
    said = {
        "no round": failing("round", "close", "Geen", "--db", db, "--language", language),
        "no round (profile)": failing("profile", "--db", db, "--round", "Geen", "--language", language),
        "no area": failing("report", "--db", db, "--round", NAME, "--area", "XX0", "--out", tmp_path / "r.pdf",
                           "--language", language),
        "no database": failing("check", "--db", tmp_path / "geen.sqlite", f"--language={language}"),
        "empty database path": failing("check", "--db", "", "--language", language),
        "file exists": failing("export", "responses", "--db", db, "--format", "csv", "--out", tmp_path / "er.csv",
                               "--language", language),
        "round exists": failing("round", "create", NAME, "--db", db, "--language", language),
        "bundle refused": failing("bundle", "import", tmp_path / "kapot.wwb", "--db", db, "--language", language),
        "bad format": failing("export", "responses", "--db", db, "--format", "doc", "--out", tmp_path / "x.doc", "--language", language),
        "bad date": failing("round", "create", "Later", "--starts", "morgen", "--db", db, "--language", language),
        "bad language": failing("round", "close", "Geen", "--db", db, "--language", "xx"),
    }
    wrong = ENGLISH_ERRORS if language == "nl" else DUTCH_ERRORS
    for failure, text in said.items():
        if failure == "bad language":  # an unknown --language is said in English, the default
            assert expected[failure][1] in text, f"{failure} does not say it:\n{text}"
            continue
        must = expected[failure][0 if language == "nl" else 1]
        assert must in text, f"{failure} --language {language} does not say {must!r}:\n{text}"
        first = text.lower().split("\n")[0] if failure.startswith("bad ") else text.lower()
        found = [word for word in wrong if word in first]
        assert not found, f"{failure} --language {language} says {found}:\n{text}"
    assert not (tmp_path / "geen.sqlite").exists()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_listing_and_key_commands_speak_the_language_asked(tmp_path, language):
    db = tmp_path / "w.sqlite"
    wijkweb("demo", "--db", db, "--responses", "40", "--round", NAME, "--no-previous")
    secret = tmp_path / "wachtwoord.txt"
    secret.write_text("een lang geheim wachtwoord\n")
    broken = tmp_path / "kapot.yaml"
    broken.write_text("id: kapot\nversion: 1\n")
    shipped = REPO / "Questionnaires" / "positieve-gezondheid-kort.yaml"
    expected = {  # command: (Dutch, English) text it must say
        "round list": (f"{NAME}\topen\tpositieve-gezondheid-wijk\tvanaf ", f"{NAME}\topen\tpositieve-gezondheid-wijk\tfrom "),
        "round show": ("bewaartermijn: 730 dagen na het einde", "retention: 730 days after the end"),
        "remove-after-sync": ("elke synchronisatie verwijdert", "every sync removes"),
        "areas list": ("  ook: ", "  also: "),
        "questionnaire list": ("\tversie 1\t", "\tversion 1\t"),
        "questionnaire check": (": in orde - positieve-gezondheid-kort versie 1", ": ok - positieve-gezondheid-kort version 1"),
        "questionnaire check (problems)": ("gevonden.", "found."),
        "disclosure-check": ("kleine groepen aangevallen", "small groups attacked"),
        "keys create": ("sleutelpaar geschreven", "key pair written"),
    }
    said = {
        "round list": wijkweb("round", "list", "--db", db, "--language", language),
        "round show": wijkweb("round", "show", NAME, "--db", db, "--language", language),
        "remove-after-sync": wijkweb("round", "remove-after-sync", NAME, "on", "--db", db, "--language", language),
        "areas list": wijkweb("areas", "list", "--db", db, "--language", language),
        "questionnaire list": wijkweb("questionnaire", "list", "--language", language),
        "questionnaire check": wijkweb("questionnaire", "check", shipped, "--language", language),
        "questionnaire check (problems)": failing("questionnaire", "check", broken, "--language", language),
        "disclosure-check": wijkweb("disclosure-check", "--db", db, "--round", NAME, "--language", language),
        "keys create": wijkweb("keys", "create", "--out", tmp_path / "team", "--paper", tmp_path / "papier.txt",
                               "--passphrase-file", secret, "--language", language),
    }
    english = ["from ", "minimum", "version", "statements", "problems found", "small groups", "disclosed", "also:",
               "questionnaire:", "period:", "retention", "completed", "key pair", "paper backup", "every sync", "sealed"]
    dutch = ["vanaf", "minimaal", "versie", "stellingen", "problemen gevonden", "kleine groepen", "onthuld", "ook:",
             "vragenlijst:", "periode:", "bewaartermijn", "afgerond", "sleutelpaar", "reservekopie", "synchronisatie",
             "verzegeld"]
    wrong = english if language == "nl" else dutch
    for command, text in said.items():
        must = expected[command][0 if language == "nl" else 1]
        assert must in text, f"{command} --language {language} does not say {must!r}:\n{text}"
        if command == "questionnaire check (problems)":  # the problems themselves are the parser's (English)
            text = text.strip().splitlines()[-1]
        found = [word for word in wrong if word in text.lower()]
        assert not found, f"{command} --language {language} says {found}:\n{text}"
    assert ("papieren reservekopie geschreven" if language == "nl" else "paper backup written") in said["keys create"]


def test_listings_keep_their_default_language():
    """Without --language the round list stays English and the area list keeps its Dutch "ook:", as before."""
    import tempfile, pathlib
    with tempfile.TemporaryDirectory() as folder:
        db = pathlib.Path(folder) / "w.sqlite"
        wijkweb("demo", "--db", db, "--responses", "20", "--round", NAME, "--no-previous")
        assert "\tfrom " in wijkweb("round", "list", "--db", db)
        assert "  ook: " in wijkweb("areas", "list", "--db", db)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_agenda_commands_speak_the_language_asked(tmp_path, language):
    db = tmp_path / "w.sqlite"
    wijkweb("demo", "--db", db, "--responses", "40", "--round", NAME, "--no-previous")
    area = "WK001411"
    common = ["--db", db, "--language", language]
    said = {
        "recognition": wijkweb("agenda", "recognition", "--area", area, "--dimension", "meedoen", "--value", "deels", *common),
        "opgave add": wijkweb("agenda", "opgave", "add", "--area", area, "--dimension", "meedoen", "--text", "Ontmoeten", *common),
        "opgave update": wijkweb("agenda", "opgave", "update", "1", "--text", "Meer ontmoeten", *common),
        "action add": wijkweb("agenda", "action", "add", "--area", area, "--dimension", "meedoen", "--what", "Koffie",
                              "--who", "buurtteam", "--due", "2027-03-01", *common),
        "action update": wijkweb("agenda", "action", "update", "1", "--status", "bezig", *common),
        "ondergrens": wijkweb("agenda", "ondergrens", "--area", area, "--dimension", "meedoen", "--value", "6,5",
                              "--agreed-by", "wijkdialoog", "--agreed-on", "2026-11-20", *common),
        "export": wijkweb("agenda", "export", "--format", "csv", "--out", tmp_path / "agenda.csv", *common),
    }
    said["import"] = wijkweb("agenda", "import", tmp_path / "agenda.csv", *common)
    expected = {  # command: (Dutch, English) text it must say
        "recognition": (f"herkenning van meedoen in {area}, ronde \"{NAME}\": deels", f"recognition of meedoen in {area}, round \"{NAME}\": deels"),
        "opgave add": ("opgave 1 toegevoegd", "opgave 1 added"),
        "opgave update": ("opgave 1 gewijzigd", "opgave 1 changed"),
        "action add": ("actie 1 toegevoegd", "action 1 added"),
        "action update": ("actie 1: bezig, uiterlijk 2027-03-01", "action 1: bezig, due 2027-03-01"),
        "ondergrens": (f"ondergrens van meedoen in {area}: 6,5", f"ondergrens of meedoen in {area}: 6.5"),
        "export": ("agendaregels geschreven naar", "agenda lines written to"),
        "import": ("agendaregels uit", "agenda lines from"),
    }
    english = ["recognition", "round", "added", "changed", "action", " due ", " of ", "written", "lines", "updated", "unchanged"]
    dutch = ["herkenning", "ronde", "toegevoegd", "gewijzigd", "actie", "uiterlijk", " van ", "geschreven", "regels",
             "bijgewerkt", "ongewijzigd"]
    wrong = english if language == "nl" else dutch
    for command, text in said.items():
        must = expected[command][0 if language == "nl" else 1]
        assert must in text, f"agenda {command} --language {language} does not say {must!r}:\n{text}"
        found = [word for word in wrong if word in text.lower().replace(str(tmp_path).lower(), "")]
        assert not found, f"agenda {command} --language {language} says {found}:\n{text}"
