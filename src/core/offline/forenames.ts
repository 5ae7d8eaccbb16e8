/**
 * Common forenames by gender, for the "he"/"she" of a later sentence and for telling a
 * forename from a title in a German run ("Finanzministerin Katrin Albers"). A compact list
 * written for news in English, French, German and Spanish, not a package: the packages that do
 * this (gender-detection-from-name, 2 MB of name maps) cost the bot about 28 MB of memory, and
 * an unknown name simply matches either pronoun.
 */
const MALE = `aaron adam adrian ahmed al alain alan albert alberto alejandro alex alexander alexandre alfonso
alfred ali alvaro andre andreas andrew andré andrés angel anthony antoine anton antonio arnaud
arthur axel barack barry ben benjamin benoît bernard bernd bernie bill billy bob bobby brad
bradley brandon brendan brett brian bruce bruno bryan carl carlos carson charles charlie chris
christian christoph christophe christopher chuck clarence claude clint colin corey craig dan
daniel danny darrell dave david dean denis dennis derek dick diego dietmar dirk dominic don
donald doug douglas duncan dylan ed eddie edgar eduardo edward elijah elon emanuel emmanuel enrique
eric erik ernesto ethan eugene fabian felipe felix fernando florian francis francisco frank
franz françois fred frederick friedrich gabriel gary gavin gene geoffrey george georg gerald
gerard gerhard gilbert giuseppe glenn gordon graham grant greg gregory guillaume gustavo guy
hank hans harald harold harry heinz helmut henry herbert herman hugh hugo ian ignacio isaac ivan
jack jacob jacques jaime jake james jamie jan jared jason javier jean jeb jeff jeffrey jeremy
jerome jerry jesse jesús jim jimmy joachim joaquín joe joel johannes john jon jonathan jorge
jose josef joseph josh joshua josé juan julian julien jürgen justin karim karl keith ken kenneth
kevin klaus kurt kyle lars larry laurent lawrence lee leo leon leonard lewis lindsey lionel
lorenzo louis luc lucas luis lukas luke manuel marc marco marcus mario mark markus martin
marvin matt matthew matthias max maxime michael michel miguel mike mitch mitchell mohamed
mohammed nathan neil nicholas nick nicolas niklas noah norbert norman olaf oliver omar oscar
pablo pascal patrick paul pedro peter petr philip philipp philippe pierre rafael ralf ralph
rand randy raphaël ray raymond reince ricardo richard rick rob robert roberto robby rod
rodrigo roger roland ron ronald ross rudy rudolf rush russell ryan sam samuel santiago scott
sean sebastian sergio seth sherrod simon stefan stephen steve steven stuart sven ted terry
thomas thorsten tim timothy tobias todd tom tony travis trey uwe victor vincent vladimir walter
warren wayne werner wilbur will william wolfgang xavier yann yannick yves zach zachary`;

const FEMALE = `abby abigail ada adriana agnès alejandra alexandra alice alicia alison allison amanda amber
amy ana andrea angela angelika angelina anita ann anna anne annette antje ashley audrey barbara
beatriz betsy betty beverly birgit blanca brenda bridget brigitte brittany camille candice
cara carla carly carmen carol caroline carolyn catherine cathy cecilia celia chantal charlotte
chelsea cheryl christina christine cindy claire clara claudia colette condoleezza connie
cristina cynthia dana daniela danielle debbie deborah debra denise diana diane donna doris
dorothy elaine elena elisabeth eliza elizabeth ella ellen emily emma erica erin esther eva
evelyn florence frances françoise gabriela gabriele gabrielle gail geneviève gina gloria grace
hannah heather heidi helen helena hélène hillary holly hope huma ingrid irene iris isabel
isabella isabelle ivanka jackie jacqueline jane janet janice jasmine jeanne jennifer
jenny jessica jill joan joanna jodi josefina josephine joy joyce judith judy julia julie
juliette justine karen karin katarina kate katharina katherine kathleen kathy katie katja
katrin kay kayleigh kellyanne kelly kimberly kirsten kristen kristin laura lauren laurence
leah leslie lily linda lisa loretta lorraine louise lucia lucy lucía luisa lynn madeleine
madison maggie mandy manon marcela margaret margarita maria marie marina marion marisa marjorie
marta martha martina martine mary maría megan megyn melania melanie melissa mia michaela
michelle mildred miriam mónica monica monika nadia nancy natalie nathalie nicole nikki nina
nora olivia pam pamela patricia paula paulette petra phyllis pilar rachel rebecca renate rita
roberta rosa rosalind rose ruth sabine sabrina sally samantha sandra sara sarah sharon shannon
sheila shirley silvia simone sofia sonia sophie stephanie susan susana susanne suzanne sylvie
tamara tammy tanja teresa theresa tina tracy ulrike ursula valerie valérie vanessa verónica
veronica victoria virginia véronique wendy yvonne zoe`;

const GENDERS = new Map<string, 'm' | 'f'>();
for (const name of MALE.split(/\s+/)) if (name !== '') GENDERS.set(name, 'm');
for (const name of FEMALE.split(/\s+/)) if (name !== '') GENDERS.set(name, 'f');

/** The gender a forename usually has, or null when the list does not know it. */
export function forenameGender(forename: string): 'm' | 'f' | null {
  return GENDERS.get(forename.toLowerCase()) ?? null;
}
