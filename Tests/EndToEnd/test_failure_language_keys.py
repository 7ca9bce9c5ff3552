"""The failures of keys, team, round, profile and the `score columns` line of check follow `--language`:
each is said as one whole sentence in Dutch under nl and in English under en, with no sentence of the other."""

import subprocess

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO


def run(*args):
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), TZ="UTC", LANG="C.UTF-8")
    result = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, env=environment, timeout=300)
    return result.returncode, result.stdout + result.stderr


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("taal") / "w.sqlite"
    status, said = run("demo", "--db", path, "--responses", "20", "--round", "Proef", "--no-previous")
    assert status == 0, said
    return path


@pytest.mark.parametrize("language", ["nl", "en"])
def test_key_team_round_and_profile_failures_follow_the_language(db, tmp_path, language):
    (tmp_path / "groot.txt").write_text("x" * 70_000)
    cases = {  # name: (arguments, Dutch, English)
        "paper": (["keys", "restore", "--paper", tmp_path / "weg.txt", "--out", tmp_path / "nieuw"],
                  "kan niet worden gelezen. Controleer de naam en of u het mag lezen.",
                  "Check the name and that you may read it."),
        "key file": (["keys", "add-signing", "--key", tmp_path / "weg.key", "--out", tmp_path / "ander"],
                     "Het sleutelbestand", "Cannot read the key file"),
        "public key": (["round", "create", "Verzegeld", "--db", db, "--seal-to", tmp_path / "weg.pub"],
                       "Het bestand met de publieke sleutel", "Cannot read the public key file"),
        "enrolment": (["team", "enrol-device", "onzin", "--key", tmp_path / "weg.key"],
                      "Het aanmeldverzoek is niet bruikbaar", "The enrolment request cannot be used"),
        "round export": (["round", "export", "Geen", "--db", db, "--out", tmp_path / "r.txt"],
                         'Er is geen ronde "Geen"; `wijkweb round list` toont ze.',
                         'There is no round "Geen"; `wijkweb round list` shows them.'),
        "round import": (["round", "import", tmp_path / "groot.txt", "--db", db],
                         "Het rondebestand", "The round file"),
        "part": (["profile", "--db", db, "--part", "geen"],
                 'De vragenlijst heeft geen onderdeel "geen"; gebruik een van',
                 'The questionnaire has no part "geen"; use one of'),
    }
    index = 0 if language == "nl" else 1
    for name, (arguments, *texts) in cases.items():
        status, said = run(*arguments, "--language", language)
        assert status != 0, f"{name} did not fail:\n{said}"
        assert texts[index] in said, f"{name} --language {language} does not say {texts[index]!r}:\n{said}"
        assert texts[1 - index] not in said, f"{name} --language {language} says {texts[1 - index]!r}:\n{said}"
        if language == "nl":
            assert "Nothing was" not in said and "Error:" not in said, f"{name} --language nl:\n{said}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_check_says_its_score_columns_line_in_the_language_asked(db, language):
    status, said = run("check", "--db", db, "--language", language)
    assert status == 0, said
    if language == "nl":
        assert "scorekolommen: " in said and "blokken vergeleken met de deelscores, alle bijgewerkt" in said, said
        assert "score columns" not in said and "blocks checked" not in said, said
    else:
        assert "score columns: " in said and "blocks checked against the part scores, all up to date" in said, said
        assert "scorekolommen" not in said, said
