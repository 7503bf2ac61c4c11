"""npu-tiler's model against mlir-aie's own ground truth: the conformance corpus in tests/conformance/.

Each module is one of mlir-aie's lit tests, hardware tests or IRON-printed
designs, written out with its source path and commit (tests/conformance/README.md);
expected.toml holds the figures that test's CHECK lines give (or the
committed compiler output, or a hand count, as each table says). Each module
is read by ``partitioner.read`` and checked: the verdict, and per tile the
buffers (bytes, and addresses where CHECKed), locks, DMA channels and BDs.

The profile each module is read with: the 2026 one for the behaviour the
corpus README lists as 2026-only, the 2025 one otherwise.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import partitioner
from partitioner.allocation import STATIC
from partitioner.errors import UserError

CORPUS = Path(__file__).resolve().parent / "conformance"
EXPECTED: dict = tomllib.loads((CORPUS / "expected.toml").read_text())["modules"]

# tests/conformance/README.md, "Versions": behaviour only the 2026 code has.
# bank_aware_npu2_mem_bank (@2f4ce96) aligns to npu2's 32 B bus, which only the 2026 allocator does.
ONLY_2026 = ("lock_buffer_depth1_shared", "bank_aware_npu2_mem_bank", "hw_repeat_core_npu2", "asymmetric_init_values_npu2", "memtile_spill_",
             "bank_aware_over_bank_", "bank_aware_vector_align_npu2", "vector_align_", "reserved_data_",
             "bank_aware_spans_banks", "basic_alloc_npu1_pinned", "basic_alloc_npu2_align", "bank_aware_capped_")
AIE1 = {"xcvc1902"}

# The same inputs with different answers at different mlir-aie commits (tests/conformance/README.md,
# "Versions"); the model follows one of them, named here, and the other stays visible as an xfail.
OTHER_COMMIT = {
    # Before contiguityCap: the free run left counted in full, so small buffers packed into one bank. The
    # allocator modelled (AIEAssignBuffers.cpp, newest stored version, search id 68911127918, no commit reported; profile 2026.08 "scored-capped") caps it at the bytes
    # still to place and spreads them, as @21413ff's CHECK lines do (reserved_data_spreads matches).
    "reserved_data_packs": "bank_aware_reserved_data.mlir @7233381 packs in bank 0 (uncapped free-run rule); "
                           "the capped rule modelled spreads, as @21413ff does (reserved_data_spreads matches)",
    "bank_aware_vector_align_npu2": "bank_aware_vector_alignment.mlir @7233381 packs b1-b4 in bank 0 (uncapped "
                                    "free-run rule); the capped rule modelled spreads them round robin",
    "xrt_add_one_two_physical": "the 2024 compiler output @aa7ab18 puts every mem-tile buffer in bank 0 "
                                "(bank-aware with one mem-tile bank); the mid-2025 allocator modelled uses 8 "
                                "banks of 64 KiB (bank_aware_memtile matches)",
}


def profile_of(name: str) -> str:
    return "2026" if name.startswith(ONLY_2026) else "2025"


def test_the_corpus_has_at_least_25_modules_each_with_its_input():
    assert len(EXPECTED) >= 25
    for name in EXPECTED:
        assert (CORPUS / f"{name}.mlir").is_file(), name


@pytest.mark.parametrize("name", sorted(n for n, e in EXPECTED.items() if e["device"] in AIE1))
def test_an_aie1_module_is_refused_with_one_line(name):
    with pytest.raises(UserError, match="AIE1") as info:
        partitioner.read(CORPUS / f"{name}.mlir")
    assert "\n" not in str(info.value)


def _param(name: str):
    reason = OTHER_COMMIT.get(name)
    return pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=reason)) if reason else name


@pytest.mark.parametrize("name", [_param(n) for n in sorted(n for n, e in EXPECTED.items() if e["device"] not in AIE1)])
def test_module_matches_its_check_lines(name):
    want = EXPECTED[name]
    ev = partitioner.read(CORPUS / f"{name}.mlir", alloc_scheme=want.get("alloc_scheme", "default"),
                          mlir_aie=profile_of(name))
    problems = []
    errors = ev.errors
    if not any(p in want["passes"] for p in ("assign-buffer-addresses", "aiecc")):
        # The test runs the lowering alone: its verdict says nothing of addresses.
        # The newest allocator's words for a full tile are "could not be placed" (AIEAssignBuffers.cpp, search id
        # 68911127918, allocateTile), not "exceeded available memory".
        errors = [e for e in errors if not any(w in e for w in ("exceeded available memory", "data sections",
                                                                  "could not be placed"))]
    # The 2024 allocator appended the scheme (": Sequential", ": Bank aware"); later versions do not.
    wanted_error = want.get("error", "").removesuffix(": Sequential").removesuffix(": Bank aware")
    if want["verdict"] == "fits":
        if errors:
            problems.append(f"verdict: fits expected, the model says not: {errors[0].splitlines()[0]}")
    elif not errors:
        problems.append(f"verdict: {want['verdict']} expected ({want.get('error', '')}), the model says it fits")
    elif wanted_error and not any(wanted_error in e for e in errors):
        problems.append(f"error: {wanted_error!r} not among {[e.splitlines()[0] for e in errors]}")
    tiles = {tuple(t.tile): t for t in ev.tiles}
    for t in want.get("tiles", []):
        coord = tuple(t["tile"])
        got = tiles.get(coord)
        if got is None:
            problems.append(f"tile {coord}: not in the model's tiles {sorted(tiles)}")
            continue
        regions = {b["name"]: b for b in got.buffers}
        if STATIC in regions:  # mlir-aie's name for them: core_data_<col>_<row> (materializeCoreDataBuffers)
            regions.setdefault(f"core_data_{coord[0]}_{coord[1]}", regions[STATIC])
        for b in t.get("buffers", []):
            r = regions.get(b["name"])
            if r is None:
                problems.append(f"tile {coord}: buffer {b['name']} missing (model has {sorted(regions)})")
                continue
            if r["bytes"] != b["bytes"]:
                problems.append(f"tile {coord}: {b['name']} {r['bytes']} B, CHECK says {b['bytes']} B")
            if "address" in b and r["address"] != b["address"]:
                problems.append(f"tile {coord}: {b['name']} at {r['address']}, CHECK says {b['address']}")
        for key, label in (("locks", "locks"), ("bds", "BDs")):
            if key in t and getattr(got, key) != t[key]:
                problems.append(f"tile {coord}: {getattr(got, key)} {label}, CHECK says {t[key]}")
        for key in ("dma_in", "dma_out"):
            if key in t and getattr(got, key) != len(t[key]):
                problems.append(f"tile {coord}: {getattr(got, key)} {key} channels, CHECK says {len(t[key])}")
    assert not problems, f"{name} ({want['source']} @ {want['commit'][:8]}):\n" + "\n".join(problems)
