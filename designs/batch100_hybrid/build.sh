#!/usr/bin/env bash
# Build batch100_hybrid for npu1_1col: the kernel with Peano, the design with aiecc.py.
# mlir-aie profile 2025.09: Xilinx/mlir-aie from PR #2549 (2025-09) up to, not including, PR #2708 (2025-11).
# Needs mlir-aie (aiecc.py on PATH) and Peano (llvm-aie, PEANO_INSTALL_DIR); neither is on PyPI:
# install them from the mlir-aie and llvm-aie release wheels. Output: build/final.xclbin, build/insts.bin.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
KERNEL_SRC="${KERNEL_SRC:-$(k="$here/../../kernels/mel"; [ -f "$k/kernel.toml" ] || k="$(python3 -P -c 'import kernels; print(kernels.kernel_dir("mel"))' 2>/dev/null)" || true; [ -f "$k/kernel.toml" ] || { echo "kernel mel not found at $here/../../kernels/mel nor by python3 (npu-tiler's kernels package): set KERNEL_SRC to the kernel's folder" >&2; exit 2; }; echo "$k")}"
if [ -z "${PEANO_INSTALL_DIR:-}" ] || [ ! -x "$PEANO_INSTALL_DIR/bin/clang" ]; then
  echo "PEANO_INSTALL_DIR is not set to a Peano (llvm-aie) install: pip install the llvm-aie wheel and" >&2
  echo "export PEANO_INSTALL_DIR=\$(python3 -c 'import llvm_aie, os; print(os.path.dirname(llvm_aie.__file__))')" >&2
  exit 2
fi
if ! command -v aiecc.py >/dev/null 2>&1; then
  echo "aiecc.py not found: install mlir-aie (its release wheel) and activate its environment" >&2
  exit 2
fi
mkdir -p "$here/build" && cd "$here/build"
"$PEANO_INSTALL_DIR/bin/clang" -O2 -std=c11 --target=aie2-none-unknown-elf -DNDEBUG -I "$KERNEL_SRC" -c "$KERNEL_SRC/mel.c" -o mel.o
aiecc.py --alloc-scheme=basic-sequential --aie-generate-xclbin --aie-generate-npu-insts --no-compile-host \
  --no-xchesscc --no-xbridge --peano "$PEANO_INSTALL_DIR" \
  --xclbin-name=final.xclbin --npu-insts-name=insts.bin "$here/aie.mlir"
echo "built $here/build/final.xclbin and $here/build/insts.bin"
