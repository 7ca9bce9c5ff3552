"""The central commands' failures that come before any connection follow `--language`: a code that is no
receipt code, and a new role without a password. Whole sentences, none of the other language."""

import subprocess

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO

URL = "postgresql://wijkweb@127.0.0.1:1/wijkweb"  # never reached: each failure comes first
SAID = {  # name: (arguments, Dutch, English)
    "no receipt code": (["central", "withdraw", "ZZZ", "--url", URL],
                        "Dat is geen bewijscode: die heeft 16 tekens",
                        "That is not a receipt code: it has 16 characters"),
    "no password": (["central", "add-device", "laptop1", "--url", URL],
                    "De nieuwe rol laptop1 heeft een wachtwoord nodig",
                    "The new role laptop1 needs a password"),
}


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", sorted(SAID))
def test_central_failures_follow_the_language(name, language):
    arguments, dutch, english = SAID[name]
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), TZ="UTC", LANG="C.UTF-8")
    environment.pop("WIJKWEB_NEW_ROLE_PASSWORD", None)
    result = subprocess.run([str(BINARY), *arguments, "--language", language], capture_output=True, text=True,
                            env=environment, stdin=subprocess.DEVNULL, timeout=60)
    said = result.stdout + result.stderr
    assert result.returncode != 0, said
    must, never = (dutch, english) if language == "nl" else (english, dutch)
    assert must in said and never not in said, f"{name} --language {language}:\n{said}"
