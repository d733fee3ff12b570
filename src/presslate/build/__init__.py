"""Publishing: rebuild translated releases, mirror pages and index pages; compile MO files."""
