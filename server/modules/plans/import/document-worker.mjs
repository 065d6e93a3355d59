// Parses one plan document in a worker thread of its own: a .docx with mammoth (to HTML), a
// .pdf with unpdf (pdf.js, to the text of each page). document-parser.ts starts it with a time
// limit and a memory limit (resourceLimits) and ends it after its one answer, so a hostile
// file costs this thread — stopped at the limit — and never the server's event loop
// (issue 22 item 5). Plain JavaScript: a worker starts without the TypeScript loader, and the
// same file serves the server run from its sources, from its bundle, the CLI and the tests.
import { parentPort, workerData } from 'node:worker_threads';

/** @param {{ format: 'docx' | 'pdf', bytes: Uint8Array }} job */
async function parse(job) {
  if (job.format === 'docx') {
    const mammoth = (await import('mammoth')).default;
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength) },
      // Pictures are never read (an empty source), nor files outside the document.
      { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false },
    );
    return {
      html: result.value,
      warnings: result.messages.filter((m) => m.type === 'error').map((m) => m.message),
    };
  }
  const { extractText, getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(job.bytes);
  const result = await extractText(doc, { mergePages: false });
  return { pages: result.text, totalPages: result.totalPages };
}

try {
  parentPort.postMessage({ ok: true, result: await parse(workerData) });
} catch (err) {
  parentPort.postMessage({ ok: false, error: { name: err?.name ?? 'Error', message: String(err?.message ?? err) } });
}
