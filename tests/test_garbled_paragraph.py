"""A short paragraph set whole in a garbling font between clean ones (袁 ，, 遥 。): its marks are
weighed as one font run that ends with the paragraph, not one the clean marks of the paragraphs
around it pull towards the clean state.  Hand-written text; expected values by hand."""

from __future__ import annotations

from textfix.garbles import garble_changes
from textfix.model import default_model

BEFORE = "今年以来，全市新建公园十二座，改造道路三十条，城市面貌焕然一新。市民反映，出行方便了，环境美了，心情好了。"
GARBLED = "他还来到市师范大学袁同师生交流袁共商发展遥"  # 他还来到市师范大学，同师生交流，共商发展。
AFTER = "据介绍，明年该市将继续加大投入，重点建设一批民生项目，让群众得到更多实惠。"


def test_a_garbled_run_ends_with_its_paragraph() -> None:
    # 大学袁同 reads a little likelier as 大学，同 than as printed (a name 袁同 is possible), so its font run
    # decides it: the paragraph's own 袁 and 遥 say garbled, the eleven clean marks of the paragraphs
    # around it must not outweigh them.
    text = "\n".join((BEFORE, GARBLED, AFTER))
    fixed = [(start, old, new) for start, _, old, new, *_ in garble_changes(text, default_model(), paragraphs=True)]
    start = len(BEFORE) + 1
    assert fixed == [(start + 9, "袁", "，"), (start + 15, "袁", "，"), (start + 20, "遥", "。")]

