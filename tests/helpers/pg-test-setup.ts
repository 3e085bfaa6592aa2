import { afterAll } from 'vitest';
import { closeTestStores } from './test-store';

// Each test file's PostgreSQL records: their connections closed and schemas dropped when it is done.
afterAll(closeTestStores);
