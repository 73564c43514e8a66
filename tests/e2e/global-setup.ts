// Builds the app once before the e2e run when out/ is missing or older than the sources.
import { ensureBuilt } from '../../scripts/lib/build.mjs';

export default function globalSetup(): void {
  if (!ensureBuilt()) throw new Error('electron-vite build failed; see the output above');
}
