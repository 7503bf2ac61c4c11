"""mlir-aie's aie and aiex dialects on xDSL: read any design, print it pretty or generic.

* :mod:`partitioner.mlir.aie`: the ``aie`` dialect (ops, attributes, types), with mlir-aie's
  assembly formats and verifiers (mlir-aie ``include/aie/Dialect/AIE/IR/AIEOps.td``);
* :mod:`partitioner.mlir.aiex`: the ``aiex`` dialect (``AIEX/IR/AIEX.td``);
* :mod:`partitioner.mlir.parse`: text -> verified ``builtin.module``, errors with file:line:col.

builtin, arith, scf, func and memref come from xDSL.
"""
