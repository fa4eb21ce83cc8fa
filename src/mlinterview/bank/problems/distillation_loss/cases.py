"""Random teacher/student pairs: the student is a noisy, rescaled copy of the teacher."""

import numpy as np


def random_cases(rng: np.random.Generator, count: int) -> list[dict[str, object]]:
    """N up to 64, C up to 100, logit scale 1-30, temperature 0.5-10."""
    cases: list[dict[str, object]] = []
    for i in range(count):
        n, c = (64, 100) if i == 0 else (int(rng.integers(1, 6)), int(rng.integers(2, 8)))
        scale = [1.0, 5.0, 30.0][i % 3]
        teacher = rng.normal(0.0, scale, size=(n, c))
        student = 0.7 * teacher + rng.normal(0.0, scale, size=(n, c))
        cases.append(
            {
                "student_logits": np.round(student, 3),
                "teacher_logits": np.round(teacher, 3),
                "temperature": [2.0, 4.0, 1.0, 0.5, 10.0][i % 5],
            }
        )
    return cases
