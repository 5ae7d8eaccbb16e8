/** English function words: they say nothing about what a sentence is about. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also although always am among an and another any
  anyone anything are around as at away back be became because become been before being below
  between both but by can cannot could did do does doing done down during each either else even
  ever every few for from further get gets got had has have having he her here hers herself him
  himself his how however i if in into is it its itself just last least less like made make many
  may me might more most much must my myself near need neither never new no nor not now of off
  often on once one only or other others our ours ourselves out over own per perhaps put quite
  rather really said same say says see seem seemed several shall she should since so some still
  such than that the their theirs them themselves then there these they thing things this those
  though through thus to too toward towards under until up upon us very was we well were what
  whatever when where whether which while who whom whose why will with within without would yet
  you your yours yourself yourselves according told added mr mrs ms dr s t don didn doesn isn
  wasn aren weren won wouldn couldn shouldn ve ll re d m`.split(/\s+/),
);
