"""Recognition engines behind one small boundary (`TextEngine`). Models load when an engine is made, never
at import."""

from ocr.engines.boundary import TextEngine, TextLine

ENGINES = ("rapidocr", "tesseract")
DEFAULT_ENGINE = "rapidocr"


def make_engine(name: str = DEFAULT_ENGINE, threads: int = 1) -> TextEngine:
    if name == "rapidocr":
        from ocr.engines.rapid import RapidOcrEngine

        return RapidOcrEngine(threads=threads)
    if name == "tesseract":
        from ocr.engines.tesseract import TesseractEngine

        return TesseractEngine(threads=threads)
    raise ValueError(f"unknown engine {name!r}; choose one of {', '.join(ENGINES)}")


__all__ = ["DEFAULT_ENGINE", "ENGINES", "TextEngine", "TextLine", "make_engine"]
