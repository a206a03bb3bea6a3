"""Where the data package lives: data/ beside the code, or $HIKIKOMORI_DATA_DIR."""

import os
from pathlib import Path

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ENV_VAR = "HIKIKOMORI_DATA_DIR"


def data_dir() -> Path:
    """The data folder: $HIKIKOMORI_DATA_DIR if set, else the bundled data/."""
    override = os.environ.get(ENV_VAR, "").strip()
    return Path(override) if override else DEFAULT_DATA_DIR
