"""Rows of ../shared/docs/npu1-facts.md sections 11 and 12 that no other test checked.

Every other row of those sections cites its test where the test is (grep "npu1-facts.md section 1[12]").
"""
from __future__ import annotations

import pytest

from partitioner import kernel_spec
from reports import corpus

VECTOR = kernel_spec.cost_profile("aie2-vector")


# npu1-facts.md section 11, row 4: Vector unit: int16 64 MACs/cycle, int8 256, bf16 128; two 256-bit loads and
# one 256-bit store per cycle (AM020 appendix A). The projection prices int16 work at 64 MACs/cycle and stores at
# 32 B (256 bits) per cycle. (The row's FFT figure, about 2.7 cycles per point, is the DSP library's; see the
# section 12 row 11 test below for how the model reads it.)
def test_vector_projection_uses_am020_int16_macs_and_one_256_bit_store():
    assert VECTOR.projected
    assert (VECTOR.rates["macs16_per_cycle"].low, VECTOR.rates["macs16_per_cycle"].high) == (64, 64)
    assert (VECTOR.rates["store_bytes_per_cycle"].low, VECTOR.rates["store_bytes_per_cycle"].high) == (32, 32)


# npu1-facts.md section 12, row 11: The DSP library's benchmark pages state 1 GHz for AIE devices, 1.15 GHz for
# AIE-ML ... The model deliberately differs: the pages disagree (2023.x: 1 GHz AIE / 1.15 GHz AIE-ML; the current
# page: 1.25 GHz for both), so the published mixed_radix_fft throughput (AIE, cint16, 1200 points, 5 radix stages,
# 361 MSa/s) is read as a band over a 1 GHz .. 1.25 GHz clock: 1e9 / 361e6 = 2.77 and 1.25e9 / 361e6 = 3.46 cycles
# per point (the row's section 11 "about 2.7 cycles per point" is the 1 GHz end), / 5 stages, x 2 for 32-bit data.
# The row's 1.15 GHz AIE-ML reading lies inside the band.
def test_fft_projection_is_the_dsp_library_throughput_over_a_1_to_1_25_ghz_clock_band():
    fft = VECTOR.rates["fft_cycles_per_point_stage"]
    per_point = {ghz: ghz * 1e9 / 361e6 for ghz in (1.0, 1.15, 1.25)}
    assert per_point[1.0] == pytest.approx(2.77, abs=0.005)
    assert fft.low == pytest.approx(per_point[1.0] / 5 * 2, abs=0.001)   # 1.108
    assert fft.high == pytest.approx(per_point[1.25] / 5 * 2, abs=0.001)  # 1.385
    assert fft.low < per_point[1.15] / 5 * 2 < fft.high


# npu1-facts.md section 12, row 9: Register writes (npu.write32, maskwrite32, blockwrite), push_queue, DMA channel
# resets move data and locks (test/npu-xrt/local_reset/dma, memtile_dmas/*). The register-write part is tested in
# tests/test_hang_bounds.py; here the hardware-tested designs whose runtime sequence resets a DMA channel or pushes a
# BD onto a queue: each is answered "not proved", never "proved free" and never "hangs", naming the op.
@pytest.mark.parametrize("name, op", [("local_reset__dma_channel_reset_op__aie.mlir", "aiex.dma_channel_reset"),
                                      ("dma_s2mm_ooo_core__core_merge_release_only.mlir", "push_queue")])
def test_queue_pushes_and_dma_channel_resets_leave_the_hang_verdict_not_proved(name, op):
    (module,) = [m for m in corpus.modules() if m.name == name]
    out = corpus.evaluate(module)
    assert out.hang == "not proved", out.hang_reason
    assert op in out.hang_reason or any(op in n for n in out.not_modelled), (out.hang_reason, out.not_modelled)
