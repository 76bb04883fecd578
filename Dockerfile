# Loom: one image, every role (LOOM_ROLE=all|api|ingest|worker). Node 20 on Debian 12 (the glibc
# the embedded engines' prebuilt binaries need). The server runs from TypeScript through tsx (a
# runtime dependency), as `npm start` does.
#   docker build -t ghcr.io/loom-dev/loom:0.1.0 .
ARG NODE_IMAGE=node:20.19-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Versions pinned by package-lock.json. `npm install`, not `npm ci`: npm 11's `ci` rejects this lock
# for chdb's optional per-platform packages that have no version in it. No install scripts except
# kuzu's (as package.json's allowScripts): native parts ship prebuilt.
RUN npm install --no-audit --no-fund --ignore-scripts && npm rebuild kuzu
COPY . .
RUN npm run build:web && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    LOOM_HOST=0.0.0.0 \
    LOOM_PORT=4000 \
    LOOM_DATA_DIR=/var/lib/loom
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json /app/package-lock.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/server ./server
COPY --from=build --chown=root:root /app/ingest ./ingest
COPY --from=build --chown=root:root /app/schema ./schema
COPY --from=build --chown=root:root /app/seeds ./seeds
COPY --from=build --chown=root:root /app/web/dist ./web/dist
COPY --from=build --chown=root:root /app/tsconfig.json ./
RUN mkdir -p /var/lib/loom && chown 1000:1000 /var/lib/loom
# The image's `node` user (uid 1000), as the Kubernetes manifests expect.
USER 1000:1000
EXPOSE 4000 4317
VOLUME ["/var/lib/loom"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s CMD node -e "fetch('http://127.0.0.1:'+(process.env.LOOM_PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# --max-semi-space-size: see scripts/start.sh.
ENTRYPOINT ["node", "--max-semi-space-size=64", "--import", "tsx", "server/src/cli.ts"]
CMD ["start"]
