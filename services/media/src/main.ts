import { runSubgraph } from '@lantoa/kit';
import { subgraph } from './subgraph.js';

await runSubgraph(subgraph);
