"""Letter confusions a document teaches the spelling stage.

The packaged confusion model is learned from one engine's errors
(Tesseract's, on the sample book and the newspapers). Another engine, or the
same one with another face, has habits that model never saw: GOCR reads
Pagella's ``u`` as ``w`` (``Commwnist``, ``fwnction``, ``opportwnity``) and
Bonum's ``k`` as ``h``. For the model those are letter-for-letter rewrites
it never met, as dear as any chance one, so the words stay, or worse, a
recurring misreading is trusted as the document's own word.

The document shows the habit: put one letter in the place of another and
word after word it does not know becomes a common word. A chance rewrite
does that for a few words (names and rare words one letter from a common
one); an engine's habit for ten different words or more. Such a rewrite
costs, in this document's reading, what a classic confusion costs, and the
rest of the stage (candidates, the trust in recurring forms, the evidence a
capitalised word needs) follows from the cost.

Only one small letter read for another is taught here: rewrites of pieces
and of marks (``rn`` for ``m``, ``_`` for a glyph) are the characters
stage's learned substitutions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from string import ascii_uppercase

from clean_scan.confusion import LETTERS, ConfusionModel
from clean_scan.lexicon import MIN_CANDIDATE_DIGITS, Lexicon, proper_names

MIN_WORDS = 10
"""Different unknown forms a rewrite must turn into known words to be the
engine's habit: a chance one finds a few (the tuning pamphlets' commonest
chance rewrites reach seven)."""
MIN_SHARE = 1 / 3
"""The least share of the unknown forms holding the letter read that the
rewrite must make known: an engine's habit explains most of them (GOCR's
``w`` for ``u``: two thirds and more), a chance rewrite a few among many
(``t`` for ``f`` on a rough page: a sixth)."""
TAUGHT_COST = 4.0
"""What a taught rewrite costs: as much as a classic confusion of the
packaged model (``c`` for ``e``, ``li`` for ``h`` cost 3 to 5)."""
MIN_LENGTH = 5
"""The shortest form that teaches: a short one is one letter from some word
whatever the letter."""
MAX_LENGTH = 24
"""The longest form that teaches or is judged: longer ones are words run
together or garbage, and every rewrite of one would be a string as long."""
MAX_FORMS = 3000
"""The most unknown forms (the most printed first) a rewrite is learned
from: a habit shows in a few hundred."""


def taught_model(model: ConfusionModel, pairs: tuple[tuple[str, str], ...]) -> ConfusionModel:
    """``model`` with the rewrites a document teaches (:func:`taught_pairs`)
    at ``TAUGHT_COST``; ``model`` itself when it teaches none, as most
    documents read by the engine the model knows do.

    >>> from clean_scan.confusion import load_confusions
    >>> taught_model(load_confusions(), (("w", "u"),)).piece_cost("w", "u")
    4.0
    """
    return _with_pairs(model, pairs) if pairs else model


def taught_neighbour(form: str, pairs: tuple[tuple[str, str], ...], lexicon: Lexicon) -> bool:
    """Whether one of the taught rewrites turns ``form`` (lower case) into a
    common word: then the form's recurrence is the engine's habit
    repeating, and vouches for nothing (``bachward`` printed twice).

    >>> from clean_scan.lexicon import load_lexicon
    >>> taught_neighbour("bachward", (("h", "k"),), load_lexicon())
    True
    >>> taught_neighbour("bachward", (("w", "u"),), load_lexicon())
    False
    """
    if len(form) > MAX_LENGTH:
        return False
    words = lexicon.words
    for read, printed in pairs:
        at = form.find(read)
        while at >= 0:
            count = words.get(form[:at] + printed + form[at + 1:])
            if count is not None and len(count) > MIN_CANDIDATE_DIGITS:
                return True
            at = form.find(read, at + 1)
    return False


def taught_pairs(doc_lower: Counter[str], lexicon: Lexicon,
                 model: ConfusionModel) -> tuple[tuple[str, str], ...]:
    """The (read, printed) small letters that make common words (or words
    the document prints) of ``MIN_WORDS`` different unknown forms or more,
    and of ``MIN_SHARE`` of those holding the letter read, where the model
    finds the rewrite dearer than ``TAUGHT_COST``.

    >>> from clean_scan.confusion import load_confusions
    >>> from clean_scan.lexicon import load_lexicon
    >>> words = ("commwnist fwnction opportwnity wnderstood wnless wntil begwn "
    ...          "fowndation cowntry amownt commwnity").split()
    >>> taught_pairs(Counter(words), load_lexicon(), load_confusions())
    (('w', 'u'),)
    >>> taught_pairs(Counter(words[:9]), load_lexicon(), load_confusions())
    ()

    Nor where the document's unknown forms hold the letter far more often
    than the rewrite explains (a chance rewrite among garbles):

    >>> garbles = [f"wqz{a}{b}x" for a in "bcdfg" for b in "hjklmn"]
    >>> taught_pairs(Counter(words + garbles), load_lexicon(), load_confusions())
    ()
    """
    words = lexicon.words
    unknown = [form for form, _ in sorted(doc_lower.items(), key=lambda kv: -kv[1])
               if MIN_LENGTH <= len(form) <= MAX_LENGTH and form.isascii() and form.isalpha()
               and form.islower() and form not in words][:MAX_FORMS]
    taught: dict[tuple[str, str], set[str]] = defaultdict(set)
    for form in unknown:
        for at, read in enumerate(form):
            head, tail = form[:at], form[at + 1:]
            for letter in LETTERS:
                word = head + letter + tail
                count = words.get(word)
                if count is not None and letter != read and (
                        len(count) > MIN_CANDIDATE_DIGITS or doc_lower.get(word, 0)):
                    taught[(read, letter)].add(form)
    return tuple(sorted(pair for pair, forms in taught.items()
                        if len(forms) >= MIN_WORDS and model.piece_cost(*pair) > TAUGHT_COST
                        and len(forms) >= MIN_SHARE * sum(pair[0] in form for form in unknown)))


def _with_pairs(model: ConfusionModel, pairs: tuple[tuple[str, str], ...]) -> ConfusionModel:
    """A copy of ``model`` with ``pairs`` at ``TAUGHT_COST``, kept for the
    next documents of a batch (read by the same engine, they teach the
    same), so its cost tables are made once."""
    key = (id(model), pairs)
    found = _TAUGHT_MODELS.get(key)
    if found is None:
        table = {ocr: dict(printed) for ocr, printed in model.table.items()}
        for read, printed in pairs:
            table.setdefault(read, {})[printed] = TAUGHT_COST
        if len(_TAUGHT_MODELS) >= KEPT_MODELS:
            _TAUGHT_MODELS.clear()
        found = _TAUGHT_MODELS[key] = ConfusionModel(table)
    return found


KEPT_MODELS = 8
_TAUGHT_MODELS: dict[tuple[int, tuple[tuple[str, str], ...]], ConfusionModel] = {}


HABIT_NAMES = 2
"""Different words in small letters that a capital put for their first
letter makes names of, for a document to show its engine reads that
capital as that small letter."""
MIN_HABIT_LENGTH = 5
"""The shortest word that may show a habit: shorter ones (and the pieces of
broken words, ``nion``) become some name with some capital."""
HABIT_NAME_DIGITS = 8
"""The digits of the count a name must have to show a habit (ten million
and more: ``Russia``, ``London``): an engine's habit shows first in the
names a text prints most, a chance one in rare names (``Zion``, ``Tracy``)."""


def capital_habits(small: Counter[str], lexicon: Lexicon) -> dict[str, str]:
    """The small letters this document's engine gives for a capital opening
    a word, each with its capital: where ``HABIT_NAMES`` different unknown
    words printed in small letters (``small``) become names the lexicon
    knows only capitalised with one capital for their first letter (GNU
    Ocrad's ``kussia``, ``kussian`` for ``Russia``, ``Russian``). A word
    read with that letter changed then opens with the capital
    (:func:`~clean_scan.stages.spelling.known.capital_restored`:
    ``kadicals`` is ``Radicals``), and the letter for its small one is
    taught (:func:`taught_model`: ``kevolution`` is ``Revolution``, no
    ``evolution``).

    >>> from clean_scan.lexicon import load_lexicon
    >>> capital_habits(Counter(["kussia", "kussian", "people"]), load_lexicon())
    {'k': 'R'}
    >>> capital_habits(Counter(["kussia", "people"]), load_lexicon())
    {}
    """
    names, words = proper_names(), lexicon.words
    made: dict[tuple[str, str], set[str]] = defaultdict(set)
    for form in small:
        if len(form) < MIN_HABIT_LENGTH or not form.isalpha() or form in words:
            continue
        for capital in ascii_uppercase:
            name = capital.lower() + form[1:]
            if capital.lower() != form[0] and name in names and \
                    len(words.get(name, "")) >= HABIT_NAME_DIGITS:
                made[(form[0], capital)].add(form)
    habits: dict[str, str] = {}
    for (letter, capital), forms in sorted(made.items(), key=lambda item: -len(item[1])):
        if len(forms) >= HABIT_NAMES:
            habits.setdefault(letter, capital)
    return habits
