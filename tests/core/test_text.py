"""Light formatting of text people type (core/text.py)."""

from core.text import plain_excerpt, render_richtext


def test_blank_lines_make_paragraphs_and_single_newlines_line_breaks():
    assert render_richtext("Yksi\nkaksi\n\nKolme") == "<p>Yksi<br>kaksi</p><p>Kolme</p>"


def test_bullets_and_numbers_make_lists_even_after_an_intro_line():
    html = render_richtext("Tuloksia:\n- nopeampi\n- halvempi\nLopuksi kiitos.\n\n1. eka\n2) toka")
    assert html == (
        "<p>Tuloksia:</p><ul><li>nopeampi</li><li>halvempi</li></ul>"
        "<p>Lopuksi kiitos.</p><ol><li>eka</li><li>toka</li></ol>"
    )


def test_addresses_become_safe_links_and_markup_stays_text():
    html = render_richtext('Katso https://example.com/a?b=1&c=2 <a href="javascript:x">x</a>')
    assert (
        '<a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow ugc">'
        in html
    )
    assert "javascript:" not in html.replace('&lt;a href="javascript:x"&gt;', "")
    assert "&lt;a href=" in html


def test_empty_text_renders_nothing():
    assert render_richtext("") == "" and render_richtext(None) == ""


def test_excerpt_is_one_line_cut_at_a_word():
    text = "Ensimmäinen rivi\n- toinen rivi jossa on paljon sanoja"
    assert plain_excerpt(text, 30) == "Ensimmäinen rivi toinen rivi…"
    assert plain_excerpt("Lyhyt", 30) == "Lyhyt"
