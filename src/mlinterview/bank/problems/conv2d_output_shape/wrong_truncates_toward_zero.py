"""Wrong: divides with int(a / b), which truncates toward zero instead of flooring, so a
kernel that misses the padded input by less than one stride still gets one position."""


def conv2d_output_shape(
    h: int,
    w: int,
    kernel: int | list[int],
    stride: int | list[int],
    padding: int | str | list[int],
    dilation: int | list[int],
) -> list[int]:
    def pair(v: int | list[int]) -> list[int]:
        return [v, v] if isinstance(v, int) else list(v)

    if padding == "same":
        return [h, w]
    pad = [0, 0] if padding == "valid" else pair(padding)  # type: ignore[arg-type]
    k, s, d = pair(kernel), pair(stride), pair(dilation)
    out = []
    for i, n in enumerate((h, w)):
        span = d[i] * (k[i] - 1) + 1
        out.append(max(0, int((n + 2 * pad[i] - span) / s[i]) + 1))
    return out
