"""The kernel cycle model: per-stage operation counts x per-class AIE2 costs, as bands, under two profiles;
the program-memory check; calibration of the per-class costs."""
from __future__ import annotations

import dataclasses
import shutil
import tomllib

import numpy as np
import pytest

from partitioner import check, kernel_spec
from partitioner import emitters as em
from partitioner.check import evaluate, evaluate_options
from partitioner.design import Options
from partitioner.kernel_spec import OP_CLASSES
from partitioner.params import timing as load_params
from partitioner.strategies import make_design
from reports import seed_table
from runner import calibrate
from runner.results import RunRecord
from kernels.mel_tools import measure
from sim import timing

SPEC = kernel_spec.load("mel")
PROFILES = kernel_spec.profile_names()
KERNEL_STAGES = ("window", "fft", "split_power", "mel", "log")
needs_proxy = pytest.mark.skipif(
    any(shutil.which(t) is None for t in (measure.PROXY32_CC, "qemu-arm", measure.PROXY32_CC.replace("gcc", "addr2line"))),
    reason=f"{measure.PROXY32_CC}, arm-linux-gnueabi-addr2line or qemu-arm not installed (apt-get install "
           f"gcc-arm-linux-gnueabi qemu-user; .ci/run installs them): cannot count the 32-bit proxy")


def test_both_profiles_exist_and_the_vector_one_says_it_is_a_projection():
    assert PROFILES[0] == "scalar" and "aie2-vector" in PROFILES
    vector = kernel_spec.cost_profile("aie2-vector")
    assert vector.projected and "projected" in vector.label
    assert not kernel_spec.cost_profile("scalar").projected


def test_every_cost_names_its_source():
    for name in PROFILES:
        p = kernel_spec.cost_profile(name)
        assert p.sources and all(src.strip() for src in p.sources.values()), name


@pytest.mark.parametrize("profile", PROFILES)
def test_every_band_has_low_at_most_high(profile):
    for e in SPEC.entries.values():
        stages = SPEC.stage_bands(e.name, profile)
        assert stages, e.name
        for stage, band in stages.items():
            assert 0 < band.low <= band.high, (e.name, stage, band)
        total = SPEC.cycle_band(e.name, profile)
        assert total.low <= total.high
        assert total.high == pytest.approx(sum(b.high for b in stages.values()))


def test_the_fused_entry_has_the_five_stages_and_the_pipeline_splits_them():
    assert list(SPEC.ops_per_frame["mel_frames"]) == ["entry", *KERNEL_STAGES]
    assert set(SPEC.ops_per_frame["mel_spectrum"]) == {"entry", "window", "fft", "split_power"}
    assert set(SPEC.ops_per_frame["mel_logmel"]) == {"entry", "mel", "log"}
    assert "state" in SPEC.ops_per_frame["mel_hops"]  # the hop entries also shift their state
    for stage in KERNEL_STAGES:  # a stage costs the same wherever it runs
        owner = "mel_spectrum" if stage in ("window", "fft", "split_power") else "mel_logmel"
        assert SPEC.ops_per_frame["mel_frames"][stage] == SPEC.ops_per_frame[owner][stage]
    # the 32-bit kernel multiplies (the FFT's exact products) and the FFT is most of the work
    fft = SPEC.ops_per_frame["mel_frames"]["fft"]
    assert fft["mul"] > 1000 and sum(fft.values()) > sum(SPEC.ops_per_frame["mel_frames"]["mel"].values())


def test_the_vector_profile_is_below_the_scalar_one_per_stage():
    scalar, vector = SPEC.stage_bands("frames", "scalar"), SPEC.stage_bands("frames", "aie2-vector")
    for stage in KERNEL_STAGES:
        assert vector[stage].high < scalar[stage].low, stage  # the whole band, not only one end
    assert vector["entry"] == scalar["entry"]  # the frame loop stays scalar code in both
    hops_s, hops_v = SPEC.stage_bands("hops", "scalar"), SPEC.stage_bands("hops", "aie2-vector")
    assert hops_v["state"].high < hops_s["state"].low


def test_kernel_toml_states_the_bands_the_model_gives():
    assert set(SPEC.stated_bands) == set(PROFILES), "run `npu-tiler kernel-info --write`"
    for profile in PROFILES:
        stated = SPEC.stated_bands[profile]
        for stage, band in SPEC.stage_bands("frames", profile).items():
            assert stated["stages"][stage] == pytest.approx(band, abs=0.06), (profile, stage)
        for e in SPEC.entries.values():
            assert stated["entries"][e.symbol] == pytest.approx(SPEC.cycle_band(e.name, profile), abs=0.06)


# npu1-facts.md section 11, row 3: VLIW bundle: one scalar ALU slot, two loads, one store, a move ... (the model uses llvm-aie's 7-cycle LDA latency for the row's ~8; it prices one lda slot for scalar loads)
# npu1-facts.md section 12, row 10: AIE2 slots: ... part-word stores issue in the lda slot with a 7-cycle window; 5 delay slots
def test_scalar_band_is_the_slot_bound_and_the_exposed_latency_sum():
    p = kernel_spec.cost_profile("scalar")
    ops = {"mul": 10, "alu": 30, "move": 12, "load": 25, "store": 5, "store_part": 2, "branch": 4, "call": 2}
    band = p.counted_band(ops)
    # low, each slot's own count (llvm-aie AIE2GenInstrInfo.td: mul and non-move ALU are alu-slot only,
    # jumps/calls lng or alu): alu 10 + 30 + 4 + 2 = 46; mv 12; lda 25 loads + 2 part-word stores = 27;
    # st 5 + 2 = 7; the part-word window 2 x 7 = 14 (AIE2Schedule.td IsPartWordStore: 7 cycles)
    assert band.low == pytest.approx(46)
    # high: one per bundle, latencies exposed: mul 2, load 7, part-word store 7, branch/call 1 + 5 delay slots
    assert band.high == 10 * 2 + 30 + 12 + 25 * 7 + 5 + 2 * 7 + 4 * 6 + 2 * 6
    # central: one per bundle, latencies hidden: the operation count, 90
    assert p.counted_central(ops) == 90
    # a stage of part-word stores alone is bound by their window
    assert p.counted_band({"store_part": 10}).low == pytest.approx(70)


def _fused_counts_from_the_toml() -> dict[str, dict[str, int]]:
    """kernel.toml's own operation counts of the fused entry, read as plain TOML (not through kernel_spec)."""
    data = tomllib.loads(kernel_spec.toml_path("mel").read_text())
    return data["measured"]["ops_per_frame"]["mel_frames"]


# npu1-facts.md section 12, row 10: AIE2 slots: ADD/SUB/AND/OR/XOR/shifts/compares/SEL/EXTEND/CLZ are alu-slot only
def test_the_fused_scalar_band_starts_at_or_above_the_single_alu_slot_bound():
    # The alu slot issues one operation per cycle, and every multiply, non-move ALU operation, jump and
    # call needs it (jumps and calls are lng instructions that take the alu+mv field, AIE2CompositeFormats.td;
    # RET is alu): so no schedule of a stage beats the sum of those four counts, stage by stage.
    stages = _fused_counts_from_the_toml()
    bound = sum(c["mul"] + c["alu"] + c["branch"] + c["call"] for c in stages.values())
    # by hand from kernel.toml's counts: more than the multiplies and ALU operations of the FFT alone
    assert bound > stages["fft"]["mul"] + stages["fft"]["alu"]
    stated = tomllib.loads(kernel_spec.toml_path("mel").read_text())["cycle_bands"]["scalar"]
    low, high = stated["entries"]["mel_frames"]
    assert low >= bound
    central = stated["central"]["mel_frames"]
    assert low <= central <= high
    # the central estimate is one operation per cycle: the fused kernel's operation count
    assert central == pytest.approx(sum(sum(c.values()) for c in stages.values()), abs=0.5)


@needs_proxy
def test_counts_regenerate_from_a_fresh_measurement():
    fresh = measure.proxy32_stage_ops("mel")
    assert fresh.ops == SPEC.ops_per_frame, "kernel.toml is stale: run `npu-tiler kernel-info --write`"
    assert fresh.text_bytes == SPEC.code_bytes_proxy and fresh.control_transfers == SPEC.control_transfers_proxy
    assert fresh.static_ops == SPEC.static_ops_proxy and fresh.long_instructions == SPEC.long_instructions_proxy


def test_thumb_instructions_are_classified_by_mnemonic():
    c = measure.thumb_classes
    assert c("muls", "r0, r1, r0") == {"mul": 1}
    assert c("ldr", "r3, [r2, #4]") == {"load": 1} and c("ldr", "r7, [pc, #0x38]") == {"alu": 1}
    assert c("movs", "r3, #0") == {"move": 1} and c("mov", "r8, r3") == {"move": 1}
    assert c("strh", "r3, [r2, #2]") == {"store_part": 1} and c("str", "r3, [r2]") == {"store": 1}
    assert c("mvns", "r3, r3") == {"alu": 1} and c("lsls", "r3, r3, #2") == {"alu": 1}
    assert measure.is_long_instruction("b", "#0x1000") and measure.is_long_instruction("bl", "#0x1000")
    assert measure.is_long_instruction("ldr", "r7, [pc, #0x38]") and not measure.is_long_instruction("bx", "lr")
    assert c("push", "{r4, r5, r6, r7, lr}") == {"store": 5}
    assert c("pop", "{r4, r5, r6, r7, pc}") == {"load": 4, "call": 1}
    assert c("bl", "#0x106ac") == {"call": 1} and c("bx", "lr") == {"call": 1}
    assert c("bne", "#0x1160e") == {"branch": 1} and c("adds", "r3, r3, r4") == {"alu": 1}


# -- program memory ---------------------------------------------------------------------------------------


# npu1-facts.md section 11, row 5: Program memory 16 KiB per compute tile
def test_program_memory_check_fires_for_a_20_kib_kernel():
    design = make_design(Options(batch=100, tiles=4, depth=2))
    errors = check._program_memory_errors(design, SPEC, code_bytes=20 * 1024)
    assert len(errors) == 1
    assert "kernel mel" in errors[0] and "20,480 B" in errors[0] and "16,384 B" in errors[0]
    assert check._program_memory_errors(design, SPEC, code_bytes=16 * 1024) == []
    # Through the check itself, with a kernel of 5,000 static operations: (5,000 - 145) x 4 + 145 lng x 6
    # + 93 control transfers x 5 NOPs x 2 B = 21,220 B, 4,836 B over.
    big = dataclasses.replace(SPEC, static_ops_proxy=5000)
    ev = evaluate(design, spec=big)
    assert not ev.fits and any("21,220 B of program memory" in e and "4,836 B over" in e for e in ev.errors)


# npu1-facts.md section 12, row 12: Program memory 16 KiB per AIE-ML compute tile; lng instructions are 48-bit single-op bundles; unfilled delay slots are NOPs
def test_the_code_estimate_counts_lng_instructions_and_delay_slot_nops():
    # kernel.toml's static counts, by hand (costs.toml [code_size]: 3-4 B per op, 6 B per lng, 2 B per NOP)
    ops, lng, transfers = SPEC.static_ops_proxy, SPEC.long_instructions_proxy, SPEC.control_transfers_proxy
    assert 0 < lng < ops and 0 < transfers < ops
    band = SPEC.code_bytes()
    assert band.low == (ops - lng) * 3 + lng * 6
    assert band.high == (ops - lng) * 4 + lng * 6 + transfers * 5 * 2


def test_the_mel_kernel_fits_program_memory_with_its_margin_reported():
    band = SPEC.code_bytes()
    assert band.low < band.high < 16 * 1024
    ev = evaluate_options(Options(batch=100, tiles=4))
    assert ev.fits and not any("program memory" in n for n in ev.notes)
    margin = check.program_memory_margin(SPEC, ev.device)
    assert margin.left == 16 * 1024 - band.high and not margin.thin
    assert f"{16 * 1024 - band.high:,.0f} B" in margin.text()


def test_a_thin_program_memory_margin_is_a_warning():
    # 3,570 operations: (3,570 - 145) x 4 + 870 + 930 = 15,500 B, 884 B (5.4%) left: under 10%
    thin = dataclasses.replace(SPEC, static_ops_proxy=3570)
    ev = evaluate(make_design(Options(batch=100, tiles=4, depth=2)), spec=thin)
    assert ev.fits
    warnings = [n for n in ev.notes if n.startswith("warning:") and "program memory" in n]
    assert len(warnings) == 1 and "884 B (5.4%) left" in warnings[0] and "under 10%" in warnings[0]


# -- the timing model as bands ------------------------------------------------------------------------------


def test_modelled_time_is_a_band_and_the_ranked_figure_is_its_high_end():
    ev = evaluate_options(Options(batch=100, tiles=4), suggest=False)
    t = timing.model(ev, 10_000, load_params())
    assert t.band.low < t.band.high == t.modeled_seconds
    assert t.cost_profile == "scalar" and not t.projected
    v = timing.model(ev, 10_000, timing.with_cost(load_params(), "aie2-vector"))
    assert v.projected and v.band.high < t.band.low
    seed = timing.model(evaluate_options(Options(kernel="seed-mel", strategy="single", batch=20, tiles=1)),
                        10_000, load_params())
    assert seed.band.low == seed.band.high  # no cost model: a point


def test_an_unknown_cost_profile_names_the_ones_there_are():
    with pytest.raises(kernel_spec.UserError, match="scalar, aie2-vector"):
        timing.with_cost(load_params(), "gpu")


def test_seed_table_shows_bands_under_both_profiles():
    text = seed_table.render(seed_table.rows(load_params()))
    head = text.splitlines()[0]
    assert "scalar" in head and "aie2-vector (projected)" in head
    row = next(line for line in text.splitlines() if line.startswith("mel batch100_split4 "))
    bands = [tok for tok in row.split() if "-" in tok and tok[0].isdigit()]
    assert len(bands) >= 2  # a band under each profile (and the speed-up band)
    assert "a projection" in text and "high (conservative) end" in text


def test_cost_profile_option(cli):
    r = cli("seed-table", "--cost-profile", "aie2-vector")
    assert r.returncode == 0 and r.stdout.splitlines()[0].split("NPU calls")[1].split()[0] == "aie2-vector"
    r = cli("simulate", str(em.DESIGNS_DIR / "batch100_split4"), "--timing-only", "--json", "--cost-profile", "aie2-vector")
    assert r.returncode == 0, r.stderr
    import json

    out = json.loads(r.stdout)
    assert out["projected"] is True and out["modeled_seconds_low"] <= out["modeled_seconds"]
    r = cli("partition", "--batch", "100", "--tiles", "4")
    assert r.returncode == 0 and "scalar:" in r.stdout and "aie2-vector (projected):" in r.stdout
    assert cli("partition", "--cost-profile", "gpu").returncode == 2


# -- calibration of the per-class costs ----------------------------------------------------------------------

#: Micro-benchmark kernels, each heavy in one class (footprint only: timing, no source). Per-call times of
#: the mel designs alone fix two combinations of the six costs; these fix the rest.
_BASE_MIX = {"mul": 10, "alu": 1000, "move": 100, "load": 100, "store": 100, "store_part": 10, "branch": 50, "call": 2}
MIXES = {f"calib-{c.replace('_', '-')}": {**_BASE_MIX, c: heavy} for c, heavy in
         {"mul": 4000, "alu": 6000, "move": 4000, "load": 5000, "store": 5000, "store_part": 3000,
          "branch": 4000, "call": 2000}.items()}
TRUTH = {"mul": 1.6, "alu": 0.8, "move": 0.9, "load": 3.0, "store": 1.2, "store_part": 5.0, "branch": 2.0, "call": 4.0}


@pytest.fixture
def micro_kernels(tmp_path, monkeypatch):
    root = tmp_path / "kroot"
    seed_toml = (kernel_spec.toml_path("seed-mel")).read_text()
    for name, mix in MIXES.items():
        (root / name).mkdir(parents=True)
        inline = ", ".join(f"{k} = {v}" for k, v in mix.items())
        (root / name / "kernel.toml").write_text(
            seed_toml.replace('name = "seed-mel"', f'name = "{name}"')
            + f"\n[measured.ops_per_frame.mel_kernel_simple]\nwork = {{{inline}}}\n")
    monkeypatch.setenv("NPU_TILER_KERNELS", str(root))
    kernel_spec.load.cache_clear()
    yield list(MIXES)
    kernel_spec.load.cache_clear()


def _synthetic_runs(designs: list[Options], truth, noise: float, rng) -> list[RunRecord]:
    """Runs generated from the timing model with known parameters (labelled synthetic: no hardware)."""
    runs = []
    for o in designs:
        ev = evaluate_options(o, suggest=False)
        per_call = truth.per_call_overhead_s + truth.seconds(timing.device_cycles_per_call(ev, truth))
        runs.append(RunRecord(design=f"{o.kernel} {ev.design.name}", backend="synthetic", timing="synthetic",
                              options=dataclasses.asdict(ev.design.options), frames=o.batch * 20, npu_calls=20,
                              times=list(per_call * (1 + noise * rng.standard_normal(20)))))
    return runs


MEL_DESIGNS = [Options(strategy="single", batch=20, tiles=1), Options(strategy="split", batch=100, tiles=4),
               Options(strategy="hybrid", batch=100, tiles=4, object_frames=10),
               Options(kernel="seed-mel", strategy="single", batch=1, tiles=1),
               Options(kernel="seed-mel", strategy="split", batch=400, tiles=4)]


def test_calibration_gets_known_per_class_costs_back(micro_kernels):
    base = load_params()
    truth = timing.with_cost(dataclasses.replace(base, per_call_overhead_s=60e-6, dma_bytes_per_cycle=3.0,
                                                 shim_bytes_per_cycle=3.0), calibrate.calibrated_profile(TRUTH))
    designs = MEL_DESIGNS + [Options(kernel=k, strategy="single", batch=b, tiles=1) for k in micro_kernels
                             for b in (1, 20)]
    runs = _synthetic_runs(designs, truth, 0.01, np.random.default_rng(13))
    cf = calibrate.fit_class_costs(runs, base)
    assert cf.rank == len(OP_CLASSES) and all(cf.determined.values())
    for c in OP_CLASSES:
        assert cf.costs[c] == pytest.approx(TRUTH[c], rel=0.05), c
    assert cf.per_call_overhead_s == pytest.approx(60e-6, rel=0.05)
    assert cf.dma_bytes_per_cycle == pytest.approx(3.0, rel=0.05)
    assert max(abs(e) for e in cf.after.values()) < 2.0 < max(abs(e) for e in cf.before.values())


def test_calibration_says_what_the_mel_designs_alone_cannot_determine(tmp_path):
    base = load_params()
    truth = timing.with_cost(base, calibrate.calibrated_profile(TRUTH))
    cf = calibrate.fit_class_costs(_synthetic_runs(MEL_DESIGNS, truth, 0.0, np.random.default_rng(1)), base)
    assert cf.rank < len(OP_CLASSES) and not all(cf.determined.values())
    assert max(abs(e) for e in cf.after.values()) < 1.0  # the times are still matched
    # Written as a cost profile that --cost-profile reads back (one figure: low = high).
    out = tmp_path / "cal.costs.toml"
    calibrate.write_costs_toml(out, cf, "test")
    assert "not determined by the runs" in out.read_text()
    kernel_spec.load_costs.cache_clear()
    p = kernel_spec.cost_profile(str(out))
    assert p.kind == "calibrated" and p.costs == pytest.approx(cf.costs, rel=1e-5)
    band = SPEC.cycle_band("frames", str(out))
    assert band.low == band.high


def test_calibrate_without_hardware_runs_says_so(cli, tmp_path):
    r = cli("calibrate", "--db", str(tmp_path / "r.sqlite"), "--out", str(tmp_path / "c.toml"))
    assert r.returncode == 2 and "no hardware runs" in r.stderr


def test_a_calibration_from_before_the_class_split_still_loads(tmp_path):
    # Six classes (no move, no store_part): the split classes take the figure of the class they came from.
    six = {"mul": 1.5, "alu": 0.7, "load": 2.5, "store": 1.1, "branch": 2.0, "call": 3.0}
    body = "\n".join(f'{c} = {{cycles = {v}}}' for c, v in six.items())
    f = tmp_path / "old.costs.toml"
    f.write_text(f'[profiles.old]\nlabel = "old"\nkind = "calibrated"\n[profiles.old.costs]\n{body}\n')
    kernel_spec.load_costs.cache_clear()
    p = kernel_spec.cost_profile(str(f))
    assert p.costs["move"] == 0.7 and p.costs["store_part"] == 1.1 and p.costs["mul"] == 1.5
