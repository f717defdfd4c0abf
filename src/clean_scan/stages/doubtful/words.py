"""Doubtful words: every word left in the text that neither the
lexicon, the project word list nor the document itself supports is flagged
for the reviewer, so that the flags are where the remaining errors are.

The stage changes nothing. Each flag's confidence says how likely the word
is a misreading (the report lists the likeliest first): letters mixed with
figures or marks (``fictkwb-^gives``), capitals inside a word
(``Bumucrscy`` is not, ``terrorBin`` is), a run of letters no English word
has, or a word one letter away from a common one, weigh most; a long
capitalised word (a name the lexicon lacks) least. Its suggestions are the
known words one edit away, commonest first.

Left alone: known words and their possessives and compounds, numbers,
roman numerals, words the document prints three times or more (but in a
shape only a misreading gives, ``IRnin``: an engine's habit repeats it),
words of the project word list, and single letters.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from clean_scan.document import Flag
from clean_scan.lexicon import known_form, load_lexicon
from clean_scan.stage import Context

TOKEN = regex.compile(r"[^\s—–\[\]()/]+")
"""A word as the reader sees it: parted by spaces, dashes, brackets and
slashes (``or—if``, ``Finland[1]``)."""
ABBREVIATION = regex.compile(r"^(?:\p{L}\.)+\p{L}?\.?$|^\d+(?:st|nd|rd|th|s)$")
"""``U.S.S.R``, ``G.P.U.``, ``22nd``, ``1930s``."""
WORD_CORE = regex.compile(r"^[\p{P}\p{S}]*(.*?)[\p{P}\p{S}]*$")
ROMAN = regex.compile(r"(?i)^[ivxlcdm]+$")
SUPPORTED = 3
"""How often the document must print a form for it to stand by itself."""
MISREAD_SHAPE = regex.compile(r"^\p{Lu}\p{Lu}\p{Ll}|\p{Ll}\p{Lu}(?=\p{Ll})")
"""A word's shape no print gives but a misread one: two capitals opening a
word in small letters (``IRnin``), a capital between small letters
(``diRerent``). An engine's habit repeats it, so the document's printing
it again vouches for nothing."""
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def word_flags(text: str, context: Context) -> list[Flag]:
    """Flag every unsupported word of the text.

    Each distinct token is judged once; only the tokens found doubtful, or
    short plain words worth weighing in context, are visited where they
    stand (a book has some thirty thousand tokens and six thousand kinds).
    """
    lexicon = load_lexicon()
    matches = list(TOKEN.finditer(text))
    tokens = [m.group() for m in matches]
    kinds, cores, lowered = _vocabulary(Counter(tokens))
    trusted = {w.lower() for w in context.extra_words}
    doubted = {t for t in kinds if _doubtful(cores[t][1], lexicon, lowered, trusted)}
    weighable = {t for t in kinds if t not in doubted and _weighable(t, lexicon, lowered)}
    words = Words(matches, tokens, cores)
    flags = []
    neighbours: dict[str, tuple[str, ...]] = {}
    for k in [k for k, token in enumerate(tokens) if token in doubted or token in weighable]:
        start, word, token = words[k]
        if token in doubted:
            flags.append(Flag(start, start + len(word), word, "unknown-word",
                              round(_likely_error(word, lexicon), 3),
                              "not in the lexicon, the word list or elsewhere in the document",
                              _suggestions(word, lexicon)))
            continue
        better = _likelier_in_context(words, k, lexicon, lowered, trusted, neighbours)
        if better:
            flags.append(Flag(start, start + len(word), word, "unlikely-word", 0.5,
                              f"a word, but not one seen beside its neighbours; '{better}' "
                              "is, beside both", (better,)))
            continue
        common = _rare_beside_very_common(word, lexicon, trusted)
        if common:
            flags.append(Flag(start, start + len(word), word, "rare-near-common", 0.4,
                              f"a rare word one letter from the very common '{common[0]}'",
                              common))
    return flags


VERY_COMMON = 100_000_000
"""Counts from which a word is among the few hundred commonest of English:
a rare word one slip from one of them is as often that word misread."""


def _rare_beside_very_common(word: str, lexicon, trusted: set[str]) -> tuple[str, ...]:
    """The very common words one edit from ``word``, where ``word`` is a
    rare one (``amd`` beside ``and``, ``Tarty`` beside ``Party``), or ().

    >>> lex = load_lexicon()
    >>> _rare_beside_very_common("amd", lex, set()), _rare_beside_very_common("hand", lex, set())
    (('and', 'am', 'add'), ())
    """
    lower = word.lower()
    if lower in trusted or lexicon.common(lower) or not lower.isalpha() or len(lower) < 3:
        return ()
    found = tuple(w for w in _suggestions(word, lexicon, limit=3)
                  if lexicon.count(w) >= VERY_COMMON)
    return found


LONE_LETTER = regex.compile(r"(?<![^\s—–])(?![ai](?![\p{L}]))\p{Ll}(?=[,;:]?(?:\s|—|–|$))")
"""A small letter standing alone, ``a`` and ``i`` aside (``of o the``, ``a v
plan``); one in brackets or with a stop (a list's ``(b)``, ``b.``) is not
alone."""


LONE_CAPITAL = regex.compile(
    r"(?<=[\p{Ll}.,;:!?—–_'’\"”)-]\s*)(?<!\p{Lu}\p{L}*\s*)"
    r"(?<![^\s—–])(?![AIO](?!\p{L}))\p{Lu}"
    r"(?=[,;:]?(?:[ \t\n]|—|–|$))")
"""A capital letter standing alone, with no stop after it (an initial has
one), after a word in small letters or a mark: not in a name (``Company
E``, ``LONDON W``), and not ``A``, ``I`` or ``O``."""


def lone_letter_flags(text: str) -> list[Flag]:
    """Flag each small letter standing alone: English has no such word but
    ``a`` (and ``i`` read for ``I``), and specks and broken letters make many.
    So with a capital standing alone in a sentence, no initial (``the F
    U.S.S.R.``, ``ex- E ecuted``): a margin's dirt or a letter broken off.

    >>> [f.text for f in lone_letter_flags("the end o of it, (b) item, b. next, a man")]
    ['o']
    >>> [f.text for f in lone_letter_flags("the F U.S.S.R., Company E, W. Smith, I said, A man")]
    ['F']
    """
    small = [Flag(m.start(), m.end(), m.group(), "standing-letter", 0.7,
                  "a small letter standing alone: no English word but 'a'", ())
             for m in LONE_LETTER.finditer(text)]
    capitals = [Flag(m.start(), m.end(), m.group(), "standing-letter", 0.6,
                     "a capital standing alone in a sentence, no initial: a speck or a "
                     "broken letter", ("",))
                for m in LONE_CAPITAL.finditer(text)]
    return sorted(small + capitals, key=lambda f: f.start)


class Words:
    """The text's tokens as ``(start, word, token)``, made when asked."""

    def __init__(self, matches: list[regex.Match], tokens: list[str],
                 cores: dict[str, tuple[int, str]]) -> None:
        self.matches, self.tokens, self.cores = matches, tokens, cores

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, k: int) -> tuple[int, str, str]:
        token = self.tokens[k]
        offset, word = self.cores[token]
        return self.matches[k].start() + offset, word, token


SHORT = 5
"""Only words this short are weighed in context: OCR's real-word slips are
short words (``amd``, ``hem``, ``id``), long ones have few neighbours."""


def _weighable(token: str, lexicon, counts: dict[str, int]) -> bool:
    """Whether a token is a plain word worth weighing where it stands: one
    the document seldom uses (an OCR slip makes a rare form; ``the``, ``of``
    and the document's own words are printed as they stand), short and in
    small letters, or of any case but rare in print."""
    if not token.isalpha() or counts.get(token.lower(), 0) >= SUPPORTED:
        return False
    return (len(token) <= SHORT and token.islower()) or not lexicon.common(token)


def _likelier_in_context(words: list[tuple[int, str, str]], k: int, lexicon,
                         counts: dict[str, int], trusted: set[str],
                         neighbours: dict[str, tuple[str, ...]]) -> str:
    """A common word one edit from word ``k`` that the lexicon's word pairs
    attest beside both its neighbours in the sentence, where the word
    itself is attested beside neither, or ''.

    >>> def words(text):
    ...     return [(0, w, w) for w in text.split()]
    >>> _likelier_in_context(words("bread amd butter"), 1, load_lexicon(), {}, set(), {})
    'and'
    >>> _likelier_in_context(words("bread and butter"), 1, load_lexicon(), {}, set(), {})
    ''
    """
    _, word, token = words[k]
    lower = word.lower()
    if not lower.isalpha() or len(lower) > SHORT or lower in trusted or len(lower) < 2 \
            or word[:1].isupper():
        return ""
    if k > 0 and words[k - 1][2][-1:] in ".!?" or token != word:
        return ""  # a sentence's first word, or one with marks: the pairs say little
    before = words[k - 1][1].lower() if k and words[k - 1][2] == words[k - 1][1] else ""
    after = words[k + 1][1].lower() if k + 1 < len(words) and \
        words[k + 1][2][:1].isalpha() else ""
    if not (before and after):
        return ""
    if lexicon.pair_count(before, lower) or lexicon.pair_count(lower, after):
        return ""  # the word reads as printed beside one neighbour at least
    options = neighbours.get(lower)
    if options is None:
        options = neighbours[lower] = tuple(w for w in _suggestions(lower, lexicon, limit=8)
                                            if lexicon.common(w))
    scored = [(lexicon.pair_count(before, w) * lexicon.pair_count(w, after), w) for w in options]
    best = max(scored, default=(0, ""))
    return best[1] if best[0] else ""


def _core(token: str) -> tuple[int, str]:
    """Where in the token its word begins, and the word (the marks around
    it taken off)."""
    if token.isalpha():
        return 0, token
    word = token.strip(MARKS)
    if word and word[0].isalnum() and word[-1].isalnum():  # the common case, done by strip
        return token.index(word), word
    core = WORD_CORE.match(token)
    return core.start(1), core.group(1)


MARKS = "\"'“”‘’.,;:!?*«»…-_|<>^~`°"
"""The marks that most often stand around a word, stripped without a regex."""


def _doubtful(word: str, lexicon, counts: dict[str, int], trusted: set[str]) -> bool:
    if len(word) < 2 or not any(c.isalpha() for c in word) or ABBREVIATION.match(word):
        return False
    lower = word.lower()
    if lower in trusted or counts.get(lower, 0) >= SUPPORTED and not MISREAD_SHAPE.search(word):
        return False
    if word.isdigit() or ROMAN.match(word) or word.isupper() and len(word) <= 4:
        return False  # numbers, roman numerals, abbreviations (``U.S.S.R``)
    if any(c.isdigit() for c in word) and not any(c.isalpha() for c in word[1:-1]):
        return False  # ``1941``, ``2nd``, ``10s``
    return not known_form(word, lexicon) and not known_form(word.strip("'’-."), lexicon)


def _likely_error(word: str, lexicon) -> float:
    """How likely the unsupported word is a misreading, 0-1.

    >>> lex = load_lexicon()
    >>> [round(_likely_error(w, lex), 2) for w in ("fictkwb-^gives", "tbe", "Krestintern")]
    [0.8, 0.65, 0.25]
    """
    letters = sum(c.isalpha() for c in word)
    score = 0.5
    if letters < len(word.replace("-", "").replace("'", "").replace("’", "")):
        score += 0.3  # figures or marks among the letters
    inner = word[1:]
    if any(c.isupper() for c in inner) and not word.isupper():
        score += 0.2  # a capital inside a word
    if _suggestions(word, lexicon):
        score += 0.15  # one slip from a known word
    if word[:1].isupper() and word[1:].islower() and len(word) >= 7:
        score -= 0.25  # a long name the lexicon lacks
    return max(0.05, min(0.99, score))


def _suggestions(word: str, lexicon, limit: int = 3) -> tuple[str, ...]:
    """Known words one edit away (a letter changed, dropped or added, two
    swapped), commonest first, in the word's case."""
    found = _neighbours(word.lower(), limit) if lexicon is load_lexicon() else \
        _known_neighbours(word.lower(), lexicon, limit)
    if word[:1].isupper():
        return tuple(w.capitalize() for w in found)
    return found


@lru_cache(maxsize=1 << 16)
def _neighbours(lower: str, limit: int) -> tuple[str, ...]:
    """:func:`_known_neighbours` in the packaged lexicon, remembered: a
    collection repeats its names and garbles from file to file."""
    return _known_neighbours(lower, load_lexicon(), limit)


def _known_neighbours(lower: str, lexicon, limit: int) -> tuple[str, ...]:
    if not lower.isalpha() or len(lower) > 20:
        return ()
    splits = [(lower[:i], lower[i:]) for i in range(len(lower) + 1)]
    edits = {head + tail[1:] for head, tail in splits if tail}
    edits |= {head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1}
    edits |= {head + c + tail[1:] for head, tail in splits if tail for c in ALPHABET}
    edits |= {head + c + tail for head, tail in splits for c in ALPHABET}
    edits.discard(lower)
    known = edits & lexicon.words.keys()  # a set operation, in C
    return tuple(sorted((w for w in known if len(w) > 1),
                        key=lambda w: (-lexicon.count(w), w))[:limit])


def doubtful_share(text: str) -> tuple[int, int]:
    """How many words of ``text`` nothing supports, and how many words it
    has: an estimate of how well it was read (the batch index shows it for
    the raw and the clean text).

    >>> doubtful_share("the tbe counci1 met")
    (2, 4)
    """
    lexicon = load_lexicon()
    kinds, cores, lowered = _vocabulary(Counter(TOKEN.findall(text)))
    doubtful = sum(n for token, n in kinds.items()
                   if _doubtful(cores[token][1], lexicon, lowered, set()))
    return doubtful, sum(kinds.values())


def _vocabulary(kinds: Counter[str]) -> tuple[Counter[str], dict[str, tuple[int, str]],
                                              Counter[str]]:
    """The text's tokens counted, each token's word (:func:`_core`), and the
    words counted in lower case: what judging a word by the document needs."""
    cores = {token: _core(token) for token in kinds}
    lowered: Counter[str] = Counter()
    for token, n in kinds.items():
        lowered[cores[token][1].lower()] += n
    return kinds, cores, lowered

