"""`make deb`: the package a community centre installs, tried where no Swift toolchain is reachable.

The package is built once per run (the release build is incremental in .build/release), unpacked with
`dpkg -x` into a fresh folder outside the source tree, and its binary run with a bare PATH, no
LD_LIBRARY_PATH, no WIJKWEB_DATA and a new HOME: help, version, the man pages, a whole interview through a
pipe and a profile of a demo round.
"""
import gzip
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import ITEM_IDS, REPO, TOTAL_ITEMS
from test_plain import PART_ONE, TYPED, answers

VERSION = re.search(r'static let number = "(.+)"', (REPO / "Sources/wijkweb/Version.swift").read_text()).group(1)
DEB = REPO / ".build" / "deb" / f"wijkweb_{VERSION}_amd64.deb"


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    """The package, built and unpacked into a fresh folder."""
    built = subprocess.run(["make", "-s", "deb"], cwd=REPO, capture_output=True, text=True, timeout=3600)
    assert built.returncode == 0, built.stdout + built.stderr
    assert built.stdout.strip().splitlines()[-1] == f".build/deb/{DEB.name}"
    folder = tmp_path_factory.mktemp("installed")
    subprocess.run(["dpkg-deb", "-x", str(DEB), str(folder)], check=True)
    return folder


@pytest.fixture
def environment(tmp_path):
    """No Swift anywhere: a bare PATH, no library path, no data or database override, a new HOME."""
    home = tmp_path / "home"
    home.mkdir()
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "MANPAGER": "cat", "PAGER": "cat",
            "MANWIDTH": "100"}


def run(root, environment, *arguments, input_text=None, check=True):
    result = subprocess.run([str(root / "usr/bin/wijkweb"), *map(str, arguments)], input=input_text,
                            capture_output=True, text=True, env=environment, cwd=environment["HOME"], timeout=300)
    if check:
        assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_the_package_declares_debian_dependencies_and_holds_program_data_manuals_and_completions(root):
    control = subprocess.run(["dpkg-deb", "-f", str(DEB)], capture_output=True, text=True, check=True).stdout
    assert f"Version: {VERSION}" in control and "Architecture: amd64" in control
    depends = re.search(r"^Depends: (.*)$", control, re.M).group(1).split(", ")
    for package in ["libncursesw6", "libsqlite3-0", "libcairo2", "libxlsxwriter4", "libreadstat1", "libsodium23",
                    "fonts-dejavu-core"]:
        assert package in depends
    assert not any("swift" in package for package in depends)

    binary = root / "usr/bin/wijkweb"
    needed = re.findall(r"NEEDED\s+(\S+)", subprocess.run(["objdump", "-p", str(binary)], capture_output=True,
                                                            text=True, check=True).stdout)
    assert "libncursesw.so.6" in needed and "libsodium.so.23" in needed
    assert not [library for library in needed if "swift" in library.lower() or "Foundation" in library
                or "dispatch" in library.lower() or "icu" in library.lower()], needed
    linked = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"}).stdout
    assert "not found" not in linked and "/opt/swift" not in linked, linked

    data = root / "usr/share/wijkweb"
    assert (data / "Questionnaires/positieve-gezondheid-wijk.yaml").read_bytes() == \
        (REPO / "Questionnaires/positieve-gezondheid-wijk.yaml").read_bytes()
    assert (data / "Areas/groningen.csv").is_file() and sorted(p.name for p in (data / "Languages").iterdir())
    manuals = root / "usr/share/man/man1"
    assert {"wijkweb.1.gz", "wijkweb-interview.1.gz", "wijkweb-profile.1.gz", "wijkweb-round-create.1.gz"} <= \
        {p.name for p in manuals.iterdir()}
    assert not (manuals / "wijkweb-bench-interview.1.gz").exists()
    assert "interview" in (root / "usr/share/bash-completion/completions/wijkweb").read_text()
    assert "#compdef wijkweb" in (root / "usr/share/zsh/vendor-completions/_wijkweb").read_text()
    fish = (root / "usr/share/fish/vendor_completions.d/wijkweb.fish").read_text()
    assert "complete -c 'wijkweb'" in fish and "interview" in fish
    subprocess.run(["bash", "-n", str(root / "usr/share/bash-completion/completions/wijkweb")], check=True)


def test_help_version_and_manual_pages_without_a_toolchain(root, environment):
    help_text = run(root, environment, "--help").stdout
    assert "Positive Health in the neighbourhood" in help_text and "interview" in help_text

    version = run(root, environment, "--version").stdout.splitlines()
    assert version[0] == f"wijkweb {VERSION}"
    assert re.fullmatch(r"schema \d+ \(v[\w-]+\)", version[1]), version
    assert re.fullmatch(r"commit [0-9a-f]{12}(-dirty)?", version[2]), version
    head = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout
    assert version[2].split()[1].startswith(head.strip())

    page = subprocess.run(["man", "-l", str(root / "usr/share/man/man1/wijkweb.1.gz")], capture_output=True,
                          text=True, env=environment, check=True).stdout
    assert "NAME" in page and "SYNOPSIS" in page and "WIJKWEB_DATA" in page and "wijkweb-interview(1)" in page
    # Installed, `man wijkweb-interview` finds the page of a subcommand with its options.
    found = subprocess.run(["man", "wijkweb-interview"], capture_output=True, text=True, check=True,
                           env=dict(environment, MANPATH=str(root / "usr/share/man"))).stdout
    assert "--plain" in found and "--language" in found
    with gzip.open(root / "usr/share/man/man1/wijkweb-round-create.1.gz", "rt") as source:
        assert ".SH OPTIONS" in source.read()


def test_a_whole_plain_interview_through_a_pipe_on_a_new_database_in_a_new_home(root, environment):
    lines = ["", "V12", "j", "beijum", "1", "2", "2", "1"]
    lines += answers(TYPED[:PART_ONE]) + [""] + answers(TYPED[PART_ONE:]) + [""]
    lines += ["", "Meer bankjes in het park.", "", "", "", "", "q"]
    out = run(root, environment, "interview", "--plain", input_text="\n".join(lines) + "\n").stdout
    assert f"Stelling {TOTAL_ITEMS} van {TOTAL_ITEMS}." in out
    assert "Uw bewijsnummer: " in out and out.splitlines()[-1] == "Gestopt. Alles wat bevestigd is, is bewaard."

    database = Path(environment["HOME"]) / ".local/share/wijkweb/wijkweb.sqlite"
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT status FROM responses").fetchall() == [("completed",)]
        packed = connection.execute("SELECT packed_answers FROM responses").fetchone()[0]
    assert packed and len(packed) == len(ITEM_IDS)


def test_a_profile_of_a_demo_round(root, environment, tmp_path):
    db = tmp_path / "demo.sqlite"
    run(root, environment, "demo", "--db", db, "--responses", "200", "--seed", "5", "--round", "Demo", "--no-previous")
    profile = run(root, environment, "profile", "--db", db, "--round", "Demo", "--format", "csv").stdout
    rows = profile.strip().splitlines()
    assert len(rows) > 5 and "lichaamsfuncties" in profile.lower()


def test_the_data_comes_from_the_package_not_from_a_source_tree(root, environment, tmp_path):
    copy = tmp_path / "elsewhere" / "bin"
    copy.mkdir(parents=True)
    shutil.copy(root / "usr/bin/wijkweb", copy / "wijkweb")
    result = subprocess.run([str(copy / "wijkweb"), "questionnaire", "list"], capture_output=True, text=True,
                            env=environment)
    if Path("/usr/share/wijkweb/Questionnaires").is_dir():
        pytest.fail("this test needs a machine without the package installed (/usr/share/wijkweb exists)")
    assert result.returncode == 1 and "Questionnaires/" in result.stderr and "WIJKWEB_DATA" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    listed = subprocess.run([str(copy / "wijkweb"), "questionnaire", "list"], capture_output=True, text=True,
                            env=dict(environment, WIJKWEB_DATA=str(root / "usr/share/wijkweb")))
    assert listed.returncode == 0 and "positieve-gezondheid-wijk" in listed.stdout, listed.stderr
