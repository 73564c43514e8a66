// Preload (sandboxed, CommonJS). Exposes window.api: one function per channel of the shared
// contract, each a plain ipcRenderer.invoke. Nothing else — no ipcRenderer, no events, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../shared/contract';

const api = Object.fromEntries(channelNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(name, input)]));

contextBridge.exposeInMainWorld('api', api);
