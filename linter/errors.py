"""Errors the user can correct (a bad setting, an unreadable baseline): the CLI prints their
message in the user's language and exits 2, without a traceback."""


class UserError(Exception):
    def message(self, lang: str = "vi") -> str:  # pragma: no cover - overridden
        return str(self)
