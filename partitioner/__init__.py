"""npu-tiler's partitioner: from (kernel, batch, tiles, strategy) to a placed, checked mlir-aie design.

Use it from Python::

    import partitioner
    ev = partitioner.partition(batch=100, tiles=4)       # Evaluation: design, tiles, fits, errors
    partitioner.emit(ev, "out/b100x4")                    # aie.mlir, design.py, build.sh, manifest
    ev2 = partitioner.read("out/b100x4")                  # a design folder or .mlir file -> Evaluation

The pieces, in pipeline order: :mod:`~partitioner.design` (Options, Design),
:mod:`~partitioner.strategies`, :mod:`~partitioner.placement` (pluggable
placers), :mod:`~partitioner.lowering` (mlir-aie's ObjectFIFO rules, per
profile), :mod:`~partitioner.allocation`, :mod:`~partitioner.check`
(Evaluation), :mod:`~partitioner.emitters`, :mod:`~partitioner.mlir` (read any design);
parameters in :mod:`~partitioner.params`.
"""
from partitioner.api import emit, partition, read
from partitioner.check import Evaluation
from partitioner.design import Design, Options
from partitioner.placement import ColumnPlacer, Placer
from partitioner.version import __version__

__all__ = ["partition", "emit", "read", "Options", "Design", "Evaluation", "Placer", "ColumnPlacer",
           "__version__"]
