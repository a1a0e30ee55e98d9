import { expect, type Locator } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const directory = mkdtempSync(join(tmpdir(), 'phieukin-qr-'));
let shots = 0;

/**
 * Reads a QR code the way a phone camera does: from pixels on the screen. The element is
 * photographed and decoded by zbarimg (Debian's zbar-tools).
 */
export async function scanQr(code: Locator): Promise<string> {
	await expect(code).toBeVisible();
	const file = join(directory, `qr-${shots++}.png`);
	await code.screenshot({ path: file });
	return execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8' }).trim();
}
