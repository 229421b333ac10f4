"""parse.py hands Lark a run of same-group lines as one token (parse.RUNS). That must never change
what a document parses into: checked on every corpus document and on the grammar itself."""

import re
from pathlib import Path

import pytest

from linter import parse
from linter.layout import layout
from linter.lex import lex
from linter.model import build
from linter.normalize import normalize
from linter.read import from_path

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted(
    p
    for p in (ROOT / "corpus").rglob("*")
    if p.suffix in (".txt", ".md") and p.name not in ("README.md", "SOURCES.md")
)


def _model(toks):
    """The components, and which of our tokens went into each part and were dropped."""
    tree, dropped = parse.parse(toks)
    doc = build(tree, toks, dropped)
    return doc.components, {k: [id(t) for t in v] for k, v in doc.parts.items()}, [id(t) for t in dropped]


def _lark_tokens(toks) -> int:
    group = [parse.RUNS.get(t.type) or i for i, t in enumerate(toks)]
    return sum(1 for i, g in enumerate(group) if i == 0 or g != group[i - 1])


def test_runs_change_nothing(monkeypatch):
    assert len(DOCS) > 200
    shorter = 0
    for path in DOCS:
        toks = lex(layout(normalize(from_path(str(path)).text)))
        with_runs = _model(toks)
        shorter += _lark_tokens(toks) < len(toks)
        with monkeypatch.context() as m:
            m.setattr(parse, "RUNS", {})
            assert _model(toks) == with_runs, path.name
    assert shorter > 0.9 * len(DOCS)  # and they shorten nearly every document's token stream


@pytest.mark.parametrize("name", sorted(parse.RUNS))
def test_grammar_only_repeats_run_types(name):
    """Every use of a run type in the grammar is repeated (X+, X*, or inside the body's (…)+)."""
    grammar = (ROOT / "grammar" / "document.lark").read_text(encoding="utf-8")
    rules = "\n".join(ln.split("//")[0] for ln in grammar.splitlines() if not ln.startswith("%declare"))
    for m in re.finditer(rf"\b{name}\b(.?)", rules):
        line = rules[rules.rfind("\n", 0, m.start()) + 1 : rules.find("\n", m.end())]
        assert m.group(1) in "+*" and m.group(1) or line.startswith("body:"), line


def test_any_sequence_of_line_tokens_parses():
    """Recovery only drops tokens, so every state of the grammar must accept the end of input: any
    sequence of our terminals, in any order and repeated, parses (to a tree and the dropped tokens)."""
    import random

    from linter.lex import Tok
    from linter.lines import Line

    grammar = (ROOT / "grammar" / "document.lark").read_text(encoding="utf-8")
    terminals = re.findall(
        r"\b[A-Z][A-Z_]+\b", " ".join(ln for ln in grammar.splitlines() if ln.startswith("%declare"))
    )
    rng = random.Random(12)
    for n in [*range(1, 30)] * 60 + [300] * 20:
        toks = [Tok(rng.choice(terminals), Line.plain("x", i + 1)) for i in range(n)]
        tree, dropped = parse.parse(toks)
        assert tree.data == "start" and all(any(t is u for u in toks) for t in dropped)


def test_every_component_is_built_by_a_grammar_rule_of_its_name():
    """model.BUILDERS: one builder per component, keyed by the grammar rule whose subtree it reads
    (a rule renamed in the grammar, or a component added without its builder, fails here)."""
    from linter.model import BUILDERS
    from linter.result import COMPONENTS

    rules = {str(r.origin.name) for r in parse.parser().rules}
    assert set(BUILDERS) == set(COMPONENTS)
    assert set(BUILDERS) <= rules, set(BUILDERS) - rules
