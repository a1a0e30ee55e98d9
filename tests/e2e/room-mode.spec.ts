/**
 * One laptop in the meeting room: `npm start` prints the address phones should use with its QR
 * code, cards printed from the laptop itself carry that address (not localhost), and the sheet
 * can start with a QR code that joins the room's Wi-Fi.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD } from './support/http-client';
import { scanQr } from './support/qr';
import { freePort } from './support/server';

function startRoomServer(env: Record<string, string>) {
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			...process.env,
			DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'phieukin-room-')), 'room.db'),
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	const ready = new Promise<void>((resolve, reject) => {
		const poll = setInterval(() => {
			if (output.includes('is listening on')) {
				clearInterval(poll);
				// The QR code is printed just after the address.
				setTimeout(resolve, 300);
			}
			if (child.exitCode !== null) reject(new Error(output));
		}, 50);
	});
	return { child, ready, output: () => output };
}

test('the laptop prints the phones’ address and its QR, and cards carry it', async ({ page }) => {
	test.setTimeout(120_000);
	const port = await freePort();
	const roomPort = await freePort();

	// On every interface, as `npm start` does: an address for phones, or a plain word why not.
	const everywhere = startRoomServer({ HOST: '0.0.0.0', PORT: String(port) });
	await everywhere.ready;
	everywhere.child.kill();
	const printed = everywhere.output();
	const lan = /Phones on the same network use (http:\/\/[\d.]+:\d+)/.exec(printed)?.[1];
	if (lan) {
		expect(lan).toMatch(new RegExp(`:${port}$`));
		// A QR code drawn with block characters follows the address.
		expect(printed.split(lan)[1]).toMatch(/[▀▄█]{10}/);
	} else {
		expect(printed).toContain('Phones cannot reach this address');
	}

	// The organiser on the laptop itself (localhost); the phones' address chosen explicitly.
	const phones = `http://192.168.1.10:${roomPort}`;
	const room = startRoomServer({ HOST: '127.0.0.1', PORT: String(roomPort), PHONE_ORIGIN: phones });
	await room.ready;
	try {
		expect(room.output()).toContain(`Phones on the same network use ${phones}`);
		const local = `http://localhost:${roomPort}`;
		await page.goto(`${local}/setup`);
		await page.getByLabel('Họ và tên').fill('Bí thư Chi bộ');
		await page.getByLabel('Tên đăng nhập').fill('bithu');
		await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN_PASSWORD);
		await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN_PASSWORD);
		await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
		await expect(page).toHaveURL(/\/sessions$/);
		await page.goto(`${local}/sessions/new`);
		await page.getByLabel('Tên hội nghị').fill('Họp chi bộ tháng 11');
		await page.getByLabel('Cơ quan, đơn vị').fill('Chi bộ Văn phòng');
		await page.getByLabel('Địa điểm').fill('Phòng họp tầng 2');
		await page.getByLabel('Số người được triệu tập', { exact: true }).fill('3');
		await page.getByRole('button', { name: 'Tạo phiên' }).click();
		await expect(page.getByRole('heading', { name: 'Họp chi bộ tháng 11' })).toBeVisible();

		await page.goto(`${page.url()}/cards`);
		await page.getByLabel('Số phiếu', { exact: true }).fill('2');
		await page.getByText('In thêm mã QR kết nối Wi-Fi').click();
		await page.getByLabel('Tên mạng Wi-Fi').fill('PhongHop-T2');
		await page.getByLabel('Mật khẩu Wi-Fi').fill('hop;chi:bo');
		await page.getByRole('button', { name: 'Phát hành và hiển thị để in' }).click();
		await expect(page.locator('.ballot-card:not(.wifi-card)')).toHaveCount(2);

		const cardUrl = await scanQr(page.locator('.ballot-card:not(.wifi-card) img.qr').first());
		expect(cardUrl).toMatch(new RegExp(`^${phones}/v/[A-Za-z0-9_-]{22}$`));
		await expect(page.getByText(`${phones}/v`).first()).toBeVisible();
		const wifi = await scanQr(page.locator('.wifi-card img.qr'));
		expect(wifi).toBe('WIFI:T:WPA;S:PhongHop-T2;P:hop\\;chi\\:bo;;');
	} finally {
		room.child.kill();
	}
});
