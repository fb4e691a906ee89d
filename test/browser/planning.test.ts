import { beforeAll, describe, expect, inject, it } from 'vitest';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { queryData } from '../support/graphql.ts';
import { mapSettled, screenshots, shareOfColour, useChromium, watchedPage } from '../support/browser.ts';
import { hex } from '../support/colours.ts';
import { palette } from '../../web/src/map/map-style.ts';

const server = inject('servers').find((s) => s.name === 'embedded')!;

const matchesQuery = `
  query Matches($filter: UnitFilter!) {
    units(filter: $filter, first: 400) { totalCount nodes { code name } }
  }
`;

/** What the API answers for the same question the page is asked: the page must show exactly this. */
async function apiMatches(filter: Record<string, unknown>) {
  const data = await queryData<{ units: { totalCount: number; nodes: { code: string; name: string }[] } }>(server.url, matchesQuery, {
    filter: { level: 'COMMUNE', ...filter },
  });
  return data.units;
}

/** Units per legend class, as the legend shows them. */
async function legendCounts(page: Page): Promise<Record<string, number>> {
  return page
    .getByTestId('legend')
    .locator('li')
    .evaluateAll((items) => Object.fromEntries(items.map((li) => [(li as HTMLElement).dataset.band!, Number(li.querySelector('.legend-count')?.textContent)])));
}

async function tableCodes(page: Page): Promise<string[]> {
  return page
    .getByTestId('matches')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.code!));
}

describe('planners answer their questions in Chromium', () => {
  const chromium = useChromium(server.url);
  let page: Page;
  beforeAll(() => {
    page = chromium.page;
  });

  it('lists the communes of Lạng Sơn below 5 criteria in 2017, marks them on the map and exports them', async () => {
    await page.goto(`${server.url}/?unit=20&year=2017`);
    await mapSettled(page, 11);
    await page.getByTestId('filters').locator('summary').click();
    await page.getByRole('checkbox', { name: 'Dưới 5 tiêu chí' }).check();
    const expected = await apiMatches({ withinCode: '20', year: 2017, bandIn: ['lt5'] });
    expect(expected.totalCount).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('match-count').textContent(), { timeout: 30_000 }).toBe(`${expected.totalCount} xã phù hợp (năm 2017)`);
    expect((await tableCodes(page)).sort()).toEqual(expected.nodes.map((n) => n.code).sort());
    expect(new URL(page.url()).searchParams.get('bands')).toBe('lt5');

    // The map switched to Lạng Sơn's communes and outlines the matches.
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.matchedUnits) > 0, null, { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.state === 'idle');
    expect(await shareOfColour(page, [hex(palette.matchOutline)])).toBeGreaterThan(0.001);
    await page.screenshot({ path: path.join(screenshots, '10-lang-son-below-5-2017.png') });

    // Most criteria first by default; a click on the header puts the fewest first, another reverses it.
    const criteriaColumn = async () => (await page.getByTestId('matches').locator('tbody td.number').allTextContents()).map((c) => Number(c.split('/')[0]));
    const descending = await criteriaColumn();
    expect(descending).toEqual([...descending].sort((a, b) => b - a));
    expect(Math.max(...descending)).toBeLessThan(5);
    const criteriaHeader = page.getByRole('button', { name: /^Tiêu chí đạt/ });
    await criteriaHeader.click();
    expect(await criteriaColumn()).toEqual([...descending].sort((a, b) => a - b));
    await criteriaHeader.click();
    expect(await criteriaColumn()).toEqual(descending);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFMã,Tên,Huyện,Tỉnh')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(expected.totalCount + 1);
    for (const { code } of expected.nodes) expect(csv).toContain(`${code},`);

    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Excel' }).click()]);
    expect(xlsxDownload.suggestedFilename()).toBe('ntm-Lạng-Sơn-2017.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsxDownload.path())!);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(expected.totalCount + 1);
    expect(sheet.getRow(1).getCell(1).value).toBe('Mã');
    const sheetCodes = sheet.getColumn(1).values.slice(2) as string[];
    expect([...sheetCodes].sort()).toEqual(expected.nodes.map((n) => n.code).sort());
    // Criteria met are numbers in the sheet, not text.
    expect(typeof sheet.getRow(2).getCell(6).value).toBe('number');

    // The link reproduces the filtered view.
    await page.reload();
    await expect.poll(() => page.getByTestId('match-count').textContent(), { timeout: 30_000 }).toBe(`${expected.totalCount} xã phù hợp (năm 2017)`);
  });

  it('with demo data switched off, lists the 20 documented communes of Lạng Sơn below 5 criteria in 2016, and the legend counts only documented units', async () => {
    await page.goto(`${server.url}/?unit=20&year=2016&bands=lt5`);
    const expectedWithDemo = await apiMatches({ withinCode: '20', year: 2016, bandIn: ['lt5'], includeDemo: true });
    await expect.poll(() => page.getByTestId('match-count').textContent(), { timeout: 30_000 }).toBe(`${expectedWithDemo.totalCount} xã phù hợp (năm 2016)`);
    await expect.poll(() => page.getByTestId('demo-notice').getAttribute('data-demo'), { timeout: 30_000 }).toBe('on');
    const legendWithDemo = await legendCounts(page);
    expect(Number(await page.getByTestId('legend-sources').getAttribute('data-demo'))).toBeGreaterThan(0);

    await page.getByTestId('demo-toggle').uncheck();
    await expect.poll(() => page.getByTestId('match-count').textContent(), { timeout: 30_000 }).toBe('20 xã phù hợp (năm 2016)');
    expect(new URL(page.url()).searchParams.get('demo')).toBe('0');
    const documented = await apiMatches({ withinCode: '20', year: 2016, bandIn: ['lt5'], includeDemo: false });
    expect((await tableCodes(page)).sort()).toEqual(documented.nodes.map((n) => n.code).sort());
    await expect.poll(() => page.getByTestId('demo-notice').getAttribute('data-demo'), { timeout: 30_000 }).toBe('off');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.state === 'idle');
    const legendDocumented = await legendCounts(page);
    expect(legendDocumented).not.toEqual(legendWithDemo);
    // Every coloured class counts documented units only: their sum is the documented count, and no unit is demo.
    const sources = page.getByTestId('legend-sources');
    expect(await sources.getAttribute('data-demo')).toBe('0');
    const coloured = Object.entries(legendDocumented).reduce((sum, [band, count]) => (band === 'no-data' || band === 'not-assessed' ? sum : sum + count), 0);
    expect(coloured).toBe(Number(await sources.getAttribute('data-documented')));
    expect(coloured).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshots, '14-lang-son-below-5-2016-documented.png') });

    // Back on: the demo communes come back on the map and in the counts.
    await page.getByTestId('demo-toggle').check();
    await expect.poll(() => page.getByTestId('match-count').textContent(), { timeout: 30_000 }).toBe(`${expectedWithDemo.totalCount} xã phù hợp (năm 2016)`);
    await expect.poll(() => legendCounts(page), { timeout: 30_000 }).toEqual(legendWithDemo);
  });

  it('counts the border communes of Lạng Sơn meeting every criterion in 2024', async () => {
    await page.goto(`${server.url}/?unit=20&year=2024`);
    await page.getByTestId('filters').locator('summary').click();
    await page.getByRole('checkbox', { name: 'Xã biên giới' }).check();
    await page.getByRole('checkbox', { name: 'Đạt đủ 19 tiêu chí' }).check();
    const expected = await apiMatches({ withinCode: '20', year: 2024, flags: ['border'], bandIn: ['all-met'] });
    expect(expected.totalCount).toBeGreaterThan(0);
    // The same date as the map (no date would mean today: the two-level units of 2025, which carry no border flag yet).
    const allBorder = await apiMatches({ withinCode: '20', year: 2024, flags: ['border'] });
    expect(expected.totalCount).toBeLessThanOrEqual(allBorder.totalCount);
    await expect.poll(() => page.getByTestId('match-count').textContent(), { timeout: 30_000 }).toBe(`${expected.totalCount} xã phù hợp (năm 2024)`);
    expect((await tableCodes(page)).sort()).toEqual(expected.nodes.map((n) => n.code).sort());
    expect(new URL(page.url()).searchParams.get('flags')).toBe('border');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.state === 'idle');
    await page.screenshot({ path: path.join(screenshots, '11-lang-son-border-all-met-2024.png') });

    // The table's GeoPackage link: a file GDAL opens, holding the same communes as the table.
    const [gpkg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-gpkg').click()]);
    expect(gpkg.suggestedFilename()).toMatch(/^ntm-communes-2025-03-2024-within-20-.*\.gpkg$/);
    const { stdout } = await promisify(execFile)('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', (await gpkg.path())!], { maxBuffer: 64 * 1024 * 1024 });
    const fileCodes = (JSON.parse(stdout).features as { properties: { code: string } }[]).map((f) => f.properties.code);
    expect(fileCodes.sort()).toEqual(expected.nodes.map((n) => n.code).sort());

    // Clearing the filters brings the districts back.
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await mapSettled(page, 11);
    expect(new URL(page.url()).searchParams.get('flags')).toBeNull();
  });

  it('finds Xã Song Vân by typing without tone marks and shows what it missed in 2019', async () => {
    await page.goto(`${server.url}/?year=2019`);
    await mapSettled(page, 63);
    const search = page.getByRole('combobox', { name: 'Tìm đơn vị hành chính' });
    await search.fill('song van');
    await page.getByRole('option', { name: /Xã Song Vân/ }).waitFor();
    // Keyboard only: move to the hit and open it.
    const options = await page.getByRole('option').allTextContents();
    const index = options.findIndex((o) => o.startsWith('Xã Song Vân'));
    for (let i = 0; i < index; i++) await search.press('ArrowDown');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('unit-card').locator('h2').textContent(), { timeout: 30_000 }).toBe('Xã Song Vân');
    expect(await page.getByRole('navigation').locator('li').allTextContents()).toEqual(['Việt Nam', 'Bắc Giang', 'Tân Yên', 'Song Vân']);
    // Document 001 (Tân Yên, 2019), section II.1.2: criteria 2, 6 and 17 not met.
    await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 30_000 }).toContain('Tiêu chí chưa đạt: 2, 6, 17');
    await expect.poll(() => page.getByTestId('sources').textContent(), { timeout: 30_000 }).toContain('II.1.2, Xã Song Vân');
    await page.getByTestId('history-chart').waitFor();
    expect(await page.getByTestId('history-chart').locator('g[data-year]').count()).toBeGreaterThan(1);
    await page.screenshot({ path: path.join(screenshots, '12-song-van-2019.png') });

    // đ/Đ: "dinh lap" finds Đình Lập.
    await search.fill('dinh lap');
    await expect.poll(() => page.getByRole('option').first().textContent(), { timeout: 30_000 }).toContain('Đình Lập');
    await search.press('Escape');
  });

  it('summarises a district: band counts, a bar per criterion and the reported figures', async () => {
    await page.goto(`${server.url}/?unit=187&year=2024`);
    await mapSettled(page, 20);
    const bars = page.getByTestId('per-criterion').locator('li');
    await expect.poll(() => bars.count(), { timeout: 30_000 }).toBe(19);
    const summary = await queryData(server.url, `{ summary(unitCode: "187", year: 2024) { assessedCount perCriterion { criterion met } } }`);
    const first = summary.summary.perCriterion[0];
    expect(await bars.first().locator('.bar-value').textContent()).toBe(`${first.met}/${summary.summary.assessedCount}`);
    await page.screenshot({ path: path.join(screenshots, '13-chi-lang-summary-2024.png') });
  });

  it('fits a phone-width screen without sideways scrolling', async () => {
    const phone = await watchedPage(chromium.browser, server.url, chromium, { width: 390, height: 844 });
    await phone.goto(`${server.url}/?unit=187&year=2024`);
    await mapSettled(phone, 20);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(screenshots, '14-phone-chi-lang.png'), fullPage: true });
    await phone.close();
  });

  it('made no console errors and no requests outside the app', () => {
    expect(chromium.consoleErrors).toEqual([]);
    expect(chromium.foreignRequests).toEqual([]);
  });
});
