"""Why an uploaded file was refused, as a stable code and its parameters.

The words a person reads come from the message catalog, keyed by ``code`` and filled from ``params``
(issue 4, item 2: "照片太大了，请小于 20MB"); nothing here is a sentence for people. Every code that
`normalise_image` raises:

========================  ==============================================  ===================================
code                      when                                            params
========================  ==============================================  ===================================
``empty``                 zero bytes arrived                              (none)
``too_large``             more bytes than the limit                       ``limit_bytes``, ``size_bytes``
``not_an_image``          the bytes are no format we recognise            (none)
                          (text, HTML, a ZIP, an unknown binary)
``unsupported_format``    a recognised format we do not take              ``detected``: ``gif``, ``bmp``,
                          (see `formats.sniff_format`)                    ``tiff``, ``pdf``, ``avif``,
                                                                          ``video``
``truncated``             the bytes start like a JPEG, PNG, HEIC or       ``detected``
                          WebP but cannot be decoded to the end: cut
                          off in transfer, or damaged
``too_many_pixels``       the declared width x height exceeds the pixel   ``width``, ``height`` (None
                          limit (decompression-bomb guard; nothing is     when the header could not be
                          decoded)                                        read), ``limit_pixels``
``too_small``             the short side is under the minimum, too        ``width``, ``height``, ``min_side``
                          small to read a document from
``animated``              a PNG or WebP with more than one frame: a       ``frames``
                          sticker or animation, not a photo of a paper
========================  ==============================================  ===================================
"""

from __future__ import annotations

from functools import partial
from typing import Any

REFUSAL_CODES: frozenset[str] = frozenset({
    "empty", "too_large", "not_an_image", "unsupported_format", "truncated", "too_many_pixels", "too_small",
    "animated",
})


class RefusedFile(ValueError):
    """An upload we will not store, with a stable `code` and the `params` its message needs."""

    def __init__(self, code: str, **params: Any) -> None:
        if code not in REFUSAL_CODES:
            raise ValueError(f"unknown refusal code {code!r}")
        self.code = code
        self.params: dict[str, Any] = params
        super().__init__(code, params)

    def __reduce__(self) -> tuple:
        # Keeps the code and params when a refusal crosses a process boundary (a job queue, a worker pool).
        return (partial(RefusedFile, self.code, **self.params), ())

    def __str__(self) -> str:
        if not self.params:
            return self.code
        details = ", ".join(f"{key}={value!r}" for key, value in sorted(self.params.items()))
        return f"{self.code} ({details})"
