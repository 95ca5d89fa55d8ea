/**
 * Procedural items: the business of running the meeting, not a topic a researcher compares.
 * Titles as councils print them, in English and Welsh (the style catalogue's procedural
 * entries: tests/fixtures/catalogue/styles/procedural-*.json); a new wording is a new pattern here.
 */
export const PROCEDURAL_TITLES: { name: string; pattern: RegExp }[] = [
  { name: 'apologies', pattern: /^(?:to\s+receive\s+)?(?:any\s+)?apolog(?:y|ies)\b|^roll\s+call\b|^ymddiheuriad(?:au)?\b/i },
  { name: 'substitutes', pattern: /^(?:notification\s+of\s+)?substitut(?:es|ions?|e\s+members)\b/i },
  {
    name: 'declarations of interest',
    pattern:
      /^disclosable\s+(?:pecuniary\s+)?interests?\b|^(?:to\s+receive\s+)?(?:any\s+)?(?:declarations?|disclosures?|register)\s+(?:of\s+(?:\w+\s+){0,4}interests?|by\s+members)\b|^(?:declarations?|disclosures?)\s+of\s+(?:interest|pecuniary)|^interests?$|^members(?:'|’)?\s+interests?\b|^(?:datgan(?:iad(?:au)?)?|datgelu)\s+(?:o\s+)?(?:fuddiant|buddiant|ddiddordeb|diddordeb)|^datgan\s+cysylltiad/i,
  },
  { name: 'minutes', pattern: /^(?:to\s+(?:approve|confirm|receive|agree|sign)\s+(?:as\s+a\s+correct\s+record\s+)?(?:the\s+)?)?(?:(?:confirmation|approval)\s+of\s+(?:the\s+)?)?(?:(?:previous|last|council|cabinet|unrestricted|restricted|public|draft)\s+)?minutes?\b|^cofnodion\b|^matters\s+arising\b|^record\s+of\s+(?:the\s+)?(?:previous\s+|last\s+)?(?:meeting|decisions)\s*$|^(?:[A-Z][\w&'’-]*\s+){1,4}meeting\s+(?:held\s+on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}$/i },
  {
    name: 'urgent business',
    pattern:
      /^(?:(?:determination|consideration|notification)\s+of\s+)?(?:any\s+)?(?:items?\s+(?:of|requiring)\s+)?urgent\s+(?:items?|business|matters|attention)\b|^(?:notification\s+of\s+)?(?:any\s+)?other\s+(?:items?\s+of\s+)?(?:urgent\s+)?business\b|^(?:notification\s+of\s+)?(?:any\s+)?items?\s+of\s+business\s+which\s+the\s+chair(?:man)?\s+(?:deems|considers)\s+urgent\b|^materion\s+brys\b/i,
  },
  {
    name: 'exclusion of press and public',
    pattern:
      /^(?:the\s+)?exclusion\s+of\s+(?:the\s+)?(?:press|public)|^(?:to\s+)?exclude\s+the\s+(?:press|public)|^(?:determination\s+of\s+)?(?:exempt|private|confidential|restricted)\s+(?:items?\s+of\s+)?(?:business|information|items?)\s*$|\bitems\s+of\s+business\s+marked\s+part\b|^(?:eithrio|gwahardd)\s+(?:y\s+)?(?:wasg|cyhoedd)|^local\s+government\s+act\s+1972\s*[-–:]?\s*exclusion/i,
  },
  {
    name: 'announcements',
    pattern:
      /^(?:(?:the\s+)?(?:chair(?:man|person)?|mayor|lord\s+mayor|leader|provost|convener|convenor)(?:'s|’s)?\s+)?(?:communications|announcements?|remarks)\b|^(?:chair(?:man|person)?|mayor|leader|convener|convenor)(?:'s|’s)\s+(?:communications|remarks)\b|^cyhoeddiad(?:au)?\b|^welcome(?:\s+and\s+introductions?)?\b|^(?:emergency\s+|fire\s+)?evacuation\s+procedures?\b|^housekeeping\b|^(?:committee\s+|meeting\s+)?(?:recording|webcasting|filming)\b/i,
  },
  {
    name: 'public questions and participation',
    pattern:
      /^(?:public|members?(?:'|’)?)\s+(?:questions?|participation|speaking|forum|question\s+time)\b|^(?:public\s+)?question\s+time\b|^questions?\s+(?:from|by)\s+(?:the\s+)?(?:members\s+of\s+the\s+)?public\b|^(?:to\s+receive\s+)?(?:any\s+)?(?:petitions?|deputations?)(?:\s+(?:and|or)\s+(?:questions|deputations|petitions))?(?:\s*\(if\s+any\))?\s*:?$|^cwestiynau\b/i,
  },
  {
    name: 'election of chair',
    pattern:
      /^(?:election|appointment)\s+of\s+(?:a\s+|the\s+)?(?:vice[\s-]+)?(?:chair(?:man|person|woman)?s?|convenor|convener)\b|^(?:to\s+)?(?:elect|appoint)\s+(?:a\s+|the\s+)?(?:vice[\s-]+)?chair|^(?:ethol|penodi)\s+(?:is[\s-]+)?(?:gadeirydd|cadeirydd)/i,
  },
  { name: 'date of next meeting', pattern: /^(?:the\s+)?dates?\s+(?:and\s+time\s+)?of\s+(?:the\s+)?(?:next|future)\s+meetings?\b|^(?:dyddiad|dyddiadau)\s+(?:y\s+)?cyfarfod/i },
];

/** Minutes of another body received with its recommendations ("Minutes - Capital Assets
 * Committee", "To receive and adopt the proceedings … of Committees") are business, not procedure. */
const ANOTHER_BODY = /^minutes?\s*(?:[-–:]|of\s+(?:the\s+)?(?:meetings?\s+of\s+(?:the\s+)?)?)\s*(?!(?:the\s+)?(?:previous|last|meeting|special|extraordinary|annual)\b)[A-Z][\w&'’ -]*\b(?:Committees?|Cabinet|Board|Panel|Executive|Forum|Partnership|Authority|Group|Commission)\b/i;
const RECEIVES_PROCEEDINGS = /\b(?:receive|adopt)\b[^.]{0,40}\bproceedings\b|\brecommendations\s+of\s+(?:the\s+)?committees\b/i;

/** Which procedural item a title names, or null for a substantive item. A bilingual
 * "Apologies / Ymddiheuriadau" reads as either half. */
export function proceduralKind(title: string, description = ''): string | null {
  for (const part of title.split(/\s+\/\s+/)) {
    const text = part.trim();
    for (const entry of PROCEDURAL_TITLES) {
      if (!entry.pattern.test(text)) continue;
      if (entry.name === 'minutes' && !/\b(?:previous|last)\b/i.test(text) && (ANOTHER_BODY.test(text) || RECEIVES_PROCEEDINGS.test(description))) return null;
      return entry.name;
    }
  }
  return null;
}
