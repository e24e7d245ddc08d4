"""Running heads, feet and page numbers of a file of pages (issue 14, item 4)."""

from __future__ import annotations

import textfix
from textfix.furniture import find_furniture

ARTICLES = [
    ["  绿色制造产业初具规模。光伏产业链四大环节产品产量占全球比重均达到八成以上，风电整机制造商中有六家中国企业。",
     "  新能源汽车产销连续八年保持全球第一。有关负责人表示，将继续推进重点行业绿色低碳改造。"],
    ["  春天的小城总是来得很慢。河边的柳树刚刚发芽，街口的早点铺子就排起了长队，老张每天清晨五点起床。",
     "  镇上新开了一家书店，店主是从省城回来的年轻人。她把旧粮仓改成阅读空间，墙上挂着本地老照片。"],
    ["  入夏以后，河水涨了起来。渔民们修补渔网，准备迎接捕鱼季，孩子们则盼着放暑假，好去河滩上放风筝。",
     "  到了秋天，稻田一片金黄。村委会组织了丰收节，展台上摆满了新米、红薯和自家酿的米酒。"],
]


def file_of_pages() -> str:
    """Three pages, each with the paper's running head (its date changing) and a page number at its foot."""
    return "\f".join(
        f"2026年5月{k + 3}日 星期日 某某日报\n" + "\n".join(lines) + f"\n- {k + 1} -\n" for k, lines in enumerate(ARTICLES)
    )


def test_running_heads_and_page_numbers_are_furniture() -> None:
    pages = textfix.split_pages(file_of_pages())
    assert [[f.text for f in p.furniture] for p in pages] == [
        [f"2026年5月{k + 3}日 星期日 某某日报", f"- {k + 1} -"] for k in range(3)
    ]
    for page, lines in zip(pages, ARTICLES):
        blocks = [b.text for a in page.articles for b in a.blocks]
        assert blocks == [line.strip() for line in lines]  # nothing of the furniture in the articles
        assert page.to_dict()["furniture"][0]["text"].startswith("2026年")


def test_a_page_alone_has_no_furniture() -> None:
    assert find_furniture(["2026年5月3日 星期日 某某日报\n  正文。\n"]) == [[]]


def test_prose_and_the_pages_own_header_are_never_furniture() -> None:
    same_prose = "  这一句话在每页开头都一样。\n"
    pages = [f" 6 产经 Industries\n{same_prose}  第{k}页的正文，各不相同。\n" for k in range(3)]
    assert find_furniture(pages) == [[], [], []]
