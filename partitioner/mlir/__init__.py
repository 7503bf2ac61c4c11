"""mlir-aie's aie and aiex dialects on xDSL: read any design, print it pretty or generic.

* :mod:`partitioner.mlir.aie`: the ``aie`` dialect (ops, attributes, types), with mlir-aie's
  assembly formats and verifiers (mlir-aie ``include/aie/Dialect/AIE/IR/AIEOps.td``,
  ``lib/Dialect/AIE/IR/AIEDialect.cpp``), and the device models its verifiers use;
* :mod:`partitioner.mlir.aiex`: the ``aiex`` dialect (``AIEX/IR/AIEX.td``);
* :mod:`partitioner.mlir.parse`: text -> verified ``builtin.module``, parsed once, with each
  op's position (``read_source(path)`` / ``parse_source(text, filename)`` -> ``Source``);
  every failure is one ``MlirError`` with file, line, column and token;
* :mod:`partitioner.mlir.index`: the module's one index (tiles, FIFOs, cores, DMA programs,
  runtime sequences, ...), which the reader and the hang checker walk;
* :mod:`partitioner.mlir.read`: the index -> the partitioner's ``Design``.

builtin, arith, scf, func, memref and cf come from xDSL. Nothing is imported here, so
importing one module does not load the others.
"""
