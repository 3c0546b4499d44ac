import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * Real PDF and Word files for the knowledge tests, made on the fly: pdf-lib for PDFs (text,
 * multi-page, image-only, encrypted, truncated) and jszip for a minimal .docx and a plain ZIP.
 */

export const RUNNING_HEADER = 'Shree Ganesh Jewellers - Store Policies';

/** A text PDF: one entry per page, each a list of paragraphs, each a list of lines; a running header and a page-number footer on every page. */
export async function textPdf(pages: string[][][], opts: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((paragraphs, i) => {
    const page = doc.addPage([595, 842]);
    page.drawText(RUNNING_HEADER, { x: 50, y: 800, size: 9, font });
    let y = 760;
    for (const lines of paragraphs) {
      for (const line of lines) {
        page.drawText(line, { x: 50, y, size: 11, font });
        y -= 14;
      }
      y -= 14;
    }
    page.drawText(`Page ${i + 1} of ${pages.length}`, { x: 260, y: 30, size: 9, font });
  });
  return doc.save({ useObjectStreams: opts.useObjectStreams ?? true });
}

/** A 2×2 PNG (red), for a "scanned" page that is only a picture. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAwMDAwMDAAAAhAgIBpXq2sQAAAABJRU5ErkJggg==', 'base64');

/** A PDF whose pages hold only an embedded image: no text at all, like a scanned brochure. */
export async function imagePdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = await doc.embedPng(PNG);
  for (let i = 0; i < pages; i += 1) doc.addPage([595, 842]).drawImage(png, { x: 0, y: 0, width: 595, height: 842 });
  return doc.save();
}

/**
 * A password-protected PDF: a classic-trailer PDF whose trailer names a Standard security handler
 * (/Encrypt, revision 2) whose /U check fails for the empty user password, so a reader must ask
 * for the password (pdf.js throws PasswordException).
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const plain = Buffer.from(await textPdf([[['This text is secret.']]], { useObjectStreams: false })).toString('latin1');
  const hex = (b: number) => b.toString(16).padStart(2, '0').repeat(32);
  const encrypt = `/Encrypt << /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${hex(0x5a)}> /U <${hex(0xa5)}> >> /ID [<${hex(0x11).slice(0, 32)}> <${hex(0x11).slice(0, 32)}>]`;
  const at = plain.lastIndexOf('trailer');
  const open = plain.indexOf('<<', at);
  if (at < 0 || open < 0) throw new Error('pdf-lib wrote no classic trailer');
  return Buffer.from(`${plain.slice(0, open + 2)} ${encrypt}${plain.slice(open + 2)}`, 'latin1');
}

/** A PDF cut off halfway (an interrupted download). */
export async function truncatedPdf(): Promise<Uint8Array> {
  const whole = await textPdf([[['Returns are accepted within seven days.']], [['Page two.']]]);
  return whole.slice(0, Math.floor(whole.length / 2));
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One block of a Word document. */
export type DocxBlock = { heading: 1 | 2 | 3; text: string } | { para: string } | { bullets: string[] } | { table: string[][] };

const run = (text: string) => `<w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
function blockXml(b: DocxBlock): string {
  if ('heading' in b) return `<w:p><w:pPr><w:pStyle w:val="Heading${b.heading}"/></w:pPr>${run(b.text)}</w:p>`;
  if ('para' in b) return `<w:p>${run(b.para)}</w:p>`;
  if ('bullets' in b) return b.bullets.map((t) => `<w:p><w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${run(t)}</w:p>`).join('');
  const rows = b.table.map((cells) => `<w:tr>${cells.map((c) => `<w:tc><w:p>${run(c)}</w:p></w:tc>`).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr/>${rows}</w:tbl>`;
}

/** A real minimal .docx (document, styles with Heading 1–3, a bullet numbering) holding these blocks. */
export async function docx(blocks: DocxBlock[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
  );
  const style = (id: string, name: string) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`;
  zip.file('word/styles.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles ${W}>${style('Heading1', 'heading 1')}${style('Heading2', 'heading 2')}${style('Heading3', 'heading 3')}${style('ListParagraph', 'List Paragraph')}</w:styles>`);
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${blocks.map(blockXml).join('')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A .docx with an extra text part of `mb` megabytes of one letter: tiny packed, huge unpacked (a ZIP bomb). */
export async function bombDocx(mb: number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await docx([{ para: 'Hello' }]));
  zip.file('word/glossary.xml', 'a'.repeat(mb * 1024 * 1024));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** A ZIP archive with no Word document in it (what a .docx that is not one looks like). */
export async function plainZip(): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('readme.txt', 'Photos of the new bridal collection.');
  zip.file('photos/ring.txt', 'not really a photo');
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
