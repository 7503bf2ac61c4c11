/* Whisper log-mel, fixed point. See mel.h for the formats.
 *
 * Frame path: 400 int16 samples -> Hann (Q30) -> 200-point complex FFT of the
 * packed real sequence (mixed radix 5*5*2*2*2, in place, decimation in time)
 * -> split into the 201 bins of the 400-point real DFT -> power -> 32-bit
 * float-like words -> [stage boundary] -> sparse mel triangles -> log2 by
 * table + interpolation -> log10 in Q11.
 *
 * 32-bit arithmetic only. AIE2's scalar unit multiplies 32 x 32 bits to a
 * 32-bit result and has no high-half multiply; Peano turns every 64-bit
 * multiply and every 32-bit division or remainder into a library call. So the
 * per-frame path has no 64-bit type at all, no division and no remainder:
 *
 * - A product of a Q30 constant and a DFT value (up to 31 bits) is formed
 *   exactly from 16-bit pieces. Both are split as v = h * 2^15 + l with l in [-2^14, 2^14)
 *   (split15); a sum of such products plus c * 2^30 is kept exactly as three
 *   int32 words hi * 2^30 + mid * 2^15 + lo (struct wide) and rounded once at
 *   the end (wide_round30/31/floor30). Every rounding is therefore the same as
 *   the earlier int64 code's, and so is every output bit (checked on every
 *   built-in signal, full-scale frames and random spectra).
 * - The power re^2 + im^2 (up to 2^60) is formed the same way and turned into
 *   the spectrum word (exponent, 26-bit mantissa) from two 30-bit limbs.
 * - The mel sums (weights Q15 x 26-bit mantissas, up to 2^45) are two
 *   accumulators over the mantissa's upper and lower 13 bits.
 *
 * The int32 words cannot overflow: every bound is derived below where the
 * words are summed, from |x| <= 1 per sample and the Hann window's sum
 * (sum_n w[n] = 200, 100 over even n and 100 over odd n, 20 over any residue
 * class mod 10), with the DFT of a window-weighted frame bounded by the sum of
 * the magnitudes it adds. Raw scale: y = x * w >> WINDOW_SHIFT keeps
 * |y[n]| <= w[n] * 2^22, so every DFT value of the frame is below
 * 200 * 2^22 < 2^29.7 in each component.
 */
#include "mel.h"
#include "mel_tables.h"

#define WINDOW_SHIFT 23
/* y = x_float * w * 2^RAW_SCALE_LOG2 with x_float = x / 2^15 */
#define RAW_SCALE_LOG2 (15 + MEL_WINDOW_Q - WINDOW_SHIFT)
#define QUARTER (MEL_N_FFT / 4)

/* Count leading zeros of a non-zero uint32. AIE2 (Peano) and x86-64 have an
 * instruction for it, which __builtin_clz becomes. Cores without one (ARMv6-M,
 * the 32-bit proxy build in tests/test_kernel_32bit.py: GCC would call
 * libgcc's __clzsi2) and compilers without the builtin take the portable
 * version: define MEL_PORTABLE_CLZ to force it. Both give the same bits. */
#if !defined(MEL_PORTABLE_CLZ)
#if !(defined(__GNUC__) || defined(__clang__))
#define MEL_PORTABLE_CLZ 1
#elif defined(__arm__) && !defined(__ARM_FEATURE_CLZ)
#define MEL_PORTABLE_CLZ 1
#endif
#endif

#ifdef MEL_PORTABLE_CLZ
static int clz32(uint32_t v) {
    int n = 0;
    if (!(v >> 16)) { n += 16; v <<= 16; }
    if (!(v >> 24)) { n += 8; v <<= 8; }
    if (!(v >> 28)) { n += 4; v <<= 4; }
    if (!(v >> 30)) { n += 2; v <<= 2; }
    return n + (int)((v >> 31) ^ 1u);
}
#define MEL_CLZ(v) clz32(v)
#else
#define MEL_CLZ(v) __builtin_clz(v)
#endif

/* Number of significant bits of v (0 for 0). */
static int bit_length32(uint32_t v) {
    return v ? 32 - MEL_CLZ(v) : 0;
}

/* Working set of one frame. Static, not on the stack: the AIE core's stack
 * is small (1 KiB by default) and overflowing it corrupts the first buffer. */
static int32_t fft_re[MEL_FFT_POINTS];
static int32_t fft_im[MEL_FFT_POINTS];
static uint32_t spec_scratch[MEL_SPEC_WORDS];

/* ---- exact products in 32-bit words ---------------------------------------- */

/* v = h * 2^15 + l, l in [-2^14, 2^14); |v| < 2^31 - 2^14. */
typedef struct { int32_t h, l; } split;

/* hi * 2^30 + mid * 2^15 + lo, each word an int32. */
typedef struct { int32_t hi, mid, lo; } wide;

static inline split split15(int32_t v) {
    int32_t t = v + (1 << 14);
    split s = { t >> 15, (t & 0x7fff) - (1 << 14) };
    return s;
}

/* w += a * b (each piece product is below 2^31: |h| <= 2^15, |l| <= 2^14). */
static inline void wide_mac(wide *w, split a, split b) {
    w->hi += a.h * b.h;
    w->mid += a.h * b.l + a.l * b.h;
    w->lo += a.l * b.l;
}

/* w -= a * b */
static inline void wide_msub(wide *w, split a, split b) {
    w->hi -= a.h * b.h;
    w->mid -= a.h * b.l + a.l * b.h;
    w->lo -= a.l * b.l;
}

/* floor((hi 2^30 + mid 2^15 + lo + 2^29) / 2^30): floor((n + f) / 2^15) for an
 * integer n and 0 <= f < 1 is floor(n / 2^15), so lo only carries lo >> 15. */
static inline int32_t wide_round30(wide w) {
    return w.hi + ((w.mid + (w.lo >> 15) + (1 << 14)) >> 15);
}

/* floor((w + 2^30) / 2^31), the same way. */
static inline int32_t wide_round31(wide w) {
    return (w.hi + 1 + ((w.mid + (w.lo >> 15)) >> 15)) >> 1;
}

/* floor(w / 2^30) */
static inline int32_t wide_floor30(wide w) {
    return w.hi + ((w.mid + (w.lo >> 15)) >> 15);
}

/* ---- window and FFT ---------------------------------------------------------- */

/* cos(2 pi j / 400) in Q30, split, for any j < 800, from the quarter-turn
 * table (a split negates exactly: -v = -h * 2^15 - l). */
static split qcos(uint32_t j) {
    uint32_t idx = j;
    int neg = 0;
    if (idx >= MEL_N_FFT) idx -= MEL_N_FFT;
    if (idx > 3 * QUARTER) idx = MEL_N_FFT - idx;
    else if (idx > 2 * QUARTER) { idx -= 2 * QUARTER; neg = 1; }
    else if (idx > QUARTER) { idx = 2 * QUARTER - idx; neg = 1; }
    split s = { MEL_COS_QUARTER_HI[idx], MEL_COS_QUARTER_LO[idx] };
    if (neg) { s.h = -s.h; s.l = -s.l; }
    return s;
}

/* sin(2 pi j / 400) in Q30, split. */
static split qsin(uint32_t j) { return qcos(j + 3 * QUARTER); }

static int32_t window_at(int n) {
    return MEL_WINDOW_HALF[n <= MEL_N_FFT / 2 ? n : MEL_N_FFT - n];
}

static int16_t sample_at(const int16_t *a, int na, const int16_t *b, int n) {
    return n < na ? a[n] : b[n - na];
}

/* round(x * w / 2^WINDOW_SHIFT) for int16 x and Q30 w = wh 2^15 + wl
 * (0 <= wl < 2^15): both pieces are below 2^30, and since 2^22 / 2^15 is an
 * integer the rounding constant moves past the lower piece unchanged. */
static int32_t window_mul(int32_t x, int32_t w) {
    int32_t hi = x * (w >> 15), lo = x * (w & 0x7fff);
    return (hi + (lo >> 15) + (1 << (WINDOW_SHIFT - 16))) >> (WINDOW_SHIFT - 15);
}

/* Window the frame (a[0..na) ++ b[..]) and pack it as 200 complex values,
 * even samples real, odd imaginary, in digit-reversed order. */
static void window_pack(const int16_t *a, int na, const int16_t *b) {
    for (int n = 0; n < MEL_FFT_POINTS; ++n) {
        int32_t xe = sample_at(a, na, b, 2 * n);
        int32_t xo = sample_at(a, na, b, 2 * n + 1);
        int p = MEL_FFT_PERM[n];
        fft_re[p] = window_mul(xe, window_at(2 * n));
        fft_im[p] = window_mul(xo, window_at(2 * n + 1));
    }
}

/* W_400^t = c - i s for a rotation, split. A multiple of a quarter turn
 * (quarter >= 0: W = 1, -i, -1, i) rotates exactly, with no product. */
typedef struct { split c, s; int quarter; } twiddle;

static twiddle twiddle_at(uint32_t t) {
    twiddle w;
    w.c = qcos(t);
    w.s = qsin(t);
    w.quarter = t == 0 ? 0 : t == QUARTER ? 1 : t == 2 * QUARTER ? 2 : t == 3 * QUARTER ? 3 : -1;
    return w;
}

/* (re + i im) * W_400^t, rounded back to 32 bits (r c + i s and i c - r s in
 * one rounding each). The values rotated are partial DFTs of at most 100
 * packed samples (below 100 * 2^22 < 2^28.7), so |h| < 2^13.7 and
 * |mid| <= 2 * 2^13.7 * 2^14 + 2^14 * (|c.h| + |s.h|) < 2^28.7 + 2^29.6. */
static inline void rotate(int32_t *re, int32_t *im, const twiddle *w) {
    int32_t r0 = *re, i0 = *im;
    /* if-else, not a switch: a switch may become a jump table, which on
     * ARMv6-M calls libgcc's __gnu_thumb1_case_* */
    if (w->quarter >= 0) {
        if (w->quarter == 1) { *re = i0; *im = -r0; }        /* W = -i */
        else if (w->quarter == 2) { *re = -r0; *im = -i0; } /* W = -1 */
        else if (w->quarter == 3) { *re = -i0; *im = r0; }  /* W = i */
        return;
    }
    split r = split15(r0), i = split15(i0);
    wide a = {0, 0, 0}, b = {0, 0, 0};
    wide_mac(&a, r, w->c);
    wide_mac(&a, i, w->s);  /* r c + i s */
    wide_mac(&b, i, w->c);
    wide_msub(&b, r, w->s); /* i c - r s */
    *re = wide_round30(a);
    *im = wide_round30(b);
}

/* Winograd constants of the 5-point DFT, split: cos and sin of 2 pi / 5 and
 * 4 pi / 5 (cos(4 pi / 5) = -cos(2 pi (40 / 400))). */
#define COS_AT(j) ((split){MEL_COS_QUARTER_HI[j], MEL_COS_QUARTER_LO[j]})
#define DFT5_C1 COS_AT(MEL_N_FFT / 5)
#define DFT5_C2 ((split){-MEL_COS_QUARTER_HI[2 * QUARTER - 2 * MEL_N_FFT / 5], \
                         -MEL_COS_QUARTER_LO[2 * QUARTER - 2 * MEL_N_FFT / 5]})
#define DFT5_S1 COS_AT(QUARTER - MEL_N_FFT / 5)
#define DFT5_S2 COS_AT(2 * MEL_N_FFT / 5 - QUARTER)

/* o[1..4] of one component of the 5-point DFT (Winograd form: 8 real products
 * per component instead of 16 complex ones), each rounded once: with
 * a1 = y0 + c1 t1 + c2 t2, a2 = y0 + c2 t1 + c1 t2, b1 = s1 t3 + s2 t4 and
 * b2 = s2 t3 - s1 t4: o1 = a1 + b1, o4 = a1 - b1, o2 = a2 + b2, o3 = a2 - b2.
 * Bounds: the inputs are rotated partial DFTs of at most 40 packed samples,
 * below 40 * 2^22 (a residue class mod 10 of the window sums to 20 per real
 * sample), so the t's are below 2^28.4 and |t.h| < 2^13.4; an output's mid
 * word adds four products, |mid| <= 2^13.4 * (|c1.l| + |c2.l| + |s1.l| +
 * |s2.l|) + 2^14 * (|c1.h| + |c2.h| + |s1.h| + |s2.h|) < 2^28.3 + 2^30.5. */
static inline void dft5_part(int32_t y0, int32_t t1, int32_t t2, int32_t t3, int32_t t4, int32_t *o) {
    const split c1 = DFT5_C1, c2 = DFT5_C2, s1 = DFT5_S1, s2 = DFT5_S2;
    split u1 = split15(t1), u2 = split15(t2), u3 = split15(t3), u4 = split15(t4);
    wide a = {y0, 0, 0}, b = {0, 0, 0};
    wide_mac(&a, c1, u1);
    wide_mac(&a, c2, u2);
    wide_mac(&b, s1, u3);
    wide_mac(&b, s2, u4);
    o[1] = wide_round30((wide){a.hi + b.hi, a.mid + b.mid, a.lo + b.lo});
    o[4] = wide_round30((wide){a.hi - b.hi, a.mid - b.mid, a.lo - b.lo});
    a = (wide){y0, 0, 0};
    b = (wide){0, 0, 0};
    wide_mac(&a, c2, u1);
    wide_mac(&a, c1, u2);
    wide_mac(&b, s2, u3);
    wide_msub(&b, s1, u4);
    o[2] = wide_round30((wide){a.hi + b.hi, a.mid + b.mid, a.lo + b.lo});
    o[3] = wide_round30((wide){a.hi - b.hi, a.mid - b.mid, a.lo - b.lo});
}

/* 5-point DFT in place on y[0..4]: out1 = a1 - i b1, out4 = a1 + i b1,
 * out2 = a2 - i b2, out3 = a2 + i b2 with a, b as in dft5_part of the real
 * and imaginary parts (b of the imaginary outputs negated through t3, t4). */
static void dft5(int32_t *yr, int32_t *yi) {
    int32_t y0r = yr[0], y0i = yi[0];
    int32_t t1r = yr[1] + yr[4], t1i = yi[1] + yi[4];
    int32_t t2r = yr[2] + yr[3], t2i = yi[2] + yi[3];
    int32_t t3r = yr[1] - yr[4], t3i = yi[1] - yi[4];
    int32_t t4r = yr[2] - yr[3], t4i = yi[2] - yi[3];
    yr[0] = y0r + t1r + t2r;
    yi[0] = y0i + t1i + t2i;
    dft5_part(y0r, t1r, t2r, t3i, t4i, yr);
    dft5_part(y0i, t1i, t2i, -t3r, -t4r, yi);
}

/* In-place mixed-radix DIT over fft_re/fft_im (input digit-reversed).
 * Stage i forms DFTs of length L from f = radix[i] DFTs of length M = L / f:
 *   out[b + k + M p] = sum_q (in[b + q M + k] W_L^(q k)) W_f^(q p),
 * the twiddle W_L^(q k) first, then an f-point DFT. The twiddles of one k are
 * split once and used by every block b. */
static void fft_radix2(int m, uint32_t tw_step) {
    for (int k = 0; k < m; ++k) {
        twiddle w = twiddle_at((uint32_t)k * tw_step);
        for (int a = k; a < MEL_FFT_POINTS; a += 2 * m) {
            int32_t xr = fft_re[a + m], xi = fft_im[a + m];
            rotate(&xr, &xi, &w);
            int32_t r0 = fft_re[a], i0 = fft_im[a];
            fft_re[a] = r0 + xr;
            fft_im[a] = i0 + xi;
            fft_re[a + m] = r0 - xr;
            fft_im[a + m] = i0 - xi;
        }
    }
}

static void fft_radix5(int m, uint32_t tw_step) {
    for (int k = 0; k < m; ++k) {
        twiddle w[4]; /* W_L^(q k) for q = 1..4 */
        /* q k < L, so the index stays below 400 */
        for (int q = 1; q < 5; ++q) w[q - 1] = twiddle_at((uint32_t)(q * k) * tw_step);
        for (int a = k; a < MEL_FFT_POINTS; a += 5 * m) {
            int32_t yr[5], yi[5];
            yr[0] = fft_re[a];
            yi[0] = fft_im[a];
            for (int q = 1; q < 5; ++q) {
                yr[q] = fft_re[a + q * m];
                yi[q] = fft_im[a + q * m];
                rotate(&yr[q], &yi[q], &w[q - 1]);
            }
            dft5(yr, yi);
            for (int p = 0; p < 5; ++p) {
                fft_re[a + m * p] = yr[p];
                fft_im[a + m * p] = yi[p];
            }
        }
    }
}

static void fft200(void) {
    int m = 1; /* length of the DFTs already formed */
    for (int i = MEL_FFT_STAGES - 1; i >= 0; --i) {
        /* W_L^t == W_400^(t * tw_step) */
        if (MEL_FFT_RADICES[i] == 2) fft_radix2(m, MEL_FFT_TW_STEP[i]);
        else fft_radix5(m, MEL_FFT_TW_STEP[i]);
        m *= MEL_FFT_RADICES[i];
    }
}

/* Turn the 200-point spectrum Z of the packed sequence into the 400-point
 * real DFT X in place (bins 0..199 in fft_re/fft_im, bin 200 in the returned
 * pair). With A = Z_k and B = conj Z_{200-k}, 2E = A + B and 2O = -i (A - B)
 * are the DFTs of the even and odd samples, doubled, and with
 * P = W_400^k 2O (W_400^k = c - i s):
 *   2 X_k = 2E + P,  2 X_{200-k} = conj(2E - P),
 * so bins k and 200 - k share P; each is halved and taken out of Q30 in one
 * rounding. Bounds: each component of 2E and 2O is below
 * 2 * 100 * 2^22 = 2^29.7, so |h| < 2^14.7 and P's mid word stays below
 * 2 * 2^14.7 * 2^14 + 2^14 * (|c.h| + |s.h|) < 2^29.7 + 2^29.6. */
static void split_real(int32_t *nyq_re, int32_t *nyq_im) {
    for (int k = 0; k <= MEL_FFT_POINTS / 2; ++k) {
        int k2 = k ? MEL_FFT_POINTS - k : 0;
        int32_t ar = fft_re[k], ai = fft_im[k], br = fft_re[k2], bi = -fft_im[k2];
        int32_t er = ar + br, ei = ai + bi;          /* 2 E */
        split orr = split15(ai - bi), oi = split15(br - ar); /* 2 O */
        split c = COS_AT(k), s = COS_AT(QUARTER - k); /* k <= 100: no folding */
        wide pr = {0, 0, 0}, pi = {0, 0, 0};
        wide_mac(&pr, c, orr);
        wide_mac(&pr, s, oi);
        wide_mac(&pi, c, oi);
        wide_msub(&pi, s, orr);
        fft_re[k] = wide_round31((wide){er + pr.hi, pr.mid, pr.lo});
        fft_im[k] = wide_round31((wide){ei + pi.hi, pi.mid, pi.lo});
        int32_t yr = wide_round31((wide){er - pr.hi, -pr.mid, -pr.lo});
        int32_t yi = wide_round31((wide){pi.hi - ei, pi.mid, pi.lo});
        if (k == 0) {
            *nyq_re = yr;
            *nyq_im = yi;
        } else {
            fft_re[k2] = yr;
            fft_im[k2] = yi;
        }
    }
}

/* ---- power spectrum ------------------------------------------------------------ */

/* Power of a bin as a 32-bit float-like word (see mel.h): exponent in the top
 * MEL_SPEC_EXP_BITS bits, mantissa rounded half up below. Per-bin exponents
 * keep quiet bins exact next to a loud one (a DC offset, a low hum), which a
 * single block exponent per frame does not.
 *
 * re^2 + im^2 (below 2^59.3: |X| <= 2^29.7) is formed exactly as a wide and
 * carried into p = p1 * 2^30 + p0, 0 <= p0 < 2^30: with re = h 2^15 + l,
 * re^2 = h^2 2^30 + 2 h l 2^15 + l^2, and the mid word
 * 2 (h_re l_re + h_im l_im) <= 2 |X| / 2^15 * 2^14.5 < 2^30.2. */
static uint32_t power_word(int32_t re, int32_t im) {
    split r = split15(re), i = split15(im);
    int32_t hi = r.h * r.h + i.h * i.h;
    int32_t mid = 2 * (r.h * r.l + i.h * i.l) + ((r.l * r.l + i.l * i.l) >> 15);
    int32_t low15 = (r.l * r.l + i.l * i.l) & 0x7fff;
    uint32_t p1 = (uint32_t)(hi + (mid >> 15));
    uint32_t p0 = ((uint32_t)(mid & 0x7fff) << 15) | (uint32_t)low15;
    int e;
    uint32_t m;
    if (p1 == 0) {
        e = bit_length32(p0) - MEL_SPEC_MANT_BITS;
        if (e <= 0) return p0;
        m = (p0 + (1u << (e - 1))) >> e;
    } else {
        e = bit_length32(p1) + 30 - MEL_SPEC_MANT_BITS; /* 5..34 */
        /* p + 2^(e-1), then p >> e */
        if (e <= 30) {
            p0 += 1u << (e - 1);
            p1 += p0 >> 30;
            p0 &= (1u << 30) - 1u;
            m = (p1 << (30 - e)) | (p0 >> e);
        } else {
            p1 += 1u << (e - 31);
            m = p1 >> (e - 30);
        }
    }
    if (m >> MEL_SPEC_MANT_BITS) { /* rounding carried into a new bit */
        m >>= 1;
        e += 1;
    }
    return ((uint32_t)e << MEL_SPEC_MANT_BITS) | m;
}

static void power_spectrum(uint32_t *spec) {
    int32_t nyq_re = 0, nyq_im = 0;
    split_real(&nyq_re, &nyq_im);
    for (int k = 0; k < MEL_FFT_POINTS; ++k) spec[k] = power_word(fft_re[k], fft_im[k]);
    spec[MEL_FFT_POINTS] = power_word(nyq_re, nyq_im);
}

/* ---- mel and log ------------------------------------------------------------------ */

/* The mel sums: acc = hi * 2^13 + lo, 0 <= lo < 2^13. */
#define MEL_ACC_SPLIT 13

/* log2(acc) in Q24 for acc > 0: exponent plus interpolated table of
 * log2(1 + f), f the 32 bits of acc below its top bit (zeros past its end). */
static int32_t log2_q24(uint32_t hi, uint32_t lo) {
    int b;
    uint32_t frac;
    if (hi) {
        int nb = bit_length32(hi);
        b = nb + MEL_ACC_SPLIT - 1;
        frac = (hi << (32 - nb)) << 1; /* hi's bits below its top, at the top */
        /* lo's bit p lands on bit p + 32 - b = p + (33 - MEL_ACC_SPLIT) - nb */
        frac |= nb <= 33 - MEL_ACC_SPLIT ? lo << (33 - MEL_ACC_SPLIT - nb) : lo >> (nb - (33 - MEL_ACC_SPLIT));
    } else {
        b = bit_length32(lo) - 1;
        frac = (lo << (31 - b)) << 1;
    }
    int idx = (int)(frac >> (32 - MEL_LOG_TABLE_BITS));
    uint32_t rem = frac & ((1u << (32 - MEL_LOG_TABLE_BITS)) - 1u);
    /* (d * rem) >> 26 exactly, rem = rh 2^13 + rl: d < 2^18.6 (the table's
     * largest step, log2(1 + 1/64) 2^24), so d rh < 2^31.6 fits a uint32 */
    uint32_t d = (uint32_t)(MEL_LOG2_TAB[idx + 1] - MEL_LOG2_TAB[idx]);
    uint32_t rh = rem >> 13, rl = rem & 0x1fffu;
    int32_t interp = MEL_LOG2_TAB[idx] + (int32_t)((d * rh + ((d * rl) >> 13)) >> 13);
    return b * (1 << MEL_LOG_Q) + interp;
}

static void logmel_one(const uint32_t *spec, int16_t *out) {
    const uint32_t mant_mask = ((uint32_t)1 << MEL_SPEC_MANT_BITS) - 1u;
    const split log10_2 = split15(MEL_LOG10_2_Q30);
    for (int j = 0; j < MEL_N_MELS; ++j) {
        const uint16_t *w = MEL_TRI + MEL_FILT_OFF[j];
        const uint32_t *p = spec + MEL_FILT_START[j];
        int n = MEL_FILT_LEN[j];
        /* Align the filter's bins on its largest exponent, then accumulate
         * w * m (w <= 2^15, m < 2^26) over m's two 13-bit halves: each sum is
         * below MEL_FILTER_WEIGHT_SUM_MAX * 2^13 < 2^32 (checked below). */
        int top = 0;
        for (int i = 0; i < n; ++i) {
            int e = (int)(p[i] >> MEL_SPEC_MANT_BITS);
            if (e > top) top = e;
        }
        uint32_t acc_hi = 0, acc_lo = 0;
        for (int i = 0; i < n; ++i) {
            int sh = top - (int)(p[i] >> MEL_SPEC_MANT_BITS);
            if (sh >= MEL_SPEC_MANT_BITS) continue; /* the aligned mantissa is 0 */
            uint32_t v = (p[i] & mant_mask) >> sh;
            acc_hi += w[i] * (v >> MEL_ACC_SPLIT);
            acc_lo += w[i] * (v & ((1u << MEL_ACC_SPLIT) - 1u));
        }
        acc_hi += acc_lo >> MEL_ACC_SPLIT;
        acc_lo &= (1u << MEL_ACC_SPLIT) - 1u;
        int32_t v = MEL_LOG10_FLOOR;
        if (acc_hi | acc_lo) {
            /* mel_j = enorm_j * acc * 2^(top - TRI_Q - 2 * RAW_SCALE_LOG2);
             * |l2| < 64 * 2^24 */
            int32_t l2 = log2_q24(acc_hi, acc_lo) + (top - MEL_TRI_Q - 2 * RAW_SCALE_LOG2) * (1 << MEL_LOG_Q);
            wide prod = {0, 0, 0};
            wide_mac(&prod, split15(l2), log10_2);
            int32_t l10 = wide_floor30(prod) + MEL_LOG10_ENORM[j];
            int32_t q = (l10 + (1 << (MEL_LOG_Q - MEL_OUTPUT_Q - 1))) >> (MEL_LOG_Q - MEL_OUTPUT_Q);
            if (q > v) v = q;
            if (v > 32767) v = 32767;
        }
        out[j] = (int16_t)v;
    }
}

_Static_assert(MEL_FILTER_WEIGHT_SUM_MAX < (1u << (32 - MEL_ACC_SPLIT)),
               "mel sums of 13-bit mantissa halves must fit a uint32");

/* ---- entry points ------------------------------------------------------------------- */

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
