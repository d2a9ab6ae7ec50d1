"""Optimisation: optimisers with PyTorch's interface, their update rules, and learning-rate schedules."""

from .memory import OPTIMISERS, state_shapes
from .optimisers import SGD, Adafactor, Adam, AdamW, RMSprop
from .schedules import SCHEDULES, constant, cosine_annealing, linear_warmup_cosine, one_cycle, step_decay
from .updates import adafactor_update, adam_update, adamw_update, rmsprop_update, sgd_update

__all__ = [
    "SGD", "RMSprop", "Adam", "AdamW", "Adafactor", "state_shapes", "OPTIMISERS",
    "sgd_update", "rmsprop_update", "adam_update", "adamw_update", "adafactor_update",
    "constant", "step_decay", "cosine_annealing", "linear_warmup_cosine", "one_cycle", "SCHEDULES",
]
