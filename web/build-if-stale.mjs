// Builds the web client when web/dist is missing or older than any source file, so `npm start`
// and `npm test` always serve the current client without paying for a build on every start.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const built = path.join(webDir, 'dist', 'index.html');
const sources = [path.join(webDir, 'index.html'), path.join(webDir, 'vite.config.ts'), path.join(webDir, 'src'), path.join(webDir, '../package-lock.json')];

function newestMtime(p) {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
if (builtAt < Math.max(...sources.map(newestMtime))) {
  console.log('Building the web client…');
  execFileSync(
    process.execPath,
    [path.join(webDir, '../node_modules/vite/bin/vite.js'), 'build', '--config', path.join(webDir, 'vite.config.ts'), '--logLevel', 'warn'],
    { stdio: 'inherit' },
  );
}
