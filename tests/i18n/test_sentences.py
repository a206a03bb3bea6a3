"""Sentences as each language writes them: a Korean particle chosen for its word, Japanese sentences without spaces."""

import i18n
from i18n import korean_particles
from shaping.words import data_english, fill


def test_the_word_before_the_particle_chooses_it():
    assert korean_particles("사람(은둔 청년)은(는) 5.2%입니다") == "사람(은둔 청년)은 5.2%입니다"  # 람: a final ㅁ
    assert (
        korean_particles("가구(ひきこもりを抱える世帯)은(는) 약 26만 가구입니다")
        == "가구(ひきこもりを抱える世帯)는 약 26만 가구입니다"
    )
    assert korean_particles("2023년은(는), 국무조정실이(가), 3을(를), 2과(와)") == "2023년은, 국무조정실이, 3을, 2와"


def test_a_word_of_another_script_keeps_both_forms():
    assert korean_particles("data.csv은(는) 통과합니다") == "data.csv은(는) 통과합니다"


def test_a_filled_korean_template_reads_one_particle_and_other_languages_are_untouched():
    template = "{who} {phrase}은(는) {opening}입니다."  # the shape of the Korean quotable sentence
    with i18n.language("ko"):
        assert fill(template, who="전국 조사에 따르면", phrase="19~34세 은둔 청년", opening="5.2%") == (
            "전국 조사에 따르면 19~34세 은둔 청년은 5.2%입니다."
        )
    assert fill(template, who="a", phrase="b", opening="c") == "a b은(는) c입니다."


def test_japanese_sentences_follow_each_other_without_a_space():
    """A Japanese warning read 'これらの数値は比較できません： 概念が…。 6か月…': half-width spaces after ： and 。."""
    assert i18n.sentences(["比較できません：", "概念が違います。", "", "順位ではありません。"], "ja") == (
        "比較できません：概念が違います。順位ではありません。"
    )
    assert i18n.sentences(["2.05%. (in English)", "次の文。"], "ja") == "2.05%. (in English) 次の文。"
    assert i18n.sentences(["Not comparable:", "Different concepts."], "en") == "Not comparable: Different concepts."


def test_an_italian_percentage_takes_its_article_after_any_qualifier():
    """Italian sentences opened '2,05% delle persone…' (no article), and once 'il almeno 3,3%'."""
    cases = {"2,05%": "il 2,05%", "almeno 3,3%": "almeno il 3,3%", "circa 1,6%": "circa l'1,6%", "85%": "l'85%"}
    assert {rate: i18n.with_article(rate, "it") for rate in cases} == cases
    assert i18n.with_article("2.05%", "en") == "2.05%" and i18n.with_article("2.05%", "ja") == "2.05%"


def test_the_data_s_english_in_a_translated_sentence_is_announced():
    """A Japanese calculation step read '（15～39歳の人口、2015年、Japan aged 15-39, as used by …）' unannounced."""
    series = "Japan aged 15-39, as used by the Cabinet Office 2015 survey"
    with i18n.language("ja"):
        assert data_english(series) == f"{series} {i18n.translator('ja').gettext('(in English)')}"
    assert data_english(series) == series and data_english("") == ""
