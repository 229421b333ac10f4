"""serve: `vblint serve`, the web page for drafting clerks and an HTTP API, on the same pipeline
and worker functions as the CLI (needs the extra: pip install 'vblint[serve]')."""
