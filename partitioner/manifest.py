"""Reading an emitted design's manifest.json (written by partitioner.emitters.files)."""
from __future__ import annotations

import json
from pathlib import Path

from partitioner.errors import UserError


def read(folder: str | Path, required: bool = False) -> dict:
    """The manifest of a design folder; {} when there is none and it is not ``required``.

    manifest.json is written by :func:`partitioner.emitters.files.manifest`.

    Parameters
    ----------
    folder : path
        A design folder.
    required : bool
        Raise instead of returning {} when the folder has no manifest.json.

    Returns
    -------
    dict
        The parsed JSON: ``"design"``, ``"options"``, ``"kernel"``, ``"workers"``,
        ``"fits"``, ``"tiles"``, ``"errors"``, ...

    Raises
    ------
    UserError
        manifest.json is missing and ``required``, or is not valid JSON.

    Examples
    --------
    >>> import tempfile
    >>> from partitioner import manifest
    >>> from partitioner.emitters import DESIGNS_DIR
    >>> m = manifest.read(DESIGNS_DIR / "batch100_split4")
    >>> m["design"], m["batch"], m["options"]["tiles"]
    ('batch100_split4', 100, 4)
    >>> manifest.read(tempfile.mkdtemp())
    {}
    """
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        if required:
            raise UserError(f"{folder} has no manifest.json: emit the design with `npu-tiler emit`")
        return {}
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError:
        raise UserError(f"{path}: not valid JSON") from None
