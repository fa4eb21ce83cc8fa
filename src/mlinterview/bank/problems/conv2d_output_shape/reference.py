"""Reference: the PyTorch output-size formula per axis, with 'same'/'valid' and a clamp at 0."""


def _pair(value: int | list[int]) -> tuple[int, int]:
    if isinstance(value, int):
        return value, value
    return int(value[0]), int(value[1])


def conv2d_output_shape(
    h: int,
    w: int,
    kernel: int | list[int],
    stride: int | list[int],
    padding: int | str | list[int],
    dilation: int | list[int],
) -> list[int]:
    if padding == "same":
        return [h, w]
    pad = (0, 0) if padding == "valid" else _pair(padding)  # type: ignore[arg-type]
    out = []
    for size, k, s, p, d in zip(
        (h, w), _pair(kernel), _pair(stride), pad, _pair(dilation), strict=True
    ):
        span = d * (k - 1) + 1  # the receptive field of one output pixel, gaps included
        # Floor division; a kernel wider than the padded input fits nowhere.
        out.append(max(0, (size + 2 * p - span) // s + 1))
    return out
