import 'reflect-metadata';

export { subgraph } from './subgraph.js';
export { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from './seed/demo-users.js';
export { AUTHENTICATE_PATH, type AuthenticateRefusal, type AuthenticateRequest, type AuthenticateResponse } from './internal/authenticate.js';
export { JWT_AUDIENCE, JWT_ISSUER } from './credentials.js';
