"""Configuration: `[tool.vblint]` in pyproject.toml or top-level keys in vblint.toml.

Discovery: from each checked file's directory upward to the filesystem root, the closest
directory holding a config wins. In one directory vblint.toml wins over pyproject.toml; a
pyproject.toml without a [tool.vblint] table is not a config and the search goes on upward.
Globs (exclude, per-file-ignores) are relative to the config file's directory, matched with
fnmatch on posix paths ("*" also crosses "/", "**" is allowed; a glob without "/" matches any
single path component, so "drafts" or "*.md" work at any depth). Command-line values win over
the file; globs given on the command line are relative to the current directory.

Rule selectors (select, ignore, per-file-ignores, severity keys) are a rule code ("VB203"), a
rule name ("number-spacing") or a code prefix ("VB2"). A rule runs when select is unset or a
selector matches it, and no ignore or per-file-ignores selector matches it (ignore wins). The
most specific severity key wins: code or name, then the longest prefix. Results of files that
could not be read at all are never filtered: they always keep their diagnostic."""

import dataclasses
import functools
import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath

from linter.codes import PARTY_HD05_FROM
from linter.errors import UserError
from linter.rules import BY_NAME, RULES, base

KEYS = (
    "select",
    "ignore",
    "per-file-ignores",
    "severity",
    "profile",
    "today",
    "hd05-from",
    "exclude",
    "lang",
)
PROFILES = (*base.PROFILES, "auto")
SEVERITIES = ("error", "warning", "info", "off")
LANGS = ("vi", "en")
DEFAULT, CLI = "default", "command line"
_ATTR = {k: k.replace("-", "_") for k in KEYS}  # config key -> Settings attribute


class ConfigError(UserError):
    """A config value vblint cannot use. str() is Vietnamese; message("en") is English."""

    def __init__(self, source: str, key: str | None, value, vi: str, en: str, hint: str | None = None):
        self.source, self.key, self.value, self.hint = source, key, value, hint
        self._text = {"vi": vi, "en": en}
        super().__init__(self.message("vi"))

    def message(self, lang: str = "vi") -> str:
        en = lang == "en"
        cli = self.source == CLI
        head = (
            ("command line" if en else "dòng lệnh")
            if cli
            else f"{'config' if en else 'cấu hình'} {self.source}"
        )
        if self.key is not None:
            head += f": {'--' if cli else ''}{self.key} = {_show(self.value)}"
        text = f"{head}: {self._text['en' if en else 'vi']}"
        if self.hint:
            text += f' ({"did you mean" if en else "có phải là"} "{self.hint}"?)'
        return text


def _show(value) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    try:
        return json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError):  # pragma: no cover - tomllib only yields JSON-like values
        return repr(value)


def _closest(word: str, options) -> str | None:
    import difflib  # only to suggest a correction

    found = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return found[0] if found else None


# ---------------------------------------------------------------------------------------- rules


def _rules_for(selector: str) -> frozenset[str]:
    """Codes a selector matches: its code, its name, or the codes it is a prefix of."""
    s = selector.strip()
    if s.upper() in RULES:
        return frozenset({s.upper()})
    if s.lower() in BY_NAME:
        return frozenset({BY_NAME[s.lower()].code})
    return frozenset(c for c in RULES if s and c.startswith(s.upper()))


def _specificity(selector: str) -> int:
    s = selector.strip()
    return 1000 if s.upper() in RULES or s.lower() in BY_NAME else len(s)


def _check_selector(source: str, key: str, sel) -> str:
    if not isinstance(sel, str) or not _rules_for(sel):
        hint = _closest(sel, [*RULES, *BY_NAME]) if isinstance(sel, str) else None
        raise ConfigError(
            source,
            key,
            sel,
            "không có quy tắc nào có mã, tên hoặc tiền tố mã này",
            "no rule has this code, name or code prefix",
            hint,
        )
    return sel.strip()


def _selectors(source: str, key: str, value) -> tuple[str, ...]:
    if isinstance(value, str) and source == CLI:  # the command line gives "VB1,VB203"
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)):
        raise ConfigError(
            source,
            key,
            value,
            "phải là danh sách mã hoặc tên quy tắc",
            "must be a list of rule codes or names",
        )
    return tuple(_check_selector(source, key, v) for v in value)


def _globs(source: str, key: str, value) -> tuple[str, ...]:
    if isinstance(value, str) and source == CLI:
        value = [v for v in value.split(",") if v.strip()]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(
            source, key, value, "phải là danh sách mẫu đường dẫn (glob)", "must be a list of path globs"
        )
    return tuple(v.strip() for v in value)


# ------------------------------------------------------------------------------------ validation


def _parse(source: str, key: str, value):
    """One config value -> its Settings form, or ConfigError."""
    if key in ("select", "ignore"):
        return _selectors(source, key, value)
    if key == "exclude":
        return _globs(source, key, value)
    if key == "per-file-ignores":
        if not isinstance(value, dict):
            raise ConfigError(
                source, key, value, "phải là một bảng glob = [quy tắc…]", "must be a table glob = [rules…]"
            )
        return tuple(
            (_globs(source, key, [g])[0], _selectors(source, f'{key}."{g}"', v)) for g, v in value.items()
        )
    if key == "severity":
        if not isinstance(value, dict):
            raise ConfigError(
                source, key, value, 'phải là một bảng quy tắc = "mức"', 'must be a table rule = "level"'
            )
        out = {}
        for sel, level in value.items():
            _check_selector(source, key, sel)
            if level not in SEVERITIES:
                raise ConfigError(
                    source,
                    f"{key}.{sel}",
                    level,
                    f"mức phải là một trong {', '.join(SEVERITIES)}",
                    f"the level must be one of {', '.join(SEVERITIES)}",
                    _closest(level, SEVERITIES) if isinstance(level, str) else None,
                )
            out[sel.strip()] = level
        return out
    if key == "profile":
        if value not in PROFILES:
            raise ConfigError(
                source,
                key,
                value,
                f"phải là một trong {', '.join(PROFILES)}",
                f"must be one of {', '.join(PROFILES)}",
                _closest(value, PROFILES) if isinstance(value, str) else None,
            )
        return None if value == "auto" else value
    if key in ("today", "hd05-from"):
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ConfigError(
            source, key, value, "phải là một ngày dạng YYYY-MM-DD", "must be a date, YYYY-MM-DD"
        )
    if key == "lang":
        if value not in LANGS:
            raise ConfigError(source, key, value, 'phải là "vi" hoặc "en"', 'must be "vi" or "en"')
        return value
    raise AssertionError(key)  # pragma: no cover


# -------------------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    select: tuple | None = None  # None: every rule
    ignore: tuple = ()
    per_file_ignores: tuple = ()  # ((glob, (selector, …)), …)
    severity: dict = field(default_factory=dict)  # selector -> "error" | "warning" | "info" | "off"
    profile: str | None = None  # None: auto
    today: date | None = None  # None: the real today
    hd05_from: date | None = None  # None: 2026-05-27, the date Hướng dẫn 05-HD/VPTW was signed
    exclude: tuple = ()
    lang: str | None = None  # None: "vi"
    source: str | None = None  # the config file, None when there is none
    base: Path = field(default_factory=Path.cwd)  # the config file's directory
    origins: dict = field(default_factory=dict, compare=False, repr=False)  # key -> source, when not default
    cli_base: Path | None = field(default=None, compare=False, repr=False)  # cwd, for command-line globs

    def sources(self) -> dict[str, str]:
        """Each config key -> where its value came from: "default", a config path, "command line"."""
        return {k: self.origins.get(k, DEFAULT) for k in KEYS}

    def _glob_base(self, key: str) -> Path:
        return self.cli_base if self.origins.get(key) == CLI and self.cli_base else self.base

    @functools.cached_property
    def _selected(self) -> frozenset[str]:
        chosen = set(RULES) if self.select is None else set().union(*map(_rules_for, self.select))
        return frozenset(chosen - set().union(*map(_rules_for, self.ignore)))

    @functools.cached_property
    def _levels(self) -> dict[str, str]:
        """Code -> overridden severity, the most specific selector winning."""
        out: dict[str, tuple[int, str]] = {}
        for sel, level in self.severity.items():
            rank = _specificity(sel)
            for code in _rules_for(sel):
                if code not in out or out[code][0] <= rank:
                    out[code] = (rank, level)
        return {c: lv for c, (_, lv) in out.items()}


def _read_toml(path: Path) -> dict:
    import tomllib  # only when a configuration file exists

    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), None, None, f"TOML không hợp lệ: {e}", f"invalid TOML: {e}") from e
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(
            str(path), None, None, f"không đọc được tệp: {e}", f"cannot read the file: {e}"
        ) from e


def _table(path: Path) -> dict | None:
    """The vblint table of a config file; None for a pyproject.toml without [tool.vblint]."""
    data = _read_toml(path)
    if path.name != "pyproject.toml":
        return data
    tool = data.get("tool", {})
    table = tool.get("vblint") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(str(path), "tool.vblint", table, "phải là một bảng", "must be a table")
    return table


@functools.cache
def _config_in(directory: Path) -> Path | None:
    for name in ("vblint.toml", "pyproject.toml"):
        p = directory / name
        if p.is_file() and (name == "vblint.toml" or _table_cached(p) is not None):
            return p
    return None


def _table_cached(path: Path) -> dict | None:
    st = path.stat()
    return _load_table(path, st.st_mtime_ns, st.st_size)


@functools.cache
def _load_table(path: Path, _mtime: int, _size: int) -> dict | None:
    return _table(path)


def _abs(path: Path) -> Path:
    return Path(os.path.abspath(path))


def find_config(path: Path) -> Path | None:
    """The config that governs path (a file or a directory): the closest one upward, or None."""
    p = _abs(Path(path))
    d = p if p.is_dir() else p.parent
    for directory in (d, *d.parents):
        if found := _config_in(directory):
            return found
    return None


def load(config_path: Path | None) -> Settings:
    """Settings from one config file (read once per version of the file), defaults for None."""
    if config_path is None:
        return Settings()
    p = _abs(Path(config_path))
    try:
        st = p.stat()
    except OSError as e:
        raise ConfigError(
            str(config_path),
            None,
            None,
            f"không đọc được tệp: {e.strerror}",
            f"cannot read the file: {e.strerror}",
        ) from e
    return _load(p, st.st_mtime_ns, st.st_size)


@functools.cache
def _load(path: Path, mtime: int, size: int) -> Settings:
    table = _load_table(path, mtime, size) or {}
    src = str(path)
    values, origins = {}, {}
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(src, key, value, "khóa không được hỗ trợ", "unknown key", _closest(key, KEYS))
        values[_ATTR[key]] = _parse(src, key, value)
        origins[key] = src
    return Settings(**values, source=src, base=path.parent, origins=origins)


def settings_for(path: Path) -> Settings:
    return load(find_config(path))


def clear_cache() -> None:
    """Forget discovered configs (for long-lived processes and tests that move files)."""
    _config_in.cache_clear()


def merge_cli(settings: Settings, **cli_values) -> Settings:
    """Command-line values over the file's; a value of None means the flag was not given.
    Keyword names are Settings attributes: select, ignore, per_file_ignores, severity, profile,
    today, exclude, lang. Strings for select/ignore/exclude may be comma-separated."""
    changes, origins = {}, dict(settings.origins)
    for attr, value in cli_values.items():
        key = attr.replace("_", "-")
        if key not in KEYS:
            raise TypeError(f"merge_cli: unknown setting {attr!r}")
        if value is None:
            continue
        if key == "per-file-ignores" and isinstance(value, (list, tuple)):
            value = dict(value)
        changes[attr] = _parse(CLI, key, value)
        origins[key] = CLI
    if not changes:
        return settings
    return dataclasses.replace(settings, **changes, origins=origins, cli_base=_abs(Path.cwd()))


# ----------------------------------------------------------------------------------------- paths


def _matches(pattern: str, rel: PurePosixPath) -> bool:
    pat = pattern.strip().removeprefix("./").rstrip("/")
    if "/" not in pat:
        return any(fnmatch(part, pat) for part in rel.parts)
    pats = {pat, pat.replace("/**/", "/")}
    if pat.startswith("**/"):
        pats.add(pat[3:])
    prefixes = ["/".join(rel.parts[: i + 1]) for i in range(len(rel.parts))]  # the path and its dirs
    return any(fnmatch(c, q) for c in prefixes for q in pats)


def _match_any(patterns, path: Path, base: Path) -> bool:
    p = _abs(Path(path))
    try:
        rel = PurePosixPath(p.relative_to(_abs(base)).as_posix())
    except ValueError:  # outside the config's tree: only name globs ("*.md") apply
        return any("/" not in g.strip().rstrip("/") and fnmatch(p.name, g.strip()) for g in patterns)
    return any(_matches(g, rel) for g in patterns)


def is_excluded(settings: Settings, path: Path) -> bool:
    """True when an exclude glob matches path or one of its directories."""
    return bool(settings.exclude) and _match_any(settings.exclude, path, settings._glob_base("exclude"))


# ------------------------------------------------------------------------------------------ runs


class Resolver:
    """One run's settings and post-filter, the same in the parent process and in the workers.

    settings_for(path): the settings of the config governing path (config_file when given, else
    the closest one upward) merged with the command line's cli_values (Settings attributes, None
    for a flag not given). The settings of a file are those of its directory, which one run does
    not change: the lookup is made once per directory and the merge once per config file, so the
    files of a directory, and the directories of a config, share one Settings object.

    post(result): the one place a result is filtered: its settings' rule filters (select, ignore,
    per-file-ignores, severity), then the baseline when there is one. Picklable: a streaming run
    sends it to the workers, which filter each result before encoding its line; they look up
    only directories the parent has already resolved (.by_dir, "-" for stdin)."""

    def __init__(self, cli_values: dict, config_file: str | Path | None = None, baseline=None):
        self.cli_values, self.config_file, self.baseline = cli_values, config_file, baseline
        self.by_dir: dict[str, Settings] = {}
        self._merged: dict = {}  # id(the config's Settings) -> (it, merged with the CLI values)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_merged": {}}  # ids mean nothing in another process

    def file_settings(self, path: str) -> Settings:
        """The settings of the config governing path, before the command line's."""
        if self.config_file:
            return load(Path(self.config_file))
        return settings_for(Path.cwd() if path == "-" else Path(path))

    def settings_for(self, path: str) -> Settings:
        d = "-" if path == "-" else os.path.dirname(path)
        s = self.by_dir.get(d)
        if s is None:
            base = self.file_settings(path)
            got = self._merged.get(id(base))  # the pair keeps base alive: its id is never reused
            if got is None:
                got = self._merged[id(base)] = (base, merge_cli(base, **self.cli_values))
            s = self.by_dir[d] = got[1]
        return s

    def post(self, result, path: str | None = None):
        """result filtered by the settings of path (the input as given, "-" for stdin; by
        default the result's own path), then by the baseline."""
        if path is None:
            path = "-" if result.path == "<stdin>" else result.path
        result = apply(self.settings_for(path), result)
        return self.baseline.filter(result) if self.baseline is not None else result

    def filters(self) -> bool:
        """Whether post() can change a result of this run: a baseline, or settings resolved so
        far that select, ignore or re-grade rules (apply() keeps every diagnostic of a
        registered rule, at its own severity, unless one of these is set)."""
        return self.baseline is not None or any(
            s.select is not None or s.ignore or s.per_file_ignores or s.severity for s in self.by_dir.values()
        )


# ---------------------------------------------------------------------------------------- results


def apply(settings: Settings, result):
    """A copy of result keeping only the selected diagnostics, with severity overrides applied."""
    if not result.readable:
        return result
    enabled = settings._selected
    pfi = settings.per_file_ignores
    if pfi and result.path != "<stdin>":
        base = settings._glob_base("per-file-ignores")
        off = set()
        for glob, sels in pfi:
            if _match_any([glob], Path(result.path), base):
                off |= set().union(*map(_rules_for, sels))
        enabled = enabled - off
    levels = settings._levels
    kept = []
    for d in result.diagnostics:
        if d.code not in enabled:
            continue
        level = levels.get(d.code)
        if level == "off":
            continue
        kept.append(dataclasses.replace(d, severity=level) if level and level != d.severity else d)
    return dataclasses.replace(result, diagnostics=kept)


def options(settings: Settings):
    """linter.result.Options for these settings."""
    from linter.result import Options

    return Options(
        today=settings.today or date.today(),
        profile=settings.profile,
        lang=settings.lang or "vi",
        hd05_from=settings.hd05_from or PARTY_HD05_FROM,
    )


# --------------------------------------------------------------------------------------- describe


def _value(key: str, settings: Settings, en: bool) -> str:
    v = getattr(settings, _ATTR[key])
    if key == "select" and v is None:
        return "all rules" if en else "tất cả quy tắc"
    if key == "profile" and v is None:
        return "auto" + (" (chosen per document)" if en else " (chọn theo từng văn bản)")
    if key == "today" and v is None:
        return ("today" if en else "hôm nay") + f" ({date.today().isoformat()})"
    if key == "hd05-from" and v is None:
        return "2026-05-27"
    if key == "lang" and v is None:
        return "vi"
    if key == "per-file-ignores":
        return "{" + ", ".join(f"{_show(g)} = {_show(list(s))}" for g, s in v) + "}"
    if key == "severity":
        return "{" + ", ".join(f"{_show(k)} = {_show(x)}" for k, x in v.items()) + "}"
    return _show(list(v)) if isinstance(v, tuple) else _show(v)


def describe(settings: Settings, lang: str = "vi", path: Path | None = None) -> str:
    """`vblint config`: the config file, then each effective key, its value and its source."""
    en = lang == "en"
    if settings.source:
        kind = " [tool.vblint]" if Path(settings.source).name == "pyproject.toml" else ""
        head = ("config file: " if en else "tệp cấu hình: ") + settings.source + kind
    else:
        head = "config file: none (defaults)" if en else "tệp cấu hình: không có (mặc định)"
    lines = [head]
    label = {DEFAULT: "default" if en else "mặc định", CLI: "command line" if en else "dòng lệnh"}
    src = settings.sources()
    width = max(map(len, KEYS))
    for key in KEYS:
        lines.append(f"{key:<{width}} = {_value(key, settings, en)}    # {label.get(src[key], src[key])}")
    if path is not None:
        ex = is_excluded(settings, path)
        yes, no = ("yes", "no") if en else ("có", "không")
        lines.append(f"{path}: {'excluded' if en else 'bị loại trừ'}: {yes if ex else no}")
    return "\n".join(lines) + "\n"
