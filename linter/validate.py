"""validate: Document -> diagnostics for the parts its profile and type require.

schemas/ holds one JSON Schema (Draft 2020-12) per profile and document type, all sharing the
component shapes of components.schema.json through $ref. A constraint that a document can break
names its rule in "x-rule"; validators are built once per process and per schema."""

import json
from functools import cache

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from linter.codes import type_vi
from linter.diagnostics import Diagnostic, Span
from linter.model import Document
from linter.resources import data_dir
from linter.rules import BY_NAME, RULES
from linter.rules.base import diagnostic

_HEAD = {"banner", "issuer", "number", "place_date", "doc_type", "subject", "addressees", "marks"}


@cache
def _schemas() -> tuple[dict[str, dict], Registry]:
    by_id: dict[str, dict] = {}
    for path in sorted(data_dir("schemas").rglob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        by_id[schema["$id"]] = schema
    registry = Registry().with_resources((i, Resource.from_contents(s)) for i, s in by_id.items())
    return by_id, registry


def schema_ids() -> list[str]:
    return sorted(_schemas()[0])


@cache
def validator(schema_id: str) -> Draft202012Validator:
    by_id, registry = _schemas()
    return Draft202012Validator(by_id[schema_id], registry=registry)


def schema_id_for(profile: str, doc_type: str | None) -> str:
    by_id, _ = _schemas()
    # HD 05 requires the same parts as HD 36 (QĐ 399 keeps QĐ 66's nine mandatory components):
    # its differences are field rules, so party-hd05 shares the party-hd36 schemas.
    family = "state-nd30" if profile.startswith("state") else "party-hd36"
    sid = f"urn:vblint:{family}:{doc_type}"
    return sid if sid in by_id else f"urn:vblint:{family}:_generic"


def _where(doc: Document, component: str) -> Span:
    if doc.span(component):
        return doc.span(component)
    return Span.at(doc.first_line() if component in _HEAD else doc.last_line())


def validate(doc: Document, profile: str, lang: str) -> list[Diagnostic]:
    instance = {"doc_type": doc.doc_type, "components": doc.components}
    out: list[Diagnostic] = []
    for err in validator(schema_id_for(profile, doc.doc_type)).iter_errors(instance):
        name = err.schema.get("x-rule") if isinstance(err.schema, dict) else None
        path = list(err.absolute_path)
        component = path[1] if len(path) > 1 and path[0] == "components" else None
        if name is None:  # a shape the model itself broke: a bug, not a document defect
            out.append(
                diagnostic(
                    RULES["VB900"], _where(doc, component or "body"), lang, error=f"schema: {err.message}"
                )
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
