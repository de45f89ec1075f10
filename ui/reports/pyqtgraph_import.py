"""pyqtgraph, the charting library of the reports page.

Only ui.reports.chart imports this module, and the reports page imports that only when its
first report arrives, so starting AfterDesk does not pay for pyqtgraph and numpy.

The frozen build leaves out Qt's OpenGL binding (PySide6.QtOpenGL, 8.7 MB on Windows; see
build.spec): pyqtgraph imports it at load time but uses it only to draw curves with OpenGL,
which the report charts never switch on. Where it is missing, an empty module stands in.
"""

from __future__ import annotations

import sys
import types


def _stand_in_for_qt_opengl() -> None:
    try:
        import PySide6.QtOpenGL  # noqa: F401
    except ImportError:
        sys.modules.setdefault("PySide6.QtOpenGL", types.ModuleType("PySide6.QtOpenGL"))


_stand_in_for_qt_opengl()

import pyqtgraph  # noqa: E402

pyqtgraph.setConfigOptions(antialias=True, useOpenGL=False)
