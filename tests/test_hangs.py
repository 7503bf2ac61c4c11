"""The hang checker (partitioner.hangs): each kind of hang found on a small design of tests/hangs/,
at the exact line of the op that sticks; no false alarm on the kept designs, on mlir-aie's own
designs of the conformance corpus, or on designs npu-tiler builds; its time on the largest kept design.
"""
from __future__ import annotations

import doctest
import importlib
import json
import tomllib
from pathlib import Path

import pytest
from builders import NPU_XRT, npu_xrt
from click.testing import CliRunner

import partitioner
from npu_tiler.cli import cli
from partitioner.errors import UserError
from partitioner.hangs import KINDS, check, draw_cycle, find_hangs
from partitioner.mlir import parse

ROOT = Path(__file__).resolve().parents[1]
HANGS = Path(__file__).parent / "hangs"
DESIGNS = sorted(p.parent for p in (ROOT / "designs").glob("*/aie.mlir"))
CORPUS = Path(__file__).parent / "conformance"

# Conformance modules on which the checker reports a hang that is real, with the reason. Nothing
# else in the corpus may raise one.
TRUE_FINDINGS = {
    # Lowering test: the consumer's loop acquires 3 and releases 1 per iteration; mlir-aie's static
    # lowering (the test's own CHECK lines) takes 3 + 1 + 1 + 1 lock units per unrolled trip of 4
    # and gives back 4, so the consumer runs out of fifo0 tokens. Checked under the static profile
    # its RUN line names (dynamic-objFifos=false, see _profile_of); the dynamic lowering keeps the held
    # count across the back edge and runs it (test_sliding_and_cyclostatic_windows_are_free).
    "cyclostatic_shared_mem": ["unbalanced-loop"],
    # Reconstructed IRON print test: the worker's body is empty, so nothing ever produces of1 or
    # iof2 and the sequence's awaits on them never complete.
    "iron_task_group_drain": ["starved-host-wait"],
}


# Designs of tests/hangs/ checked under a profile other than the one read from the file, and why.
PINNED = {
    # The loop acquires 1 object of in0 per trip and never releases one. The static lowering
    # (2025.06) re-acquires on every trip (program order, no back edge: cyclostatic_AIE2_sharedMem's
    # CHECK lines), so the consumer starves at the loop: the unbalanced-loop finding. Under the dynamic
    # lowering the held count crosses the back edge (acquire 1 while holding 1 takes nothing), the core
    # keeps one buffer for good and the hang shows only later, as the host's in0 transfers that never
    # complete (a starved-host-wait at the dma_memcpy_nd, test_unbalanced_loop_under_the_dynamic_lowering).
    "unbalanced_loop.mlir": "2025.06",
}


def _check(path: Path):
    """:func:`check` of a design of tests/hangs/ under the profile :data:`PINNED` names (if any)."""
    if path.name in PINNED:
        return check(partitioner.read(path, verify_sources=False, mlir_aie=PINNED[path.name]))
    return check(path)


def _profile_of(module: dict) -> str | None:
    """The static profile for a conformance module whose RUN line lowers ObjectFIFOs statically."""
    return "2025.06" if "dynamic-objFifos=false" in module.get("passes", "") else None


def _core_op(hang, actor: str):
    return next(s for s in hang.stuck if s.actor == actor and s.op.startswith(("aie.objectfifo.acquire",
                                                                               "aie.use_lock")))


def _line(path: Path, line: int) -> str:
    return path.read_text().splitlines()[line - 1]


# -- each kind of hang ------------------------------------------------------------------------------

def test_cycle_of_two_cores(tmp_path: Path):
    path = HANGS / "cycle.mlir"
    hangs = find_hangs(path)
    assert [h.kind for h in hangs] == ["cycle"]
    h = hangs[0]
    a, b = _core_op(h, "core (0,2)"), _core_op(h, "core (0,3)")
    assert (a.line, b.line) == (20, 35)
    assert a.location == f"{path}:20:14"
    assert "@fb(Consume, 1)" in _line(path, 20) and "@mid(Consume, 1)" in _line(path, 35)
    assert a.iteration == 0 and a.loops == (0,) and a.call == 1
    assert "needs 1 filled object(s), 0 available" in a.waits_for
    assert h.chain == ["core (0,2) waits on fb (Consume)", "core (0,3) waits on mid (Consume)", "core (0,2)"]
    assert " <- ".join(h.chain).startswith("core (0,2) waits on fb (Consume) <- core (0,3)")
    # the host's wait is stuck because of the cycle: listed with it, not as a hang of its own
    assert any(s.op == "aiex.npu.dma_wait" and s.line == 50 for s in h.stuck)
    png = draw_cycle(h, tmp_path / "cycle.png")
    assert png.read_bytes()[:4] == b"\x89PNG"


def test_cycle_on_hand_written_locks():
    path = HANGS / "lock_cycle.mlir"
    result = check(path)
    assert [h.kind for h in result.hangs] == ["cycle"]
    h = result.hangs[0]
    assert {(s.actor, s.line) for s in h.stuck} == {("core (0,2)", 15), ("core (0,3)", 25)}
    assert _core_op(h, "core (0,2)").waits_for == "lock lock_a: needs >= 1, value 0"
    assert h.chain == ["core (0,2) waits on lock lock_a", "core (0,3) waits on lock lock_b", "core (0,2)"]


def test_starved_host_wait():
    path = HANGS / "starved_host_wait.mlir"
    hangs = find_hangs(path)
    assert [h.kind for h in hangs] == ["starved-host-wait"]
    h = hangs[0]
    wait = next(s for s in h.stuck if s.actor == "host")
    assert (wait.op, wait.line, wait.call) == ("aiex.npu.dma_wait", 28, 1)
    assert "2 objects of 4 objects" in wait.waits_for
    core = _core_op(h, "core (0,2)")
    assert core.line == 15 and "@in0(Consume, 2)" in _line(path, 15)
    assert core.iteration == 2  # the third pass of the loop finds no input left
    assert "needs 2 filled object(s), 0 available" in core.waits_for
    assert h.chain[0] == "host waits on out0 (host transfer) (aiex.npu.dma_wait)"
    assert h.chain[-1].startswith("the runtime sequence sends nothing more on in0 (call 1 sent 4 objects")
    assert "2 objects of 4 objects arrive" in h.message


def test_missing_input():
    path = HANGS / "missing_input.mlir"
    hangs = find_hangs(path)
    assert [h.kind for h in hangs] == ["missing-input"]
    core = _core_op(hangs[0], "core (0,2)")
    assert core.line == 17 and "@in1(Consume, 1)" in _line(path, 17)
    assert core.iteration == 0
    assert hangs[0].chain[-1] == "the runtime sequence never sends on in1"


def test_missing_input_without_a_host_wait(tmp_path: Path):
    src = (HANGS / "missing_input.mlir").read_text().replace("      aiex.npu.dma_wait {symbol = @out0}\n", "")
    path = tmp_path / "no_wait.mlir"
    path.write_text(src)
    hangs = find_hangs(path)
    assert [h.kind for h in hangs] == ["missing-input"]
    assert ("core (0,2)", 17) in [(s.actor, s.line) for s in hangs[0].stuck]
    assert hangs[0].chain[-1] == "the runtime sequence never sends on in1"


def test_acquire_exceeds_pool():
    path = HANGS / "acquire_exceeds_pool.mlir"
    hangs = find_hangs(path)
    assert [h.kind for h in hangs] == ["acquire-exceeds-pool"]
    first = hangs[0].stuck[0]
    assert (first.op, first.line, first.actor) == ("aie.objectfifo.acquire", 31, "core (0,3)")
    assert "@mid(Consume, 3)" in _line(path, 31)
    assert first.waits_for == "mid (Consume): needs 3 objects at once, the pool holds 2"
    assert first.iteration == 0 and first.call == 1
    # its consequence: the producer fills the pool and waits on the consumer, which waits on it
    assert hangs[0].chain == ["core (0,2) waits on mid (Produce)", "core (0,3) waits on mid (Consume)", "core (0,2)"]


def test_unbalanced_loop():
    path = HANGS / "unbalanced_loop.mlir"
    hangs = _check(path).hangs
    assert [h.kind for h in hangs] == ["unbalanced-loop"]
    loop = hangs[0].stuck[0]
    assert (loop.op, loop.line) == ("scf.for", 14)
    assert f"{path}:14:7" in hangs[0].message
    assert "takes 1 lock unit(s) of in0 (Consume) and gives back 0" in hangs[0].message
    stuck = _core_op(hangs[0], "core (0,2)")
    assert (stuck.line, stuck.iteration) == (15, 2)  # the consumer end holds 2 buffers


def test_drift_caught_in_a_later_call():
    """A core that consumes one input per call too few: call 1 completes, the leftovers pile up."""
    path = HANGS / "drift.mlir"
    result = check(path)
    assert [h.kind for h in result.hangs] == ["starved-host-wait"]
    h = result.hangs[0]
    host = next(s for s in h.stuck if s.actor == "host")
    assert (host.op, host.line) == ("aiex.npu.dma_memcpy_nd", 35)
    assert host.call >= 2 and result.calls == host.call
    assert "does not return to its start" in h.message and "1 object more of in0 untaken" in h.message


def test_every_kind_has_a_test_design():
    found = {h.kind for p in HANGS.glob("*.mlir") for h in _check(p).hangs}
    assert found == set(KINDS)


# -- the report -------------------------------------------------------------------------------------

def test_json_and_result():
    result = check(HANGS / "cycle.mlir")
    data = json.loads(json.dumps(result.as_json()))
    assert sorted(data) == ["calls", "hangs", "notes", "proved", "source"]
    assert data["proved"] is False
    hang = data["hangs"][0]
    assert sorted(hang) == ["chain", "edges", "kind", "message", "stuck"]
    assert sorted(hang["stuck"][0]) == ["actor", "call", "iteration", "location", "loops", "op", "waits_for"]
    assert "\n" not in hang["message"]


def test_draw_needs_edges(tmp_path: Path):
    from partitioner.hangs import Hang

    with pytest.raises(ValueError):
        draw_cycle(Hang("unbalanced-loop", "m", [], []), tmp_path / "x.png")


def test_an_evaluation_without_a_file():
    ev = partitioner.partition(batch=100, tiles=4)
    result = check(ev)
    assert result.hangs == [] and result.proved
    assert result.source.endswith("aie.mlir (emitted)")
    assert check(ev, locations=False).proved


def test_not_a_design(tmp_path: Path):
    bad = tmp_path / "bad.mlir"
    bad.write_text("module {\n  aie.device(npu1) {\n    %t = aie.tile(0, 2\n  }\n}\n")
    with pytest.raises(UserError):
        find_hangs(bad)
    with pytest.raises(TypeError):
        find_hangs(42)


# -- no false alarm ---------------------------------------------------------------------------------

@pytest.mark.parametrize("folder", DESIGNS, ids=lambda p: p.name)
def test_no_false_alarm_on_kept_designs(folder: Path):
    result = check(folder)
    assert result.hangs == [], [h.message for h in result.hangs]
    assert result.proved and result.calls == 2  # two calls end in the same state


def _corpus_modules() -> list[tuple[str, dict]]:
    table = tomllib.loads((CORPUS / "expected.toml").read_text())["modules"]
    return [(name, m) for name, m in table.items() if m.get("verdict") == "fits" and m.get("device") != "xcvc1902"]


@pytest.mark.parametrize("name,module", _corpus_modules(), ids=[n for n, _ in _corpus_modules()])
def test_no_false_alarm_on_the_conformance_corpus(name: str, module: dict):
    # every module whose CHECK lines say it fits is read (a UserError fails the test, as a refusal would be wrong)
    ev = partitioner.read(CORPUS / f"{name}.mlir", verify_sources=False, mlir_aie=_profile_of(module))
    result = check(ev)
    assert [h.kind for h in result.hangs] == TRUE_FINDINGS.get(name, []), [h.message for h in result.hangs]


def test_a_design_built_to_run_once_is_checked_for_one_call():
    """Hand-written mem-tile buffers sent once (their locks never given back): one call, which completes."""
    path = CORPUS / "xrt_two_memtiles_physical.mlir"
    try:
        partitioner.read(path, verify_sources=False)
    except UserError as err:
        pytest.skip(f"does not parse here: {err}")
    result = check(path)
    assert result.hangs == [] and result.calls == 1 and result.proved
    assert any("in2_mem_cons_lock's 1 initial token(s) are taken and never given back" in n for n in result.notes)


@pytest.mark.parametrize("options", [
    dict(strategy="single", batch=20, tiles=1, depth=1),
    dict(strategy="split", batch=48, tiles=4, object_frames=1),
    dict(strategy="split", batch=100, tiles=8, frame_mode="dma-framed"),
    dict(strategy="split", batch=100, tiles=5, frame_mode="streamed", depth=1),
    dict(strategy="pipeline", batch=100, tiles=2, object_frames=10),
    dict(strategy="hybrid", batch=100, tiles=8, object_frames=5, depth=1),
], ids=lambda o: "-".join(str(v) for v in o.values()))
def test_no_false_alarm_on_built_designs(options: dict):
    result = check(partitioner.partition(**options, suggest=False), locations=False)
    assert result.hangs == [] and result.proved, [h.message for h in result.hangs]


def test_the_largest_kept_design_is_proved():
    # how fast: benchmarks/bench_reading.py (target < 1 s)
    largest = max(DESIGNS, key=lambda p: (p / "aie.mlir").stat().st_size)
    assert check(largest).proved


# -- docstrings -------------------------------------------------------------------------------------

@pytest.mark.parametrize("module", ["partitioner.hangs", "partitioner.hangs.build", "partitioner.hangs.model",
                                    "partitioner.hangs.execute", "partitioner.hangs.report",
                                    "partitioner.hangs.static", "partitioner.hangs.diagnose",
                                    "partitioner.mlir.parse", "partitioner.mlir.index"])
def test_examples_run(module: str):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


# -- one parse ---------------------------------------------------------------------------------------

@pytest.fixture
def parser_constructions(monkeypatch):
    """Counts constructions of the one parser class (partitioner.mlir.parse._Parser)."""
    made: list[str] = []
    init = parse._Parser.__init__

    def counting(self, ctx, text, name):
        made.append(name)
        init(self, ctx, text, name)

    monkeypatch.setattr(parse._Parser, "__init__", counting)
    return made


def test_a_check_parses_its_file_once(parser_constructions):
    path = ROOT / "designs" / "batch100_hybrid"
    result = check(path)
    assert result.proved and parser_constructions == [str(path / "aie.mlir")]


def test_the_check_command_parses_its_file_once(parser_constructions):
    path = HANGS / "cycle.mlir"
    r = CliRunner().invoke(cli, ["check", str(path)])
    assert r.exit_code == 1 and "cycle" in r.output, r.output
    assert parser_constructions == [str(path)]


def test_a_built_design_is_checked_without_parsing(parser_constructions):
    ev = partitioner.partition(batch=100, tiles=4)
    assert check(ev).proved and check(ev, locations=False).proved
    assert parser_constructions == []
    assert ev.ir is not None and ev.ir.positions  # the emitter's module, positioned while printed once


# -- acquire semantics per ObjectFIFO lowering (issue 20 item 3) -------------------------------------
# ../shared/docs/npu1-facts.md section 12, row "An acquire names the total number of objects held".
FREE = HANGS / "free"


# npu1-facts.md section 12, row 1: An acquire names the total number of objects held
@pytest.mark.parametrize("name", ["sliding_window.mlir", "cyclostatic_in_loop.mlir"])
def test_sliding_and_cyclostatic_windows_are_free(name: str):
    # sliding_window: mlir-aie test/objectFifo-stateful-transform/dynamic_lowering/
    # sliding_window_held_count.mlir @ 2fab0e3d; cyclostatic_in_loop: dynamic_cyclostatic_acquire_in_loop.mlir
    # (regression for mlir-aie issue #2463, IRON's objectfifo_cyclostatic_acquire_in_loop)
    path = FREE / name
    result = check(path)  # the default profile: dynamic lowering
    assert partitioner.read(path, verify_sources=False).profile.objectfifo_lowering == "dynamic"
    assert result.hangs == [] and result.proved and result.calls == 2, result.notes
    newest = check(partitioner.read(path, verify_sources=False, mlir_aie="2026.08"))
    assert newest.hangs == [] and newest.proved


@pytest.mark.parametrize("name", ["sliding_window.mlir", "cyclostatic_in_loop.mlir"])
def test_the_static_lowering_re_acquires_on_every_trip(name: str):
    # 2025.06 lowers statically: held counts in program order, the back edge not followed
    # (cyclostatic_AIE2_sharedMem.mlir @ 08c556e3's CHECK lines), so the window's inner loop drifts
    path = FREE / name
    hangs = check(partitioner.read(path, verify_sources=False, mlir_aie="2025.06")).hangs
    assert [h.kind for h in hangs] == ["unbalanced-loop"]
    assert (hangs[0].stuck[0].op, hangs[0].stuck[0].line) == ("scf.for", 20)


def test_unbalanced_loop_under_the_dynamic_lowering():
    # PINNED's reason: with the held count carried across the back edge the loop keeps one buffer of in0
    # and never blocks; the host's in0 transfers stop completing instead, found in a later call
    path = HANGS / "unbalanced_loop.mlir"
    result = check(path)
    assert [h.kind for h in result.hangs] == ["starved-host-wait"]
    host = next(s for s in result.hangs[0].stuck if s.actor == "host")
    assert (host.op, host.line) == ("aiex.npu.dma_memcpy_nd", 26) and host.call >= 2


# -- what is not modelled makes the answer "not proved" (issue 20 item 2) ------------------------------

def test_an_unknown_core_op_makes_the_answer_not_proved(tmp_path: Path):
    # aie.put_cascade in a core moves data the model does not follow: never "free", never "hangs"
    text = (HANGS / "unbalanced_loop.mlir").read_text().replace(
        "        aie.objectfifo.release @out0(Produce, 1)\n",
        "        aie.objectfifo.release @out0(Produce, 1)\n        aie.objectfifo.release @in0(Consume, 1)\n"
        "        %v = arith.constant 1 : i32\n        aie.put_cascade(%v : i32)\n")
    path = tmp_path / "cascade.mlir"
    path.write_text(text)
    result = check(path)
    line = next(i + 1 for i, t in enumerate(text.splitlines()) if "aie.put_cascade" in t)
    assert result.hangs == [] and not result.proved
    assert any(f"cascade.mlir:{line}:" in n and "aie.put_cascade moves data or locks" in n for n in result.notes)


def test_a_branch_around_releases_is_not_a_hang(tmp_path: Path):
    # the releases sit inside an scf.if: the core stops there (not modelled), and the host's wait on what
    # it would release is not reported as a hang
    text = (HANGS / "unbalanced_loop.mlir").read_text().replace(
        "        aie.objectfifo.release @out0(Produce, 1)\n",
        "        %t = arith.constant true\n        scf.if %t {\n"
        "          aie.objectfifo.release @out0(Produce, 1)\n          aie.objectfifo.release @in0(Consume, 1)\n"
        "        }\n")
    path = tmp_path / "branch.mlir"
    path.write_text(text)
    result = check(path)
    assert result.hangs == [] and not result.proved


def test_a_loop_that_releases_more_than_it_holds_drifts_under_the_dynamic_lowering(tmp_path: Path):
    # acquire 1, release 2 per trip: the held count goes below zero on the first trip, whatever the lowering
    text = (HANGS / "unbalanced_loop.mlir").read_text().replace(
        "        aie.objectfifo.release @out0(Produce, 1)\n",
        "        aie.objectfifo.release @out0(Produce, 1)\n        aie.objectfifo.release @in0(Consume, 2)\n")
    path = tmp_path / "over_release.mlir"
    path.write_text(text)
    hangs = check(path).hangs
    assert [h.kind for h in hangs] == ["unbalanced-loop"] and (hangs[0].stuck[0].op, hangs[0].stuck[0].line) == \
        ("scf.for", 14)
    assert "gives back 2 lock unit(s) of in0 (Consume) but takes 1" in hangs[0].message


# -- loops in the forms mlir-aie's hardware tests write ------------------------------------------------

@pytest.mark.parametrize("name", ["objectfifo_core_while_true__aie.mlir", "objectfifo_core_nested_while__aie.mlir",
                                  "add_256_using_dma_op_no_double_buffering__aie.mlir",
                                  "objectfifo_core_while_nested_if__aie.mlir"])
def test_while_true_and_affine_loops_are_followed(name: str, tmp_path: Path):
    # scf.while on a constant true is while (true); affine.for with constant bounds counts its trips
    # (mlir-aie test/npu-xrt designs, run on hardware: they complete; NPUDEVICE read as npu1)
    result = check(npu_xrt(name, tmp_path))
    assert result.hangs == [] and result.proved, result.notes


def test_a_while_true_carrying_a_value_is_followed_to_its_acquires(tmp_path: Path):
    # scf.while (%odd = %false) { scf.condition(%true) %odd } is still while (true)
    # (objectfifo_core_while_nested_if): inside it, an acquire of 3 objects from a shared-memory FIFO of
    # depth 2 (as tests/hangs/acquire_exceeds_pool.mlir) is found at its line
    path = tmp_path / "d.mlir"
    path.write_text("""module {
  aie.device(npu1_1col) {
    %t02 = aie.tile(0, 2)
    %t03 = aie.tile(0, 3)
    aie.objectfifo @mid(%t02, {%t03}, 2 : i32) : !aie.objectfifo<memref<16xi32>>
    aie.core(%t03) {
      %true = arith.constant true
      %false = arith.constant false
      %r = scf.while (%odd = %false) : (i1) -> i1 {
        scf.condition(%true) %odd : i1
      } do {
      ^bb0(%odd : i1):
        %m = aie.objectfifo.acquire @mid(Consume, 3) : !aie.objectfifosubview<memref<16xi32>>
        aie.objectfifo.release @mid(Consume, 3)
        %next = arith.xori %odd, %true : i1
        scf.yield %next : i1
      }
      aie.end
    }
  }
}
""")
    hangs = find_hangs(path)
    assert [h.kind for h in hangs] == ["acquire-exceeds-pool"]
    assert hangs[0].stuck[0].line == 13 and "@mid(Consume, 3)" in _line(path, 13)


@pytest.mark.parametrize("name", ["memtile_dmas__dma_configure_task_lock__aie.mlir",
                                  "core_dmas__dma_configure_task_token__aie.mlir",
                                  "tile_dmas__dma_configure_task__aie.mlir"])
def test_tasks_on_a_tiles_own_channel_run_their_chains(name: str, tmp_path: Path):
    # dma_configure_task on a mem or compute tile: started by the sequence, its BD chain (locks and all)
    # runs to its end; awaiting it waits for that
    result = check(npu_xrt(name, tmp_path))
    assert result.hangs == [] and result.proved, result.notes


def test_a_kernel_given_locks_is_not_followed(tmp_path: Path):
    # lock_pass_to_c passes its aie.lock values to the kernel, which acquires and releases them: not a hang
    result = check(npu_xrt("lock_pass_to_c__aie.mlir", tmp_path))
    assert result.hangs == [] and not result.proved
    assert any("@scale_with_locks given locks" in n and "not proved" in n for n in result.notes)


def test_packet_flows_that_carry_data_make_the_answer_not_proved(tmp_path: Path):
    # a packet flow between DMA channels is not modelled; the task-completion-token route (TileControl to
    # South) moves no data and leaves dma_queue_overflow proved
    fanin = check(npu_xrt("packet_flow_fanin__aie.mlir", tmp_path))
    assert fanin.hangs == [] and not fanin.proved
    assert any("aie.packet_flow moves data or locks" in n for n in fanin.notes)
    tct = check(npu_xrt("dma_queue_overflow__aie.mlir", tmp_path))
    assert tct.hangs == [] and tct.proved, tct.notes


def test_initial_values_nothing_refills_are_a_single_run(tmp_path: Path):
    # vec_vec_add_objfifo_init's mem-tile FIFO sends its initial values once: one call is checked, not a hang
    result = check(npu_xrt("vec_vec_add_objfifo_init__aie2.mlir", tmp_path))
    assert result.hangs == [] and result.proved and result.calls == 1
    assert any("initial object(s) are sent once" in n for n in result.notes)


# -- packet flows: the one packet flow of a device, whose route is unambiguous, is a connection ---------
# Core (0,2)'s DMA sends its 8-word buffer once, in packets of ID 1 (the BD's header), over packet flow 1
# to the shim's S2MM 0; the host asks for WORDS words and waits. HEADER is the BD's packet header; EXTRA
# any further device-level op.
PACKET_SEND = """module {
  aie.device(npu1_1col) {
    %t00 = aie.tile(0, 0)
    %t02 = aie.tile(0, 2)
    %full = aie.lock(%t02, 0) {init = 1 : i32, sym_name = "full"}
    %buf = aie.buffer(%t02) {sym_name = "buf"} : memref<8xi32>
    aie.packet_flow(1) {
      aie.packet_source<%t02, DMA : 0>
      aie.packet_dest<%t00, DMA : 0>
    }
    EXTRA
    %m = aie.mem(%t02) {
      %0 = aie.dma_start(MM2S, 0, ^bb1, ^bb2)
    ^bb1:
      aie.use_lock(%full, AcquireGreaterEqual, 1)
      aie.dma_bd(%buf : memref<8xi32> offset = 0 len = 8) {packet = #aie.packet_info<pkt_type = 0, pkt_id = HEADER>}
      aie.next_bd ^bb2
    ^bb2:
      aie.end
    }
    aie.shim_dma_allocation @out0(S2MM, 0, 0)
    aiex.runtime_sequence(%a: memref<16xi32>) {
      %c0 = arith.constant 0 : i64
      %c1 = arith.constant 1 : i64
      %cw = arith.constant WORDS : i64
      aiex.npu.dma_memcpy_nd(%a[%c0, %c0, %c0, %c0] [%c1, %c1, %c1, %cw] [%c0, %c0, %c0, %c1]) {id = 0 : i64, issue_token = true, metadata = @out0} : memref<16xi32>
      aiex.npu.dma_wait {symbol = @out0}
    }
  }
}
"""


def _packet_send(tmp_path: Path, words: int = 8, header: int = 1, extra: str = ""):
    path = tmp_path / "packet.mlir"
    path.write_text(PACKET_SEND.replace("WORDS", str(words)).replace("HEADER", str(header)).replace("EXTRA", extra))
    return path, check(path)


def test_a_lone_packet_flow_is_followed_as_a_connection(tmp_path: Path):
    # one source, one destination, both DMA channels no aie.flow uses, the BD's header names the flow's ID:
    # the 8 words reach the host (as test/npu-xrt/minimal_tile_send_spike, run on hardware)
    _, result = _packet_send(tmp_path)
    assert result.hangs == [] and result.proved, result.notes
    assert not any("aie.packet_flow" in n for n in result.notes)


def test_a_host_wait_a_packet_flow_cannot_fill_is_found_at_its_line(tmp_path: Path):
    # the host asks for 16 words, the chain sends 8 and ends: the wait never completes
    path, result = _packet_send(tmp_path, words=16)
    assert [h.kind for h in result.hangs] == ["starved-host-wait"]
    wait = next(s for s in result.hangs[0].stuck if s.actor == "host")
    assert wait.op == "aiex.npu.dma_wait" and "aiex.npu.dma_wait" in _line(path, wait.line)


def test_a_packet_flow_whose_sender_uses_another_id_is_not_followed(tmp_path: Path):
    # the BD's header says packet 2, the flow routes packet 1: where the words go is not this model's
    _, result = _packet_send(tmp_path, header=2)
    assert result.hangs == [] and not result.proved
    assert any("aie.packet_flow moves data or locks and is not modelled" in n for n in result.notes)


def test_two_packet_flows_may_share_an_arbiter_and_are_not_followed(tmp_path: Path):
    # a second packet flow (between two channels nothing drives) may share a stream-switch arbiter with the
    # first (mlir-aie PR #3702): a stalled packet holds it, so neither is followed
    second = "%t03 = aie.tile(0, 3)\n    aie.packet_flow(2) {\n      aie.packet_source<%t03, DMA : 0>\n" \
             "      aie.packet_dest<%t03, DMA : 1>\n    }"
    _, result = _packet_send(tmp_path, extra=second)
    assert result.hangs == [] and not result.proved
    assert any("2 packet flows may share a stream-switch arbiter" in n for n in result.notes), result.notes


# The devices below pass objects from shim (0,0) through core (0,2) back to the shim: @in0 and @out0 hold
# DEPTH objects of 16 x i32, and the core takes one of each and gives both back (PASS_ONCE), or does so
# in an endless loop (PASS_ENDLESS).
PASS_HEAD = """    %t00 = aie.tile(0, 0)
    %t02 = aie.tile(0, 2)
    aie.objectfifo @in0(%t00, {%t02}, DEPTH : i32) : !aie.objectfifo<memref<16xi32>>
    aie.objectfifo @out0(%t02, {%t00}, DEPTH : i32) : !aie.objectfifo<memref<16xi32>>
    aie.core(%t02) {
"""
PASS_ONCE = PASS_HEAD + """      %a = aie.objectfifo.acquire @in0(Consume, 1) : !aie.objectfifosubview<memref<16xi32>>
      %b = aie.objectfifo.acquire @out0(Produce, 1) : !aie.objectfifosubview<memref<16xi32>>
      aie.objectfifo.release @in0(Consume, 1)
      aie.objectfifo.release @out0(Produce, 1)
      aie.end
    }
"""
PASS_ENDLESS = PASS_HEAD + """      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %c_endless = arith.constant 9223372036854775807 : index
      scf.for %i = %c0 to %c_endless step %c1 {
        %a = aie.objectfifo.acquire @in0(Consume, 1) : !aie.objectfifosubview<memref<16xi32>>
        %b = aie.objectfifo.acquire @out0(Produce, 1) : !aie.objectfifosubview<memref<16xi32>>
        aie.objectfifo.release @in0(Consume, 1)
        aie.objectfifo.release @out0(Produce, 1)
      }
      aie.end
    }
"""
# A launched device's own sequence NAME: 16 words in on @in0, 16 out on @out0, and the wait for them.
SEQUENCE_16 = """    aie.runtime_sequence @NAME(%a: memref<64xi32>) {
      %c0 = arith.constant 0 : i64
      %c1 = arith.constant 1 : i64
      %c16 = arith.constant 16 : i64
      aiex.npu.dma_memcpy_nd(%a[%c0, %c0, %c0, %c0] [%c1, %c1, %c1, %c16] [%c0, %c0, %c0, %c1]) {id = 0 : i64, metadata = @in0} : memref<64xi32>
      aiex.npu.dma_memcpy_nd(%a[%c0, %c0, %c0, %c0] [%c1, %c1, %c1, %c16] [%c0, %c0, %c0, %c1]) {id = 1 : i64, metadata = @out0, issue_token = true} : memref<64xi32>
      aiex.npu.dma_wait {symbol = @out0}
    }
"""


# -- a runtime sequence that first reloads its own device's configuration --------------------------------
# (test/npu-xrt/ctrl_packet_reconfig_1x4_cores: `aiex.configure @main { ... }` inside @main's own sequence,
# or `aiex.npu.configure` first): the body runs in its place, and every call starts from the initial state.
RELOAD = """module {
  aie.device(npu1_1col) @main {
""" + PASS_ENDLESS.replace("DEPTH", "2") + """    aiex.runtime_sequence @run(%a: memref<64xi32>, %b: memref<64xi32>) {
      %c0 = arith.constant 0 : i64
      %c1 = arith.constant 1 : i64
      %c32 = arith.constant 32 : i64
      %cw = arith.constant WORDS : i64
      aiex.configure @main {
        aiex.npu.dma_memcpy_nd(%a[%c0, %c0, %c0, %c0] [%c1, %c1, %c1, %c32] [%c0, %c0, %c0, %c1]) {id = 0 : i64, metadata = @in0} : memref<64xi32>
        aiex.npu.dma_memcpy_nd(%b[%c0, %c0, %c0, %c0] [%c1, %c1, %c1, %cw] [%c0, %c0, %c0, %c1]) {id = 1 : i64, metadata = @out0, issue_token = true} : memref<64xi32>
        aiex.npu.dma_wait {symbol = @out0}
      }
    }
  }
}
"""


def test_a_sequence_that_reloads_its_own_design_runs_its_body_once_per_call(tmp_path: Path):
    path = tmp_path / "reload.mlir"
    path.write_text(RELOAD.replace("WORDS", "32"))
    result = check(path)
    assert result.hangs == [] and result.proved and result.calls == 1, result.notes
    assert any("reloads the design's own configuration first" in n for n in result.notes)


def test_a_wait_inside_a_reload_that_cannot_complete_is_found_at_its_line(tmp_path: Path):
    # 32 words go in, the host waits for 48 out: the wait in the configure body never completes
    path = tmp_path / "reload.mlir"
    path.write_text(RELOAD.replace("WORDS", "48"))
    hangs = find_hangs(path)
    assert [h.kind for h in hangs] == ["starved-host-wait"]
    wait = next(s for s in hangs[0].stuck if s.actor == "host")
    assert wait.op == "aiex.npu.dma_wait" and wait.line == 27 and "aiex.npu.dma_wait" in _line(path, 27)


@pytest.mark.parametrize("name", ["ctrl_packet_reconfig_1x4_cores__aie.mlir", "ctrl_packet_reconfig_1x4_cores__aie2.mlir"])
def test_hardware_designs_that_reload_their_configuration_are_proved(name: str, tmp_path: Path):
    # run on hardware in mlir-aie's CI; their one packet flow (shim to mem tile, packet 0) is followed too
    path = npu_xrt(name, tmp_path)
    ev = partitioner.read(path, verify_sources=False, device="main" if "__aie.mlir" in name else None)
    result = check(ev)
    assert result.hangs == [] and result.proved, result.notes


# -- a device that only launches others (aiex.configure + aiex.run, test/npu-xrt/reconfigure) ------------
# @once's core passes one object through and ends: it serves one run of its sequence. @main launches it
# RUNS times under one configure (no reload between: the state goes on), then @other once.
LAUNCH = """module {
  aie.device(npu1_1col) @main {
    aie.runtime_sequence @sequence(%arg : memref<64xi32>) {
      aiex.configure @once {
        RUNS
      }
      aiex.configure @other {
        aiex.run @other_sequence (%arg) : (memref<64xi32>)
      }
    }
  }
  aie.device(npu1_1col) @once {
""" + PASS_ONCE.replace("DEPTH", "1") + SEQUENCE_16.replace("NAME", "once_sequence") + """  }
  aie.device(npu1_1col) @other {
""" + PASS_ENDLESS.replace("DEPTH", "1") + SEQUENCE_16.replace("NAME", "other_sequence") + """  }
}
"""
RUN = "aiex.run @once_sequence (%arg) : (memref<64xi32>)"


def _launch(tmp_path: Path, launched: int, device: str = "main", **kw):
    path = tmp_path / "launch.mlir"
    path.write_text(LAUNCH.replace("RUNS", "\n        ".join([RUN] * launched)))
    return path, check(partitioner.read(path, verify_sources=False, device=device), **kw)


def test_a_launcher_is_free_when_each_device_it_launches_is_free_for_its_runs(tmp_path: Path):
    _, result = _launch(tmp_path, 1)
    assert result.hangs == [] and result.proved, result.notes
    assert "launched device @once is proved free for its 1 run(s) between reloads" in result.notes


def test_a_launcher_that_runs_a_run_once_design_twice_is_not_proved(tmp_path: Path):
    # @once's core ends after one object: a second run without a reload waits for an object that never
    # comes. The launcher is not proved; @once checked for 2 runs shows the hang at its dma_wait.
    path, result = _launch(tmp_path, 2)
    assert result.hangs == [] and not result.proved
    assert any("launched device @once is not proved free for the runs it gets (2)" in n for n in result.notes)
    _, twice = _launch(tmp_path, 2, device="once", runs=2)
    assert [h.kind for h in twice.hangs] == ["starved-host-wait"]
    wait = next(s for s in twice.hangs[0].stuck if s.actor == "host")
    assert wait.call == 2 and "aiex.npu.dma_wait" in _line(path, wait.line)


@pytest.mark.parametrize("name", ["reconfigure__aie.mlir", "reconfigure_loadpdi__aie.mlir"])
def test_hardware_launchers_are_proved(name: str):
    # run on hardware in mlir-aie's CI: @main loads @add_two (2 runs), then @add_three (2 runs)
    result = check(partitioner.read(NPU_XRT / name, verify_sources=False, device="main"))
    assert result.hangs == [] and result.proved, result.notes


def test_branches_between_blocks_that_move_no_token_are_free(tmp_path: Path):
    # conditional_buffer_selection (mlir-aie test/npu-xrt, run on hardware): cf.cond_br between blocks that
    # only pick a buffer and call a kernel: no acquire, release or lock use anywhere, so no token moves
    name = "conditional_buffer_selection__conditional_buffer_selection.mlir"
    text = (NPU_XRT / name).read_text()
    result = check(NPU_XRT / name)
    assert result.hangs == [] and result.proved, result.notes
    # a lock use in one branch: which way the branch goes now matters, and it is not followed
    path = tmp_path / name
    path.write_text(text.replace("%tile_0_2 = aie.tile(0, 2) {controller_id = #aie.packet_info<pkt_type = 0, pkt_id = 27>}",
                                 "%tile_0_2 = aie.tile(0, 2) {controller_id = #aie.packet_info<pkt_type = 0, pkt_id = 27>}\n"
                                 "    %l = aie.lock(%tile_0_2, 0) {init = 0 : i32, sym_name = \"l\"}")
                    .replace("      cf.br ^bb5(%buf_a : memref<64x32xf32>)",
                             "      aie.use_lock(%l, AcquireGreaterEqual, 1)\n      cf.br ^bb5(%buf_a : memref<64x32xf32>)"))
    result = check(path)
    assert result.hangs == [] and not result.proved
    assert any("a core body with branches between blocks is not modelled" in n for n in result.notes), result.notes
