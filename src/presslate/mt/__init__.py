"""Machine-translation drafts: engines, translation memory, protected terms and tokens, a cache, the use case."""

MT_ENGINES = ("google", "deepl", "microsoft", "mymemory", "libre", "chatgpt")
"""The machine-translation engines reached through deep-translator (``tm``, the memory, is always there too)."""
