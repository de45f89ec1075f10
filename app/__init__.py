"""AfterDesk (售后工作台): the domain core.

Nothing in this package imports Qt widgets: the command line, the tests and the
window all use the same services and rules.
"""

__version__ = "0.1.0"
APP_NAME = "AfterDesk"
