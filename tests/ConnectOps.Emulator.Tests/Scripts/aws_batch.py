"""Runs several AWS CLI commands in one Python process through the CLI's own driver (awscli.clidriver), so a
scenario pays the CLI's start-up once. Reads a JSON list of argument lists; prints [{rc, stdout, stderr}]."""
import contextlib
import io
import json
import sys

from awscli.clidriver import create_clidriver

results = []
for args in json.load(sys.stdin):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            rc = create_clidriver().main(args)
        except SystemExit as e:
            rc = e.code if isinstance(e.code, int) else 1
    results.append({"rc": rc, "stdout": out.getvalue(), "stderr": err.getvalue()})
sys.__stdout__.write(json.dumps(results) + "\n")
