// Environment-free. What a channel that produces a PDF returns: the file's name and its bytes.
// The core built the document from the database and audited what it holds; the renderer only saves it.
import { z } from 'zod';

export const pdfFileSchema = z.object({
  fileName: z.string().min(1).max(200),
  dataBase64: z.string(),
});
export type PdfFile = z.infer<typeof pdfFileSchema>;

/** A safe file name from a title: letters of any script, digits, dash and underscore. */
export function pdfFileName(...parts: string[]): string {
  const stem = parts
    .join('-')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
  return `${stem || 'document'}.pdf`;
}
