"""validate: Document -> diagnostics for the parts its profile and type require.

schemas/ holds one JSON Schema (Draft 2020-12) per profile and document type, all sharing the
component shapes of components.schema.json through $ref. A constraint that a document can break
names its rule in "x-rule"; validators are built once per process and per schema.

What a schema finds depends only on a document's skeleton (which parts are there, the types of
their fields), so results are kept per skeleton: in memory, and in the user's cache directory
beside Lark's tables, keyed by a hash of the schemas. A one-file run whose skeleton was seen
before does not even import jsonschema."""

import atexit
import hashlib
import json
import os
import tempfile
from functools import cache, lru_cache

from linter.codes import assembly_resolution, type_vi
from linter.diagnostics import Diagnostic, Span
from linter.model import Document
from linter.resources import data_dir
from linter.rules import BY_NAME, RULES
from linter.rules.base import diagnostic

_HEAD = {"banner", "issuer", "number", "place_date", "doc_type", "subject", "addressees", "marks"}


@cache
def _texts() -> dict[str, str]:
    root = data_dir("schemas")
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.schema.json"))
    }


@cache
def _schemas():
    from referencing import Registry, Resource

    by_id: dict[str, dict] = {}
    for text in _texts().values():
        schema = json.loads(text)
        by_id[schema["$id"]] = schema
    registry = Registry().with_resources((i, Resource.from_contents(s)) for i, s in by_id.items())
    return by_id, registry


def schema_ids() -> list[str]:
    return sorted(_schemas()[0])


def _inline(node, base: dict, by_id: dict):
    """The schema with every $ref replaced by what it points at. Our schemas are not recursive,
    so this ends; it spares the validator a reference lookup per keyword per document."""
    if isinstance(node, list):
        return [_inline(x, base, by_id) for x in node]
    if not isinstance(node, dict):
        return node
    out = {k: _inline(v, base, by_id) for k, v in node.items() if k != "$ref"}
    ref = node.get("$ref")
    if ref is None:
        return out
    uri, _, pointer = ref.partition("#")
    doc = by_id[uri] if uri else base
    target = doc
    for part in filter(None, pointer.split("/")):
        target = target[part]
    resolved = _inline(target, doc, by_id)
    if not out:
        return resolved
    out.setdefault("allOf", []).append(resolved)
    return out


@cache
def validator(schema_id: str):
    from jsonschema import Draft202012Validator

    by_id, _ = _schemas()
    return Draft202012Validator(_inline(by_id[schema_id], by_id[schema_id], by_id))


@cache
def _family_files(family: str) -> frozenset[str]:
    return frozenset(p.name for p in (data_dir("schemas") / family).glob("*.schema.json"))


def schema_id_for(profile: str, doc_type: str | None, variant: str | None = None) -> str:
    """The schema of a type under a profile; a variant of the type ("nghi_quyet_qh") where the
    profile's family has one."""
    # HD 05 requires the same parts as HD 36 (QĐ 399 keeps QĐ 66's nine mandatory components):
    # its differences are field rules, so party-hd05 shares the party-hd36 schemas.
    family = profile if profile in ("state-nd30", "state-vbqppl") else "party-hd36"
    # a schema's file is named after the last part of its $id: no need to parse them all to know
    for name in (variant, doc_type):
        if name and f"{name}.schema.json" in _family_files(family):
            return f"urn:vblint:{family}:{name}"
    return f"urn:vblint:{family}:_generic"


def _variant(doc: Document) -> str | None:
    """A resolution of the Quốc hội ("…/2025/QH15") or of its Standing Committee ("…/2025/UBTVQH15")
    has a law's form: its date is the passage date, in its closing line, and it has no Nơi nhận
    (standards-vbqppl §4, §11; the gazette prints the Committee's without a date line)."""
    symbol = (doc.components["number"] or {}).get("symbol") or ""
    return f"{doc.doc_type}_qh" if assembly_resolution(symbol) else None


# the parts in the order a page holds them: a missing one is reported where it would stand
_ORDER = ("issuer", "banner", "number", "place_date", "doc_type", "subject", "addressees", "body")


def _where(doc: Document, component: str) -> Span:
    """The part, or where it would stand: the line the next part found now occupies (the end for
    the closing parts)."""
    if doc.span(component):
        return doc.span(component)
    if component in _ORDER:
        after = _ORDER[_ORDER.index(component) + 1 :]
        nxt = next((s for c in after if (s := doc.span(c))), None)
        if nxt:
            return Span.at(nxt.line)
    if component in _HEAD:
        return Span.at(doc.first_line())
    # Nơi nhận and the signature stand side by side after the body: beside the other, else there
    other = doc.span("signature" if component == "recipients" else "recipients")
    if other:
        return Span.at(other.line)
    body = doc.span("body")
    return Span.at(body.end_line if body else doc.last_line())


# The keywords our schemas may use. None of them looks at a string's or number's value beyond
# what skeleton() keeps, so documents with one skeleton validate alike (tests/test_rules.py
# fails when a schema uses another keyword).
KEYWORDS = {
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "type",
    "required",
    "properties",
    "items",
    "allOf",
    "anyOf",
    "minLength",
    "minimum",
    "enum",
    "x-rule",
}
_LITERAL = {"kind", "status", "form"}  # fields an enum constrains: kept as they are


def skeleton(value, key: str = ""):
    """What validation can see of a value: types, emptiness, the sign of numbers, enum fields."""
    if isinstance(value, str):  # the commonest first: this runs on every field of every document
        return value if key in _LITERAL else ("str", bool(value))
    if isinstance(value, dict):
        return tuple(sorted([(k, skeleton(v, k)) for k, v in value.items()]))
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return ("int", value >= 1)
    if isinstance(value, list):
        # the schemas constrain list items by type only ("titles": strings), never their content
        return ("list", tuple(sorted({type(v).__name__ for v in value})))
    return (type(value).__name__,)


@cache
def _disk_path() -> str | None:
    from linter.resources import default_dir

    digest = hashlib.sha256("".join(_texts().values()).encode()).hexdigest()[:16]
    try:
        d = default_dir()
        d.mkdir(parents=True, exist_ok=True)
        return str(d / f"schema-results-{digest}-h.json")  # -h: keys hashed (older files: unused)
    except OSError:
        return None


@cache
def _disk() -> dict:
    try:
        with open(_disk_path() or "", encoding="utf-8") as f:
            data = json.load(f)
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError, TypeError):
        return {}  # absent, unreadable or foreign: rebuilt as documents come


_pending = {"count": 0, "registered": False}  # results not yet written; the exit hook


def _save(key: str, value: list) -> None:
    """Remember a result; the file is rewritten every 50 new results and when the process ends,
    not for each (a batch meets a few hundred skeletons)."""
    _disk()[key] = value
    if not _pending["registered"]:
        atexit.register(flush)
        _pending["registered"] = True
    _pending["count"] += 1
    if _pending["count"] >= 50:
        flush()


def flush() -> None:
    if not _pending["count"]:
        return
    _pending["count"] = 0
    disk, path = _disk(), _disk_path()
    if path is None or len(disk) > 20000:
        return
    try:  # atomic: a concurrent reader sees the old file or the new one, never half of one
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".schema-results-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(disk, f, ensure_ascii=False)
        os.replace(tmp, path)
    except OSError:
        pass


@lru_cache(maxsize=4096)
def _errors(schema_id: str, shape) -> tuple[tuple[str | None, str | None, str], ...]:
    """(rule name, component, message) for each schema violation of documents of this shape."""
    key = hashlib.blake2b(f"{schema_id}|{shape!r}".encode(), digest_size=16).hexdigest()  # 20× shorter
    known = _disk().get(key)
    if isinstance(known, list) and all(isinstance(e, list) and len(e) == 3 for e in known):
        return tuple(tuple(e) for e in known)
    instance = {"doc_type": shape[0], "components": _rebuild(shape[1])}
    out = []
    for err in validator(schema_id).iter_errors(instance):
        path = list(err.absolute_path)
        component = path[1] if len(path) > 1 and path[0] == "components" else None
        name = err.schema.get("x-rule") if isinstance(err.schema, dict) else None
        out.append((name, component, err.message))
    _save(key, [list(e) for e in out])
    return tuple(out)


_SAMPLE = {"str": "x", "int": 1, "dict": {}, "list": [], "NoneType": None, "bool": True, "float": 1.0}


def _rebuild(shape):
    """A stand-in instance with the skeleton's types and properties (the schema sees only these)."""
    if (
        isinstance(shape, tuple)
        and shape
        and all(isinstance(x, tuple) and len(x) == 2 and isinstance(x[0], str) for x in shape)
    ):
        return {k: _rebuild(v) for k, v in shape}
    if isinstance(shape, tuple) and shape[:1] == ("list",):
        return [_SAMPLE[t] for t in shape[1]]
    if isinstance(shape, tuple) and shape[:1] == ("str",):
        return "x" if shape[1] else ""
    if isinstance(shape, tuple) and shape[:1] == ("int",):
        return 1 if shape[1] else 0
    if isinstance(shape, tuple) and len(shape) == 1:
        return object()
    return shape


def validate(doc: Document, profile: str, lang: str, omitted: tuple[str, ...] = ()) -> list[Diagnostic]:
    """The schema's reports on the document; omitted: parts the copy's publisher leaves out, whose
    absence is not reported."""
    sid = schema_id_for(profile, doc.doc_type, _variant(doc))
    out: list[Diagnostic] = []
    for name, component, message in _errors(sid, (doc.doc_type, skeleton(doc.components))):
        if component in omitted and doc.components.get(component) is None:
            continue
        if name is None:  # a shape the model itself broke: a bug, not a document defect
            out.append(
                diagnostic(RULES["VB900"], _where(doc, component or "body"), lang, error=f"schema: {message}")
            )
            continue
        out.append(
            diagnostic(
                BY_NAME[name],
                _where(doc, component),
                lang,
                doc_type_vi=type_vi(doc.doc_type),
                doc_type_en=doc.doc_type or "unknown type",
            )
        )
    return out


def requiring(component: str) -> dict[str, tuple[list[str], list[str]]]:
    """For each family of schemas (party-hd36, state-nd30, state-vbqppl): the document types whose
    schema reports a missing-part rule when `component` is null, and those whose schema does not.
    Computed by validating a skeleton with every part null, so it follows the $ref chains."""
    from linter.model import COMPONENTS

    out = {}
    root = data_dir("schemas")
    for family in sorted(p.name for p in root.iterdir() if p.is_dir()):
        need, free = [], []
        for t in sorted(
            p.name.removesuffix(".schema.json") for p in (root / family).glob("[!_]*.schema.json")
        ):
            instance = {"doc_type": t, "components": dict.fromkeys(COMPONENTS)}
            errors = validator(f"urn:vblint:{family}:{t}").iter_errors(instance)
            hit = any(
                list(e.absolute_path)[:2] == ["components", component]
                and str(e.schema.get("x-rule", "")).startswith("missing-")
                for e in errors
                if isinstance(e.schema, dict)
            )
            (need if hit else free).append(t)
        out[family] = (need, free)
    return out
