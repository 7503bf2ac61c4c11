"""The figures an mlir-aie lit test's CHECK lines state: buffers, locks and errors, read from FileCheck patterns.

mlir-aie's lit tests (``tests/corpus/lit``) pipe ``aie-opt`` into LLVM's FileCheck. Their CHECK
lines are FileCheck patterns over the printed IR: literal text with ``{{regex}}`` blocks and
``[[VAR:regex]]`` / ``[[VAR]]`` variables (https://llvm.org/docs/CommandGuide/FileCheck.html). This
module reads them as a FileCheck user would, and keeps what npu-tiler models:

- an ``aie.buffer`` line: the buffer's name (``%name =`` or ``sym_name``), its tile, ``address``,
  ``mem_bank`` and the bytes of its ``memref`` type;
- an ``aie.lock`` line: its name, tile, id and ``init``;
- an ``aie.dma_start`` line inside an ``aie.mem`` / ``aie.memtile_dma`` / ``aie.shim_dma`` region:
  the tile, direction, channel and the ``aie.dma_bd`` lines of its chain;
- an ``aie.flow`` line: both ends (tile, bundle, channel);
- ``stack_address`` / ``stack_bank``: where the address pass put a core's stack;
- an ``error:`` line (or an ``expected-error {{...}}`` annotation under ``--verify-diagnostics``):
  the literal pieces of the message.

Every other CHECK line (``use_lock`` sequences, BD contents, core bodies...) is counted as *not
compared*: the figures npu-tiler gives are only the ones above.

Directives follow FileCheck's rules: ``CHECK-SAME`` continues the line of the directive before it,
``CHECK-NOT`` states an absence (not a figure), ``CHECK-LABEL`` splits the output into modules, and
the prefixes are the RUN line's ``--check-prefix(es)`` (default ``CHECK``). Which output line a
directive without a name matches is found as FileCheck does: the first buffer after the previous
match whose figures the directive's own line (not its ``CHECK-SAME`` continuation) agrees with.
"""
from __future__ import annotations

import shlex
from dataclasses import dataclass, field

from partitioner.design import elem_bits

DEFAULT_PREFIX = "CHECK"
SUFFIXES = ("", "-SAME", "-DAG", "-NOT", "-LABEL", "-NEXT", "-EMPTY", "-COUNT")
WILD = "\x00"  # what a {{regex}} block becomes in a directive's skeleton: matches anything


@dataclass(frozen=True)
class Run:
    """One RUN line: its pass options and the FileCheck prefixes it checks with.

    Examples
    --------
    >>> r = Run.of('aie-opt --aie-assign-buffer-addresses="alloc-scheme=bank-aware" %s | FileCheck %s --check-prefix=BANK')
    >>> r.prefixes, r.options["alloc-scheme"], r.expects_error, r.checked
    (('BANK',), 'bank-aware', False, True)
    >>> Run.of("not aie-opt --aie-objectFifo-stateful-transform %s 2>&1 | FileCheck %s").expects_error
    True
    """

    text: str
    prefixes: tuple[str, ...]
    options: dict[str, str]
    passes: tuple[str, ...]
    expects_error: bool
    checked: bool  # piped to FileCheck
    verify_diagnostics: bool

    @classmethod
    def of(cls, text: str) -> Run:
        """Read a RUN line's text (what follows ``RUN:``)."""
        try:
            words = shlex.split(text)
        except ValueError:
            words = text.split()
        prefixes: list[str] = []
        options: dict[str, str] = {}
        passes: list[str] = []
        in_filecheck = False
        for w in words:
            if w == "FileCheck" or w.endswith("/FileCheck"):
                in_filecheck = True
            elif in_filecheck and w.startswith(("--check-prefix=", "-check-prefix=", "--check-prefixes=",
                                                 "-check-prefixes=")):
                prefixes += w.partition("=")[2].split(",")
            elif not in_filecheck and w.startswith("--aie-"):
                name, _, value = w[2:].partition("=")
                passes.append(name)
                for opt in value.split():
                    key, _, v = opt.partition("=")
                    options[key] = v or "true"
        return cls(text, tuple(prefixes) or (DEFAULT_PREFIX,), options, tuple(passes),
                   words[:1] == ["not"], in_filecheck, "--verify-diagnostics" in words)


@dataclass(frozen=True)
class Directive:
    """One CHECK line (with its ``CHECK-SAME`` continuations): kind, pattern skeleton and line number.

    ``head`` is the directive's own line, ``tail`` the continuations, both as skeletons: literal
    text, :data:`WILD` for a ``{{...}}`` block, ``%<VAR>`` for a ``[[VAR...]]`` variable.
    ``defines`` names the variables the line defines (``[[VAR:regex]]``).
    """

    kind: str  # "", "-DAG", "-NOT", "-LABEL", "-NEXT", ...
    head: str
    tail: str
    line: int
    defines: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """Head and continuations as one line (how FileCheck sees a CHECK + CHECK-SAME match)."""
        return f"{self.head} {self.tail}".strip() if self.tail else self.head


def skeleton(pattern: str) -> tuple[str, tuple[str, ...]]:
    """A FileCheck pattern with its blocks replaced: ``{{..}}`` by :data:`WILD`, ``[[V..]]`` by ``V``.

    Examples
    --------
    >>> s, d = skeleton("%[[BUF:.*]] = aie.buffer(%[[T]]) {{.*}}sym_name = \\"a\\"}")
    >>> s.replace(WILD, "*"), d
    ('%BUF = aie.buffer(%T) *sym_name = "a"}', ('BUF',))
    """
    out: list[str] = []
    defines: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("{{", i):
            # A regex block ends at the first "}}" (FileCheck's rule); a literal "{" before it stays.
            end = pattern.find("}}", i + 2)
            if end < 0:
                out.append(pattern[i:])
                break
            while pattern.startswith("}}}", end):  # "{{.*}}}": the block is ".*", then a literal "}"
                end += 1
            out.append(WILD)
            i = end + 2
        elif pattern.startswith("[[", i):
            end = pattern.find("]]", i + 2)
            if end < 0:
                out.append(pattern[i:])
                break
            name, colon, _ = pattern[i + 2:end].partition(":")
            name = name.lstrip("#$@")
            if colon:
                defines.append(name)
            out.append(name)
            i = end + 2
        else:
            out.append(pattern[i])
            i += 1
    return "".join(out), tuple(defines)


def directives(text: str, prefixes: tuple[str, ...]) -> list[Directive]:
    """The CHECK directives of ``text`` for ``prefixes``, in order, each with its ``-SAME`` lines joined."""
    out: list[Directive] = []
    for number, line in enumerate(text.splitlines(), 1):
        found = _directive_of(line, prefixes)
        if found is None:
            continue
        kind, pattern = found
        head, defines = skeleton(pattern.strip())
        if kind == "-SAME" and out:
            last = out[-1]
            out[-1] = Directive(last.kind, last.head, f"{last.tail} {head}".strip(), last.line,
                                last.defines + defines)
        elif kind != "-SAME":
            out.append(Directive(kind, head, "", number, defines))
    return out


def _directive_of(line: str, prefixes: tuple[str, ...]) -> tuple[str, str] | None:
    """``(suffix, pattern)`` when ``line`` is a comment holding ``PREFIX[-SUFFIX]: pattern``."""
    _, slashes, comment = line.partition("//")
    if not slashes:
        return None
    comment = comment.lstrip()
    for prefix in prefixes:
        if not comment.startswith(prefix):
            continue
        rest = comment[len(prefix):]
        for suffix in sorted(SUFFIXES, key=len, reverse=True):
            if rest.startswith(suffix) and rest[len(suffix):].startswith(":"):
                return suffix, rest[len(suffix) + 1:]
            if suffix == "-COUNT" and rest.startswith(suffix):  # CHECK-COUNT-<n>:
                n, colon, pattern = rest[len(suffix) + 1:].partition(":")
                if colon and n.isdigit():
                    return suffix, pattern
    return None


def expected_diagnostics(text: str) -> list[Directive]:
    """``expected-error {{...}}`` annotations (``--verify-diagnostics``) as error directives."""
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        _, found, rest = line.partition("expected-error")
        if not found:
            continue
        start, end = rest.find("{{"), rest.rfind("}}")
        if 0 <= start < end:
            out.append(Directive("", "error: " + rest[start + 2:end].strip(), "", number))
    return out


# ------------------------------------------------------------------------------------------------
# Figures
# ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BufferFigure:
    """What one ``aie.buffer`` directive states (None: the line does not say)."""

    line: int
    name: str | None
    tile: tuple[int, int] | None
    address: int | None
    bank: int | None
    nbytes: int | None
    head_fields: frozenset[str]  # the fields stated by the directive's own line (FileCheck's match)
    kind: str = ""

    def describe(self) -> str:
        """The buffer's figures as the CHECK line gives them."""
        parts = [f"{k}={v}" for k, v in (("tile", self.tile), ("address", self.address),
                                         ("mem_bank", self.bank), ("bytes", self.nbytes)) if v is not None]
        return f"buffer {self.name or '(unnamed)'} " + " ".join(parts)


@dataclass(frozen=True)
class LockFigure:
    """What one ``aie.lock`` directive states."""

    line: int
    name: str | None
    tile: tuple[int, int] | None
    lock_id: int | None
    init: int | None


@dataclass(frozen=True)
class ErrorFigure:
    """An expected error: the literal pieces of its message, in order."""

    line: int
    pieces: tuple[str, ...]

    def found_in(self, message: str) -> bool:
        """Every piece occurs in ``message``, in order (a wildcard between pieces matches anything)."""
        at = 0
        for piece in self.pieces:
            hit = message.find(piece, at)
            if hit < 0:
                return False
            at = hit + len(piece)
        return True


@dataclass
class ChannelFigure:
    """A DMA channel a tile's DMA program starts (``aie.dma_start``) and the BDs its chain lists."""

    line: int
    tile: tuple[int, int] | None
    direction: str  # "MM2S" | "S2MM"
    index: int | None
    bds: int = 0


@dataclass(frozen=True)
class FlowFigure:
    """``aie.flow(src, Bundle : ch, dst, Bundle : ch)`` between two tiles."""

    line: int
    source: tuple[tuple[int, int] | None, str, int | None]
    dest: tuple[tuple[int, int] | None, str, int | None]


@dataclass(frozen=True)
class StackFigure:
    """A core's ``stack_address`` / ``stack_bank`` as the address pass records them."""

    line: int
    address: int | None
    bank: int | None


@dataclass
class Figures:
    """The figures of one RUN line's directives for one module, and the directives left uncompared."""

    buffers: list[BufferFigure] = field(default_factory=list)
    locks: list[LockFigure] = field(default_factory=list)
    errors: list[ErrorFigure] = field(default_factory=list)
    stacks: list[StackFigure] = field(default_factory=list)
    channels: list[ChannelFigure] = field(default_factory=list)
    flows: list[FlowFigure] = field(default_factory=list)
    not_compared: int = 0

    @property
    def count(self) -> int:
        """How many figures there are to compare."""
        return (len(self.buffers) + len(self.locks) + len(self.errors) + len(self.stacks)
                + len(self.channels) + len(self.flows))


TILE_NAMES = ("tile_", "mem_tile_", "shim_noc_tile_", "shim_tile_")  # aie-opt's result names for aie.tile


def figures(found: list[Directive]) -> Figures:
    """Read buffer, lock and error figures out of ``found`` (see the module docstring)."""
    out = Figures()
    tiles: dict[str, tuple[int, int]] = {}
    dma = _DmaPrograms(tiles, out.channels)
    for d in found:
        text = d.text
        if d.kind in ("-NOT", "-LABEL", "-EMPTY"):
            continue
        if dma.feed(d):
            out.not_compared += "aie.dma_start(" not in text
            continue
        if "aie.flow(" in text:
            ops = _operands(text, "aie.flow")
            if len(ops) == 4:
                out.flows.append(FlowFigure(d.line, _port(ops[0], ops[1], tiles), _port(ops[2], ops[3], tiles)))
                continue
        if "aie.tile(" in text:
            _bind_tile(text, tiles)
        if "error:" in text:
            pieces = tuple(p.strip() for p in text.partition("error:")[2].split(WILD) if p.strip())
            if pieces:
                out.errors.append(ErrorFigure(d.line, pieces))
                continue
        if _is_buffer(text):
            out.buffers.append(_buffer(d, tiles))
        elif "stack_address =" in text or "stack_bank =" in text:
            attrs = attributes("{" + text)
            out.stacks.append(StackFigure(d.line, _int_value(attrs.get("stack_address")),
                                          _int_value(attrs.get("stack_bank"))))
        elif "sym_name =" in text and ("address =" in text or "mem_bank =" in text):
            # A fragment of a buffer's attribute dictionary (aie-opt prints them in one sorted dict).
            out.buffers.append(_buffer(Directive(d.kind, "aie.buffer(" + WILD + ") {" + d.head,
                                                 d.tail, d.line, d.defines), tiles))
        elif "aie.lock(" in text:
            out.locks.append(_lock(d, tiles))
        elif "aie.tile(" not in text:
            out.not_compared += 1
    dma.close()
    return _comparable(out)


class _DmaPrograms:
    """Reads the DMA programs in CHECK lines: per ``aie.mem``-like region, each ``aie.dma_start`` chain's BDs.

    The lowering writes one BD per block, and aie-opt numbers a region's blocks in order, so a chain
    started by ``dma_start(S2MM, 0, ^bbN, ^bbM)`` holds the blocks N .. M-1, less any of them whose
    CHECK lines show an ``aie.end`` (a chain that stops instead of looping). Its BD count is a figure
    only when the CHECK lines label every one of those blocks: a list that skips lines (FileCheck
    allows it) says nothing of how many BDs there are, so the channel alone is compared then
    (``bds`` stays 0).
    """

    def __init__(self, tiles: dict[str, tuple[int, int]], channels: list[ChannelFigure]) -> None:
        self.tiles, self.channels = tiles, channels
        self.tile: tuple[int, int] | None = None  # the region's tile; None outside a region
        self.spans: list[tuple[ChannelFigure, range]] = []  # chains of this region with known blocks
        self.label: int | None = None  # the block the lines are in
        self.ends: set[int] = set()  # blocks that hold an aie.end
        self.labels: set[int] = set()  # blocks whose label a CHECK line shows

    def feed(self, d: Directive) -> bool:
        """Take one directive; True when it belongs to a DMA program (and is read here)."""
        text = d.text
        region = next((op for op in DMA_BLOCKS if f"{op}(" in text), None)
        if region is not None:
            self.close()
            self.tile = _tile_of(_operands(text, region)[0], self.tiles)
            return True
        if self.tile is None and not self.spans and "aie.dma_start(" not in text:
            return False
        stripped = text.strip()
        if stripped.startswith("^bb"):
            number = stripped[3:].partition(":")[0].strip()
            self.label = int(number) if number.isdigit() else None
            if self.label is not None:
                self.labels.add(self.label)
            return True
        if "aie.dma_start(" in text:
            ops = _operands(text, "aie.dma_start")
            fig = ChannelFigure(d.line, self.tile, ops[0], _int_value(ops[1]) if len(ops) > 1 else None)
            self.channels.append(fig)
            if span := _block_span(ops[2:4]):
                self.spans.append((fig, span))
            return True
        if "aie.dma_bd(" in text:
            return True
        if "aie.end" in text and WILD not in text:
            if self.label is not None:
                self.ends.add(self.label)
            return True
        if stripped == "}":
            self.close()
            return True
        return self.tile is not None and any(op in text for op in ("aie.use_lock(", "aie.next_bd"))

    def close(self) -> None:
        """The region ends: count each labelled chain's BD blocks."""
        for fig, span in self.spans:
            if all(k in self.labels for k in span):
                fig.bds = sum(1 for k in span if k not in self.ends)
        self.tile, self.spans, self.label, self.ends, self.labels = None, [], None, set(), set()


def _comparable(figs: Figures) -> Figures:
    """Drop the figures a wildcard leaves nothing to check in (they count as not compared)."""
    kept = Figures(
        buffers=[b for b in figs.buffers if any(v is not None for v in (b.name, b.address, b.bank, b.nbytes))],
        locks=[lk for lk in figs.locks if lk.name is not None],
        errors=figs.errors, stacks=figs.stacks,
        channels=[c for c in figs.channels if c.tile is not None and c.index is not None],
        flows=[f for f in figs.flows if None not in (f.source[0], f.source[2], f.dest[0], f.dest[2])])
    kept.not_compared = figs.not_compared + figs.count - kept.count
    return kept


DMA_BLOCKS = ("aie.mem", "aie.memtile_dma", "aie.shim_dma")  # ops whose region is a tile's DMA program


def _port(tile: str, port: str, tiles: dict[str, tuple[int, int]]) -> tuple:
    """``(tile, bundle, channel)`` of a flow end such as ``%tile_1_2, DMA : 0``."""
    bundle, _, channel = port.partition(":")
    return _tile_of(tile, tiles), bundle.strip(), _int_value(channel)


def _block_span(labels: list[str]) -> range | None:
    """The blocks of a BD chain from ``aie.dma_start``'s successors: ``^bbN`` (its first BD), ``^bbM`` (next).

    >>> _block_span(["^bb1", "^bb3"])
    range(1, 3)
    """
    if len(labels) != 2:
        return None
    first, rest = (label.strip().removeprefix("^bb") for label in labels)
    if first.isdigit() and rest.isdigit() and int(rest) > int(first):
        return range(int(first), int(rest))
    return None


def _bind_tile(text: str, tiles: dict[str, tuple[int, int]]) -> None:
    """``%VAR = aie.tile(c, r)`` defines VAR as that tile."""
    lhs, _, rhs = text.partition("= aie.tile(")
    coord = _ints(rhs.partition(")")[0])
    name = lhs.strip().lstrip("%").strip()
    if len(coord) == 2 and name and WILD not in name:
        tiles[name] = (coord[0], coord[1])


def _ints(text: str) -> list[int]:
    out = []
    for part in text.split(","):
        part = part.strip()
        if part.lstrip("-").isdigit():
            out.append(int(part))
    return out


def _tile_of(operand: str, tiles: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    name = operand.strip().lstrip("%").strip().lstrip(WILD)  # %{{.*}}tile_1_2: aie-opt's name, any prefix
    if not name or WILD in name:
        return None
    if name in tiles:
        return tiles[name]
    for prefix in TILE_NAMES:
        if name.startswith(prefix):
            col, _, row = name[len(prefix):].partition("_")
            if col.isdigit() and row.isdigit():
                return int(col), int(row)
    return None


def attributes(text: str) -> dict[str, str]:
    """``key = value`` pairs of the first ``{...}`` in ``text`` (the value's text; a cut-off dict too).

    Examples
    --------
    >>> attributes('aie.buffer(%t) {address = 1056 : i32, mem_bank = 0 : i32, sym_name = "a"} : memref<4xi8>')
    {'address': '1056 : i32', 'mem_bank': '0 : i32', 'sym_name': '"a"'}
    """
    start = text.find("{")
    if start < 0:
        return {}
    body, depth = [], 0
    for ch in text[start + 1:]:
        if ch in "{[<(":
            depth += 1
        elif ch in "}])>":
            if depth == 0 and ch == "}":
                break
            depth -= 1
        body.append(ch)
    out: dict[str, str] = {}
    for item in _top_level_split("".join(body)):
        key, eq, value = item.partition("=")
        key = key.strip().strip(WILD).strip()
        if eq and key and WILD not in key and " " not in key:
            out[key] = value.strip()
    return out


def _top_level_split(text: str) -> list[str]:
    items, current, depth, quoted = [], [], 0, False
    for ch in text:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in "[<(":
            depth += 1
        elif not quoted and ch in "]>)":
            depth -= 1
        if ch == "," and depth == 0 and not quoted:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return items


def _int_value(value: str | None) -> int | None:
    if value is None or WILD in value:
        return None
    number = value.partition(":")[0].strip()
    return int(number) if number.lstrip("-").isdigit() else None


def _string_value(value: str | None) -> str | None:
    """The first quoted string of an attribute value (``"a" : memref<...>`` when a dict was cut off: ``a``)."""
    if value is None:
        return None
    value = value.strip()
    if not value.startswith('"'):
        return None
    text, closed, _ = value[1:].partition('"')
    return text if closed and WILD not in text else None


def memref_bytes(text: str) -> int | None:
    """Bytes of the first ``memref<...>`` type in ``text`` (None when a wildcard hides its shape).

    Examples
    --------
    >>> memref_bytes("} : memref<64xbf16>"), memref_bytes("memref<16x16xi32, 2 : i32>"), memref_bytes("memref<{{.*}}>")
    (128, 1024, None)
    """
    start = text.find("memref<")
    if start < 0:
        return None
    body = text[start + len("memref<"):].partition(">")[0].partition(",")[0].strip()
    if WILD in body or "{" in body:
        return None
    *dims, elem = body.split("x")
    bits = elem_bits(elem.strip())
    if bits is None or not all(d.strip().isdigit() for d in dims):
        return None
    count = 1
    for d in dims:
        count *= int(d)
    return count * bits // 8


def _result_name(text: str, op: str) -> str | None:
    lhs, found, _ = text.partition(f"= {op}(")
    if not found:
        return None
    name = lhs.strip()
    if not name.startswith("%") or WILD in name:
        return None
    name = name[1:]
    # A FileCheck variable (VAL_3, BUF...) stands for whatever name aie-opt printed: not a name. Nor is
    # the SSA name aie-opt makes up for a buffer without sym_name, buffer_<col>_<row>[_<k>]
    # (BufferOp::getAsmResultNames): it is not the buffer's symbol.
    if name.isupper() or name.startswith(("VAL_", "[")) or name.isdigit():
        return None
    made_up = name.startswith("buffer_") and name.removeprefix("buffer_").replace("_", "").isdigit()
    return None if made_up else name


def _operands(text: str, op: str) -> list[str]:
    inside = text.partition(f"{op}(")[2].partition(")")[0]
    return [o.strip() for o in inside.split(",")]


def _is_buffer(text: str) -> bool:
    """The line shows an ``aie.buffer`` op (``aie.buffer(...)``, or the name alone before a continuation)."""
    _, found, rest = text.partition("aie.buffer")
    return bool(found) and (not rest or rest[0] in "( ")


def _fields(text: str, tiles: dict[str, tuple[int, int]]) -> dict:
    rest = text.partition("aie.buffer")[2]
    ops = _operands(text, "aie.buffer") if rest.startswith("(") else []
    # After the operands comes the attribute dictionary; a CHECK-SAME continuation may give its
    # entries without the brace ("CHECK: aie.buffer" then "CHECK-SAME: address = 0 : i32").
    after = rest.partition(")")[2] if ops else rest
    attrs = attributes(after if "{" in after else "{" + after)
    return {"name": _string_value(attrs.get("sym_name")) or _result_name(text, "aie.buffer"),
            "tile": _tile_of(ops[0], tiles) if ops else None,
            "address": _int_value(attrs.get("address")), "bank": _int_value(attrs.get("mem_bank")),
            "nbytes": memref_bytes(rest)}


def _buffer(d: Directive, tiles: dict[str, tuple[int, int]]) -> BufferFigure:
    whole, head = _fields(d.text, tiles), _fields(d.head, tiles) if _is_buffer(d.head) else {}
    return BufferFigure(d.line, whole["name"], whole["tile"], whole["address"], whole["bank"], whole["nbytes"],
                        frozenset(k for k, v in head.items() if v is not None), d.kind)


def _lock(d: Directive, tiles: dict[str, tuple[int, int]]) -> LockFigure:
    text = d.text
    ops = _operands(text, "aie.lock")
    attrs = attributes(text.partition("aie.lock(")[2])
    return LockFigure(d.line, _string_value(attrs.get("sym_name")) or _result_name(text, "aie.lock"),
                      _tile_of(ops[0], tiles) if ops else None,
                      _int_value(ops[1]) if len(ops) > 1 else None, _int_value(attrs.get("init")))
