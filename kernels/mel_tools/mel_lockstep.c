/* Host-only lockstep build of the mel kernel: MEL_LANES frames at a time, one frame per vector lane.
 *
 * Not an AIE2 kernel and not a second reference: kernels/mel/mel.c is the kernel, and this file
 * includes it whole, so its entry points (mel_frames, ...) are in the same library unchanged. The
 * simulator calls <entry>_lockstep instead of an entry point when the library has it (mel_frames,
 * mel_chunk, mel_spectrum, mel_spectrum_chunk, mel_logmel; not the hop entries, which keep state)
 * (sim/dataflow.py); tests/test_host_fast.py checks that every output bit equals the entry point's.
 *
 * Every function below is the one of mel.c of the same name (v-prefixed) with every per-frame int32 a
 * vector of MEL_LANES int32 (GCC/Clang vector extensions: plain C vectors, no intrinsics; the compiler
 * uses whatever vector unit the build's flags allow, SSE2 at least on x86-64). The operations are the
 * same: int32 products, sums, arithmetic right shifts (GCC and Clang define >> of a negative int32 as
 * arithmetic, for scalars and vectors alike) and masks; mel.c bounds every signed sum below 2^31, and
 * its uint32 sums wrap alike in a lane. The window, FFT and real split have no data-dependent control
 * flow. power_word and logmel_one branch on the data: in lanes every branch is computed with its shift
 * counts clamped into the range the branch uses, and each lane selects its own branch's result (the
 * scalar branches' values). Those need per-lane shift counts (MEL_VECTOR_SHIFTS); without them (x86-64
 * below AVX2) mel.c's own power_word and logmel_one run per frame instead.
 *
 * Only valid for the mel.c it was written against: kernels/mel_tools/hostbuild.py adds this file to
 * the build only when the kernel's sources hash to LOCKSTEP_SOURCE_SHA256 there.
 */
#include "mel.c"

#ifndef MEL_LANES
#define MEL_LANES 8
#endif

/* Vectors pass between static functions only, so GCC's note that their ABI differs with and without
 * AVX (-Wpsabi, an error under -Werror) concerns no caller of this library. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

typedef int32_t vi __attribute__((vector_size(MEL_LANES * sizeof(int32_t))));
typedef uint32_t vu __attribute__((vector_size(MEL_LANES * sizeof(uint32_t))));
typedef struct { vi h, l; } vsplit;
typedef struct { vi hi, mid, lo; } vwide;

/* The FFT's working set of MEL_LANES frames (on the stack: a host thread's stack is megabytes). */
typedef struct { vi re[MEL_FFT_POINTS], im[MEL_FFT_POINTS]; } vfft;

static inline vsplit vsplit15(vi v) {
    vi t = v + (1 << 14);
    vsplit s = { t >> 15, (t & 0x7fff) - (1 << 14) };
    return s;
}

/* w += a * b with a split of the data and b a constant's split (wide_mac's three words). mel.c's
 * wide_mac(&w, b, a) with the constant first is vwide_mac(&w, a, b): the same int32 products, and the
 * mid word's two summed in the other order, which gives the same int32 (mel.c bounds the sum). */
static inline void vwide_mac(vwide *w, vsplit a, split b) {
    w->hi += a.h * b.h;
    w->mid += a.h * b.l + a.l * b.h;
    w->lo += a.l * b.l;
}

static inline void vwide_msub(vwide *w, vsplit a, split b) {
    w->hi -= a.h * b.h;
    w->mid -= a.h * b.l + a.l * b.h;
    w->lo -= a.l * b.l;
}

static inline vi vwide_round30(vwide w) {
    return w.hi + ((w.mid + (w.lo >> 15) + (1 << 14)) >> 15);
}

static inline vi vwide_round31(vwide w) {
    return (w.hi + 1 + ((w.mid + (w.lo >> 15)) >> 15)) >> 1;
}

/* window_mul of each lane */
static inline vi vwindow_mul(vi x, int32_t w) {
    vi hi = x * (w >> 15), lo = x * (w & 0x7fff);
    return (hi + (lo >> 15) + (1 << (WINDOW_SHIFT - 16))) >> (WINDOW_SHIFT - 15);
}

/* window_pack of frames frame[0], frame[stride], ... (lane j: frame + j * stride) */
static void vwindow_pack(vfft *f, const int16_t *frame, int32_t stride) {
    for (int n = 0; n < MEL_FFT_POINTS; ++n) {
        vi xe, xo;
        for (int j = 0; j < MEL_LANES; ++j) {
            xe[j] = frame[j * stride + 2 * n];
            xo[j] = frame[j * stride + 2 * n + 1];
        }
        int p = MEL_FFT_PERM[n];
        f->re[p] = vwindow_mul(xe, window_at(2 * n));
        f->im[p] = vwindow_mul(xo, window_at(2 * n + 1));
    }
}

static inline void vrotate(vi *re, vi *im, const twiddle *w) {
    vi r0 = *re, i0 = *im;
    if (w->quarter >= 0) {
        if (w->quarter == 1) { *re = i0; *im = -r0; }
        else if (w->quarter == 2) { *re = -r0; *im = -i0; }
        else if (w->quarter == 3) { *re = -i0; *im = r0; }
        return;
    }
    vsplit r = vsplit15(r0), i = vsplit15(i0);
    vwide a = {{0}, {0}, {0}}, b = {{0}, {0}, {0}};
    vwide_mac(&a, r, w->c);
    vwide_mac(&a, i, w->s);
    vwide_mac(&b, i, w->c);
    vwide_msub(&b, r, w->s);
    *re = vwide_round30(a);
    *im = vwide_round30(b);
}

static inline vwide vwide_sum(vwide a, vwide b) {
    vwide s = { a.hi + b.hi, a.mid + b.mid, a.lo + b.lo };
    return s;
}

static inline vwide vwide_diff(vwide a, vwide b) {
    vwide s = { a.hi - b.hi, a.mid - b.mid, a.lo - b.lo };
    return s;
}

static inline void vdft5_part(vi y0, vi t1, vi t2, vi t3, vi t4, vi *o) {
    const split c1 = DFT5_C1, c2 = DFT5_C2, s1 = DFT5_S1, s2 = DFT5_S2;
    vsplit u1 = vsplit15(t1), u2 = vsplit15(t2), u3 = vsplit15(t3), u4 = vsplit15(t4);
    vi zero = {0};
    vwide a = { y0, zero, zero }, b = { zero, zero, zero };
    vwide_mac(&a, u1, c1);
    vwide_mac(&a, u2, c2);
    vwide_mac(&b, u3, s1);
    vwide_mac(&b, u4, s2);
    o[1] = vwide_round30(vwide_sum(a, b));
    o[4] = vwide_round30(vwide_diff(a, b));
    a = (vwide){ y0, zero, zero };
    b = (vwide){ zero, zero, zero };
    vwide_mac(&a, u1, c2);
    vwide_mac(&a, u2, c1);
    vwide_mac(&b, u3, s2);
    vwide_msub(&b, u4, s1);
    o[2] = vwide_round30(vwide_sum(a, b));
    o[3] = vwide_round30(vwide_diff(a, b));
}

static inline void vdft5(vi *yr, vi *yi) {
    vi y0r = yr[0], y0i = yi[0];
    vi t1r = yr[1] + yr[4], t1i = yi[1] + yi[4];
    vi t2r = yr[2] + yr[3], t2i = yi[2] + yi[3];
    vi t3r = yr[1] - yr[4], t3i = yi[1] - yi[4];
    vi t4r = yr[2] - yr[3], t4i = yi[2] - yi[3];
    yr[0] = y0r + t1r + t2r;
    yi[0] = y0i + t1i + t2i;
    vdft5_part(y0r, t1r, t2r, t3i, t4i, yr);
    vdft5_part(y0i, t1i, t2i, -t3r, -t4r, yi);
}

static void vfft_radix2(vfft *f, int m, uint32_t tw_step) {
    for (int k = 0; k < m; ++k) {
        twiddle w = twiddle_at((uint32_t)k * tw_step);
        for (int a = k; a < MEL_FFT_POINTS; a += 2 * m) {
            vi xr = f->re[a + m], xi = f->im[a + m];
            vrotate(&xr, &xi, &w);
            vi r0 = f->re[a], i0 = f->im[a];
            f->re[a] = r0 + xr;
            f->im[a] = i0 + xi;
            f->re[a + m] = r0 - xr;
            f->im[a + m] = i0 - xi;
        }
    }
}

static void vfft_radix5(vfft *f, int m, uint32_t tw_step) {
    for (int k = 0; k < m; ++k) {
        twiddle w[4];
        for (int q = 1; q < 5; ++q) w[q - 1] = twiddle_at((uint32_t)(q * k) * tw_step);
        for (int a = k; a < MEL_FFT_POINTS; a += 5 * m) {
            vi yr[5], yi[5];
            yr[0] = f->re[a];
            yi[0] = f->im[a];
            for (int q = 1; q < 5; ++q) {
                yr[q] = f->re[a + q * m];
                yi[q] = f->im[a + q * m];
                vrotate(&yr[q], &yi[q], &w[q - 1]);
            }
            vdft5(yr, yi);
            for (int p = 0; p < 5; ++p) {
                f->re[a + m * p] = yr[p];
                f->im[a + m * p] = yi[p];
            }
        }
    }
}

static void vfft200(vfft *f) {
    int m = 1;
    for (int i = MEL_FFT_STAGES - 1; i >= 0; --i) {
        if (MEL_FFT_RADICES[i] == 2) vfft_radix2(f, m, MEL_FFT_TW_STEP[i]);
        else vfft_radix5(f, m, MEL_FFT_TW_STEP[i]);
        m *= MEL_FFT_RADICES[i];
    }
}

static void vsplit_real(vfft *f, vi *nyq_re, vi *nyq_im) {
    for (int k = 0; k <= MEL_FFT_POINTS / 2; ++k) {
        int k2 = k ? MEL_FFT_POINTS - k : 0;
        vi ar = f->re[k], ai = f->im[k], br = f->re[k2], bi = -f->im[k2];
        vi er = ar + br, ei = ai + bi;
        vsplit orr = vsplit15(ai - bi), oi = vsplit15(br - ar);
        split c = COS_AT(k), s = COS_AT(QUARTER - k);
        vwide pr = {{0}, {0}, {0}}, pi = {{0}, {0}, {0}};
        vwide_mac(&pr, orr, c);
        vwide_mac(&pr, oi, s);
        vwide_mac(&pi, oi, c);
        vwide_msub(&pi, orr, s);
        f->re[k] = vwide_round31((vwide){ er + pr.hi, pr.mid, pr.lo });
        f->im[k] = vwide_round31((vwide){ ei + pi.hi, pi.mid, pi.lo });
        vi yr = vwide_round31((vwide){ er - pr.hi, -pr.mid, -pr.lo });
        vi yi = vwide_round31((vwide){ pi.hi - ei, pi.mid, pi.lo });
        if (k == 0) {
            *nyq_re = yr;
            *nyq_im = yi;
        } else {
            f->re[k2] = yr;
            f->im[k2] = yi;
        }
    }
}

/* ---- power words: mel.c's power_word in every lane, its branches as selects ---------------- */

/* Per-lane shift counts are one instruction with AVX2 (and on most other vector units); x86-64
 * without AVX2 would shift lane by lane, slower than mel.c's power_word per frame, which it uses. */
#ifndef MEL_VECTOR_SHIFTS
#if defined(__AVX2__) || !(defined(__x86_64__) || defined(__i386__))
#define MEL_VECTOR_SHIFTS 1
#else
#define MEL_VECTOR_SHIFTS 0
#endif
#endif

#if MEL_VECTOR_SHIFTS

/* A lane mask (all ones where cond holds) picks a or b. */
static inline vu vselect(vi mask, vu a, vu b) {
    return ((vu)mask & a) | (~(vu)mask & b);
}

/* bit_length32 of each lane: mel.c's portable clz32 (a binary search) as selects; 0 for 0. */
static inline vi vbit_length(vu v) {
    vi n = {0};
    vi m;
    m = (v >> 16) == 0; n += m & 16; v = vselect(m, v << 16, v);
    m = (v >> 24) == 0; n += m & 8;  v = vselect(m, v << 8, v);
    m = (v >> 28) == 0; n += m & 4;  v = vselect(m, v << 4, v);
    m = (v >> 30) == 0; n += m & 2;  v = vselect(m, v << 2, v);
    vi clz = n + (vi)((v >> 31) ^ 1u);
    return (vi)vselect(v == 0, (vu){0}, (vu)(32 - clz));
}

static inline vi vmin(vi a, vi b) { return (vi)vselect(a < b, (vu)a, (vu)b); }
static inline vi vmax(vi a, vi b) { return (vi)vselect(a > b, (vu)a, (vu)b); }

/* power_word(re, im) of each lane. Every branch is computed in every lane with its shift counts
 * clamped into the range that branch uses (so no lane shifts by 32 or more), and the lane's own
 * branch is selected: the same words as the scalar branches. */
static vu vpower_word(vi re, vi im) {
    vsplit r = vsplit15(re), i = vsplit15(im);
    vi hi = r.h * r.h + i.h * i.h;
    vi mid = 2 * (r.h * r.l + i.h * i.l) + ((r.l * r.l + i.l * i.l) >> 15);
    vi low15 = (r.l * r.l + i.l * i.l) & 0x7fff;
    vu p1 = (vu)(hi + (mid >> 15));
    vu p0 = ((vu)(mid & 0x7fff) << 15) | (vu)low15;
    vi zero = {0};
    vu one = (vu)(zero + 1);
    vi small = p1 == 0; /* p1 == 0: p = p0 */
    vi ea = vbit_length(p0) - MEL_SPEC_MANT_BITS;
    vi eac = vmax(ea, zero + 1);
    vu ma = (p0 + (one << (vu)(eac - 1))) >> (vu)eac;
    vi eb = vbit_length(p1) + 30 - MEL_SPEC_MANT_BITS; /* 5..34 where p1 != 0 */
    vi e1 = vmax(vmin(eb, zero + 30), zero + 5);        /* the e <= 30 branch */
    vu q0 = p0 + (one << (vu)(e1 - 1));
    vu q1 = p1 + (q0 >> 30);
    q0 &= (1u << 30) - 1u;
    vu mb1 = (q1 << (vu)(30 - e1)) | (q0 >> (vu)e1);
    vi e2 = vmin(vmax(eb, zero + 31), zero + 34);       /* the e > 30 branch */
    vu mb2 = (p1 + (one << (vu)(e2 - 31))) >> (vu)(e2 - 30);
    vu m = vselect(small, ma, vselect(eb <= 30, mb1, mb2));
    vi e = (vi)vselect(small, (vu)ea, (vu)eb);
    vi carry = (m >> MEL_SPEC_MANT_BITS) != 0; /* rounding carried into a new bit */
    m = vselect(carry, m >> 1, m);
    e -= carry;
    vu word = ((vu)e << MEL_SPEC_MANT_BITS) | m;
    return vselect(small & (ea <= 0), p0, word);
}

/* ---- mel and log: mel.c's logmel_one in every lane ----------------------------------------- */

/* log2_q24(hi, lo) of each lane (acc > 0; other lanes give a value that is not used). */
static vi vlog2_q24(vu hi, vu lo) {
    vi zero = {0};
    vi nb = vmax(vbit_length(hi), zero + 1);                       /* hi != 0: 1..32 */
    vi cut = zero + (33 - MEL_ACC_SPLIT);
    vu frac_hi = (hi << (vu)(32 - nb)) << 1;
    frac_hi |= vselect(nb <= cut, lo << (vu)(cut - vmin(nb, cut)), lo >> (vu)(vmax(nb, cut) - cut));
    vi bl = vmax(vbit_length(lo) - 1, zero);                        /* hi == 0: 0..12 */
    vu frac_lo = (lo << (vu)(31 - bl)) << 1;
    vi has_hi = hi != 0;
    vi b = (vi)vselect(has_hi, (vu)(nb + MEL_ACC_SPLIT - 1), (vu)bl);
    vu frac = vselect(has_hi, frac_hi, frac_lo);
    vu idx = frac >> (32 - MEL_LOG_TABLE_BITS);
    vu rem = frac & ((1u << (32 - MEL_LOG_TABLE_BITS)) - 1u);
    vi base, next;
    for (int j = 0; j < MEL_LANES; ++j) { /* a table lookup per lane */
        base[j] = MEL_LOG2_TAB[idx[j]];
        next[j] = MEL_LOG2_TAB[idx[j] + 1];
    }
    vu d = (vu)(next - base);
    vu rh = rem >> 13, rl = rem & 0x1fffu;
    vi interp = base + (vi)((d * rh + ((d * rl) >> 13)) >> 13);
    return b * (1 << MEL_LOG_Q) + interp;
}

/* logmel_one of the lanes' spectra words[0 .. MEL_SPEC_WORDS) (lane j's output at out + j * 80). */
static void vlogmel(const vu *words, int16_t *out) {
    const uint32_t mant_mask = ((uint32_t)1 << MEL_SPEC_MANT_BITS) - 1u;
    const split log10_2 = split15(MEL_LOG10_2_Q30);
    vi zero = {0};
    for (int j = 0; j < MEL_N_MELS; ++j) {
        const uint16_t *w = MEL_TRI + MEL_FILT_OFF[j];
        const vu *p = words + MEL_FILT_START[j];
        int n = MEL_FILT_LEN[j];
        vi top = zero;
        for (int i = 0; i < n; ++i) top = vmax(top, (vi)(p[i] >> MEL_SPEC_MANT_BITS));
        vu acc_hi = {0}, acc_lo = {0};
        for (int i = 0; i < n; ++i) {
            vi sh = top - (vi)(p[i] >> MEL_SPEC_MANT_BITS);
            vu v = (p[i] & mant_mask) >> (vu)vmin(sh, zero + MEL_SPEC_MANT_BITS - 1);
            v = vselect(sh >= MEL_SPEC_MANT_BITS, (vu){0}, v); /* the aligned mantissa is 0 */
            acc_hi += w[i] * (v >> MEL_ACC_SPLIT);
            acc_lo += w[i] * (v & ((1u << MEL_ACC_SPLIT) - 1u));
        }
        acc_hi += acc_lo >> MEL_ACC_SPLIT;
        acc_lo &= (1u << MEL_ACC_SPLIT) - 1u;
        vi l2 = vlog2_q24(acc_hi, acc_lo) + (top - MEL_TRI_Q - 2 * RAW_SCALE_LOG2) * (1 << MEL_LOG_Q);
        vwide prod = {zero, zero, zero};
        vwide_mac(&prod, vsplit15(l2), log10_2);
        vi l10 = prod.hi + ((prod.mid + (prod.lo >> 15)) >> 15) + MEL_LOG10_ENORM[j]; /* wide_floor30 */
        vi q = (l10 + (1 << (MEL_LOG_Q - MEL_OUTPUT_Q - 1))) >> (MEL_LOG_Q - MEL_OUTPUT_Q);
        vi v = vmin(vmax(q, zero + MEL_LOG10_FLOOR), zero + 32767);
        v = (vi)vselect((acc_hi | acc_lo) != 0, (vu)v, (vu)(zero + MEL_LOG10_FLOOR));
        for (int k = 0; k < MEL_LANES; ++k) out[k * MEL_N_MELS + j] = (int16_t)v[k];
    }
}

#endif /* MEL_VECTOR_SHIFTS */

/* The spectrum words of MEL_LANES frames (lane j at frame + j * stride): spectrum_one in lanes. */
static void spectrum_lockstep(const int16_t *frame, int32_t stride, vu *words) {
    vfft f;
    vi nyq_re = {0}, nyq_im = {0};
    vwindow_pack(&f, frame, stride);
    vfft200(&f);
    vsplit_real(&f, &nyq_re, &nyq_im);
#if MEL_VECTOR_SHIFTS
    for (int k = 0; k < MEL_FFT_POINTS; ++k) words[k] = vpower_word(f.re[k], f.im[k]); /* power_spectrum */
    words[MEL_FFT_POINTS] = vpower_word(nyq_re, nyq_im);
#else
    for (int j = 0; j < MEL_LANES; ++j) {
        for (int k = 0; k < MEL_FFT_POINTS; ++k) words[k][j] = power_word(f.re[k][j], f.im[k][j]);
        words[MEL_FFT_POINTS][j] = power_word(nyq_re[j], nyq_im[j]);
    }
#endif
}

/* logmel_one of the lanes' spectrum words (lane j's 80 values at out + j * 80). */
static void logmel_lockstep(const vu *words, int16_t *out) {
#if MEL_VECTOR_SHIFTS
    vlogmel(words, out);
#else
    uint32_t spec[MEL_SPEC_WORDS];
    for (int j = 0; j < MEL_LANES; ++j) { /* mel.c's own, per frame */
        for (int k = 0; k < MEL_SPEC_WORDS; ++k) spec[k] = words[k][j];
        logmel_one(spec, out + j * MEL_N_MELS);
    }
#endif
}

/* MEL_LANES frames (lane j at frame + j * stride) to MEL_LANES x 80 log-mel values. */
static void frames_lockstep(const int16_t *frame, int32_t stride, int16_t *out) {
    vu words[MEL_SPEC_WORDS];
    spectrum_lockstep(frame, stride, words);
    logmel_lockstep(words, out);
}

/* Lane j's words to spec + j * MEL_SPEC_WORDS (mel.h's spectrum layout), and back. */
static void words_out(const vu *words, uint32_t *spec) {
    for (int j = 0; j < MEL_LANES; ++j)
        for (int k = 0; k < MEL_SPEC_WORDS; ++k) spec[j * MEL_SPEC_WORDS + k] = words[k][j];
}

static void words_in(const uint32_t *spec, vu *words) {
    for (int j = 0; j < MEL_LANES; ++j)
        for (int k = 0; k < MEL_SPEC_WORDS; ++k) words[k][j] = spec[j * MEL_SPEC_WORDS + k];
}

/* The lockstep groups of n_frames frames (frame t at x + t * stride) to log-mel values or to spectrum
 * words; each returns how many frames it did (a multiple of MEL_LANES): the entry point runs the rest. */
static inline int32_t mels_lockstep(const int16_t *x, int32_t stride, int16_t *out, int32_t n_frames) {
    int32_t t = 0;
    for (; t + MEL_LANES <= n_frames; t += MEL_LANES)
        frames_lockstep(x + t * stride, stride, out + t * MEL_N_MELS);
    return t;
}

static inline int32_t spectra_lockstep(const int16_t *x, int32_t stride, uint32_t *spec, int32_t n_frames) {
    vu words[MEL_SPEC_WORDS];
    int32_t t = 0;
    for (; t + MEL_LANES <= n_frames; t += MEL_LANES) {
        spectrum_lockstep(x + t * stride, stride, words);
        words_out(words, spec + t * MEL_SPEC_WORDS);
    }
    return t;
}

/* mel_frames' output, MEL_LANES frames at a time; the last n_frames % MEL_LANES by mel_frames itself. */
void mel_frames_lockstep(const int16_t *frames, int16_t *out, int32_t n_frames) {
    int32_t t = mels_lockstep(frames, MEL_N_FFT, out, n_frames);
    if (t < n_frames) mel_frames(frames + t * MEL_N_FFT, out + t * MEL_N_MELS, n_frames - t);
}

/* mel_chunk's output (frame t = chunk[160 t .. 160 t + 400)), the same way. */
void mel_chunk_lockstep(const int16_t *chunk, int16_t *out, int32_t n_frames) {
    int32_t t = mels_lockstep(chunk, MEL_HOP, out, n_frames);
    if (t < n_frames) mel_chunk(chunk + t * MEL_HOP, out + t * MEL_N_MELS, n_frames - t);
}

/* mel_spectrum's output (the pipeline's first stage), the same way. */
void mel_spectrum_lockstep(const int16_t *frames, uint32_t *spec, int32_t n_frames) {
    int32_t t = spectra_lockstep(frames, MEL_N_FFT, spec, n_frames);
    if (t < n_frames) mel_spectrum(frames + t * MEL_N_FFT, spec + t * MEL_SPEC_WORDS, n_frames - t);
}

/* mel_spectrum_chunk's output, the same way. */
void mel_spectrum_chunk_lockstep(const int16_t *chunk, uint32_t *spec, int32_t n_frames) {
    int32_t t = spectra_lockstep(chunk, MEL_HOP, spec, n_frames);
    if (t < n_frames) mel_spectrum_chunk(chunk + t * MEL_HOP, spec + t * MEL_SPEC_WORDS, n_frames - t);
}

/* mel_logmel's output (the pipeline's second stage), the same way. */
void mel_logmel_lockstep(const uint32_t *spec, int16_t *out, int32_t n_frames) {
    vu words[MEL_SPEC_WORDS];
    int32_t t = 0;
    for (; t + MEL_LANES <= n_frames; t += MEL_LANES) {
        words_in(spec + t * MEL_SPEC_WORDS, words);
        logmel_lockstep(words, out + t * MEL_N_MELS);
    }
    if (t < n_frames) mel_logmel(spec + t * MEL_SPEC_WORDS, out + t * MEL_N_MELS, n_frames - t);
}

/* ---- several calls in one ------------------------------------------------------------------ */

/* The lockstep entry points by index (mel_lockstep_index), for mel_run_calls. */
static const char *const LOCKSTEP_NAMES[] = {
    "mel_frames", "mel_chunk", "mel_spectrum", "mel_spectrum_chunk", "mel_logmel",
};
#define N_LOCKSTEP ((int32_t)(sizeof LOCKSTEP_NAMES / sizeof LOCKSTEP_NAMES[0]))

static int same_name(const char *a, const char *b) {
    while (*a && *a == *b) { ++a; ++b; }
    return *a == *b;
}

/* Index of entry point `symbol` (its name without _lockstep) for mel_run_calls, or -1. */
int32_t mel_lockstep_index(const char *symbol) {
    for (int32_t i = 0; i < N_LOCKSTEP; ++i)
        if (same_name(symbol, LOCKSTEP_NAMES[i])) return i;
    return -1;
}

/* n_calls calls of lockstep entry points, in order: record i is four uint64 words (entry index,
 * input address, output address, frames). The simulator's workers' calls between two data moves,
 * made with one foreign call (one release of Python's lock instead of one per worker). */
void mel_run_calls(const uint64_t *calls, int32_t n_calls) {
    for (int32_t i = 0; i < n_calls; ++i) {
        const uint64_t *c = calls + 4 * i;
        const void *in = (const void *)(uintptr_t)c[1];
        void *out = (void *)(uintptr_t)c[2];
        int32_t n = (int32_t)c[3];
        switch (c[0]) {
        case 0: mel_frames_lockstep(in, out, n); break;
        case 1: mel_chunk_lockstep(in, out, n); break;
        case 2: mel_spectrum_lockstep(in, out, n); break;
        case 3: mel_spectrum_chunk_lockstep(in, out, n); break;
        case 4: mel_logmel_lockstep(in, out, n); break;
        default: break;
        }
    }
}

/* How many frames run in lockstep: the tests check every lane's position. */
int32_t mel_lockstep_lanes(void) { return MEL_LANES; }
