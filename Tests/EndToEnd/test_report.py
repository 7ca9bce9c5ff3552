"""`wijkweb report` on a demo round: the PDF read back with pdftotext, the HTML checked for being
self-contained, an area below the minimum group size, publishable quotes only, and errors."""

import re
import sqlite3
import subprocess

import pytest

from conftest import BINARY, CLEAN_ENVIRONMENT, REPO

ENVIRONMENT = dict(CLEAN_ENVIRONMENT, WIJKWEB_DATA=str(REPO), LANG="C.UTF-8")
ROUND = "Demo 2026"
TINY_BUURT = "BU00140704"
QUOTE_AREA = "WK001413"  # Meerdorpen: the wijk with the most demo responses
PUBLISHABLE = "Er is maar één plek waar iedereen elkaar ziet: het café aan de brink."
EDITED_ORIGINAL = "Mijn buurman Jan de Vries op nummer 12 helpt iedereen."
EDITED_COPY = "Mijn buurman helpt iedereen met boodschappen."
NOT_PUBLISHABLE = "Dit mag echt niemand lezen over mevrouw Jansen."
UNREVIEWED = "Deze tekst is nog niet beoordeeld."


def wijkweb(*args, check=True):
    result = subprocess.run([str(BINARY), *args], env=ENVIRONMENT, capture_output=True, text=True, timeout=120)
    if check:
        assert result.returncode == 0, f"wijkweb {' '.join(args)} failed: {result.stderr}"
    return result


def pdf_pages(path):
    """The text of each page, as pdftotext reads it."""
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def page_count(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A demo round of 3000 responses with reviewed reflections and one buurt shrunk to 3 respondents."""
    folder = tmp_path_factory.mktemp("report")
    db = folder / "gegevens" / "wijkweb.sqlite"
    wijkweb("demo", "--db", str(db), "--responses", "3000", "--seed", "1")
    connection = sqlite3.connect(str(db))
    with connection:
        round_id = connection.execute("SELECT id FROM rounds WHERE name = ?", (ROUND,)).fetchone()[0]
        # Reflections of four residents of Meerdorpen (or its buurten), each reviewed differently.
        ids = [row[0] for row in connection.execute(
            "SELECT r.id FROM responses r JOIN areas a ON a.code = r.area_code WHERE r.round_id = ? AND r.status = 'completed' "
            "AND (a.code = ? OR a.parent_code = ?) ORDER BY r.key LIMIT 5", (round_id, QUOTE_AREA, QUOTE_AREA))]
        rows = [
            (ids[0], "improve", PUBLISHABLE, "publishable", None, "meedoen"),
            (ids[1], "contribute", EDITED_ORIGINAL, "publishable_edited", EDITED_COPY, "meedoen,kwaliteit_van_leven"),
            (ids[2], "improve", NOT_PUBLISHABLE, "not_publishable", None, "zingeving"),
            (ids[3], "improve", UNREVIEWED, "unreviewed", None, ""),
            (ids[4], "matters", "Rust en groen om me heen.", "publishable", None, ""),
        ]
        connection.executemany(
            "INSERT INTO reflections (response_id, prompt_id, text, review_status, redacted_text, dimensions) VALUES (?, ?, ?, ?, ?, ?)", rows)
        # All but three residents of one buurt move up to its wijk: the buurt falls below the minimum of 10.
        parent = connection.execute("SELECT parent_code FROM areas WHERE code = ?", (TINY_BUURT,)).fetchone()[0]
        keys = [row[0] for row in connection.execute(
            "SELECT key FROM responses WHERE round_id = ? AND area_code = ? AND status = 'completed' ORDER BY key", (round_id, TINY_BUURT))]
        assert len(keys) > 10
        moved = keys[3:]
        connection.executemany("UPDATE responses SET area_code = ? WHERE key = ?", [(parent, key) for key in moved])
        connection.executemany("UPDATE part_scores SET area_code = ? WHERE response_key = ?", [(parent, key) for key in moved])
    connection.close()
    return folder, db


@pytest.fixture(scope="module")
def all_pdf(demo):
    folder, db = demo
    out = folder / "alle-wijken.pdf"
    result = wijkweb("report", "--db", str(db), "--round", ROUND, "--all", "--format", "pdf", "--out", str(out))
    assert "pagina('s)" in result.stderr, "said in the report's language (Dutch by default)"
    return out


@pytest.fixture(scope="module")
def all_html(demo):
    folder, db = demo
    out = folder / "alle-wijken.html"
    wijkweb("report", "--db", str(db), "--round", ROUND, "--all", "--format", "html", "--out", str(out))
    return out.read_text(encoding="utf-8")


def area_names(db):
    connection = sqlite3.connect(str(db))
    try:
        return dict(connection.execute("SELECT code, name FROM areas"))
    finally:
        connection.close()


def test_pdf_has_one_page_per_area_with_its_figures(demo, all_pdf, all_html):
    _, db = demo
    pages = pdf_pages(all_pdf)
    sections = re.findall(r'<section class="area" id="area-([A-Z0-9]+)"', all_html)
    assert page_count(all_pdf) == len(pages) == len(sections) == 37, "one page per area with respondents (Groningen has 37)"
    names = area_names(db)
    for number, (page, code) in enumerate(zip(pages, sections), start=1):
        flat = " ".join(page.split())
        assert names[code] in flat, f"page {number} should be about {names[code]}"
        assert f"pagina {number} van {len(pages)}" in flat
        assert "geen gevalideerde meetschaal" in flat and "t-verdeling" in flat and "Groepen kleiner dan 10" in flat
        assert "Ongewogen" in flat
    first = " ".join(pages[0].split())
    # The published n carries the cell-key perturbation: within 2 of the 3000 respondents (Docs/disclosure.md).
    published_n = re.search(r"gemeente · ronde Demo 2026 · n = (\d+)", first)
    assert sections[0] == "GM0014" and "Groningen" in first and published_n and abs(int(published_n.group(1)) - 3000) <= 2
    for heading in ["Mijn gezondheid", "Mijn wijk", "Gemiddeld", "95%-interval", "Onvoldoende", "t.o.v. vorige ronde",
                    "Lichaamsfuncties", "Mentaal welbevinden", "Dagelijks functioneren", "het sterkst is", "Om over te praten"]:
        assert heading in first, heading
    # A wijk is compared with its gemeente and with last year's round; differences use a minus sign and a comma.
    wijk = " ".join(pages[sections.index(QUOTE_AREA)].split())
    assert "gemeente Groningen" in wijk and "vorige ronde: Demo 2026 (vorig jaar)" in wijk
    assert re.search(r"\d,\d – \d,\d", wijk), "95% intervals with decimal commas"
    assert re.search(r"[+−]\d,\d", wijk), "signed differences"


def test_pdf_shows_the_protected_respondents_and_a_dimensions_n_only_where_it_differs(demo, all_pdf, all_html):
    """Each page's n is the area's protected respondents count, as `profile` publishes it (not a dimension's
    n), and a dimension's own n is named under its part's table only where it differs."""
    import csv
    import io
    _, db = demo
    rows = list(csv.DictReader(io.StringIO(wijkweb("profile", "--db", str(db), "--round", ROUND, "--format", "csv").stdout)))
    respondents, differing = {}, {}
    for row in rows:
        if row["respondents"]:
            respondents[row["area_code"]] = max(respondents.get(row["area_code"], 0), int(row["respondents"]))
        if row["n"] and row["n"] != row["respondents"]:
            differing.setdefault(row["area_code"], []).append(row)
    assert differing, "the demo has dimensions whose published n differs from the respondents'"
    pages = pdf_pages(all_pdf)
    sections = re.findall(r'<section class="area" id="area-([A-Z0-9]+)"', all_html)
    names = {"lichaamsfuncties": "Lichaamsfuncties", "mentaal_welbevinden": "Mentaal welbevinden", "zingeving": "Zingeving",
             "kwaliteit_van_leven": "Kwaliteit van leven", "meedoen": "Meedoen", "dagelijks_functioneren": "Dagelijks functioneren"}
    checked = 0
    for page, code in zip(pages, sections):
        flat = " ".join(page.split())
        shown = re.search(r"ronde Demo 2026 · n = (\d+)", flat)
        if code not in respondents:
            assert not shown, f"{code}: no protected count, no n"
            continue
        assert shown and int(shown.group(1)) == respondents[code], f"{code}: page n {shown and shown.group(1)} vs {respondents[code]}"
        for row in differing.get(code, []):
            assert f"{names[row['dimension']]} {row['n']}" in flat, f"{code}: {row['dimension']} n {row['n']} not named"
            checked += 1
        if code not in differing:
            assert not re.search(r"\bn: ", flat), f"{code}: no dimension's n differs, so none is named"
    assert checked > 0


def test_pdf_embeds_dejavu_sans_and_keeps_diacritics(demo, all_pdf):
    fonts = subprocess.run(["pdffonts", str(all_pdf)], capture_output=True, text=True, check=True).stdout
    embedded = [line for line in fonts.splitlines() if "DejaVuSans" in line]
    assert embedded and all(" yes yes " in line for line in embedded), fonts
    first = " ".join(pdf_pages(all_pdf)[0].split())
    assert "zwakste dimensies van “Mijn wijk”" in first and "▲" in first + "▼", "curly quotes and markers come out as text"


def test_only_publishable_quotes_beside_their_dimension(demo, all_pdf, all_html):
    sections = re.findall(r'<section class="area" id="area-([A-Z0-9]+)"', all_html)
    page = " ".join(pdf_pages(all_pdf)[sections.index(QUOTE_AREA)].split())
    assert "Wat bewoners zeggen" in page
    assert "één plek waar iedereen elkaar ziet" in page, "Dutch diacritics survive the PDF"
    assert re.search(r"Meedoen “Er is maar één plek", page), "a quote stands beside its tagged dimension"
    assert "Mijn buurman helpt iedereen" in page, "the redacted copy is shown"
    for hidden in ["Jan de Vries", "mevrouw Jansen", "nog niet beoordeeld"]:
        assert hidden not in page
    everything = " ".join(" ".join(p.split()) for p in pdf_pages(all_pdf))
    for hidden in ["Jan de Vries", "mevrouw Jansen", "nog niet beoordeeld"]:
        assert hidden not in everything and hidden not in all_html


def test_area_below_the_minimum_shows_no_figures(demo):
    folder, db = demo
    out = folder / "klein.pdf"
    wijkweb("report", "--db", str(db), "--round", ROUND, "--area", TINY_BUURT, "--format", "pdf", "--out", str(out))
    assert page_count(out) == 1
    page = " ".join(pdf_pages(out)[0].split())
    assert area_area_name(db, TINY_BUURT) in page
    assert "Te weinig deelnemers om cijfers te tonen" in page and "minder dan 10" in page
    assert "buurt · ronde Demo 2026 · n < 10" in page and "Methode. n < 10 deelnemers" in page
    body = page.split("Methode.")[0]
    for figure in ["Gemiddeld", "95%-interval", "Lichaamsfuncties", "het sterkst", "Om over te praten", "Wat bewoners zeggen"]:
        assert figure not in body
    assert not re.search(r"\d,\d", body), "no mean, interval or difference"
    assert not re.search(r"\d+%", body), "no share"
    # The same in the HTML.
    html_out = folder / "klein.html"
    wijkweb("report", "--db", str(db), "--round", ROUND, "--area", TINY_BUURT, "--format", "html", "--out", str(html_out))
    html = html_out.read_text(encoding="utf-8")
    assert "Te weinig deelnemers" in html and "<polygon" not in html and ">Gemiddeld</text>" not in html


def area_area_name(db, code):
    return area_names(db)[code]


def test_html_is_self_contained_with_a_section_per_area(demo, all_html):
    _, db = demo
    assert all_html.startswith("<!DOCTYPE html>")
    assert not re.search(r"https?://", all_html), "no external URL (not even an SVG namespace)"
    assert not re.search(r"<(link|script|img|iframe)\b", all_html)
    assert all(url.startswith("data:") for url in re.findall(r"url\(([^)]*)\)", all_html)), "fonts are embedded as data URLs"
    assert "@page { size: A4" in all_html and "break-after: page" in all_html
    sections = re.findall(r'<section class="area" id="area-([A-Z0-9]+)"[^>]*>\s*<svg', all_html)
    assert len(sections) == 37 and len(set(sections)) == 37
    assert all_html.count("<svg") == 37
    names = area_names(db)
    assert all(names[code] in all_html for code in sections)
    assert "Groningen" in all_html and "Lichaamsfuncties" in all_html and "stroke-dasharray" in all_html


def test_reports_are_in_the_audit_log(demo, all_pdf, all_html):
    _, db = demo
    log = wijkweb("audit", "--db", str(db)).stdout
    assert "report\tDemo 2026: pdf, 37 area(s)" in log and "report\tDemo 2026: html, 37 area(s)" in log


def test_english_report(demo):
    folder, db = demo
    out = folder / "gemeente-en.pdf"
    wijkweb("report", "--db", str(db), "--round", ROUND, "--area", "GM0014", "--format", "pdf", "--out", str(out), "--language", "en")
    page = " ".join(pdf_pages(out)[0].split())
    published_n = re.search(r"municipality · round Demo 2026 · n = (\d+)", page)
    assert published_n and abs(int(published_n.group(1)) - 3000) <= 2, "n within the cell-key perturbation"
    for text in ["My health", "My neighbourhood", "Mean", "95% interval",
                 "Bodily functions", "not a validated measurement scale", "page 1 of 1", "To talk about"]:
        assert text in page, text
    assert re.search(r"\d\.\d – \d\.\d", page) and not re.search(r"\d,\d", page)


def test_report_errors_are_plain(demo):
    folder, db = demo
    cases = [
        (["--area", "WK999999"], "There is no area WK999999"),
        ([], "--area CODE"),
        (["--all", "--area", "GM0014"], "not both"),
        (["--all", "--format", "docx"], "--format must be pdf or html"),
        (["--all", "--out", str(folder / "ontbreekt" / "x.pdf")], "does not exist"),
        (["--all", "--round", "Geen ronde"], "There is no round"),
    ]
    for extra, message in cases:
        args = ["report", "--db", str(db)] + extra
        if "--out" not in extra:
            args += ["--out", str(folder / "x.pdf")]
        if "--round" not in extra:
            args += ["--round", ROUND]
        result = wijkweb(*args, check=False)
        assert result.returncode != 0, extra
        assert message in result.stderr, (extra, result.stderr)
        assert "Traceback" not in result.stderr and "Fatal error" not in result.stderr
