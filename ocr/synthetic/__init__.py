"""Synthetic documents and phone photos of them, for tests and the benchmark (never real people)."""

from ocr.synthetic.people import Certificate, IdCardBack, Person, make_certificate, make_id_card_back, make_person
from ocr.synthetic.photo import Photo, phone_photo
from ocr.synthetic.render import Rendered, render_certificate, render_id_card_back, render_id_card_front
from ocr.synthetic.samples import Sample, make_sample

__all__ = [
    "Certificate", "IdCardBack", "Person", "Photo", "Rendered", "Sample", "make_certificate", "make_id_card_back",
    "make_person", "make_sample", "phone_photo", "render_certificate", "render_id_card_back",
    "render_id_card_front",
]
