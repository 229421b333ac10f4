"""--format jsonl: one compact JSON object per document (FileResult.to_dict(), the per-file object
of the JSON contract), one per line, written as each result arrives. No summary line."""

import json


def line(result) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def render(results) -> str:
    return "".join(line(r) for r in results)
