/**
 * What ends a resolution: paragraphs after which numbered or lettered text is no longer a
 * clause ("REASONS - (a) …", "Reasons for making the decision:", "[Notes; 1. …", "Voting Record").
 * A style of ending seen on a council's page is one more entry here.
 */
export const END_MARKERS: { name: string; pattern: RegExp }[] = [
  { name: 'reasons', pattern: /^(?:The\s+)?(?:Reasons?|Rheswm|Rhesymau)\b(?:\s+(?:for|why|dros|am)\b[^:]{0,80})?\s*(?:[:–—-]|$)/i },
  { name: 'notes', pattern: /^[[(]?\s*(?:NOTES?|N\.?B\.?)\s*[;:–—-]/i },
  { name: 'officer responsible', pattern: /^(?:The\s+)?(?:Lead\s+|Responsible\s+|Contact\s+)?Officers?\s+(?:responsible|to\s+(?:action|implement)|for\s+action)\b|^(?:Lead|Contact|Responsible)\s+Officer\s*:/i },
  { name: 'voting record', pattern: /^(?:Voting\s+Record|Recorded\s+Votes?|Record\s+of\s+(?:the\s+)?Votes?|Vote\s+Record|Named\s+Vote|The\s+(?:voting|vote)\s+(?:was|being)\b|Voting\s*:|Votes?\s*:)/i },
  { name: 'vote table', pattern: /^(?:For|Against|Abstain(?:ed|ing|ers)?|Abstentions?|Absent|Did\s+not\s+vote)\s*(?:\(\s*\d+\s*\)|[:–-]?\s*\d+)?\s*:?$/i },
  { name: 'alternatives', pattern: /^(?:Alternative|Other)\s+(?:options?|courses?\s+of\s+action)\b|^Options?\s+(?:considered|rejected)\b/i },
  { name: 'conflicts', pattern: /^(?:Details\s+of\s+)?(?:any\s+)?(?:conflicts?\s+of\s+interest|dispensations?\s+granted)\b/i },
  { name: 'decision record', pattern: /^\(?\s*(?:The\s+decisions?\s+(?:on\s+this\s+item\s+)?(?:can|may|will)\s+(?:not\s+)?be\s+called[\s-]+in|Call[\s-]+in\b|Reasons?\s+for\s+urgency|Date\s+of\s+(?:decision|publication)|Key\s+decision\b|Wards?\s+affected|Implementation\s+date|Decision\s+(?:maker|status)\b)/i },
  // A short line ending in a colon heads what follows: "Options considered:", "Background:";
  // "That the following be approved:" introduces clauses instead.
  { name: 'heading', pattern: /^(?!(?:That|To|Bod)\b)[A-Z\u00C0-\u024F](?:[^\s.;:()]*\s+){0,6}[^\s.;:()]*\s*:\s*-?$/ },
];

export function endMarkerOf(text: string): string | null {
  for (const marker of END_MARKERS) if (marker.pattern.test(text)) return marker.name;
  return null;
}
