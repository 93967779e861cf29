import { readFileSync } from 'node:fs';
import { scanArticle } from './src/shared/discovery/article-scan';
import { groupNames } from './src/shared/discovery/name-groups';
const a = JSON.parse(readFileSync('eval/excerpts.json', 'utf8')).find((x: any) => x.id === process.argv[2]);
const s = scanArticle(a.paragraphs);
for (const g of groupNames(s)) console.log(g.words.join(' '), '|', g.mentions.map((m) => `${m.text}${m.initial ? '^' : ''}${m.prose ? '' : '#'}`).join(', '), '|', g.shortMentions.length);
