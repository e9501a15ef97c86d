"""Whatever a phone uploads becomes a clean stored image or a refusal with a reason (issue 4, items 2 and 7).

Every input here is rendered by the test itself (see pictures.py). Refusals are checked by code and params;
accepted files by what the output really holds: its segments, its pixels, its corners.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import warnings
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFile, JpegImagePlugin

from backend.materials import RefusedFile, normalise_image
from backend.materials.images import DEFAULT_MAX_PIXELS
from tests.backend.materials.pictures import (
    BLUE,
    GREY,
    RED,
    SIDES_SWAPPED,
    SRGB_PRIMARIES,
    XMP_PACKET,
    colour_near,
    complete_bilevel_png,
    d50_colorants,
    declared_bomb_png,
    display_p3_profile,
    encoded,
    exif_with_gps,
    jpeg_segments,
    looks_like,
    matrix_icc_profile,
    photo,
    png_chunk,
    raw_png,
    red_green_swapped_profile,
    reopened,
    rgb48_png,
    stored_with_markers,
    with_jpeg_frame_size,
)

WHITE = (255, 255, 255)
BLACK = (0, 0, 0)
GREEN = (0, 255, 0)
# What a clean baseline JPEG from Pillow holds before its scan: SOI is not listed (it has no length).
# APP0 (JFIF), DQT, SOF0, DHT, SOS. Nothing else: no APP1 (EXIF, XMP), APP2 (ICC), APP13, COM.
CLEAN_JPEG_MARKERS = {0xE0, 0xDB, 0xC0, 0xC4, 0xDA}
PILLOW_FORMAT = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "heic": "HEIF"}


def refusal(data: bytes, **options) -> RefusedFile:
    with pytest.raises(RefusedFile) as caught:
        normalise_image(data, **options)
    return caught.value


def assert_clean_jpeg(data: bytes) -> None:
    markers, after_end = jpeg_segments(data)
    assert set(markers) <= CLEAN_JPEG_MARKERS, [hex(m) for m in markers]
    assert after_end == b""
    image = reopened(data)
    assert image.format == "JPEG"
    assert not set(image.info) & {"exif", "icc_profile", "xmp", "comment", "photoshop", "adobe"}
    assert len(image.getexif()) == 0


def flat(colour: tuple[int, int, int], size: tuple[int, int] = (400, 300)) -> Image.Image:
    return Image.new("RGB", size, colour)


# ---- refused before any decoding ---------------------------------------------------------------------

def test_zero_bytes_are_refused_as_empty():
    refused = refusal(b"")
    assert (refused.code, refused.params) == ("empty", {})


def test_a_file_over_the_limit_is_refused_with_the_limit_and_its_size(jpeg_upload):
    refused = refusal(jpeg_upload, max_bytes=len(jpeg_upload) - 1)
    assert refused.code == "too_large"
    assert refused.params == {"limit_bytes": len(jpeg_upload) - 1, "size_bytes": len(jpeg_upload)}


def test_a_file_exactly_at_the_limit_is_accepted(jpeg_upload):
    assert normalise_image(jpeg_upload, max_bytes=len(jpeg_upload)).source_format == "jpeg"


def test_the_default_limit_is_twenty_megabytes():
    refused = refusal(b"\xff\xd8\xff" + bytes(20 * 1024 * 1024))
    assert refused.params == {"limit_bytes": 20 * 1024 * 1024, "size_bytes": 20 * 1024 * 1024 + 3}


@pytest.mark.parametrize("data", [
    b"Hello, this is a text file with a .jpg name.\n",
    "申请人：张三\n身份证号：110101199003071234\n".encode(),
    b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
    b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200),
    bytes(range(256)) * 4,
])
def test_bytes_that_are_no_image_are_refused_as_not_an_image(data):
    assert refusal(data).code == "not_an_image"


@pytest.mark.parametrize(("pillow_format", "detected"), [
    ("GIF", "gif"), ("BMP", "bmp"), ("TIFF", "tiff"), ("PDF", "pdf"),
])
def test_recognised_formats_we_do_not_take_are_refused_by_name(document_photo, pillow_format, detected):
    refused = refusal(encoded(document_photo, pillow_format))
    assert (refused.code, refused.params) == ("unsupported_format", {"detected": detected})


def test_an_animated_gif_is_refused_as_a_gif_not_decoded(document_photo):
    sticker = encoded(document_photo, "GIF", save_all=True, append_images=[flat(RED, document_photo.size)])
    assert refusal(sticker).params == {"detected": "gif"}


def test_a_pdf_header_alone_is_refused_as_a_pdf():
    assert refusal(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").params == {"detected": "pdf"}


@pytest.mark.parametrize(("brands", "detected"), [
    (b"avifmif1miaf", "avif"),
    (b"isomiso2avc1mp41", "video"),
])
def test_avif_and_video_files_are_refused_by_name(brands, detected):
    header = (8 + 8 + len(brands) - 4).to_bytes(4, "big") + b"ftyp" + brands[:4] + bytes(4) + brands[4:]
    assert refusal(header + bytes(500)).params == {"detected": detected}


# ---- damaged and cut-off files -----------------------------------------------------------------------

@pytest.mark.parametrize("source", ["jpeg", "png", "webp", "heic"])
def test_a_file_cut_off_in_transfer_is_refused_as_truncated(uploads, source):
    data = uploads[source]
    refused = refusal(data[:len(data) * 6 // 10])
    assert (refused.code, refused.params) == ("truncated", {"detected": source})


@pytest.mark.parametrize("source", ["jpeg", "png", "webp", "heic"])
def test_a_cut_off_file_is_refused_even_if_pillow_was_told_to_load_truncated_images(
        uploads, source, monkeypatch):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    data = uploads[source]
    assert refusal(data[:len(data) * 6 // 10]).code == "truncated"


@pytest.mark.parametrize("kept", [0.3, 0.9, 0.99])
def test_a_progressive_jpeg_is_accepted_whole_and_refused_cut_off(document_photo, kept):
    # WeChat and web tools re-save photos as progressive JPEGs, whose early scans already make a picture.
    progressive = encoded(document_photo, "JPEG", progressive=True, quality=90)
    assert normalise_image(progressive).width == 640
    assert refusal(progressive[:int(len(progressive) * kept)]).code == "truncated"


@pytest.mark.parametrize("data", [
    b"\xff\xd8\xff" + b"this is not a jpeg at all" * 10,
    b"\x89PNG\r\n\x1a\n" + b"garbage" * 20,
    b"RIFF\x00\x01\x00\x00WEBPVP8 " + b"garbage" * 20,
    b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"garbage" * 20,
])
def test_a_file_that_only_starts_like_an_image_is_refused_as_truncated(data):
    assert refusal(data).code == "truncated"


def test_a_png_declaring_zero_width_is_refused():
    assert refusal(raw_png(0, 300, bit_depth=8, colour_type=2, idat=b"")).code == "truncated"


# ---- decompression bombs and absurd sizes: refused from the header, never decoded ---------------------

def test_a_tiny_png_declaring_thirty_thousand_pixels_square_is_refused():
    bomb = declared_bomb_png(30000, 30000)
    assert len(bomb) < 200
    refused = refusal(bomb)
    assert refused.code == "too_many_pixels"
    assert refused.params == {"width": 30000, "height": 30000,
                              "limit_pixels": min(DEFAULT_MAX_PIXELS, Image.MAX_IMAGE_PIXELS)}


def test_a_complete_valid_png_under_the_size_limit_with_too_many_pixels_is_refused():
    bomb = complete_bilevel_png(8200, 8200)  # 67.2 MP: just over 8192 x 8192
    assert len(bomb) < 100_000
    refused = refusal(bomb)
    assert refused.params == {"width": 8200, "height": 8200, "limit_pixels": DEFAULT_MAX_PIXELS}


def test_a_jpeg_whose_header_claims_huge_dimensions_is_refused(jpeg_upload):
    refused = refusal(with_jpeg_frame_size(jpeg_upload, 65000, 65000))
    assert refused.code == "too_many_pixels"
    assert (refused.params["width"], refused.params["height"]) == (65000, 65000)


def test_a_png_two_billion_pixels_wide_is_refused():
    refused = refusal(declared_bomb_png(2**31 - 1, 1))
    assert refused.code == "too_many_pixels"


def test_pillows_bomb_warning_is_a_refusal_even_when_warnings_are_errors():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        refused = refusal(declared_bomb_png(10000, 10000))  # in Pillow's warning band (89-179 MP)
    assert refused.code == "too_many_pixels"


def test_the_pixel_limit_can_be_lowered_per_call(png_upload):
    refused = refusal(png_upload, max_pixels=300_000)
    assert refused.params == {"width": 640, "height": 480, "limit_pixels": 300_000}


def test_switching_pillows_guard_off_leaves_ours_in_force(monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    assert refusal(complete_bilevel_png(8200, 8200)).code == "too_many_pixels"


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_lower_pillow_limit_set_by_the_process_is_honoured(png_upload, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 200_000)
    assert refusal(png_upload).params == {"width": 640, "height": 480, "limit_pixels": 200_000}


def test_normalising_changes_none_of_pillows_global_settings(uploads):
    before = (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, list(warnings.filters))
    for data in uploads.values():
        normalise_image(data)
    refusal(declared_bomb_png(30000, 30000))
    assert (Image.MAX_IMAGE_PIXELS, ImageFile.LOAD_TRUNCATED_IMAGES, list(warnings.filters)) == before


# ---- too small to read ---------------------------------------------------------------------------------

def test_a_picture_under_two_hundred_pixels_on_its_short_side_is_refused_as_too_small():
    refused = refusal(encoded(photo(400, 150), "JPEG"))
    assert (refused.code, refused.params) == ("too_small", {"width": 400, "height": 150, "min_side": 200})


def test_a_picture_of_exactly_two_hundred_pixels_is_accepted():
    result = normalise_image(encoded(photo(300, 200), "PNG"))
    assert (result.width, result.height) == (300, 200)


# ---- what comes out ----------------------------------------------------------------------------------

@pytest.mark.parametrize("source", ["jpeg", "png", "webp", "heic"])
def test_every_accepted_format_becomes_a_clean_jpeg_with_a_thumbnail(uploads, source):
    result = normalise_image(uploads[source])
    assert result.source_format == source
    assert result.media_type == result.thumbnail_media_type == "image/jpeg"
    assert (result.width, result.height) == (640, 480)
    assert (result.thumbnail_width, result.thumbnail_height) == (320, 240)
    assert reopened(result.content).size == (640, 480)
    assert reopened(result.thumbnail).size == (320, 240)
    assert result.sha256 == hashlib.sha256(result.content).hexdigest()
    assert_clean_jpeg(result.content)
    assert_clean_jpeg(result.thumbnail)


def test_a_large_photo_is_scaled_to_the_long_side_limit_keeping_its_shape():
    result = normalise_image(encoded(photo(3000, 2000), "JPEG", quality=90))
    assert (result.width, result.height) == (2560, 1707)
    assert (result.thumbnail_width, result.thumbnail_height) == (320, 213)


def test_a_tall_screenshot_is_scaled_by_its_height():
    result = normalise_image(encoded(photo(1080, 2880, noise=0), "PNG"))
    assert (result.width, result.height) == (960, 2560)
    assert (result.thumbnail_width, result.thumbnail_height) == (120, 320)


def test_a_small_picture_is_never_enlarged():
    result = normalise_image(encoded(photo(260, 210), "JPEG"))
    assert (result.width, result.height) == (260, 210)
    assert (result.thumbnail_width, result.thumbnail_height) == (260, 210)


def test_the_same_upload_always_gives_the_same_bytes(jpeg_upload):
    assert normalise_image(jpeg_upload).sha256 == normalise_image(jpeg_upload).sha256


def test_camera_photos_keep_4_2_0_and_lossless_sources_get_full_colour_resolution(jpeg_upload, png_upload):
    # Red seals and coloured text in screenshots and scans stay sharp without chroma subsampling.
    assert JpegImagePlugin.get_sampling(reopened(normalise_image(jpeg_upload).content)) == 2
    assert JpegImagePlugin.get_sampling(reopened(normalise_image(png_upload).content)) == 0


# ---- metadata: nothing survives, GPS above all ------------------------------------------------------------

def _with_all_metadata(source: str, picture: Image.Image) -> bytes:
    exif = exif_with_gps(orientation=1)
    if source == "jpeg":
        return encoded(picture, "JPEG", exif=exif, xmp=XMP_PACKET, comment=b"Taken at home, Wulong",
                       icc_profile=display_p3_profile())
    if source == "png":
        text = png_chunk(b"tEXt", b"Comment\x00Taken at home, Wulong")
        xmp = png_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + XMP_PACKET)
        plain = reopened(encoded(picture, "PNG", exif=exif))
        assert "exif" in plain.info
        with_exif = encoded(picture, "PNG", exif=exif, icc_profile=display_p3_profile())
        return with_exif[:33] + text + xmp + with_exif[33:]
    if source == "webp":
        return encoded(picture, "WEBP", exif=exif, xmp=XMP_PACKET, icc_profile=display_p3_profile())
    return encoded(picture, "HEIF", exif=exif, xmp=XMP_PACKET, quality=70)


@pytest.mark.parametrize("source", ["jpeg", "png", "webp", "heic"])
def test_exif_with_gps_xmp_icc_and_comments_are_stripped_from_image_and_thumbnail(document_photo, source):
    upload = _with_all_metadata(source, document_photo)
    assert b"SyntheticPhone" in upload  # the metadata really was in the upload
    result = normalise_image(upload)
    for output in (result.content, result.thumbnail):
        assert_clean_jpeg(output)
        for trace in (b"Exif", b"SyntheticPhone", b"Wulong", b"GPS", b"adobe", b"Display P3"):
            assert trace not in output


def test_a_jpeg_comment_is_not_carried_into_the_output(document_photo):
    # Pillow copies a JPEG's COM segment from `info` into what it saves unless told otherwise.
    upload = encoded(document_photo, "JPEG", comment=b"<script>alert(1)</script> Wulong")
    assert reopened(upload).info["comment"]
    result = normalise_image(upload)
    for output in (result.content, result.thumbnail):
        assert_clean_jpeg(output)
        assert b"Wulong" not in output


# ---- upright by EXIF orientation ---------------------------------------------------------------------

def _assert_upright(result, upright_size):
    assert (result.width, result.height) == upright_size
    for output in (result.content, result.thumbnail):
        image = reopened(output)
        assert looks_like(colour_near(image, "top-left"), RED), colour_near(image, "top-left")
        assert looks_like(colour_near(image, "top-right"), BLUE), colour_near(image, "top-right")
        assert looks_like(colour_near(image, "bottom-left"), GREY)
        assert looks_like(colour_near(image, "bottom-right"), GREY)


def _oriented_upload(source: str, orientation: int, size: tuple[int, int]) -> bytes:
    """The stored picture with its EXIF orientation; a HEIC also gets the container's `irot`/`imir`
    boxes, as phones write them (pillow-heif derives them from EXIF given as bytes)."""
    stored = stored_with_markers(*size, orientation)
    exif = exif_with_gps(orientation=orientation).tobytes()
    options = {"quality": 90} if source in ("jpeg", "webp", "heic") else {}
    return encoded(stored, PILLOW_FORMAT[source], exif=exif, **options)


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("source", ["jpeg", "png", "webp", "heic"])
def test_every_exif_orientation_ends_upright(source, orientation):
    stored_size = (600, 400)
    upright = stored_size[::-1] if orientation in SIDES_SWAPPED else stored_size
    _assert_upright(normalise_image(_oriented_upload(source, orientation, stored_size)), upright)


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_ends_upright_when_the_jpeg_is_decoded_at_reduced_size(orientation, monkeypatch):
    drafts = []
    original_draft = JpegImagePlugin.JpegImageFile.draft

    def recording_draft(self, mode, size):
        answer = original_draft(self, mode, size)
        drafts.append(self.size)
        return answer

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", recording_draft)
    upload = _oriented_upload("jpeg", orientation, (1200, 800))
    result = normalise_image(upload, max_side=250)
    assert drafts == [(300, 200)]  # decoded at 1/4 scale, still above the 250 px target
    _assert_upright(result, (167, 250) if orientation in SIDES_SWAPPED else (250, 167))


def test_a_jpeg_is_decoded_at_full_size_when_a_reduced_one_would_be_smaller_than_the_target(monkeypatch):
    drafts = []
    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft",
                        lambda self, mode, size: drafts.append(size))
    normalise_image(encoded(photo(1000, 700), "JPEG"), max_side=600)
    assert drafts == []


def test_a_heic_is_oriented_by_its_container_not_by_a_stray_exif_tag():
    # HEIF readers apply the container's irot/imir and ignore EXIF orientation (MIAF; libheif does so).
    # pillow-heif writes EXIF given as an Exif object without irot/imir: such a file shows as stored
    # in every libheif-based viewer, and so it does here.
    stored = stored_with_markers(600, 400, 1)
    upload = encoded(stored, "HEIF", exif=exif_with_gps(orientation=6), quality=90)
    assert b"irot" not in upload
    _assert_upright(normalise_image(upload), (600, 400))


def test_an_orientation_given_only_in_xmp_is_applied():
    stored = stored_with_markers(600, 400, 6)
    xmp = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           b'<rdf:Description xmlns:tiff="http://ns.adobe.com/tiff/1.0/" tiff:Orientation="6"/>'
           b"</rdf:RDF></x:xmpmeta>")
    _assert_upright(normalise_image(encoded(stored, "JPEG", xmp=xmp, quality=90)), (400, 600))


def test_a_nonsense_orientation_value_leaves_the_picture_as_stored():
    stored = stored_with_markers(600, 400, 1)
    exif = exif_with_gps(orientation=1)
    exif[0x0112] = 42
    _assert_upright(normalise_image(encoded(stored, "JPEG", exif=exif, quality=90)), (600, 400))


@pytest.mark.filterwarnings("ignore:Corrupt EXIF data:UserWarning")
def test_a_damaged_exif_block_does_not_refuse_a_good_photo(document_photo):
    result = normalise_image(encoded(document_photo, "JPEG", exif=b"Exif\x00\x00MM\x00*\xff\xff\xff\xff"))
    assert (result.width, result.height) == (640, 480)


# ---- colour: modes, transparency, profiles ----------------------------------------------------------------

@pytest.mark.parametrize("source", ["jpeg", "png", "webp", "heic"])
def test_an_embedded_colour_profile_is_applied_before_it_is_dropped(source):
    upload = encoded(flat((255, 0, 0)), PILLOW_FORMAT[source], icc_profile=red_green_swapped_profile(),
                     **({"quality": 95} if source != "png" else {}))
    result = normalise_image(upload)
    assert looks_like(colour_near(reopened(result.content), "top-left"), GREEN, tolerance=50)
    assert_clean_jpeg(result.content)


def test_a_display_p3_photo_is_converted_to_srgb():
    result = normalise_image(encoded(flat((200, 100, 100)), "JPEG", quality=100, subsampling=0,
                                     icc_profile=display_p3_profile()))
    red, green, blue = colour_near(reopened(result.content), "top-left")
    # The same numbers mean a more saturated colour in P3 than in sRGB: in sRGB red must grow, the rest fall.
    assert red >= 210 and green <= 96 and blue <= 100


def test_a_profile_that_is_already_srgb_changes_nothing():
    srgb = matrix_icc_profile(d50_colorants(SRGB_PRIMARIES), description="sRGB IEC61966-2.1")
    result = normalise_image(encoded(flat((200, 100, 100)), "JPEG", quality=100, subsampling=0, icc_profile=srgb))
    assert looks_like(colour_near(reopened(result.content), "top-left"), (200, 100, 100), tolerance=4)


def test_an_unreadable_colour_profile_is_ignored():
    result = normalise_image(encoded(flat((200, 100, 100)), "JPEG", icc_profile=b"not a profile" * 20))
    assert looks_like(colour_near(reopened(result.content), "top-left"), (200, 100, 100), tolerance=8)


def test_a_cmyk_jpeg_becomes_rgb_with_the_right_colours():
    cmyk = Image.new("CMYK", (400, 300), (0, 255, 255, 0))  # no cyan, full magenta and yellow: red
    ImageDraw.Draw(cmyk).rectangle((200, 0, 399, 299), fill=(0, 0, 0, 255))  # right half black ink
    result = normalise_image(encoded(cmyk, "JPEG", quality=95))
    image = reopened(result.content)
    assert image.mode == "RGB"
    assert looks_like(colour_near(image, "top-left"), (255, 0, 0))
    assert looks_like(colour_near(image, "top-right"), BLACK)


def test_a_16_bit_grey_png_keeps_its_tones_instead_of_clipping_to_white():
    ramp = Image.new("I;16", (512, 256))
    ramp.frombytes(b"".join(int(x * 65535 / 511).to_bytes(2, "little") for x in range(512)) * 256, "raw", "I;16")
    result = normalise_image(encoded(ramp, "PNG"))
    image = reopened(result.content)
    assert image.mode == "L"
    dark, middle, light = (image.getpixel((x, 128)) for x in (8, 256, 503))
    assert dark < 20 and 110 < middle < 145 and light > 235


def test_a_16_bit_colour_png_keeps_its_colour():
    result = normalise_image(rgb48_png(300, 240, (60000, 30000, 5000)))
    assert looks_like(colour_near(reopened(result.content), "top-left"), (233, 117, 19), tolerance=6)


def test_transparent_parts_of_a_palette_png_become_white():
    palette_image = Image.new("P", (400, 300), 0)
    palette_image.putpalette([0, 0, 0, 200, 30, 30] + [0, 0, 0] * 254)
    ImageDraw.Draw(palette_image).rectangle((0, 0, 199, 299), fill=1)
    result = normalise_image(encoded(palette_image, "PNG", transparency=0))
    image = reopened(result.content)
    assert looks_like(colour_near(image, "top-left"), (200, 30, 30))
    assert looks_like(colour_near(image, "top-right"), WHITE)


@pytest.mark.parametrize(("mode", "background"), [("RGB", (0, 0, 0)), ("L", 0)])
def test_a_colour_marked_transparent_in_a_png_becomes_white(mode, background):
    picture = Image.new(mode, (400, 300), background)
    ImageDraw.Draw(picture).rectangle((0, 0, 199, 299), fill=(200, 30, 30) if mode == "RGB" else 90)
    image = reopened(normalise_image(encoded(picture, "PNG", transparency=background)).content)
    assert looks_like(colour_near(image, "top-left"), (200, 30, 30) if mode == "RGB" else (90, 90, 90))
    assert looks_like(colour_near(image, "top-right"), WHITE)


@pytest.mark.parametrize("mode", ["RGBA", "LA"])
def test_black_text_on_a_transparent_background_stays_readable(mode):
    # Transparent pixels are black underneath: a naive conversion would give black on black.
    picture = Image.new(mode, (400, 300), (0, 0, 0, 0) if mode == "RGBA" else (0, 0))
    ImageDraw.Draw(picture).rectangle((0, 0, 199, 299), fill=(0, 0, 0, 255) if mode == "RGBA" else (0, 255))
    image = reopened(normalise_image(encoded(picture, "PNG")).content)
    assert looks_like(colour_near(image, "top-left"), BLACK)
    assert looks_like(colour_near(image, "top-right"), WHITE)


def test_a_bilevel_png_becomes_a_grey_jpeg():
    picture = Image.new("1", (400, 300), 1)
    ImageDraw.Draw(picture).rectangle((0, 0, 199, 299), fill=0)
    image = reopened(normalise_image(encoded(picture, "PNG")).content)
    assert image.mode == "L"
    assert image.getpixel((50, 150)) < 20 and image.getpixel((350, 150)) > 235


def test_a_grey_jpeg_stays_grey():
    image = reopened(normalise_image(encoded(photo(400, 300).convert("L"), "JPEG")).content)
    assert image.mode == "L"


# ---- animations and files holding several pictures -----------------------------------------------------

def test_an_animated_png_is_refused_as_animated(document_photo):
    apng = encoded(document_photo, "PNG", save_all=True, append_images=[flat(RED, document_photo.size)])
    assert reopened(apng).n_frames == 2
    refused = refusal(apng)
    assert (refused.code, refused.params) == ("animated", {"frames": 2})


def test_an_animated_webp_is_refused_as_animated(document_photo):
    frames = [flat(RED, document_photo.size), flat(BLUE, document_photo.size)]
    animated = encoded(document_photo, "WEBP", save_all=True, append_images=frames, duration=100)
    assert refusal(animated).params == {"frames": 3}


def test_a_webp_saved_as_a_one_frame_animation_is_accepted(document_photo):
    single = encoded(document_photo, "WEBP", save_all=True, duration=100)
    assert normalise_image(single).source_format == "webp"


def test_a_jpeg_carrying_a_second_picture_keeps_the_first():
    mpo = encoded(flat(RED), "MPO", save_all=True, append_images=[flat(BLUE)])
    assert reopened(mpo).format == "MPO"
    result = normalise_image(mpo)
    assert result.source_format == "jpeg"
    assert looks_like(colour_near(reopened(result.content), "top-left"), RED)


def test_a_heic_holding_several_pictures_keeps_its_primary_one():
    heic = encoded(flat(BLUE), "HEIF", save_all=True, append_images=[flat(RED)], primary_index=1, quality=90)
    result = normalise_image(heic)
    assert looks_like(colour_near(reopened(result.content), "top-left"), RED)


# ---- polyglots: whatever rides along with the pixels is dropped ---------------------------------------

def _zip_archive() -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.writestr("payload.html", "<script>alert(1)</script>")
    return archive.getvalue()


@pytest.mark.parametrize("appended", [
    _zip_archive(),
    b"<html><body><script>alert(document.cookie)</script></body></html>",
    b"\x00\x00\x00\x18ftypmp42" + bytes(4000),  # the video of an Android "motion photo"
])
def test_data_appended_to_a_jpeg_is_dropped(jpeg_upload, appended):
    result = normalise_image(jpeg_upload + appended)
    assert_clean_jpeg(result.content)
    for trace in (b"PK\x03\x04", b"<script", b"ftypmp42"):
        assert trace not in result.content and trace not in result.thumbnail


def test_a_png_that_is_also_html_is_cleaned(document_photo):
    png = encoded(document_photo, "PNG")
    script = png_chunk(b"tEXt", b"Comment\x00<html><script>alert(1)</script></html>")
    polyglot = png[:33] + script + png[33:] + b"<html><script>alert(2)</script></html>"
    result = normalise_image(polyglot)
    assert_clean_jpeg(result.content)
    assert b"<script" not in result.content and b"<script" not in result.thumbnail


# ---- robustness -----------------------------------------------------------------------------------------

def test_a_refusal_is_a_value_error_with_a_code_and_params():
    refused = refusal(b"")
    assert isinstance(refused, ValueError)
    with pytest.raises(ValueError, match="unknown refusal code"):
        RefusedFile("no_such_code")


def test_a_refusal_keeps_its_code_and_params_through_pickling():
    refused = pickle.loads(pickle.dumps(RefusedFile("too_large", limit_bytes=10, size_bytes=11)))
    assert (refused.code, refused.params) == ("too_large", {"limit_bytes": 10, "size_bytes": 11})
    assert str(refused) == "too_large (limit_bytes=10, size_bytes=11)"


def test_many_uploads_normalised_at_once_give_the_same_results_as_one_by_one(uploads, document_photo):
    files = dict(uploads)
    files["jpeg-p3-gps"] = _with_all_metadata("jpeg", document_photo)  # colour conversion in threads too
    files["jpeg-cmyk"] = encoded(Image.new("CMYK", (300, 300), (0, 255, 255, 0)), "JPEG")
    one_by_one = {name: normalise_image(data).sha256 for name, data in files.items()}
    with ThreadPoolExecutor(max_workers=4) as pool:
        names = list(files) * 3
        at_once = list(pool.map(lambda name: (name, normalise_image(files[name]).sha256), names))
    assert all(digest == one_by_one[name] for name, digest in at_once)


_small_files = {
    "jpeg": encoded(photo(240, 210), "JPEG", quality=80, exif=exif_with_gps(orientation=6)),
    "png": encoded(photo(240, 210).quantize(64), "PNG"),
    "webp": encoded(photo(240, 210), "WEBP", quality=70),
}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=st.sampled_from(sorted(_small_files)), data=st.data())
def test_damaged_files_are_refused_or_normalised_never_a_crash(source, data):
    upload = bytearray(_small_files[source])
    cut = data.draw(st.integers(min_value=1, max_value=len(upload)), label="cut")
    flips = data.draw(st.lists(st.tuples(st.integers(0, len(upload) - 1), st.integers(0, 255)), max_size=6),
                      label="flips")
    for position, value in flips:
        upload[position] = value
    try:
        result = normalise_image(bytes(upload[:cut]))
    except RefusedFile:
        return
    assert_clean_jpeg(result.content)
    assert max(result.width, result.height) <= 2560
