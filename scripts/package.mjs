// `npm run package -- <packaged Homeward executable>`: applies Homeward's Electron fuses to an
// executable packed by electron-builder (or any packager) and prints them as read back. The same
// step runs as electron-builder's afterPack hook (electron-builder.yml, scripts/after-pack.mjs).
// Needs Node 22.12+ (@electron/fuses).
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { applyHomewardFuses } from './lib/fuses.mjs';

async function main(argv) {
  const binary = argv[0];
  if (!binary || !fs.existsSync(binary)) {
    console.error('Usage: npm run package -- <path to the packaged Homeward executable>');
    console.error('(Never node_modules/electron: npm start and the tests run that one unfused.)');
    return 1;
  }
  const states = await applyHomewardFuses(binary);
  for (const [name, state] of Object.entries(states)) console.log(`${name.padEnd(42)} ${state}`);
  console.log(`Fuses applied to ${binary}.`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  });
}
