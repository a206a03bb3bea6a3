"""read_rows: the structure problems of a CSV text, with the lines and cells a maintainer sees in an editor."""

from loaders.precheck import read_rows

HEADER = ["a", "b", "c"]


def check_structure(text: str, header: list[str], shown_as: str) -> list:
    return read_rows(text, header, shown_as)[1]


def lines_and_words(text: str) -> list[tuple[int | None, str]]:
    return [(p.line, p.message.split(":")[0]) for p in check_structure(text, HEADER, "f.csv")]


def test_commas_and_newlines_inside_quotes_are_not_cells_or_lines():
    text = 'a,b,c\n"x, y",2,3\n"multi\nline, cell","say ""hi"", ok",3\n1,2\n'
    assert lines_and_words(text) == [(5, "this line has 2 cells but the header has 3")]


def test_crlf_text_with_quotes():
    text = 'a,b,c\r\n"x",y,z\r\n"1,2",3\r\n'
    assert lines_and_words(text) == [(3, "this line has 2 cells but the header has 3")]


def test_a_lone_carriage_return_after_a_quoted_cell_is_reported():
    text = 'a,b,c\n"x",y,z\r1,2,3\n'
    assert [line for line, _ in lines_and_words(text)] == [2]
    assert "lone carriage return" in check_structure(text, HEADER, "f.csv")[0].message


def test_a_stray_quote_after_a_closed_cell_is_reported_at_its_line():
    text = 'a,b,c\n1,2,3\n"x"y,2,3\n'
    problems = check_structure(text, HEADER, "f.csv")
    assert [(p.line, p.column) for p in problems] == [(3, "a")]
    assert "followed by 'y,2,3'" in problems[0].message


def test_a_last_line_without_newline_is_counted():
    assert lines_and_words('a,b,c\n"1",2') == [(2, "this line has 2 cells but the header has 3")]


def test_records_and_their_lines_skip_blank_lines_but_count_them():
    records, problems = read_rows('a,b,c\n"multi\nline",2,3\n\n4,5,6\n', HEADER, "f.csv")
    assert problems == []
    assert records.rows == [["multi\nline", "2", "3"], ["4", "5", "6"]]
    assert records.lines == [2, 5]
    assert records.starts == [1, 2, 4, 5]


def test_a_quote_never_closed_names_its_line_and_column():
    problems = check_structure('a,b,c\n1,2,3\n1,"open,3\n4,5,6\n', HEADER, "f.csv")
    assert [(p.line, p.column) for p in problems] == [(3, "b")]
    assert "never closed" in problems[0].message


def test_a_carriage_return_before_a_line_feed_is_still_a_lone_one():
    assert [line for line, _ in lines_and_words("a,b,c\n1,2,3\r\r\n4,5,6\n")] == [2]


def test_a_cell_longer_than_the_csv_modules_default_limit_is_read():
    records, problems = read_rows('a,b,c\n"' + "x" * 200_000 + '",2,3\n', HEADER, "f.csv")
    assert problems == [] and len(records.rows[0][0]) == 200_000
