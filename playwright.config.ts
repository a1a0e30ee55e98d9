import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 2,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
	use: {
		baseURL: `http://localhost:${PORT}`,
		viewport: { width: 390, height: 844 },
		deviceScaleFactor: 2,
		isMobile: true,
		hasTouch: true,
		locale: 'vi-VN',
		trace: 'retain-on-failure',
		launchOptions: {
			// Debian's Chromium; Playwright must never download a browser on these machines.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-quic',
				'--no-first-run'
			]
		}
	},
	projects: [
		{ name: 'first-run', testMatch: 'first-run.spec.ts' },
		{ name: 'phone', testIgnore: 'first-run.spec.ts', dependencies: ['first-run'] }
	],
	webServer: {
		// The production build, served the way `npm start` serves it, on an empty database.
		command: 'node tests/e2e/server.js',
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		stderr: 'pipe',
		env: { PORT: String(PORT), HOST: '127.0.0.1' }
	}
});
