// Node-only. A printable document as data, and the one HTML page it becomes. Features build a
// PrintDocument from the database in the core (never from HTML the renderer sends), so what a PDF
// holds is chosen, minimised and audited where the records are. The page is self-contained: inline
// CSS, no script, no network (its CSP says so), lang and dir set so Arabic is shaped right to left.
import { isRtl, type Language } from '../../../shared/i18n/languages';

export type PrintBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: Array<[label: string, value: string]> }
  | { kind: 'table'; head: string[]; rows: string[][] }
  | { kind: 'list'; items: string[] }
  | { kind: 'signatures'; labels: string[] };

export interface PrintDocument {
  lang: Language;
  title: string;
  subtitle?: string;
  blocks: PrintBlock[];
  /** A small line at the foot of the document (e.g. "Printed 6 December 2026 · audit head 3f2a…"). */
  footer?: string;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => entities[ch] ?? ch);
}

/** User text inside a document: isolated so a name in another script does not reorder the line. */
const bdi = (text: string): string => `<bdi>${escapeHtml(text)}</bdi>`;
const paragraphs = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((part) => `<p dir="auto">${escapeHtml(part).replace(/\n/g, '<br>')}</p>`)
    .join('');

function block(item: PrintBlock): string {
  switch (item.kind) {
    case 'heading':
      return `<h2>${escapeHtml(item.text)}</h2>`;
    case 'paragraph':
      return paragraphs(item.text);
    case 'fields':
      return `<dl>${item.rows.map(([label, value]) => `<div class="row"><dt>${escapeHtml(label)}</dt><dd dir="auto">${bdi(value)}</dd></div>`).join('')}</dl>`;
    case 'table':
      return `<table><thead><tr>${item.head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead><tbody>${item.rows
        .map((row) => `<tr>${row.map((cell) => `<td dir="auto">${bdi(cell)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'list':
      return `<ul>${item.items.map((text) => `<li dir="auto">${bdi(text)}</li>`).join('')}</ul>`;
    case 'signatures':
      return `<div class="signatures">${item.labels.map((label) => `<div class="signature"><span class="line"></span>${escapeHtml(label)}</div>`).join('')}</div>`;
  }
}

// DejaVu Sans carries Arabic, Latin and the symbols; Noto fonts are used when the system has them.
const css = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", sans-serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
.subtitle { font-size: 11pt; color: #333; margin: 0 0 6mm; }
h2 { font-size: 13pt; margin: 6mm 0 2mm; border-bottom: 1px solid #888; padding-bottom: 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
dl { margin: 0; }
.row { display: flex; gap: 4mm; padding: 1mm 0; border-bottom: 1px solid #ddd; break-inside: avoid; }
dt { flex: 0 0 38%; font-weight: bold; }
dd { margin: 0; flex: 1; white-space: pre-wrap; }
table { width: 100%; border-collapse: collapse; margin: 1mm 0 3mm; }
th, td { border: 1px solid #999; padding: 1.5mm 2mm; text-align: start; vertical-align: top; }
tr { break-inside: avoid; }
ul { margin: 0 0 3mm; padding-inline-start: 6mm; }
.signatures { display: flex; flex-wrap: wrap; gap: 8mm; margin-top: 10mm; }
.signature { flex: 1 1 40%; min-width: 60mm; }
.signature .line { display: block; border-bottom: 1px solid #000; height: 14mm; margin-bottom: 1mm; }
footer { margin-top: 8mm; font-size: 8.5pt; color: #444; }
`;

/** No script, no request of any kind: only the page's own inline styles and inline images. */
export const printPageCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The document as one HTML page for the print engine. */
export function renderHtml(doc: PrintDocument): string {
  const dir = isRtl(doc.lang) ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${doc.lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${printPageCsp}">
<title>${escapeHtml(doc.title)}</title>
<style>${css}</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
${doc.subtitle ? `<p class="subtitle">${escapeHtml(doc.subtitle)}</p>` : ''}
${doc.blocks.map(block).join('\n')}
${doc.footer ? `<footer>${escapeHtml(doc.footer)}</footer>` : ''}
</body>
</html>`;
}
