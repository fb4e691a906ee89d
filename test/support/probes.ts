import fs from 'node:fs';
import zlib from 'node:zlib';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { Agent, fetch as undiciFetch, FormData as UndiciFormData } from 'undici';

/**
 * A client whose requests come from its own loopback address (127.0.0.0/8 all reach the server):
 * per-address limits hit by one probe do not spill onto the other tests sharing the server.
 */
export function clientAt(address: string) {
  const dispatcher = new Agent({ localAddress: address });
  const request = (url: string, init: Parameters<typeof undiciFetch>[1] = {}) => undiciFetch(url, { ...init, dispatcher });
  return {
    address,
    request,
    async graphql(baseUrl: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
      const response = await request(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] } };
    },
    /** importAssessments as a multipart request, the file under the given name. */
    async upload(baseUrl: string, fileName: string, data: Buffer, token: string) {
      const form = new UndiciFormData();
      form.append(
        'operations',
        JSON.stringify({ query: 'mutation($file: Upload!) { importAssessments(file: $file, dryRun: true) { status rowsRead } }', variables: { file: null } }),
      );
      form.append('map', JSON.stringify({ 0: ['variables.file'] }));
      form.append('0', new Blob([new Uint8Array(data)]), fileName);
      const response = await request(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'Apollo-Require-Preflight': 'true', Authorization: `Bearer ${token}` },
        body: form,
      });
      return { status: response.status, text: await response.text() };
    },
    close: () => dispatcher.close(),
  };
}

/** Resident memory of a process (VmRSS) and its peak since the last reset (VmHWM), in bytes. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

/** Resets a process's peak (writing 5 to clear_refs), so VmHWM then measures only what follows. */
export function resetPeakMemory(pid: number): void {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** The uncompressed size a zip's central directory declares for all its entries. */
export function declaredUnzippedSize(data: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      let total = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        total += entry.uncompressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(total));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

interface ZipPart {
  name: string;
  /** Raw deflate data. */
  compressed: Buffer;
  /** What the headers claim the part inflates to (a lie, for a bomb). */
  declaredSize: number;
}

/** A zip archive written field by field, so its headers can state sizes its data does not have. */
export function writeZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 14); // crc-32: nothing checks it before inflating
    local.writeUInt32LE(part.compressed.length, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, part.compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.compressed.length, 20);
    entry.writeUInt32LE(part.declaredSize, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + part.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const honestPart = (name: string, text: string): ZipPart => {
  const data = Buffer.from(text);
  return { name, compressed: zlib.deflateRawSync(data), declaredSize: data.length };
};

/**
 * An XLSX of ~1.2 MB whose worksheet inflates to `inflatedBytes` (1.2 GB by default) while the zip
 * directory declares 2 KB. The deflate stream is one compressed MiB of spaces repeated: each copy
 * ends on a full flush, so copies concatenate into one valid stream without compressing a gigabyte.
 */
export function understatedXlsxBomb(inflatedBytes = 1200 * 1024 * 1024): Buffer {
  const mib = 1024 * 1024;
  const flushed = (data: Buffer) => zlib.deflateRawSync(data, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const head = flushed(
    Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'),
  );
  const spaces = flushed(Buffer.alloc(mib, 0x20));
  const tail = zlib.deflateRawSync(Buffer.from('</sheetData></worksheet>'));
  const sheet = Buffer.concat([head, ...Array.from({ length: Math.ceil(inflatedBytes / mib) }, () => spaces), tail]);
  return writeZip([
    honestPart(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    honestPart(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    honestPart(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    honestPart(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    { name: 'xl/worksheets/sheet1.xml', compressed: sheet, declaredSize: 2048 },
  ]);
}

/** The import template with `rows` data rows of 8 criteria, written by ExcelJS's streaming writer. */
export async function longXlsx(rows: number): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('s');
  const criteria = Array.from({ length: 8 }, (_, i) => `TC${i + 1}`);
  sheet.addRow(['Mã ĐVHC', 'Năm', 'Bộ tiêu chí', ...criteria]).commit();
  for (let i = 0; i < rows; i++) sheet.addRow(['06127', 2017, 'commune-2016', ...criteria.map((_, c) => ((i + c) % 2 ? 'Đạt' : 'Chưa đạt'))]).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
