# syntax=docker/dockerfile:1
# newsbot: multi-stage build. The build stage compiles TypeScript; the runtime stage holds only
# production dependencies and the compiled JavaScript, and runs as the unprivileged `node` user.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY commands ./commands
# `npm ci` runs the `prepare` script, which compiles to dist/.
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HTTP_PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.HTTP_PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# main.js handles SIGTERM/SIGINT itself (graceful shutdown), so it can run as PID 1;
# compose.yaml also sets `init: true` so zombie processes are reaped.
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js"]
