"""Design-space and hardware regression reports."""
