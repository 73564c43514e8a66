// The renderer's main chunk in the production build (out/renderer): the entry script index.html
// loads, minified. Issue 9's goal: ≤ 500 KB (locales per language, routes split).
import fs from 'node:fs';
import path from 'node:path';

export function mainChunk(root = path.resolve('out/renderer')): { file: string; kb: number } | null {
  const html = path.join(root, 'index.html');
  if (!fs.existsSync(html)) return null;
  // The entry is the module script in index.html (not a guess by file name).
  const src = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(fs.readFileSync(html, 'utf8'))?.[1];
  if (!src) return null;
  const file = path.join(root, src.replace(/^\.?\//, ''));
  return { file: path.relative(root, file), kb: fs.statSync(file).size / 1024 };
}
