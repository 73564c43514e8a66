// Electron only. The native folder picker behind the 'backup.chooseFolder' channel: thin on purpose
// (the core validates whatever path comes back exactly as it validates a typed one).
import { BrowserWindow, dialog } from 'electron';

export async function chooseFolder(purpose: 'backup' | 'restore'): Promise<string | null> {
  const options: Electron.OpenDialogOptions = {
    properties: purpose === 'backup' ? ['openDirectory', 'createDirectory'] : ['openDirectory'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
