"""What a design's options name, resolved once: the device, the kernel spec and the mlir-aie profile.

:func:`partitioner.check.evaluate_options` (and so :func:`partitioner.partition`)
resolves a :class:`Context` from the options once and hands it to
:func:`partitioner.strategies.make_design` and :func:`partitioner.check.evaluate`
for every variant it tries (depth 2 and 1, the suggestions): none of them reads
the parameter files again.
"""
from __future__ import annotations

from dataclasses import dataclass

from partitioner import device as device_mod
from partitioner import kernel_spec, profiles
from partitioner.design import Options
from partitioner.device import Device
from partitioner.kernel_spec import KernelSpec
from partitioner.profiles import Profile


@dataclass(frozen=True)
class Context:
    """The device, kernel spec and mlir-aie profile a design's options name.

    ``spec`` is None for a design read from a file whose kernel npu-tiler has
    no kernel.toml for: everything but the kernel's own figures is still checked.

    Examples
    --------
    >>> from partitioner.context import Context
    >>> from partitioner.design import Options
    >>> c = Context.for_options(Options(device="npu1_2col", mlir_aie="2026"))
    >>> c.device.columns, c.spec.name, c.profile.name
    (2, 'mel', '2026.08')
    """

    device: Device
    spec: KernelSpec | None
    profile: Profile

    @classmethod
    def for_options(cls, options: Options, *, device: Device | None = None,
                    spec: KernelSpec | None = None) -> Context:
        """Resolve the device (with ``options.device_file``), the profile and the kernel ``options`` name.

        Parameters
        ----------
        options : Options
            Reads ``device``, ``device_file``, ``mlir_aie`` and ``kernel`` (empty: no spec).
        device, spec : optional
            Use these instead of loading what ``options`` name.

        Returns
        -------
        Context

        Raises
        ------
        UserError
            An unknown device, mlir-aie profile or kernel, or a malformed parameter file; checked in
            that order.
        """
        device = device or device_mod.for_options(options)
        profile = profiles.load(options.mlir_aie)
        if spec is None and options.kernel:
            spec = kernel_spec.load(options.kernel)
        return cls(device, spec, profile)
