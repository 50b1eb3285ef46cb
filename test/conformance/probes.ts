// The probe corpus the patterns are tried on, and the seeded random generator of the round trips.
// Strings only; which member gets which probe is in members.ts.

/**
 * The characters where Java's and JavaScript's regular expressions part ways, or where a
 * pattern's author may have thought of fewer characters than the pattern allows: every Unicode
 * white space and line terminator, ASCII controls, format characters, astral characters (two
 * UTF-16 units, one code point), lone surrogates, non-characters, and ASCII punctuation.
 * All are characters assigned before Unicode 13 (Java 17's version), so both engines agree on
 * their general category: a difference found here is a difference of meaning, not of tables.
 */
export const TRICKY: readonly string[] = [
    // Line terminators (Java's `.` stops at all five; JavaScript's lets U+0085 through).
    "\n",
    "\r",
    "\r\n",
    "\u0085",
    "\u2028",
    "\u2029",
    // ASCII white space (Java's `\s` without UNICODE_CHARACTER_CLASS) ...
    "\t",
    "\x0B",
    "\f",
    " ",
    // ... and the Unicode white space it does not include (JavaScript's `\s` does).
    "\u00A0",
    "\u1680",
    ..."\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A",
    "\u202F",
    "\u205F",
    "\u3000",
    "\uFEFF",
    // Controls and format characters.
    "\0",
    "\x01",
    "\x1F",
    "\x7F",
    "\x80",
    "\x9F",
    "\u00AD",
    "\u180E",
    "\u200B",
    "\u200D",
    "\u{E0001}",
    // Astral: one code point, two UTF-16 units (lengths are counted in code points).
    "😀",
    "𝒳",
    "𐐀",
    "𝟘",
    "\u{1F3FB}",
    "\u{20000}",
    "\u{10FFFF}",
    // Lone surrogates, private use, non-characters, the replacement character.
    "\uD800",
    "\uDFFF",
    "\uE000",
    "\uFFFD",
    "\uFFFE",
    "\uFFFF",
    // Letters, marks, digits, symbols, punctuation beyond ASCII.
    "é",
    "ß",
    "ж",
    "中",
    "ǅ",
    "ʰ",
    "\u0301",
    "\u0903",
    "\u20DD",
    "٣",
    "½",
    "Ⅻ",
    "©",
    "€",
    "^",
    "¿",
    "「",
    "\u00B7",
    "\u00FF",
    "\u0100",
    // ASCII punctuation: every one.
    ..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
];

/** mulberry32: a small seeded PRNG, so that every run draws the same "random" cases. */
export function mulberry32(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export interface Rng {
    next(): number;
    int(lo: number, hi: number): number;
    pick<T>(xs: readonly T[]): T;
    chance(p: number): boolean;
}

export function rng(seed: number): Rng {
    const next = mulberry32(seed);
    const r: Rng = {
        next,
        int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
        pick: (xs) => xs[r.int(0, xs.length - 1)],
        chance: (p) => next() < p,
    };
    return r;
}

/** The length AWS counts: code points. */
export const cpLength = (s: string): number => [...s].length;

/**
 * The characters a (Java) pattern names itself, each with its neighbours: literal characters,
 * `\uXXXX` and `\xXX` escapes, and both ends of every range, one code point below and above.
 * These are where an off-by-one in a translated range shows.
 */
export function patternCharacters(pattern: string): string[] {
    const cps = new Set<number>();
    const escape = /\\u([0-9A-Fa-f]{4})|\\x([0-9A-Fa-f]{2})|\\(.)|(.)/gsu;
    for (const m of pattern.matchAll(escape)) {
        if (m[1] || m[2]) cps.add(parseInt(m[1] ?? m[2], 16));
        else if (m[3] === "w") for (const c of "/09:@AZ[`az{_") cps.add(c.codePointAt(0)!);
        else if (m[3] === "d") for (const c of "/09:") cps.add(c.codePointAt(0)!);
        else if (m[3] && !/[pPsSWD]/.test(m[3])) cps.add(m[3].codePointAt(0)!);
        else if (m[4]) cps.add(m[4].codePointAt(0)!);
    }
    const out = new Set<string>();
    for (const cp of cps) {
        for (const x of [cp - 1, cp, cp + 1]) if (x >= 0 && x <= 0x10ffff) out.add(String.fromCodePoint(x));
    }
    return [...out];
}

/** A seed with `c` put at its start, its middle, its end, in place of its middle character, and alone. */
export function mutations(seed: string, c: string): string[] {
    const cps = [...seed];
    const mid = Math.floor(cps.length / 2);
    return [
        c + seed,
        seed + c,
        [...cps.slice(0, mid), c, ...cps.slice(mid)].join(""),
        [...cps.slice(0, mid), c, ...cps.slice(mid + 1)].join(""),
        c,
        c + c + c,
    ];
}
