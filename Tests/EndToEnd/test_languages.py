"""Further interview languages: the shipped language files are listed as missing, and a complete
language file (here a generated pseudo-language) is offered and used without changing any code."""
import json
import subprocess

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO


def run(*arguments, environment=None, input_text=None, check=True):
    result = subprocess.run([str(BINARY), *arguments], capture_output=True, text=True, input=input_text,
                            env=environment or CLEAN_ENVIRONMENT, timeout=60)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_the_shipped_languages_are_listed_with_their_status_and_what_they_lack():
    out = run("languages").stdout  # exit status 0: every file is complete for what it claims
    for code, name in [("pl", "Polski"), ("tr", "Türkçe"), ("uk", "Українська"), ("ar", "العربية")]:
        assert f"\n{code}  {name}  offered  concept-vertaling (concept)" in out, code
        row = out.split(f"\n{code}  ", 1)[1].split("\n")[1]
        for questionnaire in ["positieve-gezondheid-wijk 335/335", "positieve-gezondheid-wijk-eenvoudig 335/335",
                              "positieve-gezondheid-kort 116/116"]:
            assert questionnaire in row, (code, row)
    assert "nl  Nederlands  offered  built-in" in out
    assert out.count("note: Draft by the Wijkweb team, not by a native speaker.") == 4
    assert "ti  ትግርኛ  not offered yet (missing texts)" in out
    assert "ar: right-to-left, plain mode only" in out
    missing = run("languages", "--missing", "ti").stdout
    assert "  appTitle: Wijkweb - Positieve Gezondheid in de wijk" in missing
    assert "  item.h-lf-1: " in missing
    nothing = run("languages", "--missing", "pl").stdout
    assert "  appTitle: " not in nothing and "Missing in pl for positieve-gezondheid-wijk " not in nothing
    refused = run("languages", "--missing", "xx", check=False)
    assert refused.returncode != 0 and "There is no language file Languages/xx.yaml" in refused.stderr


def missing_texts(code):
    """The missing texts of `code` as {section: {key: Dutch text}} from `wijkweb languages --missing`."""
    sections, current = {"strings": {}}, None
    for line in run("languages", "--missing", code).stdout.splitlines():
        if line.startswith("Missing in") and "(interface" in line:
            current = sections["strings"]
        elif line.startswith("Missing in") and " for " in line:
            current = sections.setdefault(line.split(" for ")[1].split(" ")[0], {})
        elif current is not None and line.startswith("  ") and ": " in line:
            key, text = line[2:].split(": ", 1)
            current[key] = text
    return sections


def test_a_complete_language_file_is_offered_in_the_interview(tmp_path, db_path):
    sections = missing_texts("ti")
    assert len(sections["strings"]) > 100 and len(sections["positieve-gezondheid-wijk"]) > 300
    data = tmp_path / "data"
    (data / "Languages").mkdir(parents=True)
    (data / "Questionnaires").symlink_to(REPO / "Questionnaires")
    (data / "Areas").symlink_to(REPO / "Areas")
    lines = ["language: xx", "name: Pseudo", "direction: ltr", "strings:"]
    lines += [f"  {key}: {json.dumps('«' + text + '»', ensure_ascii=False)}" for key, text in sections["strings"].items()]
    lines += ["questionnaires:", "  positieve-gezondheid-wijk:"]
    lines += [f"    {json.dumps(key)}: {json.dumps('«' + text + '»', ensure_ascii=False)}"
              for key, text in sections["positieve-gezondheid-wijk"].items()]
    (data / "Languages" / "xx.yaml").write_text("\n".join(lines) + "\n")
    environment = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(data))

    listing = run("languages", environment=environment).stdout
    assert "xx  Pseudo  offered" in listing
    out = run("interview", "--plain", "--db", str(db_path), "--language", "xx", environment=environment,
              input_text="\nV12\nj\nbeijum\n1\n1\n1\n1\n7\n").stdout
    assert "«Druk op Enter om te beginnen, of typ q om te stoppen.»" in out
    assert "«Stelling 1 van 66». «Mijn gezondheid», «Lichaamsfuncties»." in out
    assert "«Lichamelijk voel ik me over het algemeen gezond.»" in out

    # Without the file the language is refused plainly.
    refused = run("interview", "--plain", "--db", str(db_path), "--language", "xx", input_text="", check=False)
    assert refused.returncode != 0 and "not available in \"xx\"" in refused.stderr


def data_folder(tmp_path, language_file=None):
    """A data folder with the shipped questionnaires and areas and, when given, one language file."""
    data = tmp_path / "data"
    (data / "Languages").mkdir(parents=True)
    (data / "Questionnaires").symlink_to(REPO / "Questionnaires")
    (data / "Areas").symlink_to(REPO / "Areas")
    if language_file:
        (data / "Languages" / "xx.yaml").write_text(language_file)
    return dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(data))


def test_a_file_incomplete_for_what_it_claims_fails_the_listing(tmp_path):
    sections = missing_texts("ti")
    strings = [f"  {key}: {json.dumps('«' + text + '»', ensure_ascii=False)}" for key, text in sections["strings"].items()]
    texts = [f"    {json.dumps(key)}: {json.dumps('«' + text + '»', ensure_ascii=False)}"
             for key, text in sections["positieve-gezondheid-kort"].items() if key != "consent"]
    lines = ["language: xx", "name: Pseudo", "direction: ltr", "status: concept", "strings:", *strings,
             "questionnaires:", "  positieve-gezondheid-kort:", *texts]
    failed = run("languages", environment=data_folder(tmp_path, "\n".join(lines) + "\n"), check=False)
    assert failed.returncode != 0
    assert "Incomplete for what they claim:" in failed.stderr and "xx: 1 texts of positieve-gezondheid-kort missing" in failed.stderr
    assert "xx  Pseudo  not offered yet (missing texts)  concept-vertaling (concept)" in failed.stdout


def test_a_checked_language_says_who_checked_it_and_when(tmp_path):
    base = "language: xx\nname: Pseudo\ndirection: ltr\nstatus: checked\nstrings: {}\n"
    refused = run("languages", environment=data_folder(tmp_path, base), check=False)
    assert refused.returncode != 0 and "'checked_by' (a name or organisation) and 'checked_on' (YYYY-MM-DD)" in refused.stderr
    (tmp_path / "data" / "Languages" / "xx.yaml").write_text(base + "checked_by: Taalhuis Groningen\nchecked_on: 2026-12-01\n")
    listed = run("languages", environment=dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(tmp_path / "data"))).stdout
    assert "xx  Pseudo  not offered yet (missing texts)  checked" in listed
    assert "note: checked by Taalhuis Groningen on 2026-12-01" in listed


def test_arabic_on_the_screen_is_pointed_to_the_plain_mode(db_path):
    refused = run("interview", "--db", str(db_path), "--language", "ar", check=False, input_text="")
    assert refused.returncode != 0
    assert "written right to left, which this screen cannot show" in refused.stderr
    assert "wijkweb interview --plain --language ar" in refused.stderr
