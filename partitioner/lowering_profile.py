"""The mlir-aie version profile: lowering and allocation rules that changed between versions."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from partitioner import params
from partitioner.errors import UserError


@dataclass(frozen=True)
class LoweringProfile:
    """One mlir-aie version family's lowering and allocation rules (``[profiles.<name>]`` in params/lowering.toml).

    Each field is a rule that changed between versions; lowering.toml names
    the mlir-aie file or test each value comes from
    (docs/research/mlir-aie-lowering.md sections 1.3, 1.4, 2):

    * ``depth_one_single_buffer``: an integer depth 1 with acquire 1 on a
      compute tile gives 1 buffer (2026), not 2 (2025,
      depth_one_scalar_test.mlir);
    * ``compute_alignment``, ``mem_alignment``: buffer alignment in bytes
      applied by aie-assign-buffer-addresses (1 = none), and
      ``vector_alignment`` per device generation: a compute-tile buffer at
      least that large is aligned to it (AIE2P: 64 B);
    * ``static_data``: the kernel's .data/.rodata/.bss go ``"above-buffers"``
      (linker script, AIETargetLdScript.cpp) or into the
      ``"largest-free-run"`` the allocator leaves (2026);
    * ``bank_aware``: ``"round-robin"`` (mid-2025, no buffer larger than a
      bank) or ``"scored"`` (2026, candidates ranked, straddling allowed);
    * ``memtile_spill_order``: the order in which mem-tile FIFO buffers claim
      their tile before spilling to a neighbour (``"program"`` or
      ``"largest-first"``);
    * ``shim_prod_lock_init``: init value of a shim end's prod lock;
    * ``default_stack_bytes``: ``aie.core`` ``stack_size`` when none is given.
    """

    name: str
    summary: str
    depth_one_single_buffer: bool
    compute_alignment: int
    mem_alignment: int
    static_data: str  # "above-buffers" | "largest-free-run"
    bank_aware: str  # "round-robin" | "scored"
    shim_prod_lock_init: int
    default_stack_bytes: int
    vector_alignment: dict[str, int]  # device generation -> bytes
    memtile_spill_order: str  # "program" | "largest-first"
    static_init_without_locks: bool  # a mem-tile producer with init values and no link gets no locks (2026)

    def alignment(self, generation: str, is_compute: bool) -> Alignment:
        """The bus and vector alignment of buffers the allocator places on a tile (bytes)."""
        if not is_compute:
            return Alignment(self.mem_alignment, self.mem_alignment)
        return Alignment(self.compute_alignment, max(self.compute_alignment,
                                                      self.vector_alignment.get(generation, 1)))


@dataclass(frozen=True)
class Alignment:
    """Every chosen address meets ``bus``; a buffer of at least ``vector`` bytes is aligned to ``vector``."""

    bus: int
    vector: int


def available() -> list[str]:
    """The profile names params/lowering.toml defines, sorted (the values of ``--mlir-aie``).

    Returns
    -------
    list of str

    Raises
    ------
    UserError
        params/lowering.toml is missing or malformed.

    Examples
    --------
    >>> from partitioner import lowering_profile
    >>> lowering_profile.available()
    ['2025', '2026']
    """
    return sorted(params.load("lowering.toml")["profiles"])


@lru_cache(maxsize=None)
def load(name: str | None = None) -> LoweringProfile:
    """The :class:`LoweringProfile` ``name`` from params/lowering.toml (cached).

    Parameters
    ----------
    name : str, optional
        A profile of :func:`available`; None: the file's ``default`` ("2025").

    Returns
    -------
    LoweringProfile

    Raises
    ------
    UserError
        Unknown profile, or the parameter file is missing or malformed.

    Examples
    --------
    >>> from partitioner import lowering_profile
    >>> p = lowering_profile.load()
    >>> p.name, p.compute_alignment, p.static_data, p.bank_aware
    ('2025', 1, 'above-buffers', 'round-robin')
    >>> lowering_profile.load("2026").depth_one_single_buffer
    True
    """
    data = params.load("lowering.toml")
    name = name or data["default"]
    profiles = data["profiles"]
    if name not in profiles:
        raise UserError(f"unknown mlir-aie profile {name!r}; choose one of {', '.join(sorted(profiles))}")
    p = profiles[name]
    return LoweringProfile(name=name, summary=p["summary"], depth_one_single_buffer=p["depth_one_single_buffer"],
                           compute_alignment=p["compute_alignment"], mem_alignment=p["mem_alignment"],
                           static_data=p["static_data"], bank_aware=p["bank_aware"],
                           shim_prod_lock_init=p["shim_prod_lock_init"],
                           default_stack_bytes=p["default_stack_bytes"],
                           vector_alignment=dict(p.get("vector_alignment", {})),
                           memtile_spill_order=p["memtile_spill_order"],
                           static_init_without_locks=p["static_init_without_locks"])
