import { benchCompare } from './inPage/compare';

import { compareVocabulary } from './compare';
const words = compareVocabulary();
console.log('vocab', words.length, new Set(words).size);
const r = benchCompare(words, 10);
console.log({ ...r, incrementalMs: r.incrementalMs.map((x) => x.toFixed(1)).join(' ') });
