// Node-only. A PrintDocument to PDF bytes through whichever print engine this runtime has: the
// desktop app's hidden window (electron/main/print-to-pdf.ts) or headless Chromium in browser mode.
import { AppError } from '../../../shared/contract/errors';
import { pdfFileName, type PdfFile } from '../../../shared/print/contract';
import type { CoreDeps } from '../deps';
import { renderHtml, type PrintDocument } from './document';

export async function documentToPdf(deps: Pick<CoreDeps, 'printToPdf'>, doc: PrintDocument): Promise<Buffer> {
  if (!deps.printToPdf) throw new AppError('PDF_UNAVAILABLE', 'no print engine is available on this computer');
  try {
    return await deps.printToPdf(renderHtml(doc));
  } catch (error) {
    throw new AppError('PDF_UNAVAILABLE', `the print engine failed: ${error instanceof Error ? error.message.slice(0, 200) : 'unknown'}`);
  }
}

/** The document as the file a channel returns (see shared/print/contract.ts). */
export async function documentToPdfFile(deps: Pick<CoreDeps, 'printToPdf'>, doc: PrintDocument, ...nameParts: string[]): Promise<PdfFile> {
  const pdf = await documentToPdf(deps, doc);
  return { fileName: pdfFileName(...(nameParts.length ? nameParts : [doc.title])), dataBase64: pdf.toString('base64') };
}
