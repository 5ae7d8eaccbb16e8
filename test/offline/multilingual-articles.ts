/**
 * Short news articles in French, German and Spanish, written for these tests (no real
 * people), each with the speaker a reader would name for every quote. `quotes` maps the first
 * words of each quote to that speaker.
 */
export interface SpeakerFixture {
  lang: 'fr' | 'de' | 'es';
  name: string;
  text: string;
  quotes: Array<[opening: string, speaker: string]>;
}

export const MULTILINGUAL_ARTICLES: readonly SpeakerFixture[] = [
  {
    lang: 'fr',
    name: 'plan hôpital',
    text: `Le gouvernement présente son plan pour l'hôpital

Le ministre de la Santé, Étienne Marchand, a présenté mardi un plan de 4 milliards d'euros pour les hôpitaux publics. « Nous allons recruter dix mille soignants d'ici à la fin de l'année prochaine », a déclaré Étienne Marchand devant les députés.

« Ce plan arrive trop tard et il est beaucoup trop modeste », a réagi Claire Dubois, présidente de la Fédération hospitalière. Selon elle, les urgences de plusieurs villes moyennes ferment déjà la nuit faute de personnel.

« Nous ne pouvons plus attendre une nouvelle réforme », a-t-elle ajouté.

Le ministre a répondu aux critiques dans l'après-midi. « Personne ne prétend que tout sera réglé en six mois, mais le cap est fixé », a-t-il affirmé.

Du côté des syndicats, Karim Benali, secrétaire général de la CGT Santé, estime que « les annonces ne répondent pas à l'épuisement des équipes ». « Les infirmières partent parce qu'elles ne sont pas assez payées », explique-t-il.

Selon Marchand, « les premiers recrutements commenceront dès le mois de mars dans les régions les plus touchées ».
`,
    quotes: [
      ['Nous allons recruter', 'Étienne Marchand'],
      ['Ce plan arrive', 'Claire Dubois'],
      ['Nous ne pouvons plus', 'Claire Dubois'],
      ['Personne ne prétend', 'Étienne Marchand'],
      ['les annonces ne répondent', 'Karim Benali'],
      ['Les infirmières partent', 'Karim Benali'],
      ['les premiers recrutements', 'Étienne Marchand'],
    ],
  },
  {
    lang: 'fr',
    name: 'grève SNCF',
    text: `Grève à la SNCF : le trafic perturbé jusqu'à jeudi

La grève des contrôleurs a entraîné l'annulation d'un TGV sur trois ce week-end. « Nous sommes désolés pour les voyageurs, mais la sécurité n'est pas négociable », a expliqué Sophie Lambert, porte-parole de la SNCF, lors d'une conférence de presse.

Le syndicat SUD-Rail maintient son appel. « Tant que la direction refuse de discuter des salaires, nous continuerons », a affirmé son délégué Thomas Girard. Il a ajouté : « Les contrôleurs n'ont pas eu de véritable augmentation depuis cinq ans. »

Sur le quai de la gare de Lyon, Martine Rousseau, une retraitée de 68 ans, attendait depuis deux heures. « Je devais aller voir ma petite-fille à Marseille et je ne sais même pas si je partirai aujourd'hui », confie-t-elle.

« La direction a fait une proposition sérieuse la semaine dernière », assure de son côté Sophie Lambert. Elle a précisé que « des discussions reprendront lundi matin avec tous les syndicats ».

Thomas Girard reste sceptique : « On nous a déjà fait ce genre de promesse en 2022. »
`,
    quotes: [
      ['Nous sommes désolés', 'Sophie Lambert'],
      ['Tant que la direction', 'Thomas Girard'],
      ['Les contrôleurs', 'Thomas Girard'],
      ['Je devais aller', 'Martine Rousseau'],
      ['La direction a fait', 'Sophie Lambert'],
      ['des discussions reprendront', 'Sophie Lambert'],
      ['On nous a déjà', 'Thomas Girard'],
    ],
  },
  {
    lang: 'de',
    name: 'Haushalt',
    text: `Bundesregierung einigt sich auf Haushalt

Nach wochenlangem Streit hat sich die Koalition auf den Haushalt für das kommende Jahr geeinigt. „Wir haben einen Kompromiss gefunden, mit dem alle leben können“, sagte Finanzministerin Katrin Albers am Mittwoch in Berlin.

Die Opposition reagierte mit scharfer Kritik. „Dieser Haushalt ist auf Sand gebaut“, sagte der CDU-Abgeordnete Markus Brenner. Die Regierung verschiebe die Probleme nur in die Zukunft, so Brenner weiter.

Albers wies die Vorwürfe zurück. „Wir investieren so viel wie nie zuvor in Schienen und Schulen“, betonte sie. „Und wir halten trotzdem die Schuldenbremse ein.“

Auch aus den Ländern kam Kritik. „Die Kommunen bleiben wieder einmal auf den Kosten sitzen“, erklärte der bayerische Städtetagspräsident Josef Huber. Er forderte, der Bund müsse mehr Geld für Kitas bereitstellen.

„Das ist ein guter Tag für Deutschland“, sagte Kanzler Thomas Wegner am Abend. „Wir haben gezeigt, dass diese Koalition handlungsfähig ist“, fügte er hinzu.
`,
    quotes: [
      ['Wir haben einen Kompromiss', 'Katrin Albers'],
      ['Dieser Haushalt', 'Markus Brenner'],
      ['Wir investieren', 'Katrin Albers'],
      ['Und wir halten', 'Katrin Albers'],
      ['Die Kommunen', 'Josef Huber'],
      ['Das ist ein guter Tag', 'Thomas Wegner'],
      ['Wir haben gezeigt', 'Thomas Wegner'],
    ],
  },
  {
    lang: 'de',
    name: 'Hitzewelle',
    text: `Hitzewelle: Kliniken melden mehr Notfälle

Die Hitzewelle in Süddeutschland bringt die Notaufnahmen an ihre Grenzen. »Wir sehen doppelt so viele Patienten wie an normalen Sommertagen«, sagt Oberarzt Stefan Keller vom Klinikum Augsburg.

Besonders betroffen seien ältere Menschen, berichtet Keller. »Viele trinken einfach zu wenig, oft aus Angst, nachts aufstehen zu müssen.«

»Die Lage ist ernst, aber beherrschbar«, so Gesundheitsministerin Anna Vogt. Das Land werde zusätzliche Hitzeschutzpläne finanzieren, kündigte sie an.

Der Deutsche Wetterdienst warnt vor weiteren heißen Tagen. »Bis Sonntag erwarten wir Temperaturen von bis zu 38 Grad«, sagte Meteorologin Julia Schmitt. »Erst in der kommenden Woche wird es spürbar kühler«, erklärte sie.

Landwirte sorgen sich um die Ernte. »Wenn es in zwei Wochen nicht regnet, verlieren wir die Hälfte des Maises«, sagt Bauer Georg Lindner aus dem Landkreis Donau-Ries.
`,
    quotes: [
      ['Wir sehen doppelt', 'Stefan Keller'],
      ['Viele trinken', 'Stefan Keller'],
      ['Die Lage ist ernst', 'Anna Vogt'],
      ['Bis Sonntag', 'Julia Schmitt'],
      ['Erst in der kommenden', 'Julia Schmitt'],
      ['Wenn es in zwei Wochen', 'Georg Lindner'],
    ],
  },
  {
    lang: 'es',
    name: 'salario mínimo',
    text: `El Gobierno aprueba la subida del salario mínimo

El Consejo de Ministros aprobó este martes una subida del salario mínimo del 5 %. «Es una medida de justicia social que beneficiará a más de dos millones de trabajadores», dijo la ministra de Trabajo, Lucía Fernández, en rueda de prensa.

La patronal criticó la decisión. «Muchas pequeñas empresas no podrán asumir este coste», afirmó Javier Ortega, presidente de la Confederación de Empresarios. Según Ortega, la subida «pone en riesgo miles de empleos en el campo».

Los sindicatos celebraron el acuerdo, aunque lo consideran insuficiente. «Es un paso adelante, pero los precios del alquiler siguen subiendo mucho más rápido», señaló Marta Ruiz, secretaria general de Comisiones Obreras.

Fernández defendió la medida frente a las críticas. «Los datos demuestran que las subidas anteriores no destruyeron empleo», aseguró. «Al contrario, la afiliación a la Seguridad Social está en máximos históricos», añadió la ministra.

«Vamos a recurrir la decisión si no se abre una mesa de diálogo», advirtió Ortega.
`,
    quotes: [
      ['Es una medida', 'Lucía Fernández'],
      ['Muchas pequeñas', 'Javier Ortega'],
      ['pone en riesgo', 'Javier Ortega'],
      ['Es un paso adelante', 'Marta Ruiz'],
      ['Los datos demuestran', 'Lucía Fernández'],
      ['Al contrario', 'Lucía Fernández'],
      ['Vamos a recurrir', 'Javier Ortega'],
    ],
  },
  {
    lang: 'es',
    name: 'inundaciones',
    text: `Inundaciones en Valencia: cientos de evacuados

Las lluvias torrenciales obligaron a evacuar a más de 800 vecinos en la comarca de la Ribera. “El agua llegó a un metro de altura en menos de media hora”, dijo Antonio Sánchez, alcalde de Alzira.

Según la Agencia Estatal de Meteorología, en algunos puntos cayeron más de 300 litros por metro cuadrado. “Es un episodio excepcional, pero no imprevisible”, explicó la portavoz de la agencia, Elena Castro.

Carmen López, vecina del barrio de Santa María, perdió su coche. “Lo hemos perdido todo en el garaje, y nadie nos avisó a tiempo”, lamentó.

El presidente regional, Miguel Torres, visitó la zona por la tarde. “Nadie se quedará sin ayuda”, prometió Torres, que anunció un fondo de emergencia de 50 millones de euros. “Los primeros pagos llegarán antes de fin de mes”, aseguró.

“Ahora lo más urgente es limpiar las calles y reabrir los colegios”, declaró el alcalde.
`,
    quotes: [
      ['El agua llegó', 'Antonio Sánchez'],
      ['Es un episodio', 'Elena Castro'],
      ['Lo hemos perdido', 'Carmen López'],
      ['Nadie se quedará', 'Miguel Torres'],
      ['Los primeros pagos', 'Miguel Torres'],
      ['Ahora lo más urgente', 'Antonio Sánchez'],
    ],
  },
];
