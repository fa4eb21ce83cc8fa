"""Wrong: applies the formula without checking that the kernel fits, returning negative sizes."""


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
    return [(n + 2 * pad[i] - d[i] * (k[i] - 1) - 1) // s[i] + 1 for i, n in enumerate((h, w))]
