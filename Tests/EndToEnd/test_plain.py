"""`wijkweb interview --plain`: the whole interview through a pipe, line by line, no terminal needed."""
import subprocess

from conftest import BINARY, CLEAN_ENVIRONMENT, ITEM_IDS, TOTAL_ITEMS, answers_of, dutch_and_english_only, query, receipt_proves

WEET_NIET = {3, 40}
TYPED = [None if k in WEET_NIET else (k * 3) % 11 for k in range(1, TOTAL_ITEMS + 1)]
PART_ONE = 42


def plain(db_path, lines, language="nl", data=None):
    environment = {key: value for key, value in CLEAN_ENVIRONMENT.items() if key != "TERM"}
    if data:
        environment["WIJKWEB_DATA"] = data
    result = subprocess.run([str(BINARY), "interview", "--plain", "--db", str(db_path), "--language", language],
                            input="\n".join(lines) + "\n", capture_output=True, text=True, env=environment,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout, "plain mode must not send escape sequences"
    return result.stdout.splitlines()


def answers(values):
    return ["w" if value is None else str(value) for value in values]


def test_a_whole_interview_through_a_pipe(db_path):
    lines = ["", "V12", "j", "beijum", "1", "2", "2", "1"]
    lines += answers(TYPED[:PART_ONE]) + [""] + answers(TYPED[PART_ONE:]) + [""]
    lines += ["", "Meer bankjes in het park.", "", "", "", "", "q"]
    out = plain(db_path, lines)

    # Every prompt is one line; the options are spelled out; the web is a list of scores.
    assert "Kies: 1 = 15 tot en met 24 jaar, 2 = 25 tot en met 44 jaar" in "\n".join(out)
    assert "Stelling 1 van 66. Mijn gezondheid, Lichaamsfuncties." in out
    assert any(line.startswith("Typ een cijfer van 0 (helemaal niet) tot en met 10") and "w = weet niet" in line
               for line in out)
    web = next(line for line in out if line.startswith("Uw spinnenweb: Mijn gezondheid:"))
    for name in ["Lichaamsfuncties", "Mentaal welbevinden", "Zingeving", "Kwaliteit van leven", "Meedoen",
                 "Dagelijks functioneren"]:
        assert name in web
    receipt_line = next(line for line in out if line.startswith("Uw bewijsnummer: "))
    receipt = receipt_line.split(": ", 1)[1].replace(" ", "")
    assert out[-1] == "Gestopt. Alles wat bevestigd is, is bewaard."

    rows = query(db_path, "SELECT id, status, area_code FROM responses")
    assert len(rows) == 1 and rows[0][1] == "completed" and receipt_proves(db_path, rows[0][0], receipt)
    stored = answers_of(db_path, rows[0][0])
    assert stored == dict(zip(ITEM_IDS, TYPED))
    assert query(db_path, "SELECT text FROM reflections WHERE text <> ''") == [("Meer bankjes in het park.",)]


def test_wrong_input_is_answered_plainly_and_end_of_input_keeps_what_was_confirmed(db_path):
    out = plain(db_path, ["", "Jan", "V12", "j", "beijum", "1", "7", "1", "1", "1", "11", "banaan", "6", "4"])
    text = "\n".join(out)
    assert "De code moet 2 tot 12 letters en cijfers hebben" in text
    assert "Typ een nummer van 1 tot en met 6." in text
    assert text.count("Kies eerst een cijfer (0 tot en met 10)") == 2
    rows = query(db_path, "SELECT id, status FROM responses")
    assert len(rows) == 1 and rows[0][1] == "in_progress"
    assert answers_of(db_path, rows[0][0]) == {ITEM_IDS[0]: 6, ITEM_IDS[1]: 4}

    # The next run offers to resume; h continues at statement 3 and an empty line keeps an earlier answer.
    out = plain(db_path, ["h", "b", "", "9"])
    assert any("Onderbroken gesprek" in line and "2 stellingen beantwoord" in line for line in out)
    assert "Eerder gekozen: 4 Een lege regel houdt dit antwoord." in out
    assert answers_of(db_path, rows[0][0]) == {ITEM_IDS[0]: 6, ITEM_IDS[1]: 4, ITEM_IDS[2]: 9}


def test_english_on_request_and_switching_language_mid_interview(db_path, tmp_path):
    out = plain(db_path, ["", "V12", "y", "beijum", "1", "1", "1", "1", "l", "5"], language="en",
                data=dutch_and_english_only(tmp_path))
    text = "\n".join(out)
    assert "Press Enter to begin, or type q to stop." in text
    assert "Statement 1 of 66." in text
    assert "Stelling 1 van 66." in text  # after l, the same statement in Dutch
    assert "Gestopt. Alles wat bevestigd is, is bewaard." in text


def test_the_conversation_after_the_web_and_the_earlier_web_by_receipt_code(db_path):
    # A first interview, for its receipt code.
    first = ["", "V12", "j", "beijum", "1", "1", "1", "1"] + ["4"] * PART_ONE + [""] + ["5"] * (TOTAL_ITEMS - PART_ONE)
    out = plain(db_path, first + ["", "", "", "", "", "", "", "q"])
    receipt = next(line for line in out if line.startswith("Uw bewijsnummer: ")).split(": ", 1)[1].replace(" ", "")

    # The second: topics 2 and 5 on the first web, the three questions for each, and the earlier web.
    lines = ["", "", "j", "beijum", "1", "1", "1", "1"] + ["8"] * PART_ONE
    lines += ["v", "ZZZZ", receipt, "2 5", "", "Rust in mijn hoofd", "Minder piekeren", "De huisarts", "Samen sporten",
              "", "Het buurthuis"]
    lines += ["9"] * (TOTAL_ITEMS - PART_ONE) + ["", "", "", "", "", "", "", "q"]
    out = plain(db_path, lines)
    text = "\n".join(out)
    assert "Waarover wilt u verder praten? Typ één of twee nummers: 1 = Lichaamsfuncties, 2 = Mentaal welbevinden" in text
    assert "Dit bewijsnummer hoort niet bij een eerder gesprek" in text
    assert "Vorige keer: Lichaamsfuncties 4,0; Mentaal welbevinden 4,0" in text
    assert "Gekozen: Mentaal welbevinden, Meedoen. Druk op Enter om erover te praten." in text
    assert "Gesprek over Mentaal welbevinden. Vraag 1 van 3. Wat is voor u belangrijk als het gaat om mentaal welbevinden?" in text
    assert "Gesprek over Meedoen. Vraag 3 van 3. Wat of wie kan u daarbij helpen? Wat is een eerste stap?" in text

    second = query(db_path, "SELECT id FROM responses WHERE status = 'completed' ORDER BY key")[1][0]
    stored = dict(query(db_path, "SELECT prompt_id, text FROM reflections WHERE response_id = ?", (second,)))
    assert stored == {
        "focus.health": "mentaal_welbevinden,meedoen",
        "dialogue.health.mentaal_welbevinden.1": "Rust in mijn hoofd",
        "dialogue.health.mentaal_welbevinden.2": "Minder piekeren",
        "dialogue.health.mentaal_welbevinden.3": "De huisarts",
        "dialogue.health.meedoen.1": "Samen sporten",
        "dialogue.health.meedoen.3": "Het buurthuis",
    }
    # Dialogue answers are tagged with their dimension for the review; the topics themselves are not free text.
    assert query(db_path, "SELECT dimensions FROM reflections WHERE prompt_id = 'dialogue.health.meedoen.1'") == [("meedoen",)]


def test_resume_takes_only_h_q_stops_anywhere_and_a_warned_text_is_not_kept_by_an_empty_line(db_path):
    # Two statements, then q in the middle of the interview stops (it used to be a wrong score).
    out = plain(db_path, ["", "V12", "j", "beijum", "1", "1", "1", "1", "6", "4", "q", "5"])
    assert "Gestopt. Alles wat bevestigd is, is bewaard." in out
    (response_id,) = query(db_path, "SELECT id FROM responses")[0]
    assert answers_of(db_path, response_id) == {ITEM_IDS[0]: 6, ITEM_IDS[1]: 4}

    # An empty line, Enter-like input and other letters on the resume offer do nothing.
    out = plain(db_path, ["", " ", "r", "ja", "x", "q"])
    text = "\n".join(out)
    assert "2 stellingen beantwoord" in text and "alleen met dezelfde bewoner" in text
    assert "Stelling 3 van 66" not in text
    assert answers_of(db_path, response_id) == {ITEM_IDS[0]: 6, ITEM_IDS[1]: 4}

    # Resume, answer the rest, and meet the personal-data warning on the first reflection.
    lines = ["h"] + ["5"] * (PART_ONE - 2) + [""] + ["5"] * (TOTAL_ITEMS - PART_ONE) + [""]
    lines += ["Bel me op 06-12345678", "", "Meer groen", "", "", "", "", "q"]
    out = plain(db_path, lines)
    text = "\n".join(out)
    assert "Typ de tekst nog eens om hem toch te bewaren, of typ een nieuwe tekst." in text
    assert "Tab" not in text
    stored = dict(query(db_path, "SELECT prompt_id, text FROM reflections WHERE response_id = ?", (response_id,)))
    assert not any("06-12345678" in value for value in stored.values()), stored
    assert "Meer groen" in stored.values()


WHOLE = (["", "V12", "j", "beijum", "1", "2", "2", "1"] + answers(TYPED[:PART_ONE]) + [""] + answers(TYPED[PART_ONE:])
         + [""] + ["", "Meer bankjes in het park.", "", "", "", ""])
CLOSE_WINDOW = "Het interview is klaar. Vrijwilliger: sluit dit venster"


def test_the_end_of_an_interview_through_a_pipe_asks_to_close_the_window(db_path):
    out = plain(db_path, WHOLE + ["", "q"])
    receipt = next(index for index, line in enumerate(out) if line.startswith("Uw bewijsnummer: "))
    closing = [index for index, line in enumerate(out) if line.startswith(CLOSE_WINDOW)]
    assert len(closing) == 1 and closing[0] > receipt, "said once, after the receipt, when the next resident is due"
    welcome_again = [index for index, line in enumerate(out) if "Enter" in line and index > closing[0]]
    assert welcome_again, "the next welcome follows the request"


def test_the_end_of_an_interview_on_a_terminal_clears_screen_and_scrollback(db_path):
    import os
    import pty
    main, secondary = pty.openpty()
    environment = {key: value for key, value in CLEAN_ENVIRONMENT.items() if key != "TERM"}
    process = subprocess.Popen([str(BINARY), "interview", "--plain", "--db", str(db_path)], stdin=subprocess.PIPE,
                               stdout=secondary, stderr=subprocess.PIPE, env=environment)
    os.close(secondary)
    process.stdin.write(("\n".join(WHOLE + ["q"]) + "\n").encode())
    process.stdin.close()
    output = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=60)
    os.close(main)
    assert process.returncode == 0
    text = output.decode("utf-8", "replace")
    receipt = text.index("Uw bewijsnummer: ")
    clear = text.find("\x1b[H\x1b[2J\x1b[3J", receipt)
    assert clear > receipt, "screen and scrollback cleared after the receipt"
    assert CLOSE_WINDOW not in text
