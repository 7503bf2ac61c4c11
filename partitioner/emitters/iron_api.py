"""IRON's API per ``--mlir-aie`` profile (params/iron.toml): what design.py may import and call, and how.

Each table holds what every IRON of its mlir-aie range accepts, read from
Xilinx/mlir-aie python/iron with the file and commit of every entry
(params/iron.toml). The design.py emitter (:mod:`partitioner.emitters.iron`)
asks its profile's table whether there is a placer to pass and whether a
parameter goes by its keyword; tests/test_iron_signatures.py checks every
import and call of every emitted design.py against the same table.

What else a profile's IRON decides (its runtime form, whether ``Worker`` takes
a stack size, its device classes) is in the profile
(:class:`partitioner.profiles.Profile`, params/profiles.toml).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from partitioner import params, profiles
from partitioner.errors import UserError

IRON_TOML = params.PARAMS_DIR / "iron.toml"

_CALL = {"source": params.Field("str", required=True), "positional": params.Field("str list"),
         "keywords": params.Field("str list"), "required": params.Field("int", 0), "varargs": params.Field("bool")}
_TABLE = {"summary": params.Field("str", required=True), "sources": params.Field("str list", required=True),
          "placer": params.Field("str", required=True), "modules": params.Field("str list", required=True),
          "imports": params.MapOf(params.Field("str list")), "calls": params.MapOf(_CALL)}
SCHEMA = {"tables": params.MapOf(_TABLE)}

#: mlir-aie device name -> IRON device class (python/iron/device/device.py builds one class per
#: AIEDevice case with the regex NPU(\\d+)_(\\d+)COL -> NPU\\1Col\\2).
DEVICE_CLASS = {"npu1": "NPU1", "npu1_1col": "NPU1Col1", "npu1_2col": "NPU1Col2", "npu1_3col": "NPU1Col3",
                "npu2": "NPU2"}


@dataclass(frozen=True)
class Signature:
    """How a callable takes its arguments: the parameters it takes positionally (in order), by keyword, required.

    Attributes
    ----------
    positional : tuple of str
        The parameters it may be given positionally, in order.
    keywords : frozenset of str
        The parameters it may be given by keyword.
    required : int
        How many leading positional parameters a call must give.
    varargs : bool
        Whether it takes ``*args`` (then nothing else is checked).
    source : str
        The mlir-aie file (and commit) it was read from.
    """

    positional: tuple[str, ...] = ()
    keywords: frozenset[str] = frozenset()
    required: int = 0
    varargs: bool = False
    source: str = ""


@dataclass(frozen=True)
class IronApi:
    """One IRON API table: the modules and names design.py may import, the placer, every call's signature.

    Attributes
    ----------
    name : str
        The table (``"callback-2026"``).
    summary : str
        The IRON it stands for, in words.
    sources : tuple of str
        The mlir-aie files (path @ commit) and threads it was read from.
    modules : frozenset of str
        The modules design.py may ``import`` whole.
    imports : dict of str to frozenset of str
        Module -> the names design.py may ``from``-import from it.
    placer : str
        The placer class ``resolve_program`` takes; empty where IRON has none (PR #3016).
    calls : dict of str to Signature
        Callable name -> how it takes its arguments.
    """

    name: str
    summary: str
    sources: tuple[str, ...]
    modules: frozenset[str]
    imports: dict[str, frozenset[str]]
    placer: str
    calls: dict[str, Signature]

    def by_keyword(self, call: str, parameter: str) -> bool:
        """Whether design.py passes ``parameter`` of ``call`` by its keyword.

        It does wherever every IRON of the range takes the parameter by that
        name (``tile=``, ``depth=``); a parameter renamed inside the range, or
        one older IRON took only positionally, goes by position.

        Examples
        --------
        >>> from partitioner.emitters import iron_api
        >>> iron_api.for_profile("2026.08").by_keyword("Worker", "tile")
        True
        >>> iron_api.for_profile("2025.09").by_keyword("ObjectFifo", "depth")
        False
        """
        return parameter in self.calls[call].keywords


@lru_cache(maxsize=1)
def _data() -> dict:
    data = params.read_toml(IRON_TOML)
    params.check_schema(data, SCHEMA, str(IRON_TOML), complete=True)
    for name, table in data["tables"].items():
        for call, sig in table["calls"].items():
            if sig.get("required", 0) > len(sig.get("positional", [])):
                raise UserError(f"{IRON_TOML}: [tables.{name}.calls.{call}] requires more parameters than it lists")
        if table["placer"] and table["placer"] not in table["calls"]:
            raise UserError(f"{IRON_TOML}: [tables.{name}] has placer {table['placer']} but no call table for it")
    return data


@lru_cache(maxsize=None)
def load(name: str) -> IronApi:
    """The IRON table ``name`` of params/iron.toml.

    Raises
    ------
    UserError
        No such table, or the file is malformed.
    """
    t = params.named_table(_data(), "tables", name, IRON_TOML)
    calls = {call: Signature(tuple(s.get("positional", ())), frozenset(s.get("keywords", ())), s.get("required", 0),
                             s.get("varargs", False), s["source"]) for call, s in t["calls"].items()}
    return IronApi(name=name, summary=t["summary"], sources=tuple(t["sources"]), modules=frozenset(t["modules"]),
                   imports={m: frozenset(n) for m, n in t["imports"].items()}, placer=t["placer"], calls=calls)


def for_profile(profile: str) -> IronApi:
    """The IRON table of the mlir-aie profile ``profile`` (an id or an alias).

    Parameters
    ----------
    profile : str
        A profile id of params/profiles.toml (``Profile.name``).

    Returns
    -------
    IronApi

    Raises
    ------
    UserError
        No such profile, or its table is missing from params/iron.toml.

    Examples
    --------
    >>> from partitioner.emitters import iron_api
    >>> api = iron_api.for_profile("2026.08")
    >>> api.placer, "aie.iron.placers" in api.imports
    ('', False)
    >>> iron_api.for_profile("2025.09").placer
    'SequentialPlacer'
    """
    return load(profiles.load(profile).emission["iron_table"])
