"""Shared by the tests of legislation.segmentation."""

from legislation.document import ParsedLaw


def find(law: ParsedLaw, eid: str):
    return next((provision for provision in law.walk() if provision.eid == eid), None)
