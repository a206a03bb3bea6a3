"""Check new data (maintainers): validate an uploaded CSV or zip exactly as loaders.validate does, see the diff
and the affected figure before and after. Uploads stay in memory; nothing is ever written into data/."""

import pandas as pd
import streamlit as st

from core.package import MAX_FILE_BYTES, file_name, resource, table_names
from figures.check_data import before_and_after
from loaders.candidate import check_candidate, normalised, recognise_table, unzip_package
from shaping.diff import table_diff
from shaping.downloads import neutralise_formula
from shaping.text import markdown_plain
from ui.card import figure_card
from ui.page import load_tables
from ui.render import page_header

LIMIT_MB = MAX_FILE_BYTES // (1024 * 1024)
RECOGNISE = "Recognise it from the header"

page_header("check_data")
st.markdown(f"""For maintainers. Upload the CSV of **one table** (a whole file, as you would commit it) or a **zip of the data
package**. It is checked with exactly the rules of `python -m loaders.validate`, against the other tables as they are now.
Uploads stay in this session's memory and are never written into the data folder. Limit: **{LIMIT_MB} MB** per file.""")
current = load_tables(*table_names())
if current is not None:
    left, right = st.columns([2, 1])
    upload = left.file_uploader("CSV or zip", type=["csv", "zip"], max_upload_size=LIMIT_MB, key="upload")
    chosen = right.selectbox("Which table", [RECOGNISE, *table_names()], key="table")
    if upload is not None:
        content = upload.getvalue()
        name = upload.name or "upload"
        uploads, refused = {}, []
        if len(content) > MAX_FILE_BYTES:
            st.error(
                f"The file is {len(content) / 1024 / 1024:.1f} MB; the limit is {LIMIT_MB} MB. Is it the right file?"
            )
        elif name.lower().endswith(".zip") or content[:2] == b"PK":
            uploads, refused = unzip_package(content, name)
        else:
            table = chosen if chosen != RECOGNISE else recognise_table(content)
            if table is None:
                st.error(
                    "Could not tell which table this is from its first line. Choose the table above, and check that the first line "
                    "is the header: " + markdown_plain(", ".join(file_name(t) for t in table_names()))
                )
            else:
                uploads = {table: content}
        for problem in refused:
            st.warning(markdown_plain(str(problem)))
        if uploads:
            candidate = check_candidate(
                current.data_dir,
                uploads,
                {t: f"{name} ({file_name(t)})" if len(uploads) == 1 else f"{name}:{file_name(t)}" for t in uploads},
            )
            problems = candidate.all_problems()
            st.subheader("Validation")
            if problems:
                st.error(
                    f"{len(problems)} problem(s): fix them and upload again. Nothing was changed.",
                    icon=":material/error:",
                )
                # The table's own "Download as CSV" exports what it shows: a formula in the upload's name or a cell
                # quoted in a message must reach a spreadsheet as text (OWASP rule, as every download here).
                listed = [
                    {"file": p.file, "line": p.line, "column": p.column or "", "problem": p.message} for p in problems
                ]
                st.dataframe(pd.DataFrame(listed).map(neutralise_formula), hide_index=True, width="stretch")
            else:
                st.success(
                    f"Valid: {', '.join(file_name(t) for t in uploads)} pass every rule with the rest of the package.",
                    icon=":material/check_circle:",
                )
                diffs = {}
                for table in uploads:
                    key = resource(table)["schema"]["primaryKey"][0]
                    diff = diffs[table] = table_diff(current.table(table), candidate.table(table), key)
                    st.subheader(f"What changes in {file_name(table)}")
                    st.markdown(markdown_plain(diff.summary()))
                    if not diff.added.empty:
                        st.markdown("**Added rows**")
                        st.dataframe(diff.added, hide_index=True, width="stretch")
                    if not diff.removed.empty:
                        st.markdown("**Removed rows**")
                        st.dataframe(diff.removed, hide_index=True, width="stretch")
                    if not diff.changed.empty:
                        st.markdown("**Changed cells (old → new)**")
                        st.dataframe(diff.changed, hide_index=True, width="stretch")
                    st.download_button(
                        f"Download the checked {file_name(table)} to commit",
                        normalised(uploads[table]),
                        file_name=file_name(table),
                        mime="text/csv",
                        key=f"merged-{table}",
                        on_click="ignore",
                        icon=":material/download:",
                    )
                # Each chart the changes redraw, once (a zip's estimates and sources redraw the same one).
                pairs = before_and_after(diffs, current, candidate)
                if not pairs:
                    st.caption("No chart is redrawn by these changes alone; the changes above are the whole effect.")
                for before, after in pairs:
                    figure_card(before, current)
                    figure_card(after, candidate)
