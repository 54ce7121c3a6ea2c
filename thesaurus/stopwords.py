"""Function words left out of search queries (never out of the index; legislation.search.query).

A query word that is one of these in a language it may be written in does not have to
match, unless the query has nothing else: "financement du terrorisme" needs neither
"du" nor, in English, "of". Short lists on purpose: only words that carry no meaning in
a legal search.
"""

STOPWORDS = {
    "en": frozenset(
        "a an and are as at be by for from has have in into is it its of on or that the their this "
        "to was were which with".split()
    ),
    "fr": frozenset(
        "à au aux ce ces d dans de des du en est et il ils l la le les leur leurs ou par pour qu que "
        "qui sa se ses son sur un une".split()
    ),
    "es": frozenset("a al con de del el en es la las lo los o para por que se su sus un una y".split()),
    "de": frozenset(
        "am an auf aus bei das dem den der des die ein eine einem einen einer eines für im in ist "
        "mit nach oder sind und vom von wird werden zu zum zur".split()
    ),
    "ru": frozenset("а в во для до же за и из или к как ко ли на не но о об от по с со что".split()),
    "ar": frozenset("في من على إلى الى عن أو او و ما لا أن ان التي الذي هذا هذه ذلك مع".split()),
    "zh": frozenset("的 了 和 与 或 及 在 是".split()),
}
