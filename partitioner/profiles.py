"""The mlir-aie version profiles: what npu-tiler models that changed between mlir-aie versions.

One file, params/profiles.toml, holds every profile; :func:`load` reads one
into a :class:`Profile`, which the lowering, the allocator and the emitters
all read. The file's ``default`` is the only default profile: ``Options.mlir_aie``
takes it from :func:`default_name`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from partitioner import params
from partitioner.errors import UserError

PROFILES_TOML = params.PARAMS_DIR / "profiles.toml"
_TABLES = ("lowering", "allocation", "emission")  # one table per layer that reads a profile's rules


@dataclass(frozen=True)
class Alignment:
    """Every chosen address meets ``bus``; a buffer of at least ``vector`` bytes is aligned to ``vector``."""

    bus: int
    vector: int


@dataclass(frozen=True)
class Profile:
    """One ``--mlir-aie`` profile (``[profiles.<name>]`` in params/profiles.toml).

    Each rule changed between mlir-aie versions; profiles.toml names the
    mlir-aie file, test or pull request each value comes from
    (docs/research/mlir-aie-lowering.md sections 1.3, 1.4, 2 for lowering and
    allocation).

    Attributes
    ----------
    name : str
        The profile (``"2025"``, ``"2026"``).
    summary : str
        The toolchain it stands for, in words.
    targets : str
        The mlir-aie versions it targets, as a pull-request range.
    first_pr, before_pr : int
        The range as pull requests of Xilinx/mlir-aie (``before_pr`` 0: open-ended).
    depth_one_single_buffer : bool
        Lowering: an integer depth 1 with acquire 1 on a compute tile gives 1
        buffer (2026), not 2 (2025, depth_one_scalar_test.mlir).
    shim_prod_lock_init : int
        Lowering: init value of a shim end's prod lock.
    default_stack_bytes : int
        Lowering: ``aie.core`` ``stack_size`` when none is given.
    memtile_spill_order : str
        Lowering: the order in which mem-tile FIFO buffers claim their tile
        before spilling to a neighbour (``"program"`` or ``"largest-first"``).
    static_init_without_locks : bool
        Lowering: a mem-tile producer with init values and no link gets no locks (2026).
    compute_alignment, mem_alignment : int
        Allocation: buffer alignment in bytes applied by
        aie-assign-buffer-addresses (1 = none).
    vector_alignment : dict of str to int
        Allocation, per device generation: a compute-tile buffer at least that
        large is aligned to it (AIE2P: 64 B).
    static_data : str
        Allocation: the kernel's .data/.rodata/.bss go ``"above-buffers"``
        (linker script, AIETargetLdScript.cpp) or into the
        ``"largest-free-run"`` the allocator leaves (2026).
    bank_aware : str
        Allocation: ``"round-robin"`` (mid-2025, no buffer larger than a bank)
        or ``"scored"`` (2026, candidates ranked, straddling allowed).
    runtime_sequence : str
        Emission: ``"aiex.runtime_sequence"`` or ``"aie.runtime_sequence"`` (PR #2708).
    link_with : str
        Emission: ``"core"`` (``aie.core {link_with}``) or ``"func"`` (on the
        kernel's ``func.func``, PR #2922).
    driver : str
        Emission: ``"aiecc.py"`` or ``"aiecc"`` (the C++ driver, PR #3369).
    iron_runtime : str
        Emission: ``"sequence"`` (``Runtime()`` with ``rt.sequence``) or
        ``"callback"`` (``Runtime(seq_fn, fn_args)``, PR #3387).
    iron_stack_size : bool
        Emission: whether every IRON of the range takes ``Worker(stack_size=...)``.
    iron_devices : tuple of str
        Emission: the devices whose IRON class every IRON of the range has
        (:data:`partitioner.emitters.iron_api.DEVICE_CLASS`).
    """

    name: str
    summary: str
    targets: str
    first_pr: int
    before_pr: int
    # lowering
    depth_one_single_buffer: bool
    shim_prod_lock_init: int
    default_stack_bytes: int
    memtile_spill_order: str  # "program" | "largest-first"
    static_init_without_locks: bool
    # allocation
    compute_alignment: int
    mem_alignment: int
    vector_alignment: dict[str, int]  # device generation -> bytes
    static_data: str  # "above-buffers" | "largest-free-run"
    bank_aware: str  # "round-robin" | "scored"
    # emission
    runtime_sequence: str
    link_with: str
    driver: str
    iron_runtime: str
    iron_stack_size: bool
    iron_devices: tuple[str, ...]

    def alignment(self, generation: str, is_compute: bool) -> Alignment:
        """The bus and vector alignment of buffers the allocator places on a tile (bytes)."""
        if not is_compute:
            return Alignment(self.mem_alignment, self.mem_alignment)
        return Alignment(self.compute_alignment, max(self.compute_alignment,
                                                      self.vector_alignment.get(generation, 1)))

    def as_json(self) -> dict:
        """The profile as manifest.json records it: name, targets and the pull-request range."""
        return {"name": self.name, "targets": self.targets, "first_pr": self.first_pr,
                "before_pr": self.before_pr or None}


@lru_cache(maxsize=1)
def _data() -> dict:
    # Package data, read and checked against params.PROFILES_SCHEMA once per process.
    return params.load("profiles.toml")


def available() -> list[str]:
    """The profile names params/profiles.toml defines, sorted (the values of ``--mlir-aie``).

    Returns
    -------
    list of str

    Raises
    ------
    UserError
        params/profiles.toml is missing or malformed.

    Examples
    --------
    >>> from partitioner import profiles
    >>> profiles.available()
    ['2025', '2026']
    """
    return sorted(_data()["profiles"])


def default_name() -> str:
    """The profile used when none is named: params/profiles.toml's ``default``.

    Examples
    --------
    >>> from partitioner import profiles
    >>> profiles.default_name()
    '2025'
    """
    return _data()["default"]


@lru_cache(maxsize=None)
def load(name: str | None = None) -> Profile:
    """The :class:`Profile` ``name`` from params/profiles.toml (cached).

    Parameters
    ----------
    name : str, optional
        A profile of :func:`available`; None: the file's ``default``.

    Returns
    -------
    Profile

    Raises
    ------
    UserError
        Unknown profile (one line naming the known ones), or the parameter
        file is missing or malformed.

    Examples
    --------
    >>> from partitioner import profiles
    >>> p = profiles.load()
    >>> p.name, p.compute_alignment, p.static_data, p.bank_aware, p.driver
    ('2025', 1, 'above-buffers', 'round-robin', 'aiecc.py')
    >>> p = profiles.load("2026")
    >>> p.depth_one_single_buffer, p.runtime_sequence, p.iron_runtime
    (True, 'aie.runtime_sequence', 'callback')
    >>> profiles.load("2024")
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: unknown mlir-aie profile '2024'; choose one of 2025, 2026
    """
    data = _data()
    name = name or data["default"]
    known = data["profiles"]
    if name not in known:
        raise UserError(f"unknown mlir-aie profile {name!r}; choose one of {', '.join(sorted(known))}")
    p = known[name]
    missing = [t for t in _TABLES if t not in p]
    if missing:
        raise UserError(f"{PROFILES_TOML}: profile {name} has no [profiles.{name}.{missing[0]}] table")
    rules = {k: v for t in _TABLES for k, v in p[t].items()}
    return Profile(name=name, summary=p["summary"], targets=p["targets"], first_pr=p["first_pr"],
                   before_pr=p["before_pr"], **{**rules, "vector_alignment": dict(rules.get("vector_alignment", {})),
                                                "iron_devices": tuple(rules["iron_devices"])})
