#!/usr/bin/env python3
"""Writes the fuzz seed corpus: small hostile shapes into fuzz/seeds/ (committed)
and big ones into fuzz/generated/ (ignored by git, rebuilt by scripts/fuzz.sh).

A `compare` input is `account A` 0xFF `account B` (0xFF never occurs in UTF-8);
see fuzz_targets/compare.rs. Output is deterministic: running this again
rewrites the committed files byte for byte.
"""
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEP = b"\xff"

NEWS = (
    "The CSTO peacekeeping contingent will begin withdrawing from Kazakhstan on January 13. "
    "Officials said about 2,030 troops had arrived, not 3,000 as reported earlier. "
    "\"We will not stay a day longer than needed,\" the minister said. "
    "The airport in Almaty reopened on Wednesday, and the Internet is working again."
)


def pair(a, b):
    return a.encode("utf-8") + SEP + b.encode("utf-8")


def every_category(per_category):
    """Up to `per_category` assigned code points of every general category."""
    seen = {}
    for cp in range(0x110000):
        if 0xD800 <= cp <= 0xDFFF:
            continue  # surrogates cannot be UTF-8
        cat = unicodedata.category(chr(cp))
        bucket = seen.setdefault(cat, [])
        if len(bucket) < per_category:
            bucket.append(chr(cp))
    # Separate categories by a space and a full stop so sentence splitting runs too.
    return " ".join("".join(chars) + "." for _, chars in sorted(seen.items()))


def nested_quotes(depth):
    opens = ["\"", "«", "“", "‘", "(", "„", "'", "「"]
    closes = ["\"", "»", "”", "’", ")", "“", "'", "」"]
    left = "".join(opens[i % len(opens)] + "he said " for i in range(depth))
    right = "".join(closes[i % len(closes)] + "." for i in reversed(range(depth)))
    return left + "troops leave" + right


SMALL_COMPARE = {
    "empty": b"",
    "empty-vs-news": pair("", NEWS),
    "one-char": pair("a", "."),
    "commas-1k": pair("," * 1000, NEWS),
    "word-4k": pair("Kazakhstan" * 400, NEWS),
    "categories-1": pair(every_category(1), NEWS),
    "quotes-200": pair(nested_quotes(200), NEWS),
    "crlf": pair(NEWS.replace(". ", ".\r\n"), NEWS.replace(". ", ".\r")),
    "lone-cr": pair("\r".join(NEWS.split(" ")), NEWS),
    "nul": pair(NEWS.replace(" ", "\0"), "\0" * 50 + NEWS),
    "rtl": pair(
        "قالت الحكومة إن القوات ستغادر في 13 يناير. \u202eTroops leave\u202c today. שלום 2,030.",
        "\u200fThe troops leave on January 13.\u200e \u2067عربي\u2069 said officials.",
    ),
    "emoji-zwj": pair(
        "👨‍👩‍👧‍👦 Troops 🇰🇿 left 👍🏽. The 🏳️‍🌈 airport 1️⃣ reopened. " * 3,
        "The airport reopened 👩🏿‍🚀‍ on 13 January ‍‍‍. 🧑‍🤝‍🧑",
    ),
    "combining": pair("T\u0301\u0302\u0303\u0304roops" + "\u0300" * 300 + " leave. e\u0301 é.", NEWS),
    "html": pair(
        "<html><body><p>Troops <b>will</b> leave on Jan. 13.</p><script>var a = \"</p>\";</script>"
        "<p>Officials &amp; ministers said &quot;2,030&quot; troops.</p><!-- comment. --></body></html>",
        NEWS,
    ),
    "numbers-dates": pair(
        "On 12.01.2022 at 10:30 p.m. 1,000,000,000,000,000,000,000 troops left; 3.5% (or 3,5 %) on 2022-01-13T10:00. "
        "In 1/2 of 10-12 days, ten thousand and one, -0 and 1e309 units, on Feb 30, 31/12/9999.",
        "About 999999999999999999999999 troops left on January 99, 0000-00-00, in 10 000 days.",
    ),
    "abbreviations": pair(
        "Mr. Dr. U.S. Jan. No. 5 St. e.g. i.e. a.m. p.m. ... ?! ?!?! … Mr.Tokayev said.",
        "U.S.A. Dr.. ..... !!!! ??? .",
    ),
    "whitespace": pair("\u00a0\u2028\u2029\u3000\t\x0b\x0c \n\n\n" * 20, "\u200b\u2060\ufeff" * 20 + NEWS),
    "identical-news": pair(NEWS, NEWS),
}

def dated(date, text):
    return date.encode("utf-8") + SEP + text.encode("utf-8")


SMALL_TIMES = {
    "news": dated("2022-01-12", NEWS),
    "undated": NEWS.encode("utf-8"),
    "relative": dated(
        "2022-01-12",
        "Tomorrow, the day after tomorrow, yesterday morning, last week, next Monday, "
        "in ten days, within 24 hours, two years ago, early next month, since 2019, "
        "from January 13 to 19, between 10:00 and 12:30 p.m., every Friday, soon, now.",
    ),
    "formats": dated(
        "2024-02-29",
        "12.01.2022, 2022-01-13T10:00, 13/01/22, Jan. 13, 13 Jan 2022, January 13th, "
        "the 13th, 1/2, 31/12/9999, Feb 30, 0000-00-00, 99:99, Q3 2021, 2020s, 1990's.",
    ),
    "bad-date": dated("2022-02-30", "tomorrow"),
    "date-junk": dated("\u202e2022-01-12\0", "on Monday"),
    "numbers": dated("2022-01-12", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 " * 5),
    "months": dated("2022-01-12", " ".join(
        ["January", "Feb", "Mar.", "april", "MAY", "Jun", "July", "Aug", "Sept", "Oct", "Nov", "December"] * 10)),
}

SMALL_OPTIONS = {
    "empty-object": b"{}",
    "utf16": b'{"offsets": "utf16"}',
    "all": b'{"offsets": "chars", "maxBytes": 1000, "threshold": 0.5}',
    "threshold-0": b'{"threshold": 0}',
    "threshold-1": b'{"threshold": 1.0}',
    "threshold-bad": b'{"threshold": 1e308}',
    "threshold-nan-ish": b'{"threshold": -0.0}',
    "max-bytes-0": b'{"maxBytes": 0}',
    "max-bytes-huge": b'{"maxBytes": 18446744073709551615}',
    "max-bytes-over": b'{"maxBytes": 18446744073709551616}',
    "unknown-key": b'{"ofsets": "utf16"}',
    "wrong-type": b'{"offsets": 16}',
    "nested": b"[" * 200 + b"]" * 200,
    "not-json": b"offsets=utf16",
    "null": b"null",
    "duplicate": b'{"threshold": 0.1, "threshold": 0.9}',
    "unicode-escape": b'{"offsets": "utf\\u0031\\u0036"}',
}

BIG_TIMES = {
    "dates-100k": lambda: dated("2022-01-12", "on 13 January 2022, " * 5_000),
    "digits-1mb": lambda: dated("2022-01-12", "1" * 1_048_576),
}

BIG_COMPARE = {
    "commas-100k": lambda: pair("," * 100_000, NEWS),
    "word-1mb": lambda: pair("Almaty" * (1_048_576 // 6), NEWS),
    "categories-all": lambda: pair(every_category(4000), NEWS),
    "quotes-20k": lambda: pair(nested_quotes(20_000), nested_quotes(100)),
    "sentences-100k": lambda: pair("A. " * 100_000, "B. " * 100_000),
}


def write(directory, files):
    os.makedirs(directory, exist_ok=True)
    for name, data in files.items():
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)


def main():
    seeds = os.path.join(HERE, "seeds")
    seed_texts = {}
    for name in sorted(os.listdir(os.path.join(ROOT, "seeds"))):
        if name.endswith(".txt"):
            with open(os.path.join(ROOT, "seeds", name), encoding="utf-8") as f:
                seed_texts[name] = f.read()
    texts = list(seed_texts.values())
    compare = dict(SMALL_COMPARE)
    if len(texts) >= 2:
        compare["seed-pair"] = pair(texts[0], texts[1])
    write(os.path.join(seeds, "compare"), compare)
    write(os.path.join(seeds, "options"), SMALL_OPTIONS)
    times = dict(SMALL_TIMES)
    if texts:
        times["seed"] = texts[0].encode("utf-8")
    write(os.path.join(seeds, "times"), times)
    if "--small-only" not in sys.argv:
        write(os.path.join(HERE, "generated", "compare"), {k: f() for k, f in BIG_COMPARE.items()})
        write(os.path.join(HERE, "generated", "times"), {k: f() for k, f in BIG_TIMES.items()})


if __name__ == "__main__":
    main()
