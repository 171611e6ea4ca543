# One image for every Lan Tỏa service; the command picks which one runs, e.g.
#   docker run lantoa node --conditions=lantoa-dist services/organizations/dist/main.js
# (docker-compose.yml runs them all). Services run the JavaScript that `pnpm build` compiles
# (and the gateway serves the console that `pnpm build` bundles into admin/dist);
# the condition makes the workspace packages (@lantoa/kit…) resolve to their dist/ too.
# The one-shot `pnpm db:migrate` still runs its script through tsx.
FROM node:20-bookworm-slim

# pnpm 12.4.2 exactly: newer builds refuse this lockfile, and corepack fails its signature check.
RUN npm install -g pnpm@12.4.2 && npm cache clean --force

WORKDIR /app

# Dependencies first, from the lockfile alone, so editing sources does not refetch them.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN CI=true pnpm fetch

COPY . .
RUN CI=true pnpm install --offline --frozen-lockfile && pnpm build

ENV NODE_ENV=production HOST=0.0.0.0
USER node
CMD ["node", "--conditions=lantoa-dist", "services/gateway/dist/main.js"]
