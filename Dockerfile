# The NTM Atlas application image: API + built web client. Boundaries are not baked in (their
# licence forbids redistribution); mount them at /geo (see docker-compose.yml and README).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
# npm ci would reject the lockfile: it lacks the optional rollup builds of other platforms.
RUN npm install --no-audit --no-fund
COPY tsconfig.json ./
COPY api ./api
COPY geo ./geo
COPY web ./web
COPY seeds ./seeds
# The web client, and the server as one JavaScript module (api/dist/main.mjs, as `npm start` runs it).
RUN npm run build:web && node api/build-if-stale.mjs --force && npm prune --omit=dev

FROM node:24-bookworm-slim
# pg_dump and psql for npm run backup / restore against the compose database (PostgreSQL 15).
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client-15 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 GEO_DATA_DIR=/geo
COPY --from=build /app ./
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s CMD node -e "fetch('http://127.0.0.1:4000/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--enable-source-maps", "api/dist/main.mjs"]
