#!/usr/bin/env python3
"""Where a WebAssembly module's bytes go, by kind of code, raw and gzipped (gzip -9).

    python3 scripts/wasm_parts.py MODULE.wasm

MODULE must keep its name section (`scripts/sizes.sh parts` builds one, with the same
passes as the npm package's module otherwise). Each function body is put in one part by
its name:
- decoding: serde's `Deserialize` impls, visitors and seeds, and the core's decoder of
  JSON values (`tracked`) and of tagged objects (`tagged`);
- encoding: serde's `Serialize` impls and serde_json's writer;
- domain: the rest of the `gridward` crates' own code;
- libraries: the standard library and the other dependencies;
and the data section (strings, tables, the shapes the faces check arguments against) is
a part of its own.

Of the libraries, it gives the share of the standard library's ordered maps and sets
(`BTreeMap`, `BTreeSet`), built once for each pair of key and value types.

It then prints the module's gzipped size with the decoding removed; with decoding and
encoding removed; and with the ordered maps' code removed as well: the function bodies
dropped from the code section, every other section kept. That is not a working module.
It is what no decoder and no encoder, however small (and, on the last line, no map that
replaced `BTreeMap`), could bring the module below.
"""

import gzip
import re
import sys

NAME_SUBSECTION_FUNCTIONS = 1
CUSTOM, IMPORT, CODE, DATA = 0, 2, 10, 11


def leb(data, at):
    """An unsigned LEB128 number at `at`, and the offset after it."""
    value, shift = 0, 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def imported_functions(data, at):
    """How many functions the import section at `at` imports."""
    count, at = leb(data, at)
    functions = 0
    for _ in range(count):
        for _ in range(2):  # module and field names
            length, at = leb(data, at)
            at += length
        kind = data[at]
        at += 1
        if kind == 0:  # function: a type index
            functions += 1
            _, at = leb(data, at)
        elif kind == 1:  # table: element type and limits
            at += 1
            flags, at = leb(data, at)
            _, at = leb(data, at)
            if flags & 1:
                _, at = leb(data, at)
        elif kind == 2:  # memory: limits
            flags, at = leb(data, at)
            _, at = leb(data, at)
            if flags & 1:
                _, at = leb(data, at)
        elif kind == 3:  # global: value type and mutability
            at += 2
        else:
            raise ValueError(f"import kind {kind} is not known here")
    return functions


def function_names(data, at, end):
    """The function names of a name section's body, by function index."""
    names = {}
    while at < end:
        sub = data[at]
        size, at = leb(data, at + 1)
        if sub == NAME_SUBSECTION_FUNCTIONS:
            count, pos = leb(data, at)
            for _ in range(count):
                index, pos = leb(data, pos)
                length, pos = leb(data, pos)
                names[index] = data[pos : pos + length].decode("utf-8", "replace")
                pos += length
        at += size
    return names


def read_module(data):
    """The module's sections (id, start, end of contents, end), its function bodies as
    (start, end) and their names."""
    if data[:4] != b"\0asm":
        raise ValueError("not a WebAssembly module")
    sections, bodies, names, imports = [], [], {}, 0
    at = 8
    while at < len(data):
        section, start = data[at], at
        size, at = leb(data, at + 1)
        end = at + size
        sections.append((section, start, at, end))
        if section == IMPORT:
            imports = imported_functions(data, at)
        elif section == CODE:
            count, pos = leb(data, at)
            for _ in range(count):
                length, body = leb(data, pos)
                bodies.append((pos, body + length))
                pos = body + length
        elif section == CUSTOM:
            length, pos = leb(data, at)
            if data[pos : pos + length] == b"name":
                names = function_names(data, pos + length, end)
        at = end
    named = [names.get(imports + i, "") for i in range(len(bodies))]
    return sections, bodies, named


DECODING = re.compile(
    r"Deserializ|Visitor|visit_|Seed|MapAccess|SeqAccess|EnumAccess|serde_core::de::"
    r"|^gridward::tracked|^<gridward::tracked|^gridward::tagged|^<gridward::tagged"
)
ENCODING = re.compile(r"Serializ|serde_json::ser::|serde_core::ser::")
DOMAIN = re.compile(r"^<?gridward(_wasm)?::")
ORDERED_MAPS = re.compile(r"alloc::collections::btree::")


def part(name):
    """The part a function belongs to, by its name."""
    if DECODING.search(name):
        return "decoding"
    if ENCODING.search(name):
        return "encoding"
    if DOMAIN.search(name):
        return "domain"
    return "libraries"


def gz(data):
    return len(gzip.compress(bytes(data), 9))


def without(data, sections, bodies, drop):
    """The module's sections, custom ones left out, with the bodies `drop` says dropped."""
    out = bytearray()
    for section, start, contents, end in sections:
        if section == CUSTOM:
            continue
        if section == CODE:
            for i, (a, b) in enumerate(bodies):
                if not drop(i):
                    out += data[a:b]
        else:
            out += data[start:end]
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    data = open(sys.argv[1], "rb").read()
    sections, bodies, names = read_module(data)
    if not any(names):
        sys.exit(f"{sys.argv[1]} has no function names: build it with its name section")
    parts = [part(n) for n in names]
    shipped = without(data, sections, bodies, lambda i: False)
    print(f"module without custom sections: {len(shipped):,} bytes raw, {gz(shipped):,} gzip -9")
    print(f"{'part':<10} {'functions':>9} {'raw':>11} {'gzip -9 alone':>14}")
    for kind in ("decoding", "encoding", "domain", "libraries"):
        code = bytearray()
        count = 0
        for (a, b), p in zip(bodies, parts):
            if p == kind:
                code += data[a:b]
                count += 1
        print(f"{kind:<10} {count:>9,} {len(code):>11,} {gz(code):>14,}")
    for section, start, contents, end in sections:
        if section == DATA:
            print(f"{'data':<10} {'':>9} {end - contents:>11,} {gz(data[contents:end]):>14,}")
    maps = [p == "libraries" and bool(ORDERED_MAPS.search(n)) for p, n in zip(parts, names)]
    code = bytearray()
    for (a, b), m in zip(bodies, maps):
        if m:
            code += data[a:b]
    print(
        f"of the libraries, the ordered maps (BTreeMap, BTreeSet): {sum(maps):,} functions, "
        f"{len(code):,} raw, {gz(code):,} gzip -9 alone"
    )
    for label, gone, and_maps in (
        ("decoding", ("decoding",), False),
        ("decoding and encoding", ("decoding", "encoding"), False),
        ("decoding, encoding and the ordered maps", ("decoding", "encoding"), True),
    ):
        def drop(i, gone=gone, and_maps=and_maps):
            return parts[i] in gone or (and_maps and maps[i])

        rest = without(data, sections, bodies, drop)
        print(f"without {label}: {len(rest):,} bytes raw, {gz(rest):,} gzip -9 (not a working module)")


if __name__ == "__main__":
    main()
