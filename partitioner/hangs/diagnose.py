"""From the state where the run stopped to named hangs: who waits on whom, and why.

The *wait-for graph*: a blocked process points at every process that could unblock it (the
releasers of the lock it acquires, the stream partner that is not ready, the shim channel holding
the host task it awaits; an idle shim channel points at the host). A blocked process is *dead*
when everything it points at is dead, ended or spinning (greatest fixed point).

* **cycle**: a strongly connected set of dead array processes (cores, DMA channels): they wait on
  each other whatever the host does;
* **starved-host-wait**: the host is blocked on a wait; its chain is followed to the cause;
* **missing-input**: a chain ends at a host-to-array shim channel on which the runtime sequence
  issues no transfer at all.

A chain through anything the model does not follow is not reported; a note says so. Static
findings (:mod:`partitioner.hangs.static`) absorb the dynamic hang their op or core is part of.
"""
from __future__ import annotations

import networkx as nx

from partitioner.hangs.execute import Outcome
from partitioner.hangs.model import CoreProc, HostProc, LoopFact, Network, OpenProc, Proc, ShimProc
from partitioner.hangs.report import Hang, StuckOp

_WAITING = ("lock", "send", "receive", "task")


def _blocked(p: Proc) -> bool:
    return not p.done and p.blocked is not None and p.blocked.what in _WAITING


def _spins(p: Proc) -> bool:
    return p.blocked is not None and p.blocked.what == "spin"


class _Diagnosis:
    """The wait-for graph of a network's final state, and the hangs it shows."""

    def __init__(self, net: Network):
        self.net = net
        self.memo: dict[Proc, list[Proc]] = {}
        self.locate = net.source.locate
        self.notes: list[str] = []
        self.call = net.host.call if net.host is not None else None

    def unblockers(self, p: Proc) -> list[Proc]:
        if p in self.memo:
            return self.memo[p]
        w = p.blocked
        out: list[Proc] = []
        if isinstance(p, ShimProc) and not p.queue:
            out = [self.net.host] if self.net.host is not None else []
        elif w is None or p.done:
            out = []
        elif w.what == "lock":
            out = list(w.lock.releasers)
        elif w.what == "send" and w.stream is not None:
            out = [r for r in w.stream.receivers if r.ready() <= 0]
        elif w.what == "receive" and w.stream is not None:
            # the sender, or (a broadcast moves in lockstep) the other receivers that are not ready
            out = [w.stream.sender] if w.stream.sender.ready() <= 0 else \
                [r for r in w.stream.receivers if r is not p and r.ready() <= 0]
        elif w.what == "task":
            out = [w.task.channel]
        self.memo[p] = out
        return out

    def dead(self) -> set[Proc]:
        dead = {p for p in self.net.procs if _blocked(p) or (isinstance(p, ShimProc) and not p.queue)}
        host = self.net.host
        changed = True
        while changed:
            changed = False
            for p in list(dead):
                for q in self.unblockers(p):
                    if q in dead or q.done and q is not host or _spins(q):
                        continue
                    dead.discard(p)
                    changed = True
                    break
        return dead

    # -- texts ----------------------------------------------------------------------------------------

    def waits_on(self, p: Proc) -> str:
        """What ``p`` waits on, short (:meth:`partitioner.hangs.model.Wait.short`)."""
        return p.blocked.short() if p.blocked is not None else ""

    def node(self, p: Proc) -> str:
        if isinstance(p, HostProc):
            return f"host waits on {self.waits_on(p)} ({p.blocked.op.name if p.blocked.op else 'wait'})"
        if p.blocked is not None and p.blocked.what in _WAITING:
            return f"{p.actor} waits on {self.waits_on(p)}"
        return p.actor

    def terminal(self, q: Proc | None, last: Proc) -> str:
        if q is None:
            w = last.blocked
            if w is not None and w.what == "lock":
                return f"nothing in the design releases {w.lock.name} ({w.port or 'lock'})"
            return "nothing can wake it"
        if isinstance(q, ShimProc) and not q.queue:
            if q.unfed:
                return f"the runtime sequence never sends on {q.fifo}"
            if q.direction == "send":
                sent = sum(t.nbytes for t in q.issued if t.call == self.call)
                amount = f"{q.objects(sent)}, {sent} bytes" if q.object_bytes else f"{sent} bytes"
                return f"the runtime sequence sends nothing more on {q.fifo} (call {self.call} sent {amount})"
            return f"the runtime sequence drains nothing more of {q.fifo}"
        if isinstance(q, HostProc):
            return "the runtime sequence has moved on"
        if q.done:
            return f"{q.actor} has ended (aie.end) and releases nothing more"
        if _spins(q):
            return f"{q.actor} loops forever at {self.locate(q.blocked.op)} without touching a FIFO or lock"
        if q.unmodelled or isinstance(q, OpenProc):
            return f"{q.actor} is not modelled"
        return f"{q.actor} keeps running but never releases what {last.actor} waits for"

    def stuck(self, p: Proc) -> StuckOp | None:
        w = p.blocked
        if w is None or w.what not in _WAITING:
            return None
        text = w.text()
        if isinstance(p, CoreProc):  # a core waits on locks only
            return StuckOp(w.op.name, self.locate(w.op), text, p.executed.get(id(w.op), 0), p.actor, p.where(),
                           self.call)
        if isinstance(p, HostProc):
            t = w.task
            objs = f"{t.channel.objects(t.moved)} of {t.channel.objects(t.nbytes)}"
            return StuckOp(w.op.name if w.op else "wait", self.locate(w.op),
                           f"{self.waits_on(p)}: {t.moved} of {t.nbytes} bytes moved ({objs})", None, p.actor, (),
                           self.call)
        if isinstance(p, ShimProc) and p.queue:
            t = p.queue[0]
            text = f"{p.fifo}: {t.nbytes - t.moved} of {t.nbytes} bytes still to move"
            return StuckOp(t.op.name if t.op else p.op.name, self.locate(t.op), text, None, p.actor, (), self.call)
        op = w.op if w.op is not None else p.op
        return StuckOp(op.name if op else "dma", self.locate(op), text, None, p.actor, (), self.call)

    # -- chains ---------------------------------------------------------------------------------------

    def walk(self, start: Proc, dead: set[Proc]) -> tuple[list[Proc], Proc | None, str]:
        """Follow the wait-for graph from ``start``: the path, the node that ends it, how it ends.

        Ends: "cycle" (the last node is already on the path), "unmodelled",
        or "terminal" (the last node is not blocked, or None: nothing can wake it).
        """
        path = [start]
        seen = {start}
        cur = start
        while True:
            cands = self.unblockers(cur)
            if any(q.unmodelled or isinstance(q, OpenProc) for q in cands):
                return path, None, "unmodelled"
            if not cands:
                return path, None, "terminal"

            def rank(q: Proc) -> tuple:
                idle_shim = isinstance(q, ShimProc) and not q.queue
                return (q in seen, not (q in dead and (_blocked(q) or idle_shim)), not _blocked(q),
                        not idle_shim, self.net.procs.index(q))

            nxt = min(cands, key=rank)
            if nxt in seen:
                path.append(nxt)
                return path, nxt, "cycle"
            path.append(nxt)
            seen.add(nxt)
            if not _blocked(nxt) or isinstance(nxt, HostProc):
                return path, nxt, "terminal"
            cur = nxt

    def chain(self, path: list[Proc], last: Proc | None, end: str) -> tuple[list[str], list[tuple[str, str, str]]]:
        """The chain text and edges of a walk, leaving out the ObjectFIFO lowering's own DMA channels.

        ``end`` "cycle": ``path[-1]`` repeats a node of the path; "terminal":
        ``last`` is the node that ends it (not blocked), or None when the last
        node of ``path`` waits on something nothing in the design can do.
        """
        if end == "terminal" and last is not None:
            body, term = path[:-1], self.terminal(last, path[-2])
        elif end == "terminal":
            body, term = path, self.terminal(None, path[-1])
        else:
            body, term = path[:-1], ""
        kept = [p for p in body if not p.lowered] or body[:1]
        texts = [self.node(p) for p in kept]
        edges = [(a.actor, b.actor, self.waits_on(a)) for a, b in zip(kept, kept[1:])]
        if end == "cycle":
            texts.append(kept[0].actor)
            edges.append((kept[-1].actor, kept[0].actor, self.waits_on(kept[-1])))
        else:
            texts.append(term)
            if kept:
                if last is None:
                    w = path[-1].blocked
                    target = f"(nothing releases {w.lock.name})" if w is not None and w.lock else "(nothing)"
                else:
                    target = "runtime sequence" if isinstance(last, (ShimProc, HostProc)) else last.actor
                edges.append((kept[-1].actor, target, self.waits_on(kept[-1])))
        return texts, edges

    # -- the findings ---------------------------------------------------------------------------------

    def run(self) -> list[tuple[Hang, set[Proc]]]:
        dead = self.dead()
        found: list[tuple[Hang, set[Proc]]] = []
        array = [p for p in dead if not isinstance(p, (HostProc, ShimProc)) and _blocked(p)]
        g = nx.DiGraph()
        g.add_nodes_from(array)
        g.add_edges_from((p, q) for p in array for q in self.unblockers(p) if q in g)
        in_cycle: dict[Proc, int] = {}
        order = {p: i for i, p in enumerate(self.net.procs)}
        for comp in sorted(nx.strongly_connected_components(g), key=lambda c: min(order[p] for p in c)):
            if len(comp) == 1 and not any(g.has_edge(p, p) for p in comp):
                continue
            start = min(comp, key=lambda p: (not isinstance(p, CoreProc), order[p]))
            cyc = nx.find_cycle(g.subgraph(comp), source=start)
            path = [e[0] for e in cyc] + [cyc[-1][1]]
            texts, edges = self.chain(path, None, "cycle")
            members = [p for p in path[:-1] if isinstance(p, CoreProc)] or path[:-1]
            ports = sorted({self.waits_on(p) for p in members})
            msg = (f"deadlock: {' and '.join(dict.fromkeys(p.actor for p in members))} wait on each other "
                   f"({', '.join(ports)}) whatever the host does")
            stuck = [s for s in (self.stuck(p) for p in path[:-1]) if s is not None]
            found.append((Hang("cycle", msg, stuck, texts, edges), set(comp)))
            for p in comp:
                in_cycle[p] = len(found) - 1
        host = self.net.host
        covered: set[Proc] = set()
        if host is not None and _blocked(host):
            path, last, end = self.walk(host, dead)
            hit = next((p for p in path if p in in_cycle), None)
            if hit is not None:
                hang, procs = found[in_cycle[hit]]
                prefix = path[:path.index(hit)]
                hang.stuck += [s for s in (self.stuck(p) for p in prefix) if s is not None]
                procs.update(prefix)
                covered.update(path)
            elif end == "unmodelled":
                self.notes.append(f"the host's wait at {self.locate(host.blocked.op)} never completes, but its "
                                  f"chain reaches a part of the design the model does not follow: not reported")
            else:
                found.append(self.host_hang(path, last, end))
                covered.update(path)
        if host is not None:
            by_fifo: dict[str, list] = {}
            for p in self.net.cores:
                if p in covered or not _blocked(p):
                    continue
                path, last, end = self.walk(p, dead)
                if end == "terminal" and isinstance(last, ShimProc) and last.unfed:
                    by_fifo.setdefault(last.fifo, []).append((path, last))
            for fifo, walks in by_fifo.items():
                same = next((f for f in found if f[0].kind == "missing-input" and
                             f[0].chain[-1] == f"the runtime sequence never sends on {fifo}"), None)
                if same is None:
                    found.append(self.missing(walks))
                    continue
                for path, _ in walks:  # more cores starved of the input the host's wait already names
                    same[0].stuck += [s for s in (self.stuck(p) for p in path[:1]) if s is not None]
                    same[1].update(path)
        for p in self.net.cores:  # a core stuck behind a reported hang is one of its stuck ops too
            if not _blocked(p) or any(p in procs for _, procs in found):
                continue
            path, _, _ = self.walk(p, dead)
            owner = next(((h, procs) for h, procs in found if any(q in procs for q in path[1:])), None)
            if owner is not None and (s := self.stuck(p)) is not None:
                owner[0].stuck.append(s)
                owner[1].add(p)
        reported = set().union(*(procs for _, procs in found)) if found else set()
        for p in self.net.cores:
            if p in reported or not _blocked(p) or p.blocked.what != "lock":
                continue
            where = f"{self.locate(p.blocked.op)} (waiting on {self.waits_on(p)})"
            if p in dead and not (host is not None and _blocked(host)):
                self.notes.append(f"{p.actor} stays blocked at {where} and nothing will wake it; no host wait "
                                  f"depends on it, so it is not reported as a hang")
            elif p not in dead and p.pc not in p.at_head:
                self.notes.append(f"{p.actor} ends the run inside a loop body, at {where}, not at a loop head")
        for p in self.net.cores:
            if p.unmodelled:
                self.notes.append(f"{p.actor} stops at {self.locate(p.blocked.op if p.blocked else None)}: "
                                  f"{p.unmodelled}")
        return found

    def host_hang(self, path: list[Proc], last: Proc | None, end: str) -> tuple[Hang, set[Proc]]:
        host = path[0]
        texts, edges = self.chain(path, last, end)
        stuck = [s for s in (self.stuck(p) for p in path) if s is not None]
        wait = host.blocked
        ch = wait.task.channel
        fifo = ch.fifo
        got = f"{ch.objects(wait.task.moved)} of {ch.objects(wait.task.nbytes)} arrive"
        missing = isinstance(last, ShimProc) and last.unfed
        kind = "missing-input" if missing else "starved-host-wait"
        what = "transfer on" if host.code[host.pc][0] == "enq" else "wait on"  # its task queue is full
        if what == "transfer on":
            got = f"its task queue stays full ({len(ch.queue)} earlier tasks never complete)"
            if len(ch.backlog) >= 2 and ch.backlog[-1] > ch.backlog[-2]:
                got += f": each call leaves {ch.objects(ch.backlog[-1] - ch.backlog[-2])} more of {fifo} untaken"
        done = "call 1 completes" if self.call == 2 else f"calls 1 to {self.call - 1} complete"
        later = (f" ({done}: the state after a call does not return to its start)"
                 if self.call and self.call > 1 else "")
        msg = (f"the runtime sequence's {what} {fifo} ({self.locate(wait.op)}) never completes in call "
               f"{self.call}{later}: {got}; {texts[-1]}")
        core = next((p for p in path if isinstance(p, CoreProc)), None)
        if missing and core is not None:
            msg = (f"{core.actor} waits on {self.waits_on(core)} at {self.locate(core.blocked.op)} for input the "
                   f"runtime sequence never sends ({texts[-1]}), so its {what} {fifo} ({self.locate(wait.op)}) "
                   f"never completes in call {self.call}")
        return Hang(kind, msg, stuck, texts, edges), set(path)

    def missing(self, walks: list[tuple[list[Proc], Proc]]) -> tuple[Hang, set[Proc]]:
        first, last = walks[0]
        texts, edges = self.chain(first, last, "terminal")
        stuck = []
        procs: set[Proc] = set()
        for path, _ in walks:
            stuck += [s for s in (self.stuck(p) for p in path[:1]) if s is not None]
            procs.update(path)
        core = first[0]
        msg = (f"{core.actor} waits on {self.waits_on(core)} at {self.locate(core.blocked.op)} for input "
               f"the runtime sequence never sends ({texts[-1]})")
        return Hang("missing-input", msg, stuck, texts, edges), procs


def diagnose(net: Network, outcome: Outcome, static: list) -> tuple[list[Hang], list[str]]:
    """The hangs the final state shows, merged with the static findings.

    Parameters
    ----------
    net : Network
        After :func:`partitioner.hangs.execute.execute`.
    outcome : Outcome
        How the run ended.
    static : list of (Hang, fact)
        :func:`partitioner.hangs.static.findings` of the same network.

    Returns
    -------
    (list of Hang, list of str)
        The hangs (static first, then cycles, then host waits and missing
        inputs) and notes on what was not decided or not modelled.
    """
    d = _Diagnosis(net)
    # A run the bounds cut short shows a state in passing, not a hang: only the static findings stand.
    dynamic = d.run() if outcome.stop != "undecided" else []
    out: list[Hang] = []
    used: set[int] = set()
    for hang, fact in static:
        for i, (dyn, procs) in enumerate(dynamic):
            if i in used:
                continue
            if isinstance(fact, LoopFact):
                fifo = fact.port.rsplit(" (", 1)[0]
                hit = fact.core in procs or any(q.blocked is not None and q.blocked.lock is not None
                                                and q.blocked.lock.fifo == fifo for q in procs)
            else:
                hit = any(s.location == hang.stuck[0].location for s in dyn.stuck)
            if not hit:
                continue
            used.add(i)
            same = next((s for s in dyn.stuck if s.location == hang.stuck[0].location), None)
            if same is not None:
                hang.stuck[0].iteration, hang.stuck[0].loops, hang.stuck[0].call = same.iteration, same.loops, same.call
            hang.stuck += [s for s in dyn.stuck if s is not same]
            hang.chain, hang.edges = dyn.chain, dyn.edges
        out.append(hang)
    out += [h for i, (h, _) in enumerate(dynamic) if i not in used]
    notes = list(d.notes)
    if outcome.stop == "undecided":
        notes.append("the run did not settle within its bounds: freedom from hangs is not proven")
    return out, notes
