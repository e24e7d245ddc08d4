"""The share of a character's text occurrences that start a person's name (issue 13: each symbol decided on
its own evidence).  A garbled ， prints as 袁, a surname: the decision reads the printed 袁 as a name's start
too, with P(a name starts here) summed over the commonest surnames, each the character model's probability
of the character times the share of its occurrences that start a name.  The character model counts a
character wherever it stands (文 in 文化 as in a name 文某), so the share must be of all its occurrences in the
dictionary's words, not of its count as a word alone; a character the dictionary tags a name on its own
(王 nr: jieba's corpus sets the surname apart) is a surname there too."""

from __future__ import annotations

from textfix import default_model, garbles
from textfix.charlm import default_charlm
from textfix.lexicon import Lexicon, _extract

# A dictionary in jieba's format (word, count, tag), written for this test.
DICTIONARY = "\n".join([
    "文 100 n",
    "文化 900 n",
    "文明 500 n",
    "中文 200 nz",
    "文静 30 nr",
    "袁 10 nr",
    "袁野 40 nr",
    "袁村 50 ns",
    "的 5000 uj",
]) + "\n"


def test_a_surname_share_counts_the_character_inside_words() -> None:
    # 文 starts one name (文静, 30); it occurs 100 + 900 + 500 + 200 + 30 = 1730 times in the words: 30/1730,
    # not 30/100 (its count alone, tagged n: no surname).  袁 starts 袁野 (40) and stands alone as a name
    # (10, tagged nr) of 10 + 40 + 50 = 100 uses (袁村 a place): 50/100.
    lexicon = Lexicon(*_extract(DICTIONARY, frozenset("袁")))
    assert abs(10 ** lexicon.surname_logp("文") - 30 / 1730) < 1e-12
    assert abs(10 ** lexicon.surname_logp("袁") - 50 / 100) < 1e-12
    assert lexicon.surname_logp("的") is None


def test_a_lexicon_without_occurrences_reads_the_single_character_count() -> None:
    lexicon = Lexicon(words={"袁": 50, "的": 900}, total=950, surnames={"袁": 40})
    assert abs(10 ** lexicon.surname_logp("袁") - 40 / 50) < 1e-12


def test_a_name_is_likelier_after_a_title_than_after_a_word_that_a_common_character_goes_on() -> None:
    # After 书记 (a title) a name often follows; after 丝路 the surname-character the character model gives most
    # to is 文 (丝路文化, about 5%), which starts names too but stands inside words far more often.
    prepared = garbles._prepared(default_model())
    lm, lexicon = default_charlm(), prepared.lexicon
    assert garbles._name_start_logp(lm, lexicon, "丝路") < garbles._name_start_logp(lm, lexicon, "书记")


def test_three_character_names_count_their_given_names_whole() -> None:
    """The lexicon counts the two given characters of each three-character person name together (先生 after
    王 and 李: 3 + 2 of the 6 counts of three-character names), two-character names not at all."""
    dictionary = "王先生 3 nr\n李先生 2 nr\n王小明 1 nr\n张三 4 nr\n先生 900 n\n"
    words = Lexicon(*_extract(dictionary, frozenset("王")))
    assert words.given_pair_total == 6
    assert words.given_pair_share("先生") == 5 / 6 and words.given_pair_share("小明") == 1 / 6
    assert words.given_pair_share("先明") == 0.0 and words.given_pair_share("三") == 0.0


def test_a_pair_after_many_surnames_reads_by_the_names_the_dictionary_lists() -> None:
    """A title after a surname (老师) is listed after several surnames, each at the dictionary's floor count, where
    one person's given name (建华 after 王, its corpus count 30) is counted often: by counts 老师 is 9 of 39, by the
    names listed 3 of 4 (the surnames it follows); the share a name reading takes is the larger."""
    dictionary = "王老师 3 nr\n李老师 3 nr\n张老师 3 nr\n王建华 30 nr\n老师 900 n\n"
    words = Lexicon(*_extract(dictionary, frozenset("王")))
    assert words.given_pair_total == 39 and words.given_pair_types == 4
    assert words.given_pair_share("老师") == 9 / 39 and words.given_pair_type_share("老师") == 3 / 4
    assert words.given_pair_type_share("建华") == 1 / 4 and words.given_pair_type_share("老板") == 0.0
