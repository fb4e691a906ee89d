import ExcelJS from 'exceljs';
import { operatorToken } from './servers.ts';
import { withSql } from './sql.ts';

/** GET /export/assessments.<format>: the file and its headers. */
export async function exportFile(baseUrl: string, format: 'xlsx' | 'csv', params: Record<string, string>) {
  const response = await fetch(`${baseUrl}/export/assessments.${format}?${new URLSearchParams(params)}`);
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

const importMutation = `
  mutation($file: Upload!, $dryRun: Boolean, $allOrNothing: Boolean) {
    importAssessments(file: $file, dryRun: $dryRun, allOrNothing: $allOrNothing) {
      batchId fileName checksum format dryRun status rowsRead rowsChanged rowsUnchanged rowsRejected cellsChanged
      rejections { row column reason message }
      changes { row unitCode unitName year set created cells { column before after } }
    }
  }`;

/** A GraphQL multipart request (the graphql-multipart-request-spec), as a browser client sends it. */
export async function uploadImport(
  baseUrl: string,
  fileName: string,
  data: Buffer,
  options: { dryRun?: boolean; allOrNothing?: boolean; token?: string | null } = {},
): Promise<{ status: number; data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: importMutation, variables: { file: null, dryRun: options.dryRun ?? false, allOrNothing: options.allOrNothing ?? true } }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', new Blob([new Uint8Array(data)]), fileName);
  const token = options.token === undefined ? operatorToken : options.token;
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'Apollo-Require-Preflight': 'true', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: form,
  });
  const json = (await response.json()) as { data?: any; errors?: any[] };
  return { status: response.status, data: json.data?.importAssessments, errors: json.errors };
}

/** One digest over every row of the assessment tables: equal digests, equal data. */
export function assessmentChecksum(databaseUrl: string): Promise<string> {
  return withSql(databaseUrl, async (query) => {
    const [row] = await query(`
      select md5(coalesce(string_agg(line, '|' order by line), '')) as digest from (
        select format('a %s %s %s %s %s %s %s %s %s', id, unit_id, criteria_set_id, year, kind, synthetic, source_document_id, source_ref, note) as line from assessment
        union all select format('i %s %s %s %s', id, assessment_id, criterion_id, status) from assessment_item
        union all select format('v %s %s %s %s %s %s %s %s', id, unit_id, criteria_set_id, indicator_code, year, kind, value, value_number) from indicator_value
      ) lines`);
    return row.digest as string;
  });
}

/** The first worksheet as rows of text (header first). */
export async function xlsxRows(data: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const rows: string[][] = [];
  workbook.worksheets[0].eachRow((row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(String(row.getCell(c).value ?? ''));
    rows.push(cells);
  });
  return rows;
}

/** Changes cells of the first worksheet: [GSO code, column header, new text]. */
export async function editXlsx(data: Buffer, edits: [string, string, string][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  for (const [code, column, text] of edits) {
    const columnIndex = header.indexOf(column);
    let found = false;
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value) === code) {
        row.getCell(columnIndex).value = text;
        found = true;
      }
    });
    if (!found || columnIndex < 1) throw new Error(`No cell ${code} / ${column}`);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
