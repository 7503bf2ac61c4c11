"""The mlir-aie version profiles: what npu-tiler models that changed between mlir-aie versions.

One file, params/profiles.toml, holds every profile; :func:`load` reads one
into a :class:`Profile`, which the lowering, the allocator and the emitters
all read. A profile is named by its id (``2025.09``: the month its window of
Xilinx/mlir-aie opens) or by an alias (``2026``); the file's ``default`` is
the only default profile: ``Options.mlir_aie`` takes it from
:func:`default_name`. ``npu-tiler profiles`` prints :func:`listing`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
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
        The profile's id (``"2025.09"``); an alias given to :func:`load` resolves to it.
    summary : str
        The toolchain it stands for, in words.
    targets : str
        The mlir-aie versions it targets, as a pull-request range.
    first_pr, before_pr : int
        The range as pull requests of Xilinx/mlir-aie (``before_pr`` 0: open-ended).
    merged_from, merged_before : str
        When those pull requests were merged: ``"YYYY-MM-DD"``, or ``"YYYY-MM"``
        when only the month is known (``merged_before`` empty: open-ended).
    release, wheel, commit, iron, allocator : str
        The facts a user matches against an install: the release, the
        ``mlir_aie`` wheel versions, the commit the rules were read at, the
        IRON API and the allocator revision.
    sources : tuple of str
        Where those facts come from (path @ commit, pull request and date).
    objectfifo_lowering : str
        Lowering: ``"static"`` (loops unrolled) or ``"dynamic"`` (buffers
        chosen at run time, aiecc's default since PR #2549).
    dynamic_state : str
        Lowering: where dynamic lowering keeps its per-core indices:
        ``"buffer"`` (one ``aie.buffer`` of i32 per core, counted in its
        memory), ``"registers"`` (promoted by mem2reg, PR #3298) or ``"none"``
        (static lowering).
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
    shared_pool_depth : str
        Lowering: the buffers of a shared-memory FIFO with an array depth: the producer's entry
        (``"producer"``) or the deepest end's (``"deepest"``, 2026).
    compute_alignment, mem_alignment : int
        Allocation: buffer alignment in bytes applied by
        aie-assign-buffer-addresses (1 = none).
    vector_alignment : dict of str to int
        Allocation, per device generation: a compute-tile buffer at least that
        large is aligned to it (AIE2P: 64 B).
    stack_alignment : dict of str to int
        Allocation, per device generation: where the allocator puts the stack
        of a core that names ``stack_bank`` alone (AIE2P: 64 B; a generation
        not listed is not known).
    static_data : str
        Allocation: the kernel's .data/.rodata/.bss go ``"above-buffers"``
        (linker script, AIETargetLdScript.cpp) or into the
        ``"largest-free-run"`` the allocator leaves (2026).
    bank_aware : str
        Allocation: ``"round-robin"`` (mid-2025, no buffer larger than a bank),
        ``"scored"`` (2026, candidates ranked, straddling allowed) or
        ``"scored-capped"`` (newest: the largest-free-run criterion capped at the
        bytes still to place, ``contiguityCap``; one allocator searched with
        backtracking, no fallback to basic-sequential, the core's data
        sections placed as a buffer).
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
    emission : dict
        The whole ``[emission]`` table as read (every key, also those with
        no field of their own).
    """

    name: str
    summary: str
    targets: str
    first_pr: int
    before_pr: int
    # facts a user matches against an install
    merged_from: str
    merged_before: str
    release: str
    wheel: str
    commit: str
    iron: str
    allocator: str
    sources: tuple[str, ...]
    # lowering
    objectfifo_lowering: str  # "static" | "dynamic"
    dynamic_state: str  # "none" | "buffer" | "registers"
    depth_one_single_buffer: bool
    shim_prod_lock_init: int
    default_stack_bytes: int
    memtile_spill_order: str  # "program" | "largest-first"
    static_init_without_locks: bool
    shared_pool_depth: str  # "producer" | "deepest"
    # allocation
    compute_alignment: int
    mem_alignment: int
    vector_alignment: dict[str, int]  # device generation -> bytes
    stack_alignment: dict[str, int]  # device generation -> bytes (a stack_bank-only core's stack)
    static_data: str  # "above-buffers" | "largest-free-run"
    bank_aware: str  # "round-robin" | "scored" | "scored-capped"
    # emission
    runtime_sequence: str
    link_with: str
    driver: str
    iron_runtime: str
    iron_stack_size: bool
    iron_devices: tuple[str, ...]
    # the whole [emission] table, for keys read by the emitters only
    emission: dict = field(default_factory=dict, compare=False, repr=False)

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

    def facts(self) -> dict:
        """Everything ``npu-tiler profiles --json`` prints of the profile (the facts, not the rules)."""
        return {"name": self.name, "summary": self.summary, "targets": self.targets, "first_pr": self.first_pr,
                "before_pr": self.before_pr or None, "merged_from": self.merged_from,
                "merged_before": self.merged_before or None, "release": self.release, "wheel": self.wheel,
                "commit": self.commit, "iron": self.iron, "driver": self.driver,
                "objectfifo_lowering": self.objectfifo_lowering, "dynamic_state": self.dynamic_state,
                "allocator": self.allocator, "sources": list(self.sources)}


@lru_cache(maxsize=1)
def _data() -> dict:
    # Package data, read and checked against params.PROFILES_SCHEMA once per process.
    return params.load("profiles.toml")


def available() -> list[str]:
    """The profile ids params/profiles.toml defines, sorted (aliases not included).

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
    ['2025.06', '2025.09', '2026.08']
    """
    return sorted(_data()["profiles"])


def aliases() -> dict[str, str]:
    """The other names ``--mlir-aie`` accepts, each with the profile id it stands for.

    Examples
    --------
    >>> from partitioner import profiles
    >>> profiles.aliases()
    {'2025': '2025.09', '2026': '2026.08'}
    """
    return dict(_data().get("aliases", {}))


def names() -> list[str]:
    """Every value ``--mlir-aie`` accepts: the profile ids, then the aliases.

    Examples
    --------
    >>> from partitioner import profiles
    >>> profiles.names()
    ['2025.06', '2025.09', '2026.08', '2025', '2026']
    """
    return available() + [a for a in sorted(aliases()) if a not in _data()["profiles"]]


def resolve(name: str | None = None) -> str:
    """The profile id ``name`` stands for: itself, or an alias's target; None: the file's ``default``.

    Parameters
    ----------
    name : str, optional
        A profile id or an alias.

    Returns
    -------
    str

    Raises
    ------
    UserError
        Unknown name (one line naming the profiles and aliases), or an alias
        or ``default`` that names no profile.

    Examples
    --------
    >>> from partitioner import profiles
    >>> profiles.resolve("2026"), profiles.resolve("2025.09"), profiles.resolve()
    ('2026.08', '2025.09', '2025.09')
    """
    data = _data()
    known = data["profiles"]
    name = name or data["default"]
    target = name if name in known else aliases().get(name)
    if target is None:
        raise UserError(f"unknown mlir-aie profile {name!r}; choose one of {', '.join(names())}")
    if target not in known:
        raise UserError(f"{PROFILES_TOML}: {name!r} stands for {target!r}, which is no [profiles.<id>] table")
    return target


def default_name() -> str:
    """The profile used when none is named: params/profiles.toml's ``default``.

    Examples
    --------
    >>> from partitioner import profiles
    >>> profiles.default_name()
    '2025.09'
    """
    return _data()["default"]


_FIELDS = {f.name for f in fields(Profile)}


def load(name: str | None = None) -> Profile:
    """The :class:`Profile` ``name`` from params/profiles.toml (cached per profile id).

    Parameters
    ----------
    name : str, optional
        A profile of :func:`available` or an alias of :func:`aliases`;
        None: the file's ``default``.

    Returns
    -------
    Profile
        Its ``name`` is the profile id (an alias resolved).

    Raises
    ------
    UserError
        Unknown profile (one line naming the known ones), or the parameter
        file is missing or malformed.

    Examples
    --------
    >>> from partitioner import profiles
    >>> p = profiles.load()
    >>> p.name, p.compute_alignment, p.static_data, p.bank_aware, p.driver, p.objectfifo_lowering
    ('2025.09', 1, 'above-buffers', 'round-robin', 'aiecc.py', 'dynamic')
    >>> p = profiles.load("2026")
    >>> p.name, p.depth_one_single_buffer, p.runtime_sequence, p.iron_runtime, p.dynamic_state
    ('2026.08', True, 'aie.runtime_sequence', 'callback', 'registers')
    >>> profiles.load("2024")
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: unknown mlir-aie profile '2024'; choose one of 2025.06, 2025.09, 2026.08, 2025, 2026
    """
    return _load(resolve(name))


@lru_cache(maxsize=None)
def _load(name: str) -> Profile:
    # One Profile per id, whatever name (id or alias) asked for it.
    p = _data()["profiles"][name]
    missing = [t for t in _TABLES if t not in p]
    if missing:
        raise UserError(f"{PROFILES_TOML}: profile {name} has no [profiles.{name}.{missing[0]}] table")
    # A table key without a Profile field (a new emission key) is read from Profile.emission.
    rules = {k: v for t in _TABLES for k, v in p[t].items() if k in _FIELDS}
    facts = {k: v for k, v in p.items() if k not in _TABLES and k in _FIELDS}
    return Profile(name=name, **{**facts, "sources": tuple(p["sources"])},
                   **{**rules, "vector_alignment": dict(rules.get("vector_alignment", {})),
                      "stack_alignment": dict(rules.get("stack_alignment", {})),
                      "iron_devices": tuple(rules["iron_devices"])}, emission=dict(p["emission"]))


def listing() -> list[Profile]:
    """Every profile, in :func:`available` order (``npu-tiler profiles``).

    Examples
    --------
    >>> from partitioner import profiles
    >>> [(p.name, p.objectfifo_lowering) for p in profiles.listing()]
    [('2025.06', 'static'), ('2025.09', 'dynamic'), ('2026.08', 'dynamic')]
    """
    return [load(n) for n in available()]
