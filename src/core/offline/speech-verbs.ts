/**
 * Verbs that attribute speech, per language, as regex alternations of their finite forms.
 * English is built from the base form (regular endings derived, irregular ones listed); French,
 * German and Spanish list the forms news writing uses, including the inverted ones
 * ("a-t-il ajouté", "fügte er hinzu") that the attribution patterns read separately.
 */

// base[:past[:ing]] — past and -ing are derived when not given.
const ENGLISH = `say:said tell:told write:wrote:writing speak:spoke add warn remark caution state explain
note ask argue insist declare claim reply respond announce recall stress emphasize emphasise
admit:admitted:admitting acknowledge observe comment concede predict promise continue tweet post
joke quip:quipped:quipping urge vow pledge suggest complain conclude shout testify confirm deny
demand recount wonder accuse call praise lament advise charge contend counter assert allege
maintain boast brag:bragged:bragging blast slam:slammed:slamming scoff muse mock retort exclaim
yell scream whisper mutter describe insist repeat reiterate agree disagree elaborate proclaim cry
chant begin:began:beginning thunder fume snap:snapped:snapping snipe gush rave hint tout question
challenge criticize criticise condemn denounce defend dismiss reject applaud thank congratulate
apologize apologise confess reveal disclose report inform assure reassure remind summarize
summarise offer propose guarantee swear:swore:swearing threaten plead beg:begged:begging cheer
greet label dub:dubbed:dubbing deem brand term recommend estimate point counsel caution concur
acknowledge grumble groan sigh laugh marvel gripe rail:railed:railing fire:fired:firing shoot:shot
explain answer interject interrupt insist opine posit reason observe remark vent bemoan decry
deride ridicule taunt tease lecture preach plead implore exhort assert aver affirm attest certify
declare divulge recite quote cite bark growl howl roar bellow holler sneer jab:jabbed:jabbing
lash quiz:quizzed:quizzing probe query press demur balk hedge waffle acknowledge`;

function englishForms(entry: string): string[] {
  const [base = '', pastGiven, ingGiven] = entry.split(':');
  const past = pastGiven ?? pastOf(base);
  const ing = ingGiven ?? ingOf(base);
  return [base, thirdPerson(base), past, ing];
}

function pastOf(base: string): string {
  if (base.endsWith('e')) return `${base}d`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ied`;
  return `${base}ed`;
}

function ingOf(base: string): string {
  if (/[^e]e$/.test(base)) return `${base.slice(0, -1)}ing`;
  return `${base}ing`;
}

function thirdPerson(base: string): string {
  if (/(?:s|sh|ch|x|z)$/.test(base)) return `${base}es`;
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  return `${base}s`;
}

const ENGLISH_ENTRIES = ENGLISH.split(/\s+/).filter((w) => w !== '');
const ENGLISH_FINITE = new Set(ENGLISH_ENTRIES.flatMap((e) => englishForms(e).slice(0, 3)));
const ENGLISH_ING = new Set(ENGLISH_ENTRIES.map((e) => englishForms(e)[3]!));

// Participle and present third person: "a déclaré", "avait déclaré", "déclare", "déclara".
const FRENCH = `déclaré:déclare:déclara affirmé:affirme:affirma ajouté:ajoute:ajouta expliqué:explique:expliqua
précisé:précise:précisa souligné:souligne:souligna indiqué:indique:indiqua assuré:assure:assura
estimé:estime:estima dit:dit lancé:lance:lança martelé:martèle:martela insisté:insiste:insista
reconnu:reconnaît:reconnut répondu:répond:répondit prévenu:prévient:prévint confié:confie:confia
dénoncé:dénonce:dénonça regretté:regrette:regretta averti:avertit jugé:juge:jugea
rappelé:rappelle:rappela poursuivi:poursuit:poursuivit conclu:conclut réagi:réagit
annoncé:annonce:annonça commenté:commente:commenta résumé:résume:résuma raconté:raconte:raconta
témoigné:témoigne:témoigna promis:promet:promit admis:admet:admit critiqué:critique:critiqua
accusé:accuse:accusa observé:observe:observa noté:note:nota relevé:relève:releva
plaidé:plaide:plaida ironisé:ironise:ironisa écrit:écrit glissé:glisse:glissa lâché:lâche:lâcha
déploré:déplore:déplora avoué:avoue:avoua tranché:tranche:trancha détaillé:détaille:détailla
argumenté:argumente:argumenta renchéri:renchérit reprend:repris:reprit soutenu:soutient:soutint
exclamé:exclame:exclama interrogé:interroge:interrogea inquiété:inquiète:inquiéta
félicité:félicite:félicita indigné:indigne:indigna demandé:demande:demanda raillé:raille:railla
tweeté:tweete:tweeta écrit:écrit constaté:constate:constata prédit:prédit
répliqué:réplique:répliqua rétorqué:rétorque:rétorqua`;

// Simple past and present; separable verbs keep their prefix apart ("fügte … hinzu").
const GERMAN = `sagte sagt erklärte erklärt betonte betont meinte meint warnte warnt kritisierte kritisiert
forderte fordert berichtete berichtet schrieb schreibt ergänzte ergänzt erläuterte erläutert
versicherte versichert unterstrich unterstreicht bekräftigte bekräftigt antwortete antwortet
entgegnete entgegnet klagte klagt beklagte beklagt mahnte mahnt lobte lobt versprach verspricht
twitterte twittert schimpfte schimpft jubelte jubelt argumentierte argumentiert verkündete verkündet
fragte fragt räumte räumt kündigte kündigt fügte fügt teilte teilt stellte stellt gab gibt
bestätigte bestätigt sprach spricht beteuerte beteuert resümierte resümiert bilanzierte bilanziert
monierte moniert urteilte urteilt befand befindet glaubt glaubte hofft hoffte
äußerte äußert ausführte führte führt zitiert zitierte`;

const SPANISH = `dijo dice afirmó afirma aseguró asegura señaló señala explicó explica añadió añade agregó agrega
advirtió advierte declaró declara indicó indica manifestó manifiesta sostuvo sostiene subrayó
subraya destacó destaca recordó recuerda insistió insiste lamentó lamenta prometió promete
reconoció reconoce admitió admite criticó critica denunció denuncia apuntó apunta comentó comenta
concluyó concluye respondió responde replicó replica expresó expresa aseveró asevera precisó precisa
anunció anuncia alertó alerta reclamó reclama pidió pide escribió escribe tuiteó tuitea confesó
confiesa contó cuenta relató relata opinó opina valoró valora defendió defiende apostilló apostilla
zanjó zanja remarcó remarca enfatizó enfatiza sentenció sentencia ironizó ironiza preguntó pregunta
exclamó exclama reiteró reitera detalló detalla celebró celebra`;

const FRENCH_FORMS = FRENCH.split(/\s+/).flatMap((e) => e.split(':'));
const words = (list: string) => list.split(/\s+/).filter((w) => w !== '');

/** The past participles after which French puts the subject ("a déclaré Étienne Marchand"). */
export const FRENCH_PARTICIPLES = new Set(
  FRENCH.split(/\s+/)
    .filter((e) => e !== '')
    .map((e) => e.split(':')[0]!),
);

function alternation(forms: Iterable<string>): string {
  // Longest first, so "said" never stops a match that "saidst"… would need; also keeps
  // "explique" from shadowing "expliqué" in a non-anchored search.
  return `(?:${[...new Set(forms)].sort((a, b) => b.length - a.length).join('|')})`;
}

/** Finite speech verbs of all four languages: "said", "a déclaré", "sagte", "dijo". */
export const SPEECH_VERB = alternation([
  ...ENGLISH_FINITE,
  // A headline or a transcript opens with the verb: "Stated Stone:", "Continued Trump:".
  ...'Said Says Added Continued Stated Wrote Asked Explained Noted Declared Replied Responded'.split(
    ' ',
  ),
  ...FRENCH_FORMS.flatMap((f) => [`a ${f}`, `avait ${f}`, f]),
  ...words(GERMAN),
  ...words(SPANISH),
]);

/** English -ing forms that attach a quote to the clause's subject ("…, saying “…”"). */
export const SPEECH_ING = alternation(ENGLISH_ING);

/** Separable German prefixes that close a speech verb: "fügte er hinzu", "räumte sie ein". */
export const GERMAN_PARTICLES = '(?:hinzu|ein|an|mit|klar|zu|fest|aus)';

const FINITE = new Set([...ENGLISH_FINITE, ...FRENCH_FORMS, ...words(GERMAN), ...words(SPANISH)]);
// Capitalized forms that open a sentence (see SPEECH_VERB).
for (const verb of 'Said Says Added Continued Stated Wrote Asked Explained Noted Declared Replied Responded'.split(
  ' ',
)) {
  FINITE.add(verb);
}
// The auxiliary right before a participle, not inside a word ("Obama " is not "a ").
const FRENCH_AUXILIARY = /(?<![\p{L}-])(a|avait)\s+$/u;
const WORD = /[\p{L}][\p{L}-]*/gu;

/**
 * Every speech verb in `text`, by looking words up rather than running the alternation at
 * every position: texts can be a whole page with no sentence end. French compound forms start
 * at the auxiliary ("a déclaré"); `ing` marks English -ing forms.
 */
export function speechVerbs(text: string): Array<{ index: number; text: string; ing: boolean }> {
  const found: Array<{ index: number; text: string; ing: boolean }> = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const ing = ENGLISH_ING.has(word);
    if (!ing && !FINITE.has(word)) continue;
    if (!ing && isEnglishNoun(word, text.slice(Math.max(0, match.index - 40), match.index)))
      continue;
    let index = match.index;
    if (FRENCH_FORMS_SET.has(word)) {
      const lead = text.slice(Math.max(0, index - 8), index);
      const aux = FRENCH_AUXILIARY.exec(lead);
      if (aux !== null) index -= lead.length - aux.index;
    }
    found.push({ index, text: text.slice(index, match.index + word.length), ing });
  }
  return found;
}
const FRENCH_FORMS_SET = new Set(FRENCH_FORMS);

// Words that open an English noun phrase, and modifiers news writing puts between them and
// the noun: "his remarks", "the latest reports", "Trump’s early-morning tweets".
const MODIFIER =
  '(?:\\p{L}+-)*(?:early|earlier|recent|latest|late|later|new|own|many|several|repeated|previous|public|first|last|frequent|numerous|morning|night|evening)';
const DETERMINER_BEFORE = new RegExp(
  `(?<![\\p{L}-])(?:the|an?|his|its|their|our|my|your|these|those)\\s+(?:${MODIFIER}\\s+)?$`,
  'iu',
);
const POSSESSIVE_BEFORE = new RegExp(
  `(?:\\p{L}['’]s|(?<![\\p{L}-])her)\\s+(?:${MODIFIER}\\s+)?$`,
  'iu',
);

/**
 * True when an English speech verb's form is a noun where it stands: right after a determiner
 * ("the report", "his tweets"), or, in the plural, after a possessive ("Trump’s early tweets",
 * "her remarks"), where "Trump’s said" would be "has said".
 */
function isEnglishNoun(word: string, before: string): boolean {
  if (!ENGLISH_FINITE.has(word) || FRENCH_FORMS_SET.has(word)) return false;
  if (DETERMINER_BEFORE.test(before)) return true;
  return /[^s]s$/.test(word) && POSSESSIVE_BEFORE.test(before);
}
