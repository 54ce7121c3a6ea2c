"""The request writer: guided drafting of requests for mutual legal assistance, extradition
and provisional arrest (checklist, form, document, and what a draft takes from the directory
and the legal-basis finder)."""
