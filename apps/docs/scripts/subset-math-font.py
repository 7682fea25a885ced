"""Writes src/fonts/mle-math.woff2: the math font of the site, a subset of Latin Modern Math.

The site's formulas are MathML (src/rehype-temml.mjs) that the browser lays out with an OpenType
MATH font. Latin Modern Math (GUST Font License, an instance of the LPPL; Debian's fonts-lmodern) is
730 KB; this keeps only the characters course formulas can use, every glyph they reach through the
MATH table (size variants and assembly parts of stretchy operators) and the OpenType layout features
(kerning), as WOFF2, sets two subscript constants of its MATH table to TeX's values (below), and renames the font as the GUST Font License requests of
derived works ("MLE Math"). It also writes src/fonts/mle-math.json, the code points the subset
covers, which test/math-font.test.ts checks every character of every formula against.

Run by hand when a formula needs a character outside the ranges below (the test says which):
    apt-get install fonts-lmodern python3-fonttools python3-brotli
    /usr/bin/python3 apps/docs/scripts/subset-math-font.py
"""

import json
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

SOURCE = Path("/usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf")
OUT = Path(__file__).resolve().parent.parent / "src" / "fonts"

# The characters course formulas use, and the letters and symbols a new formula most likely needs.
OPERATORS = "∀∂∃∅∇∈∉∋∏∑−∓∗∘∙√∝∞∣∥∧∨∩∪∫∬∭∮∼≃≅≈≠≡≤≥≪≫⊂⊃⊆⊇⊕⊗⊤⊥⋅⋯⋮⋱←↑→↓↔↦⇐⇒⇔"
RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1: no-break space, ±, ×, ·, ¬, ¯, ¨
    (0x0131, 0x0131), (0x0237, 0x0237),  # dotless i and j (under accents)
    (0x02C6, 0x02DD),  # spacing accents: ˆ ˇ ˘ ˙ ˜ (\hat, \check, …)
    (0x0391, 0x03A9), (0x03B1, 0x03C9),  # Greek
    (0x03D1, 0x03D1), (0x03D5, 0x03D6), (0x03F0, 0x03F1), (0x03F5, 0x03F5),  # ϑ ϕ ϖ ϰ ϱ ϵ
    (0x2016, 0x2016), (0x2026, 0x2026), (0x2032, 0x2034), (0x203E, 0x203E),  # ‖ … ′ ″ ‴ ‾
    (0x2061, 0x2064),  # invisible operators (function application, times, separator, plus)
    (0x20D7, 0x20D7),  # combining right arrow above (\vec)
    (0x210E, 0x210E), (0x2113, 0x2113), (0x2115, 0x2115), (0x211D, 0x211D), (0x2124, 0x2124),  # ℎ (italic h) ℓ ℕ ℝ ℤ
    (0x2308, 0x230B),  # ceiling and floor
    (0x23DC, 0x23DF),  # over/under parentheses and braces
    (0x27E8, 0x27E9),  # angle brackets
    (0x27F5, 0x27FA),  # long arrows (⟹, ⟺)
    (0x1D400, 0x1D433),  # bold Latin (\mathbf)
    (0x1D434, 0x1D467),  # italic Latin (a one-letter mi is italic through text-transform: math-auto)
    (0x1D6E2, 0x1D71B),  # italic Greek
    (0x1D71C, 0x1D755),  # bold italic Greek (\boldsymbol)
] + [(ord(c), ord(c)) for c in OPERATORS]

# Chromium draws no script-size alternates (OpenType ssty), so Temml sets a prime in a superscript
# (f′) in its own small font (temml/dist/Temml.woff2, KaTeX's prime under Temml's MIT licence):
# only its primes are kept.
TEMML_SOURCE = Path(__file__).resolve().parent.parent / "node_modules" / "temml" / "dist" / "Temml.woff2"
TEMML_PRIMES = (0x2032, 0x2037)


def main() -> None:
    codepoints = [c for lo, hi in RANGES for c in range(lo, hi + 1)]
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["kern"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    font = TTFont(SOURCE)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    # Subscripts as TeX places them (and KaTeX did). MathML Core lowers a subscript to at least the
    # base's descent plus SubscriptBaselineDropMin, for letters too, where TeX applies that drop only
    # to boxes (a parenthesis, a fraction) and uses its sub_drop of 0.05 em: with Latin Modern's 0.2 em
    # the subscript of a Greek letter with a descender sat far below the line (the t + 1 of mu_{t+1}).
    # And a lone subscript is shifted by TeX's sub1 (0.15 em), not sub2 (0.247 em, the shift TeX uses
    # when there is also a superscript; MathML Core keeps them apart with SubSuperscriptGapMin).
    constants = font["MATH"].table.MathConstants
    constants.SubscriptBaselineDropMin.Value = 50
    constants.SubscriptShiftDown.Value = 150
    # Temml writes \bar as U+203E (overline), which Latin Modern Math lacks: it is mapped to the font's
    # macron (U+00AF), the spacing accent that sits where \\bar's does (as U+02C6 does for \hat).
    for table in font["cmap"].tables:
        if table.isUnicode() and 0x00AF in table.cmap:
            table.cmap[0x203E] = table.cmap[0x00AF]
    # Renamed, as the GUST Font License requests of derived works (family, full and PostScript names).
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 4, 16):
            record.string = "MLE Math"
        elif record.nameID == 6:
            record.string = "MLEMath-Regular"
        elif record.nameID == 3:
            record.string = "MLE Math (a subset of Latin Modern Math 1.959)"
    OUT.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(OUT / "mle-math.woff2")
    covered = sorted(c for c in font.getBestCmap())
    (OUT / "mle-math.json").write_text(
        json.dumps({"source": "Latin Modern Math 1.959 (latinmodern-math.otf)", "codepoints": covered}) + "\n"
    )
    primes = TTFont(TEMML_SOURCE)
    prime_subsetter = subset.Subsetter(options)
    prime_subsetter.populate(unicodes=range(TEMML_PRIMES[0], TEMML_PRIMES[1] + 1))
    prime_subsetter.subset(primes)
    primes.flavor = "woff2"
    primes.save(OUT / "temml-primes.woff2")
    print(f"mle-math.woff2: {(OUT / 'mle-math.woff2').stat().st_size} bytes, {len(covered)} code points, {len(font.getGlyphOrder())} glyphs; temml-primes.woff2: {(OUT / 'temml-primes.woff2').stat().st_size} bytes")


if __name__ == "__main__":
    main()
