// Progressive enhancement for the phone ballot. The ballot works without it; with it, choices
// survive the phone locking or the browser reloading the tab, a counter shows progress, a score
// sheet shows one person per screen with their running total in the bar and explains a wrong
// score at its field before the review step, every score is posted as a code of one width, a
// second tap on "send" is ignored, "send" posts the ballot once and shows the answer in place
// (received, or why not), and a ballot that could not be stored or sent (the server says so, the
// network fails) says so, stays on screen and is sent again by itself after a pause, with the
// same submission, which the server recognises: it is never counted twice. Choices are kept in
// this tab's sessionStorage only, under a key the server gives each card, and erased once sent.
(function () {
	'use strict';
	var PREFIX = 'phieukin-ballot:';
	/** Seconds before sending again when the server names no pause (Retry-After). */
	var DEFAULT_PAUSE = 5;
	var LONGEST_PAUSE = 120;

	function storage() {
		try {
			return window.sessionStorage;
		} catch (e) {
			return null;
		}
	}

	var store = storage();

	// Every card's kept choices but `keep`'s: the next voter on a shared phone finds none.
	function forgetDrafts(keep) {
		if (!store) return;
		for (var i = store.length - 1; i >= 0; i--) {
			var name = store.key(i);
			if (name && name.indexOf(PREFIX) === 0 && name !== keep) store.removeItem(name);
		}
	}

	if (document.querySelector('[data-ballot-done]')) {
		forgetDrafts(null);
		return;
	}

	var review = document.querySelector('form[data-review]');
	if (review) sendWithRetry(review);

	// The final step: post with fetch so that a failure keeps this page, then say why.
	function sendWithRetry(form) {
		var status = form.querySelector('[data-send-status]');
		var button = form.querySelector('[data-send]');
		var label = button ? button.textContent : '';
		var sending = false;
		var waitingForNetwork = false;
		var retry = null;
		// Built once: a resend is the identical submission, nonce included.
		var body = null;

		function say(text) {
			if (!status) return;
			status.textContent = text;
			status.hidden = !text;
		}

		function ready() {
			sending = false;
			if (button) {
				button.disabled = false;
				button.textContent = label;
			}
		}

		function failed(reason) {
			ready();
			waitingForNetwork = reason === 'offline';
			say(form.getAttribute('data-' + reason));
		}

		// Not stored (the server said so) or no answer: said, then sent again after the pause; the
		// voter may press "send" sooner.
		function sendLater(message, seconds) {
			ready();
			say(message + ' ' + form.getAttribute('data-retrying'));
			retry = setTimeout(send, seconds * 1000);
		}

		function pause(retryAfter) {
			var seconds = Number(retryAfter);
			if (!retryAfter || !(seconds >= 1)) return DEFAULT_PAUSE;
			return Math.min(seconds, LONGEST_PAUSE);
		}

		function send() {
			clearTimeout(retry);
			sending = true;
			waitingForNetwork = false;
			say('');
			if (button) {
				button.disabled = true;
				button.textContent = form.getAttribute('data-sending-text');
			}
			if (!body) body = new URLSearchParams(new FormData(form));
			var controller = window.AbortController ? new AbortController() : null;
			var timer = setTimeout(function () {
				if (controller) controller.abort();
			}, 15000);
			// Asking for SvelteKit's JSON answer keeps this to one request: a redirect comes back as
			// data instead of being followed, and a refusal is shown here instead of being posted
			// again as a plain form (the body is the same urlencoded form a plain post sends).
			fetch(form.action, {
				method: 'POST',
				body: body,
				headers: { accept: 'application/json', 'x-sveltekit-action': 'true' },
				credentials: 'same-origin',
				signal: controller ? controller.signal : undefined
			})
				.then(function (response) {
					var answer = { status: response.status, retryAfter: response.headers.get('retry-after') };
					return response.json().then(
						function (result) {
							answer.result = result;
							return answer;
						},
						function () {
							// Not the action's answer: a proxy's error page, a body refused at the edge.
							answer.result = { type: 'unreadable' };
							return answer;
						}
					);
				})
				.then(
					function (answer) {
						clearTimeout(timer);
						answered(answer);
					},
					function () {
						clearTimeout(timer);
						if (navigator.onLine === false) failed('offline');
						else sendLater(form.getAttribute('data-timeout'), DEFAULT_PAUSE);
					}
				);
		}

		// The action's answer: a redirect (received, or the card is gone from the cookie), a
		// ballot the server could not store (503), a refusal of the card, a ballot the server
		// would not read, or a server that failed.
		function answered(answer) {
			var result = answer.result;
			var error = result.type === 'error' && result.error ? result.error : null;
			if (result.type === 'redirect') {
				forgetDrafts(null);
				window.location.replace(result.location);
			} else if (answer.status === 503) {
				var said = error && error.message ? error.message : form.getAttribute('data-server');
				if (error && error.detail) said += ' ' + error.detail;
				sendLater(said, pause(answer.retryAfter));
			} else if (error && answer.status < 500 && error.message) {
				forgetDrafts(null);
				refused(error);
			} else {
				failed(result.type === 'failure' ? 'bad' : 'server');
			}
		}

		// The card cannot be used (used, voting closed, unknown): the page a plain post shows.
		function refused(error) {
			var main = document.querySelector('main') || document.body;
			var card = document.createElement('div');
			card.className = 'card narrow centered';
			card.setAttribute('role', 'alert');
			var icon = document.createElement('p');
			icon.className = 'status-icon warning';
			icon.setAttribute('aria-hidden', 'true');
			icon.textContent = '!';
			var title = document.createElement('h1');
			title.textContent = error.message;
			card.appendChild(icon);
			card.appendChild(title);
			if (error.detail) {
				var detail = document.createElement('p');
				detail.textContent = error.detail;
				card.appendChild(detail);
			}
			var help = document.createElement('p');
			var link = document.createElement('a');
			link.href = '/v';
			link.textContent = form.getAttribute('data-help-link');
			help.appendChild(link);
			card.appendChild(help);
			while (main.firstChild) main.removeChild(main.firstChild);
			main.appendChild(card);
			document.title = error.message + ' · ' + document.title.split(' · ').pop();
			window.scrollTo(0, 0);
		}

		form.addEventListener('submit', function (event) {
			if (sending) {
				event.preventDefault();
				return;
			}
			// "Change my ballot" goes back to the ballot the ordinary way, and sends nothing meanwhile.
			if (event.submitter && event.submitter.hasAttribute('formaction')) {
				clearTimeout(retry);
				return;
			}
			if (!window.fetch || !window.FormData || !window.URLSearchParams) return;
			event.preventDefault();
			if (navigator.onLine === false) failed('offline');
			else send();
		});
		window.addEventListener('online', function () {
			if (waitingForNetwork && !sending) send();
		});
	}

	var form = document.querySelector('form[data-ballot]');
	if (!form) return;
	var key = PREFIX + form.getAttribute('data-ballot');
	forgetDrafts(key);
	var fields = Array.prototype.slice.call(form.querySelectorAll('input[name^="s."]'));
	// Every row starts on "blank", checked: a row is filled once something else is chosen.
	var anyFilled = fields.some(function (field) {
		return field.type === 'radio'
			? field.checked && !field.hasAttribute('data-blank')
			: field.value !== '';
	});

	function save() {
		if (!store) return;
		var state = {};
		fields.forEach(function (field) {
			if (field.type === 'radio' ? field.checked : field.value !== '')
				state[field.name] = field.value;
		});
		try {
			store.setItem(key, JSON.stringify(state));
		} catch (e) {
			// Storage full or disabled: the ballot still works, it just is not kept.
		}
	}

	if (!anyFilled && store) {
		try {
			var saved = JSON.parse(store.getItem(key) || '{}');
			fields.forEach(function (field) {
				var value = saved[field.name];
				if (value === undefined) return;
				if (field.type === 'radio') field.checked = field.value === value;
				else field.value = value;
			});
		} catch (e) {
			store.removeItem(key);
		}
	}

	// Choices: how many people are marked.
	var progress = form.querySelector('[data-progress]');
	function updateProgress() {
		if (!progress) return;
		var rows = form.querySelectorAll('fieldset').length;
		var done = form.querySelectorAll('input[type="radio"]:checked:not([data-blank])').length;
		progress.textContent = progress
			.getAttribute('data-template')
			.replace('{done}', String(done))
			.replace('{total}', String(rows));
	}

	// Score sheets: the person's running total in the bar, in half points to stay exact, and a
	// wrong score explained at its field, in the page's language, before the review step.
	function halfPoints(text) {
		var value = text.trim().replace(',', '.');
		if (!/^\d{1,3}(\.\d{1,2})?$/.test(value)) return null;
		var doubled = Number(value) * 2;
		return doubled === Math.round(doubled) ? doubled : null;
	}

	// A score as the server's ballot-wire reads it: points with one decimal, zero-padded to five
	// characters, or five dashes when left empty; anything else goes as typed and is explained.
	function scoreCode(text) {
		if (text.trim() === '') return '-----';
		var value = halfPoints(text);
		return value === null ? text : ('0000' + (value / 2).toFixed(1)).slice(-5);
	}

	function scoreFits(input) {
		var value = halfPoints(input.value);
		return input.value.trim() === '' || (value !== null && value <= 2 * Number(input.dataset.max));
	}

	// The message under a field: the one the server wrote on review, or one written here.
	function explain(input, show) {
		var id = input.id + '-error';
		var message = document.getElementById(id);
		var fits = scoreFits(input);
		input.setAttribute('aria-invalid', fits ? 'false' : 'true');
		if (fits) {
			if (message) message.remove();
			input.removeAttribute('aria-describedby');
			return;
		}
		if (!show && !message) return;
		if (!message) {
			message = document.createElement('p');
			message.className = 'field-error';
			message.id = id;
			input.closest('.criterion').appendChild(message);
		}
		message.textContent = form
			.getAttribute('data-bounds-template')
			.replace('{max}', input.getAttribute('data-max'));
		input.setAttribute('aria-describedby', id);
	}

	var sheets = Array.prototype.slice.call(form.querySelectorAll('[data-sheet]'));
	var scoreInputs = Array.prototype.slice.call(form.querySelectorAll('input[data-max]'));
	var current = Math.max(
		0,
		sheets.findIndex(function (sheet) {
			return sheet.hasAttribute('data-problem');
		})
	);
	var status = form.querySelector('[data-sheet-status]');

	function updateTotal() {
		if (!status || !sheets[current]) return;
		var total = 0;
		Array.prototype.forEach.call(
			sheets[current].querySelectorAll('input[data-max]'),
			function (input) {
				var value = halfPoints(input.value);
				if (value !== null && scoreFits(input)) total += value;
			}
		);
		var text = (total / 2).toFixed(1).replace(/\.0$/, '');
		if (document.documentElement.lang === 'vi') text = text.replace('.', ',');
		var output = status.querySelector('[data-total]');
		output.textContent = output.getAttribute('data-template').replace('{total}', text);
		status.hidden = false;
	}

	scoreInputs.forEach(function (input) {
		explain(input, true);
	});

	// One person per screen, with previous / next and "3 / 12".
	var pager = form.querySelector('[data-pager]');
	var paged = form.hasAttribute('data-paged') && sheets.length > 1 && pager;
	var previous = document.createElement('button');
	var next = document.createElement('button');
	var where = status && status.querySelector('[data-page]');

	function show(index) {
		current = index;
		if (paged) {
			sheets.forEach(function (sheet, position) {
				sheet.hidden = position !== index;
			});
			previous.disabled = index === 0;
			next.disabled = index === sheets.length - 1;
			where.textContent = form
				.getAttribute('data-page-template')
				.replace('{current}', String(index + 1))
				.replace('{total}', String(sheets.length));
		}
		updateTotal();
	}

	if (paged) {
		previous.type = next.type = 'button';
		previous.className = next.className = 'button secondary';
		previous.textContent = form.getAttribute('data-previous');
		next.textContent = form.getAttribute('data-next');
		where.setAttribute('aria-live', 'polite');
		pager.appendChild(previous);
		pager.appendChild(next);
		pager.classList.add('pager');
		pager.hidden = false;
		previous.addEventListener('click', function () {
			show(Math.max(0, current - 1));
			window.scrollTo(0, 0);
		});
		next.addEventListener('click', function () {
			show(Math.min(sheets.length - 1, current + 1));
			window.scrollTo(0, 0);
			var first = sheets[current].querySelector('input');
			if (first) first.focus();
		});
	}
	if (sheets.length > 0) show(current);

	// A wrong score stops the way to the review step here, at its field, not a page later.
	form.addEventListener('submit', function (event) {
		var wrong = scoreInputs.filter(function (input) {
			return !scoreFits(input);
		});
		if (wrong.length === 0) return;
		event.preventDefault();
		wrong.forEach(function (input) {
			explain(input, true);
		});
		show(sheets.indexOf(wrong[0].closest('[data-sheet]')));
		wrong[0].focus();
	});

	// The review step's post has the same length whatever the scores (README, "Equal sizes on the
	// wire"); what the voter typed stays in the fields.
	form.addEventListener('formdata', function (event) {
		scoreInputs.forEach(function (input) {
			event.formData.set(input.name, scoreCode(input.value));
		});
	});

	// Going to the review step without a network would only show the browser's error page.
	form.addEventListener('submit', function (event) {
		if (navigator.onLine !== false) return;
		event.preventDefault();
		var notice = form.querySelector('[data-send-status]');
		if (!notice) {
			notice = document.createElement('p');
			notice.className = 'notice error';
			notice.setAttribute('role', 'alert');
			notice.setAttribute('data-send-status', '');
			form.insertBefore(notice, form.firstChild);
		}
		notice.textContent = form.getAttribute('data-offline');
	});

	// While typing, a message only goes away once the score is right ("4," is on its way to
	// "4,5"); a score left wrong is explained when the voter moves on.
	form.addEventListener('input', function (event) {
		if (event.target.hasAttribute('data-max')) {
			explain(event.target, false);
			updateTotal();
		}
		save();
		updateProgress();
	});
	form.addEventListener('change', function (event) {
		if (event.target.hasAttribute('data-max')) explain(event.target, true);
		save();
		updateProgress();
	});
	updateProgress();
})();
