"""The ``aiex`` dialect (mlir-aie ``include/aie/Dialect/AIEX/IR/AIEX.td``) on xDSL. Being written."""
from xdsl.ir import Dialect

AIEX = Dialect("aiex", [], [])
