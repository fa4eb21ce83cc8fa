"""Wrong: ignores the dilation, as if the kernel's taps were always adjacent."""


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
    k, s = pair(kernel), pair(stride)
    return [max(0, (n + 2 * pad[i] - k[i]) // s[i] + 1) for i, n in enumerate((h, w))]
