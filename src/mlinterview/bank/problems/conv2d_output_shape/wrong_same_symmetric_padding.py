"""Wrong: turns 'same' into a symmetric padding of span // 2 per side and applies the formula;
for an even span (an even kernel without dilation) that loses one pixel per axis."""


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

    k, s, d = pair(kernel), pair(stride), pair(dilation)
    spans = [d[i] * (k[i] - 1) + 1 for i in range(2)]
    if padding == "same":
        pad = [span // 2 for span in spans]
    elif padding == "valid":
        pad = [0, 0]
    else:
        pad = pair(padding)  # type: ignore[arg-type]
    return [max(0, (n + 2 * pad[i] - spans[i]) // s[i] + 1) for i, n in enumerate((h, w))]
