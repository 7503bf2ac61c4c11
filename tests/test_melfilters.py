"""The project's own filterbank and window against independent implementations."""
import numpy as np
import pytest
import scipy.signal

from kernels.mel_tools import melfilters as mf

librosa = pytest.importorskip("librosa")


def test_filters_equal_librosa_within_1e6():
    ours = mf.mel_filters(sr=16000, n_fft=400, n_mels=80)
    theirs = librosa.filters.mel(sr=16000, n_fft=400, n_mels=80)
    assert ours.shape == theirs.shape == (80, 201)
    assert np.abs(ours - theirs).max() <= 1e-6


def test_large_v3_128_mels_equal_librosa():
    ours = mf.mel_filters(sr=16000, n_fft=400, n_mels=128)
    theirs = librosa.filters.mel(sr=16000, n_fft=400, n_mels=128)
    assert np.abs(ours - theirs).max() <= 1e-6


def test_slaney_scale_matches_librosa_and_round_trips():
    hz = np.array([0.0, 100.0, 999.0, 1000.0, 1001.0, 4000.0, 8000.0])
    np.testing.assert_allclose(mf.hz_to_mel(hz), librosa.hz_to_mel(hz, htk=False), rtol=1e-12)
    np.testing.assert_allclose(mf.mel_to_hz(mf.hz_to_mel(hz)), hz, rtol=1e-12, atol=1e-9)


def test_every_filter_has_unit_area_in_hz():
    # Slaney norm: a triangle of peak 2 / (f_hi - f_lo) over [f_lo, f_hi] has area 1.
    tri = mf.mel_triangles()
    edges = mf.mel_to_hz(np.linspace(0, mf.hz_to_mel(8000.0), 82))
    peak_area = 0.5 * (edges[2:] - edges[:-2]) * tri.enorm
    np.testing.assert_allclose(peak_area, 1.0, rtol=1e-12)
    assert (tri.triangles.sum(axis=1) > 0).all(), "an empty filter (the prior art's HTK bug)"


def test_hann_is_periodic_like_torch():
    np.testing.assert_allclose(mf.hann_periodic(400), scipy.signal.get_window("hann", 400, fftbins=True), atol=1e-15)
    w = mf.hann_periodic(400)
    assert w[0] == 0.0 and w[200] == 1.0 and w[399] > 0.0  # periodic: not symmetric at the end
