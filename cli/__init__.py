"""The `asmap` command line: click commands that wire layers -> geo -> maps.

Makes the `asmap` command group (`main.py`), shared options (`options.py`) and one module
per command. May import every other part; it is the only part that prints.
"""
