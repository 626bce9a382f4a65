"""The fixed lists and recipes the course datasets are made from (no random draws here)."""
