import { execFileSync } from 'node:child_process';

/** The text poppler's pdftotext reads out of a PDF file: what a search or a copy gets. */
export const pdfText = (pdf: string, layout = true) =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', pdf, '-'], {
    encoding: 'utf8',
  });
