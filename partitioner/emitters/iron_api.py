"""What each mlir-aie profile's tools accept: the emit profile (params/profiles.toml) and IRON's names.

An :class:`EmitProfile` says, for one ``--mlir-aie`` profile, which mlir-aie
versions it targets and the form every artefact takes for them: the runtime
sequence op and the kernel link form in ``aie.mlir``, the compiler driver in
``build.sh``, and the IRON API ``design.py`` calls. The profile names are
those of params/lowering.toml (the allocator rules of the same versions);
the command line takes its ``--mlir-aie`` choices from there.

IRON's module layout (what design.py imports) was read with the search tool
from Xilinx/mlir-aie python/iron: ``__init__.py`` @03a3340c5ce9c98eda65153ab2e0ef5f91ac052b,
``device/__init__.py`` @020e04b9c9ca082baa2de56c4ea6985c5410751c, ``placers.py``
@0429335fc2efe3993db98fc7429fd34167547a1c; the signatures of every call design.py
makes, per profile, are tabulated in tests/test_iron_signatures.py with the
file and commit each was read at.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from partitioner import params
from partitioner.errors import UserError

PROFILES_TOML = params.PARAMS_DIR / "profiles.toml"

# module -> names design.py may import from it (the names it uses exist in every profile's IRON)
EXPORTS: dict[str, set[str]] = {
    "aie.iron": {"Kernel", "ObjectFifo", "Program", "Runtime", "Worker"},
    "aie.iron.placers": {"SequentialPlacer"},
    "aie.iron.device": {"NPU1", "NPU1Col1", "NPU1Col2", "NPU1Col3", "NPU2", "Tile"},
    "aie.iron.controlflow": {"range_"},
    "aie.helpers.taplib": {"TensorAccessPattern"},
}

#: mlir-aie device name -> IRON device class (python/iron/device/device.py builds one class per
#: AIEDevice case with the regex NPU(\\d+)_(\\d+)COL -> NPU\\1Col\\2).
DEVICE_CLASS = {"npu1": "NPU1", "npu1_1col": "NPU1Col1", "npu1_2col": "NPU1Col2", "npu1_3col": "NPU1Col3",
                "npu2": "NPU2"}


@dataclass(frozen=True)
class EmitProfile:
    """One ``--mlir-aie`` profile's artefact forms (``[profiles.<name>]`` in params/profiles.toml).

    Attributes
    ----------
    name : str
        The profile (``"2025"``, ``"2026"``), as in params/lowering.toml.
    targets : str
        The mlir-aie versions it targets, as a pull-request range.
    first_pr, before_pr : int
        The range as pull requests of Xilinx/mlir-aie (``before_pr`` 0: open-ended).
    runtime_sequence : str
        ``"aiex.runtime_sequence"`` or ``"aie.runtime_sequence"`` (PR #2708).
    link_with : str
        ``"core"`` (``aie.core {link_with}``) or ``"func"`` (on the kernel's ``func.func``, PR #2922).
    driver : str
        ``"aiecc.py"`` or ``"aiecc"`` (the C++ driver, PR #3369).
    iron_runtime : str
        ``"sequence"`` (``Runtime()`` with ``rt.sequence``) or ``"callback"`` (``Runtime(seq_fn, fn_args)``, PR #3387).
    iron_stack_size : bool
        Whether every IRON of the range takes ``Worker(stack_size=...)``.
    iron_devices : tuple of str
        The devices whose IRON class every IRON of the range has (:data:`DEVICE_CLASS`).
    """

    name: str
    targets: str
    first_pr: int
    before_pr: int
    runtime_sequence: str
    link_with: str
    driver: str
    iron_runtime: str
    iron_stack_size: bool
    iron_devices: tuple[str, ...]

    def as_json(self) -> dict:
        """The profile as manifest.json records it: name, targets and the pull-request range."""
        return {"name": self.name, "targets": self.targets, "first_pr": self.first_pr,
                "before_pr": self.before_pr or None}


_CHOICES = {"runtime_sequence": ("aiex.runtime_sequence", "aie.runtime_sequence"), "link_with": ("core", "func"),
            "driver": ("aiecc.py", "aiecc"), "iron_runtime": ("sequence", "callback")}


def available() -> list[str]:
    """The profile names params/profiles.toml defines, sorted.

    Examples
    --------
    >>> from partitioner.emitters import iron_api
    >>> iron_api.available()
    ['2025', '2026']
    """
    return sorted(params.read_toml(PROFILES_TOML).get("profiles", {}))


@lru_cache(maxsize=None)
def load(name: str | None = None) -> EmitProfile:
    """The :class:`EmitProfile` ``name`` (None: the file's default).

    Raises
    ------
    UserError
        Unknown profile (one line naming the known ones), or a malformed profiles.toml.

    Examples
    --------
    >>> from partitioner.emitters import iron_api
    >>> p = iron_api.load("2026")
    >>> p.runtime_sequence, p.driver, p.iron_runtime
    ('aie.runtime_sequence', 'aiecc', 'callback')
    >>> iron_api.load("2024")
    Traceback (most recent call last):
    ...
    partitioner.errors.UserError: unknown mlir-aie profile '2024': npu-tiler emits for 2025, 2026 (params/profiles.toml)
    """
    data = params.read_toml(PROFILES_TOML)
    profiles = data.get("profiles", {})
    name = name or data.get("default", "2025")
    if name not in profiles:
        raise UserError(f"unknown mlir-aie profile {name!r}: npu-tiler emits for {', '.join(sorted(profiles))} "
                        f"(params/profiles.toml)")
    p = profiles[name]
    try:
        prof = EmitProfile(name=name, targets=str(p["targets"]), first_pr=int(p["first_pr"]),
                           before_pr=int(p["before_pr"]), runtime_sequence=p["runtime_sequence"],
                           link_with=p["link_with"], driver=p["driver"], iron_runtime=p["iron_runtime"],
                           iron_stack_size=bool(p["iron_stack_size"]), iron_devices=tuple(p["iron_devices"]))
    except KeyError as exc:
        raise UserError(f"{PROFILES_TOML}: profile {name} has no {exc.args[0]!r}") from None
    for key, allowed in _CHOICES.items():
        if getattr(prof, key) not in allowed:
            raise UserError(f"{PROFILES_TOML}: profile {name}: {key} = {getattr(prof, key)!r} is not one of "
                            f"{', '.join(allowed)}")
    unknown = sorted(set(prof.iron_devices) - set(DEVICE_CLASS))
    if unknown:
        raise UserError(f"{PROFILES_TOML}: profile {name}: no IRON device class known for {', '.join(unknown)}")
    return prof
