import type { AppDatabase } from './index';

/**
 * Queries prepared once per connection. Drizzle builds a query's SQL afresh on every call, which
 * costs more than running it; the queries on every request's path are prepared with this.
 * Prepared statements run on the connection, so inside `db.transaction` they take part in it.
 */
export function preparedQueries<T>(prepare: (db: AppDatabase) => T): (db: AppDatabase) => T {
	const cache = new WeakMap<object, T>();
	return (db) => {
		let prepared = cache.get(db.$client);
		if (!prepared) {
			prepared = prepare(db);
			cache.set(db.$client, prepared);
		}
		return prepared;
	};
}
