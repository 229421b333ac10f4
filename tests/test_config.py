"""linter.config: discovery, every key, errors, rule selection, severity, exclude, CLI merge.

Documents are real corpus files checked by the real linter (today = 2026-11-22)."""

import shutil
import time
from datetime import date
from pathlib import Path

import pytest

from linter import config
from linter.config import ConfigError, Settings
from linter.lint import lint_path
from linter.result import FileResult, Options

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED = CORPUS / "seeds" / "001_369fe249498483a2.txt"  # VB203 once, VB281 once (its undashed list), …
VALID = CORPUS / "valid" / "party-hd36" / "thong_bao.txt"  # no diagnostic
OPTS = Options(today=date(2026, 11, 22))


def codes(result) -> list[str]:
    return [d.code for d in result.diagnostics]


@pytest.fixture(autouse=True)
def _fresh_cache():
    config.clear_cache()
    yield
    config.clear_cache()


@pytest.fixture
def seed():
    r = lint_path(str(SEED), OPTS)
    assert codes(r).count("VB203") == 1 and codes(r).count("VB281") == 1  # one, over the undashed list
    return r


def kept(result, keep) -> list[str]:
    return [c for c in codes(result) if keep(c)]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def cfg(tmp_path: Path, text: str, name: str = "vblint.toml") -> Settings:
    return config.load(write(tmp_path / name, text))


# ------------------------------------------------------------------------------------ discovery


@pytest.fixture
def tree(tmp_path):
    """root/pyproject.toml ([tool.vblint]), root/sub/vblint.toml, a document in each level."""
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.vblint]\nignore = ["VB281"]\n')
    write(tmp_path / "sub" / "vblint.toml", 'select = ["VB20"]\nlang = "en"\n')
    for d in (tmp_path, tmp_path / "sub", tmp_path / "sub" / "deeper"):
        d.mkdir(exist_ok=True)
        shutil.copy(SEED, d / "doc.txt")
    return tmp_path


def test_closest_config_wins(tree, seed):
    assert config.find_config(tree / "doc.txt") == tree / "pyproject.toml"
    assert config.find_config(tree / "sub" / "doc.txt") == tree / "sub" / "vblint.toml"
    assert config.find_config(tree / "sub" / "deeper" / "doc.txt") == tree / "sub" / "vblint.toml"
    assert config.find_config(tree / "sub" / "deeper") == tree / "sub" / "vblint.toml"  # a directory
    top, deep = (
        config.settings_for(tree / "doc.txt"),
        config.settings_for(tree / "sub" / "deeper" / "doc.txt"),
    )
    assert top.ignore == ("VB281",) and top.select is None and top.base == tree
    assert deep.select == ("VB20",) and deep.ignore == () and deep.lang == "en"  # not merged with the root
    r_top = config.apply(top, lint_path(str(tree / "doc.txt"), OPTS))
    r_deep = config.apply(deep, lint_path(str(tree / "sub" / "deeper" / "doc.txt"), OPTS))
    assert codes(r_top) == kept(seed, lambda c: c != "VB281")
    assert codes(r_deep) == kept(seed, lambda c: c.startswith("VB20")) and "VB203" in codes(r_deep)


def test_vblint_toml_wins_over_pyproject_in_the_same_directory(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.vblint]\nlang = "en"\n')
    write(tmp_path / "vblint.toml", 'lang = "vi"\n')
    assert config.find_config(tmp_path / "x.txt") == tmp_path / "vblint.toml"
    assert config.settings_for(tmp_path / "x.txt").lang == "vi"


def test_pyproject_without_tool_vblint_is_not_a_config(tmp_path):
    write(tmp_path / "vblint.toml", 'lang = "en"\n')
    write(tmp_path / "proj" / "pyproject.toml", "[tool.ruff]\nline-length = 100\n")
    assert config.find_config(tmp_path / "proj" / "x.txt") == tmp_path / "vblint.toml"


def test_no_config_gives_defaults(tmp_path):
    found = config.find_config(tmp_path / "x.txt")
    if found is not None:  # pragma: no cover - a config above the temp dir on this machine
        pytest.skip(f"config above the temp dir: {found}")
    s = config.settings_for(tmp_path / "x.txt")
    assert s == Settings(base=s.base) and s.source is None
    assert set(s.sources().values()) == {"default"}
    opts = config.options(s)
    assert (opts.today, opts.profile, opts.lang) == (date.today(), None, "vi")


def test_load_is_cached_and_sees_edits(tmp_path):
    p = write(tmp_path / "vblint.toml", 'lang = "en"\n')
    assert config.load(p) is config.load(p)
    time.sleep(0.01)
    write(p, 'lang = "vi"\n# edited\n')
    assert config.load(p).lang == "vi"


# ----------------------------------------------------------------------------------------- keys

EVERY_KEY = """
select = ["VB2", "missing-banner"]
ignore = ["VB207"]
profile = "state-nd30"
today = "2026-11-22"
hd05-from = "2026-06-01"
exclude = ["drafts", "**/*.md"]
lang = "en"

[per-file-ignores]
"old/**" = ["VB1", "number-spacing"]

[severity]
VB203 = "warning"
"recipient-item-dash" = "off"
"""


@pytest.mark.parametrize("name", ["vblint.toml", "pyproject.toml"])
def test_every_key(tmp_path, name):
    text = (
        EVERY_KEY
        if name == "vblint.toml"
        else "[tool.vblint]\n"
        + EVERY_KEY.replace("[per-file-ignores]", "[tool.vblint.per-file-ignores]").replace(
            "[severity]", "[tool.vblint.severity]"
        )
    )
    s = cfg(tmp_path, text, name)
    assert s.select == ("VB2", "missing-banner")
    assert s.ignore == ("VB207",)
    assert s.per_file_ignores == (("old/**", ("VB1", "number-spacing")),)
    assert s.severity == {"VB203": "warning", "recipient-item-dash": "off"}
    assert s.profile == "state-nd30"
    assert s.today == date(2026, 11, 22)
    assert s.hd05_from == date(2026, 6, 1)
    assert s.exclude == ("drafts", "**/*.md")
    assert s.lang == "en"
    assert s.source == str(tmp_path / name) and s.base == tmp_path
    assert set(s.sources().values()) == {str(tmp_path / name)}
    opts = config.options(s)
    assert (opts.today, opts.profile, opts.lang) == (date(2026, 11, 22), "state-nd30", "en")


def test_native_toml_date_and_auto_profile(tmp_path):
    s = cfg(tmp_path, 'today = 2026-11-22\nprofile = "auto"\n')
    assert s.today == date(2026, 11, 22) and s.profile is None
    assert s.sources()["profile"] == str(tmp_path / "vblint.toml")


def test_profile_from_config_reaches_the_linter(tmp_path):
    s = cfg(tmp_path, 'profile = "state-nd30"\ntoday = "2026-11-22"\n')
    assert lint_path(str(VALID), config.options(s)).profile == "state-nd30"


def test_unknown_key_names_key_file_and_suggestion(tmp_path):
    with pytest.raises(ConfigError) as e:
        cfg(tmp_path, 'selcet = ["VB2"]\n')
    msg = str(e.value)
    assert "selcet" in msg and str(tmp_path / "vblint.toml") in msg and '"select"' in msg
    assert "khóa không được hỗ trợ" in msg
    en = e.value.message("en")
    assert "unknown key" in en and 'did you mean "select"' in en and "selcet" in en


def test_unknown_key_in_pyproject(tmp_path):
    with pytest.raises(ConfigError, match="per-file-ignores") as e:
        cfg(tmp_path, "[tool.vblint]\nper_file_ignores = {}\n", "pyproject.toml")
    assert e.value.key == "per_file_ignores" and e.value.source == str(tmp_path / "pyproject.toml")


@pytest.mark.parametrize(
    "text, key, value",
    [
        ('select = ["VB999"]', "select", "VB999"),
        ('select = "VB2"', "select", "VB2"),  # a list, not a string, in a file
        ('ignore = ["number-spacin"]', "ignore", "number-spacin"),
        ('severity = {VB203 = "fatal"}', "severity.VB203", "fatal"),
        ('severity = {VB999 = "off"}', "severity", "VB999"),
        ('severity = ["VB203"]', "severity", "VB203"),
        ('profile = "party"', "profile", "party"),
        ('today = "2026-13-01"', "today", "2026-13-01"),
        ("today = 2026-11-22T10:00:00", "today", "2026-11-22T10:00:00"),
        ('lang = "fr"', "lang", "fr"),
        ("exclude = [1]", "exclude", "1"),
        ('per-file-ignores = {"*.txt" = "VB1"}', 'per-file-ignores."*.txt"', "VB1"),
        ('per-file-ignores = {"*.txt" = ["XX9"]}', 'per-file-ignores."*.txt"', "XX9"),
    ],
)
def test_bad_values(tmp_path, text, key, value):
    with pytest.raises(ConfigError) as e:
        cfg(tmp_path, text + "\n")
    msg = str(e.value)
    assert key in msg and value in msg and str(tmp_path / "vblint.toml") in msg, msg
    assert e.value.message("en") != msg


def test_close_rule_and_value_suggestions(tmp_path):
    with pytest.raises(ConfigError, match='"number-spacing"'):
        cfg(tmp_path, 'ignore = ["number-spacin"]\n')
    with pytest.raises(ConfigError, match='"warning"'):
        cfg(tmp_path, 'severity = {VB203 = "warn"}\n')
    with pytest.raises(ConfigError, match='"party-hd36"'):
        cfg(tmp_path, 'profile = "party-hd63"\n')


def test_invalid_toml_names_the_file(tmp_path):
    with pytest.raises(ConfigError, match="TOML") as e:
        cfg(tmp_path, "select = [\n")
    assert str(tmp_path / "vblint.toml") in str(e.value)
    with pytest.raises(ConfigError, match="pyproject.toml"):  # discovery reads it too
        write(tmp_path / "p" / "pyproject.toml", "[tool.vblint\n")
        config.find_config(tmp_path / "p" / "x.txt")


# -------------------------------------------------------------------------------- rule selection


@pytest.mark.parametrize(
    "text, keep",
    [
        ('select = ["VB203"]', lambda c: c == "VB203"),
        ('select = ["number-spacing"]', lambda c: c == "VB203"),
        ('select = ["vb20"]', lambda c: c.startswith("VB20")),
        ('select = ["VB2"]', lambda c: c.startswith("VB2")),
        ('select = ["VB28"]', lambda c: c.startswith("VB28")),
        ("select = []", lambda c: False),
        ('ignore = ["VB281"]', lambda c: c != "VB281"),
        ('ignore = ["recipient-item-dash"]', lambda c: c != "VB281"),
        ('ignore = ["VB2"]', lambda c: not c.startswith("VB2")),
        ('select = ["VB2"]\nignore = ["VB203"]', lambda c: c.startswith("VB2") and c != "VB203"),
        ('select = ["VB203"]\nignore = ["VB2"]', lambda c: False),  # ignore wins
    ],
)
def test_select_and_ignore(tmp_path, seed, text, keep):
    assert codes(config.apply(cfg(tmp_path, text + "\n"), seed)) == kept(seed, keep)


def test_apply_returns_a_copy(tmp_path, seed):
    out = config.apply(cfg(tmp_path, 'ignore = ["VB2"]\n'), seed)
    assert isinstance(out, FileResult) and out is not seed and "VB203" in codes(seed)
    assert out.path == seed.path and out.components == seed.components


def test_per_file_ignores(tmp_path, seed):
    write(tmp_path / "vblint.toml", '[per-file-ignores]\n"old/**" = ["VB28"]\n"*.md" = ["number-spacing"]\n')
    for rel in ("doc.txt", "old/doc.txt", "old/2021/doc.txt", "notes/doc.md"):
        write(tmp_path / rel, SEED.read_text(encoding="utf-8"))
    got = {}
    for rel in ("doc.txt", "old/doc.txt", "old/2021/doc.txt", "notes/doc.md"):
        p = tmp_path / rel
        got[rel] = sorted(set(codes(config.apply(config.settings_for(p), lint_path(str(p), OPTS)))))
    every = sorted(set(codes(seed)))
    old = [c for c in every if not c.startswith("VB28")]
    assert "VB203" in old and "VB281" not in old
    assert got == {
        "doc.txt": every,
        "old/doc.txt": old,
        "old/2021/doc.txt": old,
        "notes/doc.md": [c for c in every if c != "VB203"],
    }


def test_severity_override_and_off(tmp_path, seed):
    s = cfg(tmp_path, '[severity]\nVB203 = "info"\n"recipient-item-dash" = "off"\n')
    out = config.apply(s, seed)
    assert codes(out) == kept(seed, lambda c: c != "VB281")
    assert [d.severity for d in out.diagnostics if d.code == "VB203"] == ["info"]
    assert [d for d in out.diagnostics if d.code != "VB203"] == [
        d for d in seed.diagnostics if d.code not in ("VB203", "VB281")
    ]
    assert out.counts()["info"] == seed.counts()["info"] + 1
    assert [d.severity for d in seed.diagnostics if d.code == "VB203"] == [
        "error"
    ]  # the original is untouched


def test_most_specific_severity_wins(tmp_path, seed):
    s = cfg(tmp_path, '[severity]\nVB = "off"\nVB20 = "warning"\nnumber-spacing = "info"\n')
    out = config.apply(s, seed).diagnostics
    assert [d.code for d in out] == kept(seed, lambda c: c.startswith("VB20"))
    assert {d.code: d.severity for d in out} == {
        d.code: "info" if d.code == "VB203" else "warning" for d in out
    }
    s = cfg(tmp_path, '[severity]\nVB20 = "warning"\n')
    sev = {d.code: d.severity for d in config.apply(s, seed).diagnostics}
    assert sev["VB203"] == "warning" and sev["VB281"] == "error"


def test_unreadable_files_are_never_filtered(tmp_path):
    binary = write(tmp_path / "x.txt", "")
    binary.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    r = lint_path(str(binary), OPTS)
    assert not r.readable and codes(r)
    assert config.apply(cfg(tmp_path, 'ignore = ["VB0", "VB9"]\n'), r) is r


# ---------------------------------------------------------------------------------------- exclude


def test_exclude(tmp_path):
    s = cfg(tmp_path, 'exclude = ["drafts", "**/*.md", "archive/2020/*"]\n')
    ex = {
        rel: config.is_excluded(s, tmp_path / rel)
        for rel in (
            "a.txt",
            "drafts/a.txt",
            "x/drafts/y/a.txt",
            "a.md",
            "x/y/a.md",
            "archive/2020/a.txt",
            "archive/2021/a.txt",
            "drafts2/a.txt",
        )
    }
    assert ex == {
        "a.txt": False,
        "drafts/a.txt": True,
        "x/drafts/y/a.txt": True,
        "a.md": True,
        "x/y/a.md": True,
        "archive/2020/a.txt": True,
        "archive/2021/a.txt": False,
        "drafts2/a.txt": False,
    }
    assert not config.is_excluded(Settings(base=tmp_path), tmp_path / "drafts" / "a.txt")


def test_exclude_relative_to_the_config_dir(tmp_path, monkeypatch):
    write(tmp_path / "proj" / "vblint.toml", 'exclude = ["drafts/*"]\n')
    doc = write(tmp_path / "proj" / "drafts" / "a.txt", VALID.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)  # a relative path, from another directory
    rel = Path("proj/drafts/a.txt")
    assert config.is_excluded(config.settings_for(rel), rel) and config.is_excluded(
        config.settings_for(doc), doc
    )
    write(tmp_path / "drafts" / "b.txt", "x")  # same glob, but not under the config's directory
    assert not config.is_excluded(
        config.load(tmp_path / "proj" / "vblint.toml"), tmp_path / "drafts" / "b.txt"
    )


# -------------------------------------------------------------------------------------- CLI merge


def test_cli_values_win(tmp_path, seed):
    s = cfg(tmp_path, 'select = ["VB2"]\nprofile = "party-hd36"\ntoday = "2020-01-01"\nlang = "en"\n')
    m = config.merge_cli(
        s, select="VB28", ignore=None, profile="state-nd30", today=date(2026, 11, 22), lang=None
    )
    assert m.select == ("VB28",) and m.profile == "state-nd30" and m.today == date(2026, 11, 22)
    assert m.lang == "en"  # not given on the command line: the file's
    src = m.sources()
    assert src["select"] == src["profile"] == src["today"] == "command line"
    assert src["lang"] == str(tmp_path / "vblint.toml") and src["ignore"] == "default"
    assert codes(config.apply(m, seed)) == kept(seed, lambda c: c.startswith("VB28"))
    assert config.merge_cli(s, select=None, today=None) is s
    assert config.merge_cli(s, profile="auto").profile is None
    assert config.merge_cli(s, today="2026-11-22").today == date(2026, 11, 22)
    assert config.merge_cli(s, ignore=["VB203", "VB281"]).ignore == ("VB203", "VB281")


def test_cli_bad_values(tmp_path):
    with pytest.raises(ConfigError) as e:
        config.merge_cli(Settings(base=tmp_path), select="VB2,VB999")
    assert e.value.source == "command line" and "VB999" in str(e.value) and "dòng lệnh" in str(e.value)
    assert "command line" in e.value.message("en")
    with pytest.raises(TypeError):
        config.merge_cli(Settings(base=tmp_path), colour="red")


def test_cli_exclude_is_relative_to_the_current_directory(tmp_path, monkeypatch):
    s = cfg(tmp_path / "proj", "")
    monkeypatch.chdir(tmp_path)
    m = config.merge_cli(s, exclude="proj/drafts")
    assert config.is_excluded(m, tmp_path / "proj" / "drafts" / "a.txt")
    assert not config.is_excluded(m, tmp_path / "proj" / "a.txt")


def test_one_resolver_for_the_parent_and_the_workers(tmp_path, seed):
    """config.Resolver: a directory's settings looked up once and merged with the command line;
    post() filters by the settings of the result's directory, then the baseline, and a pickled
    copy (what a streaming run's workers get) filters the same way."""
    import dataclasses
    import pickle

    quiet = tmp_path / "quiet"
    write(quiet / "vblint.toml", 'ignore = ["VB203"]\n')
    cli = {"select": None, "ignore": None, "exclude": None, "profile": None, "today": None}
    r = config.Resolver({**cli, "lang": "en", "hd05_from": None})
    here = r.settings_for(str(quiet / "a.txt"))
    assert here is r.settings_for(str(quiet / "b.txt")) and here.ignore == ("VB203",) and here.lang == "en"
    assert r.filters()  # the config ignores a rule
    res = dataclasses.replace(seed, path=str(quiet / "a.txt"))
    want = kept(seed, lambda c: c != "VB203")
    assert codes(r.post(res)) == want == codes(r.post(res, str(quiet / "a.txt")))
    assert codes(pickle.loads(pickle.dumps(r.post))(res)) == want

    class Drop:  # a baseline that accounts for every VB281
        def filter(self, result):
            return dataclasses.replace(
                result, diagnostics=[d for d in result.diagnostics if d.code != "VB281"]
            )

    r.baseline = Drop()
    assert codes(r.post(res)) == [c for c in want if c != "VB281"]
    plain = config.Resolver({**cli, "lang": None, "hd05_from": None})
    plain.settings_for(str(tmp_path / "a.txt"))
    assert not plain.filters()  # no baseline and nothing to filter: the workers need no post


# --------------------------------------------------------------------------------------- describe


def test_describe_names_values_and_sources(tmp_path):
    s = cfg(tmp_path, 'ignore = ["VB281"]\n[severity]\nVB203 = "warning"\n', "vblint.toml")
    m = config.merge_cli(s, today=date(2026, 11, 22))
    vi = config.describe(m, "vi")
    assert f"tệp cấu hình: {tmp_path / 'vblint.toml'}" in vi
    lines = {ln.split("=", 1)[0].strip(): ln for ln in vi.splitlines()[1:]}
    assert set(lines) == set(config.KEYS)
    assert '["VB281"]' in lines["ignore"] and lines["ignore"].endswith(str(tmp_path / "vblint.toml"))
    assert '"VB203" = "warning"' in lines["severity"]
    assert "2026-11-22" in lines["today"] and lines["today"].endswith("dòng lệnh")
    assert "tất cả quy tắc" in lines["select"] and lines["select"].endswith("mặc định")
    en = config.describe(m, "en", path=tmp_path / "a.txt")
    assert "all rules" in en and en.count("# default") == 6 and "# command line" in en
    assert "excluded: no" in en


def test_describe_without_config(tmp_path):
    out = config.describe(Settings(base=tmp_path), "en")
    assert "config file: none" in out and "auto" in out
    assert "không có" in config.describe(Settings(base=tmp_path))


def test_describe_pyproject(tmp_path):
    s = cfg(tmp_path, '[tool.vblint]\nlang = "en"\n', "pyproject.toml")
    assert "[tool.vblint]" in config.describe(s, "en").splitlines()[0]
