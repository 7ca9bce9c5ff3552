"""Why a crafted bundle is refused is said in the language of `--language`: the frame and the detail sentence
of the record check (`BundleValidator`) and its advice, as whole sentences, with no English under nl."""

import pytest

from test_bundles import laptop, run
from test_hostile_bundles import exported, read_bundle, write_bundle

SAID = {  # crafted bundle: (Dutch, English) detail sentence
    "empty": ("een ronde heeft geen naam", "a round has no name"),
    "long": ('heeft een reflectie van 1001 tekens bij "matters"; hoogstens 1000 zijn toegestaan',
             'has a reflection of 1001 characters for "matters"; at most 1000 are allowed'),
    "answers": ('tussen zijn antwoorden; alleen 0-9, X, - en . zijn toegestaan',
                'among its answers; only 0-9, X, - and . are allowed'),
}
ADVICE = ("vraag de afzender hem opnieuw te exporteren.", "ask the sender to export it again.")
FRAME = ("kan niet worden ingelezen", "cannot be imported")


@pytest.fixture(scope="module")
def bundles(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("weigering")
    a = laptop(tmp_path, "a", seed=70, responses=4)
    b = laptop(tmp_path, "b", seed=71, responses=1)
    manifest, records = read_bundle(exported(tmp_path, a))
    first = next(r for r in records if r["type"] == "response")
    crafted = {
        "empty": [dict(r, name="") if r["type"] == "round" else dict(r, round="") if r["type"] == "response" else r
                  for r in records],
        "long": [dict(r, reflections=[{"prompt_id": "matters", "text": "x" * 1001, "review_status": "unreviewed",
                                       "dimensions": ""}]) if r is first else r for r in records],
        "answers": [dict(r, packed_answers="Q" + r["packed_answers"][1:]) if r is first else r for r in records],
    }
    paths = {}
    for name, changed in crafted.items():
        paths[name] = tmp_path / f"proef-{len(paths)}.wwb"  # a path free of the English words looked for
        write_bundle(paths[name], manifest, changed)
    return b, paths


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("crafted", sorted(SAID))
def test_a_refused_record_is_explained_in_the_language_asked(bundles, crafted, language):
    db, paths = bundles
    index = 0 if language == "nl" else 1
    status, out, err = run("bundle", "import", "--db", db, paths[crafted], "--language", language)
    assert status != 0, out
    for text in (SAID[crafted][index], ADVICE[index], FRAME[index]):
        assert text in err, f"{crafted} --language {language} does not say {text!r}:\n{err}"
    other = 1 - index
    for text in (SAID[crafted][other], ADVICE[other], FRAME[other]):
        assert text not in err, f"{crafted} --language {language} says {text!r}:\n{err}"
    if language == "nl":
        for english in ("response", "round", "answers", "bundle", "the sender"):
            assert english not in err.lower(), f"{crafted} --language nl says {english!r}:\n{err}"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_accept_unsigned_warning_is_said_in_the_language_asked(tmp_path, language):
    a = laptop(tmp_path, "a", seed=72, responses=3)
    b = laptop(tmp_path, "b", seed=73, responses=2)
    manifest, records = read_bundle(exported(tmp_path, a))
    old = {k: v for k, v in manifest.items() if k not in ("signature", "certificate")}
    write_bundle(tmp_path / "oud.wwb", old, [{k: v for k, v in r.items() if k != "team_signature"} for r in records], sign=False)
    status, out, err = run("bundle", "import", "--db", b, tmp_path / "oud.wwb", "--accept-unsigned", "--language", language)
    assert status == 0, err
    dutch, english = "WAARSCHUWING:", "WARNING:"
    if language == "nl":
        assert dutch in err and "is NIET ONDERTEKEND" in err and "dit staat in het auditlog" in err, err
        assert english not in err and "NOT SIGNED" not in err and "audit log" not in err, err
    else:
        assert english in err and "is NOT SIGNED" in err and "this is recorded in the audit log" in err, err
        assert dutch not in err, err
