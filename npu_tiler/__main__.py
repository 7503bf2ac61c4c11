"""``python -m npu_tiler``: the same as the ``npu-tiler`` command."""
import sys

from npu_tiler.cli import main

sys.exit(main())
