import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { artifactsDir } from './servers.ts';
import type { Rgb } from './colours.ts';
import { chromiumArgs } from './chromium-args.ts';

export const screenshots = path.join(artifactsDir, 'screenshots');

/** Debian's Chromium, headless, WebGL through SwiftShader, no background traffic. */
export async function launchChromium(): Promise<Browser> {
  fs.mkdirSync(screenshots, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
}

/** A page that records console errors and any request leaving the app. */
export async function watchedPage(
  browser: Browser,
  appUrl: string,
  sinks: { consoleErrors: string[]; foreignRequests: string[] },
  viewport = { width: 1280, height: 800 },
): Promise<Page> {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  page.on('console', (message) => message.type() === 'error' && sinks.consoleErrors.push(message.text()));
  page.on('pageerror', (error) => sinks.consoleErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(appUrl) && !url.startsWith('data:') && !url.startsWith('blob:')) sinks.foreignRequests.push(url);
  });
  return page;
}

/** Share of the map canvas whose pixels are within a small distance of any of the RGB colours. */
export async function shareOfColour(page: Page, colours: Rgb[]): Promise<number> {
  return page.evaluate((colours) => {
    const source = document.querySelector<HTMLCanvasElement>('[data-testid=map] canvas')!;
    const copy = document.createElement('canvas');
    copy.width = source.width;
    copy.height = source.height;
    const context = copy.getContext('2d')!;
    context.drawImage(source, 0, 0);
    const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
    let matching = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const near = colours.some(([r, g, b]) => Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 24);
      if (near) matching++;
    }
    return matching / (pixels.length / 4);
  }, colours);
}

export async function mapSettled(page: Page, units: number) {
  const state = () =>
    page.evaluate(() => {
      const map = document.querySelector<HTMLElement>('[data-testid=map]');
      return `${map?.dataset.state} with ${map?.dataset.renderedUnits} units at ${location.href}`;
    });
  try {
    await page.waitForFunction(
      (n) => {
        const map = document.querySelector<HTMLElement>('[data-testid=map]');
        return map?.dataset.state === 'idle' && map.dataset.renderedUnits === String(n);
      },
      units,
      { timeout: 60_000 },
    );
  } catch (error) {
    await page.screenshot({ path: path.join(screenshots, `timeout-${Date.now()}.png`) });
    throw new Error(`map did not settle on ${units} units: ${await state()}`, { cause: error });
  }
}

export interface ChromiumSession {
  browser: Browser;
  page: Page;
  consoleErrors: string[];
  foreignRequests: string[];
}

/** Chromium for a describe block: launched before its tests, closed after them. */
export function useChromium(appUrl: string): ChromiumSession {
  const session = { consoleErrors: [], foreignRequests: [] } as unknown as ChromiumSession;
  beforeAll(async () => {
    session.browser = await launchChromium();
    session.page = await watchedPage(session.browser, appUrl, session);
  });
  afterAll(async () => {
    await session.browser?.close();
  });
  return session;
}
