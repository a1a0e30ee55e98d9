// The ceiling of this stack for the benchmark: a bare node:http server and better-sqlite3 doing
// what the app does with a returned ballot (hash the card, consume it, store the ballot and its
// marks and a receipt in one IMMEDIATE transaction, answer the phone's script as the app does), with the same pragmas, on a
// database with the app's own schema. Nothing else: no framework, no validation of the marks.
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

const db = new Database(process.env.DATABASE_PATH);
for (const pragma of [
	'journal_mode = WAL',
	'synchronous = FULL',
	'foreign_keys = ON',
	'busy_timeout = 5000',
	'secure_delete = ON'
]) {
	db.pragma(pragma);
}

const findCard = db.prepare(
	'select c.status, c.session_id from credential c join vote_session s on s.id = c.session_id ' +
		"where c.token_hash = ? and s.state = 'open'"
);
const consumeCard = db.prepare(
	"update credential set status = 'used', submission_hash = ? where token_hash = ? and status = 'unused'"
);
const insertBallot = db.prepare('insert into ballot (id, session_id, blank) values (?, ?, 0)');
const insertChoice = db.prepare(
	'insert into ballot_choice (ballot_id, subject_id, choice) values (?, ?, ?)'
);
const insertReceipt = db.prepare('insert or ignore into receipt (session_id, code) values (?, ?)');

const sha256 = (text) => createHash('sha256').update(text).digest('hex');

const cast = db.transaction((token, marks, nonce) => {
	const tokenHash = sha256(`token:${token}`);
	const card = findCard.get(tokenHash);
	if (!card || card.status !== 'unused') return false;
	if (consumeCard.run(sha256(`submission:${nonce}`), tokenHash).changes !== 1) return false;
	const ballotId = randomBytes(16).toString('hex');
	insertBallot.run(ballotId, card.session_id);
	for (const [subjectId, choice] of marks) insertChoice.run(ballotId, subjectId, choice);
	insertReceipt.run(card.session_id, sha256(`receipt:${nonce}`).slice(0, 9));
	return true;
});

const server = createServer((request, response) => {
	const chunks = [];
	request.on('data', (chunk) => chunks.push(chunk));
	request.on('end', () => {
		const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
		const token = /phieukin_card=t\.([A-Za-z0-9_-]+)/.exec(request.headers.cookie ?? '')?.[1];
		const marks = [...form].filter(([key]) => key.startsWith('s.'));
		const accepted =
			token !== undefined &&
			cast.immediate(
				token,
				marks.map(([key, value]) => [key.slice(2), value]),
				form.get('submission') ?? ''
			);
		// Answered as the app answers the phone's script: the action's redirect, as JSON.
		response.writeHead(accepted ? 200 : 403, {
			'content-type': 'application/json',
			'set-cookie': 'phieukin_card=r; Path=/v; HttpOnly; SameSite=Lax; Max-Age=600'
		});
		response.end(accepted ? '{"type":"redirect","status":303,"location":"/v/done"}' : '{}');
	});
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('stand-in ready'));
