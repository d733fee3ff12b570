"""The SQLite cache of engine answers: persistent, keyed by engine, languages and text, safe across threads."""

from __future__ import annotations

import threading

import pytest

from presslate.mt.cache import CacheError, TranslationCache, open_cache

TEXT = "{1} is participating in this week’s regional consultations in Amman, Jordan."


def test_answers_persist_and_are_keyed_by_engine_and_languages(tmp_path):
    with open_cache(tmp_path / "cache") as cache:
        cache.put(engine="deepl", source="en", target="fr", text=TEXT, translation="{1} participe")
    assert (tmp_path / "cache" / ".gitignore").read_text() == "*\n"
    with open_cache(tmp_path / "cache") as cache:
        assert cache.get(engine="deepl", source="en", target="fr", text=TEXT) == "{1} participe"
        assert cache.get(engine="google", source="en", target="fr", text=TEXT) is None
        assert cache.get(engine="deepl", source="en", target="es", text=TEXT) is None
        assert cache.get(engine="deepl", source="en", target="fr", text=TEXT + " ") is None


def test_many_threads_and_two_connections_write_at_once(tmp_path):
    path = tmp_path / "cache.sqlite3"
    first, second = TranslationCache(path), TranslationCache(path)

    def work(cache: TranslationCache, offset: int) -> None:
        for n in range(50):
            cache.put(engine="libre", source="en", target="ko", text=f"sentence {offset + n}", translation=f"문장 {n}")

    threads = [threading.Thread(target=work, args=(cache, i * 50)) for i, cache in enumerate([first, second] * 3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(first) == 300
    assert second.get(engine="libre", source="en", target="ko", text="sentence 299") == "문장 49"
    first.close()
    second.close()


def test_a_damaged_cache_file_is_reported_with_its_path(tmp_path):
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(CacheError) as caught:
        TranslationCache(path)
    assert caught.value.path == path
