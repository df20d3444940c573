"""LLM-backed user simulators: an OpenAI-compatible endpoint or a local transformers model."""
