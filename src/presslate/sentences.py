"""TEMPORARY naive segmenter (replaced by the real one)."""
import re
_RE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’]))\s+(?=[“\"A-Z])")
def split_sentences(text, lang="en"):
    spans=[]; pos=0
    for m in _RE.finditer(text):
        spans.append((pos, m.start())); pos=m.end()
    spans.append((pos, len(text.rstrip())))
    return [s for s in spans if s[1]>s[0]]
def sentence_texts(text, lang="en"):
    return [text[a:b] for a,b in split_sentences(text, lang)]
def is_no_translate(text):
    t = re.sub(r"^(tel\.?|tel:|email:|e-mail:|phone:|fax:|mobile:)\s*", "", text.strip(), flags=re.I)
    return bool(re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+|(https?://|www\.)\S+|\+?[\d\s/().-]+(ext\.?\s*\d+)?", t, flags=re.I))
