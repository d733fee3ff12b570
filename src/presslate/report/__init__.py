"""Status reports: how far each release is translated, what blocks it, and how that changed over time."""
