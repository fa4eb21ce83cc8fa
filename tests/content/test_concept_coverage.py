"""Every concept the breadth issues promise is *asked about*: it stands in a card's
English question or in one of its key points, not in passing in an answer. Each row
names the card that owns the concept and the words that must appear there, so a later
edit that drops a concept from its card fails here instead of silently shrinking the bank."""

from __future__ import annotations

import pytest

from mlinterview.content.loader import bundled_bank

# concept: (card id, phrases that must each appear in the question or a key point)
CONCEPTS: dict[str, tuple[str, tuple[str, ...]]] = {
    # deep learning and LLMs
    "scaled dot-product self-attention": ("self-attention", ("scaled dot-product",)),
    "multi-head attention": ("self-attention", ("heads",)),
    "positional encodings": ("positional-encodings", ("sinusoidal", "learned", "rope")),
    "encoder vs decoder": ("encoder-decoder-architectures", ("encoder-only", "decoder-only")),
    "pre-LN vs post-LN": ("pre-ln-vs-post-ln", ("pre-ln", "post-ln")),
    "tokenisation": ("tokenization", ("bpe", "wordpiece", "sentencepiece", "arithmetic")),
    "tokenisation of non-English text": ("tokenization", ("non-english",)),
    "masked vs causal LM": ("pretraining-objectives", ("masked language", "causal")),
    "scaling laws": ("scaling-laws", ("kaplan", "chinchilla")),
    "supervised fine-tuning": ("supervised-fine-tuning", ("supervised fine-tuning",)),
    "RLHF": ("rlhf", ("reward model", "ppo", "kl")),
    "DPO": ("dpo", ("direct preference optimization",)),
    "GRPO": ("grpo-reasoning-rl", ("grpo",)),
    "LoRA and QLoRA": ("lora-qlora", ("lora", "qlora")),
    "mixture of experts": ("mixture-of-experts", ("route", "load balancing")),
    "FlashAttention": ("flash-attention", ("flashattention",)),
    "KV cache": ("kv-cache", ("kv cache",)),
    "decoding": ("decoding-strategies", ("greedy", "beam search", "temperature", "top-k", "top-p")),
    "backpropagation": ("backpropagation", ("backpropagation",)),
    "vanishing and exploding gradients": (
        "vanishing-exploding-gradients",
        ("vanishing", "exploding"),
    ),
    "residual connections": ("residual-connections", ("residual connections",)),
    "SGD with momentum": ("sgd-momentum-vs-adaptive", ("momentum",)),
    "Adam and AdamW": ("optimizers-adam-adamw", ("adamw", "l2 regularisation")),
    "learning-rate schedules and warm-up": ("learning-rate-schedules", ("warm-up", "decay")),
    "normalisation layers": (
        "normalization-layers",
        ("batch normalisation", "layer normalisation", "rmsnorm"),
    ),
    "initialisation": ("weight-initialization", ("xavier", "he initialisation")),
    "dropout": ("dropout", ("dropout",)),
    "label smoothing": ("label-smoothing", ("label smoothing",)),
    "mixed precision": ("mixed-precision-training", ("fp16", "bf16", "loss scaling")),
    "data-parallel training": ("data-parallel-training", ("ddp", "gradient accumulation")),
    "sharded training": (
        "sharded-model-parallelism",
        ("zero", "fsdp", "tensor parallelism", "pipeline parallelism"),
    ),
    "activation checkpointing": ("transformer-compute-and-memory", ("checkpointing",)),
    "CNN building blocks": ("cnn-building-blocks", ("receptive field", "pooling", "resnet")),
    "vision transformer": ("vision-transformer", ("vision transformer",)),
    "contrastive learning": ("contrastive-learning", ("infonce", "clip")),
    "embeddings and metric learning": ("metric-learning-embeddings", ("embedding", "triplet")),
    "variational autoencoder": ("variational-autoencoders", ("variational autoencoder", "elbo")),
    "GAN": ("generative-adversarial-networks", ("discriminator", "mode collapse")),
    "diffusion": ("diffusion-models", ("diffusion", "noise")),
    "knowledge distillation": ("knowledge-distillation", ("distillation", "soft targets")),
    "pruning": ("pruning-and-sparsity", ("pruning",)),
    "RNN and LSTM": ("rnn-lstm-vs-transformers", ("lstm", "transformers replaced")),
    "agents and tool use": ("llm-agents-tool-use", ("agents", "tool")),
    "prompt injection": ("prompt-injection", ("prompt injection",)),
    "benchmark contamination": ("llm-benchmarks-contamination", ("contamination",)),
    "LLM-as-judge biases": ("llm-as-judge", ("biases",)),
    # classical ML, statistics, data and evaluation
    "cross-entropy vs MSE for classification": (
        "loss-functions-maximum-likelihood",
        ("cross-entropy", "maximum likelihood"),
    ),
    "MAE vs MSE vs Huber": ("regression-losses-mae-mse-huber", ("mae", "mse", "huber")),
    "MAP as regularisation": ("map-estimation-regularization", ("map", "prior")),
    "L1 vs L2 and elastic net": ("l1-vs-l2-regularization", ("l1", "l2", "elastic net")),
    "logistic regression": (
        "logistic-regression",
        ("odds", "decision boundary", "linear regression"),
    ),
    "support vector machine": ("support-vector-machines", ("margin", "hinge loss", " c")),
    "kernels": ("kernel-trick", ("kernel",)),
    "naive Bayes": ("naive-bayes", ("independen",)),
    "decision-tree splitting": (
        "decision-tree-splitting",
        ("gini", "entropy", "variance", "scaling"),
    ),
    "random forests vs gradient boosting": ("gradient-boosting", ("random forest",)),
    "XGBoost/LightGBM specifics": ("xgboost-lightgbm", ("histogram", "learning rate")),
    "k-means": ("k-means-clustering", ("initialisation", "choose k")),
    "DBSCAN": ("dbscan", ("dbscan",)),
    "Gaussian mixtures and EM": ("gaussian-mixture-models", ("gaussian mixture", "em")),
    "hierarchical clustering": ("hierarchical-clustering", ("hierarchical",)),
    "isolation forest": ("anomaly-detection-isolation-forest", ("isolation forest",)),
    "class imbalance": ("class-imbalance", ("resampling", "class weights", "threshold")),
    "data leakage": (
        "data-leakage",
        ("target leakage", "temporal leakage", "preprocessing leakage"),
    ),
    "missing values": ("missing-values", ("mcar", "mar", "mnar", "imputation")),
    "categorical encoding": ("categorical-encoding", ("one-hot", "target encoding", "out-of-fold")),
    "feature engineering": ("feature-engineering", ("feature engineering",)),
    "hyperparameter search": (
        "hyperparameter-search",
        ("grid", "random search", "bayesian optimisation", "nested"),
    ),
    "calibration": ("probability-calibration", ("platt", "isotonic", "brier", "reliability")),
    "precision-recall curves": ("precision-recall-curves", ("precision-recall", "pr-auc")),
    "regression metrics": ("regression-metrics", ("rmse", "mae", "mape", "r²")),
    "ranking metrics": ("ranking-metrics", ("ndcg", "map", "mrr")),
    "p-values": ("p-values", ("p-value",)),
    "confidence intervals": ("confidence-intervals", ("confidence interval",)),
    "bootstrap": ("bootstrap", ("bootstrap",)),
    "multiple testing": ("multiple-testing", ("bonferroni", "benjamini")),
    "power and sample size": ("statistical-power", ("power", "sample size")),
    "central limit theorem": ("central-limit-theorem", ("central limit theorem",)),
    "Bayesian vs frequentist": ("bayesian-vs-frequentist", ("bayesian", "frequentist")),
    "A/B-test pitfalls": ("ab-test-pitfalls", ("peeking", "sample-ratio mismatch", "novelty")),
    "causal inference": ("causal-inference-basics", ("confounding", "randomisation")),
    "uplift": ("uplift-modelling", ("uplift",)),
    "recommender systems": (
        "recommender-systems",
        ("collaborative filtering", "matrix factorization", "two-tower", "cold-start"),
    ),
    "time-series forecasting": ("time-series-forecasting", ("arima", "lag features", "backtest")),
    "interpretability": ("interpretability-pdp-lime-shap", ("partial dependence", "lime", "shap")),
    "fairness": ("fairness-metrics", ("demographic parity", "equalised odds")),
    "project end to end": ("ml-project-end-to-end", ("end to end",)),
    "model failed in production": ("model-failed-in-production", ("failed",)),
    "metric disagreement": ("metric-disagreement-with-stakeholder", ("disagree",)),
}


def asked_text(card_id: str) -> str:
    card = bundled_bank().cards[card_id]
    return " ".join([card.question.en, *(point.en for point in card.key_points)]).lower()


@pytest.mark.parametrize("concept", sorted(CONCEPTS))
def test_concept_is_asked_about(concept: str) -> None:
    card_id, phrases = CONCEPTS[concept]
    text = asked_text(card_id)
    missing = [phrase for phrase in phrases if phrase not in text]
    assert not missing, f"{concept}: card {card_id} does not ask about {missing}"


def test_at_least_five_behavioural_questions_with_rubrics() -> None:
    career = [c for c in bundled_bank().cards.values() if c.topic.value == "career"]
    behavioural = [c for c in career if c.source.value == "extended"]
    assert len(behavioural) >= 5
    assert all(len(c.key_points) >= 5 for c in behavioural)
