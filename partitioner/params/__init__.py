"""Parameter files of the model (devices.toml, lowering.toml), read in one place."""
from __future__ import annotations

import tomllib
from pathlib import Path

from partitioner.errors import UserError

PARAMS_DIR = Path(__file__).resolve().parent


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(Path(path).read_text())
    except FileNotFoundError:
        raise UserError(f"parameter file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise UserError(f"{path}: not valid TOML ({exc})") from None


def merged(base: dict, override: dict) -> dict:
    """``base`` with ``override``'s keys replaced, recursively through tables."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def load(name: str, override: Path | None = None) -> dict:
    data = read_toml(PARAMS_DIR / name)
    if override is not None:
        data = merged(data, read_toml(override))
    return data
