"""Fault injection: make the LMS fail or slow down so the player's error handling can be tested.

A fault spec is a short string, usable from the CLI (`--fault`) and from Python (`faults=[...]`):

  initialize-false          LMSInitialize returns "false" (error 101)
  setvalue-false[:N]        LMSSetValue returns "false" with error 101 (first N calls, or always)
  setvalue-throw[:N]        LMSSetValue throws a JavaScript Error
  commit-false[:N]          LMSCommit returns "false" with error 101
  commit-throw[:N]          LMSCommit throws
  delay:D                   every API call busy-waits D ms first

Injected calls carry `"fault": "false"|"throw"` in the transcript and are not counted as errors.
"""
from __future__ import annotations

import re

_SPEC = re.compile(r"^(?:(initialize)-(false)|(setvalue|commit)-(false|throw)(?::(\d+))?|delay:(\d+))$")


class BadFault(ValueError):
    """A fault spec that does not match the grammar above."""


def parse_faults(specs) -> dict:
    """Fault specs (strings, or an already parsed dict) -> the harness's faults object."""
    if isinstance(specs, dict):
        return specs
    faults: dict = {}
    for spec in specs or ():
        m = _SPEC.match(spec.strip())
        if not m:
            raise BadFault(spec)
        if m.group(1):
            faults["initialize"] = {"mode": "false", "count": None}
        elif m.group(3):
            faults[m.group(3)] = {"mode": m.group(4), "count": int(m.group(5)) if m.group(5) else None}
        else:
            faults["delay"] = int(m.group(6))
    return faults
