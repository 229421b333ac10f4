"""parse: line tokens -> Lark tree, with grammar/document.lark run by LALR.

The parser is built once per process (Lark's cache makes later processes fast). Our lexer's
tokens are fed to Lark's LALR parser one at a time. A token the grammar does not accept where
it stands is dropped and reported, and the parse goes on at the next line. Dropping is decided
with a short look ahead: a line the grammar accepts is still dropped when taking it would make
the lines after it unacceptable and leaving it out would not (a doubled rule under the issuer
would otherwise open the body, and the banner, number and date after it would all be lost)."""

from functools import cache

from lark import Lark, Token, Tree
from lark.lexer import Lexer
from lark.parsers.lalr_analysis import Shift

from linter.lex import Tok
from linter.resources import data_dir

# Lines of one group that follow one another reach Lark as one token, typed by the first line:
# the grammar only ever repeats these types (X+ or X*; the body's lines in any order), so Lark
# gets fewer tokens and builds the same parts, and a run it does not expect is dropped whole, as
# each of its lines would be. The model reads the lines' own types. tests/test_parse.py checks both.
_BODY = ("SECTION", "ITEM", "PARA", "ENACT", "REPEAT")
_REPEATED = ("TRAILER", "STAMP", "MARK", "ISSUER", "SUBJECT", "ADDRESSEE", "RECIPIENT", "AUTHORITY_CONT")
_REPEATED += ("SIGN_NOTE", "SIGNER_TITLE", "SIGNED", "SIGNER_NAME", "NOISE", "CO_AUTHORITY")
RUNS = {**dict.fromkeys(_BODY, "body"), **{t: t for t in _REPEATED}}


def runs(toks: list[Tok]) -> list[Token]:
    """Lark's tokens: one per line, or per run of body or trailer lines. A Lark token covers
    toks[start_pos:end_pos]."""
    out = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        j = i + 1
        run = RUNS.get(t.type)
        if run:
            while j < n and RUNS.get(toks[j].type) == run:
                j += 1
        out.append(
            Token(
                t.type,
                t.text,
                start_pos=i,
                line=t.line.line,
                column=1,
                end_line=toks[j - 1].line.end_line,
                end_pos=j,
            )
        )
        i = j
    return out


class _NoLexer(Lexer):
    """Lark wants a lexer; ours runs before the parser (linter/lex.py), so Lark never lexes."""

    def __init__(self, lexer_conf):
        pass

    def lex(self, lexer_state, parser_state):
        return iter(())


def _cache_file() -> str | bool:
    """Lark's parse-table cache in the user's cache directory (not a shared temporary one, since
    it is read with pickle). Lark checks the grammar's hash itself, so one file serves every
    version of the grammar; without a writable directory, no cache."""
    from linter.resources import default_dir

    try:
        d = default_dir()
        d.mkdir(parents=True, exist_ok=True)
        return str(d / "grammar.lark-cache")
    except OSError:
        return False


@cache
def parser() -> Lark:
    grammar = (data_dir("grammar") / "document.lark").read_text(encoding="utf-8")
    # building the LALR tables costs ~0.3 s, loading them from the cache ~2 ms
    return Lark(
        grammar, parser="lalr", lexer=_NoLexer, start="start", cache=_cache_file(), maybe_placeholders=False
    )


# How many lines after a doubtful one the look ahead weighs (Lark tokens: a run counts once).
AHEAD = 4


def _step(states: dict, stack: list, kind: str) -> list | None:
    """The LALR state stack after a token of this kind, or None if the grammar does not accept
    it here. States only, no tree: the look ahead must not touch the parse's values (Lark
    reuses a child's list when it builds a left-recursive rule)."""
    stack = stack[:]
    while True:
        try:
            action, arg = states[stack[-1]][kind]
        except KeyError:
            return None
        if action is Shift:
            stack.append(arg)
            return stack
        if arg.expansion:
            del stack[-len(arg.expansion) :]
        stack.append(states[stack[-1]][arg.origin.name][1])


def _drops(states: dict, stack: list, toks: list[Token]) -> int:
    """How many of toks a greedy parse from this stack would drop."""
    n = 0
    for t in toks:
        new = _step(states, stack, t.type)
        if new is None:
            n += 1
        else:
            stack = new
    return n


def parse(toks: list[Tok]) -> tuple[Tree, list[Tok]]:
    """The tree, and the tokens that were out of place (dropped to recover).

    Every state of the grammar accepts the end (tests/test_parse.py feeds it random token
    sequences), so recovery only ever drops tokens."""
    lark = runs(toks)
    parser_state = parser().parse_interactive(None).parser_state
    states = parser_state.parse_conf.states
    stack = parser_state.state_stack[:]
    dropped: list[Tok] = []
    ahead = None  # this token's stack after the last one kept, when the look ahead already had it
    for i, t in enumerate(lark):
        new = ahead if ahead is not None else _step(states, stack, t.type)
        ahead = None
        nxt = lark[i + 1 : i + 1 + AHEAD]
        if new is not None and nxt:
            ahead = _step(states, new, nxt[0].type)
            # the next line does not fit after this one: keep this one only if leaving it out
            # does not make the lines ahead fit better
            if ahead is None and 1 + _drops(states, stack, nxt) < _drops(states, new, nxt):
                new = None
        if new is None:
            dropped.extend(toks[t.start_pos : t.end_pos])
        else:
            stack = new
            parser_state.feed_token(t)  # accepted: the real parse builds the tree
    return parser_state.feed_token(Token("$END", "", end_pos=len(toks)), True), dropped
