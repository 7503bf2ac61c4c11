"""The ``npu-tiler`` command line: a thin click layer over the library packages.

It parses arguments, calls ``partitioner``, ``sim``, ``runner`` and
``reports``, prints, and maps library errors to exit codes. It holds no logic
the library lacks.
"""
