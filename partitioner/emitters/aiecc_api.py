"""aiecc's command-line options per ``--mlir-aie`` profile, and the flags build.sh passes (params/aiecc.toml).

Each table is one compiler-driver revision read from Xilinx/mlir-aie
(``python/compiler/aiecc/cl_arguments.py`` for ``aiecc.py``,
``tools/aiecc/CommandLineOptions.h`` for the C++ ``aiecc``); params/aiecc.toml
names the file and commit of each and which profile builds with which.
:func:`partitioner.emitters.files.build_script` takes its output, backend and
Peano flags from the profile's table, and tests/test_build_flags.py checks every
flag of every emitted build.sh against the table's option list.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from partitioner import params, profiles
from partitioner.errors import UserError

AIECC_TOML = params.PARAMS_DIR / "aiecc.toml"

_DRIVER = {"program": params.Field("str", choices=("aiecc.py", "aiecc"), required=True),
           "summary": params.Field("str", required=True), "sources": params.Field("str list", required=True),
           "options": params.Field("str list", required=True), "outputs": params.Field("str list", required=True),
           "backend": params.Field("str list", required=True)}
SCHEMA = {"drivers": params.MapOf(_DRIVER)}


@dataclass(frozen=True)
class AieccOptions:
    """One compiler-driver revision: its program, every option it declares, and what build.sh passes it.

    Attributes
    ----------
    name : str
        The table (``"aiecc-main"``).
    program : str
        ``"aiecc.py"`` or ``"aiecc"``.
    summary : str
        The revision, in words.
    sources : tuple of str
        The mlir-aie files (path @ commit) and threads the option list was read from.
    options : frozenset of str
        Every option name, without the leading dashes or a value.
    outputs : tuple of str
        The options that select build/final.xclbin and build/insts.bin (and turn off the host build
        where the driver has one), in build.sh's order.
    backend : tuple of str
        The options that make the driver compile and link the cores with Peano, empty where Peano is
        its default.
    """

    name: str
    program: str
    summary: str
    sources: tuple[str, ...]
    options: frozenset[str]
    outputs: tuple[str, ...]
    backend: tuple[str, ...]

    def accepts(self, flag: str) -> bool:
        """Whether the driver declares ``flag`` (``"--get-xclbin"``, ``"--alloc-scheme=basic-sequential"``).

        Examples
        --------
        >>> from partitioner.emitters import aiecc_api
        >>> t = aiecc_api.for_profile("2026.08")
        >>> t.accepts("--get-xclbin"), t.accepts("--alloc-scheme=bank-aware"), t.accepts("--no-xchesscc")
        (True, True, False)
        """
        return flag.lstrip("-").split("=", 1)[0] in self.options


@lru_cache(maxsize=1)
def _data() -> dict:
    data = params.read_toml(AIECC_TOML)
    params.check_schema(data, SCHEMA, str(AIECC_TOML), complete=True)
    for name, table in data["drivers"].items():
        unknown = [o for o in table["outputs"] + table["backend"] + ["alloc-scheme", "peano", "xclbin-name",
                                                                       "npu-insts-name"] if o not in table["options"]]
        if unknown:  # build.sh may pass only what the driver declares
            raise UserError(f"{AIECC_TOML}: [drivers.{name}] passes --{unknown[0]}, which is not in its options")
    return data


@lru_cache(maxsize=None)
def load(name: str) -> AieccOptions:
    """The driver table ``name`` of params/aiecc.toml.

    Raises
    ------
    UserError
        No such table, or the file is malformed.
    """
    t = params.named_table(_data(), "drivers", name, AIECC_TOML)
    return AieccOptions(name=name, program=t["program"], summary=t["summary"], sources=tuple(t["sources"]),
                        options=frozenset(t["options"]), outputs=tuple(t["outputs"]), backend=tuple(t["backend"]))


def for_profile(profile: str) -> AieccOptions:
    """The driver table the mlir-aie profile ``profile`` (an id or an alias) builds with.

    Parameters
    ----------
    profile : str
        A profile id of params/profiles.toml (``Profile.name``).

    Returns
    -------
    AieccOptions

    Raises
    ------
    UserError
        No such profile, or its table is missing from params/aiecc.toml.

    Examples
    --------
    >>> from partitioner.emitters import aiecc_api
    >>> aiecc_api.for_profile("2025.09").outputs
    ('aie-generate-xclbin', 'aie-generate-npu-insts', 'no-compile-host')
    """
    return load(profiles.load(profile).emission["aiecc_table"])
