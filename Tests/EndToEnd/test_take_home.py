"""The resident's take-home web: `p` on the saved screen writes a one-page PDF of their own web to the
configured folder (or prints it through lp), with nothing identifying in it or in its name."""

import os
import re
import stat
import subprocess
import time

from conftest import BINARY, SPACED_RECEIPT, TOTAL_ITEMS, query

SCORES = [k % 11 for k in range(1, TOTAL_ITEMS + 1)]
FILE_NAME = re.compile(r"mijn-web-\d{4}-\d{2}-\d{2}-[a-z0-9]{6}\.pdf")


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def finish_interview(tui):
    tui.begin_interview()
    saved = tui.complete_interview(SCORES, reflections=("Meer groen in de straat.", "", "", "", ""))
    receipt = SPACED_RECEIPT.search(saved).group(1)
    assert "p: web meenemen" in saved
    return receipt


def test_p_writes_the_residents_web_to_the_folder(tui, tmp_path, db_path):
    folder = tmp_path / "meenemen"
    folder.mkdir()
    tui.start("interview", "--take-home-folder", str(folder))
    receipt = finish_interview(tui)
    tui.send("p")
    screen = tui.wait_for("Uw web staat klaar als")
    files = list(folder.iterdir())
    assert len(files) == 1, files
    name = files[0].name
    assert FILE_NAME.fullmatch(name), name
    assert name in " ".join(screen.split())
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert pdf_pages(files[0]) == 1
    # Only the day, never the time: neither in the PDF's metadata nor in the file's modification time.
    info = subprocess.run(["pdfinfo", "-isodates", str(files[0])], capture_output=True, text=True, check=True).stdout
    created = re.search(r"^CreationDate:\s+(\S+)", info, re.M).group(1)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00(Z|[+-]\d{2}(:?\d{2})?)?", created), created
    assert time.localtime(files[0].stat().st_mtime)[3:6] == (0, 0, 0)
    text = " ".join(pdf_text(files[0]).split())
    for wanted in ["Mijn spinnenweb", "Datum:", "Mijn gezondheid", "Mijn wijk", "Lichaamsfuncties", "Dagelijks functioneren"]:
        assert wanted in text, wanted
    # The scores as the interview's web shows them (statements 1..7 scored 1..7: mean 4,0).
    assert "Lichaamsfuncties 4,0" in text
    # Nothing identifying: no receipt code, no area, no reflection, no volunteer code.
    for private in [receipt, receipt.replace(" ", ""), "Beijum", "Noordoost", "Meer groen", "V12"]:
        assert private not in text, private
    # The response is stored and the saved screen is still there; Enter starts over as always.
    assert query(db_path, "SELECT count(*) FROM responses WHERE status = 'completed'") == [(1,)]
    assert "Uw bewijsnummer" in tui.screen()
    tui.send("Enter")
    tui.wait_for("Druk op Enter om te beginnen.")


def test_missing_folder_is_said_plainly_and_the_response_is_kept(tui, tmp_path, db_path):
    missing = tmp_path / "usb-stick"
    tui.start("interview", "--take-home-folder", str(missing))
    finish_interview(tui)
    tui.send("p")
    screen = " ".join(tui.wait_for("ontbreekt of is alleen-lezen").split())
    assert "Web niet bewaard: map …/usb-stick ontbreekt" in screen and "Uw antwoorden zijn wel opgeslagen." in screen
    assert not missing.exists()
    assert query(db_path, "SELECT count(*) FROM responses WHERE status = 'completed'") == [(1,)]
    assert "Uw bewijsnummer" in tui.screen()


def test_printer_from_the_environment_goes_through_lp(tui, tmp_path):
    fake = tmp_path / "bin"
    fake.mkdir()
    log = tmp_path / "lp-args.txt"
    copy = tmp_path / "printed.pdf"
    mode = tmp_path / "lp-mode.txt"
    (fake / "lp").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > "{log}"\nfor last in "$@"; do :; done\ncp "$last" "{copy}"\n'
                             f'stat -c %a "$last" > "{mode}"\n')
    (fake / "lp").chmod(0o755)
    # tmux takes a new session's PATH from its client, not from -e: env puts the fake lp first.
    tui._new_session(["/usr/bin/env", f"PATH={fake}:{os.environ.get('PATH', '/usr/bin:/bin')}", str(BINARY), "interview", "--idle", "600"],
                     100, 30, extra_env={"WIJKWEB_PRINTER": "buurthuis"})
    finish_interview(tui)
    tui.send("p")
    tui.wait_for("Uw web is naar printer buurthuis gestuurd.")
    arguments = log.read_text().split("\n")
    assert arguments[:3] == ["-d", "buurthuis", "--"]
    assert FILE_NAME.fullmatch(os.path.basename(arguments[3])), arguments
    assert not os.path.exists(arguments[3]), "the temporary file is removed after printing"
    assert mode.read_text().strip() == "600", "the resident's web waits for lp owner-only"
    assert pdf_pages(copy) == 1 and "Mijn spinnenweb" in pdf_text(copy)
