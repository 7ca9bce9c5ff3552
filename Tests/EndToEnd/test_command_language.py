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


@pytest.mark.parametrize("language", ["nl", "en"])
def test_database_and_passphrase_failures_speak_the_language_asked(tmp_path, language):
    """The rarer failures: a damaged database, a newer one, a read-only one, and a passphrase that is needed
    but cannot be asked (no terminal) or is read from an empty file."""
    import sqlite3
    damaged = tmp_path / "kapot.sqlite"
    damaged.write_bytes(b"dit is geen database " * 300)
    damaged.chmod(0o600)
    newer = tmp_path / "nieuwer" / "w.sqlite"
    wijkweb("demo", "--db", newer, "--responses", "5", "--round", NAME, "--no-previous")
    with sqlite3.connect(newer) as connection:
        connection.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v99-uit-de-toekomst')")
    empty = tmp_path / "leeg.txt"
    empty.write_text("")
    expected = {  # failure: (Dutch, English) text it must say
        "damaged": (f"Het bestand {damaged} is geen Wijkweb-database of is beschadigd. Zet een reservekopie terug",
                    f"The file {damaged} is not a Wijkweb database or is damaged. Restore a backup"),
        "newer": ("Deze database is geschreven door een nieuwere versie van Wijkweb (schema v99-uit-de-toekomst)",
                  "This database was written by a newer version of Wijkweb (schema v99-uit-de-toekomst)"),
        "no passphrase": ("Het maken van een teamsleutel heeft een wachtwoord nodig: geef --passphrase-file",
                          "Creating a team key needs a passphrase: give --passphrase-file"),
        "empty passphrase file": (f"Het wachtwoordbestand {empty} is leeg", f"The passphrase file {empty} is empty"),
    }
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), TZ="UTC", LANG="C.UTF-8")
    said = {
        "damaged": failing("check", "--db", damaged, "--language", language),
        "newer": failing("check", "--db", newer, "--language", language),
        "empty passphrase file": failing("keys", "create", "--out", tmp_path / "team2", "--passphrase-file", empty,
                                         "--language", language),
    }
    result = subprocess.run([str(BINARY), "keys", "create", "--out", str(tmp_path / "team"), "--language", language],
                            capture_output=True, text=True, env=environment, stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode != 0
    said["no passphrase"] = result.stdout + result.stderr
    wrong = ENGLISH_ERRORS + ["damaged", "restore", "passphrase file", "needs a"] if language == "nl" else DUTCH_ERRORS
    for failure, text in said.items():
        must = expected[failure][0 if language == "nl" else 1]
        assert must in " ".join(text.split()), f"{failure} --language {language} does not say {must!r}:\n{text}"
        found = [word for word in wrong if word in text.lower().replace(str(tmp_path).lower(), "")]
        assert not found, f"{failure} --language {language} says {found}:\n{text}"
    assert not (tmp_path / "team.key").exists() and not (tmp_path / "team.pub").exists()


def said_by(*args):
    """Status, stdout and stderr of wijkweb ARGS (which may fail)."""
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), TZ="UTC", LANG="C.UTF-8")
    result = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, env=environment, timeout=60)
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize("language", ["nl", "en"])
def test_usage_errors_are_one_sentence_and_the_usage_line_in_the_language_asked(tmp_path, language):
    """The parser's own errors: a missing argument, an unknown option, a bad value, a surplus argument, a word
    that is no command. Dutch: one sentence, the usage line and where the help is, no English; English: the
    parser's text as it always was."""
    db = tmp_path / "w.sqlite"
    cases = {  # case: (arguments, Dutch sentence, English sentence, usage)
        "missing argument": (["round", "close"], "Fout: Het argument '<name>' ontbreekt.",
                             "Error: Missing expected argument '<name>'", "wijkweb round close "),
        "unknown option": (["round", "list", "--dbb", db], "Fout: De optie '--dbb' bestaat niet; bedoel je '--db'?",
                           "Error: Unknown option '--dbb'. Did you mean '--db'?", "wijkweb round list "),
        "missing value": (["round", "list", "--db"], "Fout: Bij '--db <db>' ontbreekt de waarde.",
                          "Error: Missing value for '--db <db>'", "wijkweb round list "),
        "bad value": (["demo", "--db", db, "--responses", "veel"], "Fout: De waarde 'veel' is ongeldig voor '--responses <responses>'.",
                      "Error: The value 'veel' is invalid for '--responses <responses>'", "wijkweb demo "),
        "unexpected argument": (["round", "list", "extra"], "Fout: Het argument 'extra' hoort hier niet.",
                                "Error: Unexpected argument 'extra'", "wijkweb round list "),
    }
    english = ["error", "missing", "unknown", "invalid", "unexpected", "usage", "see ", "help:", "did you mean",
               "for more information"]
    for case, (arguments, dutch, english_sentence, usage) in cases.items():
        status, out, err = said_by(*arguments, "--language", language)
        assert status == 64, f"{case}: status {status}\n{out}{err}"
        assert not out, f"{case} printed on stdout:\n{out}"
        if language == "en":
            assert err.startswith(english_sentence) and f"Usage: {usage}" in err, f"{case}:\n{err}"
            continue
        lines = err.strip().split("\n")
        assert lines[0] == dutch, f"{case}:\n{err}"
        assert lines[1].startswith(f"Gebruik: {usage}"), f"{case}:\n{err}"
        assert lines[2].startswith("  Zie 'wijkweb ") and lines[2].endswith(" --help --language nl' voor meer uitleg."), err
        assert len(lines) == 3, f"{case} says more than the sentence, the usage and the help:\n{err}"
        found = [word for word in english if word in err.lower().replace(str(tmp_path).lower(), "")]
        assert not found, f"{case} --language nl says {found}:\n{err}"
    # A word that is no command: said as such (the parser would blame the menu, the default command).
    status, out, err = said_by("rondes", "--db", db, "--language", language)
    assert status == 64 and not out, out + err
    assert err.strip() == ("Fout: Er is geen opdracht 'rondes'; `wijkweb --help --language nl` noemt de opdrachten."
                           if language == "nl" else "Error: There is no command 'rondes'; `wijkweb --help` lists the commands."), err
    assert not db.exists(), "a usage error creates no database"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_help_of_the_commands_in_the_language_asked(language):
    """`wijkweb --help` lists every command with its abstract in the language asked; a command's own help has
    Dutch headings, its Dutch abstract and says that the options are explained in English."""
    status, top, err = said_by("--help", "--language", language)
    assert status == 0 and not err, err
    status, command, err = said_by("round", "close", "--help", "--language", language)
    assert status == 0 and not err, err
    status, group, err = said_by("export", "--help", "--language", language)
    assert status == 0 and not err, err
    english_headings = ["OVERVIEW:", "USAGE:", "OPTIONS:", "SUBCOMMANDS:", "Show help information.", "Show the version.",
                        "for detailed help"]
    if language == "en":
        assert "OVERVIEW: Positive Health in the neighbourhood" in top and "Interview a resident" in top, top
        assert all(heading in top for heading in english_headings), top
        return
    assert top.startswith("OVERZICHT: Positieve Gezondheid in de wijk: interviews, profielen en rapporten."), top
    for text in ["GEBRUIK: wijkweb", "OPTIES:", "OPDRACHTEN:", "Toon deze uitleg.", "Toon de versie.",
                 "menu (standaard)        Het hoofdmenu", "interview               Een bewoner interviewen",
                 "withdraw                De vragenlijst met deze bewijscode", "Zie 'wijkweb <…> --help --language nl'"]:
        assert text in top, f"{text!r} not in:\n{top}"
    # Every top-level command is listed with a Dutch abstract: no English one is left.
    for word in english_headings + ["Interview a resident", "Delete", "Write", "Check the", "Show ", "List the", "The main menu"]:
        assert word not in top, f"{word!r} in the Dutch help:\n{top}"
    assert all(len(line) <= 80 for line in top.split("\n")), top
    assert "OVERZICHT: Resultaten naar bestanden schrijven" in group and "OPDRACHTEN:" in group, group
    assert "ARGUMENTEN:" in command and "(De opties worden in het Engels uitgelegd.)" in command, command
    assert "(standaard: $WIJKWEB_DB" in command, command


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_languages_command_speaks_the_language_asked(language):
    """`wijkweb languages`: its table, its explanation, `--missing` and its failures follow --language (the notes
    of the language files are their translators' own text, and not checked)."""
    out = wijkweb("languages", "--missing", "ti", "--language", language)
    status, _, refused = said_by("languages", "--missing", "xx", "--language", language)
    assert status != 0
    if language == "nl":
        expected = ["Aanwezige teksten per taal: de schermteksten, dan elke vragenlijst.", "nl  Nederlands  aangeboden  ingebouwd",
                    "  aangeboden  concept-vertaling (nog niet gecontroleerd)", "    schermteksten ",
                    "ti  ትግርኛ  nog niet aangeboden (teksten ontbreken)", "Een taal wordt aan bewoners aangeboden",
                    "ar: van rechts naar links, alleen in de regelmodus (--plain)",
                    "Ontbreekt in ti (schermteksten, sleutel: Nederlandse tekst):", "Ontbreekt in ti voor positieve-gezondheid-wijk (pad:"]
        wrong = ["texts present", "offered", "built-in", "interface", "checked", "right-to-left", "missing in", "a language is"]
        must_refuse = "Fout: Er is geen taalbestand Languages/xx.yaml; de talen zijn ar, pl, ti, tr, uk."
    else:
        expected = ["Texts present per language: the interface, then each questionnaire.", "nl  Nederlands  offered  built-in",
                    "  offered  concept-vertaling (concept)", "    interface ", "ti  ትግርኛ  not offered yet (missing texts)",
                    "A language is offered to residents", "ar: right-to-left, plain mode only",
                    "Missing in ti (interface, key: Dutch text):", "Missing in ti for positieve-gezondheid-wijk (path:"]
        wrong = ["aanwezige", "aangeboden", "ingebouwd", "schermteksten", "gecontroleerd", "rechts naar links", "ontbreekt"]
        must_refuse = "Error: There is no language file Languages/xx.yaml; the languages are ar, pl, ti, tr, uk."
    for text in expected:
        assert text in out, f"{text!r} not in:\n{out}"
    # Left out: the listed missing texts (a key or path, then the Dutch text) and the files' notes.
    import re
    own = "\n".join(line for line in out.split("\n") if not re.match(r"  \S+: ", line)
                    and not line.startswith(("    opmerking:", "    note:")))
    found = [word for word in wrong if word in own.lower()]
    assert not found, f"languages --language {language} says {found}:\n{out}"
    assert must_refuse in refused, refused


@pytest.mark.parametrize("language", ["nl", "en"])
def test_withdraw_bundle_and_area_failures_speak_the_language_asked(tmp_path, language):
    db = tmp_path / "w.sqlite"
    wijkweb("demo", "--db", db, "--responses", "5", "--round", NAME, "--no-previous")
    expected = {  # failure: (Dutch, English) text it must say
        "not a code": ("\"12\" is geen bewijscode: een bewijscode heeft zestien letters en cijfers",
                       "\"12\" is not a receipt code: a receipt code has sixteen letters and digits"),
        "unknown code": ("Geen vragenlijst op deze laptop heeft bewijscode K7MP-3QXA-9RTW-HN4C.",
                         "No response on this laptop has receipt code K7MP-3QXA-9RTW-HN4C."),
        "no bundle": (f"Kan de bundel {tmp_path / 'weg.wwb'} niet lezen.", f"Cannot read the bundle {tmp_path / 'weg.wwb'}."),
        "no area list": ("Er is geen gebiedenbestand drenthe en geen meegeleverde lijst met die naam",
                         "There is no area file drenthe and no shipped list of that name"),
    }
    said = {
        "not a code": failing("withdraw", "12", "--db", db, "--language", language),
        "unknown code": failing("withdraw", "K7MP-3QXA-9RTW-HN4C", "--db", db, "--language", language),
        "no bundle": failing("bundle", "import", tmp_path / "weg.wwb", "--db", db, "--language", language),
        "no area list": failing("areas", "import", "drenthe", "--db", db, "--language", language),
    }
    wrong = ENGLISH_ERRORS + ["receipt code", "cannot read", "no response", "area file"] if language == "nl" else DUTCH_ERRORS
    for failure, text in said.items():
        must = expected[failure][0 if language == "nl" else 1]
        assert must in text, f"{failure} --language {language} does not say {must!r}:\n{text}"
        found = [word for word in wrong if word in text.lower().replace(str(tmp_path).lower(), "")]
        assert not found, f"{failure} --language {language} says {found}:\n{text}"
