# Phiếu Kín in a container: build with the tools better-sqlite3 needs, run on Node 20 slim as an
# unprivileged user, the database on a volume. See docs/deploy/README.md.
#   docker build -t phieukin .
#   docker run -d -p 3000:3000 -v phieukin-data:/data -e ORIGIN=https://phieu.example.vn phieukin

FROM node:20-slim AS build
RUN apt-get update \
	&& apt-get install -y --no-install-recommends python3 make g++ \
	&& rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Node's own headers, for node-gyp to build better-sqlite3 without downloading them.
ENV npm_package_config_node_gyp_nodedir=/usr/local
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-slim
ENV NODE_ENV=production \
	HOST=0.0.0.0 \
	PORT=3000 \
	DATABASE_PATH=/data/phieukin.db \
	MIGRATIONS_PATH=/app/drizzle \
	BODY_SIZE_LIMIT=64K
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/scripts/backup.js ./scripts/backup.js
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
	CMD node -e "fetch('http://127.0.0.1:3000/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# The adapter's server: behind a proxy, set ORIGIN (or PROTOCOL_HEADER and HOST_HEADER).
CMD ["node", "build/index.js"]
