"""Pictures the image tests (and bench/materials.py) make for themselves: nothing is downloaded.

Photo-like pixels, files in every accepted format, EXIF blocks with GPS, hand-built PNGs (16-bit, huge
declared sizes), matrix ICC profiles (Display P3, and one with red and green swapped so that applying it is
unmistakable), and a reader of JPEG segments to prove what an output file contains.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Iterable, Sequence

import pillow_heif
from PIL import ExifTags, Image, ImageDraw, ImageFilter

# The tests write HEIC through Pillow and read outputs back; the code under test needs no registration.
pillow_heif.register_heif_opener()

GREY = (128, 128, 128)
RED = (220, 30, 30)
BLUE = (30, 30, 220)


def photo(width: int, height: int, *, noise: float = 18.0) -> Image.Image:
    """An RGB picture with the texture of a phone photo of a paper: gradients, print-like marks, noise.

    Flat colours would make encoders and decoders skip work; this gives them real detail.
    """
    gradient = Image.linear_gradient("L")
    red = gradient.resize((width, height)).point(lambda v: 90 + v // 3)
    green = gradient.rotate(90).resize((width, height)).point(lambda v: 80 + v // 3)
    blue = Image.radial_gradient("L").resize((width, height)).point(lambda v: 60 + v // 4)
    picture = Image.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(picture)
    margin_x, margin_y = width // 6, height // 7
    draw.rectangle((margin_x, margin_y, width - margin_x, height - margin_y), fill=(235, 232, 225))
    step_y, step_x = max(4, height // 50), max(4, width // 85)
    for y in range(margin_y + step_y, height - margin_y - step_y, step_y):
        for x in range(margin_x + step_x, width - margin_x - step_x, step_x):
            draw.rectangle((x, y, x + step_x * 2 // 3, y + step_y // 2), fill=(30, 30, 40))
    seal = min(width, height) // 5
    draw.ellipse((width - margin_x - seal, height - margin_y - seal, width - margin_x, height - margin_y),
                 outline=(200, 30, 30), width=max(2, seal // 20))
    if noise:
        grain = Image.effect_noise((width, height), noise)
        picture = Image.blend(picture, Image.merge("RGB", (grain, grain, grain)), 0.12)
    return picture.filter(ImageFilter.GaussianBlur(0.7))


def scanned_page(width: int, height: int) -> Image.Image:
    """A scanned A4 page or a screenshot of one: white paper, lines of print, a red seal, scanner noise."""
    page = Image.new("RGB", (width, height), (250, 250, 247))
    draw = ImageDraw.Draw(page)
    line_height, glyph = max(6, height // 60), max(4, width // 120)
    for y in range(height // 10, height * 8 // 10, line_height * 2):
        for x in range(width // 10, width * 9 // 10, glyph * 2):
            if (x * 7 + y * 3) % 11:  # gaps between words
                draw.rectangle((x, y, x + glyph, y + line_height), fill=(25, 25, 30))
    seal = min(width, height) // 5
    left, top = width * 6 // 10, height * 7 // 10
    draw.ellipse((left, top, left + seal, top + seal), outline=(210, 35, 35), width=max(2, seal // 15))
    grain = Image.effect_noise((width, height), 12)
    return Image.blend(page, Image.merge("RGB", (grain, grain, grain)), 0.04)


def encoded(image: Image.Image, file_format: str, **options) -> bytes:
    """`image` saved in `file_format` ("JPEG", "PNG", "WEBP", "HEIF", "GIF", "BMP", "TIFF", "MPO")."""
    output = io.BytesIO()
    image.save(output, format=file_format, **options)
    return output.getvalue()


def reopened(data: bytes) -> Image.Image:
    """`data` decoded by Pillow, to look at what an output file holds."""
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def exif_with_gps(orientation: int | None = None) -> Image.Exif:
    """An EXIF block as a phone writes it: camera, time, a GPS fix (Wulong, Chongqing) and orientation."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SyntheticPhone"
    exif[ExifTags.Base.Model] = "Test Camera 12MP"
    exif[ExifTags.Base.DateTime] = "2026:03:01 09:30:00"
    if orientation is not None:
        exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (29.0, 19.0, 30.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (107.0, 45.0, 36.0),
    }
    return exif


XMP_PACKET = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="29,19.5N" exif:GPSLongitude="107,45.6E"/>'
    b"</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>"
)


# ---- EXIF orientation, by the EXIF 2.3 definition of each value (not by any library's table) ----------
# Value n says where the stored image's row 0 and column 0 lie when the picture is seen upright:
# 1 top/left, 2 top/right, 3 bottom/right, 4 bottom/left, 5 left/top, 6 right/top, 7 right/bottom,
# 8 left/bottom. From that, which stored corner appears at the upright top-left and top-right:
UPRIGHT_TOP_LEFT_IS_STORED = {
    1: "top-left", 2: "top-right", 3: "bottom-right", 4: "bottom-left",
    5: "top-left", 6: "bottom-left", 7: "bottom-right", 8: "top-right",
}
UPRIGHT_TOP_RIGHT_IS_STORED = {
    1: "top-right", 2: "top-left", 3: "bottom-left", 4: "bottom-right",
    5: "bottom-left", 6: "top-left", 7: "top-right", 8: "bottom-right",
}
SIDES_SWAPPED = {5, 6, 7, 8}


def stored_with_markers(width: int, height: int, orientation: int) -> Image.Image:
    """A stored (not yet upright) picture which, turned upright by `orientation`, shows a red block at the
    top-left and a blue block at the top-right, on grey."""
    picture = Image.new("RGB", (width, height), GREY)
    draw = ImageDraw.Draw(picture)
    for corner, colour in ((UPRIGHT_TOP_LEFT_IS_STORED[orientation], RED),
                           (UPRIGHT_TOP_RIGHT_IS_STORED[orientation], BLUE)):
        draw.rectangle(_corner_box(corner, width, height), fill=colour)
    return picture


def _corner_box(corner: str, width: int, height: int) -> tuple[int, int, int, int]:
    block_w, block_h = width // 4, height // 4
    vertical, horizontal = corner.split("-")
    left = 0 if horizontal == "left" else width - block_w
    top = 0 if vertical == "top" else height - block_h
    return left, top, left + block_w - 1, top + block_h - 1


def colour_near(image: Image.Image, corner: str) -> tuple[int, int, int]:
    """The RGB colour one eighth of the way in from `corner` (inside a marker block, if one is there)."""
    width, height = image.size
    vertical, horizontal = corner.split("-")
    x = width // 8 if horizontal == "left" else width - 1 - width // 8
    y = height // 8 if vertical == "top" else height - 1 - height // 8
    return image.convert("RGB").getpixel((x, y))


def looks_like(colour: Sequence[int], expected: Sequence[int], tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True))


# ---- PNG written by hand: 16-bit colour, huge declared sizes, extra chunks -------------------------------

def png_chunk(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def raw_png(width: int, height: int, *, bit_depth: int, colour_type: int, rows: Iterable[bytes] | None = None,
            idat: bytes | None = None, extra_chunks: Sequence[bytes] = (), after_end: bytes = b"") -> bytes:
    """A PNG from its parts. `rows` are unfiltered scanlines (filter byte 0 is added), compressed as they
    come so that a huge but compressible image never sits in memory; or `idat` is given as is."""
    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    if idat is None:
        compressor = zlib.compressobj(9)
        parts = [compressor.compress(b"\x00" + row) for row in rows or ()]
        idat = b"".join(parts) + compressor.flush()
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + b"".join(extra_chunks)
            + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"") + after_end)


def declared_bomb_png(width: int, height: int) -> bytes:
    """A PNG of a few dozen bytes whose header declares `width` x `height`: its pixels never exist."""
    return raw_png(width, height, bit_depth=8, colour_type=2, idat=zlib.compress(b"\x00" * 64))


def complete_bilevel_png(width: int, height: int) -> bytes:
    """A complete, valid 1-bit white PNG: a real decompression bomb (a few KB that inflate to
    width x height pixels), built row by row so that it is cheap to make."""
    row = b"\xff" * ((width + 7) // 8)
    return raw_png(width, height, bit_depth=1, colour_type=0, rows=(row for _ in range(height)))


def rgb48_png(width: int, height: int, colour: tuple[int, int, int]) -> bytes:
    """A 16-bit-per-channel RGB PNG of one colour, given in 16-bit values."""
    row = struct.pack(">HHH", *colour) * width
    return raw_png(width, height, bit_depth=16, colour_type=2, rows=(row for _ in range(height)))


def with_jpeg_frame_size(jpeg: bytes, width: int, height: int) -> bytes:
    """`jpeg` with the size in its frame header (SOF0) replaced: a header that lies about its pixels."""
    position = jpeg.index(b"\xff\xc0")
    return jpeg[:position + 5] + struct.pack(">HH", height, width) + jpeg[position + 9:]


# ---- ICC profiles written by hand: matrix/TRC RGB display profiles (ICC.1:2001-04, version 2.1) ---------

_D50 = (0.9642, 1.0, 0.8249)
_D65_XY = (0.3127, 0.3290)
SRGB_PRIMARIES = ((0.640, 0.330), (0.300, 0.600), (0.150, 0.060))
DISPLAY_P3_PRIMARIES = ((0.680, 0.320), (0.265, 0.690), (0.150, 0.060))


def d50_colorants(primaries: Sequence[tuple[float, float]],
                  white_xy: tuple[float, float] = _D65_XY) -> list[tuple[float, float, float]]:
    """The XYZ of each primary at full intensity, Bradford-adapted to the D50 the ICC PCS uses."""
    def xyz(xy: tuple[float, float]) -> tuple[float, float, float]:
        x, y = xy
        return x / y, 1.0, (1 - x - y) / y

    columns = [xyz(p) for p in primaries]
    matrix = [[columns[c][r] for c in range(3)] for r in range(3)]
    scales = _solve(matrix, xyz(white_xy))
    rgb_to_xyz = [[matrix[r][c] * scales[c] for c in range(3)] for r in range(3)]
    bradford = [[0.8951, 0.2664, -0.1614], [-0.7502, 1.7135, 0.0367], [0.0389, -0.0685, 1.0296]]
    source_cone = _apply(bradford, xyz(white_xy))
    target_cone = _apply(bradford, _D50)
    adapt = _matmul(_inverse(bradford),
                    _matmul([[target_cone[i] / source_cone[i] if i == j else 0.0 for j in range(3)]
                             for i in range(3)], bradford))
    adapted = _matmul(adapt, rgb_to_xyz)
    return [(adapted[0][c], adapted[1][c], adapted[2][c]) for c in range(3)]


def matrix_icc_profile(colorants: Sequence[tuple[float, float, float]], *, gamma: float = 2.2,
                       description: str = "Synthetic RGB") -> bytes:
    """A minimal but complete RGB display profile: wtpt, rXYZ/gXYZ/bXYZ, rTRC/gTRC/bTRC, desc, cprt."""
    def s15(value: float) -> bytes:
        return struct.pack(">i", round(value * 65536))

    def xyz_tag(values: Sequence[float]) -> bytes:
        return b"XYZ " + b"\x00" * 4 + b"".join(s15(v) for v in values)

    ascii_description = description.encode("ascii") + b"\x00"
    desc = (b"desc" + b"\x00" * 4 + struct.pack(">I", len(ascii_description)) + ascii_description
            + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\x00" * 67)
    curve = b"curv" + b"\x00" * 4 + struct.pack(">IH", 1, round(gamma * 256)) + b"\x00\x00"
    tags = [
        (b"desc", desc),
        (b"cprt", b"text" + b"\x00" * 4 + b"No copyright, test data\x00"),
        (b"wtpt", xyz_tag(_D50)),
        (b"rXYZ", xyz_tag(colorants[0])),
        (b"gXYZ", xyz_tag(colorants[1])),
        (b"bXYZ", xyz_tag(colorants[2])),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
    ]
    table_size = 4 + 12 * len(tags)
    offset = 128 + table_size
    table, body = [struct.pack(">I", len(tags))], []
    for signature, payload in tags:
        padded = payload + b"\x00" * (-len(payload) % 4)
        table.append(signature + struct.pack(">II", offset, len(payload)))
        body.append(padded)
        offset += len(padded)
    size = offset
    header = (struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntrRGB XYZ "
              + struct.pack(">6H", 2026, 1, 1, 0, 0, 0) + b"acsp" + b"\x00" * 24
              + struct.pack(">I", 0) + b"".join(s15(v) for v in _D50) + b"\x00" * 48)
    assert len(header) == 128
    return header + b"".join(table) + b"".join(body)


def display_p3_profile() -> bytes:
    return matrix_icc_profile(d50_colorants(DISPLAY_P3_PRIMARIES), description="Synthetic Display P3")


def red_green_swapped_profile() -> bytes:
    """sRGB's primaries with red and green exchanged: pure red pixels in it are green in sRGB."""
    red, green, blue = d50_colorants(SRGB_PRIMARIES)
    return matrix_icc_profile((green, red, blue), description="Red-green swapped (test)")


def _solve(matrix: list[list[float]], vector: Sequence[float]) -> list[float]:
    return _apply(_inverse(matrix), vector)


def _apply(matrix: Sequence[Sequence[float]], vector: Sequence[float]) -> list[float]:
    return [sum(matrix[r][c] * vector[c] for c in range(3)) for r in range(3)]


def _matmul(a: Sequence[Sequence[float]], b: Sequence[Sequence[float]]) -> list[list[float]]:
    return [[sum(a[r][k] * b[k][c] for k in range(3)) for c in range(3)] for r in range(3)]


def _inverse(m: Sequence[Sequence[float]]) -> list[list[float]]:
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return [[(e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det],
            [(f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det],
            [(d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det]]


# ---- what a JPEG holds -------------------------------------------------------------------------------

def jpeg_segments(data: bytes) -> tuple[list[int], bytes]:
    """The markers before the first scan, in order, and whatever follows the end-of-image marker.

    Walks the segment structure (not a search for magic strings), so an APP1 (EXIF, XMP), APP2 (ICC),
    COM or any other metadata segment shows up by its marker.
    """
    assert data[:2] == b"\xff\xd8", "not a JPEG"
    markers, position = [], 2
    while True:
        assert data[position] == 0xFF
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        markers.append(marker)
        position += 2 + length
        if marker == 0xDA:
            break
    # Entropy-coded data never holds FF D9 (an FF there is followed by 00 or a restart marker), so the
    # first FF D9 after the scan header is the end of the image.
    end = data.index(b"\xff\xd9", position) + 2
    return markers, data[end:]
