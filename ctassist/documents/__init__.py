"""One base for every document ctassist makes (PDF, DOCX, XLSX), in the six UN languages.

- `pdf.render_pdf`: a Django template rendered in the document's language and printed by
  WeasyPrint (Pango and HarfBuzz shape Arabic and lay it out right to left), with the Noto
  fonts embedded; the templates `documents/base.html` and `documents/document.css` give
  every PDF the same page, type and footer.
- `word.new_document` / `word.save`: python-docx documents that carry their language, the
  East-Asian and complex-script fonts, and right-to-left paragraphs, runs and tables for
  Arabic.
- `sheet.new_workbook`: openpyxl workbooks with the sheet right to left for Arabic and a
  bold header row.

`fonts` names the fonts of each language once, for all three. The review report, the
monthly matrix and the participation table use it; reports to come should too.
"""
