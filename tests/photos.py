"""Test photos as a phone writes them: EXIF with GPS, camera, date and orientation, XMP, a comment."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
MAKE, MODEL, DATETIME, ORIENTATION, ARTIST = 0x010F, 0x0110, 0x0132, 0x0112, 0x013B
DATETIME_ORIGINAL = 0x9003
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description photoshop:City="Zarechinsk"/></rdf:RDF></x:xmpmeta>'
)


def phone_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[MODEL] = "Phone 12 Pro"
    exif[DATETIME] = "2025:09:12 10:31:00"
    exif[ARTIST] = "Ivanova Maria"
    exif[ORIENTATION] = orientation
    exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = "2025:09:12 10:31:00"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (55.0, 45.0, 21.0), 3: "E", 4: (37.0, 37.0, 4.0)})
    return exif


def write_photo(path: Path, size: tuple[int, int] = (640, 480), fmt: str = "JPEG", orientation: int = 1) -> Path:
    """A photo with GPS coordinates, camera and dates in it (left half red, right half blue)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, "red")
    image.paste(Image.new("RGB", (size[0] // 2, size[1]), "blue"), (size[0] // 2, 0))
    options: dict[str, object] = {"exif": phone_exif(orientation).tobytes()}
    if fmt == "JPEG":
        options.update(comment=b"Ivanova Maria, Zarechinsk", xmp=XMP, quality=92)
    elif fmt == "WEBP":
        options["xmp"] = XMP
    image.save(path, format=fmt, **options)
    return path


def metadata_of(path: Path) -> dict[str, object]:
    """What a reader of the file could learn besides the picture."""
    with Image.open(path) as image:
        exif = image.getexif()
        return {
            "exif": {k: v for k, v in exif.items() if k not in (0x0128, 0x011A, 0x011B, 0x0213)},
            "gps": dict(exif.get_ifd(GPS_IFD)),
            "info": sorted(
                k for k in image.info if k not in ("jfif", "jfif_version", "jfif_unit", "jfif_density", "dpi")
            ),
            "size": image.size,
        }
