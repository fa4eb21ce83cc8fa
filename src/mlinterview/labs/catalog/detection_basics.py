"""IoU and non-maximum suppression on synthetic detections.

A detector such as YOLO fires several overlapping boxes per object. The scenes here are
generated so that the truth is known: every object gets a cloud of jittered candidate
boxes, a few false alarms are sprinkled in, and one pair of objects overlaps on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlinterview.labs.base import Lab, Outcome, Param, Plot, Table, de_num, text

if TYPE_CHECKING:
    import numpy as np

MATCH_IOU = 0.5  # a detection counts as finding an object at IoU >= 0.5 (PASCAL VOC)
CANVAS = 100.0
MIN_REMOVED = 0.99  # share of duplicate boxes NMS must remove
MAX_RECALL_LOSS = 0.005  # ... while losing (almost) no object
SWEEP = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def iou_matrix(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairwise IoU of boxes given as (x1, y1, x2, y2)."""
    import numpy as np

    x1 = np.maximum(a[:, None, 0], b[None, :, 0])
    y1 = np.maximum(a[:, None, 1], b[None, :, 1])
    x2 = np.minimum(a[:, None, 2], b[None, :, 2])
    y2 = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    return np.asarray(np.where(union > 0, inter / np.where(union > 0, union, 1), 0.0))


def nms(boxes: np.ndarray, scores: np.ndarray, threshold: float) -> np.ndarray:
    """Greedy NMS: keep the best box, drop boxes overlapping it above ``threshold``, repeat.
    Returns kept indices, best score first (ties: lower index first)."""
    import numpy as np

    order = np.lexsort((np.arange(len(scores)), -scores))
    keep: list[int] = []
    suppressed = np.zeros(len(scores), dtype=bool)
    ious = iou_matrix(boxes, boxes)
    for i in order:
        if suppressed[i]:
            continue
        keep.append(int(i))
        suppressed |= ious[i] > threshold
    return np.array(keep, dtype=int)


@dataclass(frozen=True)
class Scene:
    truth: np.ndarray  # (n, 4)
    boxes: np.ndarray  # (m, 4) candidate detections
    scores: np.ndarray


def make_scene(
    rng: np.random.Generator, n_objects: int, per_object: int, jitter: float, false_alarms: int
) -> Scene:
    """Objects at random places (the first two overlapping side by side), each with a
    cloud of jittered candidates whose score grows with their IoU; plus false alarms."""
    import numpy as np

    truth = []
    # a deliberately overlapping pair, like two people standing close together
    w, h = rng.uniform(18, 26), rng.uniform(26, 34)
    x, y = rng.uniform(5, 40), rng.uniform(5, 55)
    truth.append((x, y, x + w, y + h))
    dx = w * rng.uniform(0.5, 0.6)
    truth.append((x + dx, y + rng.uniform(-3, 3), x + dx + w, y + h))
    tries = 0
    while len(truth) < n_objects and tries < 1000:
        tries += 1
        w, h = rng.uniform(10, 28), rng.uniform(10, 28)
        x, y = rng.uniform(0, CANVAS - w), rng.uniform(0, CANVAS - h)
        cand = np.array([[x, y, x + w, y + h]])
        if iou_matrix(cand, np.array(truth)).max() == 0.0:
            truth.append((x, y, x + w, y + h))
    gt = np.array(truth)
    boxes, scores = [], []
    for box in gt:
        size = np.array([box[2] - box[0], box[3] - box[1]] * 2)
        for _ in range(per_object):
            cand = box + rng.normal(0, jitter, 4) * size
            cand = np.array(
                [
                    min(cand[0], cand[2] - 1),
                    min(cand[1], cand[3] - 1),
                    max(cand[2], cand[0] + 1),
                    max(cand[3], cand[1] + 1),
                ]
            )
            quality = float(iou_matrix(cand[None], box[None])[0, 0])
            boxes.append(cand)
            scores.append(np.clip(0.3 + 0.6 * quality + rng.normal(0, 0.08), 0.01, 0.99))
    for _ in range(false_alarms):
        w, h = rng.uniform(8, 20), rng.uniform(8, 20)
        x, y = rng.uniform(0, CANVAS - w), rng.uniform(0, CANVAS - h)
        boxes.append(np.array([x, y, x + w, y + h]))
        scores.append(rng.uniform(0.05, 0.8))
    return Scene(truth=gt, boxes=np.array(boxes), scores=np.array(scores))


@dataclass(frozen=True)
class Evaluation:
    found: int  # objects matched by at least one detection
    duplicates: int  # extra detections on an already found object
    false_alarms: int
    detections: int
    tp_flags: list[tuple[float, bool]]  # (score, is true positive) for AP


def evaluate(truth: np.ndarray, boxes: np.ndarray, scores: np.ndarray) -> Evaluation:
    """Greedy matching by score: the first detection with IoU >= 0.5 on an object is a true
    positive, later ones on the same object are duplicates (false positives for AP)."""
    import numpy as np

    taken = np.zeros(len(truth), dtype=bool)
    duplicates = false_alarms = 0
    flags: list[tuple[float, bool]] = []
    if len(boxes) == 0:
        return Evaluation(0, 0, 0, 0, flags)
    ious = iou_matrix(boxes, truth)
    for i in np.argsort(-scores, kind="stable"):
        j = int(ious[i].argmax())
        if ious[i, j] >= MATCH_IOU:
            if taken[j]:
                duplicates += 1
                flags.append((float(scores[i]), False))
            else:
                taken[j] = True
                flags.append((float(scores[i]), True))
        else:
            false_alarms += 1
            flags.append((float(scores[i]), False))
    return Evaluation(int(taken.sum()), duplicates, false_alarms, len(boxes), flags)


def average_precision(flags: list[tuple[float, bool]], n_truth: int) -> float:
    """Area under the precision-recall curve with the usual monotone precision envelope."""
    import numpy as np

    if not flags or n_truth == 0:
        return 0.0
    ordered = sorted(flags, key=lambda f: -f[0])
    tp = np.cumsum([f[1] for f in ordered])
    fp = np.cumsum([not f[1] for f in ordered])
    recall = np.concatenate([[0.0], tp / n_truth])
    precision = np.concatenate([[1.0], tp / (tp + fp)])
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum((recall[1:] - recall[:-1]) * envelope[1:]))


def run(
    *,
    scenes: int,
    objects: int,
    per_object: int,
    jitter: float,
    false_alarms: int,
    iou_threshold: float,
    seed: int,
) -> Outcome:
    import numpy as np

    rng = np.random.default_rng([seed, 13])
    generated = [make_scene(rng, objects, per_object, jitter, false_alarms) for _ in range(scenes)]

    def summarise(threshold: float | None) -> dict[str, float]:
        found = dups = fas = dets = n_truth = 0
        flags: list[tuple[float, bool]] = []
        for sc in generated:
            keep = (
                np.arange(len(sc.scores))
                if threshold is None
                else nms(sc.boxes, sc.scores, threshold)
            )
            ev = evaluate(sc.truth, sc.boxes[keep], sc.scores[keep])
            found += ev.found
            dups += ev.duplicates
            fas += ev.false_alarms
            dets += ev.detections
            n_truth += len(sc.truth)
            flags += ev.tp_flags
        return {
            "recall": found / n_truth,
            "duplicates": dups,
            "false_alarms": fas,
            "detections": dets,
            "objects": n_truth,
            "ap": average_precision(flags, n_truth),
        }

    before = summarise(None)
    after = summarise(iou_threshold)
    sweep = [(t, summarise(t)) for t in SWEEP]
    pair_iou = float(np.mean([iou_matrix(sc.truth[:1], sc.truth[1:2])[0, 0] for sc in generated]))
    removed = 1 - after["duplicates"] / before["duplicates"] if before["duplicates"] else 0.0
    supported = (
        removed >= MIN_REMOVED
        and after["recall"] >= before["recall"] - MAX_RECALL_LOSS
        and after["ap"] > before["ap"]
    )
    metrics: dict[str, Any] = {
        "objects": before["objects"],
        "recall_before": before["recall"],
        "recall_after": after["recall"],
        "duplicates_before": before["duplicates"],
        "duplicates_after": after["duplicates"],
        "duplicates_removed": removed,
        "detections_before": before["detections"],
        "detections_after": after["detections"],
        "ap_before": before["ap"],
        "ap_after": after["ap"],
        "overlapping_pair_iou": pair_iou,
    }
    sweep_rows = tuple(
        (t, s["detections"], s["duplicates"], round(s["recall"], 3), round(s["ap"], 3))
        for t, s in sweep
    )
    scene0 = generated[0]
    keep0 = nms(scene0.boxes, scene0.scores, iou_threshold)

    def draw_scene(fig: Any, lang: str) -> None:
        from matplotlib.patches import Rectangle

        axes = fig.subplots(1, 2)
        panels = (
            (np.arange(len(scene0.scores)), "vor NMS" if lang == "de" else "before NMS"),
            (
                keep0,
                f"nach NMS (IoU > {iou_threshold})"
                if lang == "de"
                else f"after NMS (IoU > {iou_threshold})",
            ),
        )
        for ax, (idx, title) in zip(axes, panels, strict=True):
            for box in scene0.truth:
                ax.add_patch(
                    Rectangle(
                        (box[0], box[1]),
                        box[2] - box[0],
                        box[3] - box[1],
                        fill=False,
                        edgecolor="#2ca02c",
                        linewidth=2.5,
                    )
                )
            for i in idx:
                b = scene0.boxes[i]
                ax.add_patch(
                    Rectangle(
                        (b[0], b[1]),
                        b[2] - b[0],
                        b[3] - b[1],
                        fill=False,
                        edgecolor="#d62728",
                        linewidth=0.8,
                        alpha=float(0.3 + 0.7 * scene0.scores[i]),
                    )
                )
            ax.set_xlim(0, CANVAS)
            ax.set_ylim(CANVAS, 0)
            ax.set_aspect("equal")
            ax.set_title(f"{title}: {len(idx)} " + ("Boxen" if lang == "de" else "boxes"))
            ax.set_xticks([])
            ax.set_yticks([])

    def draw_sweep(fig: Any, lang: str) -> None:
        ax = fig.add_subplot()
        ts = [t for t, _ in sweep]
        ax.plot(ts, [s["recall"] for _, s in sweep], marker="o", color="#2ca02c", label="Recall")
        ax.plot(ts, [s["ap"] for _, s in sweep], marker="s", color="#1f77b4", label="AP@0.5")
        ax2 = ax.twinx()
        ax2.plot(
            ts,
            [s["duplicates"] for _, s in sweep],
            marker="^",
            color="#d62728",
            label="Duplikate" if lang == "de" else "duplicates",
        )
        ax2.set_ylabel("Duplikate" if lang == "de" else "duplicates")
        ax2.grid(False)
        ax.set_xlabel("IoU-Schwelle der NMS" if lang == "de" else "NMS IoU threshold")
        ax.set_ylim(0, 1.05)
        lines = ax.get_legend_handles_labels()
        lines2 = ax2.get_legend_handles_labels()
        ax.legend(lines[0] + lines2[0], lines[1] + lines2[1], loc="center left")

    return Outcome(
        supported=supported,
        metrics=metrics,
        explanation=text(
            f"Over {scenes} scenes with {before['objects']} objects the raw detector output "
            f"has {before['detections']} boxes, {before['duplicates']} of them duplicates of an "
            f"object already found (AP@0.5 = {before['ap']:.3f}). NMS at IoU > {iou_threshold} "
            f"keeps {after['detections']} boxes with {after['duplicates']} duplicates, recall "
            f"{after['recall']:.3f} (before {before['recall']:.3f}) and AP {after['ap']:.3f}. "
            f"The deliberately overlapping pair has IoU {pair_iou:.2f} on average: a threshold "
            "below that merges two real objects, one far above it lets duplicates through.",
            f"In {scenes} Szenen mit {before['objects']} Objekten liefert der Detektor roh "
            f"{before['detections']} Boxen, davon {before['duplicates']} Duplikate eines schon "
            f"gefundenen Objekts (AP@0,5 = {de_num(before['ap'], '.3f')}). NMS mit IoU > "
            f"{de_num(iou_threshold, 'g')} behält {after['detections']} Boxen mit "
            f"{after['duplicates']} Duplikaten, Recall {de_num(after['recall'], '.3f')} (vorher "
            f"{de_num(before['recall'], '.3f')}) und AP {de_num(after['ap'], '.3f')}. Das "
            f"absichtlich überlappende Paar hat im Mittel IoU {de_num(pair_iou, '.2f')}: Eine "
            "Schwelle darunter verschmilzt zwei echte Objekte, eine weit darüber lässt Duplikate "
            "durch.",
        ),
        tables=[
            Table(
                text("Before and after NMS", "Vor und nach NMS"),
                ("stage", "boxes", "duplicates", "false alarms", "recall", "AP@0.5"),
                tuple(
                    (
                        name,
                        s["detections"],
                        s["duplicates"],
                        s["false_alarms"],
                        round(s["recall"], 3),
                        round(s["ap"], 3),
                    )
                    for name, s in (
                        ("before NMS", before),
                        (f"after NMS (IoU > {iou_threshold})", after),
                    )
                ),
            ),
            Table(
                text("NMS threshold sweep", "NMS-Schwellen im Vergleich"),
                ("IoU threshold", "boxes", "duplicates", "recall", "AP@0.5"),
                sweep_rows,
            ),
        ],
        plots=[
            Plot(
                "scene",
                text("One scene before and after NMS", "Eine Szene vor und nach NMS"),
                draw_scene,
                size=(7.0, 3.8),
            ),
            Plot(
                "threshold_sweep",
                text("Effect of the NMS threshold", "Wirkung der NMS-Schwelle"),
                draw_sweep,
            ),
        ],
    )


LAB = Lab(
    id="detection_basics",
    title=text("IoU and non-maximum suppression", "IoU und Non-Maximum Suppression"),
    claim=text(
        "A detector fires several overlapping boxes per object; non-maximum suppression with "
        "a suitable IoU threshold removes the duplicates without losing any object, which "
        "raises average precision.",
        "Ein Detektor liefert pro Objekt mehrere überlappende Boxen; Non-Maximum Suppression "
        "mit passender IoU-Schwelle entfernt die Duplikate, ohne ein Objekt zu verlieren, und "
        "erhöht so die Average Precision.",
    ),
    cards=("yolo-evolution",),
    params=(
        Param("scenes", "int", 40, text("Scenes", "Szenen"), 1, 500),
        Param("objects", "int", 5, text("Objects per scene", "Objekte pro Szene"), 2, 12),
        Param(
            "per_object",
            "int",
            6,
            text("Candidate boxes per object", "Kandidatenboxen pro Objekt"),
            1,
            30,
        ),
        Param(
            "jitter",
            "float",
            0.06,
            text(
                "Box jitter (share of object size)", "Streuung der Boxen (Anteil der Objektgröße)"
            ),
            0.0,
            0.3,
        ),
        Param(
            "false_alarms", "int", 3, text("False alarms per scene", "Fehlalarme pro Szene"), 0, 30
        ),
        Param(
            "iou_threshold",
            "float",
            0.5,
            text("NMS IoU threshold", "IoU-Schwelle der NMS"),
            0.05,
            0.95,
        ),
    ),
    run_fn=run,
)
