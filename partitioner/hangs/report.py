"""What a hang check reports: each :class:`Hang` with its stuck operations, and a picture of a wait cycle.

A :class:`Hang` has a ``kind`` (one of :data:`KINDS`), a one-line ``message``, the stuck operations
(:class:`StuckOp`: op, ``file:line:col``, what it waits for, the iteration at which it sticks) and the
wait ``chain`` from the first waiter to the cause, each entry waiting on the next; ``edges`` hold the
same chain as (waiter, waited-on, what) triples, which :func:`draw_cycle` draws.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from partitioner import safe_write

#: The kinds of hang, in the order a report lists them.
KINDS = ("acquire-exceeds-pool", "unbalanced-loop", "cycle", "missing-input", "starved-host-wait")
#: The kinds found in a core's code alone (:mod:`partitioner.hangs.static`), whatever else moves locks.
STATIC_KINDS = KINDS[:2]


@dataclass
class StuckOp:
    """One operation that cannot complete.

    ``iteration`` is how many times this op completed before it stuck (0:
    the first time it runs), ``loops`` the iteration of each enclosing
    ``scf.for`` (outermost first) and ``call`` the NPU call (runtime-sequence
    run, 1-based) in which it sticks; None where that does not apply (a static
    finding, a DMA).
    """

    op: str
    location: str
    waits_for: str
    iteration: int | None = None
    actor: str = ""
    loops: tuple[int, ...] = ()
    call: int | None = None

    @property
    def line(self) -> int | None:
        """The line of :attr:`location` (``file:line:col``), or None."""
        parts = self.location.rsplit(":", 2)
        return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None

    def as_json(self) -> dict:
        """``{"op", "location", "waits_for", "iteration", "actor", "loops", "call"}``."""
        return {"op": self.op, "location": self.location, "waits_for": self.waits_for,
                "iteration": self.iteration, "actor": self.actor, "loops": list(self.loops), "call": self.call}


@dataclass
class Hang:
    """A reason the design would hang on the NPU.

    Examples
    --------
    >>> h = Hang("cycle", "core (0,2) and core (0,3) wait on each other",
    ...          [StuckOp("aie.objectfifo.acquire", "d.mlir:12:7", "of1 (Consume): needs 1, 0 available", 0)],
    ...          ["core (0,2) waits on of1 (Consume)", "core (0,3) waits on of2 (Consume)", "core (0,2)"])
    >>> h.as_json()["stuck"][0]["location"], " <- ".join(h.chain)[:36]
    ('d.mlir:12:7', 'core (0,2) waits on of1 (Consume) <-')
    """

    kind: str
    message: str
    stuck: list[StuckOp]
    chain: list[str]
    edges: list[tuple[str, str, str]] = field(default_factory=list)

    def as_json(self) -> dict:
        """``{"kind", "message", "stuck": [StuckOp.as_json()], "chain", "edges"}``."""
        return {"kind": self.kind, "message": self.message, "stuck": [s.as_json() for s in self.stuck],
                "chain": list(self.chain), "edges": [list(e) for e in self.edges]}


def draw_cycle(hang: Hang, path: str | Path) -> Path:
    """Draw the hang's wait graph (a cycle, or a chain to its cause) to a PNG.

    Each actor (core, DMA channel, host) is a box; an arrow goes from a
    waiter to what it waits on, labelled with the FIFO or lock. matplotlib's
    Agg canvas, no pyplot and no display.

    Parameters
    ----------
    hang : Hang
        One with ``edges`` (every dynamic finding has them).
    path : path
        The PNG to write (its folder must exist).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    ValueError
        The hang has no edges (a static finding with nothing waiting yet).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> h = Hang("cycle", "m", [], ["core (0,2) waits on a (Consume)", "core (0,3) waits on b (Consume)", "core (0,2)"],
    ...          [("core (0,2)", "core (0,3)", "a (Consume)"), ("core (0,3)", "core (0,2)", "b (Consume)")])
    >>> out = draw_cycle(h, pathlib.Path(tempfile.mkdtemp()) / "cycle.png")
    >>> out.read_bytes()[:4] == b"\\x89PNG"
    True
    """
    import networkx as nx
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    if not hang.edges:
        raise ValueError(f"the {hang.kind} hang has no wait edges to draw")
    nodes = list(dict.fromkeys(n for e in hang.edges for n in e[:2]))
    pos = nx.circular_layout(nodes) if len(nodes) > 2 else {n: (float(i), 0.0) for i, n in enumerate(nodes)}
    pairs = {(a, b) for a, b, _ in hang.edges}
    fig = Figure(figsize=(3.0 + 1.4 * len(nodes), 2.4 + 1.0 * len(nodes)))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_title("\n".join(textwrap.wrap(f"{hang.kind}: {hang.message}", 90)[:3]), fontsize=8, loc="left")
    for a, b, label in hang.edges:
        (x0, y0), (x1, y1) = pos[a], pos[b]
        if a == b:  # a process waiting on itself: a small loop above it
            ax.annotate("", xy=(x0 + 0.05, y0 + 0.08), xytext=(x0 - 0.05, y0 + 0.08),
                        arrowprops=dict(arrowstyle="-|>", color="firebrick", lw=1.6,
                                        connectionstyle="arc3,rad=-1.8"))
            ax.text(x0, y0 + 0.3, label, fontsize=8, ha="center", color="firebrick")
            continue
        rad = 0.3 if (b, a) in pairs else 0.0
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops=dict(arrowstyle="-|>", color="firebrick", lw=1.6, shrinkA=30, shrinkB=30,
                                    connectionstyle=f"arc3,rad={rad}"))
        dx, dy = x1 - x0, y1 - y0
        # the middle of matplotlib's arc3 curve: half way to its control point
        mx, my = (x0 + x1) / 2 + 0.5 * rad * dy, (y0 + y1) / 2 - 0.5 * rad * dx
        ax.text(mx, my, label, fontsize=8, ha="center", va="center", color="firebrick",
                bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none"))
    for n in nodes:
        x, y = pos[n]
        ax.text(x, y, n, ha="center", va="center", fontsize=9,
                bbox=dict(boxstyle="round,pad=0.4", fc="#f3f1e8", ec="#444444"))
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.6, max(xs) + 0.6)
    ax.set_ylim(min(ys) - 0.5, max(ys) + 0.5)
    path = Path(path)
    safe_write.save_figure(path, fig, dpi=110, bbox_inches="tight")  # atomic
    return path
