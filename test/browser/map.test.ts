import { beforeAll, describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { drawnBandColours, hex, landColour } from '../support/colours.ts';
import { lineageColours } from '../../web/src/map/map-style.ts';
import { mapSettled, screenshots, shareOfColour, useChromium } from '../support/browser.ts';

const server = inject('servers').find((s) => s.name === 'embedded')!;

describe('the map page in Chromium', () => {
  const chromium = useChromium(server.url);
  let page: Page;
  beforeAll(() => {
    page = chromium.page;
  });

  it('draws the 63 provinces as filled polygons', async () => {
    await page.goto(server.url);
    await mapSettled(page, 63);
    await page.screenshot({ path: path.join(screenshots, '01-country.png') });
    expect(await page.locator('h1').textContent()).toBe('Bản đồ Nông thôn mới');
    // Land colour covers a real share of the canvas: the polygons were drawn, not just loaded (the
    // provinces' names, drawn over them, take a little of it).
    expect(await shareOfColour(page, [landColour])).toBeGreaterThan(0.03);
    expect(Number(await page.getByTestId('map').getAttribute('data-rendered-labels'))).toBeGreaterThan(20);
  });

  it('drills into Lạng Sơn, then Chi Lăng, then Bằng Mạc, with a breadcrumb back up', async () => {
    await page.getByRole('button', { name: 'Lạng Sơn', exact: true }).click();
    await mapSettled(page, 11);
    expect(new URL(page.url()).searchParams.get('unit')).toBe('20');
    await expect.poll(() => page.getByTestId('unit-card').locator('h2').textContent()).toBe('Tỉnh Lạng Sơn');
    await page.screenshot({ path: path.join(screenshots, '02-lang-son.png') });
    // Lạng Sơn's districts are coloured by band, not left grey.
    expect(await shareOfColour(page, drawnBandColours)).toBeGreaterThan(0.2);
    // (The thin dark hatch of demo data blends into a few greyish pixels along its lines.)
    expect(await shareOfColour(page, [landColour])).toBeLessThan(0.03);

    await page.getByRole('button', { name: 'Chi Lăng', exact: true }).click();
    // Chi Lăng has 20 communes; all fit in the view.
    await mapSettled(page, 20);
    await page.getByRole('button', { name: 'Bằng Mạc', exact: true }).click();
    await expect.poll(() => page.getByTestId('unit-card').locator('h2').textContent()).toBe('Xã Bằng Mạc');
    const crumbs = await page.getByRole('navigation').locator('li').allTextContents();
    expect(crumbs).toEqual(['Việt Nam', 'Lạng Sơn', 'Chi Lăng', 'Bằng Mạc']);
    await page.screenshot({ path: path.join(screenshots, '03-bang-mac.png') });

    await page.getByRole('navigation').getByRole('button', { name: 'Việt Nam' }).click();
    await mapSettled(page, 63);
    expect(new URL(page.url()).searchParams.get('unit')).toBeNull();
  });

  it('drills down by clicking a polygon on the map', async () => {
    await page.goto(`${server.url}/?unit=20`);
    await mapSettled(page, 11);
    const box = (await page.getByTestId('map').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => new URL(page.url()).searchParams.get('unit')).toMatch(/^1\d\d$/);
    expect(await page.getByRole('navigation').locator('li').count()).toBe(3);
  });

  it('recolours for another year without loading the boundaries again', async () => {
    const operations: string[] = [];
    // Queries go as GET (the query text in the URL), mutations and long queries as POST.
    const track = (request: { url(): string; postData(): string | null }) => {
      const text = request.postData() ?? new URL(request.url()).searchParams.get('query') ?? '';
      const operation = /query (\w+)/.exec(text)?.[1];
      if (operation) operations.push(operation);
    };
    await page.goto(`${server.url}/?unit=187&year=2024`);
    await mapSettled(page, 20);
    const legend2024 = await page.getByTestId('legend').locator('li').allTextContents();
    page.on('request', track);
    await page.getByLabel('Năm').selectOption('2016');
    await expect.poll(() => page.getByTestId('legend').locator('li').allTextContents()).not.toEqual(legend2024);
    page.off('request', track);
    expect(new URL(page.url()).searchParams.get('year')).toBe('2016');
    expect(operations).toContain('Choropleth');
    expect(operations).not.toContain('AdminUnitLayer');
    await page.getByRole('button', { name: 'Bằng Mạc', exact: true }).click();
    await expect.poll(() => page.getByTestId('status').textContent()).toContain('Đạt 8/19 tiêu chí');
    await page.screenshot({ path: path.join(screenshots, '05-bang-mac-2016.png') });
  });

  it('opens a shared link at the same place and switches to English', async () => {
    await page.goto(`${server.url}/?unit=187`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=map]')?.dataset.state === 'idle');
    await expect.poll(() => page.getByTestId('unit-card').locator('h2').textContent()).toBe('Huyện Chi Lăng');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    expect(await page.locator('h1').textContent()).toBe('New Rural Development Atlas');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.reload();
    await mapSettled(page, 20);
    expect(await page.locator('h1').textContent()).toBe('New Rural Development Atlas');
    await expect.poll(() => page.getByTestId('unit-card').locator('h2').textContent()).toBe('Huyện Chi Lăng');
    expect(await page.getByRole('heading', { name: /^Communes \(/ }).textContent()).toBe('Communes (20)');
    await page.screenshot({ path: path.join(screenshots, '04-chi-lang-en.png') });
  });

  it('colours every commune of the country from vector tiles', async () => {
    // Tiles are fetched by MapLibre's worker: the page's request events see them.
    const tileRequests: string[] = [];
    const onRequest = (request: { url(): string }) => request.url().includes('/tiles/commune/') && tileRequests.push(request.url());
    page.on('request', onRequest);
    await page.goto(`${server.url}/?level=COMMUNE&year=2024`);
    await page.waitForFunction(
      () => {
        const map = document.querySelector<HTMLElement>('[data-testid=map]');
        return map?.dataset.state === 'idle' && Number(map.dataset.colouredUnits) > 10_000 && Number(map.dataset.renderedUnits) > 5_000;
      },
      null,
      { timeout: 90_000 },
    );
    await page.screenshot({ path: path.join(screenshots, '06-national-communes.png') });
    expect(await page.getByRole('radio', { name: 'Xã/phường/thị trấn' }).isChecked()).toBe(true);
    // Lạng Sơn, Bắc Giang and Lào Cai have data: band colours show, the rest of the country is "no data".
    expect(await shareOfColour(page, drawnBandColours)).toBeGreaterThan(0.002);
    // The rest is "no data" grey between thin white boundaries.
    expect(await shareOfColour(page, [landColour])).toBeGreaterThan(0.01);
    page.off('request', onRequest);
    expect(tileRequests.length).toBeGreaterThan(0);
    // The tiles of the units in force on 31 December of the year shown.
    expect(tileRequests.every((url) => /\/tiles\/commune\/\d+\/\d+\/\d+\.pbf\?asOf=2024-12-31$/.test(url))).toBe(true);

    // Back to provinces with the switch.
    await page.getByRole('radio', { name: 'Tỉnh/thành phố' }).check();
    await mapSettled(page, 63);
    expect(new URL(page.url()).searchParams.get('level')).toBeNull();
  });

  it("shows the 34 provinces of 2026, and a province's communes directly, with no district step", async () => {
    await page.goto(`${server.url}/?year=2026`);
    await expect.poll(() => page.getByRole('heading', { name: /^Tỉnh\/thành phố \(/ }).textContent(), { timeout: 30_000 }).toBe('Tỉnh/thành phố (34)');
    // Every province with a polygon is drawn (the map says which have none).
    const withoutPolygon = (await page.locator('.unit-list .badge').count()) as number;
    await mapSettled(page, 34 - withoutPolygon);
    expect(await page.getByLabel('Năm').inputValue()).toBe('2026');
    // After the reform the country is drawn by province or by commune: there is no district level.
    expect(await page.getByTestId('level-switch').getByRole('radio').count()).toBe(2);
    await page.getByRole('button', { name: 'Lạng Sơn', exact: true }).click();
    await mapSettled(page, 65);
    expect(new URL(page.url()).searchParams.get('unit')).toBe('20');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2026');
    await expect.poll(() => page.getByTestId('unit-card').locator('h2').textContent(), { timeout: 30_000 }).toBe('Tỉnh Lạng Sơn');
    expect(await page.getByRole('navigation').locator('li').allTextContents()).toEqual(['Việt Nam', 'Lạng Sơn']);
    expect(await page.getByRole('heading', { name: /^Xã\/phường\/thị trấn \(/ }).textContent()).toBe('Xã/phường/thị trấn (65)');
    await page.screenshot({ path: path.join(screenshots, '07-lang-son-2026.png') });

    // 06475 is Xã Bằng Mạc on this date (it was Xã Gia Lộc until 30/06/2025): formed from four communes.
    await page.getByRole('button', { name: 'Bằng Mạc', exact: true }).click();
    await expect.poll(() => page.getByTestId('unit-card').locator('h2').textContent(), { timeout: 30_000 }).toBe('Xã Bằng Mạc');
    expect(new URL(page.url()).searchParams.get('unit')).toBe('06475');
    expect(await page.getByRole('navigation').locator('li').allTextContents()).toEqual(['Việt Nam', 'Lạng Sơn', 'Bằng Mạc']);
    await mapSettled(page, 65);
    const predecessors = page.getByTestId('predecessors').locator('li');
    await expect.poll(() => predecessors.count(), { timeout: 30_000 }).toBe(4);
    const names = (await predecessors.locator('strong').allTextContents()).sort();
    expect(names).toEqual(['Xã Bằng Hữu', 'Xã Bằng Mạc', 'Xã Gia Lộc', 'Xã Thượng Cường'].sort());
    // The old Bằng Mạc's own last record, documented, with its source document.
    const oldBangMac = predecessors.filter({ has: page.locator('strong', { hasText: /^Xã Bằng Mạc$/ }) });
    expect(await oldBangMac.textContent()).toMatch(/Năm 20\d\d: /);
    expect(await oldBangMac.locator('.badge-documented').count()).toBe(1);
    expect(await oldBangMac.locator('cite.source-ref').count()).toBe(1);
    // The line over them is labelled derived, never the new commune's own assessment.
    expect(await page.getByTestId('roll-up').textContent()).toContain('Suy ra');
    // Their outlines are drawn inside it.
    await expect.poll(() => shareOfColour(page, [hex(lineageColours.predecessor)]), { timeout: 30_000 }).toBeGreaterThan(0.0002);
    await page.screenshot({ path: path.join(screenshots, '08-bang-mac-2026-then-and-now.png') });
  });

  it('follows a selected commune across the reform by code and date, and says so', async () => {
    // 06493 was Xã Bằng Mạc of Chi Lăng until 30/06/2025; it went whole into the new Xã Bằng Mạc (06475).
    await page.goto(`${server.url}/?unit=06493&year=2024`);
    const slow = { timeout: 30_000 };
    await expect.poll(() => page.getByTestId('unit-card').locator('h2').textContent(), slow).toBe('Xã Bằng Mạc');
    await expect.poll(() => page.getByTestId('successors').locator('li').allTextContents(), slow).toEqual([expect.stringContaining('Xã Bằng Mạc')]);
    await page.locator('header').getByLabel('Năm').selectOption('2026');
    await expect.poll(() => new URL(page.url()).searchParams.get('unit'), slow).toBe('06475');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2026');
    await expect.poll(() => page.getByTestId('year-notice').textContent(), slow).toContain('Xã Bằng Mạc');
    await expect.poll(() => page.getByRole('navigation').locator('li').allTextContents(), slow).toEqual(['Việt Nam', 'Lạng Sơn', 'Bằng Mạc']);
    await mapSettled(page, 65);
  });

  it('made no console errors and no requests outside the app', () => {
    expect(chromium.consoleErrors).toEqual([]);
    expect(chromium.foreignRequests).toEqual([]);
  });

  it('says why a linked unit cannot be shown in the language of the map, not in the API’s English', async () => {
    // A page of its own: the failed request is expected here, and must not count against the page above.
    const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const other = await context.newPage();
      await other.goto(`${server.url}/?unit=99999&year=2024`);
      await expect
        .poll(() => other.getByRole('alert').first().textContent())
        .toBe('Không tải được dữ liệu: không có đơn vị hoặc dữ liệu này vào thời điểm đã chọn');
      await other.goto(`${server.url}/?unit=99999&year=2024&lang=en`);
      await expect.poll(() => other.getByRole('alert').first().textContent()).toBe('Could not load data: there is no such unit or data at the date shown');
    } finally {
      await context.close();
    }
  });
});
