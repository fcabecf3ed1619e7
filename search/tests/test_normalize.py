"""The embedded back end's French normalisation under gunicorn's threads."""

import itertools
import sys
import threading

from search import normalize


def test_threads_stem_concurrently_without_garbling_words():
    # Switch threads as often as possible, so that a stemmer shared between
    # threads would be caught mid-word (it raised IndexError under load).
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    words = [
        "".join(letters) + suffix
        for letters in itertools.product("abcdefgh", repeat=3)
        for suffix in ("erions", "issements", "ations")
    ]
    stem = normalize.stem.__wrapped__  # past the cache: stem every time
    expected = {word: stem(word) for word in words}
    wrong = []

    def work():
        try:
            wrong.extend(w for w in words if stem(w) != expected[w])
        except IndexError as error:
            wrong.append(repr(error))

    threads = [threading.Thread(target=work) for _ in range(8)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(previous)
    assert wrong == []


def test_nouns_in_x_meet_their_singular_and_adjectives_stay():
    from search import normalize

    for plural, singular in (("lieux", "lieu"), ("enjeux", "enjeu"), ("jeux", "jeu")):
        assert normalize.stem(plural) == normalize.stem(singular)
    assert normalize.terms("tiers-lieux") == normalize.terms("Tiers-lieu")
    assert normalize.stem("heureux") != normalize.stem("heure")
