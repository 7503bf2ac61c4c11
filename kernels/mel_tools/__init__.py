"""The mel kernel's host tooling: everything that runs, checks or regenerates ``kernels/mel/`` on the host.

What lives here, and why here: these modules write the kernel's own files
(:mod:`~kernels.mel_tools.measure` refreshes ``kernels/<k>/kernel.toml``'s
``[measured]`` figures, :mod:`~kernels.mel_tools.tables` regenerates
``kernels/mel/mel_tables.h``), so they sit beside the kernel instead of in a
higher layer that would feed data down into the lowest one.

* the kernel on the host: :mod:`~kernels.mel_tools.hostbuild` (gcc into a
  cached shared library), :mod:`~kernels.mel_tools.kernel` (its NumPy front,
  typed from kernel.toml, and Whisper's host ``finish()``);
* the recipe it must match: :mod:`~kernels.mel_tools.audio` (WAV in/out),
  :mod:`~kernels.mel_tools.framing`, :mod:`~kernels.mel_tools.melfilters`,
  :mod:`~kernels.mel_tools.reference` (float log-mel),
  :mod:`~kernels.mel_tools.accuracy` (the seed's accuracy bar),
  :mod:`~kernels.mel_tools.fixtures` (the built-in test audio, WAVs in ``fixtures/``);
* regenerating the kernel's facts: :mod:`~kernels.mel_tools.measure`,
  :mod:`~kernels.mel_tools.tables`.

Its place in the dependency order: above ``partitioner`` (it reads
kernel.toml through :mod:`partitioner.kernel_spec`), below ``sim`` (the
simulator calls the host-built kernel and frames audio with it). The
``kernels`` package itself, the kernel folders and :mod:`kernels` ``__init__``,
stays the bottom layer and imports nothing of the project;
``tests/test_imports.py`` ranks this subpackage as its own layer.
"""
