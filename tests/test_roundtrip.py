"""One Design: partition -> emit -> read gives back the Design the partitioner built, field by field,
and the same evaluation (resources, verdict, errors)."""
from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partitioner
from partitioner.design import Options
from partitioner.emitters import CANONICAL, DESIGNS_DIR, canonical_evaluation
from partitioner.errors import UserError

# Design.notes are free text for the README (why a kept design exists), not structure: aie.mlir
# does not carry them, so they are the one field a read-back Design does not have.
NOT_IN_THE_IR = {"notes"}


def differences(a, b, path: str = "design") -> list[str]:
    """Every field path where ``a`` and ``b`` differ, recursing through dataclasses, lists and dicts."""
    if dataclasses.is_dataclass(a) and type(a) is type(b):
        return [d for f in dataclasses.fields(a) if f.name not in NOT_IN_THE_IR
                for d in differences(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")]
    if isinstance(a, (list, tuple)) and type(a) is type(b) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}[{i}]")]
    if isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys():
        return [d for k in a for d in differences(a[k], b[k], f"{path}[{k!r}]")]
    return [] if a == b else [f"{path}: {a!r} != {b!r}"]


def test_differences_sees_a_changed_field():
    ev = partitioner.partition(batch=100, tiles=4)
    other = partitioner.partition(batch=100, tiles=4)
    other.design.workers[2].object_frames = 5
    assert differences(ev.design, other.design) == ["design.workers[2].object_frames: 25 != 5"]


FORMS = ("aie.mlir", "aie.generic.mlir")  # mlir-aie's custom syntax, and MLIR's generic form as aie-opt prints it


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("c", CANONICAL, ids=lambda c: c.name)
def test_every_kept_design_reads_back_to_the_partitioners_design(c, form):
    built = canonical_evaluation(c)
    read = partitioner.read(DESIGNS_DIR / c.name / form)
    assert differences(built.design, read.design) == []
    assert read.as_json() == built.as_json()


@st.composite
def options(draw) -> Options:
    strategy = draw(st.sampled_from(["single", "split", "pipeline", "hybrid"]))
    tiles = {"single": 1, "pipeline": 2}.get(strategy) or draw(st.sampled_from([2, 4, 8] if strategy == "split"
                                                                                else [4, 8]))
    chains = {"single": 1, "split": tiles, "pipeline": 1, "hybrid": tiles // 2}[strategy]
    per_chain = draw(st.sampled_from([1, 2, 5, 10, 20]))
    object_frames = draw(st.sampled_from([None, 1, per_chain]))
    return Options(strategy=strategy, tiles=tiles, batch=chains * per_chain, object_frames=object_frames,
                   depth=draw(st.sampled_from([None, 1, 2])),
                   frame_mode=draw(st.sampled_from(["framed", "dma-framed", "streamed"])),
                   alloc_scheme=draw(st.sampled_from(["basic-sequential", "bank-aware"])),
                   mlir_aie=draw(st.sampled_from(["2025", "2026"])))


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(options())
def test_emit_then_read_gives_the_same_design_and_evaluation(o: Options):
    try:
        built = partitioner.partition(o, suggest=False)
    except UserError:
        return  # options no design can be built from: nothing to emit
    with tempfile.TemporaryDirectory() as tmp:
        folder = partitioner.emit(built, Path(tmp) / "d", force=True)
        reads = [partitioner.read(folder / form) for form in FORMS]
    for read in reads:
        assert differences(built.design, read.design) == []
        assert read.as_json() == built.as_json() and read.errors == built.errors
