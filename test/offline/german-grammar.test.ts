import { describe, expect, it } from 'vitest';
import { findAllQuotes } from '../../src/core/offline/index.ts';

/** Speakers of a German text, one sentence a paragraph as news wires write it. */
function speakers(...paragraphs: string[]): Array<string | null> {
  return findAllQuotes(paragraphs.join('\n\n')).map((q) => q.speaker);
}

const LEAD =
  'Der Stadtrat von Lindau hat sich am Dienstag mit dem Haushalt für das kommende Jahr befasst, der nicht ausgeglichen ist.';

describe('GIVEN a German article WHEN the grammar around a quote names the speaker', () => {
  it('THEN a surname after a pronoun and a verb ("Diese hatte Kortmann") is still a name', () => {
    expect(
      speakers(
        LEAD,
        'Die Abgeordnete Swenja Kortmann legte ihr Amt im Finanzausschuss nieder.',
        'Diese hatte Kortmann schon im Mai angekündigt.',
        'Dazu erklärte Kortmann: „Ich habe bis heute keine vollständigen Unterlagen erhalten.“',
      ),
    ).toEqual(['Swenja Kortmann']);
  });

  it('THEN words across a sentence end ("zu bringen. Lukin sagte") are no article and noun', () => {
    expect(
      speakers(
        LEAD,
        'Die Polizei bemüht sich seit Stunden, die Lage am Bahnhof unter Kontrolle zu bringen.',
        'Lukin sagte auf einer Pressekonferenz: „Wir haben alle verfügbaren Kräfte im Einsatz.“',
      ),
    ).toEqual(['Lukin']);
  });

  it('THEN an adjective opening the sentence ("Jegliche Verantwortung") is not a name', () => {
    expect(
      speakers(
        LEAD,
        'Die Abgeordnete Swenja Kortmann legte ihr Amt im Finanzausschuss nieder.',
        'Jegliche Verantwortung für die Affäre weist Kortmann von sich: „Dafür ist allein der Vorsitzende zuständig.“',
      ),
    ).toEqual(['Swenja Kortmann']);
  });

  it('THEN the subject after any verb that follows a quote is the speaker ("zeigte sich X zufrieden")', () => {
    expect(
      speakers(
        LEAD,
        '„Wir haben jetzt vier Punkte und brauchen nur noch ein Unentschieden“, zeigte sich Milo Radić, der Trainer der Gäste, nach dem Spiel zufrieden.',
      ),
    ).toEqual(['Milo Radić']);
  });

  it('THEN "hieß es vom Abgeordneten X" names X', () => {
    expect(
      speakers(
        LEAD,
        '„Alle Anzeichen deuten auf einen Anschlag hin“, hieß es vom Abgeordneten des Stadtrates Jurij Markow.',
      ),
    ).toEqual(['Jurij Markow']);
  });

  it('THEN a quote in brackets after a name is that person’s, even in a list opened by "so"', () => {
    expect(
      speakers(
        LEAD,
        'Auch andere gratulierten, so der spanische Ministerpräsident Morales, der Leiter der Behörde, Anton Weigl („Niemand hat diese Ehre mehr verdient.“), und weitere Gäste.',
      ),
    ).toEqual(['Anton Weigl']);
  });

  it('THEN a one-word name followed by its verb is the subject of a colon quote with no speech verb', () => {
    expect(
      speakers(
        LEAD,
        'Rasmussen begründete seinen Rücktritt mit den Worten: „Ich brauche nach zwölf Jahren eine Pause.“',
      ),
    ).toEqual(['Rasmussen']);
  });

  it('THEN a quote standing alone after sentences about a person is theirs', () => {
    expect(
      speakers(
        LEAD,
        'Bürgermeister Gerold Haslinger (CSU) hat nun angekündigt, die Gebühren zu senken.',
        'Um das Geld dafür zu finden, will Haslinger bei der Verwaltung sparen.',
        '„Nicht jede Stelle im Rathaus ist für den Betrieb der Stadt notwendig.“',
      ),
    ).toEqual(['Gerold Haslinger']);
  });

  it('THEN "Zitat von X:" names X, not the noun before "von"', () => {
    expect(
      speakers(
        LEAD,
        'Bürgermeister Gerold Haslinger (CSU) zeigte sich nach der Abstimmung erleichtert.',
        'Zitat von Haslinger: „Wir haben etwas erreicht, was viele für unmöglich gehalten haben.“',
      ),
    ).toEqual(['Gerold Haslinger']);
  });

  it('THEN a surname that ends like an adjective ("Schweinsteiger") is still a name', () => {
    expect(
      speakers(
        LEAD,
        'Zwei Minuten später schoss Mario Gómez das Tor zum 3:0 Endstand.',
        'Für Aufregung sorgte auch eine Attacke des Nürnberger Spielers Javier Pinola gegen Bastian Schweinsteiger.',
        '„So was habe ich noch nie erlebt. Das gehört nicht auf den Platz“, sagte Schweinsteiger nach dem Spiel zur ARD.',
      ),
    ).toEqual(['Bastian Schweinsteiger']);
  });

  it('THEN the name opening a clause whose verb comes last is its subject, not the role before the verb', () => {
    expect(
      speakers(
        LEAD,
        'Am Wochenende äußerten sich sowohl der CSU-Vorsitzende Stoiber als auch Landesgruppenchef Glos.',
        'Glos hatte in einem Interview gesagt, die Fraktionen müssten einbezogen werden.',
        'Stoiber hatte besonders die Rolle der Fraktions- und Parteivorsitzenden betont: „Die Entscheidungen fallen im Kreise der Parteivorsitzenden.“',
      ),
    ).toEqual(['Stoiber']);
  });

  it('THEN a noun after a preposition and before the verb ("Für Aufregung sorgte") is no one', () => {
    expect(
      speakers(
        LEAD,
        'Für Aufregung sorgte am Abend eine Rede im Saal.',
        '„Wir lassen uns das nicht länger gefallen.“',
      ),
    ).toEqual([null]);
  });
});
