"""French text normalisation for the embedded back end, matching the
Elasticsearch chain: elision, lowercase, ASCII folding, French stop words and
the Snowball French stemmer (snowballstemmer, the library behind Lucene's)."""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# Elided articles and pronouns (l', d', qu', …) and their accent-folded forms.
ELISIONS = {
    "l",
    "m",
    "t",
    "qu",
    "n",
    "s",
    "j",
    "d",
    "c",
    "jusqu",
    "quoiqu",
    "lorsqu",
    "puisqu",
}

# Lucene's French stop words (the `_french_` set), accent-folded.
STOP_WORDS = frozenset(
    """
    a ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez
    aurions aurons auront aux avaient avais avait avec avez aviez avions avons ayant
    ayez ayons c ce ceci cela cet cette d dans de des du elle en es est et etaient
    etais etait etant ete etee etees etes etiez etions eu eue eues eumes eurent eus
    eusse eussent eusses eussiez eussions eut eutes eux fumes furent fus fusse fussent
    fusses fussiez fussions fut futes ici il ils j je l la le les leur leurs lui m ma
    mais me meme mes moi mon n ne nos notre nous on ont ou par pas pour qu que quel
    quelle quelles quels qui s sa sans se sera serai seraient serais serait seras
    serez seriez serions serons seront ses si son soient sois soit sommes sont soyez
    soyons suis sur t ta te tes toi ton tu un une vos votre vous y
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

WORD = re.compile(r"\w+", re.UNICODE)
# Nouns whose plural adds an x to -eu: Snowball keeps « lieux » and « lieu »
# apart (it cannot tell them from adjectives in -eux, « heureux »). The
# common ones are named; « tiers-lieux » then finds « Tiers-lieu ».
PLURALS_IN_X = {
    "adieux": "adieu",
    "cheveux": "cheveu",
    "dieux": "dieu",
    "enjeux": "enjeu",
    "essieux": "essieu",
    "feux": "feu",
    "jeux": "jeu",
    "lieux": "lieu",
    "milieux": "milieu",
    "neveux": "neveu",
    "voeux": "voeu",
}
# A Snowball stemmer keeps the word being stemmed in its own attributes: one
# per thread, or gunicorn's threads garble each other's words (IndexError).
_local = threading.local()


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("french")
    return stemmer


def fold(text):
    """Lowercase and strip accents: « Équipe » → « equipe »."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text):
    """The words of ``text``, lowercased, elisions removed (« l'usager » → usager)."""
    result = []
    for word in WORD.findall((text or "").lower().replace("’", "'")):
        result.append(word)
    return [w for w in result if fold(w) not in ELISIONS]


@lru_cache(maxsize=50_000)
def stem(word):
    """Fold then stem, so « donnees » and « données » meet (as Elasticsearch's
    chain does: asciifolding before the stemmer)."""
    folded = fold(word)
    return _stemmer().stemWord(PLURALS_IN_X.get(folded, folded))


def terms(text):
    """Index/query terms of ``text``: folded, stemmed, without stop words."""
    return [stem(w) for w in words(text) if fold(w) not in STOP_WORDS]


def alternatives(text):
    """For each searched word, the forms that may match it: its stem and the
    folded word itself (Snowball stems « usager » to usag but « usagers » to
    usager: the word form catches what the stem alone misses)."""
    return [{stem(w), fold(w)} for w in words(text) if fold(w) not in STOP_WORDS]


def folded_words(text):
    """Folded words (no stemming), for prefix matching and suggestions."""
    return [fold(w) for w in words(text)]


def as_index_text(text):
    """Space-delimited stems and folded words, so ``LIKE '% term%'`` finds
    prefixes of either."""
    kept = [w for w in words(text) if fold(w) not in STOP_WORDS]
    return " " + " ".join([stem(w) for w in kept] + [fold(w) for w in kept]) + " "
