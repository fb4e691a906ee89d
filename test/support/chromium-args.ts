/**
 * Debian's Chromium as the tests and the benchmark run it: headless, WebGL through SwiftShader
 * (there is no GPU), no background traffic. Kept apart from browser.ts, which needs Vitest.
 */
export const chromiumArgs = [
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
