"""The ``aie`` dialect (mlir-aie ``include/aie/Dialect/AIE/IR/AIEOps.td``) on xDSL. Being written."""
from xdsl.ir import Dialect

AIE = Dialect("aie", [], [])
