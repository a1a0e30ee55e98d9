// `npm run db:migrate`: applies drizzle/'s migrations to DATABASE_PATH without starting the app,
// on a connection opened the way the app opens it. Migrations may call the SQL functions the
// app registers (nfc() in 0007), which `drizzle-kit migrate`'s own connection does not have.
import { DEFAULT_DATABASE_PATH, migrateDatabase, openDatabase } from '../src/lib/server/db';

const path = process.env.DATABASE_PATH ?? DEFAULT_DATABASE_PATH;
const db = openDatabase(path);
migrateDatabase(db);
db.$client.close();
console.log(`Migrations applied to ${path}.`);
