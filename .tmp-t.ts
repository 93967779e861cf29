import { discoverNames, knownFromCatalog } from './src/shared/discovery';
import { CATALOG } from './src/shared/catalog/entities';
const paragraphs = [
  "WASHINGTON — Chairman John Moolenaar (R-MI) and Ranking Member Raja Krishnamoorthi (D-IL) of the Select Committee on the CCP wrote to Secretary of Commerce Gina Raimondo on Tuesday about Chinese drones.",
  "Krishnamoorthi said the Chinese Communist Party (CCP) had used the Ministry of State Security (MSS) to target dissidents. The Chairman agreed, and Moolenaar’s staff released the letter in March.",
  "President Donald Trump met Saudi Crown Prince Mohammed bin Salman, and Ursula von der Leyen joined Dutch Prime Minister Mark Rutte. Trump’s aides said Tuesday's meeting went well.",
  "A hacking group called Volt Typhoon, which the FBI (Federal Bureau of Investigation) tracks, targeted Guam. The Salt Typhoon campaign hit AT&T and Verizon Communications Inc. in 2024.",
];
for (const c of discoverNames({ title: 'Select Committee presses Commerce on drones', paragraphs }, { known: process.argv.includes('--cat') ? knownFromCatalog(CATALOG) : [] })) console.log(c.id, '|', c.name, '|', c.category, c.count, c.acronym ?? '', c.shortForms.join('/'), '|', c.firstSentence.text.slice(0, 50));
