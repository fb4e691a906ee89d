import { beforeAll, describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { drawnBandColours, landColour } from '../support/colours.ts';
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
    // Land colour covers a real share of the canvas: the polygons were drawn, not just loaded.
    expect(await shareOfColour(page, [landColour])).toBeGreaterThan(0.05);
  });

  it('drills into Lạng Sơn, then Chi Lăng, then Bằng Mạc, with a breadcrumb back up', async () => {
    await page.getByRole('button', { name: 'Lạng Sơn', exact: true }).click();
    await mapSettled(page, 11);
    expect(new URL(page.url()).searchParams.get('unit')).toBe('20');
    await expect.poll(() => page.getByTestId('unit-card').locator('h2').textContent()).toBe('Tỉnh Lạng Sơn');
    await page.screenshot({ path: path.join(screenshots, '02-lang-son.png') });
    // Lạng Sơn's districts are coloured by band, not left grey.
    expect(await shareOfColour(page, drawnBandColours)).toBeGreaterThan(0.2);
    expect(await shareOfColour(page, [landColour])).toBeLessThan(0.01);

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
    const track = (request: { postData(): string | null }) => {
      const operation = /query (\w+)/.exec(request.postData() ?? '')?.[1];
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
    await page.getByRole('button', { name: 'Chuyển sang tiếng Anh' }).click();
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
    expect(tileRequests.every((url) => /\/tiles\/commune\/\d+\/\d+\/\d+\.pbf$/.test(url))).toBe(true);

    // Back to provinces with the switch.
    await page.getByRole('radio', { name: 'Tỉnh/thành phố' }).check();
    await mapSettled(page, 63);
    expect(new URL(page.url()).searchParams.get('level')).toBeNull();
  });

  it('made no console errors and no requests outside the app', () => {
    expect(chromium.consoleErrors).toEqual([]);
    expect(chromium.foreignRequests).toEqual([]);
  });
});
