"""presslate: the translation workflow of an organisation's press releases."""

__version__ = "0.1.0"

from presslate._speedups import install as _install_compiled  # noqa: E402

_install_compiled()  # compiled copies of the hot modules, when built and current (see presslate._speedups)
