"""Data files of ``backend.identity`` (a package so that they ship in the wheel): ``regions.csv``
(made by scripts/build_regions.py) and the hand-written ``region_*_manual.csv`` it reads."""
