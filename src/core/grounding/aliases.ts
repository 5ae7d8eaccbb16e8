/**
 * Names a reader takes as the same: a country and its people ("German" for Germany), and the
 * usual short forms of a few countries, and capitals that news uses for their governments
 * ("Moscow warned …"). Each group is a set of lower-cased words; a name in a
 * summary is found when any word of its group is in the source.
 */
const GROUPS = `afghanistan afghan afghans
albania albanian albanians
algeria algerian algerians
america american americans us usa states washington
argentina argentine argentinian argentinians
australia australian australians aussie
austria austrian austrians
bangladesh bangladeshi bangladeshis
belgium belgian belgians
brazil brazilian brazilians
britain british briton britons uk kingdom
bulgaria bulgarian bulgarians
canada canadian canadians
chile chilean chileans
china chinese beijing
colombia colombian colombians
croatia croatian croatians croat croats
cuba cuban cubans
czech czechs czechia
denmark danish dane danes
egypt egyptian egyptians
england english
estonia estonian estonians
ethiopia ethiopian ethiopians
europe european europeans eu
finland finnish finn finns
france french frenchman paris
germany german germans berlin
ghana ghanaian ghanaians
greece greek greeks
hungary hungarian hungarians
iceland icelandic icelanders
india indian indians
indonesia indonesian indonesians
iran iranian iranians tehran
iraq iraqi iraqis
ireland irish
israel israeli israelis
italy italian italians
japan japanese
jordan jordanian jordanians
kenya kenyan kenyans
korea korean koreans
kuwait kuwaiti kuwaitis
latvia latvian latvians
lebanon lebanese
libya libyan libyans
lithuania lithuanian lithuanians
malaysia malaysian malaysians
mexico mexican mexicans
morocco moroccan moroccans
netherlands dutch holland
nigeria nigerian nigerians
norway norwegian norwegians
pakistan pakistani pakistanis
palestine palestinian palestinians
peru peruvian peruvians
philippines filipino filipinos philippine
poland polish pole poles
portugal portuguese
qatar qatari qataris
romania romanian romanians
russia russian russians moscow kremlin
saudi saudis arabia
scotland scottish scots scot
serbia serbian serbians serb serbs
slovakia slovak slovaks
slovenia slovenian slovenians
somalia somali somalis
spain spanish spaniard spaniards
sudan sudanese
sweden swedish swede swedes
switzerland swiss
syria syrian syrians
taiwan taiwanese
thailand thai thais
turkey turkish turk turks
uganda ugandan ugandans
ukraine ukrainian ukrainians kyiv kiev
venezuela venezuelan venezuelans
vietnam vietnamese
wales welsh
yemen yemeni yemenis
zimbabwe zimbabwean zimbabweans
nations un`;

const ALIASES = new Map<string, readonly string[]>();
for (const line of GROUPS.split('\n')) {
  const group = line.trim().split(/\s+/);
  for (const word of group) ALIASES.set(word, group);
}

/** The words that may stand for this name in a source, itself first. */
export function aliasesOf(norm: string): readonly string[] {
  return ALIASES.get(norm) ?? [norm];
}
