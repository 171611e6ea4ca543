import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../auth/caller.js';
import { InvalidProofError, signCallerProof, verifyCallerProof } from '../auth/proof.js';
import { InvalidServiceProofError, ORGANIZATION_FEED_AUDIENCE, signServiceProof, verifyServiceProof } from '../auth/service-proof.js';
import { organizationFeedUrl } from './feed.js';

const secret = randomBytes(32).toString('base64url');

describe('service proof (service-to-service calls such as the organization feed)', () => {
  it('is accepted for its own audience and names the calling service', async () => {
    const proof = await signServiceProof(secret, { audience: ORGANIZATION_FEED_AUDIENCE, service: 'identity' });
    await expect(verifyServiceProof(proof, secret, ORGANIZATION_FEED_AUDIENCE)).resolves.toEqual({ service: 'identity' });
  });

  it('is refused when missing, forged, expired or made for another endpoint', async () => {
    await expect(verifyServiceProof(undefined, secret, ORGANIZATION_FEED_AUDIENCE)).rejects.toBeInstanceOf(InvalidServiceProofError);
    const forged = await signServiceProof(randomBytes(32).toString('base64url'), { audience: ORGANIZATION_FEED_AUDIENCE, service: 'identity' });
    await expect(verifyServiceProof(forged, secret, ORGANIZATION_FEED_AUDIENCE)).rejects.toBeInstanceOf(InvalidServiceProofError);
    const expired = await signServiceProof(secret, { audience: ORGANIZATION_FEED_AUDIENCE, service: 'identity', ttlSeconds: -1 });
    await expect(verifyServiceProof(expired, secret, ORGANIZATION_FEED_AUDIENCE)).rejects.toBeInstanceOf(InvalidServiceProofError);
    const other = await signServiceProof(secret, { audience: 'lantoa-internal:something-else', service: 'identity' });
    await expect(verifyServiceProof(other, secret, ORGANIZATION_FEED_AUDIENCE)).rejects.toBeInstanceOf(InvalidServiceProofError);
  });

  it('and the gateway’s caller proof do not stand in for each other', async () => {
    const callerProof = await signCallerProof(ANONYMOUS, randomUUID(), secret);
    await expect(verifyServiceProof(callerProof, secret, ORGANIZATION_FEED_AUDIENCE)).rejects.toBeInstanceOf(InvalidServiceProofError);
    const serviceProof = await signServiceProof(secret, { audience: ORGANIZATION_FEED_AUDIENCE, service: 'identity' });
    await expect(verifyCallerProof(serviceProof, secret)).rejects.toBeInstanceOf(InvalidProofError);
  });
});

describe('organizationFeedUrl', () => {
  it('sits beside the subgraph’s /graphql', () => {
    expect(organizationFeedUrl('http://organizations:4001/graphql')).toBe('http://organizations:4001/internal/organization-feed');
  });
});
