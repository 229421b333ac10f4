"""linter/text.py: fold() goes through a list table for speed; it must fold exactly as the
character map it is built from, on every character, and fold_aligned() must keep offsets."""

from linter.text import _FOLD, fold, fold_aligned


def test_list_table_folds_like_the_character_map():
    for cp in range(0x3000):  # the Latin, Vietnamese, combining and punctuation blocks and more
        ch = chr(cp)
        assert fold(ch) == ch.translate(_FOLD).lower(), hex(cp)
    text = "Nơi nhận: – UBND TỈNH QUẢNG NINH … Đảng ủy 𝐀"  # past the table's end too
    assert fold(text) == text.translate(_FOLD).lower() == "noi nhan: – ubnd tinh quang ninh … dang uy 𝐀"


def test_fold_aligned_keeps_one_character_for_one():
    for cp in range(0x3000):
        ch = chr(cp).lower()
        if len(ch) == 1:
            assert len(fold_aligned(ch)) == 1 and fold_aligned(ch) == (fold(ch)[:1] or ch), hex(cp)
