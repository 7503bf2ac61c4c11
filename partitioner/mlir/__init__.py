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
* :mod:`partitioner.mlir.place`: where aiecc's placer puts each ``aie.logical_tile`` (the index asks it);
* :mod:`partitioner.mlir.registers`: what a runtime sequence's register write touches, against the
  register map (the index decodes each write with it);
* :mod:`partitioner.mlir.read`: the index -> the partitioner's ``Design``.

builtin, arith, scf, func, memref, cf, affine and vector come from xDSL (a few ops given MLIR's
syntax in :mod:`partitioner.mlir.parse`). Nothing is imported here, so
importing one module does not load the others.
"""
