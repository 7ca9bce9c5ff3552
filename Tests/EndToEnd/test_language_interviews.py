"""The shipped draft languages (Polish, Turkish, Ukrainian, Arabic) in use: a whole plain interview in
each through a pipe, the language and its status recorded with the response, and the take-home web
printed in the interview's language (Arabic in Dutch: the PDF text drawing neither joins nor reorders
Arabic letters), checked with pdftotext."""
import json
import re
import subprocess

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT, ITEM_IDS, REPO, TOTAL_ITEMS, answers_of, query, receipt_proves

PART_ONE = 42
SCORES = [(k * 3) % 11 for k in range(1, TOTAL_ITEMS + 1)]
LANGUAGES = ["pl", "tr", "uk", "ar"]


def language_file(code, questionnaire="positieve-gezondheid-wijk"):
    """The interface texts and one questionnaire's texts of Languages/<code>.yaml, read from its one-line
    `key: "text"` entries (the layout the shipped files use)."""
    strings, texts, section = {}, {}, None
    entry = re.compile(r'^(\s+)"?([^"]+?)"?: (".*")$')
    for line in (REPO / "Languages" / f"{code}.yaml").read_text().splitlines():
        if line in ("strings:", "questionnaires:"):
            section = line[:-1]
        elif section and section.startswith("questionnaires") and re.fullmatch(r"  \S+:", line):
            section = "questionnaires:" + line.strip()[:-1]
        elif (match := entry.match(line)) and not line.lstrip().startswith("#"):
            if section == "strings":
                strings[match.group(2)] = json.loads(match.group(3))
            elif section == "questionnaires:" + questionnaire:
                texts[match.group(2)] = json.loads(match.group(3))
    return strings, texts


def plain(db_path, lines, language, extra=()):
    environment = {key: value for key, value in CLEAN_ENVIRONMENT.items() if key != "TERM"}
    result = subprocess.run([str(BINARY), "interview", "--plain", "--db", str(db_path), "--language", language, *extra],
                            input="\n".join(lines) + "\n", capture_output=True, text=True, env=environment, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    return result.stdout


def whole_interview(ending):
    lines = ["", "V12", "y", "beijum", "1", "1", "1", "1"]
    lines += [str(score) for score in SCORES[:PART_ONE]] + [""] + [str(score) for score in SCORES[PART_ONE:]] + [""]
    return lines + ["", "Więcej ławek", "", "", "", ""] + ending


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_whole_plain_interview_in_each_draft_language(db_path, code):
    strings, texts = language_file(code)
    out = plain(db_path, whole_interview(["q"]), code)
    # The volunteer sees which languages are drafts, in the interview's language.
    mark = strings["languageConcept"]
    assert out.splitlines()[0] == strings["volunteerLanguages"].replace("{1}", ", ".join(
        ["Nederlands", "English", f"العربية [{mark}]", f"Polski [{mark}]", f"Türkçe [{mark}]", f"Українська [{mark}]"]))
    # The resident reads the language throughout: welcome, consent, every statement, the web, the end.
    for wanted in [strings["plainWelcome"], texts["consent"], texts["item.h-lf-1"], texts["item.n-df-4"],
                   texts["reflection.contribute"], strings["plainBye"]]:
        assert wanted in out, (code, wanted)
    assert out.count(texts["dimension.dagelijks_functioneren"]) >= 2  # statements and web
    assert strings["webTitle"].replace("{1}", texts["part.health"]) in out
    for dutch in ["Stelling", "Druk op Enter", "Mijn gezondheid", "Lichaamsfuncties"]:
        assert dutch not in out, (code, dutch)
    # Placeholders are all filled: none is left for the resident to see.
    assert not re.search(r"\{\d\}", out)
    receipt_line = next(line for line in out.splitlines() if line.startswith(strings["savedReceipt"] + ": "))
    receipt = receipt_line.split(": ", 1)[1].replace(" ", "")

    rows = query(db_path, "SELECT id, status, language, language_status FROM responses")
    assert len(rows) == 1 and rows[0][1:] == ("completed", code, "concept")
    # The receipt code is kept only as its hash: the code the resident was shown proves it.
    assert receipt_proves(db_path, rows[0][0], receipt)
    assert answers_of(db_path, rows[0][0]) == dict(zip(ITEM_IDS, SCORES))


def test_dutch_responses_record_the_built_in_texts(db_path):
    plain(db_path, ["", "V12", "j", "beijum", "1", "1", "1", "1", "5"], "nl")
    assert query(db_path, "SELECT language, language_status FROM responses") == [("nl", "built-in")]
    # Switching to a draft language mid-interview records it with its status.
    plain(db_path, ["h", "l", "l", "l", "6"], "nl")
    assert query(db_path, "SELECT language, language_status FROM responses") == [("pl", "concept")]


def pdf_text(path):
    return " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_take_home_web_is_printed_in_the_interview_language(db_path, tmp_path, code):
    strings, texts = language_file(code)
    folder = tmp_path / "meenemen"
    folder.mkdir()
    out = plain(db_path, whole_interview(["p", "q"]), code, extra=("--take-home-folder", str(folder)))
    files = list(folder.iterdir())
    assert len(files) == 1, out
    text = pdf_text(files[0])
    if code == "ar":
        # Cairo's text calls draw Arabic letters unjoined and left to right: the page is Dutch, and says why.
        assert files[0].name.startswith("mijn-web-")
        for wanted in ["Mijn spinnenweb", "Mijn gezondheid", "Lichaamsfuncties", "Dit blad is in het Nederlands"]:
            assert wanted in text, wanted
        assert not re.search("[\u0600-\u06ff]", text)
    else:
        assert files[0].name.startswith("my-web-")
        for wanted in [strings["takeHomeTitle"], texts["part.health"], texts["part.neighbourhood"],
                       texts["dimension.lichaamsfuncties"], texts["dimension.dagelijks_functioneren"],
                       strings["takeHomeDate"].replace(" {1}", "")]:
            assert " ".join(wanted.split()) in text, (code, wanted)
        assert "Mijn spinnenweb" not in text and "Dit blad is in het Nederlands" not in text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_short_and_the_simple_questionnaire_in_each_draft_language(db_path, code):
    for name, questionnaire in [("Kort", "positieve-gezondheid-kort"), ("Eenvoudig", "positieve-gezondheid-wijk-eenvoudig")]:
        created = subprocess.run([str(BINARY), "round", "create", name, "--questionnaire", questionnaire, "--db", str(db_path)],
                                 capture_output=True, text=True, env=CLEAN_ENVIRONMENT, timeout=60)
        assert created.returncode == 0, created.stderr
    # The rounds are offered by name: 1 = Eenvoudig, 2 = Kort, 3 = Najaar 2026.
    for choice, questionnaire, health, neighbourhood, reflections in [("2", "positieve-gezondheid-kort", 6, 6, 2),
                                                                      ("1", "positieve-gezondheid-wijk-eenvoudig", 42, 24, 5)]:
        strings, texts = language_file(code, questionnaire)
        lines = ["", choice, "V12", "y", "beijum", "1", "1", "1", "1"] + ["6"] * health + [""] + ["7"] * neighbourhood + [""]
        out = plain(db_path, lines + [""] * reflections + ["", "q"], code)
        for wanted in [texts["consent"], texts["item.h-lf-1"],
                       texts["item.n-df-1"], texts["reflection.matters"], strings["savedTitle"]]:
            assert wanted in out, (code, questionnaire, wanted)
        assert not re.search(r"\{\d\}", out)
    rows = query(db_path, "SELECT questionnaire_id, language, language_status FROM responses WHERE status = 'completed' "
                          "ORDER BY questionnaire_id")
    assert rows == [("positieve-gezondheid-kort", code, "concept"), ("positieve-gezondheid-wijk-eenvoudig", code, "concept")]
