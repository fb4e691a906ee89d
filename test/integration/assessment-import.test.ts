import { describe, expect, inject, it } from 'vitest';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { queryData, graphql } from '../support/graphql.ts';
import { firstAdmin, operatorToken } from '../support/servers.ts';
import { assessmentChecksum, editXlsx, exportFile, uploadImport, xlsxRows } from '../support/assessment-files.ts';

const servers = inject('servers');
const header = 'Mã ĐVHC,Tên đơn vị,Huyện,Tỉnh,Năm,Bộ tiêu chí,TC1,TC2,TC3,TC19,TC20';

async function loginAs(url: string, username: string, password: string): Promise<string> {
  const result = await graphql(url, `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`, { u: username, p: password });
  if (result.errors?.length) throw new Error(`login ${username}: ${JSON.stringify(result.errors)}`);
  return result.data.login.token;
}

describe.each(servers)('assessment export and import on $name', ({ url, databaseUrl }) => {
  it('exports a province’s communes as the template, XLSX and CSV, with content type and file name', async () => {
    const { response, body } = await exportFile(url, 'xlsx', { unit: '20', year: '2017' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ntm-20-2017-commune-2016.xlsx"');
    const rows = await xlsxRows(body);
    expect(rows[0].slice(0, 7)).toEqual(['Mã ĐVHC', 'Tên đơn vị', 'Huyện', 'Tỉnh', 'Năm', 'Bộ tiêu chí', 'TC1']);
    expect(rows[0]).toContain('TC19');
    const bangMac = rows.find((r) => r[0] === '06493')!;
    expect(bangMac.slice(1, 6)).toEqual(['Xã Bằng Mạc', 'Huyện Chi Lăng', 'Tỉnh Lạng Sơn', '2017', 'commune-2016']);
    const csv = await exportFile(url, 'csv', { unit: '20', year: '2017' });
    expect(csv.response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csvLines = csv.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csvLines.length).toBe(rows.length);
    expect(csvLines.find((l) => l.startsWith('06493,'))!.split(',')).toEqual(bangMac.map(String));
    const district = await exportFile(url, 'csv', { unit: '187', year: '2017', level: 'district' });
    expect(district.body.toString('utf8').trim().split('\r\n')[1]).toMatch(/^187,Huyện Chi Lăng,,Tỉnh Lạng Sơn,2017,district-2016,/);
    const missing = await exportFile(url, 'xlsx', { unit: '20', year: '2023', level: 'district' });
    expect(missing.response.status).toBe(400);
    expect(JSON.parse(missing.body.toString()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('round trip: importing an unchanged export (XLSX and CSV) changes nothing', async () => {
    const before = await assessmentChecksum(databaseUrl);
    for (const format of ['xlsx', 'csv'] as const) {
      const { body } = await exportFile(url, format, { unit: '20', year: '2017' });
      const result = await uploadImport(url, `ls-2017.${format}`, body);
      expect(result.errors).toBeUndefined();
      expect(result.data).toMatchObject({ status: 'APPLIED', rowsChanged: 0, rowsRejected: 0, cellsChanged: 0, changes: [], rejections: [] });
      expect(result.data.rowsUnchanged).toBe(result.data.rowsRead);
    }
    expect(await assessmentChecksum(databaseUrl)).toBe(before);
  });

  it('acceptance: Lạng Sơn 2017 exported, three cells edited, imported: exactly those three change', async () => {
    const { units } = await queryData(
      url,
      `{ units(filter: { withinCode: "20", level: COMMUNE, year: 2017, synthetic: true }, first: 3) { nodes { code status(year: 2017, set: "commune-2016") { items { criterion status } } } } }`,
    );
    const original = (await exportFile(url, 'xlsx', { unit: '20', year: '2017' })).body;
    const word = { MET: 'Đạt', NOT_MET: 'Chưa đạt', UNKNOWN: '' } as Record<string, string>;
    const edits: [string, string, string][] = units.nodes.map((n: any, i: number) => {
      const criterion = [3, 7, 11][i];
      const before = word[n.status.items.find((it: any) => it.criterion === criterion).status];
      return [n.code, `TC${criterion}`, before === 'Đạt' ? 'chưa đạt' : 'ĐẠT'];
    });
    const expected = units.nodes.map((n: any, i: number) => {
      const criterion = [3, 7, 11][i];
      const before = word[n.status.items.find((it: any) => it.criterion === criterion).status];
      return { unitCode: n.code, created: false, cells: [{ column: `TC${criterion}`, before, after: before === 'Đạt' ? 'Chưa đạt' : 'Đạt' }] };
    });
    const edited = await editXlsx(original, edits);

    const result = await uploadImport(url, 'lang-son-2017-edited.xlsx', edited);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({
      status: 'APPLIED',
      rowsChanged: 3,
      cellsChanged: 3,
      rowsRejected: 0,
      fileName: 'lang-son-2017-edited.xlsx',
      format: 'xlsx',
    });
    expect(result.data.checksum).toBe(crypto.createHash('sha256').update(edited).digest('hex'));
    expect(result.data.changes.map((c: any) => ({ unitCode: c.unitCode, created: c.created, cells: c.cells }))).toEqual(expected);

    // Exported again, the sheet differs from the original in exactly those three cells.
    const after = await xlsxRows((await exportFile(url, 'xlsx', { unit: '20', year: '2017' })).body);
    const before = await xlsxRows(original);
    const differences: string[] = [];
    for (const [r, row] of before.entries()) {
      for (const [c, cell] of row.entries()) if (cell !== after[r][c]) differences.push(`${row[0]} ${before[0][c]} ${cell} → ${after[r][c]}`);
    }
    expect(differences).toHaveLength(3);

    const { assessmentImportBatches } = await graphqlAsOperator(
      url,
      `{ assessmentImportBatches(last: 1) { id fileName checksum format actor dryRun status rowsRead rowsChanged cellsChanged finishedAt } }`,
    );
    expect(assessmentImportBatches[0]).toMatchObject({
      id: result.data.batchId,
      fileName: 'lang-son-2017-edited.xlsx',
      checksum: result.data.checksum,
      format: 'xlsx',
      actor: 'operator',
      dryRun: false,
      status: 'APPLIED',
      rowsChanged: 3,
      cellsChanged: 3,
    });

    // Each of the three changes is in the audit trail, with its cell before and after and the batch.
    const { auditTrail } = await graphqlAsOperator(
      url,
      `query($batch: String!) { auditTrail(filter: { importBatchId: $batch }) { totalCount nodes { actorUsername action entity unitCode year outcome before after } } }`,
      { batch: String(result.data.batchId) },
    );
    expect(auditTrail.totalCount).toBe(3);
    const audited = auditTrail.nodes.map((n: any) => {
      const column = Object.keys(n.after).find((k) => k.startsWith('TC'))!;
      return { unitCode: n.unitCode, created: false, cells: [{ column, before: n.before[column], after: n.after[column] }] };
    });
    expect(audited.sort((a: any, b: any) => a.unitCode.localeCompare(b.unitCode))).toEqual(
      [...expected].sort((a: any, b: any) => a.unitCode.localeCompare(b.unitCode)),
    );
    expect(new Set(auditTrail.nodes.map((n: any) => `${n.actorUsername} ${n.action} ${n.entity} ${n.year} ${n.outcome}`))).toEqual(
      new Set(['operator importAssessments assessment 2017 DONE']),
    );

    // Importing the original puts the three values back (other tests read these communes).
    const restored = await uploadImport(url, 'lang-son-2017.xlsx', original);
    expect(restored.data).toMatchObject({ status: 'APPLIED', rowsChanged: 3, cellsChanged: 3 });
  });

  it('after the reform a row names the unit its code has in its year: 06475 is Xã Gia Lộc in 2024, the new Xã Bằng Mạc in 2026', async () => {
    const { before, after } = await queryData(
      url,
      `{ before: unit(code: "06475", asOf: "2024-12-31") { name status(year: 2024, set: "commune-2021") { items { criterion status } } }
         after: unit(code: "06475", asOf: "2026-01-01") { name status(year: 2026, set: "commune-2026") { items { criterion status } } } }`,
    );
    expect([before.name, after.name]).toEqual(['Xã Gia Lộc', 'Xã Bằng Mạc']);
    const flipped = (status: any) => (status?.items.find((i: any) => i.criterion === 1)?.status === 'MET' ? 'Chưa đạt' : 'Đạt');
    const file = (...rows: string[]) => Buffer.from(['Mã ĐVHC,Năm,Bộ tiêu chí,TC1', ...rows, ''].join('\r\n'));
    const rows = [`06475,2024,commune-2021,${flipped(before.status)}`, `06475,2026,commune-2026,${flipped(after.status)}`];

    const dry = await uploadImport(url, 'reform-dry-run.csv', file(...rows), { dryRun: true });
    expect(dry.errors).toBeUndefined();
    expect(dry.data.rejections).toEqual([]);
    expect(dry.data.changes.map((c: any) => [c.year, c.unitCode, c.unitName, c.set])).toEqual([
      [2024, '06475', 'Xã Gia Lộc', 'commune-2021'],
      [2026, '06475', 'Xã Bằng Mạc', 'commune-2026'],
    ]);

    const applied = await uploadImport(url, 'reform-2026.csv', file(rows[1]));
    expect(applied.errors).toBeUndefined();
    expect(applied.data).toMatchObject({ status: 'APPLIED', rowsChanged: 1, rejections: [] });
    const { now, old } = await queryData(
      url,
      `{ now: unit(code: "06475", asOf: "2026-01-01") { status(year: 2026, set: "commune-2026") { items { criterion status } } }
         old: unit(code: "06475", asOf: "2024-12-31") { status(year: 2024, set: "commune-2021") { items { criterion status } } } }`,
    );
    expect(now.status.items.find((i: any) => i.criterion === 1).status).toBe(flipped(after.status) === 'Đạt' ? 'MET' : 'NOT_MET');
    expect(old.status).toEqual(before.status);
  });

  it('a district editor imports for the district, but a file with a commune outside it is refused, logged, and writes nothing', async () => {
    const admin = await loginAs(url, firstAdmin.username, firstAdmin.password);
    const editor = { username: `import.chilang.${Date.now().toString(36)}`, password: 'chi lang import editor', role: 'DISTRICT_EDITOR', unitCode: '187' };
    const created = await graphql(
      url,
      `mutation($input: UserInput!) { createUser(input: $input) { id } }`,
      { input: editor },
      { authorization: `Bearer ${admin}` },
    );
    expect(created.errors).toBeUndefined();
    const token = await loginAs(url, editor.username, editor.password);

    // A commune of Chi Lăng with synthetic data (documented facts stay untouched), and Trùng Khánh
    // (06127, Văn Lãng), outside the editor's district.
    const { units: ownUnits } = await queryData(
      url,
      `{ units(filter: { withinCode: "187", level: COMMUNE, year: 2017, synthetic: true }, first: 1) { nodes { code } } }`,
    );
    const ownCode: string = ownUnits.nodes[0].code;
    const file = (cells: string) => Buffer.from(`Mã ĐVHC,Năm,Bộ tiêu chí,TC1\r\n${ownCode},2017,commune-2016,${cells}\r\n06127,2017,commune-2016,${cells}\r\n`);
    const { units } = await queryData(
      url,
      `{ units(filter: { withinCode: "20", level: COMMUNE, year: 2017 }, first: 400) { nodes { code status(year: 2017, set: "commune-2016") { items { criterion status } } } } }`,
    );
    const c1 = (code: string) => units.nodes.find((n: any) => n.code === code).status?.items.find((i: any) => i.criterion === 1)?.status ?? 'UNKNOWN';
    const flipped = c1('06127') === 'MET' ? 'Chưa đạt' : 'Đạt';
    const checksum = await assessmentChecksum(databaseUrl);
    const refused = await uploadImport(url, 'outside-scope.csv', file(flipped), { token });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toContain('06127');
    expect(await assessmentChecksum(databaseUrl)).toBe(checksum);
    const { auditTrail } = await graphqlAsOperator(
      url,
      `query($actor: String!) { auditTrail(filter: { actor: $actor }) { nodes { action outcome unitCode reason } } }`,
      { actor: editor.username },
    );
    expect(auditTrail.nodes).toEqual([expect.objectContaining({ action: 'importAssessments', outcome: 'DENIED', unitCode: '06127' })]);

    // Its own commune alone goes through, audited under the editor's name.
    const own = Buffer.from(`Mã ĐVHC,Năm,Bộ tiêu chí,TC1\r\n${ownCode},2017,commune-2016,${c1(ownCode) === 'MET' ? 'Chưa đạt' : 'Đạt'}\r\n`);
    const accepted = await uploadImport(url, 'own-district.csv', own, { token });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data).toMatchObject({ status: 'APPLIED', rowsChanged: 1 });
    const back = Buffer.from(
      `Mã ĐVHC,Năm,Bộ tiêu chí,TC1\r\n${ownCode},2017,commune-2016,${{ MET: 'Đạt', NOT_MET: 'Chưa đạt', UNKNOWN: '' }[c1(ownCode) as 'MET']}\r\n`,
    );
    expect((await uploadImport(url, 'own-district-restore.csv', back, { token })).data).toMatchObject({ status: 'APPLIED', rowsChanged: 1 });
  });

  it('a dry run reports the changes and writes nothing', async () => {
    const before = await assessmentChecksum(databaseUrl);
    const csv = `${header}\r\n06493,,,,2017,commune-2016,Chưa đạt,Đạt,,,\r\n`;
    const result = await uploadImport(url, 'dry.csv', Buffer.from(csv), { dryRun: true });
    expect(result.data).toMatchObject({ status: 'DRY_RUN', dryRun: true, rowsChanged: 1 });
    expect(result.data.changes[0].cells.length).toBeGreaterThan(0);
    expect(await assessmentChecksum(databaseUrl)).toBe(before);
  });

  it('refuses the whole file when any row is wrong, naming row, column and reason for each', async () => {
    const before = await assessmentChecksum(databaseUrl);
    const csv = [
      header,
      '06493,,,,2017,commune-2016,Đạt,,,,', // valid, but the file is all-or-nothing
      '99999,,,,2017,commune-2016,Đạt,,,,',
      ',Tân Thành,,,2017,commune-2016,Đạt,,,,',
      '06493,,,,2018,commune-2016,,,,,Đạt',
      '06493,,,,2019,commune-2016,co,,,,',
      '06493,,,,2023,commune-2016,Đạt,,,,',
      '06493,,,,2017,commune-2016,Đạt,,,,',
      `,"Xã'; DROP TABLE assessment; --",Chi Lăng,,2017,commune-2016,,,,,`,
    ].join('\n');
    const result = await uploadImport(url, 'bad-rows.csv', Buffer.from(csv));
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ status: 'REJECTED', rowsRead: 8, rowsRejected: 7, changes: expect.any(Array) });
    expect(result.data.rejections.map((r: any) => [r.row, r.column, r.reason])).toEqual([
      [3, 'Mã ĐVHC', 'unknown-unit'],
      [4, 'Tên đơn vị', 'ambiguous-unit'],
      [5, 'TC20', 'criterion-outside-set'],
      [6, 'TC1', 'invalid-value'],
      [7, 'Năm', 'year-outside-validity'],
      [8, null, 'duplicate-row'],
      [9, 'Tên đơn vị', 'unknown-unit'],
    ]);
    expect(await assessmentChecksum(databaseUrl)).toBe(before);
    // The same file in partial mode writes the one valid row only.
    const partial = await uploadImport(url, 'bad-rows.csv', Buffer.from(csv), { dryRun: true, allOrNothing: false });
    expect(partial.data).toMatchObject({ status: 'DRY_RUN', rowsRejected: 7 });
    expect(partial.data.changes.map((c: any) => c.row)).toEqual([2]);
  });

  it('refuses unreadable, mistyped, oversized and unauthorised uploads with a clear code; nothing is written', async () => {
    const before = await assessmentChecksum(databaseUrl);
    const codeOf = (r: Awaited<ReturnType<typeof uploadImport>>) => r.errors?.[0]?.extensions?.code;
    expect(codeOf(await uploadImport(url, 'not-really.xlsx', Buffer.from(header)))).toBe('UNSUPPORTED_FILE_TYPE');
    expect(codeOf(await uploadImport(url, 'report.pdf', Buffer.from('%PDF-1.4')))).toBe('UNSUPPORTED_FILE_TYPE');
    const xlsx = (await exportFile(url, 'xlsx', { unit: '187', year: '2017' })).body;
    expect(codeOf(await uploadImport(url, 'truncated.xlsx', xlsx.subarray(0, xlsx.length / 2)))).toBe('INVALID_FILE');
    expect(codeOf(await uploadImport(url, 'latin.csv', Buffer.from([0x4d, 0xe3, 0x2c, 0xd0, 0x0a])))).toBe('INVALID_FILE');
    expect(codeOf(await uploadImport(url, 'quote.csv', Buffer.from(`${header}\n"06493,2017\n`)))).toBe('INVALID_FILE');
    expect(codeOf(await uploadImport(url, 'huge.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41)))).toBe('FILE_TOO_LARGE');
    const manyRows = `${header}\n${'06493,,,,2017,commune-2016,,,,,\n'.repeat(20_001)}`;
    expect(codeOf(await uploadImport(url, 'long.csv', Buffer.from(manyRows)))).toBe('TOO_MANY_ROWS');
    expect(codeOf(await uploadImport(url, 'anonymous.csv', Buffer.from(header), { token: null }))).toBe('UNAUTHENTICATED');
    // A token that is not ours is no login at all.
    expect(codeOf(await uploadImport(url, 'wrong-token.csv', Buffer.from(header), { token: 'guess' }))).toBe('UNAUTHENTICATED');

    // A formula and a date where text belongs: rejected by cell.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Đánh giá');
    sheet.addRow(['Mã ĐVHC', 'Năm', 'Bộ tiêu chí', 'TC1']);
    sheet.addRow(['06493', { formula: '2016+1', result: 2017 }, 'commune-2016', 'Đạt']);
    sheet.addRow(['06496', 2017, 'commune-2016', new Date('2017-01-01')]);
    const typed = await uploadImport(url, 'typed.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(typed.data.rejections.map((r: any) => [r.row, r.column, r.reason])).toEqual([
      [2, 'Năm', 'unreadable-cell'],
      [2, 'Năm', 'invalid-year'],
      [3, 'TC1', 'unreadable-cell'],
    ]);
    expect(await assessmentChecksum(databaseUrl)).toBe(before);
  });
});

async function graphqlAsOperator(url: string, query: string, variables: Record<string, unknown> = {}) {
  const result = await graphql(url, query, variables, { Authorization: `Bearer ${operatorToken}` });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as any;
}
