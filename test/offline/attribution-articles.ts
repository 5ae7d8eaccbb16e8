import type { SpeakerFixture } from './multilingual-articles.ts';

/**
 * More news in French, German and Spanish, written for these tests before the attribution was
 * tuned on any data (no real people). Each covers the constructions that real articles use and
 * that the first fixtures did not: inverted attributions, "selon/según/laut/so X", colon quotes
 * with no verb, roles and organisations before or around the name, capitalised German nouns next
 * to the quote, and a speaker named only in the sentence before or after.
 */
export const ATTRIBUTION_ARTICLES: readonly SpeakerFixture[] = [
  {
    lang: 'fr',
    name: 'réforme des retraites',
    text: `Retraites : le gouvernement maintient le calendrier

Le ministre du Travail Olivier Reynaud a confirmé mercredi que le texte serait présenté en juin. « Nous ne reculerons pas sur l'âge de départ », a déclaré Olivier Reynaud devant la commission des Affaires sociales.

Selon Nadège Fournier, économiste à l'Observatoire des conjonctures, « la réforme rapportera moins que prévu dès la deuxième année ».

La secrétaire générale de la CFDT, Solène Aubry, a dénoncé un passage en force. « Le dialogue social a été réduit à une formalité », a-t-elle regretté. « Nous appelons à une journée de mobilisation le 14 mars. »

« Personne ne peut dire que nous n'avons pas écouté les syndicats », a répliqué le ministre dans la soirée.

Dans les rangs de la majorité, le député Grégoire Lemaire reste prudent : « Il faudra des garanties pour les carrières longues. »

Le Medef, lui, salue la fermeté de l'exécutif. « Les entreprises ont besoin de visibilité », estime son vice-président, Arnaud Castel.
`,
    quotes: [
      ['Nous ne reculerons pas', 'Olivier Reynaud'],
      ['la réforme rapportera', 'Nadège Fournier'],
      ['Le dialogue social', 'Solène Aubry'],
      ['Nous appelons', 'Solène Aubry'],
      ['Personne ne peut dire', 'Olivier Reynaud'],
      ['Il faudra des garanties', 'Grégoire Lemaire'],
      ['Les entreprises ont besoin', 'Arnaud Castel'],
    ],
  },
  {
    lang: 'fr',
    name: 'incendie dans les Landes',
    text: `Incendie dans les Landes : 2 000 hectares brûlés

Le feu a repris dans la nuit près de Mimizan. Le commandant des opérations de secours, le colonel Hervé Castagnet, a fait le point à l'aube.

« Le vent a tourné vers trois heures et les flammes ont franchi la route départementale », a-t-il expliqué. « Nous avons engagé quatre cents pompiers et deux Canadair. »

Le maire de Mimizan Jean-Baptiste Lafitte a ordonné l'évacuation de deux campings. « Nous ne prendrons aucun risque avec les vacanciers », a assuré l'élu.

« On a pris nos papiers, les enfants, et on est partis en vingt minutes. » Marie-Claude Dufau, une habitante du quartier des Pins, a passé la nuit au gymnase municipal.

D'après Météo-France, le vent devrait faiblir jeudi.
`,
    quotes: [
      ['Le vent a tourné', 'Hervé Castagnet'],
      ['Nous avons engagé', 'Hervé Castagnet'],
      ['Nous ne prendrons', 'Jean-Baptiste Lafitte'],
      ['On a pris nos papiers', 'Marie-Claude Dufau'],
    ],
  },
  {
    lang: 'de',
    name: 'Bahnstreik',
    text: `Lokführer streiken erneut

Die Gewerkschaft der Lokführer hat für Donnerstag zu einem neuen Streik aufgerufen. Der Nachrichtenagentur dpa sagte Gewerkschaftschef Tadeusz Wrona: „Die Bahn hat unser Angebot nicht einmal gelesen.“

Die Bahn wies das zurück. „Wir haben drei Gesprächstermine angeboten und keine Antwort erhalten“, sagte Personalvorstand Henrike Altmann. Das Angebot liege weiter auf dem Tisch, so Altmann.

Laut Fahrgastverband Pro Bahn trifft der Streik vor allem Pendler. Dessen Sprecher Wendelin Kluge äußerte sich mit folgenden Worten: „Wer morgens zur Arbeit muss, ist wieder der Dumme.“

Weiter sagte Wrona: „Wir streiken nicht gern, aber wir lassen uns nicht hinhalten.“

Der Verkehrsminister Niedersachsens Ortwin Kamphausen forderte beide Seiten zu einer Schlichtung auf. „Ein Schlichter könnte in zwei Wochen eine Lösung finden“, sagte Kamphausen der Zeitung.

„Die Beschäftigten haben einen Anspruch auf faire Löhne“, so die Vorsitzende des Gewerkschaftsbundes, Ilka Brandstetter.
`,
    quotes: [
      ['Die Bahn hat unser', 'Tadeusz Wrona'],
      ['Wir haben drei', 'Henrike Altmann'],
      ['Wer morgens', 'Wendelin Kluge'],
      ['Wir streiken nicht', 'Tadeusz Wrona'],
      ['Ein Schlichter', 'Ortwin Kamphausen'],
      ['Die Beschäftigten', 'Ilka Brandstetter'],
    ],
  },
  {
    lang: 'de',
    name: 'Menschenrechte',
    text: `Menschenrechtler kritisieren Festnahmen

Nach den Protesten in der Hauptstadt sind mehr als zweihundert Menschen festgenommen worden. „Die Behörden müssen alle friedlichen Demonstranten sofort freilassen“, sagte Rupert Sandoval von Amnesty International.

Auch die Vereinten Nationen zeigten sich besorgt. Die Lage sei „äußerst angespannt“, sagte eine Sprecherin in Genf.

Der Innenminister des Landes, Bogdan Kuzmanović, verteidigte das Vorgehen der Polizei. „Wer Steine wirft, ist kein friedlicher Demonstrant“, sagte er am Abend im Fernsehen.

„Wir fordern eine unabhängige Untersuchung jedes einzelnen Falls.“ Mit diesen Worten wandte sich die Oppositionsführerin Jelena Marković an die Presse.

Laut Marković sitzen auch zwei Journalisten in Haft. Ihre Redaktion habe seit Tagen keinen Kontakt zu ihnen, sagte deren Chefredakteur Milan Ostojić. „Wir wissen nicht einmal, wo sie festgehalten werden.“
`,
    quotes: [
      ['Die Behörden müssen', 'Rupert Sandoval'],
      ['Wer Steine wirft', 'Bogdan Kuzmanović'],
      ['Wir fordern eine', 'Jelena Marković'],
      ['Wir wissen nicht', 'Milan Ostojić'],
    ],
  },
  {
    lang: 'es',
    name: 'sequía en Andalucía',
    text: `La sequía obliga a restringir el agua en veinte municipios

La Junta de Andalucía aprobó este lunes nuevas restricciones al consumo de agua. «No hay agua para todos y tenemos que priorizar el consumo humano», dijo el consejero de Agricultura, Ramón Villalba.

Según la presidenta de la comunidad de regantes del Guadalquivir, Inmaculada Prieto, «los agricultores ya han perdido la mitad de la cosecha de este año».

El alcalde de Écija Fermín Cabello pidió ayudas urgentes: «Nuestros vecinos no pueden esperar a que llueva.»

«Es la peor sequía desde que hay registros», explicó a este diario el portavoz de la Agencia Andaluza del Agua, Diego Marín. «Los embalses están al 18 % de su capacidad», añadió.

Los ecologistas culpan al modelo agrícola. «Se han multiplicado los regadíos ilegales sin ningún control», denunció Lorena Quiroga, de Ecologistas en Acción.
`,
    quotes: [
      ['No hay agua', 'Ramón Villalba'],
      ['los agricultores ya', 'Inmaculada Prieto'],
      ['Nuestros vecinos', 'Fermín Cabello'],
      ['Es la peor sequía', 'Diego Marín'],
      ['Los embalses', 'Diego Marín'],
      ['Se han multiplicado', 'Lorena Quiroga'],
    ],
  },
  {
    lang: 'es',
    name: 'elecciones municipales',
    text: `El alcalde de Zaragoza no se presentará a la reelección

El alcalde de Zaragoza, Eusebio Larrañaga, anunció este viernes que no optará a un tercer mandato. «Ha sido el mayor honor de mi vida, pero ha llegado el momento de dar paso a otros», dijo Larrañaga en el pleno.

«Es una decisión personal que respetamos», afirmó la portavoz del grupo municipal socialista, Begoña Arrieta. Según Arrieta, su partido presentará candidato en septiembre.

La oposición fue más dura. «Se va porque sabe que iba a perder», aseguró el concejal Teodoro Saldaña.

«Los vecinos merecen un debate de ideas, no de personas.» Así respondió la vicealcaldesa Nuria Ballester a las críticas.
`,
    quotes: [
      ['Ha sido el mayor honor', 'Eusebio Larrañaga'],
      ['Es una decisión personal', 'Begoña Arrieta'],
      ['Se va porque', 'Teodoro Saldaña'],
      ['Los vecinos merecen', 'Nuria Ballester'],
    ],
  },
];
