/** Plurals minutes write that no suffix rule reaches. */
const IRREGULAR = new Map([
  ['children', 'child'],
  ['people', 'person'],
  ['persons', 'person'],
  ['women', 'woman'],
  ['men', 'man'],
  ['criteria', 'criterion'],
]);

/** Longest first, so "-ation" wins over "-ing"'s neighbours and "-ated" over "-ed". Every
 * "-ate" form goes to one stem: "educate", "educated", "educating", "education" → "educ". */
const SUFFIXES = ['ations', 'ation', 'ating', 'ated', 'ate', 'ied', 'ing', 'ed'];

const VOWEL = /[aeiouy]/;
/** A doubled final consonant left by "-ed"/"-ing" ("planned" → "plann"); not l, s or z,
 * which English doubles in the stem itself ("called", "missing", "buzzing"). */
const DOUBLED = /([b-df-hj-km-rt-wy])\1$/;

/**
 * A light English stemmer for lower-case words: plural "s", "-ing", "-ed", "-ation" and the
 * other "-ate" forms, and a final "e", so that the forms one topic takes in different
 * minutes ("missing"/"missed", "exploited"/"exploitation", "placed"/"placing") meet.
 * Not Porter: it only has to be consistent, and short words are left alone so that
 * "care" and "car" stay apart.
 */
export function stem(word: string): string {
  const irregular = IRREGULAR.get(word);
  if (irregular) return irregular;
  if (word.length <= 3) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of SUFFIXES) {
    if (!w.endsWith(suffix)) continue;
    let base = w.slice(0, -suffix.length);
    // Too short a stem: a shorter suffix may still apply ("stated" → "stat", like "state").
    if (base.length < 3 || !VOWEL.test(base)) continue;
    if (suffix === 'ied') base = `${base}y`;
    else if ((suffix === 'ing' || suffix === 'ed') && DOUBLED.test(base) && base.length > 3) base = base.slice(0, -1);
    w = base;
    break;
  }
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}
