import { discoverNames, findNames, knownFromCatalog } from './src/shared/discovery';
import { CATALOG } from './src/shared/catalog/entities';
import { ARTICLES } from './src/shared/library';
for (const a of ARTICLES) {
  const r = findNames({ title: a.headline, paragraphs: a.paragraphs }, { known: knownFromCatalog(CATALOG) });
  console.log(a.id, 'offered:', r.offered.map((c) => `${c.name}[${c.category} ${c.count}]`).join('; '));
  console.log('  recognised:', r.recognised.map((x) => `${x.id}:${x.count}`).join(' '));
}
import { readFileSync } from 'node:fs';
const ex = JSON.parse(readFileSync('eval/excerpts.json','utf8'));
for (const a of ex) console.log(a.id, discoverNames(a).slice(0, 12).map((c) => `${c.name}[${c.category} ${c.count}${c.shortForms.length ? ' ~' + c.shortForms.join('/') : ''}]`).join('; '));
