"""Text from an uploaded PDF, page by page, through pypdf."""

import io

from legislation.converters import limits
from legislation.converters.text import clean_text
from legislation.document import ConversionError

NO_TEXT_LAYER = "the PDF has no text layer; it is probably a scan: OCR it first"


def _broken(error: Exception, where: str = "") -> ConversionError:
    return ConversionError(f"the PDF is broken{where}: {type(error).__name__}: {error}")


def read_pdf(data: bytes) -> str:
    if b"%PDF-" not in data[:1024]:
        raise ConversionError("the file is not a PDF: it does not start with %PDF-")
    # pypdf is heavy: loaded only when an uploaded PDF is read.
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            # Many PDFs are encrypted only to restrict printing or copying, with an empty user password.
            if not reader.decrypt(""):
                raise ConversionError("the PDF is password-protected: remove the password first")
        count = len(reader.pages)
    except ConversionError:
        raise
    except (FileNotDecryptedError, DependencyError) as error:
        raise ConversionError(f"the PDF is password-protected or encrypted: {error}") from None
    except Exception as error:  # pypdf raises many kinds of error on a damaged file
        raise _broken(error) from None
    if count == 0:
        raise ConversionError("the PDF has no pages")
    if count > limits.MAX_PDF_PAGES:
        raise ConversionError(f"the PDF has {count:,} pages; the limit is {limits.MAX_PDF_PAGES:,}")
    pages: list[str] = []
    for number in range(count):
        try:
            pages.append(reader.pages[number].extract_text() or "")
        except (FileNotDecryptedError, DependencyError) as error:
            raise ConversionError(f"the PDF is password-protected or encrypted: {error}") from None
        except Exception as error:
            raise _broken(error, f" at page {number + 1}") from None
    text = clean_text("\n".join(pages))
    if not text.strip():
        raise ConversionError(NO_TEXT_LAYER)
    return text
