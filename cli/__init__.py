"""The `asmap` command line: click commands that wire layers -> geo -> maps."""
