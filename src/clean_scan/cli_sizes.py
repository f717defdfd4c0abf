"""``--max-size``: how large an input clean-scan reads, as a size a person
writes (``500M``, ``2G``)."""

from __future__ import annotations

import click
import regex

SIZE = regex.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)(?:i?[bB])?\s*$")
UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


class ByteSize(click.ParamType):
    """A size in bytes, with an optional unit: ``100k``, ``500M``, ``2G``.

    >>> [ByteSize().convert(v, None, None) for v in ("4096", "100k", "1.5M", "2G")]
    [4096, 102400, 1572864, 2147483648]
    """

    name = "SIZE"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = SIZE.match(str(value))
        if match is None or float(match.group(1)) <= 0:
            self.fail(f"{value!r} is no size (write 500M, 2G or a number of bytes)", param, ctx)
        return int(float(match.group(1)) * UNITS[match.group(2).lower()])
