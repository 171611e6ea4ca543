# One image for every Lan Tỏa service; the command picks which one runs, e.g.
#   docker run lantoa node --import tsx services/organizations/src/main.ts
# (docker-compose.yml runs them all). Sources run through tsx, as in development.
FROM node:20-bookworm-slim

# pnpm 12.4.2 exactly: newer builds refuse this lockfile, and corepack fails its signature check.
RUN npm install -g pnpm@12.4.2 && npm cache clean --force

WORKDIR /app

# Dependencies first, from the lockfile alone, so editing sources does not refetch them.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN CI=true pnpm fetch

COPY . .
RUN CI=true pnpm install --offline --frozen-lockfile

ENV NODE_ENV=production HOST=0.0.0.0
USER node
CMD ["node", "--import", "tsx", "services/gateway/src/main.ts"]
