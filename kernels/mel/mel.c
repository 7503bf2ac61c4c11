/* Whisper log-mel, fixed point. See mel.h for the formats.
 *
 * Frame path: 400 int16 samples -> Hann (Q30) -> 200-point complex FFT of the
 * packed real sequence (mixed radix 5*5*2*2*2, in place, decimation in time)
 * -> split into the 201 bins of the 400-point real DFT -> power (uint64)
 * -> 32-bit float-like words -> [stage boundary] -> sparse mel triangles -> log2 by
 * table + interpolation -> log10 in Q11.
 *
 * Scale: y = x * w >> WINDOW_SHIFT keeps |y| <= 2^22, so every partial DFT of
 * the FFT stays below 400 * 2^22 < 2^31 in each component (bounded by the sum
 * of input magnitudes), and the Q30 twiddle products below 2^61 in int64.
 */
#include "mel.h"
#include "mel_tables.h"

#define WINDOW_SHIFT 23
/* y = x_float * w * 2^RAW_SCALE_LOG2 with x_float = x / 2^15 */
#define RAW_SCALE_LOG2 (15 + MEL_WINDOW_Q - WINDOW_SHIFT)
#define QUARTER (MEL_N_FFT / 4)

/* Working set of one frame. Static, not on the stack: the AIE core's stack
 * is small (1 KiB by default) and overflowing it corrupts the first buffer. */
static int32_t fft_re[MEL_FFT_POINTS];
static int32_t fft_im[MEL_FFT_POINTS];
static uint32_t spec_scratch[MEL_SPEC_WORDS];

/* cos(2 pi j / 400) in Q30, for any j >= 0, from the quarter-turn table. */
static int32_t qcos(uint32_t j) {
    if (j >= MEL_N_FFT) j -= MEL_N_FFT; /* callers pass j < 800 */
    if (j <= QUARTER) return MEL_COS_QUARTER[j];
    if (j <= 2 * QUARTER) return -MEL_COS_QUARTER[2 * QUARTER - j];
    if (j <= 3 * QUARTER) return -MEL_COS_QUARTER[j - 2 * QUARTER];
    return MEL_COS_QUARTER[MEL_N_FFT - j];
}

/* sin(2 pi j / 400) in Q30. */
static int32_t qsin(uint32_t j) { return qcos(j + 3 * QUARTER); }

static int32_t round_shift64(int64_t v, int s) {
    return (int32_t)((v + ((int64_t)1 << (s - 1))) >> s);
}

static int32_t window_at(int n) {
    return MEL_WINDOW_HALF[n <= MEL_N_FFT / 2 ? n : MEL_N_FFT - n];
}

static int16_t sample_at(const int16_t *a, int na, const int16_t *b, int n) {
    return n < na ? a[n] : b[n - na];
}

/* Window the frame (a[0..na) ++ b[..]) and pack it as 200 complex values,
 * even samples real, odd imaginary, in digit-reversed order. */
static void window_pack(const int16_t *a, int na, const int16_t *b) {
    for (int n = 0; n < MEL_FFT_POINTS; ++n) {
        int32_t xe = sample_at(a, na, b, 2 * n);
        int32_t xo = sample_at(a, na, b, 2 * n + 1);
        int p = MEL_FFT_PERM[n];
        fft_re[p] = round_shift64((int64_t)xe * window_at(2 * n), WINDOW_SHIFT);
        fft_im[p] = round_shift64((int64_t)xo * window_at(2 * n + 1), WINDOW_SHIFT);
    }
}

/* (re + i im) * W_400^t, rounded back to 32 bits; W = exp(-2 pi i / 400). */
static void rotate(int32_t *re, int32_t *im, uint32_t t) {
    int64_t c = qcos(t), s = qsin(t);
    int64_t r = *re, i = *im;
    *re = round_shift64(r * c + i * s, MEL_TWIDDLE_Q);
    *im = round_shift64(i * c - r * s, MEL_TWIDDLE_Q);
}

/* 5-point DFT in place on y[0..4] (Winograd form: 8 real products per
 * component instead of 16 complex ones). */
static void dft5(int32_t *yr, int32_t *yi) {
    const int64_t c1 = MEL_COS_QUARTER[MEL_N_FFT / 5];          /* cos(2 pi / 5) */
    const int64_t c2 = -MEL_COS_QUARTER[2 * QUARTER - 2 * MEL_N_FFT / 5]; /* cos(4 pi / 5) */
    const int64_t s1 = qsin(MEL_N_FFT / 5), s2 = qsin(2 * MEL_N_FFT / 5);
    int64_t t1r = (int64_t)yr[1] + yr[4], t1i = (int64_t)yi[1] + yi[4];
    int64_t t2r = (int64_t)yr[2] + yr[3], t2i = (int64_t)yi[2] + yi[3];
    int64_t t3r = (int64_t)yr[1] - yr[4], t3i = (int64_t)yi[1] - yi[4];
    int64_t t4r = (int64_t)yr[2] - yr[3], t4i = (int64_t)yi[2] - yi[3];
    int64_t a1r = ((int64_t)yr[0] << MEL_TWIDDLE_Q) + c1 * t1r + c2 * t2r;
    int64_t a1i = ((int64_t)yi[0] << MEL_TWIDDLE_Q) + c1 * t1i + c2 * t2i;
    int64_t a2r = ((int64_t)yr[0] << MEL_TWIDDLE_Q) + c2 * t1r + c1 * t2r;
    int64_t a2i = ((int64_t)yi[0] << MEL_TWIDDLE_Q) + c2 * t1i + c1 * t2i;
    int64_t b1r = s1 * t3r + s2 * t4r, b1i = s1 * t3i + s2 * t4i;
    int64_t b2r = s2 * t3r - s1 * t4r, b2i = s2 * t3i - s1 * t4i;
    yr[0] = (int32_t)(yr[0] + t1r + t2r);
    yi[0] = (int32_t)(yi[0] + t1i + t2i);
    /* out1 = a1 - i b1, out4 = a1 + i b1, out2 = a2 - i b2, out3 = a2 + i b2 */
    yr[1] = round_shift64(a1r + b1i, MEL_TWIDDLE_Q);
    yi[1] = round_shift64(a1i - b1r, MEL_TWIDDLE_Q);
    yr[4] = round_shift64(a1r - b1i, MEL_TWIDDLE_Q);
    yi[4] = round_shift64(a1i + b1r, MEL_TWIDDLE_Q);
    yr[2] = round_shift64(a2r + b2i, MEL_TWIDDLE_Q);
    yi[2] = round_shift64(a2i - b2r, MEL_TWIDDLE_Q);
    yr[3] = round_shift64(a2r - b2i, MEL_TWIDDLE_Q);
    yi[3] = round_shift64(a2i + b2r, MEL_TWIDDLE_Q);
}

/* In-place mixed-radix DIT over fft_re/fft_im (input digit-reversed).
 * Stage i forms DFTs of length L from f = radix[i] DFTs of length M = L / f:
 *   out[b + k + M p] = sum_q (in[b + q M + k] W_L^(q k)) W_f^(q p),
 * the twiddle W_L^(q k) first, then an f-point DFT. */
static void fft200(void) {
    int m = 1; /* length of the DFTs already formed */
    for (int i = MEL_FFT_STAGES - 1; i >= 0; --i) {
        int f = MEL_FFT_RADICES[i];
        int l = m * f;
        uint32_t tw_step = (uint32_t)(MEL_N_FFT / l); /* W_L^t == W_400^(t * tw_step) */
        for (int b = 0; b < MEL_FFT_POINTS; b += l) {
            for (int k = 0; k < m; ++k) {
                int32_t yr[5], yi[5];
                for (int q = 0; q < f; ++q) {
                    yr[q] = fft_re[b + q * m + k];
                    yi[q] = fft_im[b + q * m + k];
                    /* q k < L, so the index stays below 400 */
                    if (q && k) rotate(&yr[q], &yi[q], (uint32_t)(q * k) * tw_step);
                }
                if (f == 2) {
                    int32_t r0 = yr[0], i0 = yi[0];
                    yr[0] = r0 + yr[1];
                    yi[0] = i0 + yi[1];
                    yr[1] = r0 - yr[1];
                    yi[1] = i0 - yi[1];
                } else {
                    dft5(yr, yi);
                }
                for (int p = 0; p < f; ++p) {
                    fft_re[b + k + m * p] = yr[p];
                    fft_im[b + k + m * p] = yi[p];
                }
            }
        }
        m = l;
    }
}

/* One bin of the 400-point real DFT from the 200-point spectrum Z of the
 * packed sequence: X_k = E_k + W_400^k O_k with E = (A + B) / 2 and
 * O = (A - B) / 2i, where A = Z_k and B = conj Z_{200-k}. */
static void real_bin(int32_t zr_a, int32_t zi_a, int32_t zr_b, int32_t zi_b, int k,
                     int32_t *out_re, int32_t *out_im) {
    int64_t ar = zr_a, ai = zi_a, br = zr_b, bi = -(int64_t)zi_b;
    int64_t er = ar + br, ei = ai + bi;        /* 2 E */
    int64_t orr = ai - bi, oi = br - ar;       /* 2 O = -i (A - B) */
    int64_t c = qcos((uint32_t)k), s = qsin((uint32_t)k);
    /* 2 X = 2 E + (c - i s) 2 O, then / 2 and out of Q30 in one rounding */
    *out_re = round_shift64((er << MEL_TWIDDLE_Q) + c * orr + s * oi, MEL_TWIDDLE_Q + 1);
    *out_im = round_shift64((ei << MEL_TWIDDLE_Q) + c * oi - s * orr, MEL_TWIDDLE_Q + 1);
}

/* Turn Z into X in place (bins 0..199 in fft_re/fft_im, bin 200 in the
 * returned pair): bins k and 200 - k read the same two values of Z. */
static void split_real(int32_t *nyq_re, int32_t *nyq_im) {
    for (int k = 0; k <= MEL_FFT_POINTS / 2; ++k) {
        int k2 = (MEL_FFT_POINTS - k) % MEL_FFT_POINTS;
        int32_t ar = fft_re[k], ai = fft_im[k], br = fft_re[k2], bi = fft_im[k2];
        int32_t xr, xi, yr, yi;
        real_bin(ar, ai, br, bi, k, &xr, &xi);
        real_bin(br, bi, ar, ai, MEL_FFT_POINTS - k, &yr, &yi);
        fft_re[k] = xr;
        fft_im[k] = xi;
        if (k == 0) {
            *nyq_re = yr;
            *nyq_im = yi;
        } else {
            fft_re[k2] = yr;
            fft_im[k2] = yi;
        }
    }
}

/* Number of significant bits of v (0 for 0). Plain shifts and compares: no
 * clz builtin, which may become a compiler-rt call on AIE2. */
static int bit_length64(uint64_t v) {
    int n = 0;
    if (v >> 32) { n += 32; v >>= 32; }
    if (v >> 16) { n += 16; v >>= 16; }
    if (v >> 8) { n += 8; v >>= 8; }
    if (v >> 4) { n += 4; v >>= 4; }
    if (v >> 2) { n += 2; v >>= 2; }
    if (v >> 1) { n += 1; v >>= 1; }
    return n + (int)v;
}

/* Power of each bin as a 32-bit float-like word (see mel.h): exponent in the
 * top MEL_SPEC_EXP_BITS bits, rounded mantissa below. Per-bin exponents keep
 * quiet bins exact next to a loud one (a DC offset, a low hum), which a
 * single block exponent per frame does not. */
static uint32_t encode_power(uint64_t p) {
    int e = bit_length64(p) - MEL_SPEC_MANT_BITS;
    if (e <= 0) return (uint32_t)p;
    uint64_t m = (p + ((uint64_t)1 << (e - 1))) >> e;
    if (m >> MEL_SPEC_MANT_BITS) { /* rounding carried into a new bit */
        m >>= 1;
        e += 1;
    }
    return ((uint32_t)e << MEL_SPEC_MANT_BITS) | (uint32_t)m;
}

static void power_spectrum(uint32_t *spec) {
    int32_t nyq_re = 0, nyq_im = 0;
    split_real(&nyq_re, &nyq_im);
    for (int k = 0; k < MEL_N_BINS; ++k) {
        int64_t re = k < MEL_FFT_POINTS ? fft_re[k] : nyq_re;
        int64_t im = k < MEL_FFT_POINTS ? fft_im[k] : nyq_im;
        spec[k] = encode_power((uint64_t)(re * re) + (uint64_t)(im * im));
    }
}

/* log2(v) in Q24 for v > 0: exponent plus interpolated table of log2(1 + f). */
static int64_t log2_q24(uint64_t v) {
    int b = bit_length64(v) - 1;
    uint64_t norm = v << (63 - b);                     /* top bit set */
    uint32_t frac = (uint32_t)(norm >> 31);            /* 32 bits below the top bit */
    int idx = (int)(frac >> (32 - MEL_LOG_TABLE_BITS));
    uint32_t rem = frac & ((1u << (32 - MEL_LOG_TABLE_BITS)) - 1u);
    int64_t lo = MEL_LOG2_TAB[idx], hi = MEL_LOG2_TAB[idx + 1];
    int64_t interp = lo + (((hi - lo) * (int64_t)rem) >> (32 - MEL_LOG_TABLE_BITS));
    return ((int64_t)b << MEL_LOG_Q) + interp;
}

static void logmel_one(const uint32_t *spec, int16_t *out) {
    const uint32_t mant_mask = ((uint32_t)1 << MEL_SPEC_MANT_BITS) - 1u;
    for (int j = 0; j < MEL_N_MELS; ++j) {
        const uint16_t *w = MEL_TRI + MEL_FILT_OFF[j];
        const uint32_t *p = spec + MEL_FILT_START[j];
        int n = MEL_FILT_LEN[j];
        /* Align the filter's bins on its largest exponent, then accumulate:
         * at most MEL_FILTER_MAX_BINS * 2^15 * 2^26 < 2^64. */
        int top = 0;
        for (int i = 0; i < n; ++i) {
            int e = (int)(p[i] >> MEL_SPEC_MANT_BITS);
            if (e > top) top = e;
        }
        uint64_t acc = 0;
        for (int i = 0; i < n; ++i) {
            int e = (int)(p[i] >> MEL_SPEC_MANT_BITS);
            acc += (uint64_t)w[i] * ((p[i] & mant_mask) >> (top - e));
        }
        int32_t v = MEL_LOG10_FLOOR;
        if (acc) {
            /* mel_j = enorm_j * acc * 2^(top - TRI_Q - 2 * RAW_SCALE_LOG2) */
            int64_t l2 = log2_q24(acc) + (((int64_t)top - MEL_TRI_Q - 2 * RAW_SCALE_LOG2) << MEL_LOG_Q);
            int64_t l10 = ((l2 * MEL_LOG10_2_Q30) >> 30) + MEL_LOG10_ENORM[j];
            int64_t q = (l10 + ((int64_t)1 << (MEL_LOG_Q - MEL_OUTPUT_Q - 1))) >> (MEL_LOG_Q - MEL_OUTPUT_Q);
            if (q > v) v = (int32_t)q;
            if (v > 32767) v = 32767;
        }
        out[j] = (int16_t)v;
    }
}

static void spectrum_one(const int16_t *a, int na, const int16_t *b, uint32_t *spec) {
    window_pack(a, na, b);
    fft200();
    power_spectrum(spec);
}

/* state <- last 240 samples of (state ++ hop) */
static void advance_state(int16_t *state, const int16_t *hop) {
    for (int n = 0; n < MEL_OVERLAP - MEL_HOP; ++n) state[n] = state[n + MEL_HOP];
    for (int n = 0; n < MEL_HOP; ++n) state[MEL_OVERLAP - MEL_HOP + n] = hop[n];
}

void mel_spectrum(const int16_t *frames, uint32_t *spec, int32_t n_frames) {
    for (int32_t t = 0; t < n_frames; ++t)
        spectrum_one(frames + t * MEL_N_FFT, MEL_N_FFT, frames, spec + t * MEL_SPEC_WORDS);
}

void mel_spectrum_hops(const int16_t *hops, int16_t *state, uint32_t *spec, int32_t n_hops) {
    for (int32_t t = 0; t < n_hops; ++t) {
        const int16_t *hop = hops + t * MEL_HOP;
        spectrum_one(state, MEL_OVERLAP, hop, spec + t * MEL_SPEC_WORDS);
        advance_state(state, hop);
    }
}

void mel_spectrum_chunk(const int16_t *chunk, uint32_t *spec, int32_t n_frames) {
    for (int32_t t = 0; t < n_frames; ++t)
        spectrum_one(chunk + t * MEL_HOP, MEL_N_FFT, chunk, spec + t * MEL_SPEC_WORDS);
}

void mel_logmel(const uint32_t *spec, int16_t *out, int32_t n_frames) {
    for (int32_t t = 0; t < n_frames; ++t)
        logmel_one(spec + t * MEL_SPEC_WORDS, out + t * MEL_N_MELS);
}

void mel_frames(const int16_t *frames, int16_t *out, int32_t n_frames) {
    for (int32_t t = 0; t < n_frames; ++t) {
        spectrum_one(frames + t * MEL_N_FFT, MEL_N_FFT, frames, spec_scratch);
        logmel_one(spec_scratch, out + t * MEL_N_MELS);
    }
}

void mel_chunk(const int16_t *chunk, int16_t *out, int32_t n_frames) {
    for (int32_t t = 0; t < n_frames; ++t) {
        spectrum_one(chunk + t * MEL_HOP, MEL_N_FFT, chunk, spec_scratch);
        logmel_one(spec_scratch, out + t * MEL_N_MELS);
    }
}

void mel_hops(const int16_t *hops, int16_t *state, int16_t *out, int32_t n_hops) {
    for (int32_t t = 0; t < n_hops; ++t) {
        const int16_t *hop = hops + t * MEL_HOP;
        spectrum_one(state, MEL_OVERLAP, hop, spec_scratch);
        logmel_one(spec_scratch, out + t * MEL_N_MELS);
        advance_state(state, hop);
    }
}
