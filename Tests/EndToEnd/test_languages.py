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


def test_the_shipped_languages_are_listed_with_what_they_lack():
    out = run("languages").stdout
    for code in ["tr", "ar", "pl", "ti"]:
        assert f"\n{code}  " in out
    assert "tr  Türkçe  not offered yet (missing texts)" in out
    assert "ar: right-to-left, plain mode only" in out
    missing = run("languages", "--missing", "pl").stdout
    assert "  appTitle: Wijkweb - Positieve Gezondheid in de wijk" in missing
    assert "  item.h-lf-1: " in missing
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
    sections = missing_texts("pl")
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
