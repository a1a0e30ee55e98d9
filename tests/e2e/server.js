// Starts the production server for the end-to-end suite on a database created empty.
import { rmSync } from 'node:fs';

const directory = 'tests/.tmp';
rmSync(directory, { recursive: true, force: true });
process.env.DATABASE_PATH = `${directory}/e2e.db`;
await import('../../scripts/start.js');
