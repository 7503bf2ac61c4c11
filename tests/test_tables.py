"""The checked-in C header is exactly what the generator makes, and its formats hold."""
import re

import numpy as np

from kernels.mel_tools import melfilters as mf
from kernels.mel_tools import tables


def test_header_is_up_to_date():
    assert tables.header_path().read_text() == tables.render_header(tables.build_tables()), \
        "kernels/mel/mel_tables.h is stale: run `npu-tiler gen-tables`"


def test_header_arrays_round_trip():
    text = tables.header_path().read_text()
    t = tables.build_tables()
    for name, arr in [("MEL_WINDOW_HALF", t.window_half), ("MEL_TRI", t.tri), ("MEL_FFT_PERM", t.perm)]:
        body = re.search(rf"{name}\[\d+\] = \{{(.*?)\}};", text, re.S).group(1)
        assert [int(v) for v in body.replace("\n", " ").split(",")] == arr.tolist()


def test_window_quantisation_error_below_2_pow_minus_30():
    t = tables.build_tables()
    full = np.concatenate([t.window_half, t.window_half[1:200][::-1]]) / 2.0 ** tables.WINDOW_Q
    assert full.size == 400
    assert np.abs(full - mf.hann_periodic()).max() <= 2.0 ** -(tables.WINDOW_Q + 1)


def test_sparse_triangles_rebuild_the_filterbank():
    t = tables.build_tables()
    tri = mf.mel_triangles()
    rebuilt = np.zeros_like(tri.triangles)
    for j in range(80):
        s, n, o = int(t.filt_start[j]), int(t.filt_len[j]), int(t.filt_off[j])
        rebuilt[j, s:s + n] = t.tri[o:o + n] / 2.0 ** tables.TRI_Q
    assert np.abs(rebuilt - tri.triangles).max() <= 2.0 ** -(tables.TRI_Q + 1)
    # Sparse storage: every non-zero weight is stored, and nothing near 80 x 201.
    assert t.tri.size == int((tri.triangles > 0).sum()) < 2 * 201
    np.testing.assert_allclose(10.0 ** (t.log10_enorm / 2.0 ** 24), tri.enorm, rtol=1e-6)


def test_fft_permutation_is_a_digit_reversal():
    perm = tables.build_tables().perm.astype(int)
    assert sorted(perm) == list(range(200))
    # 200 = 5*5*2*2*2: input 1 (digit q0 = 1 of radix 5) lands at the start of block 1 of 5.
    assert perm[0] == 0 and perm[1] == 40 and perm[5] == 8


def test_log2_table():
    tab = tables.build_tables().log2_tab / 2.0 ** 24
    np.testing.assert_allclose(tab, np.log2(1 + np.arange(65) / 64), atol=2.0 ** -25)
