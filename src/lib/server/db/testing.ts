import { migrateDatabase, openDatabase, type AppDatabase } from './index';

/** A fresh in-memory database with every migration applied, as the app runs it. */
export function createTestDatabase(): AppDatabase {
	const db = openDatabase(':memory:');
	migrateDatabase(db);
	return db;
}
