// electron-builder's afterPack hook (electron-builder.yml): fuses on the packaged executable,
// before it is signed and wrapped in an installer.
import path from 'node:path';
import { applyHomewardFuses } from './lib/fuses.mjs';

/** The executable electron-builder just packed, by platform. */
export function packedExecutable(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName ?? name.toLowerCase());
  }
}

export default async function afterPack(context) {
  await applyHomewardFuses(packedExecutable(context), { platform: context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName });
}
