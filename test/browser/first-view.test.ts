import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';

const server = inject('servers').find((s) => s.name === 'embedded')!;
const nationalView = '/?level=COMMUNE&year=2024';

/** Lighthouse's "Slow 4G": 150 ms round trips, 1.6 Mbps down, 750 kbps up. */
const slow4g = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

interface Transfer {
  url: string;
  /** Bytes over the wire, headers included (the page's own requests; the map worker's are not here). */
  bytes: number;
}

/** A page on an emulated slow connection whose own transfers are counted per navigation. */
async function slowPage(context: BrowserContext): Promise<{ page: Page; transfers: Transfer[]; cdp: CDPSession }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', slow4g);
  const urls = new Map<string, string>();
  const transfers: Transfer[] = [];
  cdp.on('Network.requestWillBeSent', (event) => urls.set(event.requestId, event.request.url));
  cdp.on('Network.loadingFinished', (event) => transfers.push({ url: urls.get(event.requestId) ?? '', bytes: event.encodedDataLength }));
  return { page, transfers, cdp };
}

async function coloured(page: Page) {
  await page.waitForFunction(
    () => {
      const map = document.querySelector<HTMLElement>('[data-testid=map]');
      return map?.dataset.state === 'idle' && Number(map.dataset.colouredUnits) > 10_000;
    },
    null,
    { timeout: 90_000 },
  );
}

describe('the first view on a provincial connection (Slow 4G emulated in Chromium)', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for the country view’s first tiles beside the map engine, and those are the tiles MapLibre draws', async () => {
    const tileRequests: string[] = [];
    context.on('request', (request) => request.url().includes('/tiles/commune/') && tileRequests.push(new URL(request.url()).pathname));
    const { page, transfers } = await slowPage(context);
    await page.goto(`${server.url}${nationalView}`);
    await coloured(page);
    // The page's own tile requests are the early ones; MapLibre's worker asks for its tiles itself.
    const early = transfers.filter((t) => t.url.includes('/tiles/commune/')).map((t) => new URL(t.url).pathname);
    expect(early.length).toBeGreaterThan(0);
    for (const tile of early) expect(tileRequests.filter((t) => t === tile).length, tile).toBeGreaterThanOrEqual(2);
    // One zoom: the guess matched the map's own fit.
    expect(new Set(tileRequests.map((t) => t.split('/')[3])).size).toBe(1);
    await page.close();
  });

  it('on a repeat visit, takes the scripts, fonts and tiles from the cache and revalidates the kept answers (304s)', async () => {
    const { page, transfers } = await slowPage(context);
    await page.goto(`${server.url}${nationalView}`);
    await coloured(page);
    const assets = transfers.filter((t) => t.url.includes('/assets/'));
    // Hashed assets are kept for good: none is asked for again.
    expect(assets.reduce((sum, t) => sum + t.bytes, 0)).toBe(0);
    const colours = transfers.filter((t) => t.url.includes('/graphql') && t.url.includes('Choropleth'));
    expect(colours.length).toBeGreaterThan(0);
    // A 304: headers only, where the answer itself is tens of kilobytes.
    for (const t of colours) expect(t.bytes).toBeLessThan(1_000);
    const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
    expect(total).toBeLessThan(20_000);
    await page.close();
  });
});
