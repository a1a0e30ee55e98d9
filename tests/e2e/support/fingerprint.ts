/**
 * Watches a running server's database from the test: whether anything was committed since the
 * last look (SQLite's data_version, nearly free), and if so what the rows now hold.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * Columns a refused request may rightly change: a failed login counts towards the account's
 * lockout, and a signed-in request slides its session's expiry (at most once a minute).
 */
const MAY_CHANGE = new Set(['user.failed_login_count', 'auth_session.expires_at']);

export class DatabaseWatch {
	private readonly database: Database.Database;
	private version: number;
	private rows: Map<string, string>;

	constructor(path: string) {
		this.database = new Database(path, { readonly: true });
		this.version = this.dataVersion();
		this.rows = this.snapshot();
	}

	private dataVersion(): number {
		return this.database.pragma('data_version', { simple: true }) as number;
	}

	private snapshot(): Map<string, string> {
		const tables = this.database
			.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")
			.pluck()
			.all() as string[];
		const digests = new Map<string, string>();
		for (const table of tables) {
			const columns = (
				this.database
					.prepare(`select name from pragma_table_info(?)`)
					.pluck()
					.all(table) as string[]
			).filter((column) => !MAY_CHANGE.has(`${table}.${column}`));
			const list = columns.map((column) => `"${column}"`).join(', ');
			const rows = this.database
				.prepare(`select ${list} from "${table}" order by ${list}`)
				.raw()
				.all();
			digests.set(table, createHash('sha1').update(JSON.stringify(rows)).digest('hex'));
		}
		return digests;
	}

	/**
	 * After a request: the tables whose rows changed since the last call (an empty list when
	 * nothing did). Call it after every request, accepted or not, so the baseline keeps up.
	 */
	changedTables(): string[] {
		const version = this.dataVersion();
		if (version === this.version) return [];
		this.version = version;
		const rows = this.snapshot();
		const changed = [...rows].filter(([table, digest]) => this.rows.get(table) !== digest);
		this.rows = rows;
		return changed.map(([table]) => table);
	}

	close(): void {
		this.database.close();
	}
}
