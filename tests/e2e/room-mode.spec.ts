/**
 * One laptop in the meeting room: `npm start` prints the address phones should use with its QR
 * code, cards printed from the laptop itself carry that address (not localhost), and the sheet
 * can start with a QR code that joins the room's Wi-Fi. Over plain HTTP on the room's network
 * the organiser is warned; given a certificate and key, the laptop serves HTTPS instead.
 */
import { expect, test, type Page } from '@playwright/test';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { get } from 'node:https';
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

const PLAIN_HTTP_WARNING = 'Phiếu đang được gửi qua mạng không mã hóa';

/** The first administrator on a fresh server, then a session of three people; its address. */
async function firstSession(page: Page, origin: string): Promise<string> {
	await page.goto(`${origin}/setup`);
	await page.getByLabel('Họ và tên').fill('Bí thư Chi bộ');
	await page.getByLabel('Tên đăng nhập').fill('bithu');
	await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN_PASSWORD);
	await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN_PASSWORD);
	await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
	await expect(page).toHaveURL(/\/sessions$/);
	await page.goto(`${origin}/sessions/new`);
	await page.getByLabel('Tên hội nghị').fill('Họp chi bộ tháng 11');
	await page.getByLabel('Cơ quan, đơn vị').fill('Chi bộ Văn phòng');
	await page.getByLabel('Địa điểm').fill('Phòng họp tầng 2');
	await page.getByLabel('Số người được triệu tập', { exact: true }).fill('3');
	await page.getByRole('button', { name: 'Tạo phiên' }).click();
	await expect(page.getByRole('heading', { name: 'Họp chi bộ tháng 11' })).toBeVisible();
	return page.url();
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
		const session = await firstSession(page, `http://localhost:${roomPort}`);
		// Phones on the room's network over plain HTTP: the organiser is told what that exposes.
		await expect(page.getByRole('heading', { name: PLAIN_HTTP_WARNING })).toBeVisible();
		await expect(page.getByText(`Điện thoại mở ${phones} bằng HTTP thường`)).toBeVisible();

		await page.goto(`${session}/cards`);
		await expect(page.getByRole('heading', { name: PLAIN_HTTP_WARNING })).toBeVisible();
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

/** A certificate for localhost and its key, made here by openssl, as PEM files. */
function selfSignedCertificate(directory: string) {
	const cert = join(directory, 'cert.pem');
	const key = join(directory, 'key.pem');
	execFileSync(
		'openssl',
		['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
			.concat(['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'])
			.concat(['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1']),
		{ stdio: 'ignore' }
	);
	return { cert, key };
}

/** GET over HTTPS, trusting only `ca`: the status, or the TLS error. */
function getTrusting(url: string, ca: Buffer): Promise<number> {
	return new Promise((resolve, reject) => {
		get(url, { ca }, (response) => {
			response.resume();
			resolve(response.statusCode ?? 0);
		}).on('error', reject);
	});
}

test('given TLS_CERT and TLS_KEY, the laptop serves HTTPS and the cards send phones to https', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const directory = mkdtempSync(join(tmpdir(), 'phieukin-tls-'));
	const { cert, key } = selfSignedCertificate(directory);

	// Half a pair, or a file it cannot read: a plain refusal before anything starts.
	for (const [env, message] of [
		[{ TLS_CERT: cert }, 'TLS_KEY is not set'],
		[{ TLS_KEY: key }, 'TLS_CERT is not set'],
		[{ TLS_CERT: cert, TLS_KEY: join(directory, 'missing.pem') }, 'Cannot read TLS_KEY'],
		[{ TLS_CERT: key, TLS_KEY: key }, 'TLS_CERT and TLS_KEY cannot serve HTTPS']
	] as const) {
		const refused = spawnSync(process.execPath, ['scripts/start.js'], {
			env: { ...process.env, ...env },
			encoding: 'utf8',
			timeout: 10_000
		});
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain(message);
	}

	const port = await freePort();
	const room = startRoomServer({
		HOST: '0.0.0.0',
		PORT: String(port),
		TLS_CERT: cert,
		TLS_KEY: key
	});
	await room.ready;
	try {
		const origin = `https://localhost:${port}`;
		expect(room.output()).toContain(`Phiếu Kín is listening on ${origin}`);
		const phones = /Phones on the same network use (\S+)/.exec(room.output())?.[1];
		if (phones) expect(phones).toMatch(new RegExp(`^https://[\\d.]+:${port}$`));
		expect(room.output()).not.toContain('Plain HTTP');
		// The certificate made above is the one served: trusted alone, it opens /healthz.
		expect(await getTrusting(`${origin}/healthz`, readFileSync(cert))).toBe(200);

		const context = await browser.newContext({ ignoreHTTPSErrors: true });
		const page = await context.newPage();
		const session = await firstSession(page, origin);
		await page.goto(`${session}/cards`);
		await page.getByLabel('Số phiếu', { exact: true }).fill('1');
		await page.getByRole('button', { name: 'Phát hành và hiển thị để in' }).click();
		const cardUrl = await scanQr(page.locator('.ballot-card img.qr'));
		expect(cardUrl).toMatch(new RegExp(`^${phones ?? origin}/v/[A-Za-z0-9_-]{22}$`));
		await expect(page.getByRole('heading', { name: PLAIN_HTTP_WARNING })).toHaveCount(0);
		await page.goto(session);
		await expect(page.getByRole('heading', { name: 'Họp chi bộ tháng 11' })).toBeVisible();
		await expect(page.getByRole('heading', { name: PLAIN_HTTP_WARNING })).toHaveCount(0);
		// Over HTTPS the organiser's cookie is Secure (and __Host-, bound to this origin).
		const cookies = await context.cookies(origin);
		expect(cookies.find((cookie) => cookie.name === '__Host-phieukin_session')?.secure).toBe(true);
		await context.close();
	} finally {
		room.child.kill();
	}
});
