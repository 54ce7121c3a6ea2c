"""The pages of international cooperation, one module per part: authorities (the directory),
and the legal-basis finder and request writer in their own modules."""
