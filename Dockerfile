# License Doctor: Node.js 24, production dependencies only, running as a non-root user.
# Build:  docker build -t license-doctor .      Run:  docker compose up   (see compose.yaml and the README)
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=3978
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
COPY manifest ./manifest
# The embedded SQLite default and the sandbox state live under /app/data; mount a volume there (or use PostgreSQL).
RUN mkdir -p /app/data && chown -R node:node /app/data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "bin/license-doctor.js", "serve"]
