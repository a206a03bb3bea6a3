"""Where the data package lives: data/ beside the code, or the folder settings.DATA_DIR names."""

from pathlib import Path

import settings

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ENV_VAR = settings.BY_NAME["DATA_DIR"].env


def data_dir() -> Path:
    """The data folder: $HIKIKOMORI_DATA_DIR if set (read on each call, so a test or a preview can switch it), else
    the bundled data/."""
    override = settings.value("DATA_DIR")
    return Path(override) if override else DEFAULT_DATA_DIR
