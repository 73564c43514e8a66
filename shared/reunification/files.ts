// Environment-free. The willingness statement is checked like every case file (shared/cases/files).
export { maxDocumentBytes, sniffDocumentMime, type DocumentMime as SniffedMime } from '../cases/files';
