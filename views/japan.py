"""Japan: the Cabinet Office rounds as a series, broad split into narrow and quasi,
and every other Japanese estimate."""

from ui.page import load_tables
from ui.render import render_page

render_page("japan", lambda: load_tables("recluse_estimates", "sources", "population"))
