"""parse: line tokens -> Lark tree, with grammar/document.lark run by LALR.

The parser is built once per process (Lark's cache makes later processes fast). Our lexer's
tokens reach Lark through a custom Lark lexer that reads them from a feed whose position
survives error recovery: a token the grammar does not accept where it stands is dropped and
reported, and the parse resumes at the next line."""

from dataclasses import dataclass, field
from functools import cache

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedInput, UnexpectedToken
from lark.lexer import Lexer

from linter.lex import Tok
from linter.resources import data_dir


@dataclass
class _Feed:
    toks: list[Tok]
    pos: int = 0
    dropped: list[Tok] = field(default_factory=list)


# Lines of one group that follow one another reach Lark as one token, typed by the first line:
# the grammar only ever repeats these types (X+ or X*; the body's lines in any order), so Lark
# gets fewer tokens and builds the same parts, and a run it does not expect is dropped whole, as
# each of its lines would be. The model reads the lines' own types. tests/test_parse.py checks both.
_BODY = ("SECTION", "ITEM", "PARA", "ENACT", "REPEAT")
_REPEATED = ("TRAILER", "STAMP", "MARK", "ISSUER", "SUBJECT", "ADDRESSEE", "RECIPIENT", "AUTHORITY_CONT")
_REPEATED += ("SIGN_NOTE", "SIGNER_TITLE", "SIGNED", "SIGNER_NAME", "NOISE")
RUNS = {**dict.fromkeys(_BODY, "body"), **{t: t for t in _REPEATED}}


class LineLexer(Lexer):
    """Hands Lark the tokens our lexer made. A Lark token covers feed.toks[start_pos:end_pos]:
    one line, or a run of body or trailer lines."""

    __future_interface__ = 2

    def __init__(self, lexer_conf):
        pass

    def lex(self, lexer_state, parser_state):
        feed: _Feed = lexer_state.text
        toks = feed.toks
        while feed.pos < len(toks):
            i = j = feed.pos
            t = toks[i]
            j += 1
            run = RUNS.get(t.type)
            if run:
                while j < len(toks) and RUNS.get(toks[j].type) == run:
                    j += 1
            feed.pos = j  # advance before yielding, so a resumed parse goes on from the next
            yield Token(
                t.type,
                t.text,
                start_pos=i,
                line=t.line.line,
                column=1,
                end_line=toks[j - 1].line.end_line,
                end_pos=j,
            )


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
        grammar, parser="lalr", lexer=LineLexer, start="start", cache=_cache_file(), maybe_placeholders=False
    )


def parse(toks: list[Tok]) -> tuple[Tree, list[Tok]]:
    """The tree, and the tokens that were out of place (dropped to recover)."""
    feed = _Feed(toks)

    def on_error(e: UnexpectedInput) -> bool:
        # every state of the grammar accepts the end (tests/test_parse.py feeds it random token
        # sequences), so recovery only ever drops a token, and each drop moves the feed on
        if not isinstance(e, UnexpectedToken) or e.token.type == "$END":
            return False
        feed.dropped.extend(toks[e.token.start_pos : e.token.end_pos])
        return True  # skip the token; the feed has already moved past it

    tree = parser().parse(feed, on_error=on_error)
    return tree, feed.dropped
