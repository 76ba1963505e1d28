// Part 3 of the authorization matrix (see authorization-matrix.test.ts): a separate file so it runs in its own process.
import { test } from 'node:test';
import { runMatrixShard } from './test/matrix-run.ts';

test('authorization matrix, part 3 of 3', (t) => runMatrixShard(t, 2, 3));
