// The renderer's main chunk stays ≤ 500 KB minified (issue 9: it was 1.16 MB with all five
// locales inside; locales now load per language and routes are split). The e2e global setup has
// just built out/ from the current sources, so this measures what ships.
import fs from 'node:fs';
import path from 'node:path';
import { mainChunk } from '../bench/chunks';
import { expect, test } from './fixtures';

test('the renderer main chunk is at most 500 KB minified, and no locale but the fallback is inside it', async () => {
  const chunk = mainChunk();
  expect(chunk, 'out/renderer/index.html and its entry script').not.toBeNull();
  expect(chunk!.kb).toBeLessThanOrEqual(500);
  expect(chunk!.kb).toBeGreaterThan(20); // a real bundle, not a stub
  // English (the fallback) is inside; another language's text is in its own chunk.
  const text = fs.readFileSync(path.resolve('out/renderer', chunk!.file), 'utf8');
  expect(text).toContain('Check the whole log');
  expect(text).not.toContain('rifier tout le journal');
});
