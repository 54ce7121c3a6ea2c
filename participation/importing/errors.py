from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        if self.field:
            where += f", field {self.field!r}"
        return f"{where}: {self.message}"


class ImportFailed(Exception):
    """The file was not imported; nothing was written. Holds every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = problems[:25]
        text = "\n".join(str(problem) for problem in shown)
        if len(problems) > len(shown):
            text += f"\n… and {len(problems) - len(shown)} more problems"
        super().__init__(text)
