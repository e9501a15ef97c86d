"""What reading a photo found, in plain words (the warning codes of ocr/reading.py, and `read_failed`: the read job
failed, or gave up after its attempts, and `photo_too_dark`: the reading found little in a dark photo,
backend/prefill/reading.py)."""

from backend.messages.catalog import define

OCR_WARNINGS = {
    "photo_too_dark": ("照片太暗了，证件上的字看不清。请到亮一些的地方，或者开灯，再拍一张。", "照片太暗了。请到亮的地方再拍。"),
    # Said first when a field was left unread and the photo shows why (ocr/preprocess/retake.py).
    "photo_dark": ("照片有点暗，有些字没看清。请到亮一些的地方，或者开灯，再拍一张。", "照片有点暗。请到亮的地方再拍。"),
    "photo_glare": ("照片上有反光，有些字没看清。请换个角度，避开灯光，再拍一张。", "照片有反光。请换个角度再拍。"),
    "photo_blurred": ("照片里的字不够清楚。请把手机靠近证件，让证件占满画面，拿稳了再拍一张。",
                      "字不清楚。请靠近些，拿稳了再拍。"),
    "image_unreadable": ("这张照片读不出来，请重新拍一张。", "照片读不出来。请再拍一张。"),
    "document_not_found": ("照片里没有找到完整的证件，请把证件放平、拍全。", "没看到整张证件。请放平，拍全。"),
    "kind_not_recognised": ("没有认出这是哪种证件，请确认拍的是身份证或残疾人证。", "没认出是什么证。"),
    "kind_mismatch": ("这张照片看起来是另一种证件，请确认上传到了对的位置。", "这张照片好像放错了地方。"),
    "field_missing": ("照片上没有读到{field}，请自己填写，或重新拍清楚。", "没读到{field}。请自己填。"),
    "field_invalid": ("照片上读到的{field}没有通过校验，没有填入，请自己核对填写。", "读到的{field}不对。请自己填。"),
    "field_repaired": ("{field}按证件上的其他信息补全了，请核对。", "{field}是算出来的。请看一下对不对。"),
    "fields_disagree": ("证件上的{field}和其他信息对不上，请核对。", "{field}对不上。请看一下。"),
    "certificate_number_suffix": ("残疾人证号后面还有几位（换发的证），已单独记下，审核人员会看到。", "证号后面多了几位。我们记下了。"),
    "read_failed": ("这张照片没能自动读出来。照片已经收下了，请自己填写证件上的信息。", "照片没读出来。照片收下了。请自己填。"),
}
for _code, (_standard, _easy) in OCR_WARNINGS.items():
    define(f"ocr_warning.{_code}", _standard, _easy)

# A proposal of the pre-fill list said aloud (accessibility/status_speech.py), so a person who cannot see the
# list hears what each photo says before accepting it, and what it would replace.
define("prefill.proposal_said", "照片上读到的{field}：{value}。", "照片上的{field}是{value}。")
define("prefill.proposal_said_differs", "照片上读到的{field}：{value}，和您填的{current}不一样。",
       "照片上的{field}是{value}。您填的是{current}。")
