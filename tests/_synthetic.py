"""Synthetic texts and pages for the alignment and learning tests.

The prose here was written for the tests (it is not seed text), so that the
tests do not depend on what the seed pair happens to contain.  Helpers turn a
clean article into a print-like page: other text around it, line breaks at a
column, spaces around digit runs, and marks garbled by a codec shift.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from textfix.mechanisms import Mechanism

REPO = Path(__file__).resolve().parent.parent
SEED_CLEAN = REPO / "seeds" / "000_b2a6d463218f33b3.txt"
SEED_NOISY = REPO / "seeds" / "001_b2b7af04dbdc7222.txt"

GB2312_LEAD_31 = Mechanism("gb2312", "lead", 0x31)

ARTICLE = (
    "春天的小城总是来得很慢。河边的柳树刚刚发芽，街口的早点铺子就排起了长队。\n"
    "老张每天清晨5点起床，先烧水，再揉面，最后把蒸笼一层层摞好。他说：“做包子没有捷径，面要醒够，馅要调匀。”\n"
    "镇上新开了一家书店，店主是从省城回来的年轻人。她把旧粮仓改成阅读空间，墙上挂着本地老照片，角落里摆着孩子们的画。\n"
    "周末的时候，书店会举办读书会。参加的人有退休教师、中学生，也有附近工厂的技术员；大家围坐在一起，谈论《边城》和《呐喊》。\n"
    "入夏以后，河水涨了起来。渔民们修补渔网，准备迎接捕鱼季；孩子们则盼着放暑假，好去河滩上捉螃蟹、放风筝。\n"
    "到了秋天，稻田一片金黄。村委会组织了丰收节，2023年共有1200多名游客到访，展台上摆满了新米、红薯和自家酿的米酒，游客们排队品尝，赞不绝口。"
)

BEFORE = (
    "本版编辑部特别推出地方风物专题，欢迎读者来信交流。今日气温十八度到二十六度，晴转多云，偏南风三级。\n\n"
    "铁路部门提醒旅客：节假日期间车票紧张，请提前规划行程，携带有效身份证件，按时进站候车。\n\n"
)

AFTER = (
    "\n\n下期预告：我们将走进山区学校，记录乡村教师的日常生活与坚守。敬请关注本报后续报道和相关评论文章。\n\n"
    "气象台发布大风蓝色预警，沿海地区阵风可达八级，渔船应及时回港避风，户外广告牌需加固。"
)

UNRELATED = (
    "市图书馆今年新增古籍修复工作室，三位修复师每天在恒温恒湿的房间里工作，用棉纸和浆糊一点点补好虫蛀的书页。\n"
    "他们说，修复一册明代刻本往往需要半年，急不得，也快不得。工作室还招收了两名学徒，计划明年开放参观日。\n"
    "与此同时，图书馆的数字化项目也在推进，已扫描地方志四百余种，读者可以在线检索和阅读。"
)


def garble(text: str, marks: str, mechanism: Mechanism = GB2312_LEAD_31) -> str:
    """*text* with every character in *marks* replaced by what *mechanism* turns it into."""
    out = []
    for ch in text:
        garbled = mechanism.garble(ch) if ch in marks else None
        out.append(garbled if garbled is not None else ch)
    return "".join(out)


def reflow(text: str, width: int = 17) -> str:
    """Print layout: spaces around digit runs, then a line break every *width* characters."""
    spaced = re.sub(r"(?<=\S)(\d+)", r" \1", text)
    lines = []
    for paragraph in spaced.split("\n"):
        lines.extend(paragraph[i : i + width] for i in range(0, len(paragraph), width))
        lines.append("")
    return "\n".join(lines).strip("\n")


def random_chinese(n: int, seed: int, marks: str = "，。、；：？！", digits: float = 0.0) -> str:
    """*n* characters of pseudo-random Chinese prose: ideographs, *marks*, the odd paragraph break,
    and before a *digits* share of the marks a number (bench/bench_align_learn.py uses them too)."""
    rng = random.Random(seed)
    pool = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    out: list[str] = []
    while len(out) < n:
        out.extend(rng.choice(pool) for _ in range(rng.randint(5, 20)))
        if digits and rng.random() < digits:
            out.extend(str(rng.randint(1, 2030)))
        out.append(rng.choice(marks))
        if rng.random() < 0.1:
            out.append("\n")
    return "".join(out[:n])


def web_furniture_free(clean: str) -> str:
    """The seed clean article without its web-only furniture (## markers, 来源 line, 记者 label)."""
    text = re.sub(r"^## ", "", clean, flags=re.M)
    text = re.sub(r"^来源：.*$", "", text, flags=re.M)
    text = text.replace("（记者 ", "（")
    return text.strip()
