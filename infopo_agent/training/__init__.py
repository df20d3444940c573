"""Around ``InfoPOTrainer``: precision, LoRA, run config, checkpoints, metrics."""
