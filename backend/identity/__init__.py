"""Identity numbers and places: 公民身份号码 (``id_numbers``), 残疾人证号 (``certificate_numbers``),
GB/T 2260 region codes (``regions``) and synthetic people for demos and tests (``synthetic``)."""
