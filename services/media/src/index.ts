import 'reflect-metadata';

export { subgraph } from './subgraph.js';
