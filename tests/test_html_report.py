"""The HTML report: escaped, self-contained, and faithful to the texts.

Results are built here from hand-made proposals run through the core's
document map, so these tests do not depend on what the stages do.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from clean_scan import pipeline
from clean_scan.decoding import decode_bytes
from clean_scan.document import Document, Flag, Proposal
from clean_scan.outputs import HTML_GENERATOR_TAG
from clean_scan.pipeline import Result, run_stage
from clean_scan.reports.html_report import render_html, visible_controls
from clean_scan.stage import Context, Stage, StageResult

Step = tuple[str, list[Proposal], list[Flag]]


def build(raw: str, steps: list[Step]) -> Result:
    """Run hand-made stages over ``raw`` through the real pipeline step (their
    rules are made up, markup in them on purpose: the registry is not asked)."""
    doc = Document.from_raw(raw)
    edits, flags, ran = [], [], []
    strict, pipeline.STRICT_RULES = pipeline.STRICT_RULES, False
    try:
        for name, proposals, stage_flags in steps:
            outcome = StageResult(list(proposals), list(stage_flags))
            run_stage(Stage(name, "", lambda text, ctx, o=outcome: o), doc, Context(), edits,
                      flags)
            ran.append(name)
    finally:
        pipeline.STRICT_RULES = strict
    return Result(raw, doc.text, edits, flags, doc.hunks(), ran)


def at(text: str, needle: str, replacement: str, rule: str = "rule", confidence: float = 0.95,
       reason: str = "a reason") -> Proposal:
    start = text.index(needle)
    return Proposal(start, start + len(needle), replacement, rule, confidence, reason)


def joins(text: str) -> list[Proposal]:
    """Every single line end inside a paragraph becomes a space."""
    return [Proposal(m.start(), m.end(), " ", "line-join", 0.95, "line joined")
            for m in re.finditer(r"(?<=\S)\n(?=\S)", text)]


def source_for(raw: str, encoding: str = "utf-8"):
    return decode_bytes(raw.encode(encoding))


class Columns(HTMLParser):
    """Text of every raw and clean column, page by page, with the title and
    class of each span met on the way."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.raw: list[str] = []
        self.clean: list[str] = []
        self.spans: list[dict[str, str]] = []
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self._into: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if "id" in attr:
            self.ids.add(attr["id"])
        if "href" in attr:
            self.hrefs.append(attr["href"])
        if tag == "pre":
            self._into = self.raw if attr.get("class") == "r" else self.clean
            self._into.append("")
        elif tag == "span" and self._into is not None:
            self.spans.append({**attr, "column": "raw" if self._into is self.raw else "clean"})

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._into = None

    def handle_data(self, data: str) -> None:
        if self._into is not None:
            self._into[-1] += data


def parse(page: str) -> Columns:
    parser = Columns()
    parser.feed(page)
    parser.close()
    return parser


NASTY = ('Intro <script>window.__pwned=1</script> and <img src=x onerror="alert(1)">\n'
         "Fish &amp; chips, \"quoted\" & 'single' </pre></textarea><!-- x -->\n")


def nasty_result() -> Result:
    raw = NASTY + "the end\n"
    return build(raw, [
        ("characters", [at(raw, "Fish", "<b>Fish</b>", rule="<rule>",
                           reason='"<i>why</i>" & how')],
         [Flag(raw.index("chips"), raw.index("chips") + 5, "chips", "odd-<word>", 0.4,
               "reason <u>x</u>", ("<s>", "a&b"))]),
    ])


def test_ocr_text_and_every_label_are_escaped():
    page = render_html(nasty_result(), source_for(NASTY), '<img src=y onerror=z>"name.txt')
    assert page.count("<script") == 1  # ours, at the end
    assert "<script>window" not in page and "<img" not in page
    assert "<b>Fish" not in page and "<rule>" not in page and "<i>why" not in page
    assert "<u>x" not in page and "<s>" not in page and "</textarea>" not in page
    assert "<!-- x" not in page and "</pre></textarea>" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "&amp;amp;" in page  # a literal "&amp;" in the OCR stays visible as such
    assert "&lt;img src=y onerror=z&gt;&quot;name.txt" in page


def test_escaped_columns_still_hold_the_exact_texts():
    result = nasty_result()
    columns = parse(render_html(result, source_for(NASTY), "n.txt"))
    assert "".join(columns.raw) == result.raw
    assert "".join(columns.clean) == result.clean
    assert "<b>Fish</b>" in result.clean


def test_generator_tag_and_policy_are_in_the_head():
    page = render_html(nasty_result(), source_for(NASTY), "n.txt")
    head = page[: page.index("</head>")]
    assert HTML_GENERATOR_TAG in page[:4096]  # outputs.py looks there to recognise its own file
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
    assert policy and "default-src 'none'" in policy.group(1)
    script_src = re.search(r"script-src ([^;]*)", policy.group(1)).group(1)
    assert "unsafe-inline" not in script_src  # scripts run by hash only
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy.group(1)  # otherwise the filter would never run


def test_nothing_is_loaded_from_anywhere():
    page = render_html(nasty_result(), source_for(NASTY), "n.txt")
    columns = parse(page)
    assert all(href.startswith("#") for href in columns.hrefs)
    assert not re.search(r"<(link|img|iframe|object|embed)\b", page)
    assert not re.search(r"(src|srcset|action)=", page.replace("&lt;img src=x", ""))
    assert "url(" not in page and "@import" not in page


def book(pages: int) -> tuple[str, list[Proposal]]:
    """A raw book of ``pages`` pages, each ending with a page number, and the
    furniture stage's page breaks over the gaps."""
    parts, proposals, pos = [], [], 0
    for number in range(1, pages + 1):
        body = f"Page {number} text runs\nover two lines.\n"
        gap = f"\n{number}\n\n\n" if number < pages else ""
        parts.append(body + gap)
        if gap:
            start = pos + len(body) - 1
            proposals.append(Proposal(start, start + len(gap) + 1, "\n\f\n", "page-break",
                                      0.95, "page break: page number removed"))
        pos += len(body) + len(gap)
    return "".join(parts), proposals


def test_pages_follow_the_furniture_page_breaks_in_both_columns():
    raw, breaks = book(4)
    result = build(raw, [("furniture", breaks, [])])
    after_furniture = result.clean
    result = build(raw, [("furniture", breaks, []),
                         ("paragraphs", joins(after_furniture) + [
                             Proposal(m.start(), m.end(), "\n\n", "page-join", 0.9, "joined")
                             for m in re.finditer("\n\f\n", after_furniture)], [])])
    columns = parse(render_html(result, source_for(raw), "book.txt"))
    assert len(columns.raw) == len(columns.clean) == 4
    assert "".join(columns.raw) == raw and "".join(columns.clean) == result.clean
    for number, (raw_page, clean_page) in enumerate(zip(columns.raw, columns.clean,
                                                        strict=True), 1):
        assert f"Page {number} text" in raw_page and f"Page {number} text" in clean_page
        assert f"Page {number + 1} " not in raw_page + clean_page


def test_without_page_breaks_the_text_is_cut_every_sixty_lines():
    raw = "".join(f"line {n}\n" for n in range(1, 151))
    result = build(raw, [])
    columns = parse(render_html(result, source_for(raw), "plain.txt"))
    assert [page.count("\n") for page in columns.raw] == [60, 60, 30]
    assert columns.raw == columns.clean


def test_pages_without_substantive_changes_or_flags_can_be_hidden():
    raw = "".join(f"line {n}\n" for n in range(1, 151)).replace("line 70\n", "1ine 70\n")
    result = build(raw, [("spelling", [at(raw, "1ine 70", "line 70")], [])])
    page = render_html(result, source_for(raw), "x.txt")
    sections = re.findall(r'<section class="([^"]*)" id="p\d+">', page)
    assert sections == ["page quiet", "page", "page quiet"]
    assert "body.hide-quiet section.page.quiet{display:none}" in page


def test_each_edit_is_marked_with_stage_rule_confidence_and_reason():
    raw = "Tbe cat sat on\nthe mat.\n"
    result = build(raw, [
        ("characters", [at(raw, "Tbe", "The", rule="b-for-h", confidence=0.92,
                           reason="b misread for h")], []),
        ("paragraphs", [at(raw, "\n", " ", rule="line-join", reason="line joined")], []),
    ])
    columns = parse(render_html(result, source_for(raw), "cat.txt"))
    titles = {span["title"]: span["class"] for span in columns.spans
              if "title" in span and span["column"] == "raw"}
    assert titles["characters/b-for-h · 0.92 · b misread for h · Tbe → The"] == "e s2"
    assert titles["paragraphs/line-join (PA102) · 0.95 · line joined · ↵ → ␣"] == "e ws nl s5"
    clean_marks = [s for s in columns.spans if s["column"] == "clean"]
    assert [m["class"] for m in clean_marks] == ["h s2", "h ws s5"]


def test_stage_colours_do_not_depend_on_which_stages_ran():
    raw = "a tbe b\n"
    only_spelling = build(raw, [("spelling", [at(raw, "tbe", "the")], [])])
    page = render_html(only_spelling, source_for(raw), "x.txt")
    assert 'class="e s6"' in page  # spelling is the pipeline's seventh stage
    assert "body.hide-s6 .e.s6" in page


def test_a_word_joined_over_a_line_end_is_marked_whole_in_the_clean_column():
    raw = "the Move-\nment grew\n"
    result = build(raw, [("dehyphenate", [at(raw, "-\n", "", rule="hyphen")], [])])
    assert result.clean == "the Movement grew\n"
    columns = parse(render_html(result, source_for(raw), "x.txt"))
    assert columns.clean == ["the Movement grew\n"]
    page = render_html(result, source_for(raw), "x.txt")
    assert re.search(r'<span class="h s4" title="[^"]*">Movement</span>', page)


def test_flagged_words_are_listed_with_place_reason_and_suggestions():
    raw = "first line\nsecond lime here\n"
    start = raw.index("lime")
    result = build(raw, [("spelling", [], [Flag(start, start + 4, "lime", "unknown-word", 0.4,
                                                "not in the lexicon", ("line", "time"))])])
    page = render_html(result, source_for(raw), "x.txt")
    listed = page[page.index('id="flags"') : page.index('id="pages"')]
    assert "lime" in listed and "2:8" in listed and "not in the lexicon" in listed
    assert "line, time" in listed
    assert 'spelling/<a class="rule" href="#rule-DB103">unknown-word</a>' in listed
    assert 'href="#f1"' in listed and 'id="f1"' in page  # the link lands on the word
    assert "Flagged words, left unchanged (1)" in page


def test_summary_counts_edits_and_flags_per_stage_and_rule():
    raw = "a tbe b tbe\nc\n"
    first = raw.index("tbe")
    second = raw.index("tbe", first + 1)
    result = build(raw, [("spelling", [Proposal(first, first + 3, "the", "misread", 0.9, "r"),
                                       Proposal(second, second + 3, "the", "misread", 0.9,
                                                "r")],
                          [Flag(0, 1, "a", "short", 0.3, "r")])])
    page = render_html(result, source_for(raw), "x.txt")
    row = re.search(r'<tr class="s6">.*?</tr>', page).group(0)
    cells = re.findall(r'<td class="n">([^<]*)</td>', row)
    assert cells == ["2", "0", "1"]  # edits, whitespace only, flags
    assert "<b>misread</b> 2" in row and "<b>short</b> 1 flagged" in row


@pytest.mark.parametrize(("encoding", "said"), [("cp1252", "Windows-1252"),
                                                ("latin-1", "Latin-1")])
def test_a_file_not_read_as_utf8_says_so(encoding: str, said: str):
    raw = "caf\xe9 \x93quoted\x94\n" if encoding == "cp1252" else "caf\xe9 \x81\n"
    source = decode_bytes(raw.encode("latin-1"))
    assert source.encoding == encoding
    page = render_html(build(source.text, []), source, "old.txt")
    assert 'class="warn"' in page and said in page and "Not UTF-8" in page


def test_a_utf8_file_has_no_warning():
    raw = "plain text\n"
    page = render_html(build(raw, []), source_for(raw), "x.txt")
    assert 'class="warn"' not in page and "UTF-8" in page


def test_control_characters_are_shown_not_passed_through():
    raw = "a\x00b\x0cc\n"
    page = render_html(build(raw, []), decode_bytes(raw.encode()), "x.txt")
    assert "\x00" not in page and "\x0c" not in page
    assert "".join(parse(page).raw) == visible_controls(raw) == "a␀b␌c\n"


def test_a_run_without_text_or_changes_still_renders():
    page = render_html(Result("", "", [], [], [], []), decode_bytes(b"x"), "empty.txt")
    assert parse(page).raw == [""] and "No words were flagged." in page


def test_the_sample_books_report_holds_both_texts_page_by_page(sample_copy):
    """Whatever the stages do to the sample book (nested and absorbed edits,
    page breaks, moved footnotes), the columns show exactly the raw and the
    clean text, and the pages are the book's."""
    from clean_scan.decoding import read_input
    from clean_scan.pipeline import clean_text

    source = read_input(sample_copy)
    result = clean_text(source.text)
    columns = parse(render_html(result, source, sample_copy.name))
    assert "".join(columns.raw) == visible_controls(result.raw)
    assert "".join(columns.clean) == visible_controls(result.clean)
    breaks = sum(1 for e in result.edits if (e.stage, e.rule) == ("furniture", "page-break"))
    assert len(columns.raw) == len(columns.clean) > 1
    assert breaks == 0 or len(columns.raw) <= breaks + 1


def test_every_rule_at_work_is_documented_in_the_report_and_linked(sample_copy):
    """A reviewer who sees a change finds its rule in the page: each rule
    that made a change or raised a flag has an entry (code, stage, what it
    does, its examples), and the summary's rule names link to it."""
    from clean_scan.decoding import read_input
    from clean_scan.pipeline import clean_text
    from clean_scan.rules import find

    source = read_input(sample_copy)
    result = clean_text(source.text)
    page = render_html(result, source, sample_copy.name)
    columns = parse(page)
    used = {e.rule for e in result.edits} | {f.rule for f in result.flags}
    codes = {find(name).code for name in used}
    assert {f"rule-{code}" for code in codes} <= columns.ids
    linked = {href[len("#rule-"):] for href in columns.hrefs if href.startswith("#rule-")}
    assert linked == codes
    entry = page[page.index('id="rule-CH131"'):]
    assert "stop-read-as-comma" in entry[:400] and "Left alone" in entry[:4000]
