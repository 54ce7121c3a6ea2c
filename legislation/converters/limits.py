"""The limits every upload is held to, and the size check that comes before anything else."""

from legislation.document import ConversionError

MAX_UPLOAD_BYTES = 20 * 1024 * 1024

# A DOCX is a zip archive: what its entries may expand to, checked before python-docx opens it.
MAX_DOCX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_DOCX_RATIO = 100  # uncompressed : compressed, for each entry
DOCX_RATIO_MIN_BYTES = 1024 * 1024  # smaller entries may be as compressible as they like
MAX_DOCX_ENTRIES = 10_000

MAX_PDF_PAGES = 5_000


def describe_size(size: int) -> str:
    """'52.4 MB (52,428,800 bytes)' — megabytes of 1024 × 1024 bytes, as the limits are set."""
    return f"{size / (1024 * 1024):.1f} MB ({size:,} bytes)"


def check_upload_size(data: bytes) -> None:
    if len(data) > MAX_UPLOAD_BYTES:
        raise ConversionError(
            f"the file is too large: {describe_size(len(data))}; "
            f"the limit is {describe_size(MAX_UPLOAD_BYTES)}"
        )
