import { defineConfig } from 'drizzle-kit';

// `drizzle-kit migrate` would apply migrations on a connection of its own, without the SQL
// functions the app registers (nfc(), called by drizzle/0007_nfc_text.sql), and fail there
// without a word. `npm run db:migrate` migrates on the app's connection instead.
if (process.argv.includes('migrate')) {
	console.error(
		'Apply migrations with `npm run db:migrate` or by starting the app, not `drizzle-kit migrate`.'
	);
	process.exit(2);
}

export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'sqlite',
	dbCredentials: { url: process.env.DATABASE_PATH ?? './data/phieukin.db' },
	strict: true,
	verbose: true
});
