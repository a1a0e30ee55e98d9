import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			// The language lives in a cookie, never in the URL, so QR links stay short.
			strategy: ['cookie', 'baseLocale']
		})
	],
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
		environment: 'node',
		env: { DATABASE_PATH: ':memory:' },
		// A test that asserts nothing fails instead of passing in silence.
		expect: { requireAssertions: true }
	}
});
