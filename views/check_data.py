"""Check new data (maintainers): validate an uploaded CSV or zip exactly as loaders.validate does, see the diff
and the affected figure before and after. Uploads stay in memory; nothing is ever written into data/."""

import pandas as pd
import streamlit as st

import i18n
from core.package import MAX_FILE_BYTES, file_name, resource, table_names
from figures.check_data import before_and_after
from loaders.candidate import check_candidate, normalised, recognise_table, unzip_package
from shaping.diff import table_diff
from shaping.downloads import neutralise_formula
from shaping.text import markdown_plain
from shaping.words import phrase_n
from ui.card import figure_card
from ui.page import load_tables, uploader_in_reader_words
from ui.render import page_header

LIMIT_MB = MAX_FILE_BYTES // (1024 * 1024)

texts = page_header("check_data")
lang = i18n.current()
st.markdown(texts.say("intro", limit=i18n.number(LIMIT_MB, lang)))
current = load_tables(*table_names())
if current is not None:
    left, right = st.columns([2, 1])
    recognise = texts.say("recognise")  # said now: Streamlit may call format_func outside this run's language
    upload = left.file_uploader(texts.say("upload"), type=["csv", "zip"], max_upload_size=LIMIT_MB, key="upload")
    # Streamlit's own English on the uploader ('Upload', '5MB per file • CSV, ZIP') in the reader's words
    left.html(uploader_in_reader_words("upload", texts.say("upload_button")))
    left.caption(texts.say("upload_how", limit=i18n.number(LIMIT_MB, lang)))
    chosen = right.selectbox(
        texts.say("which_table"),
        ["", *table_names()],  # "": recognise the table from its header (None would offer to clear the choice)
        format_func=lambda t: file_name(t) if t else recognise,
        key="table",
    )
    if upload is not None:
        content = upload.getvalue()
        name = upload.name or "upload"
        uploads, refused = {}, []
        if len(content) > MAX_FILE_BYTES:
            size = i18n.number(round(len(content) / 1024 / 1024, 1), lang, digits=1)
            st.error(texts.say("too_big", size=size, limit=i18n.number(LIMIT_MB, lang)))
        elif name.lower().endswith(".zip") or content[:2] == b"PK":
            uploads, refused = unzip_package(content, name)
        else:
            table = chosen or recognise_table(content)
            if table is None:
                files = ", ".join(file_name(t) for t in table_names())
                st.error(markdown_plain(texts.say("unrecognised", files=files)))
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
            st.subheader(texts.say("validation"))
            if problems:
                st.error(
                    phrase_n("diff.problems", len(problems), count=i18n.number(len(problems), lang)),
                    icon=":material/error:",
                )
                # The table's own "Download as CSV" exports what it shows: a formula in the upload's name or a cell
                # quoted in a message must reach a spreadsheet as text (OWASP rule, as every download here).
                listed = [
                    {"file": p.file, "line": p.line, "column": p.column or "", "problem": p.message} for p in problems
                ]
                st.dataframe(
                    pd.DataFrame(listed).map(neutralise_formula),
                    hide_index=True,
                    width="stretch",
                    column_config={c: texts.say(f"{c}_column") for c in ("file", "line", "column", "problem")},
                )
            else:
                files = ", ".join(file_name(t) for t in uploads)
                st.success(
                    markdown_plain(phrase_n("diff.valid", len(uploads), files=files)), icon=":material/check_circle:"
                )
                diffs = {}
                for table in uploads:
                    key = resource(table)["schema"]["primaryKey"][0]
                    diff = diffs[table] = table_diff(current.table(table), candidate.table(table), key)
                    st.subheader(texts.say("what_changes", file=file_name(table)))
                    st.markdown(markdown_plain(diff.summary()))
                    if not diff.added.empty:
                        st.markdown(f"**{texts.say('added_rows')}**")
                        st.dataframe(diff.added, hide_index=True, width="stretch")
                    if not diff.removed.empty:
                        st.markdown(f"**{texts.say('removed_rows')}**")
                        st.dataframe(diff.removed, hide_index=True, width="stretch")
                    if not diff.changed.empty:
                        st.markdown(f"**{texts.say('changed_cells')}**")
                        st.dataframe(
                            diff.changed,
                            hide_index=True,
                            width="stretch",
                            column_config={
                                "column": texts.say("column_column"),
                                "old": texts.say("before_column"),
                                "new": texts.say("after_column"),
                            },
                        )
                    st.download_button(
                        texts.say("download", file=file_name(table)),
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
                    st.caption(texts.say("no_chart"))
                for before, after in pairs:
                    figure_card(before, current)
                    figure_card(after, candidate)
