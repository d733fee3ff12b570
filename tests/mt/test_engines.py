"""Engines: deep-translator's real request and parsing code, with only the HTTP layer mocked by ``responses``."""

from __future__ import annotations

import json
import logging
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import responses

from presslate.mt.engines import (
    EngineAnswerError,
    EngineSettings,
    EngineSetupError,
    TransientEngineError,
    create_engine,
    language_candidates,
    pick_language_code,
    resolve_api_key,
)

SOURCE = "IOM is participating in this week’s regional consultations in Amman, Jordan."
FRENCH = "L'OIM participe cette semaine aux consultations régionales à Amman, en Jordanie."
KEY = "s3cr3t-k3y/with+odd=chars:fx"  # ':fx' marks a DeepL free-API key
GOOGLE_URL = "https://translate.google.com/m"
DEEPL_FREE_URL = "https://api-free.deepl.com/v2/translate"
MS_LANGUAGES_URL = "https://api.cognitive.microsofttranslator.com/languages"
MS_TRANSLATE_URL = "https://api.cognitive.microsofttranslator.com/translate"
MYMEMORY_URL = "http://api.mymemory.translated.net/get"
OPENAI_URL = "https://api.openai.com/v1/chat/completions"


def query(call: responses.Call) -> dict[str, list[str]]:
    return parse_qs(urlsplit(call.request.url).query)


def engine(name: str, **settings) -> object:
    return create_engine(EngineSettings(name=name, key_variable=f"PRESSLATE_{name.upper()}_API_KEY", **settings))


@responses.activate
def test_google_parses_the_mobile_page():
    responses.add(responses.GET, GOOGLE_URL, body=f'<html><div class="result-container">{FRENCH}</div></html>')
    assert engine("google").translate(SOURCE, "en", "fr") == FRENCH
    sent = query(responses.calls[0])
    assert sent["q"] == [SOURCE] and sent["sl"] == ["en"] and sent["tl"] == ["fr"]


@responses.activate
def test_google_429_is_retryable():
    responses.add(responses.GET, GOOGLE_URL, status=429, body="Too Many Requests")
    with pytest.raises(TransientEngineError, match="429"):
        engine("google").translate(SOURCE, "en", "ko")


@responses.activate
def test_deepl_sends_key_and_codes_and_reads_the_json():
    responses.add(responses.GET, DEEPL_FREE_URL,
                  json={"translations": [{"detected_source_language": "EN", "text": FRENCH}]})
    assert engine("deepl", api_key=KEY).translate(SOURCE, "en", "fr") == FRENCH
    sent = query(responses.calls[0])
    assert sent["auth_key"] == [KEY] and sent["source_lang"] == ["en"] and sent["target_lang"] == ["fr"]


@responses.activate
def test_deepl_without_the_language_says_so():
    with pytest.raises(EngineSetupError, match="no language code for 'ko'"):
        engine("deepl", api_key=KEY).translate(SOURCE, "en", "ko")
    assert not responses.calls


@responses.activate
def test_microsoft_reads_its_language_list_then_translates():
    responses.add(responses.GET, MS_LANGUAGES_URL,
                  json={"translation": {"en": {"name": "English"}, "fr": {"name": "French"}, "ko": {"name": "Korean"}}})
    responses.add(responses.POST, MS_TRANSLATE_URL, json=[{"translations": [{"text": FRENCH, "to": "fr"}]}])
    assert engine("microsoft", api_key=KEY, region="westeurope").translate(SOURCE, "en", "fr") == FRENCH
    call = responses.calls[1]
    assert call.request.headers["Ocp-Apim-Subscription-Key"] == KEY
    assert call.request.headers["Ocp-Apim-Subscription-Region"] == "westeurope"
    assert json.loads(call.request.body) == [{"text": SOURCE}]
    assert query(call)["from"] == ["en"] and query(call)["to"] == ["fr"]


@responses.activate
def test_microsoft_server_error_is_retryable_even_though_deep_translator_hides_it():
    responses.add(responses.GET, MS_LANGUAGES_URL, json={"translation": {"en": {"name": "English"},
                                                                         "fr": {"name": "French"}}})
    responses.add(responses.POST, MS_TRANSLATE_URL, status=503, json={"error": {"code": 503000}})
    with pytest.raises(TransientEngineError, match="503"):
        engine("microsoft", api_key=KEY).translate(SOURCE, "en", "fr")


@responses.activate
def test_mymemory_uses_region_codes():
    responses.add(responses.GET, MYMEMORY_URL, json={"responseData": {"translatedText": FRENCH, "match": 0.98},
                                                      "matches": []})
    assert engine("mymemory").translate(SOURCE, "en", "fr") == FRENCH
    assert query(responses.calls[0])["langpair"] == ["en-US|fr-FR"]


@responses.activate
def test_chatgpt_goes_through_openai_over_requests():
    responses.add(responses.POST, OPENAI_URL, json={
        "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "gpt-3.5-turbo",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": f'"{FRENCH}"'}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}})
    chatgpt = engine("chatgpt", api_key=KEY)
    assert chatgpt.translate(SOURCE, "en", "fr") == FRENCH  # the quotes it adds are dropped
    assert chatgpt.cache_id == "chatgpt:gpt-3.5-turbo"
    request = responses.calls[0].request
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    prompt = json.loads(request.body)["messages"][0]["content"]
    assert "into French" in prompt and SOURCE in prompt


@responses.activate
def test_chatgpt_rate_limit_is_retryable():
    responses.add(responses.POST, OPENAI_URL, status=429,
                  json={"error": {"message": "Rate limit reached", "type": "requests"}})
    with pytest.raises(TransientEngineError, match="429"):
        engine("chatgpt", api_key=KEY).translate(SOURCE, "en", "fr")


@responses.activate
def test_garbage_answer_is_an_answer_error():
    responses.add(responses.GET, DEEPL_FREE_URL, body="<html>maintenance</html>", content_type="text/html")
    with pytest.raises(EngineAnswerError, match="not a translation"):
        engine("deepl", api_key=KEY).translate(SOURCE, "en", "fr")


@responses.activate
def test_timeouts_are_retryable():
    responses.add(responses.GET, DEEPL_FREE_URL, body=requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(TransientEngineError, match="within 2 s"):
        engine("deepl", api_key=KEY, timeout=2).translate(SOURCE, "en", "fr")


@pytest.mark.parametrize("name", ["deepl", "microsoft", "chatgpt"])
def test_a_missing_key_names_the_variable(name):
    with pytest.raises(EngineSetupError, match=f"PRESSLATE_{name.upper()}_API_KEY"):
        engine(name)


def test_keys_come_from_the_environment_under_a_configurable_name():
    assert resolve_api_key("deepl", environ={"PRESSLATE_DEEPL_API_KEY": "a"}) == ("a", "PRESSLATE_DEEPL_API_KEY")
    assert resolve_api_key("deepl", key_env={"deepl": "OFFICE_DEEPL"}, environ={"OFFICE_DEEPL": " b "}) == \
        ("b", "OFFICE_DEEPL")
    assert resolve_api_key("deepl", environ={}) == (None, "PRESSLATE_DEEPL_API_KEY")


@responses.activate
def test_a_refused_key_never_appears_in_errors_or_logs(caplog):
    caplog.set_level(logging.DEBUG)
    responses.add(responses.GET, DEEPL_FREE_URL, status=403, json={"message": "Wrong key"})
    with pytest.raises(EngineSetupError) as caught:
        engine("deepl", api_key=KEY).translate(SOURCE, "en", "fr")
    error = caught.value
    assert "refused" in str(error) and "PRESSLATE_DEEPL_API_KEY" in str(error)
    # deep-translator's AuthorizationException says "Unauthorized access with the api key <key>"
    logging.getLogger("test").debug("deep-translator said: Unauthorized access with the api key %s", KEY)
    for text in (str(error), repr(error), repr(error.args), caplog.text, str(error.__cause__), str(error.__context__)):
        assert KEY not in text and "s3cr3t" not in text


@responses.activate
def test_a_connection_error_carrying_the_url_leaks_no_key(caplog):
    caplog.set_level(logging.DEBUG)
    url = f"{DEEPL_FREE_URL}?auth_key={requests.utils.quote(KEY, safe='')}&text=x"
    responses.add(responses.GET, DEEPL_FREE_URL,
                  body=requests.exceptions.ConnectionError(f"Max retries exceeded with url: {url}"))
    with pytest.raises(TransientEngineError) as caught:
        engine("deepl", api_key=KEY).translate(SOURCE, "en", "fr")
    assert "cannot connect to api-free.deepl.com" in str(caught.value)
    assert "s3cr3t" not in caplog.text and "s3cr3t" not in repr(caught.value)
    assert "***" in caplog.text  # the debug line is there, blanked


def test_settings_never_show_the_key():
    assert KEY not in repr(EngineSettings(name="deepl", api_key=KEY))


def test_language_codes_per_service():
    assert language_candidates("pt_BR") == ["pt-BR", "pt"]
    assert pick_language_code("fr", ["fr-FR", "fr-CA"]) == "fr-FR"
    assert pick_language_code("ar", ["ar-SA", "ar-EG"]) == "ar-EG"  # babel's likely region for Arabic
    assert pick_language_code("zh_Hans", ["zh-CN", "zh-TW"]) == "zh-CN"
    assert pick_language_code("ko", ["fr"]) is None


def test_libre_needs_a_server_address():
    with pytest.raises(EngineSetupError, match="--base-url"):
        engine("libre")
