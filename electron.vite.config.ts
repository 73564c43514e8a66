import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './electron/web/renderer-files';

const alias = { '@shared': resolve(__dirname, 'shared') };

/** Puts the app's CSP into the built index.html as well as the response headers, so the page is
 *  protected however it is loaded. Build only: Vite's dev server injects inline styles. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'homeward-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: metaContentSecurityPolicy }, injectTo: 'head-prepend' },
    ],
  };
}

const vendorGroups: [string, RegExp][] = [
  ['react', /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/],
  ['router', /[\\/]node_modules[\\/](react-router|react-router-dom|@remix-run)[\\/]/],
  ['zod', /[\\/]node_modules[\\/]zod[\\/]/],
  ['query', /[\\/]node_modules[\\/]@tanstack[\\/]/],
  ['i18next', /[\\/]node_modules[\\/](i18next|react-i18next)[\\/]/],
  ['forms', /[\\/]node_modules[\\/](react-hook-form|@hookform)[\\/]/],
];

function vendorChunk(id: string): string | undefined {
  return vendorGroups.find(([, pattern]) => pattern.test(id))?.[0];
}

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        // CommonJS, so the renderer can stay sandboxed.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react(), contentSecurityPolicyMeta()],
    resolve: { alias },
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; minified it is about 40 % of the size.
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        // Libraries in chunks of their own (cached apart from the app's code, which changes more
        // often); sections and languages other than English are split where they are imported
        // (renderer/src/app/AppFrame.tsx, renderer/src/i18n.ts). No chunk passes 500 KB.
        output: { manualChunks: vendorChunk },
      },
    },
  },
});
