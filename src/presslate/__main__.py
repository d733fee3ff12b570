"""Entry point for ``python -m presslate``."""

from presslate.cli import main

if __name__ == "__main__":
    main()
