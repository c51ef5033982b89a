"""Model identity: one canonical id per model, and every name any source uses for it."""
