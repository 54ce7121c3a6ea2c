"""Reading uploaded law files and writing exports, safely.

    read_upload(filename, data)  -> ("text", str) | ("akn", ParsedLaw)
    akn_export(meta, law)        -> Akoma Ntoso 3.0 bytes, valid against the OASIS schema
    akn_import(data)             -> ParsedLaw
    validate_akn(data)           -> None, or ConversionError with the schema's first error
    docx_export(meta, law)       -> DOCX bytes

Every failure is a legislation.document.ConversionError.
"""

from legislation.converters.akn import akn_export, akn_import, validate_akn
from legislation.converters.docx_writer import docx_export
from legislation.converters.limits import MAX_UPLOAD_BYTES
from legislation.converters.uploads import ACCEPTED_EXTENSIONS, read_upload
from legislation.document import ConversionError

__all__ = [
    "ACCEPTED_EXTENSIONS",
    "MAX_UPLOAD_BYTES",
    "ConversionError",
    "akn_export",
    "akn_import",
    "docx_export",
    "read_upload",
    "validate_akn",
]
