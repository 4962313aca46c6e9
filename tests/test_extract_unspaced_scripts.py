# ruff: noqa: E501  (the pages are verbatim lines; wrapping them would change them)
"""Pages in scripts written without spaces between words (Chinese, Japanese, Thai) are read
as articles: their length is counted in two-character words and their prose by the density of
their function words (``extract/lines.py``), so no such page fails for "0 prose words".

The pages are original text written for these tests.
"""

from __future__ import annotations

import pytest

import newsmill
from newsmill.extract.lines import Line, describe

JAPANESE = """\
ホーム | ニュース | 地域 | 天気
東京都、新たな防災計画を発表
東京都は5日、首都直下地震に備えた新たな防災計画を発表した。計画では、避難所の数を現在の約3000か所から2030年までに4000か所に増やすほか、高齢者や障害者のための福祉避難所の整備を進める。
知事は記者会見で「都民の命を守るため、あらゆる手段を講じる」と述べた。都は今年度の予算に約500億円を計上している。
専門家は、計画の実効性を高めるためには地域の住民との連携が欠かせないと指摘している。大学の研究チームによると、首都直下地震が発生した場合、最大で約2万3000人が死亡すると想定されている。
都は今後、区市町村と協力して訓練を実施し、計画の見直しを定期的に行う方針だ。
"""

CHINESE = """\
上海推出新一轮消费券 刺激节后消费
上海市政府8日宣布，将在本月发放总额为10亿元的消费券，以刺激春节后的消费需求。消费券将分三批发放，市民可以通过手机应用程序领取，用于餐饮、零售和文化旅游等领域。
市商务委员会负责人在新闻发布会上表示，这是今年第一轮消费券，后续还将根据市场情况推出更多措施。他说，春节期间全市消费总额比去年同期增长了12%，但节后消费有所回落。
有经济学家认为，消费券对短期消费有一定的拉动作用，但要真正提振消费信心，还需要在就业和收入方面下功夫。
据了解，上一轮消费券的使用率达到了85%以上，带动的消费是消费券金额的5倍左右。
"""

THAI = """\
กรุงเทพฯ เตรียมรับมือฝนตกหนักช่วงสุดสัปดาห์
กรุงเทพมหานครประกาศเตรียมความพร้อมรับมือสถานการณ์ฝนตกหนักที่คาดว่าจะเกิดขึ้นในช่วงสุดสัปดาห์นี้ โดยได้สั่งการให้สำนักการระบายน้ำเร่งขุดลอกท่อระบายน้ำและคูคลองในพื้นที่เสี่ยงน้ำท่วมทั้ง 50 เขต
ผู้ว่าราชการกรุงเทพมหานครกล่าวว่า กรมอุตุนิยมวิทยาคาดการณ์ว่าจะมีฝนตกหนักถึงหนักมากในหลายพื้นที่ และได้ขอให้ประชาชนติดตามข่าวสารอย่างใกล้ชิด พร้อมทั้งหลีกเลี่ยงการเดินทางในช่วงที่มีฝนตกหนัก
นอกจากนี้ยังได้เตรียมเครื่องสูบน้ำเพิ่มเติมกว่า 200 เครื่อง และเจ้าหน้าที่อีกกว่า 1,000 คน เพื่อพร้อมปฏิบัติงานตลอด 24 ชั่วโมง
"""


@pytest.mark.parametrize(
    ("page", "language", "title", "paragraphs"),
    [
        (JAPANESE, "ja", "東京都、新たな防災計画を発表", 4),
        (CHINESE, "zh", "上海推出新一轮消费券 刺激节后消费", 4),
        (THAI, "th", None, 3),
    ],
    ids=["japanese", "chinese", "thai"],
)
def test_an_unspaced_script_page_is_an_article(
    page: str, language: str, title: str | None, paragraphs: int
) -> None:
    record = newsmill.analyze(page)
    assert record.language == language
    if title is not None:
        assert record.title is not None and record.title.text == title
    body = [p.text for p in record.paragraphs]
    assert len(body) >= paragraphs
    assert all(not p.startswith("ホーム") for p in body)  # the menu is furniture
    # Not English: extraction and a warning, no facts from an English model.
    assert not record.entities and any("not analysed" in w for w in record.extraction.warnings)


def _line(text: str) -> Line:
    line = Line(index=0, start=0, end=len(text), text=text, blank_before=False)
    describe(line)
    return line


def test_an_unspaced_sentence_counts_words_of_two_characters_and_reads_as_prose() -> None:
    sentence = _line("都は今後、区市町村と協力して訓練を実施し、計画の見直しを定期的に行う方針だ。")
    assert 15 <= sentence.n_words <= 25  # 36 characters
    assert sentence.terminal and sentence.prose > 1.0
    menu = _line("ホーム | ニュース | 地域 | 天気")
    assert menu.prose < sentence.prose and menu.stopword_ratio < 0.2
    # Spaced text is counted as before.
    assert _line("The council met on Tuesday.").n_words == 5
