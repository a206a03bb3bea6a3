"""The readers' languages: which one a request asks for, its gettext catalog, and numbers and dates in it.

Pure Python (Babel and gettext; no Streamlit), so the app, the static edition and the tests share it:

    lang = negotiate(accept_language, query_lang)      # 'ja'
    translator(lang).gettext("Sources")                # '出典' (compiled locales/ja/LC_MESSAGES/messages.mo)
    with language(lang): shaping.words.say(...)        # translate() reads the language set for this thread
    count(1_460_000, "ja", "about")                    # '約146万人'
    pct(Decimal("2.0"), "it"), year(2022, "ko")        # '2,0%', '2022년'

The catalogs come from locales/*/LC_MESSAGES/messages.po, compiled by `make translations` (and at set-up).
"""

import gettext
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date as Date
from datetime import datetime
from decimal import Decimal
from functools import cache
from pathlib import Path

from babel import Locale, UnknownLocaleError, negotiate_locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_compact_decimal, format_decimal, get_decimal_symbol, get_group_symbol, parse_pattern

LANGUAGES = ("en", "ja", "ko", "it")
DEFAULT = "en"
NAMES = {"en": "English", "ja": "日本語", "ko": "한국어", "it": "Italiano"}  # each language in itself, for the menu
LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"

# plotly.js's locale per language, for `config={"locale": ...}`: the files are plotly.js's dist/plotly-locale-<name>.js
# (npm package plotly.js-locales, or plotly.js's dist folder), loaded after the bundle; English is built in.
PLOTLY_LOCALES = {"en": "en", "ja": "ja", "ko": "ko", "it": "it"}

_current: ContextVar[str] = ContextVar("language", default=DEFAULT)


def document_lang_script(lang: str) -> str:
    """The one inline script the app runs: it sets <html lang> when a reader switches language without reloading.

    Declared here, without Streamlit, so deploy/serve.py can put each language's hash in the Content-Security-Policy."""
    return f"document.documentElement.lang = {json.dumps(lang)};"


class MissingCatalog(FileNotFoundError):
    """A language's compiled catalog is not there: `make translations` (or `make run`/`make test`) compiles it."""


def supported(lang: str | None) -> str | None:
    """The language code if this project has it ('JA', 'ja-JP' -> 'ja'), else None."""
    if not lang:
        return None
    code = lang.strip().replace("_", "-").split("-")[0].lower()
    return code if code in LANGUAGES else None


def _accepted(header: str) -> list[str]:
    """Accept-Language's tags by preference (q, then order): 'it;q=0.5, ja-JP' -> ['ja-JP', 'it']."""
    tags = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if tag.strip() and tag.strip() != "*" and quality > 0:
            tags.append((-quality, position, tag.strip()))
    return [tag for _, _, tag in sorted(tags)]


def negotiate(accept_language: str | None, query: str | None) -> str:
    """The reader's language: ?lang= if this project has it, else the browser's best match, else English.

    accept_language: an Accept-Language header ('ja-JP,ja;q=0.9,en;q=0.8') or a single locale ('ko_KR', as
    Streamlit's st.context.locale reports it); query: the ?lang= value."""
    if chosen := supported(query):
        return chosen
    if not accept_language:
        return DEFAULT
    preferred = [tag.replace("-", "_") for tag in _accepted(accept_language)]
    # Babel matches whole tags ('ja' to 'ja'); a region-only tag ('ja_JP') is matched by its language through aliases.
    found = negotiate_locale(preferred, list(LANGUAGES), sep="_") or negotiate_locale(
        [tag.split("_")[0] for tag in preferred], list(LANGUAGES), sep="_"
    )
    return supported(found) or DEFAULT


@cache
def translator(lang: str, localedir: Path = LOCALES) -> gettext.NullTranslations:
    """The gettext translations of a language, from its compiled catalog (English: the words as written).

    Raises MissingCatalog when the .mo is not compiled, rather than showing English under a Japanese menu."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: one of {', '.join(LANGUAGES)}")
    try:
        return gettext.translation(DOMAIN, localedir=localedir, languages=[lang])
    except FileNotFoundError as error:
        compiled = localedir / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
        raise MissingCatalog(f"{compiled} is missing: run `make translations`") from error


def words(lang: str) -> Callable[[str], str]:
    """Translate a words-file string (a msgid: the English text as in words/**.toml) into lang; unknown text is kept."""
    return translator(lang).gettext


@contextmanager
def language(lang: str) -> Iterator[str]:
    """Set the language of this thread (or task) for translate(): `with language("ja"): render(...)`."""
    token = _current.set(supported(lang) or DEFAULT)
    try:
        yield _current.get()
    finally:
        _current.reset(token)


def set_language(lang: str) -> str:
    """Set the language until changed, for a Streamlit script run (each run has its own thread)."""
    _current.set(supported(lang) or DEFAULT)
    return _current.get()


def current() -> str:
    return _current.get()


def translate(text: str) -> str:
    """A words-file string in the current language: the drop-in for shaping.words.translate."""
    return words(_current.get())(text)


# A label before what it names ('Sources: …'): Japanese writes a full-width colon with no space after it.
COLONS = {"en": ": ", "ja": "：", "ko": ": ", "it": ": "}


# What a label adds in brackets ('Japan (survey)'): Japanese writes full-width brackets with no space before them.
BRACKETS = {"en": (" (", ")"), "ja": ("（", "）"), "ko": (" (", ")"), "it": (" (", ")")}


def labelled(label: str, text: str, lang: str) -> str:
    """'Sources: Cabinet Office' (en, ko, it), '出典：内閣府' (ja)."""
    return label + COLONS.get(lang, COLONS[DEFAULT]) + text


def punctuation(lang: str) -> dict[str, str]:
    """The colon after a label and the brackets around what it adds, as lang writes them: for templates and Markdown
    that put bold or links between them ('**日本**：2.05%', '**label**（facts）：note')."""
    opening, closing = BRACKETS.get(lang, BRACKETS[DEFAULT])
    return {"colon": COLONS.get(lang, COLONS[DEFAULT]), "open": opening, "close": closing}


# A Korean template writes a particle for either ending ('{phrase}은(는)'): the word before it chooses one. Digits end
# as Korean reads them (영 일 이 삼 사 오 육 칠 팔 구: with a final consonant or not); a bracketed aside is not read.
_PARTICLES = {"은(는)": ("은", "는"), "이(가)": ("이", "가"), "을(를)": ("을", "를"), "과(와)": ("과", "와")}
_PAIRED = re.compile("|".join(re.escape(pair) for pair in _PARTICLES))
_DIGIT_FINAL = dict(zip("0123456789", (True, True, False, True, False, False, True, True, True, False), strict=True))
_ASIDE = re.compile(r"\([^()]*\)\s*$")


def _has_final_consonant(text: str) -> bool | None:
    """Whether the word read last in text ends in a consonant (받침); None when it is not Hangul or a digit."""
    last = _ASIDE.sub("", text).rstrip()[-1:]
    if "가" <= last <= "힣":
        return (ord(last) - ord("가")) % 28 != 0
    return _DIGIT_FINAL.get(last)


def korean_particles(text: str) -> str:
    """'사람(은둔 청년)은(는)' -> '사람(은둔 청년)은', '가구은(는)' -> '가구는': each paired particle as the word
    before it takes it; a word of another script keeps both forms, which Korean writing accepts."""

    def choose(match: re.Match) -> str:
        final = _has_final_consonant(text[: match.start()])
        with_final, without = _PARTICLES[match.group()]
        return match.group() if final is None else with_final if final else without

    return _PAIRED.sub(choose, text)


# Italian writes an article before a percentage ("il 2,05% delle persone", "almeno il 3,3%"), elided before a number
# read with a vowel first (l'1,6%, l'8%, l'11%, l'80%: uno, otto, undici, ottanta).
_PERCENT = re.compile(r"(\d[\d.]*(?:,\d+)?)(\s?%)")


def _italian_article(number: str) -> str:
    whole = int(number.split(",")[0].replace(".", ""))
    return "l'" if whole in (1, 8, 11) or 80 <= whole <= 89 else "il "


def with_article(rate: str, lang: str) -> str:
    """A percentage as a sentence's subject in lang: Italian puts its article before the number, after a qualifier
    ('2,05%' -> 'il 2,05%', 'almeno 3,3%' -> 'almeno il 3,3%', '1,6%' -> "l'1,6%"); other languages as it is."""
    if lang != "it" or not (match := _PERCENT.search(rate)):
        return rate
    return rate[: match.start()] + _italian_article(match.group(1)) + rate[match.start() :]


# Japanese sets one sentence after another with no space after its full-width stops (。）」); other languages, and a
# Japanese sentence ending in the data's English, with a space.
_CLOSED = ("。", "！", "？", "）", "」", "』", "：")


def sentences(parts: Iterable[str], lang: str) -> str:
    """Sentences (or a label and its sentences) one after another as lang writes them: '…2.05%。韓国の…' in Japanese,
    '…2.05%. In South Korea…' elsewhere; empty parts left out."""
    text = ""
    for part in (p for p in parts if p):
        text += ("" if not text or (lang == "ja" and text.endswith(_CLOSED)) else " ") + part
    return text


# Numbers ------------------------------------------------------------------------------------------------------------

# A published qualifier around a formatted count, per language (word order differs: 約146万人, 146万人超).
QUALIFIERS = {
    "en": {
        "about": "about {}",
        "at_least": "at least {}",
        "more_than": "more than {}",
        "almost": "almost {}",
        "up_to": "up to {}",
    },
    "ja": {"about": "約{}", "at_least": "少なくとも{}", "more_than": "{}超", "almost": "{}近く", "up_to": "最大{}"},
    "ko": {"about": "약 {}", "at_least": "최소 {}", "more_than": "{} 초과", "almost": "{} 가까이", "up_to": "최대 {}"},
    "it": {
        "about": "circa {}",
        "at_least": "almeno {}",
        "more_than": "oltre {}",
        "almost": "quasi {}",
        "up_to": "fino a {}",
    },
}
# The counter after a number of people or households in Japanese and Korean (146万人, 146만 명); none elsewhere.
# Korean writes it apart after a unit word (146만 명) and attached to digits (2900명), as its press does.
COUNTERS = {"ja": {"people": "人", "households": "世帯"}, "ko": {"people": "명", "households": "가구"}}
# Japanese and Korean group by ten thousands: 万/億, 만/억 (Korean writes a space between groups: 168만 2900).
_MYRIADS = {"ja": (("億", 10**8), ("万", 10**4)), "ko": (("억", 10**8), ("만", 10**4))}


def _missing(value: object) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    try:
        import pandas as pd

        return value is pd.NA or value is pd.NaT
    except ImportError:  # pragma: no cover - pandas is a runtime dependency
        return False


def _locale(lang: str) -> Locale:
    try:
        return Locale.parse(lang if lang in LANGUAGES else DEFAULT)
    except UnknownLocaleError:  # pragma: no cover - every LANGUAGES code is in CLDR
        return Locale.parse(DEFAULT)


def _myriads(number: int, lang: str) -> str:
    """1682900 -> '168万2900' (ja), '168만 2900' (ko); exact multiples through Babel's compact form: '146万'."""
    compact = format_compact_decimal(number, locale=lang, fraction_digits=0)
    if compact[:1].isdigit() and not compact.replace(",", "").isdigit():
        digits = "".join(ch for ch in compact if ch.isdigit())
        unit = next((size for name, size in _MYRIADS[lang] if compact.endswith(name)), 1)
        if int(digits) * unit == number:
            return compact
    parts, rest = [], number
    for name, size in _MYRIADS[lang]:
        if rest >= size:
            parts.append(f"{rest // size}{name}")
            rest %= size
    if rest:
        parts.append(str(rest))
    return (" " if lang == "ko" else "").join(parts)


def short_number(value: float, lang: str) -> str:
    """An axis tick's number in a non-English reader's language: Japanese and Korean count in 万/만 (2万, 50만), the
    others write thousands in full (50.000, where Babel's Italian short form borrows English's 50K) and millions
    short (1,5 Mln); below 1万 Japanese writes the number as its labels do (5,000, not Babel's 5000)."""
    if lang == "ja" and abs(value) < 10_000:
        return format_decimal(value, locale=lang)
    if lang in _MYRIADS or abs(value) >= 1_000_000:
        return format_compact_decimal(value, locale=lang, fraction_digits=1)
    return format_decimal(value, locale=lang)


def count(value: object, lang: str, qualifier: str | None = None, unit: str = "people") -> str:
    """A published count in the reader's language, never rounded.

    en: '1,460,000' -> '1.46 million' when exact, else '1,682,900'; it: '1.460.000'; ja: '146万人', '168万2900人';
    ko: '146만 명'. qualifier ('about', 'at_least', 'more_than', 'almost', 'up_to'; 'exact' or None: none) goes
    where the language puts it: 'about 1.46 million', '約146万人', '약 146만 명', 'circa 1.460.000'. unit
    ('people', 'households' or None) only adds the counter Japanese and Korean need (人/世帯, 명/가구)."""
    if _missing(value):
        return "–"
    lang = lang if lang in LANGUAGES else DEFAULT
    number = int(value)
    if lang in _MYRIADS and abs(number) >= 10**4:
        text = ("-" if number < 0 else "") + _myriads(abs(number), lang)
    elif lang == "en" and number >= 1_000_000 and round(number / 1_000_000, 2) * 1_000_000 == number:
        text = f"{number / 1_000_000:.2f}".rstrip("0").rstrip(".") + " million"
    else:
        text = format_decimal(number, locale=lang)
    if unit and lang in COUNTERS:
        text += (" " if lang == "ko" and not text[-1].isdigit() else "") + COUNTERS[lang][unit]
    template = QUALIFIERS[lang].get(str(qualifier)) if qualifier else None
    return template.format(text) if template else text


def decimals(value: object) -> int:
    """The decimals a published value shows: Decimal('2.0') and '2.0' -> 1; the float 2.05 -> 2, 2.0 -> 0."""
    if isinstance(value, str | Decimal):
        exponent = Decimal(str(value)).as_tuple().exponent
        return max(0, -exponent) if isinstance(exponent, int) else 0
    text = f"{float(value):g}"
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def pct(value: object, lang: str, digits: int | None = None) -> str:
    """A percentage (2.05 means 2.05%) in the locale's percent format, with the decimals it was published with.

    pct(2.05, 'it') -> '2,05%'; pct(Decimal('2.0'), 'it') or pct(2, 'it', digits=1) -> '2,0%'; ja: '2.0%'."""
    if _missing(value):
        return "–"
    lang = lang if lang in LANGUAGES else DEFAULT
    return _fixed(Decimal(str(value)) / 100, lang, decimals(value) if digits is None else digits, percent=True)


def number(value: object, lang: str, digits: int | None = None) -> str:
    """A plain number (a ratio, a rate per 100,000) with the locale's separators: 1.306 -> '1,306' (it)."""
    if _missing(value):
        return "–"
    return _fixed(value, lang, decimals(value) if digits is None else digits)


def _fixed(value: object, lang: str, decimals: int, percent: bool = False) -> str:
    """Babel's pattern of the locale with exactly `decimals` decimals (Babel's own keep at most three)."""
    locale = _locale(lang)
    pattern = parse_pattern((locale.percent_formats if percent else locale.decimal_formats)[None].pattern)
    pattern.frac_prec = (decimals, decimals)
    return pattern.apply(Decimal(str(value)), locale)


# An age band as each language writes it alone: 15–39 / 15～39歳 / 15~39세 / 15–39 anni (and open or missing bounds).
AGE_BANDS = {
    "en": {"range": "{low}–{high}", "from": "{low}+", "under": "under {limit}", "all": "all ages"},
    "ja": {"range": "{low}～{high}歳", "from": "{low}歳以上", "under": "{limit}歳未満", "all": "全年齢"},
    "ko": {"range": "{low}~{high}세", "from": "{low}세 이상", "under": "{limit}세 미만", "all": "전 연령"},
    "it": {
        "range": "{low}–{high} anni",
        "from": "{low} anni e più",
        "under": "meno di {limit} anni",
        "all": "tutte le età",
    },
}


def age_band(age_min: object, age_max: object, lang: str) -> str:
    """The {ages} of the words in lang: (15, 39) -> '15–39' (en), '15～39歳' (ja); (15, None) -> '15세 이상' (ko)."""
    low = None if _missing(age_min) else int(age_min)
    high = None if _missing(age_max) else int(age_max)
    forms = AGE_BANDS.get(lang, AGE_BANDS[DEFAULT])
    if low is None and high is None:
        return forms["all"]
    if high is None:
        return forms["from"].format(low=low)
    if low is None or low == 0:
        return forms["under"].format(limit=high + 1)
    return forms["range"].format(low=low, high=high)


# "aged {band}" inside a sentence: English and Italian say it ('aged 15–39', 'di 15–39 anni'); Japanese and Korean
# write the band alone (15～39歳), which already says it.
AGED = {"en": "aged {band}", "ja": "{band}", "ko": "{band}", "it": "di {band}"}
AGED_ALL = {"en": "of all ages", "ja": "全年齢", "ko": "전 연령", "it": "di tutte le età"}


def aged(age_min: object, age_max: object, lang: str) -> str:
    """An age band inside a sentence: 'aged 15–39', 'under 25' (en); 'di 15–39 anni', 'di meno di 25 anni' (it)."""
    lang = lang if lang in LANGUAGES else DEFAULT
    if _missing(age_min) and _missing(age_max):
        return AGED_ALL[lang]
    band = age_band(age_min, age_max, lang)
    if lang == "en" and band.startswith("under"):
        return band
    return AGED[lang].format(band=band)


def year(y: object, lang: str) -> str:
    """A year as the language writes it alone: 2022 (en, it), 2022年 (ja), 2022년 (ko)."""
    if _missing(y):
        return "–"
    return format_skeleton("y", Date(int(y), 1, 1), locale=_locale(lang))


def date(d: Date | datetime | str, lang: str, format: str = "long") -> str:
    """A date (or ISO 'YYYY-MM-DD') with Babel: 7 dicembre 2026 (it), 2026年12月7日 (ja), 2026년 12월 7일 (ko)."""
    if isinstance(d, str):
        d = Date.fromisoformat(d[:10])
    if isinstance(d, datetime):
        d = d.date()
    return format_date(d, format=format, locale=_locale(lang))


def day(iso: str, lang: str) -> str:
    """An ISO date in reader text: as written in English (2026-12-07), else in the language's long form (2026年12月7日,
    7 dicembre 2026), for the app and the static edition alike."""
    return iso if lang == DEFAULT else date(iso, lang)


def plotly_locale(lang: str) -> str:
    """plotly.js's locale name for `config={"locale": ...}` (its file must be loaded for any but English)."""
    return PLOTLY_LOCALES.get(lang, "en")


def plotly_separators(lang: str) -> str:
    """layout.separators for Plotly's own tick numbers: decimal then group symbol ('.,' en, ja, ko; ',.' it).

    Works without any locale file (Streamlit's bundled plotly.js registers no locale but English)."""
    locale = _locale(lang)
    return get_decimal_symbol(locale) + get_group_symbol(locale)


# Quotes ------------------------------------------------------------------------------------------------------------

_KANA = range(0x3040, 0x3100)  # hiragana and katakana: only Japanese writes them
_HANGUL = (range(0xAC00, 0xD7B0), range(0x1100, 0x1200), range(0x3130, 0x3190))
_HAN = range(0x4E00, 0xA000)
# Words that are frequent in Italian prose and are not English words: two of them in a quote mark it Italian.
_ITALIAN = frozenset(
    [
        "il",
        "lo",
        "gli",
        "della",
        "delle",
        "degli",
        "dei",
        "che",
        "di",
        "per",
        "con",
        "sono",
        "una",
        "nel",
        "nella",
        "è",
        "tra",
        "anni",
        "giovani",
    ]
)


def quote_language(quote: str, translated: bool) -> str | None:
    """The language a published quote is written in, for its element's lang attribute (screen readers and fonts).

    By script: kana (or Han without Hangul) -> 'ja', Hangul -> 'ko'; Latin text: English when the package gives it
    no English translation (translated=False: the quote is the English), Italian when it has one and reads as Italian;
    None when it cannot be told (the element then inherits the page's language: better than a wrong one)."""
    chars = [ord(c) for c in quote]
    if any(any(c in block for block in _HANGUL) for c in chars):
        return "ko"
    if any(c in _KANA or c in _HAN for c in chars):
        return "ja"
    if not translated:
        return "en"
    words = {w.strip(".,;:!?«»“”\"'()").lower() for w in quote.replace("’", " ").replace("'", " ").split()}
    return "it" if len(words & _ITALIAN) >= 2 else None
