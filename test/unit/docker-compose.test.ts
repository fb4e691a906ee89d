import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');

// Docker cannot run on our CI machines, so the files are checked for what `docker compose up` needs.
describe('docker-compose.yml', () => {
  it('runs the official PostGIS image with a health check', () => {
    const db = compose.services.db;
    expect(db.image).toMatch(/^postgis\/postgis:\d+-3\.\d+$/);
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(db.volumes.some((v: string) => v.endsWith(':/var/lib/postgresql/data'))).toBe(true);
    expect(compose.volumes).toHaveProperty(db.volumes[0].split(':')[0]);
  });

  it('builds the app from this repository and starts it once the database is healthy', () => {
    const app = compose.services.app;
    expect(app.build.context).toBe('.');
    expect(fs.existsSync(path.join(root, app.build.dockerfile))).toBe(true);
    expect(app.depends_on.db.condition).toBe('service_healthy');
    expect(app.ports).toContain('4000:4000');
  });

  it('points the app at the db service with the credentials the db is created with', () => {
    const { POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB } = compose.services.db.environment;
    const url = new URL(compose.services.app.environment.DATABASE_URL);
    expect([url.hostname, url.port, url.username, url.password, url.pathname]).toEqual(['db', '5432', POSTGRES_USER, POSTGRES_PASSWORD, `/${POSTGRES_DB}`]);
  });

  it('mounts boundary data read-only where GEO_DATA_DIR says, never baking it into the image', () => {
    const app = compose.services.app;
    // Compose's own ${VAR:-default} syntax, not a template literal.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the string is Compose's variable syntax, read as text
    expect(app.volumes).toContain('${GEO_DATA_DIR:-../shared/geo}:/geo:ro');
    expect(app.environment.GEO_DATA_DIR).toBe('/geo');
    expect(dockerfile).not.toMatch(/COPY[^\n]*shared/);
  });
});

describe('Dockerfile', () => {
  it('installs from the committed lockfile, builds the web client and serves on 0.0.0.0:4000', () => {
    expect(dockerfile).toMatch(/RUN npm install --no-audit --no-fund/);
    expect(dockerfile.indexOf('COPY package.json package-lock.json')).toBeLessThan(dockerfile.indexOf('RUN npm install'));
    expect(dockerfile).toContain('npm run build:web');
    expect(dockerfile).toMatch(/ENV[^\n]*HOST=0\.0\.0\.0/);
    expect(dockerfile).toMatch(/EXPOSE 4000/);
    // The server built as `npm start` builds it (api/build-if-stale.mjs), and run as `npm start` runs it.
    expect(dockerfile).toMatch(/RUN [^\n]*node api\/build-if-stale\.mjs --force/);
    expect(dockerfile).toMatch(/CMD \["node", "--enable-source-maps", "api\/dist\/main\.mjs"\]/);
    for (const copied of ['api', 'geo', 'web']) expect(dockerfile).toContain(`COPY ${copied} ./${copied}`);
  });
});
