import { describe, expect, it } from 'vitest';
import { groundingFor } from '../../src/core/grounding/apply.ts';
import { checkClaim, indexForGrounding } from '../../src/core/grounding/index.ts';

const hardReasons = (source: string, claim: string) =>
  checkClaim(indexForGrounding(source), claim).reasons.filter((reason) => reason.kind !== 'words');

describe('claims a reader would accept, that the checker once flagged', () => {
  it('GIVEN "1970s" where the source says "the early seventies" THEN no date is flagged', () => {
    const source =
      'The inspection found cracks in the main span. Steel bridges built in the early seventies were designed for lorries half the weight of today’s.';
    expect(
      hardReasons(source, 'Steel bridges from the 1970s were designed for lighter lorries.'),
    ).toEqual([]);
  });

  it('GIVEN an essay that names nobody THEN a sentence-initial word it never uses is not a name', () => {
    const source = [
      'The four-day week is not a perk.',
      'The firms that succeeded cut meetings, sometimes by half.',
      'They stopped producing reports nobody read.',
      'They gave teams blocks of time without interruptions.',
      'Most companies never get round to doing any of this.',
    ].join(' ');
    expect(
      hardReasons(source, 'Successful firms cut meetings and stopped producing reports.'),
    ).toEqual([]);
  });

  it('GIVEN a surname the title gives THEN it is found in a claim about a passage far below', () => {
    const source = [
      'A conversation with Rosa Delgado',
      '',
      'Rosa Delgado runs a bakery in Leith.',
      '',
      'Q: How has the price of flour changed?',
      'A: It went up by half in two years, and we had to raise the price of a loaf.',
      '',
      'Q: What would help?',
      'A: Lower business rates on food shops, honestly. And help paying for a new oven.',
    ].join('\n');
    expect(hardReasons(source, 'Delgado asks for lower business rates on food shops.')).toEqual([]);
  });

  it('GIVEN a place named in a section heading THEN a claim about its section finds it', () => {
    // Every section tells the same story; only its heading says which village it is about.
    const village = (name: string) => [
      `Part: ${name}`,
      '',
      'The embankment had been patched many times before it gave way in the storm.',
      'Sandbags were delivered late and pumping stations lost power.',
      'The embankment had been patched so often that it was more patch than bank.',
      '',
    ];
    const villages = ['Ashby', 'Marston', 'Holme', 'Weybourne', 'Corby', 'Saltcote', 'Oxholme'];
    const source = villages.flatMap(village).join('\n');
    expect(hardReasons(source, 'In Saltcote, a repeatedly patched embankment gave way.')).toEqual(
      [],
    );
  });

  it('GIVEN "late or not at all" as the source writes it THEN the negation is not flagged', () => {
    const findings = (place: string) =>
      `Findings for ${place}: the inquiry finds that warnings reached residents late or not at all.`;
    const other = (place: string) =>
      `In ${place}, warnings often arrived by text message to landlines that had been disconnected for years.`;
    const source = ['Ashby', 'Marston', 'Holme'].flatMap((p) => [other(p), findings(p)]).join(' ');
    expect(
      hardReasons(
        source,
        'Warnings often arrived late or not at all, some going to disconnected landlines.',
      ),
    ).toEqual([]);
  });

  it('GIVEN an English claim naming June of a Spanish source THEN the month is found', () => {
    const source = 'La Junta prepara un plan de restricciones que podría entrar en vigor en junio.';
    const result = checkClaim(indexForGrounding(source), 'The restrictions could start in June.', {
      lexical: false,
    });
    expect(result.reasons).toEqual([]);
  });
});

describe('the same rules still catch a changed fact', () => {
  it('GIVEN "1980s" where the source says "the seventies" THEN the date is flagged', () => {
    const source = 'Steel bridges built in the early seventies were designed for lighter lorries.';
    expect(
      hardReasons(source, 'Steel bridges built in the 1980s were designed for lighter lorries.'),
    ).toEqual([{ kind: 'date', text: '1980' }]);
  });

  it('GIVEN a negation the source puts on another word THEN it is still flagged', () => {
    const source =
      'Warnings reached residents late or not at all. The pumps worked through the night.';
    expect(hardReasons(source, 'The pumps did not work through the night.')).toContainEqual({
      kind: 'negation',
      text: 'not',
    });
  });
});

describe('figures written the German way', () => {
  it('GIVEN "1.500 Euro" in a German source THEN "€1,500" in an English claim is found', () => {
    const source = 'Die Beschäftigten erhalten eine einmalige Zahlung von 1.500 Euro.';
    const result = checkClaim(indexForGrounding(source), 'Staff get a one-off €1,500.', {
      lexical: false,
    });
    expect(result.reasons).toEqual([]);
  });
});

describe('a pasted source without a language', () => {
  it('GIVEN a Spanish paste summarized in English THEN number words and translated names are not flagged', async () => {
    const text = [
      'Los embalses de la cuenca del Guadalquivir se encuentran al 22 % de su capacidad.',
      'La Junta de Andalucía prepara un plan de restricciones para el verano.',
      'Es el quinto año seco: las lluvias han estado por debajo de la media durante cinco años.',
      'El plan reduce a la mitad la dotación de los regantes, que consumen el 80 % del agua.',
    ].join(' ');
    const grounder = groundingFor({ text, url: null, lang: null }, 'en');
    const lines = await grounder.reaskLines({
      tldr: 'Andalusia is preparing restrictions after five dry years, with reservoirs at 22%.',
      bullets: [],
    });
    expect(lines).toEqual([]);
  });
});
