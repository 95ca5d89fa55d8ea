/** Dates as ModernGov prints them, in English and Welsh, to ISO `YYYY-MM-DD`. */

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8,
  september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  ionawr: 1, chwefror: 2, mawrth: 3, ebrill: 4, mai: 5, mehefin: 6, gorffennaf: 7, awst: 8,
  medi: 9, hydref: 10, tachwedd: 11, rhagfyr: 12,
};

const WEEKDAY =
  '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Dydd\\s+(?:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul))';

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "3rd November, 2016", "9fed Hydref, 2014", "22 May 2015", "22/05/2015" → ISO; null when none. */
export function parseDate(text: string): string | null {
  const numeric = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(text);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const words = /\b(\d{1,2})(?:st|nd|rd|th|af|ail|ydd|fed|ed|eg|g)?\s+([A-Za-z]+),?\s+(\d{4})\b/.exec(text);
  if (words) {
    const month = MONTHS[(words[2] ?? '').toLowerCase()];
    if (month) return iso(Number(words[3]), month, Number(words[1]));
  }
  return null;
}

/** "5.30 pm", "10.00 am", "2.00 o'r gloch", "13.30" → as printed; null when none. */
export function parseTime(text: string): string | null {
  const match = /\b(\d{1,2}[.:]\d{2}\s*(?:[ap]\.?m\.?|o['’]r gloch)?|\d{1,2}\s*[ap]\.?m\.?)(?=\W|$)/i.exec(text);
  return match ? (match[1] ?? '').trim() : null;
}

export interface Subtitle {
  committee: string | null;
  date: string | null;
  time: string | null;
}

/** "Children and Families Scrutiny Panel - Thursday, 3rd November, 2016 5.30 pm": split on the
 * last " - " before the weekday, since committee names contain hyphens too. */
export function parseSubtitle(text: string): Subtitle {
  const split = new RegExp(`^(.*)\\s+[-–]\\s+(${WEEKDAY}\\b.*)$`, 'i').exec(text);
  if (split) {
    const when = split[2] ?? '';
    // The time follows the year; don't read the day of the month as a time.
    const afterYear = when.replace(/^.*?\b\d{4}\b/, '');
    return { committee: (split[1] ?? '').trim() || null, date: parseDate(when), time: parseTime(afterYear) };
  }
  const date = parseDate(text);
  return { committee: date ? null : text.trim() || null, date, time: null };
}
