"""Reading an emitted design's manifest.json (written by partitioner.emitters.files)."""
from __future__ import annotations

import json
from pathlib import Path

from partitioner.errors import UserError


def read(folder: str | Path, required: bool = False) -> dict:
    """The manifest of a design folder; {} when there is none and it is not ``required``."""
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        if required:
            raise UserError(f"{folder} has no manifest.json: emit the design with `npu-tiler emit`")
        return {}
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError:
        raise UserError(f"{path}: not valid JSON") from None
