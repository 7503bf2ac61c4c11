"""The other files of an emitted design: build.sh, manifest.json and the variant's README.md."""
from __future__ import annotations

import json

from partitioner import render
from partitioner.check import Evaluation
from partitioner.emitters import aiecc_api
from partitioner.emitters.mlir import emitted_device
from partitioner.errors import UserError
from partitioner.version import __version__


def _kernel_src_line(name: str, kernel_src: str) -> str:
    """build.sh's line that finds the kernel's sources: ``$KERNEL_SRC`` when set, else ``kernel_src``
    (relative to the design folder, where it was emitted) when a kernel.toml is there, else the kernel
    folder of the npu-tiler that python3 imports (:func:`kernels.kernel_dir`, ``$NPU_TILER_KERNELS``
    included), so a design folder moved anywhere still builds; else exit 2 naming ``KERNEL_SRC``.
    ``python3 -P`` keeps the current folder off the import path (a ``kernels/`` there is not ours).

    Examples
    --------
    >>> line = _kernel_src_line("mel", "../../kernels/mel")
    >>> line.startswith('KERNEL_SRC="${KERNEL_SRC:-$(k="$here/../../kernels/mel"; '), 'kernel_dir("mel")' in line
    (True, True)
    """
    where = f"$here/{kernel_src}"
    find = f"python3 -P -c 'import kernels; print(kernels.kernel_dir(\"{name}\"))'"
    missing = (f"kernel {name} not found at {where} nor by python3 (npu-tiler's kernels package): "
               f"set KERNEL_SRC to the kernel's folder")
    return (f'KERNEL_SRC="${{KERNEL_SRC:-$(k="{where}"; [ -f "$k/kernel.toml" ] || k="$({find} 2>/dev/null)" '
            f'|| true; [ -f "$k/kernel.toml" ] || {{ echo "{missing}" >&2; exit 2; }}; echo "$k")}}"')


def build_script(ev: Evaluation, kernel_src: str) -> str:
    """The design's build.sh: the kernel with Peano, then the design with the profile's aiecc.

    The driver's flags come from the profile's aiecc option table
    (params/aiecc.toml, :mod:`partitioner.emitters.aiecc_api`, read from
    mlir-aie's python/compiler/aiecc and tools/aiecc/CommandLineOptions.h):
    profiles 2025* run ``aiecc.py --aie-generate-xclbin --aie-generate-npu-insts
    --no-compile-host --no-xchesscc --no-xbridge``; 2026.08 (current main) the
    C++ ``aiecc`` (PR #3369 removed ``aiecc.py``) with ``--get-xclbin
    --get-npu-insts`` (PR #3364) and no backend flag (Peano the default since
    PR #3501; today's driver has no ``--no-xchesscc`` / ``--no-xbridge``).
    Every profile passes ``--alloc-scheme``, ``--peano "$PEANO_INSTALL_DIR"``
    and writes build/final.xclbin and build/insts.bin (``--xclbin-name``,
    ``--npu-insts-name``). The script checks for
    ``PEANO_INSTALL_DIR`` and the driver and says how to get them when missing
    (exit 2). The kernel object is found in build/, where the driver runs:
    named by ``link_with`` on the core (2025) or on the kernel declaration
    (2026), see :mod:`partitioner.emitters.mlir`.

    Parameters
    ----------
    ev : Evaluation
        The design (its options, kernel and device generation).
    kernel_src : str
        The kernel sources' folder relative to the design folder
        (``$KERNEL_SRC`` overrides it when the script runs; where the design
        was moved away from it, the script asks the installed npu-tiler).

    Returns
    -------
    str
        A bash script. A kernel without sources here gets a build that
        expects its object file in build/.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters import files
    >>> script = files.build_script(partitioner.partition(batch=100, tiles=4), "../../kernels/mel")
    >>> script.splitlines()[0], "aiecc.py --alloc-scheme=basic-sequential" in script
    ('#!/usr/bin/env bash', True)
    >>> script = files.build_script(partitioner.partition(batch=100, tiles=4, mlir_aie="2026"), "k")
    >>> "\\naiecc --alloc-scheme=basic-sequential --get-xclbin --get-npu-insts" in script, "--no-xchesscc" in script
    (True, False)
    """
    o, spec, profile = ev.design.options, ev.spec, ev.profile
    driver = profile.driver
    table = aiecc_api.for_profile(profile.name)
    if table.program != driver:
        raise UserError(f"mlir-aie profile {profile.name} builds with {driver}, but its aiecc option table "
                        f"{table.name} is {table.program}'s (params/aiecc.toml)")
    outputs = " ".join(f"--{f}" for f in table.outputs)
    backend = "".join(f"--{f} " for f in table.backend)
    target = "aie2p-none-unknown-elf" if ev.device.generation == "aie2p" else "aie2-none-unknown-elf"
    if spec.has_sources:
        c_files = " ".join(f'"$KERNEL_SRC/{s}"' for s in spec.sources if s.endswith(".c"))
        compile_kernel = (f'"$PEANO_INSTALL_DIR/bin/clang" -O2 -std=c11 --target={target} -DNDEBUG '
                          f'-I "$KERNEL_SRC" -c {c_files} -o {spec.object_file}')
    else:
        compile_kernel = (f'[ -f {spec.object_file} ] || {{ echo "{spec.object_file} not found: kernel {spec.name} '
                          f'has no source here; copy its object into $(pwd)" >&2; exit 2; }}')
    kernel_line = _kernel_src_line(spec.name, kernel_src) if spec.has_sources else \
        f'KERNEL_SRC="${{KERNEL_SRC:-$here/{kernel_src}}}"'
    get_driver = ("install mlir-aie (its release wheel) and activate its environment" if driver == "aiecc.py" else
                  f"install an mlir-aie of profile {profile.name} ({profile.targets}; the C++ aiecc) "
                  f"and put its bin/ on PATH")
    return f"""#!/usr/bin/env bash
# Build {ev.design.name} for {emitted_device(ev.design, profile)}: the kernel with Peano, the design with {driver}.
# mlir-aie profile {profile.name}: {profile.targets}.
# Needs mlir-aie ({driver} on PATH) and Peano (llvm-aie, PEANO_INSTALL_DIR); neither is on PyPI:
# install them from the mlir-aie and llvm-aie release wheels. Output: build/final.xclbin, build/insts.bin.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
{kernel_line}
if [ -z "${{PEANO_INSTALL_DIR:-}}" ] || [ ! -x "$PEANO_INSTALL_DIR/bin/clang" ]; then
  echo "PEANO_INSTALL_DIR is not set to a Peano (llvm-aie) install: pip install the llvm-aie wheel and" >&2
  echo "export PEANO_INSTALL_DIR=\\$(python3 -c 'import llvm_aie, os; print(os.path.dirname(llvm_aie.__file__))')" >&2
  exit 2
fi
if ! command -v {driver} >/dev/null 2>&1; then
  echo "{driver} not found: {get_driver}" >&2
  exit 2
fi
mkdir -p "$here/build" && cd "$here/build"
{compile_kernel}
{driver} --alloc-scheme={o.alloc_scheme} {outputs} \\
  {backend}--peano "$PEANO_INSTALL_DIR" \\
  --xclbin-name=final.xclbin --npu-insts-name=insts.bin "$here/aie.mlir"
echo "built $here/build/final.xclbin and $here/build/insts.bin"
"""


def manifest(ev: Evaluation, source_hash: str | None) -> dict:
    """manifest.json's content: version, options, kernel, workers, host buffers and the resource check.

    :mod:`partitioner.manifest` and :func:`partitioner.read` read it back;
    the last keys are :meth:`~partitioner.check.Evaluation.as_json`'s.

    Parameters
    ----------
    ev : Evaluation
    source_hash : str or None
        SHA-256 of the kernel's sources (``kernel.source_sha256``), None when unknown.

    Returns
    -------
    dict
        JSON-serialisable.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters import files
    >>> m = files.manifest(partitioner.partition(batch=100, tiles=4), None)
    >>> m["design"], m["batch"], m["object_frames"], m["fits"], len(m["workers"])
    ('batch100_split4_d2', 100, 25, True, 4)
    """
    d, spec = ev.design, ev.spec
    return {
        "npu_tiler_version": __version__,
        "design": d.name,
        "options": d.options.as_dict(),
        "mlir_aie_profile": ev.profile.as_json(),
        "aie_device": emitted_device(d, ev.profile),
        "kernel": {"name": spec.name, "object": spec.object_file, "source_sha256": source_hash,
                   "static_data_bytes": spec.static_data_bytes, "stack_bytes": spec.stack_bytes},
        "batch": d.batch,
        "object_frames": d.object_frames,
        "depth": d.depth,
        "workers": [{"name": w.name, "tile": list(w.tile), "symbol": w.symbol, "frames_per_call": w.frames_per_call,
                     "object_frames": w.object_frames, "stack_bytes": w.stack_bytes} for w in d.workers],
        "host_buffers": [{"name": b.name, "direction": b.direction, "elem_type": b.elem_type,
                          "elem_count": b.elem_count, "bytes": b.nbytes, "stream": b.stream, "frames": b.frames}
                         for b in d.sequence.buffers],
        **ev.as_json(),
    }


def manifest_text(ev: Evaluation, source_hash: str | None) -> str:
    """:func:`manifest` as the text of manifest.json: indented JSON, keys in order, newline-terminated.

    Examples
    --------
    >>> import json, partitioner
    >>> from partitioner.emitters import files
    >>> text = files.manifest_text(partitioner.partition(batch=100, tiles=4), None)
    >>> json.loads(text)["kernel"]["source_sha256"] is None, text.endswith("}\\n")
    (True, True)
    """
    return json.dumps(manifest(ev, source_hash), indent=2, sort_keys=False) + "\n"


def readme(ev: Evaluation) -> str:
    """The design folder's README.md: what the design is, whether it fits, placement, resources, memory maps.

    The tables are :mod:`partitioner.render`'s, so they match ``npu-tiler
    partition``. A design emitted with ``--force`` says in bold that aiecc
    will fail and lists the reasons.

    Parameters
    ----------
    ev : Evaluation

    Returns
    -------
    str
        Markdown.

    Examples
    --------
    >>> import partitioner
    >>> from partitioner.emitters import files
    >>> files.readme(partitioner.partition(batch=100, tiles=4)).splitlines()[0]
    '# batch100_split4_d2'
    """
    d, o, profile = ev.design, ev.design.options, ev.profile
    lines = [f"# {d.name}", ""] + [f"{n[0].upper()}{n[1:]}." for n in d.notes] + ([""] if d.notes else [])
    lines += [f"{o.strategy} of the `{o.kernel}` kernel over {len(d.workers)} compute tile(s) of `{o.device}`: "
              f"{o.batch} frames per NPU call, {d.object_frames} frames per ObjectFIFO buffer "
              f"({d.workers[0].iterations_per_call} per tile per call), depth {d.depth}, frame mode `{o.frame_mode}`, "
              f"`{o.alloc_scheme}` allocation, mlir-aie profile {o.mlir_aie} ({profile.targets}), emitted for "
              f"`aie.device({emitted_device(d, profile)})`, the smallest array that holds it.", ""]
    if ev.fits:
        lines += ["The model predicts that it fits every tile (figures below, also in `manifest.json`).", ""]
    else:
        lines += [f"**This design does not fit: {profile.driver} will fail.** It was emitted with `--force`. The model's "
                  "reasons:", "", "```"] + ev.errors + ["```", ""]
    lines += [f"Files: `aie.mlir` (for {profile.driver}), `aie.generic.mlir` (the same in MLIR's generic form, as "
              "aie-opt prints it), `design.py` (IRON; prints the MLIR with mlir-aie installed), `build.sh`, "
              "`manifest.json`.", ""]
    lines += ["## Placement", "", "```"] + render.array_picture(ev) + ["```", "", "ObjectFIFOs:", "", "```"]
    lines += render.fifo_lines(ev) + ["```", "", "## Resources per tile", "", "```"] + render.tile_table(ev) + ["```", ""]
    lines += ["## Memory map per tile", ""]
    for tile, mm in sorted(ev.memory.items()):
        lines += [f"{tile} ({ev.lowered.tiles[tile].kind}, {mm.used:,} of {mm.capacity:,} B):", "", "```"]
        lines += [line.replace("\t", "") for line in mm.listing()] + ["```", ""]
    lines += ["## Build and run", "", "```bash", "PEANO_INSTALL_DIR=/path/to/llvm-aie ./build.sh",
              "npu-tiler simulate .        # bit-exact check against the batch-20 baseline (simulator)", "```", ""]
    return "\n".join(lines)
