"""Lists cut into batches, for statements that take a bounded number of parameters."""


def chunks(items: list, size: int):
    for index in range(0, len(items), size):
        yield items[index : index + size]
