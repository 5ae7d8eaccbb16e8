import { describe, expect, it } from 'vitest';
import { findAllQuotes } from '../../src/core/offline/index.ts';

/** Speakers of a German text, one sentence a paragraph as news wires write it. */
function speakers(...paragraphs: string[]): Array<string | null> {
  return findAllQuotes(paragraphs.join('\n\n')).map((q) => q.speaker);
}

const LEAD =
  'Die Regierung hat sich am Montag mit den Gewerkschaften auf einen neuen Tarif geeinigt.';

describe('GIVEN a German article WHEN its quotes are attributed', () => {
  it('THEN a capitalised noun before the verb is not the speaker, the name after it is', () => {
    expect(
      speakers(
        LEAD,
        'Der Zeitung sagte Filip Maarsen: „Wir haben lange genug auf diese Einigung gewartet.“',
      ),
    ).toEqual(['Filip Maarsen']);
  });

  it('THEN "mit folgenden Worten" names no one and the subject speaks', () => {
    expect(
      speakers(
        LEAD,
        'Der Verhandlungsführer Eskil Brandt äußerte sich mit folgenden Worten: „Das ist ein fairer Abschluss für alle Beteiligten.“',
      ),
    ).toEqual(['Eskil Brandt']);
  });

  it('THEN an adverb opening the sentence ("Dazu erklärte X") is not a name', () => {
    expect(
      speakers(
        LEAD,
        'Die Gewerkschaft der Pflegekräfte unter Leitung von Irmela Hartwig war nicht beteiligt.',
        'Dazu erklärte Hartwig: „Wir werden uns an diesen Tarif nicht gebunden fühlen.“',
      ),
    ).toEqual(['Irmela Hartwig']);
  });

  it('THEN a capitalised participle opening the sentence is not a name', () => {
    expect(
      speakers(
        LEAD,
        'Der Landesvorsitzende Reinholt Gamm lobte die Einigung.',
        'Einschränkend fügte Gamm hinzu: „Die Umsetzung in den Kliniken wird aber Jahre dauern.“',
      ),
    ).toEqual(['Reinholt Gamm']);
  });

  it('THEN a role and a place in the genitive before the name are not the name', () => {
    expect(
      speakers(
        LEAD,
        '„Wir tragen die Kosten für die Länder mit“, sagte der Finanzminister Sachsens Oskar Wendt.',
      ),
    ).toEqual(['Oskar Wendt']);
  });

  it('THEN "so X" after a quote in the middle of a sentence attributes it', () => {
    expect(
      speakers(
        LEAD,
        'Der Iran müsse „die Anreicherung von Uran vollständig und nachprüfbar“ beenden, so Rice.',
      ),
    ).toEqual(['Rice']);
  });

  it('THEN "nach Ansicht von X" attributes the quote', () => {
    expect(
      speakers(
        LEAD,
        'Nach Ansicht von Senator Dodd hat die Notenbank in der Krise „auf ganzer Linie und ohne Not versagt“.',
      ),
    ).toEqual(['Dodd']);
  });

  it('THEN a quote in the sentence after a speaker continues that speaker', () => {
    expect(
      speakers(
        LEAD,
        'Die Fraktionschefin der Grünen, Renate Kühnel, sagte, es müsse nun Schluss sein mit den Ausreden.',
        'Es drohe „eine Erwärmung von bis zu sechs Grad, die nur durch sofortiges Handeln abgewendet werden kann“.',
      ),
    ).toEqual(['Renate Kühnel']);
  });

  it('THEN the subject of a "wie X … erklärte" clause is the speaker, not a place after it', () => {
    expect(
      speakers(
        LEAD,
        'Wie der Finanzminister Hartwig Möllenkamp am Dienstag in Hannover erklärte, sieht die Regierung darin „kein Hindernis für den freien Kapitalverkehr“.',
      ),
    ).toEqual(['Hartwig Möllenkamp']);
  });

  it('THEN a name with an appositive the comma does not close is the speaker', () => {
    expect(
      speakers(
        LEAD,
        'Houcine Abdelli, der Generalsekretär des Gewerkschaftsverbandes Union Générale du Travail sagte gegenüber der Agentur: „Wir werden nicht zurückkehren zur Diktatur.“',
      ),
    ).toEqual(['Houcine Abdelli']);
  });

  it('THEN a quote in brackets right after a name is that person’s', () => {
    expect(
      speakers(
        LEAD,
        'Auch der Leiter der Atomenergiebehörde, Mohammed Elbarawi („Mir fällt niemand ein, der diese Ehre mehr verdient hätte.“), gratulierte dem Präsidenten.',
      ),
    ).toEqual(['Mohammed Elbarawi']);
  });

  it('THEN a role "von" an organisation before an apposed name gives the name', () => {
    expect(
      speakers(
        LEAD,
        '„Die Auswirkungen der Digitalisierung werden immer stärker sichtbar“, sagte der Deutschlandchef von EY, Hubert Barth.',
      ),
    ).toEqual(['Hubert Barth']);
  });
});

describe('GIVEN an English article WHEN a quote its paragraph does not attribute follows a speaker', () => {
  it('THEN it continues the previous paragraph’s speaker', () => {
    const text = [
      '“We will open the new clinic in March,” said Mayor Ana Ruiz on Monday.',
      'The city will also hire twelve nurses, who will be “the backbone of the whole project.”',
    ].join('\n\n');
    expect(findAllQuotes(text).map((q) => q.speaker)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });

  it('THEN it does not continue into a paragraph that names someone else', () => {
    const text = [
      '“We will open the new clinic in March,” said Mayor Ana Ruiz on Monday.',
      'Tom Baker’s report had called the plan “a waste of money for the whole city.”',
    ].join('\n\n');
    expect(findAllQuotes(text).map((q) => q.speaker)).toEqual(['Ana Ruiz', null]);
  });

  it('THEN a forename makes a person of a surname that is also a place word', () => {
    expect(
      findAllQuotes(
        'The director of the agency, Anthony Lake, said: “This is a new horror for the children of the region.”',
      ).map((q) => q.speaker),
    ).toEqual(['Anthony Lake']);
  });
});

describe('GIVEN a German title in quotation marks WHEN quotes are found', () => {
  it('THEN a name whose lower-case words are only articles and prepositions is not a quote', () => {
    const text = `${LEAD} Das Gesetz trägt den Titel „Gesetz zur Änderung des Passgesetzes“ und gilt ab Mai.`;
    expect(findAllQuotes(text)).toEqual([]);
  });

  it('THEN a statement in the same marks is still a quote', () => {
    const text = `${LEAD} Der Minister sagte: „Das Gesetz zur Änderung des Passgesetzes kommt zu spät.“`;
    expect(findAllQuotes(text).map((q) => q.text)).toEqual([
      'Das Gesetz zur Änderung des Passgesetzes kommt zu spät.',
    ]);
  });
});
