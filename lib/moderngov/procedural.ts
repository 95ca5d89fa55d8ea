/**
 * Procedural items: the business of running the meeting, not a topic a researcher compares.
 * Titles as councils print them, in English and Welsh (see the style catalogue's procedural
 * entries); a title that only starts like one ("Minutes of the Health Board") still matches.
 */
export const PROCEDURAL_TITLES: { name: string; pattern: RegExp }[] = [
  { name: 'apologies', pattern: /^(?:to\s+receive\s+)?(?:any\s+)?apolog(?:y|ies)\b|^ymddiheuriad(?:au)?\b|^apologies\s+and\s+substitut/i },
  { name: 'substitutes', pattern: /^(?:notification\s+of\s+)?substitut(?:es|ions?|e\s+members)\b/i },
  { name: 'declarations of interest', pattern: /^(?:to\s+receive\s+)?(?:any\s+)?(?:declarations?|disclosures?|register)\s+of\s+(?:\w+\s+){0,3}interests?\b|^(?:declarations?|disclosures?)\s+of\s+(?:interest|pecuniary)|^interests?$|^members'?\s+interests?\b|^(?:datgan(?:iad(?:au)?)?|datganiadau)\s+(?:o\s+)?(?:fuddiant|buddiant|ddiddordeb|diddordeb)|^datgan\s+cysylltiad/i },
  { name: 'minutes', pattern: /^(?:to\s+(?:approve|confirm|receive|agree|sign)\s+(?:as\s+a\s+correct\s+record\s+)?(?:the\s+)?)?(?:confirmation\s+of\s+(?:the\s+)?)?(?:approval\s+of\s+(?:the\s+)?)?(?:previous\s+|last\s+)?minutes\b|^cofnodion\b|^matters\s+arising\b/i },
  { name: 'urgent business', pattern: /^(?:(?:determination|consideration)\s+of\s+)?(?:any\s+)?(?:items?\s+of\s+)?urgent\s+(?:items?|business|matters)\b|^(?:any\s+)?other\s+(?:items?\s+of\s+)?(?:urgent\s+)?business\b|^urgent\s+business\b|^materion\s+brys\b/i },
  { name: 'exclusion of press and public', pattern: /^(?:the\s+)?exclusion\s+of\s+(?:the\s+)?(?:press|public)|^(?:to\s+)?exclude\s+the\s+(?:press|public)|^(?:exempt|private|confidential)\s+(?:business|information|items?)\b|^(?:eithrio|gwahardd)\s+(?:y\s+)?(?:wasg|cyhoedd)|^local\s+government\s+act\s+1972\s*[-–:]?\s*exclusion/i },
  { name: 'announcements', pattern: /^(?:(?:the\s+)?(?:chair(?:man|person|'s)?|mayor|lord\s+mayor|leader|provost)(?:'s|’s)?\s+)?(?:communications|announcements?)\b|^(?:chair(?:man|person)?|mayor|leader)(?:'s|’s)\s+(?:update|report|communications)\b|^cyhoeddiad(?:au)?\b|^welcome(?:\s+and\s+introductions?)?\b/i },
  { name: 'public questions and participation', pattern: /^(?:public|members?(?:'|’)?)\s+(?:questions?|participation|speaking|forum|question\s+time)\b|^questions?\s+(?:from|by)\s+(?:the\s+)?(?:members\s+of\s+the\s+)?(?:public|councillors|members)\b|^(?:petitions?\s+and\s+)?(?:deputations?|questions)$|^cwestiynau\b|^(?:to\s+receive\s+)?(?:any\s+)?(?:petitions?|deputations?)\s+(?:and\s+|or\s+)?(?:questions|deputations|petitions)?\s*$/i },
  { name: 'election of chair', pattern: /^(?:election|appointment)\s+of\s+(?:a\s+|the\s+)?(?:vice[\s-]+)?(?:chair(?:man|person|woman)?|convenor)\b|^(?:to\s+)?(?:elect|appoint)\s+(?:a\s+|the\s+)?(?:vice[\s-]+)?chair|^(?:ethol|penodi)\s+(?:is[\s-]+)?(?:gadeirydd|cadeirydd)/i },
  { name: 'date of next meeting', pattern: /^(?:the\s+)?dates?\s+(?:and\s+time\s+)?of\s+(?:the\s+)?(?:next|future)\s+meetings?\b|^(?:dyddiad|dyddiadau)\s+(?:y\s+)?cyfarfod/i },
];

/** Which procedural item a title names, or null for a substantive item. A bilingual
 * "Apologies / Ymddiheuriadau" reads as either half. */
export function proceduralKind(title: string): string | null {
  for (const part of title.split(/\s+\/\s+/)) {
    for (const entry of PROCEDURAL_TITLES) if (entry.pattern.test(part.trim())) return entry.name;
  }
  return null;
}
