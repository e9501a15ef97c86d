"""What is done to decoded pixels before they are stored: mode, scale, white behind transparency, sRGB,
upright, and a JPEG carrying pixels alone.

Steps 6 to 8 of `images.normalise_image` (its docstring tells the whole pipeline and why). These are
transformations of an image already decoded and checked (`decoding`): none of them refuses a file, and
none reads the upload's bytes, so the choices about quality (filter, colour management, encoder settings)
sit here apart from the guards against hostile input. Nothing here keeps state between calls; lcms
profiles are made per call because their handles must not be shared between threads.
"""

from __future__ import annotations

import io
from typing import Final

from PIL import ExifTags, Image, ImageCms

# EXIF orientation -> the transposition that makes the stored pixels upright (as ImageOps.exif_transpose).
_UPRIGHT: Final = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def orientation(image: Image.Image) -> int:
    """The EXIF orientation (Pillow falls back to XMP's tiff:Orientation), 1 when absent or unreadable.

    EXIF is untrusted metadata that we discard anyway: a damaged block must not refuse a good photo.
    """
    try:
        value = image.getexif().get(ExifTags.Base.Orientation, 1)
    except Exception:  # noqa: BLE001 -- any parse failure of discarded metadata means "no orientation"
        return 1
    return value if isinstance(value, int) and value in _UPRIGHT else 1


def upright(image: Image.Image, exif_orientation: int) -> Image.Image:
    """`image` turned by the orientation read from the original, as ``ImageOps.exif_transpose`` does.

    Applied after scaling because transposing fewer pixels is cheaper; scaling never changes which side is
    long, so the order does not change the result.
    """
    return image.transpose(_UPRIGHT[exif_orientation]) if exif_orientation in _UPRIGHT else image


def to_resizable_mode(image: Image.Image) -> Image.Image:
    """The pixels in RGB, L, CMYK, RGBA or LA (the image itself when already so): modes that resize well.

    Palette images cannot be resampled (Pillow falls back to nearest neighbour), 16-bit greys would clip,
    and premultiplied modes need unpremultiplying before alpha is flattened.
    """
    mode = image.mode
    if mode in ("L", "RGB") and "transparency" in image.info:
        # A grey or RGB PNG can mark one colour transparent (tRNS): it must become white like alpha does.
        return image.convert("LA" if mode == "L" else "RGBA")
    if mode in ("RGB", "L", "CMYK", "RGBA", "LA"):
        return image
    if mode in ("P", "PA"):
        has_alpha = mode == "PA" or "transparency" in image.info
        return image.convert("RGBA" if has_alpha else "RGB")
    if mode == "1":
        return image.convert("L")
    if mode.startswith("I;16") or mode == "I":
        # Map 0..65535 onto 0..255; Pillow's convert("L") clips everything above 255 to white instead.
        return image.convert("I").point(lambda value: value / 257).convert("L")
    if mode == "La":
        return image.convert("LA")
    if mode == "RGBa":
        return image.convert("RGBA")
    return image.convert("RGB")


def scaled(image: Image.Image, max_side: int) -> Image.Image:
    """`image` scaled so that its long side is at most `max_side`, aspect kept, never enlarged.

    Hamming (like all of Pillow's filters, an area-aware convolution when shrinking) keeps small print
    legible with a support of 1 pixel instead of bicubic's 2: 12 MP -> 5 MP takes 0.08 s here against 0.13 s
    for bicubic and 0.18 s for Lanczos, which is what keeps a phone photo under its 0.35 s budget (issue 4)
    on a loaded machine. The OCR pre-fill reads these stored images (tests/miniprogram_api/test_prefill.py).
    `reducing_gap` lets large reductions (the thumbnail) first average blocks of pixels, faster and no worse.
    """
    width, height = image.size
    long_side = max(width, height)
    if long_side <= max_side:
        return image
    scale = max_side / long_side
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return image.resize(size, Image.Resampling.HAMMING, reducing_gap=3.0)


def flattened_on_white(image: Image.Image) -> Image.Image:
    if image.mode not in ("RGBA", "LA"):
        return image
    opaque_mode = image.mode[:-1]
    background = Image.new(opaque_mode, image.size, 255 if opaque_mode == "L" else (255, 255, 255))
    background.paste(image.convert(opaque_mode), mask=image.getchannel("A"))
    return background


def in_srgb(image: Image.Image, icc_profile: bytes | None) -> Image.Image:
    """RGB or L pixels in sRGB: the embedded profile applied (then dropped), or sRGB assumed without one.

    Grey images keep their grey values: a grey profile only bends the tone curve slightly, and converting
    would triple their size for nothing.
    """
    if image.mode == "L":
        return image
    if icc_profile and image.mode in ("RGB", "CMYK"):
        converted = _converted_by_profile(image, icc_profile)
        if converted is not None:
            return converted
    return image if image.mode == "RGB" else image.convert("RGB")


def _converted_by_profile(image: Image.Image, icc_profile: bytes) -> Image.Image | None:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc_profile))
        if _is_srgb(source):
            return None
        # A fresh sRGB profile per call (75 us): lcms profile handles must not be shared between threads.
        srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
        transform = ImageCms.buildTransform(
            source, srgb, image.mode, "RGB",
            renderingIntent=ImageCms.Intent.PERCEPTUAL,
            flags=ImageCms.Flags.BLACKPOINTCOMPENSATION,
        )
        return ImageCms.applyTransform(image, transform)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        # An unreadable profile, or one for another colour space than the pixels: treat as untagged.
        return None


def _is_srgb(profile: ImageCms.ImageCmsProfile) -> bool:
    """Most Android photos carry a plain sRGB profile; converting sRGB to sRGB costs 50 ms for nothing."""
    description = ImageCms.getProfileDescription(profile) or ""
    return description.strip().lower().startswith("srgb")


def encode_jpeg(image: Image.Image, *, quality: int, subsampling: int) -> bytes:
    # Pixels only: a fresh `info` keeps Pillow from carrying a comment (or anything else) into the output.
    image.info = {}
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=quality, subsampling=subsampling, optimize=True)
    return output.getvalue()

