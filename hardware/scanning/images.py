"""Reading image files for the decoder (the CLI, the camera simulator, enrollment by QR image)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from kiosk.errors import ValidationError


class ImageUnreadable(ValidationError):
    """A file that is missing, unreadable or not an image OpenCV can decode."""

    code = "image_unreadable"


def load_image(path: str | Path) -> np.ndarray:
    """The image at ``path`` as a BGR uint8 array; ``ImageUnreadable`` says why not."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise ImageUnreadable(f"no such file: {file}", field=str(file),
                              hint="check the path and the working directory") from None
    except IsADirectoryError:
        raise ImageUnreadable(f"{file} is a directory, not an image file", field=str(file),
                              hint="name the image files themselves") from None
    except OSError as exc:
        raise ImageUnreadable(f"cannot read {file}: {exc.strerror}", field=str(file),
                              hint="check the file's permissions") from None
    if not data:
        raise ImageUnreadable(f"{file} is empty", field=str(file), hint="copy the image again")
    # imdecode rather than imread: imread cannot open non-ASCII paths on every platform.
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        raise ImageUnreadable(f"{file} is not an image OpenCV can decode", field=str(file),
                              hint="use PNG, JPEG, WebP, BMP or TIFF")
    return image

